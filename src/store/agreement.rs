//! Agreements (Perjanjian Kinerja): the agreement per unit and year, its
//! versions with the parties' snapshots, lines and budget lines.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{AuditMeta, Result, Store, StoreError, Written, image, ts};
use crate::model::org::nip_bersih;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLine {
    pub sasaran: String,
    pub indikator: String,
    pub satuan: String,
    pub target: String,
    /// Triwulan I–IV targets; empty where not split.
    pub tw: [String; 4],
    /// "renstra" | "renja" and the source row, where the line was taken from the plan.
    pub sumber: Option<(String, i64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBudgetLine {
    pub level: String,
    pub kode: String,
    pub uraian: String,
    pub anggaran: i64,
    pub renja_item_id: Option<i64>,
}

/// A Pihak (party) as printed: chosen from the officials, or typed (a Bupati).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub official_id: Option<i64>,
    pub nama: String,
    pub nip: String,
    pub pangkat: String,
    pub jabatan: String,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAgreement {
    pub tahun: i32,
    pub unit_id: i64,
    /// "kepala" | "eselon3" | "eselon4".
    pub jenis: String,
    pub nomor: String,
    pub tempat: String,
    pub tanggal: Option<NaiveDate>,
    pub pihak_pertama: Option<i64>,
    pub pihak_kedua: Option<i64>,
    /// Pihak Kedua typed by name (Bupati/Gubernur), used when `pihak_kedua` is None.
    pub pihak_kedua_manual: Option<(String, String)>,
    pub lines: Vec<NewLine>,
    pub budget: Vec<NewBudgetLine>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRow {
    pub id: i64,
    pub version_id: i64,
    pub tahun: i32,
    pub unit_id: i64,
    pub unit: String,
    pub jenis: String,
    pub versi: i32,
    pub status: String,
    pub pihak_pertama: String,
    pub pihak_kedua: String,
    pub lines: i64,
    pub anggaran: i64,
}

impl Store {
    fn party(&self, official: Option<i64>) -> Result<Party> {
        let Some(id) = official else {
            return Ok(Party {
                official_id: None,
                nama: String::new(),
                nip: String::new(),
                pangkat: String::new(),
                jabatan: String::new(),
                status: "definitif".into(),
            });
        };
        let o = self
            .officials()?
            .into_iter()
            .find(|o| o.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("Pejabat {id}")))?;
        Ok(Party {
            official_id: Some(id),
            nama: o.nama_lengkap(),
            nip: o.nip.as_deref().map(nip_bersih).unwrap_or_default(),
            pangkat: if o.golongan.is_empty() {
                o.pangkat.clone()
            } else {
                format!("{} ({})", o.pangkat, o.golongan)
            },
            jabatan: o.jabatan.clone(),
            status: o.status.kode().to_string(),
        })
    }

    /// Creates an agreement with its first version (draf), lines and budget.
    pub fn create_agreement(&mut self, a: &NewAgreement) -> Result<(i64, i64)> {
        if !matches!(a.jenis.as_str(), "kepala" | "eselon3" | "eselon4") {
            return Err(StoreError::Invalid(format!(
                "Jenis perjanjian '{}' tidak dikenal",
                a.jenis
            )));
        }
        if a.lines.iter().any(|l| l.indikator.trim().is_empty()) {
            return Err(StoreError::Invalid(
                "Setiap baris perjanjian harus memiliki indikator".into(),
            ));
        }
        if a.budget.iter().any(|b| b.anggaran < 0) {
            return Err(StoreError::Invalid("Anggaran tidak boleh negatif".into()));
        }
        let p1 = self.party(a.pihak_pertama)?;
        let mut p2 = self.party(a.pihak_kedua)?;
        if let (None, Some((jabatan, nama))) = (a.pihak_kedua, &a.pihak_kedua_manual) {
            p2.jabatan = jabatan.trim().to_string();
            p2.nama = nama.trim().to_string();
        }
        let now = ts(self.now());
        self.write(AuditMeta::new("tambah", "perjanjian"), |tx| {
            tx.execute(
                "INSERT INTO agreement (tahun, unit_id, jenis, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![a.tahun, a.unit_id, a.jenis, now],
            )?;
            let agreement_id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO agreement_version (agreement_id, versi, status, nomor, tempat, tanggal,
                    p1_official_id, p1_nama, p1_nip, p1_pangkat, p1_jabatan, p1_status,
                    p2_official_id, p2_nama, p2_nip, p2_pangkat, p2_jabatan, p2_status, created_at, updated_at)
                 VALUES (?1, 1, 'draf', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
                params![
                    agreement_id,
                    a.nomor.trim(),
                    a.tempat.trim(),
                    a.tanggal.map(|d| d.to_string()),
                    p1.official_id,
                    p1.nama,
                    p1.nip,
                    p1.pangkat,
                    p1.jabatan,
                    p1.status,
                    p2.official_id,
                    p2.nama,
                    p2.nip,
                    p2.pangkat,
                    p2.jabatan,
                    p2.status,
                    now
                ],
            )?;
            let version_id = tx.last_insert_rowid();
            for (k, l) in a.lines.iter().enumerate() {
                tx.execute(
                    "INSERT INTO agreement_line (version_id, urutan, sasaran, indikator, satuan, target, tw1, tw2, tw3, tw4, sumber_jenis, sumber_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    params![
                        version_id,
                        k as i64,
                        l.sasaran.trim(),
                        l.indikator.trim(),
                        l.satuan.trim(),
                        l.target.trim(),
                        l.tw[0],
                        l.tw[1],
                        l.tw[2],
                        l.tw[3],
                        l.sumber.as_ref().map(|s| s.0.as_str()),
                        l.sumber.as_ref().map(|s| s.1)
                    ],
                )?;
            }
            for (k, b) in a.budget.iter().enumerate() {
                tx.execute(
                    "INSERT INTO agreement_budget (version_id, urutan, level, kode, uraian, anggaran, renja_item_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![version_id, k as i64, b.level, b.kode.trim(), b.uraian.trim(), b.anggaran, b.renja_item_id],
                )?;
            }
            Ok(Written::new((agreement_id, version_id), agreement_id, None, Some(image(a))))
        })
    }

    /// The latest version of every agreement of a year.
    pub fn agreements(&self, tahun: i32) -> Result<Vec<AgreementRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id, v.id, a.tahun, a.unit_id, u.nama, a.jenis, v.versi, v.status, v.p1_nama, v.p2_nama,
                    (SELECT count(*) FROM agreement_line l WHERE l.version_id = v.id),
                    (SELECT coalesce(sum(anggaran), 0) FROM agreement_budget b WHERE b.version_id = v.id)
             FROM agreement a
             JOIN unit u ON u.id = a.unit_id
             JOIN agreement_version v ON v.agreement_id = a.id
             WHERE a.tahun = ?1 AND v.versi = (SELECT max(versi) FROM agreement_version WHERE agreement_id = a.id)
             ORDER BY u.urutan, u.id",
        )?;
        let rows = stmt
            .query_map([tahun], |r| {
                Ok(AgreementRow {
                    id: r.get(0)?,
                    version_id: r.get(1)?,
                    tahun: r.get(2)?,
                    unit_id: r.get(3)?,
                    unit: r.get(4)?,
                    jenis: r.get(5)?,
                    versi: r.get(6)?,
                    status: r.get(7)?,
                    pihak_pertama: r.get(8)?,
                    pihak_kedua: r.get(9)?,
                    lines: r.get(10)?,
                    anggaran: r.get(11)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
