//! The audit log: append-only (triggers refuse UPDATE and DELETE) and
//! hash-chained. A row's hash is SHA-256 over the previous row's hash and the
//! row's own fields, so changing any row by hand breaks the chain at that row.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value as SqlValue;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params, params_from_iter};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Result, Store, parse_ts, ts};
use crate::model::worktime::Kalender;

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub(crate) struct NewEntry<'a> {
    pub at: DateTime<Utc>,
    pub operator: &'a str,
    pub official_id: Option<crate::model::id::OfficialId>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<&'a Value>,
    pub after: Option<&'a Value>,
    /// The rows the write touched, with their digests (see `evidence`).
    pub rows: Option<&'a str>,
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
    /// The rows the write touched with their digests (entries written
    /// before migration 006 have none).
    pub rows_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRow {
    /// When the entry was written (None if `at` was altered into something
    /// that is no timestamp).
    pub fn waktu(&self) -> Option<DateTime<Utc>> {
        parse_ts(&self.at).ok()
    }
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
    // Only where present: the hashes of older entries stay as they were.
    if let Some(rows) = &r.rows_json {
        h.update(format!("={rows}").as_bytes());
        h.update([0x1f]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn append(tx: &Transaction<'_>, e: &NewEntry<'_>) -> Result<i64> {
    let (last, prev_hash) = super::evidence::chain_head(tx)?;
    let id = last + 1;
    let mut row = AuditRow {
        id,
        at: ts(e.at),
        operator: e.operator.to_string(),
        official_id: e.official_id.map(|o| o.0),
        action: e.action.to_string(),
        entity: e.entity.to_string(),
        entity_id: e.entity_id.to_string(),
        before_json: e.before.map(|v| v.to_string()),
        after_json: e.after.map(|v| v.to_string()),
        rows_json: e.rows.map(String::from),
        prev_hash,
        hash: String::new(),
    };
    row.hash = row_hash(&row);
    tx.execute(
        "INSERT INTO audit_log (id, at, operator, official_id, action, entity, entity_id, before_json, after_json, prev_hash, hash, rows_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
            row.hash,
            row.rows_json
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
        rows_json: r.get(11)?,
    })
}

const SELECT: &str = "SELECT id, at, operator, official_id, action, entity, entity_id, before_json, after_json, prev_hash, hash, rows_json FROM audit_log";

/// The newest `limit` rows, newest first.
pub fn recent(conn: &Connection, limit: usize) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id DESC LIMIT ?1"))?;
    let rows = stmt
        .query_map([limit as i64], read_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One row of the audit log by its id.
pub fn row(conn: &Connection, id: i64) -> Result<Option<AuditRow>> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], read_row)
        .optional()?)
}

/// The id of the newest row (0 for an empty log). The log only grows, so a
/// changed value means new entries.
pub fn last_id(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
            r.get(0)
        })?,
    )
}

/// What the audit view asks for. Every part is optional; an empty filter
/// matches every row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// First day, in the office's local time (inclusive).
    pub dari: Option<NaiveDate>,
    /// Last day, in the office's local time (inclusive).
    pub sampai: Option<NaiveDate>,
    /// An entity code exactly ("unit", "pejabat", …).
    pub entity: Option<String>,
    /// An operator name exactly.
    pub operator: Option<String>,
    /// Text searched (case-insensitively for ASCII letters) in the entity
    /// id, the action and the before/after images.
    pub cari: String,
}

impl AuditFilter {
    /// The UTC bounds of the date range: `at >= from` and `at < to`, as the
    /// stored RFC 3339 text compares. Local midnight of `dari` and local
    /// midnight of the day after `sampai`, in the office's zone.
    pub fn bounds(&self, kal: &Kalender) -> (Option<String>, Option<String>) {
        let midnight = |d: NaiveDate| ts(kal.dari_lokal(d.and_time(chrono::NaiveTime::MIN)));
        (
            self.dari.map(midnight),
            self.sampai
                .map(|d| d.succ_opt().map_or_else(|| "9999".to_string(), midnight)),
        )
    }

