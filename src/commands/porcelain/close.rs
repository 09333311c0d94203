//! `git ticket close [<ticket>] [--reason R] [--force]`: finishes (or cancels) a ticket —
//! the current one, or another by reference ([`crate::ops::close`] does the work).

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::close::{CloseInput, Closed, close};
use crate::output::{Outcome, Style, Ui, escape_control, write_json};
use crate::ticket::Status;
use crate::ticket::time::format_duration;

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
}

/// The `close` command.
pub struct Close;

impl Command for Close {
    const NAME: &'static str = "close";
    const SUMMARY: &'static str = "Close the current ticket, or another one with a reason";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let input = CloseInput {
            ticket: args.ticket.as_deref(),
            reason: args.reason.as_deref(),
            force: args.force,
        };
        let closed = close(env, project, &input, ui)?;
        Ok(Box::new(Report {
            closed,
            named: args.ticket.is_some(),
        }))
    }
}

/// The result of `close`, rendered.
struct Report {
    closed: Closed,
    /// A ticket was named on the command line (TicketFlow then reports "by_id").
    named: bool,
}

impl Report {
    /// From start to close, `0m` for less than a minute (TicketFlow's JSON always has it in
    /// current mode: it compares sub-second times, so its "more than zero" always holds).
    fn duration(&self) -> Option<String> {
        let started = self.closed.meta.started_at?;
        Some(format_duration(
            started.seconds_until(&self.closed.closed_at),
        ))
    }
}

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let id = &self.closed.id;
        writeln!(out.w)?;
        out.styled(Style::Bold, &format!("✅ Ticket closed: {id}"))?;
        writeln!(out.w)?;
        writeln!(
            out.w,
            "   Description: {}",
            escape_control(&self.closed.meta.description)
        )?;
        writeln!(out.w, "   Status: {} → done", self.closed.meta.status())?;
        if let Some(r) = &self.closed.reason {
            writeln!(out.w, "   Reason: {}", escape_control(r))?;
        } else if self.closed.merged {
            writeln!(out.w, "   Note: Branch was already merged")?;
        }
        if self.closed.force {
            writeln!(
                out.w,
                "   ⚠️  --force: uncommitted changes were left as they are"
            )?;
        }
        if let Some(d) = self.duration() {
            writeln!(out.w, "   Duration: {d}")?;
        }
        writeln!(
            out.w,
            "   Committed: \"{}\"",
            escape_control(&self.closed.message)
        )?;
        if let Some(p) = self.closed.meta.parent() {
            writeln!(out.w, "   Parent ticket: {p}")?;
        }
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        if self.closed.current_mode {
            writeln!(out.w, "1. Push your branch to create/update PR:")?;
            writeln!(out.w, "   git push origin {id}")?;
            writeln!(out.w, "   ")?;
            writeln!(out.w, "2. Create Pull Request on your Git service")?;
            writeln!(
                out.w,
                "   - Title: {}",
                escape_control(&self.closed.meta.description)
            )?;
            writeln!(out.w, "   - Target: {}", self.closed.merge_target)?;
            if let Some(p) = self.closed.meta.parent() {
                writeln!(out.w, "   - Mention parent ticket: {p}")?;
            }
            writeln!(out.w, "   ")?;
            writeln!(out.w, "3. After PR is merged, clean up:")?;
            writeln!(out.w, "   git ticket cleanup {id}")?;
            if let Some(w) = &self.closed.worktree {
                writeln!(out.w)?;
                writeln!(out.w, "🌳 Note: Worktree remains at {}", w.display())?;
                writeln!(out.w, "   You can continue working there until cleanup")?;
            }
        } else {
            writeln!(out.w, "1. Push the commit: git push")?;
            if self.closed.worktree.is_some() {
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
        // TicketFlow reports a ticket named on the command line as closed by ID, with its
        // branch and without a duration, even when it is the current ticket (and the close
        // ran in current mode: in its worktree, on its branch).
        let by_id = self.named;
        write_json(
            w,
            &Json {
                branch: by_id.then_some(self.closed.id.as_str()),
                close_reason: self.closed.reason.as_deref(),
                closed_at: self.closed.closed_at.to_rfc3339(),
                commit_created: true,
                duration: if by_id { None } else { self.duration() },
                force_used: self.closed.force,
                mode: if by_id { "by_id" } else { "current" },
                parent_ticket: self.closed.meta.parent(),
                status: Status::Done,
                success: true,
                ticket_id: &self.closed.id,
                worktree_path: self
                    .closed
                    .current_mode
                    .then(|| self.closed.root.display().to_string()),
            },
        )
    }
}
