//! The window on the real App (egui_kittest, no GPU, no display), on a
//! temporary database: find widgets by their Indonesian labels, click, type,
//! and check what the user then sees and what the database then holds.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use perkin::app::{AgreementCmd, ArchiveCmd, BackupCmd, ListFormat, WorkflowCmd};
use perkin::model::agreement::Status;
use perkin::model::id::{CycleId, OfficialId, UnitId};
use perkin::model::org::StatusJabatan;
use perkin::model::plan::Target;
use perkin::store::Store;
use perkin::ui::{Form, PerkinApp};

use crate::common::{Rows, db_in, demo_store, local, rows_in, store_at, tmp};

pub(crate) fn harness(store: Store) -> Harness<'static, PerkinApp> {
    // Notifications fade out over a few seconds of frames: allow the steps.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(400)
        .build_eframe(|cc| PerkinApp::new(cc, store));
    // Written files are not opened in a viewer during the tests.
    h.state_mut().set_open_files(false);
    h.run();
    h
}

/// The whole register (every year) as the buku register PDF, or as .xlsx
/// when `path` ends in .xlsx, as the Arsip panel exports it with no filter.
pub(crate) fn export_register(h: &mut Harness<'static, PerkinApp>, path: std::path::PathBuf) {
    let view = h.state().view();
    let rows: Vec<_> = view.archive.iter().collect();
    let list = perkin::ui::panels::register_daftar(view, &rows, vec!["Semua tahun".into()]);
    let format = if path.extension().is_some_and(|e| e == "xlsx") {
        ListFormat::Xlsx
    } else {
        ListFormat::Pdf
    };
    h.state_mut().send(
        Form::ArchiveTools,
        ArchiveCmd::ExportList {
            list: Box::new(list),
            path,
            format,
        },
    );
    h.run();
}

/// Clicks a navigation entry or a tab (a button with that label).
pub(crate) fn go(h: &mut Harness<'static, PerkinApp>, panel: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, panel)
        .click();
    h.run();
}

/// Opens the list of recent notifications and finds one that contains `text`.
fn notified_containing(h: &mut Harness<'static, PerkinApp>, text: &str) {
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
    h.get_by_label_contains(text);
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
}

/// Opens the list of recent notifications and finds `text` in it.
pub(crate) fn notified(h: &mut Harness<'static, PerkinApp>, text: &str) {
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
    h.get_by_label(text);
    h.get_by_label_contains("Pemberitahuan (").click();
    h.run();
}

