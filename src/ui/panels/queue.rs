//! Antrian Persetujuan: every open task of every running cycle, overdue
//! first, with filters; and the form that acts on the chosen task (the
//! step's kelengkapan as a checklist, Selesai, or Setujui/Tolak).

use super::{Form, Outbox};
use crate::app::view::TaskView;
use crate::app::{Created, Reply, ViewData, WorkflowCmd};
use crate::model::id::TaskRef;
use crate::model::workflow::TaskStatus;
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::lists::{fixed, status_color};
use super::widgets::{
    Confirm, NO_UNITS, chip, confirm_window, empty_hint, heading, inline_error, official_picker,
};
use crate::fmt;
use crate::model::id::{CycleId, OfficialId, UnitId};
use crate::ui::panels::widgets::AMBAR;

/// The form that starts a cycle.
#[derive(Default)]
struct StartForm {
    open: bool,
    template: Option<String>,
    nama: String,
    units: std::collections::BTreeSet<UnitId>,
    error: Option<String>,
}

#[derive(Default)]
pub struct QueuePanel {
    lane: Option<String>,
    status: Option<TaskStatus>,
    cycle: Option<CycleId>,
    /// The task chosen: (cycle, seq).
    sel: Option<(CycleId, u32)>,
    form: ActForm,
    /// A Tolak waiting for the user's yes.
    confirm: Option<Confirm>,
    start: StartForm,
}

#[derive(Default)]
struct ActForm {
    /// The task the form is for.
    task: Option<(CycleId, u32)>,
    ticked: Vec<bool>,
    note: String,
    reason: String,
    performer: Option<OfficialId>,
    error: Option<String>,
}

impl StartForm {
    /// What the user chose and typed (not the message).
    fn input(&self) -> (Option<String>, String, std::collections::BTreeSet<UnitId>) {
        (self.template.clone(), self.nama.clone(), self.units.clone())
    }
}

/// What the user chose and typed in the task form (not the message).
type ActInput = (
    Option<(CycleId, u32)>,
    Vec<bool>,
    String,
    String,
    Option<OfficialId>,
);

impl ActForm {
    fn input(&self) -> ActInput {
        (
            self.task,
            self.ticked.clone(),
            self.note.clone(),
            self.reason.clone(),
            self.performer,
        )
    }
}

/// "Libur 2028 belum dicatat": the due time counts that year's holidays as
/// working days (None when every year is recorded).
fn no_holidays(years: &[i32]) -> Option<String> {
    let ys: Vec<String> = years.iter().map(i32::to_string).collect();
    (!ys.is_empty()).then(|| format!("Libur {} belum dicatat", ys.join(", ")))
}

/// The official who holds the task's role: the head of the task's unit for
/// a fan-out step, else the official whose jabatan names the lane.
pub fn holder<'a>(t: &TaskView, view: &'a ViewData) -> Option<&'a crate::model::org::OfficialRow> {
    let on = view.today.unwrap_or_default();
    let active = |o: &&crate::model::org::OfficialRow| {
        crate::model::agreement::inactive_reason(o, on).is_none()
    };
    // A per-unit step is the unit head's; a step a unit's Tolak returned
    // to (it carries the unit) stays with its lane's holder.
    if t.per_unit
        && let Some(u) = t.unit_id
    {
        let head = crate::model::agreement::unit_head(&view.officials, u, on);
        return head.and_then(|id| view.officials.iter().find(|o| o.id == id));
    }
    let ids: Vec<(OfficialId, &str)> = view
        .officials
        .iter()
        .filter(active)
        .map(|o| (o.id, o.jabatan.as_str()))
        .collect();
    let id = crate::model::org::lane_holder(&t.lane, &ids)?;
    view.officials.iter().find(|o| o.id == id)
}

