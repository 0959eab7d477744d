//! Units (SOTK) and officials.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{AuditMeta, Result, Store, StoreError, Written, image, ts};
use crate::model::org::{
    Eselon, JenisUnit, StatusJabatan, cek_nip, golongan_dari_pangkat, nip_bersih,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUnit {
    pub parent_id: Option<i64>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    pub eselon: Eselon,
    pub urutan: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    pub eselon: Eselon,
    pub retired: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOfficial {
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    /// 18 digits; None for officials without one (a Bupati/Gubernur).
    pub nip: Option<String>,
    pub pangkat: String,
    pub jabatan: String,
    pub unit_id: Option<i64>,
    pub status: StatusJabatan,
    pub mulai: Option<NaiveDate>,
    pub selesai: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialRow {
    pub id: i64,
    pub nama: String,
    pub gelar_depan: String,
    pub gelar_belakang: String,
    pub nip: Option<String>,
    pub pangkat: String,
    pub golongan: String,
    pub jabatan: String,
    pub unit_id: Option<i64>,
    pub status: StatusJabatan,
}

impl OfficialRow {
    /// Name with titles, as printed.
    pub fn nama_lengkap(&self) -> String {
        crate::model::org::nama_lengkap(&self.gelar_depan, &self.nama, &self.gelar_belakang)
    }
}

fn bad(msg: impl Into<String>) -> StoreError {
    StoreError::Invalid(msg.into())
}

fn check_len(label: &str, v: &str, max: usize) -> Result<()> {
    if v.chars().count() > max {
        return Err(bad(format!(
            "{label} terlalu panjang (maksimal {max} karakter)"
        )));
    }
    Ok(())
}

impl NewUnit {
    pub fn validate(&self) -> Result<()> {
        if self.nama.trim().is_empty() {
            return Err(bad("Nama unit wajib diisi"));
        }
        check_len("Nama unit", &self.nama, 200)?;
        check_len("Kode unit", &self.kode, 50)
    }
}

impl NewOfficial {
    /// Checks every field; the NIP message says which part is wrong.
    pub fn validate(&self) -> Result<String> {
        if self.nama.trim().is_empty() {
            return Err(bad("Nama pejabat wajib diisi"));
        }
        check_len("Nama", &self.nama, 150)?;
        check_len("Gelar depan", &self.gelar_depan, 50)?;
        check_len("Gelar belakang", &self.gelar_belakang, 80)?;
        check_len("Jabatan", &self.jabatan, 200)?;
        if let Some(nip) = &self.nip {
            cek_nip(nip).map_err(|e| bad(e.to_string()))?;
        }
        let golongan = if self.pangkat.trim().is_empty() {
            String::new()
        } else {
            golongan_dari_pangkat(&self.pangkat)
                .ok_or_else(|| {
                    bad(format!(
                        "Pangkat '{}' tidak ada dalam daftar pangkat PNS",
                        self.pangkat.trim()
                    ))
                })?
                .to_string()
        };
        if let (Some(a), Some(b)) = (self.mulai, self.selesai)
            && b < a
        {
            return Err(bad(
                "Tanggal selesai menjabat tidak boleh sebelum tanggal mulai",
            ));
        }
        Ok(golongan)
    }
}

impl Store {
    pub fn add_unit(&mut self, u: &NewUnit) -> Result<i64> {
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
            let id = tx.last_insert_rowid();
            Ok(Written::new(id, id, None, Some(image(u))))
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

    pub fn add_official(&mut self, o: &NewOfficial) -> Result<i64> {
        let golongan = o.validate()?;
        let nip = o.nip.as_deref().map(nip_bersih);
        if let Some(n) = &nip {
            let dup: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM official WHERE nip = ?1", [n], |r| {
                        r.get(0)
                    })?;
            if dup > 0 {
                return Err(bad(format!("NIP {n} sudah terdaftar untuk pejabat lain")));
            }
        }
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
            let id = tx.last_insert_rowid();
            Ok(Written::new(id, id, None, Some(image(o))))
        })
    }

    pub fn officials(&self) -> Result<Vec<OfficialRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, nama, gelar_depan, gelar_belakang, nip, pangkat, golongan, jabatan, unit_id, status FROM official ORDER BY id",
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
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
