//! A bare eframe window with the same eframe features and renderer as perkin: the
//! yardstick of the `office_scale` benchmark's `startup_ratio`. Prints
//! `first-frame` after its first frame and closes, as perkin does under
//! `PERKIN_EXIT_AFTER_FIRST_FRAME`.

use std::io::Write;

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Jendela kosong");
        });
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "first-frame").and_then(|_| out.flush());
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("jendela kosong")
            .with_inner_size([1280.0, 800.0]),
        // The renderer perkin tries first on this platform.
        renderer: perkin::ui::renderers()[0],
        ..Default::default()
    };
    eframe::run_native("bare_window", options, Box::new(|_cc| Ok(Box::new(Bare))))
}
