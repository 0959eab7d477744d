//! The Renstra's table of yearly targets, edited in place and saved together.

use std::collections::HashMap;

use super::{PlanPanels, red};
use crate::app::{RenstraCmd, ViewData};
use crate::model::id::IndikatorId;
use crate::model::plan::{IndikatorRow, Target};
use crate::ui::SAVE;
use crate::ui::panels::draft::{Choice, Drift, conflict_bar};
use crate::ui::panels::lists::fixed;
use crate::ui::panels::{Form, Outbox};
use egui::{Color32, RichText};
use egui_extras::TableBuilder;

impl PlanPanels {
    /// The yearly targets of every indicator of the period, as an editable
    /// table: one row per indicator, one column per year. Only the rows in
    /// view are built, so thousands of indicators scroll smoothly; edits stay
    /// drafts (checked per cell) until saved together in one transaction.
    pub(super) fn renstra_tabel(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        let Some((period, tree)) = &view.renstra else {
            return;
        };
        let years: Vec<i32> = (period.tahun_awal..=period.tahun_akhir).collect();
        let rows: Vec<&IndikatorRow> = tree
            .iter()
            .flat_map(|t| &t.sasaran)
            .flat_map(|s| &s.indikator)
            .collect();
        let bad: Vec<String> = self
            .target_edits
            .iter()
            .filter_map(|((_, y), v)| {
                (!v.trim().is_empty())
                    .then(|| Target::parse(v).err().map(|e| format!("{y}: {e}")))
                    .flatten()
            })
            .collect();
        if let Some(d) = self.target_conflict
            && let Some(choice) = conflict_bar(ui, d)
        {
            self.resolve_targets(choice, view);
        }
        self.target_toolbar(ui, &bad, rows.len(), out);
        if let Some(b) = bad.first() {
            red(
                ui,
                &format!("Target tidak sah ({} sel), mis. {b}", bad.len()),
            );
        }
        if let Some(e) = self.errors.get(&Form::Target) {
            red(ui, e);
        }
        egui::ScrollArea::horizontal()
            .id_salt("tabel_target")
            .show(ui, |ui| {
                let mut t = TableBuilder::new(ui)
                    .striped(true)
                    .column(fixed(90.0))
                    .column(fixed(360.0))
                    .column(fixed(80.0));
                for _ in &years {
                    t = t.column(fixed(80.0));
                }
                t.header(24.0, |mut h| {
                    for label in ["Kode", "Indikator", "Satuan"] {
                        h.col(|ui| {
                            ui.strong(label);
                        });
                    }
                    for y in &years {
                        h.col(|ui| {
                            ui.strong(y.to_string());
                        });
                    }
                })
                .body(|body| {
                    body.rows(26.0, rows.len(), |mut row| {
                        let i = rows[row.index()];
                        row.col(|ui| {
                            ui.label(&i.kode);
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&i.nama).truncate());
                        });
                        row.col(|ui| {
                            ui.label(&i.satuan);
                        });
                        for y in &years {
                            row.col(|ui| self.target_cell(ui, i, *y));
                        }
                    });
                });
            });
    }

    /// "Simpan perubahan target" (or Ctrl+S), "Batalkan perubahan" (or Esc)
    /// and the number of indicators.
    fn target_toolbar(
        &mut self,
        ui: &mut egui::Ui,
        bad: &[String],
        count: usize,
        out: &mut Outbox,
    ) {
        ui.horizontal(|ui| {
            let n = self.target_edits.len();
            let can = n > 0 && bad.is_empty() && self.target_conflict.is_none();
            let save = ui.add_enabled(
                can,
                egui::Button::new(format!("Simpan perubahan target ({n})")),
            );
            if save.clicked() || (can && ui.input_mut(|i| i.consume_shortcut(&SAVE))) {
                let changes = self
                    .target_edits
                    .iter()
                    .map(|((id, y), v)| {
                        (
                            *id,
                            *y,
                            (!v.trim().is_empty())
                                .then(|| Target::parse(v).ok())
                                .flatten(),
                        )
                    })
                    .collect();
                out.send(Form::Target, RenstraCmd::SetTargets { changes });
            }
            if ui
                .add_enabled(n > 0, egui::Button::new("Batalkan perubahan"))
                .clicked()
                || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
            {
                self.target_edits.clear();
                self.target_bases.clear();
            }
            ui.label(RichText::new(format!("{count} indikator")).weak());
        });
    }

    /// The target of indicator `i` in year `y`: the unsaved text, else the stored one.
    fn target_cell(&mut self, ui: &mut egui::Ui, i: &IndikatorRow, y: i32) {
        let key = (i.id, y);
        let stored = i.targets.get(&y).map(|t| t.tampil()).unwrap_or_default();
        let mut v = self
            .target_edits
            .get(&key)
            .cloned()
            .unwrap_or_else(|| stored.clone());
        let invalid = !v.trim().is_empty() && Target::parse(&v).is_err();
        let mut edit = egui::TextEdit::singleline(&mut v)
            .id_salt(("target", i.id, y))
            .desired_width(70.0);
        if invalid {
            edit = edit.text_color(Color32::from_rgb(220, 60, 60));
        }
        let r = ui.add(edit);
        r.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                format!("Target {y} {}", i.kode),
            )
        });
        if r.changed() {
            if v == stored {
                self.target_edits.remove(&key);
                self.target_bases.remove(&key);
            } else {
                self.target_bases.entry(key).or_insert(stored);
                self.target_edits.insert(key, v);
            }
        }
    }
}

impl PlanPanels {
    /// The user's answer to target cells whose stored target changed since
    /// they were typed: drop those cells, or keep them over what is stored.
    pub(super) fn resolve_targets(&mut self, choice: Choice, view: &ViewData) {
        let keys: Vec<_> = self.target_edits.keys().copied().collect();
        for key in keys {
            let now = stored_target(view, key);
            if now.as_ref() == self.target_bases.get(&key) {
                continue;
            }
            match (choice, now) {
                (Choice::Mine, Some(now)) => {
                    self.target_bases.insert(key, now);
                }
                _ => {
                    self.target_edits.remove(&key);
                    self.target_bases.remove(&key);
                }
            }
        }
        self.target_conflict = None;
    }
}

/// The stored text of a target cell; `None` when its indicator is gone.
fn stored_target(view: &ViewData, (id, y): (IndikatorId, i32)) -> Option<String> {
    let (_, tree) = view.renstra.as_ref()?;
    let i = tree
        .iter()
        .flat_map(|t| &t.sasaran)
        .flat_map(|s| &s.indikator)
        .find(|i| i.id == id)?;
    Some(i.targets.get(&y).map(|t| t.tampil()).unwrap_or_default())
}

/// Whether remembered target cells met stored targets changed since they
/// were typed (or indicators gone).
pub(super) fn drift(
    edits: &HashMap<(IndikatorId, i32), String>,
    bases: &HashMap<(IndikatorId, i32), String>,
    view: &ViewData,
) -> Option<Drift> {
    let mut found = None;
    for key in edits.keys() {
        match (stored_target(view, *key), bases.get(key)) {
            (None, _) => return Some(Drift::Gone),
            (Some(now), Some(base)) if &now != base => found = Some(Drift::Changed),
            _ => {}
        }
    }
    found
}
