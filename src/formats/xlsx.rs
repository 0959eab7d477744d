//! Import and export of the Renstra and Renja as an Excel workbook (.xlsx).
//!
//! # The workbook layout
//!
//! A workbook holds up to three sheets. Either data sheet may be absent when
//! the other is present (importing only the Renja is fine); other sheets,
//! including "Petunjuk", are ignored on import. Sheet names and column
//! headers are matched without regard to case or spaces, and columns may
//! appear in any order. Row 1 of each data sheet is the header row; wholly
//! empty rows are skipped.
//!
//! **"Renstra"**: one row per indikator.
//!
//! | column | required | content |
//! |---|---|---|
//! | `Periode` | yes | "2025-2029": start ≤ end ≤ start + 9, years 2000–2100 |
//! | `Kode Tujuan` | no | one kode = one tujuan within a period |
//! | `Tujuan` | yes | |
//! | `Kode Sasaran` | no | one kode = one sasaran under one tujuan within a period |
//! | `Sasaran` | yes | |
//! | `Kode Indikator` | no | unique within a period |
//! | `Indikator` | yes | |
//! | `Satuan` | yes | |
//! | `Tahun Baseline` | no | a year |
//! | `Nilai Baseline` | no | free text (a number cell becomes "95,5") |
//! | `Target YYYY` | no | one column per year; a number or a text target ("WTP"); empty = no target that year; a value outside the row's period is a problem |
//! | `Definisi Operasional`, `Formula`, `Sumber Data` | no | |
//! | `Arah` | no | "naik" (higher is better, the default) or "turun" |
//! | `Penanggung Jawab` | no | unit name |
//!
//! **"Renja"**: one row per item (program, kegiatan, sub kegiatan).
//!
//! | column | required | content |
//! |---|---|---|
//! | `Tahun` | yes | 2000–2100 |
//! | `Tingkat` | yes | "Program", "Kegiatan" or "Sub Kegiatan" |
//! | `Kode` | yes | Permendagri 90/2019: program `5.03.02`, kegiatan `5.03.02.2.01`, sub kegiatan `5.03.02.2.01.0001` (X allowed for urusan/bidang); the parent (program of a kegiatan, kegiatan of a sub kegiatan) must exist in the same year |
//! | `Nama` | yes | |
//! | `Unit Pelaksana` | no | |
//! | `Indikator`, `Satuan`, `Target` | header yes, cells no | a target is required when an indikator is given |
//! | `Pagu (Rp)` | header yes, cell no (empty = 0) | whole Rupiah ≥ 0: a number or "Rp 1.234.567" |
//! | `Pagu DPA (Rp)` | no | as Pagu; empty = not yet known |
//! | `Kode Sasaran Renstra` | no | |
//!
//! A Renja row with the Tahun and Kode of another row and with empty Tingkat,
//! Nama and Pagu is an *indicator continuation row*: it adds one more
//! indicator (Indikator, Satuan, Target) to that item.
//!
//! Every problem of the whole file is reported at once, with the sheet, the
//! 1-based row and the column letter, sorted by sheet, row and column. Text
//! cells are trimmed; text longer than 1,000 characters is a problem.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign,
    FormatBorder, Workbook as XlsxWorkbook, Worksheet, XlsxError,
};
use serde::{Deserialize, Serialize};

use crate::model::plan::{Target, TargetError};

/// Name of the Renstra sheet.
pub const LEMBAR_RENSTRA: &str = "Renstra";
/// Name of the Renja sheet.
pub const LEMBAR_RENJA: &str = "Renja";
/// Name of the instructions sheet (never read on import).
pub const LEMBAR_PETUNJUK: &str = "Petunjuk";
/// The one message for a file that cannot be read as an .xlsx workbook.
pub const PESAN_BUKAN_XLSX: &str = "Berkas bukan lembar kerja Excel (.xlsx) yang dapat dibaca";
/// Longest accepted text in one cell, in characters.
pub const MAKS_TEKS: usize = 1000;
/// Largest accepted pagu (just under Rp 1.000 triliun; exact in an Excel number).
pub const MAKS_PAGU: i64 = 999_999_999_999_999;
/// Largest accepted file.
pub const MAKS_BERKAS: usize = 50 * 1024 * 1024;
/// Largest accepted sum of the unpacked sizes of the parts of the file.
const MAKS_ISI_ZIP: u64 = 512 * 1024 * 1024;
/// Most non-empty cells read from one sheet.
const MAKS_SEL: usize = 2_000_000;
/// Most shared strings a workbook may declare: two full data sheets of
/// distinct texts (calamine reserves 24 bytes for each up front).
const MAKS_TEKS_BERSAMA: usize = 2 * MAKS_SEL;
/// Rows given drop-down lists in an exported sheet.
const BARIS_VALIDASI: u32 = 5000;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// One indikator of the Renstra, with its tujuan and sasaran, as one sheet row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RenstraRow {
    /// 1-based sheet row; 0 when built in code.
    pub baris: u32,
    pub periode: (i32, i32),
    pub kode_tujuan: String,
    pub tujuan: String,
    pub kode_sasaran: String,
    pub sasaran: String,
    pub kode_indikator: String,
    pub indikator: String,
    pub satuan: String,
    pub baseline_tahun: Option<i32>,
    pub baseline_nilai: String,
    /// (year, target), ascending by year; years without a target are absent.
    pub targets: Vec<(i32, Target)>,
    pub definisi: String,
    pub formula: String,
    pub sumber_data: String,
    /// true: higher is better ("naik"); false: lower is better ("turun").
    pub naik_baik: bool,
    pub penanggung_jawab: String,
}

/// Level of a Renja item: the one type of the app, re-exported so that
/// `formats::xlsx` is complete on its own. `label()` gives "Program",
/// "Kegiatan", "Sub Kegiatan"; `kode()` gives "program", "kegiatan",
/// "sub_kegiatan".
pub use crate::model::plan::Tingkat;

/// Reads a Tingkat cell: a label or a stored kode, ignoring case, spaces,
/// hyphens and underscores ("Sub Kegiatan", "sub_kegiatan", "SUBKEGIATAN").
fn tingkat_dari_teks(s: &str) -> Option<Tingkat> {
    let n: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    Tingkat::ALL
        .into_iter()
        .find(|t| t.kode().replace('_', "") == n)
}

/// Number of dot-separated parts of a kode of this level.
fn jumlah_segmen(t: Tingkat) -> usize {
    match t {
        Tingkat::Program => 3,
        Tingkat::Kegiatan => 5,
        Tingkat::SubKegiatan => 6,
    }
}

/// Whether `kode` has the Permendagri 90/2019 shape of level `t`.
fn kode_sah(t: Tingkat, kode: &str) -> bool {
    crate::model::plan::cek_kode_renja(t, kode, None).is_ok()
}

/// The parent's kode of a well-shaped kode ("5.03.02.2.01" → "5.03.02").
fn kode_induk(t: Tingkat, kode: &str) -> Option<String> {
    let induk = t.induk()?;
    if !kode_sah(t, kode) {
        return None;
    }
    let segmen: Vec<&str> = kode.split('.').take(jumlah_segmen(induk)).collect();
    Some(segmen.join("."))
}

/// One indicator of a Renja item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RenjaIndikatorRow {
    pub nama: String,
    pub satuan: String,
    pub target: Target,
}

/// One Renja item (program, kegiatan or sub kegiatan) of one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RenjaRow {
    /// 1-based sheet row of the item's main row; 0 when built in code.
    pub baris: u32,
    pub tahun: i32,
    pub tingkat: Tingkat,
    pub kode: String,
    pub nama: String,
    pub unit: String,
    pub indikator: Vec<RenjaIndikatorRow>,
    /// Whole Rupiah.
    pub pagu: i64,
    /// Whole Rupiah; None while the DPA is not known.
    pub pagu_dpa: Option<i64>,
    pub kode_sasaran: String,
}

impl Default for RenjaRow {
    fn default() -> RenjaRow {
        RenjaRow {
            baris: 0,
            tahun: 0,
            tingkat: Tingkat::Program,
            kode: String::new(),
            nama: String::new(),
            unit: String::new(),
            indikator: Vec::new(),
            pagu: 0,
            pagu_dpa: None,
            kode_sasaran: String::new(),
        }
    }
}

/// What a workbook holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub renstra: Vec<RenstraRow>,
    pub renja: Vec<RenjaRow>,
}

/// One problem found while reading a workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Masalah {
    /// Sheet name; "" for the whole file.
    pub lembar: String,
    /// 1-based row; 0 for a whole sheet or file.
    pub baris: u32,
    /// Column letter; "" for a whole row, sheet or file.
    pub kolom: String,
    pub pesan: String,
}

impl Masalah {
    fn berkas(pesan: impl Into<String>) -> Masalah {
        Masalah {
            lembar: String::new(),
            baris: 0,
            kolom: String::new(),
            pesan: pesan.into(),
        }
    }

    fn lembar(lembar: &str, pesan: impl Into<String>) -> Masalah {
        Masalah {
            lembar: lembar.to_string(),
            baris: 0,
            kolom: String::new(),
            pesan: pesan.into(),
        }
    }

    /// Where, as a person reads it: "Renja!C7", "Renja baris 7", "Renja" or "".
    pub fn alamat(&self) -> String {
        match (self.lembar.is_empty(), self.baris, self.kolom.is_empty()) {
            (true, _, _) => String::new(),
            (false, 0, _) => self.lembar.clone(),
            (false, b, true) => format!("{} baris {b}", self.lembar),
            (false, b, false) => format!("{}!{}{b}", self.lembar, self.kolom),
        }
    }

    fn urutan(&self) -> (u8, &str, u32, usize, &str) {
        let lembar = match self.lembar.as_str() {
            "" => 0,
            LEMBAR_RENSTRA => 1,
            LEMBAR_RENJA => 2,
            _ => 3,
        };
        (
            lembar,
            self.lembar.as_str(),
            self.baris,
            self.kolom.len(),
            self.kolom.as_str(),
        )
    }
}

impl fmt::Display for Masalah {
    /// "Renja!C7: kode '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let alamat = self.alamat();
        if alamat.is_empty() {
            f.write_str(&self.pesan)
        } else {
            write!(f, "{alamat}: {}", self.pesan)
        }
    }
}

impl std::error::Error for Masalah {}

