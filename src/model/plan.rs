//! Plan values shared by Renstra, Renja and agreements.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Invalid;
use super::id::{IndikatorId, PeriodId, RenjaItemId, SasaranId, TujuanId, UnitId};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("Target wajib diisi")]
    Kosong,
    #[error("Target terlalu panjang (maksimal 100 karakter)")]
    TerlaluPanjang,
    #[error(
        "Target '{0}' bukan angka yang sah: pakai koma untuk desimal dan titik untuk ribuan, mis. 1.234,5"
    )]
    BukanAngka(String),
}

/// A target: a number (with the indicator's satuan) or a text such as "WTP".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Angka(f64),
    Teks(String),
}

impl Target {
    /// Reads what a user typed. Numbers use the Indonesian decimal comma and
    /// dot thousands ("1.234,5"); a lone dot that is not a thousands group is
    /// read as a decimal point ("0.65", as pasted from an English sheet).
    /// Anything that is not a number is a text target ("WTP", "BB").
    pub fn parse(s: &str) -> Result<Target, TargetError> {
        let t = s.trim();
        if t.is_empty() {
            return Err(TargetError::Kosong);
        }
        if t.chars().count() > 100 {
            return Err(TargetError::TerlaluPanjang);
        }
        let numeric_chars = t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
            && t.chars().any(|c| c.is_ascii_digit());
        if !numeric_chars {
            return Ok(Target::Teks(t.to_string()));
        }
        let normal = if let Some((whole, frac)) = t.split_once(',') {
            // The id-ID rule, or nothing: dots group the whole part by
            // three, one comma, then digits ("1,234.5" is never guessed).
            let whole_ok = whole
                .trim_start_matches('-')
                .bytes()
                .all(|b| b.is_ascii_digit())
                || is_thousands_grouped(whole);
            if !whole_ok || frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(TargetError::BukanAngka(t.to_string()));
            }
            format!("{}.{frac}", whole.replace('.', ""))
        } else if is_thousands_grouped(t) {
            t.replace('.', "")
        } else {
            t.to_string()
        };
        match normal.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() < 1e15 => Ok(Target::Angka(v)),
            _ => Err(TargetError::BukanAngka(t.to_string())),
        }
    }

    /// As printed: "95,5" or "WTP".
    pub fn tampil(&self) -> String {
        match self {
            Target::Angka(v) => crate::fmt::angka_persis(*v),
            Target::Teks(s) => s.clone(),
        }
    }
}

/// "1.234" or "-12.345.678": dots grouping digits by three.
fn is_thousands_grouped(t: &str) -> bool {
    let digits = t.strip_prefix('-').unwrap_or(t);
    let mut groups = digits.split('.');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = groups.collect();
    first_ok
        && !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_as_a_clerk_types_them() {
        assert_eq!(Target::parse("95").unwrap(), Target::Angka(95.0));
        assert_eq!(Target::parse("95,5").unwrap(), Target::Angka(95.5));
        assert_eq!(Target::parse("1.234,5").unwrap(), Target::Angka(1234.5));
        assert_eq!(Target::parse("1.234").unwrap(), Target::Angka(1234.0));
        assert_eq!(
            Target::parse("1.234.567").unwrap(),
            Target::Angka(1_234_567.0)
        );
        assert_eq!(Target::parse("0.65").unwrap(), Target::Angka(0.65));
        assert_eq!(Target::parse("-2,5").unwrap(), Target::Angka(-2.5));
        assert_eq!(Target::parse(" WTP ").unwrap(), Target::Teks("WTP".into()));
        assert_eq!(Target::parse("BB").unwrap(), Target::Teks("BB".into()));
        assert_eq!(Target::parse("").unwrap_err(), TargetError::Kosong);
        assert_eq!(
            Target::parse("1,2,3").unwrap_err(),
            TargetError::BukanAngka("1,2,3".into())
        );
        assert_eq!(
            Target::parse("1.2.3").unwrap_err(),
            TargetError::BukanAngka("1.2.3".into())
        );
        assert_eq!(
            Target::parse(&"9".repeat(101)).unwrap_err(),
            TargetError::TerlaluPanjang
        );
        assert!(matches!(
            Target::parse(&"9".repeat(40)),
            Err(TargetError::BukanAngka(_))
        ));
        assert_eq!(Target::parse("0,65").unwrap().tampil(), "0,65");
    }

    #[test]
    fn a_number_with_both_marks_follows_the_id_rule_or_is_refused() {
        for bad in ["1,234.5", "1.23,4", "12.34,5", "1,", ",5,", "1,2.5"] {
            assert_eq!(
                Target::parse(bad).unwrap_err(),
                TargetError::BukanAngka(bad.into()),
                "{bad}"
            );
        }
        assert_eq!(Target::parse("-1.234,5").unwrap(), Target::Angka(-1234.5));
        assert_eq!(Target::parse("1234,5").unwrap(), Target::Angka(1234.5));
    }

    #[test]
    fn a_target_shows_and_reads_back_exactly() {
        for typed in [
            "0,655",
            "95",
            "87,5",
            "1.234.567,125",
            "0,0001",
            "-2,5",
            "12.345",
        ] {
            let t = Target::parse(typed).unwrap();
            assert_eq!(t.tampil(), typed);
            assert_eq!(Target::parse(&t.tampil()).unwrap(), t);
        }
    }
}

