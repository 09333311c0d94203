//! `git ticket claim <ticket>`: claims a ticket on the claims remote without starting it;
//! `--renew` renews our claim (a lease lives claims.ttl after it was made or renewed).

use std::io::{self, Write};

use super::claims::ClaimJson;
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::claim::{self, Claimed, Taken, age};
use crate::output::{Outcome, Ui, write_json};

/// Claim a ticket on the claims remote, or renew our claim.
///
/// A claim is a ref refs/ticket-claims/<ID> on the remote, created with a compare-and-swap
/// push: of clones racing for a ticket exactly one wins. Without --renew: a new claim, our
/// claim renewed, or an expired claim taken over (saying whose); a live claim of another
/// clone is TICKET_CLAIMED. With --renew: only our own claim is renewed — one taken over in
/// the meantime is TICKET_CLAIMED, none at all TICKET_NOT_CLAIMED. (start claims by itself;
/// pushing the ticket's branch renews through the pre-push hook.)
///
/// Example: 'git ticket claim --renew <ID>' in an agent's loop, well within claims.ttl.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket: ID, ID prefix, slug, or slug words
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// Renew our claim (expecting the value we hold)
    #[arg(long)]
    renew: bool,
    /// The claims remote (default: claims.remote of .ticketflow.yaml)
    #[arg(long, value_name = "REMOTE")]
    remote: Option<String>,
}

/// The `claim` command.
pub struct ClaimCmd;

impl Command for ClaimCmd {
    const NAME: &'static str = "claim";
    const SUMMARY: &'static str = "Claim a ticket on the claims remote, or renew our claim";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let remote = args.remote.as_deref();
        let done = if args.renew {
            claim::renew(env, project, &args.ticket, remote)?
        } else {
            claim::claim(env, project, &args.ticket, remote)?
        };
        Ok(Box::new(Report(done)))
    }
}

/// The result of `claim`, rendered.
struct Report(Claimed);

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let c = &self.0;
        match &c.taken {
            Taken::New => writeln!(out.w, "🔒 Claimed {} on {}", c.ticket, c.remote),
            Taken::Renewed => writeln!(
                out.w,
                "🔒 Renewed the claim of {} on {}",
                c.ticket, c.remote
            ),
            Taken::TookOver(old) => writeln!(
                out.w,
                "🔒 Claimed {} on {}: took over the expired claim of {} ({} old)",
                c.ticket,
                c.remote,
                old.holder(),
                age(old.age)
            ),
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &ClaimJson::of(&self.0))
    }
}
