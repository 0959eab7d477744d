//! Backups and restore.
//!
//! - The automatic daily backup: on the first start of each day a checked
//!   copy of the database goes into the `cadangan` folder beside it, and only
//!   the newest copies are kept.
//! - The full backup ("Cadangkan sekarang"): one .zip with the database and
//!   every scan of the archive register.
//! - Restore ("Pulihkan") from a full backup or a bare database copy: the
//!   file is checked first (a perkin database, schema not newer, integrity
//!   ok, every scan matching its hash) in a staging folder; only then is the
//!   current database kept as a full backup and replaced, under the writer
//!   lock, and the store reopens on the restored data.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

use super::archive::{SCAN_MAKS, sha256_hex, write_file_atomic};
use super::{AuditMeta, Result, SCAN_DIR, Store, StoreError, Written, io_message};

/// How many daily copies are kept.
pub const DAILY_BACKUPS_KEPT: usize = 14;

/// The daily copy's name: `perkin-2026-11-23.db`.
fn daily_name(day: NaiveDate) -> String {
    format!("perkin-{}.db", day.format("%Y-%m-%d"))
}

/// Whether `name` is a daily copy's name (and so may be rotated away).
fn is_daily(name: &str) -> bool {
    name.strip_prefix("perkin-")
        .and_then(|s| s.strip_suffix(".db"))
        .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
}

impl Store {
    /// The folder of the automatic backups: `cadangan` beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        self.path()
            .parent()
            .unwrap_or(Path::new("."))
            .join("cadangan")
    }

    /// Makes today's copy in `dir` unless it exists, then deletes the oldest
    /// daily copies beyond `keep`. Returns the new copy, or None when today
    /// already has one. Other files in the folder are never touched.
    pub fn daily_backup(
        &self,
        dir: &Path,
        today: NaiveDate,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        let io = |e: std::io::Error| StoreError::Io {
            path: dir.to_path_buf(),
            source: e,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let dest = dir.join(daily_name(today));
        let made = if dest.exists() {
            None
        } else {
            self.backup_to(&dest)?;
            Some(dest)
        };
        let mut daily: Vec<String> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_daily(n))
            .collect();
        // The names sort by date.
        daily.sort();
        let excess = daily.len().saturating_sub(keep.max(1));
        for old in &daily[..excess] {
            for side in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(dir.join(format!("{old}{side}")));
            }
            std::fs::remove_file(dir.join(old)).map_err(|e| {
                StoreError::Invalid(format!(
                    "Cadangan lama {old} tidak dapat dihapus: {}",
                    io_message(&e)
                ))
            })?;
        }
        Ok(made)
    }
}

/// The database inside a full backup.
const ZIP_DB: &str = "perkin.db";
/// A small description inside a full backup (for people who open the zip).
const ZIP_MANIFEST: &str = "perkin-cadangan.json";
/// The largest database a restore reads out of a zip: 4 GB.
const ZIP_DB_MAKS: u64 = 4 << 30;

/// Whether `name` is a stored scan's name: the SHA-256 in hex and the type.
fn is_scan_name(name: &str) -> bool {
    match name.split_once('.') {
        Some((hash, ext)) => {
            hash.len() == 64
                && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                && matches!(ext, "pdf" | "jpg" | "png")
        }
        None => false,
    }
}

/// The scans in a folder, by name (other files are not ours).
fn scans_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_str().is_some_and(is_scan_name))
        .map(|e| e.path())
        .collect();
    v.sort();
    v
}

/// The names of work folders start with this (hidden on Unix).
const WORK_PREFIX: &str = ".perkin-";

