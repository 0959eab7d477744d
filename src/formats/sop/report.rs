//! Problems of a template with their positions, and the wording of messages.

use std::ops::Range;

use toml::de::DeValue;

use crate::model::sop::SopError;
use crate::model::sop::SopErrors;

/// Collects errors and maps byte offsets to line/column.
pub(super) struct Pengumpul<'a> {
    src: &'a str,
    berkas: &'a str,
    awal_baris: Vec<usize>,
    pub(super) galat: Vec<SopError>,
}

impl<'a> Pengumpul<'a> {
    pub(super) fn new(src: &'a str, berkas: &'a str) -> Self {
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

    pub(super) fn lapor(
        &mut self,
        span: Range<usize>,
        bidang: impl Into<String>,
        pesan: impl Into<String>,
    ) {
        let (baris, kolom) = self.posisi(span.start);
        self.galat.push(SopError {
            berkas: self.berkas.to_string(),
            baris,
            kolom,
            bidang: bidang.into(),
            pesan: pesan.into(),
        });
    }

    pub(super) fn baris(&self, span: &Range<usize>) -> usize {
        self.posisi(span.start).0
    }

    pub(super) fn selesai(mut self) -> SopErrors {
        self.galat.sort_by_key(|g| (g.baris, g.kolom));
        SopErrors(self.galat)
    }
}

/// Indonesian wording for the TOML parser's (English) messages; the parser's
/// own text is kept in parentheses.
pub(super) fn pesan_sintaks(asli: &str) -> String {
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
pub(super) fn jenis(v: &DeValue<'_>) -> &'static str {
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
pub(super) fn saran<'k>(kata: &str, dikenal: impl IntoIterator<Item = &'k str>) -> String {
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
pub(super) fn kutip(s: &str) -> String {
    crate::model::potong(s, 60)
}
