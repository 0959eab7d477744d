//! Pengaturan: Instansi, Unit Kerja (the SOTK tree), Pejabat and the
//! Kalender Kerja. Every form keeps what was typed (also across restarts),
//! checks it inline, saves with the button or Ctrl+S and cancels with Esc.

use super::{Form, Outbox};
use crate::app::{CalendarCmd, OfficeCmd, OrgCmd, Reply, ViewData};
use crate::ui::SAVE;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText};
use serde::{Deserialize, Serialize};

use super::widgets::{Confirm, confirm_window, heading, inline_error, text_field, unit_picker};
use crate::fmt;
use crate::model::org::{Eselon, JenisUnit, PANGKAT_GOLONGAN, StatusJabatan, cek_nip, nip_cetak};
use crate::model::org::{NewOfficial, NewUnit, Office};
use crate::model::worktime::{HariLibur, JamHari, JenisLibur, Zona};

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
    instansi: Option<OfficeForm>,
    unit: UnitForm,
    pejabat: OfficialForm,
    jam: Option<Vec<DayForm>>,
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

fn hours_form(view: &ViewData) -> Vec<DayForm> {
    let t = |x: chrono::NaiveTime| x.format("%H:%M").to_string();
    view.kal
        .as_ref()
        .map(|k| {
            k.jam
                .iter()
                .map(|j| match j {
                    Some(j) => DayForm {
                        kerja: true,
                        buka: t(j.buka),
                        tutup: t(j.tutup),
                        istirahat: j.istirahat.is_some(),
                        ist_mulai: j.istirahat.map(|(a, _)| t(a)).unwrap_or_default(),
                        ist_akhir: j.istirahat.map(|(_, b)| t(b)).unwrap_or_default(),
                    },
                    None => DayForm {
                        kerja: false,
                        buka: String::new(),
                        tutup: String::new(),
                        istirahat: false,
                        ist_mulai: String::new(),
                        ist_akhir: String::new(),
                    },
                })
                .collect()
        })
        .unwrap_or_default()
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

    pub fn drafts(&self) -> Drafts {
        self.d.clone()
    }

    pub fn restore(&mut self, d: Drafts) {
        self.d = d;
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
                    Form::Instansi => self.d.instansi = None,
                    Form::Unit => {
                        let parent = self.d.unit.parent_id;
                        self.d.unit = UnitForm {
                            parent_id: parent,
                            ..UnitForm::default()
                        };
                    }
                    Form::Pejabat => self.d.pejabat = OfficialForm::default(),
                    Form::Jam => self.d.jam = None,
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

    // ---- Instansi ---------------------------------------------------------------------

    /// The letterhead logo: preview, pick (content-checked PNG/JPEG up to
    /// 2 MB) and remove.
    fn logo(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.label(RichText::new("Logo kop surat").strong());
        ui.horizontal(|ui| {
            match &view.logo {
                Some((uri, bytes)) => {
                    ui.add(
                        egui::Image::from_bytes(
                            uri.clone(),
                            egui::load::Bytes::Shared(bytes.clone()),
                        )
                        .max_size(egui::vec2(96.0, 96.0))
                        .alt_text("Pratinjau logo kop surat"),
                    );
                }
                None => {
                    ui.label(RichText::new("Belum ada logo.").weak());
                }
            }
            ui.vertical(|ui| {
                if ui.button("Pilih logo…").clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .set_title("Pilih logo kop surat")
                        .add_filter("Gambar PNG atau JPEG", &["png", "jpg", "jpeg"])
                        .pick_file()
                {
                    out.send(Form::Logo, OfficeCmd::SetLogo { file: Some(path) });
                }
                if view.logo.is_some() && ui.button("Hapus logo").clicked() {
                    out.send(Form::Logo, OfficeCmd::SetLogo { file: None });
                }
            });
        });
        self.form_error(ui, Form::Logo);
    }

    fn instansi(&mut self, ui: &mut egui::Ui, out: &mut Outbox) {
        let f = self
            .d
            .instansi
            .get_or_insert_with(|| self.saved_office.clone());
        let mut save = false;
        egui::Grid::new("form_instansi")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .min_col_width(180.0)
            .show(ui, |ui| {
                let nama_err = f
                    .nama_instansi
                    .trim()
                    .is_empty()
                    .then_some("Nama instansi wajib diisi");
                text_field(ui, "Nama instansi", &mut f.nama_instansi, nama_err);
                text_field(ui, "Pemerintah", &mut f.pemerintah, None);
                text_field(ui, "Alamat", &mut f.alamat, None);
                text_field(ui, "Kota (tempat penandatanganan)", &mut f.kota, None);
                let l = ui.label("Zona waktu");
                egui::ComboBox::from_id_salt("zona_waktu")
                    .selected_text(
                        f.zona
                            .map(|z| format!("{} ({})", z.kode(), z.iana()))
                            .unwrap_or_default(),
                    )
                    .show_ui(ui, |ui| {
                        for z in Zona::ALL {
                            ui.selectable_value(
                                &mut f.zona,
                                Some(z),
                                format!("{} ({})", z.kode(), z.iana()),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                text_field(ui, "Telepon", &mut f.telepon, None);
                text_field(ui, "Email", &mut f.email, None);
                text_field(ui, "Laman", &mut f.laman, None);
                text_field(
                    ui,
                    "Jabatan kepala daerah",
                    &mut f.kepala_daerah_jabatan,
                    None,
                );
                text_field(ui, "Nama kepala daerah", &mut f.kepala_daerah_nama, None);
                let rangkap_err = f.to_office().err();
                text_field(ui, "Rangkap cetak", &mut f.rangkap, rangkap_err.as_deref());
            });
        ui.add_space(8.0);
        let changed = *f != self.saved_office;
        ui.horizontal(|ui| {
            save = ui
                .add_enabled(changed, egui::Button::new("Simpan"))
                .clicked();
            if ui
                .add_enabled(changed, egui::Button::new("Batal"))
                .clicked()
            {
                self.d.instansi = None;
            }
            if changed {
                ui.label(RichText::new("Ada perubahan yang belum disimpan.").weak());
            }
        });
        let (ctrl_s, esc) = keys(ui);
        if esc {
            self.d.instansi = None;
        }
        if (save || (ctrl_s && changed))
            && let Some(f) = &self.d.instansi
        {
            match f.to_office() {
                Ok(o) => out.send(
                    Form::Instansi,
                    OfficeCmd::Save {
                        office: Box::new(o),
                    },
                ),
                Err(e) => {
                    self.errors.insert(Form::Instansi, e);
                }
            }
        }
        self.form_error(ui, Form::Instansi);
    }

    // ---- Unit Kerja -------------------------------------------------------------------

    fn unit(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
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
                    self.d.unit = UnitForm {
                        editing: Some(u.id),
                        parent_id: u.parent_id,
                        kode: u.kode.clone(),
                        nama: u.nama.clone(),
                        jenis: u.jenis,
                        eselon: u.eselon,
                        urutan: String::new(),
                    };
                    self.errors.remove(&Form::Unit);
                }
            }
            let ui = &mut cols[1];
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
                .show(ui, |ui| {
                    let nama_err = (f.nama.trim().is_empty() && f.editing.is_some())
                        .then_some("Nama unit wajib diisi");
                    text_field(ui, "Nama unit", &mut f.nama, nama_err);
                    text_field(ui, "Kode unit", &mut f.kode, None);
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
                    let l = ui.label("Unit induk");
                    let parent_name = f
                        .parent_id
                        .map(|p| view.unit_name(Some(p)))
                        .unwrap_or_else(|| "— tidak ada (unit tertinggi) —".into());
                    egui::ComboBox::from_id_salt("induk_unit")
                        .selected_text(parent_name)
                        .width(300.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(
                                &mut f.parent_id,
                                None,
                                "— tidak ada (unit tertinggi) —",
                            );
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
                });
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
                }
            });
            if let Some(n) = editing {
                ui.horizontal(|ui| {
                    let u = &n.unit;
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
                        self.confirm = Some(Confirm {
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
            }
            let (ctrl_s, esc) = keys(ui);
            if esc {
                *f = UnitForm::default();
            }
            if save || ctrl_s {
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
                match u.validate() {
                    Err(e) => {
                        self.errors.insert(Form::Unit, e.to_string());
                    }
                    Ok(()) => out.send(
                        Form::Unit,
                        match f.editing {
                            Some(id) => OrgCmd::UpdateUnit { id, unit: u },
                            None => OrgCmd::AddUnit { unit: u },
                        },
                    ),
                }
            }
            if let Some(e) = self.errors.get(&Form::Unit) {
                ui.add(
                    egui::Label::new(RichText::new(e).color(Color32::from_rgb(220, 60, 60))).wrap(),
                );
            }
        });
    }

    // ---- Pejabat ----------------------------------------------------------------------

    fn pejabat(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            ui.horizontal(|ui| {
                let l = ui.label("Cari pejabat");
                ui.add(
                    egui::TextEdit::singleline(&mut self.cari_pejabat).hint_text("nama atau NIP"),
                )
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
                    self.d.pejabat = OfficialForm {
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
                    };
                    self.errors.remove(&Form::Pejabat);
                }
            }

            let ui = &mut cols[1];
            let f = &mut self.d.pejabat;
            ui.label(
                RichText::new(if f.editing.is_some() {
                    "Ubah data pejabat"
                } else {
                    "Pejabat baru"
                })
                .strong(),
            );
            let nip_err = (!f.nip.trim().is_empty())
                .then(|| cek_nip(&f.nip).err())
                .flatten()
                .map(|e| e.to_string());
            let mulai = (!f.mulai.trim().is_empty()).then(|| fmt::baca_tanggal(&f.mulai));
            let selesai = (!f.selesai.trim().is_empty()).then(|| fmt::baca_tanggal(&f.selesai));
            egui::Grid::new("form_pejabat")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, "Gelar depan", &mut f.gelar_depan, None);
                    text_field(ui, "Nama", &mut f.nama, None);
                    text_field(ui, "Gelar belakang", &mut f.gelar_belakang, None);
                    text_field(ui, "NIP", &mut f.nip, nip_err.as_deref());
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
                                ui.selectable_value(
                                    &mut f.pangkat,
                                    p.to_string(),
                                    format!("{p} ({g})"),
                                );
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                    text_field(ui, "Jabatan", &mut f.jabatan, None);
                    unit_picker(
                        ui,
                        "Unit kerja",
                        "unit_pejabat",
                        &mut f.unit_id,
                        view,
                        300.0,
                    );
                    let l = ui.label("Status jabatan");
                    let status_text = |s: StatusJabatan| match s {
                        StatusJabatan::Definitif => "Definitif",
                        StatusJabatan::Plt => "Plt. (Pelaksana Tugas)",
                        StatusJabatan::Plh => "Plh. (Pelaksana Harian)",
                    };
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
                    text_field(ui, "Mulai menjabat", &mut f.mulai, e.as_deref());
                    let e = selesai.as_ref().and_then(|r| r.clone().err());
                    text_field(ui, "Selesai menjabat", &mut f.selesai, e.as_deref());
                    if f.nama.trim().is_empty() && f.editing.is_some() {
                        ui.label("");
                        inline_error(ui, "Nama pejabat wajib diisi");
                    }
                });
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
                }
            });
            let (ctrl_s, esc) = keys(ui);
            if esc {
                *f = OfficialForm::default();
            }
            if save || ctrl_s {
                let result = (|| -> Result<NewOfficial, String> {
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
                    Ok(o)
                })();
                match result {
                    Ok(o) => out.send(
                        Form::Pejabat,
                        match f.editing {
                            Some(id) => OrgCmd::UpdateOfficial {
                                id,
                                official: Box::new(o),
                            },
                            None => OrgCmd::AddOfficial {
                                official: Box::new(o),
                            },
                        },
                    ),
                    Err(e) => {
                        self.errors.insert(Form::Pejabat, e);
                    }
                }
            }
            if let Some(e) = self.errors.get(&Form::Pejabat) {
                ui.add(
                    egui::Label::new(RichText::new(e).color(Color32::from_rgb(220, 60, 60))).wrap(),
                );
            }
        });
    }

    // ---- Kalender Kerja ---------------------------------------------------------------

    fn kalender(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.label(RichText::new("Jam kerja per hari").strong());
        let saved = self.saved_hours.clone();
        let days = self.d.jam.get_or_insert_with(|| saved.clone());
        let mut problems: Vec<String> = Vec::new();
        egui::Grid::new("jam_kerja")
            .num_columns(7)
            .spacing([10.0, 6.0])
            .min_col_width(64.0)
            .show(ui, |ui| {
                // Every input is named by its column and its day ("Buka Senin").
                let headers: Vec<egui::Id> = [
                    "Hari",
                    "Hari kerja",
                    "Buka",
                    "Tutup",
                    "Istirahat",
                    "Mulai istirahat",
                    "Selesai istirahat",
                ]
                .iter()
                .map(|h| ui.label(RichText::new(*h).strong()).id)
                .collect();
                ui.end_row();
                for (i, d) in days.iter_mut().enumerate() {
                    let day = ui.label(fmt::HARI[i]).id;
                    let named = |r: egui::Response, col: usize| {
                        r.labelled_by(headers[col]).labelled_by(day)
                    };
                    named(ui.checkbox(&mut d.kerja, ""), 1);
                    if d.kerja {
                        named(
                            ui.add(
                                egui::TextEdit::singleline(&mut d.buka)
                                    .id_salt(("jam", i, 2))
                                    .desired_width(60.0),
                            ),
                            2,
                        );
                        named(
                            ui.add(
                                egui::TextEdit::singleline(&mut d.tutup)
                                    .id_salt(("jam", i, 3))
                                    .desired_width(60.0),
                            ),
                            3,
                        );
                        named(ui.checkbox(&mut d.istirahat, ""), 4);
                        if d.istirahat {
                            named(
                                ui.add(
                                    egui::TextEdit::singleline(&mut d.ist_mulai)
                                        .desired_width(60.0),
                                ),
                                5,
                            );
                            named(
                                ui.add(
                                    egui::TextEdit::singleline(&mut d.ist_akhir)
                                        .desired_width(60.0),
                                ),
                                6,
                            );
                        }
                    }
                    ui.end_row();
                }
            });
        let parsed = parse_hours(days);
        if let Err(e) = &parsed {
            problems.push(e.clone());
        }
        for p in &problems {
            ui.add(egui::Label::new(RichText::new(p).color(Color32::from_rgb(220, 60, 60))).wrap());
        }
        let changed = *days != saved;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    changed && parsed.is_ok(),
                    egui::Button::new("Simpan jam kerja"),
                )
                .clicked()
                && let Ok(j) = &parsed
            {
                out.send(
                    Form::Jam,
                    CalendarCmd::SetHours {
                        hours: Box::new(j.clone()),
                    },
                );
            }
            if ui
                .add_enabled(changed, egui::Button::new("Batalkan perubahan jam"))
                .clicked()
            {
                self.d.jam = None;
            }
        });
        self.form_error(ui, Form::Jam);
        if let Some(k) = &view.kal {
            ui.label(
                RichText::new(format!(
                    "1 hari kerja = {} menit kerja (panjang hari kerja yang paling umum).",
                    k.standard_day_minutes()
                ))
                .weak(),
            );
        }
        ui.add_space(12.0);
        ui.separator();
        self.holidays(ui, view, out);
    }

    fn holidays(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        let f = &mut self.d.libur;
        ui.label(RichText::new("Hari libur dan cuti bersama").strong());
        let parsed = (!f.tanggal.trim().is_empty()).then(|| fmt::baca_tanggal(&f.tanggal));
        egui::Grid::new("form_libur")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let e = parsed.as_ref().and_then(|r| r.clone().err());
                text_field(ui, "Tanggal libur", &mut f.tanggal, e.as_deref());
                text_field(ui, "Keterangan libur", &mut f.nama, None);
                let l = ui.label("Jenis libur");
                egui::ComboBox::from_id_salt("jenis_libur")
                    .selected_text(f.jenis.label())
                    .show_ui(ui, |ui| {
                        for j in [
                            JenisLibur::Nasional,
                            JenisLibur::CutiBersama,
                            JenisLibur::Lokal,
                        ] {
                            ui.selectable_value(&mut f.jenis, j, j.label());
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui
                .button(if f.editing.is_some() {
                    "Simpan hari libur"
                } else {
                    "Tambah hari libur"
                })
                .clicked()
            {
                match (&parsed, f.nama.trim().is_empty()) {
                    (None, _) => {
                        self.errors
                            .insert(Form::Libur, "Tanggal libur wajib diisi".into());
                    }
                    (Some(Err(e)), _) => {
                        self.errors.insert(Form::Libur, e.clone());
                    }
                    (_, true) => {
                        self.errors
                            .insert(Form::Libur, "Keterangan libur wajib diisi".into());
                    }
                    (Some(Ok(d)), false) => {
                        if let Some(old) = f.editing.filter(|old| old != d) {
                            out.send(Form::Libur, CalendarCmd::RemoveHoliday { date: old });
                        }
                        out.send(
                            Form::Libur,
                            CalendarCmd::PutHoliday {
                                holiday: HariLibur {
                                    tanggal: *d,
                                    nama: f.nama.clone(),
                                    jenis: f.jenis,
                                },
                            },
                        );
                    }
                }
            }
            if f.editing.is_some() && ui.button("Batal").clicked() {
                *f = HolidayForm::default();
            }
        });
        if let Some(e) = self.errors.get(&Form::Libur) {
            ui.add(egui::Label::new(RichText::new(e).color(Color32::from_rgb(220, 60, 60))).wrap());
        }
        ui.add_space(8.0);
        let Some(kal) = &view.kal else { return };
        let year = self.year;
        let mut confirm = None;
        let years: std::collections::BTreeSet<i32> = kal.libur.keys().map(|d| d.year()).collect();
        ui.label(format!(
            "Hari libur tahun {year} (tahun aktif; ganti di bilah atas). Tahun yang tercatat: {}",
            years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        egui::Grid::new("daftar_libur")
            .striped(true)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for h in ["Tanggal", "Keterangan", "Jenis", ""] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for h in kal.libur.values().filter(|h| h.tanggal.year() == year) {
                    ui.label(fmt::tanggal_hari(h.tanggal));
                    ui.label(&h.nama);
                    ui.label(h.jenis.label());
                    ui.horizontal(|ui| {
                        if ui.small_button("Ubah").clicked() {
                            *f = HolidayForm {
                                editing: Some(h.tanggal),
                                tanggal: fmt::tanggal_isian(h.tanggal),
                                nama: h.nama.clone(),
                                jenis: h.jenis,
                            };
                        }
                        if ui.small_button("Hapus").clicked() {
                            confirm = Some(Confirm {
                                ya: "Ya, hapus",
                                pesan: format!(
                                    "Hapus hari libur {} ({})? Hari itu menjadi hari kerja kembali.",
                                    fmt::tanggal_hari(h.tanggal),
                                    h.nama
                                ),
                                form: Form::Libur,
                                cmd: CalendarCmd::RemoveHoliday { date: h.tanggal }.into(),
                            });
                        }
                    });
                    ui.end_row();
                }
            });
        if confirm.is_some() {
            self.confirm = confirm;
        }
    }
}

/// The weekly hours typed in the form, checked as the calendar checks them.
fn parse_hours(days: &[DayForm]) -> Result<[Option<JamHari>; 7], String> {
    let mut out: [Option<JamHari>; 7] = Default::default();
    for (i, d) in days.iter().enumerate().take(7) {
        if !d.kerja {
            continue;
        }
        let hari = fmt::HARI[i];
        let t = |s: &str| fmt::baca_jam(s).map_err(|e| format!("{hari}: {e}"));
        let istirahat = if d.istirahat {
            Some((t(&d.ist_mulai)?, t(&d.ist_akhir)?))
        } else {
            None
        };
        out[i] = Some(JamHari {
            buka: t(&d.buka)?,
            tutup: t(&d.tutup)?,
            istirahat,
        });
    }
    let mut kal = crate::model::worktime::Kalender::standar(Zona::Wib);
    kal.jam = out.clone();
    kal.validasi().map_err(|e| e.to_string())?;
    Ok(out)
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
