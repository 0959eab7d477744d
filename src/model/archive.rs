//! The archive register of signed agreements (nomor agenda, paper place,
//! scanned copy) and the record of prints: the entries as typed and listed,
//! their checks, and the agenda numbering.

use chrono::NaiveDate;
use serde::Serialize;

use super::Invalid;
use super::agreement::{Jenis, PrintPurpose};
use super::id::{AgreementId, ArchiveId, PrintId, UnitId, VersionId};

/// A register entry as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewArchive {
    pub version_id: VersionId,
    pub nomor_agenda: String,
    pub tanggal: NaiveDate,
    pub rangkap: u32,
    pub lemari: String,
    pub rak: String,
    pub boks: String,
    pub map: String,
    /// Where a copy went, e.g. "Biro Organisasi Setda".
    pub diserahkan_kepada: String,
    pub tanggal_serah: Option<NaiveDate>,
    pub keterangan: String,
}

/// The scanned signed copy of an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scan {
    pub sha256: String,
    /// The name of the file the user picked.
    pub nama: String,
    pub mime: String,
    pub bytes: i64,
}

/// One entry of the register, with its agreement.
#[derive(Clone, Debug, PartialEq)]
pub struct ArchiveRow {
    pub id: ArchiveId,
    pub entry: NewArchive,
    pub tahun: i32,
    pub agreement_id: AgreementId,
    pub unit_id: UnitId,
    pub unit: String,
    pub jenis: Jenis,
    pub versi: i32,
    /// The nomor of the agreement itself.
    pub nomor_pk: String,
    pub scan: Option<Scan>,
}

impl ArchiveRow {
    /// "Lemari 2, Rak B, Boks 3, Map 12" (the parts that are filled).
    pub fn lokasi(&self) -> String {
        lokasi(&self.entry)
    }
}

/// The paper place of an entry in words.
pub fn lokasi(e: &NewArchive) -> String {
    [
        ("Lemari", &e.lemari),
        ("Rak", &e.rak),
        ("Boks", &e.boks),
        ("Map", &e.map),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k} {}", v.trim()))
    .collect::<Vec<_>>()
    .join(", ")
}

/// A signed version not yet in the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unregistered {
    pub version_id: VersionId,
    pub agreement_id: AgreementId,
    pub tahun: i32,
    pub unit: String,
    pub versi: i32,
    pub signed_at: Option<String>,
}

/// What "Periksa berkas" found for one entry's scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanState {
    /// The stored file is there and its hash matches.
    Cocok,
    /// The stored file is gone.
    Hilang,
    /// The stored file's content no longer matches the recorded hash.
    Berubah { ditemukan: String },
    /// The file is there but cannot be read.
    TakTerbaca(String),
}

impl ScanState {
    pub fn label(&self) -> String {
        match self {
            ScanState::Cocok => "Cocok".into(),
            ScanState::Hilang => {
                "HILANG: berkas pindaian tidak ada; lampirkan lagi pindaian dokumen yang ditandatangani (Ubah → Ganti pindaian)".into()
            }
            ScanState::Berubah { .. } => {
                "BERUBAH: isi berkas tidak sesuai hash tercatat; lampirkan lagi pindaian dokumen yang ditandatangani (Ubah → Ganti pindaian)".into()
            }
            ScanState::TakTerbaca(e) => format!("Tidak dapat dibaca: {e}"),
        }
    }