/// The level of a Renja item (and of a budget line).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tingkat {
    Program,
    Kegiatan,
    /// The lowest level: the default of a budget line typed by hand.
    #[default]
    SubKegiatan,
}

impl Tingkat {
    pub const ALL: [Tingkat; 3] = [Tingkat::Program, Tingkat::Kegiatan, Tingkat::SubKegiatan];

    pub fn kode(self) -> &'static str {
        match self {
            Tingkat::Program => "program",
            Tingkat::Kegiatan => "kegiatan",
            Tingkat::SubKegiatan => "sub_kegiatan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tingkat::Program => "Program",
            Tingkat::Kegiatan => "Kegiatan",
            Tingkat::SubKegiatan => "Sub Kegiatan",
        }
    }

    pub fn parse(s: &str) -> Option<Tingkat> {
        Tingkat::ALL.into_iter().find(|t| t.kode() == s)
    }

    /// The level of the parent, if any.
    pub fn induk(self) -> Option<Tingkat> {
        match self {
            Tingkat::Program => None,
            Tingkat::Kegiatan => Some(Tingkat::Program),
            Tingkat::SubKegiatan => Some(Tingkat::Kegiatan),
        }
    }

    /// An example code of this level.
    pub fn contoh(self) -> &'static str {
        match self {
            Tingkat::Program => "5.03.02",
            Tingkat::Kegiatan => "5.03.02.2.01",
            Tingkat::SubKegiatan => "5.03.02.2.01.0001",
        }
    }
}

