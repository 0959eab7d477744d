//! Units (SOTK) and officials.

use rusqlite::params;

use super::{AuditMeta, Result, Store, StoreError, Written, image, ts};
use crate::model::Invalid;
use crate::model::id::{OfficialId, UnitId};
use crate::model::org::{
    Eselon, JenisUnit, NewOfficial, NewUnit, OfficialRow, StatusJabatan, UnitRow, nip_bersih,
};

fn bad(msg: impl Into<String>) -> StoreError {
    Invalid(msg.into()).into()
}

impl Store {
    pub fn add_unit(&mut self, u: &NewUnit) -> Result<UnitId> {
        u.validate()?;
        if let Some(p) = u.parent_id
            && !self.units()?.iter().any(|x| x.id == p)
        {
            return Err(StoreError::NotFound(format!("Unit induk {p}")));
        }
        let now = ts(self.now());
        self.write(AuditMeta::new("tambah", "unit"), |tx| {
            tx.execute(
                "INSERT INTO unit (parent_id, kode, nama, jenis, eselon, urutan, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![u.parent_id, u.kode.trim(), u.nama.trim(), u.jenis.kode(), u.eselon.kode(), u.urutan, now],
            )?;
            let id = UnitId(tx.last_insert_rowid());
            Ok(Written::new(id, id, None, Some(image(u))))
        })
    }

    /// Renames, re-kinds or moves a unit. Refuses a move under itself or
    /// under one of its own sub-units.
    pub fn update_unit(&mut self, id: UnitId, u: &NewUnit) -> Result<()> {
        u.validate()?;
        let units = self.units()?;
        let before = units
            .iter()
            .find(|x| x.id == id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(format!("Unit {id}")))?;
        if let Some(p) = u.parent_id {
            if !units.iter().any(|x| x.id == p) {
                return Err(StoreError::NotFound(format!("Unit induk {p}")));
            }
            // Walk up from the new parent: meeting `id` means a cycle.
            let mut at = Some(p);
            while let Some(cur) = at {
                if cur == id {
                    return Err(bad(format!(
                        "Unit {} tidak dapat dipindah ke bawah dirinya sendiri atau sub-unitnya",
                        before.nama
                    )));
                }
                at = units.iter().find(|x| x.id == cur).and_then(|x| x.parent_id);
            }
        }
        self.write(AuditMeta::new("ubah", "unit"), |tx| {
            tx.execute(
                "UPDATE unit SET parent_id = ?1, kode = ?2, nama = ?3, jenis = ?4, eselon = ?5, urutan = ?6 WHERE id = ?7",
                params![u.parent_id, u.kode.trim(), u.nama.trim(), u.jenis.kode(), u.eselon.kode(), u.urutan, id],
            )?;
            Ok(Written::new((), id, Some(image(&before)), Some(image(u))))
        })
    }

