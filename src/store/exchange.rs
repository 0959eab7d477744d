//! Renstra and Renja to and from the Excel workbook of `formats::xlsx`.
//!
//! Import matches by code, so exporting a year and importing the file again
//! changes nothing: a period by its years, a tujuan by its kode within the
//! period (its uraian where it has no kode), a sasaran likewise within its
//! tujuan, an indikator by its kode within its sasaran (or its name), a Renja
//! item by its year and kode. Unit names must name existing units. Every
//! problem is reported with sheet, row and column before anything is written;
//! a clean import is written whole in one transaction.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::json;

use super::plan::{write_indikator, write_renja_item};
use super::{AuditMeta, Result, Store, Written};
use crate::formats::xlsx::{Masalah, RenjaIndikatorRow, RenjaRow, RenstraRow, Tingkat, Workbook};
use crate::model::id::{IndikatorId, PeriodId, RenjaItemId, SasaranId, TujuanId, UnitId};
use crate::model::plan::RenjaIndikatorInput;
use crate::model::plan::{NewIndikator, NewRenjaItem};

/// What an import would do (or did).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub indikator_baru: usize,
    pub indikator_diperbarui: usize,
    pub renja_baru: usize,
    pub renja_diperbarui: usize,
}

impl ImportSummary {
    pub fn describe(&self) -> String {
        format!(
            "Indikator Renstra: {} baru, {} diperbarui. Item Renja: {} baru, {} diperbarui.",
            self.indikator_baru, self.indikator_diperbarui, self.renja_baru, self.renja_diperbarui
        )
    }
}

impl Store {
    /// Active units by their name (trimmed, case-insensitive), as the
    /// workbook names them.
    fn units_by_name(&self) -> Result<HashMap<String, UnitId>> {
        Ok(self
            .units()?
            .into_iter()
            .filter(|u| !u.retired)
            .map(|u| (u.nama.trim().to_lowercase(), u.id))
            .collect())
    }

    /// The Renstra period that contains `tahun` and the Renja of `tahun`,
    /// as rows of the workbook.
    pub fn export_workbook(&self, tahun: i32) -> Result<Workbook> {
        let units: HashMap<UnitId, String> =
            self.units()?.into_iter().map(|u| (u.id, u.nama)).collect();
        let unit_name =
            |id: Option<UnitId>| id.and_then(|i| units.get(&i).cloned()).unwrap_or_default();
        let mut wb = Workbook::default();
        if let Some(p) = self
            .renstra_periods()?
            .into_iter()
            .find(|p| (p.tahun_awal..=p.tahun_akhir).contains(&tahun))
        {
            for t in self.renstra_tree(p.id)? {
                for s in &t.sasaran {
                    for i in &s.indikator {
                        wb.renstra.push(RenstraRow {
                            baris: 0,
                            periode: (p.tahun_awal, p.tahun_akhir),
                            kode_tujuan: t.kode.clone(),
                            tujuan: t.uraian.clone(),
                            kode_sasaran: s.kode.clone(),
                            sasaran: s.uraian.clone(),
                            kode_indikator: i.kode.clone(),
                            indikator: i.nama.clone(),
                            satuan: i.satuan.clone(),
                            baseline_tahun: i.baseline_tahun,
                            baseline_nilai: i.baseline_nilai.clone(),
                            targets: i.targets.iter().map(|(y, t)| (*y, t.clone())).collect(),
                            definisi: i.definisi.clone(),
                            formula: i.formula.clone(),
                            sumber_data: i.sumber_data.clone(),
                            naik_baik: i.naik_baik,
                            kumulatif: i.kumulatif,
                            penanggung_jawab: unit_name(i.unit_id),
                        });
                    }
                }
            }
        }
        let sasaran_kode: HashMap<SasaranId, String> = self
            .conn
            .prepare("SELECT id, kode FROM renstra_sasaran")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for r in self.renja_items(tahun)? {
            let tingkat = r.level;
            wb.renja.push(RenjaRow {
                baris: 0,
                tahun,
                tingkat,
                kode: r.kode.clone(),
                nama: r.nama.clone(),
                unit: unit_name(r.unit_id),
                indikator: r
                    .indikator
                    .iter()
                    .map(|(n, s, t)| RenjaIndikatorRow {
                        nama: n.clone(),
                        satuan: s.clone(),
                        target: t.clone(),
                    })
                    .collect(),
                pagu: r.pagu,
                pagu_dpa: r.pagu_dpa,
                kode_sasaran: r
                    .sasaran_id
                    .and_then(|s| sasaran_kode.get(&s).cloned())
                    .unwrap_or_default(),
            });
        }
        Ok(wb)
    }