    /// The WHERE clause (with a leading " WHERE" if any) and its parameters.
    fn sql(&self, kal: &Kalender, before: Option<i64>) -> (String, Vec<SqlValue>) {
        let mut conds: Vec<String> = Vec::new();
        let mut p: Vec<SqlValue> = Vec::new();
        let mut add = |v: SqlValue, cond: &dyn Fn(usize) -> String| {
            p.push(v);
            conds.push(cond(p.len()));
        };
        let (from, to) = self.bounds(kal);
        if let Some(f) = from {
            add(SqlValue::Text(f), &|n| format!("at >= ?{n}"));
        }
        if let Some(t) = to {
            add(SqlValue::Text(t), &|n| format!("at < ?{n}"));
        }
        if let Some(e) = &self.entity {
            add(SqlValue::Text(e.clone()), &|n| format!("entity = ?{n}"));
        }
        if let Some(o) = &self.operator {
            add(SqlValue::Text(o.clone()), &|n| format!("operator = ?{n}"));
        }
        let cari = self.cari.trim();
        if !cari.is_empty() {
            let escaped = cari
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            add(SqlValue::Text(format!("%{escaped}%")), &|n| {
                let any = [
                    "entity_id",
                    "action",
                    "coalesce(before_json, '')",
                    "coalesce(after_json, '')",
                ]
                .map(|c| format!("{c} LIKE ?{n} ESCAPE '\\'"))
                .join(" OR ");
                format!("({any})")
            });
        }
        if let Some(b) = before {
            add(SqlValue::Integer(b), &|n| format!("id < ?{n}"));
        }
        let clause = if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        };
        (clause, p)
    }
}

/// One page of the filtered log, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    /// How many rows match the filter in all (every page).
    pub total: u64,
    /// Whether older matching rows follow this page.
    pub more: bool,
}

/// The rows matching `f`, newest first: at most `limit`, all older than
/// `before` when given (the next page starts before the last id of this
/// one). Filtering, ordering and limiting happen in SQLite.
pub fn query(
    conn: &Connection,
    kal: &Kalender,
    f: &AuditFilter,
    before: Option<i64>,
    limit: usize,
) -> Result<AuditPage> {
    let (clause, p) = f.sql(kal, None);
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM audit_log{clause}"),
        params_from_iter(p.iter()),
        |r| r.get(0),
    )?;
    let (clause, mut p) = f.sql(kal, before);
    p.push(SqlValue::Integer(limit as i64 + 1));
    let mut stmt = conn.prepare(&format!(
        "{SELECT}{clause} ORDER BY id DESC LIMIT ?{}",
        p.len()
    ))?;
    let mut rows = stmt
        .query_map(params_from_iter(p.iter()), read_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    Ok(AuditPage {
        rows,
        total: total as u64,
        more,
    })
}

/// The entity codes present in the log, sorted.
pub fn entities(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT entity FROM audit_log ORDER BY entity")?;
    let v = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// The operators present in the log, sorted.
pub fn operators(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT operator FROM audit_log ORDER BY operator")?;
    let v = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(v)
}

/// One fault of the hash chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainFault {
    /// The row where the fault shows (for a missing row: the row found in
    /// its place).
    pub row_id: i64,
    /// What is wrong, in Indonesian, naming the row.
    pub pesan: String,
}

/// The result of walking the whole chain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChainReport {
    /// Rows read and checked.
    pub checked: u64,
    /// The id of the newest row checked (0 for an empty log).
    pub last_id: i64,
    /// Every fault, in row order.
    pub faults: Vec<ChainFault>,
}

impl ChainReport {
    pub fn intact(&self) -> bool {
        self.faults.is_empty()
    }

    /// The first row where the chain breaks.
    pub fn first_broken(&self) -> Option<i64> {
        self.faults.iter().map(|f| f.row_id).min()
    }
}

/// Walks the whole chain in id order; names every row whose id, link or
/// hash is wrong.
pub fn check_chain(conn: &Connection) -> Result<ChainReport> {
    check_chain_with(conn, &mut |_| {})
}

/// [`check_chain`] on a read-only connection of its own to the database at
/// `path`, so another thread can walk a long log while the app writes (WAL:
/// the walk reads one consistent snapshot). `progress` gets 0.0 to 1.0.
pub fn check_chain_file(path: &Path, progress: &mut dyn FnMut(f32)) -> Result<ChainReport> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    check_chain_with(&conn, progress)
}

