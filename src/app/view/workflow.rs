//! The cycles as the queue, the flowchart and Beranda show them: open tasks
//! with their status, every visit as display strings, each step's state and
//! how each SOP step kept its standard time over all cycles.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use crate::model::id::{CycleId, UnitId};
use crate::model::sop::SopTemplate;
use crate::model::workflow::{Cycle, StepState, TaskStatus, Visit, states_of};
use crate::model::worktime::{Kalender, Vonis, fmt_durasi, vonis};
use crate::store::{CycleRow, Store};

/// An open task as the queue lists it.
#[derive(Clone, Debug)]
pub struct TaskView {
    pub cycle_id: CycleId,
    pub seq: u32,
    /// The lane's name (filter key).
    pub lane: String,
    pub unit_id: Option<UnitId>,
    /// The step runs once per unit (the task's holder is the unit's head).
    pub per_unit: bool,
    /// A decision: Setujui or Tolak.
    pub keputusan: bool,
    pub kelengkapan: Vec<String>,
    /// Where a Tolak returns: "Langkah 5 — Memeriksa …".
    pub tolak_ke: Option<String>,
    pub cycle: String,
    pub step_no: String,
    pub kegiatan: String,
    pub pelaksana: String,
    pub unit: Option<String>,
    pub mulai: NaiveDateTime,
    pub batas: NaiveDateTime,
    pub status: TaskStatus,
    /// "Sisa 2 jam (45%)", "Lewat batas 2 jam".
    /// Years between the start and the due time whose holidays are not
    /// recorded: the due time counts them as working days.
    pub tanpa_libur: Vec<i32>,
    pub vonis: String,
    /// Sort key: overrun minutes (positive) or minus the minutes left.
    pub lewat_menit: i64,
}

/// One visit (task) of a step, as Indonesian display strings: the history
/// table and the flowchart's hover.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StepVisit {
    /// Unit name (fan-out tasks and a unit's rework path).
    pub unit: Option<String>,
    /// Start, local office time ("23 November 2026 08.00 WIB").
    pub mulai: String,
    /// End, local office time; `None` while open.
    pub selesai: Option<String>,
    /// Working time used ("1 jam 25 menit").
    pub terpakai: String,
    /// Standard time ("30 menit").
    pub standar: String,
    /// Verdict ("Tepat waktu", "Terlambat 55 menit", "Berjalan (16%)", …).
    pub vonis: String,
    /// Outcome ("Selesai", "Ya (disetujui)", "Tolak", "Sedang berjalan").
    pub hasil: String,
    /// The performer's note.
    pub catatan: String,
    /// The reason of a Tolak (empty otherwise).
    pub alasan: String,
    /// Who performed it.
    pub pelaku: String,
    /// The visit ran (or runs) past its standard time.
    pub late: bool,
}

/// One visit of a step, as the cycle's history lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    pub step: usize,
    pub step_no: String,
    pub kegiatan: String,
    /// The visit as the flowchart's hover shows it too.
    pub visit: StepVisit,
}

impl HistoryRow {
    pub const KOLOM: [&'static str; 10] = [
        "Langkah",
        "Kegiatan",
        "Unit",
        "Mulai",
        "Selesai",
        "Terpakai / standar",
        "Vonis",
        "Hasil",
        "Catatan",
        "Pelaku",
    ];

    pub fn cells(&self) -> [String; 10] {
        let v = &self.visit;
        let mut catatan = v.catatan.clone();
        if !v.alasan.is_empty() {
            if !catatan.is_empty() {
                catatan.push_str("; ");
            }
            catatan.push_str(&format!("alasan tolak: {}", v.alasan));
        }
        [
            self.step_no.clone(),
            self.kegiatan.clone(),
            v.unit.clone().unwrap_or_default(),
            v.mulai.clone(),
            v.selesai.clone().unwrap_or_else(|| "berjalan".into()),
            format!("{} / {}", v.terpakai, v.standar),
            v.vonis.clone(),
            // An open visit has no outcome yet ("berjalan" says so).
            if v.selesai.is_some() {
                v.hasil.clone()
            } else {
                String::new()
            },
            catatan,
            v.pelaku.clone(),
        ]
    }
}

/// A cycle as Alur SOP shows it.
#[derive(Clone, Debug)]
pub struct CycleView {
    pub id: CycleId,
    /// The template as frozen in the cycle at its start.
    pub sop: SopTemplate,
    /// Per step: its state in this cycle and its visits (for the flowchart).
    pub states: Vec<StepState>,
    pub step_visits: Vec<Vec<StepVisit>>,
    /// Every visit in order.
    pub history: Vec<HistoryRow>,
    pub nama: String,
    pub template: String,
    pub template_kode: String,
    pub selesai: bool,
    /// "Langkah 3 — Bidang …: Memeriksa … (Lewat batas 1 jam)".
    pub current: Vec<String>,
}

