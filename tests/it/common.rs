//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
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
