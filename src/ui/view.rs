//! View data: everything the panels show, read from the store once per
//! change (never per frame, never per row).

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};

use crate::model::agreement::AgreementRow;
use crate::model::org::{Office, OfficialRow, UnitRow};
use crate::model::plan::{PeriodRow, RenjaItemRow, RenjaYear, TujuanNode};
use crate::model::sop::SopTemplate;
use crate::model::worktime::{Kalender, Vonis, vonis};
use crate::store::audit::{self, AuditFilter, AuditRow, ChainReport};
use crate::store::{Store, TemplateRow};

/// Where a running task stands against its standard time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TaskStatus {
    /// Past due.
    Lewat,
    /// Over 75 % of the standard time used.
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
}

#[derive(Clone, Debug)]
pub struct TaskView {
    pub cycle_id: crate::model::id::CycleId,
    pub seq: u32,
    /// The lane's name (filter key).
    pub lane: String,
    pub unit_id: Option<crate::model::id::UnitId>,
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
    /// "Berjalan (45%)", "Lewat batas 2 jam".
    pub vonis: String,
    /// Sort key: overrun minutes (positive) or minus the minutes left.
    pub lewat_menit: i64,
}

/// One visit of a step, as the cycle's history lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    pub step: usize,
    pub step_no: String,
    pub kegiatan: String,
    /// The visit as the flowchart's hover shows it too.
    pub visit: crate::ui::flow::StepVisit,
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

