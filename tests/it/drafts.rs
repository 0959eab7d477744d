//! Unsaved input belongs to its database: drafts, the year and the open
//! agreement are remembered per database identity, never shown over
//! another database's data, and a draft over a record changed meanwhile is
//! not applied silently.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use perkin::app::BackupCmd;
use perkin::store::Store;
use perkin::ui::{Form, PerkinApp};

use crate::common::{demo_store, local, store_at, tmp};
use crate::ui::{MemStorage, button, go, retype};

const NOW: (i32, u32, u32) = (2026, 11, 23);

fn now() -> chrono::DateTime<chrono::Utc> {
    local(NOW.0, NOW.1, NOW.2, 10, 0)
}

/// A demo database in its own folder, with its own office name.
fn demo_db(dir: &Path, nama: &str) -> PathBuf {
    let mut s = demo_store(dir, now());
    let mut o = s.office().unwrap();
    o.nama_instansi = nama.into();
    s.save_office(&o).unwrap();
    s.path().to_path_buf()
}

/// The window on `path` with eframe's storage `mem`, as after a restart.
fn window(path: &Path, mem: &MemStorage) -> Harness<'static, PerkinApp> {
    let store = store_at(path, now());
    let mem: &'static MemStorage = Box::leak(Box::new(mem.clone()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_eframe(move |cc| {
            cc.storage = Some(mem);
            PerkinApp::new(cc, store)
        });
    h.state_mut().set_open_files(false);
    h.run();
    h
}

/// Closes the window as eframe does: what it remembers goes into `mem`.
fn close(mut h: Harness<'static, PerkinApp>, mem: &mut MemStorage) {
    eframe::App::save(h.state_mut(), mem);
}

fn office_name_field(h: &mut Harness<'static, PerkinApp>) -> String {
    go(h, "Pengaturan");
    go(h, "Instansi");
    h.get_by_label("Nama instansi").value().unwrap_or_default()
}

#[test]
fn a_draft_stays_with_its_database_and_never_appears_on_another() {
    let (da, db) = (tmp(), tmp());
    let a = demo_db(da.path(), "Badan Kepegawaian Lembah Hijau");
    let b = demo_db(db.path(), "Badan Kepegawaian Nusa Raya");
    let mut mem = MemStorage::default();

    // On A: an unsaved office name and an agreement open in the editor.
    let mut h = window(&a, &mem);
    assert_eq!(office_name_field(&mut h), "Badan Kepegawaian Lembah Hijau");
    retype(&mut h, "Nama instansi", "Draf dari A");
    let pk_a = h.state().view().agreements[0].id;
    h.state_mut().app_mut().reopen_agreement(Some(pk_a));
    close(h, &mut mem);
    assert_eq!(
        Store::open_read_only(&a)
            .unwrap()
            .office()
            .unwrap()
            .nama_instansi,
        "Badan Kepegawaian Lembah Hijau",
        "a draft is not written"
    );

    // B with the same storage: B's own values, no draft, nothing open.
    let mut h = window(&b, &mem);
    assert_eq!(office_name_field(&mut h), "Badan Kepegawaian Nusa Raya");
    assert!(
        h.query_by_label_contains("belum disimpan").is_none(),
        "no unsaved mark on B"
    );
    assert_eq!(
        h.state().app().open_agreement(),
        None,
        "A's agreement id does not open B's"
    );
    retype(&mut h, "Nama instansi", "Draf dari B");
    close(h, &mut mem);

    // A again, moved and renamed: its draft and its agreement are back.
    let moved = da.path().join("pindah");
    std::fs::create_dir(&moved).unwrap();
    let a2 = moved.join("kantor.db");
    std::fs::rename(&a, &a2).unwrap();
    let mut h = window(&a2, &mem);
    assert_eq!(h.state().app().open_agreement(), Some(pk_a));
    assert_eq!(office_name_field(&mut h), "Draf dari A");
    close(h, &mut mem);

    // And B keeps its own.
    let mut h = window(&b, &mem);
    assert_eq!(office_name_field(&mut h), "Draf dari B");
}

