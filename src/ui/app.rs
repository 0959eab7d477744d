//! The app shell: navigation, top bar with the office and the active year,
//! notifications, and the one place where panel commands reach the store.

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use serde::{Deserialize, Serialize};

use crate::model::agreement::Transition;
use crate::model::id::{
    AgreementId, ArchiveId, CycleId, IndikatorId, OfficialId, PeriodId, RenjaItemId, SasaranId,
    TujuanId, UnitId, VersionId,
};
use crate::model::plan::RenstraNode;

use super::notify::{Kind, Notifications};
use super::panels::{self, Panels};
use super::view::ViewData;
use crate::model::org::{NewOfficial, NewUnit, Office};
use crate::model::plan::{NewIndikator, NewRenjaItem, RenjaIndikatorInput};
use crate::model::worktime::{HariLibur, JamHari};
use crate::store::Store;

/// The panels of the left navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Panel {
    Beranda,
    Renstra,
    Renja,
    Perjanjian,
    Antrian,
    AlurSop,
    Arsip,
    Pengaturan,
}

impl Panel {
    pub const ALL: [Panel; 8] = [
        Panel::Beranda,
        Panel::Renstra,
        Panel::Renja,
        Panel::Perjanjian,
        Panel::Antrian,
        Panel::AlurSop,
        Panel::Arsip,
        Panel::Pengaturan,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Panel::Beranda => "Beranda",
            Panel::Renstra => "Renstra",
            Panel::Renja => "Renja",
            Panel::Perjanjian => "Perjanjian Kinerja",
            Panel::Antrian => "Antrian Persetujuan",
            Panel::AlurSop => "Alur SOP",
            Panel::Arsip => "Arsip",
            Panel::Pengaturan => "Pengaturan",
        }
    }
}

/// What a panel asks the app to do. The app applies it through the store
/// (one transaction with its audit entry) and reports back.
#[derive(Clone, Debug)]
pub enum Command {
    SaveOffice(Office),
    AddUnit(NewUnit),
    UpdateUnit(UnitId, NewUnit),
    SetUnitActive(UnitId, bool),
    DeleteUnit(UnitId),
    AddOfficial(NewOfficial),
    UpdateOfficial(OfficialId, NewOfficial),
    SetHours(Box<[Option<JamHari>; 7]>),
    PutHoliday(HariLibur),
    RemoveHoliday(NaiveDate),
    AddPeriod(i32, i32, String),
    /// (period, kode, uraian)
    AddTujuan(PeriodId, String, String),
    UpdateTujuan(TujuanId, String, String),
    /// (tujuan, kode, uraian)
    AddSasaran(TujuanId, String, String),
    UpdateSasaran(SasaranId, String, String),
    AddIndikator(Box<NewIndikator>),
    UpdateIndikator(IndikatorId, Box<NewIndikator>),
    /// (table, id)
    DeleteRenstra(RenstraNode),
    SetRenjaYear(i32, String, Option<NaiveDate>),
    SaveRenjaItem(
        Option<RenjaItemId>,
        Box<NewRenjaItem>,
        Vec<RenjaIndikatorInput>,
    ),
    DeleteRenjaItem(RenjaItemId),
    /// The letterhead logo (None removes it).
    SetLogo(Option<Vec<u8>>),
    /// Edits of the target table: (indikator, year, new target or none).
    SetTargets(Vec<crate::model::plan::TargetChange>),
    /// (table, id, up)
    MoveRenstra(RenstraNode, bool),
    /// Renstra (period of the active year) and Renja of the year to .xlsx.
    ExportExcel(std::path::PathBuf),
    /// Read an .xlsx and show the import preview.
    ImportExcel(std::path::PathBuf),
    /// An empty workbook with the column layout and instructions.
    SaveExcelTemplate(std::path::PathBuf),
    /// Open an agreement in the editor (None: back to the list).
    OpenAgreement(Option<AgreementId>),
    CreateAgreement {
        unit_id: UnitId,
        jenis: crate::model::agreement::Jenis,
        from_plan: bool,
    },
    /// Autosave of a draft version.
    SaveDraft(VersionId, Box<crate::model::agreement::Content>),
    FillFromPlan(VersionId),
    SubmitAgreement(VersionId),
    ReturnAgreement(VersionId),
    /// Diajukan → diparaf.
    InitialAgreement(VersionId),
    SignAgreement(VersionId),
    /// (signed version, alasan jenis, alasan)
    AmendAgreement(
        VersionId,
        Option<crate::model::agreement::AlasanPerubahan>,
        String,
    ),
    DeleteDraft(VersionId),
    /// A version as PDF, written off the UI thread, then opened.
    ExportPdf(VersionId, std::path::PathBuf, crate::pdf::Kertas),
    /// Starts a cycle: template, name, year, units with their agreement version.
    StartCycle {
        template: String,
        nama: String,
        tahun: i32,
        units: Vec<(UnitId, Option<VersionId>)>,
    },
    /// Acts on an open task of a cycle.
    ActTask {
        cycle_id: CycleId,
        seq: u32,
        action: crate::model::workflow::Action,
        performer_id: Option<OfficialId>,
        performer: String,
        note: String,
    },
    /// The SOP sheet of a template as PDF.
    ExportSopPdf(String, std::path::PathBuf, crate::pdf::Kertas),
    /// The history of a cycle as PDF.
    ExportHistoryPdf(CycleId, std::path::PathBuf),
    /// Registers a signed version in the archive, with its scan if given
    /// (the scan is checked before anything is written).
    RegisterArchive(
        Box<crate::model::archive::NewArchive>,
        Option<std::path::PathBuf>,
    ),
    /// Corrects an entry; a scan given replaces the attached one.
    UpdateArchive(
        ArchiveId,
        Box<crate::model::archive::NewArchive>,
        Option<std::path::PathBuf>,
    ),
    /// "Periksa berkas": every stored scan hashed again.
    CheckScans,
    /// Opens an entry's stored scan in the system's viewer.
    OpenScan(ArchiveId),
    /// A list (the archive register) as a landscape PDF, or as .xlsx.
    ExportListPdf(Box<crate::formats::table::Daftar>, std::path::PathBuf),
    ExportListXlsx(Box<crate::formats::table::Daftar>, std::path::PathBuf),
    /// The final text of a version printed (no DRAF), and the print recorded.
    PrintVersion(VersionId, u32, crate::pdf::Kertas),
    /// "Cadangkan sekarang": database and scans into one .zip.
    BackupNow(std::path::PathBuf),
    /// "Pulihkan": check a backup file and ask for confirmation.
    StageRestore(std::path::PathBuf),
    /// The user confirmed (true) or cancelled the restore of the checked file.
    Restore(bool),
    /// Pengaturan → Riwayat: the audit log through a filter (first page).
    QueryAudit(crate::store::audit::AuditFilter),
    /// The next page of the audit log under the same filter.
    MoreAudit,
    /// Shows one audit row by id, whatever the filter (None: closes it).
    ShowAuditRow(Option<i64>),
    /// Walks the audit hash chain again, in the background.
    CheckChain,
}

