//! Pengaturan: Instansi, Unit Kerja (the SOTK tree), Pejabat and the
//! Kalender Kerja. Every form keeps what was typed (also across restarts),
//! checks it inline, saves with the button or Ctrl+S and cancels with Esc.

mod calendar;
mod office;
mod officials;
mod units;

use super::draft::{Base, Draft};
use super::widgets::{Confirm, confirm_window, heading};
use super::{Form, Outbox};
use crate::app::{Reply, ViewData};
use crate::model::org::{Eselon, JenisUnit, Office, StatusJabatan};
use crate::model::worktime::{JenisLibur, Zona};
use crate::ui::SAVE;
use calendar::hours_form;
use chrono::NaiveDate;
use egui::{Color32, RichText};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Instansi,
    Unit,
    Pejabat,
    Kalender,
    Cadangan,
    Riwayat,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Instansi,
        Tab::Unit,
        Tab::Pejabat,
        Tab::Kalender,
        Tab::Cadangan,
        Tab::Riwayat,
    ];
    fn label(self) -> &'static str {
        match self {
            Tab::Instansi => "Instansi",
            Tab::Unit => "Unit Kerja",
            Tab::Pejabat => "Pejabat",
            Tab::Kalender => "Kalender Kerja",
            Tab::Cadangan => "Cadangan",
            Tab::Riwayat => "Riwayat",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OfficeForm {
    nama_instansi: String,
    pemerintah: String,
    alamat: String,
    kota: String,
    zona: Option<Zona>,
    telepon: String,
    email: String,
    laman: String,
    kepala_daerah_jabatan: String,
    kepala_daerah_nama: String,
    rangkap: String,
}

impl OfficeForm {
    fn from(o: &Office) -> Self {
        OfficeForm {
            nama_instansi: o.nama_instansi.clone(),
            pemerintah: o.pemerintah.clone(),
            alamat: o.alamat.clone(),
            kota: o.kota.clone(),
            zona: Some(o.zona),
            telepon: o.telepon.clone(),
            email: o.email.clone(),
            laman: o.laman.clone(),
            kepala_daerah_jabatan: o.kepala_daerah_jabatan.clone(),
            kepala_daerah_nama: o.kepala_daerah_nama.clone(),
            rangkap: o.rangkap_cetak.to_string(),
        }
    }

    fn to_office(&self) -> Result<Office, String> {
        let rangkap = self
            .rangkap
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|r| (1..=99).contains(r))
            .ok_or("Jumlah rangkap cetak harus angka 1 sampai 99")?;
        Ok(Office {
            nama_instansi: self.nama_instansi.clone(),
            pemerintah: self.pemerintah.clone(),
            alamat: self.alamat.clone(),
            kota: self.kota.clone(),
            zona: self.zona.unwrap_or(Zona::Wib),
            telepon: self.telepon.clone(),
            email: self.email.clone(),
            laman: self.laman.clone(),
            kepala_daerah_jabatan: self.kepala_daerah_jabatan.clone(),
            kepala_daerah_nama: self.kepala_daerah_nama.clone(),
            rangkap_cetak: rangkap,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitForm {
    editing: Option<crate::model::id::UnitId>,
    parent_id: Option<crate::model::id::UnitId>,
    kode: String,
    nama: String,
    jenis: JenisUnit,
    eselon: Eselon,
    urutan: String,
}

impl Default for UnitForm {
    fn default() -> Self {
        UnitForm {
            editing: None,
            parent_id: None,
            kode: String::new(),
            nama: String::new(),
            jenis: JenisUnit::Bidang,
            eselon: Eselon::III,
            urutan: String::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OfficialForm {
    editing: Option<crate::model::id::OfficialId>,
    nama: String,
    gelar_depan: String,
    gelar_belakang: String,
    nip: String,
    pangkat: String,
    jabatan: String,
    unit_id: Option<crate::model::id::UnitId>,
    status: Option<StatusJabatan>,
    mulai: String,
    selesai: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayForm {
    kerja: bool,
    buka: String,
    tutup: String,
    istirahat: bool,
    ist_mulai: String,
    ist_akhir: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HolidayForm {
    editing: Option<NaiveDate>,
    tanggal: String,
    nama: String,
    jenis: JenisLibur,
}

impl Default for HolidayForm {
    fn default() -> Self {
        HolidayForm {
            editing: None,
            tanggal: String::new(),
            nama: String::new(),
            jenis: JenisLibur::Lokal,
        }
    }
}

/// Everything typed into the settings forms, remembered until saved.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Drafts {
    tab: Tab,
    instansi: Draft<OfficeForm>,
    unit: UnitForm,
    /// The stored unit the unit form began from.
    unit_base: Base<UnitForm>,
    pejabat: OfficialForm,
    /// The stored official the official form began from.
    pejabat_base: Base<OfficialForm>,
    jam: Draft<Vec<DayForm>>,
    libur: HolidayForm,
}

pub struct SettingsPanel {
    d: Drafts,
    /// The saved office, to tell whether the form was changed.
    saved_office: OfficeForm,
    saved_hours: Vec<DayForm>,
    cari_pejabat: String,
    /// The last error of each form, shown under it until its input changes.
    errors: std::collections::HashMap<Form, String>,
    /// The forms as they were before this frame's widgets ran.
    last: Drafts,
    confirm: Option<Confirm>,
    /// The active year (the holiday list shows its holidays).
    year: i32,
    audit: super::audit::AuditPanel,
}

impl SettingsPanel {
    pub fn new(view: &ViewData) -> Self {
        SettingsPanel {
            d: Drafts::default(),
            saved_office: OfficeForm::from(&view.office),
            saved_hours: hours_form(view),
            cari_pejabat: String::new(),
            errors: Default::default(),
            last: Drafts::default(),
            confirm: None,
            year: 0,
            audit: Default::default(),
        }
    }

    pub fn refresh(&mut self, view: &ViewData) {
        self.saved_office = OfficeForm::from(&view.office);
        self.saved_hours = hours_form(view);
    }

    /// Shows the tab of a setup step (Beranda's guide).
    pub fn open_tab(&mut self, step: crate::app::SetupStep) {
        use crate::app::SetupStep as S;
        self.d.tab = match step {
            S::Unit => Tab::Unit,
            S::Pejabat => Tab::Pejabat,
            S::Kalender => Tab::Kalender,
            _ => Tab::Instansi,
        };
    }

    pub fn drafts(&self) -> Drafts {
        self.d.clone()
    }

    /// Takes up remembered drafts; one over a record changed or deleted
    /// since it began waits for the user's choice.
    pub fn restore(&mut self, d: Drafts, view: &ViewData) {
        self.d = d;
        self.refresh(view);
        self.d.instansi.check(&self.saved_office);
        self.d.jam.check(&self.saved_hours);
        let unit = self.d.unit.editing.map(|id| units::stored_unit(view, id));
        self.d.unit_base.check(unit.flatten().as_ref());
        let pejabat = self
            .d
            .pejabat
            .editing
            .map(|id| officials::stored_official(view, id));
        self.d.pejabat_base.check(pejabat.flatten().as_ref());
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        view: &ViewData,
        year: i32,
        replies: &[(Form, Reply)],
        out: &mut Outbox,
    ) {
        self.year = year;
        confirm_window(ui.ctx(), &mut self.confirm, out);
        for (form, reply) in replies {
            self.on_reply(*form, reply);
        }
        self.last = self.d.clone();
        heading(
            ui,
            "Pengaturan",
            "Identitas instansi, struktur organisasi, pejabat, kalender kerja kantor, cadangan data dan riwayat perubahan.",
        );
        ui.horizontal(|ui| {
            for t in Tab::ALL {
                if ui.selectable_label(self.d.tab == t, t.label()).clicked() {
                    self.d.tab = t;
                }
            }
        });
        ui.separator();
        if self.d.tab == Tab::Riwayat {
            // Scrolls inside (a long virtualised table): not in the page's scroll area.
            self.audit.show(ui, view, out);
        } else {
            egui::ScrollArea::vertical().show(ui, |ui| match self.d.tab {
                Tab::Instansi => {
                    self.instansi(ui, out);
                    ui.add_space(12.0);
                    self.logo(ui, view, out);
                }
                Tab::Unit => self.unit(ui, view, out),
                Tab::Pejabat => self.pejabat(ui, view, out),
                Tab::Kalender => self.kalender(ui, view, out),
                Tab::Cadangan => super::backup::show(
                    ui,
                    view,
                    self.errors.get(&Form::Backup).map(String::as_str),
                    out,
                ),
                Tab::Riwayat => {}
            });
        }
        // An error belongs to the input that caused it: editing clears it.
        let (d, before) = (&self.d, &self.last);
        let changed = [
            (Form::Instansi, d.instansi != before.instansi),
            (Form::Unit, d.unit != before.unit),
            (Form::Pejabat, d.pejabat != before.pejabat),
            (Form::Jam, d.jam != before.jam),
            (Form::Libur, d.libur != before.libur),
        ];
        for (form, c) in changed {
            if c {
                self.errors.remove(&form);
            }
        }
    }

    fn on_reply(&mut self, form: Form, reply: &Reply) {
        match reply {
            Reply::Err(e) => {
                self.errors.insert(form, e.clone());
            }
            Reply::Ok { .. } => {
                self.errors.remove(&form);
                match form {
                    Form::Instansi => self.d.instansi.clear(),
                    Form::Unit => {
                        let parent = self.d.unit.parent_id;
                        self.d.unit = UnitForm {
                            parent_id: parent,
                            ..UnitForm::default()
                        };
                        self.d.unit_base.set(None);
                    }
                    Form::Pejabat => {
                        self.d.pejabat = OfficialForm::default();
                        self.d.pejabat_base.set(None);
                    }
                    Form::Jam => self.d.jam.clear(),
                    Form::Libur => self.d.libur = HolidayForm::default(),
                    _ => {}
                }
            }
        }
    }

    fn form_error(&self, ui: &mut egui::Ui, form: Form) {
        if let Some(e) = self.errors.get(&form) {
            ui.add(egui::Label::new(RichText::new(e).color(Color32::from_rgb(220, 60, 60))).wrap());
        }
    }
}

/// Ctrl+S and Esc, consumed so they act once.
fn keys(ui: &mut egui::Ui) -> (bool, bool) {
    ui.input_mut(|i| {
        (
            i.consume_shortcut(&SAVE),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    })
}
