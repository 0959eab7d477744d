//! Renstra (period → tujuan → sasaran → indikator → yearly targets) and
//! Renja (year with its DPA; program → kegiatan → sub kegiatan with pagu).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, ToSql, params};
use serde_json::json;

use super::{AuditMeta, Result, Store, StoreError, Written, image};
use crate::model::id::{IndikatorId, PeriodId, RenjaIndikatorId, RenjaItemId, SasaranId, TujuanId};
use crate::model::plan::{
    IndikatorRow, KODE_MAKS, NewIndikator, NewRenjaIndikator, NewRenjaItem, PeriodRow,
    RenjaIndikatorInput, RenjaItemRow, RenjaYear, RenstraNode, SasaranNode, Target, TargetChange,
    Tingkat, TujuanNode,
};
use crate::model::{check_len, required};

/// The table of a Renstra node, and the column naming its parent.
fn node_table(node: RenstraNode) -> (&'static str, &'static str) {
    match node {
        RenstraNode::Tujuan(_) => ("renstra_tujuan", "period_id"),
        RenstraNode::Sasaran(_) => ("renstra_sasaran", "tujuan_id"),
        RenstraNode::Indikator(_) => ("renstra_indikator", "sasaran_id"),
    }
}

/// The (angka, teks) columns a target is stored in: exactly one is set.
fn target_columns(t: &Target) -> (Option<f64>, Option<&str>) {
    match t {
        Target::Angka(v) => (Some(*v), None),
        Target::Teks(s) => (None, Some(s.as_str())),
    }
}

/// Every Renstra node of one level with its code, its name and its period:
/// the scope a code must be unique in.
fn coded_nodes(level: &str) -> &'static str {
    match level {
        "Tujuan" => "SELECT id, kode, uraian AS nama, period_id AS p FROM renstra_tujuan",
        "Sasaran" => {
            "SELECT s.id, s.kode, s.uraian AS nama, t.period_id AS p FROM renstra_sasaran s
             JOIN renstra_tujuan t ON t.id = s.tujuan_id"
        }
        _ => {
            "SELECT i.id, i.kode, i.nama, t.period_id AS p FROM renstra_indikator i
             JOIN renstra_sasaran s ON s.id = i.sasaran_id JOIN renstra_tujuan t ON t.id = s.tujuan_id"
        }
    }
}

