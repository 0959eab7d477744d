//! Helpers shared by the integration tests.

use chrono::{DateTime, NaiveDate, Utc};
use perkin::model::sop::{SopTemplate, sop_bawaan};
use perkin::model::worktime::Zona;

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
