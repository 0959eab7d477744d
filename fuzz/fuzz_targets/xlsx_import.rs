//! `baca_xlsx` (.xlsx import): never panics, never overflows the stack and
//! answers quickly (libFuzzer's `-timeout`), for any bytes. A workbook it
//! accepts exports (`tulis_xlsx`) to a file that imports to the same data.
//!
//! Every input is read twice: as it is, and, when it is a zip, with the
//! checksums of its parts recomputed. Without the second read nearly every
//! mutation of a part's XML would stop at the unzipper's CRC check, and the
//! sheet parser and the Renstra/Renja rules behind it would go unfuzzed.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use perkin::formats::xlsx::{Workbook, baca_xlsx, tulis_xlsx};

/// Largest part inflated to recompute its checksum.
const MAKS_ISI: u64 = 16 * 1024 * 1024;

fn u16_di(b: &[u8], i: usize) -> Option<usize> {
    let s = b.get(i..i.checked_add(2)?)?;
    Some(usize::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_di(b: &[u8], i: usize) -> Option<usize> {
    let s = b.get(i..i.checked_add(4)?)?;
    usize::try_from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok()
}

/// The input with the CRC-32 of every stored or deflated part set to that of
/// its content, in the central directory and the local header; None when it
/// is no zip or nothing changed.
fn crc_diperbaiki(asli: &[u8]) -> Option<Vec<u8>> {
    let awal_cari = asli.len().saturating_sub(22 + 65535);
    let eocd = (awal_cari..=asli.len().checked_sub(22)?)
        .rev()
        .find(|&i| asli.get(i..i + 4) == Some(b"PK\x05\x06"))?;
    let entri = u16_di(asli, eocd + 10)?;
    let mut p = u32_di(asli, eocd + 16)?;
    let mut b = asli.to_vec();
    for _ in 0..entri {
        if asli.get(p..p.checked_add(4)?)? != b"PK\x01\x02" {
            break;
        }
        let metode = u16_di(asli, p + 10)?;
        let ukuran_mampat = u32_di(asli, p + 20)?;
        let n_nama = u16_di(asli, p + 28)?;
        let n_extra = u16_di(asli, p + 30)?;
        let n_komentar = u16_di(asli, p + 32)?;
        let lokal = u32_di(asli, p + 42)?;
        let berikut = p.checked_add(46 + n_nama + n_extra + n_komentar)?;
        if asli.get(lokal..lokal.checked_add(4)?) == Some(b"PK\x03\x04") {
            let data_awal = lokal
                .checked_add(30)?
                .checked_add(u16_di(asli, lokal + 26)?)?
                .checked_add(u16_di(asli, lokal + 28)?)?;
            let data = data_awal
                .checked_add(ukuran_mampat)
                .and_then(|akhir| asli.get(data_awal..akhir));
            let isi = match (metode, data) {
                (0, Some(d)) => Some(d.to_vec()),
                (8, Some(d)) => {
                    let mut isi = Vec::new();
                    flate2::read::DeflateDecoder::new(d)
                        .take(MAKS_ISI)
                        .read_to_end(&mut isi)
                        .ok()
                        .map(|_| isi)
                }
                _ => None,
            };
            if let Some(isi) = isi {
                let crc = crc32fast::hash(&isi).to_le_bytes();
                b[p + 16..p + 20].copy_from_slice(&crc);
                b[lokal + 14..lokal + 18].copy_from_slice(&crc);
            }
        }
        p = berikut;
    }
    (b != asli).then_some(b)
}

fn tanpa_baris(mut wb: Workbook) -> Workbook {
    wb.renstra.iter_mut().for_each(|r| r.baris = 0);
    wb.renja.iter_mut().for_each(|r| r.baris = 0);
    wb
}

fn periksa(bytes: &[u8]) {
    match baca_xlsx(bytes) {
        Ok(wb) => {
            // What is accepted exports and imports back unchanged.
            let ditulis = tulis_xlsx(&wb).expect("an imported workbook exports");
            match baca_xlsx(&ditulis) {
                Ok(ulang) => assert_eq!(tanpa_baris(ulang), tanpa_baris(wb)),
                Err(m) => panic!("the export of an imported workbook is refused: {m:?}"),
            }
        }
        Err(masalah) => {
            assert!(!masalah.is_empty(), "refused without a problem");
            for m in &masalah {
                assert!(!m.pesan.trim().is_empty(), "{m:?}");
                let _ = m.alamat();
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    periksa(data);
    if let Some(diperbaiki) = crc_diperbaiki(data) {
        periksa(&diperbaiki);
    }
});
