//! `git ticket blocked`: the todo and doing tickets waiting on a blocker that is not done,
//! each with what it waits on ([`crate::ops::queue`] decides).

use std::io::{self, Write};

use crate::commands::porcelain::list::Listed;
use crate::commands::porcelain::ready::{Count, select};
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::queue;
use crate::output::{Outcome, Style, Ui, escape_control, truncate};

/// List the todo and doing tickets that wait on a blocker, and what they wait on.
///
/// A blocker is satisfied when it is done; a blocked-by reference that names no ticket keeps
/// blocking and is shown as "unknown ticket <ref>". Order: priority, then oldest first, then
/// ID. JSON: list's shape, each ticket with blocked_by (the IDs, or references as written,
/// it still waits on) and blocks.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    count: Count,
}

/// The `blocked` command.
pub struct Blocked;

impl Command for Blocked {
    const NAME: &'static str = "blocked";
    const SUMMARY: &'static str = "List the tickets waiting on others, with their blockers";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        Ok(Box::new(Shown(select(
            ctx,
            ui,
            &args.count,
            queue::blocked,
        )?)))
    }
}

/// The blocked tickets: each with the line of what it waits on.
struct Shown(Listed);

impl Outcome for Shown {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let Listed(listing, links) = &self.0;
        if listing.tickets.is_empty() {
            return writeln!(out.w, "No blocked tickets");
        }
        for (i, t) in listing.tickets.iter().enumerate() {
            out.styled(Style::Bold, &t.id)?;
            let rest = format!(
                "  [{}]  {}",
                t.status(),
                truncate(&escape_control(&t.meta.description), 50)
            );
            writeln!(out.w, "{}", rest.trim_end())?;
            if let Some(l) = links.as_ref().and_then(|l| l.get(i)) {
                writeln!(out.w, "    blocked by: {}", l.describe())?;
            }
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        self.0.json(w)
    }

    fn exit_code(&self) -> u8 {
        self.0.exit_code()
    }
}
