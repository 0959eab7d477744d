//! Tampering done with care, by plain SQL on the database file, and what
//! `perkin check` says of each: the data against the digests its audit
//! entries keep, the chain against its anchors, the schema against the
//! migrations.

use std::path::Path;

use perkin::store::Store;
use perkin::store::audit::{AuditRow, row_hash};

use crate::common::{demo_store, local, perkin, tmp};

fn demo(dir: &Path) -> std::path::PathBuf {
    let mut s = demo_store(dir, local(2026, 11, 23, 10, 0));
    crate::archive::sign_demo(&mut s, 1);
    s.path().to_path_buf()
}

/// Plain SQL on the file, as with the sqlite3 shell.
fn sql(db: &Path, script: &str) {
    rusqlite::Connection::open(db)
        .unwrap()
        .execute_batch(script)
        .unwrap();
}

fn faults(db: &Path) -> Vec<String> {
    Store::open_read_only(db).unwrap().check().unwrap()
}

fn named(db: &Path, what: &str) {
    let f = faults(db);
    assert!(
        f.iter().any(|x| x.contains(what)),
        "'{what}' is not named in {f:#?}"
    );
}

fn one(db: &Path, q: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(q, [], |r| r.get(0))
        .unwrap()
}

/// A draft set to "ditandatangani" directly in its row; its id.
fn signed_by_hand(db: &Path) -> i64 {
    let v = one(
        db,
        "SELECT min(id) FROM agreement_version WHERE status = 'draf'",
    );
    sql(
        db,
        &format!("UPDATE agreement_version SET status = 'ditandatangani' WHERE id = {v}"),
    );
    v
}

/// The audit log's update trigger, as shipped (recreated after a forgery).
const NO_UPDATE: &str = "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'log audit hanya dapat ditambah, tidak dapat diubah');
END;";

#[test]
fn an_untouched_database_is_sound() {
    let dir = tmp();
    let db = demo(dir.path());
    assert_eq!(faults(&db), Vec::<String>::new());
    let out = perkin().args(["check", "--db"]).arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_last_audit_rows_deleted_with_the_trigger_put_back() {
    let dir = tmp();
    let db = demo(dir.path());
    let n = one(&db, "SELECT max(id) FROM audit_log");
    let shipped: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_delete'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    sql(
        &db,
        &format!(
            "DROP TRIGGER audit_log_no_delete;
             DELETE FROM audit_log WHERE id > {};
             {shipped};",
            n - 3
        ),
    );
    named(
        &db,
        &format!(
            "Log audit lebih pendek ({} entri) daripada yang tercatat di jangkar",
            n - 3
        ),
    );
    // The rows those entries wrote are no longer explained by the log.
    named(&db, "di luar perkin");
}

#[test]
fn a_draft_set_to_signed_directly() {
    let dir = tmp();
    let db = demo(dir.path());
    let v = signed_by_hand(&db);
    named(&db, "Data diubah di luar perkin");
    named(&db, &format!("agreement_version {v}"));
}

#[test]
fn the_freeze_dropped_and_a_signed_line_edited() {
    let dir = tmp();
    let db = demo(dir.path());
    let line = one(
        &db,
        "SELECT min(l.id) FROM agreement_line l JOIN agreement_version v ON v.id = l.version_id
         WHERE v.status = 'ditandatangani'",
    );
    sql(
        &db,
        &format!(
            "DROP TRIGGER agreement_line_frozen_update;
             UPDATE agreement_line SET target = '100' WHERE id = {line};"
        ),
    );
    named(&db, "Skema: pemicu agreement_line_frozen_update hilang");
    named(&db, &format!("agreement_line {line}"));
}

#[test]
fn rows_added_and_deleted_outside_perkin_are_named() {
    let dir = tmp();
    let db = demo(dir.path());
    sql(
        &db,
        "INSERT INTO holiday (tanggal, nama, jenis, sumber) VALUES ('2027-08-18', 'Libur karangan', 'lokal', 'pengguna');
         DELETE FROM holiday WHERE tanggal = '2027-01-01';",
    );
    named(&db, "Data ditambahkan di luar perkin");
    named(&db, "holiday 2027-08-18");
    named(&db, "Data dihapus di luar perkin");
    named(&db, "holiday 2027-01-01");
    // An extra trigger of a forger's own is named too.
    sql(
        &db,
        "CREATE TRIGGER diam_diam AFTER INSERT ON unit BEGIN SELECT 1; END;",
    );
    named(&db, "Skema: pemicu diam_diam tambahan");
}

/// Reads every row of the log, oldest first.
fn log(db: &Path) -> Vec<AuditRow> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut rows = perkin::store::audit::recent(&c, usize::MAX >> 1).unwrap();
    rows.reverse();
    rows
}

