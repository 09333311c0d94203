//! Entering a mutation: take the repository lock (shared by all worktrees), then finish any
//! operation a dead process left half done (its journal record) before doing anything else.

use super::{Project, Ui};
use crate::env::Env;
use crate::error::Error;
use crate::lock::{self, RepoLock};

/// Takes the repository lock for `what`, then recovers interrupted operations, telling `ui`
/// what was done.
pub fn lock(env: &Env, project: &Project, what: &str, ui: &mut dyn Ui) -> Result<RepoLock, Error> {
    let wait = super::tx::patience(env)?;
    let common = project.repo()?.common_dir();
    let held = lock::acquire(common, what, wait)?;
    crate::journal::sweep_temps(common);
    if !crate::journal::pending(common).is_empty() {
        project.repo_with_git()?;
        for note in super::recover::recover_all(env, common) {
            ui.note(&note);
        }
    }
    Ok(held)
}