/// How one SOP step kept its standard time over every finished visit of
/// every cycle on its template.
#[derive(Clone, Debug, PartialEq)]
pub struct StepTimeliness {
    pub template: String,
    pub step_no: String,
    pub kegiatan: String,
    pub visits: u32,
    pub late: u32,
    /// Average overrun of the late visits, in working minutes.
    pub avg_late_minutes: i64,
}

fn waktu_lokal(kal: &Kalender, t: DateTime<Utc>) -> String {
    format!(
        "{} {}",
        crate::fmt::tanggal_jam(kal.ke_lokal(t)),
        kal.zona.kode()
    )
}

/// One visit as display strings; a day counts `mpd` working minutes.
pub fn visit_strings(
    kal: &Kalender,
    v: &Visit,
    now: DateTime<Utc>,
    mpd: u32,
    unit_name: &dyn Fn(UnitId) -> String,
) -> StepVisit {
    let vn = v.vonis(kal, now);
    let late = matches!(vn, Vonis::Terlambat { .. } | Vonis::LewatBatas { .. });
    StepVisit {
        unit: v.unit.map(unit_name),
        mulai: waktu_lokal(kal, v.started_at),
        selesai: v.finished_at.map(|f| waktu_lokal(kal, f)),
        terpakai: fmt_durasi(vn.terpakai(), mpd),
        standar: fmt_durasi(Duration::minutes(i64::from(v.standard_minutes)), mpd),
        vonis: vn.label_hari(mpd),
        hasil: v
            .outcome
            .map_or("Sedang berjalan", |o| o.label())
            .to_string(),
        catatan: v.note.clone(),
        alasan: v.reason.clone(),
        pelaku: v.performer.clone(),
        late,
    }
}

/// What happened at each step of `cycle` ([`states_of`]) and each step's
/// visits, in order of opening, as display strings. Durations count a day as
/// the cycle's `standard_day_minutes`.
pub fn step_states(
    cycle: &Cycle,
    kal: &Kalender,
    now: DateTime<Utc>,
    unit_name: &dyn Fn(UnitId) -> String,
) -> (Vec<StepState>, Vec<Vec<StepVisit>>) {
    let mpd = cycle.standard_day_minutes;
    let lists = (0..cycle.template.langkah.len())
        .map(|i| {
            let mut vs: Vec<&Visit> = cycle.visits.iter().filter(|v| v.step == i).collect();
            vs.sort_by_key(|v| v.seq);
            vs.iter()
                .map(|v| visit_strings(kal, v, now, mpd, unit_name))
                .collect()
        })
        .collect();
    (states_of(cycle, kal, now), lists)
}

/// Every visit of a cycle in order, with its verdict at `now`.
pub fn history_rows(
    cycle: &Cycle,
    kal: &Kalender,
    now: DateTime<Utc>,
    unit_name: &dyn Fn(UnitId) -> String,
) -> Vec<HistoryRow> {
    let mut visits: Vec<_> = cycle.visits.iter().collect();
    visits.sort_by_key(|v| v.seq);
    visits
        .into_iter()
        .map(|v| HistoryRow {
            step: v.step,
            step_no: cycle.template.langkah[v.step].no.clone(),
            kegiatan: cycle.template.langkah[v.step].kegiatan.clone(),
            visit: visit_strings(kal, v, now, cycle.standard_day_minutes, unit_name),
        })
        .collect()
}

/// The cycles, the open tasks and the timeliness per step, as the panels
/// show them.
#[derive(Default)]
pub(super) struct Cycles {
    pub cycles: Vec<CycleView>,
    pub tasks: Vec<TaskView>,
    pub timeliness: Vec<StepTimeliness>,
}

/// Reads every cycle once: the active year's cycles and any still running
/// become views; every finished visit of every cycle counts in the
/// timeliness (a large agency's history has hundreds of finished cycles).
pub(super) fn load(
    store: &Store,
    kal: &Kalender,
    year: i32,
    now: DateTime<Utc>,
    unit_name: &dyn Fn(UnitId) -> Option<String>,
) -> crate::store::Result<Cycles> {
    let mut out = Cycles::default();
    let mut steps = Timeliness::default();
    for c in store.cycles()? {
        let cycle = store.load_cycle(c.id)?;
        steps.count(&c.template_kode, &cycle, kal, now);
        if c.tahun != year && c.finished_at.is_some() {
            continue;
        }
        let (tasks, current) = open_tasks(&c, &cycle, kal, now, unit_name);
        out.tasks.extend(tasks);
        out.cycles
            .push(cycle_view(c, cycle, current, kal, now, unit_name));
    }
    out.tasks.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then(b.lewat_menit.cmp(&a.lewat_menit))
    });
    out.timeliness = steps.averaged();
    Ok(out)
}

