//! The egui window: a thin shell ([`shell`]) and one module per panel
//! ([`panels`]). Panels read the view the app built once per change (never
//! SQL per frame) and send commands; the app applies them through the store.

mod excel;
pub mod files;
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

/// The program icon (the window's; the Windows executable carries the same
/// picture as a resource, see build.rs).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/perkin.png");

/// The renderers to try, in order. Windows: Direct3D 12 through wgpu first
/// (it works over Remote Desktop and in virtual machines, where OpenGL 2 is
/// often missing), OpenGL (glow) after it. Elsewhere: OpenGL first (lighter,
/// and it works on every Linux desktop and under Mesa's software
/// rendering), wgpu (Vulkan/Metal) after it.
pub fn renderers() -> [eframe::Renderer; 2] {
    if cfg!(windows) {
        [eframe::Renderer::Wgpu, eframe::Renderer::Glow]
    } else {
        [eframe::Renderer::Glow, eframe::Renderer::Wgpu]
    }
}

/// What the user is told when no renderer can make the window.
pub fn no_window_message(errors: &[String]) -> String {
    format!(
        "Jendela perkin tidak dapat dibuat: kartu grafis atau drivernya tidak mendukung \
         OpenGL 2 maupun Direct3D 12/Vulkan.\n\n\
         Coba:\n\
         • perbarui driver kartu grafis;\n\
         • jika memakai Remote Desktop atau mesin virtual, jalankan perkin langsung di \
         komputernya atau aktifkan akselerasi grafis mesin virtual;\n\
         • perintah baris (misalnya `perkin check`) tetap dapat dipakai.\n\n\
         Rincian teknis: {}",
        errors.join("; ")
    )
}

type Preparing = std::sync::Arc<std::sync::Mutex<Option<Result<Prepared, String>>>>;

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
    let preparing: Preparing = Default::default();
    let thread = {
        let (slot, prepare) = (preparing.clone(), prepare.clone());
        std::thread::Builder::new()
            .name("perkin-mulai".into())
            .spawn(move || {
                let r = prepare();
                *slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(r);
            })
            .ok()
    };
    let mut thread = thread;
    let mut errors = Vec::new();
    for renderer in renderers() {
        let (path, slot) = (path.to_path_buf(), preparing.clone());
        let prepare = prepare.clone();
        let joined = thread.take();
        let result = eframe::run_native(
            "perkin",
            native_options(renderer),
            Box::new(move |cc| -> Result<Box<dyn eframe::App>, _> {
                if let Some(t) = joined {
                    let _ = t.join();
                }
                let prepared = slot
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .take()
                    // No thread to be had (or it died): open it here.
                    .unwrap_or_else(prepare);
                Ok(start_app(cc, prepared, path))
            }),
        );
        match result {
            Ok(()) => return 0,
            Err(e) => errors.push(format!("{renderer}: {e}")),
        }
    }
    let message = no_window_message(&errors);
    eprintln!("{message}");
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("perkin tidak dapat dibuka")
        .set_description(&message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    1
}

fn native_options(renderer: eframe::Renderer) -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("perkin — Perjanjian Kinerja")
        // Fits a 1366×768 laptop screen with its taskbar and title bar.
        .with_inner_size([1280.0, 680.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        viewport,
        renderer,
        ..Default::default()
    }
}

/// The app, or the error window when the database could not be opened.
fn start_app(
    cc: &eframe::CreationContext<'_>,
    prepared: Result<Prepared, String>,
    path: PathBuf,
) -> Box<dyn eframe::App> {
    let app: Box<dyn eframe::App> = match prepared {
        Ok(prepared) => Box::new(PerkinApp::open_prepared(&cc.egui_ctx, cc.storage, prepared)),
        Err(message) => {
            install_fonts(&cc.egui_ctx);
            Box::new(OpenErrorApp { path, message })
        }
    };
    if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some() {
        Box::new(FirstFrameOnly(app))
    } else {
        app
    }
}