#[test]
fn a_rewritten_and_rehashed_chain_is_caught_by_the_anchors() {
    let dir = tmp();
    let db = demo(dir.path());
    // A daily backup is an anchor too.
    let s = Store::open_read_only(&db).unwrap();
    std::fs::create_dir_all(s.backup_dir()).unwrap();
    s.backup_to(&s.backup_dir().join("perkin-2026-11-23.db"))
        .unwrap();
    drop(s);
    // The forger changes who did entry 5, then recomputes every hash after
    // it: the chain on its own is sound again.
    let mut rows = log(&db);
    rows[4].operator = "orang lain".into();
    let mut prev = rows[3].hash.clone();
    let mut script = String::from("DROP TRIGGER audit_log_no_update;\n");
    for r in rows.iter_mut().skip(4) {
        r.prev_hash = prev.clone();
        r.hash = row_hash(r);
        prev = r.hash.clone();
        script.push_str(&format!(
            "UPDATE audit_log SET operator = '{}', prev_hash = '{}', hash = '{}' WHERE id = {};\n",
            r.operator, r.prev_hash, r.hash, r.id
        ));
    }
    script.push_str(NO_UPDATE);
    sql(&db, &script);
    let f = faults(&db);
    assert!(
        !f.iter().any(|x| x.starts_with("Log audit baris")),
        "the chain itself verifies: {f:#?}"
    );
    named(&db, "berbeda dari yang tercatat di jangkar");
    named(&db, "berbeda dari yang tercatat di cadangan");
    named(&db, "riwayat telah ditulis ulang");
    // On the command line: exit 1, named in Indonesian.
    let out = perkin().args(["check", "--db"]).arg(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("riwayat telah ditulis ulang"), "{text}");
}

#[test]
fn a_later_write_of_perkin_does_not_make_a_forgery_its_own() {
    let dir = tmp();
    let db = demo(dir.path());
    let v = signed_by_hand(&db);
    // The clerk goes on working: another record is saved.
    let mut s = Store::open(&db).unwrap();
    let mut o = s.office().unwrap();
    o.telepon = "(0231) 555-0199".into();
    s.save_office(&o).unwrap();
    drop(s);
    named(&db, &format!("agreement_version {v}"));
}

