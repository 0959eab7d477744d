//! SOP templates: the TOML format, its validation, and the built-in templates.
//!
//! A template is a human-editable TOML file: a `[sop]` header sheet, the lanes
//! (`[[pelaksana]]`, in the sheet's column order) and the steps (`[[langkah]]`,
//! in printed order). See `assets/sop/*.toml` for complete examples.
//!
//! [`SopTemplate::parse`] reports every problem it finds at once, each with
//! file, 1-based line and column, and a field path such as
//! `langkah[3].pelaksana`. Indices in field paths count the blocks as they
//! stand in the file, starting at 1 (`langkah[3]` is the third `[[langkah]]`
//! block, whatever its `no`). When the TOML itself does not parse, only the
//! syntax errors are reported (a half-read document would give misleading
//! follow-up errors).

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::worktime::standard::Waktu;

/// A whole SOP: header sheet, lanes and steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SopTemplate {
    #[serde(rename = "sop")]
    pub kepala: KepalaSop,
    pub pelaksana: Vec<Pelaksana>,
    pub langkah: Vec<Langkah>,
}

/// The header sheet of an SOP (Permenpan RB 35/2012 format).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KepalaSop {
    /// Template id, a lowercase slug (`[a-z0-9-]`).
    pub kode: String,
    pub nomor: String,
    pub nama: String,
    pub instansi: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanggal_pembuatan: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanggal_revisi: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tanggal_efektif: Option<NaiveDate>,
    pub disahkan_oleh: String,
    pub dasar_hukum: Vec<String>,
    pub kualifikasi_pelaksana: Vec<String>,
    pub keterkaitan: Vec<String>,
    pub peralatan_perlengkapan: Vec<String>,
    pub peringatan: Vec<String>,
    pub pencatatan_pendataan: Vec<String>,
}

/// A lane (column "Pelaksana" of the sheet).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pelaksana {
    pub kode: String,
    pub nama: String,
}

/// A step of the SOP.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Langkah {
    /// Number as printed ("10" may follow "8").
    pub no: String,
    pub kegiatan: String,
    /// Lane kode.
    pub pelaksana: String,
    pub kelengkapan: Vec<String>,
    pub waktu: Waktu,
    pub output: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub keterangan: String,
    /// For a decision: the `no` of the earlier step a reject (Tolak/Tidak) returns to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolak_ke: Option<String>,
    /// Fan-out: one task per unit (Sekretariat and each Bidang); done when all are.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub per_unit: bool,
    /// The end capsule; exactly the last step has it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub akhir: bool,
}

/// One validation problem, positioned in the source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SopError {
    pub berkas: String,
    /// 1-based line.
    pub baris: usize,
    /// 1-based column (in characters).
    pub kolom: usize,
    /// Field path, e.g. `langkah[3].pelaksana`; empty for TOML syntax errors.
    pub bidang: String,
    /// Indonesian message.
    pub pesan: String,
}

impl fmt::Display for SopError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.berkas, self.baris, self.kolom)?;
        if !self.bidang.is_empty() {
            write!(f, "{}: ", self.bidang)?;
        }
        f.write_str(&self.pesan)
    }
}

impl std::error::Error for SopError {}

/// All problems of a template, sorted by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SopErrors(pub Vec<SopError>);

impl fmt::Display for SopErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SopErrors {}

/// A template shipped with the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SopBawaan {
    pub kode: &'static str,
    /// The TOML text.
    pub sumber: &'static str,
    /// The notes on how the scan was read (`.catatan.md`).
    pub catatan: &'static str,
    pub nama_berkas: &'static str,
}

impl SopBawaan {
    /// Parses [`SopBawaan::sumber`] (the tests make sure this succeeds).
    pub fn muat(&self) -> Result<SopTemplate, SopErrors> {
        SopTemplate::parse(self.sumber, self.nama_berkas)
    }
}

static BAWAAN: [SopBawaan; 2] = [
    SopBawaan {
        kode: "bkpsdm-90-2023",
        sumber: include_str!("../../assets/sop/bkpsdm-90-2023.toml"),
        catatan: include_str!("../../assets/sop/bkpsdm-90-2023.catatan.md"),
        nama_berkas: "bkpsdm-90-2023.toml",
    },
    SopBawaan {
        kode: "badan-ntt-pk",
        sumber: include_str!("../../assets/sop/badan-ntt-pk.toml"),
        catatan: include_str!("../../assets/sop/badan-ntt-pk.catatan.md"),
        nama_berkas: "badan-ntt-pk.toml",
    },
];

/// The built-in templates (both seed SOPs).
pub fn sop_bawaan() -> &'static [SopBawaan] {
    &BAWAAN
}

