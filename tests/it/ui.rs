//! The window shell on the real App (egui_kittest, no GPU, no display).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use perkin::ui::PerkinApp;

use crate::common::{db_in, demo_store, local, store_at, tmp};

#[test]
fn the_shell_shows_the_office_and_the_built_in_sops() {
    let dir = tmp();
    let store = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let mut harness = Harness::new_eframe(|cc| PerkinApp::new(cc, store));
    harness.set_size(egui::vec2(1280.0, 800.0));
    harness.run();
    harness.get_by_label("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
    harness.get_by_label("Pemerintah Kabupaten Lembah Hijau");
    // Both templates listed (by code); the first one's step table shown.
    let ntt = crate::common::template("badan-ntt-pk");
    harness.get_by_label(&ntt.langkah.last().unwrap().kegiatan);
    harness.get_by_label("Keputusan: Ya → lanjut; Tolak → langkah 5");
    assert_eq!(
        harness.query_all_by_label("Anggota Tim Kerja").count(),
        3,
        "steps 3, 5 and 9 are the team's"
    );
    // The running cycles with their current steps and verdicts.
    harness.get_by_label("Penyusunan PK Tahun 2027");
    assert!(harness.query_all_by_label_contains("Langkah 3 — ").count() >= 2);
    harness.get_by_label_contains("Langkah 6: Memeriksa draft Perjanjian Kinerja");

    // Selecting the other template shows its steps, fan-out marked.
    assert!(
        harness
            .query_by_label("Menugaskan Staff untuk menyusun Perjanjian Kinerja")
            .is_none()
    );
    harness
        .get_by_label("Penyusunan Perjanjian Kinerja\n90/SOP BKPSDM/2023")
        .click();
    harness.run();
    harness.get_by_label("Menugaskan Staff untuk menyusun Perjanjian Kinerja");
    harness.get_by_label("Keputusan: Ya → lanjut; Tolak → langkah 2");
    harness.get_by_label("Sekretariat/Bidang (per unit)");
}

#[test]
fn a_fresh_database_says_the_office_name_is_missing() {
    let dir = tmp();
    let store = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    let mut harness = Harness::new_eframe(|cc| PerkinApp::new(cc, store));
    harness.run();
    harness.get_by_label("Nama instansi belum diisi");
    harness.get_by_label("Belum ada siklus.");
}
