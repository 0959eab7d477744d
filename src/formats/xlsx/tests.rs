//! Unit tests of the private helpers of the workbook reader.

use std::io::Cursor;

use super::cells::{Nilai, angka_polos, bersih, pagu_dari};
use super::limits::PemindaiJumlahTeks;
use super::renja::{kode_induk, kode_sah, tingkat_dari_teks};
use super::renstra::baca_periode;
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
