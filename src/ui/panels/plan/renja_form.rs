//! The form of one Renja item: level, parent, code, unit, sasaran, pagu and indicators.

use super::{PlanPanels, RenjaForm, RenjaSel, red};
use crate::app::{RenjaCmd, ViewData};
use crate::fmt;
use crate::model::id::{RenjaItemId, SasaranId};
use crate::model::plan::{NewRenjaItem, Target, Tingkat};
use crate::ui::SAVE;
use crate::ui::panels::draft::Choice;
use crate::ui::panels::widgets::{Confirm, checked_field, empty_hint, inline_error, unit_picker};
use crate::ui::panels::{Form, Outbox};
use egui::RichText;

/// What the typed code and pagu read as.
struct Checked {
    pagu: Result<i64, String>,
    pagu_dpa: Option<Result<i64, String>>,
    kode_err: Option<String>,
}

impl Checked {
    fn new(f: &RenjaForm, view: &ViewData) -> Checked {
        let pagu = fmt::baca_rupiah(&f.pagu);
        let pagu_dpa = (!f.pagu_dpa.trim().is_empty()).then(|| fmt::baca_rupiah(&f.pagu_dpa));
        let parent_kode = f
            .parent_id
            .and_then(|p| view.renja.iter().find(|r| r.id == p))
            .map(|r| r.kode.clone());
        let kode_err = (!f.kode.trim().is_empty())
            .then(|| {
                crate::model::plan::cek_kode_renja(f.tingkat, &f.kode, parent_kode.as_deref()).err()
            })
            .flatten();
        Checked {
            pagu,
            pagu_dpa,
            kode_err,
        }
    }
}

impl PlanPanels {
    /// Remembered input over a Renja item changed or deleted since it
    /// began: the stored item, or the input (as a new item when deleted).
    fn renja_conflict(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        let stored = super::renja::renja_form_of(view, self.renja_sel);
        let gone = stored.is_none();
        let choice = (self.renja_base).conflict_bar(ui, &mut self.renja, stored, |_| {});
        if gone {
            match choice {
                Some(Choice::Mine) => self.renja_sel = RenjaSel::New,
                Some(Choice::Stored) => self.renja_sel = RenjaSel::None,
                None => {}
            }
            self.renja_loaded = Some(self.renja_sel);
        }
    }

    pub(super) fn renja_form(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        year: i32,
        out: &mut Outbox,
    ) {
        if self.renja_base.conflict().is_some() {
            self.renja_conflict(ui, view);
        }
        let editing = match self.renja_sel {
            RenjaSel::Item(id) => Some(id),
            _ => None,
        };
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(if editing.is_some() {
                    "Ubah item Renja"
                } else {
                    "Item Renja baru"
                })
                .strong(),
            );
            if editing.is_some() && ui.button("Item baru").clicked() {
                self.renja_sel = RenjaSel::New;
            }
        });
        let f = &mut self.renja;
        let checked = Checked::new(f, view);
        egui::Grid::new("form_renja")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                item_fields(ui, f, view, editing.is_some(), &checked)
            });
        ui.label(RichText::new("Indikator kinerja").strong());
        let target_bad = indicators(ui, f);
        if ui.button("Tambah indikator").clicked() {
            f.indikator.push(Default::default());
        }
        ui.add_space(6.0);
        let save = self.item_buttons(ui, editing, year);
        let ctrl_s = ui.input_mut(|i| i.consume_shortcut(&SAVE));
        if save || ctrl_s {
            match command(&self.renja, editing, year, &checked, target_bad) {
                Ok(cmd) => out.send(Form::Renja, cmd),
                Err(e) => {
                    self.errors.insert(Form::Renja, e);
                }
            }
        }
        if let Some(e) = self.errors.get(&Form::Renja) {
            red(ui, e);
        }
    }

    /// "Simpan item" or "Tambah item", and "Hapus item" for a saved item;
    /// true when the first was clicked.
    fn item_buttons(&mut self, ui: &mut egui::Ui, editing: Option<RenjaItemId>, year: i32) -> bool {
        let mut save = false;
        ui.horizontal(|ui| {
            save = ui
                .button(if editing.is_some() {
                    "Simpan item"
                } else {
                    "Tambah item"
                })
                .clicked();
            if let Some(id) = editing
                && ui.button("Hapus item").clicked()
            {
                self.confirm = Some(Confirm {
                    ya: "Ya, hapus",
                    pesan: format!(
                        "Hapus {} {} dari Renja {year}? Tindakan ini tercatat di log audit.",
                        self.renja.kode.trim(),
                        self.renja.nama.trim()
                    ),
                    form: Form::Renja,
                    cmd: RenjaCmd::DeleteItem { id }.into(),
                });
            }
        });
        save
    }
}

/// The rows of the item's grid, from its level to its pagu.
fn item_fields(
    ui: &mut egui::Ui,
    f: &mut RenjaForm,
    view: &ViewData,
    editing: bool,
    checked: &Checked,
) {
    level_fields(ui, f, view);
    checked_field(
        ui,
        "Kode (Permendagri 90/2019)",
        &mut f.kode,
        checked.kode_err.as_deref(),
    );
    let e = f.nama.trim().is_empty().then_some("Nama wajib diisi");
    checked_field(
        ui,
        "Nama program/kegiatan",
        &mut f.nama,
        if editing { e } else { None },
    );
    unit_picker(
        ui,
        "Unit pelaksana",
        "unit_renja",
        &mut f.unit_id,
        view,
        300.0,
    );
    sasaran_picker(ui, f, view);
    let e = checked.pagu.as_ref().err().cloned();
    checked_field(ui, "Pagu (Rp)", &mut f.pagu, e.as_deref());
    let e = checked
        .pagu_dpa
        .as_ref()
        .and_then(|r| r.as_ref().err().cloned());
    checked_field(ui, "Pagu DPA (Rp)", &mut f.pagu_dpa, e.as_deref());
}

