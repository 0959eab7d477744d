//! The Renstra page: the period, the tree of tujuan, sasaran and indikator, and the period form.

use super::{IndForm, NodeForm, PlanPanels, Sel, excel_toolbar, parse_year, red};
use crate::app::{RenstraCmd, ViewData};
use crate::model::plan::{IndikatorRow, SasaranNode, TujuanNode};
use crate::ui::panels::widgets::{confirm_window, heading, text_field};
use crate::ui::panels::{Form, Outbox};
use egui::RichText;

/// One line of the Renstra tree.
enum TreeRow<'a> {
    Tujuan(&'a TujuanNode),
    Sasaran(&'a SasaranNode),
    Indikator(&'a IndikatorRow),
}

impl PlanPanels {
    pub fn renstra(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        let before = self.form_texts();
        self.renstra_page(ui, view, year, out);
        self.clear_errors_of_edited(&before);
    }

    fn renstra_page(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        confirm_window(ui.ctx(), &mut self.confirm, out);
        let Some((period, tree)) = &view.renstra else {
            heading(ui, "Renstra", "");
            excel_toolbar(ui, year, out);
            ui.label(format!(
                "Belum ada periode Renstra yang mencakup tahun {year}. Buat periodenya:"
            ));
            self.period_form(ui, year, out);
            return;
        };
        heading(
            ui,
            &format!("Renstra {}–{}", period.tahun_awal, period.tahun_akhir),
            &period.nama,
        );
        excel_toolbar(ui, year, out);
        ui.horizontal(|ui| {
            if ui
                .selectable_label(!self.tabel, "Struktur dan indikator")
                .clicked()
            {
                self.tabel = false;
            }
            if ui
                .selectable_label(self.tabel, "Tabel target per tahun")
                .clicked()
            {
                self.tabel = true;
            }
        });
        ui.separator();
        if self.tabel {
            self.renstra_tabel(ui, view, out);
            return;
        }
        if self.loaded != Some(self.sel) {
            self.load_node(view);
        }
        let years: Vec<i32> = (period.tahun_awal..=period.tahun_akhir).collect();
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            self.new_buttons(ui, tree);
            ui.add_space(4.0);
            if tree.is_empty() {
                ui.label("Periode ini belum berisi tujuan.");
            }
            self.tree(ui, tree);
            let ui = &mut cols[1];
            egui::ScrollArea::vertical()
                .id_salt("form_renstra")
                .show(ui, |ui| {
                    self.node_form(ui, view, period.id, &years, out);
                });
        });
    }

    /// "Tujuan baru", and "Sasaran baru" or "Indikator baru" under the selection.
    fn new_buttons(&mut self, ui: &mut egui::Ui, tree: &[TujuanNode]) {
        ui.horizontal_wrapped(|ui| {
            if ui.button("Tujuan baru").clicked() {
                self.sel = Sel::NewTujuan;
            }
            let tujuan = match self.sel {
                Sel::Tujuan(t) => Some(t),
                Sel::Sasaran(s) => tree
                    .iter()
                    .find(|t| t.sasaran.iter().any(|x| x.id == s))
                    .map(|t| t.id),
                _ => None,
            };
            if let Some(t) = tujuan
                && ui.button("Sasaran baru").clicked()
            {
                self.sel = Sel::NewSasaran(t);
            }
            let sasaran = match self.sel {
                Sel::Sasaran(s) => Some(s),
                Sel::Indikator(i) => tree
                    .iter()
                    .flat_map(|t| &t.sasaran)
                    .find(|s| s.indikator.iter().any(|x| x.id == i))
                    .map(|s| s.id),
                _ => None,
            };
            if let Some(s) = sasaran
                && ui.button("Indikator baru").clicked()
            {
                self.sel = Sel::NewIndikator(s);
            }
        });
    }

    /// The tree, one selectable line per node.
    fn tree(&mut self, ui: &mut egui::Ui, tree: &[TujuanNode]) {
        // One line per node, only the lines in view built: a Renstra of
        // a large agency has well over a thousand indicators. A long
        // name is cut with "…" and shown whole on hover and in the form.
        let rows: Vec<TreeRow> = tree
            .iter()
            .flat_map(|t| {
                std::iter::once(TreeRow::Tujuan(t)).chain(t.sasaran.iter().flat_map(|s| {
                    std::iter::once(TreeRow::Sasaran(s))
                        .chain(s.indikator.iter().map(TreeRow::Indikator))
                }))
            })
            .collect();
        let row_h = ui.spacing().interact_size.y.max(
            ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y,
        );
        egui::ScrollArea::vertical()
            .id_salt("pohon_renstra")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, rows.len(), |ui, range| {
                let w = ui.available_width();
                for row in &rows[range] {
                    let (sel, text) = match row {
                        TreeRow::Tujuan(t) => (
                            Sel::Tujuan(t.id),
                            RichText::new(format!("Tujuan {} — {}", t.kode, t.uraian)).strong(),
                        ),
                        TreeRow::Sasaran(s) => (
                            Sel::Sasaran(s.id),
                            RichText::new(format!("    Sasaran {} — {}", s.kode, s.uraian)),
                        ),
                        TreeRow::Indikator(i) => (
                            Sel::Indikator(i.id),
                            RichText::new(format!("        {} {} ({})", i.kode, i.nama, i.satuan)),
                        ),
                    };
                    let button = egui::Button::selectable(self.sel == sel, text)
                        .truncate()
                        .min_size(egui::vec2(w, row_h));
                    if ui.add(button).clicked() {
                        self.sel = sel;
                    }
                }
            });
    }

    fn period_form(&mut self, ui: &mut egui::Ui, year: i32, out: &mut Outbox) {
        let f = &mut self.period;
        if f.awal.is_empty() && f.akhir.is_empty() {
            f.awal = year.to_string();
            f.akhir = (year + 4).to_string();
        }
        egui::Grid::new("form_periode")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                text_field(ui, "Tahun awal", &mut f.awal);
                text_field(ui, "Tahun akhir", &mut f.akhir);
                text_field(ui, "Nama periode", &mut f.nama);
            });
        if ui.button("Buat periode").clicked() {
            match (parse_year(&f.awal), parse_year(&f.akhir)) {
                (Some(a), Some(b)) => out.send(
                    Form::Periode,
                    RenstraCmd::AddPeriod {
                        tahun_awal: a,
                        tahun_akhir: b,
                        nama: f.nama.clone(),
                    },
                ),
                _ => {
                    self.errors.insert(
                        Form::Periode,
                        "Tahun awal dan akhir harus tahun 2000–2100".into(),
                    );
                }
            }
        }
        if let Some(e) = self.errors.get(&Form::Periode) {
            red(ui, e);
        }
    }

    /// Fills the form of the selected node from the view data.
    fn load_node(&mut self, view: &ViewData) {
        self.loaded = Some(self.sel);
        self.errors.remove(&Form::Renstra);
        if view.renstra.is_none() {
            return;
        }
        // A node that no longer exists (deleted) leaves nothing selected.
        let stored = node_forms_of(view, self.sel);
        if stored.is_none() {
            self.sel = Sel::None;
            self.loaded = Some(Sel::None);
        }
        (self.node, self.ind) = stored.clone().unwrap_or_default();
        let record = matches!(
            self.sel,
            Sel::Tujuan(_) | Sel::Sasaran(_) | Sel::Indikator(_)
        );
        self.node_base.set(stored.filter(|_| record));
    }
}