/// Every visit of a cycle in order, with its verdict at `now`.
pub fn history_rows(
    cycle: &crate::model::workflow::Cycle,
    kal: &Kalender,
    now: DateTime<Utc>,
    unit_name: &dyn Fn(crate::model::id::UnitId) -> String,
) -> Vec<HistoryRow> {
    let mut visits: Vec<_> = cycle.visits.iter().collect();
    visits.sort_by_key(|v| v.seq);
    visits
        .into_iter()
        .map(|v| HistoryRow {
            step: v.step,
            step_no: cycle.template.langkah[v.step].no.clone(),
            kegiatan: cycle.template.langkah[v.step].kegiatan.clone(),
            visit: crate::ui::flow::visit_strings(
                kal,
                v,
                now,
                cycle.standard_day_minutes,
                unit_name,
            ),
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct CycleView {
    pub id: crate::model::id::CycleId,
    /// The template as frozen in the cycle at its start.
    pub sop: SopTemplate,
    /// Per step: its state in this cycle and its visits (for the flowchart).
    pub states: Vec<crate::ui::flow::StepState>,
    pub step_visits: Vec<Vec<crate::ui::flow::StepVisit>>,
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

/// A unit with its depth in the SOTK tree, in tree order.
#[derive(Clone, Debug)]
pub struct UnitNode {
    pub unit: UnitRow,
    pub depth: usize,
}

#[derive(Clone, Debug, Default)]
pub struct ViewData {
    pub office: Office,
    pub kal: Option<Kalender>,
    pub units: Vec<UnitNode>,
    pub officials: Vec<OfficialRow>,
    pub templates: Vec<(TemplateRow, Option<SopTemplate>)>,
    pub cycles: Vec<CycleView>,
    pub tasks: Vec<TaskView>,
    pub agreements: Vec<AgreementRow>,
    /// Per SOP step: how often it was late, and by how much (all cycles).
    pub timeliness: Vec<StepTimeliness>,
    pub periods: Vec<PeriodRow>,
    /// The Renstra period that contains the active year, with its tree.
    pub renstra: Option<(PeriodRow, Vec<TujuanNode>)>,
    pub renja_years: Vec<RenjaYear>,
    pub renja: Vec<RenjaItemRow>,
    /// Years offered in the top bar.
    pub years: Vec<i32>,
    /// The letterhead logo: (content URI for egui's image cache, bytes).
    pub logo: Option<(String, std::sync::Arc<[u8]>)>,
    /// Today in the office's time zone, when the view was built.
    pub today: Option<chrono::NaiveDate>,
    pub error: Option<String>,
    /// The agreement open in the editor: all its versions, oldest first.
    pub pk: Option<Vec<crate::model::agreement::VersionDoc>>,
    /// The prints of the open agreement's versions, oldest first.
    pub prints: Vec<crate::model::archive::PrintRow>,
    /// The archive register, every year.
    pub archive: Vec<crate::model::archive::ArchiveRow>,
    /// Signed versions not yet in the register.
    pub unregistered: Vec<crate::model::archive::Unregistered>,
    /// The last "Periksa berkas": when (local), and what it found.
    pub scan_check: Option<(chrono::NaiveDateTime, Vec<crate::model::archive::ScanCheck>)>,
    /// The automatic backups: folder, and the copies (name, bytes), newest first.
    pub backups: (std::path::PathBuf, Vec<(String, u64)>),
    /// A backup checked and waiting for the user's yes to restore it.
    pub staged: Option<StagedView>,
    /// Pengaturan → Riwayat, once opened (kept across reloads by the app).
    pub riwayat: Option<RiwayatView>,
}

/// What the restore confirmation shows.
#[derive(Clone, Debug, Default)]
pub struct StagedView {
    pub sumber: String,
    pub ringkasan: String,
}

/// The backup folder and its copies (name, bytes), newest name first.
pub fn backups_in(store: &Store) -> (std::path::PathBuf, Vec<(String, u64)>) {
    let dir = store.backup_dir();
    let mut backups: Vec<(String, u64)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let len = e.metadata().ok().filter(|m| m.is_file())?.len();
            Some((e.file_name().into_string().ok()?, len))
        })
        .filter(|(n, _)| n.ends_with(".db") || n.ends_with(".zip"))
        .collect();
    backups.sort_by(|a, b| b.0.cmp(&a.0));
    (dir, backups)
}

impl ViewData {
    /// Loads the versions of the agreement open in the editor.
    pub fn load_pk(&mut self, store: &Store, agreement: Option<crate::model::id::AgreementId>) {
        self.pk = agreement.and_then(|a| {
            let versions = store.versions(a).ok()?;
            let docs: Option<Vec<_>> = versions
                .iter()
                .map(|(id, _, _)| store.version(*id).ok())
                .collect();
            docs.filter(|d| !d.is_empty())
        });
        self.prints = self
            .pk
            .iter()
            .flatten()
            .flat_map(|d| store.prints(d.id).unwrap_or_default())
            .collect();
    }

    /// The list of agreements and the open one, read again after an autosave.
    pub fn reload_agreements(
        &mut self,
        store: &Store,
        year: i32,
        agreement: Option<crate::model::id::AgreementId>,
    ) {
        match store.agreements(year) {
            Ok(a) => self.agreements = a,
            Err(e) => self.error = Some(format!("Data tidak dapat dibaca: {e}")),
        }
        self.load_pk(store, agreement);
    }

    pub fn load(store: &Store, year: i32, now: DateTime<Utc>) -> ViewData {
        match Self::try_load(store, year, now) {
            Ok(v) => v,
            Err(e) => ViewData {
                error: Some(format!("Data tidak dapat dibaca: {e}")),
                ..ViewData::default()
            },
        }
    }

    fn try_load(store: &Store, year: i32, now: DateTime<Utc>) -> crate::store::Result<ViewData> {
        let office = store.office()?;
        let kal = store.calendar()?;
        let units = tree_order(store.units()?);
        let unit_name = |id: crate::model::id::UnitId| {
            units
                .iter()
                .find(|u| u.unit.id == id)
                .map(|u| u.unit.nama.clone())
        };
        let templates = store
            .templates()?
            .into_iter()
            .map(|t| {
                let parsed = store.template(&t.kode).ok();
                (t, parsed)
            })
            .collect();
        let menit_hari = kal.standard_day_minutes();
        let mut cycles = Vec::new();
        let mut tasks = Vec::new();
        // Per (template kode, step index); the overrun is summed here and
        // averaged below.
        let mut steps: std::collections::BTreeMap<(String, usize), StepTimeliness> =
            Default::default();
        for c in store.cycles()? {
            let cycle = store.load_cycle(c.id)?;
            for v in cycle.visits.iter().filter(|v| v.finished_at.is_some()) {
                let l = &cycle.template.langkah[v.step];
                let e = steps
                    .entry((c.template_kode.clone(), v.step))
                    .or_insert_with(|| StepTimeliness {
                        template: c.template_kode.clone(),
                        step_no: l.no.clone(),
                        kegiatan: l.kegiatan.clone(),
                        visits: 0,
                        late: 0,
                        avg_late_minutes: 0,
                    });
                e.visits += 1;
                if let Vonis::Terlambat { lewat, .. } =
                    vonis(&kal, v.started_at, v.standard_minutes, v.finished_at, now)
                {
                    e.late += 1;
                    e.avg_late_minutes += lewat.num_minutes();
                }
            }
            // The panels show the active year's cycles and any still
            // running; older finished ones count only in the timeliness
            // above (a large agency's history has hundreds of them).
            if c.tahun != year && c.finished_at.is_some() {
                continue;
            }
            let mut current = Vec::new();
            for v in cycle.open_visits() {
                let l = &cycle.template.langkah[v.step];
                let unit = v.unit.and_then(unit_name);
                let verdict = vonis(&kal, v.started_at, v.standard_minutes, None, now);
                let due = kal.tambah_menit_kerja(v.started_at, v.standard_minutes);
                let (status, lewat_menit) = match &verdict {
                    Vonis::LewatBatas { lewat, .. } => {
                        (TaskStatus::Lewat, lewat.num_minutes().max(1))
                    }
                    Vonis::Berjalan { persen, sisa, .. } if *persen > 75 => {
                        (TaskStatus::HampirHabis, -sisa.num_minutes())
                    }
                    Vonis::Berjalan { sisa, .. } => (TaskStatus::TepatWaktu, -sisa.num_minutes()),
                    _ => (TaskStatus::TepatWaktu, 0),
                };
                // Running: the working time left, not only the share used.
                let label = match &verdict {
                    Vonis::Berjalan { sisa, persen, .. } => format!(
                        "Sisa {} ({persen}%)",
                        crate::model::worktime::fmt_durasi(*sisa, menit_hari)
                    ),
                    v => v.label_hari(menit_hari),
                };
                current.push(format!(
                    "Langkah {}{}: {} ({label})",
                    l.no,
                    unit.as_deref()
                        .map(|n| format!(" — {n}"))
                        .unwrap_or_default(),
                    l.kegiatan
                ));
                tasks.push(TaskView {
                    cycle_id: c.id,
                    seq: v.seq,
                    lane: cycle.template.nama_pelaksana(v.step).to_string(),
                    unit_id: v.unit,
                    keputusan: cycle.template.keputusan(v.step),
                    kelengkapan: l.kelengkapan.clone(),
                    tolak_ke: cycle.template.target_tolak(v.step).map(|k| {
                        let t = &cycle.template.langkah[k];
                        format!("Langkah {} — {}", t.no, t.kegiatan)
                    }),
                    cycle: c.nama.clone(),
                    step_no: l.no.clone(),
                    kegiatan: l.kegiatan.clone(),
                    pelaksana: cycle.template.label_pelaksana(v.step),
                    unit,
                    mulai: kal.ke_lokal(v.started_at),
                    batas: kal.ke_lokal(due),
                    status,
                    vonis: label,
                    lewat_menit,
                });
            }
            // The history once; the flowchart's hover lists the same rows per step.
            let history = history_rows(&cycle, &kal, now, &|u| unit_name(u).unwrap_or_default());
            let mut step_visits = vec![Vec::new(); cycle.template.langkah.len()];
            for r in &history {
                step_visits[r.step].push(r.visit.clone());
            }
            cycles.push(CycleView {
                id: c.id,
                sop: cycle.template.clone(),
                states: crate::ui::flow::states_of(&cycle.template, &cycle, &kal, now),
                step_visits,
                history,
                nama: c.nama,
                template: cycle.template.kepala.nama.clone(),
                template_kode: c.template_kode.clone(),
                selesai: c.finished_at.is_some(),
                current,
            });
        }
        tasks.sort_by(|a, b| {
            a.status
                .cmp(&b.status)
                .then(b.lewat_menit.cmp(&a.lewat_menit))
        });
        let timeliness = steps
            .into_values()
            .map(|mut t| {
                t.avg_late_minutes /= i64::from(t.late.max(1));
                t
            })
            .collect();
        let periods = store.renstra_periods()?;
        let renstra = match periods
            .iter()
            .find(|p| (p.tahun_awal..=p.tahun_akhir).contains(&year))
        {
            Some(p) => Some((p.clone(), store.renstra_tree(p.id)?)),
            None => None,
        };
        let renja_years = store.renja_years()?;
        let agreements = store.agreements(year)?;
        let mut years: Vec<i32> = renja_years.iter().map(|r| r.tahun).collect();
        for p in &periods {
            years.extend(p.tahun_awal..=p.tahun_akhir);
        }
        let this_year = kal.ke_lokal(now).year();
        years.extend([this_year, this_year + 1, year]);
        years.sort_unstable();
        years.dedup();
        Ok(ViewData {
            archive: store.archive_entries(None)?,
            unregistered: store.unregistered()?,
            backups: backups_in(store),
            prints: Vec::new(),
            scan_check: None,
            staged: None,
            office,
            units,
            officials: store.officials()?,
            templates,
            cycles,
            tasks,
            agreements,
            timeliness,
            periods,
            renstra,
            renja: store.renja_items(year)?,
            renja_years,
            years,
            today: Some(kal.ke_lokal(now).date()),
            logo: store.logo()?.map(|(bytes, _)| {
                use sha2::Digest;
                let hash: String = sha2::Sha256::digest(&bytes)
                    .iter()
                    .take(8)
                    .map(|b| format!("{b:02x}"))
                    .collect();
                (format!("bytes://logo-{hash}"), std::sync::Arc::from(bytes))
            }),
            kal: Some(kal),
            error: None,
            pk: None,
            riwayat: None,
        })
    }

    pub fn unit_name(&self, id: Option<crate::model::id::UnitId>) -> String {
        id.and_then(|id| self.units.iter().find(|u| u.unit.id == id))
            .map(|u| u.unit.nama.clone())
            .unwrap_or_default()
    }
}

/// The year a first start shows: the newest Renja year from this year on,
/// else this year. (Two small queries, not a whole view built only to be
/// dropped.)
pub fn start_year(store: &Store, now: DateTime<Utc>) -> i32 {
    let this_year = store
        .calendar()
        .map_or(now.year(), |k| k.ke_lokal(now).year());
    store
        .renja_years()
        .unwrap_or_default()
        .iter()
        .map(|r| r.tahun)
        .filter(|y| *y >= this_year)
        .max()
        .unwrap_or(this_year)
}

/// Depth-first order of the SOTK tree (orphans, if any, at the end).
fn tree_order(units: Vec<UnitRow>) -> Vec<UnitNode> {
    fn visit(
        units: &[UnitRow],
        parent: Option<crate::model::id::UnitId>,
        depth: usize,
        out: &mut Vec<UnitNode>,
    ) {
        for u in units.iter().filter(|u| u.parent_id == parent) {
            if out.iter().any(|n| n.unit.id == u.id) {
                continue;
            }
            out.push(UnitNode {
                unit: u.clone(),
                depth,
            });
            visit(units, Some(u.id), depth + 1, out);
        }
    }
    let mut out = Vec::with_capacity(units.len());
    visit(&units, None, 0, &mut out);
    for u in &units {
        if !out.iter().any(|n| n.unit.id == u.id) {
            out.push(UnitNode {
                unit: u.clone(),
                depth: 0,
            });
        }
    }
    out
}

/// Rows of the audit view read per query and per "load more".
pub const AUDIT_PAGE: usize = 200;

/// One audit row as the Riwayat list shows it, formatted once when read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    pub row: AuditRow,
    /// "23 November 2026 14.05" in the office's time.
    pub waktu: String,
    /// "23 November 2026 14.05.09 WIB".
    pub waktu_lengkap: String,
    pub ringkasan: String,
}

impl AuditEntry {
    pub fn new(row: AuditRow, kal: &Kalender) -> AuditEntry {
        let (waktu, waktu_lengkap) = match row.waktu() {
            Some(t) => {
                let l = kal.ke_lokal(t);
                (
                    crate::fmt::tanggal_jam(l),
                    format!(
                        "{} {} {}",
                        crate::fmt::tanggal(l.date()),
                        l.format("%H.%M.%S"),
                        kal.zona.kode()
                    ),
                )
            }
            // An altered timestamp is shown as stored.
            None => (row.at.clone(), row.at.clone()),
        };
        AuditEntry {
            ringkasan: audit::summary(&row),
            row,
            waktu,
            waktu_lengkap,
        }
    }
}

/// Where the hash-chain check stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ChainState {
    #[default]
    Belum,
    /// Running in the background: the share done.
    Berjalan(f32),
    Selesai {
        report: ChainReport,
        /// When it ran: "23 November 2026 14.05".
        pukul: String,
    },
    Gagal(String),
}

