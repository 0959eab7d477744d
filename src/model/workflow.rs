//! The SOP workflow engine: pure rules over a cycle (one run of an SOP
//! template, e.g. "Penyusunan PK Tahun 2027") and its task visits.
//!
//! A *visit* is one task on one step: the step's first arrival, every return
//! after a Tolak, and on a fan-out (`per_unit`) step one task per unit. Each
//! visit has its own clock. The engine never persists anything; it returns the
//! [`Change`] an action makes, and the store writes it in one transaction
//! together with its audit entry.
//!
//! Flow rules:
//! - a non-decision step is completed with `Selesai`; a decision with `Ya`
//!   (go on to the next step) or `Tolak` (a reason is required; a fresh visit of
//!   the template's reject target opens);
//! - a run of consecutive fan-out steps is walked by every unit on its own; the
//!   step after the run opens when every unit of the cycle has completed the
//!   run's last step in the current round;
//! - a Tolak on a unit's task affects only that unit: its rework path opens for
//!   that unit alone and comes back to the fan-out run for that unit;
//! - the cycle ends when the last step is completed.

use super::id::{OfficialId, UnitId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::sop::SopTemplate;
use crate::model::worktime::{Kalender, Vonis, vonis};

/// What a finished visit ended with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// An activity was done.
    Selesai,
    /// A decision approved: go on.
    Ya,
    /// A decision rejected: back to the reject target.
    Tolak,
}

impl Outcome {
    pub fn kode(self) -> &'static str {
        match self {
            Outcome::Selesai => "selesai",
            Outcome::Ya => "ya",
            Outcome::Tolak => "tolak",
        }
    }
    pub fn parse(s: &str) -> Option<Outcome> {
        match s {
            "selesai" => Some(Outcome::Selesai),
            "ya" => Some(Outcome::Ya),
            "tolak" => Some(Outcome::Tolak),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Selesai => "Selesai",
            Outcome::Ya => "Ya (disetujui)",
            Outcome::Tolak => "Tolak",
        }
    }
}

/// One task: a visit of a step (for one unit on a fan-out step).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    /// Sequence number within the cycle, 1-based, in order of opening.
    pub seq: u32,
    /// Index of the step in the template.
    pub step: usize,
    /// The unit this task is for: fan-out tasks and a unit's rework path.
    pub unit: Option<UnitId>,
    /// The visit whose completion opened this one (None: the cycle's start).
    pub opened_by: Option<u32>,
    /// Fan-out round: a new round starts each time the shared flow enters a
    /// fan-out run; rework paths keep their round.
    pub round: u32,
    pub started_at: DateTime<Utc>,
    /// Standard time of the step in working minutes, frozen at opening.
    pub standard_minutes: u32,
    pub finished_at: Option<DateTime<Utc>>,
    /// The working time it used, counted when it finished (None: still
    /// open, or finished before perkin kept it).
    pub used: Option<chrono::Duration>,
    pub outcome: Option<Outcome>,
    pub note: String,
    /// The reason of a Tolak.
    pub reason: String,
    /// Who performed it (the official, if known, and the name as recorded).
    pub performer_id: Option<OfficialId>,
    pub performer: String,
}

impl Visit {
    pub fn is_open(&self) -> bool {
        self.finished_at.is_none()
    }

    /// The verdict: a finished visit's as it was when it finished (its kept
    /// working time), an open one's counted now in `kal`.
    pub fn vonis(&self, kal: &Kalender, now: DateTime<Utc>) -> Vonis {
        match (self.finished_at, self.used) {
            (Some(_), Some(used)) => Vonis::selesai(used, self.standard_minutes),
            _ => vonis(
                kal,
                self.started_at,
                self.standard_minutes,
                self.finished_at,
                now,
            ),
        }
    }
}

/// The state of one cycle, as the engine needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cycle {
    pub template: SopTemplate,
    /// The units taking part (each gets a task on fan-out steps).
    pub units: Vec<UnitId>,
    /// Working minutes of one "hari" in the office calendar, frozen at start.
    pub standard_day_minutes: u32,
    pub visits: Vec<Visit>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// What a user does to an open task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Selesai,
    Ya,
    Tolak { reason: String },
}

/// Who acted, and when, with a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Act {
    pub action: Action,
    pub performer_id: Option<OfficialId>,
    pub performer: String,
    pub note: String,
    pub now: DateTime<Utc>,
}

