//! The Perjanjian Kinerja: statement page and lampiran.

use std::cell::Cell;
use std::rc::Rc;

use genpdf::Document;
use genpdf::elements::PageBreak;

use crate::fmt::{ribuan, rupiah, tanggal};

use super::layout::{Alir, Blok, KolomTtd, Kop, Rata, Sel, Tabel, TandaTangan, Tepi, gaya};
use super::{AgreementDoc, PdfError, Tahap, baris_nip, dokumen_baru, muat_logo};
use crate::model::agreement::{Jenis, NewBudgetLine, Party};

/// Body text size (pt) and line spacing.
const UKURAN: u8 = 11;
const SPASI: f64 = 1.15;
/// Table text size (pt).
const UKURAN_TABEL: u8 = 10;
/// Space left for signature and stamp (mm).
const RUANG_TTD: f64 = 25.0;

const PEMBUKA: &str = "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan \
     dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:";
const JANJI_PERTAMA: &str = "Pihak Pertama berjanji akan mewujudkan target kinerja yang seharusnya \
     sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti \
     yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target \
     kinerja tersebut menjadi tanggung jawab kami.";
const JANJI_KEDUA: &str = "Pihak Kedua akan melakukan supervisi yang diperlukan serta akan \
     melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang \
     diperlukan dalam rangka pemberian penghargaan dan sanksi.";

fn biasa() -> genpdf::style::Style {
    gaya(UKURAN, SPASI)
}

fn tebal() -> genpdf::style::Style {
    gaya(UKURAN, SPASI).bold()
}

/// Builds the document for one rendering pass.
pub(super) fn bangun(
    doc: &AgreementDoc,
    tahap: Tahap,
) -> Result<(Document, Rc<Cell<usize>>), PdfError> {
    let judul = judul(doc);
    let tepi = Tepi {
        atas: 20.0,
        kanan: 20.0,
        bawah: 20.0,
        kiri: 25.0,
    };
    let tanda = match (&doc.kode, doc.draf) {
        (_, true) => super::layout::Tanda::Draf,
        (Some(k), false) => super::layout::Tanda::Verifikasi(k.clone()),
        (None, false) => super::layout::Tanda::Tidak,
    };
    let (mut d, hitung) = dokumen_baru(&judul, super::tegak(doc.kertas), tepi, tahap, tanda)?;
    // The counting pass counts one copy; the printed pass holds them all,
    // each starting on a new page.
    let rangkap = match tahap {
        Tahap::Hitung { .. } => 1,
        Tahap::Cetak { .. } => doc.rangkap.max(1),
    };
    for salinan in 0..rangkap {
        if salinan > 0 {
            d.push(PageBreak::new());
        }
        satu_salinan(&mut d, doc, &judul);
    }
    Ok((d, hitung))
}

/// One complete copy: the statement page, then the lampiran.
fn satu_salinan(d: &mut Document, doc: &AgreementDoc, judul: &str) {
    // Page 1: the statement.
    d.push(kop(&doc.kop));
    d.push(Alir::utuh(vec![
        Blok::new(judul, gaya(12, SPASI).bold()).rata(Rata::Tengah),
    ]));
    if !doc.nomor.trim().is_empty() {
        d.push(Alir::utuh(vec![
            Blok::new(format!("Nomor: {}", doc.nomor.trim()), biasa()).rata(Rata::Tengah),
        ]));
    }
    d.push(Alir::new(vec![
        Blok::new(PEMBUKA, biasa()).rata(Rata::Penuh).jarak(6.0),
    ]));
    d.push(Alir::utuh(pihak(&doc.pihak_pertama, "Pertama")));
    d.push(Alir::utuh(pihak(&doc.pihak_kedua, "Kedua")));
    d.push(Alir::new(vec![
        Blok::new(JANJI_PERTAMA, biasa())
            .rata(Rata::Penuh)
            .jarak(4.0),
        Blok::new(JANJI_KEDUA, biasa()).rata(Rata::Penuh).jarak(3.0),
    ]));
    d.push(tanda_tangan(doc));

    // The lampiran.
    d.push(PageBreak::new());
    let perubahan = if doc.versi > 1 { " PERUBAHAN" } else { "" };
    let mut kepala = vec![
        Blok::new(
            format!("LAMPIRAN PERJANJIAN KINERJA{perubahan} TAHUN {}", doc.tahun),
            gaya(12, SPASI).bold(),
        )
        .rata(Rata::Tengah),
    ];
    let jabatan = doc.pihak_pertama.jabatan_cetak();
    if !jabatan.is_empty() {
        kepala.push(Blok::new(jabatan.to_uppercase(), tebal()).rata(Rata::Tengah));
    }
    let instansi = doc.kop.nama_instansi.trim();
    if !instansi.is_empty() && !jabatan.to_lowercase().contains(&instansi.to_lowercase()) {
        kepala.push(Blok::new(instansi.to_uppercase(), tebal()).rata(Rata::Tengah));
    }
    d.push(tabel_kinerja(doc, kepala));
    if !doc.anggaran.is_empty() {
        d.push(tabel_anggaran(doc));
    }
    d.push(tanda_tangan(doc));
}

