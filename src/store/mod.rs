//! SQLite persistence. One file per office; WAL; foreign keys on; every user
//! action is one transaction that also appends its audit entry.
//!
//! Opening is careful never to alter a file that is not ours: the header is
//! read first, then the file is inspected read-only (application id, schema
//! version, quick check), and only then opened for writing and migrated.
//! A writer holds an OS lock on `<db>.lock`, so a second perkin process is
//! refused at once instead of failing later with a lock error.

mod agreement;
mod archive;
pub mod audit;
mod backup;
mod calendar;
mod cycle;
pub mod evidence;
mod exchange;
mod id;
mod office;
mod org;
mod plan;
mod sop;

pub use agreement::{Verified, verification_code};
pub use archive::{
    SCAN_DIR, SCAN_MAKS, ScanKind, codes_in, read_scan, scan_file_name, sha256_hex,
    write_file_atomic,
};
pub use backup::{BackupSummary, DAILY_BACKUPS_KEPT, FullBackup, Staged};
pub use cycle::{CycleRow, TaskRow};
pub use exchange::ImportSummary;

pub use office::{LOGO_MAKS, logo_mime};
pub use sop::TemplateRow;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction};
use serde_json::Value;

use crate::model::workflow::WorkflowError;

/// `PRAGMA application_id` of a perkin database: "PKIN".
pub const APPLICATION_ID: i32 = 0x504B_494E;

/// The migrations, in order; `PRAGMA user_version` is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_agreement_frozen.sql"),
    include_str!("migrations/003_archive.sql"),
    include_str!("migrations/004_identity.sql"),
    include_str!("migrations/005_kop_frozen.sql"),
    include_str!("migrations/006_row_digests.sql"),
    include_str!("migrations/007_verdicts_kept.sql"),
    include_str!("migrations/008_verification_code.sql"),
];

/// The migration from which every write keeps the digests of its rows.
const ROW_DIGESTS: i32 = 6;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// The operator recorded for what perkin itself installs.
pub const SYSTEM_OPERATOR: &str = "perkin (sistem)";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("Berkas {0} bukan basis data perkin (bukan berkas SQLite). Berkas tidak diubah.")]
    NotSqlite(PathBuf),
    #[error(
        "Berkas {0} adalah basis data SQLite milik aplikasi lain, bukan perkin. Berkas tidak diubah."
    )]
    Foreign(PathBuf),
    #[error("Basis data {path} rusak: {detail}. Berkas tidak diubah; pulihkan dari cadangan.")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "Basis data {path} dibuat oleh perkin yang lebih baru (skema versi {found}; versi ini mengenal sampai {known}). \
         Perbarui perkin. Basis data tidak diubah dan tidak diturunkan versinya."
    )]
    TooNew {
        path: PathBuf,
        found: i32,
        known: i32,
    },
    #[error(
        "Basis data {0} sedang dibuka oleh proses perkin lain. Tutup perkin yang lain terlebih dahulu."
    )]
    Locked(PathBuf),
    #[error("Tidak dapat mengakses {path}: {}", io_message(.source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Workflow(#[from] WorkflowError),
    #[error("{0}")]
    Target(#[from] crate::model::plan::TargetError),
    /// Input refused by a rule; the message says which and why.
    #[error("{0}")]
    Invalid(String),
    #[error("{0} tidak ditemukan")]
    NotFound(String),
}

impl From<crate::model::Invalid> for StoreError {
    fn from(e: crate::model::Invalid) -> Self {
        StoreError::Invalid(e.0)
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The OS's own messages are English (or the OS language): say in Indonesian
/// what happened.
pub fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "berkas atau folder tidak ada".into(),
        PermissionDenied => "tidak ada izin (folder atau berkas hanya dapat dibaca?)".into(),
        ReadOnlyFilesystem => "media penyimpanan hanya dapat dibaca".into(),
        StorageFull => "disk penuh".into(),
        InvalidData => "isinya bukan teks UTF-8".into(),
        AlreadyExists => "sudah ada".into(),
        IsADirectory => "yang dipilih adalah folder, bukan berkas".into(),
        NotADirectory => "salah satu folder pada jalurnya ternyata berkas, bukan folder".into(),
        _ => format!("kesalahan sistem berkas ({e})"),
    }
}

