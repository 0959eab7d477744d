//! Pure domain rules and types. Nothing here touches SQLite, egui or the clock:
//! every function that needs the current instant takes it as a parameter.

pub mod agreement;
pub mod excel;
pub mod org;
pub mod plan;
pub mod sop;
pub mod waktu;
pub mod workflow;
pub mod worktime;
