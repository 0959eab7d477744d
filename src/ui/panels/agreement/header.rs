//! The head of the agreement: number, place and date of signing.

use super::Editor;
use crate::fmt;
use crate::model::agreement::{Field, VersionDoc};
use crate::model::worktime::Kalender;
use crate::ui::panels::widgets::AMBAR;
use crate::ui::panels::widgets::checked_row;
use egui::RichText;

fn grid_field(ui: &mut egui::Ui, label: &str, value: &mut String, error: Option<&str>) -> bool {
    // A line kept for the message: it comes and goes without moving the
    // fields below.
    checked_row(ui, label, error, |ui| {
        ui.add(
            egui::TextEdit::singleline(value)
                .id_salt(("pk", label))
                .desired_width(420.0),
        )
    })
    .changed()
}

pub(super) fn header(
    ui: &mut egui::Ui,
    ed: &mut Editor,
    doc: &VersionDoc,
    kal: Option<&Kalender>,
) -> bool {
    let mut changed = false;
    ui.strong("Kepala perjanjian");
    egui::Grid::new("pk_kepala")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label("Unit kerja");
            ui.label(&doc.unit);
            ui.end_row();
            ui.label("Tahun");
            ui.label(doc.tahun.to_string());
            ui.end_row();
            let nomor_err = ed.problem(Field::Nomor).map(str::to_string);
            changed |= grid_field(ui, "Nomor", &mut ed.content.nomor, nomor_err.as_deref());
            let tempat_err = ed.problem(Field::Tempat).map(str::to_string);
            changed |= grid_field(ui, "Tempat", &mut ed.content.tempat, tempat_err.as_deref());
            let tanggal_err = ed
                .tanggal_err
                .clone()
                .or_else(|| ed.problem(Field::Tanggal).map(str::to_string));
            if grid_field(
                ui,
                "Tanggal penandatanganan (hh-bb-tttt)",
                &mut ed.tanggal_buf,
                tanggal_err.as_deref(),
            ) {
                // An edit either way: a text that does not read is kept
                // (and remembered) in red, never taken in part.
                ed.read_tanggal();
                changed = true;
            }
            // The day of the date as read; while the text does not read,
            // the line stays empty (the old date is not what was typed).
            ui.label("");
            match ed.content.tanggal.filter(|_| ed.tanggal_err.is_none()) {
                Some(d) if kal.is_some_and(|k| !k.hari_kerja(d)) => {
                    let hari = fmt::tanggal_hari(d);
                    ui.label(
                        RichText::new(format!("{hari} — bukan hari kerja kantor")).color(AMBAR),
                    );
                }
                Some(d) => {
                    ui.label(RichText::new(fmt::tanggal_hari(d)).weak());
                }
                None => {
                    ui.label("");
                }
            }
            ui.end_row();
        });
    ui.add_space(8.0);
    changed
}
