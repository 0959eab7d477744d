//! The PK and SOP PDFs as `perkin pdf` writes them from the database, read
//! back with pdftotext (poppler-utils; `.ci/run` installs it).

use perkin::model::agreement::Transition;
use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use perkin::model::agreement::NewLine;
use perkin::store::Store;

use crate::common::{db_in, demo_store, local, run, tmp};

/// The text of a PDF (or of one page of it), laid out.
pub fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut c = Command::new("pdftotext");
    c.arg("-layout");
    if let Some(p) = page {
        c.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let o = c
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// Whitespace-normalised: wrapped cell text joins up again.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every word of `needle` appears in `hay` (text wrapped inside table cells
/// is split over lines and columns).
fn has_words(hay: &str, needle: &str) -> bool {
    needle.split_whitespace().all(|w| hay.contains(w))
}

fn unit_version(s: &Store, unit: &str) -> perkin::model::id::VersionId {
    s.agreements(2027)
        .unwrap()
        .into_iter()
        .find(|a| a.unit == unit)
        .unwrap()
        .version_id
}

/// `perkin pdf` on the database in `dir` (of `year`, or every year) into
/// `dir/pdf`; returns that folder.
fn pdfs_of(dir: &Path, year: Option<i32>) -> std::path::PathBuf {
    let db = db_in(dir);
    let out = dir.join("pdf");
    let mut args = vec![
        "pdf".to_string(),
        "--db".into(),
        db.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ];
    if let Some(y) = year {
        args.extend(["--year".into(), y.to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = run(&args);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    out
}

/// Bidang Mutasi's PK 2027, version 1, in the folder `out`.
fn mutasi_v1(out: &Path) -> std::path::PathBuf {
    out.join(perkin::pdf::agreement_file_name(
        2027,
        "Bidang Mutasi dan Promosi",
        1,
    ))
}

/// Bidang Mutasi's PK 2027 with a signing date and a nomor, as "Ajukan" wants.
fn dated_and_numbered(s: &mut Store) -> perkin::model::id::VersionId {
    let v = unit_version(s, "Bidang Mutasi dan Promosi");
    let mut c = s.version(v).unwrap().content;
    c.tanggal = NaiveDate::from_ymd_opt(2027, 1, 29);
    c.nomor = "800/003/BKPSDM/2027".into();
    s.save_draft(v, &c).unwrap();
    v
}

#[test]
fn pk_pdf_holds_parties_lines_total_and_draf_only_until_signed() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let v = dated_and_numbered(&mut s);
    let c = s.version(v).unwrap().content;
    drop(s);
    let db = db_in(dir.path());
    let out = pdfs_of(dir.path(), Some(2027));
    let file = mutasi_v1(&out);
    assert!(file.exists(), "{}", file.display());
    let t = text(&file, None);
    let f = flat(&t);
    for p in [&c.pihak_pertama, &c.pihak_kedua] {
        assert!(f.contains(&p.nama), "{} in\n{t}", p.nama);
        assert!(
            f.contains(&perkin::model::org::nip_cetak(&p.nip)),
            "NIP {} in\n{t}",
            p.nip
        );
    }
    // The standard words: no comma before "dan"; the Pihak Kedua as superior.
    assert!(f.contains("yang efektif, transparan dan akuntabel"), "{t}");
    assert!(
        f.contains("selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua."),
        "{t}"
    );
    for l in &c.lines {
        assert!(has_words(&f, &l.indikator), "{} in\n{t}", l.indikator);
        assert!(f.contains(&l.target), "{}", l.target);
    }
    let total = perkin::fmt::rupiah(perkin::model::agreement::budget_total(&c.budget));
    assert!(f.contains(&total), "{total} in\n{t}");
    assert!(f.contains("PERJANJIAN KINERJA TAHUN 2027"));
    assert!(f.contains("29 Januari 2027"));
    for p in 1..=pages(&file) {
        assert!(text(&file, Some(p)).contains("DRAF"), "DRAF on page {p}");
    }

    // Signed: no DRAF anywhere.
    let mut s = Store::open(&db).unwrap();
    s.set_status(v, Transition::Submit).unwrap();
    s.set_status(v, Transition::Sign).unwrap();
    drop(s);
    std::fs::remove_dir_all(&out).unwrap();
    let r = run(&[
        "pdf",
        "--db",
        db.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--year",
        "2027",
        "--paper",
        "f4",
    ]);
    assert_eq!(r.code, 0, "{}", r.err);
    let t = text(&file, None);
    assert!(!t.contains("DRAF"), "{t}");
    assert!(flat(&t).contains(&c.pihak_pertama.nama));
    let info = Command::new("pdfinfo").arg(&file).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("609.") && info.contains("935."),
        "F4 page size: {info}"
    );
}

#[test]
fn a_sixty_line_agreement_repeats_the_table_header_on_every_page() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let v = unit_version(&s, "Bidang Mutasi dan Promosi");
    let mut c = s.version(v).unwrap().content;
    c.lines = (1..=60)
        .map(|k| NewLine {
            sasaran: format!("Sasaran uji nomor {}", (k - 1) / 5 + 1),
            indikator: format!("Indikator kinerja uji nomor {k} dengan uraian yang cukup panjang agar baris tabel terbungkus"),
            satuan: "%".into(),
            target: format!("{}", 50 + k),
            ..Default::default()
        })
        .collect();
    // A target long enough to fill a good part of a page still renders whole.
    c.lines[10].target = format!("{} akhir-target", "kata ".repeat(300));
    s.save_draft(v, &c).unwrap();
    drop(s);
    let file = mutasi_v1(&pdfs_of(dir.path(), Some(2027)));
    let n = pages(&file);
    assert!(n >= 4, "60 lines over several lampiran pages, got {n}");
    let all = flat(&text(&file, None));
    for k in 1..=60 {
        assert!(all.contains(&format!("uji nomor {k} ")), "line {k}");
    }
    assert!(all.contains("akhir-target"));
    // Page 1 is the statement; every page with rows of the indicator table
    // starts that table with its header again.
    let mut table_pages = 0;
    for p in 2..=n {
        let t = text(&file, Some(p));
        if t.contains("Indikator kinerja uji nomor") {
            table_pages += 1;
            assert!(t.contains("Indikator Kinerja"), "header on page {p}:\n{t}");
        }
    }
    assert!(table_pages >= 3, "{table_pages}");
    // Compact: only the fonts in use, each a subset; streams deflated.
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size <= 100_000, "{size} bytes");
    assert_subset_fonts(&file);
}