impl SopTemplate {
    /// Parses and validates a template. `nama_berkas` only labels the errors.
    pub fn parse(src: &str, nama_berkas: &str) -> Result<SopTemplate, SopErrors> {
        let mut p = Pengumpul::new(src, nama_berkas);
        let (akar, galat_sintaks) = DeTable::parse_recoverable(src);
        if !galat_sintaks.is_empty() {
            for g in &galat_sintaks {
                let span = g.span().unwrap_or(0..0);
                p.lapor(span, "", pesan_sintaks(g.message()));
            }
            return Err(p.selesai());
        }
        let akar_span = akar.span();
        let akar = akar.into_inner();
        let hasil = baca_dokumen(&mut p, &akar, akar_span);
        if p.galat.is_empty() {
            Ok(hasil)
        } else {
            Err(p.selesai())
        }
    }

    /// Writes the template back as TOML (what [`SopTemplate::parse`] reads).
    pub fn to_toml(&self) -> String {
        let mut o = String::new();
        let k = &self.kepala;
        o.push_str("[sop]\n");
        tulis_teks(&mut o, "kode", &k.kode, true);
        tulis_teks(&mut o, "nomor", &k.nomor, false);
        tulis_teks(&mut o, "nama", &k.nama, true);
        tulis_teks(&mut o, "instansi", &k.instansi, false);
        for (kunci, tgl) in [
            ("tanggal_pembuatan", k.tanggal_pembuatan),
            ("tanggal_revisi", k.tanggal_revisi),
            ("tanggal_efektif", k.tanggal_efektif),
        ] {
            if let Some(t) = tgl {
                o.push_str(&format!("{kunci} = {}\n", t.format("%Y-%m-%d")));
            }
        }
        tulis_teks(&mut o, "disahkan_oleh", &k.disahkan_oleh, false);
        tulis_daftar(&mut o, "dasar_hukum", &k.dasar_hukum);
        tulis_daftar(&mut o, "kualifikasi_pelaksana", &k.kualifikasi_pelaksana);
        tulis_daftar(&mut o, "keterkaitan", &k.keterkaitan);
        tulis_daftar(&mut o, "peralatan_perlengkapan", &k.peralatan_perlengkapan);
        tulis_daftar(&mut o, "peringatan", &k.peringatan);
        tulis_daftar(&mut o, "pencatatan_pendataan", &k.pencatatan_pendataan);
        for pl in &self.pelaksana {
            o.push_str("\n[[pelaksana]]\n");
            tulis_teks(&mut o, "kode", &pl.kode, true);
            tulis_teks(&mut o, "nama", &pl.nama, true);
        }
        for l in &self.langkah {
            o.push_str("\n[[langkah]]\n");
            tulis_teks(&mut o, "no", &l.no, true);
            tulis_teks(&mut o, "kegiatan", &l.kegiatan, true);
            tulis_teks(&mut o, "pelaksana", &l.pelaksana, true);
            tulis_daftar(&mut o, "kelengkapan", &l.kelengkapan);
            tulis_teks(&mut o, "waktu", &l.waktu.to_string(), true);
            tulis_teks(&mut o, "output", &l.output, false);
            tulis_teks(&mut o, "keterangan", &l.keterangan, false);
            if let Some(t) = &l.tolak_ke {
                tulis_teks(&mut o, "tolak_ke", t, true);
            }
            if l.per_unit {
                o.push_str("per_unit = true\n");
            }
            if l.akhir {
                o.push_str("akhir = true\n");
            }
        }
        o
    }

    /// Index of the (first) step printed as `no`.
    pub fn indeks_langkah(&self, no: &str) -> Option<usize> {
        self.langkah.iter().position(|l| l.no == no)
    }

    /// Index of the lane with this kode.
    pub fn indeks_pelaksana(&self, kode: &str) -> Option<usize> {
        self.pelaksana.iter().position(|p| p.kode == kode)
    }

    /// Whether step `i` is a decision (has `tolak_ke`). False when out of range.
    pub fn keputusan(&self, i: usize) -> bool {
        self.langkah.get(i).is_some_and(|l| l.tolak_ke.is_some())
    }

    /// Index of the step a reject at step `i` returns to.
    pub fn target_tolak(&self, i: usize) -> Option<usize> {
        let t = self.langkah.get(i)?.tolak_ke.as_deref()?;
        self.indeks_langkah(t)
    }

    /// Lane name of step `i` ("" when out of range or unknown).
    pub fn nama_pelaksana(&self, i: usize) -> &str {
        self.langkah
            .get(i)
            .and_then(|l| self.indeks_pelaksana(&l.pelaksana))
            .map_or("", |j| self.pelaksana[j].nama.as_str())
    }

    /// The lane of step `i` as shown in tables: "Sekretariat/Bidang (per unit)"
    /// for a fan-out step.
    pub fn label_pelaksana(&self, i: usize) -> String {
        let lane = self.nama_pelaksana(i);
        match self.langkah.get(i) {
            Some(l) if l.per_unit => format!("{lane} (per unit)"),
            _ => lane.to_string(),
        }
    }
}

// ---------------------------------------------------------------------------
// Writing

