//! `git ticket ready`: the todo tickets that can be taken now — every blocker done, not
//! claimed elsewhere — in the order to take them ([`crate::ops::queue`] decides).

use crate::commands::porcelain::list::Listed;
use crate::commands::view::say_problems;
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::queue::{self, Selection};
use crate::ops::{Project, claim};
use crate::output::{Format, Outcome, Ui};
use crate::trace::Trace;

/// List the todo tickets ready to take, in the order to take them.
///
/// Ready: todo, every blocker done, and not claimed by another clone (the live claims of
/// claims.remote as last fetched; --fetch fetches them first). A ticket is blocked by
/// B when its related has blocked-by:B or B's related has blocks:<it>; a blocked-by reference
/// that names no ticket keeps blocking. Order: priority (lowest first), then oldest first,
/// then ID. JSON: list's shape, each ticket with blocked_by (empty) and blocks (the open
/// tickets waiting on it).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    count: Count,
    /// Fetch the claims of claims.remote first (otherwise the claims last fetched are used)
    #[arg(long)]
    fetch: bool,
}

/// `--count`, as `list` takes it (`ready`, `blocked`).
#[derive(Debug, clap::Args)]
pub struct Count {
    /// Maximum number of tickets to show; 0 shows all
    #[arg(
        short,
        long,
        default_value_t = 20,
        value_name = "N",
        value_parser = crate::commands::pflag::parse_count,
        allow_hyphen_values = true
    )]
    pub count: usize,
}

/// The `ready` command.
pub struct Ready;

impl Command for Ready {
    const NAME: &'static str = "ready";
    const SUMMARY: &'static str = "List the tickets ready to take, in queue order";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        if args.fetch {
            claim::fetch_claims(ctx.project()?, None)?;
        }
        Ok(Box::new(select(ctx, ui, &args.count, queue::ready)?))
    }
}

/// The selection `query` (`queue::ready`, `queue::blocked`) makes, as a listing; the files
/// that could not be read are said on stderr.
pub fn select(
    ctx: &mut Ctx<'_>,
    ui: &mut Ui<'_>,
    count: &Count,
    query: fn(&Project, usize, bool, Exec, &mut Trace) -> Result<Selection, Error>,
) -> Result<Listed, Error> {
    let (format, exec) = (ctx.format, ctx.exec);
    let (project, trace) = ctx.project_and_trace()?;
    // Only JSON shows the summary, which counts every folder.
    let s = query(project, count.count, format != Format::Text, exec, trace)?;
    say_problems(ui, &s.listing.problems);
    Ok(Listed(s.listing, Some(s.links)))
}