/// Column letter of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA".
pub fn kolom_huruf(idx0: usize) -> String {
    let mut n = idx0;
    let mut huruf = Vec::new();
    loop {
        huruf.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    huruf.reverse();
    String::from_utf8(huruf).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Column definitions (shared by the reader, the writer and the Petunjuk sheet)
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KolRenstra {
    Periode,
    KodeTujuan,
    Tujuan,
    KodeSasaran,
    Sasaran,
    KodeIndikator,
    Indikator,
    Satuan,
    TahunBaseline,
    NilaiBaseline,
    Target(i32),
    Definisi,
    Formula,
    SumberData,
    Arah,
    PenanggungJawab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KolRenja {
    Tahun,
    Tingkat,
    Kode,
    Nama,
    Unit,
    Indikator,
    Satuan,
    Target,
    Pagu,
    PaguDpa,
    KodeSasaran,
}

/// How a column is written and explained.
struct Def<K> {
    kol: K,
    judul: &'static str,
    /// The header must be present.
    judul_wajib: bool,
    /// Shown in Petunjuk: "Ya", "Tidak" or a condition.
    wajib: &'static str,
    lebar: f64,
    /// Kept as text in Excel (kode columns), so "1.10" stays "1.10".
    teks: bool,
    ket: &'static str,
    contoh: &'static str,
}

// One positional call per column keeps the tables below readable.
#[allow(clippy::too_many_arguments)]
const fn def<K>(
    kol: K,
    judul: &'static str,
    judul_wajib: bool,
    wajib: &'static str,
    lebar: f64,
    teks: bool,
    ket: &'static str,
    contoh: &'static str,
) -> Def<K> {
    Def {
        kol,
        judul,
        judul_wajib,
        wajib,
        lebar,
        teks,
        ket,
        contoh,
    }
}

/// Renstra columns before the "Target YYYY" columns.
const RENSTRA_AWAL: [Def<KolRenstra>; 10] = [
    def(
        KolRenstra::Periode,
        "Periode",
        true,
        "Ya",
        11.0,
        true,
        "Periode Renstra: tahun awal-tahun akhir, paling lama 10 tahun, tahun 2000–2100.",
        "2025-2029",
    ),
    def(
        KolRenstra::KodeTujuan,
        "Kode Tujuan",
        false,
        "Tidak",
        12.0,
        true,
        "Kode tujuan. Dalam satu periode satu kode hanya untuk satu tujuan.",
        "T1",
    ),
    def(
        KolRenstra::Tujuan,
        "Tujuan",
        true,
        "Ya",
        40.0,
        false,
        "Uraian tujuan. Ulangi pada setiap baris indikator di bawah tujuan ini.",
        "Meningkatnya kualitas perencanaan dan akuntabilitas kinerja",
    ),
    def(
        KolRenstra::KodeSasaran,
        "Kode Sasaran",
        false,
        "Tidak",
        13.0,
        true,
        "Kode sasaran strategis. Dalam satu periode satu kode hanya untuk satu sasaran di bawah satu tujuan.",
        "S1.1",
    ),
    def(
        KolRenstra::Sasaran,
        "Sasaran",
        true,
        "Ya",
        40.0,
        false,
        "Uraian sasaran strategis. Ulangi pada setiap baris indikator di bawah sasaran ini.",
        "Meningkatnya akuntabilitas kinerja Badan",
    ),
    def(
        KolRenstra::KodeIndikator,
        "Kode Indikator",
        false,
        "Tidak",
        14.0,
        true,
        "Kode indikator kinerja; tidak boleh berulang dalam satu periode.",
        "IK1.1.1",
    ),
    def(
        KolRenstra::Indikator,
        "Indikator",
        true,
        "Ya",
        40.0,
        false,
        "Indikator kinerja sasaran.",
        "Nilai SAKIP Badan",
    ),
    def(
        KolRenstra::Satuan,
        "Satuan",
        true,
        "Ya",
        12.0,
        false,
        "Satuan target: %, dokumen, orang, indeks, predikat, dan sebagainya.",
        "predikat",
    ),
    def(
        KolRenstra::TahunBaseline,
        "Tahun Baseline",
        false,
        "Tidak",
        10.0,
        false,
        "Tahun nilai awal (baseline), empat angka.",
        "2024",
    ),
    def(
        KolRenstra::NilaiBaseline,
        "Nilai Baseline",
        false,
        "Tidak",
        12.0,
        false,
        "Nilai awal; angka atau teks.",
        "B",
    ),
];

/// Renstra columns after the "Target YYYY" columns.
const RENSTRA_AKHIR: [Def<KolRenstra>; 5] = [
    def(
        KolRenstra::Definisi,
        "Definisi Operasional",
        false,
        "Tidak",
        40.0,
        false,
        "Pengertian indikator dan cara memaknainya.",
        "Predikat hasil evaluasi SAKIP oleh KemenPAN-RB",
    ),
    def(
        KolRenstra::Formula,
        "Formula",
        false,
        "Tidak",
        30.0,
        false,
        "Cara menghitung capaian.",
        "Nilai evaluasi SAKIP tahun berjalan",
    ),
    def(
        KolRenstra::SumberData,
        "Sumber Data",
        false,
        "Tidak",
        25.0,
        false,
        "Asal data capaian.",
        "LHE SAKIP Inspektorat",
    ),
    def(
        KolRenstra::Arah,
        "Arah",
        false,
        "Tidak",
        8.0,
        false,
        "naik = makin tinggi makin baik; turun = makin rendah makin baik. Kosong berarti naik.",
        "naik",
    ),
    def(
        KolRenstra::PenanggungJawab,
        "Penanggung Jawab",
        false,
        "Tidak",
        25.0,
        false,
        "Nama unit kerja penanggung jawab indikator.",
        "Sekretariat",
    ),
];

const RENSTRA_TARGET_KET: &str = "Satu kolom per tahun periode, berjudul \"Target 2025\", \"Target 2026\", dst. \
     Isi angka (95,5 atau 1.234) atau teks (WTP, BB). Kosong = tidak ada target tahun itu. \
     Target pada tahun di luar periode baris adalah kesalahan.";

const RENJA_KOLOM: [Def<KolRenja>; 11] = [
    def(
        KolRenja::Tahun,
        "Tahun",
        true,
        "Ya",
        8.0,
        false,
        "Tahun anggaran Renja (2000–2100).",
        "2026",
    ),
    def(
        KolRenja::Tingkat,
        "Tingkat",
        true,
        "Ya",
        14.0,
        false,
        "Program, Kegiatan, atau Sub Kegiatan.",
        "Sub Kegiatan",
    ),
    def(
        KolRenja::Kode,
        "Kode",
        true,
        "Ya",
        20.0,
        true,
        "Kode nomenklatur Permendagri 90/2019 (lihat aturan kode di bawah).",
        "5.03.02.2.01.0001",
    ),
    def(
        KolRenja::Nama,
        "Nama",
        true,
        "Ya",
        45.0,
        false,
        "Nama program, kegiatan, atau sub kegiatan.",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    ),
    def(
        KolRenja::Unit,
        "Unit Pelaksana",
        false,
        "Tidak",
        25.0,
        false,
        "Nama unit kerja pelaksana.",
        "Subbagian Perencanaan dan Keuangan",
    ),
    def(
        KolRenja::Indikator,
        "Indikator",
        true,
        "Tidak",
        40.0,
        false,
        "Indikator kinerja item. Indikator berikutnya ditulis pada baris lanjutan (lihat di bawah).",
        "Jumlah dokumen perencanaan yang disusun",
    ),
    def(
        KolRenja::Satuan,
        "Satuan",
        false,
        "Tidak",
        12.0,
        false,
        "Satuan target indikator.",
        "dokumen",
    ),
    def(
        KolRenja::Target,
        "Target",
        true,
        "Bila Indikator diisi",
        10.0,
        false,
        "Angka (95,5 atau 1.234) atau teks (WTP, BB).",
        "3",
    ),
    def(
        KolRenja::Pagu,
        "Pagu (Rp)",
        true,
        "Tidak (kosong = 0)",
        20.0,
        false,
        "Rupiah bulat tanpa sen, tidak negatif: angka atau teks seperti Rp 1.234.567.",
        "150.000.000",
    ),
    def(
        KolRenja::PaguDpa,
        "Pagu DPA (Rp)",
        false,
        "Tidak",
        20.0,
        false,
        "Pagu menurut DPA/DPPA, aturan sama dengan Pagu; kosong bila DPA belum ada.",
        "145.500.000",
    ),
    def(
        KolRenja::KodeSasaran,
        "Kode Sasaran Renstra",
        false,
        "Tidak",
        16.0,
        true,
        "Kode Sasaran pada lembar Renstra yang didukung item ini.",
        "S1.1",
    ),
];

/// Header text as compared: lower case, no whitespace at all.
fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn judul_target(tahun: i32) -> String {
    format!("Target {tahun}")
}

fn kenali_renstra(judul: &str) -> Option<KolRenstra> {
    let n = normal(judul);
    if let Some(def) = RENSTRA_AWAL
        .iter()
        .chain(RENSTRA_AKHIR.iter())
        .find(|d| normal(d.judul) == n)
    {
        return Some(def.kol);
    }
    let tahun = n.strip_prefix("target")?;
    if tahun.len() == 4 && tahun.bytes().all(|b| b.is_ascii_digit()) {
        tahun.parse().ok().map(KolRenstra::Target)
    } else {
        None
    }
}

fn kenali_renja(judul: &str) -> Option<KolRenja> {
    let n = normal(judul);
    RENJA_KOLOM
        .iter()
        .find(|d| normal(d.judul) == n)
        .map(|d| d.kol)
}

fn judul_renstra(kol: KolRenstra) -> String {
    match kol {
        KolRenstra::Target(t) => judul_target(t),
        k => RENSTRA_AWAL
            .iter()
            .chain(RENSTRA_AKHIR.iter())
            .find(|d| d.kol == k)
            .map(|d| d.judul.to_string())
            .unwrap_or_default(),
    }
}

fn judul_renja(kol: KolRenja) -> &'static str {
    RENJA_KOLOM
        .iter()
        .find(|d| d.kol == kol)
        .map(|d| d.judul)
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/// A non-empty cell value, detached from calamine.
#[derive(Clone, Debug, PartialEq)]
enum Nilai {
    Teks(String),
    Angka(f64),
    Bool(bool),
    Tanggal,
    Galat(String),
}

/// Non-empty cells of one sheet: row0 → col0 → value.
type Sel = BTreeMap<u32, BTreeMap<u32, Nilai>>;

/// Reads an .xlsx workbook with a "Renstra" and/or a "Renja" sheet.
///
/// Returns every problem of the whole file at once, sorted by sheet, row and
/// column; on any problem nothing is returned to import.
pub fn baca_xlsx(bytes: &[u8]) -> Result<Workbook, Vec<Masalah>> {
    if bytes.len() > MAKS_BERKAS {
        return Err(vec![Masalah::berkas(format!(
            "Berkas terlalu besar (lebih dari {} MB)",
            MAKS_BERKAS / (1024 * 1024)
        ))]);
    }
    if zip_terlalu_besar(bytes) {
        return Err(vec![Masalah::berkas(format!(
            "{PESAN_BUKAN_XLSX}: isinya terlalu besar setelah diurai"
        ))]);
    }
    if teks_bersama_terlalu_banyak(bytes) {
        return Err(vec![Masalah::berkas(format!(
            "{PESAN_BUKAN_XLSX}: jumlah teks yang dinyatakan di dalamnya terlalu besar"
        ))]);
    }
    // calamine is third-party code fed with untrusted bytes: a panic in it
    // must become a problem report, never a crash of the app.
    let lembar = match catch_unwind(AssertUnwindSafe(|| baca_lembar_lembar(bytes))) {
        Ok(Ok(l)) => l,
        Ok(Err(m)) => return Err(m),
        Err(_) => return Err(vec![Masalah::berkas(PESAN_BUKAN_XLSX)]),
    };

    let mut masalah = Vec::new();
    let mut wb = Workbook::default();
    if let Some(sel) = &lembar.renstra {
        wb.renstra = baca_renstra(sel, &mut masalah);
    }
    if let Some(sel) = &lembar.renja {
        wb.renja = baca_renja(sel, &mut masalah);
    }
    masalah.extend(lembar.masalah);
    if masalah.is_empty() {
        Ok(wb)
    } else {
        masalah.sort_by(|a, b| a.urutan().cmp(&b.urutan()));
        Err(masalah)
    }
}

struct LembarMentah {
    renstra: Option<Sel>,
    renja: Option<Sel>,
    masalah: Vec<Masalah>,
}

fn baca_lembar_lembar(bytes: &[u8]) -> Result<LembarMentah, Vec<Masalah>> {
    let mut xlsx: Xlsx<Cursor<&[u8]>> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(_) => return Err(vec![Masalah::berkas(PESAN_BUKAN_XLSX)]),
    };
    let nama_nama = xlsx.sheet_names();
    if nama_nama.is_empty() {
        // A zip without a workbook part (an .ods or .docx renamed, say):
        // every real .xlsx has at least one sheet.
        return Err(vec![Masalah::berkas(PESAN_BUKAN_XLSX)]);
    }
    let cari = |dicari: &str| {
        let n = normal(dicari);
        nama_nama
            .iter()
            .find(|s| s.as_str() == dicari)
            .or_else(|| nama_nama.iter().find(|s| normal(s) == n))
            .cloned()
    };
    let nama_renstra = cari(LEMBAR_RENSTRA);
    let nama_renja = cari(LEMBAR_RENJA);
    if nama_renstra.is_none() && nama_renja.is_none() {
        let ada = nama_nama
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(vec![Masalah::berkas(format!(
            "Lembar '{LEMBAR_RENSTRA}' atau '{LEMBAR_RENJA}' tidak ditemukan (lembar yang ada: {ada})"
        ))]);
    }
    let mut hasil = LembarMentah {
        renstra: None,
        renja: None,
        masalah: Vec::new(),
    };
    for (nama, lembar, tujuan) in [
        (nama_renstra, LEMBAR_RENSTRA, &mut hasil.renstra),
        (nama_renja, LEMBAR_RENJA, &mut hasil.renja),
    ] {
        let Some(nama) = nama else { continue };
        match baca_sel(&mut xlsx, &nama) {
            Ok(sel) => *tujuan = Some(sel),
            Err(pesan) => hasil.masalah.push(Masalah::lembar(lembar, pesan)),
        }
    }
    Ok(hasil)
}

fn baca_sel(xlsx: &mut Xlsx<Cursor<&[u8]>>, nama: &str) -> Result<Sel, String> {
    let tidak_terbaca =
        || "lembar tidak dapat dibaca; simpan ulang berkas dengan Excel".to_string();
    let mut pembaca = xlsx
        .worksheet_cells_reader(nama)
        .map_err(|_| tidak_terbaca())?;
    let mut sel = Sel::new();
    let mut jumlah = 0usize;
    while let Some(c) = pembaca.next_cell().map_err(|_| tidak_terbaca())? {
        let (baris, kolom) = c.get_position();
        let nilai = match c.get_value() {
            DataRef::Int(i) => Nilai::Angka(*i as f64),
            DataRef::Float(f) => Nilai::Angka(*f),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Nilai::Teks(s.clone())
            }
            DataRef::SharedString(s) => Nilai::Teks((*s).to_string()),
            DataRef::Bool(b) => Nilai::Bool(*b),
            DataRef::DateTime(_) => Nilai::Tanggal,
            DataRef::Error(e) => Nilai::Galat(e.to_string()),
            DataRef::Empty => continue,
        };
        if matches!(&nilai, Nilai::Teks(s) if s.trim().is_empty()) {
            continue;
        }
        jumlah += 1;
        if jumlah > MAKS_SEL {
            return Err(format!(
                "lembar terlalu besar (lebih dari {MAKS_SEL} sel berisi)"
            ));
        }
        sel.entry(baris).or_default().insert(kolom, nilai);
    }
    Ok(sel)
}

/// Whether the file is a zip whose parts unpack to more than [`MAKS_ISI_ZIP`]
/// (by the sizes its central directory declares, which the unzipper
/// enforces). Anything that is not a readable zip is left to calamine.
fn zip_terlalu_besar(b: &[u8]) -> bool {
    fn u16_di(b: &[u8], i: usize) -> Option<u64> {
        let s = b.get(i..i.checked_add(2)?)?;
        Some(u64::from(u16::from_le_bytes([s[0], s[1]])))
    }
    fn u32_di(b: &[u8], i: usize) -> Option<u64> {
        let s = b.get(i..i.checked_add(4)?)?;
        Some(u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])))
    }
    fn u64_di(b: &[u8], i: usize) -> Option<u64> {
        let s = b.get(i..i.checked_add(8)?)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Some(u64::from_le_bytes(a))
    }
    fn total(b: &[u8]) -> Option<u64> {
        // End of central directory: at least 22 bytes, a comment of at most 65535.
        let awal_cari = b.len().saturating_sub(22 + 65535);
        let eocd = (awal_cari..=b.len().checked_sub(22)?)
            .rev()
            .find(|&i| b.get(i..i + 4) == Some(&[0x50, 0x4b, 0x05, 0x06]))?;
        let entri = u16_di(b, eocd + 10)?;
        let mut p = usize::try_from(u32_di(b, eocd + 16)?).ok()?;
        let mut jumlah: u64 = 0;
        for _ in 0..entri {
            if b.get(p..p + 4)? != [0x50, 0x4b, 0x01, 0x02] {
                return None;
            }
            let mut ukuran = u32_di(b, p + 24)?;
            let n_nama = usize::try_from(u16_di(b, p + 28)?).ok()?;
            let n_extra = usize::try_from(u16_di(b, p + 30)?).ok()?;
            let n_komentar = usize::try_from(u16_di(b, p + 32)?).ok()?;
            if ukuran == 0xFFFF_FFFF {
                // Zip64: the real size is the first field of extra block 0x0001.
                let mut e = p.checked_add(46)?.checked_add(n_nama)?;
                let akhir = e.checked_add(n_extra)?;
                ukuran = u64::MAX;
                while e.checked_add(4)? <= akhir {
                    let id = u16_di(b, e)?;
                    let len = usize::try_from(u16_di(b, e + 2)?).ok()?;
                    if id == 1 {
                        ukuran = u64_di(b, e + 4)?;
                        break;
                    }
                    e = e.checked_add(4)?.checked_add(len)?;
                }
            }
            jumlah = jumlah.saturating_add(ukuran);
            p = p
                .checked_add(46)?
                .checked_add(n_nama)?
                .checked_add(n_extra)?
                .checked_add(n_komentar)?;
        }
        Some(jumlah)
    }
    total(b).is_some_and(|t| t > MAKS_ISI_ZIP)
}

