//! The Renja page: the DPA of the year, the table of programs, activities
//! and sub-activities with their totals, and the item form below it.

use super::{DpaForm, PlanPanels, RenjaForm, RenjaSel, excel_toolbar, red};
use crate::app::{RenjaCmd, ViewData};
use crate::fmt;
use crate::model::plan::{RenjaItemRow, Tingkat};
use crate::ui::panels::lists::fixed;
use crate::ui::panels::widgets::{confirm_window, heading};
use crate::ui::panels::{Form, Outbox};
use egui::{Color32, RichText};
use egui_extras::{TableBuilder, TableRow};

impl PlanPanels {
    pub fn renja(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        let before = self.form_texts();
        self.renja_page(ui, view, year, out);
        self.clear_errors_of_edited(&before);
    }

    fn renja_page(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        confirm_window(ui.ctx(), &mut self.confirm, out);
        heading(
            ui,
            &format!("Renja {year}"),
            "Program, kegiatan dan sub kegiatan dengan indikator, pagu dan DPA.",
        );
        excel_toolbar(ui, year, out);
        self.dpa_form(ui, view, year, out);
        ui.separator();
        if self.renja_loaded != Some(self.renja_sel) {
            self.load_renja(view);
        }
        egui::ScrollArea::vertical()
            .id_salt("renja_gulir")
            .show(ui, |ui| {
                self.renja_tabel(ui, view, year);
                ui.add_space(8.0);
                ui.separator();
                self.renja_form(ui, view, year, out);
            });
    }

    fn dpa_form(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        let saved = view.renja_years.iter().find(|r| r.tahun == year);
        let stored = dpa_form_of(view, year);
        self.dpa.conflict_bar(ui, &stored);
        let f = self.dpa.edit(&stored);
        let parsed = (!f.tanggal.trim().is_empty()).then(|| fmt::baca_tanggal(&f.tanggal));
        ui.horizontal(|ui| {
            let l = ui.label("Nomor DPA");
            ui.add(egui::TextEdit::singleline(&mut f.nomor).desired_width(200.0))
                .labelled_by(l.id);
            let l = ui.label("Tanggal pengesahan DPA");
            ui.add(
                egui::TextEdit::singleline(&mut f.tanggal)
                    .desired_width(110.0)
                    .hint_text("hh-bb-tttt"),
            )
            .labelled_by(l.id);
            let ok = !matches!(parsed, Some(Err(_)));
            if ui
                .add_enabled(ok, egui::Button::new("Simpan DPA"))
                .clicked()
            {
                let tanggal = parsed.as_ref().and_then(|r| r.as_ref().ok().copied());
                out.send(
                    Form::Dpa,
                    RenjaCmd::SetYear {
                        tahun: year,
                        nomor_dpa: f.nomor.clone(),
                        tanggal_dpa: tanggal,
                    },
                );
            }
            if saved.is_none() {
                ui.label(
                    RichText::new("Renja tahun ini belum dibuat; menyimpan DPA membuatnya.").weak(),
                );
            }
        });
        if let Some(Err(e)) = &parsed {
            red(ui, e);
        }
        if let Some(r) = saved {
            let nomor = if r.nomor_dpa.is_empty() {
                "nomor belum dicatat"
            } else {
                r.nomor_dpa.as_str()
            };
            ui.label(match r.tanggal_dpa {
                Some(d) => format!(
                    "DPA: {nomor} · disahkan {} · batas penetapan PK {}",
                    fmt::tanggal(d),
                    fmt::tanggal(d.checked_add_months(chrono::Months::new(1)).unwrap_or(d))
                ),
                None => format!("DPA: {nomor} · tanggal pengesahan belum dicatat"),
            });
        }
        if let Some(e) = self.errors.get(&Form::Dpa) {
            red(ui, e);
        }
        self.dpa.settle(&stored);
    }

    pub(super) fn load_renja(&mut self, view: &ViewData) {
        self.renja_loaded = Some(self.renja_sel);
        self.errors.remove(&Form::Renja);
        let stored = renja_form_of(view, self.renja_sel);
        self.renja = stored.clone().unwrap_or_default();
        let record = matches!(self.renja_sel, RenjaSel::Item(_));
        self.renja_base.set(stored.filter(|_| record));
    }

