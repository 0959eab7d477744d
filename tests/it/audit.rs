//! The audit view's queries: filters by local office date, entity,
//! operator and text; paging newest first; the structured hash-chain check.

use chrono::{DateTime, NaiveDate, Utc};
use perkin::model::org::NewUnit;
use perkin::model::org::{Eselon, JenisUnit};
use perkin::model::worktime::{HariLibur, JenisLibur, Zona};
use perkin::store::Store;
use perkin::store::audit::{AuditFilter, AuditRow, GENESIS, row_hash};

use crate::common::{db_in, local, local_in, raw, store_at, tmp};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn unit(nama: &str) -> NewUnit {
    NewUnit {
        parent_id: None,
        kode: String::new(),
        nama: nama.into(),
        jenis: JenisUnit::Badan,
        eselon: Eselon::II,
        urutan: 0,
    }
}

fn at(s: &mut Store, operator: &str, t: DateTime<Utc>) {
    s.set_clock(move || t);
    s.set_operator(operator);
}

/// The ids of a result, newest first.
fn ids(s: &Store, f: &AuditFilter) -> Vec<i64> {
    let page = s.audit_query(f, None, 1000).unwrap();
    assert_eq!(page.total as usize, page.rows.len());
    assert!(!page.more);
    page.rows.iter().map(|r| r.id).collect()
}

/// Entries by two operators over three local days, some on either side of
/// a local midnight whose UTC date differs. Returns the store and the ids
/// of the entries written here (the installs come first).
struct Log {
    _dir: tempfile::TempDir,
    s: Store,
    /// Local 20 Nov 00:00 WIB (19 Nov 17:00 UTC), budi, unit tambah.
    budi_unit: i64,
    /// Local 20 Nov 23:59 WIB, sari, unit ubah.
    sari_ubah: i64,
    /// Local 21 Nov 06:00 WIB (20 Nov 23:00 UTC), budi, hari_libur tambah.
    budi_libur: i64,
    /// Local 22 Nov 10:00 WIB, sari, unit nonaktifkan.
    sari_nonaktif: i64,
}

fn log() -> Log {
    let dir = tmp();
    let mut s = store_at(&db_in(dir.path()), local(2026, 11, 1, 9, 0));
    at(&mut s, "budi", local(2026, 11, 20, 0, 0));
    let id = s.add_unit(&unit("Badan Kepegawaian Daerah")).unwrap();
    let budi_unit = s.audit_last_id().unwrap();
    at(&mut s, "sari", local(2026, 11, 20, 23, 59));
    s.update_unit(id, &unit("Badan Kepegawaian dan Pengembangan SDM"))
        .unwrap();
    let sari_ubah = s.audit_last_id().unwrap();
    at(&mut s, "budi", local(2026, 11, 21, 6, 0));
    s.put_holiday(&HariLibur {
        tanggal: day(2026, 12, 3),
        nama: "Hari jadi kabupaten (100% libur)".into(),
        jenis: JenisLibur::Lokal,
    })
    .unwrap();
    let budi_libur = s.audit_last_id().unwrap();
    at(&mut s, "sari", local(2026, 11, 22, 10, 0));
    s.set_unit_active(id, false).unwrap();
    let sari_nonaktif = s.audit_last_id().unwrap();
    Log {
        _dir: dir,
        s,
        budi_unit,
        sari_ubah,
        budi_libur,
        sari_nonaktif,
    }
}