    /// Whether anything refers to the unit (officials, plans, agreements,
    /// cycles): such a unit is retired, never deleted.
    pub fn unit_has_history(&self, id: UnitId) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM official WHERE unit_id = ?1)
                  + (SELECT count(*) FROM unit WHERE parent_id = ?1)
                  + (SELECT count(*) FROM renstra_indikator WHERE unit_id = ?1)
                  + (SELECT count(*) FROM renja_item WHERE unit_id = ?1)
                  + (SELECT count(*) FROM agreement WHERE unit_id = ?1)
                  + (SELECT count(*) FROM cycle_unit WHERE unit_id = ?1)
                  + (SELECT count(*) FROM task_visit WHERE unit_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// Retires (or, with `aktif`, reactivates) a unit; a retired unit keeps
    /// its history but is no longer offered for new work.
    pub fn set_unit_active(&mut self, id: UnitId, aktif: bool) -> Result<()> {
        let units = self.units()?;
        let before = units
            .iter()
            .find(|x| x.id == id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(format!("Unit {id}")))?;
        if !aktif && units.iter().any(|x| x.parent_id == Some(id) && !x.retired) {
            return Err(bad(format!(
                "Unit {} masih memiliki sub-unit aktif; nonaktifkan sub-unitnya terlebih dahulu",
                before.nama
            )));
        }
        let now = ts(self.now());
        let action = if aktif { "aktifkan" } else { "nonaktifkan" };
        self.write(AuditMeta::new(action, "unit"), |tx| {
            tx.execute(
                "UPDATE unit SET retired_at = ?1 WHERE id = ?2",
                params![if aktif { None } else { Some(now) }, id],
            )?;
            Ok(Written::new(
                (),
                id,
                Some(image(&before)),
                Some(serde_json::json!({ "aktif": aktif })),
            ))
        })
    }

    /// Deletes a unit that has no history at all (entered by mistake).
    pub fn delete_unit(&mut self, id: UnitId) -> Result<()> {
        let before = self
            .units()?
            .into_iter()
            .find(|x| x.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("Unit {id}")))?;
        if self.unit_has_history(id)? {
            return Err(bad(format!(
                "Unit {} sudah memiliki riwayat (pejabat, sub-unit, rencana, perjanjian atau siklus): nonaktifkan, jangan hapus",
                before.nama
            )));
        }
        self.write(AuditMeta::new("hapus", "unit"), |tx| {
            tx.execute("DELETE FROM unit WHERE id = ?1", [id])?;
            Ok(Written::new((), id, Some(image(&before)), None))
        })
    }

    /// All units (retired ones too), parents before children in display order.
    pub fn units(&self) -> Result<Vec<UnitRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, parent_id, kode, nama, jenis, eselon, retired_at IS NOT NULL FROM unit ORDER BY urutan, id")?;
        let rows = stmt
            .query_map([], |r| {
                let jenis: String = r.get(4)?;
                let eselon: String = r.get(5)?;
                Ok(UnitRow {
                    id: r.get(0)?,
                    parent_id: r.get(1)?,
                    kode: r.get(2)?,
                    nama: r.get(3)?,
                    jenis: JenisUnit::parse(&jenis).unwrap_or(JenisUnit::Bidang),
                    eselon: Eselon::parse(&eselon).unwrap_or(Eselon::IV),
                    retired: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn add_official(&mut self, o: &NewOfficial) -> Result<OfficialId> {
        let golongan = o.validate()?;
        let nip = o.nip.as_deref().map(nip_bersih);
        self.check_nip_free(nip.as_deref(), None)?;
        let now = ts(self.now());
        self.write(AuditMeta::new("tambah", "pejabat"), |tx| {
            tx.execute(
                "INSERT INTO official (nama, gelar_depan, gelar_belakang, nip, pangkat, golongan, jabatan, unit_id, status, mulai, selesai, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    o.nama.trim(),
                    o.gelar_depan.trim(),
                    o.gelar_belakang.trim(),
                    nip,
                    o.pangkat.trim(),
                    golongan,
                    o.jabatan.trim(),
                    o.unit_id,
                    o.status.kode(),
                    o.mulai.map(|d| d.to_string()),
                    o.selesai.map(|d| d.to_string()),
                    now
                ],
            )?;
            let id = OfficialId(tx.last_insert_rowid());
            Ok(Written::new(id, id, None, Some(image(o))))
        })
    }

    /// Refuses a NIP that another official (other than `except`) already has.
    fn check_nip_free(&self, nip: Option<&str>, except: Option<OfficialId>) -> Result<()> {
        let Some(n) = nip else { return Ok(()) };
        let taken: i64 = self.conn.query_row(
            "SELECT count(*) FROM official WHERE nip = ?1 AND id IS NOT ?2",
            params![n, except],
            |r| r.get(0),
        )?;
        if taken > 0 {
            return Err(bad(format!("NIP {n} sudah terdaftar untuk pejabat lain")));
        }
        Ok(())
    }

    /// Updates an official's record (a signed agreement keeps its own snapshot).
    pub fn update_official(&mut self, id: OfficialId, o: &NewOfficial) -> Result<()> {
        let golongan = o.validate()?;
        let nip = o.nip.as_deref().map(nip_bersih);
        let before = self
            .officials()?
            .into_iter()
            .find(|x| x.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("Pejabat {id}")))?;
        self.check_nip_free(nip.as_deref(), Some(id))?;
        self.write(AuditMeta::new("ubah", "pejabat"), |tx| {
            tx.execute(
                "UPDATE official SET nama = ?1, gelar_depan = ?2, gelar_belakang = ?3, nip = ?4, pangkat = ?5, golongan = ?6,
                    jabatan = ?7, unit_id = ?8, status = ?9, mulai = ?10, selesai = ?11 WHERE id = ?12",
                params![
                    o.nama.trim(),
                    o.gelar_depan.trim(),
                    o.gelar_belakang.trim(),
                    nip,
                    o.pangkat.trim(),
                    golongan,
                    o.jabatan.trim(),
                    o.unit_id,
                    o.status.kode(),
                    o.mulai.map(|d| d.to_string()),
                    o.selesai.map(|d| d.to_string()),
                    id
                ],
            )?;
            Ok(Written::new((), id, Some(image(&before)), Some(image(o))))
        })
    }

    pub fn officials(&self) -> Result<Vec<OfficialRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, nama, gelar_depan, gelar_belakang, nip, pangkat, golongan, jabatan, unit_id, status, mulai, selesai
             FROM official ORDER BY id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let status: String = r.get(9)?;
                Ok(OfficialRow {
                    id: r.get(0)?,
                    nama: r.get(1)?,
                    gelar_depan: r.get(2)?,
                    gelar_belakang: r.get(3)?,
                    nip: r.get(4)?,
                    pangkat: r.get(5)?,
                    golongan: r.get(6)?,
                    jabatan: r.get(7)?,
                    unit_id: r.get(8)?,
                    status: StatusJabatan::parse(&status).unwrap_or(StatusJabatan::Definitif),
                    mulai: r.get::<_, Option<String>>(10)?.and_then(|d| d.parse().ok()),
                    selesai: r.get::<_, Option<String>>(11)?.and_then(|d| d.parse().ok()),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
