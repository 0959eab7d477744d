//! The SQLite store: migrations, refusing files that are not ours, the
//! single-writer lock, the audit chain, and actions as one transaction.

use perkin::model::plan::{RenstraNode, Tingkat};
use perkin::model::workflow::{Act, Action};
use perkin::store::{SCHEMA_VERSION, Store, StoreError};
use rusqlite::Connection;

use crate::common::{db_in, demo_store, local, raw, sha, store_at, tmp};

fn count(s: &Store, table: &str) -> i64 {
    raw(s)
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_empty_file_migrates_to_the_latest_version() {
    let dir = tmp();
    let path = db_in(dir.path());
    std::fs::write(&path, b"").unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    let app_id: i32 = raw(&s)
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, perkin::store::APPLICATION_ID);
    let mode: String = raw(&s)
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: bool = raw(&s)
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert!(fk);
    // Built-ins installed: both SOPs, the calendar, the holidays, and audited.
    assert_eq!(s.templates().unwrap().len(), 2);
    assert_eq!(count(&s, "work_hours"), 7);
    assert!(count(&s, "holiday") > 50);
    assert!(count(&s, "audit_log") >= 4);
    assert!(s.check().unwrap().is_empty());
    drop(s);
    // Reopening changes nothing: no second install.
    let s = Store::open(&path).unwrap();
    assert_eq!(count(&s, "sop_template"), 2);
    let audit = count(&s, "audit_log");
    drop(s);
    let s = Store::open(&path).unwrap();
    assert_eq!(count(&s, "audit_log"), audit);
}

#[test]
fn a_missing_file_is_created_in_a_new_folder() {
    let dir = tmp();
    let path = dir.path().join("a").join("b").join("kantor.db");
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(path.exists());
}

#[test]
fn a_database_from_a_newer_schema_is_refused_and_untouched() {
    let dir = tmp();
    let path = db_in(dir.path());
    drop(Store::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = sha(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, .. } if found == SCHEMA_VERSION + 1),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("lebih baru") && msg.contains("tidak diturunkan"),
        "{msg}"
    );
    assert_eq!(sha(&path), before, "never downgraded, not a byte changed");
    assert!(Store::open_read_only(&path).is_err());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_byte_for_byte() {
    let dir = tmp();
    let path = dir.path().join("catatan.db");
    let content = b"Ini catatan rapat, bukan basis data. ".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotSqlite(_)), "{err:?}");
    assert!(err.to_string().contains("bukan basis data perkin"));
    assert_eq!(std::fs::read(&path).unwrap(), content);
    assert!(!dir.path().join("catatan.db-wal").exists());
    // Also a short file and a directory.
    std::fs::write(&path, b"SQLite").unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotSqlite(_))));
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NotSqlite(_))
    ));
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tmp();
    let path = dir.path().join("lain.sqlite");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT); INSERT INTO catatan (isi) VALUES ('x');")
            .unwrap();
    }
    let before = sha(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Foreign(_)), "{err:?}");
    assert_eq!(sha(&path), before);
}

#[test]
fn a_corrupted_database_is_refused_untouched() {
    let dir = tmp();
    let path = db_in(dir.path());
    {
        let mut s = Store::open(&path).unwrap();
        perkin::demo::create(&mut s, local(2026, 11, 23, 10, 0)).unwrap();
    }
    // One file (no WAL beside it), as an office copies it around.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    // Scribble over the middle of the file (b-tree pages), keep the header.
    let mut bytes = std::fs::read(&path).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 4096] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let before = sha(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("rusak"));
    assert_eq!(sha(&path), before);
}

