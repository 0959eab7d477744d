//! The panels of the navigation. Each reads the view data and sends
//! commands; none touches the store.

mod agreement;
mod archive;
mod audit;
mod backup;
mod home;
mod lists;
mod plan;
mod queue;
mod settings;
mod sop;
pub mod widgets;

use serde::{Deserialize, Serialize};

use super::app::{Outbox, Panel, Reply};
use super::view::ViewData;

/// Unsaved input of every form, remembered across restarts and crashes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FormDrafts {
    #[serde(default)]
    pub pengaturan: settings::Drafts,
    #[serde(default)]
    pub plan: plan::PlanDrafts,
    #[serde(default)]
    pub pk: agreement::PkDrafts,
    #[serde(default)]
    pub arsip: archive::ArsipDrafts,
}

pub use agreement::F_PK_SAVE;
pub use archive::register_daftar;

pub struct Panels {
    sop: sop::SopPanel,
    pengaturan: settings::Pengaturan,
    plan: plan::PlanPanels,
    arsip: archive::Arsip,
    pk: agreement::PkPanel,
    antrian: queue::Antrian,
}

impl Panels {
    pub fn new(view: &ViewData) -> Panels {
        Panels {
            sop: sop::SopPanel::default(),
            pengaturan: settings::Pengaturan::new(view),
            plan: plan::PlanPanels::default(),
            arsip: archive::Arsip::default(),
            pk: agreement::PkPanel::default(),
            antrian: queue::Antrian::default(),
        }
    }

    /// New view data arrived (after a command or a change of year).
    pub fn refresh(&mut self, view: &ViewData) {
        self.pengaturan.refresh(view);
    }

    pub fn drafts(&self) -> FormDrafts {
        FormDrafts {
            pengaturan: self.pengaturan.drafts(),
            plan: self.plan.drafts(),
            pk: self.pk.drafts(),
            arsip: self.arsip.drafts(),
        }
    }

    pub fn restore(&mut self, d: FormDrafts) {
        self.pengaturan.restore(d.pengaturan);
        self.plan.restore(d.plan);
        self.pk.restore(d.pk);
        self.arsip.restore(d.arsip);
    }

    /// The agreement editor's edit not yet written.
    pub fn unsaved_pk(
        &self,
    ) -> Option<(
        crate::model::id::VersionId,
        crate::model::agreement::Content,
    )> {
        self.pk.unsaved()
    }

    /// The data was replaced (restore): drop the editor's state.
    pub fn forget_pk(&mut self) {
        self.pk.forget();
    }

    pub fn pk_saved(&mut self, version_id: crate::model::id::VersionId) {
        self.pk.saved(version_id);
    }

    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        panel: Panel,
        view: &ViewData,
        year: i32,
        replies: &[(&'static str, Reply)],
        out: &mut Outbox,
    ) {
        self.plan.on_replies(replies);
        self.pk.on_replies(replies);
        self.antrian.on_replies(replies);
        self.arsip.on_replies(replies);
        backup::confirm_restore(ui.ctx(), view, out);
        match panel {
            Panel::Beranda => home::show(ui, view, year),
            Panel::Renstra => self.plan.renstra(ui, view, year, out),
            Panel::Renja => self.plan.renja(ui, view, year, out),
            Panel::Perjanjian => self.pk.show(ui, view, year, out),
            Panel::Antrian => self.antrian.show(ui, view, year, out),
            Panel::AlurSop => self.sop.show(ui, view, out),
            Panel::Arsip => self.arsip.show(ui, view, out),
            Panel::Pengaturan => self.pengaturan.show(ui, view, year, replies, out),
        }
    }
}
