//! Renstra and Renja as they stand in the database: the Renstra tree with
//! every yearly target, the Renja with its budgets, DPA and totals per level.

use super::{Form, Outbox};
use crate::app::{Created, ExchangeCmd, RenjaCmd, RenstraCmd, Reply, ViewData};
use crate::model::id::{IndikatorId, PeriodId, RenjaItemId, SasaranId, TujuanId, UnitId};
use crate::model::plan::RenstraNode;
use crate::ui::SAVE;
use egui::{Color32, RichText};
use egui_extras::TableBuilder;

use super::lists::fixed;

use super::widgets::{Confirm, confirm_window, heading, inline_error, text_field, unit_picker};
use crate::fmt;
use crate::model::plan::{
    IndikatorRow, NewIndikator, NewRenjaItem, RenjaItemRow, SasaranNode, TujuanNode,
};
use crate::model::plan::{Target, Tingkat};

/// One line of the Renstra tree.
enum TreeRow<'a> {
    Tujuan(&'a TujuanNode),
    Sasaran(&'a SasaranNode),
    Indikator(&'a IndikatorRow),
}

impl PlanPanels {
    /// The yearly targets of every indicator of the period, as an editable
    /// table: one row per indicator, one column per year. Only the rows in
    /// view are built, so thousands of indicators scroll smoothly; edits stay
    /// drafts (checked per cell) until saved together in one transaction.
    fn renstra_tabel(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        let Some((period, tree)) = &view.renstra else {
            return;
        };
        let years: Vec<i32> = (period.tahun_awal..=period.tahun_akhir).collect();
        let rows: Vec<&crate::model::plan::IndikatorRow> = tree
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
        ui.horizontal(|ui| {
            let n = self.target_edits.len();
            let save = ui.add_enabled(
                n > 0 && bad.is_empty(),
                egui::Button::new(format!("Simpan perubahan target ({n})")),
            );
            if save.clicked()
                || (n > 0 && bad.is_empty() && ui.input_mut(|i| i.consume_shortcut(&SAVE)))
            {
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
            }
            ui.label(RichText::new(format!("{} indikator", rows.len())).weak());
        });
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
                            row.col(|ui| {
                                let key = (i.id, *y);
                                let stored =
                                    i.targets.get(y).map(|t| t.tampil()).unwrap_or_default();
                                let mut v = self
                                    .target_edits
                                    .get(&key)
                                    .cloned()
                                    .unwrap_or_else(|| stored.clone());
                                let invalid = !v.trim().is_empty() && Target::parse(&v).is_err();
                                let mut edit = egui::TextEdit::singleline(&mut v)
                                    .id_salt(("target", i.id, *y))
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
                                    } else {
                                        self.target_edits.insert(key, v);
                                    }
                                }
                            });
                        }
                    });
                });
            });
    }

    fn renja_tabel(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32) {
        if view.renja.is_empty() {
            ui.label(format!("Renja {year} belum berisi program."));
            return;
        }
        let items = &view.renja;
        let depth = |r: &RenjaItemRow| crate::model::agreement::level_depth(r.level);
        // Totals per level, and whether a parent's pagu equals its children's.
        let total = |level: Tingkat, f: &dyn Fn(&RenjaItemRow) -> i64| -> i64 {
            items.iter().filter(|r| r.level == level).map(f).sum()
        };
        let mismatch = |r: &RenjaItemRow| -> Option<i64> {
            let kids: Vec<&RenjaItemRow> =
                items.iter().filter(|c| c.parent_id == Some(r.id)).collect();
            let sum: i64 = kids.iter().map(|c| c.pagu).sum();
            (!kids.is_empty() && sum != r.pagu).then_some(sum)
        };
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
                            let indent = "  ".repeat(depth(r));
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
                                    if let Some(sum) = mismatch(r) {
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
                                    ui.label(
                                        r.pagu_dpa.map(fmt::rupiah).unwrap_or_else(|| "—".into()),
                                    );
                                    if let Some(d) =
                                        r.pagu_dpa.map(|d| d - r.pagu).filter(|d| *d != 0)
                                    {
                                        ui.label(
                                            RichText::new(format!("selisih {}", fmt::rupiah(d)))
                                                .small()
                                                .color(Color32::from_rgb(200, 120, 0)),
                                        );
                                    }
                                });
                            });
                            if row.response().clicked() {
                                self.renja_sel = RenjaSel::Item(r.id);
                            }
                        });
                    });
            });
        ui.add_space(8.0);
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
}