fn kutip_toml(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => o.push_str(&format!("\\u{:04X}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn tulis_teks(o: &mut String, kunci: &str, nilai: &str, selalu: bool) {
    if selalu || !nilai.is_empty() {
        o.push_str(&format!("{kunci} = {}\n", kutip_toml(nilai)));
    }
}

fn tulis_daftar(o: &mut String, kunci: &str, isi: &[String]) {
    if isi.is_empty() {
        return;
    }
    o.push_str(&format!("{kunci} = [\n"));
    for s in isi {
        o.push_str(&format!("    {},\n", kutip_toml(s)));
    }
    o.push_str("]\n");
}

// ---------------------------------------------------------------------------
// Reading

const KUNCI_AKAR: &[&str] = &["sop", "pelaksana", "langkah"];
const KUNCI_SOP: &[&str] = &[
    "kode",
    "nomor",
    "nama",
    "instansi",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
];
const KUNCI_PELAKSANA: &[&str] = &["kode", "nama"];
const KUNCI_LANGKAH: &[&str] = &[
    "no",
    "kegiatan",
    "pelaksana",
    "kelengkapan",
    "waktu",
    "output",
    "keterangan",
    "tolak_ke",
    "per_unit",
    "akhir",
];

/// Collects errors and maps byte offsets to line/column.
struct Pengumpul<'a> {
    src: &'a str,
    berkas: &'a str,
    awal_baris: Vec<usize>,
    galat: Vec<SopError>,
}

impl<'a> Pengumpul<'a> {
    fn new(src: &'a str, berkas: &'a str) -> Self {
        let mut awal_baris = vec![0];
        awal_baris.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Pengumpul {
            src,
            berkas,
            awal_baris,
            galat: Vec::new(),
        }
    }

    /// 1-based (line, column in characters) of a byte offset; never panics.
    fn posisi(&self, offset: usize) -> (usize, usize) {
        let off = offset.min(self.src.len());
        let baris = self.awal_baris.partition_point(|&a| a <= off).max(1);
        let awal = self.awal_baris.get(baris - 1).copied().unwrap_or(0);
        let kolom = match self.src.get(awal..off) {
            Some(s) => s.chars().count(),
            None => off.saturating_sub(awal),
        };
        (baris, kolom + 1)
    }

    fn lapor(&mut self, span: Range<usize>, bidang: impl Into<String>, pesan: impl Into<String>) {
        let (baris, kolom) = self.posisi(span.start);
        self.galat.push(SopError {
            berkas: self.berkas.to_string(),
            baris,
            kolom,
            bidang: bidang.into(),
            pesan: pesan.into(),
        });
    }

    fn baris(&self, span: &Range<usize>) -> usize {
        self.posisi(span.start).0
    }

    fn selesai(mut self) -> SopErrors {
        self.galat.sort_by_key(|g| (g.baris, g.kolom));
        SopErrors(self.galat)
    }
}

/// Indonesian wording for the TOML parser's (English) messages; the parser's
/// own text is kept in parentheses.
fn pesan_sintaks(asli: &str) -> String {
    // Matched by prefix, most specific first.
    const TERJEMAHAN: &[(&str, &str)] = &[
        (
            "duplicate key",
            "kunci ganda (kunci atau tabel ini sudah ditulis sebelumnya)",
        ),
        (
            "invalid basic string",
            "teks tidak ditutup dengan tanda kutip",
        ),
        (
            "invalid literal string",
            "teks tidak ditutup dengan tanda kutip",
        ),
        ("invalid multi-line", "teks banyak baris tidak ditutup"),
        (
            "string values must be quoted",
            "teks harus diapit tanda kutip",
        ),
        ("missing opening quote", "tanda kutip pembuka tidak ada"),
        ("missing escaped value", "karakter sesudah '\\' tidak ada"),
        (
            "too few unicode value digits",
            "kode unicode sesudah '\\u' kurang digit",
        ),
        (
            "unclosed array table",
            "judul [[tabel]] tidak ditutup dengan ']]'",
        ),
        ("unclosed table", "judul [tabel] tidak ditutup dengan ']'"),
        ("unclosed array", "daftar tidak ditutup dengan ']'"),
        (
            "unclosed inline table",
            "tabel sebaris tidak ditutup dengan '}'",
        ),
        (
            "missing comma between array",
            "koma antar-isi daftar tidak ada",
        ),
        ("missing comma", "koma pemisah tidak ada"),
        ("extra comma", "koma berlebih"),
        ("unexpected `=` in array", "tanda '=' di dalam daftar"),
        ("missing value", "nilai sesudah '=' tidak ada"),
        (
            "key with no value",
            "kunci tanpa nilai (tulis kunci = nilai)",
        ),
        ("missing assignment", "tanda '=' tidak ada"),
        ("extra assignment", "tanda '=' berlebih"),
        ("extra `=`", "tanda '=' berlebih"),
        (
            "invalid unquoted key",
            "nama kunci tidak sah (pakai huruf, angka, '-' atau '_')",
        ),
        ("unquoted keys cannot be empty", "nama kunci kosong"),
        ("invalid key-value pair", "baris kunci = nilai tidak sah"),
        ("invalid value", "nilai tidak sah"),
        ("invalid comment", "karakter tidak sah di dalam komentar"),
        (
            "unexpected content",
            "ada isi tak terduga (satu kunci = nilai per baris)",
        ),
        (
            "unexpected key or value",
            "ada kunci atau nilai tak terduga",
        ),
        (
            "invalid date",
            "tanggal tidak sah (bentuk tanggal: 2023-10-01)",
        ),
        ("invalid time", "jam tidak sah"),
        ("unexpected leading zero", "angka tidak boleh diawali nol"),
        ("cannot recurse further", "susunan terlalu dalam"),
        ("recursion limit", "susunan terlalu dalam"),
    ];
    let inti = TERJEMAHAN
        .iter()
        .find(|(en, _)| asli.starts_with(en))
        .map_or("penulisan TOML tidak sah", |(_, id)| id);
    format!("kesalahan sintaks TOML: {inti} (pesan pengurai: {asli})")
}

/// Indonesian name of a TOML value's type.
fn jenis(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "teks",
        DeValue::Integer(_) => "bilangan bulat",
        DeValue::Float(_) => "bilangan pecahan",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "tanggal/waktu",
        DeValue::Array(_) => "daftar",
        DeValue::Table(_) => "tabel",
    }
}