#[test]
fn signed_paper_carries_a_code_that_names_its_version() {
    use egui_kittest::kittest::Queryable;
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let v = crate::archive::sign_demo(&mut s, 1)[0];
    let doc = s.version(v).unwrap();
    let kode = doc.kode_verifikasi.clone().expect("given at signing");
    assert_eq!(kode, perkin::store::verification_code(&doc));
    let db = s.path().to_path_buf();
    // Printed at the foot of every page of the signed PDF, not on a draft.
    let pdf = dir.path().join("pk.pdf");
    let bytes = perkin::pdf::agreement_pdf(
        &perkin::app::documents::load_agreement(&s, v, perkin::pdf::Kertas::A4).unwrap(),
    )
    .unwrap();
    std::fs::write(&pdf, bytes).unwrap();
    let text = crate::pdf::text(&pdf, None);
    assert_eq!(
        text.matches(&format!("Kode verifikasi {kode}")).count(),
        text.matches("Halaman ").count(),
        "{text}"
    );
    let draft = s.agreements(2027).unwrap()[0].version_id;
    let d = perkin::app::documents::load_agreement(&s, draft, perkin::pdf::Kertas::A4).unwrap();
    assert_eq!(d.kode, None);

    // In Arsip: typed as a clerk reads it off the paper (lower case, a
    // space for the dash).
    let mut h = crate::ui::harness(s);
    crate::ui::go(&mut h, "Arsip");
    crate::ui::type_into(
        &mut h,
        "Kode verifikasi",
        &kode.to_lowercase().replace('-', " "),
    );
    crate::ui::button(&mut h, "Periksa kode");
    h.get_by_label_contains("Kode cocok: PK 2027");
    drop(h);

    // On the command line: found and intact; then the signed line edited
    // behind perkin's back: found, and said to differ.
    let r = crate::common::run(&["verify", &kode, "--db", db.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    assert!(r.out.contains("Isi di basis data sama persis"), "{}", r.out);
    let line = one(
        &db,
        &format!("SELECT min(id) FROM agreement_line WHERE version_id = {v}"),
    );
    sql(
        &db,
        &format!(
            "DROP TRIGGER agreement_line_frozen_update;
             UPDATE agreement_line SET target = '100' WHERE id = {line};"
        ),
    );
    let r = crate::common::run(&["verify", &kode, "--db", db.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.out.contains("PERHATIAN: kode ini milik PK 2027"),
        "{}",
        r.out
    );
    let r = crate::common::run(&["verify", "ZZZZZ-ZZZZZ", "--db", db.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.out.contains("Tidak ada Perjanjian Kinerja"), "{}", r.out);
    let r = crate::common::run(&["verify", "12", "--db", db.to_str().unwrap()]);
    assert_ne!(r.code, 0);
    assert!(
        r.err.contains("bukan kode verifikasi"),
        "{}{}",
        r.out,
        r.err
    );
}

#[test]
fn a_due_time_in_a_year_without_holidays_says_so() {
    let r = crate::common::run(&["due", "--start", "2028-12-25 08:00", "--duration", "1 jam"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out
            .contains("Peringatan: hari libur tahun 2028 belum tercatat di kalender kantor"),
        "{}",
        r.out
    );
    let r = crate::common::run(&["due", "--start", "2026-12-24 15:00", "--duration", "2 jam"]);
    assert!(!r.out.contains("Peringatan"), "{}", r.out);
    // Beranda and Kalender Kerja name the coming year without holidays.
    let dir = tmp();
    let s = demo_store(dir.path(), local(2027, 6, 1, 9, 0));
    let mut h = crate::ui::harness(s);
    use egui_kittest::kittest::Queryable;
    h.get_by_label_contains("Hari libur tahun 2028 belum dicatat di Kalender Kerja");
    crate::ui::go(&mut h, "Pengaturan");
    crate::ui::go(&mut h, "Kalender Kerja");
    h.get_by_label_contains("Hari libur tahun 2028 belum dicatat");
}

#[test]
fn a_years_holidays_come_in_from_a_spreadsheet_file() {
    use egui_kittest::kittest::Queryable;
    use perkin::app::CalendarCmd;
    use perkin::ui::Form;
    let dir = tmp();
    let s = demo_store(dir.path(), local(2027, 6, 1, 9, 0));
    let db = s.path().to_path_buf();
    let csv = dir.path().join("libur-2028.csv");
    std::fs::write(
        &csv,
        "tanggal;nama;jenis\n01-01-2028;Tahun Baru 2028 Masehi;nasional\n25-12-2028;Kelahiran Yesus Kristus;nasional\n",
    )
    .unwrap();
    let mut h = crate::ui::harness(s);
    h.get_by_label_contains("Hari libur tahun 2028 belum dicatat");
    h.state_mut().send(
        Form::LiburImpor,
        CalendarCmd::ImportHolidays { path: csv.clone() },
    );
    h.run();
    crate::ui::notified(&mut h, "2 hari libur diimpor dari libur-2028.csv");
    assert!(
        h.query_by_label_contains("Hari libur tahun 2028 belum dicatat")
            .is_none()
    );
    // The same file again: nothing new, nothing doubled.
    h.state_mut()
        .send(Form::LiburImpor, CalendarCmd::ImportHolidays { path: csv });
    h.run();
    crate::ui::notified(
        &mut h,
        "0 hari libur diimpor dari libur-2028.csv; 2 sudah tercatat sama",
    );
    // A file that would replace a recorded holiday is refused whole.
    let other = dir.path().join("lain.csv");
    std::fs::write(
        &other,
        "25-12-2028,Rapat kerja,lokal\n26-12-2028,Cuti,cuti bersama\n",
    )
    .unwrap();
    crate::ui::go(&mut h, "Pengaturan");
    crate::ui::go(&mut h, "Kalender Kerja");
    h.state_mut().send(
        Form::LiburImpor,
        CalendarCmd::ImportHolidays { path: other },
    );
    h.run();
    h.get_by_label_contains("Tidak diimpor: tanggal berikut sudah tercatat dengan hari libur lain");
    drop(h);
    // Christmas 2028 is now a holiday for `due`, without a warning.
    let r = crate::common::run(&[
        "due",
        "--start",
        "2028-12-22 15:00",
        "--duration",
        "2 jam",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(r.out.starts_with("2028-12-26"), "{}", r.out);
    assert!(!r.out.contains("Peringatan"), "{}", r.out);
}

#[test]
fn a_scan_that_names_another_versions_code_is_refused() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let signed = crate::archive::sign_demo(&mut s, 2);
    let pdf_of = |s: &Store, v| {
        let doc = perkin::app::documents::load_agreement(s, v, perkin::pdf::Kertas::A4).unwrap();
        perkin::pdf::agreement_pdf(&doc).unwrap()
    };
    let (a, b) = (pdf_of(&s, signed[0]), pdf_of(&s, signed[1]));
    let code_a = s.version(signed[0]).unwrap().kode_verifikasi.unwrap();
    let code_b = s.version(signed[1]).unwrap().kode_verifikasi.unwrap();
    // The printed PK carries its code where a program can read it.
    assert_eq!(perkin::store::codes_in(&a), std::slice::from_ref(&code_a));
    let (pa, pb) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    std::fs::write(&pa, &a).unwrap();
    std::fs::write(&pb, &b).unwrap();
    let id = s
        .register_archive(&crate::archive::entry(signed[0], "001"))
        .unwrap();
    let e = s.attach_scan(id, &pb).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "Pindaian ini memuat kode verifikasi {code_b} milik PK 2027"
        )),
        "{e}"
    );
    assert!(
        e.contains(&format!("bukan kode versi ini ({code_a})")),
        "{e}"
    );
    assert!(
        s.archive_entry(id).unwrap().scan.is_none(),
        "nothing attached"
    );
    s.attach_scan(id, &pa).unwrap();
}