/// Every font of the file is embedded as a subset: `pdffonts` says
/// "emb yes sub yes" and the name carries a six-letter tag; `qpdf --check`
/// finds nothing wrong.
fn assert_subset_fonts(file: &Path) {
    let fonts = Command::new("pdffonts").arg(file).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty() && rows.len() < 4, "{fonts}");
    for row in &rows {
        let w: Vec<&str> = row.split_whitespace().collect();
        let tag = w[0].split_once('+').map_or("", |(t, _)| t);
        assert!(
            tag.len() == 6 && tag.bytes().all(|c| c.is_ascii_uppercase()),
            "{row}"
        );
        assert!(
            row.contains("yes yes yes"),
            "embedded subset with ToUnicode: {row}"
        );
    }
    let q = Command::new("qpdf")
        .arg("--check")
        .arg(file)
        .output()
        .unwrap();
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stdout));
}

/// Text outside Windows-1252 prints and reads back from the subset fonts;
/// the file is small and carries its document information.
#[test]
fn a_pk_with_signs_superscripts_and_diacritics_is_small_and_reads_back() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let v = dated_and_numbered(&mut s);
    let mut c = s.version(v).unwrap().content;
    c.lines[0].target = "≥ 95".into();
    c.lines[1].target = "≤ 2".into();
    c.lines[1].satuan = "m²".into();
    c.lines[1].indikator = "Luas ruang arsip per berkas (m²)".into();
    c.tempat = "Ñoña Çelik Škoda".into();
    s.save_draft(v, &c).unwrap();
    let office = s.office().unwrap();
    drop(s);
    let out = pdfs_of(dir.path(), None);
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    // The demo's PKs: each under 100 KB, each font a subset.
    for f in &files {
        let size = std::fs::metadata(f).unwrap().len();
        assert!(size < 100_000, "{}: {size} bytes", f.display());
        assert_subset_fonts(f);
    }
    let file = mutasi_v1(&out);
    let t = flat(&text(&file, None));
    for want in [
        "≥ 95",
        "≤",
        "Luas ruang arsip per berkas (m²)",
        "Ñoña Çelik Škoda",
    ] {
        assert!(t.contains(want), "{want} in\n{t}");
    }
    // Document information and language.
    let info = Command::new("pdfinfo").arg(&file).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let field = |k: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}:")))
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("Title"), "PERJANJIAN KINERJA TAHUN 2027");
    assert_eq!(field("Author"), office.nama_instansi);
    assert!(field("Subject").starts_with("Perjanjian Kinerja"), "{info}");
    assert!(field("Producer").starts_with("perkin "), "{info}");
    assert!(!field("CreationDate").is_empty(), "{info}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.windows(13).any(|w| w == b"/Lang(id-ID)/"), "language");
}