/// The effect of one action: the closed visit and the visits it opens.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub closed: Visit,
    pub opened: Vec<Visit>,
    pub cycle_finished: bool,
}

/// Longest note or rejection reason on a task, in characters.
pub const MAX_CATATAN: usize = 2_000;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("Templat SOP tidak memiliki langkah")]
    NoSteps,
    #[error("Langkah {step} dikerjakan per unit: pilih minimal satu unit untuk siklus ini")]
    NoUnits { step: String },
    #[error("Unit yang sama dipilih lebih dari sekali")]
    DuplicateUnit,
    #[error("Siklus sudah selesai: tidak ada langkah yang dapat diproses lagi")]
    CycleFinished,
    #[error("Tugas nomor {0} tidak ada pada siklus ini")]
    NoSuchVisit(u32),
    #[error(
        "Langkah {no} ({kegiatan}) sudah diselesaikan; hanya langkah yang sedang berjalan yang dapat diproses"
    )]
    NotCurrent { no: String, kegiatan: String },
    #[error("Langkah {no} tidak ada pada SOP ini")]
    NoSuchStep { no: String },
    #[error(
        "Langkah {no} belum berjalan, tidak boleh dilompati. Langkah yang sedang berjalan: {current}"
    )]
    Skipping { no: String, current: String },
    #[error("Langkah {no} sedang berjalan untuk beberapa unit: sebutkan unitnya")]
    AmbiguousUnit { no: String },
    #[error("Langkah {no} bukan keputusan: gunakan Selesai, bukan Ya/Tolak")]
    NotADecision { no: String },
    #[error("Langkah {no} adalah keputusan: pilih Ya (setujui) atau Tolak")]
    IsADecision { no: String },
    #[error("Alasan penolakan wajib diisi")]
    ReasonRequired,
    #[error("{apa} terlalu panjang (maksimal {MAX_CATATAN} karakter)")]
    TooLong { apa: &'static str },
    #[error("Waktu penyelesaian ({at}) tidak boleh sebelum langkah dimulai ({start})")]
    BeforeStart { at: String, start: String },
}

impl Cycle {
    /// Opens the first visit(s) of a new cycle.
    pub fn start(
        template: SopTemplate,
        units: Vec<UnitId>,
        standard_day_minutes: u32,
        now: DateTime<Utc>,
    ) -> Result<Cycle, WorkflowError> {
        if template.langkah.is_empty() {
            return Err(WorkflowError::NoSteps);
        }
        let mut seen = std::collections::HashSet::new();
        if !units.iter().all(|u| seen.insert(*u)) {
            return Err(WorkflowError::DuplicateUnit);
        }
        if units.is_empty()
            && let Some(l) = template.langkah.iter().find(|l| l.per_unit)
        {
            return Err(WorkflowError::NoUnits { step: l.no.clone() });
        }
        let mut cycle = Cycle {
            template,
            units,
            standard_day_minutes,
            visits: Vec::new(),
            finished_at: None,
        };
        let opened = cycle.open_shared(0, None, now);
        cycle.visits = opened;
        Ok(cycle)
    }

    /// The open tasks.
    pub fn open_visits(&self) -> impl Iterator<Item = &Visit> {
        self.visits.iter().filter(|v| v.is_open())
    }

    pub fn visit(&self, seq: u32) -> Option<&Visit> {
        self.visits.iter().find(|v| v.seq == seq)
    }

    /// Indices of the steps that have an open task.
    pub fn current_steps(&self) -> Vec<usize> {
        let mut s: Vec<usize> = self.open_visits().map(|v| v.step).collect();
        s.sort_unstable();
        s.dedup();
        s
    }

    /// Finds the open task of a step by its printed number (and unit, where
    /// the step runs for several units at once).
    pub fn find_task(&self, no: &str, unit: Option<UnitId>) -> Result<&Visit, WorkflowError> {
        if self.finished_at.is_some() {
            return Err(WorkflowError::CycleFinished);
        }
        let step = self
            .template
            .indeks_langkah(no)
            .ok_or_else(|| WorkflowError::NoSuchStep { no: no.to_string() })?;
        let open: Vec<&Visit> = self
            .open_visits()
            .filter(|v| v.step == step && (unit.is_none() || v.unit == unit))
            .collect();
        match open.as_slice() {
            [one] => Ok(one),
            [] => {
                let done_before = self.visits.iter().any(|v| v.step == step);
                if done_before && self.open_visits().all(|v| v.step != step) {
                    let l = &self.template.langkah[step];
                    if self.current_steps().iter().all(|&c| c > step) {
                        return Err(WorkflowError::NotCurrent {
                            no: l.no.clone(),
                            kegiatan: l.kegiatan.clone(),
                        });
                    }
                }
                Err(WorkflowError::Skipping {
                    no: no.to_string(),
                    current: self.describe_current(),
                })
            }
            _ => Err(WorkflowError::AmbiguousUnit { no: no.to_string() }),
        }
    }

