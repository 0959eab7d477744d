//! Pure domain rules and types. Nothing here touches SQLite, egui or the clock:
//! every function that needs the current instant takes it as a parameter.

pub mod agreement;
pub mod org;
pub mod plan;
pub mod sop;
pub mod workflow;
pub mod worktime;

/// `s` cut to `maks` characters with "…" when longer: a value quoted in a
/// message or a dialog.
pub fn potong(s: &str, maks: usize) -> String {
    match s.char_indices().nth(maks) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn potong_pada_batas_karakter() {
        assert_eq!(
            super::potong("Paraf belum lengkap", 300),
            "Paraf belum lengkap"
        );
        assert_eq!(super::potong("ééééé", 3), "ééé…");
        assert_eq!(super::potong("abc", 3), "abc");
    }
}
