//! The budget of the agreement: programs, activities and sub-activities with their amounts.

use super::{Editor, named_edit};
use crate::fmt;
use crate::model::agreement::{Field, NewBudgetLine, budget_total};
use crate::model::plan::Tingkat;
use crate::ui::panels::lists::fixed;
use crate::ui::panels::widgets::inline_error;
use egui::RichText;
use egui_extras::{TableBuilder, TableRow};

pub(super) fn budget(ui: &mut egui::Ui, ed: &mut Editor) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.strong("Anggaran");
        if ui.button("Tambah baris anggaran").clicked() {
            ed.content.budget.push(NewBudgetLine::default());
            ed.anggaran_buf.push("0".into());
            changed = true;
        }
    });
    if ed.anggaran_buf.len() != ed.content.budget.len() {
        ed.sync_buffers();
    }
    let mut remove = None;
    let mut bad_amount = Vec::new();
    if !ed.content.budget.is_empty() {
        changed |= table(ui, ed, &mut remove, &mut bad_amount);
    }
    if let Some(k) = remove {
        let b = ed.content.budget.remove(k);
        let buf = ed.anggaran_buf.remove(k);
        ed.removed = Some(super::Removed::Budget(k, b, buf));
        changed = true;
    }
    for e in &bad_amount {
        inline_error(ui, e);
    }
    for p in &ed.problems {
        if matches!(p.field, Field::Budget(_)) && !bad_amount.contains(&p.message) {
            inline_error(ui, &p.message);
        }
    }
    let total = if bad_amount.is_empty() {
        fmt::rupiah(budget_total(&ed.content.budget))
    } else {
        "belum dapat dihitung (ada jumlah yang belum terbaca)".into()
    };
    ui.label(RichText::new(format!("Jumlah anggaran: {total}")).strong());
    ui.add_space(12.0);
    changed
}

/// The table of budget lines: whether a cell changed; the line to delete
/// goes to `remove`, the amounts that do not read to `bad_amount`.
fn table(
    ui: &mut egui::Ui,
    ed: &mut Editor,
    remove: &mut Option<usize>,
    bad_amount: &mut Vec<String>,
) -> bool {
    let mut changed = false;
    let n = ed.content.budget.len();
    TableBuilder::new(ui)
        .id_salt("pk_anggaran")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .vscroll(false)
        .column(fixed(130.0))
        .column(fixed(150.0))
        .column(fixed(380.0))
        .column(fixed(160.0))
        .column(fixed(70.0))
        .header(22.0, |mut h| {
            for c in [
                "Tingkat",
                "Kode",
                "Program/Kegiatan/Sub Kegiatan",
                "Anggaran (Rp)",
                "",
            ] {
                h.col(|ui| {
                    ui.strong(c);
                });
            }
        })
        .body(|body| {
            body.rows(28.0, n, |mut row| {
                let k = row.index();
                let no = k + 1;
                let b = &mut ed.content.budget[k];
                changed |= level_cell(&mut row, b, k);
                changed |= text_cells(&mut row, b, no);
                let buf = &mut ed.anggaran_buf[k];
                changed |= amount_cell(&mut row, b, buf, no, bad_amount);
                row.col(|ui| {
                    if ui.small_button("Hapus").clicked() {
                        *remove = Some(k);
                    }
                });
            });
        });
    changed
}

/// The level (program, activity, sub-activity) of budget line `k`.
fn level_cell(row: &mut TableRow<'_, '_>, b: &mut NewBudgetLine, k: usize) -> bool {
    let no = k + 1;
    let mut changed = false;
    row.col(|ui| {
        egui::ComboBox::from_id_salt(("pk_tingkat", k))
            .width(115.0)
            .selected_text(b.level.label())
            .show_ui(ui, |ui| {
                for lv in Tingkat::ALL {
                    if ui.selectable_label(b.level == lv, lv.label()).clicked() && b.level != lv {
                        b.level = lv;
                        changed = true;
                    }
                }
            })
            .response
            .widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::ComboBox,
                    true,
                    format!("Anggaran {no} Tingkat"),
                )
            });
    });
    changed
}

/// The code and the name of budget line `no`.
fn text_cells(row: &mut TableRow<'_, '_>, b: &mut NewBudgetLine, no: usize) -> bool {
    let mut changed = false;
    row.col(|ui| {
        changed |= named_edit(ui, &mut b.kode, format!("Anggaran {no} Kode"), 140.0, false);
    });
    row.col(|ui| {
        changed |= named_edit(
            ui,
            &mut b.uraian,
            format!("Anggaran {no} Uraian"),
            370.0,
            false,
        );
    });
    changed
}

/// The amount of budget line `no`, typed in `buf` and read as rupiah.
fn amount_cell(
    row: &mut TableRow<'_, '_>,
    b: &mut NewBudgetLine,
    buf: &mut String,
    no: usize,
    bad_amount: &mut Vec<String>,
) -> bool {
    let mut changed = false;
    row.col(|ui| {
        let parsed = fmt::baca_rupiah(buf);
        if named_edit(
            ui,
            buf,
            format!("Anggaran {no} Jumlah"),
            150.0,
            parsed.is_err(),
        ) {
            // An edit either way; only a text that reads is taken.
            if let Ok(v) = fmt::baca_rupiah(buf) {
                b.anggaran = v;
            }
            changed = true;
        }
        if let Err(e) = fmt::baca_rupiah(buf) {
            bad_amount.push(format!("Anggaran baris {no}: {e}"));
        }
    });
    changed
}
