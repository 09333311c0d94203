//! `git ticket release <ticket>`: deletes our claim on the claims remote; `--force` breaks
//! another clone's claim (expecting the value last seen, so a claim renewed since is not
//! broken).

use std::io::{self, Write};

use serde::Serialize;

use super::claims::ClaimView;
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::claim::{Released, release};
use crate::output::{Outcome, Ui, write_json};

/// Release our claim on a ticket (--force: break another clone's claim).
///
/// The claim is deleted with a compare-and-swap push expecting our value (with --force, the
/// value last seen — 'git ticket claims' shows it): a claim renewed or taken over in the
/// meantime is not deleted (TICKET_CLAIMED). Releasing a ticket nobody claims changes nothing.
/// cleanup releases the claim of a done ticket by itself.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket: ID, ID prefix, slug, or slug words
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// Break another clone's claim (only when its holder has stopped working on it)
    #[arg(short, long)]
    force: bool,
    /// The claims remote (default: claims.remote of .ticketflow.yaml)
    #[arg(long, value_name = "REMOTE")]
    remote: Option<String>,
}

/// The `release` command.
pub struct Release;

impl Command for Release {
    const NAME: &'static str = "release";
    const SUMMARY: &'static str = "Release our claim on a ticket (--force: break another's)";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let done = release(project, &args.ticket, args.remote.as_deref(), args.force)?;
        Ok(Box::new(Report(done)))
    }
}

/// The result of `release`, rendered.
struct Report(Released);

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let r = &self.0;
        match &r.claim {
            None => writeln!(
                out.w,
                "{} is not claimed on {}: nothing to release",
                r.ticket, r.remote
            ),
            Some(c) if c.ours => writeln!(
                out.w,
                "🔓 Released the claim of {} on {}",
                r.ticket, r.remote
            ),
            Some(c) => writeln!(
                out.w,
                "🔓 Broke the claim of {} on {} held by {}",
                r.ticket,
                r.remote,
                c.holder()
            ),
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            remote: &'a str,
            ticket: &'a str,
            released: bool,
            claim: Option<ClaimView<'a>>,
        }
        write_json(
            w,
            &Json {
                remote: &self.0.remote,
                ticket: &self.0.ticket,
                released: self.0.claim.is_some(),
                claim: self.0.claim.as_ref().map(ClaimView::of),
            },
        )
    }
}