/// Whether the shared-strings part declares more than [`MAKS_TEKS_BERSAMA`]
/// strings (`<sst uniqueCount="…">`). calamine reserves room for that many
/// before it reads one, so a file of a few kilobytes declaring billions would
/// abort the app on an allocation failure, which no `catch_unwind` stops.
/// Every `uniqueCount` attribute in any part named `sharedStrings.xml` counts;
/// an unreadable zip or part is left to calamine.
fn teks_bersama_terlalu_banyak(b: &[u8]) -> bool {
    use std::io::Read;

    let Ok(mut arsip) = zip::ZipArchive::new(Cursor::new(b)) else {
        return false;
    };
    for i in 0..arsip.len() {
        let Ok(mut bagian) = arsip.by_index(i) else {
            continue;
        };
        let nama = bagian
            .name()
            .map(|n| n.replace('\\', "/").to_ascii_lowercase());
        if !nama.is_ok_and(|n| n.ends_with("sharedstrings.xml")) {
            continue;
        }
        let mut pemindai = PemindaiJumlahTeks::default();
        let mut potong = [0u8; 64 * 1024];
        loop {
            let n = match bagian.read(&mut potong) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if potong[..n].iter().any(|&c| pemindai.baca(c)) {
                return true;
            }
        }
    }
    false
}

/// Finds `uniqueCount = "digits"` byte by byte (in constant memory, however
/// the part is cut into pieces) and tells whether a value exceeds
/// [`MAKS_TEKS_BERSAMA`]. Leading zeros and a `+` are read as calamine's
/// number parser would at worst; a value that is no number is ignored, as
/// calamine ignores it.
#[derive(Default)]
struct PemindaiJumlahTeks {
    tahap: TahapPindai,
}

enum TahapPindai {
    /// This many bytes of the attribute name matched.
    Nama(usize),
    SebelumSamaDengan,
    SesudahSamaDengan,
    Nilai {
        kutip: u8,
        jumlah: u64,
        angka: bool,
    },
}

impl Default for TahapPindai {
    fn default() -> Self {
        TahapPindai::Nama(0)
    }
}

impl PemindaiJumlahTeks {
    const NAMA: &'static [u8] = b"uniqueCount";

    /// Feeds one byte; true when a value over the limit has just closed.
    fn baca(&mut self, c: u8) -> bool {
        match &mut self.tahap {
            TahapPindai::Nama(cocok) => {
                let cocok = *cocok;
                self.tahap = if c == Self::NAMA[cocok] {
                    if cocok + 1 == Self::NAMA.len() {
                        TahapPindai::SebelumSamaDengan
                    } else {
                        TahapPindai::Nama(cocok + 1)
                    }
                } else if c == Self::NAMA[0] {
                    TahapPindai::Nama(1)
                } else {
                    TahapPindai::Nama(0)
                };
                false
            }
            TahapPindai::SebelumSamaDengan => {
                match c {
                    b'=' => self.tahap = TahapPindai::SesudahSamaDengan,
                    c if c.is_ascii_whitespace() => {}
                    _ => {
                        self.tahap = TahapPindai::Nama(0);
                        return self.baca(c);
                    }
                }
                false
            }
            TahapPindai::SesudahSamaDengan => {
                match c {
                    b'"' | b'\'' => {
                        self.tahap = TahapPindai::Nilai {
                            kutip: c,
                            jumlah: 0,
                            angka: true,
                        }
                    }
                    c if c.is_ascii_whitespace() => {}
                    _ => {
                        self.tahap = TahapPindai::Nama(0);
                        return self.baca(c);
                    }
                }
                false
            }
            TahapPindai::Nilai {
                kutip,
                jumlah,
                angka,
            } => {
                if c == *kutip {
                    let lebih = *angka && *jumlah > MAKS_TEKS_BERSAMA as u64;
                    self.tahap = TahapPindai::Nama(0);
                    return lebih;
                }
                match c {
                    b'0'..=b'9' => {
                        *jumlah = jumlah
                            .saturating_mul(10)
                            .saturating_add(u64::from(c - b'0'))
                    }
                    b'+' => {}
                    _ => *angka = false,
                }
                false
            }
        }
    }
}

/// Collects problems of one sheet and reads typed values from its cells.
struct Lembar<'a> {
    nama: &'static str,
    masalah: &'a mut Vec<Masalah>,
}

