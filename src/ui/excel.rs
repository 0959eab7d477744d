//! Excel import and export in the window: the work runs off the UI thread
//! with a progress bar and a cancel button; an import is first shown as a
//! preview listing every problem by sheet, row and column, and nothing is
//! written unless the user confirms a clean preview.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText};

use super::jobs::Job;
use crate::formats::xlsx::{Masalah, Workbook, baca_xlsx, templat_xlsx, tulis_xlsx};
use crate::store::{ImportSummary, Store};

pub enum Stage {
    Idle,
    /// Writing a workbook; ends in the confirmation message.
    Writing(Job<String>),
    /// Reading a workbook; ends in its rows or its problems.
    Reading(PathBuf, Job<Result<Workbook, Vec<Masalah>>>),
    Preview {
        file: PathBuf,
        wb: Box<Workbook>,
        check: Result<ImportSummary, Vec<Masalah>>,
    },
}

/// What the Excel flow tells the app after a frame.
pub enum Event {
    Done(String),
    Failed(String),
    Imported(String),
}

pub struct ExcelUi {
    pub stage: Stage,
}

impl Default for ExcelUi {
    fn default() -> Self {
        ExcelUi { stage: Stage::Idle }
    }
}

/// Writes a whole file or nothing (see [`crate::store::write_file_atomic`]),
/// with the reason in Indonesian.
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::store::write_file_atomic(path, bytes).map_err(|e| {
        format!(
            "Berkas {} tidak dapat ditulis: {}",
            path.display(),
            crate::store::io_message(&e)
        )
    })
}

/// Reads and parses a workbook (used by the job and by tests).
pub fn read_workbook(path: &Path) -> Result<Result<Workbook, Vec<Masalah>>, String> {
    let bytes = super::read_limited(path, crate::formats::xlsx::MAKS_BERKAS as u64, |_| {
        format!(
            "Berkas {} lebih dari 50 MB; bukan lembar kerja Renstra/Renja",
            path.display()
        )
    })?;
    Ok(baca_xlsx(&bytes))
}

impl ExcelUi {
    pub fn busy(&self) -> bool {
        !matches!(self.stage, Stage::Idle)
    }

    pub fn export(
        &mut self,
        store: &Store,
        year: i32,
        path: PathBuf,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        let wb = store.export_workbook(year).map_err(|e| e.to_string())?;
        let n = (wb.renstra.len(), wb.renja.len());
        self.stage = Stage::Writing(Job::spawn("Ekspor ke Excel", ctx, move |p| {
            p.set(0.1);
            let bytes = tulis_xlsx(&wb)?;
            p.check()?;
            p.set(0.7);
            write_atomic(&path, &bytes)?;
            p.set(1.0);
            Ok(format!(
                "Diekspor ke {}: {} indikator Renstra, {} item Renja",
                path.display(),
                n.0,
                n.1
            ))
        }));
        Ok(())
    }

    pub fn template(
        &mut self,
        periode: (i32, i32),
        year: i32,
        path: PathBuf,
        ctx: Option<egui::Context>,
    ) {
        self.stage = Stage::Writing(Job::spawn("Menyimpan templat Excel", ctx, move |p| {
            let bytes = templat_xlsx(periode, year)?;
            p.check()?;
            write_atomic(&path, &bytes)?;
            p.set(1.0);
            Ok(format!("Templat Excel disimpan di {}", path.display()))
        }));
    }

    pub fn import(&mut self, path: PathBuf, ctx: Option<egui::Context>) {
        let p2 = path.clone();
        self.stage = Stage::Reading(
            path,
            Job::spawn("Membaca berkas Excel", ctx, move |p| {
                p.set(0.1);
                let r = read_workbook(&p2)?;
                p.check()?;
                p.set(1.0);
                Ok(r)
            }),
        );
    }

    /// Advances the flow; shows the progress bar or the preview window.
    pub fn show(&mut self, ctx: &egui::Context, store: &mut Store) -> Option<Event> {
        let mut event = None;
        let mut next: Option<Stage> = None;
        match &mut self.stage {
            Stage::Idle => {}
            Stage::Writing(job) => {
                if let Some(r) = job.poll() {
                    event = Some(match r {
                        Ok(m) => Event::Done(m),
                        Err(e) => Event::Failed(e),
                    });
                    next = Some(Stage::Idle);
                } else {
                    progress_bar(ctx, &job.judul, job.fraction(), || job.cancel());
                }
            }
            Stage::Reading(file, job) => {
                if let Some(r) = job.poll() {
                    next = Some(match r {
                        Err(e) => {
                            event = Some(Event::Failed(e));
                            Stage::Idle
                        }
                        Ok(Err(problems)) => Stage::Preview {
                            file: file.clone(),
                            wb: Box::default(),
                            check: Err(problems),
                        },
                        Ok(Ok(wb)) => match store.check_import(&wb) {
                            Ok(check) => Stage::Preview {
                                file: file.clone(),
                                wb: Box::new(wb),
                                check,
                            },
                            Err(e) => {
                                event = Some(Event::Failed(e.to_string()));
                                Stage::Idle
                            }
                        },
                    });
                } else {
                    progress_bar(ctx, &job.judul, job.fraction(), || job.cancel());
                }
            }
            Stage::Preview { file, wb, check } => {
                let mut close = false;
                let mut confirm = false;
                egui::Window::new("Pratinjau impor Excel")
                    .collapsible(false)
                    .default_width(720.0)
                    .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                    .show(ctx, |ui| {
                        ui.label(format!("Berkas: {}", file.display()));
                        ui.add_space(6.0);
                        match check {
                            Ok(summary) => {
                                ui.label(RichText::new("Berkas bersih, siap diimpor.").strong());
                                ui.label(summary.describe());
                                ui.label("Semua baris disimpan sekaligus dalam satu transaksi.");
                            }
                            Err(problems) => {
                                ui.label(
                                    RichText::new(format!(
                                        "Ditemukan {} masalah. Perbaiki berkasnya lalu impor lagi; tidak ada yang disimpan.",
                                        problems.len()
                                    ))
                                    .color(Color32::from_rgb(220, 60, 60))
                                    .strong(),
                                );
                                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                                    for m in problems.iter() {
                                        ui.label(m.to_string());
                                    }
                                });
                            }
                        }
                        ui.add_space(8.0);
                        ui.horizontal(|ui| {
                            if ui.add_enabled(check.is_ok(), egui::Button::new("Impor")).clicked() {
                                confirm = true;
                            }
                            if ui.button("Tutup").clicked() {
                                close = true;
                            }
                        });
                    });
                if confirm {
                    let name = file.display().to_string();
                    event = Some(match store.import_workbook(wb, &name) {
                        Ok(s) => Event::Imported(format!("Impor selesai. {}", s.describe())),
                        Err(e) => Event::Failed(e.to_string()),
                    });
                    next = Some(Stage::Idle);
                } else if close {
                    next = Some(Stage::Idle);
                }
            }
        }
        if let Some(n) = next {
            self.stage = n;
        }
        event
    }
}

pub(super) fn progress_bar(ctx: &egui::Context, title: &str, fraction: f32, cancel: impl FnOnce()) {
    egui::Window::new("Sedang bekerja")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -24.0])
        .show(ctx, |ui| {
            ui.label(title);
            ui.add(
                egui::ProgressBar::new(fraction)
                    .show_percentage()
                    .desired_width(320.0),
            );
            if ui.button("Batal").clicked() {
                cancel();
            }
        });
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
}
