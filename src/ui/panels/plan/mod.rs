//! Renstra and Renja as they stand in the database: the Renstra tree with
//! every yearly target, the Renja with its budgets, DPA and totals per level.

mod renja;
mod renja_form;
mod renstra;
mod renstra_form;
mod targets;

use super::draft::{Base, Draft, Drift};
use super::widgets::Confirm;
use super::{Form, Outbox};
use crate::app::{Created, ExchangeCmd, Reply, ViewData};
use crate::model::id::{IndikatorId, RenjaItemId, SasaranId, TujuanId, UnitId};
use crate::model::plan::Tingkat;
use crate::ui::files::{FileDialog, choose};
use egui::{Color32, RichText};

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
    /// The quarters' targets add up to the year's.
    #[serde(default)]
    kumulatif: bool,
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
    #[serde(default)]
    dpa: Draft<DpaForm>,
    /// (indikator, year, text) of unsaved target-table cells.
    targets: Vec<(IndikatorId, i32, String)>,
    /// (indikator, year, stored text) each of those cells began from.
    #[serde(default)]
    target_bases: Vec<(IndikatorId, i32, String)>,
    /// The stored node the Renstra forms began from.
    #[serde(default)]
    node_base: Base<(NodeForm, IndForm)>,
    /// The stored item the Renja form began from.
    #[serde(default)]
    renja_base: Base<RenjaForm>,
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
    dpa: Draft<DpaForm>,
    /// The stored text each unsaved target cell began from.
    target_bases: std::collections::HashMap<(IndikatorId, i32), String>,
    /// Unsaved target cells whose stored target changed (or whose
    /// indicator is gone) since they began; they wait for the user.
    target_conflict: Option<Drift>,
    /// The stored node the Renstra forms began from.
    node_base: Base<(NodeForm, IndForm)>,
    /// The stored item the Renja form began from.
    renja_base: Base<RenjaForm>,
    errors: std::collections::HashMap<Form, String>,
    confirm: Option<Confirm>,
}

