//! The window on the real App (egui_kittest, no GPU, no display), on a
//! temporary database: find widgets by their Indonesian labels, click, type,
//! and check what the user then sees and what the database then holds.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use perkin::store::Store;
use perkin::ui::PerkinApp;

use crate::common::{db_in, demo_store, local, store_at, tmp};

fn harness(store: Store) -> Harness<'static, PerkinApp> {
    // Notifications fade out over a few seconds of frames: allow the steps.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_eframe(|cc| PerkinApp::new(cc, store));
    h.run();
    h
}

/// Clicks a navigation entry or a tab (a button with that label).
fn go(h: &mut Harness<'static, PerkinApp>, panel: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, panel)
        .click();
    h.run();
}

/// Opens the list of recent notifications and finds `text` in it.
fn notified(h: &mut Harness<'static, PerkinApp>, text: &str) {
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
    h.get_by_label(text);
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
}

/// Focuses the field named `label` and types `text` into it.
fn type_into(h: &mut Harness<'static, PerkinApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Replaces the whole content of the field named `label`.
fn retype(h: &mut Harness<'static, PerkinApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn count(h: &Harness<'static, PerkinApp>, sql: &str) -> i64 {
    h.state()
        .store()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn every_panel_shows_the_demo_office() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    // Top bar: office, government, active year (the demo's Renja year).
    h.get_by_label("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
    h.get_by_label("Pemerintah Kabupaten Lembah Hijau");
    h.get_by_label("Beranda — Tahun 2027");
    h.get_by_label_contains("Batas penetapan Perjanjian Kinerja 2027: 6 Februari 2027");
    h.get_by_label("Draf: 6");
    h.get_by_label("Penyusunan PK Tahun 2027 (Penyusunan Perjanjian Kinerja)");

    go(&mut h, "Renstra");
    h.get_by_label("Renstra 2025–2029");
    h.get_by_label("Indeks Sistem Merit");
    assert!(
        h.query_all_by_label("WTP").count() >= 5,
        "text targets shown as typed"
    );
    h.get_by_label("0,74");

    go(&mut h, "Renja");
    h.get_by_label("Renja 2027");
    h.get_by_label_contains("DPA: DPA/BKPSDM/2027 · disahkan 6 Januari 2027");
    assert!(h.query_all_by_label("Rp 382.750.000").count() >= 2);
    // Totals per level: 45 + 32,5 + 250 + 120 + 382,75 million.
    assert_eq!(
        h.query_all_by_label("Rp 830.250.000").count(),
        6,
        "three levels × Renja and DPA"
    );

    go(&mut h, "Perjanjian Kinerja");
    h.get_by_label("Perjanjian Kinerja 2027");
    h.get_by_label("Bidang Mutasi dan Promosi");
    h.get_by_label("Kepala Perangkat Daerah");

    go(&mut h, "Antrian Persetujuan");
    assert!(
        h.query_all_by_label("Memeriksa dan menandatangani form Perjanjian Kinerja")
            .count()
            >= 2
    );
    assert!(
        h.query_all_by_label_contains("Lewat batas").count()
            + h.query_all_by_label_contains("Tepat waktu").count()
            >= 3
    );

    go(&mut h, "Arsip");
    h.get_by_label("Arsip 2027");

    go(&mut h, "Alur SOP");
    let ntt = crate::common::template("badan-ntt-pk");
    h.get_by_label(&ntt.langkah.last().unwrap().kegiatan);
    h.get_by_label("Keputusan: Ya → lanjut; Tolak → langkah 5");
    assert_eq!(
        h.query_all_by_label("Anggota Tim Kerja").count(),
        3,
        "steps 3, 5 and 9 are the team's"
    );
    h.get_by_label("Penyusunan Perjanjian Kinerja\n90/SOP BKPSDM/2023")
        .click();
    h.run();
    h.get_by_label("Menugaskan Staff untuk menyusun Perjanjian Kinerja");
    h.get_by_label("Keputusan: Ya → lanjut; Tolak → langkah 2");
    h.get_by_label("Sekretariat/Bidang (per unit)");
    assert_eq!(h.state().panel(), perkin::ui::Panel::AlurSop);
}

#[test]
fn switching_the_year_reloads_the_panels() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Perjanjian Kinerja");
    h.get_by_label("Perjanjian Kinerja 2027");
    h.get_by_label("Tahun aktif").click();
    h.run();
    h.get_by_label("2026").click();
    h.run();
    h.get_by_label("Perjanjian Kinerja 2026");
    h.get_by_label("Belum ada Perjanjian Kinerja untuk tahun 2026.");
}

#[test]
fn add_a_unit_then_an_official_with_a_wrong_and_a_right_nip() {
    let dir = tmp();
    let mut h = harness(store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0)));
    h.get_by_label("Nama instansi belum diisi");
    go(&mut h, "Pengaturan");
    go(&mut h, "Unit Kerja");
    h.get_by_label("Belum ada unit. Mulailah dengan Badan (unit tertinggi).");
    h.get_by_label("Nama unit").focus();
    h.run();
    h.get_by_label("Nama unit")
        .type_text("Bidang Pengembangan Kompetensi Aparatur");
    h.run();
    h.get_by_label("Tambah unit").click();
    h.run();
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM unit WHERE nama = 'Bidang Pengembangan Kompetensi Aparatur'"
        ),
        1
    );
    h.get_by_label_contains("Bidang Pengembangan Kompetensi Aparatur · Eselon III");
    notified(
        &mut h,
        "Unit Bidang Pengembangan Kompetensi Aparatur ditambahkan",
    );

    go(&mut h, "Pejabat");
    for (label, text) in [
        ("Nama", "Yusuf Hidayat"),
        ("NIP", "19700231 199603 1 007"),
        ("Jabatan", "Kepala Bidang"),
    ] {
        h.get_by_label(label).focus();
        h.run();
        h.get_by_label(label).type_text(text);
        h.run();
    }
    // The inline message names the wrong part: 31 February is no birth date.
    let msg = "NIP: tanggal lahir (angka ke-1 s.d. 8, '19700231') bukan tanggal yang sah";
    h.get_by_label(msg);
    h.get_by_label("Tambah pejabat").click();
    h.run();
    assert_eq!(
        count(&h, "SELECT count(*) FROM official"),
        0,
        "nothing wrong is stored"
    );
    assert!(
        h.query_all_by_label(msg).count() >= 1,
        "the message stays, the input is kept"
    );
    // Correct the NIP: select all and type the right one.
    retype(&mut h, "NIP", "19700909 199603 1 007");
    assert!(h.query_by_label(msg).is_none());
    h.get_by_label("Tambah pejabat").click();
    h.run();
    assert_eq!(count(&h, "SELECT count(*) FROM official"), 1);
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM official WHERE nip = '197009091996031007' AND nama = 'Yusuf Hidayat'"
        ),
        1,
        "exactly the right one"
    );
    h.get_by_label_contains("Yusuf Hidayat\nKepala Bidang · NIP 19700909 199603 1 007");
}

