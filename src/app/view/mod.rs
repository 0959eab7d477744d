//! View data: everything the panels show, read from the store once per
//! change (never per frame, never per row).

mod audit;
mod setup;
mod workflow;

pub use audit::{AUDIT_PAGE, AuditEntry, AuditView, ChainState};
pub use setup::{SetupRow, SetupStep, setup_steps};
pub use workflow::{
    CycleView, HistoryRow, StepTimeliness, StepVisit, TaskView, history_rows, step_states,
    visit_strings,
};

use chrono::{DateTime, Datelike, Utc};

use crate::model::agreement::{AgreementRow, VersionDoc};
use crate::model::archive::{ArchiveRow, PrintRow, ScanCheck, Unregistered};
use crate::model::id::{AgreementId, UnitId};
use crate::model::org::{Office, OfficialRow, UnitRow};
use crate::model::plan::{PeriodRow, RenjaItemRow, RenjaYear, TujuanNode};
use crate::model::sop::SopTemplate;
use crate::model::worktime::Kalender;
use crate::store::{Store, TemplateRow};

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
    /// The active year the view was read for.
    pub year: i32,
    pub error: Option<String>,
    /// The agreement open in the editor: all its versions, oldest first.
    pub agreement: Option<Vec<VersionDoc>>,
    /// The prints of the open agreement's versions, oldest first.
    pub prints: Vec<PrintRow>,
    /// The archive register, every year.
    pub archive: Vec<ArchiveRow>,
    /// Signed versions not yet in the register.
    pub unregistered: Vec<Unregistered>,
    /// The last "Periksa berkas": when (local), and what it found.
    pub scan_check: Option<(chrono::NaiveDateTime, Vec<ScanCheck>)>,
    /// The automatic backups: folder, and the copies (name, bytes), newest first.
    pub backups: (std::path::PathBuf, Vec<(String, u64)>),
    /// A backup checked and waiting for the user's yes to restore it.
    pub staged: Option<StagedView>,
    /// Pengaturan → Riwayat, once opened (kept across reloads by the app).
    pub audit: Option<AuditView>,
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
    pub fn load_agreement(&mut self, store: &Store, agreement: Option<AgreementId>) {
        self.agreement = agreement.and_then(|a| {
            let versions = store.versions(a).ok()?;
            let docs: Option<Vec<_>> = versions
                .iter()
                .map(|(id, _, _)| store.version(*id).ok())
                .collect();
            docs.filter(|d| !d.is_empty())
        });
        self.prints = self
            .agreement
            .iter()
            .flatten()
            .flat_map(|d| store.prints(d.id).unwrap_or_default())
            .collect();
    }

    /// The list of agreements and the open one, read again after an autosave.
    pub fn reload_agreements(&mut self, store: &Store, year: i32, agreement: Option<AgreementId>) {
        match store.agreements(year) {
            Ok(a) => self.agreements = a,
            Err(e) => self.error = Some(format!("Data tidak dapat dibaca: {e}")),
        }
        self.load_agreement(store, agreement);
    }

    pub fn load(store: &Store, year: i32, now: DateTime<Utc>) -> ViewData {
        match Self::try_load(store, year, now) {
            Ok(v) => v,
            Err(e) => ViewData {
                error: Some(format!("Data tidak dapat dibaca: {e}")),
                year,
                ..ViewData::default()
            },
        }
    }

    fn try_load(store: &Store, year: i32, now: DateTime<Utc>) -> crate::store::Result<ViewData> {
        let office = store.office()?;
        let kal = store.calendar()?;
        let units = tree_order(store.units()?);
        let unit_name = |id: UnitId| {
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
        let cycles = workflow::load(store, &kal, year, now, &unit_name)?;
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
            cycles: cycles.cycles,
            tasks: cycles.tasks,
            agreements,
            timeliness: cycles.timeliness,
            periods,
            renstra,
            renja: store.renja_items(year)?,
            renja_years,
            years,
            today: Some(kal.ke_lokal(now).date()),
            year,
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
            agreement: None,
            audit: None,
        })
    }

    /// The coming years (this one and the next) whose holidays the office
    /// has not recorded, with what that means, for Beranda and Kalender
    /// Kerja (None when both are recorded).
    pub fn holidays_missing(&self) -> Option<String> {
        let (kal, today) = (self.kal.as_ref()?, self.today?);
        let next = today.with_year(today.year() + 1)?;
        let years = kal.tahun_tanpa_libur(today, next);
        let ys: Vec<String> = years.iter().map(i32::to_string).collect();
        (!ys.is_empty()).then(|| {
            format!(
                "Hari libur tahun {} belum dicatat di Kalender Kerja: batas waktu yang jatuh pada tahun itu dihitung dengan akhir pekan dan jam kerja saja. Catat hari libur nasional dan cuti bersamanya di Pengaturan → Kalender Kerja.",
                ys.join(" dan ")
            )
        })
    }

    pub fn unit_name(&self, id: Option<UnitId>) -> String {
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
    fn visit(units: &[UnitRow], parent: Option<UnitId>, depth: usize, out: &mut Vec<UnitNode>) {
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
