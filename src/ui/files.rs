//! File dialogs that never fail silently. The system's dialog is used where
//! it can open (on Linux: through xdg-desktop-portal, or zenity, which rfd
//! falls back to). Where neither exists, rfd returns nothing, exactly as
//! when the user cancels; perkin checks beforehand and asks for the path in
//! a window of its own instead, with the default folder filled in. A cancel
//! by the user stays silent.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::RichText;

use super::panels::{Form, Outbox};
use crate::app::Command;

/// What the command is, once the path is known.
pub type Then = Box<dyn FnOnce(PathBuf) -> (Form, Command)>;

/// A file to pick: to open, or to save as.
#[derive(Clone, Debug)]
pub struct FileDialog {
    title: String,
    filters: Vec<(String, Vec<String>)>,
    name: Option<String>,
    dir: Option<PathBuf>,
    save: bool,
}

impl FileDialog {
    /// Picks an existing file.
    pub fn open(title: &str) -> FileDialog {
        FileDialog {
            title: title.to_string(),
            filters: Vec::new(),
            name: None,
            dir: None,
            save: false,
        }
    }

    /// Names a file to write.
    pub fn save(title: &str, name: impl Into<String>) -> FileDialog {
        FileDialog {
            name: Some(name.into()),
            save: true,
            ..FileDialog::open(title)
        }
    }

    pub fn filter(mut self, name: &str, extensions: &[&str]) -> FileDialog {
        let ext = extensions.iter().map(|e| e.to_string()).collect();
        self.filters.push((name.to_string(), ext));
        self
    }

    pub fn directory(mut self, dir: &Path) -> FileDialog {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// The system's dialog; `None` when cancelled.
    fn run(&self) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new().set_title(&self.title);
        for (name, ext) in &self.filters {
            d = d.add_filter(name, ext);
        }
        if let Some(dir) = &self.dir {
            d = d.set_directory(dir);
        }
        if let Some(name) = &self.name {
            d = d.set_file_name(name);
        }
        if self.save {
            d.save_file()
        } else {
            d.pick_file()
        }
    }

    /// The path the prompt starts with: the folder (the given one, else
    /// the documents folder) and, to save, the file name.
    fn default_path(&self) -> String {
        let dir = self.dir.clone().or_else(|| {
            directories::UserDirs::new().map(|u| {
                u.document_dir()
                    .unwrap_or_else(|| u.home_dir())
                    .to_path_buf()
            })
        });
        let path = match (dir, &self.name) {
            (Some(d), Some(n)) => d.join(n),
            (Some(d), None) => d,
            (None, Some(n)) => PathBuf::from(n),
            (None, None) => PathBuf::new(),
        };
        let mut s = path.display().to_string();
        if !self.save && !s.is_empty() && !s.ends_with(std::path::MAIN_SEPARATOR) {
            s.push(std::path::MAIN_SEPARATOR);
        }
        s
    }
}

/// Asks for a file: the system's dialog where it can open (the chosen path
/// goes to `then` and its command is sent), else perkin's own prompt.
pub fn choose(
    d: FileDialog,
    out: &mut Outbox,
    then: impl FnOnce(PathBuf) -> (Form, Command) + 'static,
) {
    if system_dialog_available() {
        if let Some(path) = d.run() {
            let (form, cmd) = then(path);
            out.send(form, cmd);
        }
        return;
    }
    out.ask_path(PathPrompt {
        path: d.default_path(),
        dialog: d,
        then: Box::new(then),
        error: None,
    });
}

static OWN_PROMPT: AtomicBool = AtomicBool::new(false);

/// Uses perkin's own prompt from now on, as where no system dialog exists
/// (the tests drive it; `PERKIN_DIALOG=teks` does the same for a run).
pub fn force_own_prompt() {
    OWN_PROMPT.store(true, Ordering::Relaxed);
}