/// Levenshtein distance, for "did you mean" hints; `None` for long inputs.
fn jarak_edit(a: &str, b: &str) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return None;
    }
    let mut baris: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut kiri_atas = baris[0];
        baris[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let atas = baris[j + 1];
            let ganti = kiri_atas + usize::from(ca != cb);
            baris[j + 1] = ganti.min(atas + 1).min(baris[j] + 1);
            kiri_atas = atas;
        }
    }
    baris.last().copied()
}

/// " (mungkin maksudnya 'x'?)" when a known word is close to `kata`.
fn saran<'k>(kata: &str, dikenal: impl IntoIterator<Item = &'k str>) -> String {
    dikenal
        .into_iter()
        .filter_map(|k| jarak_edit(kata, k).map(|d| (d, k)))
        .filter(|&(d, k)| d > 0 && d <= 2 && d < k.chars().count())
        .min_by_key(|&(d, _)| d)
        .map_or(String::new(), |(_, k)| {
            format!("; mungkin maksudnya '{k}'?")
        })
}

/// Shortens user text quoted in a message.
fn kutip(s: &str) -> String {
    super::potong(s, 60)
}

/// Whether `s` is a lowercase slug: `[a-z0-9]` groups joined by single `-`, ≤ 64 chars.
fn slug_sah(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|b| {
            !b.is_empty()
                && b.bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A table being read: looks fields up and checks their types.
struct Tabel<'t, 'i> {
    isi: &'t DeTable<'i>,
    span: Range<usize>,
    jalur: String,
}

impl<'t, 'i> Tabel<'t, 'i> {
    fn jalur(&self, kunci: &str) -> String {
        if self.jalur.is_empty() {
            kunci.to_string()
        } else {
            format!("{}.{kunci}", self.jalur)
        }
    }

    fn ambil(&self, kunci: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.isi
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == kunci)
            .map(|(_, v)| v)
    }

    /// Reports every key not in `dikenal`.
    fn cek_kunci(&self, p: &mut Pengumpul<'_>, dikenal: &[&str]) {
        for (k, _) in self.isi.iter() {
            let nama = k.get_ref().as_ref();
            if !dikenal.contains(&nama) {
                p.lapor(
                    k.span(),
                    self.jalur(nama),
                    format!(
                        "kunci '{}' tidak dikenal{} (yang dikenal: {})",
                        kutip(nama),
                        saran(nama, dikenal.iter().copied()),
                        dikenal.join(", ")
                    ),
                );
            }
        }
    }

    fn wajib_hilang(&self, p: &mut Pengumpul<'_>, kunci: &str, contoh: &str) {
        p.lapor(
            self.span.clone(),
            self.jalur(kunci),
            format!("'{kunci}' wajib diisi, mis. {kunci} = {contoh}"),
        );
    }

    /// A text field. Missing and `wajib` → error; missing otherwise → None.
    fn teks(
        &self,
        p: &mut Pengumpul<'_>,
        kunci: &str,
        wajib: Option<&str>,
    ) -> Option<Spanned<String>> {
        let Some(v) = self.ambil(kunci) else {
            if let Some(contoh) = wajib {
                self.wajib_hilang(p, kunci, contoh);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => Some(Spanned::new(v.span(), s.to_string())),
            DeValue::Integer(i) => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!(
                        "harus berupa teks dalam tanda kutip, bukan bilangan; tulis {kunci} = \"{}\"",
                        kutip(i.as_str())
                    ),
                );
                None
            }
            lain => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!("harus berupa teks dalam tanda kutip, bukan {}", jenis(lain)),
                );
                None
            }
        }
    }

    /// A list of texts; missing → empty.
    fn daftar_teks(&self, p: &mut Pengumpul<'_>, kunci: &str) -> Vec<String> {
        let Some(v) = self.ambil(kunci) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(a) => {
                let mut hasil = Vec::with_capacity(a.len());
                for (n, x) in a.iter().enumerate() {
                    match x.get_ref() {
                        DeValue::String(s) => hasil.push(s.to_string()),
                        lain => p.lapor(
                            x.span(),
                            format!("{}[{}]", self.jalur(kunci), n + 1),
                            format!("isi daftar harus berupa teks, bukan {}", jenis(lain)),
                        ),
                    }
                }
                hasil
            }
            lain => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!(
                        "harus berupa daftar teks, mis. {kunci} = [\"…\", \"…\"], bukan {}",
                        jenis(lain)
                    ),
                );
                Vec::new()
            }
        }
    }

    /// A boolean; missing → None.
    fn benar_salah(&self, p: &mut Pengumpul<'_>, kunci: &str) -> Option<Spanned<bool>> {
        let v = self.ambil(kunci)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Spanned::new(v.span(), *b)),
            lain => {
                p.lapor(
                    v.span(),
                    self.jalur(kunci),
                    format!(
                        "harus true atau false (tanpa tanda kutip), bukan {}",
                        jenis(lain)
                    ),
                );
                None
            }
        }
    }

    /// A date: a TOML local date (`2023-10-01`) or the text "2023-10-01".
    fn tanggal(&self, p: &mut Pengumpul<'_>, kunci: &str) -> Option<NaiveDate> {
        let v = self.ambil(kunci)?;
        let hasil = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| "tanggal tidak ada di kalender".to_string())
                }
                _ => Err("harus tanggal saja, tanpa jam, mis. 2023-10-01".to_string()),
            },
            // Years outside 0000–9999 ("+12345-01-01") parse, but cannot be
            // written back as a TOML date by `to_toml`.
            DeValue::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|d| (0..=9999).contains(&d.year()))
                .ok_or_else(|| format!("'{}' bukan tanggal; tulis mis. 2023-10-01", kutip(s))),
            lain => Err(format!(
                "harus tanggal, mis. {kunci} = 2023-10-01, bukan {}",
                jenis(lain)
            )),
        };
        match hasil {
            Ok(d) => Some(d),
            Err(pesan) => {
                p.lapor(v.span(), self.jalur(kunci), pesan);
                None
            }
        }
    }
}

