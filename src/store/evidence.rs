//! Evidence that holds: the rows every write touched, kept as digests in
//! its audit entry (and checked against the rows by `perkin check`), and
//! the schema compared with the one the migrations create.
//!
//! The triggers of migration 006 note every inserted, updated or deleted
//! row of a data table in `audit_touched`; [`take_touched`] turns the list
//! into `[[table, key, digest or null], …]` for the write's audit entry and
//! empties it. Replaying those lists in log order gives what every row must
//! be; [`check_rows`] compares that with the rows as they are.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, OptionalExtension, params_from_iter};
use sha2::{Digest, Sha256};

use super::Result;

/// The tables whose rows are kept as evidence: every table of the schema
/// but the log itself and the list of touched rows.
fn data_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT IN ('audit_log', 'audit_touched') ORDER BY name",
    )?;
    let names = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// How a table's rows are read: its key (the primary key columns as text,
/// joined by '/') and its content (every column quoted the SQLite way).
struct Shape {
    key: String,
    content: String,
    /// The primary key's columns, in key order.
    pk: Vec<String>,
}

impl Shape {
    /// `"pk1" = ?1 AND "pk2" = ?2`.
    fn by_key(&self) -> String {
        self.pk
            .iter()
            .enumerate()
            .map(|(i, n)| format!("\"{n}\" = ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

fn shape(conn: &Connection, table: &str) -> Result<Shape> {
    let mut stmt =
        conn.prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let cols: Vec<(String, i64)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut pk: Vec<(i64, &str)> = cols
        .iter()
        .filter(|(_, p)| *p > 0)
        .map(|(n, p)| (*p, n.as_str()))
        .collect();
    pk.sort();
    let key = pk
        .iter()
        .map(|(_, n)| format!("CAST(\"{n}\" AS TEXT)"))
        .collect::<Vec<_>>()
        .join(" || '/' || ");
    let content = cols
        .iter()
        .map(|(n, _)| format!("quote(\"{n}\")"))
        .collect::<Vec<_>>()
        .join(" || char(31) || ");
    Ok(Shape {
        key,
        content,
        pk: pk.iter().map(|(_, n)| n.to_string()).collect(),
    })
}

/// The digest of a row's content: 128 bits of SHA-256, in hex.
fn digest(content: &str) -> String {
    let h = Sha256::digest(content.as_bytes());
    h[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The rows the running write touched, each with the digest of what it
/// holds now (None: deleted), as the JSON of its audit entry; the list is
/// emptied. None when the write touched no row.
pub(crate) fn take_touched(conn: &Connection) -> Result<Option<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT DISTINCT tbl, kunci FROM audit_touched ORDER BY tbl, kunci")?;
    let touched: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if touched.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(touched.len());
    let mut tables: Vec<&str> = touched.iter().map(|(t, _)| t.as_str()).collect();
    tables.dedup();
    for table in tables {
        let s = shape(conn, table)?;
        let now = if s.pk.len() == 1 {
            // One query per table: the touched keys joined to the rows by
            // the primary key's index.
            current_by_join(conn, table, &s)?
        } else {
            HashMap::new()
        };
        for (_, kunci) in touched.iter().filter(|(t, _)| t == table) {
            let content = if s.pk.len() == 1 {
                now.get(kunci).cloned()
            } else {
                let parts: Vec<&str> = kunci.splitn(s.pk.len(), '/').collect();
                let sql = format!("SELECT {} FROM \"{table}\" WHERE {}", s.content, s.by_key());
                conn.prepare_cached(&sql)?
                    .query_row(params_from_iter(parts), |r| r.get::<_, String>(0))
                    .optional()?
            };
            out.push(serde_json::json!([
                table,
                kunci,
                content.as_deref().map(digest)
            ]));
        }
    }
    conn.execute("DELETE FROM audit_touched", [])?;
    Ok(Some(serde_json::Value::Array(out).to_string()))
}

/// The touched rows of a table with a one-column key that still exist:
/// key → content.
fn current_by_join(conn: &Connection, table: &str, s: &Shape) -> Result<HashMap<String, String>> {
    let sql = format!(
        "SELECT {key}, {content}
         FROM (SELECT DISTINCT kunci FROM audit_touched WHERE tbl = ?1) a
         CROSS JOIN \"{table}\" ON \"{pk}\" = a.kunci",
        pk = s.pk[0],
        key = s.key,
        content = s.content,
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// How many findings of one kind are named before "dan N lainnya".
const NAMED: usize = 20;

/// Replays the digests of the audit log and compares them with the rows:
/// every row changed, added or deleted outside perkin, by table and key.
/// Nothing is compared before the log holds its first list (a database
/// whose baseline was not yet written).
pub fn check_rows(conn: &Connection) -> Result<Vec<String>> {
    let mut expected: HashMap<(String, String), Option<String>> = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT rows_json FROM audit_log WHERE rows_json IS NOT NULL ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut any = false;
    let mut faults = Vec::new();
    while let Some(r) = rows.next()? {
        any = true;
        let text: String = r.get(0)?;
        let Ok(serde_json::Value::Array(list)) = serde_json::from_str(&text) else {
            faults.push("Log audit: daftar baris sebuah entri tidak terbaca".to_string());
            continue;
        };
        for item in list {
            if let Some([t, k, d]) = item.as_array().map(Vec::as_slice)
                && let (Some(t), Some(k)) = (t.as_str(), k.as_str())
            {
                expected.insert((t.into(), k.into()), d.as_str().map(String::from));
            }
        }
    }
    if !any {
        return Ok(faults);
    }
    let mut found: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for table in data_tables(conn)? {
        let s = shape(conn, &table)?;
        let sql = format!("SELECT {}, {} FROM \"{table}\"", s.key, s.content);
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let kunci: String = r.get(0)?;
            let content: String = r.get(1)?;
            let what = match expected.remove(&(table.clone(), kunci.clone())) {
                Some(Some(d)) if d == digest(&content) => continue,
                Some(Some(_)) => "diubah",
                _ => "ditambahkan",
            };
            found
                .entry(what)
                .or_default()
                .push(format!("{table} {kunci}"));
        }
    }
    for ((table, kunci), d) in expected {
        if d.is_some() {
            found
                .entry("dihapus")
                .or_default()
                .push(format!("{table} {kunci}"));
        }
    }
    for (what, mut list) in found {
        list.sort();
        let n = list.len();
        let named = list.into_iter().take(NAMED).collect::<Vec<_>>().join(", ");
        let more = if n > NAMED {
            format!(" dan {} lainnya", n - NAMED)
        } else {
            String::new()
        };
        faults.push(format!(
            "Data {what} di luar perkin (tidak tercatat di log audit), {n} baris (tabel dan kunci): {named}{more}"
        ));
    }
    Ok(faults)
}

/// (type, name) → the SQL of every schema object the migrations create.
fn schema_of(conn: &Connection) -> Result<BTreeMap<(String, String), String>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let sql: String = r.get(2)?;
            Ok((
                (r.get(0)?, r.get(1)?),
                sql.split_whitespace().collect::<Vec<_>>().join(" "),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn jenis(t: &str) -> &str {
    match t {
        "table" => "tabel",
        "index" => "indeks",
        "trigger" => "pemicu",
        "view" => "tampilan",
        other => other,
    }
}

/// Compares the schema of `conn` with the one the migrations create: every
/// table, index and trigger missing, added or altered is named.
pub fn check_schema(conn: &Connection, migrations: &[&str]) -> Result<Vec<String>> {
    let shipped = Connection::open_in_memory()?;
    for sql in migrations {
        shipped.execute_batch(sql)?;
    }
    let want = schema_of(&shipped)?;
    let mut have = schema_of(conn)?;
    let mut faults = Vec::new();
    for ((t, name), sql) in &want {
        match have.remove(&(t.clone(), name.clone())) {
            None => faults.push(format!(
                "Skema: {} {name} hilang (dibuat perkin, kini tidak ada)",
                jenis(t)
            )),
            Some(s) if &s != sql => faults.push(format!(
                "Skema: {} {name} diubah (tidak sama dengan yang dipasang perkin)",
                jenis(t)
            )),
            Some(_) => {}
        }
    }
    for (t, name) in have.keys() {
        faults.push(format!(
            "Skema: {} {name} tambahan (tidak dibuat perkin)",
            jenis(t)
        ));
    }
    Ok(faults)
}

/// The anchor beside the database: the audit chain's length and head hash
/// as of the last write, outside the file a forger would edit.
pub fn anchor_path(db: &std::path::Path) -> std::path::PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".jangkar");
    std::path::PathBuf::from(s)
}

/// The chain's (length, head hash) in `conn`; (0, GENESIS) when empty.
pub fn chain_head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .query_row(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, super::audit::GENESIS.to_string())))
}

/// The anchor as written: `{"panjang": n, "kepala": "…"}`.
pub fn anchor_json(head: &(i64, String)) -> serde_json::Value {
    serde_json::json!({ "panjang": head.0, "kepala": head.1 })
}

/// Writes the anchor after a write (through a temporary name; not synced to
/// disk: an anchor a crash left behind the chain is still a true prefix).
pub(crate) fn write_anchor(db: &std::path::Path, conn: &Connection) -> Result<()> {
    let head = chain_head(conn)?;
    let path = anchor_path(db);
    super::archive::write_through_temp(&path, anchor_json(&head).to_string().as_bytes(), false)
        .map_err(|source| super::StoreError::Io { path, source })
}

/// One anchor compared with the chain: a chain shorter than the anchor, or
/// with another hash at the anchor's length, is named with its source.
fn compare_anchor(
    conn: &Connection,
    len: i64,
    source: &str,
    n: i64,
    hash: &str,
) -> Result<Option<String>> {
    if len < n {
        return Ok(Some(format!(
            "Log audit lebih pendek ({len} entri) daripada yang tercatat di {source} ({n} entri): entri terakhir telah dihapus"
        )));
    }
    if n == 0 {
        return Ok(None);
    }
    let at: Option<String> = conn
        .query_row("SELECT hash FROM audit_log WHERE id = ?1", [n], |r| {
            r.get(0)
        })
        .optional()?;
    Ok((at.as_deref() != Some(hash)).then(|| {
        format!(
            "Log audit berbeda dari yang tercatat di {source} pada entri {n}: riwayat telah ditulis ulang"
        )
    }))
}

/// The (length, head, identity) of a backup database, if it reads.
fn backup_head(path: &std::path::Path) -> Option<(i64, String, Option<String>, String)> {
    let c = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let head = chain_head(&c).ok()?;
    let id = identity(&c);
    let last_at: String = c
        .query_row("SELECT coalesce(max(at), '') FROM audit_log", [], |r| {
            r.get(0)
        })
        .ok()?;
    Some((head.0, head.1, id, last_at))
}

/// The query of the database's identity (see migration 004).
pub(crate) const IDENTITY: &str = "SELECT value FROM app_setting WHERE key = 'identitas'";

/// The database's identity, if it has one.
fn identity(c: &Connection) -> Option<String> {
    c.query_row(IDENTITY, [], |r| r.get(0)).ok()
}

/// Compares the chain with every anchor found: the anchor file beside the
/// database, and each daily backup of this database in `backups` made
/// since its last restore (a restore rightly puts the chain back).
pub fn check_anchors(
    conn: &Connection,
    db: &std::path::Path,
    backups: &std::path::Path,
) -> Result<Vec<String>> {
    let mut faults = Vec::new();
    let (len, _) = chain_head(conn)?;
    let anchor = anchor_path(db);
    if let Ok(text) = std::fs::read_to_string(&anchor) {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        match (v["panjang"].as_i64(), v["kepala"].as_str()) {
            (Some(n), Some(h)) => {
                let source = format!("jangkar {}", anchor.display());
                faults.extend(compare_anchor(conn, len, &source, n, h)?);
            }
            _ => faults.push(format!(
                "Jangkar {} tidak terbaca: isinya telah diubah",
                anchor.display()
            )),
        }
    }
    let me = identity(conn);
    let restored: String = conn.query_row(
        "SELECT coalesce(max(at), '') FROM audit_log WHERE action = 'pulihkan'",
        [],
        |r| r.get(0),
    )?;
    let mut files: Vec<_> = std::fs::read_dir(backups)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "db"))
        .collect();
    files.sort();
    for f in files {
        let Some((n, h, id, last_at)) = backup_head(&f) else {
            continue;
        };
        if id != me || last_at < restored {
            continue;
        }
        let source = format!("cadangan {}", f.display());
        faults.extend(compare_anchor(conn, len, &source, n, &h)?);
    }
    Ok(faults)
}
