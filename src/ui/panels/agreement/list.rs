//! The list of the year's agreements, with its filters and the form that creates one.

use super::{AgreementPanel, NewForm, status_color};
use crate::app::{AgreementCmd, ViewData};
use crate::fmt;
use crate::model::agreement::{AgreementRow, Jenis, Status};
use crate::model::id::UnitId;
use crate::ui::panels::lists::fixed;
use crate::ui::panels::widgets::{NO_UNITS, chip, empty_hint, heading, inline_error};
use crate::ui::panels::{Form, Outbox};
use egui_extras::TableBuilder;

impl AgreementPanel {
    pub(super) fn list(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        heading(
            ui,
            &format!("Perjanjian Kinerja {year}"),
            "Satu perjanjian per unit: jenis, versi, status dan para pihak. Klik baris untuk membuka.",
        );
        self.filters(ui);
        if self.new.open {
            self.new_form(ui, view, year, out);
        }
        ui.add_space(6.0);
        let q = self.cari.trim().to_lowercase();
        let rows: Vec<_> = view
            .agreements
            .iter()
            .filter(|a| self.status.is_none_or(|s| a.status == s))
            .filter(|a| self.jenis.is_none_or(|j| a.jenis == j))
            .filter(|a| {
                q.is_empty()
                    || [&a.unit, &a.pihak_pertama, &a.pihak_kedua, &a.nomor]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&q))
            })
            .collect();
        if view.agreements.is_empty() {
            ui.label(format!(
                "Belum ada Perjanjian Kinerja untuk tahun {year}. Buat dengan tombol di atas."
            ));
            return;
        }
        if rows.is_empty() {
            ui.label("Tidak ada perjanjian yang cocok dengan pencarian.");
            return;
        }
        table(ui, &rows, out);
    }

    /// The search field, the status and kind filters, and "Buat Perjanjian Kinerja".
    fn filters(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let l = ui.label("Cari");
            ui.add(
                egui::TextEdit::singleline(&mut self.cari)
                    .hint_text("unit, pihak, nomor")
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
            let l = ui.label("Status");
            egui::ComboBox::from_id_salt("pk_filter_status")
                .selected_text(self.status.map(Status::label).unwrap_or("Semua"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, "Semua");
                    for s in Status::ALL {
                        ui.selectable_value(&mut self.status, Some(s), s.label());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Jenis");
            egui::ComboBox::from_id_salt("pk_filter_jenis")
                .selected_text(self.jenis.map(Jenis::label).unwrap_or("Semua"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.jenis, None, "Semua");
                    for j in Jenis::ALL {
                        ui.selectable_value(&mut self.jenis, Some(j), j.label());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.separator();
            if ui.button("Buat Perjanjian Kinerja").clicked() {
                self.new.open = !self.new.open;
            }
        });
    }

    fn new_form(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(format!("Perjanjian Kinerja baru tahun {year}"));
            egui::Grid::new("pk_baru").num_columns(2).show(ui, |ui| {
                let l = ui.label("Unit kerja");
                let taken = |u: UnitId, j: Jenis| {
                    view.agreements
                        .iter()
                        .any(|a| a.unit_id == u && a.jenis == j)
                };
                egui::ComboBox::from_id_salt("pk_baru_unit")
                    .width(360.0)
                    .selected_text(
                        self.new
                            .unit
                            .map(|u| view.unit_name(Some(u)))
                            .unwrap_or_else(|| "— pilih unit —".into()),
                    )
                    .show_ui(ui, |ui| {
                        for n in view.units.iter().filter(|n| !n.unit.retired) {
                            let j = Jenis::for_eselon(n.unit.eselon.kode());
                            let label = format!(
                                "{}{}{}",
                                "   ".repeat(n.depth),
                                n.unit.nama,
                                if taken(n.unit.id, j) {
                                    " (sudah ada)"
                                } else {
                                    ""
                                }
                            );
                            if ui
                                .selectable_label(self.new.unit == Some(n.unit.id), label)
                                .clicked()
                            {
                                self.new.unit = Some(n.unit.id);
                                self.new.jenis = Some(j);
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if view.units.iter().all(|n| n.unit.retired) {
                    empty_hint(ui, NO_UNITS);
                }
                ui.end_row();
                let l = ui.label("Jenis perjanjian");
                let jenis = self.new.jenis.get_or_insert(Jenis::Eselon3);
                egui::ComboBox::from_id_salt("pk_baru_jenis")
                    .selected_text(jenis.label())
                    .show_ui(ui, |ui| {
                        for j in Jenis::ALL {
                            ui.selectable_value(jenis, j, j.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(
                    &mut self.new.from_plan,
                    "Ambil baris kinerja dan anggaran dari Renstra/Renja",
                );
                ui.end_row();
            });
            if let Some(e) = &self.new_error {
                inline_error(ui, e);
            }
            ui.horizontal(|ui| {
                let can = self.new.unit.is_some();
                if ui.add_enabled(can, egui::Button::new("Buat")).clicked()
                    && let (Some(unit), Some(jenis)) = (self.new.unit, self.new.jenis)
                {
                    out.send(
                        Form::AgreementNew,
                        AgreementCmd::Create {
                            unit,
                            jenis,
                            from_plan: self.new.from_plan,
                        },
                    );
                }
                if ui.button("Batal").clicked() {
                    self.new = NewForm::default();
                    self.new_error = None;
                }
            });
        });
    }
}

/// The agreements that pass the filters; a click on a row opens one.
fn table(ui: &mut egui::Ui, rows: &[&AgreementRow], out: &mut Outbox) {
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(fixed(220.0))
            .column(fixed(150.0))
            .column(fixed(40.0))
            .column(fixed(110.0))
            .column(fixed(175.0))
            .column(fixed(175.0))
            .column(fixed(40.0))
            .column(fixed(130.0))
            .header(24.0, |mut h| {
                for t in [
                    "Unit",
                    "Jenis",
                    "Versi",
                    "Status",
                    "Pihak Pertama",
                    "Pihak Kedua",
                    "Baris",
                    "Anggaran",
                ] {
                    h.col(|ui| {
                        ui.strong(t);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, rows.len(), |mut row| {
                    let a = rows[row.index()];
                    let text = |ui: &mut egui::Ui, t: &str| {
                        ui.add(egui::Label::new(t).truncate().selectable(false));
                    };
                    row.col(|ui| {
                        ui.add(egui::Button::new(&a.unit).frame(false).truncate())
                            .on_hover_text(format!("Buka perjanjian {}", a.unit))
                            .clicked()
                            .then(|| {
                                out.send(Form::Agreement, AgreementCmd::Open { id: Some(a.id) })
                            });
                    });
                    row.col(|ui| text(ui, a.jenis.label()));
                    row.col(|ui| text(ui, &a.versi.to_string()));
                    row.col(|ui| {
                        chip(ui, a.status.label(), status_color(a.status));
                    });
                    row.col(|ui| text(ui, &a.pihak_pertama));
                    row.col(|ui| text(ui, &a.pihak_kedua));
                    row.col(|ui| text(ui, &a.lines.to_string()));
                    row.col(|ui| text(ui, &fmt::rupiah(a.anggaran)));
                    if row.response().clicked() {
                        out.send(Form::Agreement, AgreementCmd::Open { id: Some(a.id) });
                    }
                });
            });
    });
}
