//! Checking that tickets, folders, links, branches and worktrees agree, and repairing what
//! is safe to repair (`--fix`): tickets moved to the folder their timestamps name, the
//! default priority written into tickets without one, dangling links removed, stale worktree records pruned, leftover temporary files removed, missing
//! folder placeholders (`.gitkeep`) created, and interrupted operations finished (taking the
//! lock does that).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Project, Ui, guard};
use crate::current;
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::exec::Exec;
use crate::ticket::deps::{Deps, spell};
use crate::ticket::format::{Change, Value, apply};
use crate::ticket::id::slug_of;
use crate::ticket::model::DEFAULT_PRIORITY;
use crate::ticket::{Status, Ticket};
use crate::trace::Trace;

/// What fsck found.
#[derive(Debug)]
pub struct Report {
    /// The findings, sorted by kind and subject.
    pub findings: Vec<Finding>,
}

impl Report {
    /// How many findings were not repaired.
    pub fn unfixed(&self) -> usize {
        self.findings.iter().filter(|f| !f.fixed).count()
    }

    /// One line per finding: `<kind>\t<subject>\t<message>[\t(fixed)]`, control characters
    /// of the subject and message (a file name, a quoted value) escaped C-style.
    pub fn lines(&self) -> String {
        use crate::text::{Escape, escape};
        self.findings
            .iter()
            .map(|f| {
                format!(
                    "{}\t{}\t{}{}",
                    f.kind,
                    escape(&f.subject, Escape::Line),
                    escape(&f.message, Escape::Line),
                    if f.fixed { "\t(fixed)" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Checks the project, repairing what is safe when `fix`; tickets are read with the
/// strategy `exec` allows.
pub fn fsck(
    env: &Env,
    project: &Project,
    fix: bool,
    exec: Exec,
    ui: &mut dyn Ui,
) -> Result<Report, Error> {
    let common = project.repo()?.common_dir().to_owned();
    let interrupted = crate::journal::pending(&common);
    // With --fix, taking the lock finishes interrupted operations (see `guard::lock`).
    let _lock = if fix {
        Some(guard::lock(env, project, "fsck --fix", ui)?)
    } else {
        None
    };
    let still = crate::journal::pending(&common);
    let mut findings = check(project, fix, exec)?;
    for found in interrupted {
        let (subject, message) = match &found {
            Ok((path, r)) => (
                r.ticket.clone(),
                format!(
                    "{} (record {})",
                    format!(
                        "{:?} interrupted at step {:?} (pid {})",
                        r.op, r.step, r.pid
                    )
                    .to_lowercase(),
                    path.display()
                ),
            ),
            Err(p) => (p.display().to_string(), "unreadable journal record".into()),
        };
        let fixed = !still.iter().any(|s| match (s, &found) {
            (Ok((a, _)), Ok((b, _))) | (Err(a), Err(b)) => a == b,
            _ => false,
        });
        findings.push(Finding {
            kind: "interrupted-operation",
            subject,
            message,
            fixed,
        });
    }
    findings.sort_by(|a, b| (a.kind, &a.subject).cmp(&(b.kind, &b.subject)));
    Ok(Report { findings })
}

/// One inconsistency.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable kind name.
    pub kind: &'static str,
    /// The file, ticket, branch or worktree concerned.
    pub subject: String,
    /// What is wrong (and what was done).
    pub message: String,
    /// Whether `--fix` repaired it.
    pub fixed: bool,
}

/// Every check, in four phases: the files, the tickets they hold, the current-ticket link,
/// and what git knows (worktrees, locks, the index, branches).
fn check(project: &Project, fix: bool, exec: Exec) -> Result<Vec<Finding>, Error> {
    let mut out = Findings(Vec::new());
    let store = &project.store;
    let (entries, problems) = store.entries(&Status::ALL)?;
    for p in problems {
        out.push(
            "invalid-file",
            p.path.display().to_string(),
            p.reason,
            false,
        );
    }
    check_files(project, fix, &mut out);
    let ids = check_tickets(project, fix, exec, entries, &mut out);
    check_link(project, fix, &mut out);
    check_git(project, fix, &ids, &mut out)?;
    let mut out = out.0;
    out.sort_by(|a, b| (a.kind, &a.subject).cmp(&(b.kind, &b.subject)));
    Ok(out)
}

/// Findings as they are met.
struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, kind: &'static str, subject: String, message: String, fixed: bool) {
        self.0.push(Finding {
            kind,
            subject,
            message,
            fixed,
        });
    }
}

/// Files: git-ticket's leftover temporary files (here and in every worktree) and the
/// placeholders that keep each folder in git.
fn check_files(project: &Project, fix: bool, out: &mut Findings) {
    let store = &project.store;
    // Leftover temporary files of interrupted writes, here and in every worktree (only
    // git-ticket's own: a user's `.notes.tmp` is not ours to delete).
    let mut roots = vec![project.root.clone()];
    if let Ok(repo) = project.repo() {
        roots.extend(
            repo.worktrees()
                .into_iter()
                .filter(|w| !w.missing && w.path != project.root)
                .map(|w| w.path),
        );
    }
    let folders = roots.iter().flat_map(|root| {
        Status::ALL
            .into_iter()
            .map(move |s| root.join(project.rel(store.dir(s))))
    });
    for dir in folders {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in read.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if crate::fsutil::is_temp(&name) {
                let fixed = fix && std::fs::remove_file(e.path()).is_ok();
                out.push(
                    "leftover-temp",
                    e.path().display().to_string(),
                    "temporary file of an interrupted write".into(),
                    fixed,
                );
            }
        }
    }
    // The placeholders that keep each folder in git (see `store::PLACEHOLDER`).
    for folder in Status::ALL {
        let path = store.placeholder(folder);
        if path.symlink_metadata().is_err() {
            let fixed = fix && store.create_placeholder(folder).is_ok();
            out.push(
                "missing-placeholder",
                project.rel(&path).display().to_string(),
                format!(
                    "missing: without it git may take {}/ for renamed when it empties on one side of a merge{}",
                    project.rel(store.dir(folder)).display(),
                    if fixed { "; created (commit it)" } else { "" }
                ),
                fixed,
            );
        }
    }
}

/// Tickets: unreadable files, one ID in several folders, a folder that disagrees with the
/// timestamps, a parent or blocker that does not exist, an ID that cannot be a branch,
/// cycles of dependencies. Returns the IDs.
fn check_tickets(
    project: &Project,
    fix: bool,
    exec: Exec,
    entries: Vec<crate::ticket::store::Entry>,
    out: &mut Findings,
) -> std::collections::HashSet<String> {
    let store = &project.store;
    let strategy = crate::exec::choose(exec, entries.len(), false);
    let (tickets, failed) = crate::exec::load_all(entries, strategy, &Trace::new(false));
    let mut tickets: Vec<Ticket> = tickets;
    tickets.sort_by(|a, b| a.id.cmp(&b.id).then(a.folder.cmp(&b.folder)));
    for p in failed {
        out.push(
            "invalid-file",
            p.path.display().to_string(),
            format!(
                "{}{}",
                p.line.map(|l| format!("line {l}: ")).unwrap_or_default(),
                p.reason
            ),
            false,
        );
    }
    let mut by_id: HashMap<&str, Vec<&Ticket>> = HashMap::new();
    for t in &tickets {
        by_id.entry(t.id.as_str()).or_default().push(t);
    }
    for (id, same) in &by_id {
        if same.len() > 1 {
            let folders: Vec<&str> = same.iter().map(|t| t.folder.as_str()).collect();
            out.push(
                "duplicate-id",
                (*id).to_owned(),
                format!("in several folders: {}", folders.join(", ")),
                false,
            );
        }
    }
    for t in &tickets {
        // Before a move below: the fix rewrites the file where it is.
        if t.meta.priority.is_none() {
            let fixed = fix && set_default_priority(&t.path).is_ok();
            out.push(
                "missing-priority",
                t.id.clone(),
                if fixed {
                    format!("had no priority; set to {DEFAULT_PRIORITY}, the default (commit it)")
                } else {
                    format!(
                        "has no priority: it sorts as {DEFAULT_PRIORITY}, the default; set one with: git ticket set {} priority <n>",
                        t.id
                    )
                },
                fixed,
            );
        }
        let status = t.status();
        if status != t.folder && by_id[t.id.as_str()].len() == 1 {
            let to = store.dir(status).join(format!("{}.md", t.id));
            let fixed = fix
                && !to.exists()
                && std::fs::create_dir_all(store.dir(status)).is_ok()
                && std::fs::rename(&t.path, &to).is_ok();
            out.push(
                "wrong-folder",
                t.id.clone(),
                format!(
                    "in {}/ but its timestamps say {status}{}",
                    t.folder,
                    if fixed {
                        format!("; moved to {status}/ (commit the move)")
                    } else {
                        String::new()
                    }
                ),
                fixed,
            );
        }
        // Every link to a ticket, not only the first parent.
        for (kind, target) in t
            .meta
            .related
            .iter()
            .flatten()
            .filter_map(|r| r.split_once(':'))
            .filter(|(k, _)| matches!(*k, "parent" | "blocked-by" | "blocks"))
        {
            if by_id.contains_key(target) {
                continue;
            }
            let (finding, message) = match kind {
                "parent" => ("dangling-parent", format!("parent {target} does not exist")),
                "blocked-by" => (
                    "unknown-blocker",
                    format!(
                        "blocked by unknown ticket {target}: it keeps blocking until the link is fixed or removed (git ticket dep remove {} {target})",
                        t.id
                    ),
                ),
                _ => (
                    "dangling-reference",
                    format!("{kind} {target} does not exist"),
                ),
            };
            out.push(finding, t.id.clone(), message, false);
        }
        if !crate::git::is_valid_branch_name(&t.id) {
            out.push(
                "invalid-id",
                t.path.display().to_string(),
                format!(
                    "'{}' cannot be a git branch, so the ticket cannot be started; rename the file to a ticket ID (YYMMDD-HHMMSS-slug)",
                    t.id
                ),
                false,
            );
        }
    }
    // Cycles of blocked-by links (hand edits, merges): none of their tickets can be ready.
    for cycle in Deps::of(&tickets).cycles() {
        out.push(
            "dependency-cycle",
            cycle[0].clone(),
            format!(
                "{}: none of these tickets can become ready; remove one link (git ticket dep remove <ticket> <blocker>)",
                spell(&cycle)
            ),
            false,
        );
    }
    by_id.into_keys().map(str::to_owned).collect()
}

/// Writes the default priority into a ticket that has none (missing or null).
fn set_default_priority(path: &Path) -> Result<(), Error> {
    let text = crate::ticket::store::read_text(path)?;
    let change = Change::Set("priority".into(), Value::Int(DEFAULT_PRIORITY));
    let updated = apply(&text, &[change])?;
    crate::fsutil::write_atomic(path, updated.as_bytes()).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

/// The current-ticket link of this working tree: it must lead to a ticket, and that
/// ticket's branch must be the one checked out (a `git checkout` without the post-checkout
/// hook leaves it behind). The hint is a command that works where the link is.
fn check_link(project: &Project, fix: bool, out: &mut Findings) {
    let branch = project
        .repo()
        .ok()
        .and_then(|r| r.current_branch())
        .unwrap_or_default();
    // On a ticket's branch `restore` rewrites the link; elsewhere it only goes.
    let on_ticket_branch = project.store.find_exact(&branch).is_some();
    let remove = |out: &mut Findings, problem: String| {
        let fixed = fix && std::fs::remove_file(project.root.join(current::LINK)).is_ok();
        let hint = if on_ticket_branch {
            "git ticket restore points it to this branch's ticket"
        } else {
            "git ticket fsck --fix removes it"
        };
        out.push(
            "dangling-current",
            current::LINK.into(),
            format!("{problem} ({hint})"),
            fixed,
        );
    };
    match current::read(&project.root) {
        Ok(Some(c)) => {
            let target = project.root.join(&c.target);
            if !target.exists() {
                remove(
                    out,
                    format!("points to {} which does not exist", c.target.display()),
                );
            } else if !super::current::link_matches(&c.id, &branch) {
                remove(
                    out,
                    format!(
                        "names {}, but branch {branch} is checked out (a checkout without git-ticket's post-checkout hook)",
                        c.id
                    ),
                );
            }
        }
        Ok(None) => {}
        Err(e) => out.push(
            "dangling-current",
            current::LINK.into(),
            e.to_string(),
            false,
        ),
    }
}

/// What git knows: worktrees without a ticket or without a folder, stale locks, tickets
/// staged for a commit that never came, ticket-like branches without a ticket.
fn check_git(
    project: &Project,
    fix: bool,
    by_id: &std::collections::HashSet<String>,
    out: &mut Findings,
) -> Result<(), Error> {
    let store = &project.store;
    let repo = project.repo()?;
    let is_ticket_name = |b: &str| slug_of(b).is_some();
    // Where a ticket's file would be, relative to a working tree's root.
    let rel_paths = |id: &str| -> Vec<PathBuf> {
        Status::ALL
            .iter()
            .map(|s| project.rel(store.dir(*s)).join(format!("{id}.md")))
            .collect()
    };
    // A ticket created on a branch (a sub-ticket) exists there even if not here.
    let on_branch = |b: &str| repo.branch_has_file(b, &rel_paths(b));
    let in_worktree = |root: &Path, b: &str| rel_paths(b).iter().any(|p| root.join(p).exists());
    let worktrees = repo.worktrees();
    let mut stale = false;
    for w in worktrees.iter().filter(|w| !w.main) {
        let subject = w.path.display().to_string();
        if w.missing {
            stale = true;
            out.push(
                "stale-worktree",
                subject,
                "registered, but its folder is gone".into(),
                fix,
            );
            continue;
        }
        if let Some(b) = &w.branch
            && is_ticket_name(b)
            && !by_id.contains(b.as_str())
            && !in_worktree(&w.path, b)
        {
            out.push(
                "orphan-worktree",
                subject,
                format!("branch {b} looks like a ticket, but there is no such ticket here"),
                false,
            );
        }
    }
    if stale && fix {
        project
            .repo_with_git()?
            .worktree_prune()
            .map_err(|err| Error::GitCommand {
                code: ErrorCode::GitMergeFailed,
                err,
                state: "The other repairs were done".into(),
            })?;
    }
    // Locks a killed git left (or a running one holds: a commit waiting for its editor).
    for (lock, age) in repo.lock_files() {
        if age >= std::time::Duration::from_secs(10) {
            out.push(
                "stale-lock",
                lock.display().to_string(),
                format!(
                    "exists for {} s: a git command still holds it (a commit editor left open?) or a killed one left it; if no git command runs, remove it: rm {}",
                    age.as_secs(),
                    lock.display()
                ),
                false,
            );
        }
    }
    // Ticket files staged for a commit that never came (their file is gone).
    let prefix = project
        .rel(&project.config.tickets_dir(&project.root))
        .to_owned();
    for path in repo.staged_but_missing(&prefix) {
        out.push(
            "staged-ticket",
            path.clone(),
            format!(
                "staged in the index, but not in the working tree: unstage it with: git reset -q -- {path}"
            ),
            false,
        );
    }
    for name in repo.local_branches()? {
        if is_ticket_name(&name) && !by_id.contains(name.as_str()) && !on_branch(&name) {
            out.push(
                "orphan-branch",
                name,
                "looks like a ticket branch, but there is no such ticket here".into(),
                false,
            );
        }
    }
    Ok(())
}