impl Store {
    /// Refuses `kode` when another node of `level` in the same Renstra
    /// period has it. `period` is found from `parent`, a row of the level
    /// `parent_level` (the node itself when it is being changed).
    fn kode_free(
        &self,
        level: &str,
        kode: &str,
        parent_level: &str,
        parent: i64,
        except: Option<i64>,
    ) -> Result<()> {
        let kode = kode.trim();
        if kode.is_empty() {
            return Ok(());
        }
        let period: Option<i64> = if parent_level == "Periode" {
            Some(parent)
        } else {
            let sql = format!(
                "SELECT p FROM ({}) WHERE id = ?1",
                coded_nodes(parent_level)
            );
            self.conn()
                .query_row(&sql, [parent], |r| r.get(0))
                .optional()?
        };
        let sql = format!(
            "SELECT nama FROM ({}) WHERE p = ?1 AND kode = ?2 AND id IS NOT ?3 LIMIT 1",
            coded_nodes(level)
        );
        let taken: Option<String> = self
            .conn()
            .query_row(&sql, params![period, kode, except], |r| r.get(0))
            .optional()?;
        match taken {
            Some(nama) => Err(StoreError::Invalid(format!(
                "Kode {kode} sudah dipakai {} \"{}\" pada periode Renstra ini. Pilih kode lain.",
                level.to_lowercase(),
                crate::model::potong(&nama, 60)
            ))),
            None => Ok(()),
        }
    }
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
    ) -> Result<PeriodId> {
        if !(2000..=2100).contains(&tahun_awal)
            || tahun_akhir < tahun_awal
            || tahun_akhir - tahun_awal > 9
        {
            return Err(StoreError::Invalid(format!(
                "Periode Renstra {tahun_awal}–{tahun_akhir} tidak sah (tahun akhir ≥ tahun awal, paling lama 10 tahun)"
            )));
        }
        check_len("Nama periode", nama.trim(), 200)?;
        self.insert_row(
            "renstra_periode",
            "INSERT INTO renstra_period (tahun_awal, tahun_akhir, nama) VALUES (?1, ?2, ?3)",
            params![tahun_awal, tahun_akhir, nama.trim()],
            json!({"tahun_awal": tahun_awal, "tahun_akhir": tahun_akhir, "nama": nama.trim()}),
        )
        .map(PeriodId)
    }

    pub fn add_tujuan(
        &mut self,
        period_id: PeriodId,
        kode: &str,
        uraian: &str,
    ) -> Result<TujuanId> {
        required("Uraian tujuan", uraian)?;
        check_len("Kode", kode.trim(), KODE_MAKS)?;
        self.kode_free("Tujuan", kode, "Periode", period_id.0, None)?;
        self.insert_row(
            "renstra_tujuan",
            "INSERT INTO renstra_tujuan (period_id, kode, uraian, urutan) VALUES (?1, ?2, ?3, (SELECT count(*) FROM renstra_tujuan WHERE period_id = ?1))",
            params![period_id, kode.trim(), uraian.trim()],
            json!({"period_id": period_id, "kode": kode.trim(), "uraian": uraian.trim()}),
        )
        .map(TujuanId)
    }

    pub fn add_sasaran(
        &mut self,
        tujuan_id: TujuanId,
        kode: &str,
        uraian: &str,
    ) -> Result<SasaranId> {
        required("Uraian sasaran", uraian)?;
        check_len("Kode", kode.trim(), KODE_MAKS)?;
        self.kode_free("Sasaran", kode, "Tujuan", tujuan_id.0, None)?;
        self.insert_row(
            "renstra_sasaran",
            "INSERT INTO renstra_sasaran (tujuan_id, kode, uraian, urutan) VALUES (?1, ?2, ?3, (SELECT count(*) FROM renstra_sasaran WHERE tujuan_id = ?1))",
            params![tujuan_id, kode.trim(), uraian.trim()],
            json!({"tujuan_id": tujuan_id, "kode": kode.trim(), "uraian": uraian.trim()}),
        )
        .map(SasaranId)
    }

    /// Adds an indicator with its yearly targets in one transaction.
    pub fn add_indikator(&mut self, i: &NewIndikator) -> Result<IndikatorId> {
        i.validate()?;
        self.kode_free("Indikator", &i.kode, "Sasaran", i.sasaran_id.0, None)?;
        self.write(AuditMeta::new("tambah", "renstra_indikator"), |tx| {
            let id = write_indikator(tx, None, i)?;
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
        check_len("Nomor DPA", nomor_dpa.trim(), 200)?;
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

    /// Adds a Renja item without indicators (see [`Store::save_renja_item`]).
    pub fn add_renja_item(&mut self, i: &NewRenjaItem) -> Result<RenjaItemId> {
        self.save_renja_item(None, i, &[])
    }

    pub fn add_renja_indikator(&mut self, i: &NewRenjaIndikator) -> Result<RenjaIndikatorId> {
        required("Nama indikator", &i.nama)?;
        let (a, s) = target_columns(&i.target);
        self.insert_row(
            "renja_indikator",
            "INSERT INTO renja_indikator (item_id, nama, satuan, angka, teks, renstra_indikator_id, urutan)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT count(*) FROM renja_indikator WHERE item_id = ?1))",
            params![i.item_id, i.nama.trim(), i.satuan.trim(), a, s, i.renstra_indikator_id],
            image(i),
        )
        .map(RenjaIndikatorId)
    }
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
    pub fn renstra_tree(&self, period_id: PeriodId) -> Result<Vec<TujuanNode>> {
        let mut targets: std::collections::HashMap<
            IndikatorId,
            std::collections::BTreeMap<i32, Target>,
        > = Default::default();
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
            "SELECT i.id, i.sasaran_id, i.kode, i.nama, i.satuan, i.baseline_tahun, i.baseline_nilai, i.arah, i.unit_id,
                    i.definisi, i.formula, i.sumber_data, i.kumulatif
             FROM renstra_indikator i JOIN renstra_sasaran s ON s.id = i.sasaran_id
             JOIN renstra_tujuan u ON u.id = s.tujuan_id WHERE u.period_id = ?1 ORDER BY i.urutan, i.id",
        )?;
        let indikator: Vec<(SasaranId, IndikatorRow)> = stmt
            .query_map([period_id], |r| {
                let id: IndikatorId = r.get(0)?;
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
                        kumulatif: r.get::<_, i64>(12)? != 0,
                        unit_id: r.get(8)?,
                        targets: Default::default(),
                        definisi: r.get(9)?,
                        formula: r.get(10)?,
                        sumber_data: r.get(11)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.tujuan_id, s.kode, s.uraian FROM renstra_sasaran s
             JOIN renstra_tujuan u ON u.id = s.tujuan_id WHERE u.period_id = ?1 ORDER BY s.urutan, s.id",
        )?;
        let sasaran: Vec<(TujuanId, SasaranNode)> = stmt
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
        let mut sasaran: Vec<(TujuanId, SasaranNode)> = sasaran;
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
        let mut ind: std::collections::HashMap<RenjaItemId, Vec<(String, String, Target)>> =
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
            "SELECT id, parent_id, level, kode, nama, unit_id, pagu, pagu_dpa, sasaran_id FROM renja_item
             WHERE tahun = ?1 ORDER BY kode, id",
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
                    sasaran_id: r.get(8)?,
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

impl Store {
    pub fn update_tujuan(&mut self, id: TujuanId, kode: &str, uraian: &str) -> Result<()> {
        required("Uraian tujuan", uraian)?;
        self.update_node(RenstraNode::Tujuan(id), kode, uraian)
    }

    pub fn update_sasaran(&mut self, id: SasaranId, kode: &str, uraian: &str) -> Result<()> {
        required("Uraian sasaran", uraian)?;
        self.update_node(RenstraNode::Sasaran(id), kode, uraian)
    }

    fn update_node(&mut self, node: RenstraNode, kode: &str, uraian: &str) -> Result<()> {
        check_len("Kode", kode.trim(), KODE_MAKS)?;
        let (table, _) = node_table(node);
        let id = node.row();
        self.kode_free(node.label(), kode, node.label(), id, Some(id))?;
        let before = self.row_image(table, id)?;
        self.write(AuditMeta::new("ubah", table), |tx| {
            tx.execute(
                &format!("UPDATE {table} SET kode = ?1, uraian = ?2 WHERE id = ?3"),
                params![kode.trim(), uraian.trim(), id],
            )?;
            Ok(Written::new(
                (),
                id,
                Some(before),
                Some(json!({"kode": kode.trim(), "uraian": uraian.trim()})),
            ))
        })
    }

    /// Replaces an indicator's fields and its yearly targets.
    pub fn update_indikator(&mut self, id: IndikatorId, i: &NewIndikator) -> Result<()> {
        i.validate()?;
        self.kode_free("Indikator", &i.kode, "Indikator", id.0, Some(id.0))?;
        let before = self.row_image("renstra_indikator", id.0)?;
        self.write(AuditMeta::new("ubah", "renstra_indikator"), |tx| {
            write_indikator(tx, Some(id), i)?;
            Ok(Written::new((), id, Some(before), Some(image(i))))
        })
    }

    /// Deletes a Renstra node (tujuan, sasaran or indikator) that has no
    /// children and that no agreement uses.
    pub fn delete_renstra(&mut self, node: RenstraNode) -> Result<()> {
        let (table, _) = node_table(node);
        let id = node.row();
        let (child, used) = match node {
            RenstraNode::Tujuan(_) => (Some("SELECT count(*) FROM renstra_sasaran WHERE tujuan_id = ?1"), None),
            RenstraNode::Sasaran(_) => (
                Some("SELECT count(*) FROM renstra_indikator WHERE sasaran_id = ?1"),
                Some("SELECT count(*) FROM renja_item WHERE sasaran_id = ?1"),
            ),
            RenstraNode::Indikator(_) => (
                None,
                Some(
                    "SELECT (SELECT count(*) FROM agreement_line WHERE sumber_jenis = 'renstra' AND sumber_id = ?1)
                          + (SELECT count(*) FROM renja_indikator WHERE renstra_indikator_id = ?1)",
                ),
            ),
        };
        let count =
            |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [id], |r| r.get(0))?) };
        if let Some(sql) = child
            && count(sql)? > 0
        {
            return Err(StoreError::Invalid(
                "Masih memiliki isi di bawahnya: hapus atau pindahkan isinya terlebih dahulu"
                    .into(),
            ));
        }
        if let Some(sql) = used
            && count(sql)? > 0
        {
            return Err(StoreError::Invalid(
                "Dipakai oleh Perjanjian Kinerja atau Renja: tidak dapat dihapus".into(),
            ));
        }
        let before = self.row_image(table, id)?;
        self.write(AuditMeta::new("hapus", table), |tx| {
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            Ok(Written::new((), id, Some(before), None))
        })
    }

    /// Adds (`id` None) or replaces a Renja item with its indicators, in one
    /// transaction. The code must have the shape of its level and extend its
    /// parent's.
    pub fn save_renja_item(
        &mut self,
        id: Option<RenjaItemId>,
        i: &NewRenjaItem,
        indikator: &[RenjaIndikatorInput],
    ) -> Result<RenjaItemId> {
        required("Nama", &i.nama)?;
        let tingkat = i.level;
        let parent: Option<(String, Tingkat, i32)> = match i.parent_id {
            Some(p) => Some(
                self.conn
                    .query_row(
                        "SELECT kode, level, tahun FROM renja_item WHERE id = ?1",
                        [p],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .map_err(|_| StoreError::NotFound(format!("Induk {p}")))?,
            ),
            None => None,
        };
        match (tingkat.induk(), &parent) {
            (None, Some(_)) => {
                return Err(StoreError::Invalid("Program tidak memiliki induk".into()));
            }
            (Some(t), None) => {
                return Err(StoreError::Invalid(format!(
                    "{} harus memiliki induk {}",
                    tingkat.label(),
                    t.label().to_lowercase()
                )));
            }
            (Some(t), Some((_, level, tahun))) if *level != t || *tahun != i.tahun => {
                return Err(StoreError::Invalid(format!(
                    "Induk {} harus sebuah {} tahun {}",
                    tingkat.label().to_lowercase(),
                    t.label().to_lowercase(),
                    i.tahun
                )));
            }
            _ => {}
        }
        crate::model::plan::cek_kode_renja(tingkat, &i.kode, parent.as_ref().map(|p| p.0.as_str()))
            .map_err(StoreError::Invalid)?;
        if i.pagu < 0 || i.pagu_dpa.is_some_and(|p| p < 0) {
            return Err(StoreError::Invalid("Pagu tidak boleh negatif".into()));
        }
        for (n, _, _) in indikator {
            required("Nama indikator", n)?;
        }
        let dup: i64 = self.conn.query_row(
            "SELECT count(*) FROM renja_item WHERE tahun = ?1 AND kode = ?2 AND id IS NOT ?3",
            params![i.tahun, i.kode.trim(), id],
            |r| r.get(0),
        )?;
        if dup > 0 {
            return Err(StoreError::Invalid(format!(
                "Kode {} sudah ada di Renja {}",
                i.kode.trim(),
                i.tahun
            )));
        }
        let before = match id {
            Some(id) => Some(self.row_image("renja_item", id.0)?),
            None => None,
        };
        let after = json!({"item": image(i), "indikator": image(&indikator)});
        let action = if id.is_some() { "ubah" } else { "tambah" };
        if !(2000..=2100).contains(&i.tahun) {
            return Err(StoreError::Invalid(format!("Tahun {} tidak sah", i.tahun)));
        }
        self.write(AuditMeta::new(action, "renja_item"), |tx| {
            // The first item of a year makes its Renja, as saving the DPA does.
            tx.execute(
                "INSERT OR IGNORE INTO renja_year (tahun) VALUES (?1)",
                [i.tahun],
            )?;
            let id = write_renja_item(tx, id, i, indikator)?;
            Ok(Written::new(id, id, before, Some(after)))
        })
    }

    /// Deletes a Renja item with no children that no agreement uses.
    pub fn delete_renja_item(&mut self, id: RenjaItemId) -> Result<()> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM renja_item WHERE parent_id = ?1)
                  + (SELECT count(*) FROM agreement_budget WHERE renja_item_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if n > 0 {
            return Err(StoreError::Invalid(
                "Masih memiliki kegiatan/sub kegiatan di bawahnya atau dipakai Perjanjian Kinerja: tidak dapat dihapus".into(),
            ));
        }
        let before = self.row_image("renja_item", id.0)?;
        self.write(AuditMeta::new("hapus", "renja_item"), |tx| {
            tx.execute("DELETE FROM renja_indikator WHERE item_id = ?1", [id])?;
            tx.execute("DELETE FROM renja_item WHERE id = ?1", [id])?;
            Ok(Written::new((), id, Some(before), None))
        })
    }

    /// Every column of one row, as the audit log's before-image.
    pub(crate) fn row_image(&self, table: &str, id: i64) -> Result<serde_json::Value> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
        let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
        let mut rows = stmt.query([id])?;
        let row = rows
            .next()?
            .ok_or_else(|| StoreError::NotFound(format!("Data {id} pada {table}")))?;
        let mut map = serde_json::Map::new();
        for (k, name) in names.iter().enumerate() {
            use rusqlite::types::ValueRef;
            let v = match row.get_ref(k)? {
                ValueRef::Null => serde_json::Value::Null,
                ValueRef::Integer(i) => json!(i),
                ValueRef::Real(f) => json!(f),
                ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                ValueRef::Blob(b) => json!(format!("({} bita)", b.len())),
            };
            map.insert(name.clone(), v);
        }
        Ok(serde_json::Value::Object(map))
    }
}

