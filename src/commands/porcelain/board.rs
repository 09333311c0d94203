//! `git ticket board`: every open ticket with its effective status and where each state lives
//! (the default branch, the branches named after it — local and remote-tracking — and its
//! worktree), in the columns Ready | Blocked | Doing | Done, not merged | Done (recent N).
//! [`crate::ops::board`] reads it, through libgit2 only.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::board::{self, Board, BoardInput, BoardTicket, Column, DirtyCheck, Place};
use crate::output::{Outcome, Style, Ui, escape_control, to_writer_compact, write_json};
use crate::ticket::Status;

/// Show every open ticket, wherever its work lives.
///
/// A ticket's effective status is the most advanced state found (done > doing > todo) on the
/// default branch, on each local branch named after it, on each remote-tracking branch
/// refs/remotes/<remote>/<ID> (what other clones pushed: run git fetch first) and in its
/// worktree's files (uncommitted edits count). Each branch shows its worktree, how far it is
/// ahead of and behind the default branch, whether it is merged and whether its worktree has
/// uncommitted changes. Reads git's object database only: no git process, no checkout.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many recently closed tickets the Done column shows
    #[arg(long, default_value_t = 5, value_name = "N")]
    recent: usize,
    /// Check every worktree for uncommitted changes, however large [default: only while the
    /// worktrees hold 100,000 files or fewer together]
    #[arg(long, conflicts_with = "no_dirty")]
    dirty: bool,
    /// Do not check worktrees for uncommitted changes
    #[arg(long)]
    no_dirty: bool,
}

/// The `board` command.
pub struct BoardCmd;

impl Command for BoardCmd {
    const NAME: &'static str = "board";
    const SUMMARY: &'static str = "Show tickets across branches, worktrees and clones";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let exec = ctx.exec;
        let (project, trace) = ctx.project_and_trace()?;
        let input = BoardInput {
            recent: args.recent,
            dirty: match (args.dirty, args.no_dirty) {
                (true, _) => DirtyCheck::Always,
                (_, true) => DirtyCheck::Never,
                _ => DirtyCheck::Auto,
            },
        };
        let board = board::board(project, &input, exec, trace)?;
        for p in &board.problems {
            ui.warn(p.to_string());
        }
        Ok(Box::new(Shown { board, input }))
    }
}

struct Shown {
    board: Board,
    input: BoardInput,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    #[serde(rename = "ref")]
    refname: &'a str,
    status: Option<Status>,
    worktree: Option<String>,
    ahead: usize,
    behind: usize,
    merged: bool,
    dirty: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dirty_reason: Option<&'a str>,
}

#[derive(Serialize)]
struct TicketJson<'a> {
    id: &'a str,
    status: Status,
    default_branch_status: Option<Status>,
    priority: i64,
    description: &'a str,
    places: Vec<PlaceJson<'a>>,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    default_branch: &'a str,
    ready: usize,
    blocked: usize,
    doing: usize,
    done_not_merged: usize,
    done: usize,
    branches: usize,
    worktrees: usize,
    recent_done: Vec<&'a str>,
}

fn place_json(p: &Place) -> PlaceJson<'_> {
    PlaceJson {
        refname: &p.refname,
        status: p.status,
        worktree: p.worktree.as_ref().map(|w| w.display().to_string()),
        ahead: p.ahead,
        behind: p.behind,
        merged: p.merged,
        dirty: p.dirty,
        dirty_reason: p.dirty_reason.as_deref(),
    }
}

fn ticket_json(t: &BoardTicket) -> TicketJson<'_> {
    TicketJson {
        id: &t.id,
        status: t.status,
        default_branch_status: t.default_branch_status,
        priority: t.priority,
        description: &t.description,
        places: t.places.iter().map(place_json).collect(),
    }
}

