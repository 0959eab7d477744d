//! perkin — Perjanjian Kinerja preparation along an agency's SOP.
//!
//! `model` holds the pure rules (no SQLite, no egui, no clock reads),
//! `store` the SQLite persistence, `pdf` the printed documents, `ui` the
//! egui window and `cli` the
//! headless admin commands.

#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "app")]
pub mod cli;
#[cfg(feature = "app")]
pub mod demo;
pub mod fmt;
pub mod formats;
pub mod model;
#[cfg(feature = "app")]
pub mod pdf;
#[cfg(feature = "app")]
pub mod store;
#[cfg(feature = "app")]
pub mod ui;

/// Build metadata written by build.rs.
pub mod build_info {
    pub const VERSION: &str = env!("CARGO_PKG_VERSION");
    pub const COMMIT: &str = env!("PERKIN_COMMIT");
    pub const BUILD_DATE: &str = env!("PERKIN_BUILD_DATE");
}
