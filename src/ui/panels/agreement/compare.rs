//! The window that compares two versions of an agreement.

use super::AgreementPanel;
use crate::model::agreement::{self as rules, VersionDoc};
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

impl AgreementPanel {
    pub(super) fn compare_window(&mut self, ctx: &egui::Context, versions: &[VersionDoc]) {
        let Some((mut a, mut b)) = self.compare else {
            return;
        };
        let mut open = true;
        egui::Window::new("Perbandingan versi")
            .open(&mut open)
            .default_size([820.0, 480.0])
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    for (label, sel, salt) in [("Dari", &mut a, "cmp_a"), ("Ke", &mut b, "cmp_b")] {
                        let l = ui.label(label);
                        let name = versions
                            .iter()
                            .find(|v| v.id == *sel)
                            .map(|v| format!("Versi {}", v.versi))
                            .unwrap_or_default();
                        egui::ComboBox::from_id_salt(salt)
                            .selected_text(name)
                            .show_ui(ui, |ui| {
                                for v in versions {
                                    ui.selectable_value(sel, v.id, format!("Versi {}", v.versi));
                                }
                            })
                            .response
                            .labelled_by(l.id);
                    }
                });
                let (Some(va), Some(vb)) = (
                    versions.iter().find(|v| v.id == a),
                    versions.iter().find(|v| v.id == b),
                ) else {
                    return;
                };
                // The version in the editor as it stands now (saved edits
                // reach the view only when the agreement is read again).
                let live = |v: &VersionDoc| match &self.ed {
                    Some(e) if e.version_id == v.id => e.content.clone(),
                    _ => v.content.clone(),
                };
                let changes = rules::compare(&live(va), &live(vb));
                if changes.is_empty() {
                    ui.label("Tidak ada perbedaan isi antara kedua versi.");
                    return;
                }
                ui.label(format!("{} perbedaan", changes.len()));
                TableBuilder::new(ui)
                    .striped(true)
                    .column(Column::exact(230.0).clip(true))
                    .column(Column::remainder().at_least(200.0).clip(true))
                    .column(Column::remainder().at_least(200.0).clip(true))
                    .header(22.0, |mut h| {
                        for t in [
                            "Bagian".to_string(),
                            format!("Versi {}", va.versi),
                            format!("Versi {}", vb.versi),
                        ] {
                            h.col(|ui| {
                                ui.strong(t);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(24.0, changes.len(), |mut row| {
                            let c = &changes[row.index()];
                            row.col(|ui| {
                                ui.add(egui::Label::new(&c.what).truncate().selectable(false));
                            });
                            row.col(|ui| {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(&c.before)
                                            .color(Color32::from_rgb(185, 28, 28)),
                                    )
                                    .truncate()
                                    .selectable(false),
                                );
                            });
                            row.col(|ui| {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(&c.after)
                                            .color(Color32::from_rgb(21, 128, 61)),
                                    )
                                    .truncate()
                                    .selectable(false),
                                );
                            });
                        });
                    });
            });
        self.compare = open.then_some((a, b));
    }
}
