//! The actions on the shown version (submit, return, sign, amend, print,
//! export) and the windows they open.

use super::{AgreementPanel, AmendForm, PrintForm};
use crate::app::{AgreementCmd, ViewData};
use crate::model::agreement::{
    self as rules, AlasanPerubahan, PrintPurpose, Status, Transition, VersionDoc, official_inactive,
};
use crate::pdf::Kertas;
use crate::ui::files::{FileDialog, choose};
use crate::ui::panels::widgets::{Confirm, message_line};
use crate::ui::panels::{Form, Outbox};

impl AgreementPanel {
    pub(super) fn actions(
        &mut self,
        ui: &mut egui::Ui,
        doc: &VersionDoc,
        latest: &VersionDoc,
        editable: bool,
        view: &ViewData,
        out: &mut Outbox,
    ) {
        if editable {
            self.draft_actions(ui, doc, view, out);
        }
        if doc.id == latest.id && matches!(doc.status, Status::Diajukan | Status::Diparaf) {
            self.review_actions(ui, doc, view.today, out);
        }
        if doc.id == latest.id && doc.status.is_signed() && ui.button("Buat Perubahan").clicked() {
            self.amend = Some(AmendForm {
                version_id: doc.id,
                jenis: Some(AlasanPerubahan::Pejabat),
                alasan: String::new(),
                error: None,
            });
        }
        if let Some(tujuan) = doc.status.print_purpose() {
            self.print_button(ui, doc, tujuan, view, out);
        }
        ui.separator();
        self.export(ui, doc, out);
    }

    /// "Ajukan", "Ambil dari Renstra/Renja" and "Hapus draf".
    fn draft_actions(
        &mut self,
        ui: &mut egui::Ui,
        doc: &VersionDoc,
        view: &ViewData,
        out: &mut Outbox,
    ) {
        if ui.button("Ajukan").clicked()
            && let Some(ed) = self.ed.as_mut()
        {
            // A field that does not read is named first: the content
            // behind it is not what the user meant.
            ed.problems = ed.unreadable();
            ed.problems
                .extend(rules::check_submit(&ed.content, doc.tahun, &|id, d| {
                    official_inactive(&view.officials, id, d)
                }));
            if ed.problems.is_empty() {
                self.flush(out);
                out.send(
                    Form::Agreement,
                    AgreementCmd::Move {
                        version: doc.id,
                        transition: Transition::Submit,
                    },
                );
            }
        }
        if ui.button("Ambil dari Renstra/Renja").clicked() {
            self.fill_from_plan(doc, out);
        }
        if ui.button("Hapus draf").clicked() {
            self.confirm = Some(Confirm {
                pesan: format!(
                    "Hapus draf versi {} Perjanjian Kinerja {}? Draf yang dihapus tidak dapat dikembalikan.",
                    doc.versi, doc.unit
                ),
                ya: "Ya, hapus",
                form: Form::Agreement,
                cmd: AgreementCmd::DeleteDraft { version: doc.id }.into(),
            });
        }
    }

    /// Fills the draft from the plan, asking first when it has lines.
    fn fill_from_plan(&mut self, doc: &VersionDoc, out: &mut Outbox) {
        self.flush(out);
        let has = self
            .ed
            .as_ref()
            .is_some_and(|e| !e.content.lines.is_empty() || !e.content.budget.is_empty());
        if has {
            self.confirm = Some(Confirm {
                pesan: format!(
                    "Baris kinerja dan anggaran draf ini diganti dengan yang ada di Renstra/Renja {} untuk {}. Lanjutkan?",
                    doc.tahun, doc.unit
                ),
                ya: "Ya, ganti",
                form: Form::Agreement,
                cmd: AgreementCmd::FillFromPlan { version: doc.id }.into(),
            });
        } else {
            out.send(
                Form::Agreement,
                AgreementCmd::FillFromPlan { version: doc.id },
            );
        }
    }

