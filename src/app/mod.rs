//! The application layer, between the window and the store. No egui here:
//! the window (`crate::ui`), the command line and the tests all act through
//! [`App`].
//!
//! - [`command`]: what can be asked, one typed [`Command`] per user action;
//! - [`App::apply`]: the one function that applies a command through the
//!   store (one transaction with its audit entry) and says what changed, so
//!   the view is read again as far as needed;
//! - [`view`]: what the panels show, read once per change;
//! - background work (PDFs, workbooks, backups, the chain check) runs as
//!   [`jobs::Job`]s; [`App::poll`] collects what ended, as [`Notice`]s.

pub mod admin;
mod apply;
pub mod command;
pub mod documents;
mod exchange;
mod export;
pub mod jobs;
pub mod view;

use std::time::{Duration, Instant};

pub use command::{
    AgreementCmd, ArchiveCmd, AuditCmd, BackupCmd, CalendarCmd, Changed, Command, Created,
    ExchangeCmd, ListFormat, OfficeCmd, OrgCmd, RenjaCmd, RenstraCmd, Reply, WorkflowCmd,
};
pub use exchange::ImportPreview;
pub use export::open_in_viewer;
pub use jobs::Waker;
pub use view::{SetupStep, ViewData, setup_steps, start_year};

use crate::model::id::AgreementId;
use crate::store::Store;

/// Something the user is told outside a form's reply: a job ended, the
/// daily backup was made or failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub ok: bool,
    pub message: String,
}

impl Notice {
    fn ok(message: impl Into<String>) -> Notice {
        Notice {
            ok: true,
            message: message.into(),
        }
    }

    fn err(message: impl Into<String>) -> Notice {
        Notice {
            ok: false,
            message: message.into(),
        }
    }

    fn of(r: Result<String, String>) -> Notice {
        match r {
            Ok(m) => Notice::ok(m),
            Err(e) => Notice::err(e),
        }
    }
}

/// Background work the window shows with a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// A PDF or workbook being written (an export or a print).
    File,
    /// An .xlsx being read or written.
    Exchange,
    /// "Cadangkan sekarang".
    Backup,
}

/// A running job as the window shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Running {
    pub kind: JobKind,
    pub judul: String,
    pub fraction: f32,
}

/// The store's identity, or (should it be unreadable) its path: drafts are
/// then kept per file.
fn identity_of(store: &Store) -> String {
    store
        .identity()
        .unwrap_or_else(|_| store.path().display().to_string())
}

/// How often the view is read again even when nothing was done: task
/// statuses and the time left move with the clock.
pub const REFRESH: Duration = Duration::from_secs(60);

/// The open database with what the panels show and the work under way.
pub struct App {
    store: Store,
    /// The open database's own identity ([`Store::identity`]).
    identity: String,
    year: i32,
    /// The agreement open in the editor.
    open_agreement: Option<AgreementId>,
    view: ViewData,
    /// When the view was last read.
    loaded_at: Instant,
    /// A backup checked by "Pulihkan", waiting for the user's yes.
    staged: Option<crate::store::Staged>,
    jobs: export::Jobs,
    exchange: exchange::Exchange,
    /// Whether written files (PDF, workbook, scan) are opened in the
    /// system's viewer; tests turn it off.
    open_files: bool,
    waker: Option<Waker>,
    notices: Vec<Notice>,
    /// Counts the full reads of the view (the window refreshes its forms
    /// when it moves).
    generation: u64,
}

impl App {
    /// The app on an open store, showing the start year
    /// ([`view::start_year`]).
    pub fn new(store: Store) -> App {
        let year = start_year(&store, store.now());
        App::with_year(store, year)
    }

    /// The app on an open store, showing `year`.
    pub fn with_year(store: Store, year: i32) -> App {
        let view = ViewData::load(&store, year, store.now());
        App {
            identity: identity_of(&store),
            store,
            year,
            open_agreement: None,
            view,
            loaded_at: Instant::now(),
            staged: None,
            jobs: Default::default(),
            exchange: Default::default(),
            open_files: true,
            waker: None,
            notices: Vec::new(),
            generation: 0,
        }
    }