/// Whether the system's file dialog can open.
pub fn system_dialog_available() -> bool {
    if OWN_PROMPT.load(Ordering::Relaxed)
        || std::env::var("PERKIN_DIALOG").is_ok_and(|v| v == "teks")
    {
        return false;
    }
    static PROBED: OnceLock<bool> = OnceLock::new();
    *PROBED.get_or_init(probe)
}

/// Windows and macOS always have their dialog. Elsewhere rfd talks to
/// xdg-desktop-portal over D-Bus and falls back to zenity.
fn probe() -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        return true;
    }
    on_path("zenity") || portal_running()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Asks the session bus (with the `gdbus` or `dbus-send` tool every desktop
/// has) whether xdg-desktop-portal is there or can be started.
fn portal_running() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    let gdbus = [
        "call",
        "--session",
        "--dest",
        "org.freedesktop.DBus",
        "--object-path",
        "/org/freedesktop/DBus",
        "--method",
        "org.freedesktop.DBus.ListActivatableNames",
    ];
    let dbus_send = [
        "--session",
        "--print-reply",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.ListActivatableNames",
    ];
    let asks: [(&str, &[&str]); 2] = [("gdbus", &gdbus), ("dbus-send", &dbus_send)];
    asks.iter().any(|(program, args)| {
        std::process::Command::new(program)
            .args(*args)
            .stderr(std::process::Stdio::null())
            .output()
            .is_ok_and(|o| {
                o.status.success() && String::from_utf8_lossy(&o.stdout).contains(PORTAL)
            })
    })
}

/// perkin's own prompt for a path, where no system dialog can open.
pub struct PathPrompt {
    dialog: FileDialog,
    path: String,
    then: Then,
    error: Option<String>,
}

impl PathPrompt {
    /// The path typed, checked: an existing file to open, a file in an
    /// existing folder to save.
    fn checked(&self) -> Result<PathBuf, String> {
        let p = PathBuf::from(crate::fmt::path_isian(&self.path));
        if p.as_os_str().is_empty() {
            return Err("Ketik lokasi berkas".into());
        }
        if self.dialog.save {
            let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
            if dir.is_some_and(|d| !d.is_dir()) || p.is_dir() {
                return Err(format!(
                    "Folder {} tidak ada; ketik lokasi di folder yang sudah ada",
                    dir.unwrap_or(&p).display()
                ));
            }
        } else if !p.is_file() {
            return Err(format!("Berkas {} tidak ditemukan", p.display()));
        }
        Ok(p)
    }
}

/// Shows the prompt while there is one; sends its command once a usable
/// path is given.
pub fn show_prompt(ctx: &egui::Context, prompt: &mut Option<PathPrompt>, out: &mut Outbox) {
    let Some(p) = prompt.as_mut() else { return };
    let (mut ok, mut cancel) = (false, false);
    egui::Window::new(&p.dialog.title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.add(
                egui::Label::new(
                    "Jendela pemilihan berkas sistem tidak dapat dibuka di komputer ini \
                     (xdg-desktop-portal maupun zenity tidak ditemukan). \
                     Ketik lokasi lengkap berkasnya:",
                )
                .wrap(),
            );
            let l = ui.label(RichText::new("Lokasi berkas").strong());
            let r = ui
                .add(egui::TextEdit::singleline(&mut p.path).desired_width(540.0))
                .labelled_by(l.id);
            if r.changed() {
                p.error = None;
            }
            if let Some(e) = &p.error {
                super::panels::widgets::inline_error(ui, e);
            }
            ui.horizontal(|ui| {
                ok = ui.button("Lanjutkan").clicked()
                    || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
                cancel = ui.button("Batal").clicked();
            });
        });
    if cancel {
        *prompt = None;
    } else if ok {
        match p.checked() {
            Ok(path) => {
                if let Some(p) = prompt.take() {
                    let (form, cmd) = (p.then)(path);
                    out.send(form, cmd);
                }
            }
            Err(e) => p.error = Some(e),
        }
    }
}
