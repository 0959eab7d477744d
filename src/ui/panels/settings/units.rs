//! Pengaturan → Unit Kerja: the SOTK tree and the form of one unit.

use super::{SettingsPanel, UnitForm, keys};
use crate::app::{OrgCmd, ViewData};
use crate::model::org::{Eselon, JenisUnit, NewUnit, UnitRow};
use crate::ui::panels::widgets::{Confirm, checked_field, text_field};
use crate::ui::panels::{Form, Outbox};
use egui::RichText;

impl SettingsPanel {
    pub(super) fn unit(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.columns(2, |cols| {
            self.unit_tree(&mut cols[0], view);
            self.unit_form(&mut cols[1], view, out);
        });
    }

    /// The SOTK tree; a click loads a unit into the form.
    fn unit_tree(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        ui.label(RichText::new("Struktur organisasi (SOTK)").strong());
        if view.units.is_empty() {
            ui.label("Belum ada unit. Mulailah dengan Badan (unit tertinggi).");
        }
        for n in &view.units {
            let u = &n.unit;
            let mut text = RichText::new(format!(
                "{}{} · Eselon {}",
                "    ".repeat(n.depth),
                u.nama,
                u.eselon.kode()
            ));
            if u.retired {
                text = text.strikethrough().weak();
            }
            if ui
                .selectable_label(self.d.unit.editing == Some(u.id), text)
                .clicked()
            {
                self.d.unit = unit_form_of(u);
                self.d.unit_base.set(Some(self.d.unit.clone()));
                self.errors.remove(&Form::Unit);
            }
        }
    }

    /// The form of a new or of the selected unit, with its buttons.
    fn unit_form(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        let stored = self.d.unit.editing.and_then(|id| stored_unit(view, id));
        let as_new = |f: &mut UnitForm| f.editing = None;
        (self.d.unit_base).conflict_bar(ui, &mut self.d.unit, stored, as_new);
        let f = &mut self.d.unit;
        let editing = f
            .editing
            .and_then(|id| view.units.iter().find(|n| n.unit.id == id));
        ui.label(
            RichText::new(match editing {
                Some(n) => format!("Ubah unit: {}", n.unit.nama),
                None => "Unit baru".to_string(),
            })
            .strong(),
        );
        egui::Grid::new("form_unit")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| unit_fields(ui, f, view));
        ui.add_space(6.0);
        let mut save = false;
        ui.horizontal(|ui| {
            save = ui
                .button(if f.editing.is_some() {
                    "Simpan unit"
                } else {
                    "Tambah unit"
                })
                .clicked();
            if ui.button("Batal").clicked() {
                *f = UnitForm::default();
                self.d.unit_base.set(None);
            }
        });
        if let Some(n) = editing
            && let Some(c) = unit_state(ui, &n.unit, out)
        {
            self.confirm = Some(c);
        }
        let (ctrl_s, esc) = keys(ui);
        if esc {
            *f = UnitForm::default();
            self.d.unit_base.set(None);
        }
        if save || ctrl_s {
            match unit_command(f, view) {
                Ok(cmd) => out.send(Form::Unit, cmd),
                Err(e) => {
                    self.errors.insert(Form::Unit, e);
                }
            }
        }
        self.form_error(ui, Form::Unit);
    }
}

/// The unit form filled from a stored unit.
fn unit_form_of(u: &UnitRow) -> UnitForm {
    UnitForm {
        editing: Some(u.id),
        parent_id: u.parent_id,
        kode: u.kode.clone(),
        nama: u.nama.clone(),
        jenis: u.jenis,
        eselon: u.eselon,
        urutan: String::new(),
    }
}

/// The form of the stored unit `id`, if it still exists.
pub(super) fn stored_unit(view: &ViewData, id: crate::model::id::UnitId) -> Option<UnitForm> {
    let n = view.units.iter().find(|n| n.unit.id == id)?;
    Some(unit_form_of(&n.unit))
}

