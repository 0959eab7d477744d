//! The admin CLI, run as the real binary: Indonesian messages, exit codes
//! 0 (ok), 1 (fault or refused), 2 (usage).

use perkin::model::sop::sop_bawaan;

use crate::common::{db_in, run, sha, tmp};

/// Splits the `sop show` table into rows (between rule lines) and each row
/// into its cells, joining every column's wrapped fragments with spaces.
fn table_rows(out: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    let mut in_table = false;
    for line in out.lines() {
        if line.starts_with("-----") {
            if in_table && !current.is_empty() {
                rows.push(
                    current
                        .iter()
                        .map(|c| c.join(" ").trim().to_string())
                        .collect(),
                );
            }
            current.clear();
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        let cells: Vec<&str> = line.split(" | ").collect();
        if current.is_empty() {
            current = vec![Vec::new(); 7];
        }
        for (k, c) in cells.iter().enumerate().take(7) {
            let c = c.trim();
            if !c.is_empty() {
                current[k].push(c.to_string());
            }
        }
    }
    rows
}

#[test]
fn sop_show_lists_every_step_of_each_seed() {
    for b in sop_bawaan() {
        let t = b.muat().unwrap();
        let r = run(&["sop", "show", b.kode]);
        assert_eq!(r.code, 0, "{}", r.err);
        assert!(r.out.contains(&t.kepala.nomor) || t.kepala.nomor.is_empty());
        let rows = table_rows(&r.out);
        assert_eq!(
            rows.len(),
            t.langkah.len(),
            "{}: one row per step\n{}",
            b.kode,
            r.out
        );
        for (i, (l, row)) in t.langkah.iter().zip(&rows).enumerate() {
            assert_eq!(row[0], l.no, "{} row {i}", b.kode);
            assert_eq!(row[1], l.kegiatan, "{} step {}", b.kode, l.no);
            let lane =
                t.nama_pelaksana(i).to_string() + if l.per_unit { " (per unit)" } else { "" };
            assert_eq!(row[2], lane, "{} step {}", b.kode, l.no);
            let kelengkapan: Vec<String> = l.kelengkapan.iter().map(|k| format!("- {k}")).collect();
            let expected = if kelengkapan.is_empty() {
                "-".to_string()
            } else {
                kelengkapan.join(" ")
            };
            assert_eq!(row[3], expected, "{} step {}", b.kode, l.no);
            assert_eq!(row[4], l.waktu.to_string());
            assert_eq!(row[5], l.output, "{} step {}", b.kode, l.no);
            match t.target_tolak(i) {
                Some(target) => assert!(
                    row[6].contains(&format!("Tolak → {}", t.langkah[target].no)),
                    "{} step {}: {}",
                    b.kode,
                    l.no,
                    row[6]
                ),
                None => assert!(!row[6].contains("Tolak")),
            }
        }
    }
    // The seeds' reject loops as decided in the notes next to the templates.
    let r = run(&["sop", "show", "bkpsdm-90-2023"]);
    let rows = table_rows(&r.out);
    let decisions: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r[6].contains("Tolak"))
        .map(|r| (r[0].clone(), r[6].clone()))
        .collect();
    assert_eq!(
        decisions,
        vec![
            ("3".to_string(), "Ya → 4; Tolak → 2".to_string()),
            ("6".to_string(), "Ya → 7; Tolak → 5".to_string()),
            ("7".to_string(), "Ya → 8; Tolak → 6".to_string()),
        ]
    );
    assert!(!rows.iter().any(|r| r[0] == "9"), "no step 9 in seed 000");
    let r = run(&["sop", "show", "badan-ntt-pk"]);
    let rows = table_rows(&r.out);
    assert_eq!(rows[5][6], "Ya → 7; Tolak → 5");
    assert_eq!(rows[6][6], "Ya → 8; Tolak → 6");
}

#[test]
fn sop_list_and_unknown_id() {
    let r = run(&["sop", "list"]);
    assert_eq!(r.code, 0);
    let ids: Vec<&str> = r
        .out
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert!(
        ids.contains(&"bkpsdm-90-2023") && ids.contains(&"badan-ntt-pk"),
        "{}",
        r.out
    );
    let r = run(&["sop", "show", "tidak-ada"]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("tidak ditemukan"), "{}", r.err);
}

