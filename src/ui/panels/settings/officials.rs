//! Pengaturan → Pejabat: the searchable list of officials and the form of one official.

use super::{OfficialForm, SettingsPanel, keys};
use crate::app::{OrgCmd, ViewData};
use crate::fmt;
use crate::model::org::{NewOfficial, PANGKAT_GOLONGAN, StatusJabatan, cek_nip, nip_cetak};
use crate::ui::panels::widgets::{checked_field, inline_error, text_field, unit_picker};
use crate::ui::panels::{Form, Outbox};
use chrono::NaiveDate;
use egui::RichText;

/// A typed date: None when empty, else what it reads as.
type TypedDate = Option<Result<NaiveDate, String>>;

impl SettingsPanel {
    pub(super) fn pejabat(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.columns(2, |cols| {
            self.official_list(&mut cols[0], view);
            self.official_form(&mut cols[1], view, out);
        });
    }

    /// The search field and the officials found; a click loads one into the form.
    fn official_list(&mut self, ui: &mut egui::Ui, view: &ViewData) {
        // A long name or jabatan wraps in its column, never pushing the
        // form beside it out of the window.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        ui.horizontal(|ui| {
            let l = ui.label("Cari pejabat");
            ui.add(egui::TextEdit::singleline(&mut self.cari_pejabat).hint_text("nama atau NIP"))
                .labelled_by(l.id);
        });
        let q = self.cari_pejabat.trim().to_lowercase();
        let q_digits: String = q.chars().filter(|c| c.is_ascii_digit()).collect();
        let found: Vec<_> = view
            .officials
            .iter()
            .filter(|o| {
                q.is_empty()
                    || o.nama_lengkap().to_lowercase().contains(&q)
                    || (!q_digits.is_empty()
                        && o.nip.as_deref().is_some_and(|n| n.contains(&q_digits)))
            })
            .collect();
        if view.officials.is_empty() {
            ui.label("Belum ada pejabat.");
        } else if found.is_empty() {
            ui.label("Tidak ada pejabat yang cocok.");
        }
        for o in found {
            // Plt./Plh. belongs to the jabatan, not to the name.
            let text = format!(
                "{}\n{}{} · NIP {}",
                o.nama_lengkap(),
                o.status.awalan(),
                o.jabatan,
                o.nip
                    .as_deref()
                    .map(nip_cetak)
                    .unwrap_or_else(|| "-".into())
            );
            if ui
                .selectable_label(self.d.pejabat.editing == Some(o.id), text)
                .clicked()
            {
                self.d.pejabat = official_form_of(o);
                self.d.pejabat_base.set(Some(self.d.pejabat.clone()));
                self.errors.remove(&Form::Pejabat);
            }
        }
    }

    /// The form of a new or of the selected official, with its buttons.
    fn official_form(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        let stored = self
            .d
            .pejabat
            .editing
            .and_then(|id| stored_official(view, id));
        let as_new = |f: &mut OfficialForm| f.editing = None;
        (self.d.pejabat_base).conflict_bar(ui, &mut self.d.pejabat, stored, as_new);
        let f = &mut self.d.pejabat;
        ui.label(
            RichText::new(if f.editing.is_some() {
                "Ubah data pejabat"
            } else {
                "Pejabat baru"
            })
            .strong(),
        );
        let mulai = (!f.mulai.trim().is_empty()).then(|| fmt::baca_tanggal(&f.mulai));
        let selesai = (!f.selesai.trim().is_empty()).then(|| fmt::baca_tanggal(&f.selesai));
        egui::Grid::new("form_pejabat")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| official_fields(ui, f, view, &mulai, &selesai));
        ui.add_space(6.0);
        let mut save = false;
        ui.horizontal(|ui| {
            save = ui
                .button(if f.editing.is_some() {
                    "Simpan pejabat"
                } else {
                    "Tambah pejabat"
                })
                .clicked();
            if ui.button("Batal").clicked() {
                *f = OfficialForm::default();
                self.d.pejabat_base.set(None);
            }
        });
        let (ctrl_s, esc) = keys(ui);
        if esc {
            *f = OfficialForm::default();
            self.d.pejabat_base.set(None);
        }
        if save || ctrl_s {
            match official_command(f, &mulai, &selesai) {
                Ok(cmd) => out.send(Form::Pejabat, cmd),
                Err(e) => {
                    self.errors.insert(Form::Pejabat, e);
                }
            }
        }
        self.form_error(ui, Form::Pejabat);
    }
}

