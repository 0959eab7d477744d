//! Cycles (process instances of an SOP) and their task visits. Every action
//! on a task is computed by the pure engine and written here in one
//! transaction together with its audit entry.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde_json::json;

use super::{AuditMeta, Result, Store, StoreError, Written, image, parse_ts, ts};
use crate::model::id::{CycleId, UnitId, VersionId};
use crate::model::sop::SopTemplate;
use crate::model::workflow::{Act, Action, Cycle, Outcome, Visit};

/// A cycle as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CycleRow {
    pub id: CycleId,
    pub nama: String,
    pub tahun: i32,
    pub template_kode: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// An open task, resolved for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRow {
    pub cycle_id: CycleId,
    pub seq: u32,
    pub step_no: String,
    pub kegiatan: String,
    pub pelaksana: String,
    pub unit: Option<String>,
    pub started_at: DateTime<Utc>,
    pub standard_minutes: u32,
}

impl Store {
    /// Starts a cycle on a template for the given units (each with its
    /// agreement version, if one is attached). Returns the cycle id.
    pub fn start_cycle(
        &mut self,
        template_kode: &str,
        nama: &str,
        tahun: i32,
        units: &[(UnitId, Option<VersionId>)],
        now: DateTime<Utc>,
    ) -> Result<CycleId> {
        if nama.trim().is_empty() {
            return Err(StoreError::Invalid("Nama siklus wajib diisi".into()));
        }
        if nama.trim().chars().count() > 200 {
            return Err(StoreError::Invalid(
                "Nama siklus terlalu panjang (maksimal 200 karakter)".into(),
            ));
        }
        let source: String = self
            .conn
            .query_row(
                "SELECT source FROM sop_template WHERE kode = ?1",
                [template_kode],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Templat SOP '{template_kode}'")))?;
        let template = SopTemplate::parse(&source, &format!("{template_kode}.toml"))
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        let known = self.units()?;
        for (u, _) in units {
            match known.iter().find(|k| k.id == *u) {
                None => return Err(StoreError::NotFound(format!("Unit {u}"))),
                Some(k) if k.retired => {
                    return Err(StoreError::Invalid(format!(
                        "Unit {} sudah tidak aktif",
                        k.nama
                    )));
                }
                Some(_) => {}
            }
        }
        let standard_day_minutes = self.calendar()?.standard_day_minutes();
        let cycle = Cycle::start(
            template,
            units.iter().map(|u| u.0).collect(),
            standard_day_minutes,
            now,
        )?;
        let after = json!({
            "templat": template_kode, "nama": nama.trim(), "tahun": tahun,
            "unit": units, "mulai": ts(now), "menit_per_hari": standard_day_minutes,
        });
        self.write(AuditMeta::new("mulai", "siklus"), |tx| {
            tx.execute(
                "INSERT INTO cycle (template_kode, template_source, nama, tahun, minutes_per_day, started_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![template_kode, source, nama.trim(), tahun, standard_day_minutes, ts(now)],
            )?;
            let id = CycleId(tx.last_insert_rowid());
            for (k, (u, v)) in units.iter().enumerate() {
                tx.execute(
                    "INSERT INTO cycle_unit (cycle_id, unit_id, urutan, version_id) VALUES (?1, ?2, ?3, ?4)",
                    params![id, u, k as i64, v],
                )?;
            }
            for v in &cycle.visits {
                insert_visit(tx, id, &cycle.template, v)?;
            }
            Ok(Written::new(id, id, None, Some(after)))
        })
    }

    pub fn cycles(&self) -> Result<Vec<CycleRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, nama, tahun, template_kode, started_at, finished_at FROM cycle ORDER BY id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let started: String = r.get(4)?;
                let finished: Option<String> = r.get(5)?;
                Ok(CycleRow {
                    id: r.get(0)?,
                    nama: r.get(1)?,
                    tahun: r.get(2)?,
                    template_kode: r.get(3)?,
                    started_at: parse_ts(&started)?,
                    finished_at: finished.as_deref().map(parse_ts).transpose()?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The units of a cycle in order, each with the agreement version it
    /// carries (if one was attached).
    pub fn cycle_units(&self, id: CycleId) -> Result<Vec<(UnitId, Option<VersionId>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT unit_id, version_id FROM cycle_unit WHERE cycle_id = ?1 ORDER BY urutan",
        )?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// A cycle's frozen template, parsed once per store.
    fn parsed_template(&self, source: &str, id: CycleId) -> Result<SopTemplate> {
        let mut cache = self.parsed.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(t) = cache.get(source) {
            return Ok(t.clone());
        }
        let t = SopTemplate::parse(source, &format!("siklus-{id}.toml"))
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        cache.insert(source.to_string(), t.clone());
        Ok(t)
    }

    /// The full state of a cycle, for the engine and the views.
    pub fn load_cycle(&self, id: CycleId) -> Result<Cycle> {
        let (source, standard_day_minutes, finished): (String, u32, Option<String>) = self
            .conn
            .query_row(
                "SELECT template_source, minutes_per_day, finished_at FROM cycle WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Siklus {id}")))?;
        let template = self.parsed_template(&source, id)?;
        let mut stmt = self
            .conn
            .prepare("SELECT unit_id FROM cycle_unit WHERE cycle_id = ?1 ORDER BY urutan")?;
        let units = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<UnitId>>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT seq, step_index, unit_id, opened_by, round, started_at, standard_minutes, finished_at, outcome,
                    note, reason, performer_id, performer, used_seconds
             FROM task_visit WHERE cycle_id = ?1 ORDER BY seq",
        )?;
        let visits = stmt
            .query_map([id], |r| {
                let started: String = r.get(5)?;
                let finished: Option<String> = r.get(7)?;
                let outcome: Option<String> = r.get(8)?;
                Ok(Visit {
                    seq: r.get(0)?,
                    step: r.get::<_, i64>(1)? as usize,
                    unit: r.get(2)?,
                    opened_by: r.get(3)?,
                    round: r.get(4)?,
                    started_at: parse_ts(&started)?,
                    standard_minutes: r.get(6)?,
                    finished_at: finished.as_deref().map(parse_ts).transpose()?,
                    used: r.get::<_, Option<i64>>(13)?.map(chrono::Duration::seconds),
                    outcome: outcome.as_deref().and_then(Outcome::parse),
                    note: r.get(9)?,
                    reason: r.get(10)?,
                    performer_id: r.get(11)?,
                    performer: r.get(12)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if visits.iter().any(|v| v.step >= template.langkah.len()) {
            return Err(StoreError::Invalid(format!(
                "Siklus {id}: tugas merujuk langkah yang tidak ada pada templatnya"
            )));
        }
        Ok(Cycle {
            template,
            units,
            standard_day_minutes,
            visits,
            finished_at: finished.as_deref().map(parse_ts).transpose()?,
        })
    }

    /// Acts on the open task `seq` of cycle `cycle_id`: Selesai, Ya or Tolak.
    /// Refused actions change nothing.
    pub fn act(&mut self, cycle_id: CycleId, seq: u32, act: &Act) -> Result<Cycle> {
        let mut cycle = self.load_cycle(cycle_id)?;
        let mut change = cycle.act(seq, act)?;
        // The working time it used, in today's calendar, kept with it.
        let kal = self.calendar()?;
        if let Some(done) = change.closed.finished_at {
            change.closed.used = Some(kal.durasi_kerja(change.closed.started_at, done));
        }
        let action = match act.action {
            Action::Selesai => "selesai",
            Action::Ya => "setujui",
            Action::Tolak { .. } => "tolak",
        };
        let before = cycle.visit(seq).map(image);
        let meta = AuditMeta {
            official_id: act.performer_id,
            ..AuditMeta::new(action, "tugas")
        };
        let template = cycle.template.clone();
        self.write(meta, |tx| {
            let c = &change.closed;
            tx.execute(
                "UPDATE task_visit SET finished_at = ?1, outcome = ?2, note = ?3, reason = ?4, performer_id = ?5, performer = ?6,
                    used_seconds = ?9
                 WHERE cycle_id = ?7 AND seq = ?8 AND finished_at IS NULL",
                params![
                    c.finished_at.map(ts),
                    c.outcome.map(|o| o.kode()),
                    c.note,
                    c.reason,
                    c.performer_id,
                    c.performer,
                    cycle_id,
                    seq,
                    c.used.map(|d| d.num_seconds())
                ],
            )?;
            for v in &change.opened {
                insert_visit(tx, cycle_id, &template, v)?;
            }
            if change.cycle_finished {
                tx.execute(
                    "UPDATE cycle SET finished_at = ?1 WHERE id = ?2",
                    params![c.finished_at.map(ts), cycle_id],
                )?;
            }
            let after = json!({
                "ditutup": image(c),
                "dibuka": change.opened.iter().map(|v| v.seq).collect::<Vec<_>>(),
                "siklus_selesai": change.cycle_finished,
            });
            Ok(Written::new((), format!("{cycle_id}:{seq}"), before, Some(after)))
        })?;
        cycle.apply(&change);
        Ok(cycle)
    }

    /// Every open task of every running cycle.
    pub fn open_tasks(&self) -> Result<Vec<TaskRow>> {
        let units: std::collections::HashMap<UnitId, String> =
            self.units()?.into_iter().map(|u| (u.id, u.nama)).collect();
        let mut out = Vec::new();
        for c in self
            .cycles()?
            .into_iter()
            .filter(|c| c.finished_at.is_none())
        {
            let cycle = self.load_cycle(c.id)?;
            for v in cycle.open_visits() {
                let l = &cycle.template.langkah[v.step];
                out.push(TaskRow {
                    cycle_id: c.id,
                    seq: v.seq,
                    step_no: l.no.clone(),
                    kegiatan: l.kegiatan.clone(),
                    pelaksana: cycle.template.nama_pelaksana(v.step).to_string(),
                    unit: v.unit.and_then(|u| units.get(&u).cloned()),
                    started_at: v.started_at,
                    standard_minutes: v.standard_minutes,
                });
            }
        }
        Ok(out)
    }
}

fn insert_visit(
    tx: &rusqlite::Transaction<'_>,
    cycle_id: CycleId,
    t: &SopTemplate,
    v: &Visit,
) -> Result<()> {
    tx.execute(
        "INSERT INTO task_visit (cycle_id, seq, step_index, step_no, unit_id, opened_by, round, started_at, standard_minutes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            cycle_id,
            v.seq,
            v.step as i64,
            t.langkah[v.step].no,
            v.unit,
            v.opened_by,
            v.round,
            ts(v.started_at),
            v.standard_minutes
        ],
    )?;
    Ok(())
}