/// Focuses the field named `label` and types `text` into it.
pub(crate) fn type_into(h: &mut Harness<'static, PerkinApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Replaces the whole content of the field named `label`.
pub(crate) fn retype(h: &mut Harness<'static, PerkinApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

pub(crate) fn count(h: &Harness<'static, PerkinApp>, what: Rows) -> usize {
    rows_in(h.state().store(), what)
}

fn units_named(h: &Harness<'static, PerkinApp>, nama: &str) -> usize {
    let units = h.state().store().units().unwrap();
    units.iter().filter(|u| u.nama == nama).count()
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
    h.get_by_label_contains("T1.S1.I1 Indeks Sistem Merit (indeks)");
    button(&mut h, "Tabel target per tahun");
    h.get_by_label("Indeks Sistem Merit");
    assert_eq!(
        h.get_by_label("Target 2027 T1.S1.I1").value().as_deref(),
        Some("0,74")
    );
    assert_eq!(
        h.get_by_label("Target 2025 T1.S2.I2").value().as_deref(),
        Some("WTP"),
        "text targets as typed"
    );

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
    h.get_by_label("Register masih kosong. Dokumen didaftarkan setelah ditandatangani.");

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
    h.get_by_label("Belum ada Perjanjian Kinerja untuk tahun 2026. Buat dengan tombol di atas.");
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
        units_named(&h, "Bidang Pengembangan Kompetensi Aparatur"),
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
    assert_eq!(count(&h, Rows::Officials), 0, "nothing wrong is stored");
    assert!(
        h.query_all_by_label(msg).count() >= 1,
        "the message stays, the input is kept"
    );
    // Correct the NIP: select all and type the right one.
    retype(&mut h, "NIP", "19700909 199603 1 007");
    assert!(h.query_by_label(msg).is_none());
    h.get_by_label("Tambah pejabat").click();
    h.run();
    assert_eq!(count(&h, Rows::Officials), 1);
    assert_eq!(
        h.state()
            .store()
            .officials()
            .unwrap()
            .iter()
            .filter(|o| o.nip.as_deref() == Some("197009091996031007") && o.nama == "Yusuf Hidayat")
            .count(),
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
    let before = count(&h, Rows::Holidays);
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
    assert_eq!(count(&h, Rows::Holidays), before + 1);
    assert_eq!(
        h.state()
            .store()
            .calendar()
            .unwrap()
            .libur
            .get(&chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
            .map(|l| l.jenis),
        Some(perkin::model::worktime::JenisLibur::Lokal)
    );
    h.get_by_label("Selasa, 24 November 2026");
}

pub(crate) fn radio(h: &mut Harness<'static, PerkinApp>, label: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, label)
        .click();
    h.run();
}

/// Clicks the button `label`, scrolled into view first (as a user would).
pub(crate) fn button(h: &mut Harness<'static, PerkinApp>, label: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, label)
        .click();
    h.run();
}

#[test]
fn a_renstra_indicator_with_five_targets_survives_a_restart() {
    let dir = tmp();
    let path = db_in(dir.path());
    let now = local(2026, 11, 23, 10, 0);
    {
        let mut h = harness(store_at(&path, now));
        go(&mut h, "Renstra");
        h.get_by_label("Belum ada periode Renstra yang mencakup tahun 2026. Buat periodenya:");
        retype(&mut h, "Tahun awal", "2025");
        retype(&mut h, "Tahun akhir", "2029");
        type_into(&mut h, "Nama periode", "Renstra BKPSDM");
        button(&mut h, "Buat periode");
        h.get_by_label("Renstra 2025–2029");
        button(&mut h, "Tujuan baru");
        type_into(&mut h, "Kode", "T1");
        type_into(&mut h, "Uraian", "Meningkatkan akuntabilitas kinerja");
        button(&mut h, "Simpan");
        button(&mut h, "Sasaran baru");
        type_into(&mut h, "Kode", "S1");
        type_into(&mut h, "Uraian", "Meningkatnya kualitas laporan keuangan");
        button(&mut h, "Simpan");
        button(&mut h, "Indikator baru");
        type_into(&mut h, "Nama indikator", "Opini BPK");
        type_into(&mut h, "Satuan", "opini");
        // A bad number is flagged inline and nothing is stored.
        type_into(&mut h, "Target 2025", "1,2,3");
        h.get_by_label_contains("Target '1,2,3' bukan angka yang sah");
        button(&mut h, "Simpan");
        assert_eq!(count(&h, Rows::Indicators), 0);
        retype(&mut h, "Target 2025", "WTP");
        for (y, v) in [(2026, "95"), (2027, "96,5"), (2028, "97"), (2029, "98")] {
            type_into(&mut h, &format!("Target {y}"), v);
        }
        button(&mut h, "Simpan");
        assert_eq!(count(&h, Rows::Indicators), 1);
        assert_eq!(count(&h, Rows::Targets), 5);
    }
    // Reopen the app on the same database.
    let mut h = harness(store_at(&path, now));
    go(&mut h, "Renstra");
    h.get_by_label("Tujuan T1 — Meningkatkan akuntabilitas kinerja");
    h.get_by_label("    Sasaran S1 — Meningkatnya kualitas laporan keuangan");
    h.get_by_label_contains("Opini BPK (opini)").click();
    h.run();
    assert_eq!(
        h.get_by_label("Target 2025").value().as_deref(),
        Some("WTP")
    );
    assert_eq!(
        h.get_by_label("Target 2027").value().as_deref(),
        Some("96,5")
    );
    h.get_by_label("Tabel target per tahun").click();
    h.run();
    for v in ["WTP", "95", "96,5", "97", "98"] {
        assert!(h.query_all_by_value(v).count() >= 1, "{v} in the table");
    }
}

#[test]
fn program_kegiatan_sub_kegiatan_with_pagu_and_totals() {
    let dir = tmp();
    let mut h = harness(store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Renja");
    h.get_by_label("Renja 2026");
    type_into(&mut h, "Nomor DPA", "DPA/BKPSDM/2026");
    type_into(&mut h, "Tanggal pengesahan DPA", "05-01-2026");
    button(&mut h, "Simpan DPA");
    // Program.
    type_into(&mut h, "Kode (Permendagri 90/2019)", "5.3.2");
    h.get_by_label("Kode program '5.3.2' tidak sesuai pola Permendagri 90/2019 (contoh: 5.03.02)");
    retype(&mut h, "Kode (Permendagri 90/2019)", "5.03.02");
    type_into(
        &mut h,
        "Nama program/kegiatan",
        "Program Kepegawaian Daerah",
    );
    type_into(&mut h, "Pagu (Rp)", "Rp 1.250.000.000");
    button(&mut h, "Tambah item");
    assert_eq!(count(&h, Rows::RenjaItems), 1);
    // Kegiatan under it.
    button(&mut h, "Item baru");
    radio(&mut h, "Kegiatan");
    h.get_by_label("Induk").click();
    h.run();
    h.get_by_label("5.03.02 Program Kepegawaian Daerah").click();
    h.run();
    type_into(&mut h, "Kode (Permendagri 90/2019)", "5.03.02.2.02");
    type_into(
        &mut h,
        "Nama program/kegiatan",
        "Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN",
    );
    type_into(&mut h, "Pagu (Rp)", "1.250.000.000");
    button(&mut h, "Tambah item");
    // Sub kegiatan with an indicator; a negative pagu is refused first.
    button(&mut h, "Item baru");
    radio(&mut h, "Sub Kegiatan");
    h.get_by_label("Induk").click();
    h.run();
    h.get_by_label("5.03.02.2.02 Pengadaan, Pemberhentian dan Informasi Kepegawaian ASN")
        .click();
    h.run();
    type_into(&mut h, "Kode (Permendagri 90/2019)", "5.03.02.2.02.0001");
    type_into(
        &mut h,
        "Nama program/kegiatan",
        "Pengelolaan Pengadaan Pegawai ASN",
    );
    type_into(&mut h, "Pagu (Rp)", "-5");
    h.get_by_label("Pagu tidak boleh negatif");
    button(&mut h, "Tambah item");
    assert_eq!(count(&h, Rows::RenjaItems), 2);
    retype(&mut h, "Pagu (Rp)", "1250000000");
    button(&mut h, "Tambah indikator");
    type_into(&mut h, "Indikator 1.", "Jumlah dokumen pengadaan ASN");
    type_into(&mut h, "Satuan 1.", "dokumen");
    type_into(&mut h, "Target 1.", "2");
    button(&mut h, "Tambah item");
    assert_eq!(count(&h, Rows::RenjaItems), 3);
    assert_eq!(
        h.state()
            .store()
            .renja_items(2026)
            .unwrap()
            .iter()
            .filter(|i| i.level == perkin::model::plan::Tingkat::SubKegiatan)
            .map(|i| i.pagu)
            .sum::<i64>(),
        1_250_000_000
    );
    assert_eq!(
        h.state()
            .store()
            .renja_items(2026)
            .unwrap()
            .iter()
            .flat_map(|i| i.indikator.iter())
            .filter(|(nama, _, _)| nama == "Jumlah dokumen pengadaan ASN")
            .count(),
        1
    );
    // Shown as Rp 1.250.000.000 on each row and in the totals of the three
    // levels (the table scrolled back into view).
    for _ in 0..10 {
        h.get_by_label("Tambah indikator").scroll_up();
        h.run();
    }
    assert!(h.query_all_by_label("Rp 1.250.000.000").count() >= 6);
    h.get_by_label("Jumlah dokumen pengadaan ASN: 2 dokumen");
    h.get_by_label_contains("DPA: DPA/BKPSDM/2026 · disahkan 5 Januari 2026");
}

#[test]
fn the_target_table_saves_all_edits_in_one_transaction() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Renstra");
    button(&mut h, "Tabel target per tahun");
    let audit = count(&h, Rows::Audit);
    retype(&mut h, "Target 2027 T1.S1.I1", "0,75");
    retype(&mut h, "Target 2028 T1.S1.I1", "1,2,3");
    h.get_by_label_contains(
        "Target tidak sah (1 sel), mis. 2028: Target '1,2,3' bukan angka yang sah",
    );
    assert!(
        h.get_by_label("Simpan perubahan target (2)")
            .accesskit_node()
            .is_disabled()
    );
    retype(&mut h, "Target 2028 T1.S1.I1", "BB");
    button(&mut h, "Simpan perubahan target (2)");
    assert_eq!(
        count(&h, Rows::Audit),
        audit + 1,
        "one action, one transaction"
    );
    let targets = indicator(h.state().store(), "T1.S1.I1").targets;
    assert_eq!(targets[&2027], Target::Angka(0.75));
    assert_eq!(targets[&2028], Target::Teks("BB".into()));
    assert_eq!(
        h.get_by_label("Target 2027 T1.S1.I1").value().as_deref(),
        Some("0,75")
    );
}

#[test]
fn an_indicator_moves_up_among_its_siblings() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Renstra");
    h.get_by_label_contains("T1.S1.I2 Persentase ASN").click();
    h.run();
    button(&mut h, "Naik");
    let first = siblings_of(h.state().store(), "T1.S1.I2")[0].kode.clone();
    assert_eq!(first, "T1.S1.I2");
}

#[test]
fn the_logo_preview_shows_in_instansi() {
    let dir = tmp();
    let mut store = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    store.set_logo(Some(&crate::store::png_logo())).unwrap();
    let mut h = harness(store);
    go(&mut h, "Pengaturan");
    h.get_by_label("Logo kop surat");
    h.get_by_label("Pratinjau logo kop surat");
    h.get_by_label("Hapus logo").click();
    h.run();
    assert!(h.state().store().logo().unwrap().is_none());
    h.get_by_label("Belum ada logo.");
}

#[test]
fn deleting_asks_first_and_batal_keeps_the_item() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    // The form sits under the eleven demo rows: a tall window shows it whole.
    h.set_size(egui::vec2(1280.0, 1500.0));
    h.run();
    go(&mut h, "Renja");
    // A new sub kegiatan under 5.03.02.2.03, then delete it.
    radio(&mut h, "Sub Kegiatan");
    h.get_by_label("Induk").click();
    h.run();
    h.get_by_label("5.03.02.2.03 Mutasi dan Pengembangan Karir")
        .click();
    h.run();
    type_into(&mut h, "Kode (Permendagri 90/2019)", "5.03.02.2.03.0002");
    type_into(&mut h, "Nama program/kegiatan", "Penilaian Kinerja ASN");
    button(&mut h, "Tambah item");
    let items = count(&h, Rows::RenjaItems);
    button(&mut h, "Hapus item");
    h.get_by_label_contains("Hapus 5.03.02.2.03.0002 Penilaian Kinerja ASN dari Renja 2027?");
    button(&mut h, "Batal");
    assert_eq!(count(&h, Rows::RenjaItems), items, "Batal keeps it");
    button(&mut h, "Hapus item");
    button(&mut h, "Ya, hapus");
    assert_eq!(count(&h, Rows::RenjaItems), items - 1);
    h.get_by_label("Item Renja baru");
}

#[test]
fn the_holiday_list_shows_the_active_year_and_renja_shows_its_sasaran() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Pengaturan");
    go(&mut h, "Kalender Kerja");
    h.get_by_label_contains("Hari libur tahun 2027 (tahun aktif");
    h.get_by_label("Jumat, 1 Januari 2027");
    assert!(
        h.query_by_label("Kamis, 1 Januari 2026").is_none(),
        "other years are not listed"
    );
    go(&mut h, "Renja");
    h.get_by_label("Program Kepegawaian Daerah").click();
    h.run();
    h.get_by_label("Ubah item Renja");
    assert_eq!(
        h.get_by_label("Sasaran Renstra").value().as_deref(),
        Some("T1.S2 Meningkatnya akuntabilitas kinerja dan keuangan Badan")
    );
}

#[test]
fn the_target_table_with_2000_indicators_builds_only_what_is_in_view() {
    use perkin::formats::xlsx::{RenstraRow, Workbook};
    use perkin::model::plan::Target;
    let dir = tmp();
    let mut store = store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0));
    let wb = Workbook {
        renstra: (0..2000)
            .map(|k| RenstraRow {
                baris: 0,
                periode: (2025, 2029),
                kode_tujuan: format!("T{}", k / 400),
                tujuan: format!("Tujuan {}", k / 400),
                kode_sasaran: format!("S{}", k / 40),
                sasaran: format!("Sasaran {}", k / 40),
                kode_indikator: format!("I{k:04}"),
                indikator: format!("Indikator kinerja nomor {k}"),
                satuan: "%".into(),
                baseline_tahun: Some(2024),
                baseline_nilai: "50".into(),
                targets: (2025..=2029)
                    .map(|y| (y, Target::Angka((y - 2000) as f64)))
                    .collect(),
                definisi: String::new(),
                formula: String::new(),
                sumber_data: String::new(),
                naik_baik: true,
                kumulatif: false,
                penanggung_jawab: String::new(),
            })
            .collect(),
        renja: vec![],
    };
    store.import_workbook(&wb, "besar.xlsx").unwrap();
    let mut h = harness(store);
    go(&mut h, "Renstra");
    button(&mut h, "Tabel target per tahun");
    h.get_by_label("2000 indikator");
    // Frames while scrolling through the table.
    let mut times = Vec::new();
    h.event(egui::Event::PointerMoved(egui::pos2(600.0, 500.0)));
    for _ in 0..30 {
        wheel(&h, egui::MouseWheelUnit::Line, -20.0);
        let t = std::time::Instant::now();
        h.step();
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    // A table that built all 2000 rows × 8 cells would take far longer,
    // even in a debug build; only the rows in view are built.
    assert!(
        median < std::time::Duration::from_millis(60),
        "median frame {median:?}"
    );
    eprintln!("median frame with 2000 indicators: {median:?}");
}