    /// "3 (Memeriksa …)" for every step with an open task.
    pub fn describe_current(&self) -> String {
        let cur = self.current_steps();
        if cur.is_empty() {
            return "tidak ada".to_string();
        }
        cur.iter()
            .map(|&i| {
                format!(
                    "{} ({})",
                    self.template.langkah[i].no, self.template.langkah[i].kegiatan
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Computes what acting on the open task `seq` changes. Nothing is
    /// modified; see [`Cycle::apply`].
    pub fn act(&self, seq: u32, act: &Act) -> Result<Change, WorkflowError> {
        if self.finished_at.is_some() {
            return Err(WorkflowError::CycleFinished);
        }
        let visit = self.visit(seq).ok_or(WorkflowError::NoSuchVisit(seq))?;
        let step = &self.template.langkah[visit.step];
        if !visit.is_open() {
            return Err(WorkflowError::NotCurrent {
                no: step.no.clone(),
                kegiatan: step.kegiatan.clone(),
            });
        }
        if act.now < visit.started_at {
            return Err(WorkflowError::BeforeStart {
                at: act.now.to_rfc3339(),
                start: visit.started_at.to_rfc3339(),
            });
        }
        if act.note.trim().chars().count() > MAX_CATATAN {
            return Err(WorkflowError::TooLong { apa: "Catatan" });
        }
        if let Action::Tolak { reason } = &act.action
            && reason.trim().chars().count() > MAX_CATATAN
        {
            return Err(WorkflowError::TooLong {
                apa: "Alasan penolakan",
            });
        }
        let decision = self.template.keputusan(visit.step);
        let outcome = match (&act.action, decision) {
            (Action::Selesai, false) => Outcome::Selesai,
            (Action::Selesai, true) => {
                return Err(WorkflowError::IsADecision {
                    no: step.no.clone(),
                });
            }
            (Action::Ya | Action::Tolak { .. }, false) => {
                return Err(WorkflowError::NotADecision {
                    no: step.no.clone(),
                });
            }
            (Action::Ya, true) => Outcome::Ya,
            (Action::Tolak { reason }, true) => {
                if reason.trim().is_empty() {
                    return Err(WorkflowError::ReasonRequired);
                }
                Outcome::Tolak
            }
        };

        let mut closed = visit.clone();
        closed.finished_at = Some(act.now);
        closed.outcome = Some(outcome);
        closed.note = act.note.trim().to_string();
        closed.reason = match &act.action {
            Action::Tolak { reason } => reason.trim().to_string(),
            _ => String::new(),
        };
        closed.performer_id = act.performer_id;
        closed.performer = act.performer.trim().to_string();

        // The state as it would be with this visit closed, for the join check.
        let mut after = self.clone();
        if let Some(v) = after.visits.iter_mut().find(|v| v.seq == seq) {
            *v = closed.clone();
        }

        let mut opened = Vec::new();
        let n_steps = self.template.langkah.len();
        let per_unit = |i: usize| self.template.langkah[i].per_unit;
        if outcome == Outcome::Tolak {
            // The template guarantees the target exists (validated at parse).
            let target = self.template.target_tolak(visit.step).unwrap_or(visit.step);
            match visit.unit {
                Some(u) => {
                    opened.push(after.new_visit(target, Some(u), Some(seq), visit.round, act.now))
                }
                None => opened = after.open_shared(target, Some(seq), act.now),
            }
        } else {
            let next = visit.step + 1;
            match visit.unit {
                Some(u) if !per_unit(visit.step) || (next < n_steps && per_unit(next)) => {
                    // A unit's own path: its rework before the fan-out run, or
                    // the next step of the run.
                    if next < n_steps {
                        opened.push(after.new_visit(
                            next,
                            Some(u),
                            Some(seq),
                            visit.round,
                            act.now,
                        ));
                    }
                }
                Some(_) => {
                    // The last step of a fan-out run: join when every unit is through.
                    if after.round_complete(visit.step, visit.round) && next < n_steps {
                        opened = after.open_shared(next, Some(seq), act.now);
                    }
                }
                None => {
                    if next < n_steps {
                        opened = after.open_shared(next, Some(seq), act.now);
                    }
                }
            }
        }
        after.visits.extend(opened.iter().cloned());
        let cycle_finished = after.open_visits().next().is_none();
        Ok(Change {
            closed,
            opened,
            cycle_finished,
        })
    }

    /// Applies a change computed by [`Cycle::act`].
    pub fn apply(&mut self, change: &Change) {
        if let Some(v) = self.visits.iter_mut().find(|v| v.seq == change.closed.seq) {
            *v = change.closed.clone();
        }
        self.visits.extend(change.opened.iter().cloned());
        if change.cycle_finished {
            self.finished_at = change.closed.finished_at;
        }
    }

    /// The shared flow arrives at `step`: one task, or on a fan-out step one
    /// task per unit in a new round.
    fn open_shared(&self, step: usize, opened_by: Option<u32>, now: DateTime<Utc>) -> Vec<Visit> {
        let round = self.visits.iter().map(|v| v.round).max().unwrap_or(0) + 1;
        if self.template.langkah[step].per_unit {
            let mut out: Vec<Visit> = Vec::with_capacity(self.units.len());
            for (k, &u) in self.units.iter().enumerate() {
                let mut v = self.new_visit(step, Some(u), opened_by, round, now);
                v.seq += k as u32;
                out.push(v);
            }
            out
        } else {
            vec![self.new_visit(step, None, opened_by, round, now)]
        }
    }

    fn new_visit(
        &self,
        step: usize,
        unit: Option<UnitId>,
        opened_by: Option<u32>,
        round: u32,
        now: DateTime<Utc>,
    ) -> Visit {
        let l = &self.template.langkah[step];
        Visit {
            seq: self.visits.iter().map(|v| v.seq).max().unwrap_or(0) + 1,
            step,
            unit,
            opened_by,
            round,
            started_at: now,
            standard_minutes: l.waktu.menit_kerja(self.standard_day_minutes),
            finished_at: None,
            used: None,
            outcome: None,
            note: String::new(),
            reason: String::new(),
            performer_id: None,
            performer: String::new(),
        }
    }

    /// Every unit's latest task on `step` in `round` is done and approved.
    fn round_complete(&self, step: usize, round: u32) -> bool {
        self.units
            .iter()
            .all(|&u| self.unit_through(step, round, u))
    }

    /// The unit's latest task on `step` in `round` is done and approved.
    fn unit_through(&self, step: usize, round: u32, unit: UnitId) -> bool {
        self.visits
            .iter()
            .filter(|v| v.step == step && v.unit == Some(unit) && v.round == round)
            .max_by_key(|v| v.seq)
            .is_some_and(|v| !v.is_open() && v.outcome != Some(Outcome::Tolak))
    }

    /// Per step: how many of the cycle's units are through the step in the
    /// current round (for fan-out progress displays).
    pub fn units_done(&self, step: usize) -> usize {
        let round = self
            .visits
            .iter()
            .filter(|v| v.step == step)
            .map(|v| v.round)
            .max()
            .unwrap_or(0);
        self.units
            .iter()
            .filter(|&&u| self.unit_through(step, round, u))
            .count()
    }
}

// ---------------------------------------------------------------------------
// Where each step and each open task stands against its standard time

/// Share of the standard time after which a running task is "hampir habis"
/// (almost out of time), in percent.
pub const HAMPIR_HABIS_PERSEN: u32 = 75;

/// Where a running task stands against its standard time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TaskStatus {
    /// Past due.
    Lewat,
    /// Over [`HAMPIR_HABIS_PERSEN`] of the standard time used.
    HampirHabis,
    TepatWaktu,
}

impl TaskStatus {
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::Lewat => "Lewat batas",
            TaskStatus::HampirHabis => "Hampir habis",
            TaskStatus::TepatWaktu => "Tepat waktu",
        }
    }

    /// The status of an open task from its verdict, with its sort key:
    /// the overrun in working minutes (at least 1 when past due), or minus
    /// the minutes left.
    pub fn of(verdict: &Vonis) -> (TaskStatus, i64) {
        match verdict {
            Vonis::LewatBatas { lewat, .. } => (TaskStatus::Lewat, lewat.num_minutes().max(1)),
            Vonis::Berjalan { persen, sisa, .. } if *persen > HAMPIR_HABIS_PERSEN => {
                (TaskStatus::HampirHabis, -sisa.num_minutes())
            }
            Vonis::Berjalan { sisa, .. } => (TaskStatus::TepatWaktu, -sisa.num_minutes()),
            Vonis::TepatWaktu { .. } | Vonis::Terlambat { .. } => (TaskStatus::TepatWaktu, 0),
        }
    }
}

/// What happened at a step in one cycle (see [`states_of`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Not reached yet (or no cycle selected).
    Future,
    /// The step has an open task.
    Current {
        /// Share of the standard time used, in percent; exceeds 100 when late.
        persen: u32,
        /// Past its standard time (an open task is "Lewat batas").
        late: bool,
        /// Fan-out: units through the step in the current round.
        units_done: usize,
        /// Fan-out: units of the cycle; 0 when the step is not per unit.
        units_total: usize,
        /// A due time reaches a year with no holiday recorded: it is
        /// counted with weekends and office hours only.
        tanpa_libur: bool,
    },
    /// Every task of the step is closed. Summarises the latest visit (on a
    /// fan-out step, the slowest unit's latest visit); earlier visits (before
    /// a Tolak) are listed in the hover.
    Done {
        late: bool,
        /// Working minutes used.
        used_minutes: i64,
        /// Standard time in working minutes.
        standard_minutes: u32,
        /// Fan-out: units through the step (fewer than `units_total` while a
        /// unit's rework after a Tolak is under way elsewhere).
        units_done: usize,
        /// Fan-out: units of the cycle; 0 when the step is not per unit.
        units_total: usize,
    },
}

