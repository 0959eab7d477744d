//! The list panels that show what exists so far: the agreements of the
//! year, the open tasks of every running cycle, and the archive register.

use egui::Color32;
use egui_extras::Column;

/// A column of a fixed width whose cells clip (long text is truncated with
/// its full text on hover) so rows never overlap.
pub fn fixed(width: f32) -> Column {
    Column::exact(width).clip(true)
}

use super::widgets::heading;
use crate::model::agreement::status_label;
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
