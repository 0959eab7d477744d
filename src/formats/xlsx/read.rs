//! Reading a workbook: the file's checks, its sheets and their non-empty cells.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{DataRef, Reader, Xlsx};

use super::cells::{Nilai, Sel};
use super::columns::normal;
use super::limits::{teks_bersama_terlalu_banyak, zip_terlalu_besar};
use super::renja::baca_renja;
use super::renstra::baca_renstra;
use super::{
    LEMBAR_RENJA, LEMBAR_RENSTRA, MAKS_BERKAS, MAKS_SEL, Masalah, PESAN_BUKAN_XLSX, Workbook,
};

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
