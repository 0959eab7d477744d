//! Beranda: the year at a glance, from what exists so far — the PK deadline,
//! the agreements by status, the cycles and the tasks that are late.

use chrono::Months;
use egui::RichText;

use super::widgets::{chip, heading};
use crate::fmt;
use crate::ui::view::{TaskStatus, ViewData};

pub fn show(ui: &mut egui::Ui, view: &ViewData, year: i32) {
    heading(ui, &format!("Beranda — Tahun {year}"), "");
    egui::ScrollArea::vertical().show(ui, |ui| {
        // The PK deadline: one month after the DPA date.
        let today = view.today;
        match view.renja_years.iter().find(|r| r.tahun == year).and_then(|r| r.tanggal_dpa) {
            Some(dpa) => {
                let deadline = dpa.checked_add_months(Months::new(1)).unwrap_or(dpa);
                let sisa = today.map(|t| (deadline - t).num_days()).unwrap_or(0);
                let keadaan = match sisa {
                    s if s > 0 => format!("{s} hari lagi"),
                    0 => "hari ini".to_string(),
                    s => format!("sudah lewat {} hari", -s),
                };
                ui.label(
                    RichText::new(format!(
                        "Batas penetapan Perjanjian Kinerja {year}: {} ({keadaan}) — satu bulan setelah DPA disahkan {}",
                        fmt::tanggal(deadline),
                        fmt::tanggal(dpa)
                    ))
                    .strong(),
                );
            }
            None => {
                ui.label(format!(
                    "Tanggal pengesahan DPA {year} belum dicatat di Renja; batas penetapan PK dihitung satu bulan sesudahnya."
                ));
            }
        }
        ui.add_space(10.0);

        ui.label(RichText::new("Perjanjian Kinerja").strong());
        if view.agreements.is_empty() {
            ui.label(format!("Belum ada Perjanjian Kinerja untuk tahun {year}."));
        } else {
            ui.horizontal_wrapped(|ui| {
                for status in ["draf", "diajukan", "diparaf", "ditandatangani", "diarsipkan"] {
                    let n = view.agreements.iter().filter(|a| a.status == status).count();
                    ui.label(format!("{}: {n}", status_label(status)));
                    ui.separator();
                }
                ui.label(format!("Jumlah: {}", view.agreements.len()));
            });
        }
        ui.add_space(10.0);

        let late: Vec<_> = view.tasks.iter().filter(|t| t.status == TaskStatus::Lewat).collect();
        ui.label(RichText::new(format!("Tugas lewat batas ({})", late.len())).strong());
        if late.is_empty() {
            ui.label("Tidak ada tugas yang lewat batas waktu baku.");
        }
        for t in late {
            ui.horizontal_wrapped(|ui| {
                chip(ui, TaskStatus::Lewat.label(), egui::Color32::from_rgb(185, 28, 28));
                ui.label(format!(
                    "{} — Langkah {}{}: {} ({}; batas {})",
                    t.cycle,
                    t.step_no,
                    t.unit.as_deref().map(|u| format!(", {u}")).unwrap_or_default(),
                    t.kegiatan,
                    t.vonis,
                    fmt::tanggal_jam(t.batas)
                ));
            });
        }
        ui.add_space(10.0);

        ui.label(RichText::new("Siklus").strong());
        if view.cycles.is_empty() {
            ui.label("Belum ada siklus SOP yang dijalankan.");
        }
        for c in &view.cycles {
            ui.label(RichText::new(format!("{} ({})", c.nama, c.template)));
            if c.selesai {
                ui.label(RichText::new("    Selesai").weak());
            }
            for line in &c.current {
                ui.add(egui::Label::new(format!("    {line}")).wrap());
            }
        }
    });
}

pub use crate::model::agreement::status_label;
