//! The window's shell: navigation, the top bar with the office and the
//! active year, notifications, progress bars, and the frame loop that hands
//! the panels' commands to the app. Nothing here writes data itself.

use egui::RichText;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::nav::Panel;
use super::notify::{Kind, Notifications};
use super::panels::{self, Form, Outbox, Panels};
use crate::app::{AgreementCmd, App, Changed, Command, Notice, Reply, ViewData};
use crate::model::id::AgreementId;
use crate::store::Store;

/// What the window remembers between runs (besides its size, which eframe
/// keeps). Only the panel is shared by every database; what refers to
/// records (the year, the open agreement, unsaved form input) is kept per
/// database under its own identity ([`Store::identity`]), so one office's
/// drafts never appear over another's data.
#[derive(Serialize, Deserialize, Default)]
struct Remembered {
    panel: Option<Panel>,
    /// By database identity. (Earlier versions kept one set of drafts for
    /// whatever database was open; those are not read: nobody can tell
    /// which database they belonged to.)
    #[serde(default)]
    databases: BTreeMap<String, OfDatabase>,
}

/// What the window remembers of one database.
#[derive(Clone, Serialize, Deserialize, Default)]
struct OfDatabase {
    year: Option<i32>,
    /// The agreement open in the editor.
    open_pk: Option<AgreementId>,
    forms: panels::FormDrafts,
    /// When this database was last open (seconds since 1970): only the
    /// most recent [`DATABASES_KEPT`] are kept.
    #[serde(default)]
    used: i64,
}

/// How many databases' drafts are remembered.
const DATABASES_KEPT: usize = 20;

const KEY: &str = "perkin.tampilan";

/// What `storage` remembers from the last run.
fn remembered(storage: Option<&dyn eframe::Storage>) -> Remembered {
    storage
        .and_then(|s| s.get_string(KEY))
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

impl Remembered {
    /// What is remembered of the database with this identity.
    fn of(&self, identity: &str) -> OfDatabase {
        self.databases.get(identity).cloned().unwrap_or_default()
    }

    /// Keeps `d` for `identity`, dropping the least recently used beyond
    /// [`DATABASES_KEPT`].
    fn keep(&mut self, identity: &str, d: OfDatabase) {
        self.databases.insert(identity.to_string(), d);
        while self.databases.len() > DATABASES_KEPT {
            let oldest = self
                .databases
                .iter()
                .min_by_key(|(_, d)| d.used)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.databases.remove(&k),
                None => break,
            };
        }
    }
}

/// An open store with the view of its start year loaded: what the window's
/// start-up thread prepares while eframe makes the window.
pub struct Prepared(App);

impl Prepared {
    /// Loads the view of the start year ([`crate::app::start_year`]).
    pub fn new(store: Store) -> Prepared {
        Prepared(App::new(store))
    }
}