impl Command {
    /// Reads the audit log only: nothing changes, no view reload needed.
    fn audit_read(&self) -> bool {
        matches!(
            self,
            Command::QueryAudit(_)
                | Command::MoreAudit
                | Command::ShowAuditRow(_)
                | Command::CheckChain
        )
    }
}

/// The result of a command, for the form that sent it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    Ok {
        message: String,
        created: Option<Created>,
    },
    Err(String),
}

/// The record a command made, for the form that sent it (to select it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Created {
    Unit(UnitId),
    Official(OfficialId),
    Period(PeriodId),
    Tujuan(TujuanId),
    Sasaran(SasaranId),
    Indikator(IndikatorId),
    RenjaItem(RenjaItemId),
    Agreement(AgreementId),
    Version(VersionId),
    Cycle(CycleId),
    Archive(ArchiveId),
}

/// Commands sent during a frame, with the form that sent them.
#[derive(Default)]
pub struct Outbox {
    pub sent: Vec<(&'static str, Command)>,
}

impl Outbox {
    pub fn send(&mut self, form: &'static str, cmd: Command) {
        self.sent.push((form, cmd));
    }
}

/// What the app remembers between runs (besides the window size, which
/// eframe keeps).
#[derive(Serialize, Deserialize, Default)]
struct Remembered {
    panel: Option<Panel>,
    year: Option<i32>,
    /// The agreement open in the editor.
    #[serde(default)]
    open_pk: Option<AgreementId>,
    forms: panels::FormDrafts,
}

const KEY: &str = "perkin.tampilan";

pub struct PerkinApp {
    store: Store,
    view: ViewData,
    panel: Panel,
    year: i32,
    notes: Notifications,
    panels: Panels,
    replies: Vec<(&'static str, Reply)>,
    excel: super::excel::ExcelUi,
    /// When the view was last read: task statuses and "days left" move with
    /// the clock, so the view is read again every minute.
    loaded_at: std::time::Instant,
    /// The agreement open in the editor.
    open_pk: Option<AgreementId>,
    pdf: super::pdf::PdfUi,
    /// A backup checked by "Pulihkan", waiting for the user's yes.
    staged: Option<crate::store::Staged>,
    /// "Cadangkan sekarang" writing its zip.
    backup_job: Option<super::jobs::Job<String>>,
    /// Whether written files (PDF, workbook, scan) are opened in the
    /// system's viewer; tests turn it off.
    open_files: bool,
    /// Commands sent from outside the panels, run with the next frame's.
    pending: Vec<(&'static str, Command)>,
    /// The hash-chain check running in the background.
    chain: Option<super::jobs::Job<crate::store::audit::ChainReport>>,
}

pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);

/// An open store with the view of its start year loaded: what the window's
/// start-up thread prepares while eframe makes the window.
pub struct Prepared {
    store: Store,
    year: i32,
    view: ViewData,
}

impl Prepared {
    /// Loads the view of the start year ([`super::view::start_year`]).
    pub fn new(store: Store) -> Prepared {
        let year = super::view::start_year(&store, store.now());
        Prepared::of_year(store, year)
    }

