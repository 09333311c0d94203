//! `git ticket status`: the current branch, the active ticket (from `current-ticket.md`,
//! else from the branch name), its worktree and duration, the ticket worktrees of the
//! repository, and a summary of the tickets that parse (the others are warned about). Reads
//! only: libgit2 and the ticket files, no `git` process.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::commands::Ctx;
use crate::commands::view::{Summary, TicketView};
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::git::worktree_of_branch;
use crate::ops::board::Elsewhere;
use crate::output::{Outcome, Style, Ui, escape_control, pad, width, write_json};
use crate::ticket::store::load;
use crate::ticket::time::format_duration;
use crate::ticket::{Ticket, Timestamp};

/// Show the current branch, the active ticket, and a summary of all tickets.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The `status` command.
pub struct StatusCmd;

impl Command for StatusCmd {
    const NAME: &'static str = "status";
    const SUMMARY: &'static str = "Show the current ticket and a summary";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, _args: Args) -> Result<Box<dyn Outcome>, Error> {
        let exec = ctx.exec;
        let (project, trace) = ctx.project_and_trace()?;
        let repo = project.repo()?;
        let branch = repo.current_branch().unwrap_or_default();
        // A link whose branch is not checked out is stale, not the active ticket.
        let current = crate::ops::current::current_ticket(project, &branch);
        let entry = current.id.and_then(|id| project.store.find_exact(&id));
        let ticket = entry.and_then(|e| load(&e, false).ok());
        // Counted as TicketFlow counts: the tickets that parse, by their timestamps.
        let (summary, problems) = crate::ops::list::summary(project, exec, trace)?;
        for p in &problems {
            ui.warn(p.to_string());
        }
        let all = trace.phase("worktrees", || repo.worktrees());
        let ticket_worktrees: Vec<TicketWorktree> = all
            .iter()
            .filter(|w| !w.main)
            .filter_map(|w| {
                let b = w.branch.as_ref()?;
                project
                    .store
                    .find_exact(b)
                    .is_some()
                    .then(|| TicketWorktree {
                        ticket_id: b.clone(),
                        path: w.path.display().to_string(),
                        missing: w.missing,
                    })
            })
            .collect();
        // On the default branch, the tickets in progress in worktrees and on branches.
        let elsewhere = if ticket.is_none() && branch == project.config.git.default_branch {
            trace.phase("in progress elsewhere", || {
                crate::ops::board::in_progress(project, &all)
            })?
        } else {
            Vec::new()
        };
        let worktree = ticket.as_ref().and_then(|t| {
            worktree_of_branch(&all, &t.id)
                .filter(|w| !w.main)
                .map(|w| w.path.clone())
        });
        Ok(Box::new(StatusReport {
            branch,
            ticket,
            worktree,
            summary,
            invalid: problems.len(),
            ticket_worktrees,
            stale_link: current.stale_link,
            elsewhere,
            now: Timestamp::now_local(),
        }))
    }
}

#[derive(Serialize)]
struct TicketWorktree {
    path: String,
    ticket_id: String,
    /// Its folder is gone (text output flags it; the JSON shape is TicketFlow's).
    #[serde(skip)]
    missing: bool,
}

struct StatusReport {
    branch: String,
    ticket: Option<Ticket>,
    worktree: Option<PathBuf>,
    summary: [usize; 3],
    /// Files in the ticket folders that are not valid tickets (not counted).
    invalid: usize,
    ticket_worktrees: Vec<TicketWorktree>,
    /// The ticket a stale `current-ticket.md` names (its branch is not checked out).
    stale_link: Option<String>,
    /// Tickets in progress in worktrees or on branches (on the default branch only).
    elsewhere: Vec<Elsewhere>,
    now: Timestamp,
}