    pub fn ok(&self) -> bool {
        matches!(self, ScanState::Cocok)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanCheck {
    pub entry_id: ArchiveId,
    pub nomor_agenda: String,
    pub unit: String,
    pub state: ScanState,
}

/// One print recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintRow {
    pub id: PrintId,
    pub version_id: VersionId,
    pub at: String,
    pub rangkap: u32,
    pub operator: String,
    pub tujuan: PrintPurpose,
}

/// The leading number of an agenda number ("007/PK/2026" → 7).
pub fn leading_number(s: &str) -> Option<u64> {
    let digits: String = s
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Whether two agenda numbers name the same entry: equal but for case,
/// surrounding spaces and the leading zeros of their number ("1" and "001",
/// "7/ARS" and "007/ars").
pub fn same_agenda(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        let s = s.trim().to_lowercase();
        let digits = s.chars().take_while(char::is_ascii_digit).count();
        let number = s[..digits].trim_start_matches('0');
        let number = if digits > 0 && number.is_empty() {
            "0"
        } else {
            number
        };
        format!("{number}{}", &s[digits..])
    }
    key(a) == key(b)
}

/// The agenda number after the ones used: one past the highest leading
/// number, three digits ("001", "002", …).
pub fn next_agenda_of<'a>(used: impl Iterator<Item = &'a str>) -> String {
    let max = used.filter_map(leading_number).max().unwrap_or(0);
    format!("{:03}", max + 1)
}

impl NewArchive {
    /// Every field within its limits, and the dates in order.
    pub fn validate(&self) -> Result<(), Invalid> {
        let e = self;
        let invalid = |m: &str| Err(Invalid(m.to_string()));
        if e.nomor_agenda.trim().is_empty() {
            return invalid("Nomor agenda wajib diisi");
        }
        if e.nomor_agenda.chars().count() > 60 {
            return invalid("Nomor agenda terlalu panjang (maksimal 60 karakter)");
        }
        if !(1..=99).contains(&e.rangkap) {
            return invalid("Jumlah rangkap harus 1 sampai 99");
        }
        for (label, v) in [
            ("Lemari", &e.lemari),
            ("Rak", &e.rak),
            ("Boks", &e.boks),
            ("Map", &e.map),
            ("Diserahkan kepada", &e.diserahkan_kepada),
        ] {
            if v.chars().count() > 200 {
                return Err(Invalid(format!(
                    "{label} terlalu panjang (maksimal 200 karakter)"
                )));
            }
        }
        if e.keterangan.chars().count() > 2000 {
            return invalid("Keterangan terlalu panjang (maksimal 2000 karakter)");
        }
        if e.tanggal_serah.is_some() && e.diserahkan_kepada.trim().is_empty() {
            return invalid("Isi kepada siapa dokumen diserahkan, atau kosongkan tanggal serah");
        }
        if let Some(serah) = e.tanggal_serah
            && serah < e.tanggal
        {
            return invalid("Tanggal serah tidak boleh sebelum tanggal pendaftaran");
        }
        Ok(())
    }

    /// The entry as stored: every text trimmed.
    pub fn cleaned(&self) -> NewArchive {
        let e = self;
        let t = |s: &String| s.trim().to_string();
        NewArchive {
            nomor_agenda: t(&e.nomor_agenda),
            lemari: t(&e.lemari),
            rak: t(&e.rak),
            boks: t(&e.boks),
            map: t(&e.map),
            diserahkan_kepada: t(&e.diserahkan_kepada),
            keterangan: t(&e.keterangan),
            ..e.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_numbers_written_otherwise_are_the_same() {
        assert!(same_agenda("1", "001"));
        assert!(same_agenda(" 007/ARS ", "7/ars"));
        assert!(same_agenda("0", "000"));
        assert!(!same_agenda("1", "10"));
        assert!(!same_agenda("001/A", "001/B"));
    }

    #[test]
    fn agenda_numbers_sort_by_their_number() {
        assert_eq!(leading_number("007/PK/2026"), Some(7));
        assert_eq!(leading_number(" 12"), Some(12));
        assert_eq!(leading_number("A-1"), None);
    }

    #[test]
    fn places_read_as_words() {
        let e = NewArchive {
            version_id: VersionId(1),
            nomor_agenda: "001".into(),
            tanggal: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            rangkap: 2,
            lemari: "2".into(),
            rak: " ".into(),
            boks: "B".into(),
            map: "12".into(),
            diserahkan_kepada: String::new(),
            tanggal_serah: None,
            keterangan: String::new(),
        };
        assert_eq!(lokasi(&e), "Lemari 2, Boks B, Map 12");
    }
}