/// One turn of the mouse wheel over where the pointer is (negative: down).
pub(crate) fn wheel(h: &Harness<'static, PerkinApp>, unit: egui::MouseWheelUnit, dy: f32) {
    h.event(egui::Event::MouseWheel {
        unit,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
}

/// eframe's storage in memory, as the real app has it on disk.
#[derive(Clone, Default)]
pub(crate) struct MemStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn unsaved_input_panel_and_year_survive_a_restart() {
    let dir = tmp();
    let path = db_in(dir.path());
    let now = local(2026, 11, 23, 10, 0);
    drop(demo_store(dir.path(), now));
    let mut mem = MemStorage::default();
    {
        let mut h = harness(store_at(&path, now));
        go(&mut h, "Renja");
        type_into(&mut h, "Kode (Permendagri 90/2019)", "5.03.02");
        type_into(
            &mut h,
            "Nama program/kegiatan",
            "Program yang belum disimpan",
        );
        go(&mut h, "Pengaturan");
        go(&mut h, "Unit Kerja");
        type_into(&mut h, "Nama unit", "Bidang yang belum disimpan");
        go(&mut h, "Renja");
        eframe::App::save(h.state_mut(), &mut mem);
    }
    let units = Store::open_read_only(&path).unwrap().units().unwrap();
    assert!(!units.iter().any(|u| u.nama.ends_with("belum disimpan")));
    let mem: &'static MemStorage = Box::leak(Box::new(mem));
    let store = store_at(&path, now);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 1500.0))
        .with_max_steps(400)
        .build_eframe(move |cc| {
            cc.storage = Some(mem);
            PerkinApp::new(cc, store)
        });
    h.run();
    assert_eq!(h.state().panel(), perkin::ui::Panel::Renja);
    assert_eq!(
        h.get_by_label("Nama program/kegiatan").value().as_deref(),
        Some("Program yang belum disimpan")
    );
    go(&mut h, "Pengaturan");
    go(&mut h, "Unit Kerja");
    assert_eq!(
        h.get_by_label("Nama unit").value().as_deref(),
        Some("Bidang yang belum disimpan")
    );
}

/// The window's start: the store is opened and the start year's view
/// loaded on a thread while the window is made, then the app is built
/// from that. A year remembered from the last run is loaded instead.
#[test]
fn the_start_prepared_on_a_thread_shows_the_remembered_year() {
    let dir = tmp();
    let path = db_in(dir.path());
    let now = local(2026, 11, 23, 10, 0);
    drop(demo_store(dir.path(), now));
    // A start as the window's: prepared on a thread, then the app, with
    // what the last run remembered.
    let open = |memory: Option<&'static MemStorage>| {
        let path = path.clone();
        let prepared = std::thread::spawn(move || perkin::ui::Prepared::new(store_at(&path, now)))
            .join()
            .expect("the start-up thread");
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .with_max_steps(400)
            .build_eframe(move |cc| {
                let storage = memory.map(|m| m as &dyn eframe::Storage);
                PerkinApp::open_prepared(&cc.egui_ctx, storage, prepared)
            });
        h.run();
        h
    };
    let mut mem = MemStorage::default();
    let start;
    {
        let mut h = open(None);
        start = h.state().year();
        assert_eq!(start, perkin::app::start_year(h.state().store(), now));
        let rows = &h.state().view().agreements;
        assert!(!rows.is_empty() && rows.iter().all(|a| a.tahun == start));
        // The user turns to the year before; it is remembered.
        h.get_by_label("Tahun aktif").click();
        h.run();
        h.get_by_label(&(start - 1).to_string()).click();
        h.run();
        assert_eq!(h.state().year(), start - 1);
        eframe::App::save(h.state_mut(), &mut mem);
    }
    let h = open(Some(Box::leak(Box::new(mem))));
    assert_eq!(h.state().year(), start - 1);
    // The view is that year's, not the prepared start year's.
    let store = h.state().store();
    let (shown, before, prepared) = (
        h.state().view().agreements.len(),
        store.agreements(start - 1).unwrap().len(),
        store.agreements(start).unwrap().len(),
    );
    assert_eq!(shown, before);
    assert_ne!(shown, prepared);
}

/// The Renstra indikator with this kode.
fn indicator(s: &Store, kode: &str) -> perkin::model::plan::IndikatorRow {
    siblings_of(s, kode)
        .into_iter()
        .find(|i| i.kode == kode)
        .unwrap()
}

/// The indicators of the sasaran that holds the indikator `kode`, in order.
fn siblings_of(s: &Store, kode: &str) -> Vec<perkin::model::plan::IndikatorRow> {
    s.renstra_periods()
        .unwrap()
        .iter()
        .flat_map(|p| s.renstra_tree(p.id).unwrap())
        .flat_map(|t| t.sasaran)
        .find(|x| x.indikator.iter().any(|i| i.kode == kode))
        .unwrap()
        .indikator
}