#[test]
fn a_second_writer_is_refused_at_once() {
    let dir = tmp();
    let path = db_in(dir.path());
    let first = Store::open(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Locked(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("sedang dibuka oleh proses perkin lain")
    );
    // Readers (check, online backup) still work while the writer is open.
    let reader = Store::open_read_only(&path).unwrap();
    assert!(reader.check().unwrap().is_empty());
    drop(first);
    Store::open(&path).unwrap();
}

#[test]
fn a_second_process_is_refused_with_a_message() {
    let dir = tmp();
    let path = db_in(dir.path());
    let _app = Store::open(&path).unwrap();
    let r = crate::common::run(&["demo", "--db", path.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.err);
    assert!(
        r.err.contains("sedang dibuka oleh proses perkin lain"),
        "{}",
        r.err
    );
}

#[test]
fn audit_log_is_append_only_and_chained() {
    let dir = tmp();
    let s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    assert!(s.check().unwrap().is_empty());
    let upd = raw(&s).execute("UPDATE audit_log SET operator = 'x' WHERE id = 3", []);
    assert!(
        upd.unwrap_err()
            .to_string()
            .contains("hanya dapat ditambah")
    );
    let del = raw(&s).execute("DELETE FROM audit_log WHERE id = 3", []);
    assert!(del.is_err());
    // Every row names operator, action and entity, and links to the previous.
    let rows = perkin::store::audit::recent(&raw(&s), 10_000).unwrap();
    assert!(
        rows.iter()
            .all(|r| !r.operator.is_empty() && !r.action.is_empty())
    );
    assert!(rows.iter().any(|r| r.operator == "penguji"));
    assert!(
        rows.iter()
            .any(|r| r.operator == perkin::store::SYSTEM_OPERATOR)
    );
    assert!(
        rows.iter()
            .any(|r| r.entity == "tugas" && r.official_id.is_some())
    );
    for pair in rows.windows(2) {
        assert_eq!(pair[0].prev_hash, pair[1].hash);
    }
}

#[test]
fn tampering_with_an_audit_row_is_named() {
    let dir = tmp();
    let path = db_in(dir.path());
    let s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    drop(s);
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET after_json = '{\"nama\":\"palsu\"}' WHERE id = 12;",
        )
        .unwrap();
    }
    let s = Store::open_read_only(&path).unwrap();
    let faults = s.check().unwrap();
    assert!(
        faults
            .iter()
            .any(|f| f.contains("baris 12") && f.contains("diubah")),
        "{faults:?}"
    );
    assert!(
        faults.iter().any(|f| f.contains("audit_log_no_update")),
        "{faults:?}"
    );
    assert!(
        !faults.iter().any(|f| f.contains("baris 13")),
        "only the changed row: {faults:?}"
    );
}

