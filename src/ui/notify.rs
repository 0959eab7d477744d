//! Notifications: confirmations and errors that fade, and the list of
//! recent ones.

use egui::{Color32, RichText};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sukses,
    Galat,
}

#[derive(Clone, Debug)]
pub struct Note {
    pub kind: Kind,
    pub text: String,
    /// Local time of the office, "08.30".
    pub jam: String,
    /// egui time when it appeared (for the fade).
    shown_at: Option<f64>,
}

/// Shown for this long, then fades over [`FADE`].
const SHOW: f64 = 4.0;
const FADE: f64 = 1.5;
const KEEP: usize = 50;

#[derive(Default)]
pub struct Notifications {
    notes: Vec<Note>,
    pub history_open: bool,
}

impl Notifications {
    pub fn push(&mut self, kind: Kind, text: impl Into<String>, jam: String) {
        self.notes.push(Note {
            kind,
            text: text.into(),
            jam,
            shown_at: None,
        });
        if self.notes.len() > KEEP {
            self.notes.remove(0);
        }
    }

    pub fn recent(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().rev()
    }

    /// The toasts, bottom right, fading out.
    pub fn show(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let mut any_visible = false;
        let visible: Vec<(Note, f32)> = self
            .notes
            .iter_mut()
            .filter_map(|n| {
                let t0 = *n.shown_at.get_or_insert(now);
                let age = now - t0;
                // Errors stay until the list is opened or longer: twice as long.
                let show = if n.kind == Kind::Galat {
                    SHOW * 2.0
                } else {
                    SHOW
                };
                if age > show + FADE {
                    return None;
                }
                any_visible = true;
                let alpha = if age < show {
                    1.0
                } else {
                    1.0 - ((age - show) / FADE) as f32
                };
                Some((n.clone(), alpha.clamp(0.0, 1.0)))
            })
            .collect();
        if !any_visible {
            return;
        }
        ctx.request_repaint();
        egui::Area::new(egui::Id::unique("pemberitahuan"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
            .interactable(false)
            .show(ctx, |ui| {
                for (n, alpha) in visible.iter().rev().take(4) {
                    let (bg, fg) = match n.kind {
                        Kind::Sukses => (Color32::from_rgb(22, 101, 52), Color32::WHITE),
                        Kind::Galat => (Color32::from_rgb(153, 27, 27), Color32::WHITE),
                    };
                    egui::Frame::new()
                        .fill(bg.gamma_multiply(*alpha))
                        .corner_radius(6.0)
                        .inner_margin(10.0)
                        .show(ui, |ui| {
                            ui.set_max_width(420.0);
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&n.text).color(fg.gamma_multiply(*alpha)),
                                )
                                .wrap(),
                            );
                        });
                    ui.add_space(6.0);
                }
            });
    }

    /// The window listing recent notifications.
    pub fn history_window(&mut self, ctx: &egui::Context) {
        let mut open = self.history_open;
        egui::Window::new("Pemberitahuan terakhir")
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| {
                if self.notes.is_empty() {
                    ui.label("Belum ada pemberitahuan.");
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for n in self.recent() {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(RichText::new(&n.jam).weak());
                                let color = match n.kind {
                                    Kind::Sukses => ui.visuals().text_color(),
                                    Kind::Galat => Color32::from_rgb(220, 80, 80),
                                };
                                ui.label(RichText::new(&n.text).color(color));
                            });
                        }
                    });
            });
        self.history_open = open;
    }
}