/// A Bidang added to the demo office (the demo's own Bidang already have
/// drafts in running cycles), with a Plt head and a Renja kegiatan for 2027.
pub(crate) fn bidang_baru(s: &mut Store) -> (UnitId, OfficialId) {
    use perkin::model::org::{Eselon, JenisUnit, NewOfficial, NewUnit, StatusJabatan};
    use perkin::model::plan::{NewRenjaIndikator, NewRenjaItem, Target, Tingkat};
    let badan = s
        .units()
        .unwrap()
        .into_iter()
        .find(|u| u.parent_id.is_none())
        .unwrap()
        .id;
    let unit = s
        .add_unit(&NewUnit {
            parent_id: Some(badan),
            kode: "BPKA".into(),
            nama: "Bidang Penilaian Kinerja Aparatur".into(),
            jenis: JenisUnit::Bidang,
            eselon: Eselon::III,
            urutan: 9,
        })
        .unwrap();
    let head = s
        .add_official(&NewOfficial {
            nama: "Rina Marlina".into(),
            gelar_depan: String::new(),
            gelar_belakang: "S.E., M.Si.".into(),
            nip: Some("198003152005012003".into()),
            pangkat: "Pembina".into(),
            jabatan: "Kepala Bidang Penilaian Kinerja Aparatur".into(),
            unit_id: Some(unit),
            status: StatusJabatan::Plt,
            mulai: None,
            selesai: None,
        })
        .unwrap();
    let program = s
        .renja_items(2027)
        .unwrap()
        .into_iter()
        .find(|i| i.level == Tingkat::Program && i.unit_id == Some(badan))
        .unwrap()
        .id;
    let kegiatan = s
        .add_renja_item(&NewRenjaItem {
            tahun: 2027,
            parent_id: Some(program),
            level: Tingkat::Kegiatan,
            kode: "5.03.02.2.05".into(),
            nama: "Penilaian Kinerja Aparatur".into(),
            unit_id: Some(unit),
            sasaran_id: None,
            pagu: 250_000_000,
            pagu_dpa: Some(245_500_000),
        })
        .unwrap();
    s.add_renja_indikator(&NewRenjaIndikator {
        item_id: kegiatan,
        nama: "Persentase ASN yang dinilai kinerjanya tepat waktu".into(),
        satuan: "%".into(),
        target: Target::Angka(90.0),
        renstra_indikator_id: None,
    })
    .unwrap();
    s.add_renja_indikator(&NewRenjaIndikator {
        item_id: kegiatan,
        nama: "Jumlah laporan evaluasi kinerja".into(),
        satuan: "laporan".into(),
        target: Target::Angka(4.0),
        renstra_indikator_id: None,
    })
    .unwrap();
    (unit, head)
}

/// Clicks an entry of an open combo box or menu (a selectable label).
pub(crate) fn pick(h: &mut Harness<'static, PerkinApp>, combo: &str, entry: &str) {
    h.get_by_label(combo).click();
    h.run();
    // The entry of the open popup, not a label with the same text elsewhere.
    let options: Vec<_> = h
        .query_all_by_label(entry)
        .filter(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .collect();
    assert_eq!(options.len(), 1, "one entry '{entry}' in '{combo}'");
    options[0].click();
    h.run();
}

/// Version `versi` of the 2027 agreement of Bidang Penilaian Kinerja
/// Aparatur, read from the file as another program would.
fn version_of(path: &std::path::Path, versi: i32) -> perkin::model::agreement::VersionDoc {
    let s = Store::open_read_only(path).unwrap();
    let a = s
        .agreements(2027)
        .unwrap()
        .into_iter()
        .find(|a| a.unit == "Bidang Penilaian Kinerja Aparatur")
        .unwrap();
    let (id, _, _) = s
        .versions(a.id)
        .unwrap()
        .into_iter()
        .find(|v| v.1 == versi)
        .unwrap();
    s.version(id).unwrap()
}

fn line_target(path: &std::path::Path, versi: i32) -> String {
    version_of(path, versi).content.lines[0].target.clone()
}

#[test]
fn an_agreement_from_the_plan_survives_a_restart_and_a_pk_perubahan_keeps_the_signed_one() {
    let dir = tmp();
    let path = db_in(dir.path());
    let now = local(2026, 11, 23, 10, 0);
    let mut s = demo_store(dir.path(), now);
    bidang_baru(&mut s);
    let kepala = s
        .officials()
        .unwrap()
        .into_iter()
        .find(|o| o.jabatan.starts_with("Kepala Badan"))
        .unwrap();
    let sekretaris = s
        .officials()
        .unwrap()
        .into_iter()
        .find(|o| o.jabatan.starts_with("Sekretaris"))
        .unwrap();
    let label = |o: &perkin::model::org::OfficialRow| {
        format!("{}{} — {}", o.status.awalan(), o.nama_lengkap(), o.jabatan)
    };
    drop(s);
    let mut mem = MemStorage::default();
    let build = |mem: Option<&'static MemStorage>| {
        let store = store_at(&path, now);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1400.0, 1300.0))
            .with_max_steps(400)
            .build_eframe(move |cc| {
                cc.storage = mem.map(|m| m as &dyn eframe::Storage);
                PerkinApp::new(cc, store)
            });
        h.run();
        h
    };
    {
        let mut h = build(None);
        go(&mut h, "Perjanjian Kinerja");
        button(&mut h, "Buat Perjanjian Kinerja");
        pick(&mut h, "Unit kerja", "   Bidang Penilaian Kinerja Aparatur");
        button(&mut h, "Buat");
        notified(&mut h, "Perjanjian Kinerja 2027 dibuat sebagai draf");
        // One click took the kegiatan's indicators and its anggaran (DPA).
        assert_eq!(
            version_of(&path, 1)
                .content
                .lines
                .iter()
                .filter(|l| matches!(
                    l.sumber,
                    Some(perkin::model::agreement::LineSource::Renja(_))
                ))
                .count(),
            2
        );
        assert_eq!(
            h.get_by_label("Baris 1 Indikator").value().as_deref(),
            Some("Persentase ASN yang dinilai kinerjanya tepat waktu")
        );
        h.get_by_label("Jumlah anggaran: Rp 245.500.000");
        // The parties proposed from the SOTK: the Plt head and the head of the agency.
        assert!(
            version_of(&path, 1)
                .content
                .pihak_pertama
                .nama
                .starts_with("Rina Marlina")
        );
        assert_eq!(
            version_of(&path, 1).content.pihak_pertama.status,
            StatusJabatan::Plt
        );
        // Set the Pihak Kedua by hand, fill the header, edit a target.
        pick(&mut h, "Pihak Kedua", &label(&sekretaris));
        pick(&mut h, "Pihak Kedua", &label(&kepala));
        type_into(&mut h, "Nomor", "800/009/BKPSDM/2027");
        type_into(&mut h, "Tanggal penandatanganan (hh-bb-tttt)", "29-01-2027");
        retype(&mut h, "Baris 1 Target", "95");
        eframe::App::save(h.state_mut(), &mut mem);
    }
    assert_eq!(line_target(&path, 1), "95");
    assert_eq!(
        version_of(&path, 1).content.pihak_kedua.nama,
        kepala.nama_lengkap()
    );
    assert_eq!(
        version_of(&path, 1).content.tanggal,
        chrono::NaiveDate::from_ymd_opt(2027, 1, 29)
    );

    // Reopen: the editor is back on the agreement with everything there.
    let mem: &'static MemStorage = Box::leak(Box::new(mem));
    let mut h = build(Some(mem));
    assert_eq!(h.state().panel(), perkin::ui::Panel::Perjanjian);
    assert_eq!(
        h.get_by_label("Baris 1 Target").value().as_deref(),
        Some("95")
    );
    assert_eq!(
        h.get_by_label("Nomor").value().as_deref(),
        Some("800/009/BKPSDM/2027")
    );
    h.get_by_label_contains("NIP 19800315 200501 2 003");

    // Submit, sign, and make a PK Perubahan.
    button(&mut h, "Ajukan");
    assert_eq!(version_of(&path, 1).status, Status::Diajukan);
    button(&mut h, "Tandai sudah ditandatangani");
    // Signed ahead of the document's date: the question says so.
    h.get_by_label_contains(
        "Tanggal dokumen 29 Januari 2027 belum tiba (hari ini 23 November 2026)",
    );
    button(&mut h, "Ya, sudah ditandatangani");
    assert_eq!(version_of(&path, 1).status, Status::Ditandatangani);
    button(&mut h, "Buat Perubahan");
    radio(&mut h, "Program atau anggaran berubah");
    type_into(
        &mut h,
        "Uraian alasan (wajib)",
        "Target dinaikkan sesuai DPPA",
    );
    button(&mut h, "Buat versi perubahan");
    notified(
        &mut h,
        "PK Perubahan dibuat sebagai draf; versi sebelumnya tetap tersimpan",
    );
    assert_eq!(version_of(&path, 2).status, Status::Draf);
    retype(&mut h, "Baris 1 Target", "97");
    eframe::App::save(h.state_mut(), &mut MemStorage::default());
    assert_eq!(line_target(&path, 2), "97");
    // The signed version is unchanged, and the database refuses to change it.
    assert_eq!(line_target(&path, 1), "95");
    assert_eq!(version_of(&path, 1).status, Status::Ditandatangani);
    // The comparison names the changed target.
    button(&mut h, "Bandingkan versi");
    h.get_by_label_contains("— Target");
    h.get_by_label("97");
    // An edit made while the comparison is open shows in it at once.
    retype(&mut h, "Baris 1 Target", "98");
    h.get_by_label("98");
    assert!(h.query_by_label("97").is_none());
}

