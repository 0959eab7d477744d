//! Pengaturan → Instansi: the office's identity and the letterhead logo.

use super::{SettingsPanel, keys};
use crate::app::{OfficeCmd, ViewData};
use crate::model::worktime::Zona;
use crate::ui::files::{FileDialog, choose};
use crate::ui::panels::widgets::{checked_field, text_field};
use crate::ui::panels::{Form, Outbox};
use egui::RichText;

impl SettingsPanel {
    /// The letterhead logo: preview, pick (content-checked PNG/JPEG up to
    /// 2 MB) and remove.
    pub(super) fn logo(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
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
                if ui.button("Pilih logo…").clicked() {
                    let d = FileDialog::open("Pilih logo kop surat")
                        .filter("Gambar PNG atau JPEG", &["png", "jpg", "jpeg"]);
                    choose(d, out, |path| {
                        (Form::Logo, OfficeCmd::SetLogo { file: Some(path) }.into())
                    });
                }
                if view.logo.is_some() && ui.button("Hapus logo").clicked() {
                    out.send(Form::Logo, OfficeCmd::SetLogo { file: None });
                }
            });
        });
        self.form_error(ui, Form::Logo);
    }

    pub(super) fn instansi(&mut self, ui: &mut egui::Ui, out: &mut Outbox) {
        let stored = self.saved_office.clone();
        self.d.instansi.conflict_bar(ui, &stored);
        let f = self.d.instansi.edit(&stored);
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
                checked_field(ui, "Nama instansi", &mut f.nama_instansi, nama_err);
                text_field(ui, "Pemerintah", &mut f.pemerintah);
                text_field(ui, "Alamat", &mut f.alamat);
                text_field(ui, "Kota (tempat penandatanganan)", &mut f.kota);
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
                text_field(ui, "Telepon", &mut f.telepon);
                text_field(ui, "Email", &mut f.email);
                text_field(ui, "Laman", &mut f.laman);
                text_field(ui, "Jabatan kepala daerah", &mut f.kepala_daerah_jabatan);
                text_field(ui, "Nama kepala daerah", &mut f.kepala_daerah_nama);
                let rangkap_err = f.to_office().err();
                checked_field(ui, "Rangkap cetak", &mut f.rangkap, rangkap_err.as_deref());
            });
        ui.add_space(8.0);
        let changed = *f != stored;
        ui.horizontal(|ui| {
            save = ui
                .add_enabled(changed, egui::Button::new("Simpan"))
                .clicked();
            if ui
                .add_enabled(changed, egui::Button::new("Batal"))
                .clicked()
            {
                self.d.instansi.clear();
            }
            if changed {
                ui.label(RichText::new("Ada perubahan yang belum disimpan.").weak());
            }
        });
        let (ctrl_s, esc) = keys(ui);
        if esc {
            self.d.instansi.clear();
        }
        if (save || (ctrl_s && changed))
            && let Some(f) = self.d.instansi.input()
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
        self.d.instansi.settle(&stored);
    }
}
