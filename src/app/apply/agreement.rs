//! Perjanjian Kinerja: the editor's commands, the version's life, its PDF
//! and prints.

use super::{Applied, started, stored};
use crate::app::{AgreementCmd, App, Changed, Created, Reply};
use crate::model::agreement::{Transition, VersionDoc};

/// What the user is told after a version moved.
fn moved(t: Transition, d: &VersionDoc) -> String {
    match t {
        Transition::Submit => format!("Perjanjian Kinerja {} diajukan", d.unit),
        Transition::Return => format!("Perjanjian Kinerja {} dikembalikan ke draf", d.unit),
        Transition::Paraf => format!(
            "Perjanjian Kinerja {} versi {} tercatat sudah diparaf",
            d.unit, d.versi
        ),
        Transition::Sign => format!(
            "Perjanjian Kinerja {} versi {} ditandatangani; isinya kini tidak dapat diubah",
            d.unit, d.versi
        ),
        Transition::Archive => {
            format!("Perjanjian Kinerja {} versi {} diarsipkan", d.unit, d.versi)
        }
    }
}

impl App {
    pub(super) fn apply_agreement(&mut self, c: AgreementCmd) -> Applied {
        match c {
            AgreementCmd::Open { id } => {
                self.open_agreement = id;
                (Reply::ok(""), Changed::Selection)
            }
            AgreementCmd::Create {
                unit,
                jenis,
                from_plan,
            } => {
                let year = self.year;
                let r = self.store.create_for_unit(unit, year, jenis, from_plan);
                let applied = stored(r, Changed::Data, |(agreement, _)| {
                    let m = format!("Perjanjian Kinerja {year} dibuat sebagai draf");
                    Reply::created(m, Created::Agreement(agreement))
                });
                if let Reply::Ok {
                    created: Some(Created::Agreement(a)),
                    ..
                } = applied.0
                {
                    self.open_agreement = Some(a);
                }
                applied
            }
            AgreementCmd::SaveDraft { version, content } => stored(
                self.store.save_draft(version, &content),
                Changed::Agreements,
                |_| Reply::ok(""),
            ),
            AgreementCmd::FillFromPlan { version } => stored(
                self.store.fill_from_plan(version),
                Changed::Data,
                |(l, b)| {
                    Reply::ok(format!(
                        "{l} baris kinerja dan {b} baris anggaran diambil dari Renstra/Renja"
                    ))
                },
            ),
            AgreementCmd::Move {
                version,
                transition,
            } => stored(
                self.store.set_status(version, transition),
                Changed::Data,
                |d| Reply::ok(moved(transition, &d)),
            ),
            AgreementCmd::Amend {
                version,
                alasan_jenis,
                alasan,
            } => stored(
                self.store.amend_version(version, alasan_jenis, &alasan),
                Changed::Data,
                |id| {
                    Reply::created(
                        "PK Perubahan dibuat sebagai draf; versi sebelumnya tetap tersimpan",
                        Created::Version(id),
                    )
                },
            ),
            AgreementCmd::DeleteDraft { version } => self.delete_draft(version),
            AgreementCmd::ExportPdf {
                version,
                path,
                kertas,
            } => {
                let wake = self.waker.clone();
                let open = self.open_files;
                started(
                    self.jobs
                        .export_version(&self.store, version, path, kertas, open, wake),
                )
            }
            AgreementCmd::Print {
                version,
                rangkap,
                kertas,
            } => {
                let wake = self.waker.clone();
                let open = self.open_files;
                let r = self
                    .jobs
                    .print_version(&self.store, version, rangkap, kertas, open, wake);
                started(r.map(|_| ()))
            }
        }
    }

    /// Deletes a draft version; deleting the first version deletes the
    /// agreement, and the editor goes back to the list.
    fn delete_draft(&mut self, version: crate::model::id::VersionId) -> Applied {
        let first = self.store.version(version).is_ok_and(|d| d.versi == 1);
        let applied = stored(self.store.delete_draft(version), Changed::Data, |_| {
            Reply::ok("Draf perjanjian dihapus")
        });
        if first && applied.0.is_ok() {
            self.open_agreement = None;
        }
        applied
    }
}
