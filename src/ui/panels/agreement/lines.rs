//! The indicator lines of the agreement: a table of editable rows with their messages.

use super::{Editor, named_edit};
use crate::model::agreement::{Field, LineSource, NewLine, Problem, quarter_warning};
use crate::ui::panels::lists::fixed;
use crate::ui::panels::widgets::AMBAR;
use crate::ui::panels::widgets::inline_error;
use egui::RichText;
use egui_extras::{TableBuilder, TableRow};

/// A move of line `k`: up (-1), down (1) or out (0).
type LineAction = (usize, i8);

pub(super) fn lines(ui: &mut egui::Ui, ed: &mut Editor) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.strong(format!("Baris kinerja ({})", ed.content.lines.len()));
        if ui.button("Tambah baris").clicked() {
            let sasaran = ed
                .content
                .lines
                .last()
                .map(|l| l.sasaran.clone())
                .unwrap_or_default();
            ed.content.lines.push(NewLine {
                sasaran,
                ..NewLine::default()
            });
            changed = true;
        }
        ui.checkbox(&mut ed.show_tw, "Target per triwulan (TW I–IV)");
    });
    if let Some(e) = ed.problem(Field::Lines) {
        inline_error(ui, e);
    }
    if ed.content.lines.is_empty() {
        ui.label("Belum ada baris. Ambil dari Renstra/Renja atau tambah baris.");
        ui.add_space(8.0);
        return changed;
    }
    let (edited, action) = table(ui, ed);
    changed |= edited;
    if let Some((k, d)) = action {
        match d {
            0 => {
                let l = ed.content.lines.remove(k);
                ed.removed = Some(super::Removed::Line(k, l));
            }
            -1 => ed.content.lines.swap(k, k - 1),
            _ => ed.content.lines.swap(k, k + 1),
        }
        changed = true;
    }
    messages(ui, ed);
    ui.add_space(8.0);
    changed
}

/// The table of lines: whether a cell changed, and the move asked for.
fn table(ui: &mut egui::Ui, ed: &mut Editor) -> (bool, Option<LineAction>) {
    let mut changed = false;
    let tw = ed.show_tw;
    let n = ed.content.lines.len();
    let mut action: Option<LineAction> = None;
    let problems = ed.problems.clone();
    egui::ScrollArea::horizontal()
        .id_salt("pk_baris_h")
        .show(ui, |ui| {
            let mut t = TableBuilder::new(ui)
                .id_salt("pk_baris")
                .striped(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .vscroll(false)
                .column(fixed(32.0))
                .column(fixed(240.0))
                .column(fixed(260.0))
                .column(fixed(80.0))
                .column(fixed(90.0));
            if tw {
                t = t.columns(fixed(62.0), 4);
            }
            t.column(fixed(70.0))
                .column(fixed(150.0))
                .header(22.0, |h| table_header(h, tw))
                .body(|body| {
                    body.rows(28.0, n, |mut row| {
                        let k = row.index();
                        let l = &mut ed.content.lines[k];
                        changed |= text_cells(&mut row, l, k, &problems);
                        if tw {
                            changed |= quarter_cells(&mut row, l, k + 1);
                        }
                        source_cell(&mut row, l);
                        if let Some(a) = move_cell(&mut row, k, n) {
                            action = Some(a);
                        }
                    });
                });
        });
    (changed, action)
}

fn table_header(mut h: TableRow<'_, '_>, tw: bool) {
    let mut cols = vec!["No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"];
    if tw {
        cols.extend(["TW I", "TW II", "TW III", "TW IV"]);
    }
    cols.extend(["Sumber", ""]);
    for c in cols {
        h.col(|ui| {
            ui.strong(c);
        });
    }
}

/// No, Sasaran, Indikator, Satuan and Target of line `k`.
fn text_cells(row: &mut TableRow<'_, '_>, l: &mut NewLine, k: usize, problems: &[Problem]) -> bool {
    let bad = |f: Field| problems.iter().any(|p| p.field == f);
    let no = k + 1;
    let mut changed = false;
    row.col(|ui| {
        ui.label(no.to_string());
    });
    row.col(|ui| {
        changed |= named_edit(
            ui,
            &mut l.sasaran,
            format!("Baris {no} Sasaran"),
            230.0,
            bad(Field::LineSasaran(k)),
        );
    });
    row.col(|ui| {
        changed |= named_edit(
            ui,
            &mut l.indikator,
            format!("Baris {no} Indikator"),
            250.0,
            bad(Field::LineIndikator(k)),
        );
    });
    row.col(|ui| {
        changed |= named_edit(ui, &mut l.satuan, format!("Baris {no} Satuan"), 70.0, false);
    });
    row.col(|ui| {
        changed |= named_edit(
            ui,
            &mut l.target,
            format!("Baris {no} Target"),
            80.0,
            bad(Field::LineTarget(k)),
        );
    });
    changed
}

/// The targets of the four quarters (TW I–IV) of line `no`.
fn quarter_cells(row: &mut TableRow<'_, '_>, l: &mut NewLine, no: usize) -> bool {
    let mut changed = false;
    let warn = quarter_warning(l).is_some();
    for (q, name) in ["TW I", "TW II", "TW III", "TW IV"].iter().enumerate() {
        row.col(|ui| {
            changed |= named_edit(ui, &mut l.tw[q], format!("Baris {no} {name}"), 54.0, warn);
        });
    }
    changed
}

/// Where the line came from: Renstra, Renja or typed.
fn source_cell(row: &mut TableRow<'_, '_>, l: &NewLine) {
    row.col(|ui| {
        let s = match l.sumber {
            Some(LineSource::Renstra(_)) => "Renstra",
            Some(LineSource::Renja(_)) => "Renja",
            None => "Manual",
        };
        ui.add(egui::Label::new(RichText::new(s).weak()).selectable(false));
    });
}

/// The up, down and delete buttons of line `k` of `n`.
fn move_cell(row: &mut TableRow<'_, '_>, k: usize, n: usize) -> Option<LineAction> {
    let mut action = None;
    row.col(|ui| {
        if ui
            .add_enabled(k > 0, egui::Button::new("↑").small())
            .on_hover_text("Naikkan")
            .clicked()
        {
            action = Some((k, -1));
        }
        if ui
            .add_enabled(k + 1 < n, egui::Button::new("↓").small())
            .on_hover_text("Turunkan")
            .clicked()
        {
            action = Some((k, 1));
        }
        if ui.small_button("Hapus").clicked() {
            action = Some((k, 0));
        }
    });
    action
}

/// Messages per line: problems from "Ajukan" and the quarter warnings.
fn messages(ui: &mut egui::Ui, ed: &Editor) {
    for p in &ed.problems {
        if matches!(
            p.field,
            Field::LineSasaran(_)
                | Field::LineIndikator(_)
                | Field::LineTarget(_)
                | Field::LineTw(_)
        ) {
            inline_error(ui, &p.message);
        }
    }
    for (k, l) in ed.content.lines.iter().enumerate() {
        if let Some(w) = quarter_warning(l) {
            ui.label(RichText::new(format!("Baris {}: {w}", k + 1)).color(AMBAR));
        }
    }
}