/// The official form filled from a stored official.
fn official_form_of(o: &crate::model::org::OfficialRow) -> OfficialForm {
    OfficialForm {
        editing: Some(o.id),
        nama: o.nama.clone(),
        gelar_depan: o.gelar_depan.clone(),
        gelar_belakang: o.gelar_belakang.clone(),
        nip: o.nip.clone().unwrap_or_default(),
        pangkat: o.pangkat.clone(),
        jabatan: o.jabatan.clone(),
        unit_id: o.unit_id,
        status: Some(o.status),
        mulai: o.mulai.map(fmt::tanggal_isian).unwrap_or_default(),
        selesai: o.selesai.map(fmt::tanggal_isian).unwrap_or_default(),
    }
}

/// The form of the stored official `id`, if it still exists.
pub(super) fn stored_official(
    view: &ViewData,
    id: crate::model::id::OfficialId,
) -> Option<OfficialForm> {
    view.officials
        .iter()
        .find(|o| o.id == id)
        .map(official_form_of)
}

fn status_text(s: StatusJabatan) -> &'static str {
    match s {
        StatusJabatan::Definitif => "Definitif",
        StatusJabatan::Plt => "Plt. (Pelaksana Tugas)",
        StatusJabatan::Plh => "Plh. (Pelaksana Harian)",
    }
}

/// The rows of the official's grid, from the name to the term of office.
fn official_fields(
    ui: &mut egui::Ui,
    f: &mut OfficialForm,
    view: &ViewData,
    mulai: &TypedDate,
    selesai: &TypedDate,
) {
    let nip_err = (!f.nip.trim().is_empty())
        .then(|| cek_nip(&f.nip).err())
        .flatten()
        .map(|e| e.to_string());
    text_field(ui, "Gelar depan", &mut f.gelar_depan);
    text_field(ui, "Nama", &mut f.nama);
    text_field(ui, "Gelar belakang", &mut f.gelar_belakang);
    checked_field(ui, "NIP", &mut f.nip, nip_err.as_deref());
    let l = ui.label("Pangkat/golongan");
    egui::ComboBox::from_id_salt("pangkat")
        .selected_text(if f.pangkat.is_empty() {
            "— belum diisi —".to_string()
        } else {
            f.pangkat.clone()
        })
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut f.pangkat, String::new(), "— belum diisi —");
            for (p, g) in PANGKAT_GOLONGAN {
                ui.selectable_value(&mut f.pangkat, p.to_string(), format!("{p} ({g})"));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    text_field(ui, "Jabatan", &mut f.jabatan);
    unit_picker(
        ui,
        "Unit kerja",
        "unit_pejabat",
        &mut f.unit_id,
        view,
        300.0,
    );
    let l = ui.label("Status jabatan");
    egui::ComboBox::from_id_salt("status_jabatan")
        .selected_text(status_text(f.status.unwrap_or(StatusJabatan::Definitif)))
        .show_ui(ui, |ui| {
            for s in [
                StatusJabatan::Definitif,
                StatusJabatan::Plt,
                StatusJabatan::Plh,
            ] {
                ui.selectable_value(&mut f.status, Some(s), status_text(s));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    let e = mulai.as_ref().and_then(|r| r.clone().err());
    checked_field(ui, "Mulai menjabat", &mut f.mulai, e.as_deref());
    let e = selesai.as_ref().and_then(|r| r.clone().err());
    checked_field(ui, "Selesai menjabat", &mut f.selesai, e.as_deref());
    if f.nama.trim().is_empty() && f.editing.is_some() {
        ui.label("");
        inline_error(ui, "Nama pejabat wajib diisi");
    }
}

/// The command that adds or updates the official, or what is wrong with it.
fn official_command(
    f: &OfficialForm,
    mulai: &TypedDate,
    selesai: &TypedDate,
) -> Result<OrgCmd, String> {
    let o = NewOfficial {
        nama: f.nama.clone(),
        gelar_depan: f.gelar_depan.clone(),
        gelar_belakang: f.gelar_belakang.clone(),
        nip: (!f.nip.trim().is_empty()).then(|| f.nip.clone()),
        pangkat: f.pangkat.clone(),
        jabatan: f.jabatan.clone(),
        unit_id: f.unit_id,
        status: f.status.unwrap_or(StatusJabatan::Definitif),
        mulai: mulai.clone().transpose()?,
        selesai: selesai.clone().transpose()?,
    };
    o.validate().map_err(|e| e.to_string())?;
    Ok(match f.editing {
        Some(id) => OrgCmd::UpdateOfficial {
            id,
            official: Box::new(o),
        },
        None => OrgCmd::AddOfficial {
            official: Box::new(o),
        },
    })
}
