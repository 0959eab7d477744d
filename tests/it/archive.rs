//! The archive register, scans, the print log, full backups and restore.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use perkin::model::agreement::{PrintPurpose, Status, Transition};
use perkin::model::archive::{NewArchive, ScanState};
use perkin::model::id::VersionId;
use perkin::store::Store;

use crate::common::{db_in, demo_store, local, raw, tmp};

/// The scanned signed copy used by the tests.
pub fn scan_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pindaian-pk.pdf")
}

/// A scan of another signed paper: the fixture with a comment of its own
/// at the end (another SHA-256), written into `dir`.
pub fn scan_copy(dir: &Path, n: usize) -> PathBuf {
    let mut bytes = std::fs::read(scan_fixture()).unwrap();
    bytes.extend_from_slice(format!("\n% pindaian {n}\n").as_bytes());
    let path = dir.join(format!("pindaian-{n}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Signs the 2027 agreement of `n` units of the demo, in list order from
/// the second (the first is the head of the agency's, whose unit is named
/// like the office); returns their version ids.
pub fn sign_demo(s: &mut Store, n: usize) -> Vec<VersionId> {
    let rows = s.agreements(2027).unwrap();
    rows.iter()
        .skip(1)
        .take(n)
        .enumerate()
        .map(|(i, a)| {
            let v = a.version_id;
            let mut c = s.version(v).unwrap().content;
            c.tanggal = NaiveDate::from_ymd_opt(2027, 1, 29);
            c.nomor = format!("800/{:03}/BKPSDM/2027", i + 1);
            s.save_draft(v, &c).unwrap();
            s.set_status(v, Transition::Submit).unwrap();
            s.set_status(v, Transition::Sign).unwrap();
            v
        })
        .collect()
}

pub fn entry(version_id: VersionId, nomor: &str) -> NewArchive {
    NewArchive {
        version_id,
        nomor_agenda: nomor.into(),
        tanggal: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        rangkap: 2,
        lemari: "2".into(),
        rak: "B".into(),
        boks: "3".into(),
        map: "PK 2027".into(),
        diserahkan_kepada: "Biro Organisasi Setda".into(),
        tanggal_serah: NaiveDate::from_ymd_opt(2027, 2, 3),
        keterangan: String::new(),
    }
}

#[test]
fn a_signed_version_is_registered_once_with_a_unique_agenda_number() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let draft = s.agreements(2027).unwrap()[3].version_id;
    let v = sign_demo(&mut s, 2);

    assert_eq!(s.unregistered().unwrap().len(), 2);
    assert_eq!(s.next_agenda(2027).unwrap(), "001");
    let e1 = s.register_archive(&entry(v[0], "001")).unwrap();
    assert_eq!(s.version(v[0]).unwrap().status, Status::Diarsipkan);
    assert_eq!(s.next_agenda(2027).unwrap(), "002");

    // The same number again in the same year: refused, nothing written.
    let audit_rows = raw(&s)
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let err = s
        .register_archive(&entry(v[1], " 001 "))
        .unwrap_err()
        .to_string();
    assert!(err.contains("Nomor agenda 001 sudah dipakai"), "{err}");
    assert_eq!(s.version(v[1]).unwrap().status, Status::Ditandatangani);
    assert_eq!(
        raw(&s)
            .query_row("SELECT count(*) FROM audit_log", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        audit_rows
    );
    // The same version twice: refused.
    let err = s
        .register_archive(&entry(v[0], "005"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("sudah terdaftar di arsip dengan nomor agenda 001"),
        "{err}"
    );
    // A draft: refused.
    let err = s
        .register_archive(&entry(draft, "006"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("hanya versi yang sudah ditandatangani"),
        "{err}"
    );
    // Bad fields: named.
    let mut bad = entry(v[1], "");
    assert!(
        s.register_archive(&bad)
            .unwrap_err()
            .to_string()
            .contains("Nomor agenda wajib")
    );
    bad.nomor_agenda = "010".into();
    bad.rangkap = 0;
    assert!(
        s.register_archive(&bad)
            .unwrap_err()
            .to_string()
            .contains("rangkap")
    );

    let e2 = s.register_archive(&entry(v[1], "010")).unwrap();
    assert_eq!(s.next_agenda(2027).unwrap(), "011");
    assert!(s.unregistered().unwrap().is_empty());
    // An edit may not take another entry's number.
    let mut edit = s.archive_entry(e2).unwrap().entry;
    edit.nomor_agenda = "001".into();
    assert!(
        s.update_archive(e2, &edit)
            .unwrap_err()
            .to_string()
            .contains("sudah dipakai")
    );
    edit.nomor_agenda = "002".into();
    edit.lemari = "5".into();
    s.update_archive(e2, &edit).unwrap();
    let rows = s.archive_entries(Some(2027)).unwrap();
    assert_eq!(
        rows.iter()
            .map(|r| (r.id, r.entry.nomor_agenda.as_str()))
            .collect::<Vec<_>>(),
        [(e1, "001"), (e2, "002")]
    );
    assert_eq!(rows[1].lokasi(), "Lemari 5, Rak B, Boks 3, Map PK 2027");
    assert!(s.archive_entries(Some(2026)).unwrap().is_empty());

    // The database itself refuses deleting an entry and registering a draft.
    assert!(
        raw(&s)
            .execute("DELETE FROM archive_entry WHERE id = ?1", [e1])
            .is_err()
    );
    assert!(
        raw(&s)
            .execute(
                "INSERT INTO archive_entry (version_id, tahun, nomor_agenda, tanggal, created_at) VALUES (?1, 2027, '099', '2027-02-01', 'x')",
                [draft]
            )
            .is_err()
    );
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn scans_are_checked_by_content_and_size_stored_by_hash_and_verified() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let v = sign_demo(&mut s, 1);
    let id = s.register_archive(&entry(v[0], "001")).unwrap();

    // Not a scan, whatever its name says.
    let fake = dir.path().join("pindaian.pdf");
    std::fs::write(&fake, b"PK\x03\x04 this is a zip, not a PDF").unwrap();
    let err = s.attach_scan(id, &fake).unwrap_err().to_string();
    assert!(err.contains("bukan PDF, JPG atau PNG"), "{err}");
    // Over 50 MB (a sparse file: quick to make).
    let big = dir.path().join("besar.pdf");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024 + 1).unwrap();
    let err = s.attach_scan(id, &big).unwrap_err().to_string();
    assert!(
        err.contains("terlalu besar") && err.contains("50 MB"),
        "{err}"
    );
    assert!(s.archive_entry(id).unwrap().scan.is_none());
    assert!(!s.scan_dir().exists() || std::fs::read_dir(s.scan_dir()).unwrap().count() == 0);

    let scan = s.attach_scan(id, &scan_fixture()).unwrap();
    let bytes = std::fs::read(scan_fixture()).unwrap();
    assert_eq!(scan.sha256, perkin::store::sha256_hex(&bytes));
    assert_eq!(scan.mime, "application/pdf");
    assert_eq!(scan.nama, "pindaian-pk.pdf");
    let stored = s.scan_path(&scan);
    assert_eq!(stored, s.scan_dir().join(format!("{}.pdf", scan.sha256)));
    assert_eq!(std::fs::read(&stored).unwrap(), bytes);
    assert_eq!(s.archive_entry(id).unwrap().scan, Some(scan.clone()));
    assert_eq!(s.check_scans().unwrap()[0].state, ScanState::Cocok);

    // One byte changed: flagged.
    let mut changed = bytes.clone();
    changed[20] ^= 1;
    std::fs::write(&stored, &changed).unwrap();
    let c = s.check_scans().unwrap();
    assert_eq!(c.len(), 1);
    assert!(matches!(c[0].state, ScanState::Berubah { .. }), "{c:?}");
    assert_eq!(c[0].nomor_agenda, "001");
    // Attaching the same scan again repairs the stored copy.
    s.attach_scan(id, &scan_fixture()).unwrap();
    assert_eq!(s.check_scans().unwrap()[0].state, ScanState::Cocok);
    // Gone: flagged.
    std::fs::remove_file(&stored).unwrap();
    assert_eq!(s.check_scans().unwrap()[0].state, ScanState::Hilang);
}

#[test]
fn prints_are_recorded_only_for_final_text() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let rows = s.agreements(2027).unwrap();
    let draft = rows[2].version_id;
    let err = s
        .record_print(draft, 2, PrintPurpose::TandaTangan)
        .unwrap_err()
        .to_string();
    assert!(err.contains("tidak dapat dicetak"), "{err}");
    // Submitted: the final text may be printed to paraf and sign.
    let submitted = rows[3].version_id;
    let mut c = s.version(submitted).unwrap().content;
    c.tanggal = NaiveDate::from_ymd_opt(2027, 1, 29);
    s.save_draft(submitted, &c).unwrap();
    s.set_status(submitted, Transition::Submit).unwrap();
    s.record_print(submitted, 2, PrintPurpose::TandaTangan)
        .unwrap();
    assert!(s.record_print(submitted, 2, PrintPurpose::Salinan).is_err());
    let v = sign_demo(&mut s, 1)[0];
    assert!(s.record_print(v, 2, PrintPurpose::TandaTangan).is_err());
    assert!(s.record_print(v, 0, PrintPurpose::Salinan).is_err());
    s.record_print(v, 3, PrintPurpose::Salinan).unwrap();
    s.record_print(v, 1, PrintPurpose::Salinan).unwrap();
    let p = s.prints(v).unwrap();
    assert_eq!(p.iter().map(|p| p.rangkap).collect::<Vec<_>>(), [3, 1]);
    assert_eq!(p[0].operator, "penguji");
    assert_eq!(p[0].at, "2026-11-23T02:00:00Z");
    assert!(s.prints(draft).unwrap().is_empty());
    assert!(raw(&s).execute("DELETE FROM print_log", []).is_err());
}

fn units(s: &Store) -> Vec<String> {
    s.units()
        .unwrap()
        .into_iter()
        .map(|u| format!("{}{}", u.nama, if u.retired { " (nonaktif)" } else { "" }))
        .collect()
}

#[test]
fn a_full_backup_restores_the_earlier_state_with_its_scans() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let v = sign_demo(&mut s, 1)[0];
    let id = s.register_archive(&entry(v, "001")).unwrap();
    let scan = s.attach_scan(id, &scan_fixture()).unwrap();
    let before_units = units(&s);
    let zip = dir.path().join("luar").join("cadangan.zip");
    std::fs::create_dir_all(zip.parent().unwrap()).unwrap();
    let sum = s.full_backup(&zip).unwrap();
    assert_eq!(sum.pindaian, 1);
    assert!(sum.bytes > 0);

    // Change the data, and lose the scan.
    let u = s.units().unwrap()[0].clone();
    let mut nu = perkin::model::org::NewUnit {
        parent_id: u.parent_id,
        kode: u.kode.clone(),
        nama: "Unit Diganti Setelah Cadangan".into(),
        jenis: u.jenis,
        eselon: u.eselon,
        urutan: 0,
    };
    s.update_unit(u.id, &nu).unwrap();
    nu.nama = "Bidang Baru Setelah Cadangan".into();
    nu.parent_id = Some(u.id);
    s.add_unit(&nu).unwrap();
    std::fs::remove_file(s.scan_path(&scan)).unwrap();
    assert_ne!(units(&s), before_units);

    let staged = s.stage_restore(&zip).unwrap();
    assert!(
        staged.ringkasan.contains("1 entri register arsip"),
        "{}",
        staged.ringkasan
    );
    assert!(
        staged.ringkasan.contains("1 berkas pindaian"),
        "{}",
        staged.ringkasan
    );
    let kept = s.restore(staged).unwrap();
    assert_eq!(units(&s), before_units);
    assert_eq!(s.check_scans().unwrap()[0].state, ScanState::Cocok);
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check());
    let last: String = raw(&s)
        .query_row(
            "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(last, "pulihkan");
    // The data replaced was kept: restoring that brings the change back.
    assert!(kept.starts_with(s.backup_dir()), "{}", kept.display());
    let staged = s.stage_restore(&kept).unwrap();
    s.restore(staged).unwrap();
    assert!(units(&s).contains(&"Bidang Baru Setelah Cadangan".to_string()));
    // No staging folder is left behind; the store still writes and reopens.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with('.') || n.contains("sebelum-pulihkan") || n.ends_with(".sementara")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    s.add_unit(&nu).unwrap();
    drop(s);
    let s = Store::open(&db_in(dir.path())).unwrap();
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn a_daily_copy_restores_too() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let before = units(&s);
    let made = s
        .daily_backup(
            &s.backup_dir(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            14,
        )
        .unwrap()
        .unwrap();
    let u = s.units().unwrap().last().unwrap().clone();
    s.set_unit_active(u.id, false).unwrap();
    assert_ne!(units(&s), before);
    let staged = s.stage_restore(&made).unwrap();
    s.restore(staged).unwrap();
    assert_eq!(units(&s), before);
}

/// Everything a restore must never change when it refuses.
fn fingerprint(s: &Store, dir: &Path) -> (Vec<String>, i64, Vec<String>) {
    let audit = raw(s)
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    let mut files: Vec<String> = walk(dir);
    files.sort();
    (units(s), audit, files)
}

fn walk(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .flat_map(|e| {
            let p = e.path();
            if p.is_dir() {
                walk(&p)
            } else {
                vec![p.display().to_string()]
            }
        })
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect()
}

#[test]
fn restoring_garbage_a_newer_schema_or_a_broken_backup_refuses_and_changes_nothing() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 9, 0));
    let v = sign_demo(&mut s, 1)[0];
    let id = s.register_archive(&entry(v, "001")).unwrap();
    s.attach_scan(id, &scan_fixture()).unwrap();
    let out = tmp();
    let zip = out.path().join("cadangan.zip");
    s.full_backup(&zip).unwrap();
    let before = fingerprint(&s, dir.path());

    let refuse = |s: &mut Store, file: &Path, expect: &str| {
        let err = match s.stage_restore(file) {
            Ok(staged) => s.restore(staged).map(|_| ()).unwrap_err(),
            Err(e) => e,
        }
        .to_string();
        assert!(err.contains(expect), "{}: {err}", file.display());
    };

    let garbage = out.path().join("sampah.db");
    std::fs::write(
        &garbage,
        b"not a database at all, just some words in a file",
    )
    .unwrap();
    refuse(&mut s, &garbage, "bukan cadangan perkin");
    let empty = out.path().join("kosong.zip");
    std::fs::write(&empty, b"").unwrap();
    refuse(&mut s, &empty, "bukan cadangan perkin");
    refuse(&mut s, out.path(), "bukan cadangan perkin");

    // A zip that holds no database.
    let nodb = out.path().join("tanpa-db.zip");
    {
        let mut z = zip::ZipWriter::new(std::fs::File::create(&nodb).unwrap());
        z.start_file("catatan.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, b"halo").unwrap();
        z.finish().unwrap();
    }
    refuse(&mut s, &nodb, "tidak berisi perkin.db");

    // A truncated zip.
    let bytes = std::fs::read(&zip).unwrap();
    let cut = out.path().join("terpotong.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    refuse(&mut s, &cut, "bukan cadangan perkin yang utuh");

    // A backup whose scan was altered inside the zip.
    let altered = out.path().join("pindaian-diubah.zip");
    rewrite_zip(&zip, &altered, |name, data| {
        if name.starts_with("pindaian/") {
            data[30] ^= 1;
        }
    });
    refuse(&mut s, &altered, "tidak sesuai hash");

    // A database from a newer perkin.
    let newer = out.path().join("baru.db");
    s.backup_to(&newer).unwrap();
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", perkin::store::SCHEMA_VERSION + 1)
            .unwrap();
    }
    refuse(&mut s, &newer, "perkin yang lebih baru");

    // Another application's SQLite database.
    let foreign = out.path().join("lain.db");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    refuse(&mut s, &foreign, "bukan cadangan perkin");

    assert_eq!(fingerprint(&s, dir.path()), before);
    assert!(s.check().unwrap().is_empty());
}

/// Copies a zip, letting `f` change each entry's bytes.
fn rewrite_zip(src: &Path, dest: &Path, f: impl Fn(&str, &mut Vec<u8>)) {
    let mut r = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(dest).unwrap());
    for i in 0..r.len() {
        let mut e = r.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut data).unwrap();
        f(&name, &mut data);
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, &data).unwrap();
    }
    w.finish().unwrap();
}

