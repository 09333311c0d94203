//! Removing what finished tickets leave behind.
//!
//! One ticket: its worktree and its branch, once it is done and merged; asks first when a
//! person can answer; `force` also takes unmerged branches and worktrees with uncommitted
//! changes (and says what was discarded). All: every worktree under `worktree.base_dir`
//! whose branch is a done ticket, and every merged done-ticket branch; never anything else,
//! never anything unmerged or dirty. A dry run says what would be removed and changes
//! nothing. The user's current branch is never switched.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::clean::{self, Purpose};
use super::plan::remove_worktree;
use super::tx;
use super::{Project, Ui, guard};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::git::{Delete, worktree_of_branch};
use crate::journal::{Op, Record, Step};
use crate::ticket::store::load;
use crate::ticket::{Status, Ticket};

/// Which ticket to clean up, and how.
#[derive(Clone, Debug, Default)]
pub struct CleanupInput<'a> {
    /// The ticket reference.
    pub ticket: &'a str,
    /// Say what would be removed; change nothing.
    pub dry_run: bool,
    /// Also remove an unmerged branch and a worktree with uncommitted changes.
    pub force: bool,
    /// Do not ask.
    pub yes: bool,
}

/// What cleaning up one ticket did (or, in a dry run, would do).
#[derive(Debug)]
pub struct TicketCleanup {
    /// The ticket.
    pub ticket: Ticket,
    /// Its worktree.
    pub worktree: Option<PathBuf>,
    /// Its branch was (or would be) deleted.
    pub branch_deleted: bool,
    /// Uncommitted changes discarded (`force`).
    pub discarded: Vec<String>,
    /// The branch was not merged.
    pub unmerged: bool,
    /// Nothing was changed.
    pub dry_run: bool,
    /// The person answered no: nothing was changed.
    pub cancelled: bool,
}

/// What cleaning up every done ticket did (or would do).
#[derive(Debug)]
pub struct AutoCleanup {
    /// Nothing was changed.
    pub dry_run: bool,
    /// Removed worktrees: (branch, path).
    pub removed_worktrees: Vec<(String, PathBuf)>,
    /// Deleted branches.
    pub deleted_branches: Vec<String>,
    /// What was kept, and why.
    pub skipped: Vec<Skipped>,
    /// What failed.
    pub errors: Vec<String>,
}