impl Lembar<'_> {
    fn catat(&mut self, baris: u32, kolom: Option<u32>, pesan: impl Into<String>) {
        self.masalah.push(Masalah {
            lembar: self.nama.to_string(),
            baris,
            kolom: kolom.map(|k| kolom_huruf(k as usize)).unwrap_or_default(),
            pesan: pesan.into(),
        });
    }

    /// The cell's text (trimmed), or "" when empty or unusable (then reported).
    fn teks(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> String {
        let Some(nilai) = b.nilai(kolom) else {
            return String::new();
        };
        match sebagai_teks(nilai) {
            Ok(s) => {
                let n = s.chars().count();
                if n > MAKS_TEKS {
                    self.catat(
                        b.no,
                        kolom,
                        format!("{judul} terlalu panjang ({n} karakter; paling banyak 1.000)"),
                    );
                }
                s
            }
            Err(pesan) => {
                self.catat(b.no, kolom, format!("{judul} {pesan}"));
                String::new()
            }
        }
    }

    /// Like [`Self::teks`], but an empty cell is a problem.
    fn wajib(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> String {
        let s = self.teks(b, kolom, judul);
        if kolom.is_some() && b.nilai(kolom).is_none() {
            self.catat(b.no, kolom, format!("{judul} wajib diisi"));
        }
        s
    }

    /// A year in `rentang`; None when empty or wrong (then reported).
    fn tahun(
        &mut self,
        b: &BarisData,
        kolom: Option<u32>,
        judul: &str,
        rentang: (i32, i32),
    ) -> Option<i32> {
        let nilai = b.nilai(kolom)?;
        let hasil = match nilai {
            Nilai::Angka(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= 9999.0 => Some(*f as i32),
            Nilai::Teks(s) => {
                let s = s.trim();
                if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
                    s.parse().ok()
                } else {
                    None
                }
            }
            _ => None,
        };
        match hasil {
            Some(t) if t >= rentang.0 && t <= rentang.1 => Some(t),
            _ => {
                let tampil = sebagai_teks(nilai).unwrap_or_else(|_| "?".into());
                self.catat(
                    b.no,
                    kolom,
                    format!(
                        "{judul} '{}' bukan tahun {}–{} (contoh: 2025)",
                        potong(&tampil),
                        rentang.0,
                        rentang.1
                    ),
                );
                None
            }
        }
    }

    /// A cell read by `parse`; None when empty or wrong (then reported).
    fn parsed<T>(
        &mut self,
        b: &BarisData,
        kolom: Option<u32>,
        judul: &str,
        parse: fn(&Nilai) -> Result<T, String>,
    ) -> Option<T> {
        let nilai = b.nilai(kolom)?;
        match parse(nilai) {
            Ok(v) => Some(v),
            Err(pesan) => {
                self.catat(b.no, kolom, format!("{judul} {pesan}"));
                None
            }
        }
    }

    /// A target; None when empty or wrong (then reported).
    fn target(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> Option<Target> {
        self.parsed(b, kolom, judul, target_dari)
    }

    /// A pagu; None when empty or wrong (then reported).
    fn pagu(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> Option<i64> {
        self.parsed(b, kolom, judul, pagu_dari)
    }
}

/// One data row: its 1-based number and its non-empty cells.
struct BarisData<'a> {
    no: u32,
    sel: &'a BTreeMap<u32, Nilai>,
}

impl BarisData<'_> {
    fn nilai(&self, kolom: Option<u32>) -> Option<&Nilai> {
        self.sel.get(&kolom?)
    }

    fn kosong(&self, kolom: Option<u32>) -> bool {
        self.nilai(kolom).is_none()
    }
}

/// Shortens a value quoted in a message.
fn potong(s: &str) -> String {
    crate::model::potong(s, 60)
}

/// Removes the binary noise of a spreadsheet number (0.30000000000000004 → 0.3)
/// by keeping 15 significant digits, as Excel shows them.
fn bersih(f: f64) -> f64 {
    if !f.is_finite() || f == 0.0 {
        return if f == 0.0 { 0.0 } else { f };
    }
    format!("{f:.14e}").parse().unwrap_or(f)
}

/// A number cell as plain text: 95 → "95", 0.65 → "0.65".
fn angka_polos(f: f64) -> String {
    let f = bersih(f);
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A cell as text; Err with the tail of a message for dates and errors.
fn sebagai_teks(n: &Nilai) -> Result<String, String> {
    match n {
        Nilai::Teks(s) => Ok(s.trim().to_string()),
        Nilai::Angka(f) => Ok(angka_polos(*f)),
        Nilai::Bool(b) => Ok(if *b { "BENAR" } else { "SALAH" }.to_string()),
        Nilai::Tanggal => Err("berisi tanggal; ketik sebagai teks atau angka biasa".to_string()),
        Nilai::Galat(e) => Err(format!("berisi galat rumus {e}")),
    }
}

fn target_dari(n: &Nilai) -> Result<Target, String> {
    match n {
        Nilai::Angka(f) => {
            let f = bersih(*f);
            if f.is_finite() && f.abs() < 1e15 {
                Ok(Target::Angka(f))
            } else {
                Err("bukan angka yang sah".to_string())
            }
        }
        other => {
            let s = sebagai_teks(other)?;
            Target::parse(&s).map_err(|e| match e {
                TargetError::Kosong => "wajib diisi".to_string(),
                TargetError::TerlaluPanjang => {
                    "terlalu panjang (paling banyak 100 karakter)".into()
                }
                TargetError::BukanAngka(s) => format!("'{}' bukan angka yang sah", potong(&s)),
            })
        }
    }
}

/// Whole Rupiah from a number cell or a text such as "Rp 1.234.567",
/// "1.234.567,00" or "Rp 1.234.567,-".
fn pagu_dari(n: &Nilai) -> Result<i64, String> {
    let bukan = |s: &str| {
        format!(
            "'{}' bukan angka Rupiah (contoh: 1.234.567 atau Rp 1.234.567)",
            potong(s)
        )
    };
    let (negatif, bulat, pecahan_nol) = match n {
        Nilai::Angka(f) => {
            let f = bersih(*f);
            if !f.is_finite() {
                return Err(bukan(&angka_polos(f)));
            }
            (f < 0.0, f.abs().trunc(), f.fract() == 0.0)
        }
        other => {
            let asli = sebagai_teks(other)?;
            let mut s: String = asli
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                .collect();
            if s.len() >= 2 && s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")) {
                s = s.get(2..).unwrap_or_default().to_string();
                if let Some(r) = s.strip_prefix('.') {
                    s = r.to_string();
                }
            }
            let negatif = s.starts_with('-');
            let s = s.strip_prefix('-').unwrap_or(&s);
            let s = s.strip_suffix(",-").unwrap_or(s);
            let (bulat_s, pecahan_s) = match s.split_once(',') {
                Some((a, b)) => (a, Some(b)),
                None => (s, None),
            };
            let semua_angka = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
            let (bulat_s, pecahan_s) = if bulat_s.contains('.') {
                let mut grup = bulat_s.split('.');
                let pertama = grup.next().unwrap_or_default();
                let sisa: Vec<&str> = grup.collect();
                let ribuan = (1..=3).contains(&pertama.len())
                    && semua_angka(pertama)
                    && sisa.iter().all(|g| g.len() == 3 && semua_angka(g));
                if ribuan {
                    (bulat_s.replace('.', ""), pecahan_s)
                } else if pecahan_s.is_none() && sisa.len() == 1 {
                    // "1234.5": a decimal point, as pasted from an English sheet.
                    (pertama.to_string(), sisa.first().copied())
                } else {
                    return Err(bukan(&asli));
                }
            } else {
                (bulat_s.to_string(), pecahan_s)
            };
            if !semua_angka(&bulat_s) || pecahan_s.is_some_and(|p| !semua_angka(p)) {
                return Err(bukan(&asli));
            }
            let bulat: f64 = bulat_s.parse().map_err(|_| bukan(&asli))?;
            (
                negatif,
                bulat,
                pecahan_s.is_none_or(|p| p.bytes().all(|c| c == b'0')),
            )
        }
    };
    if negatif && (bulat > 0.0 || !pecahan_nol) {
        return Err("tidak boleh negatif".to_string());
    }
    if !pecahan_nol {
        return Err("harus Rupiah bulat tanpa sen".to_string());
    }
    if bulat > MAKS_PAGU as f64 {
        return Err("terlalu besar".to_string());
    }
    Ok(bulat as i64)
}

/// The header row of a sheet: which column holds which field, with problems.
fn baca_judul<K: Copy + Ord>(
    sel: &Sel,
    lembar: &mut Lembar,
    kenali: impl Fn(&str) -> Option<K>,
    judul_dari: impl Fn(K) -> String,
    wajib: &[(K, &str)],
) -> BTreeMap<K, u32> {
    let mut peta: BTreeMap<K, u32> = BTreeMap::new();
    let kosong = BTreeMap::new();
    let judul = sel.get(&0).unwrap_or(&kosong);
    for (&kolom, nilai) in judul {
        let teks = sebagai_teks(nilai).unwrap_or_default();
        match kenali(&teks) {
            Some(k) => {
                if let Some(&lama) = peta.get(&k) {
                    lembar.catat(
                        1,
                        Some(kolom),
                        format!(
                            "judul kolom '{}' ganda (sudah ada di kolom {})",
                            judul_dari(k),
                            kolom_huruf(lama as usize)
                        ),
                    );
                } else {
                    peta.insert(k, kolom);
                }
            }
            None => lembar.catat(
                1,
                Some(kolom),
                format!("judul kolom '{}' tidak dikenal", potong(&teks)),
            ),
        }
    }
    if !sel.is_empty() {
        for &(k, j) in wajib {
            if !peta.contains_key(&k) {
                lembar.catat(
                    1,
                    None,
                    format!("kolom wajib '{j}' tidak ada pada baris judul"),
                );
            }
        }
    }
    // Data in a column without a header: reported once per column.
    let mut dilaporkan = BTreeSet::new();
    for (&b, isi) in sel.range(1..) {
        for &kolom in isi.keys() {
            if !judul.contains_key(&kolom) && dilaporkan.insert(kolom) {
                lembar.catat(
                    b.saturating_add(1),
                    Some(kolom),
                    "sel berisi data tetapi kolomnya tidak berjudul",
                );
            }
        }
    }
    peta
}

fn baca_periode(s: &str) -> Option<(i32, i32)> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (a, b) = s.split_once(['-', '\u{2013}', '\u{2014}'])?;
    let tahun = |t: &str| {
        if t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse::<i32>().ok()
        } else {
            None
        }
    };
    let p = (tahun(a)?, tahun(b)?);
    periode_sah(p).then_some(p)
}

/// Years 2000–2100, start ≤ end ≤ start + 9.
fn periode_sah((a, b): (i32, i32)) -> bool {
    (2000..=2100).contains(&a) && (2000..=2100).contains(&b) && a <= b && b <= a + 9
}