impl Outcome for StatusReport {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        writeln!(out.w)?;
        writeln!(out.w, "🌿 Current branch: {}", escape_control(&self.branch))?;
        writeln!(out.w)?;
        match &self.ticket {
            Some(t) => {
                out.styled(
                    Style::Bold,
                    &format!("🎯 Active ticket: {}", escape_control(&t.id)),
                )?;
                writeln!(out.w)?;
                writeln!(
                    out.w,
                    "   Description: {}",
                    escape_control(&t.meta.description)
                )?;
                writeln!(out.w, "   Status: {}", t.status())?;
                if let Some(s) = t.meta.started_at {
                    let end = t.meta.closed_at.unwrap_or(self.now);
                    writeln!(
                        out.w,
                        "   Duration: {}",
                        format_duration(s.seconds_until(&end))
                    )?;
                }
                if let Some(w) = &self.worktree {
                    writeln!(
                        out.w,
                        "   Worktree: {}",
                        escape_control(&w.to_string_lossy())
                    )?;
                }
            }
            None if !self.elsewhere.is_empty() => {
                writeln!(out.w, "🔨 In progress elsewhere:")?;
                for e in &self.elsewhere {
                    let line = format!("   {}  {}", e.id, escape_control(&e.description));
                    writeln!(out.w, "{}", line.trim_end())?;
                    match &e.worktree {
                        Some(w) => writeln!(out.w, "      worktree {}", w.display())?,
                        None => writeln!(out.w, "      branch {}", e.refname)?,
                    }
                }
            }
            None => {
                writeln!(out.w, "⚠️  No active ticket")?;
                writeln!(out.w, "   Start a ticket with: git ticket start <ticket>")?;
            }
        }
        if let Some(id) = &self.stale_link {
            writeln!(
                out.w,
                "   ⚠️  current-ticket.md still names {}, whose branch is not checked out: \
                 git ticket fsck --fix removes the stale link",
                escape_control(id)
            )?;
        }
        if !self.ticket_worktrees.is_empty() {
            writeln!(out.w)?;
            writeln!(out.w, "🌳 Ticket worktrees:")?;
            // In columns: ID, path, and a flag where the folder is gone.
            let id_width = self
                .ticket_worktrees
                .iter()
                .map(|w| width(&w.ticket_id))
                .max()
                .unwrap_or(0);
            for w in &self.ticket_worktrees {
                write!(
                    out.w,
                    "   {}  {}",
                    pad(&escape_control(&w.ticket_id), id_width),
                    escape_control(&w.path)
                )?;
                if w.missing {
                    write!(out.w, "  ")?;
                    out.styled(
                        Style::Yellow,
                        "(folder missing: git ticket fsck --fix prunes it)",
                    )?;
                }
                writeln!(out.w)?;
            }
        }
        let [todo, doing, done] = self.summary;
        writeln!(out.w)?;
        writeln!(out.w, "📊 Ticket summary:")?;
        writeln!(out.w, "   📘 Todo:  {todo}")?;
        writeln!(out.w, "   🔨 Doing: {doing}")?;
        writeln!(out.w, "   ✅ Done:  {done}")?;
        writeln!(out.w, "   ─────────")?;
        writeln!(out.w, "   🔢 Total: {}", todo + doing + done)?;
        if self.invalid > 0 {
            writeln!(
                out.w,
                "   ⚠️  {} invalid file(s) not counted: git ticket fsck lists them",
                self.invalid
            )?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Current<'a> {
            #[serde(flatten)]
            ticket: TicketView<'a>,
            #[serde(skip_serializing_if = "Option::is_none")]
            worktree_path: Option<String>,
        }
        #[derive(Serialize)]
        struct InProgress<'a> {
            id: &'a str,
            description: &'a str,
            #[serde(rename = "ref")]
            refname: &'a str,
            worktree: Option<String>,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            current_branch: &'a str,
            current_ticket: Option<Current<'a>>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            in_progress_elsewhere: Vec<InProgress<'a>>,
            #[serde(skip_serializing_if = "is_zero")]
            invalid_files: usize,
            summary: Summary,
            worktrees: &'a [TicketWorktree],
        }
        write_json(
            w,
            &Json {
                current_branch: &self.branch,
                current_ticket: self.ticket.as_ref().map(|t| Current {
                    ticket: TicketView::new(t).with_worktree_flag(),
                    worktree_path: self.worktree.as_ref().map(|p| p.display().to_string()),
                }),
                in_progress_elsewhere: self
                    .elsewhere
                    .iter()
                    .map(|e| InProgress {
                        id: &e.id,
                        description: &e.description,
                        refname: &e.refname,
                        worktree: e.worktree.as_ref().map(|w| w.display().to_string()),
                    })
                    .collect(),
                invalid_files: self.invalid,
                summary: Summary::new(self.summary),
                worktrees: &self.ticket_worktrees,
            },
        )
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
