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
