//! The list panels that show what exists so far: the agreements of the
//! year, the open tasks of every running cycle, and the archive register.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

/// A column of a fixed width whose cells clip (long text is truncated with
/// its full text on hover) so rows never overlap.
pub fn fixed(width: f32) -> Column {
    Column::exact(width).clip(true)
}

use super::beranda::status_label;
use super::widgets::{chip, heading};
use crate::fmt;
use crate::ui::view::{TaskStatus, ViewData};

#[derive(Default)]
pub struct Lists {}

pub fn status_color(s: TaskStatus) -> Color32 {
    match s {
        TaskStatus::Lewat => Color32::from_rgb(185, 28, 28),
        TaskStatus::HampirHabis => Color32::from_rgb(180, 110, 0),
        TaskStatus::TepatWaktu => Color32::from_rgb(21, 128, 61),
    }
}

impl Lists {
    pub fn antrian(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        heading(
            ui,
            "Antrian Persetujuan",
            "Tugas yang sedang berjalan pada setiap siklus, yang lewat batas paling atas. Waktu dihitung dalam jam kerja kantor.",
        );
        if view.tasks.is_empty() {
            ui.label("Tidak ada tugas yang sedang berjalan.");
            return;
        }
        egui::ScrollArea::horizontal().show(ui, |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .column(fixed(110.0))
                .column(fixed(55.0))
                .column(fixed(230.0))
                .column(fixed(160.0))
                .column(fixed(170.0))
                .column(fixed(170.0))
                .column(fixed(150.0))
                .header(24.0, |mut h| {
                    for t in [
                        "Status",
                        "Langkah",
                        "Kegiatan",
                        "Pelaksana",
                        "Unit / Siklus",
                        "Mulai / Batas",
                        "Waktu",
                    ] {
                        h.col(|ui| {
                            ui.strong(t);
                        });
                    }
                })
                .body(|body| {
                    body.rows(44.0, view.tasks.len(), |mut row| {
                        let t = &view.tasks[row.index()];
                        row.col(|ui| {
                            chip(ui, t.status.label(), status_color(t.status));
                        });
                        row.col(|ui| {
                            ui.label(&t.step_no);
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&t.kegiatan).truncate());
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&t.pelaksana).truncate());
                        });
                        row.col(|ui| {
                            ui.vertical(|ui| {
                                ui.add(
                                    egui::Label::new(t.unit.as_deref().unwrap_or("—")).truncate(),
                                );
                                ui.add(
                                    egui::Label::new(RichText::new(&t.cycle).weak().small())
                                        .truncate(),
                                );
                            });
                        });
                        row.col(|ui| {
                            ui.vertical(|ui| {
                                ui.label(fmt::tanggal_jam(t.mulai));
                                ui.label(
                                    RichText::new(format!("batas {}", fmt::tanggal_jam(t.batas)))
                                        .small(),
                                );
                            });
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&t.vonis).truncate());
                        });
                    });
                });
        });
    }

    pub fn arsip(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32) {
        heading(
            ui,
            &format!("Arsip {year}"),
            "Register dokumen Perjanjian Kinerja yang telah ditandatangani: tempat fisik dan salinan pindaian.",
        );
        let signed: Vec<_> = view
            .agreements
            .iter()
            .filter(|a| a.status == "ditandatangani" || a.status == "diarsipkan")
            .collect();
        let registered = signed.iter().filter(|a| a.status == "diarsipkan").count();
        ui.label(format!(
            "Perjanjian Kinerja {year} yang telah ditandatangani: {}; sudah terdaftar di arsip: {registered}.",
            signed.len()
        ));
        if signed.is_empty() {
            ui.label(
                "Dokumen masuk ke register setelah langkah penandatanganan pada alur SOP selesai.",
            );
        }
        for a in signed {
            ui.label(format!(
                "{} — versi {} ({})",
                a.unit,
                a.versi,
                status_label(&a.status)
            ));
        }
    }
}