/// Writes an indikator (new when `id` is None; an existing one keeps its
/// sasaran) and replaces its yearly targets. The one place that writes them.
pub(super) fn write_indikator(
    tx: &rusqlite::Transaction<'_>,
    id: Option<IndikatorId>,
    i: &NewIndikator,
) -> Result<IndikatorId> {
    let arah = if i.naik_baik { "naik" } else { "turun" };
    let id = match id {
        Some(id) => {
            tx.execute(
                "UPDATE renstra_indikator SET kode = ?1, nama = ?2, satuan = ?3, baseline_tahun = ?4, baseline_nilai = ?5,
                    definisi = ?6, formula = ?7, sumber_data = ?8, arah = ?9, unit_id = ?10, kumulatif = ?12
                 WHERE id = ?11",
                params![
                    i.kode.trim(),
                    i.nama.trim(),
                    i.satuan.trim(),
                    i.baseline_tahun,
                    i.baseline_nilai.trim(),
                    i.definisi.trim(),
                    i.formula.trim(),
                    i.sumber_data.trim(),
                    arah,
                    i.unit_id,
                    id,
                    i.kumulatif
                ],
            )?;
            tx.execute("DELETE FROM renstra_target WHERE indikator_id = ?1", [id])?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO renstra_indikator (sasaran_id, kode, nama, satuan, baseline_tahun, baseline_nilai, definisi, formula,
                    sumber_data, arah, unit_id, kumulatif, urutan)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
                    (SELECT count(*) FROM renstra_indikator WHERE sasaran_id = ?1))",
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
                    arah,
                    i.unit_id,
                    i.kumulatif
                ],
            )?;
            IndikatorId(tx.last_insert_rowid())
        }
    };
    for (y, t) in &i.targets {
        let (a, s) = target_columns(t);
        tx.execute(
            "INSERT INTO renstra_target (indikator_id, tahun, angka, teks) VALUES (?1, ?2, ?3, ?4)",
            params![id, y, a, s],
        )?;
    }
    Ok(id)
}