/// A step as read, with the positions the cross-checks need.
struct LangkahBaca {
    langkah: Langkah,
    jalur: String,
    span: Range<usize>,
    no: Option<Spanned<String>>,
    pelaksana: Option<Spanned<String>>,
    tolak_ke: Option<Spanned<String>>,
    akhir: Option<Spanned<bool>>,
}

/// The elements of `[[nama]]` as tables; reports anything else.
fn daftar_tabel<'t, 'i>(
    p: &mut Pengumpul<'_>,
    akar: &Tabel<'t, 'i>,
    nama: &str,
) -> Vec<Tabel<'t, 'i>> {
    let Some(v) = akar.ambil(nama) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::Array(a) => {
            let mut hasil = Vec::new();
            for (n, x) in a.iter().enumerate() {
                let jalur = format!("{nama}[{}]", n + 1);
                match x.get_ref() {
                    DeValue::Table(t) => hasil.push(Tabel {
                        isi: t,
                        span: x.span(),
                        jalur,
                    }),
                    lain => p.lapor(
                        x.span(),
                        jalur,
                        format!("harus berupa tabel [[{nama}]], bukan {}", jenis(lain)),
                    ),
                }
            }
            hasil
        }
        lain => {
            p.lapor(
                v.span(),
                nama,
                format!(
                    "harus ditulis sebagai daftar tabel [[{nama}]] (dua kurung siku), bukan {}",
                    jenis(lain)
                ),
            );
            Vec::new()
        }
    }
}