/// "PERJANJIAN KINERJA [PERUBAHAN] TAHUN 2027".
fn judul(doc: &AgreementDoc) -> String {
    let perubahan = if doc.versi > 1 { " PERUBAHAN" } else { "" };
    format!("PERJANJIAN KINERJA{perubahan} TAHUN {}", doc.tahun)
}

/// The letterhead with a 20 mm logo.
pub(super) fn kop(k: &super::Kop) -> Kop {
    let logo = muat_logo(k.logo.as_deref(), 20.0, 30.0);
    let mut baris = Vec::new();
    if !k.pemerintah.trim().is_empty() {
        baris.push(
            Blok::new(k.pemerintah.trim().to_uppercase(), gaya(13, 1.05).bold()).rata(Rata::Tengah),
        );
    }
    if !k.nama_instansi.trim().is_empty() {
        baris.push(
            Blok::new(k.nama_instansi.trim().to_uppercase(), gaya(15, 1.05).bold())
                .rata(Rata::Tengah),
        );
    }
    if !k.alamat.trim().is_empty() {
        baris.push(Blok::new(k.alamat.trim(), gaya(10, 1.05)).rata(Rata::Tengah));
    }
    if !k.kontak.trim().is_empty() {
        baris.push(Blok::new(k.kontak.trim(), gaya(9, 1.05)).rata(Rata::Tengah));
    }
    Kop::new(logo, baris)
}

/// "Nama : …", "Jabatan : …", "selanjutnya disebut Pihak …".
fn pihak(p: &Party, sebutan: &str) -> Vec<Blok> {
    let (x_label, x_titik, x_isi) = (6.0, 28.0, 31.0);
    vec![
        Blok::new(p.nama.trim(), biasa())
            .indent(x_isi)
            .label(x_label, "Nama")
            .label(x_titik, ":")
            .jarak(4.0),
        Blok::new(p.jabatan_cetak(), biasa())
            .indent(x_isi)
            .label(x_label, "Jabatan")
            .label(x_titik, ":"),
        Blok::new(sebutan_pihak(sebutan), biasa()).indent(x_label),
    ]
}

/// The line under a party, in the standard words of the Permenpan RB
/// 53/2014 form: the Pihak Kedua signs as the Pihak Pertama's superior.
fn sebutan_pihak(sebutan: &str) -> String {
    match sebutan {
        "Kedua" => "selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua.".into(),
        _ => format!("selanjutnya disebut Pihak {sebutan}."),
    }
}

/// "Kupang, 2 Januari 2027", or room for a handwritten date.
fn tempat_tanggal(doc: &AgreementDoc) -> String {
    let tempat = doc.tempat.trim();
    let tgl = match doc.tanggal {
        Some(t) => tanggal(t),
        // Non-breaking spaces keep the gap for the handwritten day and month.
        None => format!("{}{}", "\u{A0}".repeat(24), doc.tahun),
    };
    if tempat.is_empty() {
        tgl
    } else {
        format!("{tempat}, {tgl}")
    }
}

