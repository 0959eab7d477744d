//! Pengaturan → Cadangan: the automatic daily backups, "Cadangkan sekarang"
//! (database and scans into one .zip) and "Pulihkan" (a backup checked,
//! then restored after the user's yes).

use super::{Form, Outbox};
use crate::app::{BackupCmd, ViewData};
use crate::ui::files::{FileDialog, choose};
use egui::RichText;

use super::widgets::{heading, inline_error};
use crate::fmt;

pub fn show(ui: &mut egui::Ui, view: &ViewData, error: Option<&str>, out: &mut Outbox) {
    heading(
        ui,
        "Cadangan dan pemulihan",
        "Cadangan lengkap berisi basis data dan semua berkas pindaian arsip dalam satu berkas .zip.",
    );
    ui.horizontal(|ui| {
        let today = view
            .today
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        if ui.button("Cadangkan sekarang…").clicked() {
            let name = format!("perkin-cadangan-{today}.zip");
            let d = FileDialog::save("Simpan cadangan lengkap perkin", name)
                .filter("Cadangan perkin (.zip)", &["zip"]);
            choose(d, out, |path| {
                (Form::Backup, BackupCmd::Now { path }.into())
            });
        }
        if ui
            .button("Pulihkan…")
            .on_hover_text("Pilih cadangan lengkap (.zip) atau salinan basis data (.db)")
            .clicked()
        {
            let d = FileDialog::open("Pilih cadangan perkin untuk dipulihkan")
                .filter("Cadangan perkin", &["zip", "db"])
                .directory(&view.backups.0);
            choose(d, out, |path| {
                (Form::Backup, BackupCmd::Stage { path }.into())
            });
        }
        if ui
            .button("Buka folder data")
            .on_hover_text("Folder berisi basis data serta folder cetak, pindaian dan cadangan")
            .clicked()
        {
            out.send(Form::Backup, BackupCmd::OpenDataFolder);
        }
    });
    if let Some(e) = error {
        inline_error(ui, e);
    }
    ui.add_space(10.0);
    ui.label(RichText::new("Cadangan otomatis").strong());
    ui.label(format!(
        "Setiap hari, saat perkin pertama kali dibuka, basis data disalin ke folder {}; {} salinan harian terbaru disimpan. Sebelum pemulihan, data yang akan diganti juga disimpan di folder ini.",
        view.backups.0.display(),
        crate::store::DAILY_BACKUPS_KEPT
    ));
    if view.backups.1.is_empty() {
        ui.label(RichText::new("Belum ada cadangan di folder ini.").weak());
    }
    egui::Grid::new("cadangan_daftar")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (nama, bytes) in &view.backups.1 {
                ui.label(nama);
                ui.label(fmt::ukuran(*bytes));
                ui.end_row();
            }
        });
}

/// The restore confirmation, over every panel while a checked backup waits.
pub fn confirm_restore(ctx: &egui::Context, view: &ViewData, out: &mut Outbox) {
    let Some(st) = &view.staged else { return };
    egui::Window::new("Pulihkan data dari cadangan?")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(format!("Berkas: {}", st.sumber));
            ui.label("Berkas sudah diperiksa: basis data perkin yang utuh.");
            ui.label(format!("Isinya: {}.", st.ringkasan));
            ui.add_space(6.0);
            ui.label(
                RichText::new(
                    "Seluruh data sekarang diganti dengan isi cadangan ini. Data sekarang lebih dulu disimpan sebagai cadangan lengkap di folder cadangan, sehingga dapat dipulihkan kembali.",
                )
                .strong(),
            );
            ui.horizontal(|ui| {
                if ui.button("Ya, pulihkan").clicked() {
                    out.send(Form::Backup, BackupCmd::Restore { confirmed: true });
                }
                if ui.button("Batal").clicked() {
                    out.send(Form::Backup, BackupCmd::Restore { confirmed: false });
                }
            });
        });
}
