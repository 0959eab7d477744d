//! A list as a landscape table: a title, lines under it, and a bordered
//! table whose header repeats on every page (the cycle history; any
//! register).

use std::cell::Cell;
use std::rc::Rc;

use genpdf::Document;

use super::layout::{Blok, Rata, Sel, Tabel, Tepi, gaya};
use super::{Info, PdfError, Tahap, dokumen_baru, render_dua_tahap};
pub use crate::formats::table::Daftar;

fn bangun(d: &Daftar, tahap: Tahap) -> Result<(Document, Rc<Cell<usize>>), PdfError> {
    let tepi = Tepi {
        atas: 15.0,
        kanan: 15.0,
        bawah: 15.0,
        kiri: 15.0,
    };
    let (mut doc, hitung) = dokumen_baru(
        &d.judul,
        super::mendatar(d.kertas),
        tepi,
        tahap,
        super::layout::Tanda::Tidak,
    )?;
    let mut judul =
        vec![Blok::new(d.judul.to_uppercase(), gaya(12, 1.1).bold()).rata(Rata::Tengah)];
    for k in &d.keterangan {
        judul.push(Blok::new(k, gaya(10, 1.1)).rata(Rata::Tengah));
    }
    judul.push(Blok::new("", gaya(6, 1.0)));
    let n = d.kolom.len().max(1);
    let lebar = if d.lebar.len() == n {
        d.lebar.clone()
    } else {
        vec![1.0; n]
    };
    let mut t = Tabel::new(lebar).judul(judul).kepala(
        d.kolom
            .iter()
            .map(|k| Sel::teks(k, gaya(9, 1.05).bold(), Rata::Tengah))
            .collect(),
    );
    if d.baris.is_empty() {
        t.baris(vec![
            Sel::teks("Tidak ada data.", gaya(9, 1.05), Rata::Tengah).rentang(n),
        ]);
    }
    for b in &d.baris {
        let mut sel: Vec<Sel> = b
            .iter()
            .take(n)
            .map(|v| Sel::teks(v, gaya(9, 1.05), Rata::Kiri))
            .collect();
        while sel.len() < n {
            sel.push(Sel::teks("", gaya(9, 1.05), Rata::Kiri));
        }
        t.baris(sel);
    }
    doc.push(t);
    Ok((doc, hitung))
}

/// Renders the list (landscape, pages numbered).
pub fn daftar_pdf(d: &Daftar) -> Result<Vec<u8>, PdfError> {
    let info = Info {
        penulis: &d.instansi,
        subjek: d.judul.clone(),
        kata_kunci: String::new(),
    };
    render_dua_tahap(&|tahap| bangun(d, tahap), &mut |_| {}, &info)
}
