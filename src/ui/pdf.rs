//! PDF export off the UI thread: the document is read from the store at
//! once, rendered and written in the background with a progress bar, then
//! opened in the system's PDF viewer.

use std::path::PathBuf;

use super::excel::{progress_bar, write_atomic};
use super::jobs::{Job, Progress};
use crate::pdf::{Kertas, dari, pk_pdf_with_progress, sop_pdf};
use crate::store::Store;

#[derive(Default)]
pub struct PdfUi {
    job: Option<Job<String>>,
}

impl PdfUi {
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// One agreement version.
    pub fn export_version(
        &mut self,
        store: &Store,
        version_id: i64,
        path: PathBuf,
        kertas: Kertas,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        self.idle()?;
        let doc = dari::load_pk(store, version_id, kertas).map_err(|e| e.to_string())?;
        self.spawn(
            "Membuat PDF Perjanjian Kinerja",
            path,
            open,
            ctx,
            move |p| pk_pdf_with_progress(&doc, &mut |f| p.set(f * 0.9)).map_err(|e| e.to_string()),
        );
        Ok(())
    }

    /// The SOP sheet of a template.
    pub fn export_sop(
        &mut self,
        store: &Store,
        kode: &str,
        path: PathBuf,
        kertas: Kertas,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        self.idle()?;
        let t = store.template(kode).map_err(|e| e.to_string())?;
        let logo = store.logo().map_err(|e| e.to_string())?.map(|(b, _)| b);
        let kop = dari::kop(&store.office().map_err(|e| e.to_string())?, logo);
        self.spawn("Membuat PDF lembar SOP", path, open, ctx, move |_| {
            sop_pdf(&t, &kop, kertas).map_err(|e| e.to_string())
        });
        Ok(())
    }

    /// A list as a landscape table (the history of a cycle).
    pub fn export_list(
        &mut self,
        daftar: crate::pdf::Daftar,
        path: PathBuf,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        self.idle()?;
        self.spawn("Membuat PDF", path, open, ctx, move |_| {
            crate::pdf::daftar_pdf(&daftar).map_err(|e| e.to_string())
        });
        Ok(())
    }

    fn idle(&self) -> Result<(), String> {
        if self.busy() {
            return Err("Tunggu ekspor PDF yang sedang berjalan selesai".into());
        }
        Ok(())
    }

    /// Renders in the background, writes the file whole, then opens it.
    fn spawn(
        &mut self,
        judul: &str,
        path: PathBuf,
        open: bool,
        ctx: Option<egui::Context>,
        render: impl FnOnce(&Progress) -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        self.job = Some(Job::spawn(judul, ctx, move |p| {
            let bytes = render(p)?;
            p.check()?;
            write_atomic(&path, &bytes)?;
            p.set(1.0);
            let mut msg = format!("PDF disimpan di {}", path.display());
            if open && let Err(e) = open::that_detached(&path) {
                msg.push_str(&format!(
                    " (penampil PDF tidak dapat dibuka: {})",
                    crate::store::io_message(&e)
                ));
            }
            Ok(msg)
        }));
    }

    /// Shows the progress; the result once the work has ended.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Result<String, String>> {
        let job = self.job.as_ref()?;
        match job.poll() {
            Some(r) => {
                self.job = None;
                Some(r)
            }
            None => {
                progress_bar(ctx, &job.judul, job.fraction(), || job.cancel());
                None
            }
        }
    }
}
