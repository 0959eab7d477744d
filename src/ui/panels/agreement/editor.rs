//! The editor frame of one agreement: title, versions, status notes, the
//! editable sections and the autosave.

use super::budget::budget;
use super::header::header;
use super::lines::lines;
use super::parties::parties;
use super::{AUTOSAVE_AFTER, AgreementPanel, Editor, status_color};
use crate::app::{AgreementCmd, ViewData};
use crate::model::agreement::{AlasanPerubahan, VersionDoc, field_names};
use crate::ui::panels::draft::{Choice, Drift, conflict_bar};
use crate::ui::panels::widgets::{chip, inline_error};
use crate::ui::panels::{Form, Outbox};
use egui::RichText;

/// The version on screen, the latest one, and whether it may be edited.
struct Shown<'v> {
    versions: &'v [VersionDoc],
    doc: &'v VersionDoc,
    latest: &'v VersionDoc,
    editable: bool,
}

impl AgreementPanel {
    pub(super) fn editor(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        versions: &[VersionDoc],
        out: &mut Outbox,
    ) {
        let s = self.open_shown(versions);
        let now = ui.input(|i| i.time);

        // The top: back, title, status and the actions of this status.
        self.title(ui, s.doc, out);
        ui.horizontal_wrapped(|ui| self.version_bar(ui, &s, view, out));
        print_record(ui, view, s.doc);
        notes(ui, &s);
        if let Some(drift) = self.ed.as_ref().and_then(|e| e.conflict)
            && let Some(choice) = conflict_bar(ui, drift)
        {
            self.resolve(choice, s.doc);
        }
        let Some(ed) = self.ed.as_mut() else { return };
        save_state(ui, ed, s.editable);
        if s.editable && undo_bar(ui, ed) {
            ed.touch(now);
        }
        ui.separator();
        sections(ui, ed, s.doc, view, s.editable, now);
        // Autosave: half a second after the first unsent edit.
        if s.editable {
            autosave(ui.ctx(), ed, now, out);
        }
        self.amend_window(ui.ctx(), out);
        self.print_window(ui.ctx(), out);
        self.compare_window(ui.ctx(), versions);
    }

    /// Picks the version to show and opens the editor on it.
    fn open_shown<'v>(&mut self, versions: &'v [VersionDoc]) -> Shown<'v> {
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
                Some(r) if r.version_id == doc.id && doc.status.is_editable() => {
                    e.content = r.content;
                    e.sync_buffers();
                    if let Some(t) = r.texts {
                        e.restore_texts(t);
                    }
                    e.unsaved = true;
                    // Written at once, unless the version changed since
                    // the edit began: then the user chooses first.
                    match r.base {
                        Some(b) if b != doc.content => e.conflict = Some(Drift::Changed),
                        _ => e.dirty_at = Some(0.0),
                    }
                }
                other => self.restored = other,
            }
            self.ed = Some(e);
        }
        let editable = doc.status.is_editable() && doc.id == latest.id;
        Shown {
            versions,
            doc,
            latest,
            editable,
        }
    }

    /// "← Daftar perjanjian" and the title.
    fn title(&mut self, ui: &mut egui::Ui, doc: &VersionDoc, out: &mut Outbox) {
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
    }

    /// The status, the kind, the version picker and the actions.
    fn version_bar(&mut self, ui: &mut egui::Ui, s: &Shown, view: &ViewData, out: &mut Outbox) {
        let (versions, doc, latest) = (s.versions, s.doc, s.latest);
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
        self.actions(ui, doc, latest, s.editable, view, out);
    }
}

/// How often the shown version was printed, and the last print.
fn print_record(ui: &mut egui::Ui, view: &ViewData, doc: &VersionDoc) {
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
}

/// The reason of a PK Perubahan, and why a version cannot be edited.
fn notes(ui: &mut egui::Ui, s: &Shown) {
    let doc = s.doc;
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
    if !s.editable {
        ui.label(
            RichText::new(if doc.status.is_signed() {
                "Versi ini sudah ditandatangani dan tidak dapat diubah lagi. Untuk mengubahnya, buat PK Perubahan."
            } else if doc.id != s.latest.id {
                "Ini versi lama; hanya dapat dilihat."
            } else {
                "Versi ini sedang dalam proses persetujuan; kembalikan ke draf untuk mengubahnya."
            })
            .weak(),
        );
    }
}

/// Whether the edits are saved, and which fields block "Ajukan".
fn save_state(ui: &mut egui::Ui, ed: &Editor, editable: bool) {
    let unreadable = ed.unreadable();
    if let Some(e) = &ed.save_error {
        inline_error(ui, &format!("Belum tersimpan: {e}"));
    } else if editable && !unreadable.is_empty() {
        // As small as the line it takes the place of: nothing moves.
        ui.label(
            RichText::new(format!(
                "Belum disimpan: isian {} belum terbaca. Perbaiki yang merah; perubahan lain ikut disimpan setelah itu.",
                field_names(&unreadable)
            ))
            .small()
            .color(crate::ui::panels::widgets::MERAH),
        );
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
                "Belum dapat diajukan — perbaiki yang ditandai merah: {}.",
                field_names(&ed.problems)
            ),
        );
    }
}

/// "Baris N dihapus. Urungkan": true when the line came back.
fn undo_bar(ui: &mut egui::Ui, ed: &mut Editor) -> bool {
    let Some(r) = &ed.removed else { return false };
    let what = match r {
        super::Removed::Line(k, l) => format!("Baris kinerja {} ({}) dihapus.", k + 1, l.indikator),
        super::Removed::Budget(k, b, _) => {
            format!("Baris anggaran {} ({}) dihapus.", k + 1, b.uraian)
        }
    };
    let mut undo = false;
    ui.horizontal(|ui| {
        ui.label(what);
        undo = ui.button("Urungkan").clicked();
        if ui.small_button("Tutup").clicked() {
            ed.removed = None;
        }
    });
    if undo {
        ed.undo_remove();
    }
    undo
}

/// The head, the parties, the lines and the budget, in a scroll area.
fn sections(
    ui: &mut egui::Ui,
    ed: &mut Editor,
    doc: &VersionDoc,
    view: &ViewData,
    editable: bool,
    now: f64,
) {
    egui::ScrollArea::vertical()
        .id_salt("pk_editor")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_enabled_ui(editable, |ui| {
                let mut changed = header(ui, ed, doc, view.kal.as_ref());
                changed |= parties(ui, ed, doc, view, editable);
                changed |= lines(ui, ed);
                changed |= budget(ui, ed);
                if changed {
                    ed.touch(now);
                }
            });
        });
}

impl AgreementPanel {
    /// The user's answer to a remembered edit over a changed version: the
    /// stored text, or the edit written over it.
    fn resolve(&mut self, choice: Choice, doc: &VersionDoc) {
        match choice {
            Choice::Stored => self.ed = Some(Editor::new(doc)),
            Choice::Mine => {
                if let Some(e) = self.ed.as_mut() {
                    e.base = doc.content.clone();
                    e.conflict = None;
                    e.dirty_at = Some(0.0);
                }
            }
        }
    }
}

/// Sends the edit once it has waited long enough, else asks to be called
/// again then. Nothing is sent while a typed field does not
/// read: the edit stays remembered, the red field shows why.
fn autosave(ctx: &egui::Context, ed: &mut Editor, now: f64, out: &mut Outbox) {
    if ed.conflict.is_some() || !ed.unreadable().is_empty() {
        return;
    }
    let Some(t) = ed.dirty_at else { return };
    let due = t + AUTOSAVE_AFTER;
    if now >= due {
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
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
    }
}
