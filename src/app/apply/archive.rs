//! Arsip: the register, its scans and its lists.

use std::path::Path;

use super::{Applied, refused, started, stored};
use crate::app::{App, ArchiveCmd, Changed, Created, ListFormat, Reply};
use crate::model::archive::{NewArchive, ScanState};
use crate::model::id::ArchiveId;
use crate::store::StoreError;

impl App {
    pub(super) fn apply_archive(&mut self, c: ArchiveCmd) -> Applied {
        match c {
            ArchiveCmd::Register { entry, scan } => self.register(&entry, scan.as_deref()),
            ArchiveCmd::Update { id, entry, scan } => {
                self.update_entry(id, &entry, scan.as_deref())
            }
            ArchiveCmd::CheckScans => self.check_scans(),
            ArchiveCmd::Verify { kode } => match crate::app::admin::verify(&self.store, &kode) {
                Ok((true, teks)) => (Reply::ok(teks), Changed::Nothing),
                Ok((false, teks)) | Err(teks) => refused(teks),
            },
            ArchiveCmd::OpenScan { id } => match self.open_scan(id) {
                Ok(()) => (Reply::ok(""), Changed::Nothing),
                Err(e) => refused(e.to_string()),
            },
            ArchiveCmd::ExportList { list, path, format } => {
                let wake = self.waker.clone();
                let open = self.open_files;
                started(match format {
                    ListFormat::Pdf => self.jobs.export_list(*list, path, open, wake),
                    ListFormat::Xlsx => self.jobs.export_bytes(
                        "Membuat berkas Excel",
                        path,
                        open,
                        wake,
                        move || crate::formats::table::to_xlsx(&list),
                    ),
                })
            }
        }
    }

    /// Registers a signed version with its scan, if given: the scan is
    /// checked before anything is written; a scan that then cannot be
    /// attached leaves the entry registered and says so.
    fn register(&mut self, e: &NewArchive, scan: Option<&Path>) -> Applied {
        if let Some(Err(err)) = scan.map(crate::store::read_scan) {
            return refused(err.to_string());
        }
        let id = match self.store.register_archive(e) {
            Ok(id) => id,
            Err(err) => return refused(err.to_string()),
        };
        let mut msg = format!(
            "Terdaftar di arsip dengan nomor agenda {}",
            e.nomor_agenda.trim()
        );
        if let Some(p) = scan {
            match self.store.attach_scan(id, p) {
                Ok(_) => msg.push_str("; pindaian dilampirkan"),
                Err(err) => {
                    let m = format!("{msg}, tetapi pindaian tidak dilampirkan: {err}");
                    return (Reply::Err(m), Changed::Data);
                }
            }
        }
        (Reply::created(msg, Created::Archive(id)), Changed::Data)
    }

    /// Corrects an entry; a scan given replaces the attached one (and
    /// settles the last "Periksa berkas" finding for the entry).
    fn update_entry(&mut self, id: ArchiveId, e: &NewArchive, scan: Option<&Path>) -> Applied {
        let r = (|| -> crate::store::Result<()> {
            if let Some(p) = scan {
                crate::store::read_scan(p)?;
            }
            self.store.update_archive(id, e)?;
            if let Some(p) = scan {
                self.store.attach_scan(id, p)?;
            }
            Ok(())
        })();
        if r.is_ok()
            && scan.is_some()
            && let Some((_, found)) = self.view.scan_check.as_mut()
            && let Some(c) = found.iter_mut().find(|c| c.entry_id == id)
        {
            c.state = ScanState::Cocok;
        }
        stored(r, Changed::Data, |_| {
            Reply::ok(format!(
                "Entri arsip nomor agenda {} disimpan",
                e.nomor_agenda.trim()
            ))
        })
    }

    /// "Periksa berkas": every stored scan hashed again; the findings stay
    /// in the view until the next check.
    fn check_scans(&mut self) -> Applied {
        let found = match self.store.check_scans() {
            Ok(f) => f,
            Err(e) => return refused(e.to_string()),
        };
        let bad = found.iter().filter(|c| !c.state.ok()).count();
        let msg = if found.is_empty() {
            "Belum ada pindaian untuk diperiksa".to_string()
        } else if bad == 0 {
            format!("Periksa berkas: {} pindaian utuh", found.len())
        } else {
            format!(
                "Periksa berkas: {bad} dari {} pindaian hilang atau berubah",
                found.len()
            )
        };
        let at = self
            .view
            .kal
            .as_ref()
            .map(|k| k.ke_lokal(self.store.now()))
            .unwrap_or_default();
        self.view.scan_check = Some((at, found));
        if bad == 0 {
            (Reply::ok(msg), Changed::Nothing)
        } else {
            refused(msg)
        }
    }

    /// Opens an entry's stored scan in the system's viewer.
    fn open_scan(&self, id: ArchiveId) -> crate::store::Result<()> {
        let e = self.store.archive_entry(id)?;
        let scan = e.scan.ok_or_else(|| {
            StoreError::Invalid(format!(
                "Entri nomor agenda {} belum memiliki pindaian",
                e.entry.nomor_agenda
            ))
        })?;
        let path = self.store.scan_path(&scan);
        if !path.exists() {
            return Err(StoreError::Invalid(format!(
                "Berkas pindaian {} hilang dari folder data; lampirkan lagi atau pulihkan dari cadangan",
                path.display()
            )));
        }
        if self.open_files {
            crate::app::open_in_viewer(&path)
                .map_err(|e| StoreError::Invalid(format!("Pindaian {} {e}", path.display())))?;
        }
        Ok(())
    }
}
