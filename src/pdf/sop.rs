//! The SOP sheet (Permenpan RB 35/2012 layout), landscape: the header
//! sheet with the two-column lists, then the step table.

use std::cell::Cell;
use std::rc::Rc;

use genpdf::Document;
use genpdf::elements::PageBreak;
use genpdf::style::Style;

use crate::fmt::tanggal;
use crate::model::sop::SopTemplate;

use super::layout::{Blok, LembarKepala, Rata, Sel, Tabel, Tepi, gaya};
use super::{Kertas, Kop, PdfError, Tahap, dokumen_baru, muat_logo};

const UKURAN: u8 = 10;

fn biasa() -> Style {
    gaya(UKURAN, 1.05)
}

fn tebal() -> Style {
    gaya(UKURAN, 1.05).bold()
}

/// Builds the document for one rendering pass.
pub(super) fn bangun(
    t: &SopTemplate,
    kop: &Kop,
    kertas: Kertas,
    tahap: Tahap,
) -> Result<(Document, Rc<Cell<usize>>), PdfError> {
    let k = &t.kepala;
    let nama_sop = if k.nama.trim().is_empty() {
        "Standar Operasional Prosedur".to_string()
    } else {
        k.nama.trim().to_string()
    };
    let tepi = Tepi {
        atas: 15.0,
        kanan: 15.0,
        bawah: 15.0,
        kiri: 20.0,
    };
    let (mut d, hitung) = dokumen_baru(
        &format!("SOP {nama_sop}"),
        super::mendatar(kertas),
        tepi,
        tahap,
        super::layout::Tanda::Tidak,
    )?;

    d.push(lembar_kepala(t, kop, &nama_sop));
    d.push(tabel_daftar(t));
    d.push(PageBreak::new());
    d.push(tabel_langkah(t, &nama_sop));
    Ok((d, hitung))
}

/// "-" for an empty value.
fn atau_strip(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() { "-".into() } else { s.into() }
}

fn tgl(t: Option<chrono::NaiveDate>) -> String {
    t.map_or_else(|| "-".to_string(), tanggal)
}

/// Logo and agency at the left; number, dates, approval and name at the right.
fn lembar_kepala(t: &SopTemplate, kop: &Kop, nama_sop: &str) -> LembarKepala {
    let k = &t.kepala;
    let logo = muat_logo(kop.logo.as_deref(), 22.0, 40.0);
    let mut kiri = Vec::new();
    if !kop.pemerintah.trim().is_empty() {
        kiri.push(Blok::new(
            kop.pemerintah.trim().to_uppercase(),
            gaya(12, 1.1).bold(),
        ));
    }
    let instansi_kop = kop.nama_instansi.trim();
    if !instansi_kop.is_empty() {
        kiri.push(Blok::new(instansi_kop.to_uppercase(), gaya(12, 1.1).bold()));
    }
    let instansi_sop = k.instansi.trim();
    if !instansi_sop.is_empty() && !instansi_sop.eq_ignore_ascii_case(instansi_kop) {
        kiri.push(Blok::new(instansi_sop, gaya(11, 1.1)).jarak(1.5));
    }
    if !kop.alamat.trim().is_empty() {
        kiri.push(Blok::new(kop.alamat.trim(), gaya(9, 1.1)).jarak(1.5));
    }
    let kiri = kiri.into_iter().map(|b| b.rata(Rata::Tengah)).collect();
    let baris = |label: &str, isi: String, g: Style| (Blok::new(label, tebal()), Blok::new(isi, g));
    let kanan = vec![
        baris("Nomor SOP", atau_strip(&k.nomor), biasa()),
        baris("Tanggal Pembuatan", tgl(k.tanggal_pembuatan), biasa()),
        baris("Tanggal Revisi", tgl(k.tanggal_revisi), biasa()),
        baris("Tanggal Efektif", tgl(k.tanggal_efektif), biasa()),
        baris("Disahkan oleh", atau_strip(&k.disahkan_oleh), biasa()),
        baris("Nama SOP", nama_sop.to_uppercase(), gaya(11, 1.1).bold()),
    ];
    LembarKepala::new(logo, kiri, kanan)
}

/// Text size of the lists under the header sheet (pt).
const UKURAN_DAFTAR: u8 = 9;