impl Shown {
    fn summary(&self) -> SummaryJson<'_> {
        let s = &self.board.summary;
        SummaryJson {
            default_branch: &self.board.default_branch,
            ready: s.ready,
            blocked: s.blocked,
            doing: s.doing,
            done_not_merged: s.done_not_merged,
            done: s.done,
            branches: s.branches,
            worktrees: s.worktrees,
            recent_done: self
                .board
                .recent_done
                .iter()
                .map(|t| t.id.as_str())
                .collect(),
        }
    }
}

/// One place on one line: `refs/heads/X  worktree /p  +2/-0  merged  dirty`.
fn place_line(p: &Place) -> String {
    let mut parts = vec![p.refname.clone()];
    if let Some(s) = p.status {
        parts.push(s.to_string());
    }
    if let Some(w) = &p.worktree {
        parts.push(format!("worktree {}", w.display()));
    }
    parts.push(format!("ahead {} behind {}", p.ahead, p.behind));
    if p.merged {
        parts.push("merged".into());
    }
    match (p.dirty, &p.worktree) {
        (Some(true), _) => parts.push("dirty".into()),
        (Some(false), _) => parts.push("clean".into()),
        (None, Some(_)) => parts.push("dirty: ?".into()),
        (None, None) => {}
    }
    parts.join("  ")
}

impl Outcome for Shown {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let b = &self.board;
        let columns = [
            (Column::Ready, "Ready".to_owned()),
            (Column::Blocked, "Blocked".to_owned()),
            (Column::Doing, "Doing".to_owned()),
            (Column::DoneNotMerged, "Done, not merged".to_owned()),
        ];
        let mut reasons: Vec<&str> = Vec::new();
        for (column, title) in columns {
            let tickets: Vec<&BoardTicket> = b.column(column).collect();
            out.styled(Style::Bold, &format!("{title} ({})", tickets.len()))?;
            writeln!(out.w)?;
            for t in tickets {
                let line = format!(
                    "  {}  P{}  {}",
                    t.id,
                    t.priority,
                    escape_control(&t.description)
                );
                writeln!(out.w, "{}", line.trim_end())?;
                if !t.blocked_by.is_empty() {
                    writeln!(
                        out.w,
                        "      blocked by {}",
                        escape_control(&t.blocked_by.join(", "))
                    )?;
                }
                for p in &t.places {
                    writeln!(out.w, "      {}", place_line(p))?;
                    if let Some(r) = &p.dirty_reason
                        && !reasons.contains(&r.as_str())
                    {
                        reasons.push(r);
                    }
                }
            }
        }
        out.styled(Style::Bold, &format!("Done (recent {})", self.input.recent))?;
        writeln!(out.w)?;
        for t in b.column(Column::Done).chain(&b.recent_done) {
            let closed = t.meta.closed_at.map(|c| c.date()).unwrap_or_default();
            let line = format!("  {}  {closed}  {}", t.id, escape_control(&t.description));
            writeln!(out.w, "{}", line.trim_end())?;
            for p in &t.places {
                writeln!(out.w, "      {}", place_line(p))?;
            }
        }
        for r in reasons {
            writeln!(out.w)?;
            writeln!(out.w, "dirty: ? — {r}")?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            tickets: Vec<TicketJson<'a>>,
            summary: SummaryJson<'a>,
        }
        write_json(
            w,
            &Json {
                tickets: self.board.tickets.iter().map(ticket_json).collect(),
                summary: self.summary(),
            },
        )
    }

    /// One ticket a line, then `{"summary": …}`.
    fn ndjson(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let mut buf = Vec::new();
        for t in &self.board.tickets {
            to_writer_compact(&mut buf, &ticket_json(t))?;
            buf.push(b'\n');
        }
        #[derive(Serialize)]
        struct Last<'a> {
            summary: SummaryJson<'a>,
        }
        to_writer_compact(
            &mut buf,
            &Last {
                summary: self.summary(),
            },
        )?;
        buf.push(b'\n');
        out.w.write_all(&buf)
    }
}
