//! A form's unsaved input over a stored record, remembered with the stored
//! values it began from. When the draft is taken up again (after a
//! restart, a restore, another database) and the record was changed
//! meanwhile (by another route, a restore, an import) or is gone, the
//! draft is not applied silently: the form says so and the user keeps
//! either the stored values or the draft.

use serde::{Deserialize, Serialize};

/// The stored values a form over a record began from, and what was found
/// when the form was taken up again. For forms that always show (a new
/// record or the picked one): `None` while the form is not over a record.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(bound(deserialize = "F: Deserialize<'de>"))]
pub struct Base<F> {
    base: Option<F>,
    /// Found when the draft was taken up again; waits for the user.
    #[serde(skip)]
    conflict: Option<Drift>,
}

impl<F> Default for Base<F> {
    fn default() -> Self {
        Base {
            base: None,
            conflict: None,
        }
    }
}

impl<F: Clone + PartialEq> Base<F> {
    /// The form now begins from `stored` (a record picked; `None`: a new
    /// record, or nothing).
    pub fn set(&mut self, stored: Option<F>) {
        self.base = stored;
        self.conflict = None;
    }

    /// Taken up again: the stored values the form began from against
    /// what is stored now (`None`: the record is gone).
    pub fn check(&mut self, now: Option<&F>) {
        self.conflict = match (&self.base, now) {
            (None, _) => None,
            (Some(_), None) => Some(Drift::Gone),
            (Some(b), Some(n)) => (b != n).then_some(Drift::Changed),
        };
    }

    /// The conflict waiting for the user, if any.
    pub fn conflict(&self) -> Option<Drift> {
        self.conflict
    }

    /// The conflict bar above a form over a picked record, while there is
    /// one. The stored values replace the input (an empty form when the
    /// record is gone), or the input is kept over them (as a new record,
    /// by `as_new`, when the record is gone). Returns the choice made.
    pub fn conflict_bar(
        &mut self,
        ui: &mut egui::Ui,
        form: &mut F,
        stored: Option<F>,
        as_new: impl FnOnce(&mut F),
    ) -> Option<Choice>
    where
        F: Default,
    {
        let choice = self.conflict.and_then(|d| conflict_bar(ui, d))?;
        match (choice, stored) {
            (Choice::Stored, stored) => {
                *form = stored.clone().unwrap_or_default();
                self.set(stored);
            }
            (Choice::Mine, None) => {
                as_new(form);
                self.set(None);
            }
            (Choice::Mine, stored) => self.set(stored),
        }
        Some(choice)
    }
}

/// Unsaved input of a form that mirrors one stored record (the office, the
/// work hours), with the stored values it began from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(bound(deserialize = "F: Deserialize<'de>"))]
pub struct Draft<F> {
    /// The input; `None` while the form shows the stored values unchanged.
    form: Option<F>,
    base: Base<F>,
}

impl<F> Default for Draft<F> {
    fn default() -> Self {
        Draft {
            form: None,
            base: Base::default(),
        }
    }
}

/// How a record stands against the draft over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drift {
    /// Changed since the draft began.
    Changed,
    /// No longer stored.
    Gone,
}

/// The user's answer to a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Drop the draft; the form shows the stored values.
    Stored,
    /// Keep the draft (it is saved over the stored values when saved).
    Mine,
}

impl<F: Clone + PartialEq> Draft<F> {
    /// The form to edit: the input, or the stored values to start one.
    pub fn edit(&mut self, stored: &F) -> &mut F {
        if self.form.is_none() {
            self.base.set(Some(stored.clone()));
        }
        self.form.get_or_insert_with(|| stored.clone())
    }

    /// The input, if any.
    pub fn input(&self) -> Option<&F> {
        self.form.as_ref()
    }

    /// After the form's widgets ran: input equal to the stored values is
    /// no draft (the form follows the stored values again).
    pub fn settle(&mut self, stored: &F) {
        if self.base.conflict.is_none() && self.form.as_ref() == Some(stored) {
            self.clear();
        }
    }

