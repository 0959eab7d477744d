//! One integration-test binary (linked once), a module per area.

mod agreement;
mod archive;
mod audit;
mod badinput;
mod cli;
mod common;
mod crash;
mod drafts;
mod evidence;
mod excel;
mod exchange;
mod first_start;
mod forms;
mod pdf;
mod roundtrip;
mod scale;
mod sop;
mod store;
mod ui;
mod workflow;
mod worktime;
mod worktime_prop;