    /// The open database's own identity: what the window remembers about
    /// unsaved input is kept under it.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// The first start of each day copies the database into the `cadangan`
    /// folder beside it (the newest copies are kept); the work folders of
    /// earlier runs are cleaned. A failure is told and does not stop the app.
    pub fn start_of_day(&mut self) {
        self.store.clean_work_dirs();
        let Some(today) = self.view.today else { return };
        let dir = self.store.backup_dir();
        match self
            .store
            .daily_backup(&dir, today, crate::store::DAILY_BACKUPS_KEPT)
        {
            Ok(Some(p)) => {
                self.notices.push(Notice::ok(format!(
                    "Cadangan harian dibuat: {}",
                    p.display()
                )));
                self.view.backups = view::backups_in(&self.store);
            }
            Ok(None) => {}
            Err(e) => self
                .notices
                .push(Notice::err(format!("Cadangan harian gagal: {e}"))),
        }
    }

    /// Asks the window to draw again when background work moves.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = Some(waker);
    }

    /// Turns opening written files in the system's viewer on or off.
    pub fn set_open_files(&mut self, on: bool) {
        self.open_files = on;
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, to change what it sees (tests move its clock).
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// What the panels show now.
    pub fn view(&self) -> &ViewData {
        &self.view
    }

    /// Moves each time the whole view is read again.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The active year ("Tahun aktif").
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The agreement open in the editor.
    pub fn open_agreement(&self) -> Option<AgreementId> {
        self.open_agreement
    }

    /// Shows another year; the open agreement belongs to the year left
    /// behind and closes.
    pub fn set_year(&mut self, year: i32) {
        if year != self.year {
            self.open_agreement = None;
            self.year = year;
            self.refresh(Changed::Data);
        }
    }

    /// Opens an agreement in the editor (as [`AgreementCmd::Open`] does),
    /// for the window's start with the agreement open at the last close.
    pub fn reopen_agreement(&mut self, id: Option<AgreementId>) {
        self.open_agreement = id;
        self.refresh(Changed::Selection);
    }

    /// The local time of day in the office ("14.05"), for notifications.
    pub fn jam(&self) -> String {
        let now = self.store.now();
        self.view
            .kal
            .as_ref()
            .map(|k| k.ke_lokal(now).format("%H.%M").to_string())
            .unwrap_or_default()
    }

    /// Applies one command and reads the view again as far as it changed.
    pub fn apply(&mut self, cmd: Command) -> Reply {
        let (reply, changed) = self.apply_one(cmd);
        self.refresh(changed);
        reply
    }

    /// Applies commands in order; the view is read again once, as far as
    /// the most far-reaching change needs. Returns the replies and that
    /// change (a restore tells the window to let go of its forms).
    pub fn apply_all(&mut self, cmds: impl IntoIterator<Item = Command>) -> (Vec<Reply>, Changed) {
        let mut most = Changed::Nothing;
        let replies = cmds
            .into_iter()
            .map(|cmd| {
                let (reply, changed) = self.apply_one(cmd);
                most = most.max(changed);
                reply
            })
            .collect();
        self.refresh(most);
        (replies, most)
    }

    /// Reads the view again when it is older than [`REFRESH`].
    pub fn refresh_if_stale(&mut self) {
        if self.loaded_at.elapsed() >= REFRESH {
            self.refresh(Changed::Data);
        }
    }

    /// Reads what `changed` touched again.
    fn refresh(&mut self, changed: Changed) {
        match changed {
            Changed::Nothing => {}
            Changed::Selection => {
                self.view.load_agreement(&self.store, self.open_agreement);
            }
            Changed::Agreements => {
                self.view
                    .reload_agreements(&self.store, self.year, self.open_agreement);
                self.view.refresh_audit(&self.store);
            }
            Changed::Data | Changed::Database => self.reload(changed == Changed::Database),
        }
    }

    /// The whole view read again; the audit view keeps its filter and rows
    /// (read afresh for another database), the last scan check its findings.
    fn reload(&mut self, other_database: bool) {
        if other_database {
            // What was open belongs to the database that was replaced.
            self.identity = identity_of(&self.store);
            self.open_agreement = None;
        }
        self.loaded_at = Instant::now();
        self.generation += 1;
        let audit = self.view.audit.take();
        let scan_check = self.view.scan_check.take();
        self.view = ViewData::load(&self.store, self.year, self.store.now());
        self.view.load_agreement(&self.store, self.open_agreement);
        self.view.staged = self.staged.as_ref().map(|s| view::StagedView {
            sumber: s.sumber.display().to_string(),
            ringkasan: s.ringkasan.clone(),
        });
        if other_database {
            self.reset_audit(audit);
        } else {
            self.view.scan_check = scan_check;
            self.view.audit = audit;
            self.view.refresh_audit(&self.store);
        }
    }

    /// Another database took the place of the open one: the audit view
    /// reads its log afresh under the same filter, and its chain is checked
    /// again (a check of the old file still running is dropped).
    fn reset_audit(&mut self, old: Option<view::AuditView>) {
        self.jobs.chain = None;
        if let Some(old) = old {
            if let Err(e) = self.view.query_audit(&self.store, old.filter) {
                self.notices.push(Notice::err(e.to_string()));
            }
            self.check_chain();
        }
    }

    /// What ended since the last call (jobs, the daily backup), with the
    /// view read again where a job changed data. The window calls it every
    /// frame.
    pub fn poll(&mut self) -> Vec<Notice> {
        let mut changed = self.poll_jobs();
        changed = changed.max(self.poll_exchange());
        self.refresh(changed);
        std::mem::take(&mut self.notices)
    }

    /// Background work under way (for progress bars).
    pub fn running(&self) -> Vec<Running> {
        let mut out = Vec::new();
        if let Some(r) = self.jobs.running() {
            out.push(r);
        }
        if let Some(r) = self.exchange.running() {
            out.push(r);
        }
        if let Some(j) = &self.jobs.backup {
            out.push(Running {
                kind: JobKind::Backup,
                judul: j.judul.clone(),
                fraction: j.fraction(),
            });
        }
        out
    }

    /// Asks a running job to stop (it stops at its next check).
    pub fn cancel(&mut self, kind: JobKind) {
        match kind {
            JobKind::File => self.jobs.cancel_file(),
            JobKind::Exchange => self.exchange.cancel(),
            JobKind::Backup => {
                if let Some(j) = &self.jobs.backup {
                    j.cancel();
                }
            }
        }
    }

    /// Whether any background work runs (tests wait for it).
    pub fn busy(&self) -> bool {
        !self.running().is_empty() || self.jobs.chain.is_some()
    }

    /// The import preview of a read workbook, waiting for the user.
    pub fn import_preview(&self) -> Option<&ImportPreview> {
        self.exchange.preview()
    }
}

