//! Renstra (period → tujuan → sasaran → indikator → yearly targets) and
//! Renja (year with its DPA; program → kegiatan → sub kegiatan with pagu).

use chrono::NaiveDate;
use rusqlite::{ToSql, params};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{AuditMeta, Result, Store, StoreError, Written, image};
pub use crate::model::plan::Target;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewIndikator {
    pub sasaran_id: i64,
    pub kode: String,
    pub nama: String,
    pub satuan: String,
    pub baseline_tahun: Option<i32>,
    pub baseline_nilai: String,
    pub definisi: String,
    pub formula: String,
    pub sumber_data: String,
    /// true: higher is better ("naik"); false: lower is better ("turun").
    pub naik_baik: bool,
    pub unit_id: Option<i64>,
    pub targets: Vec<(i32, Target)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewRenjaItem {
    pub tahun: i32,
    pub parent_id: Option<i64>,
    /// "program" | "kegiatan" | "sub_kegiatan".
    pub level: String,
    pub kode: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub sasaran_id: Option<i64>,
    pub pagu: i64,
    pub pagu_dpa: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewRenjaIndikator {
    pub item_id: i64,
    pub nama: String,
    pub satuan: String,
    pub target: Target,
    pub renstra_indikator_id: Option<i64>,
}

/// The (angka, teks) columns a target is stored in: exactly one is set.
fn target_columns(t: &Target) -> (Option<f64>, Option<&str>) {
    match t {
        Target::Angka(v) => (Some(*v), None),
        Target::Teks(s) => (None, Some(s.as_str())),
    }
}

fn required(label: &str, v: &str) -> Result<()> {
    if v.trim().is_empty() {
        return Err(StoreError::Invalid(format!("{label} wajib diisi")));
    }
    if v.chars().count() > 1000 {
        return Err(StoreError::Invalid(format!(
            "{label} terlalu panjang (maksimal 1.000 karakter)"
        )));
    }
    Ok(())
}

impl Store {
    /// One audited insert of one row.
    fn insert_row(
        &mut self,
        entity: &str,
        sql: &str,
        p: &[&dyn ToSql],
        after: serde_json::Value,
    ) -> Result<i64> {
        self.write(AuditMeta::new("tambah", entity), |tx| {
            tx.execute(sql, p)?;
            let id = tx.last_insert_rowid();
            Ok(Written::new(id, id, None, Some(after)))
        })
    }

    pub fn add_renstra_period(
        &mut self,
        tahun_awal: i32,
        tahun_akhir: i32,
        nama: &str,
    ) -> Result<i64> {
        if !(2000..=2100).contains(&tahun_awal)
            || tahun_akhir < tahun_awal
            || tahun_akhir - tahun_awal > 9
        {
            return Err(StoreError::Invalid(format!(
                "Periode Renstra {tahun_awal}–{tahun_akhir} tidak sah (tahun akhir ≥ tahun awal, paling lama 10 tahun)"
            )));
        }
        self.insert_row(
            "renstra_periode",
            "INSERT INTO renstra_period (tahun_awal, tahun_akhir, nama) VALUES (?1, ?2, ?3)",
            params![tahun_awal, tahun_akhir, nama.trim()],
            json!({"tahun_awal": tahun_awal, "tahun_akhir": tahun_akhir, "nama": nama.trim()}),
        )
    }

    pub fn add_tujuan(&mut self, period_id: i64, kode: &str, uraian: &str) -> Result<i64> {
        required("Uraian tujuan", uraian)?;
        self.insert_row(
            "renstra_tujuan",
            "INSERT INTO renstra_tujuan (period_id, kode, uraian, urutan) VALUES (?1, ?2, ?3, (SELECT count(*) FROM renstra_tujuan WHERE period_id = ?1))",
            params![period_id, kode.trim(), uraian.trim()],
            json!({"period_id": period_id, "kode": kode.trim(), "uraian": uraian.trim()}),
        )
    }

    pub fn add_sasaran(&mut self, tujuan_id: i64, kode: &str, uraian: &str) -> Result<i64> {
        required("Uraian sasaran", uraian)?;
        self.insert_row(
            "renstra_sasaran",
            "INSERT INTO renstra_sasaran (tujuan_id, kode, uraian, urutan) VALUES (?1, ?2, ?3, (SELECT count(*) FROM renstra_sasaran WHERE tujuan_id = ?1))",
            params![tujuan_id, kode.trim(), uraian.trim()],
            json!({"tujuan_id": tujuan_id, "kode": kode.trim(), "uraian": uraian.trim()}),
        )
    }

    /// Adds an indicator with its yearly targets in one transaction.
    pub fn add_indikator(&mut self, i: &NewIndikator) -> Result<i64> {
        required("Nama indikator", &i.nama)?;
        let mut years = std::collections::HashSet::new();
        for (y, t) in &i.targets {
            if !years.insert(*y) {
                return Err(StoreError::Invalid(format!(
                    "Target tahun {y} diisi lebih dari sekali"
                )));
            }
            if let Target::Angka(v) = t
                && !v.is_finite()
            {
                return Err(StoreError::Invalid(format!(
                    "Target tahun {y} bukan angka yang sah"
                )));
            }
        }
        self.write(AuditMeta::new("tambah", "renstra_indikator"), |tx| {
            tx.execute(
                "INSERT INTO renstra_indikator (sasaran_id, kode, nama, satuan, baseline_tahun, baseline_nilai, definisi, formula, sumber_data, arah, unit_id, urutan)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, (SELECT count(*) FROM renstra_indikator WHERE sasaran_id = ?1))",
                params![
                    i.sasaran_id,
                    i.kode.trim(),
                    i.nama.trim(),
                    i.satuan.trim(),
                    i.baseline_tahun,
                    i.baseline_nilai.trim(),
                    i.definisi.trim(),
                    i.formula.trim(),
                    i.sumber_data.trim(),
                    if i.naik_baik { "naik" } else { "turun" },
                    i.unit_id
                ],
            )?;
            let id = tx.last_insert_rowid();
            for (y, t) in &i.targets {
                let (a, s) = target_columns(t);
                tx.execute(
                    "INSERT INTO renstra_target (indikator_id, tahun, angka, teks) VALUES (?1, ?2, ?3, ?4)",
                    params![id, y, a, s],
                )?;
            }
            Ok(Written::new(id, id, None, Some(image(i))))
        })
    }

    pub fn set_renja_year(
        &mut self,
        tahun: i32,
        nomor_dpa: &str,
        tanggal_dpa: Option<NaiveDate>,
    ) -> Result<()> {
        if !(2000..=2100).contains(&tahun) {
            return Err(StoreError::Invalid(format!("Tahun {tahun} tidak sah")));
        }
        let after =
            json!({"tahun": tahun, "nomor_dpa": nomor_dpa.trim(), "tanggal_dpa": tanggal_dpa});
        self.write(AuditMeta::new("simpan", "renja_tahun"), |tx| {
            tx.execute(
                "INSERT INTO renja_year (tahun, nomor_dpa, tanggal_dpa) VALUES (?1, ?2, ?3)
                 ON CONFLICT(tahun) DO UPDATE SET nomor_dpa = ?2, tanggal_dpa = ?3",
                params![tahun, nomor_dpa.trim(), tanggal_dpa.map(|d| d.to_string())],
            )?;
            Ok(Written::new((), tahun, None, Some(after)))
        })
    }

    pub fn add_renja_item(&mut self, i: &NewRenjaItem) -> Result<i64> {
        required("Kode", &i.kode)?;
        required("Nama", &i.nama)?;
        if !matches!(i.level.as_str(), "program" | "kegiatan" | "sub_kegiatan") {
            return Err(StoreError::Invalid(format!(
                "Tingkat '{}' tidak dikenal",
                i.level
            )));
        }
        if i.pagu < 0 || i.pagu_dpa.is_some_and(|p| p < 0) {
            return Err(StoreError::Invalid("Pagu tidak boleh negatif".into()));
        }
        self.insert_row(
            "renja_item",
            "INSERT INTO renja_item (tahun, parent_id, level, kode, nama, unit_id, sasaran_id, pagu, pagu_dpa, urutan)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT count(*) FROM renja_item WHERE tahun = ?1))",
            params![i.tahun, i.parent_id, i.level, i.kode.trim(), i.nama.trim(), i.unit_id, i.sasaran_id, i.pagu, i.pagu_dpa],
            image(i),
        )
    }

    pub fn add_renja_indikator(&mut self, i: &NewRenjaIndikator) -> Result<i64> {
        required("Nama indikator", &i.nama)?;
        let (a, s) = target_columns(&i.target);
        self.insert_row(
            "renja_indikator",
            "INSERT INTO renja_indikator (item_id, nama, satuan, angka, teks, renstra_indikator_id, urutan)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT count(*) FROM renja_indikator WHERE item_id = ?1))",
            params![i.item_id, i.nama.trim(), i.satuan.trim(), a, s, i.renstra_indikator_id],
            image(i),
        )
    }
}

/// A Renstra period as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodRow {
    pub id: i64,
    pub tahun_awal: i32,
    pub tahun_akhir: i32,
    pub nama: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndikatorRow {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub satuan: String,
    pub baseline_tahun: Option<i32>,
    pub baseline_nilai: String,
    pub naik_baik: bool,
    pub unit_id: Option<i64>,
    pub targets: std::collections::BTreeMap<i32, Target>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SasaranNode {
    pub id: i64,
    pub kode: String,
    pub uraian: String,
    pub indikator: Vec<IndikatorRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TujuanNode {
    pub id: i64,
    pub kode: String,
    pub uraian: String,
    pub sasaran: Vec<SasaranNode>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RenjaItemRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub level: String,
    pub kode: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub pagu: i64,
    pub pagu_dpa: Option<i64>,
    /// (nama, satuan, target)
    pub indikator: Vec<(String, String, Target)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenjaYear {
    pub tahun: i32,
    pub nomor_dpa: String,
    pub tanggal_dpa: Option<NaiveDate>,
}

fn target_from(angka: Option<f64>, teks: Option<String>) -> Target {
    match (angka, teks) {
        (Some(v), _) => Target::Angka(v),
        (None, Some(s)) => Target::Teks(s),
        (None, None) => Target::Teks(String::new()),
    }
}

impl Store {
    pub fn renstra_periods(&self) -> Result<Vec<PeriodRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, tahun_awal, tahun_akhir, nama FROM renstra_period ORDER BY tahun_awal",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PeriodRow {
                    id: r.get(0)?,
                    tahun_awal: r.get(1)?,
                    tahun_akhir: r.get(2)?,
                    nama: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The whole tree of a period, in four queries (never one per row).
    pub fn renstra_tree(&self, period_id: i64) -> Result<Vec<TujuanNode>> {
        let mut targets: std::collections::HashMap<i64, std::collections::BTreeMap<i32, Target>> =
            Default::default();
        let mut stmt = self.conn.prepare(
            "SELECT t.indikator_id, t.tahun, t.angka, t.teks FROM renstra_target t
             JOIN renstra_indikator i ON i.id = t.indikator_id
             JOIN renstra_sasaran s ON s.id = i.sasaran_id
             JOIN renstra_tujuan u ON u.id = s.tujuan_id WHERE u.period_id = ?1",
        )?;
        let mut rows = stmt.query([period_id])?;
        while let Some(r) = rows.next()? {
            targets
                .entry(r.get(0)?)
                .or_default()
                .insert(r.get(1)?, target_from(r.get(2)?, r.get(3)?));
        }
        let mut stmt = self.conn.prepare(
            "SELECT i.id, i.sasaran_id, i.kode, i.nama, i.satuan, i.baseline_tahun, i.baseline_nilai, i.arah, i.unit_id
             FROM renstra_indikator i JOIN renstra_sasaran s ON s.id = i.sasaran_id
             JOIN renstra_tujuan u ON u.id = s.tujuan_id WHERE u.period_id = ?1 ORDER BY i.urutan, i.id",
        )?;
        let indikator: Vec<(i64, IndikatorRow)> = stmt
            .query_map([period_id], |r| {
                let id: i64 = r.get(0)?;
                let arah: String = r.get(7)?;
                Ok((
                    r.get(1)?,
                    IndikatorRow {
                        id,
                        kode: r.get(2)?,
                        nama: r.get(3)?,
                        satuan: r.get(4)?,
                        baseline_tahun: r.get(5)?,
                        baseline_nilai: r.get(6)?,
                        naik_baik: arah != "turun",
                        unit_id: r.get(8)?,
                        targets: Default::default(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.tujuan_id, s.kode, s.uraian FROM renstra_sasaran s
             JOIN renstra_tujuan u ON u.id = s.tujuan_id WHERE u.period_id = ?1 ORDER BY s.urutan, s.id",
        )?;
        let sasaran: Vec<(i64, SasaranNode)> = stmt
            .query_map([period_id], |r| {
                Ok((
                    r.get(1)?,
                    SasaranNode {
                        id: r.get(0)?,
                        kode: r.get(2)?,
                        uraian: r.get(3)?,
                        indikator: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, kode, uraian FROM renstra_tujuan WHERE period_id = ?1 ORDER BY urutan, id",
        )?;
        let mut tujuan: Vec<TujuanNode> = stmt
            .query_map([period_id], |r| {
                Ok(TujuanNode {
                    id: r.get(0)?,
                    kode: r.get(1)?,
                    uraian: r.get(2)?,
                    sasaran: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut sasaran: Vec<(i64, SasaranNode)> = sasaran;
        for (sid, mut ind) in indikator {
            ind.targets = targets.remove(&ind.id).unwrap_or_default();
            if let Some((_, s)) = sasaran.iter_mut().find(|(_, s)| s.id == sid) {
                s.indikator.push(ind);
            }
        }
        for (tid, s) in sasaran {
            if let Some(t) = tujuan.iter_mut().find(|t| t.id == tid) {
                t.sasaran.push(s);
            }
        }
        Ok(tujuan)
    }

    pub fn renja_years(&self) -> Result<Vec<RenjaYear>> {
        let mut stmt = self
            .conn
            .prepare("SELECT tahun, nomor_dpa, tanggal_dpa FROM renja_year ORDER BY tahun")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(RenjaYear {
                    tahun: r.get(0)?,
                    nomor_dpa: r.get(1)?,
                    tanggal_dpa: r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok()),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The Renja items of a year in tree order (parents before children).
    pub fn renja_items(&self, tahun: i32) -> Result<Vec<RenjaItemRow>> {
        let mut ind: std::collections::HashMap<i64, Vec<(String, String, Target)>> =
            Default::default();
        let mut stmt = self.conn.prepare(
            "SELECT r.item_id, r.nama, r.satuan, r.angka, r.teks FROM renja_indikator r
             JOIN renja_item i ON i.id = r.item_id WHERE i.tahun = ?1 ORDER BY r.urutan, r.id",
        )?;
        let mut rows = stmt.query([tahun])?;
        while let Some(r) = rows.next()? {
            ind.entry(r.get(0)?).or_default().push((
                r.get(1)?,
                r.get(2)?,
                target_from(r.get(3)?, r.get(4)?),
            ));
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, parent_id, level, kode, nama, unit_id, pagu, pagu_dpa FROM renja_item WHERE tahun = ?1 ORDER BY kode, id",
        )?;
        let rows = stmt
            .query_map([tahun], |r| {
                Ok(RenjaItemRow {
                    id: r.get(0)?,
                    parent_id: r.get(1)?,
                    level: r.get(2)?,
                    kode: r.get(3)?,
                    nama: r.get(4)?,
                    unit_id: r.get(5)?,
                    pagu: r.get(6)?,
                    pagu_dpa: r.get(7)?,
                    indikator: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .map(|mut r| {
                r.indikator = ind.remove(&r.id).unwrap_or_default();
                r
            })
            .collect())
    }
}