impl StepState {
    pub fn is_current(&self) -> bool {
        matches!(self, StepState::Current { .. })
    }
}

/// What happened at each step of `cycle` at `now`:
///
/// - a step with an open task is [`StepState::Current`]: `persen` is the
///   largest share of the standard time used among its open tasks (working
///   time from `kal`, not capped at 100), `late` whether any open task is past
///   its standard time;
/// - a step whose tasks are all closed is [`StepState::Done`], summarising its
///   latest visit (on a fan-out step the slowest unit's latest visit);
/// - a step never visited is [`StepState::Future`].
///
/// Fan-out counts come from [`Cycle::units_done`] and the cycle's units.
pub fn states_of(cycle: &Cycle, kal: &Kalender, now: DateTime<Utc>) -> Vec<StepState> {
    let t = &cycle.template;
    (0..t.langkah.len())
        .map(|i| {
            let mut vs: Vec<&Visit> = cycle.visits.iter().filter(|v| v.step == i).collect();
            vs.sort_by_key(|v| v.seq);
            let per_unit = t.langkah[i].per_unit;
            let units_total = if per_unit { cycle.units.len() } else { 0 };
            let units_done = if per_unit { cycle.units_done(i) } else { 0 };
            let open: Vec<&&Visit> = vs.iter().filter(|v| v.is_open()).collect();
            if !open.is_empty() {
                let persen = open.iter().map(|v| share(kal, v, now)).max().unwrap_or(0);
                let late = open.iter().any(|v| {
                    matches!(
                        vonis(kal, v.started_at, v.standard_minutes, None, now),
                        Vonis::LewatBatas { .. }
                    )
                });
                let tanpa_libur = open.iter().any(|v| {
                    let due = kal.tambah_menit_kerja(v.started_at, v.standard_minutes);
                    let (a, b) = (kal.ke_lokal(v.started_at).date(), kal.ke_lokal(due).date());
                    !kal.tahun_tanpa_libur(a, b).is_empty()
                });
                StepState::Current {
                    persen,
                    late,
                    units_done,
                    units_total,
                    tanpa_libur,
                }
            } else if let Some((used_minutes, standard_minutes)) = latest_summary(kal, &vs) {
                StepState::Done {
                    late: used_minutes > i64::from(standard_minutes),
                    used_minutes,
                    standard_minutes,
                    units_done,
                    units_total,
                }
            } else {
                StepState::Future
            }
        })
        .collect()
}

