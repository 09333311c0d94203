//! `git ticket next [--start]`: the first ready ticket; with `--start`, picked and started in
//! one hold of the repository lock ([`crate::ops::queue::start_next`]), so that agents running
//! it at once each get a different ticket.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::porcelain::start::report;
use crate::commands::view::TicketView;
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::claim::{self, ClaimChoice};
use crate::ops::graph::Links;
use crate::ops::queue::{self, NextInput};
use crate::output::{Outcome, Style, Ui, escape_control, write_json};
use crate::ticket::Ticket;

/// Show the first ticket ready to take, or take it (--start).
///
/// The first ticket of `git ticket ready`: todo, every blocker done, not claimed elsewhere;
/// lowest priority number first, then oldest first, then ID. With --start it is started as
/// `git ticket start` does (same output and JSON), picked and started in one step under the
/// repository lock: agents running `next --start` at the same time each get a different
/// ticket. A ticket taken elsewhere meanwhile (claimed by another clone, already started) is
/// skipped for the next one. Claims are those last fetched (--fetch fetches them first); the
/// start claims the ticket as `start` does when claims.remote is set. Nothing ready:
/// exit 1 with NO_READY_TICKET.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start the ticket (branch, worktree) instead of only showing it
    #[arg(long)]
    start: bool,
    /// Fetch the claims of claims.remote first (otherwise the claims last fetched are used)
    #[arg(long)]
    fetch: bool,
}

/// The `next` command.
pub struct Next;

impl Command for Next {
    const NAME: &'static str = "next";
    const SUMMARY: &'static str = "Show (or --start) the first ticket ready to take";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let (env, exec) = (ctx.env, ctx.exec);
        if args.fetch {
            claim::fetch_claims(ctx.project()?, None)?;
        }
        if args.start {
            let project = ctx.project()?;
            let input = NextInput {
                profile: exec,
                claim: ClaimChoice::Config,
            };
            let started = queue::start_next(env, project, &input, ui)?;
            return Ok(report(started, ui));
        }
        let (project, trace) = ctx.project_and_trace()?;
        let (ticket, links) = queue::next(project, exec, trace)?;
        Ok(Box::new(Picked(ticket, links)))
    }
}

/// The first ready ticket.
struct Picked(Ticket, Links);

impl Outcome for Picked {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let t = &self.0;
        out.styled(Style::Bold, &format!("Next: {}", t.id))?;
        writeln!(out.w)?;
        writeln!(out.w, "   Priority: {}", t.meta.priority())?;
        writeln!(
            out.w,
            "   Description: {}",
            escape_control(&t.meta.description)
        )?;
        if !self.1.blocks.is_empty() {
            writeln!(out.w, "   Blocks: {}", self.1.blocks.join(", "))?;
        }
        writeln!(out.w, "   File: {}", t.path.display())?;
        writeln!(out.w)?;
        writeln!(out.w, "Take it: git ticket start {}", t.id)
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let view = TicketView::new(&self.0).with_links(&self.1);
        write_json(w, &json!({ "ticket": view }))
    }
}
