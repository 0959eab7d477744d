//! Pengaturan → Kalender Kerja: the weekly office hours and the holidays.

use super::{DayForm, HolidayForm, SettingsPanel};
use crate::app::{CalendarCmd, ViewData};
use crate::fmt;
use crate::model::worktime::{HariLibur, JamHari, JenisLibur, Kalender, Zona};
use crate::ui::files::{FileDialog, choose};
use crate::ui::panels::widgets::AMBAR;
use crate::ui::panels::widgets::{Confirm, checked_field, text_field};
use crate::ui::panels::{Form, Outbox};
use chrono::Datelike;
use egui::{Color32, RichText};

pub(super) fn hours_form(view: &ViewData) -> Vec<DayForm> {
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
    pub(super) fn kalender(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.label(RichText::new("Jam kerja per hari").strong());
        let saved = self.saved_hours.clone();
        self.d.jam.conflict_bar(ui, &saved);
        let days = self.d.jam.edit(&saved);
        let mut problems: Vec<String> = Vec::new();
        hours_grid(ui, days);
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
                self.d.jam.clear();
            }
        });
        self.d.jam.settle(&saved);
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
        if let Some(w) = view.holidays_missing() {
            ui.add(egui::Label::new(RichText::new(w).color(AMBAR)).wrap());
        }
        self.holiday_form(ui, view, out);
        ui.add_space(8.0);
        let Some(kal) = &view.kal else { return };
        self.holiday_list(ui, kal);
    }

    /// The form of a new or of the chosen holiday.
    fn holiday_form(&mut self, ui: &mut egui::Ui, view: &ViewData, out: &mut Outbox) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Hari libur dan cuti bersama").strong());
            if ui
                .button("Impor hari libur…")
                .on_hover_text(
                    "Berkas CSV (tanggal, nama, jenis per baris) atau TOML seperti daftar bawaan",
                )
                .clicked()
            {
                let d = FileDialog::open("Impor hari libur dan cuti bersama")
                    .filter("Daftar hari libur (CSV, TOML)", &["csv", "toml"]);
                choose(d, out, |path| {
                    (
                        Form::LiburImpor,
                        CalendarCmd::ImportHolidays { path }.into(),
                    )
                });
            }
        });
        self.form_error(ui, Form::LiburImpor);
        let f = &mut self.d.libur;
        let parsed = (!f.tanggal.trim().is_empty()).then(|| fmt::baca_tanggal(&f.tanggal));
        egui::Grid::new("form_libur")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let e = parsed.as_ref().and_then(|r| r.clone().err());
                checked_field(ui, "Tanggal libur", &mut f.tanggal, e.as_deref());
                text_field(ui, "Keterangan libur", &mut f.nama);
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
                        let holiday = HariLibur {
                            tanggal: *d,
                            nama: f.nama.clone(),
                            jenis: f.jenis,
                        };
                        // Another holiday on that date is never replaced
                        // without asking.
                        let there = view
                            .kal
                            .as_ref()
                            .and_then(|k| k.libur.get(d))
                            .filter(|_| f.editing != Some(*d));
                        match (there, f.editing) {
                            (Some(lama), Some(_)) => {
                                self.errors.insert(Form::Libur, taken(lama));
                            }
                            (Some(lama), None) => {
                                self.confirm = Some(Confirm {
                                    pesan: format!(
                                        "{} Ganti dengan \"{}\"?",
                                        taken(lama),
                                        holiday.nama.trim()
                                    ),
                                    ya: "Ya, ganti",
                                    form: Form::Libur,
                                    cmd: CalendarCmd::PutHoliday { holiday }.into(),
                                });
                            }
                            (None, editing) => {
                                if let Some(old) = editing.filter(|old| old != d) {
                                    out.send(Form::Libur, CalendarCmd::RemoveHoliday { date: old });
                                }
                                out.send(Form::Libur, CalendarCmd::PutHoliday { holiday });
                            }
                        }
                    }
                }
            }
            if f.editing.is_some() && ui.button("Batal").clicked() {
                *f = HolidayForm::default();
            }
        });
        self.form_error(ui, Form::Libur);
    }

    /// The holidays of the active year, each with "Ubah" and "Hapus".
    fn holiday_list(&mut self, ui: &mut egui::Ui, kal: &Kalender) {
        let f = &mut self.d.libur;
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

/// The grid of the weekly hours, one row a day.
fn hours_grid(ui: &mut egui::Ui, days: &mut [DayForm]) {
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
                let named =
                    |r: egui::Response, col: usize| r.labelled_by(headers[col]).labelled_by(day);
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
                                egui::TextEdit::singleline(&mut d.ist_mulai).desired_width(60.0),
                            ),
                            5,
                        );
                        named(
                            ui.add(
                                egui::TextEdit::singleline(&mut d.ist_akhir).desired_width(60.0),
                            ),
                            6,
                        );
                    }
                }
                ui.end_row();
            }
        });
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
    let mut kal = Kalender::standar(Zona::Wib);
    kal.jam = out.clone();
    kal.validasi().map_err(|e| e.to_string())?;
    Ok(out)
}

/// "25 Desember 2026 sudah tercatat sebagai hari libur …".
fn taken(h: &HariLibur) -> String {
    format!(
        "{} sudah tercatat sebagai hari libur \"{}\" ({}).",
        fmt::tanggal(h.tanggal),
        h.nama,
        h.jenis.label().to_lowercase()
    )
}