/// Share of the standard used by an open visit, in percent (uncapped).
fn share(kal: &Kalender, v: &Visit, now: DateTime<Utc>) -> u32 {
    let used = kal.durasi_kerja(v.started_at, now).num_seconds().max(0);
    let std = i64::from(v.standard_minutes) * 60;
    if std == 0 {
        return 100;
    }
    u32::try_from(used * 100 / std).unwrap_or(u32::MAX)
}

/// (used working minutes, standard minutes) of the latest visit of a step
/// whose visits are all closed; per unit the latest visit of each unit, the
/// slowest (relative to its standard) of those.
fn latest_summary(kal: &Kalender, vs: &[&Visit]) -> Option<(i64, u32)> {
    let mut latest: Vec<&Visit> = Vec::new();
    for v in vs.iter().rev() {
        if !latest.iter().any(|l| l.unit == v.unit) {
            latest.push(v);
        }
    }
    latest
        .iter()
        .filter_map(|v| {
            let done = v.finished_at?;
            let used = v
                .used
                .unwrap_or_else(|| kal.durasi_kerja(v.started_at, done))
                .num_minutes();
            Some((used, v.standard_minutes))
        })
        .max_by_key(|&(used, std)| (used - i64::from(std), used))
}

#[cfg(test)]
mod state_tests {
    use super::*;
    use crate::model::sop::sop_bawaan;
    use crate::model::worktime::Zona;
    use chrono::{Duration, NaiveDate};