    fn of_year(store: Store, year: i32) -> Prepared {
        let view = ViewData::load(&store, year, store.now());
        Prepared { store, year, view }
    }
}

/// What `storage` remembers from the last run.
fn remembered(storage: Option<&dyn eframe::Storage>) -> Remembered {
    storage
        .and_then(|s| s.get_string(KEY))
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

impl PerkinApp {
    pub fn new(cc: &eframe::CreationContext<'_>, store: Store) -> PerkinApp {
        PerkinApp::open(&cc.egui_ctx, cc.storage, store)
    }

    /// The app on `ctx`, with what `storage` remembers from the last run
    /// (the window's creation context gives both; the benchmark drives a
    /// bare context).
    pub fn open(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        store: Store,
    ) -> PerkinApp {
        // The remembered year straight away: its view is loaded once.
        let prepared = match remembered(storage).year {
            Some(year) => Prepared::of_year(store, year),
            None => Prepared::new(store),
        };
        PerkinApp::open_prepared(ctx, storage, prepared)
    }

    /// [`PerkinApp::open`] with the store opened and the view loaded
    /// beforehand; the view is loaded again only when the year remembered
    /// from the last run is another one.
    pub fn open_prepared(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        prepared: Prepared,
    ) -> PerkinApp {
        super::install_fonts(ctx);
        egui_extras::install_image_loaders(ctx);
        let remembered = remembered(storage);
        let Prepared {
            store,
            year,
            mut view,
        } = match remembered.year {
            Some(y) if y != prepared.year => Prepared::of_year(prepared.store, y),
            _ => prepared,
        };
        view.load_pk(&store, remembered.open_pk);
        let mut panels = Panels::new(&view);
        panels.restore(remembered.forms);
        let mut app = PerkinApp {
            open_pk: view
                .pk
                .as_ref()
                .and_then(|v| v.first())
                .map(|v| v.agreement_id),
            pdf: Default::default(),
            staged: None,
            backup_job: None,
            open_files: true,
            pending: Vec::new(),
            chain: None,
            loaded_at: std::time::Instant::now(),
            store,
            view,
            panel: remembered.panel.unwrap_or(Panel::Beranda),
            year,
            notes: Notifications::default(),
            panels,
            replies: Vec::new(),
            excel: Default::default(),
        };
        app.daily_backup();
        app
    }

    /// The first start of each day copies the database into the `cadangan`
    /// folder beside it (the newest 14 copies are kept). A failure is shown
    /// and does not stop the app.
    fn daily_backup(&mut self) {
        self.store.clean_work_dirs();
        let Some(today) = self.view.today else { return };
        let dir = self.store.backup_dir();
        let jam = self.jam();
        match self
            .store
            .daily_backup(&dir, today, crate::store::DAILY_BACKUPS_KEPT)
        {
            Ok(Some(p)) => {
                self.notes.push(
                    Kind::Sukses,
                    format!("Cadangan harian dibuat: {}", p.display()),
                    jam,
                );
                self.view.backups = super::view::backups_in(&self.store);
            }
            Ok(None) => {}
            Err(e) => self
                .notes
                .push(Kind::Galat, format!("Cadangan harian gagal: {e}"), jam),
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the panels show now.
    pub fn view(&self) -> &ViewData {
        &self.view
    }

    /// The store, to change what it sees (tests move its clock).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn panel(&self) -> Panel {
        self.panel
    }

    /// The active year ("Tahun aktif").
    pub fn year(&self) -> i32 {
        self.year
    }

    fn reload(&mut self) {
        self.loaded_at = std::time::Instant::now();
        // The audit view keeps its filter, rows and chain check.
        let riwayat = self.view.riwayat.take();
        let scan_check = self.view.scan_check.take();
        self.view = ViewData::load(&self.store, self.year, self.store.now());
        self.view.load_pk(&self.store, self.open_pk);
        self.view.scan_check = scan_check;
        self.view.staged = self.staged.as_ref().map(|s| super::view::StagedView {
            sumber: s.sumber.display().to_string(),
            ringkasan: s.ringkasan.clone(),
        });
        self.view.riwayat = riwayat;
        self.view.refresh_audit(&self.store);
        self.panels.refresh(&self.view);
    }

    /// "Cadangkan sekarang" into `path`: the database snapshot is taken at
    /// once, the zip with the scans is written in the background.
    pub fn backup_now(
        &mut self,
        path: std::path::PathBuf,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        if self.backup_job.is_some() {
            return Err("Tunggu pencadangan yang sedang berjalan selesai".into());
        }
        let fb = self
            .store
            .prepare_full_backup()
            .map_err(|e| format!("Cadangan gagal: {e}"))?;
        self.backup_job = Some(super::jobs::Job::spawn(
            "Mencadangkan basis data dan pindaian",
            ctx,
            move |p| {
                let s = fb
                    .write(&path, &mut |f| {
                        p.set(f);
                        !p.cancelled()
                    })
                    .map_err(|e| format!("Cadangan gagal: {e}"))?;
                Ok(format!(
                    "Cadangan lengkap disimpan di {} ({}, {} berkas pindaian)",
                    s.path.display(),
                    crate::fmt::ukuran(s.bytes),
                    s.pindaian
                ))
            },
        ));
        Ok(())
    }

    /// Sends a command as a panel does (e.g. "Pulihkan" after its file
    /// dialog); it runs with the next frame.
    pub fn send(&mut self, form: &'static str, cmd: Command) {
        self.pending.push((form, cmd));
    }

    /// Turns opening written files in the system's viewer on or off.
    pub fn set_open_files(&mut self, on: bool) {
        self.open_files = on;
    }

    /// The backup running, if any (tests wait for it).
    pub fn backup_busy(&self) -> bool {
        self.backup_job.is_some()
    }

    /// After an autosave only the agreement parts change: read just those.
    fn reload_agreements(&mut self) {
        self.view
            .reload_agreements(&self.store, self.year, self.open_pk);
        self.view.refresh_audit(&self.store);
    }

    /// Starts walking the audit hash chain on a connection of its own off
    /// the UI thread (a long log takes a while); the Riwayat tab shows the
    /// progress and then the result. A check already running goes on.
    pub fn check_chain(&mut self, ctx: Option<egui::Context>) {
        if self.chain.is_some() {
            return;
        }
        let path = self.store.path().to_path_buf();
        self.chain = Some(super::jobs::Job::spawn(
            "Memeriksa rantai hash log audit",
            ctx,
            move |p| {
                crate::store::audit::check_chain_file(&path, &mut |f| p.set(f))
                    .map_err(|e| e.to_string())
            },
        ));
        self.set_chain(super::view::ChainState::Berjalan(0.0));
    }

    /// Another database took the place of the open one (Pulihkan): the
    /// audit view reads its log afresh, under the same filter, and its chain
    /// is checked again (a check of the old file still running is dropped).
    fn reset_audit(&mut self) {
        self.chain = None;
        if let Some(old) = self.view.riwayat.take() {
            if let Err(e) = self.view.query_audit(&self.store, old.filter) {
                let jam = self.jam();
                self.notes.push(Kind::Galat, e.to_string(), jam);
            }
            self.check_chain(None);
        }
    }

    /// The hash-chain check is running (tests wait for it).
    pub fn chain_busy(&self) -> bool {
        self.chain.is_some()
    }

    fn set_chain(&mut self, state: super::view::ChainState) {
        if self.view.riwayat.is_none()
            && let Err(e) = self.view.query_audit(&self.store, Default::default())
        {
            let jam = self.jam();
            self.notes.push(Kind::Galat, e.to_string(), jam);
        }
        if let Some(r) = self.view.riwayat.as_mut() {
            r.chain = state;
        }
    }

    /// Takes the chain check's progress or result into the view.
    fn poll_chain(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.chain else { return };
        let state = match job.poll() {
            None => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
                super::view::ChainState::Berjalan(job.fraction())
            }
            Some(r) => {
                self.chain = None;
                if let Ok(Some(row)) = r.as_ref().map(|r| r.first_broken()) {
                    // Said also where the user is now, not only in Riwayat.
                    let jam = self.jam();
                    self.notes.push(
                        Kind::Galat,
                        format!(
                            "Log audit: rantai hash putus pada entri {row}; lihat Pengaturan → Riwayat"
                        ),
                        jam,
                    );
                }
                match r {
                    Ok(report) => super::view::ChainState::Selesai {
                        report,
                        pukul: self.view.kal.as_ref().map_or_else(String::new, |k| {
                            crate::fmt::tanggal_jam(k.ke_lokal(self.store.now()))
                        }),
                    },
                    Err(e) => super::view::ChainState::Gagal(e),
                }
            }
        };
        self.set_chain(state);
    }

    /// Writes the editor's pending edit at once (the window closes, or the
    /// periodic save runs): nothing typed is lost.
    fn flush_editor(&mut self) {
        if let Some((v, c)) = self.panels.unsaved_pk() {
            match self.store.save_draft(v, &c) {
                Ok(()) => self.panels.pk_saved(v),
                // The edit stays in the editor (and in the remembered
                // input) with the reason shown.
                Err(e) => self
                    .replies
                    .push((panels::F_PK_SAVE, Reply::Err(e.to_string()))),
            }
        }
    }

    /// Exports a version as PDF into `path` in the background, as the Ekspor
    /// PDF button does after its dialog; `open` shows it in the viewer.
    pub fn export_pdf(
        &mut self,
        version_id: VersionId,
        path: std::path::PathBuf,
        kertas: crate::pdf::Kertas,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        self.pdf
            .export_version(&self.store, version_id, path, kertas, open, ctx)
    }

    /// Exports the history of a cycle as PDF (landscape A4), as the button
    /// in Alur SOP does after its dialog.
    pub fn export_history(
        &mut self,
        cycle_id: CycleId,
        path: std::path::PathBuf,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        let c = self
            .view
            .cycles
            .iter()
            .find(|c| c.id == cycle_id)
            .ok_or_else(|| format!("Siklus {cycle_id} tidak ditemukan"))?;
        let daftar = crate::formats::table::Daftar {
            judul: format!("Riwayat siklus {}", c.nama),
            keterangan: vec![
                format!("SOP {}", c.template),
                format!(
                    "Dicetak {}",
                    self.view
                        .kal
                        .as_ref()
                        .map(|k| crate::fmt::tanggal_jam(k.ke_lokal(self.store.now())))
                        .unwrap_or_default()
                ),
            ],
            kolom: super::view::HistoryRow::KOLOM.map(String::from).to_vec(),
            lebar: vec![8.0, 40.0, 26.0, 22.0, 22.0, 22.0, 24.0, 16.0, 34.0, 26.0],
            baris: c.history.iter().map(|r| r.cells().to_vec()).collect(),
            kertas: crate::pdf::Kertas::A4,
        };
        self.pdf.export_list(daftar, path, open, ctx)
    }

    /// The whole archive register (every year) as the buku register PDF,
    /// or as .xlsx when `path` ends in .xlsx — as the Arsip panel's export
    /// buttons do with no filter chosen.
    pub fn export_register(
        &mut self,
        path: std::path::PathBuf,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<(), String> {
        let rows: Vec<_> = self.view.archive.iter().collect();
        let d = panels::register_daftar(&self.view, &rows, vec!["Semua tahun".into()]);
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            self.pdf
                .export_bytes("Membuat berkas Excel", path, open, ctx, move || {
                    crate::formats::table::to_xlsx(&d)
                })
        } else {
            self.pdf.export_list(d, path, open, ctx)
        }
    }

    /// The PDF export running, if any (tests wait for it).
    pub fn pdf_busy(&self) -> bool {
        self.pdf.busy()
    }

    /// "Cetak untuk ditandatangani" / "Cetak salinan": the final PDF into the
    /// `cetak` folder, opened to print (`open`); the print is recorded once
    /// the PDF is written.
    pub fn print_version(
        &mut self,
        version_id: VersionId,
        rangkap: u32,
        kertas: crate::pdf::Kertas,
        open: bool,
        ctx: Option<egui::Context>,
    ) -> Result<std::path::PathBuf, String> {
        self.pdf
            .print_version(&self.store, version_id, rangkap, kertas, open, ctx)
    }

    /// Records a print whose PDF was written (called when the job ends;
    ///).
    fn record_print(&mut self, p: super::pdf::Print) {
        let jam = self.jam();
        match self.store.record_print(p.version_id, p.rangkap, p.tujuan) {
            Ok(_) => self.notes.push(
                Kind::Sukses,
                format!(
                    "Cetak {} tercatat: {} rangkap. Atur jumlah salinan {} pada jendela cetak penampil PDF.",
                    p.tujuan.label(),
                    p.rangkap,
                    p.rangkap
                ),
                jam,
            ),
            Err(e) => self
                .notes
                .push(Kind::Galat, format!("Cetakan tidak tercatat: {e}"), jam),
        }
        self.reload();
    }

    fn jam(&self) -> String {
        let now = self.store.now();
        self.view
            .kal
            .as_ref()
            .map(|k| k.ke_lokal(now).format("%H.%M").to_string())
            .unwrap_or_default()
    }

    /// Applies one command through the store.
    fn apply(&mut self, cmd: Command) -> Reply {
        let cmd = match cmd {
            Command::OpenAgreement(id) => {
                self.open_pk = id;
                return Reply::Ok {
                    message: String::new(),
                    created: None,
                };
            }
            Command::QueryAudit(f) => {
                return self.view.query_audit(&self.store, f).map_or_else(
                    |e| Reply::Err(format!("Log audit tidak dapat dibaca: {e}")),
                    |_| Reply::Ok {
                        message: String::new(),
                        created: None,
                    },
                );
            }
            Command::MoreAudit => {
                return self.view.more_audit(&self.store).map_or_else(
                    |e| Reply::Err(format!("Log audit tidak dapat dibaca: {e}")),
                    |_| Reply::Ok {
                        message: String::new(),
                        created: None,
                    },
                );
            }
            Command::ShowAuditRow(id) => {
                return self.view.show_audit_row(&self.store, id).map_or_else(
                    |e| Reply::Err(e.to_string()),
                    |_| Reply::Ok {
                        message: String::new(),
                        created: None,
                    },
                );
            }
            other => other,
        };
        if matches!(cmd, Command::Restore(true)) {
            // The pending edit goes into the data kept as a backup; the
            // editor then lets go of it (its version may not exist after).
            self.flush_editor();
        }
        let opens = matches!(cmd, Command::CreateAgreement { .. });
        let restores = matches!(cmd, Command::Restore(true));
        let closes = match &cmd {
            Command::DeleteDraft(v) => self.store.version(*v).is_ok_and(|d| d.versi == 1),
            _ => false,
        };
        let s = &mut self.store;
        let done = |m: &str| Reply::Ok {
            message: m.to_string(),
            created: None,
        };
        let r = match cmd {
            Command::SaveOffice(o) => s.save_office(&o).map(|_| done("Data instansi disimpan")),
            Command::AddUnit(u) => s.add_unit(&u).map(|id| Reply::Ok {
                message: format!("Unit {} ditambahkan", u.nama.trim()),
                created: Some(Created::Unit(id)),
            }),
            Command::UpdateUnit(id, u) => s
                .update_unit(id, &u)
                .map(|_| done(&format!("Unit {} disimpan", u.nama.trim()))),
            Command::SetUnitActive(id, aktif) => s.set_unit_active(id, aktif).map(|_| {
                done(if aktif {
                    "Unit diaktifkan kembali"
                } else {
                    "Unit dinonaktifkan; riwayatnya tetap tersimpan"
                })
            }),
            Command::DeleteUnit(id) => s.delete_unit(id).map(|_| done("Unit dihapus")),
            Command::AddOfficial(o) => s.add_official(&o).map(|id| Reply::Ok {
                message: format!("Pejabat {} ditambahkan", o.nama.trim()),
                created: Some(Created::Official(id)),
            }),
            Command::UpdateOfficial(id, o) => s
                .update_official(id, &o)
                .map(|_| done(&format!("Data pejabat {} disimpan", o.nama.trim()))),
            Command::SetHours(j) => s.set_work_hours(&j).map(|_| done("Jam kerja disimpan")),
            Command::PutHoliday(h) => s.put_holiday(&h).map(|_| {
                done(&format!(
                    "Hari libur {} ({}) disimpan",
                    crate::fmt::tanggal(h.tanggal),
                    h.nama.trim()
                ))
            }),
            Command::RemoveHoliday(d) => s
                .remove_holiday(d)
                .map(|_| done(&format!("Hari libur {} dihapus", crate::fmt::tanggal(d)))),
            Command::AddPeriod(a, b, nama) => {
                s.add_renstra_period(a, b, &nama).map(|id| Reply::Ok {
                    message: format!("Periode Renstra {a}–{b} dibuat"),
                    created: Some(Created::Period(id)),
                })
            }
            Command::AddTujuan(p, kode, uraian) => {
                s.add_tujuan(p, &kode, &uraian).map(|id| Reply::Ok {
                    message: "Tujuan ditambahkan".into(),
                    created: Some(Created::Tujuan(id)),
                })
            }
            Command::UpdateTujuan(id, kode, uraian) => s
                .update_tujuan(id, &kode, &uraian)
                .map(|_| done("Tujuan disimpan")),
            Command::AddSasaran(t, kode, uraian) => {
                s.add_sasaran(t, &kode, &uraian).map(|id| Reply::Ok {
                    message: "Sasaran ditambahkan".into(),
                    created: Some(Created::Sasaran(id)),
                })
            }
            Command::UpdateSasaran(id, kode, uraian) => s
                .update_sasaran(id, &kode, &uraian)
                .map(|_| done("Sasaran disimpan")),
            Command::AddIndikator(i) => s.add_indikator(&i).map(|id| Reply::Ok {
                message: format!("Indikator {} ditambahkan", i.nama.trim()),
                created: Some(Created::Indikator(id)),
            }),
            Command::UpdateIndikator(id, i) => s
                .update_indikator(id, &i)
                .map(|_| done(&format!("Indikator {} disimpan", i.nama.trim()))),
            Command::DeleteRenstra(node) => s
                .delete_renstra(node)
                .map(|_| done("Dihapus dari Renstra")),
            Command::SetRenjaYear(tahun, nomor, tanggal) => s
                .set_renja_year(tahun, &nomor, tanggal)
                .map(|_| done(&format!("Data DPA {tahun} disimpan"))),
            Command::SaveRenjaItem(id, item, ind) => {
                s.save_renja_item(id, &item, &ind).map(|new_id| Reply::Ok {
                    message: format!("{} {} disimpan", item.kode.trim(), item.nama.trim()),
                    created: Some(Created::RenjaItem(new_id)),
                })
            }
            Command::DeleteRenjaItem(id) => {
                s.delete_renja_item(id).map(|_| done("Dihapus dari Renja"))
            }
            Command::SetLogo(logo) => {
                let set = logo.is_some();
                s.set_logo(logo.as_deref()).map(|_| {
                    done(if set {
                        "Logo kop surat disimpan"
                    } else {
                        "Logo kop surat dihapus"
                    })
                })
            }
            Command::SetTargets(changes) => s
                .set_targets(&changes)
                .map(|n| done(&format!("{n} target disimpan"))),
            Command::MoveRenstra(node, up) => s.move_renstra(node, up).map(|_| {
                done(if up {
                    "Dipindah ke atas"
                } else {
                    "Dipindah ke bawah"
                })
            }),
            Command::CreateAgreement {
                unit_id,
                jenis,
                from_plan,
            } => {
                let year = self.year;
                s.create_for_unit(unit_id, year, jenis, from_plan)
                    .map(|(agreement, _)| Reply::Ok {
                        message: format!("Perjanjian Kinerja {year} dibuat sebagai draf"),
                        created: Some(Created::Agreement(agreement)),
                    })
            }
            Command::SaveDraft(v, c) => s.save_draft(v, &c).map(|_| done("")),
            Command::FillFromPlan(v) => s.fill_from_plan(v).map(|(l, b)| {
                done(&format!(
                    "{l} baris kinerja dan {b} baris anggaran diambil dari Renstra/Renja"
                ))
            }),
            Command::SubmitAgreement(v) => s
                .set_status(v, Transition::Submit)
                .map(|d| done(&format!("Perjanjian Kinerja {} diajukan", d.unit))),
            Command::ReturnAgreement(v) => s.set_status(v, Transition::Return).map(|d| {
                done(&format!(
                    "Perjanjian Kinerja {} dikembalikan ke draf",
                    d.unit
                ))
            }),
            Command::InitialAgreement(v) => s.set_status(v, Transition::Paraf).map(|d| {
                done(&format!(
                    "Perjanjian Kinerja {} versi {} tercatat sudah diparaf",
                    d.unit, d.versi
                ))
            }),
            Command::SignAgreement(v) => s.set_status(v, Transition::Sign).map(|d| {
                done(&format!(
                    "Perjanjian Kinerja {} versi {} ditandatangani; isinya kini tidak dapat diubah",
                    d.unit, d.versi
                ))
            }),
            Command::AmendAgreement(v, jenis, alasan) => {
                s.amend_version(v, jenis, &alasan).map(|id| Reply::Ok {
                    message: "PK Perubahan dibuat sebagai draf; versi sebelumnya tetap tersimpan"
                        .into(),
                    created: Some(Created::Version(id)),
                })
            }
            Command::DeleteDraft(v) => s.delete_draft(v).map(|_| done("Draf perjanjian dihapus")),
            Command::StartCycle {
                template,
                nama,
                tahun,
                units,
            } => {
                let now = s.now();
                s.start_cycle(&template, &nama, tahun, &units, now)
                    .map(|id| Reply::Ok {
                        message: format!("Siklus {} dimulai", nama.trim()),
                        created: Some(Created::Cycle(id)),
                    })
            }
            Command::ActTask {
                cycle_id,
                seq,
                action,
                performer_id,
                performer,
                note,
            } => {
                let now = s.now();
                let before = s.load_cycle(cycle_id);
                let act = crate::model::workflow::Act {
                    action: action.clone(),
                    performer_id,
                    performer,
                    note,
                    now,
                };
                before.and_then(|b| {
                    let step = b
                        .visit(seq)
                        .map(|v| b.template.langkah[v.step].no.clone())
                        .unwrap_or_default();
                    s.act(cycle_id, seq, &act).map(|c| {
                        let what = match action {
                            crate::model::workflow::Action::Selesai => "selesai",
                            crate::model::workflow::Action::Ya => "disetujui",
                            crate::model::workflow::Action::Tolak { .. } => "ditolak",
                        };
                        let next = if c.finished_at.is_some() {
                            "siklus selesai".to_string()
                        } else {
                            format!("sekarang: langkah {}", c.describe_current())
                        };
                        done(&format!("Langkah {step} {what}; {next}"))
                    })
                })
            }
            Command::RegisterArchive(e, scan) => {
                let checked = scan.as_deref().map(crate::store::read_scan).transpose();
                checked.and_then(|_| {
                    let id = s.register_archive(&e)?;
                    let mut msg = format!("Terdaftar di arsip dengan nomor agenda {}", e.nomor_agenda.trim());
                    if let Some(p) = scan {
                        match s.attach_scan(id, &p) {
                            Ok(_) => msg.push_str("; pindaian dilampirkan"),
                            Err(err) => return Ok(Reply::Err(format!("{msg}, tetapi pindaian tidak dilampirkan: {err}"))),
                        }
                    }
                    Ok(Reply::Ok { message: msg, created: Some(Created::Archive(id)) })
                })
            }
            Command::UpdateArchive(id, e, scan) => {
                let checked = scan.as_deref().map(crate::store::read_scan).transpose();
                checked.and_then(|_| {
                    s.update_archive(id, &e)?;
                    if let Some(p) = scan {
                        s.attach_scan(id, &p)?;
                        // The new scan was just stored and hashed: the last
                        // "Periksa berkas" finding for this entry is settled.
                        if let Some((_, found)) = self.view.scan_check.as_mut()
                            && let Some(c) = found.iter_mut().find(|c| c.entry_id == id)
                        {
                            c.state = crate::model::archive::ScanState::Cocok;
                        }
                    }
                    Ok(done(&format!("Entri arsip nomor agenda {} disimpan", e.nomor_agenda.trim())))
                })
            }
            Command::CheckScans => s.check_scans().map(|found| {
                let bad = found.iter().filter(|c| !c.state.ok()).count();
                let msg = if found.is_empty() {
                    "Belum ada pindaian untuk diperiksa".to_string()
                } else if bad == 0 {
                    format!("Periksa berkas: {} pindaian utuh", found.len())
                } else {
                    format!("Periksa berkas: {bad} dari {} pindaian hilang atau berubah", found.len())
                };
                let at = self.view.kal.as_ref().map(|k| k.ke_lokal(s.now())).unwrap_or_default();
                self.view.scan_check = Some((at, found));
                if bad == 0 { done(&msg) } else { Reply::Err(msg) }
            }),
            Command::OpenScan(id) => s.archive_entry(id).and_then(|e| {
                let scan = e.scan.ok_or_else(|| crate::store::StoreError::Invalid(format!(
                    "Entri nomor agenda {} belum memiliki pindaian", e.entry.nomor_agenda
                )))?;
                let path = s.scan_path(&scan);
                if !path.exists() {
                    return Err(crate::store::StoreError::Invalid(format!(
                        "Berkas pindaian {} hilang dari folder data; lampirkan lagi atau pulihkan dari cadangan",
                        path.display()
                    )));
                }
                if self.open_files {
                    super::pdf::open_in_viewer(&path).map_err(|e| {
                        crate::store::StoreError::Invalid(format!("Pindaian {} {e}", path.display()))
                    })?;
                }
                Ok(Reply::Ok { message: String::new(), created: None })
            }),
            Command::Restore(false) => {
                self.staged = None;
                Ok(done("Pemulihan dibatalkan; data tidak berubah"))
            }
            Command::Restore(true) if self.backup_job.is_some() => Err(crate::store::StoreError::Invalid(
                "Tunggu pencadangan yang sedang berjalan selesai, lalu pulihkan lagi".into(),
            )),
            Command::Restore(true) => match self.staged.take() {
                None => Err(crate::store::StoreError::Invalid("Pilih berkas cadangan terlebih dahulu".into())),
                Some(staged) => {
                    let sumber = staged.sumber.display().to_string();
                    s.restore(staged).map(|kept| {
                        self.open_pk = None;
                        self.panels.forget_pk();
                        done(&format!(
                            "Data dipulihkan dari {sumber}. Data sebelumnya disimpan sebagai cadangan {}",
                            kept.display()
                        ))
                    })
                }
            },
            Command::StageRestore(p) => s.stage_restore(&p).map(|staged| {
                self.staged = Some(staged);
                Reply::Ok { message: String::new(), created: None }
            }),
            // Started as background work by `start_excel` before reaching here.
            Command::ExportExcel(_) | Command::ImportExcel(_) | Command::SaveExcelTemplate(_) => {
                Err(crate::store::StoreError::Invalid(
                    "Pekerjaan Excel tidak dapat dimulai".into(),
                ))
            }
            // Handled above / started as background work in `ui`.
            Command::OpenAgreement(_)
            | Command::ExportListPdf(..)
            | Command::ExportListXlsx(..)
            | Command::PrintVersion(..)
            | Command::BackupNow(_)
            | Command::ExportPdf(..)
            | Command::ExportSopPdf(..)
            | Command::ExportHistoryPdf(..)
            | Command::QueryAudit(_)
            | Command::MoreAudit
            | Command::ShowAuditRow(_)
            | Command::CheckChain => Err(crate::store::StoreError::Invalid(
                "Perintah tidak dapat dijalankan".into(),
            )),
        };
        match &r {
            Ok(Reply::Ok {
                created: Some(Created::Agreement(a)),
                ..
            }) if opens => self.open_pk = Some(*a),
            Ok(_) if closes => self.open_pk = None,
            Ok(_) if restores => self.reset_audit(),
            _ => {}
        }
        r.unwrap_or_else(|e| Reply::Err(e.to_string()))
    }

    /// Starts the background work of an Excel command; false if it is not one.
    fn start_excel(&mut self, cmd: &Command, ctx: &egui::Context) -> bool {
        let is_excel = matches!(
            cmd,
            Command::ExportExcel(_) | Command::ImportExcel(_) | Command::SaveExcelTemplate(_)
        );
        if !is_excel {
            return false;
        }
        if self.excel.busy() {
            let jam = self.jam();
            self.notes.push(
                Kind::Galat,
                "Tunggu pekerjaan Excel yang sedang berjalan selesai",
                jam,
            );
            return true;
        }
        let ctx = Some(ctx.clone());
        match cmd {
            Command::ExportExcel(p) => {
                if let Err(e) = self.excel.export(&self.store, self.year, p.clone(), ctx) {
                    let jam = self.jam();
                    self.notes.push(Kind::Galat, e, jam);
                }
            }
            Command::ImportExcel(p) => self.excel.import(p.clone(), ctx),
            Command::SaveExcelTemplate(p) => {
                let periode = self
                    .view
                    .renstra
                    .as_ref()
                    .map_or((self.year, self.year + 4), |(p, _)| {
                        (p.tahun_awal, p.tahun_akhir)
                    });
                self.excel.template(periode, self.year, p.clone(), ctx);
            }
            _ => {}
        }
        true
    }

    /// Opens the import preview of a workbook file, as the Impor button does
    /// after its file dialog.
    pub fn import_excel(&mut self, path: std::path::PathBuf, ctx: &egui::Context) {
        self.start_excel(&Command::ImportExcel(path), ctx);
    }

    /// Exports the active year, as the Ekspor button does after its dialog.
    pub fn export_excel(&mut self, path: std::path::PathBuf, ctx: &egui::Context) {
        self.start_excel(&Command::ExportExcel(path), ctx);
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading(RichText::new("perkin").strong());
            ui.separator();
            let o = &self.view.office;
            if o.nama_instansi.is_empty() {
                ui.label(RichText::new("Nama instansi belum diisi").italics());
            } else {
                ui.label(RichText::new(&o.nama_instansi).strong());
                if !o.pemerintah.is_empty() {
                    ui.label(RichText::new(&o.pemerintah).weak());
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let bell = format!("Pemberitahuan ({})", self.notes.recent().count());
                if ui.button(bell).clicked() {
                    self.notes.history_open = !self.notes.history_open;
                }
                ui.separator();
                let mut year = self.year;
                // Right-to-left: the combo box first, so its label reads before it.
                let combo = egui::ComboBox::from_id_salt("tahun_aktif")
                    .selected_text(year.to_string())
                    .show_ui(ui, |ui| {
                        for y in &self.view.years {
                            ui.selectable_value(&mut year, *y, y.to_string());
                        }
                    })
                    .response;
                let label = ui.label("Tahun aktif");
                combo.labelled_by(label.id);
                if year != self.year {
                    // The open agreement belongs to the year left behind.
                    self.flush_editor();
                    self.open_pk = None;
                    self.year = year;
                    self.reload();
                }
            });
        });
    }