/// Removes the worktree and branch of one done ticket (see the module documentation).
pub fn one_ticket(
    env: &Env,
    project: &Project,
    input: &CleanupInput<'_>,
    ui: &mut dyn Ui,
) -> Result<TicketCleanup, Error> {
    let repo = project.repo_with_git()?;
    let _lock = guard::lock(env, project, "cleanup", ui)?;
    let entry = project.store.resolve(input.ticket)?;
    let ticket = load(&entry, false)?;
    let id = ticket.id.clone();
    if ticket.status() != Status::Done {
        let (details, suggestions) = match super::board::done_on_branch(project, &id)? {
            Some(r) => (
                format!(
                    "Ticket {id} is done only on its own branch ({r}), not here: merge {id} first"
                ),
                vec![
                    format!("Merge it: git merge {id} (or merge its pull request)"),
                    format!("Then clean up: git ticket cleanup {id}"),
                ],
            ),
            None => (
                format!("Ticket {id} is in '{}' status, not 'done'", ticket.status()),
                vec![
                    "Close the ticket first: git ticket close".to_owned(),
                    "If it was closed on its branch, merge that branch first".to_owned(),
                ],
            ),
        };
        let suggestions: Vec<&str> = suggestions.iter().map(String::as_str).collect();
        return Err(Error::precondition(
            ErrorCode::TicketNotDone,
            "Ticket is not done",
            details,
            &suggestions,
        ));
    }
    let all = repo.worktrees();
    let worktree = worktree_of_branch(&all, &id).filter(|w| !w.main).cloned();
    if let Some(w) = &worktree
        && project.root.starts_with(&w.path)
    {
        return Err(Error::precondition(
            ErrorCode::InvalidContext,
            "Cannot remove the worktree you are in",
            format!("{} is the current working tree", w.path.display()),
            &[&format!(
                "Run it from the main worktree: cd {} && git ticket cleanup {id}",
                repo.main_root().display()
            )],
        ));
    }
    // The default branch, or a branch some other working tree has checked out, is never
    // deleted, whatever a ticket file is called.
    let default = &project.config.git.default_branch;
    let elsewhere = all
        .iter()
        .find(|w| w.branch.as_deref() == Some(id.as_str()) && w.main);
    if id == *default || elsewhere.is_some() {
        return Err(Error::precondition(
            ErrorCode::InvalidContext,
            "Branch is in use",
            if id == *default {
                format!("{id} is the default branch (git.default_branch); cleanup never deletes it")
            } else {
                format!("{id} is checked out in the main working tree; cleanup never deletes it")
            },
            &["Rename the ticket file if it was not meant to be named like that branch"],
        ));
    }
    let branch_exists = repo.branch_exists(&id);
    let merged = !branch_exists || repo.contained_in(&id, default);
    if !merged && !input.force {
        return Err(Error::precondition(
            ErrorCode::ValidationError,
            "Branch not merged",
            format!("Branch {id} has commits that are not in {default}"),
            &[
                &format!("Merge it first (git merge {id}), or push it and merge the pull request"),
                "Delete it anyway, losing those commits: --force",
            ],
        ));
    }
    let dirty = match &worktree {
        Some(w) if !w.missing => clean::unsaved_at(project, &w.path)?,
        _ => Vec::new(),
    };
    if let Some(w) = &worktree
        && !dirty.is_empty()
        && !input.force
    {
        return Err(clean::refuse(&w.path, &dirty, Purpose::Remove));
    }
    let mut report = TicketCleanup {
        ticket,
        worktree: worktree.as_ref().map(|w| w.path.clone()),
        branch_deleted: branch_exists,
        discarded: dirty.clone(),
        unmerged: !merged,
        dry_run: input.dry_run,
        cancelled: false,
    };
    if input.dry_run || (worktree.is_none() && !branch_exists) {
        report.branch_deleted = branch_exists && !input.dry_run;
        if !input.dry_run
            && let Some(note) = super::claim::release_done(project, &id)
        {
            ui.note(&note);
        }
        return Ok(report);
    }
    if !input.force && !input.yes {
        if !ui.can_ask() {
            return Err(Error::precondition(
                ErrorCode::ValidationError,
                "Confirmation required",
                format!(
                    "cleanup {id} removes its worktree and branch, and no terminal is attached to confirm"
                ),
                &[
                    &format!("Confirm without asking: git ticket cleanup {id} --yes"),
                    "Or remove unmerged or dirty work too: --force",
                ],
            ));
        }
        if !confirm(&report, ui)? {
            // Answering no is a choice, not a failure: nothing removed, exit 0.
            report.cancelled = true;
            report.branch_deleted = false;
            return Ok(report);
        }
    }
    let mut journal = tx::journal(
        project,
        Record {
            worktree: worktree.as_ref().map(|w| w.path.clone()),
            force: input.force,
            branch_tip: repo.branch_head(&id),
            ..Record::new(Op::Cleanup, &id, &project.root)
        },
    )?;
    tx::crash_point(env, "cleanup:planned");
    if let Some(w) = &worktree
        && let Err(e) = remove_worktree(env, repo, w, !dirty.is_empty())
    {
        let _ = journal.finish();
        return Err(e);
    }
    tx::journal_step(&mut journal, Step::WorktreeRemoved)?;
    tx::crash_point(env, "cleanup:worktree-removed");
    if branch_exists {
        let how = if merged {
            Delete::Merged
        } else {
            Delete::Force
        };
        let deleted = tx::step(env, "cleanup:branch", || repo.branch_delete(&id, how));
        if deleted.is_err() {
            // The worktree is gone; re-running cleanup (or recovery) deletes the branch.
            let _ = journal.finish();
        } else {
            tx::journal_finish(journal)?;
        }
        deleted.map_err(|err| Error::GitCommand {
            code: ErrorCode::GitMergeFailed,
            err,
            state: format!(
                "{}the branch is still there; run 'git ticket cleanup {id}' again to delete it",
                if worktree.is_some() {
                    "The worktree was removed; "
                } else {
                    ""
                }
            ),
        })?;
    } else {
        tx::journal_finish(journal)?;
    }
    // Done and merged here: nobody should take it again.
    if let Some(note) = super::claim::release_done(project, &id) {
        ui.note(&note);
    }
    Ok(report)
}

