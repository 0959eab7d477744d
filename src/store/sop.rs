//! SOP templates: the built-ins from assets/sop are installed (and kept up to
//! date) at open; the TOML source is stored and parsed on load.

use rusqlite::{OptionalExtension, params};
use serde_json::json;
use sha2::{Digest, Sha256};

use super::{AuditMeta, Result, SYSTEM_OPERATOR, Store, StoreError, Written, ts};
use crate::model::sop::{SopTemplate, sop_bawaan};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateRow {
    pub kode: String,
    pub nomor: String,
    pub nama: String,
    pub bawaan: bool,
}

fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Installs what every database starts with: the office row, the
    /// built-in SOP templates and the default calendar. Idempotent.
    pub(super) fn install_builtins(&mut self) -> Result<()> {
        let has_office: bool = self
            .conn
            .query_row("SELECT count(*) FROM office", [], |r| r.get(0))?;
        if !has_office {
            let now = ts(self.now());
            let meta = AuditMeta {
                operator: Some(SYSTEM_OPERATOR),
                ..AuditMeta::new("pasang", "instansi")
            };
            self.write(meta, |tx| {
                tx.execute("INSERT INTO office (id, updated_at) VALUES (1, ?1)", [&now])?;
                Ok(Written::new(
                    (),
                    1,
                    None,
                    Some(json!({"zona_waktu": "WIB"})),
                ))
            })?;
        }
        for b in sop_bawaan() {
            let sha = sha256_hex(b.sumber);
            let stored: Option<(String, bool)> = self
                .conn
                .query_row(
                    "SELECT sha256, bawaan FROM sop_template WHERE kode = ?1",
                    [b.kode],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match stored {
                Some((s, _)) if s == sha => continue,
                // A user's own template under the same code is never overwritten.
                Some((_, false)) => continue,
                _ => {}
            }
            let t = SopTemplate::parse(b.sumber, b.nama_berkas)
                .map_err(|e| StoreError::Invalid(e.to_string()))?;
            self.put_template(&t, b.sumber, true, Some(SYSTEM_OPERATOR))?;
        }
        self.install_calendar()
    }

    /// Stores a template (new or replacing one with the same kode).
    fn put_template(
        &mut self,
        t: &SopTemplate,
        source: &str,
        bawaan: bool,
        operator: Option<&str>,
    ) -> Result<()> {
        let now = ts(self.now());
        let sha = sha256_hex(source);
        let before: Option<String> = self
            .conn
            .query_row(
                "SELECT sha256 FROM sop_template WHERE kode = ?1",
                [&t.kepala.kode],
                |r| r.get(0),
            )
            .optional()?;
        let meta = AuditMeta {
            operator,
            ..AuditMeta::new(
                if before.is_some() {
                    "perbarui"
                } else {
                    "pasang"
                },
                "templat_sop",
            )
        };
        self.write(meta, |tx| {
            tx.execute(
                "INSERT INTO sop_template (kode, nomor, nama, bawaan, source, sha256, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(kode) DO UPDATE SET nomor = ?2, nama = ?3, bawaan = ?4, source = ?5, sha256 = ?6, updated_at = ?7",
                params![t.kepala.kode, t.kepala.nomor, t.kepala.nama, bawaan, source, sha, now],
            )?;
            Ok(Written::new(
                (),
                &t.kepala.kode,
                before.map(|s| json!({ "sha256": s })),
                Some(json!({"kode": t.kepala.kode, "nomor": t.kepala.nomor, "nama": t.kepala.nama, "sha256": sha, "langkah": t.langkah.len()})),
            ))
        })
    }

    /// Adds (or replaces) a user template from TOML source, after validation.
    pub fn import_template(&mut self, source: &str, nama_berkas: &str) -> Result<String> {
        let t = SopTemplate::parse(source, nama_berkas)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let builtin: Option<bool> = self
            .conn
            .query_row(
                "SELECT bawaan FROM sop_template WHERE kode = ?1",
                [&t.kepala.kode],
                |r| r.get(0),
            )
            .optional()?;
        if builtin == Some(true) {
            return Err(StoreError::Invalid(format!(
                "Kode '{}' dipakai templat bawaan; beri templat Anda kode lain",
                t.kepala.kode
            )));
        }
        self.put_template(&t, source, false, None)?;
        Ok(t.kepala.kode)
    }

    pub fn templates(&self) -> Result<Vec<TemplateRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT kode, nomor, nama, bawaan FROM sop_template ORDER BY bawaan DESC, kode",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TemplateRow {
                    kode: r.get(0)?,
                    nomor: r.get(1)?,
                    nama: r.get(2)?,
                    bawaan: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn template(&self, kode: &str) -> Result<SopTemplate> {
        let source: String = self
            .conn
            .query_row(
                "SELECT source FROM sop_template WHERE kode = ?1",
                [kode],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Templat SOP '{kode}'")))?;
        SopTemplate::parse(&source, &format!("{kode}.toml"))
            .map_err(|e| StoreError::Invalid(e.to_string()))
    }
}
