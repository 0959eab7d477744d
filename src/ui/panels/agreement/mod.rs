//! The Perjanjian Kinerja panel: the agreements of the active year, and the
//! editor of one agreement (header, parties, lines, budget) that saves as the
//! user works, with submitting, signing, PK Perubahan, the comparison of two
//! versions and the PDF.

use super::{Form, Outbox};
use crate::app::{AgreementCmd, Reply, ViewData};
use crate::model::agreement::Transition;
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use serde::{Deserialize, Serialize};

use super::lists::fixed;
use super::widgets::{
    Confirm, chip, confirm_window, heading, inline_error, official_picker, text_field,
};
use crate::fmt;
use crate::model::agreement::{self as rules, VersionDoc, official_inactive, party_of, propose};
use crate::model::agreement::{
    AlasanPerubahan, Content, Field, Jenis, LineSource, NewBudgetLine, NewLine, Party,
    PrintPurpose, Problem, Status, budget_total, quarter_warning,
};
use crate::model::id::{UnitId, VersionId};
use crate::model::plan::Tingkat;
use crate::pdf::Kertas;

/// Seconds an edit may wait before it is written (typing goes on meanwhile).
const AUTOSAVE_AFTER: f64 = 0.5;

/// Unsaved input, remembered across restarts and crashes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AgreementDrafts {
    /// (version, content) edited but not yet written to the database.
    pub unsaved: Option<(VersionId, Content)>,
    pub new: NewForm,
    pub cari: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NewForm {
    pub open: bool,
    pub unit: Option<UnitId>,
    pub jenis: Option<Jenis>,
    pub from_plan: bool,
}

impl Default for NewForm {
    fn default() -> Self {
        NewForm {
            open: false,
            unit: None,
            jenis: None,
            from_plan: true,
        }
    }
}

struct Editor {
    version_id: VersionId,
    content: Content,
    /// Edited and not yet written.
    unsaved: bool,
    /// When the first unsent edit was made (egui time).
    dirty_at: Option<f64>,
    save_error: Option<String>,
    tanggal_buf: String,
    tanggal_err: Option<String>,
    anggaran_buf: Vec<String>,
    /// Shown after "Ajukan" found problems.
    problems: Vec<Problem>,
    show_tw: bool,
}

impl Editor {
    fn new(doc: &VersionDoc) -> Editor {
        let mut e = Editor {
            version_id: doc.id,
            content: doc.content.clone(),
            unsaved: false,
            dirty_at: None,
            save_error: None,
            tanggal_buf: String::new(),
            tanggal_err: None,
            anggaran_buf: Vec::new(),
            problems: Vec::new(),
            show_tw: false,
        };
        e.sync_buffers();
        e
    }

    fn sync_buffers(&mut self) {
        self.tanggal_buf = self
            .content
            .tanggal
            .map(fmt::tanggal_isian)
            .unwrap_or_default();
        self.tanggal_err = None;
        self.anggaran_buf = self
            .content
            .budget
            .iter()
            .map(|b| fmt::ribuan(b.anggaran))
            .collect();
        self.show_tw = self
            .content
            .lines
            .iter()
            .any(|l| l.tw.iter().any(|t| !t.is_empty()));
    }

    fn touch(&mut self, now: f64) {
        self.unsaved = true;
        if self.dirty_at.is_none() {
            self.dirty_at = Some(now);
        }
        // Fixed problems disappear as the user fixes them.
        self.problems.clear();
    }

    fn problem(&self, f: Field) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.field == f)
            .map(|p| p.message.as_str())
    }
}

/// "Cetak untuk ditandatangani" / "Cetak salinan": how many copies.
struct PrintForm {
    version_id: VersionId,
    tujuan: PrintPurpose,
    rangkap: String,
    error: Option<String>,
}

struct AmendForm {
    version_id: VersionId,
    jenis: Option<AlasanPerubahan>,
    alasan: String,
    error: Option<String>,
}

#[derive(Default)]
pub struct AgreementPanel {
    cari: String,
    status: Option<Status>,
    jenis: Option<Jenis>,
    new: NewForm,
    new_error: Option<String>,
    ed: Option<Editor>,
    /// The version shown (None: the latest).
    shown: Option<VersionId>,
    amend: Option<AmendForm>,
    print: Option<PrintForm>,
    /// The two versions compared (version ids).
    compare: Option<(VersionId, VersionId)>,
    confirm: Option<Confirm>,
    kertas: Kertas,
    /// Restored unsaved input, applied once its version is open.
    restored: Option<(VersionId, Content)>,
}

impl AgreementPanel {
    pub fn drafts(&self) -> AgreementDrafts {
        AgreementDrafts {
            unsaved: self
                .ed
                .as_ref()
                .filter(|e| e.unsaved)
                .map(|e| (e.version_id, e.content.clone()))
                .or_else(|| self.restored.clone()),
            new: self.new.clone(),
            cari: self.cari.clone(),
        }
    }

    pub fn restore(&mut self, d: AgreementDrafts) {
        self.restored = d.unsaved;
        self.new = d.new;
        self.cari = d.cari;
    }