fn baca_dokumen(p: &mut Pengumpul<'_>, akar: &DeTable<'_>, span: Range<usize>) -> SopTemplate {
    let akar = Tabel {
        isi: akar,
        span,
        jalur: String::new(),
    };
    akar.cek_kunci(p, KUNCI_AKAR);

    let kepala = match akar.ambil("sop") {
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => baca_kepala(
                p,
                &Tabel {
                    isi: t,
                    span: v.span(),
                    jalur: "sop".to_string(),
                },
            ),
            lain => {
                p.lapor(
                    v.span(),
                    "sop",
                    format!("harus berupa tabel [sop], bukan {}", jenis(lain)),
                );
                None
            }
        },
        None => {
            p.lapor(
                0..0,
                "sop",
                "bagian [sop] (kode, nomor, nama, … SOP) tidak ada",
            );
            None
        }
    };

    let pelaksana = baca_pelaksana(p, &akar);
    let langkah = baca_langkah(p, &akar, &pelaksana);

    SopTemplate {
        kepala: kepala.unwrap_or_else(|| KepalaSop {
            kode: String::new(),
            nomor: String::new(),
            nama: String::new(),
            instansi: String::new(),
            tanggal_pembuatan: None,
            tanggal_revisi: None,
            tanggal_efektif: None,
            disahkan_oleh: String::new(),
            dasar_hukum: Vec::new(),
            kualifikasi_pelaksana: Vec::new(),
            keterkaitan: Vec::new(),
            peralatan_perlengkapan: Vec::new(),
            peringatan: Vec::new(),
            pencatatan_pendataan: Vec::new(),
        }),
        pelaksana,
        langkah,
    }
}

fn cek_slug(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>, kode: &Spanned<String>) {
    if !slug_sah(kode.get_ref()) {
        p.lapor(
            kode.span(),
            t.jalur("kode"),
            format!(
                "kode '{}' tidak sah: pakai huruf kecil a-z, angka 0-9 dan tanda '-' di antaranya \
                 (paling panjang 64), mis. \"bkpsdm-90-2023\"",
                kutip(kode.get_ref())
            ),
        );
    }
}

fn cek_tidak_kosong(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>, kunci: &str, v: &Spanned<String>) {
    if v.get_ref().trim().is_empty() {
        p.lapor(
            v.span(),
            t.jalur(kunci),
            format!("'{kunci}' tidak boleh kosong"),
        );
    }
}

fn baca_kepala(p: &mut Pengumpul<'_>, t: &Tabel<'_, '_>) -> Option<KepalaSop> {
    t.cek_kunci(p, KUNCI_SOP);
    let kode = t.teks(p, "kode", Some("\"bkpsdm-90-2023\""));
    if let Some(k) = &kode {
        cek_slug(p, t, k);
    }
    let nama = t.teks(p, "nama", Some("\"Penyusunan Perjanjian Kinerja\""));
    if let Some(n) = &nama {
        cek_tidak_kosong(p, t, "nama", n);
    }
    let teks = |p: &mut Pengumpul<'_>, kunci| {
        t.teks(p, kunci, None)
            .map(Spanned::into_inner)
            .unwrap_or_default()
    };
    let nomor = teks(p, "nomor");
    let instansi = teks(p, "instansi");
    let disahkan_oleh = teks(p, "disahkan_oleh");
    Some(KepalaSop {
        kode: kode.map(Spanned::into_inner).unwrap_or_default(),
        nomor,
        nama: nama.map(Spanned::into_inner).unwrap_or_default(),
        instansi,
        tanggal_pembuatan: t.tanggal(p, "tanggal_pembuatan"),
        tanggal_revisi: t.tanggal(p, "tanggal_revisi"),
        tanggal_efektif: t.tanggal(p, "tanggal_efektif"),
        disahkan_oleh,
        dasar_hukum: t.daftar_teks(p, "dasar_hukum"),
        kualifikasi_pelaksana: t.daftar_teks(p, "kualifikasi_pelaksana"),
        keterkaitan: t.daftar_teks(p, "keterkaitan"),
        peralatan_perlengkapan: t.daftar_teks(p, "peralatan_perlengkapan"),
        peringatan: t.daftar_teks(p, "peringatan"),
        pencatatan_pendataan: t.daftar_teks(p, "pencatatan_pendataan"),
    })
}

fn baca_pelaksana(p: &mut Pengumpul<'_>, akar: &Tabel<'_, '_>) -> Vec<Pelaksana> {
    let tabel = daftar_tabel(p, akar, "pelaksana");
    if tabel.is_empty() && akar.ambil("pelaksana").is_none() {
        p.lapor(
            0..0,
            "pelaksana",
            "belum ada [[pelaksana]]; tulis paling sedikit satu, mis. [[pelaksana]] kode = \"kepala\" nama = \"Kepala Badan\"",
        );
    }
    let mut hasil = Vec::with_capacity(tabel.len());
    let mut terlihat: HashMap<String, usize> = HashMap::new();
    for t in &tabel {
        t.cek_kunci(p, KUNCI_PELAKSANA);
        let kode = t.teks(p, "kode", Some("\"kepala\""));
        let nama = t.teks(p, "nama", Some("\"Kepala Badan\""));
        if let Some(k) = &kode {
            cek_slug(p, t, k);
            if let Some(baris) = terlihat.get(k.get_ref()) {
                p.lapor(
                    k.span(),
                    t.jalur("kode"),
                    format!(
                        "kode pelaksana '{}' ganda (sudah dipakai di baris {baris})",
                        kutip(k.get_ref())
                    ),
                );
            } else {
                terlihat.insert(k.get_ref().clone(), p.baris(&k.span()));
            }
        }
        if let Some(n) = &nama {
            cek_tidak_kosong(p, t, "nama", n);
        }
        hasil.push(Pelaksana {
            kode: kode.map(Spanned::into_inner).unwrap_or_default(),
            nama: nama.map(Spanned::into_inner).unwrap_or_default(),
        });
    }
    hasil
}