fn baca_renstra(sel: &Sel, masalah: &mut Vec<Masalah>) -> Vec<RenstraRow> {
    let mut lembar = Lembar {
        nama: LEMBAR_RENSTRA,
        masalah,
    };
    let wajib: Vec<(KolRenstra, &str)> = RENSTRA_AWAL
        .iter()
        .chain(RENSTRA_AKHIR.iter())
        .filter(|d| d.judul_wajib)
        .map(|d| (d.kol, d.judul))
        .collect();
    let peta = baca_judul(sel, &mut lembar, kenali_renstra, judul_renstra, &wajib);
    let k = |kol: KolRenstra| peta.get(&kol).copied();
    let target_kolom: Vec<(i32, u32)> = peta
        .iter()
        .filter_map(|(kol, &c)| match kol {
            KolRenstra::Target(t) => Some((*t, c)),
            _ => None,
        })
        .collect();
    for &(t, c) in &target_kolom {
        if !(2000..=2100).contains(&t) {
            lembar.catat(
                1,
                Some(c),
                format!("tahun pada judul '{}' di luar 2000–2100", judul_target(t)),
            );
        }
    }

    let mut hasil = Vec::new();
    // (periode, kode) → first row, for the uniqueness and hierarchy checks.
    type Kunci = ((i32, i32), String);
    let mut indikator_ada: HashMap<Kunci, u32> = HashMap::new();
    let mut tujuan_ada: HashMap<Kunci, (String, u32)> = HashMap::new();
    let mut sasaran_ada: HashMap<Kunci, (String, String, u32)> = HashMap::new();

    for (&b0, isi) in sel.range(1..) {
        let b = BarisData {
            no: b0.saturating_add(1),
            sel: isi,
        };
        if !peta.values().any(|&c| !b.kosong(Some(c))) {
            continue; // only cells without a header: already reported
        }
        let mut row = RenstraRow {
            baris: b.no,
            naik_baik: true,
            ..RenstraRow::default()
        };
        let kol = k(KolRenstra::Periode);
        let periode_teks = lembar.wajib(&b, kol, "Periode");
        let periode = if periode_teks.is_empty() {
            None
        } else {
            let p = baca_periode(&periode_teks);
            if p.is_none() {
                lembar.catat(
                    b.no,
                    kol,
                    format!(
                        "Periode '{}' tidak sah: tulis tahun awal-tahun akhir, misalnya 2025-2029 \
                         (paling lama 10 tahun, tahun 2000–2100)",
                        potong(&periode_teks)
                    ),
                );
            }
            p
        };
        row.periode = periode.unwrap_or_default();
        row.kode_tujuan = lembar.teks(&b, k(KolRenstra::KodeTujuan), "Kode Tujuan");
        row.tujuan = lembar.wajib(&b, k(KolRenstra::Tujuan), "Tujuan");
        row.kode_sasaran = lembar.teks(&b, k(KolRenstra::KodeSasaran), "Kode Sasaran");
        row.sasaran = lembar.wajib(&b, k(KolRenstra::Sasaran), "Sasaran");
        row.kode_indikator = lembar.teks(&b, k(KolRenstra::KodeIndikator), "Kode Indikator");
        row.indikator = lembar.wajib(&b, k(KolRenstra::Indikator), "Indikator");
        row.satuan = lembar.wajib(&b, k(KolRenstra::Satuan), "Satuan");
        row.baseline_tahun = lembar.tahun(
            &b,
            k(KolRenstra::TahunBaseline),
            "Tahun Baseline",
            (1900, 2100),
        );
        let kol = k(KolRenstra::NilaiBaseline);
        row.baseline_nilai = match b.nilai(kol) {
            // A number typed into the cell reads as the app shows numbers: "95,5".
            Some(Nilai::Angka(f)) => angka_polos(*f).replace('.', ","),
            _ => lembar.teks(&b, kol, "Nilai Baseline"),
        };
        for &(tahun, c) in &target_kolom {
            let judul = judul_target(tahun);
            if b.kosong(Some(c)) {
                continue;
            }
            if let Some((awal, akhir)) = periode
                && !(awal..=akhir).contains(&tahun)
            {
                lembar.catat(
                    b.no,
                    Some(c),
                    format!("{judul} di luar periode {awal}-{akhir}; kosongkan sel ini"),
                );
                continue;
            }
            if let Some(t) = lembar.target(&b, Some(c), &judul) {
                row.targets.push((tahun, t));
            }
        }
        row.definisi = lembar.teks(&b, k(KolRenstra::Definisi), "Definisi Operasional");
        row.formula = lembar.teks(&b, k(KolRenstra::Formula), "Formula");
        row.sumber_data = lembar.teks(&b, k(KolRenstra::SumberData), "Sumber Data");
        let kol = k(KolRenstra::Arah);
        let arah = lembar.teks(&b, kol, "Arah");
        match normal(&arah).as_str() {
            "" | "naik" => row.naik_baik = true,
            "turun" => row.naik_baik = false,
            _ => lembar.catat(
                b.no,
                kol,
                format!(
                    "Arah '{}' tidak dikenal: isi naik atau turun",
                    potong(&arah)
                ),
            ),
        }
        row.penanggung_jawab = lembar.teks(&b, k(KolRenstra::PenanggungJawab), "Penanggung Jawab");

        if let Some(p) = periode {
            if !row.kode_indikator.is_empty() {
                let kunci = (p, row.kode_indikator.clone());
                if let Some(&lama) = indikator_ada.get(&kunci) {
                    lembar.catat(
                        b.no,
                        k(KolRenstra::KodeIndikator),
                        format!(
                            "Kode Indikator '{}' sudah dipakai pada periode {}-{} (baris {lama})",
                            potong(&row.kode_indikator),
                            p.0,
                            p.1
                        ),
                    );
                } else {
                    indikator_ada.insert(kunci, b.no);
                }
            }
            if !row.kode_tujuan.is_empty() && !row.tujuan.is_empty() {
                let kunci = (p, row.kode_tujuan.clone());
                match tujuan_ada.get(&kunci) {
                    Some((tujuan, lama)) if *tujuan != row.tujuan => lembar.catat(
                        b.no,
                        k(KolRenstra::Tujuan),
                        format!(
                            "Kode Tujuan '{}' sudah dipakai untuk tujuan lain (baris {lama}); \
                             tulis uraian tujuan yang sama persis",
                            potong(&row.kode_tujuan)
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        tujuan_ada.insert(kunci, (row.tujuan.clone(), b.no));
                    }
                }
            }
            if !row.kode_sasaran.is_empty() && !row.sasaran.is_empty() {
                let kunci = (p, row.kode_sasaran.clone());
                match sasaran_ada.get(&kunci) {
                    Some((sasaran, _, lama)) if *sasaran != row.sasaran => lembar.catat(
                        b.no,
                        k(KolRenstra::Sasaran),
                        format!(
                            "Kode Sasaran '{}' sudah dipakai untuk sasaran lain (baris {lama}); \
                             tulis uraian sasaran yang sama persis",
                            potong(&row.kode_sasaran)
                        ),
                    ),
                    Some((_, tujuan, lama)) if *tujuan != row.tujuan => lembar.catat(
                        b.no,
                        k(KolRenstra::KodeSasaran),
                        format!(
                            "sasaran '{}' sudah berada di bawah tujuan lain (baris {lama})",
                            potong(&row.kode_sasaran)
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        sasaran_ada.insert(kunci, (row.sasaran.clone(), row.tujuan.clone(), b.no));
                    }
                }
            }
        }
        hasil.push(row);
    }
    hasil
}

fn baca_renja(sel: &Sel, masalah: &mut Vec<Masalah>) -> Vec<RenjaRow> {
    let mut lembar = Lembar {
        nama: LEMBAR_RENJA,
        masalah,
    };
    let wajib: Vec<(KolRenja, &str)> = RENJA_KOLOM
        .iter()
        .filter(|d| d.judul_wajib)
        .map(|d| (d.kol, d.judul))
        .collect();
    let peta = baca_judul(
        sel,
        &mut lembar,
        kenali_renja,
        |k| judul_renja(k).to_string(),
        &wajib,
    );
    let k = |kol: KolRenja| peta.get(&kol).copied();

    struct Lanjutan<'a> {
        b: BarisData<'a>,
        tahun: i32,
        kode: String,
    }
    let mut hasil: Vec<RenjaRow> = Vec::new();
    let mut indeks: HashMap<(i32, String), usize> = HashMap::new();
    let mut lanjutan: Vec<Lanjutan> = Vec::new();

    // Pass 1: main rows; rows that may continue another item are set aside.
    for (&b0, isi) in sel.range(1..) {
        let b = BarisData {
            no: b0.saturating_add(1),
            sel: isi,
        };
        if !peta.values().any(|&c| !b.kosong(Some(c))) {
            continue;
        }
        let tahun_kol = k(KolRenja::Tahun);
        let kode_kol = k(KolRenja::Kode);
        let mungkin_lanjutan = b.kosong(k(KolRenja::Tingkat))
            && b.kosong(k(KolRenja::Nama))
            && b.kosong(k(KolRenja::Pagu))
            && !b.kosong(tahun_kol)
            && !b.kosong(kode_kol);
        if mungkin_lanjutan {
            // Checked in pass 2, once every main row is known.
            let tahun = match b.nilai(tahun_kol) {
                Some(Nilai::Angka(f)) if f.fract() == 0.0 && (2000.0..=2100.0).contains(f) => {
                    Some(*f as i32)
                }
                Some(Nilai::Teks(s)) => s.trim().parse().ok().filter(|t| (2000..=2100).contains(t)),
                _ => None,
            };
            let kode = b
                .nilai(kode_kol)
                .and_then(|n| sebagai_teks(n).ok())
                .unwrap_or_default();
            if let Some(tahun) = tahun {
                lanjutan.push(Lanjutan { b, tahun, kode });
                continue;
            }
        }
        let row = baca_renja_utama(&mut lembar, &b, &k);
        if let Some(row) = row {
            let kunci = (row.tahun, row.kode.clone());
            if let Some(&i) = indeks.get(&kunci) {
                let lama = hasil.get(i).map(|r| r.baris).unwrap_or_default();
                lembar.catat(
                    b.no,
                    kode_kol,
                    format!(
                        "Kode '{}' tahun {} sudah ada di baris {lama}",
                        potong(&row.kode),
                        row.tahun
                    ),
                );
            } else if row.tahun != 0 && !row.kode.is_empty() {
                indeks.insert(kunci, hasil.len());
            }
            hasil.push(row);
        }
    }

    // Pass 2: continuation rows.
    for l in lanjutan {
        let b = &l.b;
        let Some(&i) = indeks.get(&(l.tahun, l.kode.clone())) else {
            let pesan = format!(
                "Tingkat wajib diisi (baris lanjutan indikator harus mengikuti baris utama \
                 dengan Tahun {} dan Kode '{}', tetapi baris itu tidak ada)",
                l.tahun,
                potong(&l.kode)
            );
            lembar.catat(b.no, k(KolRenja::Tingkat), pesan);
            lembar.catat(b.no, k(KolRenja::Nama), "Nama wajib diisi");
            // Report the row's other cell problems too.
            let _ = baca_indikator(&mut lembar, b, &k);
            continue;
        };
        let Some(utama) = hasil.get_mut(i) else {
            continue;
        };
        let baris_utama = utama.baris;
        let unit = lembar.teks(b, k(KolRenja::Unit), "Unit Pelaksana");
        let dpa = lembar.pagu(b, k(KolRenja::PaguDpa), "Pagu DPA (Rp)");
        let sasaran = lembar.teks(b, k(KolRenja::KodeSasaran), "Kode Sasaran Renstra");
        for (kol, judul, sama) in [
            (
                KolRenja::Unit,
                "Unit Pelaksana",
                unit.is_empty() || unit == utama.unit,
            ),
            (
                KolRenja::PaguDpa,
                "Pagu DPA (Rp)",
                dpa.is_none() || dpa == utama.pagu_dpa,
            ),
            (
                KolRenja::KodeSasaran,
                "Kode Sasaran Renstra",
                sasaran.is_empty() || sasaran == utama.kode_sasaran,
            ),
        ] {
            if !sama {
                lembar.catat(
                    b.no,
                    k(kol),
                    format!(
                        "baris lanjutan indikator: kosongkan {judul} (diisi pada baris {baris_utama})"
                    ),
                );
            }
        }
        if b.kosong(k(KolRenja::Indikator)) {
            lembar.catat(
                b.no,
                k(KolRenja::Indikator),
                "Indikator wajib diisi pada baris lanjutan indikator",
            );
        }
        if let Some(ind) = baca_indikator(&mut lembar, b, &k)
            && let Some(utama) = hasil.get_mut(i)
        {
            utama.indikator.push(ind);
        }
    }

    // Parents: a kegiatan needs its program, a sub kegiatan its kegiatan, in the same year.
    let ada: std::collections::HashSet<(i32, Tingkat, &str)> = hasil
        .iter()
        .map(|r| (r.tahun, r.tingkat, r.kode.as_str()))
        .collect();
    let mut tanpa_induk = Vec::new();
    for r in &hasil {
        if let (Some(induk), Some(kode_induk)) = (r.tingkat.induk(), kode_induk(r.tingkat, &r.kode))
            && !ada.contains(&(r.tahun, induk, kode_induk.as_str()))
        {
            tanpa_induk.push((
                r.baris,
                format!(
                    "{} {} tidak punya induk: {} {} tidak ada pada tahun {}",
                    r.tingkat.label(),
                    r.kode,
                    induk.label(),
                    kode_induk,
                    r.tahun
                ),
            ));
        }
    }
    for (baris, pesan) in tanpa_induk {
        lembar.catat(baris, k(KolRenja::Kode), pesan);
    }
    hasil
}

/// A main Renja row; None when the row cannot become an item at all.
fn baca_renja_utama(
    lembar: &mut Lembar,
    b: &BarisData,
    k: &impl Fn(KolRenja) -> Option<u32>,
) -> Option<RenjaRow> {
    let mut row = RenjaRow {
        baris: b.no,
        ..RenjaRow::default()
    };
    let kol = k(KolRenja::Tahun);
    if b.kosong(kol) {
        if kol.is_some() {
            lembar.catat(b.no, kol, "Tahun wajib diisi");
        }
    } else {
        row.tahun = lembar.tahun(b, kol, "Tahun", (2000, 2100)).unwrap_or(0);
    }
    let kol = k(KolRenja::Tingkat);
    let tingkat_teks = lembar.wajib(b, kol, "Tingkat");
    let tingkat = if tingkat_teks.is_empty() {
        None
    } else {
        let t = tingkat_dari_teks(&tingkat_teks);
        if t.is_none() {
            lembar.catat(
                b.no,
                kol,
                format!(
                    "Tingkat '{}' tidak dikenal: isi Program, Kegiatan, atau Sub Kegiatan",
                    potong(&tingkat_teks)
                ),
            );
        }
        t
    };
    row.tingkat = tingkat.unwrap_or(Tingkat::Program);
    let kol = k(KolRenja::Kode);
    row.kode = lembar.wajib(b, kol, "Kode");
    if let Some(t) = tingkat
        && !row.kode.is_empty()
        && !kode_sah(t, &row.kode)
    {
        lembar.catat(
            b.no,
            kol,
            format!(
                "kode '{}' tidak sesuai pola Permendagri 90/2019 (contoh: {})",
                potong(&row.kode),
                t.contoh()
            ),
        );
    }
    row.nama = lembar.wajib(b, k(KolRenja::Nama), "Nama");
    row.unit = lembar.teks(b, k(KolRenja::Unit), "Unit Pelaksana");
    row.indikator.extend(baca_indikator(lembar, b, k));
    row.pagu = lembar.pagu(b, k(KolRenja::Pagu), "Pagu (Rp)").unwrap_or(0);
    row.pagu_dpa = lembar.pagu(b, k(KolRenja::PaguDpa), "Pagu DPA (Rp)");
    row.kode_sasaran = lembar.teks(b, k(KolRenja::KodeSasaran), "Kode Sasaran Renstra");
    Some(row)
}

/// The indicator of a Renja row, if it has one (problems reported).
fn baca_indikator(
    lembar: &mut Lembar,
    b: &BarisData,
    k: &impl Fn(KolRenja) -> Option<u32>,
) -> Option<RenjaIndikatorRow> {
    let kol_ind = k(KolRenja::Indikator);
    let kol_target = k(KolRenja::Target);
    let nama = lembar.teks(b, kol_ind, "Indikator");
    let satuan = lembar.teks(b, k(KolRenja::Satuan), "Satuan");
    let target = lembar.target(b, kol_target, "Target");
    if b.kosong(kol_ind) {
        if kol_ind.is_some() && !(b.kosong(k(KolRenja::Satuan)) && b.kosong(kol_target)) {
            lembar.catat(
                b.no,
                kol_ind,
                "Indikator wajib diisi bila Satuan atau Target diisi",
            );
        }
        return None;
    }
    if b.kosong(kol_target) && kol_target.is_some() {
        lembar.catat(b.no, kol_target, "Target wajib diisi bila Indikator diisi");
    }
    Some(RenjaIndikatorRow {
        nama,
        satuan,
        target: target?,
    })
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

/// Writes the workbook: "Renstra", "Renja" and "Petunjuk" sheets.
///
/// The Renstra target columns are the union of the years of the rows'
/// periods (and of any target year outside them, so nothing is lost).
pub fn tulis_xlsx(wb: &Workbook) -> Result<Vec<u8>, String> {
    let mut tahun: BTreeSet<i32> = BTreeSet::new();
    for r in &wb.renstra {
        let (a, b) = r.periode;
        if a <= b && b.saturating_sub(a) < 100 {
            tahun.extend(a..=b);
        }
        tahun.extend(r.targets.iter().map(|(t, _)| *t));
    }
    // Only for the examples in the Petunjuk sheet.
    let periode = wb
        .renstra
        .first()
        .map(|r| r.periode)
        .filter(|&p| periode_sah(p))
        .unwrap_or((2025, 2029));
    let tahun_renja = wb
        .renja
        .first()
        .map(|r| r.tahun)
        .filter(|t| (2000..=2100).contains(t))
        .unwrap_or(periode.0);
    tulis(
        wb,
        &tahun.into_iter().collect::<Vec<_>>(),
        periode,
        tahun_renja,
    )
}

/// An empty workbook to fill in: headers (with one target column per year
/// of `periode`), drop-down lists and the "Petunjuk" sheet. It has no data
/// rows: examples are only in the Petunjuk sheet, so none get imported.
pub fn templat_xlsx(periode: (i32, i32), tahun_renja: i32) -> Result<Vec<u8>, String> {
    let (a, b) = periode;
    if !periode_sah(periode) {
        return Err(format!(
            "Periode {a}-{b} tidak sah: paling lama 10 tahun, tahun 2000–2100"
        ));
    }
    if !(2000..=2100).contains(&tahun_renja) {
        return Err(format!("Tahun Renja {tahun_renja} tidak sah: 2000–2100"));
    }
    let tahun: Vec<i32> = (a..=b).collect();
    tulis(&Workbook::default(), &tahun, periode, tahun_renja)
}

fn galat_tulis(e: XlsxError) -> String {
    format!("Gagal menulis berkas Excel: {e}")
}

struct Gaya {
    judul: Format,
    teks: Format,
    pagu: Format,
    tahun: Format,
    judul_besar: Format,
    subjudul: Format,
}

impl Gaya {
    fn baru() -> Gaya {
        Gaya {
            judul: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00DD_EBF7))
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            teks: Format::new().set_num_format("@"),
            pagu: Format::new().set_num_format("#,##0"),
            tahun: Format::new().set_num_format("0"),
            judul_besar: Format::new().set_bold().set_font_size(14),
            subjudul: Format::new().set_bold().set_font_size(12),
        }
    }
}