/// Pengaturan → Riwayat: the audit log through a filter, newest first, and
/// the hash-chain check. Kept across view reloads (the filter and the rows
/// loaded stay); read again only when the log has grown.
#[derive(Clone, Debug, Default)]
pub struct RiwayatView {
    /// The filter the rows answer.
    pub filter: AuditFilter,
    pub entries: Vec<AuditEntry>,
    /// Matching rows in all.
    pub total: u64,
    /// Older matching rows not loaded yet.
    pub more: bool,
    /// Entity codes and operators present in the log, for the filter.
    pub entities: Vec<String>,
    pub operators: Vec<String>,
    /// The newest id of the whole log when read.
    pub last_id: i64,
    /// A row asked for by id (the row where the chain breaks), whether or
    /// not the filter shows it.
    pub shown: Option<AuditEntry>,
    pub chain: ChainState,
}

impl ViewData {
    /// Reads the first page of the log through `filter` (with the filter's
    /// choices), replacing what the Riwayat tab shows.
    pub fn query_audit(
        &mut self,
        store: &Store,
        filter: AuditFilter,
    ) -> crate::store::Result<&RiwayatView> {
        let old = self.riwayat.take().unwrap_or_default();
        self.read_audit(store, filter, AUDIT_PAGE, old)
    }