    /// The edit not yet written, for the app to write before it closes.
    pub fn unsaved(&self) -> Option<(VersionId, Content)> {
        self.ed
            .as_ref()
            .filter(|e| e.unsaved)
            .map(|e| (e.version_id, e.content.clone()))
    }

    /// The data was replaced by a restore: nothing open, nothing pending.
    pub fn forget(&mut self) {
        self.ed = None;
        self.shown = None;
        self.amend = None;
        self.print = None;
        self.compare = None;
        self.confirm = None;
        self.restored = None;
    }

    /// The app wrote the edit of `version_id`.
    pub fn saved(&mut self, version_id: VersionId) {
        if let Some(e) = self.ed.as_mut().filter(|e| e.version_id == version_id) {
            e.unsaved = false;
            e.dirty_at = None;
            e.save_error = None;
        }
    }

    fn take_unsaved(&mut self) -> Option<(VersionId, Content)> {
        let u = self.unsaved();
        if let Some((v, _)) = &u {
            self.saved(*v);
        }
        u
    }

    pub fn on_replies(&mut self, replies: &[(Form, Reply)]) {
        for (form, reply) in replies {
            match (*form, reply) {
                (Form::AgreementSave, Reply::Err(e)) => {
                    if let Some(ed) = &mut self.ed {
                        ed.save_error = Some(e.clone());
                        ed.unsaved = true;
                    }
                }
                (Form::AgreementSave, Reply::Ok { .. }) => {
                    if let Some(ed) = &mut self.ed {
                        ed.save_error = None;
                    }
                }
                (Form::AgreementNew, Reply::Err(e)) => self.new_error = Some(e.clone()),
                (Form::AgreementNew, Reply::Ok { .. }) => {
                    self.new_error = None;
                    self.new = NewForm::default();
                }
                (Form::AgreementAmend, Reply::Err(e)) => {
                    if let Some(a) = &mut self.amend {
                        a.error = Some(e.clone());
                    }
                }
                (Form::AgreementAmend, Reply::Ok { .. }) => {
                    self.amend = None;
                    self.shown = None;
                    self.ed = None;
                }
                // A status change or a fill: show the stored version again.
                (Form::Agreement, Reply::Ok { .. })
                    if self.ed.as_ref().is_some_and(|e| !e.unsaved) =>
                {
                    self.ed = None;
                }
                _ => {}
            }
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        confirm_window(ui.ctx(), &mut self.confirm, out);
        match &view.agreement {
            Some(detail) if !detail.is_empty() => self.editor(ui, view, detail, out),
            _ => {
                self.ed = None;
                self.shown = None;
                self.list(ui, view, year, out);
            }
        }
    }

    fn list(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        heading(
            ui,
            &format!("Perjanjian Kinerja {year}"),
            "Satu perjanjian per unit: jenis, versi, status dan para pihak. Klik baris untuk membuka.",
        );
        ui.horizontal(|ui| {
            let l = ui.label("Cari");
            ui.add(
                egui::TextEdit::singleline(&mut self.cari)
                    .hint_text("unit, pihak, nomor")
                    .desired_width(220.0),
            )
            .labelled_by(l.id);
            let l = ui.label("Status");
            egui::ComboBox::from_id_salt("pk_filter_status")
                .selected_text(self.status.map(Status::label).unwrap_or("Semua"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, "Semua");
                    for s in Status::ALL {
                        ui.selectable_value(&mut self.status, Some(s), s.label());
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Jenis");
            egui::ComboBox::from_id_salt("pk_filter_jenis")
                .selected_text(self.jenis.map(Jenis::label).unwrap_or("Semua"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.jenis, None, "Semua");
                    for j in Jenis::ALL {
                        ui.selectable_value(&mut self.jenis, Some(j), j.label());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.separator();
            if ui.button("Buat Perjanjian Kinerja").clicked() {
                self.new.open = !self.new.open;
            }
        });
        if self.new.open {
            self.new_form(ui, view, year, out);
        }
        ui.add_space(6.0);
        let q = self.cari.trim().to_lowercase();
        let rows: Vec<_> = view
            .agreements
            .iter()
            .filter(|a| self.status.is_none_or(|s| a.status == s))
            .filter(|a| self.jenis.is_none_or(|j| a.jenis == j))
            .filter(|a| {
                q.is_empty()
                    || [&a.unit, &a.pihak_pertama, &a.pihak_kedua, &a.nomor]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&q))
            })
            .collect();
        if view.agreements.is_empty() {
            ui.label(format!(
                "Belum ada Perjanjian Kinerja untuk tahun {year}. Buat dengan tombol di atas."
            ));
            return;
        }
        if rows.is_empty() {
            ui.label("Tidak ada perjanjian yang cocok dengan pencarian.");
            return;
        }
        egui::ScrollArea::horizontal().show(ui, |ui| {
            TableBuilder::new(ui)
                .striped(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(fixed(220.0))
                .column(fixed(150.0))
                .column(fixed(40.0))
                .column(fixed(110.0))
                .column(fixed(175.0))
                .column(fixed(175.0))
                .column(fixed(40.0))
                .column(fixed(130.0))
                .header(24.0, |mut h| {
                    for t in [
                        "Unit",
                        "Jenis",
                        "Versi",
                        "Status",
                        "Pihak Pertama",
                        "Pihak Kedua",
                        "Baris",
                        "Anggaran",
                    ] {
                        h.col(|ui| {
                            ui.strong(t);
                        });
                    }
                })
                .body(|body| {
                    body.rows(26.0, rows.len(), |mut row| {
                        let a = rows[row.index()];
                        let text = |ui: &mut egui::Ui, t: &str| {
                            ui.add(egui::Label::new(t).truncate().selectable(false));
                        };
                        row.col(|ui| {
                            ui.add(egui::Button::new(&a.unit).frame(false).truncate())
                                .on_hover_text(format!("Buka perjanjian {}", a.unit))
                                .clicked()
                                .then(|| {
                                    out.send(Form::Agreement, AgreementCmd::Open { id: Some(a.id) })
                                });
                        });
                        row.col(|ui| text(ui, a.jenis.label()));
                        row.col(|ui| text(ui, &a.versi.to_string()));
                        row.col(|ui| {
                            chip(ui, a.status.label(), status_color(a.status));
                        });
                        row.col(|ui| text(ui, &a.pihak_pertama));
                        row.col(|ui| text(ui, &a.pihak_kedua));
                        row.col(|ui| text(ui, &a.lines.to_string()));
                        row.col(|ui| text(ui, &fmt::rupiah(a.anggaran)));
                        if row.response().clicked() {
                            out.send(Form::Agreement, AgreementCmd::Open { id: Some(a.id) });
                        }
                    });
                });
        });
    }

    fn new_form(&mut self, ui: &mut egui::Ui, view: &ViewData, year: i32, out: &mut Outbox) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(format!("Perjanjian Kinerja baru tahun {year}"));
            egui::Grid::new("pk_baru").num_columns(2).show(ui, |ui| {
                let l = ui.label("Unit kerja");
                let taken = |u: UnitId, j: Jenis| {
                    view.agreements
                        .iter()
                        .any(|a| a.unit_id == u && a.jenis == j)
                };
                egui::ComboBox::from_id_salt("pk_baru_unit")
                    .width(360.0)
                    .selected_text(
                        self.new
                            .unit
                            .map(|u| view.unit_name(Some(u)))
                            .unwrap_or_else(|| "— pilih unit —".into()),
                    )
                    .show_ui(ui, |ui| {
                        for n in view.units.iter().filter(|n| !n.unit.retired) {
                            let j = Jenis::for_eselon(n.unit.eselon.kode());
                            let label = format!(
                                "{}{}{}",
                                "   ".repeat(n.depth),
                                n.unit.nama,
                                if taken(n.unit.id, j) {
                                    " (sudah ada)"
                                } else {
                                    ""
                                }
                            );
                            if ui
                                .selectable_label(self.new.unit == Some(n.unit.id), label)
                                .clicked()
                            {
                                self.new.unit = Some(n.unit.id);
                                self.new.jenis = Some(j);
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Jenis perjanjian");
                let jenis = self.new.jenis.get_or_insert(Jenis::Eselon3);
                egui::ComboBox::from_id_salt("pk_baru_jenis")
                    .selected_text(jenis.label())
                    .show_ui(ui, |ui| {
                        for j in Jenis::ALL {
                            ui.selectable_value(jenis, j, j.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(
                    &mut self.new.from_plan,
                    "Ambil baris kinerja dan anggaran dari Renstra/Renja",
                );
                ui.end_row();
            });
            if let Some(e) = &self.new_error {
                inline_error(ui, e);
            }
            ui.horizontal(|ui| {
                let can = self.new.unit.is_some();
                if ui.add_enabled(can, egui::Button::new("Buat")).clicked()
                    && let (Some(unit), Some(jenis)) = (self.new.unit, self.new.jenis)
                {
                    out.send(
                        Form::AgreementNew,
                        AgreementCmd::Create {
                            unit,
                            jenis,
                            from_plan: self.new.from_plan,
                        },
                    );
                }
                if ui.button("Batal").clicked() {
                    self.new = NewForm::default();
                    self.new_error = None;
                }
            });
        });
    }

    fn editor(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        versions: &[VersionDoc],
        out: &mut Outbox,
    ) {
        let latest = versions.last().expect("a detail has a version");
        let shown_id = self
            .shown
            .filter(|id| versions.iter().any(|v| v.id == *id))
            .unwrap_or(latest.id);
        let doc = versions.iter().find(|v| v.id == shown_id).unwrap_or(latest);
        // (Re)open the editor when another version is shown. After a
        // command that changed the stored content the replies drop the
        // editor, so it is built again from the database here.
        if self.ed.as_ref().is_none_or(|e| e.version_id != doc.id) {
            let mut e = Editor::new(doc);
            match self.restored.take() {
                Some((v, c)) if v == doc.id && doc.status.is_editable() => {
                    e.content = c;
                    e.sync_buffers();
                    e.unsaved = true;
                    e.dirty_at = Some(0.0);
                }
                other => self.restored = other,
            }
            self.ed = Some(e);
        }
        let editable = doc.status.is_editable() && doc.id == latest.id;
        let now = ui.input(|i| i.time);

        // The top: back, title, status and the actions of this status.
        ui.horizontal(|ui| {
            if ui.button("← Daftar perjanjian").clicked() {
                self.flush(out);
                out.send(Form::Agreement, AgreementCmd::Open { id: None });
            }
            ui.heading(format!(
                "{} {} — {}",
                if doc.versi > 1 { "PK Perubahan" } else { "PK" },
                doc.tahun,
                doc.unit
            ));
        });
        ui.horizontal_wrapped(|ui| {
            chip(ui, doc.status.label(), status_color(doc.status));
            ui.label(doc.jenis.label());
            if versions.len() > 1 {
                let l = ui.label("Versi");
                let mut sel = doc.id;
                egui::ComboBox::from_id_salt("pk_versi")
                    .selected_text(format!("Versi {}", doc.versi))
                    .show_ui(ui, |ui| {
                        for v in versions {
                            ui.selectable_value(
                                &mut sel,
                                v.id,
                                format!("Versi {} ({})", v.versi, v.status.label()),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if sel != doc.id {
                    self.flush(out);
                    self.shown = Some(sel);
                }
                if ui.button("Bandingkan versi").clicked() {
                    let prev = versions[versions.len() - 2].id;
                    self.compare = Some((prev, latest.id));
                }
            }
            ui.separator();
            self.actions(ui, doc, latest, editable, view, out);
        });
        let prints: Vec<_> = view
            .prints
            .iter()
            .filter(|p| p.version_id == doc.id)
            .collect();
        if let Some(last) = prints.last() {
            let total: u32 = prints.iter().map(|p| p.rangkap).sum();
            let when = crate::store::parse_time(&last.at)
                .ok()
                .zip(view.kal.as_ref())
                .map(|(t, k)| crate::fmt::tanggal_jam(k.ke_lokal(t)))
                .unwrap_or_default();
            ui.label(format!(
                "Dicetak {} kali ({total} rangkap); terakhir {when}: {} rangkap {} oleh {}",
                prints.len(),
                last.rangkap,
                last.tujuan.label(),
                last.operator
            ));
        }
        if doc.versi > 1 {
            ui.label(
                RichText::new(format!(
                    "PK Perubahan — alasan: {}{}",
                    doc.alasan_jenis.map(AlasanPerubahan::label).unwrap_or(""),
                    if doc.alasan.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", doc.alasan)
                    }
                ))
                .italics(),
            );
        }
        if !editable {
            ui.label(
                RichText::new(if doc.status.is_signed() {
                    "Versi ini sudah ditandatangani dan tidak dapat diubah lagi. Untuk mengubahnya, buat PK Perubahan."
                } else if doc.id != latest.id {
                    "Ini versi lama; hanya dapat dilihat."
                } else {
                    "Versi ini sedang dalam proses persetujuan; kembalikan ke draf untuk mengubahnya."
                })
                .weak(),
            );
        }
        let Some(ed) = self.ed.as_mut() else { return };
        if let Some(e) = &ed.save_error {
            inline_error(ui, &format!("Belum tersimpan: {e}"));
        } else if editable {
            ui.label(
                RichText::new(if ed.unsaved {
                    "Menyimpan…"
                } else {
                    "Semua perubahan tersimpan otomatis."
                })
                .weak()
                .small(),
            );
        }
        if !ed.problems.is_empty() {
            inline_error(
                ui,
                &format!(
                    "Belum dapat diajukan — perbaiki {} hal yang ditandai merah di bawah.",
                    ed.problems.len()
                ),
            );
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("pk_editor")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_enabled_ui(editable, |ui| {
                    let mut changed = header(ui, ed, doc, view.kal.as_ref());
                    changed |= parties(ui, ed, doc, view);
                    changed |= lines(ui, ed);
                    changed |= budget(ui, ed);
                    if changed {
                        ed.touch(now);
                    }
                });
            });
        // Autosave: half a second after the first unsent edit.
        if editable && let Some(t) = ed.dirty_at {
            if now - t >= AUTOSAVE_AFTER {
                ed.dirty_at = None;
                ed.unsaved = false;
                out.send(
                    Form::AgreementSave,
                    AgreementCmd::SaveDraft {
                        version: ed.version_id,
                        content: Box::new(ed.content.clone()),
                    },
                );
            } else {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs_f64(
                        AUTOSAVE_AFTER - (now - t),
                    ));
            }
        }
        self.amend_window(ui.ctx(), out);
        self.print_window(ui.ctx(), out);
        self.compare_window(ui.ctx(), versions);
    }

    /// Sends the pending edit now (before leaving or a status change).
    fn flush(&mut self, out: &mut Outbox) {
        if let Some((v, c)) = self.take_unsaved() {
            out.send(
                Form::AgreementSave,
                AgreementCmd::SaveDraft {
                    version: v,
                    content: Box::new(c),
                },
            );
        }
    }

    fn actions(
        &mut self,
        ui: &mut egui::Ui,
        doc: &VersionDoc,
        latest: &VersionDoc,
        editable: bool,
        view: &ViewData,
        out: &mut Outbox,
    ) {
        if editable {
            if ui.button("Ajukan").clicked()
                && let Some(ed) = self.ed.as_mut()
            {
                ed.problems = rules::check_submit(&ed.content, &|id, d| {
                    official_inactive(&view.officials, id, d)
                });
                if ed.problems.is_empty() {
                    self.flush(out);
                    out.send(
                        Form::Agreement,
                        AgreementCmd::Move {
                            version: doc.id,
                            transition: Transition::Submit,
                        },
                    );
                }
            }
            if ui.button("Ambil dari Renstra/Renja").clicked() {
                self.flush(out);
                let has = self
                    .ed
                    .as_ref()
                    .is_some_and(|e| !e.content.lines.is_empty() || !e.content.budget.is_empty());
                if has {
                    self.confirm = Some(Confirm {
                        pesan: format!(
                            "Baris kinerja dan anggaran draf ini diganti dengan yang ada di Renstra/Renja {} untuk {}. Lanjutkan?",
                            doc.tahun, doc.unit
                        ),
                        ya: "Ya, ganti",
                        form: Form::Agreement,
                        cmd: AgreementCmd::FillFromPlan { version: doc.id }.into(),
                    });
                } else {
                    out.send(
                        Form::Agreement,
                        AgreementCmd::FillFromPlan { version: doc.id },
                    );
                }
            }
            if ui.button("Hapus draf").clicked() {
                self.confirm = Some(Confirm {
                    pesan: format!(
                        "Hapus draf versi {} Perjanjian Kinerja {}? Draf yang dihapus tidak dapat dikembalikan.",
                        doc.versi, doc.unit
                    ),
                    ya: "Ya, hapus",
                    form: Form::Agreement,
                    cmd: AgreementCmd::DeleteDraft { version: doc.id }.into(),
                });
            }
        }
        if doc.id == latest.id && matches!(doc.status, Status::Diajukan | Status::Diparaf) {
            if ui.button("Kembalikan ke draf").clicked() {
                out.send(
                    Form::Agreement,
                    AgreementCmd::Move {
                        version: doc.id,
                        transition: Transition::Return,
                    },
                );
            }
            if doc.status == Status::Diajukan
                && ui
                    .button("Tandai sudah diparaf")
                    .on_hover_text("Semua paraf pada naskah yang dicetak sudah dibubuhkan")
                    .clicked()
            {
                out.send(
                    Form::Agreement,
                    AgreementCmd::Move {
                        version: doc.id,
                        transition: Transition::Paraf,
                    },
                );
            }
            if ui.button("Tandai sudah ditandatangani").clicked() {
                self.confirm = Some(Confirm {
                    pesan: format!(
                        "Tandai versi {} Perjanjian Kinerja {} sudah ditandatangani? Nama, NIP, pangkat dan jabatan para pihak dibekukan dan versi ini tidak dapat diubah lagi.",
                        doc.versi, doc.unit
                    ),
                    ya: "Ya, sudah ditandatangani",
                    form: Form::Agreement,
                    cmd: AgreementCmd::Move {
                        version: doc.id,
                        transition: Transition::Sign,
                    }
                    .into(),
                });
            }
        }
        if doc.id == latest.id && doc.status.is_signed() && ui.button("Buat Perubahan").clicked() {
            self.amend = Some(AmendForm {
                version_id: doc.id,
                jenis: Some(AlasanPerubahan::Pejabat),
                alasan: String::new(),
                error: None,
            });
        }
        if let Some(tujuan) = doc.status.print_purpose() {
            let label = match tujuan {
                PrintPurpose::TandaTangan => "Cetak untuk ditandatangani…",
                PrintPurpose::Salinan => "Cetak salinan…",
            };
            if ui
                .button(label)
                .on_hover_text("PDF akhir tanpa tanda DRAF, dibuka di penampil untuk dicetak; setiap cetak dicatat")
                .clicked()
            {
                self.flush(out);
                self.print = Some(PrintForm {
                    version_id: doc.id,
                    tujuan,
                    rangkap: view.office.rangkap_cetak.to_string(),
                    error: None,
                });
            }
        }
        ui.separator();
        let l = ui.label("Kertas");
        egui::ComboBox::from_id_salt("pk_kertas")
            .selected_text(self.kertas.label())
            .show_ui(ui, |ui| {
                for k in [Kertas::A4, Kertas::F4] {
                    ui.selectable_value(&mut self.kertas, k, k.label());
                }
            })
            .response
            .labelled_by(l.id);
        if ui.button("Ekspor PDF…").clicked() {
            self.flush(out);
            if let Some(path) = rfd::FileDialog::new()
                .set_title("Simpan Perjanjian Kinerja sebagai PDF")
                .add_filter("Dokumen PDF", &["pdf"])
                .set_file_name(crate::pdf::agreement_file_name(
                    doc.tahun, &doc.unit, doc.versi,
                ))
                .save_file()
            {
                out.send(
                    Form::Agreement,
                    AgreementCmd::ExportPdf {
                        version: doc.id,
                        path,
                        kertas: self.kertas,
                    },
                );
            }
        }
    }

    fn print_window(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        let Some(p) = self.print.as_mut() else { return };
        let mut close = false;
        let title = match p.tujuan {
            PrintPurpose::TandaTangan => "Cetak untuk ditandatangani",
            PrintPurpose::Salinan => "Cetak salinan",
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                // A fixed width: the field below fills it without the window
                // growing with what is typed.
                ui.set_width(420.0);
                ui.label(match p.tujuan {
                    PrintPurpose::TandaTangan => "Naskah akhir dicetak tanpa tanda DRAF untuk diparaf dan ditandatangani para pihak.",
                    PrintPurpose::Salinan => "Salinan versi yang sudah ditandatangani dicetak tanpa tanda DRAF.",
                });
                ui.label(format!("Kertas: {}", self.kertas.label()));
                egui::Grid::new("pk_cetak").num_columns(2).show(ui, |ui| {
                    text_field(ui, "Jumlah rangkap", &mut p.rangkap, p.error.as_deref());
                });
                ui.horizontal(|ui| {
                    if ui.button("Cetak").clicked() {
                        match p.rangkap.trim().parse::<u32>().ok().filter(|n| (1..=99).contains(n)) {
                            Some(n) => {
                                out.send(Form::Agreement, AgreementCmd::Print { version: p.version_id, rangkap: n, kertas: self.kertas });
                                close = true;
                            }
                            None => p.error = Some("Jumlah rangkap harus angka 1 sampai 99".into()),
                        }
                    }
                    if ui.button("Batal").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.print = None;
        }
    }

    fn amend_window(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        let Some(a) = self.amend.as_mut() else { return };
        let mut close = false;
        egui::Window::new("Buat PK Perubahan")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label("Versi yang sudah ditandatangani tetap tersimpan dan tidak berubah. Versi baru dibuat sebagai draf dari isinya.");
                ui.add_space(6.0);
                ui.strong("Alasan perubahan");
                for alasan in AlasanPerubahan::ALL {
                    ui.radio_value(&mut a.jenis, Some(alasan), alasan.label());
                }
                let l = ui.label("Uraian alasan (wajib)");
                ui.add(
                    egui::TextEdit::multiline(&mut a.alasan)
                        .desired_rows(3)
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                if let Some(e) = &a.error {
                    inline_error(ui, e);
                }
                ui.horizontal(|ui| {
                    if ui.button("Buat versi perubahan").clicked() {
                        if a.alasan.trim().is_empty() {
                            a.error = Some("Uraikan alasan perubahan (wajib diisi)".into());
                        } else {
                            out.send(
                                Form::AgreementAmend,
                                AgreementCmd::Amend {
                                    version: a.version_id,
                                    alasan_jenis: a.jenis,
                                    alasan: a.alasan.clone(),
                                },
                            );
                        }
                    }
                    if ui.button("Batal").clicked() {
                        close = true;
                    }
                });
            });
        if close || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.amend = None;
        }
    }

    fn compare_window(&mut self, ctx: &egui::Context, versions: &[VersionDoc]) {
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
                let changes = rules::compare(&va.content, &vb.content);
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

/// A text edit named for assistive technology (and the tests).
fn named_edit(ui: &mut egui::Ui, value: &mut String, name: String, width: f32, bad: bool) -> bool {
    let r = ui.add(
        egui::TextEdit::singleline(value)
            .id_salt(&name)
            .desired_width(width),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
    if bad {
        ui.painter().rect_stroke(
            r.rect.expand(1.0),
            2.0,
            egui::Stroke::new(1.5, Color32::from_rgb(220, 60, 60)),
            egui::StrokeKind::Outside,
        );
    }
    if !value.is_empty() && r.hovered() && value.chars().count() > 30 {
        r.clone().on_hover_text(value.as_str());
    }
    r.changed()
}

fn grid_field(ui: &mut egui::Ui, label: &str, value: &mut String, error: Option<&str>) -> bool {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(value)
                .id_salt(("pk", label))
                .desired_width(420.0),
        )
        .labelled_by(l.id);
    ui.end_row();
    if let Some(e) = error {
        ui.label("");
        inline_error(ui, e);
    }
    r.changed()
}

fn header(
    ui: &mut egui::Ui,
    ed: &mut Editor,
    doc: &VersionDoc,
    kal: Option<&crate::model::worktime::Kalender>,
) -> bool {
    let mut changed = false;
    ui.strong("Kepala perjanjian");
    egui::Grid::new("pk_kepala")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label("Unit kerja");
            ui.label(&doc.unit);
            ui.end_row();
            ui.label("Tahun");
            ui.label(doc.tahun.to_string());
            ui.end_row();
            let nomor_err = ed.problem(Field::Nomor).map(str::to_string);
            changed |= grid_field(ui, "Nomor", &mut ed.content.nomor, nomor_err.as_deref());
            let tempat_err = ed.problem(Field::Tempat).map(str::to_string);
            changed |= grid_field(ui, "Tempat", &mut ed.content.tempat, tempat_err.as_deref());
            let tanggal_err = ed
                .tanggal_err
                .clone()
                .or_else(|| ed.problem(Field::Tanggal).map(str::to_string));
            if grid_field(
                ui,
                "Tanggal penandatanganan (hh-bb-tttt)",
                &mut ed.tanggal_buf,
                tanggal_err.as_deref(),
            ) {
                let t = ed.tanggal_buf.trim();
                if t.is_empty() {
                    ed.tanggal_err = None;
                    ed.content.tanggal = None;
                    changed = true;
                } else {
                    match fmt::baca_tanggal(t) {
                        Ok(d) => {
                            ed.tanggal_err = None;
                            ed.content.tanggal = Some(d);
                            changed = true;
                        }
                        Err(e) => ed.tanggal_err = Some(e),
                    }
                }
            }
            if let Some(d) = ed.content.tanggal {
                ui.label("");
                let hari = fmt::tanggal_hari(d);
                if kal.is_some_and(|k| !k.hari_kerja(d)) {
                    ui.label(
                        RichText::new(format!("{hari} — bukan hari kerja kantor"))
                            .color(Color32::from_rgb(180, 110, 0)),
                    );
                } else {
                    ui.label(RichText::new(hari).weak());
                }
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    changed
}

fn party_line(p: &Party) -> String {
    let mut parts = vec![p.jabatan_cetak()];
    if !p.pangkat.is_empty() {
        parts.push(p.pangkat.clone());
    }
    if !p.nip.is_empty() {
        parts.push(format!("NIP {}", crate::model::org::nip_cetak(&p.nip)));
    }
    parts.join(" · ")
}

fn parties(ui: &mut egui::Ui, ed: &mut Editor, doc: &VersionDoc, view: &ViewData) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.strong("Para pihak");
        if ui
            .button("Usulkan dari SOTK")
            .on_hover_text("Pihak Pertama: kepala unit ini; Pihak Kedua: kepala unit di atasnya")
            .clicked()
        {
            let on = ed.content.tanggal.or(view.today).unwrap_or_default();
            let units: Vec<_> = view.units.iter().map(|n| n.unit.clone()).collect();
            let p = propose(&units, &view.officials, &view.office, doc.unit_id, on);
            let official =
                |id: Option<_>| id.and_then(|id| view.officials.iter().find(|o| o.id == id));
            if let Some(o) = official(p.pihak_pertama) {
                ed.content.pihak_pertama = party_of(o);
            }
            if let Some(o) = official(p.pihak_kedua) {
                ed.content.pihak_kedua = party_of(o);
            } else if let Some((jabatan, nama)) = p.pihak_kedua_manual {
                ed.content.pihak_kedua = Party {
                    jabatan,
                    nama,
                    ..Party::default()
                };
            }
            changed = true;
        }
    });
    egui::Grid::new("pk_pihak")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (label, field, salt) in [
                ("Pihak Pertama", Field::PihakPertama, "pk_p1"),
                ("Pihak Kedua", Field::PihakKedua, "pk_p2"),
            ] {
                let err = ed.problem(field).map(str::to_string);
                let p = if field == Field::PihakPertama {
                    &mut ed.content.pihak_pertama
                } else {
                    &mut ed.content.pihak_kedua
                };
                let l = ui.label(label);
                ui.vertical(|ui| {
                    let mut manual = p.official_id.is_none() && !p.nama.is_empty();
                    if field == Field::PihakKedua {
                        ui.horizontal(|ui| {
                            if ui.radio(!manual, "Pejabat dari daftar").clicked() && manual {
                                *p = Party::default();
                                manual = false;
                                changed = true;
                            }
                            if ui.radio(manual, "Kepala daerah (diketik)").clicked() && !manual {
                                *p = Party {
                                    jabatan: view.office.kepala_daerah_jabatan.clone(),
                                    nama: view.office.kepala_daerah_nama.clone(),
                                    ..Party::default()
                                };
                                manual = true;
                                changed = true;
                            }
                        });
                    }
                    if manual {
                        ui.horizontal(|ui| {
                            let l = ui.label("Jabatan");
                            changed |= ui
                                .add(
                                    egui::TextEdit::singleline(&mut p.jabatan)
                                        .id_salt((salt, "jabatan"))
                                        .desired_width(220.0),
                                )
                                .labelled_by(l.id)
                                .changed();
                            let l = ui.label("Nama");
                            changed |= ui
                                .add(
                                    egui::TextEdit::singleline(&mut p.nama)
                                        .id_salt((salt, "nama"))
                                        .desired_width(260.0),
                                )
                                .labelled_by(l.id)
                                .changed();
                        });
                    } else {
                        let pick =
                            official_picker(ui, salt, l.id, p.official_id, &view.officials, 520.0);
                        if let Some(o) = pick {
                            *p = party_of(o);
                            changed = true;
                        }
                    }
                    if !p.nama.is_empty() {
                        ui.label(RichText::new(party_line(p)).weak());
                    }
                    if let Some(e) = &err {
                        inline_error(ui, e);
                    }
                });
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    changed
}

fn lines(ui: &mut egui::Ui, ed: &mut Editor) -> bool {
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
    let tw = ed.show_tw;
    let n = ed.content.lines.len();
    let mut action: Option<(usize, i8)> = None;
    let problems = ed.problems.clone();
    let bad = |f: Field| problems.iter().any(|p| p.field == f);
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
                .header(22.0, |mut h| {
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
                })
                .body(|body| {
                    body.rows(28.0, n, |mut row| {
                        let k = row.index();
                        let l = &mut ed.content.lines[k];
                        let no = k + 1;
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
                            changed |= named_edit(
                                ui,
                                &mut l.satuan,
                                format!("Baris {no} Satuan"),
                                70.0,
                                false,
                            );
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
                        if tw {
                            let warn = quarter_warning(l).is_some();
                            for (q, name) in ["TW I", "TW II", "TW III", "TW IV"].iter().enumerate()
                            {
                                row.col(|ui| {
                                    changed |= named_edit(
                                        ui,
                                        &mut l.tw[q],
                                        format!("Baris {no} {name}"),
                                        54.0,
                                        warn,
                                    );
                                });
                            }
                        }
                        row.col(|ui| {
                            let s = match l.sumber {
                                Some(LineSource::Renstra(_)) => "Renstra",
                                Some(LineSource::Renja(_)) => "Renja",
                                None => "Manual",
                            };
                            ui.add(egui::Label::new(RichText::new(s).weak()).selectable(false));
                        });
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
                    });
                });
        });
    if let Some((k, d)) = action {
        match d {
            0 => {
                ed.content.lines.remove(k);
            }
            -1 => ed.content.lines.swap(k, k - 1),
            _ => ed.content.lines.swap(k, k + 1),
        }
        changed = true;
    }
    // Messages per line: problems from "Ajukan" and the quarter warnings.
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
            ui.label(
                RichText::new(format!("Baris {}: {w}", k + 1))
                    .color(Color32::from_rgb(180, 110, 0)),
            );
        }
    }
    ui.add_space(8.0);
    changed
}

fn budget(ui: &mut egui::Ui, ed: &mut Editor) -> bool {
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
    let n = ed.content.budget.len();
    let mut remove = None;
    let mut bad_amount = Vec::new();
    if n > 0 {
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
                    row.col(|ui| {
                        egui::ComboBox::from_id_salt(("pk_tingkat", k))
                            .width(115.0)
                            .selected_text(b.level.label())
                            .show_ui(ui, |ui| {
                                for lv in Tingkat::ALL {
                                    if ui.selectable_label(b.level == lv, lv.label()).clicked()
                                        && b.level != lv
                                    {
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
                    row.col(|ui| {
                        changed |= named_edit(
                            ui,
                            &mut b.kode,
                            format!("Anggaran {no} Kode"),
                            140.0,
                            false,
                        );
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
                    row.col(|ui| {
                        let buf = &mut ed.anggaran_buf[k];
                        let parsed = fmt::baca_rupiah(buf);
                        if named_edit(
                            ui,
                            buf,
                            format!("Anggaran {no} Jumlah"),
                            150.0,
                            parsed.is_err(),
                        ) && let Ok(v) = fmt::baca_rupiah(buf)
                        {
                            b.anggaran = v;
                            changed = true;
                        }
                        if let Err(e) = fmt::baca_rupiah(buf) {
                            bad_amount.push(format!("Anggaran baris {no}: {e}"));
                        }
                    });
                    row.col(|ui| {
                        if ui.small_button("Hapus").clicked() {
                            remove = Some(k);
                        }
                    });
                });
            });
    }
    if let Some(k) = remove {
        ed.content.budget.remove(k);
        ed.anggaran_buf.remove(k);
        changed = true;
    }
    for e in bad_amount {
        inline_error(ui, &e);
    }
    for p in &ed.problems {
        if matches!(p.field, Field::Budget(_)) {
            inline_error(ui, &p.message);
        }
    }
    ui.label(
        RichText::new(format!(
            "Jumlah anggaran: {}",
            fmt::rupiah(budget_total(&ed.content.budget))
        ))
        .strong(),
    );
    ui.add_space(12.0);
    changed
}

fn status_color(s: Status) -> Color32 {
    match s {
        Status::Draf => Color32::from_rgb(100, 116, 139),
        Status::Diajukan => Color32::from_rgb(37, 99, 235),
        Status::Diparaf => Color32::from_rgb(124, 58, 237),
        Status::Ditandatangani => Color32::from_rgb(21, 128, 61),
        Status::Diarsipkan => Color32::from_rgb(15, 118, 110),
    }
}