#[test]
fn a_refused_action_writes_nothing() {
    let dir = tmp();
    let now = local(2026, 11, 23, 10, 0);
    let mut s = demo_store(dir.path(), now);
    let cycle = s.cycles().unwrap()[1].id;
    let c = s.load_cycle(cycle).unwrap();
    let open = c.open_visits().next().unwrap().seq;
    let audit = count(&s, "audit_log");
    let visits = count(&s, "task_visit");
    let err = s
        .act(
            cycle,
            open,
            &Act {
                action: Action::Selesai,
                performer_id: None,
                performer: "x".into(),
                note: String::new(),
                now,
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("adalah keputusan"), "{err}");
    assert_eq!(count(&s, "audit_log"), audit);
    assert_eq!(count(&s, "task_visit"), visits);
    assert_eq!(s.load_cycle(cycle).unwrap(), c);
}

#[test]
fn a_workflow_action_is_one_transaction_with_its_audit_entry() {
    let dir = tmp();
    let now = local(2026, 11, 23, 10, 0);
    let mut s = demo_store(dir.path(), now);
    let cycle = s.cycles().unwrap()[1].id;
    let c = s.load_cycle(cycle).unwrap();
    let task = c.find_task("6", None).unwrap().seq;
    let audit = count(&s, "audit_log");
    let after = s
        .act(
            cycle,
            task,
            &Act {
                action: Action::Ya,
                performer_id: Some(perkin::model::id::OfficialId(2)),
                performer: "Sri Wahyuni, S.E., M.M.".into(),
                note: "Diparaf".into(),
                now,
            },
        )
        .unwrap();
    assert_eq!(count(&s, "audit_log"), audit + 1);
    let last = &perkin::store::audit::recent(&raw(&s), 1).unwrap()[0];
    assert_eq!(
        (last.action.as_str(), last.entity.as_str(), last.official_id),
        ("setujui", "tugas", Some(2))
    );
    assert_eq!(
        after,
        s.load_cycle(cycle).unwrap(),
        "what the store holds is what the engine computed"
    );
    assert_eq!(after.find_task("7", None).unwrap().started_at, now);
}

#[test]
fn bad_input_gets_an_indonesian_message_and_nothing_is_stored() {
    use perkin::model::org::NewOfficial;
    use perkin::model::org::StatusJabatan;
    let dir = tmp();
    let mut s = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    let audit = count(&s, "audit_log");
    let mut o = NewOfficial {
        nama: "Budi".into(),
        gelar_depan: String::new(),
        gelar_belakang: String::new(),
        nip: Some("19700231 199503 1 001".into()),
        pangkat: "Pembina".into(),
        jabatan: "Kepala Bidang".into(),
        unit_id: None,
        status: StatusJabatan::Definitif,
        mulai: None,
        selesai: None,
    };
    let e = s.add_official(&o).unwrap_err().to_string();
    assert!(e.contains("tanggal lahir"), "{e}");
    o.nip = Some("19700101 199503 1 001".into());
    o.pangkat = "Jenderal".into();
    assert!(
        s.add_official(&o)
            .unwrap_err()
            .to_string()
            .contains("tidak ada dalam daftar pangkat")
    );
    o.pangkat = "Pembina".into();
    o.nama = "  ".into();
    assert!(
        s.add_official(&o)
            .unwrap_err()
            .to_string()
            .contains("wajib diisi")
    );
    assert_eq!(count(&s, "audit_log"), audit);
    assert_eq!(count(&s, "official"), 0);
    o.nama = "Budi Santoso".into();
    s.add_official(&o).unwrap();
    assert!(
        s.add_official(&o)
            .unwrap_err()
            .to_string()
            .contains("sudah terdaftar")
    );
    assert_eq!(count(&s, "official"), 1);
    let office = s.office().unwrap();
    assert!(
        s.save_office(&office)
            .unwrap_err()
            .to_string()
            .contains("Nama instansi wajib diisi")
    );
}

#[test]
fn backup_is_a_sound_copy_made_while_the_writer_is_open() {
    let dir = tmp();
    let path = db_in(dir.path());
    let s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let dest = dir.path().join("cadangan.db");
    let reader = Store::open_read_only(&path).unwrap();
    reader.backup_to(&dest).unwrap();
    let copy = Store::open_read_only(&dest).unwrap();
    assert!(copy.check().unwrap().is_empty());
    assert_eq!(count(&copy, "audit_log"), count(&s, "audit_log"));
    assert_eq!(copy.office().unwrap(), s.office().unwrap());
    // Never overwrites.
    assert!(
        reader
            .backup_to(&dest)
            .unwrap_err()
            .to_string()
            .contains("sudah ada")
    );
}

#[test]
fn the_demo_is_realistic_and_only_for_a_new_database() {
    let dir = tmp();
    let now = local(2026, 11, 23, 10, 0);
    let mut s = demo_store(dir.path(), now);
    assert_eq!(s.units().unwrap().len(), 7);
    for o in s.officials().unwrap() {
        perkin::model::org::cek_nip(o.nip.as_deref().unwrap()).unwrap();
    }
    assert!(count(&s, "renstra_indikator") >= 6);
    assert_eq!(s.agreements(2027).unwrap().len(), 6);
    let cycles = s.cycles().unwrap();
    assert_eq!(cycles.len(), 2);
    let kal = s.calendar().unwrap();
    let mut on_time = 0;
    let mut late = 0;
    let mut tolak = 0;
    for c in &cycles {
        let cycle = s.load_cycle(c.id).unwrap();
        assert!(cycle.finished_at.is_none(), "part-way through");
        assert!(cycle.open_visits().count() >= 1);
        for v in cycle.open_visits() {
            // Recent work, not weeks overdue: at most two working days old.
            assert!(
                kal.durasi_kerja(v.started_at, now) <= chrono::Duration::minutes(900),
                "{v:?}"
            );
        }
        for v in cycle.visits.iter().filter(|v| v.finished_at.is_some()) {
            assert!(v.finished_at.unwrap() <= now, "no visit ends in the future");
            match perkin::model::worktime::vonis(
                &kal,
                v.started_at,
                v.standard_minutes,
                v.finished_at,
                now,
            ) {
                perkin::model::worktime::Vonis::TepatWaktu { .. } => on_time += 1,
                perkin::model::worktime::Vonis::Terlambat { .. } => late += 1,
                other => panic!("closed visit with verdict {other:?}"),
            }
            if v.outcome == Some(perkin::model::workflow::Outcome::Tolak) {
                tolak += 1;
            }
        }
    }
    assert!(
        on_time >= 3 && late >= 2 && tolak >= 1,
        "{on_time} {late} {tolak}"
    );
    let e = perkin::demo::create(&mut s, now).unwrap_err();
    assert!(e.to_string().contains("hanya dibuat pada basis data baru"));
}

#[test]
fn holidays_are_editable_and_every_edit_is_audited() {
    use chrono::NaiveDate;
    use perkin::model::worktime::{HariLibur, JenisLibur};
    let dir = tmp();
    let mut s = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let due = |s: &Store| {
        let kal = s.calendar().unwrap();
        kal.ke_lokal(kal.tambah_menit_kerja(local(2026, 11, 23, 15, 0), 120))
    };
    // Mon 15:00 + 2 jam: 1 h Monday, Tue 07:30 + 1 h.
    assert_eq!(due(&s).to_string(), "2026-11-24 08:30:00");
    let mut h = HariLibur {
        tanggal: day,
        nama: "Hari Jadi Kabupaten".into(),
        jenis: JenisLibur::Lokal,
    };
    s.put_holiday(&h).unwrap();
    assert_eq!(due(&s).to_string(), "2026-11-25 08:30:00");
    h.nama = "Hari Jadi Kabupaten ke-75".into();
    s.put_holiday(&h).unwrap();
    let last = &perkin::store::audit::recent(&raw(&s), 1).unwrap()[0];
    assert_eq!(last.action, "ubah");
    assert!(
        last.before_json
            .as_deref()
            .unwrap()
            .contains("\"Hari Jadi Kabupaten\"")
    );
    assert!(last.after_json.as_deref().unwrap().contains("ke-75"));
    s.remove_holiday(day).unwrap();
    assert_eq!(due(&s).to_string(), "2026-11-24 08:30:00");
    let last = &perkin::store::audit::recent(&raw(&s), 1).unwrap()[0];
    assert_eq!(
        (last.action.as_str(), last.after_json.as_deref()),
        ("hapus", None)
    );
    let e = s.remove_holiday(day).unwrap_err().to_string();
    assert_eq!(e, "Hari libur 24 November 2026 tidak ditemukan");
    h.nama = " ".into();
    assert_eq!(
        s.put_holiday(&h).unwrap_err().to_string(),
        "Nama hari libur wajib diisi"
    );
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn renja_items_are_checked_for_code_parent_and_pagu() {
    use perkin::model::plan::NewRenjaItem;
    use perkin::model::plan::Target;
    let dir = tmp();
    let mut s = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    s.set_renja_year(2027, "DPA/1/2027", None).unwrap();
    let item = |parent, level: Tingkat, kode: &str, pagu| NewRenjaItem {
        tahun: 2027,
        parent_id: parent,
        level,
        kode: kode.into(),
        nama: format!("Nama {kode}"),
        unit_id: None,
        sasaran_id: None,
        pagu,
        pagu_dpa: None,
    };
    let audit = count(&s, "audit_log");
    let e = s
        .add_renja_item(&item(None, Tingkat::Program, "5.3.2", 0))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Kode program '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)"
    );
    let e = s
        .add_renja_item(&item(None, Tingkat::Kegiatan, "5.03.02.2.01", 0))
        .unwrap_err();
    assert_eq!(e.to_string(), "Kegiatan harus memiliki induk program");
    assert_eq!(count(&s, "audit_log"), audit, "refusals write nothing");
    let p = s
        .add_renja_item(&item(None, Tingkat::Program, "5.03.02", 0))
        .unwrap();
    let e = s
        .add_renja_item(&item(Some(p), Tingkat::Kegiatan, "5.03.01.2.01", 0))
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("harus diawali kode induknya '5.03.02'"),
        "{e}"
    );
    let e = s
        .add_renja_item(&item(Some(p), Tingkat::SubKegiatan, "5.03.02.2.01.0001", 0))
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("Induk sub kegiatan harus sebuah kegiatan"),
        "{e}"
    );
    let k = s
        .add_renja_item(&item(Some(p), Tingkat::Kegiatan, "5.03.02.2.01", 0))
        .unwrap();
    let e = s
        .add_renja_item(&item(
            Some(k),
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0001",
            -5,
        ))
        .unwrap_err();
    assert_eq!(e.to_string(), "Pagu tidak boleh negatif");
    let ind = vec![(
        "Jumlah dokumen".to_string(),
        "dokumen".to_string(),
        Target::Angka(3.0),
    )];
    let sub = s
        .save_renja_item(
            None,
            &item(
                Some(k),
                Tingkat::SubKegiatan,
                "5.03.02.2.01.0001",
                45_000_000,
            ),
            &ind,
        )
        .unwrap();
    let e = s
        .add_renja_item(&item(Some(k), Tingkat::SubKegiatan, "5.03.02.2.01.0001", 1))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Kode 5.03.02.2.01.0001 sudah ada di Renja 2027"
    );
    // Edit: the indicators are replaced with the item, the audit keeps the before-image.
    let ind2 = vec![(
        "Jumlah dokumen final".to_string(),
        "dokumen".to_string(),
        Target::Angka(4.0),
    )];
    s.save_renja_item(
        Some(sub),
        &item(
            Some(k),
            Tingkat::SubKegiatan,
            "5.03.02.2.01.0001",
            50_000_000,
        ),
        &ind2,
    )
    .unwrap();
    let rows = s.renja_items(2027).unwrap();
    let r = rows.iter().find(|r| r.id == sub).unwrap();
    assert_eq!(r.pagu, 50_000_000);
    assert_eq!(
        r.indikator,
        vec![(
            "Jumlah dokumen final".to_string(),
            "dokumen".to_string(),
            Target::Angka(4.0)
        )]
    );
    let last = &perkin::store::audit::recent(&raw(&s), 1).unwrap()[0];
    assert!(last.before_json.as_deref().unwrap().contains("45000000"));
    // A parent with children is not deleted; a leaf is.
    assert!(
        s.delete_renja_item(k)
            .unwrap_err()
            .to_string()
            .contains("tidak dapat dihapus")
    );
    s.delete_renja_item(sub).unwrap();
    assert_eq!(count(&s, "renja_indikator"), 0);
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn renstra_nodes_edit_and_refuse_deletion_while_used() {
    use perkin::model::plan::Target;
    let dir = tmp();
    let now = local(2026, 11, 23, 10, 0);
    let mut s = demo_store(dir.path(), now);
    let period = s.renstra_periods().unwrap()[0].id;
    let tree = s.renstra_tree(period).unwrap();
    let ind = &tree[0].sasaran[0].indikator[0];
    // Used by the demo agreements: refused.
    let e = s
        .delete_renstra(RenstraNode::Indikator(ind.id))
        .unwrap_err();
    assert!(
        e.to_string().contains("Dipakai oleh Perjanjian Kinerja"),
        "{e}"
    );
    let e = s
        .delete_renstra(RenstraNode::Tujuan(tree[0].id))
        .unwrap_err();
    assert!(e.to_string().contains("Masih memiliki isi"), "{e}");
    // Edit its targets: a text target replaces a number.
    let mut edited = perkin::model::plan::NewIndikator {
        sasaran_id: tree[0].sasaran[0].id,
        kode: ind.kode.clone(),
        nama: ind.nama.clone(),
        satuan: ind.satuan.clone(),
        baseline_tahun: ind.baseline_tahun,
        baseline_nilai: ind.baseline_nilai.clone(),
        definisi: ind.definisi.clone(),
        formula: ind.formula.clone(),
        sumber_data: ind.sumber_data.clone(),
        naik_baik: true,
        kumulatif: true,
        unit_id: ind.unit_id,
        targets: ind.targets.clone().into_iter().collect(),
    };
    edited.targets[2].1 = Target::Teks("Baik".into());
    s.update_indikator(ind.id, &edited).unwrap();
    let again = s.renstra_tree(period).unwrap();
    assert!(again[0].sasaran[0].indikator[0].kumulatif);
    assert_eq!(
        again[0].sasaran[0].indikator[0].targets[&2027],
        Target::Teks("Baik".into())
    );
    // Fields the tree carries survive an edit made from it (no silent wipe).
    assert_eq!(
        again[0].sasaran[0].indikator[0].definisi,
        "Indeks Sistem Merit pada akhir tahun berjalan."
    );
    s.update_sasaran(tree[0].sasaran[0].id, "S1", "Sasaran diubah")
        .unwrap();
    assert_eq!(
        s.renstra_tree(period).unwrap()[0].sasaran[0].uraian,
        "Sasaran diubah"
    );
    assert!(s.check().unwrap().is_empty());
}

