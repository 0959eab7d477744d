//! The Renstra and Renja as an .xlsx workbook: written or read in the
//! background; a read workbook is first checked against the database and
//! shown as a preview listing every problem by sheet, row and column, and
//! nothing is written unless the user confirms a clean preview.

use std::path::{Path, PathBuf};

use super::export::{read_limited, write_atomic};
use super::jobs::{Job, Waker};
use super::{JobKind, Notice, Running};
use crate::formats::xlsx::{Masalah, Workbook, baca_xlsx, templat_xlsx, tulis_xlsx};
use crate::store::{ImportSummary, Store};

/// A read workbook waiting for the user's yes.
pub struct ImportPreview {
    pub file: PathBuf,
    wb: Box<Workbook>,
    /// What the import would do, or every problem found.
    pub check: Result<ImportSummary, Vec<Masalah>>,
}

#[derive(Default)]
enum Stage {
    #[default]
    Idle,
    /// Writing a workbook; ends in the confirmation message.
    Writing(Job<String>),
    /// Reading a workbook; ends in its rows or its problems.
    Reading(PathBuf, Job<Result<Workbook, Vec<Masalah>>>),
    Preview(ImportPreview),
}

#[derive(Default)]
pub(crate) struct Exchange {
    stage: Stage,
}

/// Reads and parses a workbook (used by the job and by tests).
pub fn read_workbook(path: &Path) -> Result<Result<Workbook, Vec<Masalah>>, String> {
    let bytes = read_limited(path, crate::formats::xlsx::MAKS_BERKAS as u64, |_| {
        format!(
            "Berkas {} lebih dari 50 MB; bukan lembar kerja Renstra/Renja",
            path.display()
        )
    })?;
    Ok(baca_xlsx(&bytes))
}

/// A read workbook: its preview, or why it could not be read.
fn read_done(
    file: PathBuf,
    r: Result<Result<Workbook, Vec<Masalah>>, String>,
    store: &Store,
) -> (Stage, Option<Notice>) {
    let preview = |wb, check| Stage::Preview(ImportPreview { file, wb, check });
    match r {
        Err(e) => (Stage::Idle, Some(Notice::err(e))),
        Ok(Err(problems)) => (preview(Box::default(), Err(problems)), None),
        Ok(Ok(wb)) => match store.check_import(&wb) {
            Ok(check) => (preview(Box::new(wb), check), None),
            Err(e) => (Stage::Idle, Some(Notice::err(e.to_string()))),
        },
    }
}

impl Exchange {
    fn idle(&self) -> Result<(), String> {
        match self.stage {
            Stage::Idle => Ok(()),
            _ => Err("Tunggu pekerjaan Excel yang sedang berjalan selesai".into()),
        }
    }

    pub fn export(
        &mut self,
        store: &Store,
        year: i32,
        path: PathBuf,
        wake: Option<Waker>,
    ) -> Result<(), String> {
        self.idle()?;
        let wb = store.export_workbook(year).map_err(|e| e.to_string())?;
        let n = (wb.renstra.len(), wb.renja.len());
        self.stage = Stage::Writing(Job::spawn("Ekspor ke Excel", wake, move |p| {
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
        wake: Option<Waker>,
    ) -> Result<(), String> {
        self.idle()?;
        self.stage = Stage::Writing(Job::spawn("Menyimpan templat Excel", wake, move |p| {
            let bytes = templat_xlsx(periode, year)?;
            p.check()?;
            write_atomic(&path, &bytes)?;
            p.set(1.0);
            Ok(format!("Templat Excel disimpan di {}", path.display()))
        }));
        Ok(())
    }

    pub fn read(&mut self, path: PathBuf, wake: Option<Waker>) -> Result<(), String> {
        self.idle()?;
        let file = path.clone();
        self.stage = Stage::Reading(
            path,
            Job::spawn("Membaca berkas Excel", wake, move |p| {
                p.set(0.1);
                let r = read_workbook(&file)?;
                p.check()?;
                p.set(1.0);
                Ok(r)
            }),
        );
        Ok(())
    }

    /// Advances the flow: a written workbook is told, a read one becomes the
    /// preview (checked against the database).
    pub fn poll(&mut self, store: &Store) -> Option<Notice> {
        let (next, notice) = match &mut self.stage {
            Stage::Idle | Stage::Preview(_) => return None,
            Stage::Writing(job) => (Stage::Idle, Some(Notice::of(job.poll()?))),
            Stage::Reading(file, job) => {
                let r = job.poll()?;
                let file = file.clone();
                read_done(file, r, store)
            }
        };
        self.stage = next;
        notice
    }

    pub fn preview(&self) -> Option<&ImportPreview> {
        match &self.stage {
            Stage::Preview(p) => Some(p),
            _ => None,
        }
    }

    /// Imports the clean workbook of the preview, in one transaction.
    pub fn confirm(&mut self, store: &mut Store) -> Result<String, String> {
        let Stage::Preview(p) = &self.stage else {
            return Err("Tidak ada berkas Excel yang menunggu untuk diimpor".into());
        };
        if p.check.is_err() {
            return Err("Berkas masih bermasalah; perbaiki lalu impor lagi".into());
        }
        let name = p.file.display().to_string();
        let r = store
            .import_workbook(&p.wb, &name)
            .map(|s| format!("Impor selesai. {}", s.describe()))
            .map_err(|e| e.to_string());
        self.stage = Stage::Idle;
        r
    }

    pub fn close(&mut self) {
        if let Stage::Preview(_) = self.stage {
            self.stage = Stage::Idle;
        }
    }

    pub fn running(&self) -> Option<Running> {
        let job_status = |judul: &str, fraction| Running {
            kind: JobKind::Exchange,
            judul: judul.to_string(),
            fraction,
        };
        match &self.stage {
            Stage::Writing(j) => Some(job_status(&j.judul, j.fraction())),
            Stage::Reading(_, j) => Some(job_status(&j.judul, j.fraction())),
            _ => None,
        }
    }

    pub fn cancel(&self) {
        match &self.stage {
            Stage::Writing(j) => j.cancel(),
            Stage::Reading(_, j) => j.cancel(),
            _ => {}
        }
    }
}