    /// Saved, cancelled or dropped.
    pub fn clear(&mut self) {
        *self = Draft::default();
    }

    /// Taken up again: see [`Base::check`].
    pub fn check(&mut self, stored: &F) {
        if self.form.is_some() {
            self.base.check(Some(stored));
        }
    }

    /// The conflict waiting for the user, if any.
    pub fn conflict(&self) -> Option<Drift> {
        self.base.conflict
    }

    /// The conflict bar above the form, while there is one; the user's
    /// answer is applied.
    pub fn conflict_bar(&mut self, ui: &mut egui::Ui, stored: &F) {
        if let Some(drift) = self.conflict()
            && let Some(choice) = conflict_bar(ui, drift)
        {
            match choice {
                Choice::Stored => self.clear(),
                Choice::Mine => self.base.set(Some(stored.clone())),
            }
        }
    }
}

/// The notice above a form whose draft met a changed or deleted record,
/// with the two ways out. Returns the user's choice.
pub fn conflict_bar(ui: &mut egui::Ui, drift: Drift) -> Option<Choice> {
    let text = match drift {
        Drift::Changed => {
            "Data ini telah berubah sejak isian yang belum disimpan ini dimulai \
             (diubah lewat jalan lain, dipulihkan dari cadangan, atau diimpor). \
             Pilih yang dipakai:"
        }
        Drift::Gone => {
            "Data yang sedang diubah oleh isian yang belum disimpan ini sudah tidak ada \
             (dihapus, dipulihkan dari cadangan, atau diimpor). Pilih yang dipakai:"
        }
    };
    let mut choice = None;
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).color(ui.visuals().warn_fg_color));
            ui.horizontal(|ui| {
                let stored = match drift {
                    Drift::Changed => "Pakai data tersimpan",
                    Drift::Gone => "Buang isian saya",
                };
                if ui.button(stored).clicked() {
                    choice = Some(Choice::Stored);
                }
                let mine = match drift {
                    Drift::Changed => "Pakai isian saya",
                    Drift::Gone => "Pakai isian saya sebagai data baru",
                };
                if ui.button(mine).clicked() {
                    choice = Some(Choice::Mine);
                }
            });
        });
    ui.add_space(6.0);
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_equal_to_the_stored_values_is_no_draft() {
        let mut d = Draft::default();
        *d.edit(&"a".to_string()) = "b".into();
        d.settle(&"a".into());
        assert_eq!(d.input().map(String::as_str), Some("b"));
        *d.edit(&"a".to_string()) = "a".into();
        d.settle(&"a".into());
        assert_eq!(d.input(), None);
    }

    #[test]
    fn a_draft_over_a_changed_record_is_a_conflict_until_the_user_chooses() {
        let mut d = Draft::default();
        *d.edit(&"lama".to_string()) = "draf".into();
        d.check(&"lama".into());
        assert_eq!(d.conflict(), None, "unchanged record: the draft applies");
        d.check(&"baru".into());
        assert_eq!(d.conflict(), Some(Drift::Changed));
        // Not dropped while the user has not chosen, even if equal.
        d.settle(&"draf".into());
        assert_eq!(d.input().map(String::as_str), Some("draf"));
    }

    #[test]
    fn a_base_tells_changed_gone_and_new() {
        let mut b = Base::default();
        b.check(None);
        assert_eq!(b.conflict(), None, "a new record has no base");
        b.set(Some(1));
        b.check(Some(&1));
        assert_eq!(b.conflict(), None);
        b.check(Some(&2));
        assert_eq!(b.conflict(), Some(Drift::Changed));
        b.check(None);
        assert_eq!(b.conflict(), Some(Drift::Gone));
        b.set(Some(2));
        assert_eq!(b.conflict(), None);
    }
}