/// SQLite's own messages are English; say in Indonesian what the user can act on.
fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, msg) = e {
        let detail = msg.clone().unwrap_or_default();
        return match f.code {
            ErrorCode::DiskFull => {
                "Disk penuh: perubahan tidak disimpan. Kosongkan ruang disk lalu simpan lagi."
                    .into()
            }
            ErrorCode::ReadOnly => {
                "Folder data hanya dapat dibaca: perubahan tidak disimpan.".into()
            }
            ErrorCode::CannotOpen => {
                "Berkas basis data tidak dapat dibuka (periksa folder dan izinnya).".into()
            }
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                "Basis data sedang dipakai proses lain; coba lagi sebentar lagi.".into()
            }
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                "Basis data rusak; pulihkan dari cadangan.".into()
            }
            ErrorCode::ConstraintViolation => {
                if let Some(rule) = detail.strip_prefix("perkin: ") {
                    // A rule of perkin's own triggers: already Indonesian.
                    rule.to_string()
                } else if detail.contains("UNIQUE") {
                    format!("Data yang sama sudah ada ({detail}).")
                } else if detail.contains("FOREIGN KEY") {
                    "Data masih dipakai atau merujuk data yang tidak ada.".into()
                } else {
                    format!("Data tidak memenuhi aturan basis data ({detail}).")
                }
            }
            ErrorCode::SystemIoFailure => "Gagal menulis ke disk; perubahan tidak disimpan.".into(),
            _ => format!("Kesalahan basis data: {detail}"),
        };
    }
    format!("Kesalahan basis data: {e}")
}

/// The default database: `perkin.db` in the OS data folder.
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("id", "", "perkin").map(|d| d.data_dir().join("perkin.db"))
}

/// The name recorded as operator: the OS user.
pub fn os_operator() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "operator".to_string())
}

type Clock = Box<dyn Fn() -> DateTime<Utc> + Send>;

/// An open perkin database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Held for the lifetime of a writer; released by the OS if the process dies.
    _lock: Option<File>,
    operator: String,
    clock: Clock,
    /// Cycle templates already parsed, by their frozen TOML source: the
    /// views load every cycle, and parsing is the dearest part of that.
    parsed: std::sync::Mutex<std::collections::HashMap<String, crate::model::sop::SopTemplate>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// What the header of a file says before SQLite touches it.
enum FileKind {
    Absent,
    Empty,
    Sqlite,
}

fn inspect_file(path: &Path) -> Result<FileKind> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileKind::Absent),
        Err(e) => return Err(io(e)),
    };
    if f.metadata().map_err(io)?.is_dir() {
        return Err(StoreError::NotSqlite(path.to_path_buf()));
    }
    let mut header = [0u8; 16];
    let mut n = 0;
    while n < header.len() {
        match f.read(&mut header[n..]).map_err(io)? {
            0 => break,
            k => n += k,
        }
    }
    match n {
        0 => Ok(FileKind::Empty),
        16 if &header == b"SQLite format 3\0" => Ok(FileKind::Sqlite),
        _ => Err(StoreError::NotSqlite(path.to_path_buf())),
    }
}

/// Read-only inspection of an existing SQLite file: is it ours, not newer, intact?
pub(crate) fn inspect_db(path: &Path, pages: bool) -> Result<i32> {
    let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: sqlite_message(&e),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(corrupt)?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(corrupt)?;
    let version: i32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(corrupt)?;
    if app_id != APPLICATION_ID {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(corrupt)?;
        if app_id != 0 || tables > 0 {
            return Err(StoreError::Foreign(path.to_path_buf()));
        }
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if !pages {
        // The schema is read at least: a file cut short fails here.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(corrupt)?;
        return Ok(version);
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(corrupt)?;
    if check != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: check,
        });
    }
    Ok(version)
}

fn lock_path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".lock");
    PathBuf::from(s)
}

fn take_lock(db: &Path) -> Result<File> {
    let lp = lock_path(db);
    let f = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lp)
        .map_err(|source| StoreError::Io {
            path: lp.clone(),
            source,
        })?;
    // A lock still held for a moment is waited for: a perkin that is just
    // closing, or a child process between its fork and its exec (which
    // briefly shares the open lock file of its parent).
    for _ in 0..LOCK_TRIES {
        match f.try_lock() {
            Ok(()) => return Ok(f),
            Err(std::fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(StoreError::Io { path: lp, source });
            }
        }
    }
    Err(StoreError::Locked(db.to_path_buf()))
}

/// Tries at taking the writer lock, 50 ms apart (one second in all).
const LOCK_TRIES: usize = 20;

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// The writer's connection: WAL, foreign keys on.
pub(crate) fn open_writer(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    configure(&conn)?;
    let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Invalid(format!(
            "Mode jurnal WAL tidak dapat diaktifkan pada {} (mode: {mode})",
            path.display()
        )));
    }
    // NORMAL in WAL mode: a committed transaction survives a crash of the
    // process; only a power cut can lose the last few (never corrupts).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(conn)
}

