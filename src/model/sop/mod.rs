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

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

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
        sumber: include_str!("../../../assets/sop/bkpsdm-90-2023.toml"),
        catatan: include_str!("../../../assets/sop/bkpsdm-90-2023.catatan.md"),
        nama_berkas: "bkpsdm-90-2023.toml",
    },
    SopBawaan {
        kode: "badan-ntt-pk",
        sumber: include_str!("../../../assets/sop/badan-ntt-pk.toml"),
        catatan: include_str!("../../../assets/sop/badan-ntt-pk.catatan.md"),
        nama_berkas: "badan-ntt-pk.toml",
    },
];

/// The built-in templates (both seed SOPs).
pub fn sop_bawaan() -> &'static [SopBawaan] {
    &BAWAAN
}

impl SopTemplate {
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
