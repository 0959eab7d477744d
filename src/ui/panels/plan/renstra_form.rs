//! The form of the selected Renstra node (tujuan, sasaran or indikator) and the command it saves.

use super::{IndForm, PlanPanels, Sel, parse_year, red};
use crate::app::{RenstraCmd, ViewData};
use crate::fmt;
use crate::model::id::{PeriodId, SasaranId};
use crate::model::plan::{NewIndikator, RenstraNode, Target};
use crate::ui::SAVE;
use crate::ui::panels::draft::Choice;
use crate::ui::panels::widgets::{Confirm, checked_field, inline_error, text_field, unit_picker};
use crate::ui::panels::{Form, Outbox};
use egui::RichText;

impl PlanPanels {
    /// Remembered input over a node changed or deleted since it began: the
    /// stored node, or the input (a deleted tujuan or indikator becomes a
    /// new one).
    fn node_conflict(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        let stored = super::renstra::node_forms_of(view, self.sel);
        let gone = stored.is_none();
        let mut pair = (
            std::mem::take(&mut self.node),
            std::mem::take(&mut self.ind),
        );
        let choice = self.node_base.conflict_bar(ui, &mut pair, stored, |_| {});
        (self.node, self.ind) = pair;
        if gone {
            match choice {
                Some(Choice::Mine) => {
                    self.sel = match self.sel {
                        Sel::Tujuan(_) => Sel::NewTujuan,
                        Sel::Indikator(_) => Sel::NewIndikator(self.ind.sasaran_id),
                        other => other,
                    };
                }
                Some(Choice::Stored) => self.sel = Sel::None,
                None => {}
            }
            self.loaded = Some(self.sel);
        }
    }

    pub(super) fn node_form(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        period_id: PeriodId,
        years: &[i32],
        out: &mut Outbox,
    ) {
        if self.node_base.conflict().is_some() {
            self.node_conflict(ui, view);
        }
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
        // The title with the form's buttons, then its message: in view
        // above the fields, however long the form.
        let mut save = false;
        ui.horizontal(|ui| {
            ui.label(RichText::new(title).strong());
            ui.separator();
            save = self.node_buttons(ui, out);
        });
        if let Some(e) = self.errors.get(&Form::Renstra) {
            red(ui, e);
        }
        if is_ind {
            indikator_fields(ui, &mut self.ind, view, years);
        } else {
            let f = &mut self.node;
            egui::Grid::new("form_node")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, "Kode", &mut f.kode);
                    text_field(ui, "Uraian", &mut f.uraian);
                });
        }
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
    }

    /// "Simpan", and for a saved node "Hapus", "Naik" and "Turun"; true
    /// when "Simpan" was clicked.
    fn node_buttons(&mut self, ui: &mut egui::Ui, out: &mut Outbox) -> bool {
        let mut save = false;
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
        save
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
                kumulatif: f.kumulatif,
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

/// The fields of an indikator, with a note on bad targets and the chart of its targets.
fn indikator_fields(ui: &mut egui::Ui, f: &mut IndForm, view: &ViewData, years: &[i32]) {
    let mut target_errors: Vec<(i32, String)> = Vec::new();
    egui::Grid::new("form_indikator")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            text_field(ui, "Kode indikator", &mut f.kode);
            let e = f
                .nama
                .trim()
                .is_empty()
                .then_some("Nama indikator wajib diisi");
            checked_field(ui, "Nama indikator", &mut f.nama, e);
            text_field(ui, "Satuan", &mut f.satuan);
            let e = (!f.baseline_tahun.trim().is_empty()
                && parse_year(&f.baseline_tahun).is_none())
            .then_some("Tahun baseline harus tahun 2000–2100");
            checked_field(ui, "Tahun baseline", &mut f.baseline_tahun, e);
            text_field(ui, "Nilai baseline", &mut f.baseline_nilai);
            for y in years {
                let v = f.targets.entry(*y).or_default();
                let e = (!v.trim().is_empty())
                    .then(|| Target::parse(v).err())
                    .flatten()
                    .map(|e| e.to_string());
                if let Some(e) = &e {
                    target_errors.push((*y, e.clone()));
                }
                checked_field(ui, &format!("Target {y}"), v, e.as_deref());
            }
            let l = ui.label("Arah");
            ui.horizontal(|ui| {
                ui.radio_value(&mut f.turun_baik, false, "Naik baik");
                ui.radio_value(&mut f.turun_baik, true, "Turun baik");
            })
            .response
            .labelled_by(l.id);
            ui.end_row();
            ui.label("Target triwulan");
            ui.checkbox(
                &mut f.kumulatif,
                "Kumulatif (TW I–IV dijumlahkan menjadi target tahunan)",
            );
            ui.end_row();
            unit_picker(
                ui,
                "Penanggung jawab",
                "pj_indikator",
                &mut f.unit_id,
                view,
                280.0,
            );
            text_field(ui, "Definisi operasional", &mut f.definisi);
            text_field(ui, "Formula", &mut f.formula);
            text_field(ui, "Sumber data", &mut f.sumber_data);
        });
    if !target_errors.is_empty() {
        inline_error(ui, "Perbaiki target yang ditandai sebelum menyimpan.");
    }
    target_chart(ui, f, years);
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