#[test]
fn exporting_a_pdf_runs_off_the_ui_thread_and_reports_the_file() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    let v = h.state().store().agreements(2027).unwrap()[0].version_id;
    let path = dir.path().join("pk.pdf");
    h.state_mut().send(
        Form::Agreement,
        AgreementCmd::ExportPdf {
            version: v,
            path: path.clone(),
            kertas: perkin::pdf::Kertas::F4,
        },
    );
    h.step();
    assert!(h.state().busy());
    for _ in 0..400 {
        if !h.state().busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
        h.step();
    }
    assert!(!h.state().busy(), "the export ended");
    h.run();
    notified(&mut h, &format!("PDF disimpan di {}", path.display()));
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // No temporary file is left beside it.
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e
                .as_ref()
                .unwrap()
                .path()
                .to_string_lossy()
                .contains("sementara"))
            .count(),
        0
    );
}

/// Acts on the task of `kegiatan` in the cycle `siklus` through the queue:
/// ticks every kelengkapan, picks the performer, presses `button`.
fn act_on(
    h: &mut Harness<'static, PerkinApp>,
    siklus: &str,
    kegiatan: &str,
    nth: usize,
    performer: &str,
    button_label: &str,
) {
    // The queue is filtered to the cycle by the caller (the filter stays).
    go(h, "Antrian Persetujuan");
    let tasks: Vec<_> = h
        .query_all_by_role_and_label(egui::accesskit::Role::Button, kegiatan)
        .collect();
    assert!(tasks.len() > nth, "task '{kegiatan}' #{nth} in the queue");
    tasks[nth].click();
    h.run();
    let kelengkapan: Vec<String> = {
        let store = h.state().store();
        let c = store
            .cycles()
            .unwrap()
            .into_iter()
            .find(|c| c.nama == siklus)
            .unwrap();
        let t = store.load_cycle(c.id).unwrap().template;
        t.langkah
            .iter()
            .find(|l| l.kegiatan == kegiatan)
            .unwrap()
            .kelengkapan
            .clone()
    };
    for b in kelengkapan {
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, &b)
            .click();
        h.run();
    }
    pick(h, "Dilakukan oleh", performer);
    let before = open_tasks_of(h, siklus);
    button(h, button_label);
    if button_label == "Tolak" {
        // The confirmation comes first; the caller finishes the Tolak.
        return;
    }
    // After the action the queue shows exactly the cycle's open tasks, and
    // the history has grown by what opened.
    let after = open_tasks_of(h, siklus);
    assert_ne!(
        before, after,
        "the queue changed after {button_label} on '{kegiatan}'"
    );
    go(h, "Antrian Persetujuan");
    for k in &after {
        assert!(
            h.query_all_by_role_and_label(egui::accesskit::Role::Button, k)
                .count()
                >= 1,
            "'{k}' in the queue after {button_label} on '{kegiatan}'"
        );
    }
    let c = h
        .state()
        .view()
        .cycles
        .iter()
        .find(|c| c.nama == siklus)
        .unwrap()
        .clone();
    let stored = h.state().store().load_cycle(c.id).unwrap();
    assert_eq!(c.history.len(), stored.visits.len());
}

/// The kegiatan of the open tasks of a cycle, as the view holds them.
fn open_tasks_of(h: &Harness<'static, PerkinApp>, siklus: &str) -> Vec<String> {
    let mut v: Vec<String> = h
        .state()
        .view()
        .tasks
        .iter()
        .filter(|t| t.cycle == siklus)
        .map(|t| t.kegiatan.clone())
        .collect();
    v.sort();
    v
}

/// Finished visits of step `no` in the demo's own cycles on seed 002.
fn demo_visits_of(h: &Harness<'static, PerkinApp>, no: &str) -> usize {
    let s = h.state().store();
    s.cycles()
        .unwrap()
        .iter()
        .filter(|c| c.template_kode == "bkpsdm-90-2023" && c.nama != "Uji Antrian 2027")
        .map(|c| {
            let cycle = s.load_cycle(c.id).unwrap();
            cycle
                .visits
                .iter()
                .filter(|v| cycle.template.langkah[v.step].no == no && v.finished_at.is_some())
                .count()
        })
        .sum()
}

fn visits(
    h: &Harness<'static, PerkinApp>,
    cycle: CycleId,
) -> Vec<(String, Option<String>, String)> {
    let c = h.state().store().load_cycle(cycle).unwrap();
    let mut visits: Vec<_> = c.visits.iter().collect();
    visits.sort_by_key(|v| v.seq);
    visits
        .into_iter()
        .map(|v| {
            (
                c.template.langkah[v.step].no.clone(),
                v.outcome.map(|o| o.kode().to_string()),
                v.reason.clone(),
            )
        })
        .collect()
}