/// A folder inside the data folder for work in progress, removed when dropped.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new(store: &Store, what: &str) -> Result<WorkDir> {
        let base = store.path().parent().unwrap_or(Path::new("."));
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let name = format!(
            "{WORK_PREFIX}{what}-{}-{}-{}",
            std::process::id(),
            store.now().timestamp_nanos_opt().unwrap_or_default(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let dir = base.join(name);
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Io {
            path: dir.clone(),
            source: e,
        })?;
        Ok(WorkDir(dir))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A full backup taken: the database snapshot, ready to be written with the
/// scans into a zip (which may run off the UI thread).
pub struct FullBackup {
    work: WorkDir,
    scans: Vec<PathBuf>,
}

/// What a full backup holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupSummary {
    pub path: PathBuf,
    pub pindaian: usize,
    pub bytes: u64,
}

impl FullBackup {
    fn db(&self) -> PathBuf {
        self.work.0.join(ZIP_DB)
    }

    /// Writes the zip (through a temporary name, so a failure or a cancel
    /// leaves no half file). `progress` gets 0.0–1.0 and returns false to
    /// cancel.
    pub fn write(
        self,
        dest: &Path,
        progress: &mut dyn FnMut(f32) -> bool,
    ) -> Result<BackupSummary> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |e: std::io::Error| StoreError::Io { path, source: e }
        };
        let zip_err = |e: zip::result::ZipError| {
            StoreError::Invalid(format!("Cadangan tidak dapat ditulis: {e}"))
        };
        let mut tmp = dest.as_os_str().to_owned();
        tmp.push(".sementara");
        let tmp = PathBuf::from(tmp);
        let result = (|| {
            let file = std::fs::File::create(&tmp).map_err(io(&tmp))?;
            let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
            let deflate = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            // Scans are compressed already (PDF, JPEG, PNG): stored as they are.
            let stored = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored)
                .large_file(true);
            // The audit chain's length and head as this backup holds it:
            // an anchor outside the database, for `check` and for people.
            let head = Connection::open_with_flags(self.db(), OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(StoreError::from)
                .and_then(|c| super::evidence::chain_head(&c))?;
            let manifest = serde_json::json!({
                "aplikasi": "perkin",
                "skema": super::SCHEMA_VERSION,
                "basis_data": ZIP_DB,
                "rantai_log_audit": super::evidence::anchor_json(&head),
                "pindaian": self.scans.iter()
                    .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect::<Vec<_>>(),
            });
            zip.start_file(ZIP_MANIFEST, deflate).map_err(zip_err)?;
            zip.write_all(manifest.to_string().as_bytes())
                .map_err(io(&tmp))?;
            let db = self.db();
            zip.start_file(ZIP_DB, deflate).map_err(zip_err)?;
            std::io::copy(&mut std::fs::File::open(&db).map_err(io(&db))?, &mut zip)
                .map_err(io(&tmp))?;
            let n = self.scans.len().max(1) as f32;
            for (i, scan) in self.scans.iter().enumerate() {
                if !progress(0.2 + 0.8 * i as f32 / n) {
                    return Err(StoreError::Invalid("Dibatalkan oleh pengguna".into()));
                }
                let name = scan.file_name().unwrap_or_default().to_string_lossy();
                zip.start_file(format!("{SCAN_DIR}/{name}"), stored)
                    .map_err(zip_err)?;
                std::io::copy(&mut std::fs::File::open(scan).map_err(io(scan))?, &mut zip)
                    .map_err(io(&tmp))?;
            }
            let mut w = zip.finish().map_err(zip_err)?;
            w.flush().map_err(io(&tmp))?;
            let f = w.into_inner().map_err(|e| io(&tmp)(e.into_error()))?;
            f.sync_all().map_err(io(&tmp))?;
            std::fs::rename(&tmp, dest).map_err(io(dest))?;
            progress(1.0);
            Ok(BackupSummary {
                path: dest.to_path_buf(),
                pindaian: self.scans.len(),
                bytes: std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0),
            })
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// A backup file checked and unpacked, waiting for the user's yes.
pub struct Staged {
    work: WorkDir,
    scans: Vec<PathBuf>,
    /// The file picked.
    pub sumber: PathBuf,
    pub skema: i32,
    /// What it holds, in words, for the confirmation.
    pub ringkasan: String,
}

impl Staged {
    fn db(&self) -> PathBuf {
        self.work.0.join(ZIP_DB)
    }
}

/// What a file is, by its first bytes.
enum BackupKind {
    Sqlite,
    Zip,
}

fn backup_kind(src: &Path) -> Result<BackupKind> {
    let mut head = [0u8; 16];
    let mut n = 0;
    let mut f = std::fs::File::open(src).map_err(|e| StoreError::Io {
        path: src.to_path_buf(),
        source: e,
    })?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(not_backup(src));
    }
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => {
                return Err(StoreError::Io {
                    path: src.to_path_buf(),
                    source: e,
                });
            }
        }
    }
    if n == 16 && &head == b"SQLite format 3\0" {
        Ok(BackupKind::Sqlite)
    } else if n >= 4 && head[..4] == *b"PK\x03\x04" {
        Ok(BackupKind::Zip)
    } else {
        Err(not_backup(src))
    }
}

