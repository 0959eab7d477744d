//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use perkin::model::agreement::{Status, VersionDoc};
use perkin::model::sop::{SopTemplate, sop_bawaan};
use perkin::model::worktime::Zona;
use perkin::store::Store;

/// A local WIB instant as UTC.
pub fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    local_in(Zona::Wib, y, m, d, h, min)
}

pub fn local_in(zona: Zona, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let naive = NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap();
    naive
        .and_local_timezone(zona.offset())
        .unwrap()
        .with_timezone(&Utc)
}

/// A built-in template by its kode.
pub fn template(kode: &str) -> SopTemplate {
    sop_bawaan()
        .iter()
        .find(|b| b.kode == kode)
        .unwrap_or_else(|| panic!("no built-in {kode}"))
        .muat()
        .unwrap()
}

/// A fresh temporary folder (removed when dropped).
pub fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

pub fn db_in(dir: &Path) -> PathBuf {
    dir.join("perkin.db")
}

/// A new store with a fixed clock.
pub fn store_at(path: &Path, now: DateTime<Utc>) -> Store {
    let mut s = Store::open(path).unwrap();
    s.set_clock(move || now);
    s.set_operator("penguji");
    s
}

/// A store on a new database in `dir`, with the demo office made at `now`.
pub fn demo_store(dir: &Path, now: DateTime<Utc>) -> Store {
    let mut s = store_at(&db_in(dir), now);
    perkin::demo::create(&mut s, now).unwrap();
    s
}

/// The perkin binary built for these tests.
pub fn perkin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_perkin"));
    c.env_remove("RUST_LOG");
    c
}

pub struct Run {
    pub code: i32,
    pub out: String,
    pub err: String,
}

pub fn run(args: &[&str]) -> Run {
    let o = perkin().args(args).output().unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn sha(path: &Path) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

/// A second connection on the store's file. Only the store's own tests of
/// its SQL use one: to read what a query of the store would not show, or to
/// tamper with the file as someone with the sqlite3 shell would.
pub fn raw(s: &Store) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(s.path()).unwrap();
    c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    c
}

/// How many records of a kind the database holds, read through the
/// store's own API.
#[derive(Clone, Copy, Debug)]
pub enum Rows {
    Units,
    Officials,
    Holidays,
    Indicators,
    Targets,
    /// Renja items of every year.
    RenjaItems,
    ArchiveEntries,
    /// Entries of the audit log (append-only: its newest id).
    Audit,
    /// Task visits of every cycle.
    Visits,
    /// Agreement versions of every year in this status.
    Versions(Status),
}

pub fn rows_in(s: &Store, what: Rows) -> usize {
    let indicators = || -> Vec<perkin::model::plan::IndikatorRow> {
        s.renstra_periods()
            .unwrap()
            .iter()
            .flat_map(|p| s.renstra_tree(p.id).unwrap())
            .flat_map(|t| t.sasaran)
            .flat_map(|x| x.indikator)
            .collect()
    };
    match what {
        Rows::Units => s.units().unwrap().len(),
        Rows::Officials => s.officials().unwrap().len(),
        Rows::Holidays => s.calendar().unwrap().libur.len(),
        Rows::Indicators => indicators().len(),
        Rows::Targets => indicators().iter().map(|i| i.targets.len()).sum(),
        Rows::RenjaItems => s
            .renja_years()
            .unwrap()
            .iter()
            .map(|y| s.renja_items(y.tahun).unwrap().len())
            .sum(),
        Rows::ArchiveEntries => s.archive_entries(None).unwrap().len(),
        Rows::Audit => s.audit_last_id().unwrap() as usize,
        Rows::Visits => s
            .cycles()
            .unwrap()
            .iter()
            .map(|c| s.load_cycle(c.id).unwrap().visits.len())
            .sum(),
        Rows::Versions(status) => versions(s).iter().filter(|v| v.status == status).count(),
    }
}

/// Every version of every agreement of every year.
pub fn versions(s: &Store) -> Vec<VersionDoc> {
    s.agreement_years()
        .unwrap()
        .into_iter()
        .flat_map(|y| s.agreements(y).unwrap())
        .flat_map(|a| s.versions(a.id).unwrap())
        .map(|(id, _, _)| s.version(id).unwrap())
        .collect()
}
