//! The panels of the navigation. Each reads the view data and sends
//! commands to the app; none touches the store.

mod agreement;
mod archive;
mod audit;
mod backup;
mod draft;
mod home;
mod lists;
mod plan;
mod queue;
mod settings;
mod sop;
pub mod widgets;

use serde::{Deserialize, Serialize};

use super::nav::Panel;
use crate::app::{Command, Reply, ViewData};
use crate::model::agreement::Content;
use crate::model::id::VersionId;

/// The form a command came from, so its reply goes back there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// Pengaturan → Instansi.
    Instansi,
    Logo,
    Unit,
    Pejabat,
    /// Kalender Kerja: the weekly hours.
    Jam,
    Libur,
    /// Kalender Kerja's "Impor hari libur…".
    LiburImpor,
    /// Renstra: the tujuan/sasaran/indikator forms.
    Renstra,
    Periode,
    Target,
    Renja,
    Dpa,
    Excel,
    /// The agreement editor's buttons.
    Agreement,
    /// The editor's autosave.
    AgreementSave,
    AgreementNew,
    AgreementAmend,
    /// A queue task's form.
    Task,
    /// "Mulai siklus baru".
    Cycle,
    /// Alur SOP's exports.
    Sop,
    /// The register entry form.
    Archive,
    /// The register's tools (check, open, export).
    ArchiveTools,
    /// Arsip's "Periksa kode".
    Verify,
    Backup,
    /// Pengaturan → Riwayat.
    Audit,
}

/// Commands sent during a frame, with the form that sent them, and a path
/// to ask for where no system file dialog can open.
#[derive(Default)]
pub struct Outbox {
    sent: Vec<(Form, Command)>,
    prompt: Option<crate::ui::files::PathPrompt>,
}

impl Outbox {
    pub fn with(sent: Vec<(Form, Command)>) -> Outbox {
        Outbox { sent, prompt: None }
    }

    pub fn send(&mut self, form: Form, cmd: impl Into<Command>) {
        self.sent.push((form, cmd.into()));
    }

    /// Asks for a path in perkin's own prompt ([`crate::ui::files`]).
    pub fn ask_path(&mut self, prompt: crate::ui::files::PathPrompt) {
        self.prompt = Some(prompt);
    }

    /// The commands, and the path prompt opened this frame.
    pub fn take(self) -> (Vec<(Form, Command)>, Option<crate::ui::files::PathPrompt>) {
        (self.sent, self.prompt)
    }
}

/// Unsaved input of every form, remembered across restarts and crashes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FormDrafts {
    #[serde(default)]
    pub settings: settings::Drafts,
    #[serde(default)]
    pub plan: plan::PlanDrafts,
    #[serde(default)]
    pub agreement: agreement::AgreementDrafts,
    #[serde(default)]
    pub archive: archive::ArchiveDrafts,
}

pub use archive::register_daftar;

pub struct Panels {
    sop: sop::SopPanel,
    settings: settings::SettingsPanel,
    plan: plan::PlanPanels,
    archive: archive::ArchivePanel,
    agreement: agreement::AgreementPanel,
    queue: queue::QueuePanel,
    /// A setup step clicked on Beranda, for the shell to show.
    goto: Option<crate::app::SetupStep>,
}

impl Panels {
    pub fn new(view: &ViewData) -> Panels {
        Panels {
            sop: sop::SopPanel::default(),
            settings: settings::SettingsPanel::new(view),
            plan: plan::PlanPanels::default(),
            archive: archive::ArchivePanel::default(),
            agreement: agreement::AgreementPanel::default(),
            queue: queue::QueuePanel::default(),
            goto: None,
        }
    }

    /// New view data arrived (after a command or a change of year).
    pub fn refresh(&mut self, view: &ViewData) {
        self.settings.refresh(view);
    }

    pub fn drafts(&self) -> FormDrafts {
        FormDrafts {
            settings: self.settings.drafts(),
            plan: self.plan.drafts(),
            agreement: self.agreement.drafts(),
            archive: self.archive.drafts(),
        }
    }

    /// Takes up the drafts remembered for the open database.
    pub fn restore(&mut self, d: FormDrafts, view: &ViewData) {
        self.settings.restore(d.settings, view);
        self.plan.restore(d.plan, view);
        self.agreement.restore(d.agreement);
        self.archive.restore(d.archive, view);
    }

    /// The panel (and Pengaturan's tab) of a setup step clicked on Beranda.
    pub fn take_goto(&mut self) -> Option<Panel> {
        use crate::app::SetupStep as S;
        let step = self.goto.take()?;
        Some(match step {
            S::Instansi | S::Unit | S::Pejabat | S::Kalender => {
                self.settings.open_tab(step);
                Panel::Pengaturan
            }
            S::Renstra => Panel::Renstra,
            S::Renja => Panel::Renja,
            S::Sop => Panel::AlurSop,
            S::Perjanjian => Panel::Perjanjian,
        })
    }

    /// The agreement editor's edit not yet written.
    pub fn unsaved_agreement(&self) -> Option<(VersionId, Content)> {
        self.agreement.unsaved()
    }

    /// The data was replaced (restore): drop the editor's state.
    pub fn forget_agreement(&mut self) {
        self.agreement.forget();
    }

    pub fn agreement_saved(&mut self, version_id: VersionId) {
        self.agreement.saved(version_id);
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        panel: Panel,
        view: &ViewData,
        year: i32,
        replies: &[(Form, Reply)],
        out: &mut Outbox,
    ) {
        self.plan.on_replies(replies);
        self.agreement.on_replies(replies);
        self.queue.on_replies(replies);
        self.archive.on_replies(replies);
        backup::confirm_restore(ui.ctx(), view, out);
        match panel {
            Panel::Beranda => self.goto = home::show(ui, view, year, out),
            Panel::Renstra => self.plan.renstra(ui, view, year, out),
            Panel::Renja => self.plan.renja(ui, view, year, out),
            Panel::Perjanjian => self.agreement.show(ui, view, year, out),
            Panel::Antrian => self.queue.show(ui, view, year, out),
            Panel::AlurSop => self.sop.show(ui, view, out),
            Panel::Arsip => self.archive.show(ui, view, out),
            Panel::Pengaturan => self.settings.show(ui, view, year, replies, out),
        }
    }
}