fn not_backup(src: &Path) -> StoreError {
    StoreError::Invalid(format!(
        "{} bukan cadangan perkin (bukan basis data perkin dan bukan berkas .zip cadangan perkin). Tidak ada yang diubah.",
        src.display()
    ))
}

/// Unpacks a full backup into `work`: the database and the scans, each scan
/// checked against the hash in its name. Returns the scans.
fn unzip(src: &Path, work: &Path) -> Result<Vec<PathBuf>> {
    let bad = |why: String| {
        StoreError::Invalid(format!(
            "{} bukan cadangan perkin yang utuh: {why}. Tidak ada yang diubah.",
            src.display()
        ))
    };
    let file = std::fs::File::open(src).map_err(|e| StoreError::Io {
        path: src.to_path_buf(),
        source: e,
    })?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| bad(format!("arsip .zip tidak terbaca ({e})")))?;
    let mut has_db = false;
    let mut scans = Vec::new();
    std::fs::create_dir_all(work.join(SCAN_DIR)).map_err(|e| StoreError::Io {
        path: work.to_path_buf(),
        source: e,
    })?;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| bad(format!("isi arsip rusak ({e})")))?;
        let name = entry
            .name()
            .map_err(|e| bad(format!("nama isi arsip tidak terbaca ({e})")))?
            .to_string();
        let (dest, limit) = if name == ZIP_DB {
            has_db = true;
            (work.join(ZIP_DB), ZIP_DB_MAKS)
        } else if let Some(scan) = name.strip_prefix(&format!("{SCAN_DIR}/"))
            && is_scan_name(scan)
        {
            (work.join(SCAN_DIR).join(scan), SCAN_MAKS)
        } else {
            // The manifest and anything else is not restored.
            continue;
        };
        let mut bytes = Vec::new();
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad(format!("{name} tidak terbaca ({e})")))?;
        if bytes.len() as u64 > limit {
            return Err(bad(format!("{name} terlalu besar")));
        }
        if dest.parent() == Some(&work.join(SCAN_DIR)) {
            let hash = name.rsplit('/').next().unwrap_or_default();
            if !hash.starts_with(&sha256_hex(&bytes)) {
                return Err(bad(format!(
                    "berkas pindaian {name} tidak sesuai hash-nya (rusak)"
                )));
            }
            scans.push(dest.clone());
        }
        std::fs::write(&dest, &bytes).map_err(|e| StoreError::Io {
            path: dest.clone(),
            source: e,
        })?;
    }
    if !has_db {
        return Err(bad(format!("tidak berisi {ZIP_DB}")));
    }
    Ok(scans)
}

