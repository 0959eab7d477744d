//! The SOP template as a TOML file: read and checked (every problem named
//! by line, column and field, with a hint), and written back. The template
//! itself and its rules are in [`crate::model::sop`].

mod read;
mod report;
mod steps;
mod table;
mod write;

use crate::model::sop::{SopErrors, SopTemplate};

impl SopTemplate {
    /// Parses and validates a template. `nama_berkas` only labels the errors.
    pub fn parse(src: &str, nama_berkas: &str) -> Result<SopTemplate, SopErrors> {
        read::parse(src, nama_berkas)
    }

    /// Writes the template back as TOML (what [`SopTemplate::parse`] reads).
    pub fn to_toml(&self) -> String {
        write::to_toml(self)
    }
}