#[test]
fn sop_sheet_pdf_lists_every_step() {
    let dir = tmp();
    drop(demo_store(dir.path(), local(2026, 11, 23, 9, 0)));
    let db = db_in(dir.path());
    for b in perkin::model::sop::sop_bawaan() {
        let t = b.muat().unwrap();
        let file = dir.path().join(format!("sop-{}.pdf", b.kode));
        let r = run(&[
            "pdf",
            "--db",
            db.to_str().unwrap(),
            "--sop",
            b.kode,
            "--out",
            file.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}", r.err);
        let all = flat(&text(&file, None)).to_lowercase();
        assert!(has_words(&all, &t.kepala.nama.to_lowercase()));
        for l in &t.langkah {
            assert!(
                has_words(&all, &l.kegiatan.to_lowercase()),
                "step {} {}",
                l.no,
                l.kegiatan
            );
        }
    }
    // A template that does not exist and a paper that does not exist.
    let r = run(&[
        "pdf",
        "--db",
        db.to_str().unwrap(),
        "--sop",
        "tidak-ada",
        "--out",
        "/tmp/x.pdf",
    ]);
    assert_eq!(r.code, 1);
    let r = run(&[
        "pdf",
        "--db",
        db.to_str().unwrap(),
        "--out",
        "/tmp/x",
        "--paper",
        "b5",
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("Ukuran kertas 'b5' tidak dikenal"),
        "{}",
        r.err
    );
}

/// Prints a version through the app (as "Cetak salinan…" does) and returns
/// the written file once the background job has ended.
fn print_through_app(
    app: &mut perkin::app::App,
    version: perkin::model::id::VersionId,
    rangkap: u32,
) -> std::path::PathBuf {
    use perkin::app::{AgreementCmd, Reply};
    let reply = app.apply(
        AgreementCmd::Print {
            version,
            rangkap,
            kertas: perkin::pdf::Kertas::A4,
        }
        .into(),
    );
    assert!(matches!(reply, Reply::Ok { .. }), "{reply:?}");
    let start = std::time::Instant::now();
    loop {
        let notices = app.poll();
        if !app.busy() {
            let dir = app.store().path().parent().unwrap().join("cetak");
            let file = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.extension().is_some_and(|x| x == "pdf"))
                .unwrap_or_else(|| panic!("no PDF in {}: {notices:?}", dir.display()));
            return file;
        }
        assert!(start.elapsed().as_secs() < 60, "print job did not end");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_print_of_n_copies_is_one_file_with_each_copy_complete_and_numbered_again() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let v = dated_and_numbered(&mut s);
    s.set_status(v, Transition::Submit).unwrap();
    s.set_status(v, Transition::Sign).unwrap();
    let one_dir = tmp();
    let one_db = one_dir.path().join("satu.db");
    s.backup_to(&one_db).unwrap();
    drop(s);

    // One copy, for the number of pages of a copy.
    let mut one = perkin::app::App::new(Store::open(&one_db).unwrap());
    one.set_open_files(false);
    let single = print_through_app(&mut one, v, 1);
    let m = pages(&single);
    assert!(m >= 2, "a PK has a statement page and a lampiran");

    let mut app = perkin::app::App::new(Store::open(&db_in(dir.path())).unwrap());
    app.set_open_files(false);
    let file = print_through_app(&mut app, v, 3);
    assert_eq!(pages(&file), 3 * m, "three complete copies");
    for copy in 0..3 {
        let first = text(&file, Some(copy * m + 1));
        assert!(first.contains("PERJANJIAN KINERJA"), "copy {copy}: {first}");
        assert!(
            first.contains(&format!("Halaman 1 dari {m}")),
            "copy {copy}: {first}"
        );
        let last = text(&file, Some(copy * m + m));
        assert!(
            last.contains(&format!("Halaman {m} dari {m}")),
            "copy {copy}: {last}"
        );
    }
    let all = text(&file, None);
    assert!(
        !all.contains("DRAF"),
        "a signed version prints without DRAF"
    );
    let prints = app.store().prints(v).unwrap();
    assert_eq!(prints.last().map(|p| p.rangkap), Some(3), "{prints:?}");
}