    fn read_audit(
        &mut self,
        store: &Store,
        filter: AuditFilter,
        limit: usize,
        old: RiwayatView,
    ) -> crate::store::Result<&RiwayatView> {
        let kal = match &self.kal {
            Some(k) => k.clone(),
            None => store.calendar()?,
        };
        let read = || -> crate::store::Result<RiwayatView> {
            let last_id = store.audit_last_id()?;
            let page = audit::query(store.conn(), &kal, &filter, None, limit)?;
            let (entities, operators) = store.audit_choices()?;
            Ok(RiwayatView {
                entries: page
                    .rows
                    .into_iter()
                    .map(|r| AuditEntry::new(r, &kal))
                    .collect(),
                total: page.total,
                more: page.more,
                filter: filter.clone(),
                entities,
                operators,
                last_id,
                shown: old.shown.clone(),
                chain: old.chain.clone(),
            })
        };
        match read() {
            Ok(v) => Ok(self.riwayat.insert(v)),
            Err(e) => {
                self.riwayat = Some(old);
                Err(e)
            }
        }
    }

    /// The next page of the current filter, appended.
    pub fn more_audit(&mut self, store: &Store) -> crate::store::Result<usize> {
        let Some(r) = self.riwayat.as_mut() else {
            return Ok(0);
        };
        let kal = match &self.kal {
            Some(k) => k.clone(),
            None => store.calendar()?,
        };
        let before = r.entries.last().map(|e| e.row.id);
        let page = audit::query(store.conn(), &kal, &r.filter, before, AUDIT_PAGE)?;
        let n = page.rows.len();
        r.entries
            .extend(page.rows.into_iter().map(|row| AuditEntry::new(row, &kal)));
        r.more = page.more;
        r.total = page.total;
        Ok(n)
    }