/// The level of the item and, below a program, its parent.
fn level_fields(ui: &mut egui::Ui, f: &mut RenjaForm, view: &ViewData) {
    let l = ui.label("Tingkat");
    let before = f.tingkat;
    ui.horizontal(|ui| {
        for t in Tingkat::ALL {
            ui.radio_value(&mut f.tingkat, t, t.label());
        }
    })
    .response
    .labelled_by(l.id);
    if f.tingkat != before {
        f.parent_id = None;
    }
    ui.end_row();
    if let Some(parent_level) = f.tingkat.induk() {
        let l = ui.label("Induk");
        egui::ComboBox::from_id_salt("induk_renja")
            .selected_text(
                f.parent_id
                    .and_then(|p| view.renja.iter().find(|r| r.id == p))
                    .map(|r| format!("{} {}", r.kode, r.nama))
                    .unwrap_or_else(|| {
                        format!("— pilih {} —", parent_level.label().to_lowercase())
                    }),
            )
            .width(420.0)
            .show_ui(ui, |ui| {
                for r in view.renja.iter().filter(|r| r.level == parent_level) {
                    ui.selectable_value(
                        &mut f.parent_id,
                        Some(r.id),
                        format!("{} {}", r.kode, r.nama),
                    );
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
    }
}

/// The Renstra sasaran the item supports.
fn sasaran_picker(ui: &mut egui::Ui, f: &mut RenjaForm, view: &ViewData) {
    let l = ui.label("Sasaran Renstra");
    let sasaran: Vec<(SasaranId, String)> = view
        .renstra
        .iter()
        .flat_map(|(_, tree)| tree)
        .flat_map(|t| &t.sasaran)
        .map(|s| (s.id, format!("{} {}", s.kode, s.uraian)))
        .collect();
    egui::ComboBox::from_id_salt("sasaran_renja")
        .selected_text(
            f.sasaran_id
                .and_then(|id| sasaran.iter().find(|s| s.0 == id))
                .map(|s| s.1.clone())
                .unwrap_or_else(|| "—".into()),
        )
        .width(420.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut f.sasaran_id, None, "—");
            for (id, label) in &sasaran {
                ui.selectable_value(&mut f.sasaran_id, Some(*id), label);
            }
        })
        .response
        .on_hover_text("Sasaran strategis Renstra yang didukung item ini")
        .labelled_by(l.id);
    if sasaran.is_empty() {
        ui.end_row();
        ui.label("");
        empty_hint(ui, "Belum ada sasaran Renstra: buat di menu Renstra.");
    }
    ui.end_row();
}

/// The item's indicators, each with a delete button; true when a target does not read.
fn indicators(ui: &mut egui::Ui, f: &mut RenjaForm) -> bool {
    let mut remove = None;
    let mut target_bad = false;
    egui::Grid::new("indikator_renja")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            let headers: Vec<egui::Id> = ["Indikator", "Satuan", "Target"]
                .iter()
                .map(|h| ui.label(RichText::new(*h).strong()).id)
                .collect();
            ui.end_row();
            for (k, (n, s, t)) in f.indikator.iter_mut().enumerate() {
                // Each input is named by its column and row: "Indikator 1.".
                let nr = ui.label(format!("{}.", k + 1)).id;
                ui.add(
                    egui::TextEdit::singleline(n)
                        .id_salt(("ind_renja", k, 0))
                        .desired_width(340.0),
                )
                .labelled_by(headers[0])
                .labelled_by(nr);
                ui.add(
                    egui::TextEdit::singleline(s)
                        .id_salt(("ind_renja", k, 1))
                        .desired_width(100.0),
                )
                .labelled_by(headers[1])
                .labelled_by(nr);
                ui.add(
                    egui::TextEdit::singleline(t)
                        .id_salt(("ind_renja", k, 2))
                        .desired_width(90.0),
                )
                .labelled_by(headers[2])
                .labelled_by(nr);
                if ui.small_button("Hapus baris").clicked() {
                    remove = Some(k);
                }
                ui.end_row();
                if let Err(e) = Target::parse(t) {
                    target_bad = true;
                    ui.label("");
                    inline_error(ui, &format!("Target: {e}"));
                }
            }
        });
    if let Some(k) = remove {
        f.indikator.remove(k);
    }
    target_bad
}

/// The command that saves the item, or what is wrong with it.
fn command(
    f: &RenjaForm,
    editing: Option<RenjaItemId>,
    year: i32,
    checked: &Checked,
    target_bad: bool,
) -> Result<RenjaCmd, String> {
    if f.nama.trim().is_empty() {
        return Err("Nama wajib diisi".into());
    }
    if let Some(e) = &checked.kode_err {
        return Err(e.clone());
    }
    if target_bad {
        return Err("Perbaiki target indikator yang ditandai".into());
    }
    let ind = f
        .indikator
        .iter()
        .map(|(n, s, t)| {
            Ok((
                n.clone(),
                s.clone(),
                Target::parse(t).map_err(|e| e.to_string())?,
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(RenjaCmd::SaveItem {
        id: editing,
        item: Box::new(NewRenjaItem {
            tahun: year,
            parent_id: f.parent_id,
            level: f.tingkat,
            kode: f.kode.clone(),
            nama: f.nama.clone(),
            unit_id: f.unit_id,
            sasaran_id: f.sasaran_id,
            pagu: checked.pagu.clone()?,
            pagu_dpa: checked.pagu_dpa.clone().transpose()?,
        }),
        indikator: ind,
    })
}
