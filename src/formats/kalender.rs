//! The office calendar's holiday list as a TOML file: the built-in list
//! (national holidays and cuti bersama, `assets/kalender/libur.toml`) and
//! any list in the same form.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::worktime::{HariLibur, JenisLibur, Kalender, KalenderError, Zona};

/// The built-in holiday list (national holidays and cuti bersama), see `SUMBER.md`.
pub const LIBUR_BAWAAN_TOML: &str = include_str!("../../assets/kalender/libur.toml");

impl Kalender {
    /// [`Kalender::standar`] plus the built-in national holidays and cuti bersama.
    pub fn bawaan(zona: Zona) -> Kalender {
        Kalender::standar(zona).dengan_libur(libur_bawaan())
    }
}

/// The built-in list (national holidays and cuti bersama 2025–2027), sorted by date.
pub fn libur_bawaan() -> Vec<HariLibur> {
    // The asset is checked by a test; an unreadable asset degrades to "no holidays".
    parse_libur_toml(LIBUR_BAWAAN_TOML).unwrap_or_default()
}

/// Parses a holiday list:
///
/// ```toml
/// [[libur]]
/// tanggal = 2026-01-01          # TOML date (a "2026-01-01" string is accepted too)
/// nama = "Tahun Baru 2026 Masehi"
/// jenis = "nasional"            # nasional | cuti_bersama | lokal
/// ```
///
/// Returns the entries sorted by date; a date listed twice is an error. Unknown keys are
/// ignored.
pub fn parse_libur_toml(src: &str) -> Result<Vec<HariLibur>, KalenderError> {
    let tabel: toml::Table = src.parse().map_err(|e: toml::de::Error| {
        let (baris, kolom) = match e.span() {
            Some(span) => {
                let (b, k) = posisi(src, span.start);
                (Some(b), Some(k))
            }
            None => (None, None),
        };
        KalenderError::TomlTidakValid {
            baris,
            kolom,
            rincian: e.message().trim().to_string(),
        }
    })?;
    let daftar = match tabel.get("libur") {
        None => return Err(KalenderError::TanpaDaftarLibur),
        Some(toml::Value::Array(a)) => a,
        Some(_) => return Err(KalenderError::DaftarLiburBukanLarik),
    };
    let mut hasil: BTreeMap<NaiveDate, HariLibur> = BTreeMap::new();
    for (i, nilai) in daftar.iter().enumerate() {
        let nomor = i + 1;
        let salah = |pesan: String| KalenderError::EntriLibur { nomor, pesan };
        let entri = nilai
            .as_table()
            .ok_or_else(|| salah("harus berupa tabel [[libur]]".to_string()))?;
        let tanggal = match entri.get("tanggal") {
            None => return Err(salah("kolom \"tanggal\" wajib diisi".to_string())),
            Some(toml::Value::Datetime(dt)) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                }
                _ => None,
            },
            Some(toml::Value::String(s)) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
            Some(_) => None,
        }
        .ok_or_else(|| salah("kolom \"tanggal\" harus berupa tanggal (TTTT-BB-HH)".to_string()))?;
        let nama = match entri.get("nama") {
            Some(toml::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(toml::Value::String(_)) | None => {
                return Err(salah("kolom \"nama\" wajib diisi".to_string()));
            }
            Some(_) => return Err(salah("kolom \"nama\" harus berupa teks".to_string())),
        };
        let jenis = match entri.get("jenis") {
            Some(toml::Value::String(s)) => JenisLibur::parse(s).ok_or_else(|| {
                salah(format!(
                    "jenis \"{}\" tidak dikenal (gunakan nasional, cuti_bersama, atau lokal)",
                    s.trim()
                ))
            })?,
            None => return Err(salah("kolom \"jenis\" wajib diisi".to_string())),
            Some(_) => return Err(salah("kolom \"jenis\" harus berupa teks".to_string())),
        };
        if hasil
            .insert(
                tanggal,
                HariLibur {
                    tanggal,
                    nama,
                    jenis,
                },
            )
            .is_some()
        {
            return Err(KalenderError::TanggalGanda { tanggal });
        }
    }
    Ok(hasil.into_values().collect())
}

/// 1-based line and column (in characters) of a byte offset.
fn posisi(src: &str, offset: usize) -> (usize, usize) {
    let bytes = src.as_bytes();
    let sebelum = &bytes[..offset.min(bytes.len())];
    let baris = sebelum.iter().filter(|&&b| b == b'\n').count() + 1;
    let awal_baris = sebelum
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let kolom = String::from_utf8_lossy(&sebelum[awal_baris..])
        .chars()
        .count()
        + 1;
    (baris, kolom)
}

#[cfg(test)]
mod tests {
    use crate::model::worktime::{Kalender, Zona};
    use chrono::NaiveDate;