impl Store {
    /// Opens (creating if absent) a database for writing, migrated to the
    /// latest schema, with the built-in SOP templates and calendar installed.
    pub fn open(path: &Path) -> Result<Store> {
        let kind = inspect_file(path)?;
        if let FileKind::Sqlite = kind {
            // A foreign or too new file is refused before a lock file is
            // made beside it; the page check waits for the lock.
            inspect_db(path, false)?;
        }
        if let FileKind::Absent = kind
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let lock = take_lock(path)?;
        // Inspect again under the lock: another process may have migrated meanwhile.
        if let FileKind::Sqlite = inspect_file(path)? {
            inspect_db(path, true)?;
        }
        let mut store = Store {
            conn: open_writer(path)?,
            path: path.to_path_buf(),
            _lock: Some(lock),
            operator: os_operator(),
            clock: Box::new(Utc::now),
            parsed: Default::default(),
        };
        store.migrate()?;
        store.install_builtins()?;
        Ok(store)
    }

    /// Opens an existing database read-only, without the writer lock (for
    /// checks and online backups while the app runs).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        match inspect_file(path)? {
            FileKind::Sqlite => {}
            FileKind::Absent => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "berkas tidak ada"),
                });
            }
            FileKind::Empty => return Err(StoreError::NotSqlite(path.to_path_buf())),
        }
        let version = inspect_db(path, true)?;
        if version == 0 {
            return Err(StoreError::NotSqlite(path.to_path_buf()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            _lock: None,
            operator: os_operator(),
            clock: Box::new(Utc::now),
            parsed: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The database's own identity: a random id written into it once (see
    /// migration 004). A moved, renamed or copied file keeps it; another
    /// database never has it.
    pub fn identity(&self) -> Result<String> {
        Ok(self.conn.query_row(evidence::IDENTITY, [], |r| r.get(0))?)
    }

    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// Sets the name recorded as operator in the audit log.
    pub fn set_operator(&mut self, name: &str) {
        if !name.trim().is_empty() {
            self.operator = name.trim().to_string();
        }
    }

    /// Replaces the clock used for audit timestamps (tests use a fixed one).
    pub fn set_clock(&mut self, clock: impl Fn() -> DateTime<Utc> + Send + 'static) {
        self.clock = Box::new(clock);
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// The connection: only the store speaks SQL.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Puts the store into (or out of) a fault, for fault drills: the
    /// window must keep what was typed and say what happened when the disk
    /// is full or the data folder is read-only. The bad-input tests drive
    /// the window through these.
    pub fn drill(&self, fault: Drill, on: bool) -> Result<()> {
        match (fault, on) {
            (Drill::ReadOnly, on) => self
                .conn
                .execute_batch(&format!("PRAGMA query_only = {}", u8::from(on)))?,
            (Drill::DiskFull, true) => {
                // The database may not grow by a single page: the next
                // write that needs one fails with "database or disk is full".
                self.conn.execute_batch("VACUUM")?;
                let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
                self.conn
                    .execute_batch(&format!("PRAGMA max_page_count = {pages}"))?;
            }
            (Drill::DiskFull, false) => self
                .conn
                .execute_batch("PRAGMA max_page_count = 1073741823")?,
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Applies the migrations not yet applied. When the row digests began
    /// with them, the rows as they stand become the evidence's baseline
    /// (migration 006 noted every one of them).
    fn migrate(&mut self) -> Result<()> {
        if self.apply_migrations()? < ROW_DIGESTS {
            let meta = AuditMeta {
                operator: Some(SYSTEM_OPERATOR),
                ..AuditMeta::new("garis_dasar", "basis_data")
            };
            self.write_rows(meta, true, |_| Ok(Written::new((), "", None, None)))?;
        }
        Ok(())
    }

    /// Applies the migrations not yet applied; the schema version found.
    fn apply_migrations(&mut self) -> Result<i32> {
        let current: i32 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", (i + 1) as i32)?;
            tx.commit()?;
        }
        Ok(current)
    }

    /// Runs one user action as one transaction, appending its audit entry.
    /// `f` does the writes and returns the result, the entity id and the
    /// before/after images for the audit log.
    pub(crate) fn write<T>(
        &mut self,
        entry: AuditMeta<'_>,
        f: impl FnOnce(&Transaction<'_>) -> Result<Written<T>>,
    ) -> Result<T> {
        self.write_rows(entry, false, f)
    }

    /// [`Store::write`]; `baseline`: the rows already noted (by migration
    /// 006) are kept and recorded too. Otherwise what was noted before the
    /// write began was changed outside perkin: it is dropped unrecorded,
    /// so `check` still finds it.
    fn write_rows<T>(
        &mut self,
        entry: AuditMeta<'_>,
        baseline: bool,
        f: impl FnOnce(&Transaction<'_>) -> Result<Written<T>>,
    ) -> Result<T> {
        let at = self.now();
        let operator = entry.operator.unwrap_or(&self.operator).to_string();
        let tx = self.conn.transaction()?;
        if !baseline {
            tx.execute("DELETE FROM audit_touched", [])?;
        }
        let w = f(&tx)?;
        let rows = evidence::take_touched(&tx)?;
        audit::append(
            &tx,
            &audit::NewEntry {
                at,
                operator: &operator,
                official_id: entry.official_id,
                action: entry.action,
                entity: entry.entity,
                entity_id: &w.entity_id,
                before: w.before.as_ref(),
                after: w.after.as_ref(),
                rows: rows.as_deref(),
            },
        )?;
        tx.commit()?;
        // The chain's head, outside the file. A write that succeeded is not
        // undone when its anchor cannot be written: `check` then compares
        // with the last anchor there is (a true prefix of the chain).
        let _ = evidence::write_anchor(&self.path, &self.conn);
        Ok(w.value)
    }

    /// An online backup into a new file, checked after writing.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Invalid(format!(
                "Berkas tujuan {} sudah ada; pilih nama lain agar tidak tertimpa",
                dest.display()
            )));
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            return Err(StoreError::Invalid(format!(
                "Folder tujuan {} tidak ada",
                dir.display()
            )));
        }
        self.conn
            .backup(
                rusqlite::MAIN_DB,
                dest,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .inspect_err(|_| {
                let _ = std::fs::remove_file(dest);
            })?;
        // The copy is one self-contained file: no WAL beside it (a copy
        // moved without its -wal file would lose data).
        let copy = Connection::open_with_flags(dest, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(StoreError::Invalid(format!(
                "Cadangan {} tidak dapat dijadikan satu berkas (mode jurnal {mode})",
                dest.display()
            )));
        }
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(StoreError::Corrupt {
                path: dest.to_path_buf(),
                detail: check,
            });
        }
        Ok(())
    }

    /// Integrity check, foreign keys and the audit hash chain. Every fault
    /// found is named; an empty list means the database is sound.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut faults = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if rows != ["ok"] {
            faults.extend(rows.into_iter().map(|r| format!("Integritas SQLite: {r}")));
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let fk: Vec<(String, Option<i64>, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (table, rowid, parent) in fk {
            faults.push(format!(
                "Kunci asing: baris {} pada tabel {table} merujuk {parent} yang tidak ada",
                rowid.map_or("?".to_string(), |r| r.to_string())
            ));
        }
        faults.extend(audit::verify_chain(&self.conn)?);
        faults.extend(evidence::check_schema(&self.conn, MIGRATIONS)?);
        faults.extend(evidence::check_rows(&self.conn)?);
        faults.extend(evidence::check_anchors(
            &self.conn,
            &self.path,
            &self.backup_dir(),
        )?);
        for trigger in ["audit_log_no_update", "audit_log_no_delete"] {
            let n: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [trigger],
                |r| r.get(0),
            )?;
            if n == 0 {
                faults.push(format!(
                    "Pemicu {trigger} hilang: log audit tidak lagi terlindung dari perubahan"
                ));
            }
        }
        Ok(faults)
    }
}

