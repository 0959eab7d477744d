//! perkin: without a subcommand opens the window; admin subcommands run headless.

// On Windows the program is a window program: no console window opens
// behind it. Started from a console, it attaches to that console so the
// command-line subcommands still print there (see `attach_console`).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    attach_console();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let outcome = perkin::cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    let code = match outcome {
        perkin::cli::Outcome::Exit(code) => code,
        perkin::cli::Outcome::OpenWindow(path) => perkin::ui::run_window(&path),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}

/// Started from a console (cmd, PowerShell), a window program has none of
/// its own: attach to the parent's so `perkin check` and the other
/// subcommands print where they were typed. Started by a double click there
/// is no parent console and nothing happens.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no memory of ours.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_console() {}