#[test]
fn a_cycle_on_seed_002_walks_through_the_queue_with_tolak_at_steps_6_and_7() {
    use perkin::model::worktime::{Vonis, vonis};
    let dir = tmp();
    // Monday 23 November 2026, 08:00 WIB.
    let start = local(2026, 11, 23, 8, 0);
    let s = demo_store(dir.path(), start);
    let official = |s: &Store, jabatan: &str| {
        let o = s
            .officials()
            .unwrap()
            .into_iter()
            .find(|o| o.jabatan.starts_with(jabatan))
            .unwrap();
        format!("{}{} — {}", o.status.awalan(), o.nama_lengkap(), o.jabatan)
    };
    let kasubag = official(&s, "Kepala Subbagian Perencanaan");
    let sekretaris = official(&s, "Sekretaris");
    let kepala = official(&s, "Kepala Badan");
    let staf = kasubag.clone();
    let mut h = harness(s);
    let at = |h: &mut Harness<'static, PerkinApp>, t| {
        h.state_mut().app_mut().store_mut().set_clock(move || t);
    };

    // Start the cycle from the queue: template, name, two units.
    go(&mut h, "Antrian Persetujuan");
    button(&mut h, "Mulai siklus baru");
    pick(
        &mut h,
        "Templat SOP",
        "Penyusunan Perjanjian Kinerja (bkpsdm-90-2023)",
    );
    retype(&mut h, "Nama siklus", "Uji Antrian 2027");
    for unit in ["Sekretariat — ", "Bidang Mutasi dan Promosi — "] {
        let label = h
            .query_all_by_role(egui::accesskit::Role::CheckBox)
            .filter_map(|n| n.accesskit_node().label())
            .find(|l| l.starts_with(unit))
            .unwrap();
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, &label)
            .click();
        h.run();
    }
    button(&mut h, "Mulai siklus");
    notified(&mut h, "Siklus Uji Antrian 2027 dimulai");
    let store = h.state().store();
    let cycle = store
        .cycles()
        .unwrap()
        .into_iter()
        .find(|c| c.nama == "Uji Antrian 2027")
        .unwrap()
        .id;
    let carried = store.cycle_units(cycle).unwrap();
    assert_eq!(carried.iter().filter(|(_, v)| v.is_some()).count(), 2);
    let steps = |h: &Harness<'static, PerkinApp>| -> Vec<String> {
        visits(h, cycle).into_iter().map(|v| v.0).collect()
    };
    pick(&mut h, "Siklus", "Uji Antrian 2027");
    // Step 1 (5 menit) done after 4 minutes: on time.
    at(&mut h, local(2026, 11, 23, 8, 4));
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Menugaskan Staff untuk menyusun Perjanjian Kinerja",
        0,
        &kasubag,
        "Selesai",
    );
    notified(
        &mut h,
        "Langkah 1 selesai; sekarang: langkah 2 (Membuat format Perjanjian Kinerja dari masing-masing Bidang dan Sekretariat serta menyampaikannya)",
    );
    assert_eq!(steps(&h), ["1", "2"]);
    // Step 2 (1 hari) done two working days later: late.
    at(&mut h, local(2026, 11, 25, 9, 0));
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Membuat format Perjanjian Kinerja dari masing-masing Bidang dan Sekretariat serta menyampaikannya",
        0,
        &staf,
        "Selesai",
    );
    // Step 3 fans out: one task per unit, both in the queue.
    go(&mut h, "Antrian Persetujuan");
    assert_eq!(
        h.query_all_by_role_and_label(
            egui::accesskit::Role::Button,
            "Memeriksa dan menandatangani form Perjanjian Kinerja"
        )
        .count(),
        2
    );
    let c = h.state().store().load_cycle(cycle).unwrap();
    let kal = h.state().store().calendar().unwrap();
    let v2 = &c.visits[1];
    assert!(matches!(
        vonis(
            &kal,
            v2.started_at,
            v2.standard_minutes,
            v2.finished_at,
            local(2026, 11, 25, 9, 0)
        ),
        Vonis::Terlambat { .. }
    ));
    let v1 = &c.visits[0];
    assert!(matches!(
        vonis(
            &kal,
            v1.started_at,
            v1.standard_minutes,
            v1.finished_at,
            local(2026, 11, 25, 9, 0)
        ),
        Vonis::TepatWaktu { .. }
    ));
    at(&mut h, local(2026, 11, 25, 9, 5));
    for _ in 0..2 {
        act_on(
            &mut h,
            "Uji Antrian 2027",
            "Memeriksa dan menandatangani form Perjanjian Kinerja",
            0,
            &kasubag,
            "Setujui",
        );
    }
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Menghimpun dan memeriksa form Perjanjian Kinerja dari masing-masing Bidang dan Sekretariat",
        0,
        &staf,
        "Selesai",
    );
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Membuat draft laporan/dokumen Perjanjian Kinerja",
        0,
        &staf,
        "Selesai",
    );
    // Step 6: Tolak needs a reason, says where it returns, then reopens step 5.
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Memverifikasi dan memvalidasi draft laporan/dokumen Perjanjian Kinerja",
        0,
        &kasubag,
        "Tolak",
    );
    h.get_by_label("Tolak memerlukan alasan");
    type_into(
        &mut h,
        "Alasan penolakan",
        "Target IKU belum sesuai Renstra",
    );
    // The message goes once its cause is fixed.
    assert!(h.query_by_label("Tolak memerlukan alasan").is_none());
    button(&mut h, "Tolak");
    h.get_by_label_contains(
        "kembalikan ke Langkah 5 — Membuat draft laporan/dokumen Perjanjian Kinerja",
    );
    button(&mut h, "Ya, tolak");
    notified(
        &mut h,
        "Langkah 6 ditolak; sekarang: langkah 5 (Membuat draft laporan/dokumen Perjanjian Kinerja)",
    );
    let v = visits(&h, cycle);
    let last = &v[v.len() - 2];
    assert_eq!(
        (last.0.as_str(), last.1.as_deref(), last.2.as_str()),
        ("6", Some("tolak"), "Target IKU belum sesuai Renstra")
    );
    assert_eq!(v.last().unwrap().0, "5");
    // The flowchart's states: step 1 on time, step 2 late, step 5 current
    // again, step 7 not reached.
    {
        use perkin::ui::flow::StepState;
        let c = h
            .state()
            .view()
            .cycles
            .iter()
            .find(|c| c.id == cycle)
            .unwrap();
        assert!(
            matches!(c.states[0], StepState::Done { late: false, .. }),
            "{:?}",
            c.states[0]
        );
        assert!(
            matches!(c.states[1], StepState::Done { late: true, .. }),
            "{:?}",
            c.states[1]
        );
        assert!(
            matches!(c.states[4], StepState::Current { .. }),
            "{:?}",
            c.states[4]
        );
        assert!(
            matches!(c.states[6], StepState::Future),
            "{:?}",
            c.states[6]
        );
        assert_eq!(c.step_visits[5].len(), 1);
    }
    // Through to the end.
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Membuat draft laporan/dokumen Perjanjian Kinerja",
        0,
        &staf,
        "Selesai",
    );
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Memverifikasi dan memvalidasi draft laporan/dokumen Perjanjian Kinerja",
        0,
        &kasubag,
        "Setujui",
    );
    // The Sekretaris Badan's check (step 7) rejects too: back to step 6.
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Memvalidasi laporan/dokumen Perjanjian Kinerja",
        0,
        &sekretaris,
        "Tolak",
    );
    type_into(&mut h, "Alasan penolakan", "Paraf belum lengkap");
    button(&mut h, "Tolak");
    h.get_by_label_contains("kembalikan ke Langkah 6 — Memverifikasi");
    button(&mut h, "Ya, tolak");
    notified(
        &mut h,
        "Langkah 7 ditolak; sekarang: langkah 6 (Memverifikasi dan memvalidasi draft laporan/dokumen Perjanjian Kinerja)",
    );
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Memverifikasi dan memvalidasi draft laporan/dokumen Perjanjian Kinerja",
        0,
        &kasubag,
        "Setujui",
    );
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Memvalidasi laporan/dokumen Perjanjian Kinerja",
        0,
        &sekretaris,
        "Setujui",
    );
    act_on(
        &mut h,
        "Uji Antrian 2027",
        "Menandatangani laporan/dokumen Perjanjian Kinerja",
        0,
        &kepala,
        "Selesai",
    );
    let rest: Vec<String> = {
        let c = h.state().store().load_cycle(cycle).unwrap();
        c.template
            .langkah
            .iter()
            .skip(8)
            .map(|l| l.kegiatan.clone())
            .collect()
    };
    for k in rest {
        act_on(&mut h, "Uji Antrian 2027", &k, 0, &staf, "Selesai");
    }
    assert!(
        h.state()
            .store()
            .load_cycle(cycle)
            .unwrap()
            .finished_at
            .is_some()
    );
    let mut expected: Vec<String> = [
        "1", "2", "3", "3", "4", "5", "6", "5", "6", "7", "6", "7", "8",
    ]
    .map(String::from)
    .to_vec();
    let tail: Vec<String> = {
        let c = h.state().store().load_cycle(cycle).unwrap();
        c.template
            .langkah
            .iter()
            .skip(8)
            .map(|l| l.no.clone())
            .collect()
    };
    expected.extend(tail);
    assert_eq!(steps(&h), expected);
    // Beranda: where the SOP loses time. Step 2 of this cycle was late.
    go(&mut h, "Beranda");
    h.get_by_label("Ketepatan waktu per langkah SOP (semua siklus)");
    let t = h.state().view().timeliness.clone();
    let step = |no: &str| {
        t.iter()
            .find(|s| s.template == "bkpsdm-90-2023" && s.step_no == no)
            .unwrap()
            .clone()
    };
    assert!(step("2").late >= 1, "{:?}", step("2"));
    assert!(step("2").avg_late_minutes > 0);
    assert_eq!(
        step("6").visits as usize,
        3 + demo_visits_of(&h, "6"),
        "all three visits of step 6 of this cycle count"
    );
    h.get_by_label_contains("bkpsdm-90-2023 · 2 — Membuat format");

    // The history of the cycle: every visit with its verdict and the Tolak's reason.
    go(&mut h, "Alur SOP");
    h.get_by_label("Uji Antrian 2027").click();
    h.run();
    button(&mut h, "Riwayat");
    h.get_by_label("alasan tolak: Target IKU belum sesuai Renstra");
    assert!(h.query_all_by_label_contains("Terlambat").count() >= 1);
    let rows = h
        .state()
        .view()
        .cycles
        .iter()
        .find(|c| c.id == cycle)
        .unwrap()
        .history
        .clone();
    assert_eq!(rows.len(), expected.len());
    assert!(
        rows[1].visit.late && rows[1].visit.vonis.starts_with("Terlambat"),
        "{:?}",
        rows[1]
    );
    assert!(
        !rows[0].visit.late && rows[0].visit.vonis == "Tepat waktu",
        "{:?}",
        rows[0]
    );
    assert_eq!(rows[6].visit.hasil, "Tolak");
    // … and as PDF.
    let pdf = dir.path().join("riwayat.pdf");
    h.state_mut().send(
        Form::Sop,
        WorkflowCmd::ExportHistoryPdf {
            cycle,
            path: pdf.clone(),
        },
    );
    h.run();
    wait_jobs(&mut h);
    let o = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("RIWAYAT SIKLUS UJI ANTRIAN 2027"), "{text}");
    // The first header is whole (it once broke into "Lan / gka / h").
    assert!(text.split(' ').any(|w| w == "Langkah"), "{text}");
    assert!(text.contains("Target IKU belum sesuai Renstra"), "{text}");
    assert!(text.contains("Terlambat"), "{text}");
}