/// A cell of the lists: the bold title, then a numbered list ("1.", "2.",
/// … with a hanging indent), or "-".
fn daftar(judul: &str, isi: &[String]) -> Sel {
    let g = gaya(UKURAN_DAFTAR, 1.05);
    let mut blok = vec![Blok::new(judul, g.bold())];
    let isi: Vec<&str> = isi
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if isi.is_empty() {
        blok.push(Blok::new("-", g).jarak(1.0));
    }
    blok.extend(isi.iter().enumerate().map(|(i, s)| {
        Blok::new(*s, g)
            .indent(6.0)
            .label(0.0, format!("{}.", i + 1))
            .jarak(if i == 0 { 1.0 } else { 0.6 })
    }));
    Sel::new(blok)
}

/// Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan,
/// Peringatan | Pencatatan dan Pendataan: one row per pair, so that a title
/// never ends a page without its list.
fn tabel_daftar(t: &SopTemplate) -> Tabel {
    let k = &t.kepala;
    let mut tabel = Tabel::new(vec![1.0, 1.0]);
    tabel.baris(vec![
        daftar("Dasar Hukum:", &k.dasar_hukum),
        daftar("Kualifikasi Pelaksana:", &k.kualifikasi_pelaksana),
    ]);
    tabel.baris(vec![
        daftar("Keterkaitan:", &k.keterkaitan),
        daftar("Peralatan/Perlengkapan:", &k.peralatan_perlengkapan),
    ]);
    tabel.baris(vec![
        daftar("Peringatan:", &k.peringatan),
        daftar("Pencatatan dan Pendataan:", &k.pencatatan_pendataan),
    ]);
    tabel
}

/// Lines of a list cell: one item as is, several as "• item".
fn daftar_sel(isi: &[String]) -> Vec<Blok> {
    let isi: Vec<&str> = isi
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    match isi.as_slice() {
        [] => vec![Blok::new("-", biasa())],
        [satu] => vec![Blok::new(*satu, biasa())],
        banyak => banyak
            .iter()
            .map(|s| Blok::new(*s, biasa()).indent(3.5).label(0.0, "•"))
            .collect(),
    }
}

/// No | Kegiatan | Pelaksana | Kelengkapan | Waktu | Output | Keterangan,
/// the header repeated on every page.
fn tabel_langkah(t: &SopTemplate, nama_sop: &str) -> Tabel {
    let kepala = [
        "No",
        "Kegiatan",
        "Pelaksana",
        "Kelengkapan",
        "Waktu",
        "Output",
        "Keterangan",
    ]
    .iter()
    .map(|h| Sel::teks(*h, tebal(), Rata::Tengah))
    .collect();
    let judul = vec![
        Blok::new(
            format!("PROSEDUR {}", nama_sop.to_uppercase()),
            gaya(12, 1.1).bold(),
        )
        .rata(Rata::Tengah),
        Blok::new("", gaya(6, 1.0)),
    ];
    let mut tabel = Tabel::new(vec![10.0, 72.0, 36.0, 44.0, 20.0, 36.0, 52.0])
        .judul(judul)
        .kepala(kepala);
    if t.langkah.is_empty() {
        tabel.baris(vec![
            Sel::teks("Belum ada langkah.", biasa(), Rata::Tengah).rentang(7),
        ]);
    }
    for (i, l) in t.langkah.iter().enumerate() {
        let pelaksana = {
            let p = t.label_pelaksana(i);
            if p.is_empty() { l.pelaksana.clone() } else { p }
        };
        let mut keterangan = Vec::new();
        if !l.keterangan.trim().is_empty() {
            keterangan.push(Blok::new(l.keterangan.trim(), biasa()));
        }
        if let Some(tolak) = &l.tolak_ke {
            let lanjut = match t.langkah.get(i + 1) {
                Some(n) => format!("Ya → lanjut ke langkah {}", n.no),
                None => "Ya → lanjut".to_string(),
            };
            let jarak = if keterangan.is_empty() { 0.0 } else { 1.0 };
            keterangan.push(Blok::new(lanjut, biasa()).jarak(jarak));
            keterangan.push(Blok::new(
                format!("Tidak → kembali ke langkah {}", tolak.trim()),
                biasa(),
            ));
        }
        if keterangan.is_empty() {
            keterangan.push(Blok::new("", biasa()));
        }
        tabel.baris(vec![
            Sel::teks(l.no.trim(), biasa(), Rata::Tengah),
            Sel::teks(l.kegiatan.trim(), biasa(), Rata::Kiri),
            Sel::teks(pelaksana, biasa(), Rata::Kiri),
            Sel::new(daftar_sel(&l.kelengkapan)),
            Sel::teks(l.waktu.to_string(), biasa(), Rata::Tengah),
            Sel::teks(atau_strip(&l.output), biasa(), Rata::Kiri),
            Sel::new(keterangan),
        ]);
    }
    tabel
}
