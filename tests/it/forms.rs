//! Forms as a clerk types in them: a message comes under its field without
//! moving the fields below, and goes once its cause is fixed; a deleted
//! line comes back; the comparison of versions follows what is saved.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use perkin::ui::PerkinApp;

use crate::common::{demo_store, local, tmp};
use crate::ui::{button, go, harness, retype, type_into};

type H = Harness<'static, PerkinApp>;

/// How far `below` stands under `field` (a page that scrolls moves both).
fn gap(h: &H, field: &str, below: &str) -> f32 {
    h.get_by_label(below).rect().top() - h.get_by_label(field).rect().top()
}

/// Types `typed` into `field` and checks that `below` did not move while
/// the message `msg` came, nor when it went again.
fn steady(h: &mut H, field: &str, typed: &str, msg: &str, below: &str) {
    let y = gap(h, field, below);
    type_into(h, field, typed);
    assert!(
        h.query_by_label_contains(msg).is_some(),
        "{field}: '{msg}' is shown"
    );
    assert_eq!(
        gap(h, field, below),
        y,
        "{field}: '{below}' stays where it was"
    );
    clear(h, field);
    assert_eq!(
        gap(h, field, below),
        y,
        "{field}: and after the message goes"
    );
}

/// Empties the field `label`.
fn clear(h: &mut H, label: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
}

#[test]
fn a_message_never_moves_the_fields_below_it() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Pengaturan");
    go(&mut h, "Kalender Kerja");
    steady(
        &mut h,
        "Tanggal libur",
        "3",
        "tidak sah",
        "Keterangan libur",
    );
    go(&mut h, "Pejabat");
    steady(&mut h, "NIP", "1", "NIP harus 18 angka", "Jabatan");
    steady(
        &mut h,
        "Mulai menjabat",
        "3",
        "tidak sah",
        "Selesai menjabat",
    );
    go(&mut h, "Renja");
    steady(
        &mut h,
        "Kode (Permendagri 90/2019)",
        "5",
        "tidak sesuai pola",
        "Nama program/kegiatan",
    );
    steady(
        &mut h,
        "Pagu (Rp)",
        "x",
        "bukan rupiah yang sah",
        "Pagu DPA (Rp)",
    );
    go(&mut h, "Renstra");
    h.get_by_label_contains("T1.S1.I1 Indeks Sistem Merit")
        .click();
    h.run();
    // The name of an indicator: required, its message there while empty.
    let y = gap(&h, "Nama indikator", "Satuan");
    clear(&mut h, "Nama indikator");
    h.get_by_label("Nama indikator wajib diisi");
    assert_eq!(gap(&h, "Nama indikator", "Satuan"), y);
    type_into(&mut h, "Nama indikator", "I");
    assert!(h.query_by_label("Nama indikator wajib diisi").is_none());
    assert_eq!(gap(&h, "Nama indikator", "Satuan"), y);
    steady(
        &mut h,
        "Tahun baseline",
        "1",
        "Tahun baseline harus",
        "Nilai baseline",
    );
}

#[test]
fn a_refusal_goes_once_its_cause_is_fixed() {
    let dir = tmp();
    let mut h = harness(demo_store(dir.path(), local(2026, 11, 23, 10, 0)));
    go(&mut h, "Renja");
    type_into(&mut h, "Kode (Permendagri 90/2019)", "5.03.02");
    type_into(
        &mut h,
        "Nama program/kegiatan",
        "Program Kepegawaian Daerah",
    );
    button(&mut h, "Tambah item");
    // The kode is taken: refused under the form…
    h.get_by_label_contains("Kode 5.03.02 sudah ada di Renja 2027");
    // …and the message goes as the kode is corrected.
    retype(&mut h, "Kode (Permendagri 90/2019)", "5.03.09");
    assert!(h.query_by_label_contains("sudah ada di Renja").is_none());
}

#[test]
fn a_deleted_line_comes_back_and_the_comparison_follows_the_saves() {
    use perkin::model::agreement::AlasanPerubahan;
    let dir = tmp();
    let mut s = demo_store(dir.path(), local(2026, 11, 23, 10, 0));
    let v = crate::archive::sign_demo(&mut s, 1)[0];
    let agreement = s.version(v).unwrap().agreement_id;
    s.amend_version(v, Some(AlasanPerubahan::ALL[0]), "Uji perbandingan")
        .unwrap();
    let mut h = harness(s);
    go(&mut h, "Perjanjian Kinerja");
    h.state_mut().app_mut().reopen_agreement(Some(agreement));
    h.run();
    let first = h.get_by_label("Baris 1 Indikator").value().unwrap();
    let lines = |h: &H| {
        let s = h.state().store();
        let a = s.versions(agreement).unwrap();
        s.version(a.last().unwrap().0).unwrap().content.lines.len()
    };
    let n = lines(&h);
    // Delete line 1: "Urungkan" brings it back in its place.
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Hapus")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains("Baris kinerja 1 (");
    button(&mut h, "Urungkan");
    assert_eq!(h.get_by_label("Baris 1 Indikator").value().unwrap(), first);
    // Delete it for good and change a target; both saved.
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Hapus")
        .next()
        .unwrap()
        .click();
    h.run();
    retype(&mut h, "Baris 1 Target", "99");
    eframe::App::save(h.state_mut(), &mut crate::ui::MemStorage::default());
    h.run();
    assert_eq!(lines(&h), n - 1);
    // The comparison shows both, at once.
    button(&mut h, "Bandingkan versi");
    h.get_by_label("3 perbedaan");
    assert!(h.query_all_by_label_contains(&first).count() >= 1);
    h.get_by_label("99");
}
