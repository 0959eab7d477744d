//! The standard time of an SOP step ("Mutu Baku: Waktu").
//!
//! A [`Waktu`] is an amount with at most two decimals and a unit (menit, jam,
//! hari). It is written the Indonesian way: `"5 menit"`, `"1 hari"`,
//! `"1,5 jam"`. The parser is lenient about case and whitespace (`"5Hari"`,
//! `"10 Menit"`, `" 2  jam "`), takes `,` or `.` as decimal separator and the
//! glyphs `½ ¼ ¾` (`"½ hari"`, `"1½ jam"`), and never panics.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

/// Unit of a standard time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SatuanWaktu {
    Menit,
    Jam,
    Hari,
}

impl SatuanWaktu {
    /// All units, smallest first.
    pub const SEMUA: [SatuanWaktu; 3] = [SatuanWaktu::Menit, SatuanWaktu::Jam, SatuanWaktu::Hari];

    /// The Indonesian word, lower case: "menit", "jam", "hari".
    pub fn label(self) -> &'static str {
        match self {
            SatuanWaktu::Menit => "menit",
            SatuanWaktu::Jam => "jam",
            SatuanWaktu::Hari => "hari",
        }
    }

    /// Largest accepted amount in this unit, times 100 (365 calendar days).
    pub fn maks_centi(self) -> u32 {
        match self {
            SatuanWaktu::Menit => 365 * 24 * 60 * 100,
            SatuanWaktu::Jam => 365 * 24 * 100,
            SatuanWaktu::Hari => 365 * 100,
        }
    }

    fn dari_kata(kata: &str) -> Option<SatuanWaktu> {
        match kata {
            "menit" => Some(SatuanWaktu::Menit),
            "jam" => Some(SatuanWaktu::Jam),
            "hari" => Some(SatuanWaktu::Hari),
            _ => None,
        }
    }
}

impl fmt::Display for SatuanWaktu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A standard time: `centi` is the amount × 100 ("1,5 jam" = 150 [`SatuanWaktu::Jam`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Waktu {
    pub centi: u32,
    pub satuan: SatuanWaktu,
}

const CONTOH: &str = "contoh yang sah: \"5 menit\", \"1,5 jam\", \"2 hari\"";

/// Why a text is not a valid standard time. The messages are Indonesian and
/// end with an example of a valid value.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum WaktuError {
    #[error("waktu kosong; isi jumlah dan satuan ({CONTOH})")]
    Kosong,
    #[error("waktu '{0}' tidak diawali angka; tulis jumlah lalu satuan ({CONTOH})")]
    TanpaAngka(String),
    #[error("waktu '{0}' negatif; waktu harus lebih dari nol ({CONTOH})")]
    Negatif(String),
    #[error("jumlah '{0}' bukan angka yang sah; pakai koma untuk desimal ({CONTOH})")]
    AngkaTidakSah(String),
    #[error(
        "jumlah '{0}' punya lebih dari 2 angka desimal (titik tidak dipakai sebagai pemisah ribuan) ({CONTOH})"
    )]
    TerlaluBanyakDesimal(String),
    #[error("waktu '{0}' bernilai nol; waktu harus lebih dari nol ({CONTOH})")]
    Nol(String),
    #[error("waktu '{0}' tidak bersatuan; tambahkan menit, jam, atau hari ({CONTOH})")]
    TanpaSatuan(String),
    #[error("satuan '{0}' tidak dikenal; yang dikenal: menit, jam, hari ({CONTOH})")]
    SatuanTidakDikenal(String),
    #[error("waktu '{teks}' terlalu besar; paling lama {maks} ({CONTOH})")]
    TerlaluBesar { teks: String, maks: Waktu },
}

/// Shortens user text quoted in an error message (the input may be huge).
fn kutip(s: &str) -> String {
    crate::model::potong(s.trim(), 40)
}

impl Waktu {
    /// `n` whole minutes (saturating).
    pub const fn menit(n: u32) -> Waktu {
        Waktu {
            centi: n.saturating_mul(100),
            satuan: SatuanWaktu::Menit,
        }
    }

    /// `n` whole hours (saturating).
    pub const fn jam(n: u32) -> Waktu {
        Waktu {
            centi: n.saturating_mul(100),
            satuan: SatuanWaktu::Jam,
        }
    }

    /// `n` whole (working) days (saturating).
    pub const fn hari(n: u32) -> Waktu {
        Waktu {
            centi: n.saturating_mul(100),
            satuan: SatuanWaktu::Hari,
        }
    }