/// Export, import and template buttons; each asks for a file first.
fn excel_toolbar(ui: &mut egui::Ui, year: i32, out: &mut Outbox) {
    ui.horizontal(|ui| {
        let xlsx = |d: FileDialog| d.filter("Buku kerja Excel", &["xlsx"]);
        if ui.button("Ekspor ke Excel…").clicked() {
            let name = format!("renstra-renja-{year}.xlsx");
            let d = xlsx(FileDialog::save("Ekspor Renstra dan Renja", name));
            choose(d, out, |path| {
                (Form::Excel, ExchangeCmd::Export { path }.into())
            });
        }
        if ui.button("Impor dari Excel…").clicked() {
            let d = xlsx(FileDialog::open("Impor Renstra dan Renja"));
            choose(d, out, |path| {
                (Form::Excel, ExchangeCmd::Read { path }.into())
            });
        }
        if ui.button("Simpan templat Excel…").clicked() {
            let d = xlsx(FileDialog::save(
                "Simpan templat Excel",
                "templat-renstra-renja.xlsx",
            ));
            choose(d, out, |path| {
                (Form::Excel, ExchangeCmd::SaveTemplate { path }.into())
            });
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

/// What is typed in each form, to tell which one an edit touched.
#[derive(Clone, PartialEq)]
struct FormTexts {
    node: (NodeForm, IndForm),
    period: PeriodForm,
    renja: RenjaForm,
    dpa: Draft<DpaForm>,
    targets: std::collections::HashMap<(IndikatorId, i32), String>,
}

impl PlanPanels {
    fn form_texts(&self) -> FormTexts {
        FormTexts {
            node: (self.node.clone(), self.ind.clone()),
            period: self.period.clone(),
            renja: self.renja.clone(),
            dpa: self.dpa.clone(),
            targets: self.target_edits.clone(),
        }
    }

    /// An error belongs to the input that caused it: editing clears it.
    fn clear_errors_of_edited(&mut self, before: &FormTexts) {
        let now = self.form_texts();
        for (form, edited) in [
            (Form::Renstra, now.node != before.node),
            (Form::Periode, now.period != before.period),
            (Form::Renja, now.renja != before.renja),
            (Form::Dpa, now.dpa != before.dpa),
            (Form::Target, now.targets != before.targets),
        ] {
            if edited {
                self.errors.remove(&form);
            }
        }
    }

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
            target_bases: self
                .target_bases
                .iter()
                .map(|((i, y), v)| (*i, *y, v.clone()))
                .collect(),
            node_base: self.node_base.clone(),
            renja_base: self.renja_base.clone(),
        }
    }

    /// Restores remembered input; the forms are not refilled from the
    /// database over it. Input over a node or item changed or deleted
    /// since it began waits for the user's choice.
    pub fn restore(&mut self, d: PlanDrafts, view: &ViewData) {
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
        self.target_bases = d
            .target_bases
            .into_iter()
            .map(|(i, y, v)| ((i, y), v))
            .collect();
        self.target_conflict = targets::drift(&self.target_edits, &self.target_bases, view);
        self.dpa.check(&renja::dpa_form_of(view, view.year));
        self.node_base = d.node_base;
        self.node_base
            .check(renstra::node_forms_of(view, self.sel).as_ref());
        self.renja_base = d.renja_base;
        self.renja_base
            .check(renja::renja_form_of(view, self.renja_sel).as_ref());
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
                        self.dpa.clear();
                    }
                    if *form == Form::Target {
                        self.target_edits.clear();
                        self.target_bases.clear();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::{RenjaItemRow, Tingkat};

    fn view_with(nama: &str) -> ViewData {
        ViewData {
            renja: vec![RenjaItemRow {
                id: RenjaItemId(7),
                parent_id: None,
                level: Tingkat::Program,
                kode: "5.03.02".into(),
                nama: nama.into(),
                unit_id: None,
                sasaran_id: None,
                pagu: 1_000,
                pagu_dpa: None,
                indikator: Vec::new(),
            }],
            ..Default::default()
        }
    }

    /// Input typed over the item, remembered, taken up over `view`.
    fn taken_up_over(view: &ViewData) -> PlanPanels {
        let mut p = PlanPanels {
            renja_sel: RenjaSel::Item(RenjaItemId(7)),
            ..Default::default()
        };
        p.load_renja(&view_with("Program Kepegawaian"));
        p.renja.nama = "Program yang diketik".into();
        let mut again = PlanPanels::default();
        again.restore(p.drafts(), view);
        again
    }

    #[test]
    fn renja_input_over_a_changed_or_deleted_item_waits_for_the_user() {
        use crate::ui::panels::draft::Drift;
        let same = taken_up_over(&view_with("Program Kepegawaian"));
        assert_eq!(same.renja_base.conflict(), None);
        assert_eq!(same.renja.nama, "Program yang diketik");
        let changed = taken_up_over(&view_with("Diubah lewat impor"));
        assert_eq!(changed.renja_base.conflict(), Some(Drift::Changed));
        assert_eq!(
            changed.renja.nama, "Program yang diketik",
            "the input is kept until chosen"
        );
        let gone = taken_up_over(&ViewData::default());
        assert_eq!(gone.renja_base.conflict(), Some(Drift::Gone));
    }

    /// A Renstra of one indicator whose 2027 target reads `target`.
    fn renstra_with(target: Option<&str>) -> ViewData {
        use crate::model::id::PeriodId;
        use crate::model::plan::{IndikatorRow, PeriodRow, SasaranNode, TujuanNode};
        let indikator = target.map(|t| IndikatorRow {
            id: IndikatorId(3),
            kode: "T1.S1.I1".into(),
            nama: "Indeks Sistem Merit".into(),
            satuan: "indeks".into(),
            baseline_tahun: None,
            baseline_nilai: String::new(),
            naik_baik: true,
            kumulatif: false,
            unit_id: None,
            targets: [(2027, crate::model::plan::Target::parse(t).unwrap())].into(),
            definisi: String::new(),
            formula: String::new(),
            sumber_data: String::new(),
        });
        let period = PeriodRow {
            id: PeriodId(1),
            tahun_awal: 2025,
            tahun_akhir: 2029,
            nama: String::new(),
        };
        let sasaran = SasaranNode {
            id: SasaranId(2),
            kode: "T1.S1".into(),
            uraian: String::new(),
            indikator: indikator.into_iter().collect(),
        };
        let tujuan = TujuanNode {
            id: TujuanId(1),
            kode: "T1".into(),
            uraian: String::new(),
            sasaran: vec![sasaran],
        };
        ViewData {
            renstra: Some((period, vec![tujuan])),
            ..Default::default()
        }
    }

    #[test]
    fn target_cells_over_a_changed_or_deleted_target_wait_for_the_user() {
        use crate::ui::panels::draft::Drift;
        let key = (IndikatorId(3), 2027);
        let typed = PlanPanels {
            target_edits: [(key, "95".to_string())].into(),
            target_bases: [(key, "90".to_string())].into(),
            ..Default::default()
        };
        let over = |view: &ViewData| {
            let mut p = PlanPanels::default();
            p.restore(typed.drafts(), view);
            p.target_conflict
        };
        assert_eq!(over(&renstra_with(Some("90"))), None);
        assert_eq!(over(&renstra_with(Some("92"))), Some(Drift::Changed));
        assert_eq!(over(&renstra_with(None)), Some(Drift::Gone));
        // Kept over the new target: the cell stays, based on what is stored.
        let view = renstra_with(Some("92"));
        let mut p = PlanPanels::default();
        p.restore(typed.drafts(), &view);
        p.resolve_targets(crate::ui::panels::draft::Choice::Mine, &view);
        assert_eq!(p.target_conflict, None);
        assert_eq!(p.target_edits.get(&key).map(String::as_str), Some("95"));
        assert_eq!(p.target_bases.get(&key).map(String::as_str), Some("92"));
    }
}
