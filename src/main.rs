//! perkin: without a subcommand opens the window; admin subcommands run headless.

use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let outcome = perkin::cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    let code = match outcome {
        perkin::cli::Outcome::Exit(code) => code,
        perkin::cli::Outcome::OpenWindow(path) => perkin::ui::run_window(&path),
    };
    ExitCode::from(code.clamp(0, 255) as u8)
}
