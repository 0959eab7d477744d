//! File formats: what perkin reads and writes besides its database. No
//! SQLite, no egui: the .xlsx workbook of the Renstra and Renja
//! ([`xlsx`]), the SOP template as TOML ([`sop`]), the holiday list
//! ([`kalender`]), the table of a list for export ([`table`]) and the paper a document is printed on.

pub mod kalender;
pub mod sop;
pub mod table;
pub mod xlsx;

/// Paper size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Kertas {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// Folio as used by Indonesian government offices: 215 × 330 mm.
    F4,
}

impl Kertas {
    /// Stable code for settings: "a4" | "f4".
    pub fn kode(self) -> &'static str {
        match self {
            Kertas::A4 => "a4",
            Kertas::F4 => "f4",
        }
    }

    /// Reads [`Kertas::kode`] (case and surrounding spaces ignored).
    pub fn parse(s: &str) -> Option<Kertas> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(Kertas::A4),
            "f4" => Some(Kertas::F4),
            _ => None,
        }
    }

    /// Label for a choice list.
    pub fn label(self) -> &'static str {
        match self {
            Kertas::A4 => "A4",
            Kertas::F4 => "F4 (215 × 330 mm)",
        }
    }

    /// Width and height in mm, portrait.
    pub fn mm(self) -> (f64, f64) {
        match self {
            Kertas::A4 => (210.0, 297.0),
            Kertas::F4 => (215.0, 330.0),
        }
    }
}