/// One signature block.
fn kolom_ttd(p: &Party, sebutan: &str, baris_atas: Option<String>) -> KolomTtd {
    let mut atas = vec![Blok::new(baris_atas.unwrap_or_default(), biasa()).rata(Rata::Tengah)];
    atas.push(Blok::new(format!("Pihak {sebutan},"), biasa()).rata(Rata::Tengah));
    atas.push(Blok::new(p.jabatan_cetak(), biasa()).rata(Rata::Tengah));
    let nama = if p.nama.trim().is_empty() {
        // Room to write the name by hand.
        Blok::new("(\u{A0}".to_string() + &"\u{A0}".repeat(40) + ")", biasa())
    } else {
        Blok::new(p.nama.trim(), tebal()).garis_bawah()
    };
    let mut bawah = Vec::new();
    if !p.pangkat.trim().is_empty() {
        bawah.push(Blok::new(p.pangkat.trim(), biasa()).rata(Rata::Tengah));
    }
    if let Some(nip) = baris_nip(&p.nip) {
        bawah.push(Blok::new(nip, biasa()).rata(Rata::Tengah));
    }
    KolomTtd {
        atas,
        nama: vec![nama.rata(Rata::Tengah)],
        bawah,
    }
}

/// Pihak Kedua at the left, Pihak Pertama (with place and date) at the right.
fn tanda_tangan(doc: &AgreementDoc) -> TandaTangan {
    TandaTangan::new(
        kolom_ttd(&doc.pihak_kedua, "Kedua", None),
        kolom_ttd(&doc.pihak_pertama, "Pertama", Some(tempat_tanggal(doc))),
        RUANG_TTD,
        8.0,
    )
}

/// "85%" (no space before %, as Indonesian spelling has it), "12 dokumen",
/// also for a bound ("≥ 95%", "≤ 2 hari"); a text target ("WTP", "BB")
/// alone, its satuan ("opini", "predikat") only names the kind of value;
/// "-" when there is no target. The quarters' targets print the same way.
fn target_satuan(target: &str, satuan: &str) -> String {
    let (t, s) = (target.trim(), satuan.trim());
    let angka = |x: &str| {
        matches!(
            crate::model::plan::Target::parse(x),
            Ok(crate::model::plan::Target::Angka(_))
        )
    };
    let numeric = angka(t)
        || t.strip_prefix(['≥', '≤', '>', '<'])
            .is_some_and(|rest| angka(rest.trim_start_matches('=')));
    match (t.is_empty(), s.is_empty()) {
        (true, _) => "-".to_string(),
        (false, true) => t.to_string(),
        (false, false) if !numeric => t.to_string(),
        (false, false) if s == "%" => format!("{t}%"),
        (false, false) => format!("{t} {s}"),
    }
}

fn sel(teks: impl Into<String>, rata: Rata) -> Sel {
    Sel::teks(teks, gaya(UKURAN_TABEL, 1.05), rata)
}

fn sel_kepala(teks: &str) -> Sel {
    Sel::teks(teks, gaya(UKURAN_TABEL, 1.05).bold(), Rata::Tengah)
}

/// No | Sasaran | Indikator Kinerja | Target [| TW I … TW IV]. Consecutive
/// lines with the same sasaran share one merged, numbered sasaran cell.
fn tabel_kinerja(doc: &AgreementDoc, judul: Vec<Blok>) -> Tabel {
    let dengan_tw = doc
        .baris
        .iter()
        .any(|b| b.tw.iter().any(|t| !t.trim().is_empty()));
    let sasaran = match doc.jenis {
        Jenis::Kepala => "Sasaran Strategis",
        Jenis::Eselon3 => "Sasaran Program",
        Jenis::Eselon4 => "Sasaran Kegiatan",
    };
    let (bobot, mut kepala) = if dengan_tw {
        (
            vec![10.0, 36.0, 48.0, 19.0, 14.0, 14.0, 14.0, 14.0],
            vec![
                sel_kepala("No"),
                sel_kepala(sasaran),
                sel_kepala("Indikator Kinerja"),
                sel_kepala("Target"),
            ],
        )
    } else {
        (
            vec![10.0, 55.0, 62.0, 30.0],
            vec![
                sel_kepala("No"),
                sel_kepala(sasaran),
                sel_kepala("Indikator Kinerja"),
                sel_kepala("Target"),
            ],
        )
    };
    if dengan_tw {
        for tw in ["TW I", "TW II", "TW III", "TW IV"] {
            kepala.push(sel_kepala(tw));
        }
    }
    let judul = {
        let mut j = judul;
        j.push(Blok::new("", gaya(6, 1.0)));
        j
    };
    let mut t = Tabel::new(bobot).judul(judul).kepala(kepala);
    if doc.baris.is_empty() {
        let n = if dengan_tw { 8 } else { 4 };
        t.baris(vec![
            sel("Belum ada sasaran dan indikator kinerja.", Rata::Tengah).rentang(n),
        ]);
        return t;
    }
    let mut no = 0;
    let mut sebelumnya: Option<&str> = None;
    for b in &doc.baris {
        let s = b.sasaran.trim();
        let sama = sebelumnya == Some(s) && !s.is_empty();
        if !sama {
            no += 1;
        }
        sebelumnya = Some(s);
        let mut baris = vec![
            sel(format!("{no}."), Rata::Tengah).gabung_atas(sama),
            sel(s, Rata::Kiri).gabung_atas(sama),
            sel(b.indikator.trim(), Rata::Kiri),
            sel(target_satuan(&b.target, &b.satuan), Rata::Tengah),
        ];
        if dengan_tw {
            for tw in &b.tw {
                baris.push(sel(target_satuan(tw, &b.satuan), Rata::Tengah));
            }
        }
        t.baris(baris);
    }
    t
}