/// What the Renstra editor has selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Sel {
    #[default]
    None,
    Tujuan(TujuanId),
    Sasaran(SasaranId),
    Indikator(IndikatorId),
    NewTujuan,
    /// A new sasaran under this tujuan.
    NewSasaran(TujuanId),
    /// A new indikator under this sasaran.
    NewIndikator(SasaranId),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum RenjaSel {
    #[default]
    None,
    Item(RenjaItemId),
    New,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct NodeForm {
    kode: String,
    uraian: String,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct IndForm {
    kode: String,
    nama: String,
    satuan: String,
    baseline_tahun: String,
    baseline_nilai: String,
    targets: std::collections::BTreeMap<i32, String>,
    definisi: String,
    formula: String,
    sumber_data: String,
    turun_baik: bool,
    unit_id: Option<UnitId>,
    /// The sasaran an edited indicator belongs to.
    sasaran_id: SasaranId,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct PeriodForm {
    awal: String,
    akhir: String,
    nama: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct RenjaForm {
    tingkat: Tingkat,
    parent_id: Option<RenjaItemId>,
    kode: String,
    nama: String,
    unit_id: Option<UnitId>,
    sasaran_id: Option<SasaranId>,
    pagu: String,
    pagu_dpa: String,
    /// (nama, satuan, target)
    indikator: Vec<(String, String, String)>,
}

impl Default for RenjaForm {
    fn default() -> Self {
        RenjaForm {
            tingkat: Tingkat::Program,
            parent_id: None,
            kode: String::new(),
            nama: String::new(),
            unit_id: None,
            sasaran_id: None,
            pagu: String::new(),
            pagu_dpa: String::new(),
            indikator: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
struct DpaForm {
    nomor: String,
    tanggal: String,
}

/// Unsaved input of the Renstra and Renja editors, remembered across
/// restarts and crashes.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PlanDrafts {
    sel: Sel,
    node: NodeForm,
    ind: IndForm,
    period: PeriodForm,
    renja_sel: RenjaSel,
    renja: RenjaForm,
    dpa: Option<DpaForm>,
    /// (indikator, year, text) of unsaved target-table cells.
    targets: Vec<(IndikatorId, i32, String)>,
}

#[derive(Default)]
pub struct PlanPanels {
    tabel: bool,
    sel: Sel,
    /// The selection the forms were last filled for.
    loaded: Option<Sel>,
    node: NodeForm,
    ind: IndForm,
    period: PeriodForm,
    /// Unsaved cells of the target table: (indikator, year) → text.
    target_edits: std::collections::HashMap<(IndikatorId, i32), String>,
    renja_sel: RenjaSel,
    renja_loaded: Option<RenjaSel>,
    renja: RenjaForm,
    dpa: Option<DpaForm>,
    errors: std::collections::HashMap<Form, String>,
    confirm: Option<Confirm>,
}

/// The baseline and the yearly targets of an indicator as a small chart
/// (numeric targets only; text targets such as WTP are listed under it).
fn target_chart(ui: &mut egui::Ui, f: &IndForm, years: &[i32]) {
    use egui_plot::{Legend, Line, Plot, PlotPoints, Points};
    let numeric: Vec<[f64; 2]> = years
        .iter()
        .filter_map(|y| match f.targets.get(y).map(|v| Target::parse(v)) {
            Some(Ok(Target::Angka(v))) => Some([*y as f64, v]),
            _ => None,
        })
        .collect();
    let text: Vec<String> = years
        .iter()
        .filter_map(|y| match f.targets.get(y).map(|v| Target::parse(v)) {
            Some(Ok(Target::Teks(t))) => Some(format!("{y}: {t}")),
            _ => None,
        })
        .collect();
    let baseline = parse_year(&f.baseline_tahun).zip(match Target::parse(&f.baseline_nilai) {
        Ok(Target::Angka(v)) => Some(v),
        _ => None,
    });
    if numeric.is_empty() && baseline.is_none() {
        if !text.is_empty() {
            ui.label(RichText::new(format!("Target berupa teks: {}", text.join(", "))).weak());
        }
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Baseline dan target").strong());
    Plot::new(("grafik_target", f.kode.clone(), f.nama.clone()))
        .height(160.0)
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_formatter(|m, _| format!("{}", m.value.round() as i64))
        .y_axis_formatter(|m, _| fmt::angka(m.value))
        .label_formatter(|h| match h {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name} {}: {}",
                position.x.round() as i64,
                fmt::angka(position.y)
            )),
            _ => None,
        })
        .show(ui, |plot| {
            if !numeric.is_empty() {
                plot.line(Line::new("Target", PlotPoints::from(numeric.clone())));
                plot.points(Points::new("Target", PlotPoints::from(numeric)).radius(3.0));
            }
            if let Some((y, v)) = baseline {
                plot.points(
                    Points::new("Baseline", PlotPoints::from(vec![[y as f64, v]])).radius(4.0),
                );
            }
        });
    if !text.is_empty() {
        ui.label(RichText::new(format!("Target berupa teks: {}", text.join(", "))).weak());
    }
}

/// Export, import and template buttons; each asks for a file first.
fn excel_toolbar(ui: &mut egui::Ui, year: i32, out: &mut Outbox) {
    ui.horizontal(|ui| {
        let xlsx = |d: rfd::FileDialog| d.add_filter("Buku kerja Excel", &["xlsx"]);
        if ui.button("Ekspor ke Excel…").clicked()
            && let Some(p) = xlsx(rfd::FileDialog::new())
                .set_title("Ekspor Renstra dan Renja")
                .set_file_name(format!("renstra-renja-{year}.xlsx"))
                .save_file()
        {
            out.send(Form::Excel, ExchangeCmd::Export { path: p });
        }
        if ui.button("Impor dari Excel…").clicked()
            && let Some(p) = xlsx(rfd::FileDialog::new())
                .set_title("Impor Renstra dan Renja")
                .pick_file()
        {
            out.send(Form::Excel, ExchangeCmd::Read { path: p });
        }
        if ui.button("Simpan templat Excel…").clicked()
            && let Some(p) = xlsx(rfd::FileDialog::new())
                .set_title("Simpan templat Excel")
                .set_file_name("templat-renstra-renja.xlsx")
                .save_file()
        {
            out.send(Form::Excel, ExchangeCmd::SaveTemplate { path: p });
        }
    });
}

fn red(ui: &mut egui::Ui, msg: &str) {
    ui.add(egui::Label::new(RichText::new(msg).color(Color32::from_rgb(220, 60, 60))).wrap());
}

fn parse_year(s: &str) -> Option<i32> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
}

impl PlanPanels {
    pub fn drafts(&self) -> PlanDrafts {
        PlanDrafts {
            sel: self.sel,
            node: self.node.clone(),
            ind: self.ind.clone(),
            period: self.period.clone(),
            renja_sel: self.renja_sel,
            renja: self.renja.clone(),
            dpa: self.dpa.clone(),
            targets: self
                .target_edits
                .iter()
                .map(|((i, y), v)| (*i, *y, v.clone()))
                .collect(),
        }
    }

    /// Restores remembered input; the forms are not refilled from the
    /// database over it.
    pub fn restore(&mut self, d: PlanDrafts) {
        self.sel = d.sel;
        self.loaded = Some(d.sel);
        self.node = d.node;
        self.ind = d.ind;
        self.period = d.period;
        self.renja_sel = d.renja_sel;
        self.renja_loaded = Some(d.renja_sel);
        self.renja = d.renja;
        self.dpa = d.dpa;
        self.target_edits = d.targets.into_iter().map(|(i, y, v)| ((i, y), v)).collect();
    }

    pub fn on_replies(&mut self, replies: &[(Form, Reply)]) {
        for (form, reply) in replies {
            match reply {
                Reply::Err(e) => {
                    self.errors.insert(*form, e.clone());
                }
                Reply::Ok { created, .. } => {
                    self.errors.remove(form);
                    match (*form, self.sel, created) {
                        (Form::Renstra, Sel::NewTujuan, Some(Created::Tujuan(id))) => {
                            self.sel = Sel::Tujuan(*id)
                        }
                        (Form::Renstra, Sel::NewSasaran(_), Some(Created::Sasaran(id))) => {
                            self.sel = Sel::Sasaran(*id)
                        }
                        (Form::Renstra, Sel::NewIndikator(_), Some(Created::Indikator(id))) => {
                            self.sel = Sel::Indikator(*id)
                        }
                        (Form::Periode, _, _) => self.period = PeriodForm::default(),
                        _ => {}
                    }
                    if *form == Form::Renstra {
                        // Reload the form from the saved data.
                        self.loaded = None;
                    }
                    if *form == Form::Renja {
                        // A delete answers without an id: nothing stays selected.
                        self.renja_sel = match created {
                            Some(Created::RenjaItem(id)) => RenjaSel::Item(*id),
                            _ => RenjaSel::None,
                        };
                        self.renja_loaded = None;
                    }
                    if *form == Form::Dpa {
                        self.dpa = None;
                    }
                    if *form == Form::Target {
                        self.target_edits.clear();
                    }
                }
            }
        }
    }

    // ---- Renstra ------------------------------------------------------------------------

    pub fn renstra(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
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
            ui.add_space(4.0);
            if tree.is_empty() {
                ui.label("Periode ini belum berisi tujuan.");
            }
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
                ui.text_style_height(&egui::TextStyle::Button)
                    + 2.0 * ui.spacing().button_padding.y,
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
                                RichText::new(format!(
                                    "        {} {} ({})",
                                    i.kode, i.nama, i.satuan
                                )),
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
            let ui = &mut cols[1];
            egui::ScrollArea::vertical()
                .id_salt("form_renstra")
                .show(ui, |ui| {
                    self.node_form(ui, view, period.id, &years, out);
                });
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
                text_field(ui, "Tahun awal", &mut f.awal, None);
                text_field(ui, "Tahun akhir", &mut f.akhir, None);
                text_field(ui, "Nama periode", &mut f.nama, None);
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
        let Some((_, tree)) = &view.renstra else {
            return;
        };
        self.node = NodeForm::default();
        self.ind = IndForm::default();
        // A node that no longer exists (deleted) leaves nothing selected.
        let sasaran = || tree.iter().flat_map(|t| &t.sasaran);
        let gone = match self.sel {
            Sel::Tujuan(id) => !tree.iter().any(|t| t.id == id),
            Sel::Sasaran(id) => !sasaran().any(|s| s.id == id),
            Sel::Indikator(id) => !sasaran().flat_map(|s| &s.indikator).any(|i| i.id == id),
            _ => false,
        };
        if gone {
            self.sel = Sel::None;
            self.loaded = Some(Sel::None);
        }
        match self.sel {
            Sel::Tujuan(id) => {
                if let Some(t) = tree.iter().find(|t| t.id == id) {
                    self.node = NodeForm {
                        kode: t.kode.clone(),
                        uraian: t.uraian.clone(),
                    };
                }
            }
            Sel::Sasaran(id) => {
                if let Some(s) = tree.iter().flat_map(|t| &t.sasaran).find(|s| s.id == id) {
                    self.node = NodeForm {
                        kode: s.kode.clone(),
                        uraian: s.uraian.clone(),
                    };
                }
            }
            Sel::Indikator(id) => {
                let found = tree
                    .iter()
                    .flat_map(|t| &t.sasaran)
                    .flat_map(|s| s.indikator.iter().map(move |i| (s.id, i)))
                    .find(|(_, i)| i.id == id);
                if let Some((sasaran_id, i)) = found {
                    self.ind = IndForm {
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
                        unit_id: i.unit_id,
                        sasaran_id,
                    };
                }
            }
            _ => {}
        }
    }

    fn node_form(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        period_id: PeriodId,
        years: &[i32],
        out: &mut Outbox,
    ) {
        let (title, is_ind) = match self.sel {
            Sel::None => {
                ui.label(
                    "Pilih tujuan, sasaran atau indikator di sebelah kiri, atau buat yang baru.",
                );
                return;
            }
            Sel::Tujuan(_) => ("Ubah tujuan", false),
            Sel::Sasaran(_) => ("Ubah sasaran", false),
            Sel::Indikator(_) => ("Ubah indikator", true),
            Sel::NewTujuan => ("Tujuan baru", false),
            Sel::NewSasaran(_) => ("Sasaran baru", false),
            Sel::NewIndikator(_) => ("Indikator baru", true),
        };
        ui.label(RichText::new(title).strong());
        let mut save = false;
        if is_ind {
            let f = &mut self.ind;
            let mut target_errors: Vec<(i32, String)> = Vec::new();
            egui::Grid::new("form_indikator")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, "Kode indikator", &mut f.kode, None);
                    let e = f
                        .nama
                        .trim()
                        .is_empty()
                        .then_some("Nama indikator wajib diisi");
                    text_field(ui, "Nama indikator", &mut f.nama, e);
                    text_field(ui, "Satuan", &mut f.satuan, None);
                    let e = (!f.baseline_tahun.trim().is_empty()
                        && parse_year(&f.baseline_tahun).is_none())
                    .then_some("Tahun baseline harus tahun 2000–2100");
                    text_field(ui, "Tahun baseline", &mut f.baseline_tahun, e);
                    text_field(ui, "Nilai baseline", &mut f.baseline_nilai, None);
                    for y in years {
                        let v = f.targets.entry(*y).or_default();
                        let e = (!v.trim().is_empty())
                            .then(|| Target::parse(v).err())
                            .flatten()
                            .map(|e| e.to_string());
                        if let Some(e) = &e {
                            target_errors.push((*y, e.clone()));
                        }
                        text_field(ui, &format!("Target {y}"), v, e.as_deref());
                    }
                    let l = ui.label("Arah");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut f.turun_baik, false, "Naik baik");
                        ui.radio_value(&mut f.turun_baik, true, "Turun baik");
                    })
                    .response
                    .labelled_by(l.id);
                    ui.end_row();
                    unit_picker(
                        ui,
                        "Penanggung jawab",
                        "pj_indikator",
                        &mut f.unit_id,
                        view,
                        280.0,
                    );
                    text_field(ui, "Definisi operasional", &mut f.definisi, None);
                    text_field(ui, "Formula", &mut f.formula, None);
                    text_field(ui, "Sumber data", &mut f.sumber_data, None);
                });
            if !target_errors.is_empty() {
                inline_error(ui, "Perbaiki target yang ditandai sebelum menyimpan.");
            }
            target_chart(ui, f, years);
        } else {
            let f = &mut self.node;
            egui::Grid::new("form_node")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, "Kode", &mut f.kode, None);
                    text_field(ui, "Uraian", &mut f.uraian, None);
                });
        }
        ui.horizontal(|ui| {
            save = ui.button("Simpan").clicked();
            let node = match self.sel {
                Sel::Tujuan(id) => Some(RenstraNode::Tujuan(id)),
                Sel::Sasaran(id) => Some(RenstraNode::Sasaran(id)),
                Sel::Indikator(id) => Some(RenstraNode::Indikator(id)),
                _ => None,
            };
            if let Some(node) = node
                && ui.button("Hapus").clicked()
            {
                let what = match node {
                    RenstraNode::Tujuan(_) => format!("tujuan '{}'", self.node.uraian.trim()),
                    RenstraNode::Sasaran(_) => format!("sasaran '{}'", self.node.uraian.trim()),
                    RenstraNode::Indikator(_) => format!("indikator '{}'", self.ind.nama.trim()),
                };
                self.confirm = Some(Confirm {
                    ya: "Ya, hapus",
                    pesan: format!(
                        "Hapus {what} dari Renstra? Tindakan ini tercatat di log audit."
                    ),
                    form: Form::Renstra,
                    cmd: RenstraCmd::Delete { node }.into(),
                });
            }
            if let Some(node) = node {
                if ui
                    .button("Naik")
                    .on_hover_text("Pindahkan ke atas")
                    .clicked()
                {
                    out.send(Form::Renstra, RenstraCmd::Move { node, up: true });
                }
                if ui
                    .button("Turun")
                    .on_hover_text("Pindahkan ke bawah")
                    .clicked()
                {
                    out.send(Form::Renstra, RenstraCmd::Move { node, up: false });
                }
            }
        });
        let (ctrl_s, esc) = ui.input_mut(|i| {
            (
                i.consume_shortcut(&SAVE),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        if esc {
            self.loaded = None;
        }
        if save || ctrl_s {
            match self.command(period_id) {
                Ok(cmd) => out.send(Form::Renstra, cmd),
                Err(e) => {
                    self.errors.insert(Form::Renstra, e);
                }
            }
        }
        if let Some(e) = self.errors.get(&Form::Renstra) {
            red(ui, e);
        }
    }

    /// The command that saves the current form, or what is wrong with it.
    fn command(&self, period_id: PeriodId) -> Result<RenstraCmd, String> {
        let n = &self.node;
        let node = || -> Result<(String, String), String> {
            if n.uraian.trim().is_empty() {
                return Err("Uraian wajib diisi".into());
            }
            Ok((n.kode.clone(), n.uraian.clone()))
        };
        let ind = |sasaran_id: SasaranId| -> Result<Box<NewIndikator>, String> {
            let f = &self.ind;
            if f.nama.trim().is_empty() {
                return Err("Nama indikator wajib diisi".into());
            }
            let baseline_tahun = match f.baseline_tahun.trim() {
                "" => None,
                t => Some(parse_year(t).ok_or("Tahun baseline harus tahun 2000–2100")?),
            };
            let mut targets = Vec::new();
            for (y, v) in &f.targets {
                if !v.trim().is_empty() {
                    targets.push((
                        *y,
                        Target::parse(v).map_err(|e| format!("Target {y}: {e}"))?,
                    ));
                }
            }
            Ok(Box::new(NewIndikator {
                sasaran_id,
                kode: f.kode.clone(),
                nama: f.nama.clone(),
                satuan: f.satuan.clone(),
                baseline_tahun,
                baseline_nilai: f.baseline_nilai.clone(),
                definisi: f.definisi.clone(),
                formula: f.formula.clone(),
                sumber_data: f.sumber_data.clone(),
                naik_baik: !f.turun_baik,
                unit_id: f.unit_id,
                targets,
            }))
        };
        Ok(match self.sel {
            Sel::NewTujuan => {
                let (k, u) = node()?;
                RenstraCmd::AddTujuan {
                    period: period_id,
                    kode: k,
                    uraian: u,
                }
            }
            Sel::Tujuan(id) => {
                let (k, u) = node()?;
                RenstraCmd::UpdateTujuan {
                    id,
                    kode: k,
                    uraian: u,
                }
            }
            Sel::NewSasaran(t) => {
                let (k, u) = node()?;
                RenstraCmd::AddSasaran {
                    tujuan: t,
                    kode: k,
                    uraian: u,
                }
            }
            Sel::Sasaran(id) => {
                let (k, u) = node()?;
                RenstraCmd::UpdateSasaran {
                    id,
                    kode: k,
                    uraian: u,
                }
            }
            Sel::NewIndikator(s) => RenstraCmd::AddIndikator { indikator: ind(s)? },
            Sel::Indikator(id) => RenstraCmd::UpdateIndikator {
                id,
                indikator: ind(self.ind.sasaran_id)?,
            },
            Sel::None => return Err("Tidak ada yang dipilih".into()),
        })
    }
}

impl PlanPanels {
    // ---- Renja --------------------------------------------------------------------------

    pub fn renja(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
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
        let f = self.dpa.get_or_insert_with(|| DpaForm {
            nomor: saved.map(|r| r.nomor_dpa.clone()).unwrap_or_default(),
            tanggal: saved
                .and_then(|r| r.tanggal_dpa)
                .map(fmt::tanggal_isian)
                .unwrap_or_default(),
        });
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
    }

    fn load_renja(&mut self, view: &ViewData) {
        self.renja_loaded = Some(self.renja_sel);
        self.errors.remove(&Form::Renja);
        self.renja = match self.renja_sel {
            RenjaSel::Item(id) => match view.renja.iter().find(|r| r.id == id) {
                Some(r) => RenjaForm {
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
                },
                None => RenjaForm::default(),
            },
            _ => RenjaForm::default(),
        };
    }

    fn renja_form(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        let editing = match self.renja_sel {
            RenjaSel::Item(id) => Some(id),
            _ => None,
        };
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(if editing.is_some() {
                    "Ubah item Renja"
                } else {
                    "Item Renja baru"
                })
                .strong(),
            );
            if editing.is_some() && ui.button("Item baru").clicked() {
                self.renja_sel = RenjaSel::New;
            }
        });
        let f = &mut self.renja;
        let pagu = fmt::baca_rupiah(&f.pagu);
        let pagu_dpa = (!f.pagu_dpa.trim().is_empty()).then(|| fmt::baca_rupiah(&f.pagu_dpa));
        let parent_kode = f
            .parent_id
            .and_then(|p| view.renja.iter().find(|r| r.id == p))
            .map(|r| r.kode.clone());
        let kode_err = (!f.kode.trim().is_empty())
            .then(|| {
                crate::model::plan::cek_kode_renja(f.tingkat, &f.kode, parent_kode.as_deref()).err()
            })
            .flatten();
        egui::Grid::new("form_renja")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label("Tingkat");
                let before = f.tingkat;
                ui.horizontal(|ui| {
                    for t in Tingkat::ALL {
                        ui.radio_value(&mut f.tingkat, t, t.label());
                    }
                })
                .response
                .labelled_by(l.id);
                if f.tingkat != before {
                    f.parent_id = None;
                }
                ui.end_row();
                if let Some(parent_level) = f.tingkat.induk() {
                    let l = ui.label("Induk");
                    egui::ComboBox::from_id_salt("induk_renja")
                        .selected_text(
                            f.parent_id
                                .and_then(|p| view.renja.iter().find(|r| r.id == p))
                                .map(|r| format!("{} {}", r.kode, r.nama))
                                .unwrap_or_else(|| {
                                    format!("— pilih {} —", parent_level.label().to_lowercase())
                                }),
                        )
                        .width(420.0)
                        .show_ui(ui, |ui| {
                            for r in view.renja.iter().filter(|r| r.level == parent_level) {
                                ui.selectable_value(
                                    &mut f.parent_id,
                                    Some(r.id),
                                    format!("{} {}", r.kode, r.nama),
                                );
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                }
                text_field(
                    ui,
                    "Kode (Permendagri 90/2019)",
                    &mut f.kode,
                    kode_err.as_deref(),
                );
                let e = f.nama.trim().is_empty().then_some("Nama wajib diisi");
                text_field(
                    ui,
                    "Nama program/kegiatan",
                    &mut f.nama,
                    if editing.is_some() { e } else { None },
                );
                unit_picker(
                    ui,
                    "Unit pelaksana",
                    "unit_renja",
                    &mut f.unit_id,
                    view,
                    300.0,
                );
                let l = ui.label("Sasaran Renstra");
                let sasaran: Vec<(SasaranId, String)> = view
                    .renstra
                    .iter()
                    .flat_map(|(_, tree)| tree)
                    .flat_map(|t| &t.sasaran)
                    .map(|s| (s.id, format!("{} {}", s.kode, s.uraian)))
                    .collect();
                egui::ComboBox::from_id_salt("sasaran_renja")
                    .selected_text(
                        f.sasaran_id
                            .and_then(|id| sasaran.iter().find(|s| s.0 == id))
                            .map(|s| s.1.clone())
                            .unwrap_or_else(|| "—".into()),
                    )
                    .width(420.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut f.sasaran_id, None, "—");
                        for (id, label) in &sasaran {
                            ui.selectable_value(&mut f.sasaran_id, Some(*id), label);
                        }
                    })
                    .response
                    .on_hover_text("Sasaran strategis Renstra yang didukung item ini")
                    .labelled_by(l.id);
                ui.end_row();
                let e = pagu.as_ref().err().cloned();
                text_field(ui, "Pagu (Rp)", &mut f.pagu, e.as_deref());
                let e = pagu_dpa.as_ref().and_then(|r| r.as_ref().err().cloned());
                text_field(ui, "Pagu DPA (Rp)", &mut f.pagu_dpa, e.as_deref());
            });
        ui.label(RichText::new("Indikator kinerja").strong());
        let mut remove = None;
        let mut target_bad = false;
        egui::Grid::new("indikator_renja")
            .num_columns(4)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let headers: Vec<egui::Id> = ["Indikator", "Satuan", "Target"]
                    .iter()
                    .map(|h| ui.label(RichText::new(*h).strong()).id)
                    .collect();
                ui.end_row();
                for (k, (n, s, t)) in f.indikator.iter_mut().enumerate() {
                    // Each input is named by its column and row: "Indikator 1.".
                    let nr = ui.label(format!("{}.", k + 1)).id;
                    ui.add(
                        egui::TextEdit::singleline(n)
                            .id_salt(("ind_renja", k, 0))
                            .desired_width(340.0),
                    )
                    .labelled_by(headers[0])
                    .labelled_by(nr);
                    ui.add(
                        egui::TextEdit::singleline(s)
                            .id_salt(("ind_renja", k, 1))
                            .desired_width(100.0),
                    )
                    .labelled_by(headers[1])
                    .labelled_by(nr);
                    ui.add(
                        egui::TextEdit::singleline(t)
                            .id_salt(("ind_renja", k, 2))
                            .desired_width(90.0),
                    )
                    .labelled_by(headers[2])
                    .labelled_by(nr);
                    if ui.small_button("Hapus baris").clicked() {
                        remove = Some(k);
                    }
                    ui.end_row();
                    if let Err(e) = Target::parse(t) {
                        target_bad = true;
                        ui.label("");
                        inline_error(ui, &format!("Target: {e}"));
                    }
                }
            });
        if let Some(k) = remove {
            f.indikator.remove(k);
        }
        if ui.button("Tambah indikator").clicked() {
            f.indikator.push(Default::default());
        }
        ui.add_space(6.0);
        let mut save = false;
        ui.horizontal(|ui| {
            save = ui
                .button(if editing.is_some() {
                    "Simpan item"
                } else {
                    "Tambah item"
                })
                .clicked();
            if let Some(id) = editing
                && ui.button("Hapus item").clicked()
            {
                self.confirm = Some(Confirm {
                    ya: "Ya, hapus",
                    pesan: format!(
                        "Hapus {} {} dari Renja {year}? Tindakan ini tercatat di log audit.",
                        self.renja.kode.trim(),
                        self.renja.nama.trim()
                    ),
                    form: Form::Renja,
                    cmd: RenjaCmd::DeleteItem { id }.into(),
                });
            }
        });
        let ctrl_s = ui.input_mut(|i| i.consume_shortcut(&SAVE));
        if save || ctrl_s {
            let f = &self.renja;
            let result = (|| -> Result<RenjaCmd, String> {
                if f.nama.trim().is_empty() {
                    return Err("Nama wajib diisi".into());
                }
                if let Some(e) = &kode_err {
                    return Err(e.clone());
                }
                if target_bad {
                    return Err("Perbaiki target indikator yang ditandai".into());
                }
                let ind = f
                    .indikator
                    .iter()
                    .map(|(n, s, t)| {
                        Ok((
                            n.clone(),
                            s.clone(),
                            Target::parse(t).map_err(|e| e.to_string())?,
                        ))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                Ok(RenjaCmd::SaveItem {
                    id: editing,
                    item: Box::new(NewRenjaItem {
                        tahun: year,
                        parent_id: f.parent_id,
                        level: f.tingkat,
                        kode: f.kode.clone(),
                        nama: f.nama.clone(),
                        unit_id: f.unit_id,
                        sasaran_id: f.sasaran_id,
                        pagu: pagu.clone()?,
                        pagu_dpa: pagu_dpa.clone().transpose()?,
                    }),
                    indikator: ind,
                })
            })();
            match result {
                Ok(cmd) => out.send(Form::Renja, cmd),
                Err(e) => {
                    self.errors.insert(Form::Renja, e);
                }
            }
        }
        if let Some(e) = self.errors.get(&Form::Renja) {
            red(ui, e);
        }
    }
}
