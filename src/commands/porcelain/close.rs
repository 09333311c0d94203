//! `git ticket close [<ticket>] [--reason R] [--force]`: finishes (or cancels) a ticket.
//!
//! Current mode (no ticket, or the ticket of this worktree/branch): in the ticket's worktree
//! or branch, with a clean tree unless `--force`; commits "Close ticket: <ID>" there. By-ID
//! mode (any other ticket): needs a reason unless its branch is merged into the default
//! branch; commits on the current branch. Either way the commit holds only the ticket's move
//! to done and its new fields.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::flow::{self, TicketChange, Tree};
use crate::context::Ctx;
use crate::current;
use crate::error::Error;
use crate::git;
use crate::journal::{Op, Record, Step};
use crate::output::{FormatArg, Out, Outcome, Style, write_json};
use crate::registry::{Command, Group, Profile};
use crate::ticket::store::read_ticket;
use crate::ticket::time::format_duration;
use crate::ticket::transition::{self, TransitionError};
use crate::ticket::{Meta, Status, Timestamp};

/// Close a ticket: the current one, or another by reference.
///
/// Without TICKET, closes the ticket of this worktree or branch (the working tree must be
/// clean unless --force). With TICKET naming another ticket, closes it from here; that needs
/// --reason unless its branch is merged into git.default_branch (a todo ticket closed with a
/// reason is cancelled).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket to close [default: the current ticket]
    #[arg(value_name = "TICKET")]
    ticket: Option<String>,
    /// Why the ticket is closed (recorded in the file and the commit message)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    reason: Option<String>,
    /// Close even with uncommitted changes in the working tree (they stay uncommitted)
    #[arg(short, long)]
    force: bool,
    #[command(flatten)]
    format: FormatArg,
}

/// The `close` command.
pub struct Close;