/// [`check_chain`], reporting progress (0.0 to 1.0) every thousand rows.
pub fn check_chain_with(conn: &Connection, progress: &mut dyn FnMut(f32)) -> Result<ChainReport> {
    let mut report = ChainReport::default();
    // One read transaction: the count and the walk see the same rows.
    let tx = conn.unchecked_transaction()?;
    let total = last_id(&tx)?.max(1) as f32;
    let mut stmt = tx.prepare(&format!("{SELECT} ORDER BY id"))?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut expected_id = 1;
    while let Some(r) = rows.next()? {
        let row = read_row(r)?;
        let mut fault = |pesan: String| {
            report.faults.push(ChainFault {
                row_id: row.id,
                pesan,
            })
        };
        if row.id != expected_id {
            fault(format!(
                "Log audit: baris {} hilang (ditemukan baris {} sesudah baris {})",
                expected_id,
                row.id,
                expected_id - 1
            ));
        }
        if row.prev_hash != prev {
            fault(format!(
                "Log audit baris {}: rantai hash putus (hash sebelumnya tidak cocok dengan baris {})",
                row.id,
                row.id - 1
            ));
        }
        if row_hash(&row) != row.hash {
            fault(format!(
                "Log audit baris {}: isi baris telah diubah ({} {} pada {}; hash tidak cocok)",
                row.id, row.action, row.entity, row.at
            ));
        }
        report.checked += 1;
        report.last_id = row.id;
        prev = row.hash;
        expected_id = row.id + 1;
        if report.checked.is_multiple_of(1000) {
            progress((row.id as f32 / total).min(1.0));
        }
    }
    progress(1.0);
    Ok(report)
}

/// The chain's faults as messages (for `Store::check`).
pub(crate) fn verify_chain(conn: &Connection) -> Result<Vec<String>> {
    Ok(check_chain(conn)?
        .faults
        .into_iter()
        .map(|f| f.pesan)
        .collect())
}

impl Store {
    /// The audit rows matching `f`, newest first, `limit` at a time (see
    /// [`query`]); dates are read in the office's time zone.
    pub fn audit_query(
        &self,
        f: &AuditFilter,
        before: Option<i64>,
        limit: usize,
    ) -> Result<AuditPage> {
        query(self.conn(), &self.calendar()?, f, before, limit)
    }

    /// One audit row by id.
    pub fn audit_row(&self, id: i64) -> Result<Option<AuditRow>> {
        row(self.conn(), id)
    }

    /// The id of the newest audit row (0 when empty).
    pub fn audit_last_id(&self) -> Result<i64> {
        last_id(self.conn())
    }

    /// The entity codes and the operators present in the log.
    pub fn audit_choices(&self) -> Result<(Vec<String>, Vec<String>)> {
        Ok((entities(self.conn())?, operators(self.conn())?))
    }

    /// Walks the hash chain; see [`check_chain`].
    pub fn audit_chain(&self) -> Result<ChainReport> {
        check_chain(self.conn())
    }
}

/// The Indonesian name of an entity code; an unknown code is shown as it is.
pub fn entity_label(code: &str) -> &str {
    match code {
        "instansi" => "Instansi",
        "logo_instansi" => "Logo kop surat",
        "unit" => "Unit kerja",
        "pejabat" => "Pejabat",
        "jam_kerja" => "Jam kerja",
        "hari_libur" => "Hari libur",
        "renstra_periode" => "Periode Renstra",
        "renstra_tujuan" => "Tujuan Renstra",
        "renstra_sasaran" => "Sasaran Renstra",
        "renstra_indikator" => "Indikator Renstra",
        "renstra_target" => "Target Renstra",
        "renja_tahun" => "Renja tahunan",
        "renja_item" => "Program/kegiatan Renja",
        "renja_indikator" => "Indikator Renja",
        "perjanjian" => "Perjanjian Kinerja",
        "templat_sop" => "Templat SOP",
        "sop" => "SOP",
        "siklus" => "Siklus SOP",
        "tugas" => "Langkah SOP",
        "excel" => "Berkas Excel",
        "arsip" => "Arsip",
        "cetak" => "Cetakan",
        "basis_data" => "Basis data",
        other => other,
    }
}

/// The Indonesian name of an action code; an unknown code is shown as it is.
pub fn action_label(code: &str) -> &str {
    match code {
        "tambah" => "Tambah",
        "ubah" => "Ubah",
        "hapus" => "Hapus",
        "pasang" => "Pasang",
        "perbarui" => "Perbarui",
        "simpan" => "Simpan",
        "mulai" => "Mulai",
        "impor" => "Impor",
        "ekspor" => "Ekspor",
        "aktifkan" => "Aktifkan",
        "nonaktifkan" => "Nonaktifkan",
        "naikkan" => "Pindah ke atas",
        "turunkan" => "Pindah ke bawah",
        "ajukan" => "Ajukan",
        "kembalikan" => "Kembalikan ke draf",
        "paraf" => "Paraf",
        "tandatangani" => "Tanda tangan",
        "perubahan" => "PK Perubahan",
        "selesai" => "Selesai",
        "setujui" => "Setujui",
        "tolak" => "Tolak",
        "daftar" => "Daftarkan",
        "lampirkan" => "Lampirkan",
        "cetak" => "Cetak",
        "pulihkan" => "Pulihkan",
        "garis_dasar" => "Garis dasar bukti",
        other => other,
    }
}

