//! Renders real documents and reads them back with poppler's `pdftotext`
//! and `pdfinfo` (package poppler-utils).

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::model::agreement::{NewBudgetLine, NewLine, Party};
use crate::model::org::StatusJabatan;
use crate::model::plan::Tingkat;

/// Writes `pdf` to a fresh temporary file and returns its path.
fn simpan(pdf: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "perkin-pdf-test-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).expect("write test PDF");
    path
}

/// With PERKIN_PDF_LIHAT=dir set, keeps a copy of a test PDF there to be
/// looked at.
fn simpan_untuk_dilihat(nama: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("PERKIN_PDF_LIHAT") {
        let _ = std::fs::write(PathBuf::from(dir).join(nama), pdf);
    }
}

/// Runs a PDF tool; it must succeed and say nothing on stderr (poppler
/// reports syntax errors there, and repairs the file silently otherwise).
fn jalankan(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} tidak dapat dijalankan (poppler-utils, qpdf?): {e}"));
    assert!(out.status.success(), "{program} {args:?} gagal: {out:?}");
    assert!(out.stderr.is_empty(), "{program} {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `qpdf --check` (exit 0: no warning either): the cross-reference table,
/// every object and every deflated stream are sound.
fn periksa_struktur(pdf: &[u8]) {
    let path = simpan(pdf);
    let hasil = jalankan("qpdf", &["--check", &path.to_string_lossy()]);
    let _ = std::fs::remove_file(&path);
    assert!(
        hasil.contains("No syntax or stream encoding errors"),
        "{hasil}"
    );
}

/// The font lines of `pdffonts`: name and whether embedded.
fn huruf(pdf: &[u8]) -> Vec<(String, bool)> {
    let path = simpan(pdf);
    let hasil = jalankan("pdffonts", &[&path.to_string_lossy()]);
    let _ = std::fs::remove_file(&path);
    hasil
        .lines()
        .skip(2)
        .map(|l| {
            let kolom: Vec<&str> = l.split_whitespace().collect();
            let tertanam = kolom.len() >= 5 && kolom[kolom.len() - 5] == "yes";
            (kolom[0].to_string(), tertanam)
        })
        .collect()
}

fn hitung_pola(b: &[u8], pola: &[u8]) -> usize {
    b.windows(pola.len()).filter(|w| *w == pola).count()
}

/// The text of the whole PDF, or of page `halaman` only, as laid out on
/// the page (`pdftotext -layout`).
fn teks(pdf: &[u8], halaman: Option<usize>) -> String {
    pdftotext(pdf, halaman, "-layout")
}

/// The text in drawing order (`pdftotext -raw`): the lines of one table
/// cell come together, so wrapped cell texts can be compared whole after
/// [`rapat`].
fn teks_urut(pdf: &[u8]) -> String {
    pdftotext(pdf, None, "-raw")
}

fn pdftotext(pdf: &[u8], halaman: Option<usize>, mode: &str) -> String {
    let path = simpan(pdf);
    let p = path.to_string_lossy().into_owned();
    let hasil = match halaman {
        Some(n) => {
            let n = n.to_string();
            jalankan("pdftotext", &[mode, "-f", &n, "-l", &n, &p, "-"])
        }
        None => jalankan("pdftotext", &[mode, &p, "-"]),
    };
    let _ = std::fs::remove_file(&path);
    hasil
}

fn info(pdf: &[u8]) -> String {
    let path = simpan(pdf);
    let hasil = jalankan("pdfinfo", &[&path.to_string_lossy()]);
    let _ = std::fs::remove_file(&path);
    hasil
}

fn jumlah_halaman(pdf: &[u8]) -> usize {
    info(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo Pages")
}

/// Collapses all whitespace runs to single spaces (text wraps in the PDF).
fn rapat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pihak_pertama() -> Party {
    Party {
        official_id: None,
        nama: "Dra. Maria Goreti Ndun, M.Si.".into(),
        nip: "197003121995032004".into(),
        pangkat: "Pembina Tingkat I (IV/b)".into(),
        jabatan: "Kepala Bidang Mutasi dan Promosi".into(),
        status: StatusJabatan::Plt,
    }
}

fn pihak_kedua() -> Party {
    Party {
        official_id: None,
        nama: "Drs. Yohanes Benu Lado".into(),
        nip: "196805171990031009".into(),
        pangkat: "Pembina Utama Muda (IV/c)".into(),
        jabatan: "Kepala Badan Kepegawaian dan Pengembangan SDM".into(),
        status: StatusJabatan::Definitif,
    }
}

fn anggaran() -> Vec<NewBudgetLine> {
    let b = |level: Tingkat, kode: &str, uraian: &str, anggaran| NewBudgetLine {
        level,
        kode: kode.into(),
        uraian: uraian.into(),
        anggaran,
        renja_item_id: None,
    };
    vec![
        b(
            Tingkat::Program,
            "5.03.02",
            "Program Kepegawaian Daerah",
            1_500_000_000,
        ),
        b(
            Tingkat::Kegiatan,
            "5.03.02.2.01",
            "Mutasi dan Promosi ASN",
            1_500_000_000,
        ),
        b(
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0001",
            "Pengelolaan Mutasi ASN",
            600_000_000,
        ),
        b(
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0002",
            "Pengelolaan Promosi ASN",
            650_000_000,
        ),
        b(
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0003",
            "Penilaian Kinerja ASN",
            250_000_000,
        ),
    ]
}

/// Lines numbered from 1; every fourth line has quarterly targets.
fn baris(n: usize) -> Vec<NewLine> {
    (0..n)
        .map(|i| NewLine {
            sasaran: format!("Sasaran nomor {} meningkatnya layanan", i / 3 + 1),
            indikator: format!(
                "Indikator kinerja ke-{} persentase layanan tepat waktu",
                i + 1
            ),
            satuan: if i % 2 == 0 {
                "%".into()
            } else {
                "dokumen".into()
            },
            target: format!("{}", 50 + i),
            tw: if i % 4 == 0 {
                ["10".into(), "20".into(), "30".into(), format!("{}", 50 + i)]
            } else {
                Default::default()
            },
            ..Default::default()
        })
        .collect()
}

fn dokumen(n: usize, draf: bool) -> AgreementDoc {
    AgreementDoc {
        kop: Kop {
            pemerintah: "Pemerintah Kabupaten Kupang".into(),
            nama_instansi: "Badan Kepegawaian dan Pengembangan SDM".into(),
            alamat: "Jalan Timor Raya Nomor 25, Oelamasi".into(),
            kontak: "Telepon (0380) 123456".into(),
            logo: None,
        },
        tahun: 2027,
        nomor: "800/12/BKPSDM/2027".into(),
        jenis: Jenis::Eselon3,
        versi: 1,
        tempat: "Oelamasi".into(),
        tanggal: chrono::NaiveDate::from_ymd_opt(2027, 1, 4),
        pihak_pertama: pihak_pertama(),
        pihak_kedua: pihak_kedua(),
        baris: baris(n),
        anggaran: anggaran(),
        draf,
        kode: (!draf).then(|| "7K3QM-2XW9P".to_string()),
        kertas: Kertas::A4,
        rangkap: 1,
    }
}

/// A transparent PNG (logos usually are), encoded with the `image` crate.
fn logo_png() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(120, 150, |x, y| {
        if (x + y) % 7 == 0 {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([20, 90, 40, 200])
        }
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[test]
fn pk_berisi_pihak_indikator_target_dan_jumlah() {
    let doc = dokumen(8, true);
    let pdf = agreement_pdf(&doc).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let t = teks(&pdf, None);
    let r = rapat(&teks_urut(&pdf));
    for nama in [&doc.pihak_pertama.nama, &doc.pihak_kedua.nama] {
        assert!(r.contains(nama.as_str()), "nama {nama} hilang");
    }
    assert!(r.contains("NIP. 19700312 199503 2 004"), "{t}");
    assert!(r.contains("NIP. 19680517 199003 1 009"), "{t}");
    assert!(r.contains("Plt. Kepala Bidang Mutasi dan Promosi"));
    assert!(r.contains("PERJANJIAN KINERJA TAHUN 2027"));
    assert!(r.contains("Nomor: 800/12/BKPSDM/2027"));
    assert!(r.contains("Oelamasi, 4 Januari 2027"));
    for b in &doc.baris {
        assert!(r.contains(&b.indikator), "indikator {} hilang", b.indikator);
        let target = if b.satuan == "%" {
            format!("{}%", b.target)
        } else {
            format!("{} {}", b.target, b.satuan)
        };
        assert!(r.contains(&target), "target {target} hilang");
    }
    // TW columns appear because some lines have quarterly targets.
    assert!(r.contains("TW IV"));
    // Sum of the sub kegiatan (the leaves), not of every line.
    assert!(r.contains("Jumlah Rp 1.500.000.000"), "{t}");
    assert!(r.contains("DRAF"));
    for n in 1..=jumlah_halaman(&pdf) {
        assert!(
            teks(&pdf, Some(n)).contains("DRAF"),
            "halaman {n} tanpa DRAF"
        );
    }
}

#[test]
fn pk_tertanda_tanpa_draf() {
    let mut doc = dokumen(8, false);
    doc.versi = 2;
    let pdf = agreement_pdf(&doc).unwrap();
    let t = teks(&pdf, None);
    assert!(!t.contains("DRAF"), "{t}");
    assert!(t.contains("PERJANJIAN KINERJA PERUBAHAN TAHUN 2027"));
    assert!(t.contains("LAMPIRAN PERJANJIAN KINERJA PERUBAHAN TAHUN 2027"));
    assert!(t.contains("Halaman 1 dari 3"), "{t}");
}

#[test]
fn tanpa_tw_tanpa_kolom_tw() {
    let mut doc = dokumen(5, false);
    doc.baris.iter_mut().for_each(|b| b.tw = Default::default());
    let t = teks(&agreement_pdf(&doc).unwrap(), None);
    assert!(!t.contains("TW I"));
}

#[test]
fn enam_puluh_baris_mengulang_kepala_tabel() {
    let doc = dokumen(60, true);
    let pdf = agreement_pdf(&doc).unwrap();
    let n = jumlah_halaman(&pdf);
    assert!(n >= 3, "hanya {n} halaman");
    let mut halaman_tabel = 0;
    for h in 1..=n {
        let t = teks(&pdf, Some(h));
        if t.contains("Indikator kinerja ke-") {
            halaman_tabel += 1;
            assert!(
                t.contains("Indikator Kinerja"),
                "halaman {h} tanpa kepala tabel:\n{t}"
            );
        }
        assert!(
            t.contains(&format!("Halaman {h} dari {n}")),
            "nomor halaman {h}"
        );
    }
    assert!(halaman_tabel >= 2);
    // Every row is printed exactly once (no row lost or doubled at a break).
    let r = rapat(&teks_urut(&pdf));
    for i in 1..=60 {
        let s = format!("Indikator kinerja ke-{i} persentase");
        assert_eq!(r.matches(&s).count(), 1, "{s}");
    }
}

#[test]
fn teks_sangat_panjang_dan_emoji_tidak_panik() {
    let mut doc = dokumen(3, true);
    let mut panjang = "Meningkatnya kualitas layanan kepegawaian ".repeat(120);
    panjang.truncate(4995);
    panjang.push_str(" PENUTUP");
    assert!(panjang.chars().count() >= 5000);
    doc.baris[1].sasaran = panjang;
    // A word longer than any cell, emoji, tabs and control characters.
    doc.baris[2].indikator = format!("{} 🚀👍🏽 tab\there\u{7}end 漢字", "x".repeat(300));
    doc.pihak_kedua.nama = String::new();
    doc.pihak_kedua.nip = String::new();
    doc.pihak_pertama.jabatan = "Kepala ".repeat(40);
    doc.tempat = String::new();
    doc.tanggal = None;
    doc.anggaran.push(NewBudgetLine {
        anggaran: i64::MAX,
        ..Default::default()
    });
    let pdf = agreement_pdf(&doc).unwrap();
    simpan_untuk_dilihat("pk-ekstrem.pdf", &pdf);
    let t = rapat(&teks_urut(&pdf));
    assert!(t.contains("PENUTUP"), "kata terakhir hilang");
    // Emoji and CJK become "?", the skin-tone modifier disappears, tab and
    // BEL become spaces.
    assert!(t.contains("?? tab here end ??"), "{t}");
    // The long word is broken over lines, not dropped.
    assert_eq!(t.matches('x').count(), 300);
}

#[test]
fn dokumen_kosong_tidak_panik() {
    let pdf = agreement_pdf(&AgreementDoc::default()).unwrap();
    assert!(jumlah_halaman(&pdf) >= 2);
    let t = teks(&pdf, None);
    assert!(t.contains("Belum ada sasaran"));
}

#[test]
fn logo_rusak_tetap_menghasilkan_pdf() {
    let mut doc = dokumen(3, false);
    doc.kop.logo = Some(b"\x89PNG bukan gambar".to_vec());
    let pdf = agreement_pdf(&doc).unwrap();
    assert!(teks(&pdf, None).contains("PEMERINTAH KABUPATEN KUPANG"));
    doc.kop.logo = Some(Vec::new());
    assert!(agreement_pdf(&doc).is_ok());
}

#[test]
fn logo_png_transparan_dipakai() {
    let mut doc = dokumen(3, false);
    let tanpa = agreement_pdf(&doc).unwrap();
    doc.kop.logo = Some(logo_png());
    let dengan = agreement_pdf(&doc).unwrap();
    let logo = muat_logo(Some(&logo_png()), 20.0, 30.0).expect("PNG logo");
    assert!((logo.tinggi - 20.0).abs() < 0.01 && logo.lebar < 30.0);
    // JPEG works too; a very wide logo is limited in width.
    let lebar = image::RgbImage::from_pixel(900, 100, image::Rgb([200, 30, 30]));
    let mut jpeg = Vec::new();
    lebar
        .write_to(&mut Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    let logo = muat_logo(Some(&jpeg), 20.0, 30.0).expect("JPEG logo");
    assert!((logo.lebar - 30.0).abs() < 0.01 && logo.tinggi < 20.0);
    // The image is embedded (deflated, like every stream).
    assert!(dengan.len() > tanpa.len());
    assert!(String::from_utf8_lossy(&dengan).contains("/Image"));
}

#[test]
fn ukuran_kertas_f4() {
    let mut doc = dokumen(3, false);
    doc.kertas = Kertas::F4;
    let i = info(&agreement_pdf(&doc).unwrap());
    assert!(i.contains("609.45 x 935.43 pts"), "{i}");
    doc.kertas = Kertas::A4;
    let i = info(&agreement_pdf(&doc).unwrap());
    assert!(i.contains("595.28 x 841.89 pts"), "{i}");
}

#[test]
fn sop_bawaan_lengkap() {
    let kop = dokumen(0, false).kop;
    for b in crate::model::sop::sop_bawaan() {
        let t = b.muat().unwrap();
        let pdf = sop_pdf(&t, &kop, Kertas::F4).unwrap();
        let i = info(&pdf);
        assert!(i.contains("935.43 x 609.45 pts"), "{i}");
        let semua = rapat(&teks_urut(&pdf));
        for judul in [
            "Nomor SOP",
            "Tanggal Efektif",
            "Disahkan oleh",
            "Dasar Hukum:",
            "Kualifikasi Pelaksana:",
            "Peralatan/Perlengkapan:",
            "Pencatatan dan Pendataan:",
        ] {
            assert!(semua.contains(judul), "{judul}");
        }
        for l in &t.langkah {
            let awal: Vec<&str> = l.kegiatan.split_whitespace().take(3).collect();
            assert!(
                semua.contains(&awal.join(" ")),
                "{}: langkah {} hilang",
                b.kode,
                l.no
            );
        }
        for (i, l) in t.langkah.iter().enumerate() {
            if let Some(tolak) = &l.tolak_ke {
                assert!(semua.contains(&format!("Tidak → kembali ke langkah {tolak}")));
                if let Some(n) = t.langkah.get(i + 1) {
                    assert!(semua.contains(&format!("Ya → lanjut ke langkah {}", n.no)));
                }
            }
        }
        assert!(!semua.contains("DRAF"));
        // The step table header on every page that shows steps.
        let n = jumlah_halaman(&pdf);
        for h in 1..=n {
            let p = teks(&pdf, Some(h));
            if p.contains("Pelaksana") && p.contains("Waktu") {
                assert!(p.contains("Kegiatan"), "halaman {h}");
            }
        }
    }
}

#[test]
fn sop_panjang_mengulang_kepala() {
    let b = &crate::model::sop::sop_bawaan()[0];
    let mut t = b.muat().unwrap();
    let contoh = t.langkah[1].clone();
    for i in 0..40 {
        let mut l = contoh.clone();
        l.no = format!("{}", 100 + i);
        l.kegiatan = format!("Langkah tambahan {i} untuk menguji pengulangan kepala tabel");
        l.tolak_ke = None;
        t.langkah.push(l);
    }
    let pdf = sop_pdf(&t, &Kop::default(), Kertas::A4).unwrap();
    let n = jumlah_halaman(&pdf);
    assert!(n >= 4, "{n}");
    let mut halaman_langkah = 0;
    for h in 1..=n {
        let p = teks(&pdf, Some(h));
        if p.contains("Langkah tambahan") {
            halaman_langkah += 1;
            assert!(
                p.contains("Kegiatan") && p.contains("Keterangan"),
                "halaman {h}"
            );
        }
    }
    assert!(halaman_langkah >= 2);
}

#[test]
fn baris_lebih_tinggi_dari_halaman_dibelah() {
    // One indicator taller than a page: it must be split, not loop forever.
    let mut doc = dokumen(2, false);
    doc.baris[0].indikator = (0..900)
        .map(|i| format!("kata{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let pdf = agreement_pdf(&doc).unwrap();
    simpan_untuk_dilihat("pk-belah.pdf", &pdf);
    let t = rapat(&teks_urut(&pdf));
    assert!(t.contains("kata0 ") && t.contains("kata899"));
    assert!(t.contains(&doc.baris[1].indikator));
}

#[test]
fn progres_dilaporkan() {
    let mut nilai = Vec::new();
    agreement_pdf_with_progress(&dokumen(2, false), &mut |p| nilai.push(p)).unwrap();
    assert_eq!(nilai.first(), Some(&0.0));
    assert_eq!(nilai.last(), Some(&1.0));
    assert!(nilai.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn nama_berkas_dan_label() {
    assert_eq!(
        agreement_file_name(2027, "Bidang Mutasi", 2),
        "PK-2027-bidang-mutasi-v2.pdf"
    );
    assert_eq!(
        agreement_file_name(2027, "Bidang Mutasi", 1),
        "PK-2027-bidang-mutasi-v1.pdf"
    );
    assert_eq!(
        agreement_file_name(2026, "  Sub Bagian Umum & Kepegawaian (Sekretariat) ", 3),
        "PK-2026-sub-bagian-umum-kepegawaian-sekretariat-v3.pdf"
    );
    assert_eq!(agreement_file_name(2027, "", 1), "PK-2027-v1.pdf");
    assert_eq!(
        agreement_file_name(2027, "Dinas Pendidikan Kebudayaan 🎓", 1),
        "PK-2027-dinas-pendidikan-kebudayaan-v1.pdf"
    );
    let panjang = agreement_file_name(2027, &"bidang ".repeat(50), 1);
    assert!(panjang.len() < 80, "{panjang}");

    let mut p = pihak_pertama();
    assert_eq!(p.jabatan_cetak(), "Plt. Kepala Bidang Mutasi dan Promosi");
    p.status = StatusJabatan::Plh;
    assert_eq!(p.jabatan_cetak(), "Plh. Kepala Bidang Mutasi dan Promosi");
    p.status = StatusJabatan::Definitif;
    assert_eq!(p.jabatan_cetak(), "Kepala Bidang Mutasi dan Promosi");
    p.status = StatusJabatan::Plt;
    p.jabatan = "Plt. Kepala Dinas".into();
    assert_eq!(p.jabatan_cetak(), "Plt. Kepala Dinas");

    assert_eq!(Kertas::parse(" F4 "), Some(Kertas::F4));
    assert_eq!(Kertas::parse("a4"), Some(Kertas::A4));
    assert_eq!(Kertas::parse("legal"), None);
    for k in [Kertas::A4, Kertas::F4] {
        assert_eq!(Kertas::parse(k.kode()), Some(k));
    }
    assert_eq!(Kertas::F4.label(), "F4 (215 × 330 mm)");
    assert_eq!(Kertas::default(), Kertas::A4);

    assert_eq!(
        baris_nip("19700312 199503 2 004").as_deref(),
        Some("NIP. 19700312 199503 2 004")
    );
    assert_eq!(baris_nip("  ").as_deref(), None);
    assert_eq!(baris_nip("12345").as_deref(), Some("NIP. 12345"));
}

#[test]
fn jumlah_anggaran_daun() {
    let a = anggaran();
    assert_eq!(agreement::jumlah_anggaran(&a), 1_500_000_000);
    // A kegiatan without sub kegiatan counts with its own amount.
    let mut b = a.clone();
    b.push(NewBudgetLine {
        level: Tingkat::Kegiatan,
        anggaran: 70,
        ..Default::default()
    });
    assert_eq!(agreement::jumlah_anggaran(&b), 1_500_000_070);
    // Programs only.
    let p: Vec<_> = a
        .iter()
        .filter(|x| x.level == Tingkat::Program)
        .cloned()
        .collect();
    assert_eq!(agreement::jumlah_anggaran(&p), 1_500_000_000);
    assert_eq!(agreement::jumlah_anggaran(&[]), 0);
}

#[test]
fn pdf_dipadatkan_dan_sah() {
    let mut pk = dokumen(45, true);
    pk.kop.logo = Some(logo_png());
    let kop = pk.kop.clone();
    let sop = crate::model::sop::sop_bawaan()[0].muat().unwrap();
    let daftar = Daftar {
        judul: "Register Arsip".into(),
        instansi: "Badan Kepegawaian".into(),
        keterangan: vec!["Tahun 2027".into()],
        kolom: vec!["No".into(), "Dokumen".into()],
        lebar: vec![1.0, 6.0],
        baris: (1..=80)
            .map(|i| vec![i.to_string(), format!("PK unit {i}")])
            .collect(),
        kertas: Kertas::A4,
    };
    for (nama, pdf) in [
        ("pk", agreement_pdf(&pk).unwrap()),
        ("sop", sop_pdf(&sop, &kop, Kertas::A4).unwrap()),
        ("daftar", daftar_pdf(&daftar).unwrap()),
    ] {
        periksa_struktur(&pdf);
        // Every stream is deflated: nothing is left as genpdf wrote it.
        let aliran = hitung_pola(&pdf, b">>\nstream\n");
        assert!(aliran >= 3, "{nama}: {aliran}");
        assert_eq!(hitung_pola(&pdf, b"/Filter"), aliran, "{nama}");
        // Only the two upright Liberation faces, both embedded as subsets
        // ("ABCDEF+LiberationSans"); the oblique built-ins nothing uses are gone.
        let h = huruf(&pdf);
        let subset = |n: &str| {
            n.split_once('+').is_some_and(|(tag, ps)| {
                tag.len() == 6
                    && tag.bytes().all(|c| c.is_ascii_uppercase())
                    && ps.starts_with("LiberationSans")
            })
        };
        assert!(
            !h.is_empty() && h.iter().all(|(n, t)| *t && subset(n)),
            "{nama}: {h:?}"
        );
        assert!(pdf.len() < 100_000, "{nama}: {} bytes", pdf.len());
        // Compacting the compacted file changes nothing.
        let info = super::Info {
            penulis: "Badan Kepegawaian",
            subjek: String::new(),
            kata_kunci: String::new(),
        };
        let lagi = compact::compact(&pdf, &info);
        assert!(lagi.as_deref() == Some(&pdf[..]), "{nama}");
    }
}

#[test]
fn hitungan_halaman_dengan_huruf_bawaan_sama() {
    // The counting pass sets text in the PDF built-in fonts with
    // Liberation's metrics; it must break pages exactly where the printed
    // pass (embedded fonts) does.
    let hitung = |doc: &AgreementDoc, tertanam: bool| {
        let (d, n) = agreement::bangun(doc, Tahap::Hitung { tertanam }).unwrap();
        d.render(std::io::sink()).unwrap();
        n.get()
    };
    for (baris, draf) in [
        (0, false),
        (1, true),
        (9, false),
        (20, true),
        (45, false),
        (60, true),
    ] {
        let mut doc = dokumen(baris, draf);
        if baris > 5 {
            doc.baris[3].sasaran = "Meningkatnya akuntabilitas kinerja ".repeat(25);
        }
        assert_eq!(hitung(&doc, false), hitung(&doc, true), "{baris} baris");
    }
}

#[test]
fn teks_di_luar_windows_1252_tetap_terhitung() {
    // '≥' is in Liberation Sans but not in Windows-1252: the built-in
    // counting pass refuses it, and the pages are counted with the
    // embedded fonts instead.
    let mut doc = dokumen(45, false);
    doc.baris[0].target = "≥ 80".into();
    let (d, _) = agreement::bangun(&doc, Tahap::Hitung { tertanam: false }).unwrap();
    assert!(d.render(std::io::sink()).is_err());
    let pdf = agreement_pdf(&doc).unwrap();
    let n = jumlah_halaman(&pdf);
    assert!(n >= 3, "{n}");
    assert!(teks(&pdf, Some(n)).contains(&format!("Halaman {n} dari {n}")));
    assert!(teks(&pdf, None).contains("≥ 80"));
}

/// A release build of printpdf deflates the page contents and the
/// ToUnicode maps before compaction (a debug build does not): the fonts
/// are cut to subsets all the same, and the text reads back.
#[test]
fn fonts_become_subsets_also_when_printpdf_compressed_the_streams() {
    let doc = dokumen(12, false);
    let bangun = |tahap| agreement::bangun(&doc, tahap);
    let total = super::hitung_halaman(&bangun).unwrap();
    let (d, _) = bangun(Tahap::Cetak { total }).unwrap();
    let mut raw = Vec::new();
    d.render(&mut raw).unwrap();
    let mut l = lopdf::Document::load_mem(&raw).unwrap();
    l.compress();
    let mut packed = Vec::new();
    l.save_to(&mut packed).unwrap();
    assert!(
        hitung_pola(&packed, b"/FlateDecode") >= 3,
        "printpdf's release form"
    );
    let info = super::Info {
        penulis: "Badan Kepegawaian",
        subjek: String::new(),
        kata_kunci: String::new(),
    };
    let pdf = compact::compact(&packed, &info).expect("compacted");
    assert!(pdf.len() < 100_000, "{} bytes", pdf.len());
    let h = huruf(&pdf);
    assert!(
        !h.is_empty() && h.iter().all(|(n, t)| *t && n.contains('+')),
        "{h:?}"
    );
    periksa_struktur(&pdf);
    assert!(teks(&pdf, None).contains("PERJANJIAN KINERJA TAHUN 2027"));
}