#[test]
fn a_draft_over_a_record_changed_meanwhile_asks_before_it_applies() {
    let d = tmp();
    let path = demo_db(d.path(), "Badan Kepegawaian Lembah Hijau");
    let mut mem = MemStorage::default();
    let mut h = window(&path, &mem);
    assert_eq!(office_name_field(&mut h), "Badan Kepegawaian Lembah Hijau");
    retype(&mut h, "Nama instansi", "Draf saya");
    close(h, &mut mem);

    // Another route changes the office while the window is closed.
    let mut s = store_at(&path, now());
    let mut o = s.office().unwrap();
    o.nama_instansi = "Diubah lewat jalur lain".into();
    s.save_office(&o).unwrap();
    drop(s);

    // The draft is shown with the conflict, and nothing is written.
    let mut h = window(&path, &mem);
    assert_eq!(office_name_field(&mut h), "Draf saya");
    h.get_by_label_contains("Data ini telah berubah sejak isian yang belum disimpan");
    button(&mut h, "Pakai data tersimpan");
    assert_eq!(
        h.get_by_label("Nama instansi").value().as_deref(),
        Some("Diubah lewat jalur lain")
    );
    assert!(
        h.query_by_label_contains("Data ini telah berubah")
            .is_none()
    );

    // Again, and this time the draft is kept and saved over it.
    retype(&mut h, "Nama instansi", "Draf kedua");
    close(h, &mut mem);
    let mut s = store_at(&path, now());
    let mut o = s.office().unwrap();
    o.alamat = "Alamat baru".into();
    s.save_office(&o).unwrap();
    drop(s);
    let mut h = window(&path, &mem);
    assert_eq!(office_name_field(&mut h), "Draf kedua");
    button(&mut h, "Pakai isian saya");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    assert_eq!(
        h.state().store().office().unwrap().nama_instansi,
        "Draf kedua"
    );
}

#[test]
fn a_draft_over_a_deleted_unit_is_offered_as_a_new_one() {
    let d = tmp();
    let path = demo_db(d.path(), "Badan Kepegawaian Lembah Hijau");
    let mut s = store_at(&path, now());
    use perkin::model::org::{Eselon, JenisUnit, NewUnit};
    let badan = s
        .units()
        .unwrap()
        .into_iter()
        .find(|u| u.parent_id.is_none());
    let nama = "Bidang Sementara".to_string();
    let unit = s
        .add_unit(&NewUnit {
            parent_id: badan.map(|b| b.id),
            kode: "BS".into(),
            nama: nama.clone(),
            jenis: JenisUnit::Bidang,
            eselon: Eselon::III,
            urutan: 9,
        })
        .unwrap();
    drop(s);
    let mut mem = MemStorage::default();
    let mut h = window(&path, &mem);
    go(&mut h, "Pengaturan");
    go(&mut h, "Unit Kerja");
    h.get_by_label_contains(&nama).click();
    h.run();
    retype(&mut h, "Nama unit", "Bidang Baru yang Diubah");
    close(h, &mut mem);

    let mut s = store_at(&path, now());
    s.delete_unit(unit).unwrap();
    drop(s);
    let mut h = window(&path, &mem);
    go(&mut h, "Pengaturan");
    go(&mut h, "Unit Kerja");
    h.get_by_label_contains("sudah tidak ada");
    assert_eq!(
        h.get_by_label("Nama unit").value().as_deref(),
        Some("Bidang Baru yang Diubah")
    );
    button(&mut h, "Pakai isian saya sebagai data baru");
    button(&mut h, "Tambah unit");
    let units = h.state().store().units().unwrap();
    assert!(units.iter().any(|u| u.nama == "Bidang Baru yang Diubah"));
}

#[test]
fn a_restore_starts_with_the_drafts_of_the_database_then_open() {
    let (da, db) = (tmp(), tmp());
    let a = demo_db(da.path(), "Badan Kepegawaian Lembah Hijau");
    let b = demo_db(db.path(), "Badan Kepegawaian Nusa Raya");
    let b_copy = db.path().join("salinan-b.db");
    Store::open(&b).unwrap().backup_to(&b_copy).unwrap();
    let a_copy = da.path().join("salinan-a.db");
    Store::open(&a).unwrap().backup_to(&a_copy).unwrap();
    let mem = MemStorage::default();

    let mut h = window(&a, &mem);
    assert_eq!(office_name_field(&mut h), "Badan Kepegawaian Lembah Hijau");
    retype(&mut h, "Nama instansi", "Draf dari A");
    let restore = |h: &mut Harness<'static, PerkinApp>, from: &Path| {
        let stage = BackupCmd::Stage {
            path: from.to_path_buf(),
        };
        h.state_mut().send(Form::Backup, stage);
        h.run();
        button(h, "Ya, pulihkan");
    };
    // B's data in A's place: B's values, not A's draft.
    restore(&mut h, &b_copy);
    assert_eq!(office_name_field(&mut h), "Badan Kepegawaian Nusa Raya");
    assert!(h.query_by_label_contains("belum disimpan").is_none());
    // A's own copy back: A's draft is there again (its office unchanged).
    restore(&mut h, &a_copy);
    assert_eq!(office_name_field(&mut h), "Draf dari A");
    assert!(
        h.query_by_label_contains("Data ini telah berubah")
            .is_none()
    );
}

