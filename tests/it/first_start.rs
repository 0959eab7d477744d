//! The first start on a new, empty database: Beranda guides the setup in
//! its order, each step with a button to where it is done, and offers the
//! demo office to look around first.

use egui_kittest::kittest::Queryable;

use crate::common::{db_in, local, store_at, tmp};
use crate::ui::{button, harness, notified};

#[test]
fn beranda_guides_a_new_office_through_its_setup_and_offers_the_demo() {
    let dir = tmp();
    let mut h = harness(store_at(&db_in(dir.path()), local(2026, 11, 23, 10, 0)));
    h.get_by_label_contains("Langkah persiapan (");
    let year = h.state().year();
    let (renja, pk) = (
        format!("Renja dan DPA {year}"),
        format!("Perjanjian Kinerja {year}"),
    );
    for (step, place) in [
        ("Instansi", "Pengaturan → Instansi"),
        ("Unit Kerja", "Pengaturan → Unit Kerja"),
        ("Pejabat", "Pengaturan → Pejabat"),
        ("Kalender Kerja", "Pengaturan → Kalender Kerja"),
        ("Renstra", "Renstra"),
        (renja.as_str(), "Renja"),
        ("SOP", "Alur SOP"),
        (pk.as_str(), "Perjanjian Kinerja"),
    ] {
        assert!(h.query_all_by_label(step).count() >= 1, "{step}");
        h.get_by_label(&format!("Buka {place}"));
    }
    h.get_by_label("Susunan organisasi (SOTK)");

    // Each step's button opens where it is done.
    button(&mut h, "Buka Pengaturan → Unit Kerja");
    assert_eq!(h.state().panel(), perkin::ui::Panel::Pengaturan);
    h.get_by_label("Nama unit");
    crate::ui::go(&mut h, "Beranda");
    button(&mut h, "Buka Renja");
    assert_eq!(h.state().panel(), perkin::ui::Panel::Renja);
    crate::ui::go(&mut h, "Beranda");

    // A form whose list is empty says what to create first, and where.
    crate::ui::go(&mut h, "Perjanjian Kinerja");
    button(&mut h, "Buat Perjanjian Kinerja");
    let no_units = "Belum ada unit kerja: tambahkan di Pengaturan → Unit Kerja.";
    h.get_by_label(no_units);
    crate::ui::go(&mut h, "Pengaturan");
    crate::ui::go(&mut h, "Pejabat");
    h.get_by_label(no_units);
    crate::ui::go(&mut h, "Antrian Persetujuan");
    button(&mut h, "Mulai siklus baru");
    h.get_by_label(no_units);
    crate::ui::go(&mut h, "Beranda");

    // The demo office, made beside the database; the office's data stays.
    button(&mut h, "Lihat contoh dulu");
    let contoh = dir.path().join("contoh.db");
    notified(
        &mut h,
        &format!(
            "Basis data contoh dibuka di jendela baru: {}. Data kantor Anda tidak berubah.",
            contoh.display()
        ),
    );
    let demo = perkin::store::Store::open_read_only(&contoh).unwrap();
    assert!(!demo.units().unwrap().is_empty());
    assert!(h.state().store().units().unwrap().is_empty());
}

/// Where no system file dialog can open (no xdg-desktop-portal, no
/// zenity), perkin asks for the path itself instead of doing nothing.
#[test]
fn without_a_system_file_dialog_the_path_is_asked_for() {
    perkin::ui::files::force_own_prompt();
    let dir = tmp();
    let mut h = harness(crate::common::demo_store(
        dir.path(),
        local(2026, 11, 23, 10, 0),
    ));
    crate::ui::go(&mut h, "Renja");
    button(&mut h, "Ekspor ke Excel…");
    h.get_by_label_contains("Jendela pemilihan berkas sistem tidak dapat dibuka");
    let typed = h.get_by_label("Lokasi berkas").value().unwrap_or_default();
    assert!(
        typed.ends_with(".xlsx"),
        "the file name is filled in: {typed}"
    );
    // A folder that does not exist is refused, with the reason.
    let missing = dir.path().join("tidak-ada").join("renja.xlsx");
    crate::ui::retype(&mut h, "Lokasi berkas", &missing.display().to_string());
    button(&mut h, "Lanjutkan");
    h.get_by_label_contains("tidak ada; ketik lokasi di folder yang sudah ada");
    let file = dir.path().join("renja.xlsx");
    crate::ui::retype(&mut h, "Lokasi berkas", &file.display().to_string());
    button(&mut h, "Lanjutkan");
    crate::ui::wait_jobs(&mut h);
    assert!(file.exists(), "the export ran with the typed path");
    // Batal closes the prompt and does nothing.
    button(&mut h, "Impor dari Excel…");
    button(&mut h, "Batal");
    assert!(h.query_by_label("Lokasi berkas").is_none());
}
