//! Unsaved input belongs to its database: drafts, the year and the open
//! agreement are remembered per database identity, never shown over
//! another database's data, and a draft over a record changed meanwhile is
//! not applied silently.

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use perkin::store::Store;
use perkin::ui::PerkinApp;

use crate::common::{demo_store, local, store_at, tmp};
use crate::ui::{MemStorage, go, retype};

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