/// Writes a Renja item (new when `id` is None) and replaces its indicators.
/// The one place that writes them.
pub(super) fn write_renja_item(
    tx: &rusqlite::Transaction<'_>,
    id: Option<RenjaItemId>,
    i: &NewRenjaItem,
    indikator: &[RenjaIndikatorInput],
) -> Result<RenjaItemId> {
    let id = match id {
        Some(id) => {
            tx.execute(
                "UPDATE renja_item SET parent_id = ?1, level = ?2, kode = ?3, nama = ?4, unit_id = ?5, sasaran_id = ?6,
                    pagu = ?7, pagu_dpa = ?8 WHERE id = ?9",
                params![i.parent_id, i.level, i.kode.trim(), i.nama.trim(), i.unit_id, i.sasaran_id, i.pagu, i.pagu_dpa, id],
            )?;
            tx.execute("DELETE FROM renja_indikator WHERE item_id = ?1", [id])?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO renja_item (tahun, parent_id, level, kode, nama, unit_id, sasaran_id, pagu, pagu_dpa, urutan)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT count(*) FROM renja_item WHERE tahun = ?1))",
                params![i.tahun, i.parent_id, i.level, i.kode.trim(), i.nama.trim(), i.unit_id, i.sasaran_id, i.pagu, i.pagu_dpa],
            )?;
            RenjaItemId(tx.last_insert_rowid())
        }
    };
    for (k, (n, s, t)) in indikator.iter().enumerate() {
        let (a, x) = target_columns(t);
        tx.execute(
            "INSERT INTO renja_indikator (item_id, nama, satuan, angka, teks, urutan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, n.trim(), s.trim(), a, x, k as i64],
        )?;
    }
    Ok(id)
}

