//! `git ticket cleanup [<ticket>]`: removes what finished tickets leave behind.
//!
//! With a ticket: its worktree and its branch, once it is done and merged; asks first on a
//! terminal; `--force` also takes unmerged branches and worktrees with uncommitted changes
//! (and says what was discarded). Without: every worktree under `worktree.base_dir` whose
//! branch is a done ticket, and every merged done-ticket branch; never anything else, never
//! anything unmerged or dirty. `--dry-run` says what would be removed and changes nothing.
//! The user's current branch is never switched.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use super::flow::{self, Tree};
use crate::context::{Ctx, Project};
use crate::current;
use crate::env::Env;
use crate::error::Error;
use crate::git::{self, cli::Git};
use crate::journal::{Op, Record, Step};
use crate::output::{FormatArg, Out, Outcome, write_json};
use crate::registry::{Command, Group, Profile};
use crate::ticket::store::{Entry, load};
use crate::ticket::{Status, Ticket};

/// Remove the worktree and branch of finished tickets.
///
/// With TICKET: removes that done ticket's worktree and merged branch (asks first when run on
/// a terminal; --yes skips the question). --force also removes an unmerged branch and a
/// worktree with uncommitted changes, and lists what was discarded. Without TICKET: removes
/// the worktrees (under worktree.base_dir) and merged branches of all done tickets, skipping
/// anything unmerged or dirty.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The done ticket to clean up [default: all done tickets]
    #[arg(value_name = "TICKET")]
    ticket: Option<String>,
    /// Show what would be removed; change nothing
    #[arg(long)]
    dry_run: bool,
    /// Also remove unmerged branches and worktrees with uncommitted changes
    #[arg(short, long)]
    force: bool,
    /// Do not ask for confirmation (safety checks still apply)
    #[arg(short, long)]
    yes: bool,
    #[command(flatten)]
    format: FormatArg,
}

/// The `cleanup` command.
pub struct Cleanup;

impl Command for Cleanup {
    const NAME: &'static str = "cleanup";
    const SUMMARY: &'static str = "Remove worktrees and branches of done tickets";
    const GROUP: Group = Group::Porcelain;
    const PROFILE: Profile = Profile::PER_TICKET;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let git = flow::git(project)?;
        let _lock = flow::lock(env, project, "cleanup")?;
        match &args.ticket {
            Some(r) => {
                let entry = project.store.resolve(r)?;
                one_ticket(env, project, &git, entry, &args)
            }
            None => {
                let report = auto_cleanup(env, project, &git, args.dry_run)?;
                ctx.warnings
                    .extend(report.skipped.iter().map(|s| s.to_string()));
                Ok(Box::new(report))
            }
        }
    }
}