impl App {
    /// Takes what the background jobs finished; says what changed.
    fn poll_jobs(&mut self) -> Changed {
        let mut changed = Changed::Nothing;
        if let Some((r, print)) = self.jobs.take_file() {
            self.notices.push(Notice::of(r));
            if let Some(p) = print {
                self.record_print(p);
                changed = Changed::Data;
            }
        }
        if let Some(r) = self.jobs.backup.as_ref().and_then(|j| j.poll()) {
            self.jobs.backup = None;
            self.notices.push(Notice::of(r));
            changed = Changed::Data;
        }
        self.poll_chain();
        changed
    }

    fn poll_exchange(&mut self) -> Changed {
        match self.exchange.poll(&self.store) {
            Some(n) => {
                self.notices.push(n);
                Changed::Nothing
            }
            None => Changed::Nothing,
        }
    }

    /// Records a print whose PDF was written.
    fn record_print(&mut self, p: export::Print) {
        let notice = match self.store.record_print(p.version_id, p.rangkap, p.tujuan) {
            Ok(_) => Notice::ok(format!(
                "Cetak {} tercatat: {} rangkap. Atur jumlah salinan {} pada jendela cetak penampil PDF.",
                p.tujuan.label(),
                p.rangkap,
                p.rangkap
            )),
            Err(e) => Notice::err(format!("Cetakan tidak tercatat: {e}")),
        };
        self.notices.push(notice);
    }

    /// Takes the chain check's progress or result into the audit view.
    fn poll_chain(&mut self) {
        let Some(job) = &self.jobs.chain else { return };
        let state = match job.poll() {
            None => view::ChainState::Berjalan(job.fraction()),
            Some(r) => {
                self.jobs.chain = None;
                if let Ok(Some(row)) = r.as_ref().map(|r| r.first_broken()) {
                    // Said also where the user is now, not only in Riwayat.
                    self.notices.push(Notice::err(format!(
                        "Log audit: rantai hash putus pada entri {row}; lihat Pengaturan → Riwayat"
                    )));
                }
                match r {
                    Ok(report) => view::ChainState::Selesai {
                        report,
                        pukul: self.view.kal.as_ref().map_or_else(String::new, |k| {
                            crate::fmt::tanggal_jam(k.ke_lokal(self.store.now()))
                        }),
                    },
                    Err(e) => view::ChainState::Gagal(e),
                }
            }
        };
        self.set_chain(state);
    }
}