#[test]
fn the_first_start_of_the_day_makes_a_backup() {
    let dir = tmp();
    let now = local(2026, 11, 23, 10, 0);
    drop(demo_store(dir.path(), now));
    let mut h = harness(store_at(&db_in(dir.path()), now));
    let copy = dir.path().join("cadangan").join("perkin-2026-11-23.db");
    assert!(copy.exists());
    notified(
        &mut h,
        &format!("Cadangan harian dibuat: {}", copy.display()),
    );
    drop(h);
    // The second start that day adds nothing.
    let h = harness(store_at(&db_in(dir.path()), now));
    assert_eq!(
        std::fs::read_dir(dir.path().join("cadangan"))
            .unwrap()
            .count(),
        1
    );
    drop(h);
}

/// Waits for the background PDF/workbook job, then draws.
pub(crate) fn wait_jobs(h: &mut Harness<'static, PerkinApp>) {
    for _ in 0..400 {
        if !h.state().busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
        h.step();
    }
    assert!(!h.state().busy(), "the job ended");
    h.run();
}

#[test]
fn a_signed_agreement_is_registered_with_its_scan_and_periksa_berkas_flags_a_changed_byte() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let signed = crate::archive::sign_demo(&mut s, 2);
    let units: Vec<String> = s
        .agreements(2027)
        .unwrap()
        .into_iter()
        .skip(1)
        .take(2)
        .map(|a| a.unit)
        .collect();
    let mut h = harness(s);
    h.state_mut().set_open_files(false);
    h.get_by_label_contains("Pengingat: 2 Perjanjian Kinerja sudah ditandatangani");

    go(&mut h, "Arsip");
    h.get_by_label("Sudah ditandatangani, belum terdaftar di arsip (2)");
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Daftarkan")
        .next()
        .unwrap()
        .click();
    h.run();
    let judul = format!("{} — versi 1 (2027)", units[0]);
    assert_eq!(
        h.query_all_by_label(&judul).count(),
        2,
        "in the list and the form"
    );
    assert_eq!(
        h.get_by_label("Nomor agenda").value().as_deref(),
        Some("001")
    );
    assert_eq!(
        h.get_by_label("Jumlah rangkap").value().as_deref(),
        Some("3")
    );
    type_into(&mut h, "Lemari", "2");
    type_into(&mut h, "Rak", "B");
    type_into(&mut h, "Boks", "7");
    type_into(&mut h, "Diserahkan kepada", "Biro Organisasi Setda");
    let fixture = crate::archive::scan_fixture();
    type_into(
        &mut h,
        "Berkas pindaian (PDF/JPG/PNG)",
        fixture.to_str().unwrap(),
    );
    button(&mut h, "Simpan");
    notified(
        &mut h,
        "Terdaftar di arsip dengan nomor agenda 001; pindaian dilampirkan",
    );
    assert_eq!(count(&h, Rows::ArchiveEntries), 1);

    // The register lists it, with its place and its scan.
    h.get_by_label(&format!("{} (2027)", units[0]));
    h.get_by_label("Lemari 2, Rak B, Boks 7");
    h.get_by_label("Buka (618 bita)");
    h.get_by_label("Sudah ditandatangani, belum terdaftar di arsip (1)");

    // The second one with the same agenda number: refused in the form.
    button(&mut h, "Daftarkan");
    assert_eq!(
        h.get_by_label("Nomor agenda").value().as_deref(),
        Some("002")
    );
    retype(&mut h, "Nomor agenda", "001");
    button(&mut h, "Simpan");
    h.get_by_label_contains("Nomor agenda 001 sudah dipakai pada register arsip 2027");
    assert_eq!(count(&h, Rows::ArchiveEntries), 1);
    retype(&mut h, "Nomor agenda", "002");
    button(&mut h, "Simpan");
    assert_eq!(count(&h, Rows::ArchiveEntries), 2);
    assert!(
        h.query_by_label_contains("belum terdaftar di arsip")
            .is_none()
    );

    // "Periksa berkas": all intact, then one byte of the stored scan changed.
    button(&mut h, "Periksa berkas");
    h.get_by_label_contains("1 pindaian utuh");
    let entry = h.state().store().archive_entries(None).unwrap()[0].clone();
    let stored = h.state().store().scan_path(entry.scan.as_ref().unwrap());
    let mut bytes = std::fs::read(&stored).unwrap();
    bytes[100] ^= 0x20;
    std::fs::write(&stored, bytes).unwrap();
    button(&mut h, "Periksa berkas");
    h.get_by_label("BERUBAH");
    h.get_by_label_contains(
        "— BERUBAH: isi berkas tidak sesuai hash tercatat; lampirkan lagi pindaian dokumen yang ditandatangani (Ubah → Ganti pindaian)",
    );
    notified(
        &mut h,
        "Periksa berkas: 1 dari 1 pindaian hilang atau berubah",
    );

    // Attaching the scan again through Ubah settles the finding.
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Ubah")
        .next()
        .unwrap()
        .click();
    h.run();
    type_into(
        &mut h,
        "Ganti pindaian (PDF/JPG/PNG)",
        fixture.to_str().unwrap(),
    );
    button(&mut h, "Simpan");
    assert!(h.query_by_label("BERUBAH").is_none());
    h.get_by_label_contains(": 1 pindaian utuh");
    assert_eq!(
        h.state().store().version(signed[0]).unwrap().status,
        Status::Diarsipkan
    );
}

#[test]
fn a_signed_version_prints_without_draf_and_every_print_is_recorded() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let v = crate::archive::sign_demo(&mut s, 1)[0];
    let unit = s.version(v).unwrap().unit;
    let mut h = harness(s);
    h.state_mut().set_open_files(false);
    go(&mut h, "Perjanjian Kinerja");
    h.get_by_label(&unit).click();
    h.run();
    button(&mut h, "Cetak salinan…");
    assert_eq!(
        h.get_by_label("Jumlah rangkap").value().as_deref(),
        Some("3")
    );
    retype(&mut h, "Jumlah rangkap", "0");
    button(&mut h, "Cetak");
    h.get_by_label("Jumlah rangkap harus angka 1 sampai 99, mis. 2");
    retype(&mut h, "Jumlah rangkap", "4");
    button(&mut h, "Cetak");
    wait_jobs(&mut h);
    let printed = dir
        .path()
        .join("cetak")
        .join(perkin::pdf::agreement_file_name(2027, &unit, 1).replace(".pdf", "-salinan.pdf"));
    notified(&mut h, &format!("PDF disimpan di {}", printed.display()));
    let p = h.state().store().prints(v).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].rangkap, p[0].tujuan),
        (4, perkin::model::agreement::PrintPurpose::Salinan)
    );
    h.get_by_label_contains("Dicetak 1 kali (4 rangkap)");
    let text = crate::pdf::text(&printed, None);
    assert!(text.contains("PERJANJIAN KINERJA"), "{text}");
    assert!(!text.contains("DRAF"), "{text}");
}