    #[test]
    fn the_built_in_years_have_their_holidays_and_others_are_named() {
        let k = Kalender::bawaan(Zona::Wib);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(
            k.tahun_tanpa_libur(d(2025, 1, 1), d(2027, 12, 31))
                .is_empty()
        );
        assert_eq!(
            k.tahun_tanpa_libur(d(2027, 12, 30), d(2029, 1, 2)),
            [2028, 2029]
        );
        assert_eq!(k.tahun_tanpa_libur(d(2024, 6, 1), d(2024, 6, 2)), [2024]);
    }
}

/// Parses a holiday list as a spreadsheet saves it (CSV): one holiday per
/// line, `tanggal,nama,jenis` (or `;` between them, as an Indonesian Excel
/// writes), a header line allowed, a name in quotes may hold the separator.
/// The date as typed in perkin (23-11-2026, 2026-11-23); the kind as its
/// code or label (nasional, cuti bersama, lokal). Every error names its
/// line; a date listed twice is an error.
pub fn parse_libur_csv(src: &str) -> Result<Vec<HariLibur>, String> {
    let mut hasil: BTreeMap<NaiveDate, HariLibur> = BTreeMap::new();
    for (i, baris) in src.lines().enumerate() {
        let no = i + 1;
        let baris = baris.trim_start_matches('\u{feff}').trim();
        if baris.is_empty() {
            continue;
        }
        let pisah = if baris.contains(';') { ';' } else { ',' };
        let kolom = pecah(baris, pisah);
        if i == 0
            && kolom
                .first()
                .is_some_and(|k| k.eq_ignore_ascii_case("tanggal"))
        {
            continue;
        }
        let [tanggal, nama, jenis] = kolom.as_slice() else {
            return Err(format!(
                "Baris {no}: harus tiga kolom (tanggal, nama, jenis), ada {}",
                kolom.len()
            ));
        };
        let tanggal = crate::fmt::baca_tanggal(tanggal).map_err(|e| format!("Baris {no}: {e}"))?;
        if nama.is_empty() {
            return Err(format!("Baris {no}: nama hari libur wajib diisi"));
        }
        let jenis = JenisLibur::parse(jenis).ok_or_else(|| {
            format!(
                "Baris {no}: jenis \"{jenis}\" tidak dikenal (nasional, cuti bersama atau lokal)"
            )
        })?;
        let h = HariLibur {
            tanggal,
            nama: nama.clone(),
            jenis,
        };
        if hasil.insert(tanggal, h).is_some() {
            return Err(format!(
                "Baris {no}: tanggal {} tercantum dua kali",
                crate::fmt::tanggal(tanggal)
            ));
        }
    }
    if hasil.is_empty() {
        return Err("Berkas tidak memuat satu pun hari libur".into());
    }
    Ok(hasil.into_values().collect())
}

/// The fields of a CSV line, unquoted and trimmed.
fn pecah(baris: &str, pisah: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut kini = String::new();
    let mut kutip = false;
    let mut chars = baris.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if kutip && chars.peek() == Some(&'"') => {
                kini.push('"');
                chars.next();
            }
            '"' => kutip = !kutip,
            c if c == pisah && !kutip => out.push(std::mem::take(&mut kini).trim().to_string()),
            c => kini.push(c),
        }
    }
    out.push(kini.trim().to_string());
    out
}

/// A holiday list file: CSV by its name (`.csv`), else the TOML form.
pub fn parse_libur_file(name: &str, src: &str) -> Result<Vec<HariLibur>, String> {
    if name.to_lowercase().ends_with(".csv") {
        parse_libur_csv(src)
    } else {
        parse_libur_toml(src).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn a_spreadsheets_holiday_list_reads_or_names_its_line() {
        let src = "tanggal;nama;jenis\n01-01-2028;Tahun Baru 2028 Masehi;nasional\n\
                   2028-02-28;\"Cuti Bersama; Imlek\";Cuti bersama\n";
        let l = parse_libur_csv(src).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].nama, "Cuti Bersama; Imlek");
        assert_eq!(l[1].jenis, JenisLibur::CutiBersama);
        let e = parse_libur_csv("30-02-2028,Salah,nasional").unwrap_err();
        assert!(
            e.starts_with("Baris 1: Tanggal '30-02-2028' tidak sah"),
            "{e}"
        );
        let e = parse_libur_csv("01-01-2028,A,nasional\n01-01-2028,B,lokal").unwrap_err();
        assert_eq!(e, "Baris 2: tanggal 1 Januari 2028 tercantum dua kali");
        let e = parse_libur_csv("01-01-2028,A,libur besar").unwrap_err();
        assert!(e.contains("jenis \"libur besar\" tidak dikenal"), "{e}");
        assert!(
            parse_libur_csv("01-01-2028,A")
                .unwrap_err()
                .contains("tiga kolom")
        );
    }
}