fn confirm(report: &TicketCleanup, ui: &mut dyn Ui) -> Result<bool, Error> {
    let mut lines = vec!["This will:".to_owned()];
    if let Some(w) = &report.worktree {
        lines.push(format!("  • Remove worktree: {}", w.display()));
    }
    if report.branch_deleted {
        lines.push(format!("  • Delete local branch: {}", report.ticket.id));
    }
    ui.confirm(&lines, "Continue? [y/N] ")
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdin>"),
            source,
        })
}

/// Something auto-cleanup left alone, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// The branch (a ticket ID).
    pub branch: String,
    /// Why it was left.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "kept {}: {}", self.branch, self.reason)
    }
}

/// After this many identical failures in a row (a held `index.lock`, a full disk), batch work
/// stops instead of failing the same way for every remaining worktree.
pub const CIRCUIT_BREAKER: usize = 3;

/// Counts identical consecutive failures.
#[derive(Default)]
struct Breaker {
    last: Option<String>,
    count: usize,
}

impl Breaker {
    fn success(&mut self) {
        self.last = None;
        self.count = 0;
    }

    /// Records a failure; true when the breaker opens.
    fn failure(&mut self, message: &str) -> bool {
        // The same failure on different worktrees differs only in the paths it names.
        let shape: String = message
            .split_whitespace()
            .filter(|w| !w.contains('/'))
            .collect::<Vec<_>>()
            .join(" ");
        if self.last.as_deref() == Some(shape.as_str()) {
            self.count += 1;
        } else {
            self.last = Some(shape);
            self.count = 1;
        }
        self.count >= CIRCUIT_BREAKER
    }
}

/// The worktree part of auto-cleanup (shared with `worktree clean`).
#[derive(Debug, Default)]
pub struct WorktreeSweep {
    /// Removed (or, in a dry run, removable) worktrees: (branch, path).
    pub removed: Vec<(String, PathBuf)>,
    /// Left alone with a reason.
    pub skipped: Vec<Skipped>,
    /// Removal failed: (branch, error).
    pub failed: Vec<(String, String)>,
    /// Non-main worktrees considered.
    pub total: usize,
}

/// Removes the worktrees under `worktree.base_dir` whose branch is a done ticket, merged
/// and clean. Never touches other worktrees.
///
/// The caller holds the repository lock.
fn sweep_worktrees(env: &Env, project: &Project, dry_run: bool) -> Result<WorktreeSweep, Error> {
    let repo = project.repo_with_git()?;
    if !dry_run {
        let _ = repo.worktree_prune();
    }
    let base = project.worktree_path("x")?;
    let base = base.parent().unwrap_or(Path::new("/"));
    let default = &project.config.git.default_branch;
    let mut sweep = WorktreeSweep::default();
    let mut breaker = Breaker::default();
    for w in repo.worktrees().into_iter().filter(|w| !w.main) {
        sweep.total += 1;
        let Some(branch) = w.branch.clone() else {
            continue;
        };
        if !w.path.starts_with(base) || branch == *default {
            continue;
        }
        let Some(entry) = project.store.find_exact(&branch) else {
            continue;
        };
        let done = load(&entry, false).is_ok_and(|t| t.status() == Status::Done);
        let skip = |reason: String| Skipped {
            branch: branch.clone(),
            reason,
        };
        if !done {
            if let Some(reason) = done_elsewhere(project, &branch, default)? {
                sweep.skipped.push(skip(reason));
            }
            continue;
        }
        if project.root.starts_with(&w.path) {
            sweep
                .skipped
                .push(skip("it is the current working tree".into()));
            continue;
        }
        if !repo.contained_in(&branch, default) {
            sweep.skipped.push(skip(format!(
                "branch not merged into {default}: merge {branch} first (git merge {branch}), or 'git ticket cleanup {branch} --force' removes it anyway"
            )));
            continue;
        }
        if !w.missing {
            let dirty = clean::unsaved_at(project, &w.path)?;
            if !dirty.is_empty() {
                sweep.skipped.push(skip(format!(
                    "{} has uncommitted changes or ignored files that are not build output ({})",
                    w.path.display(),
                    dirty.join(", ")
                )));
                continue;
            }
        }
        if dry_run {
            sweep.removed.push((branch, w.path));
            continue;
        }
        match remove_worktree(env, repo, &w, false) {
            Ok(()) => {
                sweep.removed.push((branch, w.path));
                breaker.success();
            }
            Err(e) => {
                let message = e.to_string();
                sweep.failed.push((branch, message.clone()));
                if breaker.failure(&message) {
                    sweep.failed.push((
                        "(stopped)".into(),
                        format!(
                            "{CIRCUIT_BREAKER} identical failures in a row; the remaining worktrees were not tried: {message}"
                        ),
                    ));
                    break;
                }
            }
        }
    }
    Ok(sweep)
}