fn tulis(
    wb: &Workbook,
    tahun_target: &[i32],
    periode: (i32, i32),
    tahun_renja: i32,
) -> Result<Vec<u8>, String> {
    let gaya = Gaya::baru();
    let mut buku = XlsxWorkbook::new();

    let lembar = buku.add_worksheet();
    lembar.set_name(LEMBAR_RENSTRA).map_err(galat_tulis)?;
    tulis_renstra(lembar, &gaya, &wb.renstra, tahun_target).map_err(galat_tulis)?;

    let lembar = buku.add_worksheet();
    lembar.set_name(LEMBAR_RENJA).map_err(galat_tulis)?;
    tulis_renja(lembar, &gaya, &wb.renja, tahun_renja).map_err(galat_tulis)?;

    let lembar = buku.add_worksheet();
    lembar.set_name(LEMBAR_PETUNJUK).map_err(galat_tulis)?;
    tulis_petunjuk(lembar, &gaya, periode, tahun_renja).map_err(galat_tulis)?;

    buku.save_to_buffer().map_err(galat_tulis)
}

fn siapkan_kolom(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    kolom: &[(String, f64, bool)],
) -> Result<(), XlsxError> {
    for (i, (judul, lebar, teks)) in kolom.iter().enumerate() {
        let c = u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
        lembar.set_column_width(c, *lebar)?;
        if *teks {
            lembar.set_column_format(c, &gaya.teks)?;
        }
        lembar.write_string_with_format(0, c, judul, &gaya.judul)?;
    }
    lembar.set_row_height(0, 30)?;
    lembar.set_freeze_panes(1, 0)?;
    lembar.set_repeat_rows(0, 0)?;
    lembar.set_landscape();
    Ok(())
}

fn tulis_target(lembar: &mut Worksheet, r: u32, c: u16, t: &Target) -> Result<(), XlsxError> {
    match t {
        Target::Angka(v) if v.is_finite() => lembar.write_number(r, c, *v)?,
        Target::Angka(_) => {
            return Err(XlsxError::ParameterError(
                "target bukan angka terhingga".to_string(),
            ));
        }
        Target::Teks(s) => lembar.write_string(r, c, s)?,
    };
    Ok(())
}

