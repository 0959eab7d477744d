//! Pure domain rules and types. Nothing here touches SQLite, egui or the clock:
//! every function that needs the current instant takes it as a parameter.

pub mod agreement;
pub mod archive;
pub mod id;
pub mod org;
pub mod plan;
pub mod sop;
pub mod workflow;
pub mod worktime;

/// A value refused by a rule of the domain; the message (Indonesian) says
/// which rule and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

impl Invalid {
    pub fn new(message: impl Into<String>) -> Invalid {
        Invalid(message.into())
    }
}

/// Refuses a text longer than `max` characters, naming the field.
pub fn check_len(label: &str, v: &str, max: usize) -> Result<(), Invalid> {
    if v.chars().count() > max {
        return Err(Invalid(format!(
            "{label} terlalu panjang (maksimal {max} karakter)"
        )));
    }
    Ok(())
}

/// Refuses an empty text or one over 1,000 characters, naming the field.
pub fn required(label: &str, v: &str) -> Result<(), Invalid> {
    if v.trim().is_empty() {
        return Err(Invalid(format!("{label} wajib diisi")));
    }
    check_len(label, v, 1000)
        .map_err(|_| Invalid(format!("{label} terlalu panjang (maksimal 1.000 karakter)")))
}

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