/// Removes the worktrees under `worktree.base_dir` of done, merged, clean tickets (the
/// worktree half of [`all_done`]).
pub fn worktrees(
    env: &Env,
    project: &Project,
    dry_run: bool,
    ui: &mut dyn Ui,
) -> Result<WorktreeSweep, Error> {
    project.repo_with_git()?;
    let _lock = guard::lock(env, project, "worktree clean", ui)?;
    sweep_worktrees(env, project, dry_run)
}

/// Removes the worktrees and merged branches of every done ticket (see the module
/// documentation).
pub fn all_done(
    env: &Env,
    project: &Project,
    dry_run: bool,
    ui: &mut dyn Ui,
) -> Result<AutoCleanup, Error> {
    let repo = project.repo_with_git()?;
    let _lock = guard::lock(env, project, "cleanup", ui)?;
    let sweep = sweep_worktrees(env, project, dry_run)?;
    let default = &project.config.git.default_branch;
    let checked_out: Vec<String> = repo
        .worktrees()
        .into_iter()
        .filter_map(|w| w.branch)
        .filter(|b| !sweep.removed.iter().any(|(r, _)| r == b))
        .collect();
    let mut report = AutoCleanup {
        dry_run,
        removed_worktrees: sweep.removed,
        skipped: sweep.skipped,
        errors: sweep
            .failed
            .into_iter()
            .map(|(b, e)| format!("worktree {b}: {e}"))
            .collect(),
        deleted_branches: Vec::new(),
    };
    let branches = repo.local_branches()?;
    for branch in branches {
        if branch == *default || checked_out.contains(&branch) {
            continue;
        }
        let Some(entry) = project.store.find_exact(&branch) else {
            continue;
        };
        if !load(&entry, false).is_ok_and(|t| t.status() == Status::Done) {
            if let Some(reason) = done_elsewhere(project, &branch, default)? {
                report.skipped.push(Skipped { branch, reason });
            }
            continue;
        }
        if !repo.contained_in(&branch, default) {
            report.skipped.push(Skipped {
                reason: format!(
                    "branch not merged into {default}: merge {branch} first (git merge {branch})"
                ),
                branch,
            });
            continue;
        }
        if dry_run {
            report.deleted_branches.push(branch);
            continue;
        }
        match repo.branch_delete(&branch, Delete::Merged) {
            Ok(_) => {
                if let Some(note) = super::claim::release_done(project, &branch) {
                    ui.note(&note);
                }
                report.deleted_branches.push(branch)
            }
            Err(e) => report.errors.push(format!("branch {branch}: {e}")),
        }
    }
    Ok(report)
}

/// Why the worktree or branch of ticket `id`, not done here, is kept although the ticket is
/// done on its own branch; `None` when it is not done anywhere (work in progress).
fn done_elsewhere(project: &Project, id: &str, default: &str) -> Result<Option<String>, Error> {
    Ok(super::board::done_on_branch(project, id)?
        .map(|r| format!("done only on its own branch ({r}), not in {default}: merge {id} first")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaker_opens_after_identical_failures_only() {
        let mut b = Breaker::default();
        assert!(!b.failure("git worktree remove /a: index.lock exists"));
        assert!(!b.failure("git worktree remove /b: index.lock exists"));
        b.success();
        assert!(!b.failure("git worktree remove /c: index.lock exists"));
        assert!(!b.failure("other failure"));
        assert!(!b.failure("git worktree remove /d: index.lock exists"));
        assert!(!b.failure("git worktree remove /e: index.lock exists"));
        assert!(b.failure("git worktree remove /f: index.lock exists"));
    }
}
