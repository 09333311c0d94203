//! Reopening a done ticket: back to doing when it had been started (its work goes on, in its
//! worktree or branch if they are still there), or to todo when it never was or when asked
//! (`to_todo`: it goes back to the queue). `closed_at` is unset and `closure_reason` removed;
//! the closure note stays in the body as history. Like a close by ID it commits in this
//! working tree ("Reopen ticket: <ID>"), the commit holding only the ticket's move and its
//! changed fields, under the repository lock and journaled: a crash before the commit rolls
//! back, after it recovery completes.

use std::path::PathBuf;

use super::tx::{self, TicketChange};
use super::{Project, Ui, guard};
use crate::current;
use crate::env::Env;
use crate::error::Error;
use crate::git::{message, worktree_of_branch};
use crate::journal::{Op, Record};
use crate::ticket::store::read_ticket;
use crate::ticket::transition;
use crate::ticket::{Meta, Status};

/// What to reopen.
#[derive(Clone, Debug, Default)]
pub struct ReopenInput<'a> {
    /// The ticket reference.
    pub ticket: &'a str,
    /// Back to todo (clearing `started_at`) even when it had been started.
    pub to_todo: bool,
}

/// What a reopen did.
#[derive(Debug)]
pub struct Reopened {
    /// The ticket.
    pub id: String,
    /// Its fields before the reopen.
    pub meta: Meta,
    /// Its status now: doing or todo.
    pub status: Status,
    /// Its file now.
    pub path: PathBuf,
    /// The commit subject.
    pub message: String,
    /// The ticket's worktree, when it still has one (other than the main one).
    pub worktree: Option<PathBuf>,
    /// Its branch still exists.
    pub branch: bool,
    /// `current-ticket.md` here now names it (reopened on its own branch).
    pub linked: bool,
    /// The default branch, when the reopen was committed there: the ticket's branch and
    /// worktree still have it done until they merge it.
    pub elsewhere: Option<String>,
}

/// Reopens a ticket (see the module documentation).
pub fn reopen(
    env: &Env,
    project: &Project,
    input: &ReopenInput<'_>,
    ui: &mut dyn Ui,
) -> Result<Reopened, Error> {
    let repo = project.repo_with_git()?;
    let _lock = guard::lock(env, project, &format!("reopen {}", input.ticket), ui)?;
    let entry = project.store.resolve(input.ticket)?;
    let id = entry.id.clone();
    let (text, meta) = read_ticket(&entry.path)?;
    let reopened =
        transition::reopen(&text, &meta, input.to_todo).map_err(|err| Error::Transition {
            id: id.clone(),
            err,
        })?;
    let status = if input.to_todo || meta.started_at.is_none() {
        Status::Todo
    } else {
        Status::Doing
    };
    let to = project.store.dir(status).join(format!("{id}.md"));
    let subject = message::reopen(&id);
    let root = &project.root;
    let journal = tx::journaled_commit(
        env,
        project,
        repo,
        Record {
            head_before: repo.head(),
            from: Some(entry.path.clone()),
            to: Some(to.clone()),
            original: Some(text.clone()),
            ..Record::new(Op::Reopen, &id, root)
        },
        &TicketChange {
            from: &entry.path,
            to: &to,
            text: &reopened,
            message: &subject,
            failpoint: "reopen:commit",
        },
    )?;
    // Reopened to doing on its own branch (in its worktree): the work goes on here.
    let here = repo.current_branch();
    let linked = status == Status::Doing
        && here.as_deref() == Some(id.as_str())
        && current::write(root, &to).is_ok();
    tx::journal_finish(journal)?;
    let worktrees = repo.worktrees();
    let worktree = worktree_of_branch(&worktrees, &id)
        .filter(|w| !w.main && !w.missing)
        .map(|w| w.path.clone());
    // Only the default branch is merged into a ticket's branch: a reopen committed on
    // another ticket's branch reaches it through the default branch, later.
    let elsewhere = here.filter(|b| *b == project.config.git.default_branch);
    Ok(Reopened {
        branch: repo.branch_exists(&id),
        id,
        meta,
        status,
        path: to,
        message: subject,
        worktree,
        linked,
        elsewhere,
    })
}