fn baca_langkah(
    p: &mut Pengumpul<'_>,
    akar: &Tabel<'_, '_>,
    pelaksana: &[Pelaksana],
) -> Vec<Langkah> {
    let tabel = daftar_tabel(p, akar, "langkah");
    if tabel.is_empty() {
        let nilai = akar.ambil("langkah");
        let kosong = match nilai.map(|v| v.get_ref()) {
            None => true,
            Some(DeValue::Array(a)) => a.is_empty(),
            Some(_) => false, // wrong type, already reported
        };
        if kosong {
            p.lapor(
                nilai.map_or(0..0, |v| v.span()),
                "langkah",
                "belum ada [[langkah]]; SOP perlu paling sedikit satu langkah",
            );
        }
        return Vec::new();
    }

    // Pass 1: fields of each step.
    let mut dibaca: Vec<LangkahBaca> = Vec::with_capacity(tabel.len());
    for t in &tabel {
        t.cek_kunci(p, KUNCI_LANGKAH);
        let no = t.teks(p, "no", Some("\"1\""));
        let kegiatan = t.teks(p, "kegiatan", Some("\"Menugaskan staf …\""));
        let pel = t.teks(p, "pelaksana", Some("\"kepala\""));
        let kelengkapan = t.daftar_teks(p, "kelengkapan");
        let waktu_teks = t.teks(p, "waktu", Some("\"5 menit\""));
        let output = t.teks(p, "output", None);
        let keterangan = t.teks(p, "keterangan", None);
        let tolak_ke = t.teks(p, "tolak_ke", None);
        let per_unit = t.benar_salah(p, "per_unit");
        let akhir = t.benar_salah(p, "akhir");

        if let Some(n) = &no
            && (n.get_ref().is_empty() || n.get_ref().chars().any(char::is_whitespace))
        {
            p.lapor(
                n.span(),
                t.jalur("no"),
                "nomor langkah tidak boleh kosong atau memuat spasi, mis. no = \"3\"",
            );
        }
        if let Some(k) = &kegiatan {
            cek_tidak_kosong(p, t, "kegiatan", k);
        }
        let waktu = match &waktu_teks {
            Some(w) => match Waktu::parse(w.get_ref()) {
                Ok(w) => w,
                Err(e) => {
                    p.lapor(w.span(), t.jalur("waktu"), e.to_string());
                    Waktu::menit(0)
                }
            },
            None => Waktu::menit(0),
        };

        dibaca.push(LangkahBaca {
            langkah: Langkah {
                no: no.as_ref().map(|s| s.get_ref().clone()).unwrap_or_default(),
                kegiatan: kegiatan.map(Spanned::into_inner).unwrap_or_default(),
                pelaksana: pel
                    .as_ref()
                    .map(|s| s.get_ref().clone())
                    .unwrap_or_default(),
                kelengkapan,
                waktu,
                output: output.map(Spanned::into_inner).unwrap_or_default(),
                keterangan: keterangan.map(Spanned::into_inner).unwrap_or_default(),
                tolak_ke: tolak_ke.as_ref().map(|s| s.get_ref().clone()),
                per_unit: per_unit.as_ref().is_some_and(|b| *b.get_ref()),
                akhir: akhir.as_ref().is_some_and(|b| *b.get_ref()),
            },
            jalur: t.jalur.clone(),
            span: t.span.clone(),
            no,
            pelaksana: pel,
            tolak_ke,
            akhir,
        });
    }

    // Pass 2: cross-checks.
    let mut indeks_no: HashMap<&str, (usize, usize)> = HashMap::new(); // no → (index, line)
    for (i, l) in dibaca.iter().enumerate() {
        let Some(no) = &l.no else { continue };
        if no.get_ref().is_empty() {
            continue;
        }
        match indeks_no.get(no.get_ref().as_str()) {
            Some(&(_, baris)) => p.lapor(
                no.span(),
                format!("{}.no", l.jalur),
                format!(
                    "nomor langkah '{}' ganda (sudah dipakai di baris {baris})",
                    kutip(no.get_ref())
                ),
            ),
            None => {
                indeks_no.insert(no.get_ref(), (i, p.baris(&no.span())));
            }
        }
    }

    let mut kode_pelaksana: Vec<&str> = Vec::with_capacity(pelaksana.len());
    for pl in pelaksana {
        if !pl.kode.is_empty() && !kode_pelaksana.contains(&pl.kode.as_str()) {
            kode_pelaksana.push(&pl.kode);
        }
    }
    let daftar_no: Vec<&str> = dibaca
        .iter()
        .filter_map(|l| l.no.as_ref().map(|n| n.get_ref().as_str()))
        .collect();
    let terakhir = dibaca.len() - 1;
    let mut akhir_pertama: Option<usize> = None;
    for (i, l) in dibaca.iter().enumerate() {
        if let Some(pl) = &l.pelaksana
            && !kode_pelaksana.contains(&pl.get_ref().as_str())
        {
            let ada = if kode_pelaksana.is_empty() {
                "belum ada [[pelaksana]]".to_string()
            } else {
                format!("yang ada: {}", kode_pelaksana.join(", "))
            };
            p.lapor(
                pl.span(),
                format!("{}.pelaksana", l.jalur),
                format!(
                    "pelaksana '{}' tidak dikenal{} ({ada})",
                    kutip(pl.get_ref()),
                    saran(pl.get_ref(), kode_pelaksana.iter().copied())
                ),
            );
        }

        if let Some(t) = &l.tolak_ke {
            let bidang = format!("{}.tolak_ke", l.jalur);
            match indeks_no.get(t.get_ref().as_str()) {
                None => p.lapor(
                    t.span(),
                    bidang,
                    format!(
                        "tolak_ke '{}' tidak menunjuk langkah yang ada (nomor yang ada: {})",
                        kutip(t.get_ref()),
                        daftar_no.join(", ")
                    ),
                ),
                Some(&(j, _)) if j == i => p.lapor(
                    t.span(),
                    bidang,
                    format!(
                        "tolak_ke '{}' menunjuk langkah ini sendiri; penolakan harus kembali ke langkah sebelumnya",
                        kutip(t.get_ref())
                    ),
                ),
                Some(&(j, _)) if j > i => p.lapor(
                    t.span(),
                    bidang,
                    format!(
                        "tolak_ke '{}' menunjuk ke langkah sesudahnya; penolakan harus kembali ke langkah sebelumnya",
                        kutip(t.get_ref())
                    ),
                ),
                Some(_) => {}
            }
            if i == terakhir {
                p.lapor(
                    t.span(),
                    format!("{}.tolak_ke", l.jalur),
                    "langkah terakhir tidak boleh berupa keputusan (tidak ada langkah sesudahnya untuk jawaban Ya)",
                );
            }
        }

        if let Some(a) = &l.akhir
            && *a.get_ref()
        {
            let bidang = format!("{}.akhir", l.jalur);
            if i != terakhir {
                p.lapor(
                    a.span(),
                    bidang.clone(),
                    "akhir = true hanya boleh pada langkah terakhir",
                );
            }
            match akhir_pertama {
                Some(j) => {
                    let baris = dibaca[j].akhir.as_ref().map_or(0, |a| p.baris(&a.span()));
                    p.lapor(
                        a.span(),
                        bidang,
                        format!("lebih dari satu langkah bertanda akhir (yang pertama di baris {baris}); hanya langkah terakhir yang boleh"),
                    );
                }
                None => akhir_pertama = Some(i),
            }
        }
    }
    if akhir_pertama.is_none() {
        let l = &dibaca[terakhir];
        p.lapor(
            l.span.clone(),
            format!("{}.akhir", l.jalur),
            "tidak ada langkah akhir; tandai langkah terakhir dengan akhir = true",
        );
    }

    dibaca.into_iter().map(|l| l.langkah).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dengan_tanggal(nilai: &str) -> String {
        format!(
            "[sop]\nkode = \"contoh\"\nnama = \"Contoh\"\ntanggal_efektif = {nilai}\n\n\
             [[pelaksana]]\nkode = \"kepala\"\nnama = \"Kepala\"\n\n\
             [[langkah]]\nno = \"1\"\nkegiatan = \"Selesai\"\npelaksana = \"kepala\"\n\
             waktu = \"5 menit\"\nakhir = true\n"
        )
    }

    /// Fuzz finding (sop_template): a text date with a year beyond 9999 was
    /// accepted, and `to_toml` then wrote `+12345-01-01`, which is no TOML.
    #[test]
    fn tanggal_teks_di_luar_tahun_empat_angka_ditolak() {
        for nilai in ["\"+12345-01-01\"", "\"-0001-01-01\"", "\"+10000-01-01\""] {
            let e = SopTemplate::parse(&dengan_tanggal(nilai), "t.toml").expect_err(nilai);
            assert_eq!(e.0.len(), 1, "{e}");
            assert_eq!(e.0[0].bidang, "sop.tanggal_efektif");
            assert!(e.0[0].pesan.contains("bukan tanggal"), "{e}");
        }
        for nilai in ["\"0001-01-01\"", "\"9999-12-31\"", "2023-10-01"] {
            let t = SopTemplate::parse(&dengan_tanggal(nilai), "t.toml").expect(nilai);
            let ulang = SopTemplate::parse(&t.to_toml(), "ulang.toml").expect("to_toml parses");
            assert_eq!(ulang, t);
        }
    }
}