fn one_ticket(
    env: &Env,
    project: &Project,
    git: &Git,
    entry: Entry,
    args: &Args,
) -> Result<Box<dyn Outcome>, Error> {
    let repo = project.repo()?;
    let ticket = load(&entry, false)?;
    let id = ticket.id.clone();
    if ticket.status() != Status::Done {
        return Err(Error::precondition(
            "TICKET_NOT_DONE",
            "Ticket is not done",
            format!("Ticket {id} is in '{}' status, not 'done'", ticket.status()),
            &[
                "Close the ticket first: git ticket close",
                "If it was closed on its branch, merge that branch first",
            ],
        ));
    }
    let all = git::worktrees(repo);
    let worktree = git::worktree_of_branch(&all, &id)
        .filter(|w| !w.main)
        .cloned();
    if let Some(w) = &worktree
        && project.root.starts_with(&w.path)
    {
        return Err(Error::precondition(
            "INVALID_CONTEXT",
            "Cannot remove the worktree you are in",
            format!("{} is the current working tree", w.path.display()),
            &[&format!(
                "Run it from the main worktree: cd {} && git ticket cleanup {id}",
                git::main_root(repo).display()
            )],
        ));
    }
    let branch_exists = git::branch_tip(repo, &id).is_some();
    let default = &project.config.git.default_branch;
    let merged = !branch_exists || git::contained_in(repo, &id, default);
    if !merged && !args.force {
        return Err(Error::precondition(
            "VALIDATION_ERROR",
            "Branch not merged",
            format!("Branch {id} has commits that are not in {default}"),
            &[
                &format!("Merge it first (git merge {id}), or push it and merge the pull request"),
                "Delete it anyway, losing those commits: --force",
            ],
        ));
    }
    let dirty = match &worktree {
        Some(w) if !w.missing => {
            let wrepo = git2::Repository::open(&w.path)?;
            git::dirty_paths(&wrepo, &[current::LINK])?
        }
        _ => Vec::new(),
    };
    if !dirty.is_empty() && !args.force {
        return Err(Error::precondition(
            "GIT_DIRTY_WORKSPACE",
            "Uncommitted changes in worktree",
            format!(
                "{} has uncommitted changes: {}",
                worktree
                    .as_ref()
                    .map(|w| w.path.display().to_string())
                    .unwrap_or_default(),
                dirty.join(", ")
            ),
            &[
                "Commit or stash them in that worktree first",
                "Remove it anyway, discarding them: --force",
            ],
        ));
    }
    let mut report = TicketCleanup {
        ticket,
        worktree: worktree.as_ref().map(|w| w.path.clone()),
        branch_deleted: branch_exists,
        discarded: dirty.clone(),
        unmerged: !merged,
        dry_run: args.dry_run,
    };
    if args.dry_run || (worktree.is_none() && !branch_exists) {
        report.branch_deleted = branch_exists && !args.dry_run;
        return Ok(Box::new(report));
    }
    if !args.force && !args.yes {
        if !env.interactive() {
            return Err(Error::precondition(
                "VALIDATION_ERROR",
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
        if !confirm(&report)? {
            return Err(Error::precondition(
                "VALIDATION_ERROR",
                "Cleanup cancelled",
                "Nothing was changed".into(),
                &[],
            ));
        }
    }
    let target = Tree {
        repo,
        root: &project.root,
    };
    let mut journal = flow::journal(
        project,
        Record {
            op: Op::Cleanup,
            ticket: id.clone(),
            root: project.root.clone(),
            head_before: None,
            from: None,
            to: None,
            original: None,
            worktree: worktree.as_ref().map(|w| w.path.clone()),
            branch_from: None,
            force: args.force,
            step: Step::Planned,
            pid: std::process::id(),
        },
    )?;
    if let Some(w) = &worktree
        && let Err(e) = remove_worktree(env, git, target, w, !dirty.is_empty())
    {
        let _ = journal.finish();
        return Err(e);
    }
    flow::journal_step(&mut journal, Step::WorktreeRemoved)?;
    flow::crash_point(env, "cleanup:worktree-removed");
    if branch_exists {
        let flag = if merged { "-d" } else { "-D" };
        let delete = || {
            if env.fail_at("cleanup:branch") {
                return Err(flow::injected("cleanup:branch"));
            }
            git.run(target.target(), &["branch", "-q", flag, &id])
        };
        let deleted = delete();
        if deleted.is_err() {
            // The worktree is gone; re-running cleanup (or recovery) deletes the branch.
            let _ = journal.finish();
        } else {
            flow::journal_finish(journal)?;
        }
        deleted.map_err(|err| Error::GitCommand {
            code: "GIT_MERGE_FAILED",
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
        flow::journal_finish(journal)?;
    }
    Ok(Box::new(report))
}

/// Removes a ticket worktree (its `current-ticket.md` first; `--force` only when asked),
/// or prunes its record when the folder is gone. Also used to finish an interrupted cleanup.
pub(super) fn remove_worktree(
    env: &Env,
    git: &Git,
    target: Tree<'_>,
    w: &git::WorktreeInfo,
    force: bool,
) -> Result<(), Error> {
    if w.missing {
        let _ = git.run(target.target(), &["worktree", "prune"]);
        return Ok(());
    }
    if let Some(b) = &w.branch {
        let _ = current::remove_if(&w.path, b);
    }
    let path = w.path.as_os_str();
    let mut args: Vec<&std::ffi::OsStr> = vec!["worktree".as_ref(), "remove".as_ref()];
    if force {
        args.push("--force".as_ref());
    }
    args.push(path);
    let run = || {
        if env.fail_at("cleanup:worktree") {
            return Err(flow::injected("cleanup:worktree"));
        }
        git.run(target.target(), &args)
    };
    run().map(drop).map_err(|err| Error::GitCommand {
        code: "WORKTREE_REMOVE_FAILED",
        err,
        state: "Nothing was removed; fix the problem above and run the command again".into(),
    })
}

fn confirm(report: &TicketCleanup) -> Result<bool, Error> {
    let mut err = io::stderr();
    let _ = writeln!(err, "This will:");
    if let Some(w) = &report.worktree {
        let _ = writeln!(err, "  • Remove worktree: {}", w.display());
    }
    if report.branch_deleted {
        let _ = writeln!(err, "  • Delete local branch: {}", report.ticket.id);
    }
    let _ = write!(err, "Continue? [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|source| Error::Io {
            path: PathBuf::from("<stdin>"),
            source,
        })?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

struct TicketCleanup {
    ticket: Ticket,
    worktree: Option<PathBuf>,
    branch_deleted: bool,
    discarded: Vec<String>,
    unmerged: bool,
    dry_run: bool,
}

impl Outcome for TicketCleanup {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        let id = &self.ticket.id;
        let verb = |done: &str, would: &str| {
            if self.dry_run {
                would.to_owned()
            } else {
                done.to_owned()
            }
        };
        writeln!(out.w, "🗑️  Cleanup for ticket: {id}")?;
        writeln!(out.w, "   Description: {}", self.ticket.meta.description)?;
        if self.worktree.is_none() && !self.branch_deleted {
            return writeln!(
                out.w,
                "   Nothing to clean up: no worktree and no branch {id}"
            );
        }
        if let Some(w) = &self.worktree {
            writeln!(
                out.w,
                "   {} worktree: {}",
                verb("Removed", "Would remove"),
                w.display()
            )?;
        }
        for d in &self.discarded {
            writeln!(
                out.w,
                "   ⚠️  {} uncommitted change: {d}",
                verb("Discarded", "Would discard")
            )?;
        }
        if self.branch_deleted || (self.dry_run && !self.unmerged) {
            writeln!(out.w, "   {} branch: {id}", verb("Deleted", "Would delete"))?;
        }
        if self.unmerged {
            writeln!(
                out.w,
                "   ⚠️  The branch was not merged; its commits are no longer on any branch"
            )?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let t = &self.ticket;
        let time = |t: Option<crate::ticket::Timestamp>| t.map(|t| t.to_rfc3339());
        write_json(
            w,
            &json!({
                "branch_deleted": self.branch_deleted && !self.dry_run,
                "discarded": self.discarded,
                "dry_run": self.dry_run,
                "success": true,
                "ticket": {
                    "closed_at": time(t.meta.closed_at),
                    "created_at": time(t.meta.created_at),
                    "description": t.meta.description,
                    "id": t.id,
                    "priority": t.meta.priority,
                    "status": t.status(),
                },
                "worktree_removed": self.worktree.as_ref().filter(|_| !self.dry_run).map(|p| p.display().to_string()),
            }),
        )
    }
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
pub fn sweep_worktrees(
    env: &Env,
    project: &Project,
    git: &Git,
    dry_run: bool,
) -> Result<WorktreeSweep, Error> {
    let repo = project.repo()?;
    let target = Tree {
        repo,
        root: &project.root,
    };
    if !dry_run {
        let _ = git.run(target.target(), &["worktree", "prune"]);
    }
    let base = flow::worktree_path(project, "x")?;
    let base = base.parent().unwrap_or(Path::new("/"));
    let default = &project.config.git.default_branch;
    let mut sweep = WorktreeSweep::default();
    let mut breaker = Breaker::default();
    for w in git::worktrees(repo).into_iter().filter(|w| !w.main) {
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
        if !done {
            continue;
        }
        let skip = |reason: String| Skipped {
            branch: branch.clone(),
            reason,
        };
        if project.root.starts_with(&w.path) {
            sweep
                .skipped
                .push(skip("it is the current working tree".into()));
            continue;
        }
        if !git::contained_in(repo, &branch, default) {
            sweep.skipped.push(skip(format!(
                "not merged into {default}; 'git ticket cleanup {branch} --force' removes it anyway"
            )));
            continue;
        }
        if !w.missing {
            let wrepo = git2::Repository::open(&w.path)?;
            let dirty = git::dirty_paths(&wrepo, &[current::LINK])?;
            if !dirty.is_empty() {
                sweep.skipped.push(skip(format!(
                    "{} has uncommitted changes ({})",
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
        match remove_worktree(env, git, target, &w, false) {
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

fn auto_cleanup(
    env: &Env,
    project: &Project,
    git: &Git,
    dry_run: bool,
) -> Result<AutoCleanup, Error> {
    let repo = project.repo()?;
    let sweep = sweep_worktrees(env, project, git, dry_run)?;
    let default = &project.config.git.default_branch;
    let checked_out: Vec<String> = git::worktrees(repo)
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
    let branches: Vec<String> = repo
        .branches(Some(git2::BranchType::Local))?
        .filter_map(|b| b.ok()?.0.name().ok()?.map(str::to_owned))
        .collect();
    let target = Tree {
        repo,
        root: &project.root,
    };
    for branch in branches {
        if branch == *default || checked_out.contains(&branch) {
            continue;
        }
        let Some(entry) = project.store.find_exact(&branch) else {
            continue;
        };
        if !load(&entry, false).is_ok_and(|t| t.status() == Status::Done) {
            continue;
        }
        if !git::contained_in(repo, &branch, default) {
            report.skipped.push(Skipped {
                branch: branch.clone(),
                reason: format!("branch not merged into {default}"),
            });
            continue;
        }
        if dry_run {
            report.deleted_branches.push(branch);
            continue;
        }
        match git.run(target.target(), &["branch", "-q", "-d", &branch]) {
            Ok(_) => report.deleted_branches.push(branch),
            Err(e) => report.errors.push(format!("branch {branch}: {e}")),
        }
    }
    Ok(report)
}

struct AutoCleanup {
    dry_run: bool,
    removed_worktrees: Vec<(String, PathBuf)>,
    deleted_branches: Vec<String>,
    skipped: Vec<Skipped>,
    errors: Vec<String>,
}

impl Outcome for AutoCleanup {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        let (wt, br) = if self.dry_run {
            ("Would remove worktree", "Would delete branch")
        } else {
            ("Removed worktree", "Deleted branch")
        };
        writeln!(out.w, "Cleaning worktrees and branches of done tickets...")?;
        for (b, p) in &self.removed_worktrees {
            writeln!(out.w, "  {wt}: {} (branch: {b})", p.display())?;
        }
        for b in &self.deleted_branches {
            writeln!(out.w, "  {br}: {b}")?;
        }
        for s in &self.skipped {
            writeln!(out.w, "  Kept {}: {}", s.branch, s.reason)?;
        }
        writeln!(out.w)?;
        writeln!(out.w, "Cleanup Summary:")?;
        writeln!(
            out.w,
            "  Worktrees removed: {}",
            self.removed_worktrees.len()
        )?;
        writeln!(out.w, "  Branches deleted: {}", self.deleted_branches.len())?;
        if !self.errors.is_empty() {
            writeln!(out.w)?;
            writeln!(out.w, "Errors encountered:")?;
            for e in &self.errors {
                writeln!(out.w, "  - {e}")?;
            }
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({
                "dry_run": self.dry_run,
                "result": {
                    "deleted_branches": self.deleted_branches,
                    "errors": self.errors,
                    "orphaned_worktrees": self.removed_worktrees.len(),
                    "removed_worktrees": self.removed_worktrees.iter().map(|(b, p)| json!({"branch": b, "path": p.display().to_string()})).collect::<Vec<_>>(),
                    "skipped": self.skipped,
                    "stale_branches": self.deleted_branches.len(),
                },
                "success": self.errors.is_empty(),
            }),
        )
    }

    fn exit_code(&self) -> u8 {
        u8::from(!self.errors.is_empty())
    }
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