fn cycle_view(
    c: CycleRow,
    cycle: Cycle,
    current: Vec<String>,
    kal: &Kalender,
    now: DateTime<Utc>,
    unit_name: &dyn Fn(UnitId) -> Option<String>,
) -> CycleView {
    // The history once; the flowchart's hover lists the same rows per step.
    let history = history_rows(&cycle, kal, now, &|u| unit_name(u).unwrap_or_default());
    let mut step_visits = vec![Vec::new(); cycle.template.langkah.len()];
    for r in &history {
        step_visits[r.step].push(r.visit.clone());
    }
    CycleView {
        id: c.id,
        states: states_of(&cycle, kal, now),
        step_visits,
        history,
        nama: c.nama,
        template: cycle.template.kepala.nama.clone(),
        template_kode: c.template_kode,
        selesai: c.finished_at.is_some(),
        current,
        sop: cycle.template,
    }
}

/// The open tasks of a cycle, and the lines Alur SOP shows for them.
fn open_tasks(
    c: &CycleRow,
    cycle: &Cycle,
    kal: &Kalender,
    now: DateTime<Utc>,
    unit_name: &dyn Fn(UnitId) -> Option<String>,
) -> (Vec<TaskView>, Vec<String>) {
    let menit_hari = kal.standard_day_minutes();
    let t = &cycle.template;
    let mut tasks = Vec::new();
    let mut current = Vec::new();
    for v in cycle.open_visits() {
        let l = &t.langkah[v.step];
        let unit = v.unit.and_then(unit_name);
        let verdict = vonis(kal, v.started_at, v.standard_minutes, None, now);
        let due = kal.tambah_menit_kerja(v.started_at, v.standard_minutes);
        let (status, lewat_menit) = TaskStatus::of(&verdict);
        // Running: the working time left, not only the share used.
        let label = match &verdict {
            Vonis::Berjalan { sisa, persen, .. } => {
                format!("Sisa {} ({persen}%)", fmt_durasi(*sisa, menit_hari))
            }
            v => v.label_hari(menit_hari),
        };
        let on_unit = unit
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        current.push(format!(
            "Langkah {}{on_unit}: {} ({label})",
            l.no, l.kegiatan
        ));
        tasks.push(TaskView {
            cycle_id: c.id,
            seq: v.seq,
            lane: t.nama_pelaksana(v.step).to_string(),
            unit_id: v.unit,
            per_unit: l.per_unit,
            keputusan: t.keputusan(v.step),
            kelengkapan: l.kelengkapan.clone(),
            tolak_ke: t.target_tolak(v.step).map(|k| {
                let back = &t.langkah[k];
                format!("Langkah {} — {}", back.no, back.kegiatan)
            }),
            cycle: c.nama.clone(),
            step_no: l.no.clone(),
            kegiatan: l.kegiatan.clone(),
            pelaksana: t.label_pelaksana(v.step),
            unit,
            mulai: kal.ke_lokal(v.started_at),
            batas: kal.ke_lokal(due),
            tanpa_libur: kal
                .tahun_tanpa_libur(kal.ke_lokal(v.started_at).date(), kal.ke_lokal(due).date()),
            status,
            vonis: label,
            lewat_menit,
        });
    }
    (tasks, current)
}

/// Per (template kode, step index): the finished visits and the late ones,
/// the overrun summed (averaged at the end).
#[derive(Default)]
struct Timeliness(BTreeMap<(String, usize), StepTimeliness>);

impl Timeliness {
    fn count(&mut self, kode: &str, cycle: &Cycle, kal: &Kalender, now: DateTime<Utc>) {
        for v in cycle.visits.iter().filter(|v| v.finished_at.is_some()) {
            let l = &cycle.template.langkah[v.step];
            let e = self
                .0
                .entry((kode.to_string(), v.step))
                .or_insert_with(|| StepTimeliness {
                    template: kode.to_string(),
                    step_no: l.no.clone(),
                    kegiatan: l.kegiatan.clone(),
                    visits: 0,
                    late: 0,
                    avg_late_minutes: 0,
                });
            e.visits += 1;
            if let Vonis::Terlambat { lewat, .. } = v.vonis(kal, now) {
                e.late += 1;
                e.avg_late_minutes += lewat.num_minutes();
            }
        }
    }

    fn averaged(self) -> Vec<StepTimeliness> {
        self.0
            .into_values()
            .map(|mut t| {
                t.avg_late_minutes /= i64::from(t.late.max(1));
                t
            })
            .collect()
    }
}
