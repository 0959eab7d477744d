//! [`App::apply`]'s one dispatch: each feature's commands applied through
//! the store, each answered with its [`Reply`] and what it [`Changed`].

mod agreement;
mod archive;
mod backup;
mod plan;
mod settings;
mod workflow;

use super::{App, Changed, Command, Reply};

/// A command's answer and what it changed.
pub(super) type Applied = (Reply, Changed);

/// The reply to a store result: `ok` on success (with what changed), the
/// store's Indonesian message on failure (nothing changed).
fn stored<T>(r: crate::store::Result<T>, changed: Changed, ok: impl FnOnce(T) -> Reply) -> Applied {
    match r {
        Ok(v) => (ok(v), changed),
        Err(e) => (Reply::Err(e.to_string()), Changed::Nothing),
    }
}

/// A refusal before anything was tried.
fn refused(message: impl Into<String>) -> Applied {
    (Reply::Err(message.into()), Changed::Nothing)
}

/// Work started in the background (its end is told by [`App::poll`]), or
/// why it could not start.
fn started(r: Result<(), String>) -> Applied {
    match r {
        Ok(()) => (Reply::ok(""), Changed::Nothing),
        Err(e) => refused(e),
    }
}

impl App {
    pub(super) fn apply_one(&mut self, cmd: Command) -> Applied {
        match cmd {
            Command::Office(c) => self.apply_office(c),
            Command::Org(c) => self.apply_org(c),
            Command::Calendar(c) => self.apply_calendar(c),
            Command::Renstra(c) => self.apply_renstra(c),
            Command::Renja(c) => self.apply_renja(c),
            Command::Exchange(c) => self.apply_exchange(c),
            Command::Agreement(c) => self.apply_agreement(c),
            Command::Workflow(c) => self.apply_workflow(c),
            Command::Archive(c) => self.apply_archive(c),
            Command::Backup(c) => self.apply_backup(c),
            Command::Audit(c) => self.apply_audit(c),
        }
    }
}