impl QueuePanel {
    pub fn on_replies(&mut self, replies: &[(Form, Reply)]) {
        for (form, reply) in replies {
            if *form == Form::Cycle {
                match reply {
                    Reply::Err(e) => self.start.error = Some(e.clone()),
                    Reply::Ok { created, .. } => {
                        self.start = StartForm::default();
                        if let Some(Created::Cycle(id)) = created {
                            self.cycle = Some(*id);
                        }
                    }
                }
                continue;
            }
            if *form != Form::Task {
                continue;
            }
            match reply {
                Reply::Err(e) => self.form.error = Some(e.clone()),
                Reply::Ok { .. } => {
                    self.sel = None;
                    self.form = ActForm::default();
                }
            }
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        confirm_window(ui.ctx(), &mut self.confirm, out);
        heading(
            ui,
            "Antrian Persetujuan",
            "Tugas yang sedang berjalan pada setiap siklus, yang lewat batas paling atas. Waktu dihitung dalam jam kerja kantor. Klik tugas untuk mengerjakannya.",
        );
        if ui.button("Mulai siklus baru").clicked() {
            self.start.open = !self.start.open;
        }
        if self.start.open {
            let before = self.start.input();
            self.start_form(ui, view, year, out);
            // An error belongs to the input that caused it: editing clears it.
            if self.start.input() != before {
                self.start.error = None;
            }
        }
        if view.tasks.is_empty() {
            ui.label("Tidak ada tugas yang sedang berjalan.");
            return;
        }
        self.filters(ui, view);
        let rows: Vec<&TaskView> = view
            .tasks
            .iter()
            .filter(|t| self.lane.as_ref().is_none_or(|l| &t.lane == l))
            .filter(|t| self.status.is_none_or(|s| t.status == s))
            .filter(|t| self.cycle.is_none_or(|c| t.cycle_id == c))
            .collect();
        let chosen = self
            .sel
            .and_then(|(c, s)| view.tasks.iter().find(|t| t.cycle_id == c && t.seq == s));
        if chosen.is_none() {
            self.sel = None;
        }
        if let Some(t) = chosen {
            egui::Panel::bottom("tugas_terpilih")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("tugas_gulir")
                        .show(ui, |ui| {
                            let before = self.form.input();
                            self.act_form(ui, t, view, out);
                            if self.form.input() != before && self.form.task == before.0 {
                                self.form.error = None;
                            }
                        });
                });
        }
        if rows.is_empty() {
            ui.label("Tidak ada tugas yang cocok dengan saringan.");
            return;
        }
        egui::ScrollArea::horizontal().show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("antrian")
                .striped(true)
                .sense(egui::Sense::click())
                // Kegiatan takes what is left (cut, whole on hover): at
                // 1366×768 every column, Waktu included, is in view.
                .column(fixed(105.0))
                .column(fixed(55.0))
                .column(Column::remainder().at_least(180.0).clip(true))
                .column(fixed(170.0))
                .column(fixed(160.0))
                .column(fixed(160.0))
                .column(fixed(205.0))
                .header(24.0, |mut h| {
                    for t in [
                        "Status",
                        "Langkah",
                        "Kegiatan",
                        "Pelaksana",
                        "Unit / Siklus",
                        "Mulai / Batas",
                        "Waktu",
                    ] {
                        h.col(|ui| {
                            ui.strong(t);
                        });
                    }
                })
                .body(|body| {
                    body.rows(44.0, rows.len(), |mut row| {
                        let t = rows[row.index()];
                        row.set_selected(self.sel == Some((t.cycle_id, t.seq)));
                        let label = |ui: &mut egui::Ui, text: RichText| {
                            ui.add(egui::Label::new(text).truncate().selectable(false));
                        };
                        row.col(|ui| {
                            chip(ui, t.status.label(), status_color(t.status));
                        });
                        row.col(|ui| label(ui, RichText::new(&t.step_no)));
                        row.col(|ui| {
                            if ui
                                .add(egui::Button::new(&t.kegiatan).frame(false).truncate())
                                .clicked()
                            {
                                self.sel = Some((t.cycle_id, t.seq));
                            }
                        });
                        row.col(|ui| {
                            ui.vertical(|ui| {
                                label(ui, RichText::new(&t.pelaksana));
                                let who = holder(t, view)
                                    .map(|o| format!("{}{}", o.status.awalan(), o.nama_lengkap()))
                                    .unwrap_or_else(|| "pemegang peran tidak tercatat".into());
                                label(ui, RichText::new(who).weak().small());
                            });
                        });
                        row.col(|ui| {
                            ui.vertical(|ui| {
                                label(ui, RichText::new(t.unit.as_deref().unwrap_or("—")));
                                label(ui, RichText::new(&t.cycle).weak().small());
                            });
                        });
                        row.col(|ui| {
                            ui.vertical(|ui| {
                                label(ui, RichText::new(fmt::tanggal_jam(t.mulai)));
                                label(
                                    ui,
                                    RichText::new(format!("batas {}", fmt::tanggal_jam(t.batas)))
                                        .small(),
                                );
                            });
                        });
                        row.col(|ui| {
                            ui.vertical(|ui| {
                                label(ui, RichText::new(&t.vonis));
                                if let Some(w) = no_holidays(&t.tanpa_libur) {
                                    label(ui, RichText::new(w).small().color(AMBAR));
                                }
                            });
                        });
                        if row.response().clicked() {
                            self.sel = Some((t.cycle_id, t.seq));
                        }
                    });
                });
        });
    }

    fn start_form(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        let f = &mut self.start;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(format!("Siklus SOP baru tahun {year}"));
            egui::Grid::new("siklus_baru")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let l = ui.label("Templat SOP");
                    let name = f
                        .template
                        .as_ref()
                        .and_then(|k| view.templates.iter().find(|t| &t.0.kode == k))
                        .map_or("— pilih templat —".to_string(), |t| {
                            format!("{} ({})", t.0.nama, t.0.kode)
                        });
                    egui::ComboBox::from_id_salt("siklus_templat")
                        .width(420.0)
                        .selected_text(name)
                        .show_ui(ui, |ui| {
                            for (t, _) in &view.templates {
                                ui.selectable_value(
                                    &mut f.template,
                                    Some(t.kode.clone()),
                                    format!("{} ({})", t.nama, t.kode),
                                );
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                    if f.nama.is_empty() {
                        f.nama = format!("Penyusunan PK Tahun {year}");
                    }
                    let l = ui.label("Nama siklus");
                    ui.add(egui::TextEdit::singleline(&mut f.nama).desired_width(420.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    ui.label("Unit (dengan perjanjiannya)");
                    ui.vertical(|ui| {
                        if view.units.iter().all(|n| n.unit.parent_id.is_none()) {
                            empty_hint(ui, NO_UNITS);
                        } else if view.agreements.is_empty() {
                            empty_hint(
                                ui,
                                &format!("Belum ada Perjanjian Kinerja tahun {year}: buat di menu Perjanjian Kinerja."),
                            );
                        }
                        for n in view
                            .units
                            .iter()
                            .filter(|n| !n.unit.retired && n.unit.parent_id.is_some())
                        {
                            let pk = view.agreements.iter().find(|a| a.unit_id == n.unit.id);
                            let mut on = f.units.contains(&n.unit.id);
                            let label = format!(
                                "{}{}",
                                n.unit.nama,
                                pk.map(|a| format!(
                                    " — PK versi {} ({})",
                                    a.versi,
                                    a.status.label().to_lowercase()
                                ))
                                .unwrap_or_else(|| " — belum ada PK".into())
                            );
                            if ui.checkbox(&mut on, label).changed() {
                                if on {
                                    f.units.insert(n.unit.id);
                                } else {
                                    f.units.remove(&n.unit.id);
                                }
                            }
                        }
                    });
                    ui.end_row();
                });
            if let Some(e) = &f.error {
                inline_error(ui, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Mulai siklus").clicked() {
                    match &f.template {
                        None => f.error = Some("Pilih templat SOP".into()),
                        Some(_) if f.units.is_empty() => {
                            f.error = Some("Pilih sedikitnya satu unit".into())
                        }
                        Some(k) => {
                            let units = f
                                .units
                                .iter()
                                .map(|u| {
                                    let pk = view
                                        .agreements
                                        .iter()
                                        .find(|a| a.unit_id == *u)
                                        .map(|a| a.version_id);
                                    (*u, pk)
                                })
                                .collect();
                            out.send(
                                Form::Cycle,
                                WorkflowCmd::StartCycle {
                                    template: k.clone(),
                                    nama: f.nama.clone(),
                                    tahun: year,
                                    units,
                                },
                            );
                        }
                    }
                }
                if ui.button("Batal").clicked() {
                    *f = StartForm::default();
                }
            });
        });
    }

    fn filters(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        let mut lanes: Vec<&str> = view.tasks.iter().map(|t| t.lane.as_str()).collect();
        lanes.sort_unstable();
        lanes.dedup();
        ui.horizontal(|ui| {
            let l = ui.label("Pelaksana");
            egui::ComboBox::from_id_salt("saring_pelaksana")
                .selected_text(self.lane.clone().unwrap_or_else(|| "Semua".into()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.lane, None, "Semua");
                    for l in lanes {
                        ui.selectable_value(&mut self.lane, Some(l.to_string()), l);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Status");
            egui::ComboBox::from_id_salt("saring_status")
                .selected_text(self.status.map_or("Semua", TaskStatus::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, "Semua");
                    for s in [
                        TaskStatus::Lewat,
                        TaskStatus::HampirHabis,
                        TaskStatus::TepatWaktu,
                    ] {
                        ui.selectable_value(&mut self.status, Some(s), s.label());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Siklus");
            let name = self
                .cycle
                .and_then(|c| view.cycles.iter().find(|x| x.id == c))
                .map_or("Semua".to_string(), |c| c.nama.clone());
            egui::ComboBox::from_id_salt("saring_siklus")
                .selected_text(name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.cycle, None, "Semua");
                    for c in view.cycles.iter().filter(|c| !c.selesai) {
                        ui.selectable_value(&mut self.cycle, Some(c.id), &c.nama);
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
    }

    fn act_form(&mut self, ui: &mut egui::Ui, t: &TaskView, view: &ViewData, out: &mut Outbox) {
        let key = (t.cycle_id, t.seq);
        if self.form.task != Some(key) {
            self.form = ActForm {
                task: Some(key),
                ticked: vec![false; t.kelengkapan.len()],
                performer: holder(t, view).map(|o| o.id),
                ..ActForm::default()
            };
            self.confirm = None;
        }
        let f = &mut self.form;
        // The step's whole text, wrapped: SOP activities run long.
        let judul = format!("Langkah {} — {}", t.step_no, t.kegiatan);
        ui.add(egui::Label::new(RichText::new(judul).heading()).wrap());
        ui.horizontal_wrapped(|ui| {
            chip(ui, t.status.label(), status_color(t.status));
            ui.label(format!(
                "{}{} · mulai {} · batas {} · {}",
                t.pelaksana,
                t.unit
                    .as_deref()
                    .map(|u| format!(" — {u}"))
                    .unwrap_or_default(),
                fmt::tanggal_jam(t.mulai),
                fmt::tanggal_jam(t.batas),
                t.vonis
            ));
            if let Some(w) = no_holidays(&t.tanpa_libur) {
                chip(ui, &w, AMBAR);
            }
        });
        if let Some(e) = &f.error {
            inline_error(ui, e);
        }
        let all_ticked = f.ticked.iter().all(|b| *b);
        let mut confirm = None;
        let performer = f
            .performer
            .and_then(|id| view.officials.iter().find(|o| o.id == id));
        let command = |action: crate::model::workflow::Action, f: &ActForm| WorkflowCmd::Act {
            task: TaskRef {
                cycle: t.cycle_id,
                seq: t.seq,
            },
            action,
            performer_id: performer.map(|o| o.id),
            performer: performer.map(|o| o.nama_lengkap()).unwrap_or_default(),
            note: f.note.trim().to_string(),
        };
        ui.horizontal(|ui| {
            let forward = if t.keputusan { "Setujui" } else { "Selesai" };
            if ui.button(forward).clicked() {
                if performer.is_none() {
                    f.error = Some("Pilih pejabat yang melakukan langkah ini".into());
                } else if !all_ticked {
                    f.error = Some("Centang semua kelengkapan terlebih dahulu".into());
                } else {
                    let action = if t.keputusan {
                        crate::model::workflow::Action::Ya
                    } else {
                        crate::model::workflow::Action::Selesai
                    };
                    out.send(Form::Task, command(action, f));
                }
            }
            if t.keputusan && ui.button("Tolak").clicked() {
                if performer.is_none() {
                    f.error = Some("Pilih pejabat yang melakukan langkah ini".into());
                } else if f.reason.trim().is_empty() {
                    f.error = Some("Tolak memerlukan alasan".into());
                } else if f.reason.trim().chars().count() > crate::model::workflow::MAX_CATATAN {
                    // Before the confirmation, which quotes the reason.
                    f.error = Some(
                        crate::model::workflow::WorkflowError::TooLong {
                            apa: "Alasan penolakan",
                        }
                        .to_string(),
                    );
                } else {
                    f.error = None;
                    let target = t
                        .tolak_ke
                        .clone()
                        .unwrap_or_else(|| "langkah sebelumnya".into());
                    confirm = Some(Confirm {
                        pesan: format!(
                            "Tolak langkah {} dan kembalikan ke {target}?\nAlasan: {}",
                            t.step_no,
                            // Cut: the dialog's buttons stay on the screen.
                            crate::model::potong(f.reason.trim(), 300)
                        ),
                        ya: "Ya, tolak",
                        form: Form::Task,
                        cmd: command(
                            crate::model::workflow::Action::Tolak {
                                reason: f.reason.trim().to_string(),
                            },
                            f,
                        )
                        .into(),
                    });
                }
            }
        });
        ui.separator();
        let f = &mut self.form;
        egui::ScrollArea::vertical()
            .id_salt("form_tugas")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if !t.kelengkapan.is_empty() {
                    ui.label(RichText::new("Kelengkapan").strong());
                    for (k, item) in t.kelengkapan.iter().enumerate() {
                        ui.checkbox(&mut f.ticked[k], item);
                    }
                }
                egui::Grid::new("form_tugas_grid")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        let l = ui.label("Dilakukan oleh");
                        if let Some(o) =
                            official_picker(ui, "pelaku", l.id, f.performer, &view.officials, 460.0)
                        {
                            f.performer = Some(o.id);
                        }
                        ui.end_row();
                        let l = ui.label("Catatan");
                        ui.add(egui::TextEdit::singleline(&mut f.note).desired_width(460.0))
                            .labelled_by(l.id);
                        ui.end_row();
                        if t.keputusan {
                            let l = ui.label("Alasan penolakan");
                            ui.add(
                                egui::TextEdit::singleline(&mut f.reason)
                                    .hint_text("wajib untuk Tolak")
                                    .desired_width(460.0),
                            )
                            .labelled_by(l.id);
                            ui.end_row();
                        }
                    });
            });
        if confirm.is_some() {
            self.confirm = confirm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::id::{CycleId, UnitId};
    use crate::model::org::test_official;

    fn task(lane: &str, per_unit: bool) -> TaskView {
        let t = chrono::NaiveDateTime::default();
        TaskView {
            cycle_id: CycleId(1),
            seq: 1,
            lane: lane.into(),
            unit_id: Some(UnitId(2)),
            per_unit,
            keputusan: false,
            kelengkapan: Vec::new(),
            tolak_ke: None,
            cycle: String::new(),
            step_no: "2".into(),
            kegiatan: String::new(),
            pelaksana: lane.into(),
            unit: Some("Bidang Mutasi dan Promosi".into()),
            mulai: t,
            batas: t,
            tanpa_libur: Vec::new(),
            status: crate::model::workflow::TaskStatus::TepatWaktu,
            vonis: String::new(),
            lewat_menit: 0,
        }
    }

    #[test]
    fn a_returned_step_stays_with_its_lane_and_a_per_unit_step_goes_to_the_unit_head() {
        let view = ViewData {
            officials: vec![
                test_official(10, 1, "Sekretaris Badan"),
                test_official(20, 2, "Kepala Bidang Mutasi dan Promosi"),
            ],
            ..Default::default()
        };
        let id = |t: &TaskView| holder(t, &view).map(|o| o.id);
        assert_eq!(id(&task("Sekretaris Badan", false)), Some(OfficialId(10)));
        assert_eq!(id(&task("Sekretariat/Bidang", true)), Some(OfficialId(20)));
    }
}
