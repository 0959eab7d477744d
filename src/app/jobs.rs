//! Long work (a workbook, a PDF, a backup, the chain check) off the UI
//! thread, with a progress value the window shows and a cancel flag the work
//! checks. The window hands the app a [`Waker`] (egui's repaint request), so
//! nothing here knows egui.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Asks the window to draw again (progress moved, work ended).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// Handed to the work: report progress, see whether it was cancelled.
#[derive(Clone)]
pub struct Progress {
    permille: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    wake: Option<Waker>,
}

impl Progress {
    /// Sets the progress, 0.0 to 1.0, and asks the window to redraw.
    pub fn set(&self, fraction: f32) {
        self.permille.store(
            (fraction.clamp(0.0, 1.0) * 1000.0) as u32,
            Ordering::Relaxed,
        );
        if let Some(wake) = &self.wake {
            wake();
        }
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// `Err` with the Indonesian message when the user cancelled.
    pub fn check(&self) -> Result<(), String> {
        if self.cancelled() {
            Err("Dibatalkan oleh pengguna".into())
        } else {
            Ok(())
        }
    }
}

/// A running job that ends in a `T` or an Indonesian message.
pub struct Job<T> {
    pub judul: String,
    progress: Progress,
    rx: Receiver<Result<T, String>>,
}

impl<T: Send + 'static> Job<T> {
    pub fn spawn(
        judul: impl Into<String>,
        wake: Option<Waker>,
        work: impl FnOnce(&Progress) -> Result<T, String> + Send + 'static,
    ) -> Job<T> {
        let progress = Progress {
            permille: Arc::new(AtomicU32::new(0)),
            cancel: Arc::new(AtomicBool::new(false)),
            wake,
        };
        let (tx, rx) = channel();
        let p = progress.clone();
        std::thread::spawn(move || {
            // A panic in the work must not take the window down: report it.
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&p)))
                .unwrap_or_else(|_| {
                    Err(
                        "Terjadi kesalahan tak terduga; pekerjaan dihentikan tanpa mengubah data"
                            .into(),
                    )
                });
            let _ = tx.send(r);
            if let Some(wake) = &p.wake {
                wake();
            }
        });
        Job {
            judul: judul.into(),
            progress,
            rx,
        }
    }

    /// The result once the work has ended.
    pub fn poll(&self) -> Option<Result<T, String>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("Pekerjaan berhenti tanpa hasil".into())),
        }
    }

    /// Blocks until the work ends.
    #[cfg(test)]
    pub fn wait(self) -> Result<T, String> {
        self.rx
            .recv()
            .unwrap_or_else(|_| Err("Pekerjaan berhenti tanpa hasil".into()))
    }

    pub fn fraction(&self) -> f32 {
        self.progress.permille.load(Ordering::Relaxed) as f32 / 1000.0
    }

    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_progress_and_its_result() {
        let job = Job::spawn("uji", None, |p| {
            p.set(0.5);
            Ok(42)
        });
        assert_eq!(job.wait(), Ok(42));
    }

    #[test]
    fn a_cancelled_job_ends_with_the_message() {
        let (go_tx, go_rx) = channel::<()>();
        let job = Job::spawn("uji", None, move |p| {
            go_rx.recv().ok();
            p.check()?;
            Ok(1)
        });
        job.cancel();
        go_tx.send(()).unwrap();
        assert_eq!(job.wait(), Err("Dibatalkan oleh pengguna".to_string()));
    }

    #[test]
    fn a_panicking_job_reports_instead_of_crashing() {
        let job: Job<()> = Job::spawn("uji", None, |_| panic!("rusak"));
        assert!(job.wait().unwrap_err().contains("tanpa mengubah data"));
    }
}