/// Checks the shape of a Renja code (Permendagri 90/2019 nomenclature):
/// program `5.03.02` (urusan and bidang may be the placeholder X, as in
/// `X.XX.01`), kegiatan `5.03.02.2.01`, sub kegiatan `5.03.02.2.01.0001`;
/// a child's code must extend its parent's.
pub fn cek_kode_renja(
    tingkat: Tingkat,
    kode: &str,
    kode_induk: Option<&str>,
) -> Result<(), String> {
    let parts: Vec<&str> = kode.trim().split('.').collect();
    let digits = |s: &str, n: usize, x_ok: bool| {
        s.len() == n && s.bytes().all(|b| b.is_ascii_digit() || (x_ok && b == b'X'))
    };
    let shape_ok = parts.len() >= 3
        && digits(parts[0], 1, true)
        && digits(parts[1], 2, true)
        && digits(parts[2], 2, false)
        && match tingkat {
            Tingkat::Program => parts.len() == 3,
            Tingkat::Kegiatan => {
                parts.len() == 5 && digits(parts[3], 1, false) && digits(parts[4], 2, false)
            }
            Tingkat::SubKegiatan => {
                parts.len() == 6
                    && digits(parts[3], 1, false)
                    && digits(parts[4], 2, false)
                    && digits(parts[5], 4, false)
            }
        };
    if !shape_ok {
        return Err(format!(
            "Kode {} '{}' tidak sesuai pola Permendagri 90/2019 (contoh: {})",
            tingkat.label().to_lowercase(),
            kode.trim(),
            tingkat.contoh()
        ));
    }
    if let Some(induk) = kode_induk
        && !kode.trim().starts_with(&format!("{}.", induk.trim()))
    {
        return Err(format!(
            "Kode {} '{}' harus diawali kode induknya '{}'",
            tingkat.label().to_lowercase(),
            kode.trim(),
            induk.trim()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod kode_tests {
    use super::*;

    #[test]
    fn renja_codes_follow_the_nomenclature() {
        assert!(cek_kode_renja(Tingkat::Program, "5.03.02", None).is_ok());
        assert!(cek_kode_renja(Tingkat::Program, "X.XX.01", None).is_ok());
        assert!(cek_kode_renja(Tingkat::Kegiatan, "5.03.02.2.01", Some("5.03.02")).is_ok());
        assert!(
            cek_kode_renja(
                Tingkat::SubKegiatan,
                "5.03.02.2.01.0001",
                Some("5.03.02.2.01")
            )
            .is_ok()
        );
        let e = cek_kode_renja(Tingkat::Program, "5.3.2", None).unwrap_err();
        assert_eq!(
            e,
            "Kode program '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)"
        );
        assert!(cek_kode_renja(Tingkat::Kegiatan, "5.03.02", None).is_err());
        assert!(cek_kode_renja(Tingkat::SubKegiatan, "5.03.02.2.01.001", None).is_err());
        assert!(cek_kode_renja(Tingkat::Kegiatan, "5.03.XX.2.01", None).is_err());
        let e = cek_kode_renja(Tingkat::Kegiatan, "5.03.01.2.01", Some("5.03.02")).unwrap_err();
        assert!(e.contains("harus diawali kode induknya '5.03.02'"), "{e}");
        assert!(cek_kode_renja(Tingkat::Program, "'; DROP TABLE x; --", None).is_err());
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewIndikator {
    pub sasaran_id: SasaranId,
    pub kode: String,
    pub nama: String,
    pub satuan: String,
    pub baseline_tahun: Option<i32>,
    pub baseline_nilai: String,
    pub definisi: String,
    pub formula: String,
    pub sumber_data: String,
    /// true: higher is better ("naik"); false: lower is better ("turun").
    pub naik_baik: bool,
    /// The quarters' targets add up to the year's (TW I + … + TW IV).
    #[serde(default)]
    pub kumulatif: bool,
    pub unit_id: Option<UnitId>,
    pub targets: Vec<(i32, Target)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewRenjaItem {
    pub tahun: i32,
    pub parent_id: Option<RenjaItemId>,
    pub level: Tingkat,
    pub kode: String,
    pub nama: String,
    pub unit_id: Option<UnitId>,
    pub sasaran_id: Option<SasaranId>,
    pub pagu: i64,
    pub pagu_dpa: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewRenjaIndikator {
    pub item_id: RenjaItemId,
    pub nama: String,
    pub satuan: String,
    pub target: Target,
    pub renstra_indikator_id: Option<IndikatorId>,
}

/// A node of the Renstra tree below its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RenstraNode {
    Tujuan(TujuanId),
    Sasaran(SasaranId),
    Indikator(IndikatorId),
}

impl RenstraNode {
    /// The row id of the node in its own table.
    pub fn row(self) -> i64 {
        match self {
            RenstraNode::Tujuan(id) => id.0,
            RenstraNode::Sasaran(id) => id.0,
            RenstraNode::Indikator(id) => id.0,
        }
    }

    /// "Tujuan", "Sasaran", "Indikator".
    pub fn label(self) -> &'static str {
        match self {
            RenstraNode::Tujuan(_) => "Tujuan",
            RenstraNode::Sasaran(_) => "Sasaran",
            RenstraNode::Indikator(_) => "Indikator",
        }
    }
}

/// One edit of the target table: an indikator's target for a year, set
/// (Some) or cleared (None).
pub type TargetChange = (IndikatorId, i32, Option<Target>);

/// The kode of a tujuan, sasaran or indikator ("T1", "T1.S2").
pub const KODE_MAKS: usize = 50;

/// A Renstra period as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodRow {
    pub id: PeriodId,
    pub tahun_awal: i32,
    pub tahun_akhir: i32,
    pub nama: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndikatorRow {
    pub id: IndikatorId,
    pub kode: String,
    pub nama: String,
    pub satuan: String,
    pub baseline_tahun: Option<i32>,
    pub baseline_nilai: String,
    pub naik_baik: bool,
    /// The quarters' targets add up to the year's.
    pub kumulatif: bool,
    pub unit_id: Option<UnitId>,
    pub targets: std::collections::BTreeMap<i32, Target>,
    pub definisi: String,
    pub formula: String,
    pub sumber_data: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SasaranNode {
    pub id: SasaranId,
    pub kode: String,
    pub uraian: String,
    pub indikator: Vec<IndikatorRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TujuanNode {
    pub id: TujuanId,
    pub kode: String,
    pub uraian: String,
    pub sasaran: Vec<SasaranNode>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RenjaItemRow {
    pub id: RenjaItemId,
    pub parent_id: Option<RenjaItemId>,
    pub level: Tingkat,
    pub kode: String,
    pub nama: String,
    pub unit_id: Option<UnitId>,
    /// The Renstra sasaran the item serves.
    pub sasaran_id: Option<SasaranId>,
    pub pagu: i64,
    pub pagu_dpa: Option<i64>,
    /// (nama, satuan, target)
    pub indikator: Vec<(String, String, Target)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenjaYear {
    pub tahun: i32,
    pub nomor_dpa: String,
    pub tanggal_dpa: Option<NaiveDate>,
}

impl NewIndikator {
    /// The lengths of every text, and one finite target per year.
    pub fn validate(&self) -> Result<(), Invalid> {
        let i = self;
        super::required("Nama indikator", &i.nama)?;
        super::check_len("Kode indikator", &i.kode, KODE_MAKS)?;
        super::check_len("Satuan", &i.satuan, 100)?;
        super::check_len("Nilai baseline", &i.baseline_nilai, 100)?;
        super::check_len("Definisi operasional", &i.definisi, 2000)?;
        super::check_len("Formula", &i.formula, 2000)?;
        super::check_len("Sumber data", &i.sumber_data, 1000)?;
        let mut years = std::collections::HashSet::new();
        for (y, t) in &i.targets {
            if !years.insert(*y) {
                return Err(Invalid(format!("Target tahun {y} diisi lebih dari sekali")));
            }
            if let Target::Angka(v) = t
                && !v.is_finite()
            {
                return Err(Invalid(format!("Target tahun {y} bukan angka yang sah")));
            }
        }
        Ok(())
    }
}

/// A Renja indicator as edited with its item: (nama, satuan, target).
pub type RenjaIndikatorInput = (String, String, Target);