/// A small real PNG, made with the image crate.
pub fn png_logo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(16, 16, |x, y| {
        image::Rgb([(x * 16) as u8, (y * 16) as u8, 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn the_logo_is_checked_by_content_and_size() {
    let dir = tmp();
    let mut s = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    let audit = count(&s, "audit_log");
    let e = s.set_logo(Some(b"%PDF-1.7 ini bukan gambar")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Logo harus gambar PNG atau JPEG (isi berkas diperiksa, bukan namanya)"
    );
    let mut big = png_logo();
    big.resize(perkin::store::LOGO_MAKS + 1, 0);
    assert!(
        s.set_logo(Some(&big))
            .unwrap_err()
            .to_string()
            .contains("paling besar 2.048 KB")
    );
    assert_eq!(count(&s, "audit_log"), audit, "refusals write nothing");
    let png = png_logo();
    s.set_logo(Some(&png)).unwrap();
    assert_eq!(s.logo().unwrap(), Some((png, "image/png".to_string())));
    s.set_logo(None).unwrap();
    assert_eq!(s.logo().unwrap(), None);
    assert_eq!(count(&s, "audit_log"), audit + 2);
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_rotates_at_14() {
    use chrono::NaiveDate;
    let dir = crate::common::tmp();
    let s = crate::common::demo_store(dir.path(), crate::common::local(2026, 11, 23, 8, 0));
    let backups = s.backup_dir();
    assert_eq!(backups, dir.path().join("cadangan"));
    // Someone else's file in the folder is left alone.
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::write(backups.join("catatan.txt"), "milik pengguna").unwrap();
    let day = |k: u64| NaiveDate::from_ymd_opt(2026, 11, 1).unwrap() + chrono::Days::new(k);
    for k in 0..16 {
        let made = s
            .daily_backup(&backups, day(k), perkin::store::DAILY_BACKUPS_KEPT)
            .unwrap();
        assert!(made.is_some(), "day {k}");
        // A second start on the same day makes no new copy.
        assert_eq!(s.daily_backup(&backups, day(k), 14).unwrap(), None);
    }
    let mut names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let expected: Vec<String> = (2..16)
        .map(|k| format!("perkin-{}.db", day(k).format("%Y-%m-%d")))
        .chain(["catatan.txt".to_string()])
        .collect();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(names, expected_sorted);
    // Each copy is a sound perkin database with the office in it.
    let copy = Store::open_read_only(&backups.join("perkin-2026-11-16.db")).unwrap();
    assert!(copy.check().unwrap().is_empty());
    assert_eq!(
        copy.office().unwrap().nama_instansi,
        s.office().unwrap().nama_instansi
    );
}

#[test]
fn a_database_carries_its_own_identity_which_a_move_keeps() {
    let dir = tmp();
    let a = db_in(dir.path());
    let b = dir.path().join("lain.db");
    let id_a = Store::open(&a).unwrap().identity().unwrap();
    let id_b = Store::open(&b).unwrap().identity().unwrap();
    assert_eq!(id_a.len(), 32, "{id_a}");
    assert_ne!(id_a, id_b, "two databases, two identities");
    // Reopened, moved and renamed: the same identity.
    assert_eq!(Store::open(&a).unwrap().identity().unwrap(), id_a);
    let moved = dir.path().join("pindah");
    std::fs::create_dir(&moved).unwrap();
    let renamed = moved.join("kantor-2027.db");
    std::fs::rename(&a, &renamed).unwrap();
    assert_eq!(Store::open(&renamed).unwrap().identity().unwrap(), id_a);
}

#[test]
fn renstra_codes_are_unique_in_their_period_and_targets_stay_as_typed() {
    use perkin::model::plan::{NewIndikator, Target};
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let period = s.renstra_periods().unwrap()[0].id;
    let tree = s.renstra_tree(period).unwrap();
    let before = count(&s, "audit_log");
    // A second T1, a second T1.S1 under another tujuan, a second indicator
    // code: each refused with the holder named, nothing written.
    let e = s.add_tujuan(period, "T1", "Tujuan kembar").unwrap_err();
    assert!(
        e.to_string().starts_with("Kode T1 sudah dipakai tujuan \""),
        "{e}"
    );
    let e = s
        .add_sasaran(tree[1].id, "T1.S1", "Sasaran kembar")
        .unwrap_err();
    assert!(
        e.to_string().contains("Kode T1.S1 sudah dipakai sasaran"),
        "{e}"
    );
    let e = s
        .update_tujuan(tree[1].id, " T1 ", &tree[1].uraian)
        .unwrap_err();
    assert!(e.to_string().contains("Pilih kode lain"), "{e}");
    let ind = tree[0].sasaran[0].indikator[0].clone();
    let other = tree[0].sasaran[0].indikator[1].clone();
    let as_new = |i: &perkin::model::plan::IndikatorRow| NewIndikator {
        sasaran_id: tree[0].sasaran[0].id,
        kode: i.kode.clone(),
        nama: i.nama.clone(),
        satuan: i.satuan.clone(),
        baseline_tahun: i.baseline_tahun,
        baseline_nilai: i.baseline_nilai.clone(),
        definisi: i.definisi.clone(),
        formula: i.formula.clone(),
        sumber_data: i.sumber_data.clone(),
        naik_baik: i.naik_baik,
        kumulatif: i.kumulatif,
        unit_id: i.unit_id,
        targets: i.targets.clone().into_iter().collect(),
    };
    let mut twin = as_new(&other);
    twin.kode = ind.kode.clone();
    let e = s.update_indikator(other.id, &twin).unwrap_err();
    assert!(e.to_string().contains("sudah dipakai indikator"), "{e}");
    assert!(s.add_indikator(&twin).is_err());
    assert_eq!(count(&s, "audit_log"), before);
    // Saving a node again under its own code is not a clash.
    s.update_tujuan(tree[0].id, "T1", &tree[0].uraian).unwrap();

    // 0,655 stays 0.655 through a save of another field; the form's text
    // of it reads back to the same number.
    let mut edited = as_new(&ind);
    edited.targets[0].1 = Target::parse("0,655").unwrap();
    s.update_indikator(ind.id, &edited).unwrap();
    let stored = s.renstra_tree(period).unwrap()[0].sasaran[0].indikator[0].clone();
    let typed = stored.targets[&edited.targets[0].0].tampil();
    assert_eq!(typed, "0,655");
    let mut again = as_new(&stored);
    again.formula = "Rumus baru".into();
    again.targets = stored
        .targets
        .iter()
        .map(|(y, t)| (*y, Target::parse(&t.tampil()).unwrap()))
        .collect();
    s.update_indikator(ind.id, &again).unwrap();
    let after = s.renstra_tree(period).unwrap()[0].sasaran[0].indikator[0].clone();
    assert_eq!(after.targets, stored.targets);
    assert_eq!(after.targets[&edited.targets[0].0], Target::Angka(0.655));
}