#[test]
fn sop_check_names_file_line_and_field() {
    let dir = tmp();
    let good = dir.path().join("baik.toml");
    std::fs::write(&good, sop_bawaan()[0].sumber).unwrap();
    let r = run(&["sop", "check", good.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("Templat sah"), "{}", r.out);

    let bad = dir.path().join("rusak.toml");
    let src =
        sop_bawaan()[0]
            .sumber
            .replacen("pelaksana = \"anggota\"", "pelaksana = \"anggot\"", 1);
    let line = src.lines().position(|l| l.contains("\"anggot\"")).unwrap() + 1;
    std::fs::write(&bad, &src).unwrap();
    let r = run(&["sop", "check", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains(&format!("rusak.toml:{line}:")), "{}", r.err);
    assert!(r.err.contains("pelaksana"), "{}", r.err);
    let r = run(&[
        "sop",
        "check",
        dir.path().join("tidak-ada.toml").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("berkas atau folder tidak ada"), "{}", r.err);
}

#[test]
fn due_prints_the_local_due_time_first() {
    // Monday 23 Nov 2026 10:00 + 3 jam: 10–12 (2 h), 13–14 → 14:00.
    let r = run(&["due", "--start", "2026-11-23 10:00", "--duration", "3 jam"]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(r.out.lines().next(), Some("2026-11-23 14:00"));
    assert!(r.out.contains("Senin, 23 November 2026"), "{}", r.out);
    // Friday 15:30 + 2 jam: 1 h Friday, then Monday 07:30 + 1 h.
    let r = run(&[
        "due",
        "--start",
        "2026-11-27 15:30",
        "--duration",
        "2 jam",
        "--tz",
        "WITA",
    ]);
    assert_eq!(r.out.lines().next(), Some("2026-11-30 08:30"));
    // Christmas: Thu 24 (cuti bersama) and Fri 25 Dec 2026 are off.
    let r = run(&["due", "--start", "2026-12-23 15:00", "--duration", "2 jam"]);
    assert_eq!(r.out.lines().next(), Some("2026-12-28 08:30"));
    // 5 hari from Monday 08:00 → next Monday 08:00.
    let r = run(&[
        "due",
        "--start",
        "2026-11-23 08:00",
        "--duration",
        "5 hari",
        "--tz",
        "WIT",
    ]);
    assert_eq!(r.out.lines().next(), Some("2026-11-30 08:00"));
}

#[test]
fn due_uses_the_office_calendar_of_a_database() {
    let dir = tmp();
    let db = db_in(dir.path());
    {
        let mut s = perkin::store::Store::open(&db).unwrap();
        s.put_holiday(&perkin::model::worktime::HariLibur {
            tanggal: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            nama: "Hari jadi kabupaten".into(),
            jenis: perkin::model::worktime::JenisLibur::Lokal,
        })
        .unwrap();
    }
    let r = run(&[
        "due",
        "--start",
        "2026-11-23 15:00",
        "--duration",
        "2 jam",
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(r.out.lines().next(), Some("2026-11-25 08:30"), "{}", r.err);
}

#[test]
fn bad_input_is_refused_in_indonesian() {
    let r = run(&["due", "--start", "kemarin", "--duration", "3 jam"]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("Waktu mulai 'kemarin' tidak sah"),
        "{}",
        r.err
    );
    let r = run(&["due", "--start", "2026-02-31 08:00", "--duration", "3 jam"]);
    assert_eq!(r.code, 1);
    let r = run(&[
        "due",
        "--start",
        "2026-11-23 08:00",
        "--duration",
        "3 detik",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("Lama '3 detik' tidak sah"), "{}", r.err);
    let r = run(&[
        "due",
        "--start",
        "2026-11-23 08:00",
        "--duration",
        "3 jam",
        "--tz",
        "UTC",
    ]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("WIB, WITA atau WIT"));
    // Usage errors: exit 2, Indonesian.
    let r = run(&["terbang"]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("perintah tidak dikenal: terbang"),
        "{}",
        r.err
    );
    let r = run(&["due", "--start", "2026-11-23 08:00"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("argumen wajib belum diisi"), "{}", r.err);
    let r = run(&["check", "--tidak-ada"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("argumen tidak dikenal"), "{}", r.err);
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains("Penggunaan:") && r.out.contains("Perintah:") && r.out.contains("Opsi:"),
        "{}",
        r.out
    );
    for english in ["Usage", "Commands", "Options", "Print help"] {
        assert!(
            !r.out.contains(english),
            "English in help: {english}\n{}",
            r.out
        );
    }
    let r = run(&["due", "--help"]);
    assert!(r.out.contains("Penggunaan: perkin due"), "{}", r.out);
}

#[test]
fn demo_then_check_then_tamper() {
    let dir = tmp();
    let db = db_in(dir.path());
    let d = db.to_str().unwrap();
    let r = run(&["demo", "--db", d]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.contains("Kantor contoh dibuat"), "{}", r.out);
    let r = run(&["check", "--db", d]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    assert!(r.out.contains("sehat"), "{}", r.out);
    // A demo on a filled database is refused.
    let r = run(&["demo", "--db", d]);
    assert_eq!(r.code, 1);
    // Change one audit row by hand.
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET operator = 'orang lain' WHERE id = 20;
             CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
             BEGIN SELECT RAISE(ABORT, 'log audit hanya dapat ditambah, tidak dapat diubah'); END;",
        )
        .unwrap();
    }
    let r = run(&["check", "--db", d]);
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(r.out.contains("Log audit baris 20"), "{}", r.out);
    assert!(r.err.contains("Ditemukan 1 masalah"), "{}", r.err);
}

#[test]
fn check_and_backup_refuse_garbage_and_leave_it_alone() {
    let dir = tmp();
    let junk = dir.path().join("sampah.db");
    std::fs::write(&junk, b"PK\x03\x04 bukan basis data").unwrap();
    let before = sha(&junk);
    for args in [
        vec!["check", "--db", junk.to_str().unwrap()],
        vec![
            "backup",
            "--db",
            junk.to_str().unwrap(),
            "--to",
            dir.path().join("c.db").to_str().unwrap(),
        ],
        vec!["demo", "--db", junk.to_str().unwrap()],
    ] {
        let r = run(&args);
        assert_eq!(r.code, 1, "{args:?}");
        assert!(r.err.contains("bukan basis data perkin"), "{}", r.err);
        assert_eq!(sha(&junk), before);
    }
    assert!(!dir.path().join("c.db").exists());
}

#[test]
fn backup_makes_a_checked_copy() {
    let dir = tmp();
    let db = db_in(dir.path());
    assert_eq!(run(&["demo", "--db", db.to_str().unwrap()]).code, 0);
    let to = dir.path().join("cadangan.db");
    let r = run(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        "--to",
        to.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.err);
    let r = run(&["check", "--db", to.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.err);
    let r = run(&[
        "backup",
        "--db",
        db.to_str().unwrap(),
        "--to",
        to.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("sudah ada"));
}

#[test]
fn a_zip_backup_holds_the_scans_and_check_names_an_altered_scan() {
    let dir = tmp();
    let mut s = crate::common::demo_store(dir.path(), crate::common::local(2026, 11, 23, 9, 0));
    let v = crate::archive::sign_demo(&mut s, 1)[0];
    let id = s
        .register_archive(&crate::archive::entry(v, "001"))
        .unwrap();
    let scan = s.attach_scan(id, &crate::archive::scan_fixture()).unwrap();
    let stored = s.scan_path(&scan);
    drop(s);
    let db = db_in(dir.path());
    let d = db.to_str().unwrap();
    let zip = dir.path().join("lengkap.zip");
    let r = run(&["backup", "--db", d, "--to", zip.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    assert!(
        r.out.contains("basis data dan 1 berkas pindaian"),
        "{}",
        r.out
    );
    let names: Vec<String> = {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
        (0..z.len())
            .map(|i| z.by_index(i).unwrap().name().unwrap().to_string())
            .collect()
    };
    assert!(names.contains(&"perkin.db".to_string()), "{names:?}");
    assert!(
        names.contains(&format!("pindaian/{}.pdf", scan.sha256)),
        "{names:?}"
    );
    // Not over an existing file.
    let r = run(&["backup", "--db", d, "--to", zip.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("sudah ada"), "{}", r.err);

    let r = run(&["check", "--db", d]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    assert!(r.out.contains("1 pindaian arsip cocok"), "{}", r.out);
    let mut b = std::fs::read(&stored).unwrap();
    b[40] ^= 1;
    std::fs::write(&stored, b).unwrap();
    let r = run(&["check", "--db", d]);
    assert_eq!(r.code, 1);
    assert!(
        r.out.contains("Pindaian arsip nomor agenda 001") && r.out.contains("BERUBAH"),
        "{}",
        r.out
    );
}
