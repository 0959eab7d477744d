//! Small form widgets shared by the panels: labelled fields with an inline
//! message, and status chips.

use egui::{Color32, RichText};

use super::Form;

/// Ctrl+S (Cmd+S): saves the form in view.
pub const SAVE: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);

/// A labelled single-line text field (the label is its accessible name),
/// as a grid row. A field that is checked as it is typed is a
/// [`checked_field`].
pub fn text_field(ui: &mut egui::Ui, label: &str, value: &mut String) -> egui::Response {
    field_row(ui, label, value)
}

/// A labelled field whose input is checked as it is typed, as a grid row:
/// the line under it is kept for its message whether there is one or not,
/// so a message coming (at the first keystroke) or going never moves the
/// fields below.
pub fn checked_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    error: Option<&str>,
) -> egui::Response {
    checked_row(ui, label, error, |ui| ui.add(field_edit(label, value)))
}

/// A grid row of a checked input: its label, the input made by `field`,
/// and under it the line kept for its message (in the same cell, so the
/// row is only as much taller as that line).
pub fn checked_row(
    ui: &mut egui::Ui,
    label: &str,
    error: Option<&str>,
    field: impl FnOnce(&mut egui::Ui) -> egui::Response,
) -> egui::Response {
    let l = ui
        .vertical(|ui| {
            // On one line, as the labels of the other rows.
            let l = ui.add(egui::Label::new(label).wrap_mode(egui::TextWrapMode::Extend));
            ui.add_space(PESAN_PT + 2.0);
            l
        })
        .inner;
    let r = ui
        .vertical(|ui| {
            let r = field(ui).labelled_by(l.id);
            message_line(ui, error);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// The text edit of a field named `label`, as wide as its column.
fn field_edit<'a>(label: &str, value: &'a mut String) -> egui::TextEdit<'a> {
    // A stable id: inline messages appearing above must not move focus.
    egui::TextEdit::singleline(value)
        .id_salt(("isian", label))
        .desired_width(f32::INFINITY)
}

/// The label and the text edit of a field, ending the grid row.
fn field_row(ui: &mut egui::Ui, label: &str, value: &mut String) -> egui::Response {
    let l = ui.label(label);
    let r = ui.add(field_edit(label, value)).labelled_by(l.id);
    ui.end_row();
    r
}

/// The line kept under a checked field: its message in red, or an empty
/// line of the same height.
pub fn message_line(ui: &mut egui::Ui, error: Option<&str>) {
    match error {
        Some(e) => {
            let text = RichText::new(e).color(MERAH).size(PESAN_PT);
            ui.add(egui::Label::new(text).wrap());
        }
        None => {
            ui.allocate_space(egui::vec2(1.0, PESAN_PT + 2.0));
        }
    }
}

/// The size of a field's message: a little smaller than the field's text.
const PESAN_PT: f32 = 12.0;

/// The amber of a warning (what needs attention, not an error).
pub const AMBAR: Color32 = Color32::from_rgb(180, 110, 0);

/// The red of a message.
pub const MERAH: Color32 = Color32::from_rgb(220, 60, 60);

/// An inline message in red, next to the field it concerns.
pub fn inline_error(ui: &mut egui::Ui, msg: &str) {
    ui.add(egui::Label::new(RichText::new(msg).color(MERAH)).wrap());
    ui.end_row();
}

/// A coloured chip, e.g. the status of a task.
pub fn chip(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(color)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| ui.label(RichText::new(text).color(Color32::WHITE)))
        .response
}

/// A heading with a short line of explanation under it.
pub fn heading(ui: &mut egui::Ui, title: &str, sub: &str) {
    ui.heading(title);
    if !sub.is_empty() {
        ui.label(RichText::new(sub).weak());
    }
    ui.add_space(6.0);
}

/// A deletion (or other irreversible command) waiting for the user's yes.
pub struct Confirm {
    pub pesan: String,
    /// The label of the yes button ("Ya, hapus").
    pub ya: &'static str,
    pub form: Form,
    pub cmd: crate::app::Command,
}

/// Shows the pending confirmation, if any; its yes button sends the command.
pub fn confirm_window(ctx: &egui::Context, slot: &mut Option<Confirm>, out: &mut super::Outbox) {
    let Some(c) = slot.as_ref() else { return };
    let mut yes = false;
    let mut no = false;
    egui::Window::new("Konfirmasi")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.add(egui::Label::new(&c.pesan).wrap());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                yes = ui.button(c.ya).clicked();
                no = ui.button("Batal").clicked();
            });
        });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        no = true;
    }
    if yes && let Some(c) = slot.take() {
        out.send(c.form, c.cmd);
    } else if no {
        *slot = None;
    }
}

/// A labelled choice of an active unit (or none), as a grid row.
pub fn unit_picker(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: &str,
    value: &mut Option<crate::model::id::UnitId>,
    view: &crate::app::view::ViewData,
    width: f32,
) {
    let l = ui.label(label);
    // The hint under the choice: beside it, it would widen the form's
    // column past the window.
    ui.vertical(|ui| {
        egui::ComboBox::from_id_salt(id_salt)
            .selected_text(
                value
                    .map(|u| view.unit_name(Some(u)))
                    .unwrap_or_else(|| "—".into()),
            )
            .width(width)
            .show_ui(ui, |ui| {
                ui.selectable_value(value, None, "—");
                for n in view.units.iter().filter(|n| !n.unit.retired) {
                    ui.selectable_value(value, Some(n.unit.id), &n.unit.nama);
                }
            })
            .response
            .labelled_by(l.id);
        if view.units.iter().all(|n| n.unit.retired) {
            empty_hint(ui, NO_UNITS);
        }
    });
    ui.end_row();
}

/// What an empty unit list says.
pub const NO_UNITS: &str = "Belum ada unit kerja: tambahkan di Pengaturan → Unit Kerja.";

/// Beside a choice whose list is empty: what to create first, and where.
pub fn empty_hint(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).italics().color(AMBAR));
}

/// An official as offered in a choice: "Plt. Nama — Jabatan".
pub fn official_label(o: &crate::model::org::OfficialRow) -> String {
    format!("{}{} — {}", o.status.awalan(), o.nama_lengkap(), o.jabatan)
}

/// A choice of an official, named by the label `label_id`; returns the
/// official picked in this frame.
pub fn official_picker<'a>(
    ui: &mut egui::Ui,
    id_salt: &str,
    label_id: egui::Id,
    selected: Option<crate::model::id::OfficialId>,
    officials: &'a [crate::model::org::OfficialRow],
    width: f32,
) -> Option<&'a crate::model::org::OfficialRow> {
    let text = selected
        .and_then(|id| officials.iter().find(|o| o.id == id))
        .map(official_label)
        .unwrap_or_else(|| "— pilih pejabat —".into());
    let mut pick = None;
    egui::ComboBox::from_id_salt(id_salt)
        .width(width)
        .selected_text(text)
        .show_ui(ui, |ui| {
            for o in officials {
                if ui
                    .selectable_label(selected == Some(o.id), official_label(o))
                    .clicked()
                {
                    pick = Some(o);
                }
            }
        })
        .response
        .labelled_by(label_id);
    if officials.is_empty() {
        empty_hint(ui, "Belum ada pejabat: tambahkan di Pengaturan → Pejabat.");
    }
    pick
}
