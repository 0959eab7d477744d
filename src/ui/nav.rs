//! The panels of the left navigation.

use serde::{Deserialize, Serialize};

/// A panel of the left navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Panel {
    Beranda,
    Renstra,
    Renja,
    Perjanjian,
    Antrian,
    AlurSop,
    Arsip,
    Pengaturan,
}

impl Panel {
    pub const ALL: [Panel; 8] = [
        Panel::Beranda,
        Panel::Renstra,
        Panel::Renja,
        Panel::Perjanjian,
        Panel::Antrian,
        Panel::AlurSop,
        Panel::Arsip,
        Panel::Pengaturan,
    ];

    /// The name in the navigation (and the panel's heading).
    pub fn label(self) -> &'static str {
        match self {
            Panel::Beranda => "Beranda",
            Panel::Renstra => "Renstra",
            Panel::Renja => "Renja",
            Panel::Perjanjian => "Perjanjian Kinerja",
            Panel::Antrian => "Antrian Persetujuan",
            Panel::AlurSop => "Alur SOP",
            Panel::Arsip => "Arsip",
            Panel::Pengaturan => "Pengaturan",
        }
    }
}
