//! The NIP check (`cek_nip`) and its helpers `nip_bersih`, `nip_cetak`:
//! never panic, and an accepted NIP is 18 digits that print in the
//! 8-6-1-3 grouping and decode to what the digits say.
#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use perkin::model::org::{NipError, cek_nip, nip_bersih, nip_cetak};

fuzz_target!(|data: &[u8]| {
    let Ok(nip) = std::str::from_utf8(data) else {
        return;
    };
    let bersih = nip_bersih(nip);
    let cetak = nip_cetak(nip);

    // Helpers agree with each other whatever the input.
    assert!(!bersih.chars().any(char::is_whitespace));
    assert_eq!(nip_bersih(&cetak), bersih, "nip_cetak({nip:?}) = {cetak:?}");
    assert_eq!(nip_bersih(&bersih), bersih);
    assert_eq!(nip_cetak(&cetak), cetak);

    let delapan_belas_angka = bersih.len() == 18 && bersih.bytes().all(|b| b.is_ascii_digit());

    match cek_nip(nip) {
        Ok(info) => {
            assert!(delapan_belas_angka, "accepted {nip:?} → {bersih:?}");
            let grup: Vec<&str> = cetak.split(' ').collect();
            assert_eq!(
                grup.iter().map(|g| g.len()).collect::<Vec<_>>(),
                [8, 6, 1, 3],
                "{cetak:?}"
            );
            assert_eq!(grup.concat(), bersih);

            // The decoded parts are the digits.
            assert_eq!(
                info.tanggal_lahir.format("%Y%m%d").to_string(),
                bersih[0..8]
            );
            assert_eq!(
                format!("{:04}{:02}", info.tahun_angkat, info.bulan_angkat),
                bersih[8..14]
            );
            assert_eq!(info.jenis_kelamin.to_string(), bersih[14..15]);
            assert!(info.jenis_kelamin == 1 || info.jenis_kelamin == 2);
            assert_eq!(format!("{:03}", info.urut), bersih[15..18]);
            assert!((1..=999).contains(&info.urut));
            assert!((1..=12).contains(&info.bulan_angkat));
            assert!(
                info.tahun_angkat - info.tanggal_lahir.year() >= 18,
                "appointed before 18: {nip:?}"
            );

            // Every spelling of the same NIP gives the same answer.
            assert_eq!(cek_nip(&bersih), Ok(info));
            assert_eq!(cek_nip(&cetak), Ok(info));
        }
        Err(e) => {
            let pesan = e.to_string();
            assert!(pesan.starts_with("NIP"), "{pesan}");
            assert!(pesan.chars().count() <= 200, "{pesan}");
            match e {
                NipError::Panjang(n) => {
                    assert!(!delapan_belas_angka);
                    assert_eq!(n, bersih.chars().count());
                }
                NipError::BukanAngka(c) => {
                    assert!(!c.is_ascii_digit() && !c.is_whitespace());
                    assert!(bersih.contains(c));
                }
                _ => assert!(delapan_belas_angka, "{e:?} for {nip:?}"),
            }
            assert_eq!(cek_nip(&bersih), Err(e.clone()));
        }
    }
});