/// Checks a staged database: ours, not newer, whole (full integrity check).
fn check_staged(db: &Path, src: &Path) -> Result<(i32, String)> {
    let version = super::inspect_db(db, true).map_err(|e| match e {
        StoreError::TooNew { found, known, .. } => StoreError::Invalid(format!(
            "{} dibuat oleh perkin yang lebih baru (skema versi {found}; versi ini mengenal sampai {known}). Perbarui perkin sebelum memulihkan. Tidak ada yang diubah.",
            src.display()
        )),
        StoreError::Foreign(_) | StoreError::NotSqlite(_) => not_backup(src),
        StoreError::Corrupt { detail, .. } => StoreError::Invalid(format!(
            "Basis data dalam {} rusak ({detail}). Tidak ada yang diubah.",
            src.display()
        )),
        other => other,
    })?;
    if version == 0 {
        return Err(not_backup(src));
    }
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Invalid(format!(
            "Basis data dalam {} rusak ({check}). Tidak ada yang diubah.",
            src.display()
        )));
    }
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap_or(0) };
    let last: Option<String> = conn
        .query_row("SELECT max(at) FROM audit_log", [], |r| r.get(0))
        .unwrap_or(None);
    let mut ringkasan = format!(
        "{} unit kerja, {} pejabat, {} Perjanjian Kinerja ({} versi), {} entri register arsip",
        count("SELECT count(*) FROM unit"),
        count("SELECT count(*) FROM official"),
        count("SELECT count(*) FROM agreement"),
        count("SELECT count(*) FROM agreement_version"),
        count("SELECT count(*) FROM archive_entry"),
    );
    if let Some(t) = last.and_then(|t| super::parse_ts(&t).ok()) {
        ringkasan.push_str(&format!(
            "; perubahan terakhir {}",
            crate::fmt::tanggal_jam(t.naive_utc())
        ));
        ringkasan.push_str(" UTC");
    }
    Ok((version, ringkasan))
}

impl Store {
    /// Takes the database snapshot of a full backup (quick, on the caller's
    /// thread); [`FullBackup::write`] then writes the zip.
    pub fn prepare_full_backup(&self) -> Result<FullBackup> {
        let work = WorkDir::new(self, "cadangan-sementara")?;
        self.backup_to(&work.0.join(ZIP_DB))?;
        Ok(FullBackup {
            work,
            scans: scans_in(&self.scan_dir()),
        })
    }

    /// Removes work folders left by a process that died while backing up
    /// or restoring (older than a day, so none still in use).
    pub fn clean_work_dirs(&self) {
        let base = self.path().parent().unwrap_or(Path::new("."));
        let day = std::time::Duration::from_secs(24 * 3600);
        for e in std::fs::read_dir(base).into_iter().flatten().flatten() {
            let stale = e
                .metadata()
                .ok()
                .filter(|m| m.is_dir())
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > day);
            if stale && e.file_name().to_string_lossy().starts_with(WORK_PREFIX) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }

    /// A full backup (database and scans) into one .zip file.
    pub fn full_backup(&self, dest: &Path) -> Result<BackupSummary> {
        self.prepare_full_backup()?.write(dest, &mut |_| true)
    }

    /// Checks a backup file (a full-backup .zip or a bare database copy) and
    /// unpacks it beside the database. Nothing of the current data changes.
    pub fn stage_restore(&self, src: &Path) -> Result<Staged> {
        let kind = backup_kind(src)?;
        let work = WorkDir::new(self, "pulihkan-sementara")?;
        let db = work.0.join(ZIP_DB);
        let scans = match kind {
            BackupKind::Zip => unzip(src, &work.0)?,
            BackupKind::Sqlite => {
                std::fs::copy(src, &db).map_err(|e| StoreError::Io {
                    path: src.to_path_buf(),
                    source: e,
                })?;
                // A copy taken beside its WAL: the WAL holds the latest commits.
                let mut wal = src.as_os_str().to_owned();
                wal.push("-wal");
                if Path::new(&wal).exists() {
                    let _ = std::fs::copy(&wal, work.0.join(format!("{ZIP_DB}-wal")));
                }
                Vec::new()
            }
        };
        let (skema, mut ringkasan) = check_staged(&db, src)?;
        if !scans.is_empty() {
            ringkasan.push_str(&format!("; {} berkas pindaian", scans.len()));
        }
        Ok(Staged {
            work,
            scans,
            sumber: src.to_path_buf(),
            skema,
            ringkasan,
        })
    }

