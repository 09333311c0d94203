//! Closing (or cancelling) a ticket.
//!
//! Current mode (no ticket, or the ticket of this worktree/branch): in the ticket's worktree
//! or branch, with a clean tree unless `force`; commits "Close ticket: <ID>" there. By-ID
//! mode (any other ticket): needs a reason unless its branch is merged into the default
//! branch; commits on the current branch. Either way the commit holds only the ticket's move
//! to done and its new fields.

use std::path::PathBuf;

use super::clean::{self, Purpose};
use super::tx::{self, TicketChange};
use super::{Project, Ui, guard};
use crate::current;
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::git::{message, worktree_of_branch};
use crate::journal::{Op, Record};
use crate::ticket::store::{StoreError, read_ticket};
use crate::ticket::transition::{self, TransitionError};
use crate::ticket::{Meta, Status, Timestamp};

/// What to close.
#[derive(Clone, Debug, Default)]
pub struct CloseInput<'a> {
    /// The ticket reference; `None`: the ticket of this worktree or branch.
    pub ticket: Option<&'a str>,
    /// Why (recorded in the file and the commit message).
    pub reason: Option<&'a str>,
    /// Close with uncommitted changes in the working tree.
    pub force: bool,
}

/// What a close did.
#[derive(Debug)]
pub struct Closed {
    /// The ticket.
    pub id: String,
    /// Its fields before the close.
    pub meta: Meta,
    /// When it was closed.
    pub closed_at: Timestamp,
    /// It was the ticket of this worktree or branch.
    pub current_mode: bool,
    /// `--force` was given.
    pub force: bool,
    /// The reason, when one was given.
    pub reason: Option<String>,
    /// Closed without a reason because its branch is merged.
    pub merged: bool,
    /// The working tree the commit was made in.
    pub root: PathBuf,
    /// The ticket's worktree, when it has one (other than the main one).
    pub worktree: Option<PathBuf>,
    /// The commit subject.
    pub message: String,
    /// Where its branch is to be merged: its parent's branch while that exists (a
    /// sub-ticket), else the default branch.
    pub merge_target: String,
}

/// Closes a ticket (see the module documentation).
pub fn close(
    env: &Env,
    project: &Project,
    input: &CloseInput<'_>,
    ui: &mut dyn Ui,
) -> Result<Closed, Error> {
    let repo = project.repo_with_git()?;
    let _lock = guard::lock(env, project, "close", ui)?;
    let root = &project.root;
    let branch = repo.current_branch().unwrap_or_default();
    let link = current::read(root);
    // A link whose branch is not checked out is stale: not the ticket worked on here.
    let current_id = match &link {
        Ok(Some(c)) if super::current::link_matches(&c.id, &branch) => Some(c.id.clone()),
        _ => project.store.find_exact(&branch).map(|e| e.id),
    };
    let (entry, current_mode) = match input.ticket {
        Some(r) => {
            let entry = project.store.resolve(r).map_err(|e| match e {
                StoreError::NotFound { .. } => Error::precondition(
                    ErrorCode::TicketNotFound,
                    "Ticket not found",
                    format!("Ticket '{r}' does not exist"),
                    &[
                        "Check ticket ID and try again",
                        "List available tickets: git ticket list",
                    ],
                ),
                e => e.into(),
            })?;
            let is_current = current_id.as_deref() == Some(entry.id.as_str());
            (entry, is_current)
        }
        None => {
            link?;
            let Some(id) = current_id else {
                return Err(Error::precondition(
                    ErrorCode::TicketNotStarted,
                    "No active ticket",
                    "There is no ticket currently being worked on".into(),
                    &[
                        "Start a ticket first: git ticket start <ticket>",
                        "Restore current ticket link if in a worktree: git ticket restore",
                        "Close another ticket: git ticket close <ticket> --reason \"why\"",
                    ],
                ));
            };
            let entry = project.store.find_exact(&id).ok_or_else(|| {
                Error::precondition(
                    ErrorCode::TicketInvalid,
                    "Current ticket is missing",
                    format!("current-ticket.md names {id}, but no such ticket file exists here"),
                    &["Repair the link: git ticket restore"],
                )
            })?;
            (entry, true)
        }
    };
    let id = entry.id.clone();
    let (text, meta) = read_ticket(&entry.path)?;
    if meta.status() == Status::Done {
        return Err(Error::Transition {
            id,
            err: TransitionError::AlreadyClosed,
        });
    }
    let reason = input.reason.filter(|r| !r.is_empty());
    let default = &project.config.git.default_branch;
    let mut merged = false;
    if current_mode {
        if branch != id {
            return Err(Error::precondition(
                ErrorCode::InvalidContext,
                "Not on the ticket's branch",
                format!("not on ticket branch, expected {id} but on {branch}"),
                &[&format!(
                    "Switch to the ticket's worktree or branch (git checkout {id})"
                )],
            ));
        }
        if !input.force {
            clean::require(repo, Purpose::Close)?;
        }
    } else if reason.is_none() {
        merged = repo.is_merged(&id, default);
        if !merged {
            let input = input.ticket.unwrap_or(&id);
            return Err(Error::precondition(
                ErrorCode::ValidationError,
                "Reason required",
                "Closing a ticket without being in its worktree requires a reason".into(),
                &[
                    &format!("Provide a reason: git ticket close {input} --reason \"explanation\""),
                    "Or switch to the ticket's worktree to close normally",
                ],
            ));
        }
    }
    let now = Timestamp::now_local();
    let closed =
        transition::close(&text, &meta, &now, input.reason).map_err(|err| Error::Transition {
            id: id.clone(),
            err,
        })?;
    let subject = message::close(&id, reason);
    let commit_message = message::close_message(&id, reason);
    let done_path = project.store.dir(Status::Done).join(format!("{id}.md"));
    let journal = tx::journaled_commit(
        env,
        project,
        repo,
        Record {
            head_before: repo.head(),
            from: Some(entry.path.clone()),
            to: Some(done_path.clone()),
            original: Some(text.clone()),
            force: input.force,
            ..Record::new(Op::Close, &id, root)
        },
        &TicketChange {
            from: &entry.path,
            to: &done_path,
            text: &closed,
            message: &commit_message,
            failpoint: "close:commit",
        },
    )?;
    if current_mode {
        let _ = current::remove_if(root, &id);
    }
    tx::journal_finish(journal)?;
    // A sub-ticket merges into its parent's branch while that branch exists.
    let merge_target = meta
        .parent()
        .filter(|p| repo.branch_exists(p))
        .unwrap_or(default.as_str())
        .to_owned();
    let worktrees = repo.worktrees();
    let worktree = worktree_of_branch(&worktrees, &id)
        .filter(|w| !w.main)
        .map(|w| w.path.clone());
    Ok(Closed {
        id,
        meta,
        closed_at: now,
        current_mode,
        force: input.force,
        reason: reason.map(str::to_owned),
        merged,
        root: root.clone(),
        worktree,
        message: subject,
        merge_target,
    })
}