#[test]
fn backup_now_then_restore_from_pengaturan_returns_the_earlier_data() {
    let dir = tmp();
    let s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let mut h = harness(s);
    h.state_mut().set_open_files(false);
    let zip = dir.path().join("cadangan-uji.zip");
    h.state_mut()
        .send(Form::Backup, BackupCmd::Now { path: zip.clone() });
    h.run();
    wait_jobs(&mut h);
    assert!(zip.exists());
    notified_containing(
        &mut h,
        &format!("Cadangan lengkap disimpan di {}", zip.display()),
    );
    let units_before = count(&h, Rows::Units);
    let (_, _) = bidang_baru(h.state_mut().app_mut().store_mut());
    h.run();
    assert_eq!(count(&h, Rows::Units), units_before + 1);

    go(&mut h, "Pengaturan");
    go(&mut h, "Cadangan");
    h.get_by_label("Cadangan dan pemulihan");
    h.get_by_label("perkin-2026-11-23.db");
    // "Buka folder data" names the folder of the database (opening it in
    // the file manager is turned off in the tests).
    button(&mut h, "Buka folder data");
    let folder = dir.path().canonicalize().unwrap();
    notified(&mut h, &format!("Folder data: {}", folder.display()));
    // Garbage: refused with the reason, nothing asked, nothing changed.
    let junk = dir.path().join("bukan-cadangan.zip");
    std::fs::write(&junk, "ini bukan cadangan").unwrap();
    h.state_mut()
        .send(Form::Backup, BackupCmd::Stage { path: junk.clone() });
    h.run();
    h.get_by_label_contains("bukan cadangan perkin");
    assert!(h.query_by_label("Ya, pulihkan").is_none());
    assert_eq!(count(&h, Rows::Units), units_before + 1);

    h.state_mut()
        .send(Form::Backup, BackupCmd::Stage { path: zip.clone() });
    h.run();
    h.get_by_label("Pulihkan data dari cadangan?");
    h.get_by_label_contains("Isinya: ");
    button(&mut h, "Ya, pulihkan");
    notified_containing(&mut h, &format!("Data dipulihkan dari {}", zip.display()));
    assert_eq!(count(&h, Rows::Units), units_before);
    assert!(h.query_by_label("Pulihkan data dari cadangan?").is_none());
    assert!(h.state().store().check().unwrap().is_empty());
}

#[test]
fn the_register_as_pdf_and_xlsx_holds_every_entry() {
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let signed = crate::archive::sign_demo(&mut s, 5);
    assert_eq!(signed.len(), 5);
    for (i, v) in signed.iter().enumerate() {
        let mut e = crate::archive::entry(*v, &format!("{:03}/ARS/2027", i + 1));
        e.lemari = format!("L{}", i + 1);
        // Long notes push the register over several pages.
        e.keterangan = format!("Catatan entri {} ", i + 1).repeat(12);
        let id = s.register_archive(&e).unwrap();
        if i % 2 == 0 {
            s.attach_scan(id, &crate::archive::scan_copy(dir.path(), i))
                .unwrap();
        }
    }
    let entries = s.archive_entries(None).unwrap();
    let mut h = harness(s);
    let pdf = dir.path().join("register.pdf");
    export_register(&mut h, pdf.clone());
    wait_jobs(&mut h);
    let xlsx = dir.path().join("register.xlsx");
    export_register(&mut h, xlsx.clone());
    wait_jobs(&mut h);

    let text = crate::pdf::text(&pdf, None);
    if let Ok(keep) = std::env::var("PERKIN_KEEP_PDF") {
        std::fs::copy(&pdf, keep).unwrap();
    }
    // Whitespace-normalised; a number broken after a "/" joins up again.
    let flat = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("/ ", "/");
    assert!(
        flat.contains("BUKU REGISTER ARSIP PERJANJIAN KINERJA"),
        "{text}"
    );
    assert!(flat.contains("5 entri"), "{text}");
    let words = |s: &str| s.split_whitespace().all(|w| flat.contains(w));
    for e in &entries {
        assert!(
            flat.contains(&e.entry.nomor_agenda),
            "{} in {text}",
            e.entry.nomor_agenda
        );
        assert!(words(&e.unit), "{} in {text}", e.unit);
        assert!(flat.contains(&e.entry.lemari), "{}", e.entry.lemari);
        assert!(flat.contains(&format!("Catatan entri {}", &e.entry.lemari[1..])));
        if let Some(scan) = &e.scan {
            // The hash may be broken over lines: its first 16 digits stay together.
            assert!(
                text.contains(&scan.sha256[..16]),
                "{} in {text}",
                scan.sha256
            );
        }
    }

    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    for e in &entries {
        let row = rows
            .iter()
            .find(|r| r.first() == Some(&e.entry.nomor_agenda))
            .unwrap_or_else(|| panic!("{} in {rows:?}", e.entry.nomor_agenda));
        assert!(row.contains(&e.unit));
        assert!(row.contains(&e.lokasi()));
        if let Some(scan) = &e.scan {
            assert!(row.iter().any(|c| c.contains(&scan.sha256)));
        }
    }
}

/// A holiday on a date that already has one replaces it only after the
/// user says so; "Batal" keeps the one there.
#[test]
fn a_holiday_on_a_listed_date_replaces_it_only_after_asking() {
    let dir = tmp();
    let mut h = harness(store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0)));
    let natal = chrono::NaiveDate::from_ymd_opt(2026, 12, 25).unwrap();
    let name_on = |h: &Harness<'static, PerkinApp>| {
        h.state()
            .store()
            .calendar()
            .unwrap()
            .libur
            .get(&natal)
            .map(|l| l.nama.clone())
    };
    let before = name_on(&h).expect("a national holiday on 25 December");
    go(&mut h, "Pengaturan");
    go(&mut h, "Kalender Kerja");
    type_into(&mut h, "Tanggal libur", "25-12-2026");
    type_into(&mut h, "Keterangan libur", "Rapat kerja lokal");
    button(&mut h, "Tambah hari libur");
    h.get_by_label_contains(&format!("sudah tercatat sebagai hari libur \"{before}\""));
    button(&mut h, "Batal");
    assert_eq!(name_on(&h).as_deref(), Some(before.as_str()));
    button(&mut h, "Tambah hari libur");
    button(&mut h, "Ya, ganti");
    assert_eq!(name_on(&h).as_deref(), Some("Rapat kerja lokal"));
}

#[test]
fn an_indicator_marked_cumulative_warns_when_its_quarters_miss_the_year() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Renstra");
    h.get_by_label_contains("T1.S1.I1 Indeks Sistem Merit (indeks)")
        .click();
    h.run();
    h.get_by_label_contains("Kumulatif (TW I–IV dijumlahkan")
        .click();
    h.run();
    button(&mut h, "Simpan");
    assert!(indicator(h.state().store(), "T1.S1.I1").kumulatif);

    // A draft whose first line comes from that indicator (target 0,74).
    let s = h.state().store();
    let pk = s
        .agreements(2027)
        .unwrap()
        .into_iter()
        .find(|a| {
            let v = s.version(a.version_id).unwrap();
            v.status == Status::Draf && v.content.lines[0].indikator == "Indeks Sistem Merit"
        })
        .unwrap()
        .id;
    go(&mut h, "Perjanjian Kinerja");
    h.state_mut().app_mut().reopen_agreement(Some(pk));
    h.run();
    h.get_by_label("Target per triwulan (TW I–IV)").click();
    h.run();
    for (tw, v) in ["TW I", "TW II", "TW III", "TW IV"]
        .iter()
        .zip(["0,2", "0,2", "0,2", "0,1"])
    {
        type_into(&mut h, &format!("Baris 1 {tw}"), v);
    }
    h.get_by_label_contains(
        "Baris 1: Jumlah target TW I–IV (0,7) tidak sama dengan target tahunan (0,74) untuk indikator kumulatif",
    );
    retype(&mut h, "Baris 1 TW IV", "0,14");
    assert!(
        h.query_by_label_contains("untuk indikator kumulatif")
            .is_none()
    );
}
