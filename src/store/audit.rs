//! The audit log: append-only (triggers refuse UPDATE and DELETE) and
//! hash-chained. A row's hash is SHA-256 over the previous row's hash and the
//! row's own fields, so changing any row by hand breaks the chain at that row.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Result, ts};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub(crate) struct NewEntry<'a> {
    pub at: DateTime<Utc>,
    pub operator: &'a str,
    pub official_id: Option<i64>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<&'a Value>,
    pub after: Option<&'a Value>,
}

/// One row of the audit log as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub operator: String,
    pub official_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of a row's content chained to `prev_hash`. Fields are separated
/// by the unit separator and absent values marked, so no two different rows
/// share an input.
pub fn row_hash(r: &AuditRow) -> String {
    let mut h = Sha256::new();
    let opt = |s: &Option<String>| {
        s.as_deref()
            .map_or("\u{0}".to_string(), |v| format!("={v}"))
    };
    for part in [
        r.prev_hash.clone(),
        r.id.to_string(),
        r.at.clone(),
        r.operator.clone(),
        r.official_id.map_or("\u{0}".to_string(), |v| v.to_string()),
        r.action.clone(),
        r.entity.clone(),
        r.entity_id.clone(),
        opt(&r.before_json),
        opt(&r.after_json),
    ] {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn append(tx: &Transaction<'_>, e: &NewEntry<'_>) -> Result<i64> {
    let last: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (id, prev_hash) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let mut row = AuditRow {
        id,
        at: ts(e.at),
        operator: e.operator.to_string(),
        official_id: e.official_id,
        action: e.action.to_string(),
        entity: e.entity.to_string(),
        entity_id: e.entity_id.to_string(),
        before_json: e.before.map(|v| v.to_string()),
        after_json: e.after.map(|v| v.to_string()),
        prev_hash,
        hash: String::new(),
    };
    row.hash = row_hash(&row);
    tx.execute(
        "INSERT INTO audit_log (id, at, operator, official_id, action, entity, entity_id, before_json, after_json, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            row.id,
            row.at,
            row.operator,
            row.official_id,
            row.action,
            row.entity,
            row.entity_id,
            row.before_json,
            row.after_json,
            row.prev_hash,
            row.hash
        ],
    )?;
    Ok(id)
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        id: r.get(0)?,
        at: r.get(1)?,
        operator: r.get(2)?,
        official_id: r.get(3)?,
        action: r.get(4)?,
        entity: r.get(5)?,
        entity_id: r.get(6)?,
        before_json: r.get(7)?,
        after_json: r.get(8)?,
        prev_hash: r.get(9)?,
        hash: r.get(10)?,
    })
}

const SELECT: &str = "SELECT id, at, operator, official_id, action, entity, entity_id, before_json, after_json, prev_hash, hash FROM audit_log";

/// The newest `limit` rows, newest first.
pub fn recent(conn: &Connection, limit: usize) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id DESC LIMIT ?1"))?;
    let rows = stmt
        .query_map([limit as i64], read_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Walks the whole chain; names every row whose hash or link is wrong.
pub(crate) fn verify_chain(conn: &Connection) -> Result<Vec<String>> {
    let mut faults = Vec::new();
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut expected_id = 1;
    while let Some(r) = rows.next()? {
        let row = read_row(r)?;
        if row.id != expected_id {
            faults.push(format!(
                "Log audit: baris {} hilang (ditemukan baris {} sesudah baris {})",
                expected_id,
                row.id,
                expected_id - 1
            ));
        }
        if row.prev_hash != prev {
            faults.push(format!(
                "Log audit baris {}: rantai hash putus (hash sebelumnya tidak cocok dengan baris {})",
                row.id,
                row.id - 1
            ));
        }
        if row_hash(&row) != row.hash {
            faults.push(format!(
                "Log audit baris {}: isi baris telah diubah ({} {} pada {}; hash tidak cocok)",
                row.id, row.action, row.entity, row.at
            ));
        }
        prev = row.hash.clone();
        expected_id = row.id + 1;
    }
    Ok(faults)
}
