//! The Perjanjian Kinerja panel: the agreements of the active year, and the
//! editor of one agreement (header, parties, lines, budget) that saves as the
//! user works, with submitting, signing, PK Perubahan, the comparison of two
//! versions and the PDF.

mod actions;
mod budget;
mod compare;
mod editor;
mod header;
mod lines;
mod list;
mod parties;

use super::widgets::{Confirm, confirm_window};
use super::{Form, Outbox};
use crate::app::{AgreementCmd, Reply, ViewData};
use crate::fmt;
use crate::model::agreement::{
    AlasanPerubahan, Content, Field, Jenis, PrintPurpose, Problem, Status, VersionDoc,
};
use crate::model::id::{UnitId, VersionId};
use crate::pdf::Kertas;
use egui::Color32;
use serde::{Deserialize, Serialize};

use super::draft::Drift;

/// Seconds an edit may wait before it is written (typing goes on meanwhile).
const AUTOSAVE_AFTER: f64 = 0.5;

/// Unsaved input, remembered across restarts and crashes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AgreementDrafts {
    /// (version, content) edited but not yet written to the database.
    pub unsaved: Option<(VersionId, Content)>,
    /// The stored content the unsaved edit began from.
    #[serde(default)]
    pub base: Option<Content>,
    pub new: NewForm,
    pub cari: String,
    /// The typed texts of the fields read into numbers and dates, kept as
    /// typed (a red one included) with the unsaved edit.
    #[serde(default)]
    pub texts: Option<Texts>,
}

/// What the user typed in the fields that are read (date, amounts).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub tanggal: String,
    pub anggaran: Vec<String>,
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
    /// The stored content the edit began from.
    base: Content,
    /// A remembered edit met a version changed since: nothing is written
    /// until the user chooses.
    conflict: Option<Drift>,
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
    /// Who "Usulkan dari SOTK" passed over, and why.
    skipped: Vec<String>,
    show_tw: bool,
    /// The line deleted last, offered back ("Urungkan").
    removed: Option<Removed>,
}

/// A deleted line of the agreement, with the place it had.
#[derive(Clone, Debug)]
enum Removed {
    Line(usize, crate::model::agreement::NewLine),
    /// The budget line and the amount as it was typed.
    Budget(usize, crate::model::agreement::NewBudgetLine, String),
}

impl Editor {
    fn new(doc: &VersionDoc) -> Editor {
        let mut e = Editor {
            version_id: doc.id,
            content: doc.content.clone(),
            base: doc.content.clone(),
            conflict: None,
            unsaved: false,
            dirty_at: None,
            save_error: None,
            tanggal_buf: String::new(),
            tanggal_err: None,
            anggaran_buf: Vec::new(),
            problems: Vec::new(),
            skipped: Vec::new(),
            show_tw: false,
            removed: None,
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

    /// The typed texts, as remembered with an unsaved edit.
    fn texts(&self) -> Texts {
        Texts {
            tanggal: self.tanggal_buf.clone(),
            anggaran: self.anggaran_buf.clone(),
        }
    }

    /// Puts back remembered texts (when they still fit the content).
    fn restore_texts(&mut self, t: Texts) {
        if t.anggaran.len() == self.anggaran_buf.len() {
            self.anggaran_buf = t.anggaran;
        }
        self.tanggal_buf = t.tanggal;
        self.read_tanggal();
    }

    /// Reads the typed signing date: an empty field clears it, a date that
    /// reads is taken, one that does not is kept in red and not taken.
    fn read_tanggal(&mut self) {
        let t = self.tanggal_buf.trim();
        if t.is_empty() {
            self.tanggal_err = None;
            self.content.tanggal = None;
            return;
        }
        match fmt::baca_tanggal(t) {
            Ok(d) => {
                self.tanggal_err = None;
                self.content.tanggal = Some(d);
            }
            Err(e) => self.tanggal_err = Some(e),
        }
    }

    /// The typed fields that do not read (the date, an amount): while one
    /// is left nothing is written and no status change goes through.
    fn unreadable(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if let Some(e) = &self.tanggal_err {
            out.push(Problem {
                field: Field::Tanggal,
                message: e.clone(),
            });
        }
        for (k, b) in self.anggaran_buf.iter().enumerate() {
            if let Err(e) = fmt::baca_rupiah(b) {
                out.push(Problem {
                    field: Field::Budget(k),
                    message: format!("Anggaran baris {}: {e}", k + 1),
                });
            }
        }
        out
    }

    fn touch(&mut self, now: f64) {
        self.unsaved = true;
        if self.dirty_at.is_none() {
            self.dirty_at = Some(now);
        }
        // Fixed problems disappear as the user fixes them.
        self.problems.clear();
    }

    /// Puts the line deleted last back where it was.
    fn undo_remove(&mut self) {
        match self.removed.take() {
            Some(Removed::Line(k, l)) => {
                let k = k.min(self.content.lines.len());
                self.content.lines.insert(k, l);
            }
            Some(Removed::Budget(k, b, buf)) => {
                let k = k.min(self.content.budget.len());
                self.content.budget.insert(k, b);
                self.anggaran_buf.insert(k, buf);
            }
            None => {}
        }
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
    /// Restored unsaved input (with the stored content it began from),
    /// applied once its version is open.
    restored: Option<Restored>,
}

/// A remembered edit waiting for its version to open.
#[derive(Clone, Debug)]
struct Restored {
    version_id: VersionId,
    content: Content,
    base: Option<Content>,
    texts: Option<Texts>,
}

impl AgreementPanel {
    pub fn drafts(&self) -> AgreementDrafts {
        let editing = self.ed.as_ref().filter(|e| e.unsaved).map(|e| Restored {
            version_id: e.version_id,
            content: e.content.clone(),
            base: Some(e.base.clone()),
            texts: Some(e.texts()),
        });
        let r = editing.or_else(|| self.restored.clone());
        AgreementDrafts {
            texts: r.as_ref().and_then(|r| r.texts.clone()),
            base: r.as_ref().and_then(|r| r.base.clone()),
            unsaved: r.map(|r| (r.version_id, r.content)),
            new: self.new.clone(),
            cari: self.cari.clone(),
        }
    }

    pub fn restore(&mut self, d: AgreementDrafts) {
        self.restored = d.unsaved.map(|(version_id, content)| Restored {
            version_id,
            content,
            base: d.base,
            texts: d.texts,
        });
        self.new = d.new;
        self.cari = d.cari;
    }

    /// The edit not yet written, for the app to write before it closes
    /// (not while it waits for the user's choice over a changed version,
    /// nor while a typed field does not read: it stays remembered).
    pub fn unsaved(&self) -> Option<(VersionId, Content)> {
        self.ed
            .as_ref()
            .filter(|e| e.unsaved && e.conflict.is_none() && e.unreadable().is_empty())
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
            e.base = e.content.clone();
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

fn status_color(s: Status) -> Color32 {
    match s {
        Status::Draf => Color32::from_rgb(100, 116, 139),
        Status::Diajukan => Color32::from_rgb(37, 99, 235),
        Status::Diparaf => Color32::from_rgb(124, 58, 237),
        Status::Ditandatangani => Color32::from_rgb(21, 128, 61),
        Status::Diarsipkan => Color32::from_rgb(15, 118, 110),
    }
}
