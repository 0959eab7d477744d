//! The egui window: a thin shell ([`shell`]) and one module per panel
//! ([`panels`]). Panels read the view the app built once per change (never
//! SQL per frame) and send commands; the app applies them through the store.

mod excel;
pub mod flow;
pub mod nav;
mod notify;
pub mod panels;
mod shell;

use std::path::{Path, PathBuf};

use egui::{Color32, RichText};

pub use nav::Panel;
pub use panels::Form;
pub use panels::widgets::SAVE;
pub use shell::{PerkinApp, Prepared};

use crate::store::Store;

/// Liberation Sans (bundled, SIL OFL) first: it has every glyph the app
/// shows (arrows, Rupiah text, Indonesian names) and matches the printed PDFs.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "liberation-sans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/LiberationSans-Regular.ttf"
        ))),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family.clone()).or_default().insert(
            if family == egui::FontFamily::Proportional {
                0
            } else {
                1
            },
            "liberation-sans".to_owned(),
        );
    }
    ctx.set_fonts(fonts);
}

/// Shown instead of the app when the database cannot be opened: the reason,
/// in Indonesian, and nothing touched.
pub struct OpenErrorApp {
    pub path: PathBuf,
    pub message: String,
}

impl eframe::App for OpenErrorApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Basis data tidak dapat dibuka");
            ui.add_space(8.0);
            ui.label(format!("Berkas: {}", self.path.display()));
            ui.add_space(8.0);
            ui.add(egui::Label::new(RichText::new(&self.message).color(Color32::RED)).wrap());
            ui.add_space(12.0);
            if ui.button("Tutup").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}

/// Set (to anything) by the startup benchmark: the window prints
/// `first-frame` on stdout after its first frame and closes.
pub const EXIT_AFTER_FIRST_FRAME: &str = "PERKIN_EXIT_AFTER_FIRST_FRAME";

struct FirstFrameOnly(Box<dyn eframe::App>);

impl eframe::App for FirstFrameOnly {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.0.ui(ui, frame);
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "first-frame").and_then(|_| out.flush());
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Opens the window on `path`. Returns the process exit code.
pub fn run_window(path: &Path) -> i32 {
    // The database opens and the start view loads on a thread while eframe
    // makes the window (most of the time to the first frame).
    let prepare = {
        let path = path.to_path_buf();
        move || {
            Store::open(&path)
                .map(Prepared::new)
                .map_err(|e| e.to_string())
        }
    };
    let preparing = std::thread::Builder::new()
        .name("perkin-mulai".into())
        .spawn(prepare.clone());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("perkin — Perjanjian Kinerja")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let path = path.to_path_buf();
    let result = eframe::run_native(
        "perkin",
        options,
        Box::new(move |cc| -> Result<Box<dyn eframe::App>, _> {
            let prepared = match preparing {
                Ok(thread) => thread.join().unwrap_or_else(|_| {
                    Err("Pembukaan basis data terhenti karena galat tak terduga.".to_string())
                }),
                // No thread to be had: open it here.
                Err(_) => prepare(),
            };
            let app: Box<dyn eframe::App> = match prepared {
                Ok(prepared) => {
                    Box::new(PerkinApp::open_prepared(&cc.egui_ctx, cc.storage, prepared))
                }
                Err(message) => Box::new({
                    install_fonts(&cc.egui_ctx);
                    OpenErrorApp { path, message }
                }),
            };
            Ok(if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some() {
                Box::new(FirstFrameOnly(app))
            } else {
                app
            })
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("Jendela perkin tidak dapat dibuka: {e}");
            1
        }
    }
}