/// One field of a before/after comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field name (an array item: "[1]", "[2]", …); empty when the
    /// images are compared whole.
    pub field: String,
    /// The value before, as shown (None: the field was absent).
    pub before: Option<String>,
    pub after: Option<String>,
    pub changed: bool,
}

/// A stored field's name as the user reads it: the Indonesian label for
/// the names of perkin's own images, else the name with spaces.
pub fn field_label(key: &str) -> String {
    let known = match key {
        "lines" => "Baris kinerja",
        "budget" => "Anggaran",
        "level" => "Tingkat",
        "pihak_pertama" => "Pihak Pertama",
        "pihak_kedua" => "Pihak Kedua",
        "nomor_agenda" => "Nomor agenda",
        "diserahkan_kepada" => "Diserahkan kepada",
        "tanggal_serah" => "Tanggal serah",
        "version_id" | "versi_id" => "Versi (id)",
        "sha256" => "SHA-256",
        "mime" => "Jenis berkas",
        "bytes" => "Ukuran (bita)",
        "performer" => "Pelaksana",
        "note" => "Catatan",
        "reason" => "Alasan",
        "status" => "Status",
        "renja_item_id" => "Renja (id)",
        "indikator_id" => "Indikator (id)",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let spaced = key.replace('_', " ");
    let mut c = spaced.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A JSON value as a person reads it: text without quotes, `null` and
/// empty text as "(kosong)", true/false as ya/tidak, nested values pretty-printed.
pub fn show_value(v: &Value) -> String {
    match v {
        Value::Null => "(kosong)".into(),
        Value::Bool(true) => "ya".into(),
        Value::Bool(false) => "tidak".into(),
        // A fraction in the id-ID form (0,655); a whole number as stored
        // (years and ids read wrongly with thousands dots).
        Value::Number(n) if n.is_f64() => crate::fmt::angka_persis(n.as_f64().unwrap_or_default()),
        Value::Number(n) => n.to_string(),
        // A target as stored: {"angka": 95.5} or {"teks": "WTP"}.
        Value::Object(m) if m.len() == 1 && (m.contains_key("angka") || m.contains_key("teks")) => {
            m.values().next().map(show_value).unwrap_or_default()
        }
        Value::String(s) if s.is_empty() => "(kosong)".into(),
        Value::String(s) => s.clone(),
        other => serde_json::to_string_pretty(other).unwrap_or_else(|_| other.to_string()),
    }
}

/// An image as stored, parsed; text that is no JSON (a hand-edited row)
/// is kept as a string.
fn parse_image(s: Option<&str>) -> Option<Value> {
    s.map(|s| serde_json::from_str(s).unwrap_or_else(|_| Value::String(s.to_string())))
}

/// The fields of an object (or the items of an array) by name.
fn fields(v: &Value) -> Option<Vec<(String, &Value)>> {
    match v {
        Value::Object(m) => Some(m.iter().map(|(k, v)| (k.clone(), v)).collect()),
        Value::Array(a) => Some(
            a.iter()
                .enumerate()
                .map(|(i, v)| (format!("[{}]", i + 1), v))
                .collect(),
        ),
        _ => None,
    }
}

/// Compares a row's before and after images field by field when they are
/// JSON objects (or arrays: item by item), else as whole values.
pub fn compare(before: Option<&str>, after: Option<&str>) -> Vec<FieldChange> {
    let (b, a) = (parse_image(before), parse_image(after));
    let fb = b.as_ref().map(fields);
    let fa = a.as_ref().map(fields);
    // Field by field when every image present is of the same container kind.
    let same_kind = match (&b, &a) {
        (Some(x), Some(y)) => {
            matches!((x, y), (Value::Object(_), Value::Object(_)))
                || matches!((x, y), (Value::Array(_), Value::Array(_)))
        }
        _ => true,
    };
    match (fb, fa) {
        (Some(Some(fb)), Some(Some(fa))) if same_kind => {
            let objects = matches!(b, Some(Value::Object(_)));
            match objects.then(|| unwrap_after(&fb, &fa)).flatten() {
                Some(v) => v,
                None => merge(&fb, &fa, objects),
            }
        }
        (Some(Some(fb)), None) => merge(&fb, &[], false),
        (None, Some(Some(fa))) => merge(&[], &fa, false),
        (None, None) => Vec::new(),
        _ => vec![FieldChange {
            field: String::new(),
            changed: b != a,
            before: b.as_ref().map(show_value),
            after: a.as_ref().map(show_value),
        }],
    }
}

/// Field by field. With two objects, a field found in one only is a field
/// the other image does not record (the two are often different shapes,
/// e.g. a stored row before and the edit after): not a change, unless the
/// objects share no field at all. An item found in one array only is a
/// change (the list grew or shrank), as is every field of an image that is
/// only before or only after.
fn merge(b: &[(String, &Value)], a: &[(String, &Value)], objects: bool) -> Vec<FieldChange> {
    let mut names: Vec<&str> = b.iter().map(|(k, _)| k.as_str()).collect();
    for (k, _) in a {
        if !names.contains(&k.as_str()) {
            names.push(k);
        }
    }
    let find = |side: &[(String, &Value)], k: &str| {
        side.iter().find(|(n, _)| n == k).map(|(_, v)| (*v).clone())
    };
    let shared = b.iter().any(|(k, _)| a.iter().any(|(n, _)| n == k));
    names
        .into_iter()
        .map(|k| {
            let (vb, va) = (find(b, k), find(a, k));
            let changed = match (&vb, &va) {
                (Some(x), Some(y)) => x != y,
                (None, None) => false,
                _ => !objects || !shared,
            };
            FieldChange {
                field: k.to_string(),
                changed,
                before: vb.as_ref().map(|v| show_field(k, v)),
                after: va.as_ref().map(|v| show_field(k, v)),
            }
        })
        .collect()
}

/// A field's value in the Indonesian form its name calls for: an amount
/// of money as "Rp 1.250.000", a date as "29 Januari 2027", the rest as
/// [`show_value`].
pub fn show_field(field: &str, v: &Value) -> String {
    let money = ["anggaran", "pagu", "pagu_dpa"].contains(&field);
    match v {
        Value::Number(n) if money && n.is_i64() => {
            crate::fmt::rupiah(n.as_i64().unwrap_or_default())
        }
        Value::String(s) if s.len() == 10 => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        {
            Ok(d) => crate::fmt::tanggal(d),
            Err(_) => show_value(v),
        },
        _ => show_value(v),
    }
}

fn shares_a_field(x: &[(String, &Value)], y: &[(String, &Value)]) -> bool {
    x.iter().any(|(k, _)| y.iter().any(|(n, _)| n == k))
}

/// Objects that share no field, where one field of the after image holds
/// the same thing as the before image (a task step: the visit before, and
/// `{"ditutup": visit, "dibuka": [...]}` after): that field is compared
/// with the before image, the after image's other fields follow as new.
fn unwrap_after(b: &[(String, &Value)], a: &[(String, &Value)]) -> Option<Vec<FieldChange>> {
    if shares_a_field(b, a) {
        return None;
    }
    let (key, inner) = a.iter().find_map(|(k, v)| {
        let f = v.is_object().then(|| fields(v)).flatten()?;
        shares_a_field(b, &f).then_some((k, f))
    })?;
    let mut out = merge(b, &inner, true);
    let rest: Vec<(String, &Value)> = a.iter().filter(|(k, _)| k != key).cloned().collect();
    out.extend(merge(&[], &rest, false));
    Some(out)
}

/// At most `max` characters on one line, "…" when cut.
fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// What names a thing in an image: its nama, uraian, kode or the like.
fn name_of(v: &Value) -> Option<String> {
    let obj = v.as_object()?;
    let direct = [
        "nama_lengkap",
        "nama",
        "nama_instansi",
        "uraian",
        "judul",
        "nomor",
        "kode",
        "nomor_agenda",
        "tanggal",
    ]
    .iter()
    .find_map(|k| match obj.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() && *k == "nomor_agenda" => {
            Some(format!("nomor agenda {s}"))
        }
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    });
    // A wrapped image, e.g. {"item": {...}, "indikator": [...]}.
    direct.or_else(|| {
        obj.values()
            .find_map(|v| v.is_object().then(|| name_of(v)).flatten())
    })
}

/// A one-line summary of an entry for the list: what was added or removed,
/// or which fields changed (with the values when a single field did).
pub fn summary(row: &AuditRow) -> String {
    let what = details(row);
    let (b, a) = (
        parse_image(row.before_json.as_deref()),
        parse_image(row.after_json.as_deref()),
    );
    let name = a
        .as_ref()
        .and_then(name_of)
        .or_else(|| b.as_ref().and_then(name_of));
    // Something added or removed is named in the sentence already.
    let what = match (&b, &a, &name) {
        (None, Some(_), Some(_)) | (Some(_), None, Some(_)) if row.entity != "cetak" => {
            String::new()
        }
        _ => what,
    };
    if row.entity == "cetak" {
        return one_line(&format!("Cetak {what}"), 200);
    }
    // "Unit kerja" is a common noun inside a sentence ("target Renstra",
    // "langkah SOP"); "Perjanjian Kinerja" and "SOP" keep their capitals.
    let mut entity = entity_label(&row.entity).to_string();
    let proper = entity.starts_with("Perjanjian Kinerja") || entity == "SOP";
    if let (false, Some(f)) = (proper, entity.get(..1)) {
        entity = f.to_lowercase() + &entity[1..];
    }
    let mut s = format!("{} {entity}", action_label(&row.action));
    if let Some(n) = name {
        s.push_str(&format!(" \"{}\"", one_line(&n, 60)));
    }
    if !what.is_empty() {
        s.push_str(": ");
        s.push_str(&what);
    }
    one_line(&s, 200)
}

/// What an entry changed, for [`summary`]: what was added or removed, or
/// each changed field as "lama → baru".
fn details(row: &AuditRow) -> String {
    const MAX: usize = 140;
    let (b, a) = (
        parse_image(row.before_json.as_deref()),
        parse_image(row.after_json.as_deref()),
    );
    let whole = |v: &Value| one_line(&v.to_string(), MAX);
    match (&b, &a) {
        (None, None) => String::new(),
        // A print: how many copies, and why.
        (None, Some(a)) if row.entity == "cetak" => {
            let n = a.get("rangkap").and_then(Value::as_i64).unwrap_or_default();
            let why = match a.get("tujuan").and_then(Value::as_str) {
                Some("tanda_tangan") => "untuk ditandatangani",
                _ => "salinan",
            };
            format!("{n} rangkap, {why}")
        }
        // The target table: "Target 2025 indikator #1: 0,66; …".
        (_, Some(Value::Array(list))) if row.entity == "renstra_target" => {
            let one = |t: &Value| -> Option<String> {
                let [ind, tahun, target] = t.as_array()?.as_slice() else {
                    return None;
                };
                let v = match target {
                    Value::Null => "dihapus".to_string(),
                    t => show_value(t),
                };
                Some(format!("target {tahun} indikator #{ind}: {v}"))
            };
            let parts: Vec<String> = list.iter().filter_map(one).collect();
            let s = parts.join("; ");
            let mut c = s.chars();
            let s = c
                .next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect());
            one_line(&s, MAX)
        }
        (None, Some(a)) => one_line(
            &format!("Baru: {}", name_of(a).unwrap_or_else(|| whole(a))),
            MAX,
        ),
        (Some(b), None) => one_line(
            &format!("Dihapus: {}", name_of(b).unwrap_or_else(|| whole(b))),
            MAX,
        ),
        // A task step closed: who did it, with the note or the reason.
        (Some(_), Some(a))
            if a.pointer("/ditutup/performer")
                .and_then(Value::as_str)
                .is_some_and(|p| !p.trim().is_empty()) =>
        {
            let text = |p: &str| {
                a.pointer(p)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            let mut s = format!("Oleh {}", text("/ditutup/performer").unwrap_or_default());
            if let Some(n) = text("/ditutup/note") {
                s.push_str(&format!("; catatan: {n}"));
            }
            if let Some(r) = text("/ditutup/reason") {
                s.push_str(&format!("; alasan: {r}"));
            }
            one_line(&s, MAX)
        }
        (Some(_), Some(_)) => {
            let changes: Vec<FieldChange> =
                compare(row.before_json.as_deref(), row.after_json.as_deref())
                    .into_iter()
                    .filter(|c| c.changed)
                    .collect();
            let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
            match changes.as_slice() {
                [] => "Tanpa perubahan isi".into(),
                [c] if c.field.is_empty() => {
                    one_line(&format!("{} → {}", shown(&c.before), shown(&c.after)), MAX)
                }
                [c] => one_line(
                    &format!(
                        "{}: {} → {}",
                        field_label(&c.field),
                        shown(&c.before),
                        shown(&c.after)
                    ),
                    MAX,
                ),
                many => {
                    let each: Vec<String> = many
                        .iter()
                        .take(3)
                        .map(|c| {
                            format!(
                                "{}: {} → {}",
                                field_label(&c.field),
                                one_line(&shown(&c.before), 30),
                                one_line(&shown(&c.after), 30)
                            )
                        })
                        .collect();
                    let rest = many.len() - each.len();
                    let mut s = each.join("; ");
                    if rest > 0 {
                        s.push_str(&format!("; dan {rest} kolom lain"));
                    }
                    one_line(&s, MAX)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(before: Option<&str>, after: Option<&str>) -> AuditRow {
        AuditRow {
            id: 1,
            at: "2026-11-23T03:00:00Z".into(),
            operator: "budi".into(),
            official_id: None,
            action: "ubah".into(),
            entity: "unit".into(),
            entity_id: "1".into(),
            before_json: before.map(String::from),
            after_json: after.map(String::from),
            rows_json: None,
            prev_hash: GENESIS.into(),
            hash: String::new(),
        }
    }

    #[test]
    fn target_edits_and_fractions_read_in_indonesian() {
        let mut r = row(None, Some(r#"[[8,2029,null],[1,2025,{"angka":0.66}]]"#));
        r.entity = "renstra_target".into();
        assert_eq!(
            summary(&r),
            "Ubah target Renstra: Target 2029 indikator #8: dihapus; target 2025 indikator #1: 0,66"
        );
        assert_eq!(show_value(&serde_json::json!(0.655)), "0,655");
        assert_eq!(show_value(&serde_json::json!(2029)), "2029");
        assert_eq!(show_value(&serde_json::json!({"teks": "WTP"})), "WTP");
    }

    #[test]
    fn labels_name_known_codes_and_keep_unknown_ones() {
        assert_eq!(entity_label("renstra_indikator"), "Indikator Renstra");
        assert_eq!(entity_label("arsip"), "Arsip");
        assert_eq!(entity_label("basis_data"), "Basis data");
        assert_eq!(entity_label("kode_baru"), "kode_baru");
        assert_eq!(action_label("tandatangani"), "Tanda tangan");
        assert_eq!(action_label("pulihkan"), "Pulihkan");
        assert_eq!(action_label("lampirkan"), "Lampirkan");
        assert_eq!(action_label("aksi_baru"), "aksi_baru");
    }

    #[test]
    fn objects_compare_field_by_field() {
        let c = compare(
            Some(r#"{"id":3,"nama":"Lama","urutan":1,"induk":{"id":1,"kode":"A"},"aktif":true}"#),
            Some(
                r#"{"nama":"Baru","urutan":1,"induk":{"id":2,"kode":"A"},"aktif":false,"catatan":null}"#,
            ),
        );
        let get = |f: &str| c.iter().find(|x| x.field == f).unwrap().clone();
        assert_eq!(
            get("nama"),
            FieldChange {
                field: "nama".into(),
                before: Some("Lama".into()),
                after: Some("Baru".into()),
                changed: true
            }
        );
        assert!(!get("urutan").changed);
        // Absent from the edit: not recorded there, not a change.
        assert_eq!((get("id").after, get("id").changed), (None, false));
        assert_eq!(
            (get("catatan").before, get("catatan").changed),
            (None, false)
        );
        assert_eq!(get("catatan").after.as_deref(), Some("(kosong)"));
        assert_eq!(get("aktif").before.as_deref(), Some("ya"));
        assert_eq!(get("aktif").after.as_deref(), Some("tidak"));
        // Nested values pretty-printed.
        assert_eq!(
            get("induk").after.as_deref(),
            Some("{\n  \"id\": 2,\n  \"kode\": \"A\"\n}")
        );
        assert!(get("induk").changed);
        assert_eq!(c.len(), 6);
    }

    #[test]
    fn new_removed_whole_and_unreadable_images() {
        let c = compare(None, Some(r#"{"nama":"Baru"}"#));
        assert_eq!(c.len(), 1);
        assert!(c[0].changed && c[0].before.is_none());
        let c = compare(Some("[1,2]"), Some("[1,3,4]"));
        assert_eq!(
            c.iter()
                .map(|x| (x.field.as_str(), x.changed))
                .collect::<Vec<_>>(),
            [("[1]", false), ("[2]", true), ("[3]", true)]
        );
        // Different shapes: compared whole.
        let c = compare(Some("5"), Some(r#"{"a":1}"#));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "");
        assert!(c[0].changed);
        // Images sharing no field: every field is a change.
        let c = compare(Some(r#"{"a":1}"#), Some(r#"{"b":2}"#));
        assert!(c.iter().all(|x| x.changed));
        // The after image wraps the thing the before image is.
        let c = compare(
            Some(r#"{"note":"","outcome":null,"seq":2}"#),
            Some(r#"{"dibuka":[3],"ditutup":{"note":"Beres","outcome":"selesai","seq":2}}"#),
        );
        assert_eq!(
            c.iter()
                .map(|x| (x.field.as_str(), x.changed))
                .collect::<Vec<_>>(),
            [
                ("note", true),
                ("outcome", true),
                ("seq", false),
                ("dibuka", true)
            ]
        );
        assert_eq!(c[0].after.as_deref(), Some("Beres"));
        // A hand-edited image that is no JSON is shown as it is.
        let c = compare(Some("bukan json"), None);
        assert_eq!(c[0].before.as_deref(), Some("bukan json"));
        assert!(compare(None, None).is_empty());
    }

    #[test]
    fn summaries_say_what_happened_in_one_line() {
        let as_ = |action: &str, entity: &str, mut r: AuditRow| {
            r.action = action.into();
            r.entity = entity.into();
            summary(&r)
        };
        assert_eq!(
            as_(
                "tambah",
                "unit",
                row(None, Some(r#"{"kode":"B1","nama":"Bidang Satu"}"#))
            ),
            "Tambah unit kerja \"Bidang Satu\""
        );
        assert_eq!(
            as_(
                "hapus",
                "renja_item",
                row(
                    Some(r#"{"item":{"nama":"Kegiatan X"},"indikator":[]}"#),
                    None
                )
            ),
            "Hapus program/kegiatan Renja \"Kegiatan X\""
        );
        assert_eq!(
            summary(&row(
                Some(r#"{"id":1,"nama":"A","kode":"K"}"#),
                Some(r#"{"nama":"B","kode":"K"}"#)
            )),
            "Ubah unit kerja \"B\": Nama: A → B"
        );
        assert_eq!(
            summary(&row(
                Some(r#"{"a":1,"b":1,"c":1,"d":1,"e":1,"f":1}"#),
                Some(r#"{"a":2,"b":2,"c":2,"d":2,"e":2,"f":1}"#)
            )),
            "Ubah unit kerja: A: 1 → 2; B: 1 → 2; C: 1 → 2; dan 2 kolom lain"
        );
        assert_eq!(
            summary(&row(Some(r#"{"a":1}"#), Some(r#"{"a":1}"#))),
            "Ubah unit kerja: Tanpa perubahan isi"
        );
        assert_eq!(
            summary(&row(Some("3"), Some("4"))),
            "Ubah unit kerja: 3 → 4"
        );
        // Money and dates in the Indonesian form.
        assert_eq!(
            as_(
                "ubah",
                "renja_item",
                row(
                    Some(r#"{"nama":"P","pagu":1000000,"tanggal":"2027-01-06"}"#),
                    Some(r#"{"nama":"P","pagu":1250000,"tanggal":"2027-01-29"}"#)
                )
            ),
            "Ubah program/kegiatan Renja \"P\": Pagu: Rp 1.000.000 → Rp 1.250.000; Tanggal: 6 Januari 2027 → 29 Januari 2027"
        );
        assert_eq!(
            as_(
                "tolak",
                "tugas",
                row(
                    Some(r#"{"note":"","performer":""}"#),
                    Some(
                        r#"{"dibuka":[],"ditutup":{"note":"","performer":"Sri Wahyuni","reason":"Target belum sesuai"}}"#
                    )
                )
            ),
            "Tolak langkah SOP: Oleh Sri Wahyuni; alasan: Target belum sesuai"
        );
        assert_eq!(
            as_(
                "tambah",
                "perjanjian",
                row(
                    None,
                    Some(r#"{"nomor":"800/1/2027","tanggal":"2027-01-29"}"#)
                )
            ),
            "Tambah Perjanjian Kinerja \"800/1/2027\""
        );
        assert_eq!(
            as_(
                "daftar",
                "arsip",
                row(
                    None,
                    Some(r#"{"nomor_agenda":"007","tanggal":"2027-02-01","rangkap":2}"#)
                )
            ),
            "Daftarkan arsip \"nomor agenda 007\""
        );
        assert_eq!(
            as_(
                "cetak",
                "cetak",
                row(
                    None,
                    Some(r#"{"rangkap":3,"tujuan":"salinan","versi_id":3}"#)
                )
            ),
            "Cetak 3 rangkap, salinan"
        );
        let long = format!(r#"{{"nama":"{}"}}"#, "x".repeat(300));
        let s = summary(&row(None, Some(&long)));
        assert!(s.chars().count() <= 200 && s.contains('…'), "{s}");
    }
}