#[test]
fn riwayat_filters_by_local_date_entity_and_operator() {
    let l = log();
    let s = &l.s;
    let all = ids(s, &AuditFilter::default());
    assert_eq!(all.len() as i64, s.audit_last_id().unwrap());
    assert!(all.windows(2).all(|w| w[0] > w[1]), "newest first");

    let dates = |a: NaiveDate, b: NaiveDate| AuditFilter {
        dari: Some(a),
        sampai: Some(b),
        ..Default::default()
    };
    // Local 20 November: midnight itself and 23:59 are in; 21 Nov 06:00 WIB
    // (still 20 November in UTC) is not.
    assert_eq!(
        ids(s, &dates(day(2026, 11, 20), day(2026, 11, 20))),
        [l.sari_ubah, l.budi_unit]
    );
    assert_eq!(
        ids(s, &dates(day(2026, 11, 21), day(2026, 11, 21))),
        [l.budi_libur]
    );
    assert_eq!(
        ids(s, &dates(day(2026, 11, 21), day(2026, 11, 22))),
        [l.sari_nonaktif, l.budi_libur]
    );
    // Open-ended either side (the installs are written at the real time
    // of opening, so an operator is named to leave them out).
    let budi = |dari, sampai| AuditFilter {
        dari,
        sampai,
        operator: Some("budi".into()),
        ..Default::default()
    };
    assert_eq!(ids(s, &budi(Some(day(2026, 11, 21)), None)), [l.budi_libur]);
    assert_eq!(ids(s, &budi(None, Some(day(2026, 11, 20)))), [l.budi_unit]);
    // A reversed range matches nothing.
    assert!(ids(s, &dates(day(2026, 11, 22), day(2026, 11, 20))).is_empty());

    let entity = |e: &str| AuditFilter {
        entity: Some(e.into()),
        ..Default::default()
    };
    assert_eq!(
        ids(s, &entity("unit")),
        [l.sari_nonaktif, l.sari_ubah, l.budi_unit]
    );
    let libur = ids(s, &entity("hari_libur"));
    assert_eq!(libur[0], l.budi_libur);
    assert_eq!(libur.len(), 2, "the shipped holidays' install and budi's");

    let operator = |o: &str| AuditFilter {
        operator: Some(o.into()),
        ..Default::default()
    };
    assert_eq!(ids(s, &operator("budi")), [l.budi_libur, l.budi_unit]);
    assert_eq!(ids(s, &operator("sari")), [l.sari_nonaktif, l.sari_ubah]);
    assert!(ids(s, &operator("tidak ada")).is_empty());

    // All together.
    assert_eq!(
        ids(
            s,
            &AuditFilter {
                dari: Some(day(2026, 11, 20)),
                sampai: Some(day(2026, 11, 22)),
                entity: Some("unit".into()),
                operator: Some("sari".into()),
                cari: String::new(),
            }
        ),
        [l.sari_nonaktif, l.sari_ubah]
    );

    let (entities, operators) = s.audit_choices().unwrap();
    for e in ["hari_libur", "jam_kerja", "unit"] {
        assert!(entities.iter().any(|x| x == e), "{e} in {entities:?}");
    }
    assert!(entities.windows(2).all(|w| w[0] < w[1]), "sorted, distinct");
    assert_eq!(operators, ["budi", "perkin (sistem)", "sari"]);
}

#[test]
fn riwayat_dates_follow_the_office_zone() {
    // 21 Nov 06:00 WIB is 21 Nov 07:00 WITA: still 21 November in WITA, but
    // 20 Nov 23:59 WIB is 21 Nov 00:59 WITA.
    let mut l = log();
    let mut o = l.s.office().unwrap();
    o.nama_instansi = "Badan Uji".into();
    o.zona = Zona::Wita;
    at(&mut l.s, "budi", local_in(Zona::Wita, 2026, 11, 25, 8, 0));
    l.s.save_office(&o).unwrap();
    let f = AuditFilter {
        dari: Some(day(2026, 11, 21)),
        sampai: Some(day(2026, 11, 21)),
        ..Default::default()
    };
    assert_eq!(ids(&l.s, &f), [l.budi_libur, l.sari_ubah]);
}

#[test]
fn riwayat_search_looks_in_ids_actions_and_the_images() {
    let l = log();
    let s = &l.s;
    let cari = |t: &str| AuditFilter {
        cari: t.into(),
        ..Default::default()
    };
    // Before and after images, case-insensitively.
    assert_eq!(
        ids(s, &cari("kepegawaian daerah")),
        [l.sari_ubah, l.budi_unit]
    );
    assert_eq!(
        ids(s, &cari("Pengembangan SDM")),
        [l.sari_nonaktif, l.sari_ubah]
    );
    // The action.
    assert_eq!(ids(s, &cari("nonaktifkan")), [l.sari_nonaktif]);
    // The entity id (a holiday is keyed by its date).
    assert_eq!(ids(s, &cari("2026-12-03")), [l.budi_libur]);
    // % and _ are literal, not wildcards.
    assert_eq!(ids(s, &cari("100%")), [l.budi_libur]);
    assert!(ids(s, &cari("100%x")).is_empty());
    assert!(ids(s, &cari("a_b")).is_empty());
    // With another filter.
    assert_eq!(
        ids(
            s,
            &AuditFilter {
                operator: Some("budi".into()),
                ..cari("Kepegawaian")
            }
        ),
        [l.budi_unit]
    );
}