    /// "Kembalikan ke draf", "Tandai sudah diparaf" and "Tandai sudah ditandatangani".
    fn review_actions(
        &mut self,
        ui: &mut egui::Ui,
        doc: &VersionDoc,
        today: Option<chrono::NaiveDate>,
        out: &mut Outbox,
    ) {
        if ui.button("Kembalikan ke draf").clicked() {
            out.send(
                Form::Agreement,
                AgreementCmd::Move {
                    version: doc.id,
                    transition: Transition::Return,
                },
            );
        }
        if doc.status == Status::Diajukan
            && ui
                .button("Tandai sudah diparaf")
                .on_hover_text("Semua paraf pada naskah yang dicetak sudah dibubuhkan")
                .clicked()
        {
            out.send(
                Form::Agreement,
                AgreementCmd::Move {
                    version: doc.id,
                    transition: Transition::Paraf,
                },
            );
        }
        if ui.button("Tandai sudah ditandatangani").clicked() {
            // A document dated later than today is signed ahead of its date:
            // said in the question, so the yes is explicit.
            let lebih_dulu = match (doc.content.tanggal, today) {
                (Some(t), Some(today)) if today < t => format!(
                    "Tanggal dokumen {} belum tiba (hari ini {}). ",
                    crate::fmt::tanggal(t),
                    crate::fmt::tanggal(today)
                ),
                _ => String::new(),
            };
            self.confirm = Some(Confirm {
                pesan: format!(
                    "{lebih_dulu}Tandai versi {} Perjanjian Kinerja {} sudah ditandatangani? Nama, NIP, pangkat dan jabatan para pihak dibekukan dan versi ini tidak dapat diubah lagi.",
                    doc.versi, doc.unit
                ),
                ya: "Ya, sudah ditandatangani",
                form: Form::Agreement,
                cmd: AgreementCmd::Move {
                    version: doc.id,
                    transition: Transition::Sign,
                }
                .into(),
            });
        }
    }

    /// "Cetak untuk ditandatangani…" or "Cetak salinan…": opens the print window.
    fn print_button(
        &mut self,
        ui: &mut egui::Ui,
        doc: &VersionDoc,
        tujuan: PrintPurpose,
        view: &ViewData,
        out: &mut Outbox,
    ) {
        let label = match tujuan {
            PrintPurpose::TandaTangan => "Cetak untuk ditandatangani…",
            PrintPurpose::Salinan => "Cetak salinan…",
        };
        if ui
            .button(label)
            .on_hover_text("PDF akhir tanpa tanda DRAF, dibuka di penampil untuk dicetak; setiap cetak dicatat")
            .clicked()
        {
            self.flush(out);
            self.print = Some(PrintForm {
                version_id: doc.id,
                tujuan,
                rangkap: view.office.rangkap_cetak.to_string(),
            });
        }
    }

    /// The paper size and "Ekspor PDF…".
    fn export(&mut self, ui: &mut egui::Ui, doc: &VersionDoc, out: &mut Outbox) {
        let l = ui.label("Kertas");
        egui::ComboBox::from_id_salt("pk_kertas")
            .selected_text(self.kertas.label())
            .show_ui(ui, |ui| {
                for k in [Kertas::A4, Kertas::F4] {
                    ui.selectable_value(&mut self.kertas, k, k.label());
                }
            })
            .response
            .labelled_by(l.id);
        if ui.button("Ekspor PDF…").clicked() {
            self.flush(out);
            let name = crate::pdf::agreement_file_name(doc.tahun, &doc.unit, doc.versi);
            let d = FileDialog::save("Simpan Perjanjian Kinerja sebagai PDF", name);
            let (version, kertas) = (doc.id, self.kertas);
            choose(d.filter("Dokumen PDF", &["pdf"]), out, move |path| {
                let cmd = AgreementCmd::ExportPdf {
                    version,
                    path,
                    kertas,
                };
                (Form::Agreement, cmd.into())
            });
        }
    }