    /// Checks a workbook against the database without writing: the problems
    /// (with sheet, row and column) or what the import would do.
    pub fn check_import(
        &self,
        wb: &Workbook,
    ) -> Result<std::result::Result<ImportSummary, Vec<Masalah>>> {
        let units = self.units_by_name()?;
        let mut problems = Vec::new();
        // The rows carry no column letters: the column is named in the message.
        let mut check_unit = |sheet: &str, row: u32, col: &str, name: &str| {
            if !name.trim().is_empty() && !units.contains_key(&name.trim().to_lowercase()) {
                problems.push(Masalah {
                    lembar: sheet.to_string(),
                    baris: row,
                    kolom: String::new(),
                    pesan: format!(
                        "{col}: unit '{}' tidak ada di Unit Kerja (periksa ejaannya)",
                        name.trim()
                    ),
                });
            }
        };
        for r in &wb.renstra {
            check_unit("Renstra", r.baris, "Penanggung Jawab", &r.penanggung_jawab);
        }
        for r in &wb.renja {
            check_unit("Renja", r.baris, "Unit Pelaksana", &r.unit);
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        // A dry run inside a transaction that is rolled back.
        let tx = self.conn.unchecked_transaction()?;
        let summary = apply(&tx, wb, &units)?;
        tx.rollback()?;
        Ok(Ok(summary))
    }

    /// Imports a checked workbook in one transaction with its audit entry.
    pub fn import_workbook(&mut self, wb: &Workbook, nama_berkas: &str) -> Result<ImportSummary> {
        let units = self.units_by_name()?;
        if let Err(p) = self.check_import(wb)? {
            return Err(super::StoreError::Invalid(format!(
                "Berkas belum bersih: {} masalah (pertama: {})",
                p.len(),
                p.first().map(|m| m.to_string()).unwrap_or_default()
            )));
        }
        self.write(AuditMeta::new("impor", "excel"), |tx| {
            let s = apply(tx, wb, &units)?;
            let after = json!({
                "berkas": nama_berkas,
                "indikator_baru": s.indikator_baru, "indikator_diperbarui": s.indikator_diperbarui,
                "renja_baru": s.renja_baru, "renja_diperbarui": s.renja_diperbarui,
            });
            Ok(Written::new(s, nama_berkas, None, Some(after)))
        })
    }
}

/// Finds a child node by kode (or by its text where it has no kode), or
/// inserts it. Returns its id.
fn node(
    tx: &Transaction<'_>,
    table: &str,
    parent_col: &str,
    parent: i64,
    kode: &str,
    uraian: &str,
) -> Result<i64> {
    let found: Option<i64> = if kode.trim().is_empty() {
        tx.query_row(
            &format!(
                "SELECT id FROM {table} WHERE {parent_col} = ?1 AND kode = '' AND uraian = ?2"
            ),
            params![parent, uraian.trim()],
            |r| r.get(0),
        )
        .optional()?
    } else {
        tx.query_row(
            &format!("SELECT id FROM {table} WHERE {parent_col} = ?1 AND kode = ?2"),
            params![parent, kode.trim()],
            |r| r.get(0),
        )
        .optional()?
    };
    Ok(match found {
        Some(id) => {
            tx.execute(
                &format!("UPDATE {table} SET uraian = ?1 WHERE id = ?2"),
                params![uraian.trim(), id],
            )?;
            id
        }
        None => {
            tx.execute(
                &format!(
                    "INSERT INTO {table} ({parent_col}, kode, uraian, urutan)
                     VALUES (?1, ?2, ?3, (SELECT count(*) FROM {table} WHERE {parent_col} = ?1))"
                ),
                params![parent, kode.trim(), uraian.trim()],
            )?;
            tx.last_insert_rowid()
        }
    })
}

/// Writes a checked workbook: the Renstra rows, then the Renja items.
fn apply(
    tx: &Transaction<'_>,
    wb: &Workbook,
    units: &HashMap<String, UnitId>,
) -> Result<ImportSummary> {
    let mut s = ImportSummary::default();
    let mut sasaran_by_kode: HashMap<String, SasaranId> = HashMap::new();
    for r in &wb.renstra {
        let sasaran = apply_renstra(tx, r, units, &mut s)?;
        if !r.kode_sasaran.trim().is_empty() {
            sasaran_by_kode.insert(r.kode_sasaran.trim().to_string(), sasaran);
        }
    }
    // Renja: parents first (the reader gives programs before their kegiatan).
    let mut ids: HashMap<(i32, String), RenjaItemId> = HashMap::new();
    let mut rows: Vec<&RenjaRow> = wb.renja.iter().collect();
    rows.sort_by_key(|r| (r.tahun, r.tingkat as u8));
    for r in rows {
        let id = apply_renja(tx, r, units, &sasaran_by_kode, &ids, &mut s)?;
        ids.insert((r.tahun, r.kode.trim().to_string()), id);
    }
    Ok(s)
}

/// The active unit a workbook names (trimmed, case-insensitive).
fn unit_named(units: &HashMap<String, UnitId>, name: &str) -> Option<UnitId> {
    units.get(&name.trim().to_lowercase()).copied()
}

/// Writes one Renstra row: its period, tujuan, sasaran and indikator.
/// Returns the sasaran.
fn apply_renstra(
    tx: &Transaction<'_>,
    r: &RenstraRow,
    units: &HashMap<String, UnitId>,
    s: &mut ImportSummary,
) -> Result<SasaranId> {
    let period = period(tx, r.periode)?;
    let tujuan = TujuanId(node(
        tx,
        "renstra_tujuan",
        "period_id",
        period.0,
        &r.kode_tujuan,
        &r.tujuan,
    )?);
    let sasaran = SasaranId(node(
        tx,
        "renstra_sasaran",
        "tujuan_id",
        tujuan.0,
        &r.kode_sasaran,
        &r.sasaran,
    )?);
    let existing = existing_indikator(tx, sasaran, r)?;
    let ind = NewIndikator {
        sasaran_id: sasaran,
        kode: r.kode_indikator.clone(),
        nama: r.indikator.clone(),
        satuan: r.satuan.clone(),
        baseline_tahun: r.baseline_tahun,
        baseline_nilai: r.baseline_nilai.clone(),
        definisi: r.definisi.clone(),
        formula: r.formula.clone(),
        sumber_data: r.sumber_data.clone(),
        naik_baik: r.naik_baik,
        kumulatif: r.kumulatif,
        unit_id: unit_named(units, &r.penanggung_jawab),
        targets: r.targets.clone(),
    };
    write_indikator(tx, existing, &ind)?;
    match existing {
        Some(_) => s.indikator_diperbarui += 1,
        None => s.indikator_baru += 1,
    }
    Ok(sasaran)
}

/// The period of these years, inserted when new.
fn period(tx: &Transaction<'_>, (awal, akhir): (i32, i32)) -> Result<PeriodId> {
    let found: Option<PeriodId> = tx
        .query_row(
            "SELECT id FROM renstra_period WHERE tahun_awal = ?1 AND tahun_akhir = ?2",
            [awal, akhir],
            |x| x.get(0),
        )
        .optional()?;
    Ok(match found {
        Some(id) => id,
        None => {
            tx.execute(
                "INSERT INTO renstra_period (tahun_awal, tahun_akhir, nama) VALUES (?1, ?2, ?3)",
                params![awal, akhir, format!("Renstra {awal}–{akhir}")],
            )?;
            PeriodId(tx.last_insert_rowid())
        }
    })
}

/// The row's indikator under `sasaran`, by kode (or by name where it has none).
fn existing_indikator(
    tx: &Transaction<'_>,
    sasaran: SasaranId,
    r: &RenstraRow,
) -> Result<Option<IndikatorId>> {
    Ok(if r.kode_indikator.trim().is_empty() {
        tx.query_row(
            "SELECT id FROM renstra_indikator WHERE sasaran_id = ?1 AND kode = '' AND nama = ?2",
            params![sasaran, r.indikator.trim()],
            |x| x.get(0),
        )
        .optional()?
    } else {
        tx.query_row(
            "SELECT id FROM renstra_indikator WHERE sasaran_id = ?1 AND kode = ?2",
            params![sasaran, r.kode_indikator.trim()],
            |x| x.get(0),
        )
        .optional()?
    })
}

/// Writes one Renja item (its year too). `ids` holds the items written so far.
fn apply_renja(
    tx: &Transaction<'_>,
    r: &RenjaRow,
    units: &HashMap<String, UnitId>,
    sasaran_by_kode: &HashMap<String, SasaranId>,
    ids: &HashMap<(i32, String), RenjaItemId>,
    s: &mut ImportSummary,
) -> Result<RenjaItemId> {
    tx.execute(
        "INSERT OR IGNORE INTO renja_year (tahun) VALUES (?1)",
        [r.tahun],
    )?;
    let kode = r.kode.trim().to_string();
    let parent = renja_parent(tx, r, &kode, ids)?;
    let existing: Option<RenjaItemId> = tx
        .query_row(
            "SELECT id FROM renja_item WHERE tahun = ?1 AND kode = ?2",
            params![r.tahun, kode],
            |x| x.get(0),
        )
        .optional()?;
    let sasaran_id = renja_sasaran(tx, r, existing, sasaran_by_kode)?;
    let item = NewRenjaItem {
        tahun: r.tahun,
        parent_id: parent,
        level: r.tingkat,
        kode,
        nama: r.nama.clone(),
        unit_id: unit_named(units, &r.unit),
        sasaran_id,
        pagu: r.pagu,
        pagu_dpa: r.pagu_dpa,
    };
    let ind: Vec<RenjaIndikatorInput> = r
        .indikator
        .iter()
        .map(|i| (i.nama.clone(), i.satuan.clone(), i.target.clone()))
        .collect();
    let id = write_renja_item(tx, existing, &item, &ind)?;
    match existing {
        Some(_) => s.renja_diperbarui += 1,
        None => s.renja_baru += 1,
    }
    Ok(id)
}

/// The parent of a kegiatan (its program) or sub kegiatan (its kegiatan):
/// written by this import or already in the database.
fn renja_parent(
    tx: &Transaction<'_>,
    r: &RenjaRow,
    kode: &str,
    ids: &HashMap<(i32, String), RenjaItemId>,
) -> Result<Option<RenjaItemId>> {
    if r.tingkat == Tingkat::Program {
        return Ok(None);
    }
    let pk = kode.rsplit_once('.').map(|(p, _)| p).unwrap_or_default();
    // Kegiatan "5.03.02.2.01" → program "5.03.02": strip two parts.
    let pk = if r.tingkat == Tingkat::Kegiatan {
        pk.rsplit_once('.').map(|(p, _)| p).unwrap_or_default()
    } else {
        pk
    };
    Ok(match ids.get(&(r.tahun, pk.to_string())) {
        Some(id) => Some(*id),
        None => tx
            .query_row(
                "SELECT id FROM renja_item WHERE tahun = ?1 AND kode = ?2",
                params![r.tahun, pk],
                |x| x.get(0),
            )
            .optional()?,
    })
}

/// The sasaran an item supports: by its Kode Sasaran Renstra; a sheet
/// without Renstra keeps the item's existing sasaran link.
fn renja_sasaran(
    tx: &Transaction<'_>,
    r: &RenjaRow,
    existing: Option<RenjaItemId>,
    sasaran_by_kode: &HashMap<String, SasaranId>,
) -> Result<Option<SasaranId>> {
    let sasaran_id = (!r.kode_sasaran.trim().is_empty())
        .then(|| sasaran_by_kode.get(r.kode_sasaran.trim()).copied())
        .flatten();
    Ok(match (sasaran_id, existing) {
        (None, Some(id)) => tx.query_row(
            "SELECT sasaran_id FROM renja_item WHERE id = ?1",
            [id],
            |x| x.get(0),
        )?,
        (s, _) => s,
    })
}