    /// Reads one row by id to show it (None clears it).
    pub fn show_audit_row(&mut self, store: &Store, id: Option<i64>) -> crate::store::Result<()> {
        let shown = match id {
            Some(id) => {
                let row = store
                    .audit_row(id)?
                    .ok_or_else(|| crate::store::StoreError::NotFound(format!("Entri log {id}")))?;
                let kal = match &self.kal {
                    Some(k) => k.clone(),
                    None => store.calendar()?,
                };
                Some(AuditEntry::new(row, &kal))
            }
            None => None,
        };
        self.riwayat.get_or_insert_with(Default::default).shown = shown;
        Ok(())
    }

    /// Reads the Riwayat rows again, as many as were loaded, if the log has
    /// grown since they were read (a change of the office's time zone is
    /// logged too, so the times shown follow it).
    pub fn refresh_audit(&mut self, store: &Store) {
        let Some(old) = self.riwayat.take() else {
            return;
        };
        let grown = store.audit_last_id().is_ok_and(|id| id != old.last_id);
        if !grown {
            self.riwayat = Some(old);
            return;
        }
        let filter = old.filter.clone();
        let limit = old.entries.len().max(AUDIT_PAGE);
        if let Err(e) = self.read_audit(store, filter, limit, old) {
            self.error = Some(format!("Log audit tidak dapat dibaca: {e}"));
        }
    }
}