    fn wib(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
            .and_local_timezone(Zona::Wib.offset())
            .unwrap()
            .with_timezone(&Utc)
    }

    fn act(c: &mut Cycle, no: &str, unit: Option<UnitId>, action: Action, now: DateTime<Utc>) {
        let seq = c.find_task(no, unit).unwrap().seq;
        let act = Act {
            action,
            performer_id: None,
            performer: "Uji".into(),
            note: String::new(),
            now,
        };
        let change = c.act(seq, &act).unwrap();
        c.apply(&change);
    }

    #[test]
    fn running_tasks_are_on_time_almost_out_or_past_due() {
        let m = Duration::minutes;
        let running = |persen, sisa| Vonis::Berjalan {
            terpakai: m(1),
            sisa: m(sisa),
            persen,
        };
        assert_eq!(
            TaskStatus::of(&running(75, 30)),
            (TaskStatus::TepatWaktu, -30)
        );
        assert_eq!(
            TaskStatus::of(&running(76, 20)),
            (TaskStatus::HampirHabis, -20)
        );
        let late = Vonis::LewatBatas {
            terpakai: m(90),
            lewat: m(0),
        };
        assert_eq!(TaskStatus::of(&late), (TaskStatus::Lewat, 1));
        assert!(TaskStatus::Lewat < TaskStatus::HampirHabis);
        assert_eq!(TaskStatus::HampirHabis.label(), "Hampir habis");
    }

    #[test]
    fn step_states_follow_the_cycle() {
        let kal = Kalender::standar(Zona::Wib);
        let b = sop_bawaan()
            .iter()
            .find(|b| b.kode == "bkpsdm-90-2023")
            .unwrap();
        let t = b.muat().unwrap();
        let units = vec![UnitId(1), UnitId(2)];
        let mut c = Cycle::start(t, units.clone(), 450, wib(23, 8, 0)).unwrap();
        let s = states_of(&c, &kal, wib(23, 8, 1));
        assert!(s[0].is_current());
        assert!(s[1..].iter().all(|s| *s == StepState::Future));
        // Step 1 (5 menit) done in 10 minutes: late.
        act(&mut c, "1", None, Action::Selesai, wib(23, 8, 10));
        let s = states_of(&c, &kal, wib(23, 8, 10));
        assert!(matches!(
            s[0],
            StepState::Done {
                late: true,
                used_minutes: 10,
                standard_minutes: 5,
                ..
            }
        ));
        act(&mut c, "2", None, Action::Selesai, wib(23, 8, 20));
        act(&mut c, "3", Some(UnitId(1)), Action::Ya, wib(23, 8, 30));
        let i3 = c.template.indeks_langkah("3").unwrap();
        match &states_of(&c, &kal, wib(23, 8, 30))[i3] {
            StepState::Current {
                units_done,
                units_total,
                late,
                ..
            } => assert_eq!((*units_done, *units_total, *late), (1, 2, false)),
            s => panic!("{s:?}"),
        }
    }
}