fn tulis_renstra(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    rows: &[RenstraRow],
    tahun_target: &[i32],
) -> Result<(), XlsxError> {
    let mut kolom: Vec<(KolRenstra, String, f64, bool)> = RENSTRA_AWAL
        .iter()
        .map(|d| (d.kol, d.judul.to_string(), d.lebar, d.teks))
        .collect();
    kolom.extend(
        tahun_target
            .iter()
            .map(|&t| (KolRenstra::Target(t), judul_target(t), 11.0, false)),
    );
    kolom.extend(
        RENSTRA_AKHIR
            .iter()
            .map(|d| (d.kol, d.judul.to_string(), d.lebar, d.teks)),
    );
    let tampil: Vec<(String, f64, bool)> = kolom
        .iter()
        .map(|(_, j, l, t)| (j.clone(), *l, *t))
        .collect();
    siapkan_kolom(lembar, gaya, &tampil)?;

    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, (kol, _, _, _)) in kolom.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            let teks = |s: &str| s.to_string();
            let isi = match kol {
                KolRenstra::Periode => teks(&format!("{}-{}", row.periode.0, row.periode.1)),
                KolRenstra::KodeTujuan => teks(&row.kode_tujuan),
                KolRenstra::Tujuan => teks(&row.tujuan),
                KolRenstra::KodeSasaran => teks(&row.kode_sasaran),
                KolRenstra::Sasaran => teks(&row.sasaran),
                KolRenstra::KodeIndikator => teks(&row.kode_indikator),
                KolRenstra::Indikator => teks(&row.indikator),
                KolRenstra::Satuan => teks(&row.satuan),
                KolRenstra::TahunBaseline => {
                    if let Some(t) = row.baseline_tahun {
                        lembar.write_number_with_format(r, c, f64::from(t), &gaya.tahun)?;
                    }
                    continue;
                }
                KolRenstra::NilaiBaseline => teks(&row.baseline_nilai),
                KolRenstra::Target(t) => {
                    if let Some((_, target)) = row.targets.iter().find(|(y, _)| y == t) {
                        tulis_target(lembar, r, c, target)?;
                    }
                    continue;
                }
                KolRenstra::Definisi => teks(&row.definisi),
                KolRenstra::Formula => teks(&row.formula),
                KolRenstra::SumberData => teks(&row.sumber_data),
                KolRenstra::Arah => teks(if row.naik_baik { "naik" } else { "turun" }),
                KolRenstra::PenanggungJawab => teks(&row.penanggung_jawab),
            };
            if !isi.is_empty() {
                lembar.write_string(r, c, &isi)?;
            }
        }
    }
    let terakhir = u16::try_from(kolom.len().saturating_sub(1)).unwrap_or(0);
    lembar.autofilter(
        0,
        0,
        u32::try_from(rows.len()).unwrap_or(0).max(1),
        terakhir,
    )?;
    if let Some(c) = kolom.iter().position(|(k, ..)| *k == KolRenstra::Arah) {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let validasi = DataValidation::new()
            .allow_list_strings(&["naik", "turun"])?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Arah")?
            .set_error_message("Isi naik atau turun.")?;
        lembar.add_data_validation(1, c, BARIS_VALIDASI, c, &validasi)?;
    }
    Ok(())
}

fn tulis_renja(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    rows: &[RenjaRow],
    tahun_renja: i32,
) -> Result<(), XlsxError> {
    let tampil: Vec<(String, f64, bool)> = RENJA_KOLOM
        .iter()
        .map(|d| (d.judul.to_string(), d.lebar, d.teks))
        .collect();
    siapkan_kolom(lembar, gaya, &tampil)?;

    let mut r: u32 = 0;
    for row in rows {
        // The first indicator goes on the main row, the rest on continuation rows.
        let mut indikator = row.indikator.iter();
        let pertama = indikator.next();
        r = r.checked_add(1).ok_or(XlsxError::RowColumnLimitError)?;
        for (c, d) in RENJA_KOLOM.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            match d.kol {
                KolRenja::Tahun => {
                    lembar.write_number_with_format(r, c, f64::from(row.tahun), &gaya.tahun)?;
                }
                KolRenja::Tingkat => {
                    lembar.write_string(r, c, row.tingkat.label())?;
                }
                KolRenja::Kode => tulis_teks(lembar, r, c, &row.kode)?,
                KolRenja::Nama => tulis_teks(lembar, r, c, &row.nama)?,
                KolRenja::Unit => tulis_teks(lembar, r, c, &row.unit)?,
                KolRenja::Indikator => {
                    if let Some(i) = pertama {
                        tulis_teks(lembar, r, c, &i.nama)?;
                    }
                }
                KolRenja::Satuan => {
                    if let Some(i) = pertama {
                        tulis_teks(lembar, r, c, &i.satuan)?;
                    }
                }
                KolRenja::Target => {
                    if let Some(i) = pertama {
                        tulis_target(lembar, r, c, &i.target)?;
                    }
                }
                KolRenja::Pagu => {
                    lembar.write_number_with_format(r, c, row.pagu as f64, &gaya.pagu)?;
                }
                KolRenja::PaguDpa => {
                    if let Some(p) = row.pagu_dpa {
                        lembar.write_number_with_format(r, c, p as f64, &gaya.pagu)?;
                    }
                }
                KolRenja::KodeSasaran => tulis_teks(lembar, r, c, &row.kode_sasaran)?,
            }
        }
        for ind in indikator {
            r = r.checked_add(1).ok_or(XlsxError::RowColumnLimitError)?;
            for (c, d) in RENJA_KOLOM.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
                match d.kol {
                    KolRenja::Tahun => {
                        lembar.write_number_with_format(r, c, f64::from(row.tahun), &gaya.tahun)?;
                    }
                    KolRenja::Kode => tulis_teks(lembar, r, c, &row.kode)?,
                    KolRenja::Indikator => tulis_teks(lembar, r, c, &ind.nama)?,
                    KolRenja::Satuan => tulis_teks(lembar, r, c, &ind.satuan)?,
                    KolRenja::Target => tulis_target(lembar, r, c, &ind.target)?,
                    _ => {}
                }
            }
        }
    }
    let terakhir = u16::try_from(RENJA_KOLOM.len().saturating_sub(1)).unwrap_or(0);
    lembar.autofilter(0, 0, r.max(1), terakhir)?;
    if let Some(c) = RENJA_KOLOM.iter().position(|d| d.kol == KolRenja::Tingkat) {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let label: Vec<&str> = Tingkat::ALL.iter().map(|t| t.label()).collect();
        let validasi = DataValidation::new()
            .allow_list_strings(&label)?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Tingkat")?
            .set_error_message("Isi Program, Kegiatan, atau Sub Kegiatan.")?;
        lembar.add_data_validation(1, c, BARIS_VALIDASI, c, &validasi)?;
    }
    if let Some(c) = RENJA_KOLOM.iter().position(|d| d.kol == KolRenja::Tahun) {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let validasi = DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(2000, 2100))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_input_title("Tahun")?
            .set_input_message(format!("Tahun anggaran, misalnya {tahun_renja}."))?
            .set_error_title("Tahun")?
            .set_error_message("Isi tahun 2000–2100.")?;
        lembar.add_data_validation(1, c, BARIS_VALIDASI, c, &validasi)?;
    }
    Ok(())
}

fn tulis_teks(lembar: &mut Worksheet, r: u32, c: u16, s: &str) -> Result<(), XlsxError> {
    if !s.is_empty() {
        lembar.write_string(r, c, s)?;
    }
    Ok(())
}

/// Column widths of the Petunjuk sheet (in characters) and the text each
/// holds per line, used to size wrapped rows.
const PETUNJUK_LEBAR: [(f64, usize); 4] = [(24.0, 24), (20.0, 20), (80.0, 88), (45.0, 50)];

/// Writes lines and four-column tables down the Petunjuk sheet.
struct Penulis<'a> {
    lembar: &'a mut Worksheet,
    gaya: &'a Gaya,
    wrap: Format,
    r: u32,
}

impl Penulis<'_> {
    fn baris(&mut self, teks: &str, f: Option<&Format>) -> Result<(), XlsxError> {
        match f {
            Some(f) => self.lembar.write_string_with_format(self.r, 0, teks, f)?,
            None => self.lembar.write_string(self.r, 0, teks)?,
        };
        self.r += 1;
        Ok(())
    }

    fn jarak(&mut self) {
        self.r += 1;
    }

    fn judul(&mut self, teks: &str) -> Result<(), XlsxError> {
        self.jarak();
        let f = self.gaya.subjudul.clone();
        self.baris(teks, Some(&f))
    }

    fn tabel(&mut self, judul: [&str; 4], isi: &[[String; 4]]) -> Result<(), XlsxError> {
        for (c, j) in (0u16..).zip(judul) {
            self.lembar
                .write_string_with_format(self.r, c, j, &self.gaya.judul)?;
        }
        self.r += 1;
        for sel in isi {
            let mut tinggi = 1;
            for ((c, teks), (_, per_baris)) in (0u16..).zip(sel).zip(PETUNJUK_LEBAR) {
                self.lembar
                    .write_string_with_format(self.r, c, teks, &self.wrap)?;
                tinggi = tinggi.max(teks.chars().count().div_ceil(per_baris));
            }
            if tinggi > 1 {
                self.lembar.set_row_height(self.r, 15.0 * tinggi as f64)?;
            }
            self.r += 1;
        }
        Ok(())
    }
}

