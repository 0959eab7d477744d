//! Files written off the UI thread: the document is read from the store at
//! once, rendered and written whole in the background (with progress), then
//! opened in the system's viewer. A print is recorded once its PDF is
//! written.

use std::path::{Path, PathBuf};

use super::documents;
use super::jobs::{Job, Progress, Waker};
use super::{JobKind, Running};
use crate::model::agreement::PrintPurpose;
use crate::model::id::VersionId;
use crate::pdf::{Kertas, agreement_pdf_with_progress, sop_pdf};
use crate::store::Store;

/// Writes a whole file or nothing (see [`crate::store::write_file_atomic`]),
/// with the reason in Indonesian.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let existed = path.exists();
    crate::store::write_file_atomic(path, bytes).map_err(|e| write_failure(path, &e, existed))
}

/// Why a file could not be written. Replacing a file another program holds
/// open fails on Windows (a sharing violation, or access denied): that is
/// almost always a PDF still open in a viewer, so say so.
pub(crate) fn write_failure(path: &Path, e: &std::io::Error, existed: bool) -> String {
    let held_open = matches!(e.raw_os_error(), Some(32 | 33) if cfg!(windows));
    if existed && (held_open || e.kind() == std::io::ErrorKind::PermissionDenied) {
        return format!(
            "Berkas {} tidak dapat ditimpa: kemungkinan berkas itu masih terbuka di penampil \
             PDF atau program lain. Tutup berkas itu lalu coba lagi, atau simpan dengan nama lain.",
            path.display()
        );
    }
    format!(
        "Berkas {} tidak dapat ditulis: {}",
        path.display(),
        crate::store::io_message(e)
    )
}

/// Reads a file the user picked, refusing one larger than `max` bytes
/// before reading it (`too_big` gets the size and says why).
pub(crate) fn read_limited(
    path: &Path,
    max: u64,
    too_big: impl FnOnce(u64) -> String,
) -> Result<Vec<u8>, String> {
    let io = |what: &str, e: std::io::Error| {
        format!(
            "Berkas {} tidak dapat {what}: {}",
            path.display(),
            crate::store::io_message(&e)
        )
    };
    let size = std::fs::metadata(path).map_err(|e| io("dibuka", e))?.len();
    if size > max {
        return Err(too_big(size));
    }
    std::fs::read(path).map_err(|e| io("dibaca", e))
}

/// Opens a file in the system's application for its type. The launcher's
/// own message is English and technical: say in Indonesian what to do.
pub fn open_in_viewer(path: &std::path::Path) -> Result<(), String> {
    open::that_detached(path).map_err(|_| {
        "tidak dapat dibuka otomatis: belum ada aplikasi penampil yang terdaftar untuk berkas ini; buka berkasnya dari folder tersebut".to_string()
    })
}

/// The jobs the app runs in the background besides the workbook flow.
#[derive(Default)]
pub(crate) struct Jobs {
    /// A PDF or workbook being written.
    file: Option<Job<String>>,
    /// The print to record once the running file job has written its PDF.
    print: Option<Print>,
    /// "Cadangkan sekarang".
    pub backup: Option<Job<String>>,
    /// The audit hash chain walked again.
    pub chain: Option<Job<crate::store::audit::ChainReport>>,
}

/// A print waiting for its PDF: (version, copies, why).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Print {
    pub version_id: VersionId,
    pub rangkap: u32,
    pub tujuan: PrintPurpose,
}

impl Jobs {
    /// The file job, for its progress bar.
    pub fn running(&self) -> Option<Running> {
        self.file.as_ref().map(|j| Running {
            kind: JobKind::File,
            judul: j.judul.clone(),
            fraction: j.fraction(),
        })
    }

    pub fn cancel_file(&self) {
        if let Some(j) = &self.file {
            j.cancel();
        }
    }

    /// The file job's result once it ended, with the print to record (only
    /// when its PDF was written).
    pub fn take_file(&mut self) -> Option<(Result<String, String>, Option<Print>)> {
        let r = self.file.as_ref()?.poll()?;
        self.file = None;
        let print = self.print.take().filter(|_| r.is_ok());
        Some((r, print))
    }

    /// One agreement version.
    pub fn export_version(
        &mut self,
        store: &Store,
        version_id: VersionId,
        path: PathBuf,
        kertas: Kertas,
        open: bool,
        wake: Option<Waker>,
    ) -> Result<(), String> {
        self.idle()?;
        let doc =
            documents::load_agreement(store, version_id, kertas).map_err(|e| e.to_string())?;
        self.spawn(
            "Membuat PDF Perjanjian Kinerja",
            path,
            open,
            wake,
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
        version_id: VersionId,
        rangkap: u32,
        kertas: Kertas,
        open: bool,
        wake: Option<Waker>,
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
        let mut doc =
            documents::load_agreement(store, version_id, kertas).map_err(|e| e.to_string())?;
        doc.draf = false;
        doc.rangkap = rangkap;
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
            wake,
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
        wake: Option<Waker>,
        render: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
    ) -> Result<(), String> {
        self.idle()?;
        self.spawn(judul, path, open, wake, move |_| render());
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
        wake: Option<Waker>,
    ) -> Result<(), String> {
        self.idle()?;
        let t = store.template(kode).map_err(|e| e.to_string())?;
        let logo = store.logo().map_err(|e| e.to_string())?.map(|(b, _)| b);
        let kop = documents::kop(&store.office().map_err(|e| e.to_string())?, logo);
        self.spawn("Membuat PDF lembar SOP", path, open, wake, move |_| {
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
        wake: Option<Waker>,
    ) -> Result<(), String> {
        self.idle()?;
        self.spawn("Membuat PDF", path, open, wake, move |_| {
            crate::pdf::daftar_pdf(&daftar).map_err(|e| e.to_string())
        });
        Ok(())
    }

    fn idle(&self) -> Result<(), String> {
        if self.file.is_some() {
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
        wake: Option<Waker>,
        render: impl FnOnce(&Progress) -> Result<Vec<u8>, String> + Send + 'static,
    ) {
        self.file = Some(Job::spawn(judul, wake, move |p| {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_held_open_is_named_as_such() {
        let p = Path::new("cetak/PK-2027-v1.pdf");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let m = write_failure(p, &denied, true);
        assert!(m.contains("masih terbuka di penampil PDF"), "{m}");
        assert!(m.contains("Tutup berkas itu"), "{m}");
        // A new file that cannot be made: the folder is the reason.
        let m = write_failure(p, &denied, false);
        assert!(m.contains("tidak ada izin"), "{m}");
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(write_failure(p, &full, true).contains("disk penuh"));
    }
}
