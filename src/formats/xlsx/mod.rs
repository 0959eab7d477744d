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
//! | `Kumulatif` | no | "ya" (the quarters' targets add up to the year's) or "tidak" (the default) |
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

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::plan::Target;

mod cells;
mod columns;
mod guide;
mod limits;
mod read;
mod renja;
mod renstra;
#[cfg(test)]
mod tests;
mod write;

pub use read::baca_xlsx;
pub use write::{templat_xlsx, tulis_xlsx};

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
    /// The quarters' targets add up to the year's ("ya" in Kumulatif).
    pub kumulatif: bool,
    pub penanggung_jawab: String,
}

/// Level of a Renja item: the one type of the app, re-exported so that
/// `formats::xlsx` is complete on its own. `label()` gives "Program",
/// "Kegiatan", "Sub Kegiatan"; `kode()` gives "program", "kegiatan",
/// "sub_kegiatan".
pub use crate::model::plan::Tingkat;

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

/// Years 2000–2100, start ≤ end ≤ start + 9.
fn periode_sah((a, b): (i32, i32)) -> bool {
    (2000..=2100).contains(&a) && (2000..=2100).contains(&b) && a <= b && b <= a + 9
}