pub struct PerkinApp {
    app: App,
    panel: Panel,
    notes: Notifications,
    panels: Panels,
    /// Replies of the last frame's commands, for the forms that sent them.
    replies: Vec<(Form, Reply)>,
    /// Commands sent from outside the panels, run with the next frame's.
    pending: Vec<(Form, Command)>,
    /// The view generation the panels' forms were last refreshed for.
    seen: u64,
    /// What the last run remembered, for every database (the open one's
    /// entry is replaced by the current state when saved).
    remembered: Remembered,
    /// A path asked for where no system file dialog can open.
    prompt: Option<super::files::PathPrompt>,
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
        let year = store
            .identity()
            .ok()
            .and_then(|id| remembered(storage).of(&id).year);
        let app = match year {
            Some(year) => App::with_year(store, year),
            None => App::new(store),
        };
        PerkinApp::open_prepared(ctx, storage, Prepared(app))
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
        let Prepared(mut app) = prepared;
        let repaint = ctx.clone();
        app.set_waker(std::sync::Arc::new(move || repaint.request_repaint()));
        app.start_of_day();
        let panels = Panels::new(app.view());
        let mut shell = PerkinApp {
            app,
            panel: remembered.panel.unwrap_or(Panel::Beranda),
            notes: Notifications::default(),
            panels,
            replies: Vec::new(),
            pending: Vec::new(),
            seen: 0,
            remembered,
            prompt: None,
        };
        shell.enter_database();
        shell
    }

    /// Takes up what is remembered of the open database: its year, its
    /// open agreement and its drafts (and only those).
    fn enter_database(&mut self) {
        let d = self.remembered.of(self.app.identity());
        if let Some(y) = d.year {
            self.app.set_year(y);
        }
        self.app.reopen_agreement(d.open_pk);
        self.panels = Panels::new(self.app.view());
        self.panels.restore(d.forms, self.app.view());
    }

    /// Remembers the current state of the open database under its identity.
    fn remember_open(&mut self) {
        let d = OfDatabase {
            year: Some(self.app.year()),
            open_pk: self.app.open_agreement(),
            forms: self.panels.drafts(),
            used: self.app.store().now().timestamp(),
        };
        self.remembered.keep(self.app.identity(), d);
    }

    /// The app the window acts through.
    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    pub fn store(&self) -> &Store {
        self.app.store()
    }

    /// What the panels show now.
    pub fn view(&self) -> &ViewData {
        self.app.view()
    }

    pub fn panel(&self) -> Panel {
        self.panel
    }

    /// The active year ("Tahun aktif").
    pub fn year(&self) -> i32 {
        self.app.year()
    }

    /// Sends a command as a form does (e.g. "Pulihkan" after its file
    /// dialog); it runs with the next frame.
    pub fn send(&mut self, form: Form, cmd: impl Into<Command>) {
        self.pending.push((form, cmd.into()));
    }

    /// Turns opening written files in the system's viewer on or off.
    pub fn set_open_files(&mut self, on: bool) {
        self.app.set_open_files(on);
    }

    /// Whether background work runs (tests wait for it).
    pub fn busy(&self) -> bool {
        self.app.busy()
    }

    /// Shows panel `p`, as its navigation button does.
    pub fn go_to(&mut self, p: Panel, ctx: &egui::Context) {
        self.panel = p;
        // Tables measure their columns in a first pass: draw again at once.
        ctx.request_repaint();
    }

    fn notify(&mut self, n: Notice) {
        let kind = if n.ok { Kind::Sukses } else { Kind::Galat };
        let jam = self.app.jam();
        self.notes.push(kind, n.message, jam);
    }

    /// Writes the editor's pending edit at once (the window closes, the
    /// year changes, a restore comes): nothing typed is lost.
    fn flush_editor(&mut self) {
        if let Some((version, content)) = self.panels.unsaved_agreement() {
            let cmd = AgreementCmd::SaveDraft {
                version,
                content: Box::new(content),
            };
            match self.app.apply(cmd.into()) {
                Reply::Ok { .. } => self.panels.agreement_saved(version),
                // The edit stays in the editor (and in the remembered
                // input) with the reason shown.
                err => self.replies.push((Form::AgreementSave, err)),
            }
        }
    }

    /// The year and the notifications on the right first; the office's
    /// name takes what is left and is cut (whole on hover) on a narrow
    /// window instead of running under them.
    fn top_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| self.top_bar_row(ui));
    }

    fn top_bar_row(&mut self, ui: &mut egui::Ui) {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let bell = format!("Pemberitahuan ({})", self.notes.recent().count());
            if ui.button(bell).clicked() {
                self.notes.history_open = !self.notes.history_open;
            }
            ui.separator();
            let mut year = self.app.year();
            // Right-to-left: the combo box first, so its label reads before it.
            let combo = egui::ComboBox::from_id_salt("tahun_aktif")
                .selected_text(year.to_string())
                .show_ui(ui, |ui| {
                    for y in &self.app.view().years {
                        ui.selectable_value(&mut year, *y, y.to_string());
                    }
                })
                .response;
            let label = ui.label("Tahun aktif");
            combo.labelled_by(label.id);
            if year != self.app.year() {
                self.flush_editor();
                self.app.set_year(year);
            }
            ui.separator();
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                self.office_title(ui);
            });
        });
    }

    /// "perkin", then the office and its government.
    fn office_title(&self, ui: &mut egui::Ui) {
        ui.heading(RichText::new("perkin").strong());
        ui.separator();
        let o = &self.app.view().office;
        let text = if o.nama_instansi.is_empty() {
            RichText::new("Nama instansi belum diisi").italics()
        } else {
            RichText::new(&o.nama_instansi).strong()
        };
        ui.add(egui::Label::new(text).truncate());
        if !o.nama_instansi.is_empty() && !o.pemerintah.is_empty() {
            ui.add(egui::Label::new(RichText::new(&o.pemerintah).weak()).truncate());
        }
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

    /// Applies the frame's commands through the app; replies go to their
    /// forms and to the notifications.
    fn run_commands(&mut self, sent: Vec<(Form, Command)>, ctx: &egui::Context) {
        if sent.is_empty() {
            return;
        }
        let restoring = sent.iter().any(|(_, c)| {
            matches!(
                c,
                Command::Backup(crate::app::BackupCmd::Restore { confirmed: true })
            )
        });
        if restoring {
            // The pending edit goes into the data kept as a backup; the
            // other drafts stay remembered under the replaced database.
            self.flush_editor();
            self.remember_open();
        }
        let (forms, cmds): (Vec<Form>, Vec<Command>) = sent.into_iter().unzip();
        let (replies, changed) = self.app.apply_all(cmds);
        if changed == Changed::Database {
            // Another database: the forms let go of the old one's records
            // and take up the drafts remembered for the one now open.
            self.panels.forget_agreement();
            self.enter_database();
        }
        for (form, reply) in forms.into_iter().zip(replies) {
            match &reply {
                // Quiet replies (autosave, opening) need no notification.
                Reply::Ok { message, .. } if message.is_empty() => {}
                Reply::Ok { message, .. } => self.notify(Notice {
                    ok: true,
                    message: message.clone(),
                }),
                Reply::Err(e) => self.notify(Notice {
                    ok: false,
                    message: e.clone(),
                }),
            }
            self.replies.push((form, reply));
        }
        ctx.request_repaint();
    }

    /// Progress bars of the work under way, each with its cancel button.
    fn progress(&mut self, ctx: &egui::Context) {
        for r in self.app.running() {
            if super::excel::progress_bar(ctx, &r.judul, r.fraction) {
                self.app.cancel(r.kind);
            }
        }
    }

    /// One frame of the whole window.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.app.refresh_if_stale();
        ctx.request_repaint_after(crate::app::REFRESH);
        egui::Panel::top("bilah_atas").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui);
            ui.add_space(4.0);
        });
        if let Some(err) = &self.app.view().error {
            egui::Panel::bottom("galat_data").show(ui, |ui| {
                ui.colored_label(egui::Color32::RED, err);
            });
        }
        egui::Panel::left("navigasi")
            .resizable(false)
            .exact_size(170.0)
            .show(ui, |ui| self.navigation(ui));
        let mut outbox = Outbox::with(std::mem::take(&mut self.pending));
        let replies = std::mem::take(&mut self.replies);
        let (panel, year) = (self.panel, self.app.year());
        egui::CentralPanel::default().show(ui, |ui| {
            self.panels
                .show(ui, panel, self.app.view(), year, &replies, &mut outbox);
        });
        if let Some(p) = self.panels.take_goto() {
            self.go_to(p, &ctx);
        }
        super::excel::import_preview(&ctx, self.app.import_preview(), &mut outbox);
        super::files::show_prompt(&ctx, &mut self.prompt, &mut outbox);
        self.notes.show(&ctx);
        self.notes.history_window(&ctx);
        for n in self.app.poll() {
            self.notify(n);
        }
        self.progress(&ctx);
        let (sent, prompt) = outbox.take();
        if prompt.is_some() {
            self.prompt = prompt;
        }
        self.run_commands(sent, &ctx);
        if self.app.generation() != self.seen {
            // New view data: the forms that mirror it read it again.
            self.seen = self.app.generation();
            self.panels.refresh(self.app.view());
        }
    }
}

impl eframe::App for PerkinApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.flush_editor();
        self.remembered.panel = Some(self.panel);
        self.remember_open();
        if let Ok(s) = serde_json::to_string(&self.remembered) {
            storage.set_string(KEY, s);
        }
    }

    /// Unsaved form input is written to eframe's storage every second, so a
    /// crash loses at most the last second of typing.
    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(1)
    }
}
