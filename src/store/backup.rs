//! The automatic daily backup: on the first start of each day a checked
//! copy of the database goes into the `cadangan` folder beside it, and only
//! the newest copies are kept.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Result, Store, StoreError, io_message};

/// How many daily copies are kept.
pub const CADANGAN_HARIAN: usize = 14;

/// The daily copy's name: `perkin-2026-11-23.db`.
fn daily_name(day: NaiveDate) -> String {
    format!("perkin-{}.db", day.format("%Y-%m-%d"))
}

/// Whether `name` is a daily copy's name (and so may be rotated away).
fn is_daily(name: &str) -> bool {
    name.strip_prefix("perkin-")
        .and_then(|s| s.strip_suffix(".db"))
        .is_some_and(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
}

impl Store {
    /// The folder of the automatic backups: `cadangan` beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        self.path()
            .parent()
            .unwrap_or(Path::new("."))
            .join("cadangan")
    }

    /// Makes today's copy in `dir` unless it exists, then deletes the oldest
    /// daily copies beyond `keep`. Returns the new copy, or None when today
    /// already has one. Other files in the folder are never touched.
    pub fn daily_backup(
        &self,
        dir: &Path,
        today: NaiveDate,
        keep: usize,
    ) -> Result<Option<PathBuf>> {
        let io = |e: std::io::Error| StoreError::Io {
            path: dir.to_path_buf(),
            source: e,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let dest = dir.join(daily_name(today));
        let made = if dest.exists() {
            None
        } else {
            self.backup_to(&dest)?;
            Some(dest)
        };
        let mut daily: Vec<String> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_daily(n))
            .collect();
        // The names sort by date.
        daily.sort();
        let excess = daily.len().saturating_sub(keep.max(1));
        for old in &daily[..excess] {
            for side in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(dir.join(format!("{old}{side}")));
            }
            std::fs::remove_file(dir.join(old)).map_err(|e| {
                StoreError::Invalid(format!(
                    "Cadangan lama {old} tidak dapat dihapus: {}",
                    io_message(&e)
                ))
            })?;
        }
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_daily_names_rotate() {
        assert!(is_daily("perkin-2026-11-23.db"));
        assert!(!is_daily("perkin-2026-02-31.db"));
        assert!(!is_daily("perkin.db"));
        assert!(!is_daily("catatan-2026-11-23.db"));
        assert_eq!(
            daily_name(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
            "perkin-2026-01-05.db"
        );
    }
}