    /// Parses "5 menit", "10 Menit", "1 hari", "5Hari", "2Jam", "1,5 jam",
    /// "0.5 hari", "½ hari", "1½ jam". Amount > 0, at most 2 decimals, at most
    /// 365 days (8760 jam, 525600 menit).
    pub fn parse(s: &str) -> Result<Waktu, WaktuError> {
        let teks = s.trim();
        if teks.is_empty() {
            return Err(WaktuError::Kosong);
        }
        let kecil = teks.to_lowercase();

        // Split into the amount (digits, separators, fraction glyphs) and the unit word.
        let batas = kecil
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '½' | '¼' | '¾')))
            .map_or(kecil.len(), |(i, _)| i);
        let (angka, sisa) = kecil.split_at(batas);
        let kata = sisa.trim();

        if angka.is_empty() {
            if kecil.starts_with('-') || kecil.starts_with('−') {
                return Err(WaktuError::Negatif(kutip(teks)));
            }
            return Err(WaktuError::TanpaAngka(kutip(teks)));
        }
        let satuan = if kata.is_empty() {
            return Err(WaktuError::TanpaSatuan(kutip(teks)));
        } else {
            match SatuanWaktu::dari_kata(kata) {
                Some(s) => s,
                None => return Err(WaktuError::SatuanTidakDikenal(kutip(kata))),
            }
        };

        let centi = parse_centi(angka, satuan.maks_centi()).map_err(|e| match e {
            AngkaGagal::TidakSah => WaktuError::AngkaTidakSah(kutip(angka)),
            AngkaGagal::Desimal => WaktuError::TerlaluBanyakDesimal(kutip(angka)),
            AngkaGagal::TerlaluBesar => WaktuError::TerlaluBesar {
                teks: kutip(teks),
                maks: Waktu {
                    centi: satuan.maks_centi(),
                    satuan,
                },
            },
        })?;
        if centi == 0 {
            return Err(WaktuError::Nol(kutip(teks)));
        }
        Ok(Waktu { centi, satuan })
    }

    /// Working minutes: menit × 1, jam × 60, hari × `menit_per_hari`,
    /// rounded to the nearest minute (halves up), saturating at `u32::MAX`.
    pub fn menit_kerja(&self, menit_per_hari: u32) -> u32 {
        let kali: u64 = match self.satuan {
            SatuanWaktu::Menit => 1,
            SatuanWaktu::Jam => 60,
            SatuanWaktu::Hari => u64::from(menit_per_hari),
        };
        // u32 × u32 + 50 always fits in u64.
        let centi_menit = u64::from(self.centi) * kali + 50;
        u32::try_from(centi_menit / 100).unwrap_or(u32::MAX)
    }
}

enum AngkaGagal {
    TidakSah,
    Desimal,
    TerlaluBesar,
}

/// Parses the amount part (ASCII digits, one `,`/`.`, an optional trailing
/// fraction glyph) into hundredths, refusing anything above `maks`.
fn parse_centi(angka: &str, maks: u32) -> Result<u32, AngkaGagal> {
    let (inti, pecahan_glyph) = match angka.chars().last() {
        Some('½') => (&angka[..angka.len() - '½'.len_utf8()], 50),
        Some('¼') => (&angka[..angka.len() - '¼'.len_utf8()], 25),
        Some('¾') => (&angka[..angka.len() - '¾'.len_utf8()], 75),
        _ => (angka, 0),
    };
    if inti.contains(['½', '¼', '¾']) {
        return Err(AngkaGagal::TidakSah);
    }
    let (bulat, desimal) = match inti.find([',', '.']) {
        Some(i) => (&inti[..i], Some(&inti[i + 1..])),
        None => (inti, None),
    };
    if pecahan_glyph != 0 && desimal.is_some() {
        return Err(AngkaGagal::TidakSah);
    }
    if bulat.is_empty() && pecahan_glyph == 0 {
        // ",5 jam" is read as 0,5 only when decimals follow.
        if desimal.is_none_or(str::is_empty) {
            return Err(AngkaGagal::TidakSah);
        }
    }
    let mut nilai: u64 = 0;
    for c in bulat.chars() {
        let d = c.to_digit(10).ok_or(AngkaGagal::TidakSah)?;
        nilai = nilai * 10 + u64::from(d);
        if nilai > u64::from(maks) {
            return Err(AngkaGagal::TerlaluBesar);
        }
    }
    let mut centi = nilai * 100 + pecahan_glyph;
    if let Some(des) = desimal {
        if des.is_empty() || des.contains([',', '.']) {
            return Err(AngkaGagal::TidakSah);
        }
        let angka_des: Vec<u32> = des
            .chars()
            .map(|c| c.to_digit(10).ok_or(AngkaGagal::TidakSah))
            .collect::<Result<_, _>>()?;
        if angka_des.len() > 2 {
            return Err(AngkaGagal::Desimal);
        }
        let mut skala = 10;
        for d in angka_des {
            centi += u64::from(d) * skala;
            skala /= 10;
        }
    }
    if centi > u64::from(maks) {
        return Err(AngkaGagal::TerlaluBesar);
    }
    u32::try_from(centi).map_err(|_| AngkaGagal::TerlaluBesar)
}

impl fmt::Display for Waktu {
    /// Canonical Indonesian form: "5 menit", "1 hari", "1,5 jam", "0,25 hari".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bulat = self.centi / 100;
        let pecahan = self.centi % 100;
        let teks = if pecahan == 0 {
            format!("{bulat} {}", self.satuan)
        } else if pecahan.is_multiple_of(10) {
            format!("{bulat},{} {}", pecahan / 10, self.satuan)
        } else {
            format!("{bulat},{pecahan:02} {}", self.satuan)
        };
        f.pad(&teks)
    }
}

impl FromStr for Waktu {
    type Err = WaktuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Waktu::parse(s)
    }
}

impl Serialize for Waktu {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Waktu {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(WaktuVisitor)
    }
}

struct WaktuVisitor;

impl WaktuVisitor {
    fn bukan_teks<E: de::Error>(apa: &str) -> E {
        E::custom(format!(
            "waktu harus ditulis sebagai teks berisi jumlah dan satuan, bukan {apa} ({CONTOH})"
        ))
    }
}

impl Visitor<'_> for WaktuVisitor {
    type Value = Waktu;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "teks waktu seperti \"5 menit\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Waktu, E> {
        Waktu::parse(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Waktu, E> {
        Err(Self::bukan_teks("angka saja"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Waktu, E> {
        Err(Self::bukan_teks("angka saja"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Waktu, E> {
        Err(Self::bukan_teks("angka saja"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Waktu, E> {
        Err(Self::bukan_teks("true/false"))
    }
}