impl Store {
    /// Saves edits of the target table in one transaction: each change sets
    /// (Some) or clears (None) one indicator's target for one year.
    pub fn set_targets(&mut self, changes: &[TargetChange]) -> Result<usize> {
        for (_, y, t) in changes {
            if let Some(Target::Angka(v)) = t
                && !v.is_finite()
            {
                return Err(StoreError::Invalid(format!(
                    "Target tahun {y} bukan angka yang sah"
                )));
            }
        }
        let after = image(&changes);
        self.write(AuditMeta::new("ubah", "renstra_target"), |tx| {
            for (id, y, t) in changes {
                tx.execute(
                    "DELETE FROM renstra_target WHERE indikator_id = ?1 AND tahun = ?2",
                    params![id, y],
                )?;
                if let Some(t) = t {
                    let (a, s) = target_columns(t);
                    tx.execute(
                        "INSERT INTO renstra_target (indikator_id, tahun, angka, teks) VALUES (?1, ?2, ?3, ?4)",
                        params![id, y, a, s],
                    )?;
                }
            }
            Ok(Written::new(changes.len(), changes.len(), None, Some(after)))
        })
    }

    /// Moves a tujuan, sasaran or indikator one place up or down among its
    /// siblings. At the edge nothing changes.
    pub fn move_renstra(&mut self, node: RenstraNode, up: bool) -> Result<()> {
        let (table, parent_col) = node_table(node);
        let id = node.row();
        let parent: i64 = self
            .conn
            .query_row(
                &format!("SELECT {parent_col} FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Data {id}")))?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id FROM {table} WHERE {parent_col} = ?1 ORDER BY urutan, id"
        ))?;
        let mut order: Vec<i64> = stmt
            .query_map([parent], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        let Some(pos) = order.iter().position(|x| *x == id) else {
            return Ok(());
        };
        let other = if up {
            pos.checked_sub(1)
        } else {
            Some(pos + 1).filter(|p| *p < order.len())
        };
        let Some(other) = other else { return Ok(()) };
        order.swap(pos, other);
        self.write(
            AuditMeta::new(if up { "naikkan" } else { "turunkan" }, table),
            |tx| {
                for (k, x) in order.iter().enumerate() {
                    tx.execute(
                        &format!("UPDATE {table} SET urutan = ?1 WHERE id = ?2"),
                        params![k as i64, x],
                    )?;
                }
                Ok(Written::new((), id, None, Some(json!({ "urutan": order }))))
            },
        )
    }
}
