//! PDF export off the UI thread: the document is read from the store at
//! once, rendered and written in the background with a progress bar, then
//! opened in the system's PDF viewer.

use std::path::PathBuf;

use super::excel::{progress_bar, write_atomic};
use super::jobs::{Job, Progress};
use crate::model::agreement::PrintPurpose;
use crate::pdf::{Kertas, agreement_pdf_with_progress, dari, sop_pdf};
use crate::store::Store;

/// Opens a file in the system's application for its type. The launcher's
/// own message is English and technical: say in Indonesian what to do.
pub fn open_in_viewer(path: &std::path::Path) -> Result<(), String> {
    open::that_detached(path).map_err(|_| {
        "tidak dapat dibuka otomatis: belum ada aplikasi penampil yang terdaftar untuk berkas ini; buka berkasnya dari folder tersebut".to_string()
    })
}

#[derive(Default)]
pub struct PdfUi {
    job: Option<Job<String>>,
    /// The print to record once the running job has written its PDF.
    print: Option<Print>,
}

/// A print waiting for its PDF: (version, copies, why).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Print {
    pub version_id: crate::model::id::VersionId,
    pub rangkap: u32,
    pub tujuan: PrintPurpose,
}

impl PdfUi {
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// One agreement version.
    pub fn export_version(
        &mut self,
        store: &Store,
        version_id: crate::model::id::VersionId,
        path: PathBuf,
        kertas: Kertas,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        self.idle()?;
        let doc = dari::load_agreement(store, version_id, kertas).map_err(|e| e.to_string())?;
        self.spawn(
            "Membuat PDF Perjanjian Kinerja",
            path,
            open,
            ctx,
            move |p| {
                agreement_pdf_with_progress(&doc, &mut |f| p.set(f * 0.9))
                    .map_err(|e| e.to_string())
            },
        );
        Ok(())
    }

    /// The final text of a version for printing (no DRAF mark): to be
    /// signed once every paraf is done, or a copy of the signed version.
    /// Written into the `cetak` folder beside the database and opened in the
    /// system's viewer to print; the print is recorded once written.
    pub fn print_version(
        &mut self,
        store: &Store,
        version_id: crate::model::id::VersionId,
        rangkap: u32,
        kertas: Kertas,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<PathBuf, String> {
        self.idle()?;
        let v = store.version(version_id).map_err(|e| e.to_string())?;
        let tujuan = v.status.print_purpose().ok_or_else(|| {
            format!(
                "Versi {} berstatus {}: cetak akhir tersedia setelah versi diajukan",
                v.versi,
                v.status.label().to_lowercase()
            )
        })?;
        if !(1..=99).contains(&rangkap) {
            return Err("Jumlah rangkap harus 1 sampai 99".into());
        }
        let mut doc = dari::load_agreement(store, version_id, kertas).map_err(|e| e.to_string())?;
        doc.draf = false;
        let nama = crate::pdf::agreement_file_name(v.tahun, &v.unit, v.versi);
        let nama = match tujuan {
            PrintPurpose::TandaTangan => nama.replace(".pdf", "-untuk-ditandatangani.pdf"),
            PrintPurpose::Salinan => nama.replace(".pdf", "-salinan.pdf"),
        };
        let dir = store
            .path()
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("cetak");
        std::fs::create_dir_all(&dir).map_err(|e| {
            format!(
                "Folder {} tidak dapat dibuat: {}",
                dir.display(),
                crate::store::io_message(&e)
            )
        })?;
        let path = dir.join(nama);
        self.print = Some(Print {
            version_id,
            rangkap,
            tujuan,
        });
        self.spawn(
            "Menyiapkan cetakan Perjanjian Kinerja",
            path.clone(),
            open,
            ctx,
            move |p| {
                agreement_pdf_with_progress(&doc, &mut |f| p.set(f * 0.9))
                    .map_err(|e| e.to_string())
            },
        );
        Ok(path)
    }

    /// Any bytes made in the background (a workbook), written and opened
    /// like a PDF.
    pub fn export_bytes(
        &mut self,
        judul: &str,
        path: PathBuf,
        open: bool,
        ctx: Option<egui::Context>,
        render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) -> Result<(), String> {
        self.idle()?;
        self.spawn(judul, path, open, ctx, move |_| render());
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
        daftar: crate::formats::table::Daftar,
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
            let jenis = if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
            {
                "PDF"
            } else {
                "Berkas"
            };
            let mut msg = format!("{jenis} disimpan di {}", path.display());
            if open && let Err(e) = open_in_viewer(&path) {
                msg.push_str(&format!(" ({e})"));
            }
            Ok(msg)
        }));
    }

    /// Shows the progress; the result once the work has ended.
    /// With a finished print, the print to record (only when its PDF was
    /// written).
    pub fn show(&mut self, ctx: &egui::Context) -> Option<(Result<String, String>, Option<Print>)> {
        let job = self.job.as_ref()?;
        match job.poll() {
            Some(r) => {
                self.job = None;
                let print = self.print.take().filter(|_| r.is_ok());
                Some((r, print))
            }
            None => {
                progress_bar(ctx, &job.judul, job.fraction(), || job.cancel());
                None
            }
        }
    }
}