    pub(super) fn print_window(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        let Some(p) = self.print.as_mut() else { return };
        let mut close = false;
        let title = match p.tujuan {
            PrintPurpose::TandaTangan => "Cetak untuk ditandatangani",
            PrintPurpose::Salinan => "Cetak salinan",
        };
        egui::Window::new(title)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                // A fixed width: the field below fills it without the window
                // growing with what is typed.
                ui.set_width(420.0);
                ui.label(print_note(p.tujuan));
                ui.label(format!("Kertas: {}", self.kertas.label()));
                ui.horizontal(|ui| {
                    let l = ui.label("Jumlah rangkap");
                    ui.add(
                        egui::TextEdit::singleline(&mut p.rangkap)
                            .id_salt("pk_cetak_rangkap")
                            .desired_width(60.0),
                    )
                    .labelled_by(l.id);
                });
                // Checked as typed, the message across the window's width.
                let e = crate::fmt::baca_rangkap(&p.rangkap).err();
                message_line(ui, e.as_deref());
                ui.horizontal(|ui| {
                    if ui.button("Cetak").clicked() {
                        close = print(p, self.kertas, out);
                    }
                    if ui.button("Batal").clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.print = None;
        }
    }

    pub(super) fn amend_window(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        let Some(a) = self.amend.as_mut() else { return };
        let mut close = false;
        egui::Window::new("Buat PK Perubahan")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label("Versi yang sudah ditandatangani tetap tersimpan dan tidak berubah. Versi baru dibuat sebagai draf dari isinya.");
                ui.add_space(6.0);
                ui.strong("Alasan perubahan");
                for alasan in AlasanPerubahan::ALL {
                    ui.radio_value(&mut a.jenis, Some(alasan), alasan.label());
                }
                let l = ui.label("Uraian alasan (wajib)");
                let typed = ui.add(
                    egui::TextEdit::multiline(&mut a.alasan)
                        .desired_rows(3)
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
                // The message goes once a reason is being written.
                if typed.changed() {
                    a.error = None;
                }
                message_line(ui, a.error.as_deref());
                ui.horizontal(|ui| {
                    if ui.button("Buat versi perubahan").clicked() {
                        amend(a, out);
                    }
                    if ui.button("Batal").clicked() {
                        close = true;
                    }
                });
            });
        if close || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.amend = None;
        }
    }
}

/// What the print window says of the print.
fn print_note(tujuan: PrintPurpose) -> &'static str {
    match tujuan {
        PrintPurpose::TandaTangan => {
            "Naskah akhir dicetak tanpa tanda DRAF untuk diparaf dan ditandatangani para pihak."
        }
        PrintPurpose::Salinan => {
            "Salinan versi yang sudah ditandatangani dicetak tanpa tanda DRAF."
        }
    }
}

/// "Cetak": sends the print when the number of copies reads; true when sent.
fn print(p: &mut PrintForm, kertas: Kertas, out: &mut Outbox) -> bool {
    match crate::fmt::baca_rangkap(&p.rangkap).ok() {
        Some(n) => {
            out.send(
                Form::Agreement,
                AgreementCmd::Print {
                    version: p.version_id,
                    rangkap: n,
                    kertas,
                },
            );
            true
        }
        // The message is already under the field.
        None => false,
    }
}

/// "Buat versi perubahan": sends the amendment once a reason is written.
fn amend(a: &mut AmendForm, out: &mut Outbox) {
    if a.alasan.trim().is_empty() {
        a.error = Some("Uraikan alasan perubahan (wajib diisi)".into());
    } else {
        out.send(
            Form::AgreementAmend,
            AgreementCmd::Amend {
                version: a.version_id,
                alasan_jenis: a.jenis,
                alasan: a.alasan.clone(),
            },
        );
    }
}