    /// Replaces the data with a staged backup. The current database (with
    /// the scans) is first kept as a full backup in the backup folder; scans
    /// are added to the scan folder (none removed). On any failure the
    /// current database is put back and reopened. Returns the backup of the
    /// data replaced.
    pub fn restore(&mut self, staged: Staged) -> Result<PathBuf> {
        let stamp = self.now().format("%Y%m%d-%H%M%S");
        let dir = self.backup_dir();
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Io {
            path: dir.clone(),
            source: e,
        })?;
        let before = dir.join(format!("sebelum-pulihkan-{stamp}.zip"));
        self.full_backup(&before)?;
        let scan_dir = self.scan_dir();
        for scan in &staged.scans {
            let dest = scan_dir.join(scan.file_name().unwrap_or_default());
            let name = dest.file_name().unwrap_or_default().to_string_lossy();
            let intact = std::fs::read(&dest).is_ok_and(|b| name.starts_with(&sha256_hex(&b)));
            if !intact {
                let bytes = std::fs::read(scan).map_err(|e| StoreError::Io {
                    path: scan.clone(),
                    source: e,
                })?;
                std::fs::create_dir_all(&scan_dir)
                    .and_then(|_| write_file_atomic(&dest, &bytes))
                    .map_err(|e| StoreError::Io {
                        path: dest.clone(),
                        source: e,
                    })?;
            }
        }
        // Close the current database (a clean close checkpoints its WAL).
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        if let Err((conn, e)) = old.close() {
            self.conn = conn;
            return Err(e.into());
        }
        let path = self.path().to_path_buf();
        let side = |p: &Path, suffix: &str| {
            let mut s = p.as_os_str().to_owned();
            s.push(suffix);
            PathBuf::from(s)
        };
        let aside = side(&path, ".sebelum-pulihkan");
        let moves = ["", "-wal", "-shm"];
        let put_back = |store: &mut Store| -> Result<()> {
            for m in moves {
                let _ = std::fs::remove_file(side(&path, m));
                if side(&aside, m).exists() {
                    let _ = std::fs::rename(side(&aside, m), side(&path, m));
                }
            }
            store.conn = super::open_writer(&path)?;
            Ok(())
        };
        let swap = (|| -> std::io::Result<()> {
            for m in moves {
                let _ = std::fs::remove_file(side(&aside, m));
                if side(&path, m).exists() {
                    std::fs::rename(side(&path, m), side(&aside, m))?;
                }
            }
            std::fs::copy(staged.db(), &path)?;
            let wal = side(&staged.db(), "-wal");
            if wal.exists() {
                std::fs::copy(&wal, side(&path, "-wal"))?;
            }
            Ok(())
        })();
        if let Err(e) = swap {
            put_back(self)?;
            return Err(StoreError::Io { path, source: e });
        }
        let reopened = (|| -> Result<()> {
            self.conn = super::open_writer(&path)?;
            self.migrate()?;
            self.install_builtins()
        })();
        if let Err(e) = reopened {
            let _ = std::mem::replace(&mut self.conn, Connection::open_in_memory()?).close();
            put_back(self)?;
            return Err(e);
        }
        for m in moves {
            let _ = std::fs::remove_file(side(&aside, m));
        }
        let sumber = staged.sumber.display().to_string();
        let kept = before.display().to_string();
        self.write(AuditMeta::new("pulihkan", "basis_data"), |_| {
            Ok(Written::new(
                (),
                "",
                None,
                Some(serde_json::json!({
                    "sumber": sumber,
                    "cadangan_data_sebelumnya": kept,
                })),
            ))
        })?;
        Ok(before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_daily_names_rotate() {
        assert!(is_daily("perkin-2026-11-23.db"));
        assert!(!is_daily("perkin-2026-02-31.db"));
        assert!(!is_daily("perkin.db"));
        assert!(!is_daily("catatan-2026-11-23.db"));
        assert_eq!(
            daily_name(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            "perkin-2026-01-05.db"
        );
    }
}