fn tulis_petunjuk(
    lembar: &mut Worksheet,
    gaya: &Gaya,
    periode: (i32, i32),
    tahun: i32,
) -> Result<(), XlsxError> {
    for (c, (lebar, _)) in (0u16..).zip(PETUNJUK_LEBAR) {
        lembar.set_column_width(c, lebar)?;
    }
    lembar.set_landscape();
    lembar.set_print_fit_to_pages(1, 0);
    let mut p = Penulis {
        lembar,
        gaya,
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        r: 0,
    };
    let (a, b) = periode;
    let baseline = a.saturating_sub(1);

    p.baris(
        "Petunjuk Pengisian Renstra dan Renja",
        Some(&gaya.judul_besar),
    )?;
    p.judul("Umum")?;
    for t in [
        "Berkas ini dibaca oleh aplikasi perkin untuk mengimpor Renstra dan Renja. Lembar Petunjuk ini tidak dibaca.".to_string(),
        format!("Isi data pada lembar \"{LEMBAR_RENSTRA}\" dan/atau \"{LEMBAR_RENJA}\" mulai baris 2. Salah satu lembar boleh dihapus bila hanya satu yang diimpor."),
        "Baris 1 adalah judul kolom: jangan ubah teksnya. Urutan kolom boleh diubah; huruf besar/kecil dan spasi pada judul diabaikan.".to_string(),
        "Kolom yang tidak dikenal, kolom wajib yang hilang, atau data di kolom tanpa judul adalah kesalahan.".to_string(),
        "Baris yang seluruhnya kosong dilewati. Teks paling banyak 1.000 karakter per sel; spasi di awal dan akhir teks dibuang.".to_string(),
        "Angka boleh diketik sebagai angka Excel atau sebagai teks berformat Indonesia: 95,5 · 1.234 · 1.234,5.".to_string(),
        "Saat impor semua kesalahan dilaporkan sekaligus beserta alamat selnya, misalnya Renja!C7. Bila ada kesalahan, tidak ada data yang diimpor.".to_string(),
    ] {
        p.baris(&format!("• {t}"), None)?;
    }

    let kolom = ["Kolom", "Wajib", "Keterangan", "Contoh"];
    p.judul(&format!(
        "Lembar \"{LEMBAR_RENSTRA}\": satu baris per indikator kinerja"
    ))?;
    let mut isi: Vec<[String; 4]> = RENSTRA_AWAL
        .iter()
        .map(|d| {
            let contoh = match d.kol {
                KolRenstra::Periode => format!("{a}-{b}"),
                KolRenstra::TahunBaseline => baseline.to_string(),
                _ => d.contoh.to_string(),
            };
            [d.judul.into(), d.wajib.into(), d.ket.into(), contoh]
        })
        .collect();
    isi.push([
        format!("Target {a} … Target {b}"),
        "Tidak".into(),
        RENSTRA_TARGET_KET.into(),
        format!("Target {a}: BB; Target {b}: A"),
    ]);
    isi.extend(RENSTRA_AKHIR.iter().map(|d| {
        [
            d.judul.into(),
            d.wajib.into(),
            d.ket.into(),
            d.contoh.into(),
        ]
    }));
    p.tabel(kolom, &isi)?;

    p.judul(&format!(
        "Lembar \"{LEMBAR_RENJA}\": satu baris per program, kegiatan, atau sub kegiatan"
    ))?;
    let isi: Vec<[String; 4]> = RENJA_KOLOM
        .iter()
        .map(|d| {
            let contoh = match d.kol {
                KolRenja::Tahun => tahun.to_string(),
                _ => d.contoh.to_string(),
            };
            [d.judul.into(), d.wajib.into(), d.ket.into(), contoh]
        })
        .collect();
    p.tabel(kolom, &isi)?;

    p.judul("Aturan kode (nomenklatur Permendagri 90/2019)")?;
    for t in [
        "• Program: urusan.bidang.program, misalnya 5.03.02. Urusan dan bidang boleh ditulis X (X.XX.01) untuk program penunjang.",
        "• Kegiatan: kode program + .d.dd, misalnya 5.03.02.2.01. Program induknya harus ada pada tahun yang sama.",
        "• Sub Kegiatan: kode kegiatan + .dddd, misalnya 5.03.02.2.01.0001. Kegiatan induknya harus ada pada tahun yang sama.",
        "• Tahun + Kode tidak boleh berulang, kecuali pada baris lanjutan indikator.",
        "• Ketik kode sebagai teks (kolom kode sudah berformat teks) agar 5.03.10 tidak berubah menjadi angka.",
    ] {
        p.baris(t, None)?;
    }
    p.judul("Baris lanjutan indikator (lembar Renja)")?;
    for t in [
        "• Item dengan lebih dari satu indikator ditulis pada beberapa baris berturut-turut.",
        "• Baris pertama berisi semua kolom dan indikator pertama.",
        "• Baris berikutnya hanya berisi Tahun, Kode, Indikator, Satuan, dan Target; Tingkat, Nama, dan Pagu dikosongkan.",
    ] {
        p.baris(t, None)?;
    }
    p.judul("Pagu")?;
    p.baris(
        "• Rupiah bulat tanpa sen dan tidak negatif: angka (1234567) atau teks (Rp 1.234.567 atau 1.234.567,00). Kosong berarti 0.",
        None,
    )?;

    p.judul("Contoh isian (hanya contoh; contoh di lembar Petunjuk tidak ikut diimpor)")?;
    let isi: Vec<[String; 4]> = vec![
        [
            "2".into(),
            format!("{a}-{b}"),
            format!(
                "T1 Meningkatnya kualitas perencanaan dan akuntabilitas kinerja · S1.1 Meningkatnya \
                 akuntabilitas kinerja Badan · IK1.1.1 Nilai SAKIP Badan · predikat · baseline {baseline}: B · \
                 Target {a}: BB … Target {b}: A · naik · Sekretariat"
            ),
            "Tujuan dan sasaran ditulis lengkap pada setiap baris indikator.".into(),
        ],
        [
            "3".into(),
            format!("{a}-{b}"),
            format!(
                "T1 (tujuan yang sama) · S1.1 (sasaran yang sama) · IK1.1.2 Persentase rekomendasi LHP \
                 yang ditindaklanjuti · % · baseline {baseline}: 80,5 · Target {a}: 85 … Target {b}: 100 · naik"
            ),
            "Indikator kedua dari sasaran yang sama.".into(),
        ],
    ];
    p.tabel(
        ["Baris Renstra", "Periode", "Isi kolom lainnya", "Catatan"],
        &isi,
    )?;
    p.jarak();
    let isi: Vec<[String; 4]> = vec![
        [
            format!("2 · {tahun}"),
            "Program".into(),
            "5.03.02 · Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah · \
             Nilai SAKIP · predikat · BB · Pagu 1.500.000.000 · Kode Sasaran Renstra S1.1"
                .into(),
            "Baris utama program.".into(),
        ],
        [
            format!("3 · {tahun}"),
            "Kegiatan".into(),
            "5.03.02.2.01 · Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah · \
             Persentase dokumen tepat waktu · % · 100 · Pagu 250.000.000"
                .into(),
            "Induknya program 5.03.02 (baris 2).".into(),
        ],
        [
            format!("4 · {tahun}"),
            "Sub Kegiatan".into(),
            "5.03.02.2.01.0001 · Penyusunan Dokumen Perencanaan Perangkat Daerah · \
             Jumlah dokumen perencanaan · dokumen · 3 · Pagu 150.000.000"
                .into(),
            "Induknya kegiatan 5.03.02.2.01 (baris 3).".into(),
        ],
        [
            format!("5 · {tahun}"),
            "(kosong)".into(),
            "5.03.02.2.01.0001 · Nama kosong · Jumlah dokumen evaluasi · dokumen · 4 · Pagu kosong"
                .into(),
            "Baris lanjutan: indikator kedua sub kegiatan baris 4.".into(),
        ],
    ];
    p.tabel(
        [
            "Baris Renja · Tahun",
            "Tingkat",
            "Kode · Nama · Indikator · Satuan · Target · Pagu",
            "Catatan",
        ],
        &isi,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tingkat_and_kode_helpers() {
        assert_eq!(
            tingkat_dari_teks("sub_kegiatan"),
            Some(Tingkat::SubKegiatan)
        );
        assert_eq!(
            tingkat_dari_teks(" Sub  Kegiatan "),
            Some(Tingkat::SubKegiatan)
        );
        assert_eq!(tingkat_dari_teks("PROGRAM"), Some(Tingkat::Program));
        assert_eq!(tingkat_dari_teks("Subkeg"), None);
        assert!(kode_sah(Tingkat::Program, "X.XX.01"));
        assert!(!kode_sah(Tingkat::Program, "5.3.2"));
        assert_eq!(
            kode_induk(Tingkat::SubKegiatan, "5.03.02.2.01.0001").as_deref(),
            Some("5.03.02.2.01")
        );
        assert_eq!(
            kode_induk(Tingkat::Kegiatan, "5.03.02.2.01").as_deref(),
            Some("5.03.02")
        );
        assert_eq!(kode_induk(Tingkat::Program, "5.03.02"), None);
    }

    #[test]
    fn pagu_text_forms() {
        let t = |s: &str| pagu_dari(&Nilai::Teks(s.into()));
        assert_eq!(t("Rp 1.234.567"), Ok(1_234_567));
        assert_eq!(t("Rp. 1.234.567,-"), Ok(1_234_567));
        assert_eq!(t("1.234.567,00"), Ok(1_234_567));
        assert_eq!(t("1234567"), Ok(1_234_567));
        assert_eq!(t("-0"), Ok(0));
        assert!(t("1.234.567,50").unwrap_err().contains("tanpa sen"));
        assert!(t("1234.5").unwrap_err().contains("tanpa sen"));
        assert!(t("-1.000").unwrap_err().contains("negatif"));
        assert!(t("1,234,567").unwrap_err().contains("bukan angka"));
        assert!(t("Rp").unwrap_err().contains("bukan angka"));
        assert!(t("1e5").unwrap_err().contains("bukan angka"));
        assert!(t("9999999999999999").unwrap_err().contains("terlalu besar"));
        assert_eq!(pagu_dari(&Nilai::Angka(1e12)), Ok(1_000_000_000_000));
        assert!(pagu_dari(&Nilai::Angka(0.5)).is_err());
    }

    #[test]
    fn spreadsheet_numbers_lose_their_noise() {
        assert_eq!(bersih(0.1 + 0.2), 0.3);
        assert_eq!(bersih(0.65), 0.65);
        assert_eq!(angka_polos(95.0), "95");
        assert_eq!(angka_polos(0.65), "0.65");
        assert_eq!(baca_periode("2025 - 2029"), Some((2025, 2029)));
        assert_eq!(baca_periode("2025–2029"), Some((2025, 2029)));
        assert_eq!(baca_periode("2029-2025"), None);
        assert_eq!(baca_periode("1999-2003"), None);
        assert_eq!(baca_periode("2025"), None);
    }

    /// A template workbook whose shared-strings part has `uniqueCount{unique}`.
    fn dengan_jumlah_teks(unique: &str) -> Vec<u8> {
        use std::io::{Read, Write};
        let asli = templat_xlsx((2025, 2029), 2026).unwrap();
        let mut masuk = zip::ZipArchive::new(Cursor::new(&asli)).unwrap();
        let mut keluar = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..masuk.len() {
            let mut bagian = masuk.by_index(i).unwrap();
            let nama = bagian.name().unwrap().to_string();
            let mut isi = String::new();
            bagian.read_to_string(&mut isi).unwrap();
            if nama == "xl/sharedStrings.xml" {
                let awal = isi.find("uniqueCount=\"").unwrap() + "uniqueCount".len();
                let akhir = awal + 2 + isi[awal + 2..].find('"').unwrap() + 1;
                isi.replace_range(awal..akhir, unique);
            }
            keluar
                .start_file(nama, zip::write::SimpleFileOptions::default())
                .unwrap();
            keluar.write_all(isi.as_bytes()).unwrap();
        }
        keluar.finish().unwrap().into_inner()
    }

    /// Fuzz finding (xlsx_import): `<sst uniqueCount="4000000000">` in a
    /// 12 KB file made calamine reserve 96 GB, an allocation failure that
    /// aborts the process (out of reach of the `catch_unwind`).
    #[test]
    fn jumlah_teks_bersama_yang_mustahil_ditolak_sebelum_calamine() {
        for unique in [
            "=\"4000000000\"",
            "='999999999999'",
            " =  \"0000000000000000000000000000000000000000004000001\"",
            "=\"99999999999999999999999999\"",
        ] {
            let m = baca_xlsx(&dengan_jumlah_teks(unique)).expect_err(unique);
            assert_eq!(m.len(), 1, "{m:?}");
            assert!(
                m[0].pesan
                    .contains("jumlah teks yang dinyatakan di dalamnya terlalu besar"),
                "{m:?}"
            );
        }
        // Within the limit, or no number at all (calamine ignores it): read as usual.
        for unique in ["=\"4000000\"", "=\"7\"", "=\"banyak\""] {
            assert_eq!(
                baca_xlsx(&dengan_jumlah_teks(unique)),
                Ok(Workbook::default()),
                "{unique}"
            );
        }
    }

    #[test]
    fn pemindai_jumlah_teks_tidak_bergantung_pada_potongan() {
        let teks = b"<sst count=\"1\" uniquuniqueCount=\"1\" uniqueCount \t= '+00004000001'>";
        let mut p = PemindaiJumlahTeks::default();
        let hasil: Vec<bool> = teks.iter().map(|&c| p.baca(c)).collect();
        assert_eq!(hasil.iter().filter(|&&b| b).count(), 1);
        assert!(hasil[teks.len() - 2], "true exactly at the closing quote");
        let mut p = PemindaiJumlahTeks::default();
        assert!(
            !b"uniqueCount=\"4000000\" uniqueCount=\"x9999999999\""
                .iter()
                .any(|&c| p.baca(c))
        );
    }
}