impl Command for Close {
    const NAME: &'static str = "close";
    const SUMMARY: &'static str = "Close the current ticket, or another one with a reason";
    const GROUP: Group = Group::Porcelain;
    const PROFILE: Profile = Profile::SINGLE;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let git = flow::git(project)?;
        let _lock = flow::lock(env, project, "close")?;
        let repo = project.repo()?;
        let root = &project.root;
        let branch = git::current_branch(repo).unwrap_or_default();
        let link = current::read(root);
        let current_id = match &link {
            Ok(Some(c)) => Some(c.id.clone()),
            _ => project.store.find_exact(&branch).map(|e| e.id),
        };
        let (entry, current_mode) = match &args.ticket {
            Some(r) => {
                let entry = project.store.resolve(r).map_err(|e| match e {
                    crate::ticket::store::StoreError::NotFound { .. } => Error::precondition(
                        "TICKET_NOT_FOUND",
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
                        "TICKET_NOT_STARTED",
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
                        "TICKET_INVALID",
                        "Current ticket is missing",
                        format!(
                            "current-ticket.md names {id}, but no such ticket file exists here"
                        ),
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
        let reason = args.reason.as_deref().filter(|r| !r.is_empty());
        let default = &project.config.git.default_branch;
        let mut merged = false;
        if current_mode {
            if branch != id {
                return Err(Error::precondition(
                    "INVALID_CONTEXT",
                    "Not on the ticket's branch",
                    format!("not on ticket branch, expected {id} but on {branch}"),
                    &[&format!(
                        "Switch to the ticket's worktree or branch (git checkout {id})"
                    )],
                ));
            }
            if !args.force {
                let dirty = git::dirty_paths(repo, &[current::LINK])?;
                if !dirty.is_empty() {
                    return Err(Error::precondition(
                        "GIT_DIRTY_WORKSPACE",
                        "Uncommitted changes detected",
                        format!(
                            "Please commit your changes before closing the ticket ({})",
                            dirty.join(", ")
                        ),
                        &[
                            "Commit your changes: git commit -am 'Your message'",
                            "Force close without committing: git ticket close --force",
                        ],
                    ));
                }
            }
        } else if reason.is_none() {
            merged = git::is_merged(repo, &id, default);
            if !merged {
                let input = args.ticket.as_deref().unwrap_or(&id);
                return Err(Error::precondition(
                    "VALIDATION_ERROR",
                    "Reason required",
                    "Closing a ticket without being in its worktree requires a reason".into(),
                    &[
                        &format!(
                            "Provide a reason: git ticket close {input} --reason \"explanation\""
                        ),
                        "Or switch to the ticket's worktree to close normally",
                    ],
                ));
            }
        }
        let now = Timestamp::now_local();
        let closed =
            transition::close(&text, &meta, &now, args.reason.as_deref()).map_err(|err| {
                Error::Transition {
                    id: id.clone(),
                    err,
                }
            })?;
        let message = match reason {
            Some(r) => format!("Close ticket: {id} ({r})"),
            None => format!("Close ticket: {id}"),
        };
        let done_path = project.store.dir(Status::Done).join(format!("{id}.md"));
        let mut journal = flow::journal(
            project,
            Record {
                op: Op::Close,
                ticket: id.clone(),
                root: root.clone(),
                head_before: repo
                    .head()
                    .ok()
                    .and_then(|h| h.target())
                    .map(|o| o.to_string()),
                from: Some(entry.path.clone()),
                to: Some(done_path.clone()),
                original: Some(text.clone()),
                worktree: None,
                branch_from: None,
                force: args.force,
                step: Step::Planned,
                pid: std::process::id(),
            },
        )?;
        let committed = flow::commit_ticket_change(
            env,
            &git,
            Tree { repo, root },
            &TicketChange {
                from: &entry.path,
                to: &done_path,
                text: &closed,
                message: &message,
                failpoint: "close:commit",
            },
        );
        if let Err(e) = committed {
            let _ = journal.finish();
            return Err(e);
        }
        flow::journal_step(&mut journal, Step::Committed)?;
        if current_mode {
            let _ = current::remove_if(root, &id);
        }
        flow::journal_finish(journal)?;
        let worktrees = git::worktrees(repo);
        let worktree = git::worktree_of_branch(&worktrees, &id)
            .filter(|w| !w.main)
            .map(|w| w.path.clone());
        Ok(Box::new(Closed {
            id,
            meta,
            closed_at: now,
            current_mode,
            force: args.force,
            reason: args.reason.filter(|r| !r.is_empty()),
            merged,
            root: root.clone(),
            worktree,
            default_branch: default.clone(),
        }))
    }
}

struct Closed {
    id: String,
    meta: Meta,
    closed_at: Timestamp,
    current_mode: bool,
    force: bool,
    reason: Option<String>,
    merged: bool,
    root: PathBuf,
    worktree: Option<PathBuf>,
    default_branch: String,
}

impl Closed {
    fn duration(&self) -> Option<String> {
        let started = self.meta.started_at?;
        let secs = started.seconds_until(&self.closed_at);
        (secs > 0).then(|| format_duration(secs))
    }

    fn message(&self) -> String {
        match &self.reason {
            Some(r) => format!("Close ticket: {} ({r})", self.id),
            None => format!("Close ticket: {}", self.id),
        }
    }
}

impl Outcome for Closed {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        let id = &self.id;
        writeln!(out.w)?;
        out.styled(Style::Bold, &format!("✅ Ticket closed: {id}"))?;
        writeln!(out.w)?;
        writeln!(out.w, "   Description: {}", self.meta.description)?;
        writeln!(out.w, "   Status: {} → done", self.meta.status())?;
        if let Some(r) = &self.reason {
            writeln!(out.w, "   Reason: {r}")?;
        } else if self.merged {
            writeln!(out.w, "   Note: Branch was already merged")?;
        }
        if self.force {
            writeln!(
                out.w,
                "   ⚠️  --force: uncommitted changes were left as they are"
            )?;
        }
        if let Some(d) = self.duration() {
            writeln!(out.w, "   Duration: {d}")?;
        }
        writeln!(out.w, "   Committed: \"{}\"", self.message())?;
        if let Some(p) = self.meta.parent() {
            writeln!(out.w, "   Parent ticket: {p}")?;
        }
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        if self.current_mode {
            writeln!(out.w, "1. Push your branch to create/update PR:")?;
            writeln!(out.w, "   git push origin {id}")?;
            writeln!(out.w, "   ")?;
            writeln!(out.w, "2. Create Pull Request on your Git service")?;
            writeln!(out.w, "   - Title: {}", self.meta.description)?;
            writeln!(out.w, "   - Target: {}", self.default_branch)?;
            if let Some(p) = self.meta.parent() {
                writeln!(out.w, "   - Mention parent ticket: {p}")?;
            }
            writeln!(out.w, "   ")?;
            writeln!(out.w, "3. After PR is merged, clean up:")?;
            writeln!(out.w, "   git ticket cleanup {id}")?;
            if let Some(w) = &self.worktree {
                writeln!(out.w)?;
                writeln!(out.w, "🌳 Note: Worktree remains at {}", w.display())?;
                writeln!(out.w, "   You can continue working there until cleanup")?;
            }
        } else {
            writeln!(out.w, "1. Push the commit: git push")?;
            if self.worktree.is_some() {
                writeln!(
                    out.w,
                    "2. The ticket has a worktree; remove it and its branch with:"
                )?;
                writeln!(out.w, "   git ticket cleanup {id}")?;
            }
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            branch: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            close_reason: Option<&'a str>,
            closed_at: String,
            commit_created: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            duration: Option<String>,
            force_used: bool,
            mode: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            parent_ticket: Option<&'a str>,
            status: Status,
            success: bool,
            ticket_id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            worktree_path: Option<String>,
        }
        write_json(
            w,
            &Json {
                branch: (!self.current_mode).then_some(self.id.as_str()),
                close_reason: self.reason.as_deref(),
                closed_at: self.closed_at.to_rfc3339(),
                commit_created: true,
                duration: if self.current_mode {
                    self.duration()
                } else {
                    None
                },
                force_used: self.force,
                mode: if self.current_mode {
                    "current"
                } else {
                    "by_id"
                },
                parent_ticket: self.meta.parent(),
                status: Status::Done,
                success: true,
                ticket_id: &self.id,
                worktree_path: self.current_mode.then(|| self.root.display().to_string()),
            },
        )
    }
}
