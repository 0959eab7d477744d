//! The windows of background work: a progress bar with its cancel button,
//! and the preview of an .xlsx import (every problem by sheet, row and
//! column; nothing is written unless the user confirms a clean preview).

use egui::{Color32, RichText};

use super::panels::{Form, Outbox};
use crate::app::{ExchangeCmd, ImportPreview};

/// A progress bar at the bottom of the window; true when "Batal" was clicked.
pub fn progress_bar(ctx: &egui::Context, title: &str, fraction: f32) -> bool {
    let mut cancel = false;
    egui::Window::new("Sedang bekerja")
        .id(egui::Id::unique(("sedang_bekerja", title)))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -24.0])
        .show(ctx, |ui| {
            ui.label(title);
            ui.add(
                egui::ProgressBar::new(fraction)
                    .show_percentage()
                    .desired_width(320.0),
            );
            cancel = ui.button("Batal").clicked();
        });
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
    cancel
}

/// The import preview window, while a read workbook waits for the user.
pub fn import_preview(ctx: &egui::Context, preview: Option<&ImportPreview>, out: &mut Outbox) {
    let Some(p) = preview else { return };
    egui::Window::new("Pratinjau impor Excel")
        .collapsible(false)
        .default_width(720.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(format!("Berkas: {}", p.file.display()));
            ui.add_space(6.0);
            match &p.check {
                Ok(summary) => {
                    ui.label(RichText::new("Berkas bersih, siap diimpor.").strong());
                    ui.label(summary.describe());
                    ui.label("Semua baris disimpan sekaligus dalam satu transaksi.");
                }
                Err(problems) => {
                    ui.label(
                        RichText::new(format!(
                            "Ditemukan {} masalah. Perbaiki berkasnya lalu impor lagi; tidak ada yang disimpan.",
                            problems.len()
                        ))
                        .color(Color32::from_rgb(220, 60, 60))
                        .strong(),
                    );
                    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        for m in problems {
                            ui.label(m.to_string());
                        }
                    });
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(p.check.is_ok(), egui::Button::new("Impor"))
                    .clicked()
                {
                    out.send(Form::Excel, ExchangeCmd::ConfirmImport);
                }
                if ui.button("Tutup").clicked() {
                    out.send(Form::Excel, ExchangeCmd::CloseImport);
                }
            });
        });
}