/// The register refuses what cannot be meant: an agenda number the year
/// has already (also written "1" beside "001"), a registration dated before
/// the signing, and the scan of another agreement (the same SHA-256).
#[test]
fn the_register_refuses_a_number_written_otherwise_an_early_date_and_anothers_scan() {
    let dir = crate::common::tmp();
    let mut s = crate::common::demo_store(dir.path(), crate::common::local(2026, 12, 4, 10, 0));
    let v = sign_demo(&mut s, 2);
    let a = s.register_archive(&entry(v[0], "001")).unwrap();
    let e = s
        .register_archive(&entry(v[1], "1"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("sudah dipakai") && e.contains("001"), "{e}");
    let mut early = entry(v[1], "002");
    early.tanggal = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    early.tanggal_serah = None;
    early.diserahkan_kepada.clear();
    let e = s.register_archive(&early).unwrap_err().to_string();
    assert!(e.contains("sebelum versi ini ditandatangani"), "{e}");
    let b = s.register_archive(&entry(v[1], "002")).unwrap();
    s.attach_scan(a, &scan_fixture()).unwrap();
    let e = s.attach_scan(b, &scan_fixture()).unwrap_err().to_string();
    assert!(e.contains("sudah dilampirkan pada entri arsip 001"), "{e}");
    // The same scan again on its own entry is fine.
    s.attach_scan(a, &scan_fixture()).unwrap();
}