/// Appends `n` chained rows straight into the table (quicker than `n`
/// audited actions), one per minute from `start`, entity alternating.
fn append_rows(s: &Store, n: i64, start: DateTime<Utc>) {
    let c = raw(s);
    c.execute_batch("BEGIN").unwrap();
    let (mut id, mut prev): (i64, String) = c
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or((0, GENESIS.to_string()));
    for i in 0..n {
        id += 1;
        let mut r = AuditRow {
            id,
            at: (start + chrono::Duration::minutes(i))
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            operator: "massal".into(),
            official_id: None,
            action: "ubah".into(),
            entity: if i % 2 == 0 { "renja_item" } else { "pejabat" }.into(),
            entity_id: i.to_string(),
            before_json: Some(format!(r#"{{"nama":"Kegiatan {i}","pagu":{i}}}"#)),
            after_json: Some(format!(r#"{{"nama":"Kegiatan {i}","pagu":{}}}"#, i + 1)),
            rows_json: None,
            prev_hash: prev.clone(),
            hash: String::new(),
        };
        r.hash = row_hash(&r);
        c.execute(
            "INSERT INTO audit_log (id, at, operator, official_id, action, entity, entity_id, before_json, after_json, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            rusqlite::params![
                r.id, r.at, r.operator, r.official_id, r.action, r.entity, r.entity_id,
                r.before_json, r.after_json, r.prev_hash, r.hash
            ],
        )
        .unwrap();
        prev = r.hash;
    }
    c.execute_batch("COMMIT").unwrap();
}

#[test]
fn riwayat_pages_newest_first_without_gaps_or_repeats() {
    let l = log();
    let s = &l.s;
    let base = s.audit_last_id().unwrap();
    append_rows(s, 1005, local(2026, 11, 23, 8, 0));
    assert!(s.check().unwrap().is_empty(), "the appended rows chain");
    let f = AuditFilter {
        entity: Some("renja_item".into()),
        ..Default::default()
    };
    let mut seen = Vec::new();
    let mut before = None;
    let mut pages = 0;
    loop {
        let page = s.audit_query(&f, before, 200).unwrap();
        assert_eq!(page.total, 503, "total counts every page");
        assert!(page.rows.len() <= 200);
        pages += 1;
        seen.extend(page.rows.iter().map(|r| r.id));
        before = page.rows.last().map(|r| r.id);
        if !page.more {
            break;
        }
        assert_eq!(page.rows.len(), 200, "only the last page is short");
    }
    assert_eq!(pages, 3);
    let expected: Vec<i64> = (0..1005)
        .rev()
        .filter(|i| i % 2 == 0)
        .map(|i| base + 1 + i)
        .collect();
    assert_eq!(seen, expected);
    // A page that ends exactly at the last row says there is no more.
    let exact = s
        .audit_query(
            &AuditFilter {
                operator: Some("massal".into()),
                ..Default::default()
            },
            None,
            1005,
        )
        .unwrap();
    assert_eq!((exact.rows.len(), exact.more), (1005, false));
    let first = s.audit_query(&AuditFilter::default(), None, 1).unwrap();
    assert_eq!(first.rows[0].id, base + 1005);
    assert!(first.more);
    assert_eq!(
        s.audit_row(base + 7).unwrap().unwrap().entity_id,
        "6",
        "a row by its id"
    );
    assert_eq!(s.audit_row(base + 5000).unwrap(), None);
}

#[test]
fn riwayat_chain_check_counts_an_intact_log_and_names_a_tampered_row() {
    let l = log();
    let s = &l.s;
    let n = s.audit_last_id().unwrap();
    let intact = s.audit_chain().unwrap();
    assert!(intact.intact());
    assert_eq!((intact.checked, intact.last_id), (n as u64, n));
    assert_eq!(intact.first_broken(), None);

    raw(s)
        .execute("DROP TRIGGER audit_log_no_update", [])
        .unwrap();
    raw(s)
        .execute(
            "UPDATE audit_log SET operator = 'penyusup' WHERE id = ?1",
            [l.sari_ubah],
        )
        .unwrap();
    let r = s.audit_chain().unwrap();
    assert!(!r.intact());
    assert_eq!(r.checked, n as u64);
    assert_eq!(r.first_broken(), Some(l.sari_ubah));
    assert_eq!(r.faults.len(), 1, "{:?}", r.faults);
    assert_eq!(r.faults[0].row_id, l.sari_ubah);
    assert!(
        r.faults[0].pesan.starts_with(&format!(
            "Log audit baris {}: isi baris telah diubah",
            l.sari_ubah
        )),
        "{}",
        r.faults[0].pesan
    );
    // `check` still lists the same message, and the missing trigger.
    let faults = s.check().unwrap();
    assert!(faults.contains(&r.faults[0].pesan));
    assert!(faults.iter().any(|f| f.contains("audit_log_no_update")));
}

#[test]
fn riwayat_chain_check_finds_a_rehashed_row_by_the_broken_link_after_it() {
    let l = log();
    let s = &l.s;
    raw(s)
        .execute("DROP TRIGGER audit_log_no_update", [])
        .unwrap();
    // The intruder rewrites the row and its own hash: the row now hashes
    // right, but the next row still links to the old hash.
    let mut row = s.audit_row(l.budi_unit).unwrap().unwrap();
    row.after_json = Some(r#"{"nama":"Badan Palsu"}"#.into());
    row.hash = row_hash(&row);
    raw(s)
        .execute(
            "UPDATE audit_log SET after_json = ?1, hash = ?2 WHERE id = ?3",
            rusqlite::params![row.after_json, row.hash, row.id],
        )
        .unwrap();
    let r = s.audit_chain().unwrap();
    assert_eq!(r.first_broken(), Some(l.budi_unit + 1));
    assert_eq!(r.faults.len(), 1);
    assert_eq!(
        r.faults[0].pesan,
        format!(
            "Log audit baris {}: rantai hash putus (hash sebelumnya tidak cocok dengan baris {})",
            l.budi_unit + 1,
            l.budi_unit
        )
    );
}

// ---- The Riwayat tab on the real App ----------------------------------------------

use crate::ui::{button, go, harness, type_into};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use egui_kittest::kittest::Queryable;
use perkin::app::{BackupCmd, OrgCmd};
use perkin::ui::{Form, PerkinApp};

/// Picks `entry` in the combo box named `combo` (the table has a column
/// of the same name).
fn choose(h: &mut Harness<'static, PerkinApp>, combo: &str, entry: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    h.run();
    let options: Vec<_> = h
        .query_all_by_label(entry)
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .collect();
    assert_eq!(options.len(), 1, "one entry '{entry}' in '{combo}'");
    options[0].click();
    h.run();
}

/// Runs frames until the background hash-chain check has reported.
fn wait_chain(h: &mut Harness<'static, PerkinApp>) {
    for _ in 0..400 {
        if !h.state().busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(!h.state().busy(), "the chain check ended");
    h.run();
}

#[test]
fn riwayat_tab_filters_by_entity_and_shows_before_and_after() {
    let Log {
        _dir,
        s,
        budi_unit,
        sari_ubah,
        sari_nonaktif,
        ..
    } = log();
    let n = s.audit_last_id().unwrap();
    let mut h = harness(s);
    go(&mut h, "Pengaturan");
    go(&mut h, "Riwayat");
    wait_chain(&mut h);
    h.get_by_label(&format!("Rantai hash utuh: {n} entri diperiksa"));
    h.get_by_label(&format!("Menampilkan {n} dari {n} entri, terbaru di atas"));
    h.get_by_label("Tambah hari libur \"Hari jadi kabupaten (100% libur)\"");

    choose(&mut h, "Entitas", "Unit kerja");
    h.get_by_label("Menampilkan 3 dari 3 entri yang cocok, terbaru di atas");
    assert_eq!(
        h.query_all_by_label_contains("Hari jadi kabupaten").count(),
        0,
        "the holiday is filtered out"
    );
    h.get_by_label("Tambah unit kerja \"Badan Kepegawaian Daerah\"");
    let ubah = "Ubah unit kerja \"Badan Kepegawaian dan Pengembangan SDM\": Nama: Badan Kepegawaian Daerah → Badan Kepegawaian dan Pengembangan SDM";
    h.get_by_label(ubah);
    for id in [budi_unit, sari_ubah, sari_nonaktif] {
        h.get_by_label(&id.to_string());
    }

    // The entry's before and after, field by field; only nama changed.
    h.get_by_label(ubah).click();
    h.run();
    h.get_by_label(&format!("Entri {sari_ubah}: Ubah Unit kerja 1"));
    h.get_by_label_contains("oleh sari, 20 November 2026 23.59.00 WIB");
    h.get_by_label("Sebelum");
    h.get_by_label("Sesudah");
    h.get_by_label("Badan Kepegawaian Daerah");
    h.get_by_label("Badan Kepegawaian dan Pengembangan SDM");
    assert_eq!(h.query_all_by_label("berubah").count(), 1);
    h.get_by_label("Nama");

    // A wrong date is named inline and not applied.
    type_into(&mut h, "Dari tanggal", "31-02-2026");
    button(&mut h, "Terapkan");
    h.get_by_label(
        "Dari tanggal: Tanggal '31-02-2026' tidak sah: tulis hh-bb-tttt, mis. 17-08-2026",
    );
    h.get_by_label("Menampilkan 3 dari 3 entri yang cocok, terbaru di atas");

    // Operator and local dates narrow it further.
    crate::ui::retype(&mut h, "Dari tanggal", "20-11-2026");
    type_into(&mut h, "Sampai tanggal", "21-11-2026");
    choose(&mut h, "Operator", "sari");
    h.get_by_label("Menampilkan 1 dari 1 entri yang cocok, terbaru di atas");
    h.get_by_label(ubah);

    button(&mut h, "Hapus filter");
    h.get_by_label(&format!("Menampilkan {n} dari {n} entri, terbaru di atas"));
    assert_eq!(h.get_by_label("Dari tanggal").value().as_deref(), Some(""));

    // The filter survives the reload of the view after another command
    // (as after the periodic one); the log grew, so its rows are read again.
    choose(&mut h, "Entitas", "Hari libur");
    h.get_by_label("Menampilkan 2 dari 2 entri yang cocok, terbaru di atas");
    go(&mut h, "Kalender Kerja");
    type_into(&mut h, "Tanggal libur", "24-11-2026");
    type_into(&mut h, "Keterangan libur", "Hari Jadi Kabupaten");
    button(&mut h, "Tambah hari libur");
    assert_eq!(h.state().store().audit_last_id().unwrap(), n + 1);
    go(&mut h, "Riwayat");
    h.get_by_label("Menampilkan 3 dari 3 entri yang cocok, terbaru di atas");
    h.get_by_label("Tambah hari libur \"Hari Jadi Kabupaten\"");
    assert!(h.query_all_by_label(ubah).next().is_none());
}

#[test]
fn riwayat_tab_names_the_row_where_a_tampered_chain_breaks() {
    let Log {
        _dir,
        s,
        sari_ubah,
        budi_libur,
        ..
    } = log();
    let mut h = harness(s);
    go(&mut h, "Pengaturan");
    go(&mut h, "Riwayat");
    wait_chain(&mut h);
    h.get_by_label_contains("Rantai hash utuh:");

    {
        let c = raw(h.state().store());
        c.execute("DROP TRIGGER audit_log_no_update", []).unwrap();
        c.execute(
            "UPDATE audit_log SET after_json = '{\"nama\":\"Badan Palsu\"}' WHERE id = ?1",
            [sari_ubah],
        )
        .unwrap();
    }
    // Filtered to something else: the broken row is still reachable.
    type_into(&mut h, "Cari", "2026-12-03");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Menampilkan 1 dari 1 entri yang cocok, terbaru di atas");
    h.get_by_label(&budi_libur.to_string());

    button(&mut h, "Periksa ulang");
    wait_chain(&mut h);
    h.get_by_label_contains(&format!("Rantai hash putus pada entri {sari_ubah}: "));
    h.get_by_label(&format!(
        "Log audit baris {sari_ubah}: isi baris telah diubah (ubah unit pada {}; hash tidak cocok)",
        local(2026, 11, 20, 23, 59).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    ));
    assert!(
        h.query_all_by_label_contains("Rantai hash utuh")
            .next()
            .is_none()
    );

    button(&mut h, &format!("Tampilkan entri {sari_ubah}"));
    h.get_by_label(&format!("Entri {sari_ubah}: Ubah Unit kerja 1"));
    h.get_by_label("Badan Kepegawaian Daerah");
    h.get_by_label("Badan Palsu");
}

#[test]
fn riwayat_tab_loads_older_entries_a_page_at_a_time() {
    let Log { _dir, s, .. } = log();
    append_rows(&s, 450, local(2026, 11, 23, 8, 0));
    let n = s.audit_last_id().unwrap();
    let mut h = harness(s);
    go(&mut h, "Pengaturan");
    go(&mut h, "Riwayat");
    wait_chain(&mut h);
    h.get_by_label(&format!("Rantai hash utuh: {n} entri diperiksa"));
    h.get_by_label(&format!("Menampilkan 200 dari {n} entri, terbaru di atas"));
    button(&mut h, "Muat 200 berikutnya");
    h.get_by_label(&format!("Menampilkan 400 dari {n} entri, terbaru di atas"));
    let rest = n - 400;
    button(&mut h, &format!("Muat {rest} berikutnya"));
    h.get_by_label(&format!("Menampilkan {n} dari {n} entri, terbaru di atas"));
    assert!(
        h.query_all_by_label_contains("berikutnya").next().is_none(),
        "nothing more to load"
    );
    let v = h.state().view().audit.as_ref().unwrap();
    let ids: Vec<i64> = v.entries.iter().map(|e| e.row.id).collect();
    assert_eq!(ids, (1..=n).rev().collect::<Vec<_>>());
}

#[test]
fn riwayat_tab_reads_the_restored_log_afresh() {
    let Log { _dir, s, .. } = log();
    let mut h = harness(s);
    h.state_mut().set_open_files(false);
    let zip = _dir.path().join("cadangan-uji.zip");
    h.state_mut()
        .send(Form::Backup, BackupCmd::Now { path: zip.clone() });
    h.run();
    crate::ui::wait_jobs(&mut h);
    let added = h.state_mut().app_mut().apply(
        OrgCmd::AddUnit {
            unit: unit("Bidang Sesudah Cadangan"),
        }
        .into(),
    );
    assert!(added.is_ok(), "{added:?}");
    let n = h.state().store().audit_last_id().unwrap();
    go(&mut h, "Pengaturan");
    go(&mut h, "Riwayat");
    wait_chain(&mut h);
    h.get_by_label(&format!("Rantai hash utuh: {n} entri diperiksa"));
    h.get_by_label("Tambah unit kerja \"Bidang Sesudah Cadangan\"");

    h.state_mut()
        .send(Form::Backup, BackupCmd::Stage { path: zip.clone() });
    h.run();
    button(&mut h, "Ya, pulihkan");
    // The restore is logged in the restored file: as many entries as
    // before, other content. The list and the chain are read afresh.
    assert_eq!(h.state().store().audit_last_id().unwrap(), n);
    wait_chain(&mut h);
    go(&mut h, "Riwayat");
    assert!(
        h.query_all_by_label("Tambah unit kerja \"Bidang Sesudah Cadangan\"")
            .next()
            .is_none()
    );
    h.get_by_label(&format!("Rantai hash utuh: {n} entri diperiksa"));
    let v = h.state().view().audit.as_ref().unwrap();
    assert_eq!(v.entries[0].row.action, "pulihkan");
    assert_eq!(v.entries[0].row.entity, "basis_data");
}
