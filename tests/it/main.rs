//! One integration-test binary (linked once), a module per area.

mod common;
mod sop;
mod workflow;
mod worktime;