/// A draft agreement of the demo with budget lines: (agreement, version).
fn draft_with_budget(
    path: &Path,
) -> (
    perkin::model::id::AgreementId,
    perkin::model::agreement::VersionDoc,
) {
    let s = Store::open_read_only(path).unwrap();
    s.agreements(2027)
        .unwrap()
        .into_iter()
        .find_map(|a| {
            let v = s.version(a.version_id).unwrap();
            (v.status == perkin::model::agreement::Status::Draf && !v.content.budget.is_empty())
                .then_some((a.id, v))
        })
        .expect("the demo has a draft with a budget")
}

fn stored_version(
    path: &Path,
    v: perkin::model::id::VersionId,
) -> perkin::model::agreement::VersionDoc {
    Store::open_read_only(path).unwrap().version(v).unwrap()
}

#[test]
fn a_red_field_is_never_stored_survives_a_restart_in_red_and_blocks_ajukan() {
    use perkin::model::agreement::Status;
    let d = tmp();
    let path = demo_db(d.path(), "Badan Kepegawaian Lembah Hijau");
    let (pk, before) = draft_with_budget(&path);
    let audit = |p: &Path| {
        crate::common::rows_in(
            &Store::open_read_only(p).unwrap(),
            crate::common::Rows::Audit,
        )
    };
    let written = audit(&path);
    let mut mem = MemStorage::default();

    // "1" then ",5 M" typed on: the field goes red and nothing of it is
    // written, not even the "1" it began with; nor a date that is no date.
    let mut h = window(&path, &mem);
    go(&mut h, "Perjanjian Kinerja");
    h.state_mut().app_mut().reopen_agreement(Some(pk));
    h.run();
    h.get_by_label("Anggaran 1 Jumlah").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.step();
    // Keystrokes a frame apart, as a clerk types: the "1" alone reads.
    for k in ["1", ",", "5", " ", "M"] {
        h.get_by_label("Anggaran 1 Jumlah").type_text(k);
        h.step();
    }
    h.run();
    retype(&mut h, "Tanggal penandatanganan (hh-bb-tttt)", "30-02-2027");
    h.get_by_label_contains("Anggaran baris 1: Jumlah '1,5 M' bukan rupiah yang sah");
    h.get_by_label_contains("Jumlah anggaran: belum dapat dihitung");
    h.get_by_label_contains(
        "Belum disimpan: isian Tanggal penandatanganan, Anggaran baris 1 belum terbaca",
    );
    // The program dies (its last save of what it remembers included).
    close(h, &mut mem);
    assert_eq!(stored_version(&path, before.id).content, before.content);
    assert_eq!(audit(&path), written, "nothing written");

    // Reopened: both texts back as typed, in red, and "Ajukan" refused
    // with the fields named.
    let mut h = window(&path, &mem);
    assert_eq!(
        h.get_by_label("Anggaran 1 Jumlah").value().as_deref(),
        Some("1,5 M")
    );
    assert_eq!(
        h.get_by_label("Tanggal penandatanganan (hh-bb-tttt)")
            .value()
            .as_deref(),
        Some("30-02-2027")
    );
    h.get_by_label_contains("Anggaran baris 1: Jumlah '1,5 M' bukan rupiah yang sah");
    crate::ui::button(&mut h, "Ajukan");
    h.get_by_label_contains(
        "Belum dapat diajukan — perbaiki yang ditandai merah: Tanggal penandatanganan, Anggaran baris 1",
    );
    let after = stored_version(&path, before.id);
    assert_eq!(after.status, Status::Draf);
    assert_eq!(after.content, before.content);

    // Fixed: the messages go, and the amount is written as typed.
    retype(&mut h, "Anggaran 1 Jumlah", "2.500.000");
    retype(&mut h, "Tanggal penandatanganan (hh-bb-tttt)", "29-01-2027");
    assert!(h.query_by_label_contains("bukan rupiah yang sah").is_none());
    assert!(h.query_by_label_contains("Belum dapat diajukan").is_none());
    h.get_by_label_contains("Jumlah anggaran: Rp ");
    close(h, &mut mem);
    let after = stored_version(&path, before.id);
    assert_eq!(after.content.budget[0].anggaran, 2_500_000);
    assert_eq!(
        after.content.tanggal,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 29)
    );
}
