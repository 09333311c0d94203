//! Entering a mutation: take the repository lock (shared by all worktrees), then finish any
//! operation a dead process left half done (its journal record) before doing anything else.

use std::time::Duration;

use super::{Project, Ui};
use crate::env::Env;
use crate::error::Error;
use crate::lock::{self, RepoLock};

/// How long a command waits for another git-ticket to release the repository lock (unless
/// `GIT_TICKET_LOCK_TIMEOUT` says otherwise).
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Takes the repository lock for `what`, then recovers interrupted operations, telling `ui`
/// what was done.
pub fn lock(env: &Env, project: &Project, what: &str, ui: &mut dyn Ui) -> Result<RepoLock, Error> {
    let wait = env.lock_timeout.map_or(LOCK_WAIT, Duration::from_secs);
    let common = project.repo()?.common_dir();
    let held = lock::acquire(common, what, wait)?;
    if !crate::journal::pending(common).is_empty() {
        project.repo_with_git()?;
        for note in super::recover::recover_all(env, common) {
            ui.note(&note);
        }
    }
    Ok(held)
}