/// The node and indikator forms of a selection as stored now; `None` when
/// the selected node no longer exists.
pub(super) fn node_forms_of(view: &ViewData, sel: Sel) -> Option<(NodeForm, IndForm)> {
    let tree = view
        .renstra
        .as_ref()
        .map(|(_, t)| t.as_slice())
        .unwrap_or(&[]);
    let sasaran = || tree.iter().flat_map(|t| &t.sasaran);
    let node = |kode: &str, uraian: &str| NodeForm {
        kode: kode.to_string(),
        uraian: uraian.to_string(),
    };
    Some(match sel {
        Sel::Tujuan(id) => {
            let t = tree.iter().find(|t| t.id == id)?;
            (node(&t.kode, &t.uraian), IndForm::default())
        }
        Sel::Sasaran(id) => {
            let s = sasaran().find(|s| s.id == id)?;
            (node(&s.kode, &s.uraian), IndForm::default())
        }
        Sel::Indikator(id) => {
            let (sasaran_id, i) = sasaran()
                .flat_map(|s| s.indikator.iter().map(move |i| (s.id, i)))
                .find(|(_, i)| i.id == id)?;
            (NodeForm::default(), ind_form_of(sasaran_id, i))
        }
        _ => Default::default(),
    })
}

/// The indikator form filled from a stored indikator.
fn ind_form_of(sasaran_id: crate::model::id::SasaranId, i: &IndikatorRow) -> IndForm {
    IndForm {
        kode: i.kode.clone(),
        nama: i.nama.clone(),
        satuan: i.satuan.clone(),
        baseline_tahun: i.baseline_tahun.map(|y| y.to_string()).unwrap_or_default(),
        baseline_nilai: i.baseline_nilai.clone(),
        targets: i.targets.iter().map(|(y, t)| (*y, t.tampil())).collect(),
        definisi: i.definisi.clone(),
        formula: i.formula.clone(),
        sumber_data: i.sumber_data.clone(),
        turun_baik: !i.naik_baik,
        kumulatif: i.kumulatif,
        unit_id: i.unit_id,
        sasaran_id,
    }
}