#[test]
fn office_settings_save_with_ctrl_s_and_refuse_an_empty_name() {
    let dir = tmp();
    let mut h = harness(store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Pengaturan");
    h.get_by_label("Nama instansi wajib diisi");
    h.get_by_label("Nama instansi").focus();
    h.run();
    h.get_by_label("Nama instansi")
        .type_text("Badan Perencanaan Pembangunan Daerah");
    h.run();
    h.get_by_label("Kota (tempat penandatanganan)").focus();
    h.run();
    h.get_by_label("Kota (tempat penandatanganan)")
        .type_text("Kupang");
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let office = h.state().store().office().unwrap();
    assert_eq!(office.nama_instansi, "Badan Perencanaan Pembangunan Daerah");
    assert_eq!(office.kota, "Kupang");
    notified(&mut h, "Data instansi disimpan");
    // The top bar follows.
    h.get_by_label("Badan Perencanaan Pembangunan Daerah");
}

#[test]
fn a_holiday_added_in_the_calendar_is_stored() {
    let dir = tmp();
    let mut h = harness(store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Pengaturan");
    go(&mut h, "Kalender Kerja");
    type_into(&mut h, "Tanggal libur", "31-02-2026");
    h.get_by_label("Tanggal '31-02-2026' tidak sah: tulis hh-bb-tttt, mis. 17-08-2026");
    h.get_by_label("Tambah hari libur").click();
    h.run();
    let before = count(&h, "SELECT count(*) FROM holiday");
    h.get_by_label("Tanggal libur").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Tanggal libur").type_text("24-11-2026");
    h.run();
    h.get_by_label("Keterangan libur").focus();
    h.run();
    h.get_by_label("Keterangan libur")
        .type_text("Hari Jadi Kabupaten");
    h.run();
    h.get_by_label("Tambah hari libur").click();
    h.run();
    assert_eq!(count(&h, "SELECT count(*) FROM holiday"), before + 1);
    assert_eq!(
        count(
            &h,
            "SELECT count(*) FROM holiday WHERE tanggal = '2026-11-24' AND jenis = 'lokal'"
        ),
        1
    );
    h.get_by_label("Selasa, 24 November 2026");
}