/// The rows of the unit's grid: name, code, kind, echelon and parent.
fn unit_fields(ui: &mut egui::Ui, f: &mut UnitForm, view: &ViewData) {
    let nama_err =
        (f.nama.trim().is_empty() && f.editing.is_some()).then_some("Nama unit wajib diisi");
    checked_field(ui, "Nama unit", &mut f.nama, nama_err);
    text_field(ui, "Kode unit", &mut f.kode);
    let l = ui.label("Jenis");
    let before = f.jenis;
    egui::ComboBox::from_id_salt("jenis_unit")
        .selected_text(f.jenis.label())
        .show_ui(ui, |ui| {
            for j in JenisUnit::ALL {
                ui.selectable_value(&mut f.jenis, j, j.label());
            }
        })
        .response
        .labelled_by(l.id);
    if f.jenis != before {
        f.eselon = f.jenis.eselon_lazim();
    }
    ui.end_row();
    let l = ui.label("Eselon");
    egui::ComboBox::from_id_salt("eselon_unit")
        .selected_text(f.eselon.kode())
        .show_ui(ui, |ui| {
            for e in [Eselon::II, Eselon::III, Eselon::IV] {
                ui.selectable_value(&mut f.eselon, e, e.kode());
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    parent_picker(ui, f, view);
}

/// The parent unit: none (the top unit) or an active unit other than this one.
fn parent_picker(ui: &mut egui::Ui, f: &mut UnitForm, view: &ViewData) {
    let l = ui.label("Unit induk");
    let parent_name = f
        .parent_id
        .map(|p| view.unit_name(Some(p)))
        .unwrap_or_else(|| "— tidak ada (unit tertinggi) —".into());
    egui::ComboBox::from_id_salt("induk_unit")
        .selected_text(parent_name)
        .width(300.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut f.parent_id, None, "— tidak ada (unit tertinggi) —");
            for n in view
                .units
                .iter()
                .filter(|n| !n.unit.retired && Some(n.unit.id) != f.editing)
            {
                ui.selectable_value(
                    &mut f.parent_id,
                    Some(n.unit.id),
                    format!("{}{}", "  ".repeat(n.depth), n.unit.nama),
                );
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// "Aktifkan kembali" or "Nonaktifkan", and "Hapus" (which asks first).
fn unit_state(ui: &mut egui::Ui, u: &UnitRow, out: &mut Outbox) -> Option<Confirm> {
    let mut confirm = None;
    ui.horizontal(|ui| {
        if u.retired {
            if ui.button("Aktifkan kembali").clicked() {
                out.send(Form::Unit, OrgCmd::SetUnitActive { id: u.id, active: true });
            }
        } else if ui
            .button("Nonaktifkan")
            .on_hover_text("Unit yang punya riwayat dinonaktifkan, tidak dihapus")
            .clicked()
        {
            out.send(Form::Unit, OrgCmd::SetUnitActive { id: u.id, active: false });
        }
        if ui
            .button("Hapus")
            .on_hover_text("Hanya untuk unit tanpa riwayat sama sekali")
            .clicked()
        {
            confirm = Some(Confirm {
                ya: "Ya, hapus",
                pesan: format!(
                    "Hapus unit {}? Unit yang punya riwayat tidak dapat dihapus, hanya dinonaktifkan.",
                    u.nama
                ),
                form: Form::Unit,
                cmd: OrgCmd::DeleteUnit { id: u.id }.into(),
            });
        }
    });
    confirm
}

/// The command that adds or updates the unit, or what is wrong with it.
fn unit_command(f: &UnitForm, view: &ViewData) -> Result<OrgCmd, String> {
    let urutan = match (
        f.editing,
        view.units.iter().position(|n| Some(n.unit.id) == f.editing),
    ) {
        (Some(_), Some(p)) => p as i64,
        _ => view.units.len() as i64,
    };
    let u = NewUnit {
        parent_id: f.parent_id,
        kode: f.kode.clone(),
        nama: f.nama.clone(),
        jenis: f.jenis,
        eselon: f.eselon,
        urutan,
    };
    u.validate().map_err(|e| e.to_string())?;
    Ok(match f.editing {
        Some(id) => OrgCmd::UpdateUnit { id, unit: u },
        None => OrgCmd::AddUnit { unit: u },
    })
}