/// The total printed in the "Jumlah" row: the sum of the *leaf* lines, i.e.
/// the lines with no deeper line directly under them. When every branch
/// goes down to sub kegiatan this is the sum of the sub kegiatan lines (the
/// deepest level present); a kegiatan without sub kegiatan, or a program
/// without kegiatan, counts with its own amount. Parent lines are never
/// added to their children, so nothing is counted twice.
pub(super) fn jumlah_anggaran(baris: &[NewBudgetLine]) -> i64 {
    crate::model::agreement::leaf_total(
        baris,
        |b| crate::model::agreement::level_depth(b.level),
        |b| b.anggaran,
    )
}

/// No | Program/Kegiatan/Sub Kegiatan | Anggaran (Rp), then "Jumlah".
fn tabel_anggaran(doc: &AgreementDoc) -> Tabel {
    let judul = vec![Blok::new("", gaya(8, 1.0))];
    let mut t = Tabel::new(vec![10.0, 110.0, 37.0])
        .judul(judul)
        .kepala(vec![
            sel_kepala("No"),
            sel_kepala("Program/Kegiatan/Sub Kegiatan"),
            sel_kepala("Anggaran (Rp)"),
        ]);
    for (i, b) in doc.anggaran.iter().enumerate() {
        let d = crate::model::agreement::level_depth(b.level);
        let kode = b.kode.trim();
        let uraian = if kode.is_empty() {
            b.uraian.trim().to_string()
        } else {
            format!("{kode} {}", b.uraian.trim())
        };
        let g = if d == 0 {
            gaya(UKURAN_TABEL, 1.05).bold()
        } else {
            gaya(UKURAN_TABEL, 1.05)
        };
        t.baris(vec![
            sel(format!("{}.", i + 1), Rata::Tengah),
            Sel::new(vec![Blok::new(uraian, g).indent(5.0 * d as f64)]),
            sel(ribuan(b.anggaran), Rata::Kanan),
        ]);
    }
    let g = gaya(UKURAN_TABEL, 1.05).bold();
    t.baris(vec![
        Sel::teks("Jumlah", g, Rata::Tengah).rentang(2),
        Sel::teks(rupiah(jumlah_anggaran(&doc.anggaran)), g, Rata::Kanan),
    ]);
    t
}

#[cfg(test)]
mod satuan_tests {
    use super::target_satuan;

    #[test]
    fn numbers_and_bounds_carry_their_unit_and_texts_stand_alone() {
        assert_eq!(target_satuan("87,5", "%"), "87,5%");
        assert_eq!(target_satuan("≥ 95", "%"), "≥ 95%");
        assert_eq!(target_satuan("≤ 2", "hari"), "≤ 2 hari");
        assert_eq!(target_satuan("12", "dokumen"), "12 dokumen");
        assert_eq!(target_satuan("WTP", "opini"), "WTP");
        assert_eq!(target_satuan("", "%"), "-");
    }
}