    fn renja_tabel(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32) {
        if view.renja.is_empty() {
            ui.label(format!("Renja {year} belum berisi program."));
            return;
        }
        let items = &view.renja;
        ui.add_space(4.0);
        egui::ScrollArea::horizontal()
            .id_salt("renja_tabel")
            .show(ui, |ui| {
                // Clicking a row's text selects the row (text selection would swallow it).
                ui.style_mut().interaction.selectable_labels = false;
                TableBuilder::new(ui)
                    .striped(true)
                    .sense(egui::Sense::click())
                    .column(fixed(160.0))
                    .column(fixed(250.0))
                    .column(fixed(130.0))
                    .column(fixed(230.0))
                    .column(fixed(125.0))
                    .column(fixed(140.0))
                    .header(24.0, |mut h| {
                        for t in [
                            "Kode",
                            "Nama",
                            "Unit",
                            "Indikator · Target",
                            "Pagu Renja",
                            "Pagu DPA · selisih",
                        ] {
                            h.col(|ui| {
                                ui.strong(t);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(40.0, items.len(), |mut row| {
                            let r = &items[row.index()];
                            item_cells(&mut row, r, items, view);
                            if row.response().clicked() {
                                self.renja_sel = RenjaSel::Item(r.id);
                            }
                        });
                    });
            });
        ui.add_space(8.0);
        totals(ui, items);
    }
}

/// The cells of Renja item `r`: code, name, unit, indicators and the two pagu.
fn item_cells(
    row: &mut TableRow<'_, '_>,
    r: &RenjaItemRow,
    items: &[RenjaItemRow],
    view: &ViewData,
) {
    let indent = "  ".repeat(crate::model::agreement::level_depth(r.level));
    let strong = r.level != Tingkat::SubKegiatan;
    let text = |s: String| {
        if strong {
            RichText::new(s).strong()
        } else {
            RichText::new(s)
        }
    };
    row.col(|ui| {
        ui.label(text(format!("{indent}{}", r.kode)));
    });
    row.col(|ui| {
        ui.vertical(|ui| {
            ui.add(egui::Label::new(text(r.nama.clone())).truncate());
            ui.label(RichText::new(r.level.label()).weak().small());
        });
    });
    row.col(|ui| {
        ui.add(egui::Label::new(view.unit_name(r.unit_id)).truncate());
    });
    row.col(|ui| {
        let ind: Vec<String> = r
            .indikator
            .iter()
            .map(|(n, s, t)| format!("{n}: {} {s}", t.tampil()))
            .collect();
        ui.add(egui::Label::new(ind.join("; ")).truncate());
    });
    row.col(|ui| {
        ui.vertical(|ui| {
            ui.label(text(fmt::rupiah(r.pagu)));
            if let Some(sum) = mismatch(items, r) {
                ui.label(
                    RichText::new(format!("rincian: {}", fmt::rupiah(sum)))
                        .small()
                        .color(Color32::from_rgb(200, 120, 0)),
                );
            }
        });
    });
    row.col(|ui| {
        ui.vertical(|ui| {
            ui.label(r.pagu_dpa.map(fmt::rupiah).unwrap_or_else(|| "—".into()));
            if let Some(d) = r.pagu_dpa.map(|d| d - r.pagu).filter(|d| *d != 0) {
                ui.label(
                    RichText::new(format!("selisih {}", fmt::rupiah(d)))
                        .small()
                        .color(Color32::from_rgb(200, 120, 0)),
                );
            }
        });
    });
}

/// The sum of the children's pagu when it differs from the parent's.
fn mismatch(items: &[RenjaItemRow], r: &RenjaItemRow) -> Option<i64> {
    let kids: Vec<&RenjaItemRow> = items.iter().filter(|c| c.parent_id == Some(r.id)).collect();
    let sum: i64 = kids.iter().map(|c| c.pagu).sum();
    (!kids.is_empty() && sum != r.pagu).then_some(sum)
}

/// The totals of pagu Renja and pagu DPA per level.
fn totals(ui: &mut egui::Ui, items: &[RenjaItemRow]) {
    let total = |level: Tingkat, f: &dyn Fn(&RenjaItemRow) -> i64| -> i64 {
        items.iter().filter(|r| r.level == level).map(f).sum()
    };
    egui::Grid::new("jumlah_renja")
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Jumlah").strong());
            ui.label(RichText::new("Pagu Renja").strong());
            ui.label(RichText::new("Pagu DPA").strong());
            ui.end_row();
            for level in Tingkat::ALL {
                ui.label(level.label());
                ui.label(fmt::rupiah(total(level, &|r| r.pagu)));
                ui.label(fmt::rupiah(total(level, &|r| r.pagu_dpa.unwrap_or(0))));
                ui.end_row();
            }
        });
}

/// The form of a Renja selection as stored now; `None` when the selected
/// item no longer exists.
pub(super) fn renja_form_of(view: &ViewData, sel: RenjaSel) -> Option<RenjaForm> {
    let RenjaSel::Item(id) = sel else {
        return Some(RenjaForm::default());
    };
    let r = view.renja.iter().find(|r| r.id == id)?;
    Some(RenjaForm {
        tingkat: r.level,
        parent_id: r.parent_id,
        kode: r.kode.clone(),
        nama: r.nama.clone(),
        unit_id: r.unit_id,
        sasaran_id: r.sasaran_id,
        pagu: fmt::ribuan(r.pagu),
        pagu_dpa: r.pagu_dpa.map(fmt::ribuan).unwrap_or_default(),
        indikator: r
            .indikator
            .iter()
            .map(|(n, s, t)| (n.clone(), s.clone(), t.tampil()))
            .collect(),
    })
}

/// The DPA form of `year` as stored now (empty when the year has no Renja).
pub(super) fn dpa_form_of(view: &ViewData, year: i32) -> DpaForm {
    let saved = view.renja_years.iter().find(|r| r.tahun == year);
    DpaForm {
        nomor: saved.map(|r| r.nomor_dpa.clone()).unwrap_or_default(),
        tanggal: saved
            .and_then(|r| r.tanggal_dpa)
            .map(fmt::tanggal_isian)
            .unwrap_or_default(),
    }
}