/// A fault the store can be put into for a drill ([`Store::drill`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drill {
    /// Every write refused, as on a read-only medium.
    ReadOnly,
    /// No room for a single new page.
    DiskFull,
}

/// Who and what an action is, for its audit entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AuditMeta<'a> {
    pub action: &'a str,
    pub entity: &'a str,
    /// The official the action is recorded for (e.g. a step's performer).
    pub official_id: Option<crate::model::id::OfficialId>,
    /// Overrides the store's operator (built-in installs).
    pub operator: Option<&'a str>,
}

impl<'a> AuditMeta<'a> {
    pub fn new(action: &'a str, entity: &'a str) -> Self {
        AuditMeta {
            action,
            entity,
            official_id: None,
            operator: None,
        }
    }
}

/// What a write returns to [`Store::write`].
pub(crate) struct Written<T> {
    pub value: T,
    pub entity_id: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl<T> Written<T> {
    pub fn new(
        value: T,
        entity_id: impl ToString,
        before: Option<Value>,
        after: Option<Value>,
    ) -> Self {
        Written {
            value,
            entity_id: entity_id.to_string(),
            before,
            after,
        }
    }
}

/// Serialises an audit image; serialising our own plain structs cannot fail,
/// but a failure would still be recorded rather than lost.
pub(crate) fn image<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_else(|e| Value::String(format!("(gagal diserialisasi: {e})")))
}

pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A stored timestamp (RFC 3339, UTC).
pub fn parse_time(s: &str) -> std::result::Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc))
}

pub(crate) fn parse_ts(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}