    fn navigation(&mut self, ui: &mut egui::Ui) {
        ui.add_space(6.0);
        for p in Panel::ALL {
            let selected = self.panel == p;
            let text = RichText::new(p.label()).size(15.0);
            if ui
                .add_sized(
                    [ui.available_width(), 30.0],
                    egui::Button::selectable(selected, text),
                )
                .clicked()
            {
                self.go_to(p, ui.ctx());
            }
        }
    }

    /// Shows panel `p`, as its navigation button does.
    pub fn go_to(&mut self, p: Panel, ctx: &egui::Context) {
        self.panel = p;
        // Tables measure their columns in a first pass: draw again at once.
        ctx.request_repaint();
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        const REFRESH: std::time::Duration = std::time::Duration::from_secs(60);
        if self.loaded_at.elapsed() >= REFRESH {
            self.reload();
        }
        ctx.request_repaint_after(REFRESH);
        egui::Panel::top("bilah_atas").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui);
            ui.add_space(4.0);
        });
        if let Some(err) = &self.view.error {
            egui::Panel::bottom("galat_data").show(ui, |ui| {
                ui.colored_label(egui::Color32::RED, err);
            });
        }
        egui::Panel::left("navigasi")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| self.navigation(ui));
        let mut outbox = Outbox {
            sent: std::mem::take(&mut self.pending),
        };
        let replies = std::mem::take(&mut self.replies);
        egui::CentralPanel::default().show(ui, |ui| {
            self.panels
                .show(ui, self.panel, &self.view, self.year, &replies, &mut outbox);
        });
        self.notes.show(&ctx);
        self.notes.history_window(&ctx);
        self.poll_chain(&ctx);
        if let Some((r, print)) = self.pdf.show(&ctx) {
            let jam = self.jam();
            match r {
                Ok(m) => self.notes.push(Kind::Sukses, m, jam.clone()),
                Err(e) => self.notes.push(Kind::Galat, e, jam.clone()),
            }
            if let Some(p) = print {
                self.record_print(p);
            }
        }
        if let Some(job) = &self.backup_job {
            match job.poll() {
                Some(r) => {
                    self.backup_job = None;
                    let jam = self.jam();
                    match r {
                        Ok(m) => self.notes.push(Kind::Sukses, m, jam),
                        Err(e) => self.notes.push(Kind::Galat, e, jam),
                    }
                    self.reload();
                }
                None => {
                    super::excel::progress_bar(&ctx, &job.judul, job.fraction(), || job.cancel())
                }
            }
        }
        if let Some(ev) = self.excel.show(&ctx, &mut self.store) {
            let jam = self.jam();
            match ev {
                super::excel::Event::Done(m) => self.notes.push(Kind::Sukses, m, jam),
                super::excel::Event::Failed(e) => self.notes.push(Kind::Galat, e, jam),
                super::excel::Event::Imported(m) => {
                    self.notes.push(Kind::Sukses, m, jam);
                    self.reload();
                }
            }
        }
        if !outbox.sent.is_empty() {
            // An autosave alone reloads only the agreement parts of the view.
            let only_autosave = outbox
                .sent
                .iter()
                .all(|(_, c)| matches!(c, Command::SaveDraft(..)));
            let open = self.open_files;
            // Reading the audit log changes nothing else.
            let only_audit = outbox.sent.iter().all(|(_, c)| c.audit_read());
            for (form, cmd) in outbox.sent {
                if self.start_excel(&cmd, &ctx) {
                    continue;
                }
                let started = match cmd {
                    Command::ExportPdf(v, path, kertas) => {
                        Err(self.export_pdf(v, path, kertas, open, Some(ctx.clone())))
                    }
                    Command::ExportSopPdf(kode, path, kertas) => Err(self.pdf.export_sop(
                        &self.store,
                        &kode,
                        path,
                        kertas,
                        open,
                        Some(ctx.clone()),
                    )),
                    Command::ExportHistoryPdf(id, path) => {
                        Err(self.export_history(id, path, open, Some(ctx.clone())))
                    }
                    Command::ExportListPdf(d, path) => {
                        Err(self.pdf.export_list(*d, path, open, Some(ctx.clone())))
                    }
                    Command::ExportListXlsx(d, path) => Err(self.pdf.export_bytes(
                        "Membuat berkas Excel",
                        path,
                        open,
                        Some(ctx.clone()),
                        move || crate::formats::table::to_xlsx(&d),
                    )),
                    Command::PrintVersion(v, rangkap, kertas) => Err(self
                        .print_version(v, rangkap, kertas, open, Some(ctx.clone()))
                        .map(|_| ())),
                    Command::BackupNow(path) => Err(self.backup_now(path, Some(ctx.clone()))),
                    Command::CheckChain => {
                        self.check_chain(Some(ctx.clone()));
                        continue;
                    }
                    other => Ok(other),
                };
                let reply = match started {
                    Ok(cmd) => self.apply(cmd),
                    Err(Ok(())) => continue,
                    Err(Err(e)) => Reply::Err(e),
                };
                let jam = self.jam();
                match &reply {
                    // Quiet replies (autosave, opening) need no notification.
                    Reply::Ok { message, .. } if message.is_empty() => {}
                    Reply::Ok { message, .. } => {
                        self.notes.push(Kind::Sukses, message.clone(), jam)
                    }
                    Reply::Err(e) => self.notes.push(Kind::Galat, e.clone(), jam),
                }
                self.replies.push((form, reply));
            }
            if only_autosave {
                self.reload_agreements();
            } else if !only_audit {
                self.reload();
            }
            ctx.request_repaint();
        }
    }
}

impl eframe::App for PerkinApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush_editor();
        let r = Remembered {
            panel: Some(self.panel),
            year: Some(self.year),
            open_pk: self.open_pk,
            forms: self.panels.drafts(),
        };
        if let Ok(s) = serde_json::to_string(&r) {
            storage.set_string(KEY, s);
        }
    }

    /// Unsaved form input is written to eframe's storage every second, so a
    /// crash loses at most the last second of typing.
    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(1)
    }
}
