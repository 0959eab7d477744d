//! A form's unsaved input over a stored record, remembered with the stored
//! values it began from. When the draft is taken up again (after a
//! restart, a restore, another database) and the record was changed
//! meanwhile (by another route, a restore, an import) or is gone, the
//! draft is not applied silently: the form says so and the user keeps
//! either the stored values or the draft.

use serde::{Deserialize, Serialize};

/// Unsaved input with the stored values it began from.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(bound(deserialize = "F: Deserialize<'de>"))]
pub struct Draft<F> {
    /// The input; `None` while the form shows the stored values unchanged.
    form: Option<F>,
    /// The stored values when the input began.
    base: Option<F>,
    /// Found when the draft was taken up again; waits for the user.
    #[serde(skip)]
    conflict: Option<Drift>,
}

impl<F> Default for Draft<F> {
    fn default() -> Self {
        Draft {
            form: None,
            base: None,
            conflict: None,
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
            self.base = Some(stored.clone());
        }
        self.form.get_or_insert_with(|| stored.clone())
    }

    /// The input, if any.
    pub fn input(&self) -> Option<&F> {
        self.form.as_ref()
    }

    /// Whether the input differs from the stored values.
    pub fn changed(&self, stored: &F) -> bool {
        self.form.as_ref().is_some_and(|f| f != stored)
    }

    /// After the form's widgets ran: input equal to the stored values is
    /// no draft (the form follows the stored values again).
    pub fn settle(&mut self, stored: &F) {
        if self.conflict.is_none() && self.form.as_ref() == Some(stored) {
            self.clear();
        }
    }

    /// Saved, cancelled or dropped.
    pub fn clear(&mut self) {
        *self = Draft::default();
    }

    /// Starts the input from other values than the stored ones (a record
    /// picked for editing, a new form), with the stored values as its base.
    pub fn start(&mut self, form: F, stored: Option<F>) {
        self.form = Some(form);
        self.base = stored;
        self.conflict = None;
    }

    /// Taken up again: compares the stored values the draft began from
    /// with what is stored now (`None`: the record is gone).
    pub fn check(&mut self, stored: Option<&F>) {
        self.conflict = match (&self.form, stored) {
            (None, _) => None,
            (Some(_), None) if self.base.is_some() => Some(Drift::Gone),
            (Some(_), Some(now)) if self.base.as_ref().is_some_and(|b| b != now) => {
                Some(Drift::Changed)
            }
            _ => None,
        };
    }

    /// The conflict waiting for the user, if any.
    pub fn conflict(&self) -> Option<Drift> {
        self.conflict
    }

    /// The user's answer: the stored values, or the draft over them (its
    /// base becomes what is stored now).
    pub fn resolve(&mut self, choice: Choice, stored: Option<&F>) {
        match choice {
            Choice::Stored => self.clear(),
            Choice::Mine => {
                self.base = stored.cloned();
                self.conflict = None;
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
                if ui.button("Pakai isian saya").clicked() {
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
        assert!(d.changed(&"a".into()));
        d.settle(&"a".into());
        assert_eq!(d.input().map(String::as_str), Some("b"));
        *d.edit(&"a".to_string()) = "a".into();
        d.settle(&"a".into());
        assert_eq!(d.input(), None);
    }

    #[test]
    fn a_draft_over_a_changed_or_deleted_record_is_a_conflict() {
        let mut d = Draft::default();
        *d.edit(&"lama".to_string()) = "draf".into();
        d.check(Some(&"lama".into()));
        assert_eq!(d.conflict(), None, "unchanged record: the draft applies");
        d.check(Some(&"baru".into()));
        assert_eq!(d.conflict(), Some(Drift::Changed));
        // Kept: the draft stays, over the new stored values.
        d.resolve(Choice::Mine, Some(&"baru".into()));
        assert_eq!(d.conflict(), None);
        assert_eq!(d.input().map(String::as_str), Some("draf"));
        d.check(Some(&"baru".into()));
        assert_eq!(d.conflict(), None, "the new base holds");
        d.check(None);
        assert_eq!(d.conflict(), Some(Drift::Gone));
        d.resolve(Choice::Stored, None);
        assert_eq!(d.input(), None);
    }

    #[test]
    fn a_new_record_draft_has_no_base_and_no_conflict() {
        let mut d = Draft::default();
        d.start("baru".to_string(), None);
        d.check(None);
        assert_eq!(d.conflict(), None);
    }
}
