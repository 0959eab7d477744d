//! Pengaturan → Cadangan and Riwayat: backups, restore and the audit log.

use super::{Applied, refused, started};
use crate::app::view::ChainState;
use crate::app::{App, AuditCmd, BackupCmd, Changed, Notice, Reply, jobs::Job};

impl App {
    pub(super) fn apply_backup(&mut self, c: BackupCmd) -> Applied {
        match c {
            BackupCmd::Now { path } => started(self.backup_now(path)),
            BackupCmd::Stage { path } => match self.store.stage_restore(&path) {
                Ok(staged) => {
                    self.staged = Some(staged);
                    (Reply::ok(""), Changed::Data)
                }
                Err(e) => refused(e.to_string()),
            },
            BackupCmd::Restore { confirmed: false } => {
                self.staged = None;
                (
                    Reply::ok("Pemulihan dibatalkan; data tidak berubah"),
                    Changed::Data,
                )
            }
            BackupCmd::Restore { confirmed: true } => self.restore(),
            BackupCmd::OpenDataFolder => match self.open_data_folder() {
                Ok(m) => (Reply::ok(m), Changed::Nothing),
                Err(e) => refused(e),
            },
        }
    }

    /// The folder of the database, opened in the file manager (only named
    /// when opening files is turned off, as in the tests).
    fn open_data_folder(&self) -> Result<String, String> {
        let path = self.store.path();
        let dir = match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => std::env::current_dir().unwrap_or_default(),
        };
        let dir = dir.canonicalize().unwrap_or(dir);
        if self.open_files {
            open::that_detached(&dir).map_err(|_| {
                format!(
                    "Folder data tidak dapat dibuka otomatis (tidak ada pengelola berkas yang terdaftar). Folder data: {}",
                    dir.display()
                )
            })?;
        }
        Ok(format!("Folder data: {}", dir.display()))
    }

    /// "Cadangkan sekarang" into `path`: the database snapshot is taken at
    /// once, the zip with the scans is written in the background.
    fn backup_now(&mut self, path: std::path::PathBuf) -> Result<(), String> {
        if self.jobs.backup.is_some() {
            return Err("Tunggu pencadangan yang sedang berjalan selesai".into());
        }
        let fb = self
            .store
            .prepare_full_backup()
            .map_err(|e| format!("Cadangan gagal: {e}"))?;
        self.jobs.backup = Some(Job::spawn(
            "Mencadangkan basis data dan pindaian",
            self.waker.clone(),
            move |p| {
                let s = fb
                    .write(&path, &mut |f| {
                        p.set(f);
                        !p.cancelled()
                    })
                    .map_err(|e| format!("Cadangan gagal: {e}"))?;
                Ok(format!(
                    "Cadangan lengkap disimpan di {} ({}, {} berkas pindaian)",
                    s.path.display(),
                    crate::fmt::ukuran(s.bytes),
                    s.pindaian
                ))
            },
        ));
        Ok(())
    }

    /// Replaces the data with the checked backup; the data before is kept
    /// as a backup of its own.
    fn restore(&mut self) -> Applied {
        if self.jobs.backup.is_some() {
            return refused("Tunggu pencadangan yang sedang berjalan selesai, lalu pulihkan lagi");
        }
        let Some(staged) = self.staged.take() else {
            return refused("Pilih berkas cadangan terlebih dahulu");
        };
        let sumber = staged.sumber.display().to_string();
        match self.store.restore(staged) {
            Ok(kept) => {
                self.open_agreement = None;
                let m = format!(
                    "Data dipulihkan dari {sumber}. Data sebelumnya disimpan sebagai cadangan {}",
                    kept.display()
                );
                (Reply::ok(m), Changed::Database)
            }
            Err(e) => (Reply::Err(e.to_string()), Changed::Data),
        }
    }

    pub(super) fn apply_audit(&mut self, c: AuditCmd) -> Applied {
        let r = match c {
            AuditCmd::Query { filter } => self.view.query_audit(&self.store, filter).map(|_| ()),
            AuditCmd::More => self.view.more_audit(&self.store).map(|_| ()),
            AuditCmd::Show { id } => {
                return match self.view.show_audit_row(&self.store, id) {
                    Ok(()) => (Reply::ok(""), Changed::Nothing),
                    Err(e) => refused(e.to_string()),
                };
            }
            AuditCmd::CheckChain => {
                self.check_chain();
                return (Reply::ok(""), Changed::Nothing);
            }
        };
        match r {
            Ok(()) => (Reply::ok(""), Changed::Nothing),
            Err(e) => refused(format!("Log audit tidak dapat dibaca: {e}")),
        }
    }

    /// Starts walking the audit hash chain on a connection of its own off
    /// the UI thread (a long log takes a while); Riwayat shows the progress
    /// and then the result. A check already running goes on.
    pub(crate) fn check_chain(&mut self) {
        if self.jobs.chain.is_some() {
            return;
        }
        let path = self.store.path().to_path_buf();
        self.jobs.chain = Some(Job::spawn(
            "Memeriksa rantai hash log audit",
            self.waker.clone(),
            move |p| {
                crate::store::audit::check_chain_file(&path, &mut |f| p.set(f))
                    .map_err(|e| e.to_string())
            },
        ));
        self.set_chain(ChainState::Berjalan(0.0));
    }

    /// Puts the chain check's state into the audit view (opening it).
    pub(crate) fn set_chain(&mut self, state: ChainState) {
        if self.view.audit.is_none()
            && let Err(e) = self.view.query_audit(&self.store, Default::default())
        {
            self.notices.push(Notice::err(e.to_string()));
        }
        if let Some(r) = self.view.audit.as_mut() {
            r.chain = state;
        }
    }
}
