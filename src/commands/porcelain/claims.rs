//! `git ticket claims`: the claims on the claims remote — ticket, holder, age — fetched
//! first (one `git fetch` of `refs/ticket-claims/*`) unless `--no-fetch`; `--stale <duration>`
//! keeps the older ones. Also the JSON views of a claim that `claim`, `release` and `start`
//! share.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::claim::{Claim, ClaimList, Claimed, Taken, age, list};
use crate::output::{Outcome, Style, Ui, write_json};
use crate::ticket::time::parse_duration;

/// List the claims on the claims remote (ticket, holder, age).
///
/// A claim is a lease: it expires claims.ttl (default 24h) after it was made or last renewed;
/// an expired claim may be taken over by any clone. "ours" marks the claims of this clone.
/// Claims are fetched with one 'git fetch --prune <remote>
/// +refs/ticket-claims/*:refs/ticket-claims/<remote>/*' (never into branches or tags).
///
/// Examples: 'git ticket claims' (who holds what), 'git ticket claims --stale 12h -o json'
/// (claims not renewed for 12 hours), 'git ticket release --force <ID>' (break one whose
/// holder has stopped).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only claims at least this old (90m, 12h, 2d, 1h30m)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    stale: Option<u64>,
    /// List the claims as last fetched, without fetching them first
    #[arg(long)]
    no_fetch: bool,
    /// The claims remote (default: claims.remote of .ticketflow.yaml)
    #[arg(long, value_name = "REMOTE")]
    remote: Option<String>,
}

/// The `claims` command.
pub struct Claims;

impl Command for Claims {
    const NAME: &'static str = "claims";
    const SUMMARY: &'static str = "List the claims on the claims remote";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let found = list(project, args.remote.as_deref(), !args.no_fetch, args.stale)?;
        Ok(Box::new(Report(found)))
    }
}

/// Who holds a claim, in JSON.
#[derive(Serialize)]
pub struct HolderView<'a> {
    /// The claiming clone's identity.
    pub clone: &'a str,
    /// git user.name.
    pub name: &'a str,
    /// git user.email.
    pub email: &'a str,
    /// Host name.
    pub host: &'a str,
    /// GIT_TICKET_AGENT, when it was set.
    pub agent: Option<&'a str>,
}

/// A claim in JSON.
#[derive(Serialize)]
pub struct ClaimView<'a> {
    /// The ticket.
    pub ticket: &'a str,
    /// Who holds it (null when the claim cannot be read).
    pub holder: Option<HolderView<'a>>,
    /// When it was made or last renewed.
    pub claimed_at: Option<String>,
    /// Its age in seconds.
    pub age_seconds: i64,
    /// Its age for people.
    pub age: String,
    /// Older than claims.ttl.
    pub expired: bool,
    /// Made by this clone.
    pub ours: bool,
    /// The claim commit.
    pub value: &'a str,
}

impl<'a> ClaimView<'a> {
    /// The JSON view of `c`.
    pub fn of(c: &'a Claim) -> Self {
        ClaimView {
            ticket: &c.ticket,
            holder: c.info.as_ref().map(|i| HolderView {
                clone: &i.clone,
                name: &i.name,
                email: &i.email,
                host: &i.host,
                agent: i.agent.as_deref(),
            }),
            claimed_at: c.info.as_ref().map(|i| i.time.to_rfc3339()),
            age_seconds: c.age,
            age: age(c.age),
            expired: c.expired,
            ours: c.ours,
            value: &c.value,
        }
    }
}

/// A claim this clone holds now, in JSON (`start`, `claim`).
#[derive(Serialize)]
pub struct ClaimJson<'a> {
    /// The claims remote.
    pub remote: &'a str,
    /// The ticket.
    pub ticket: &'a str,
    /// `new`, `renewed` or `took_over`.
    pub how: &'static str,
    /// The expired claim taken over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub took_over: Option<ClaimView<'a>>,
}

impl<'a> ClaimJson<'a> {
    /// The JSON view of `c`.
    pub fn of(c: &'a Claimed) -> Self {
        ClaimJson {
            remote: &c.remote,
            ticket: &c.ticket,
            how: match c.taken {
                Taken::New => "new",
                Taken::Renewed => "renewed",
                Taken::TookOver(_) => "took_over",
            },
            took_over: match &c.taken {
                Taken::TookOver(old) => Some(ClaimView::of(old)),
                _ => None,
            },
        }
    }
}

/// The result of `claims`, rendered.
struct Report(ClaimList);

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let l = &self.0;
        if l.claims.is_empty() {
            return writeln!(out.w, "No claims on {}", l.remote);
        }
        out.styled(
            Style::Bold,
            &format!("Claims on {} (lease {})", l.remote, age(l.ttl as i64)),
        )?;
        writeln!(out.w)?;
        let width = l.claims.iter().map(|c| c.ticket.len()).max().unwrap_or(6);
        writeln!(
            out.w,
            "{:width$}  {:8}  {:14}  HOLDER",
            "TICKET", "AGE", "STATE"
        )?;
        for c in &l.claims {
            let state = match (c.expired, c.ours) {
                (false, true) => "live (ours)",
                (false, false) => "live",
                (true, true) => "expired (ours)",
                (true, false) => "expired",
            };
            writeln!(
                out.w,
                "{:width$}  {:8}  {:14}  {}",
                c.ticket,
                age(c.age),
                state,
                c.holder()
            )?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            remote: &'a str,
            ttl_seconds: u64,
            claims: Vec<ClaimView<'a>>,
        }
        write_json(
            w,
            &Json {
                remote: &self.0.remote,
                ttl_seconds: self.0.ttl,
                claims: self.0.claims.iter().map(ClaimView::of).collect(),
            },
        )
    }
}
