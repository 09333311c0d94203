//! `git ticket start <ticket>`: takes a ticket — branch, worktree, `current-ticket.md`, the
//! trusted init commands ([`crate::ops::start`] does the work).

use std::io::{self, Write};

use serde::Serialize;

use super::claims::ClaimJson;
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::claim::{ClaimChoice, Taken, age};
use crate::ops::init_commands::InitCommand;
use crate::ops::start::{StartInput, Started, start};
use crate::output::{Outcome, Style, Ui, write_json};
use crate::ticket::Status;

/// Start work on a ticket: branch, worktree, current-ticket.md.
///
/// Must be run on git.default_branch or on a ticket branch (the new branch then starts from
/// it). A doing ticket without a worktree gets one. A ticket whose worktree exists is already
/// started: the error (TICKET_ALREADY_STARTED) names who started it and when. With --force a
/// healthy worktree (present, on its branch) is left as it is ("nothing to repair"), one whose
/// folder is gone is recreated; a worktree is never removed, and existing branches are never
/// deleted. A ticket waiting on blockers that are not done is started too, with a warning
/// naming them (JSON: `warnings`); `git ticket next` never picks such a ticket.
///
/// With claims on (claims.remote in .ticketflow.yaml, or --claim-remote) the ticket is first
/// claimed on that remote, before anything changes here: a ticket another clone holds is
/// TICKET_CLAIMED (holder and age in the message), an unreachable remote is
/// CLAIM_UNREACHABLE; --no-claim starts without claiming (working offline on purpose).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket: ID, ID prefix, slug, or slug words
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// Repair the ticket's worktree: recreate it if its folder is gone (a healthy one is left as it is)
    #[arg(short, long)]
    force: bool,
    /// Claim the ticket on this remote first (default: claims.remote of .ticketflow.yaml)
    #[arg(long, value_name = "REMOTE", conflicts_with = "no_claim")]
    claim_remote: Option<String>,
    /// Start without claiming the ticket on the claims remote (working offline on purpose)
    #[arg(long)]
    no_claim: bool,
    /// Start the new branch from this branch, tag or commit instead of the current branch
    #[arg(long, value_name = "REF")]
    from: Option<String>,
}

/// The `start` command.
pub struct Start;

impl Command for Start {
    const NAME: &'static str = "start";
    const SUMMARY: &'static str = "Start work on a ticket (branch and worktree)";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let input = StartInput {
            ticket: &args.ticket,
            force: args.force,
            claim: match (&args.claim_remote, args.no_claim) {
                (_, true) => ClaimChoice::Skip,
                (Some(r), false) => ClaimChoice::Remote(r),
                (None, false) => ClaimChoice::Config,
            },
            from: args.from.as_deref(),
        };
        let started = start(env, project, &input, ui)?;
        Ok(report(started, ui))
    }
}

/// The result of a start (`start`, `next --start`), its warnings said on stderr too.
pub fn report(started: Started, ui: &mut Ui<'_>) -> Box<dyn Outcome> {
    let report = Report::new(started);
    for w in &report.1 {
        ui.warn(w.clone());
    }
    Box::new(report)
}

/// The result of `start`, rendered, with its warnings: the blockers it still waited on, and
/// init commands that were not run, ignored files not copied into the worktree.
struct Report(Started, Vec<String>);

impl Report {
    fn new(started: Started) -> Self {
        let mut warnings = Vec::new();
        if !started.blockers.is_empty() {
            let names: Vec<String> = started.blockers.iter().map(|b| b.describe()).collect();
            warnings.push(format!(
                "ticket {} waits on {}, not done yet; it was started anyway ('git ticket dep tree {}' shows what it waits on)",
                started.id,
                names.join(", "),
                started.id
            ));
        }
        warnings.extend(started.warning.clone());
        for (path, why) in &started.provisioned.skipped {
            warnings.push(format!(
                "not copied into the worktree: {} ({why})",
                path.display()
            ));
        }
        Report(started, warnings)
    }
}

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let id = &self.0.id;
        writeln!(out.w)?;
        if self.0.done.nothing_to_repair {
            out.styled(
                Style::Bold,
                &format!("✅ Nothing to repair: ticket {id} is already started"),
            )?;
            writeln!(out.w)?;
            writeln!(
                out.w,
                "   Worktree: {} (present, on branch {id}; nothing was changed)",
                self.0.done.worktree_path.display()
            )?;
            return Ok(());
        }
        out.styled(Style::Bold, &format!("✅ Started work on ticket: {id}"))?;
        writeln!(out.w)?;
        writeln!(
            out.w,
            "   Description: {}",
            crate::output::escape_control(&self.0.description)
        )?;
        if let Some(c) = &self.0.claim {
            match &c.taken {
                Taken::New => writeln!(out.w, "🔒 Claimed on {}", c.remote)?,
                Taken::Renewed => {
                    writeln!(out.w, "🔒 Claimed on {} (ours already; renewed)", c.remote)?
                }
                Taken::TookOver(old) => writeln!(
                    out.w,
                    "🔒 Claimed on {}: took over the expired claim of {} ({} old)",
                    c.remote,
                    old.holder(),
                    age(old.age)
                )?,
            }
        }
        writeln!(out.w)?;
        if self.0.done.branch_mode {
            writeln!(out.w, "🌿 Switched to branch: {id}")?;
        } else {
            let verb = if self.0.done.recreated {
                "recreated"
            } else {
                "created"
            };
            writeln!(
                out.w,
                "📁 Worktree {verb}: {}",
                self.0.done.worktree_path.display()
            )?;
        }
        if let Some(p) = &self.0.done.parent_branch {
            if crate::ticket::id::slug_of(p).is_some() {
                writeln!(out.w, "   Parent ticket: {p}")?;
            }
            writeln!(out.w, "   Branch from: {p}")?;
        }
        match self.0.original_status {
            // A worktree made again for a ticket already in progress: its status stays.
            Status::Doing => writeln!(out.w, "   Status: doing (unchanged)")?,
            s => writeln!(out.w, "   Status: {s} → doing")?,
        }
        let p = &self.0.provisioned;
        for (what, paths) in [("Copied", &p.copied), ("Linked", &p.linked)] {
            if !paths.is_empty() {
                let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                writeln!(out.w, "   {what}: {}", list.join(", "))?;
            }
        }
        if self.0.done.committed {
            writeln!(out.w, "   Committed: \"Start ticket: {id}\"")?;
        }
        for c in self.0.init_commands.iter().filter(|c| !c.success) {
            let why = if c.timed_out {
                "timed out".to_owned()
            } else {
                format!("exit {}", c.exit_code.map_or("?".into(), |c| c.to_string()))
            };
            writeln!(out.w, "   ⚠️  Init command failed ({why}): {}", c.command)?;
            for line in c.output.lines().take(20) {
                writeln!(out.w, "      {line}")?;
            }
        }
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        let mut n = 1;
        if !self.0.done.branch_mode {
            writeln!(out.w, "{n}. Navigate to worktree:")?;
            writeln!(out.w, "   cd {}", self.0.done.worktree_path.display())?;
            writeln!(out.w, "   ")?;
            n += 1;
        }
        writeln!(out.w, "{n}. Make your changes and commit regularly")?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "{}. Push branch to create PR:", n + 1)?;
        writeln!(out.w, "   git push -u origin {id}")?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "{}. When done, close the ticket:", n + 2)?;
        writeln!(out.w, "   git ticket close")
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            branch: &'a str,
            copied: Vec<String>,
            init_commands: &'a [InitCommand],
            init_commands_executed: bool,
            init_commands_trusted: bool,
            is_recreating_worktree: bool,
            linked: Vec<String>,
            nothing_to_repair: bool,
            original_status: Status,
            parent_branch: &'a str,
            status: Status,
            ticket_id: &'a str,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            warnings: &'a [String],
            worktree_path: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            claim: Option<ClaimJson<'a>>,
        }
        write_json(
            w,
            &Json {
                branch: &self.0.id,
                copied: paths(&self.0.provisioned.copied),
                init_commands: &self.0.init_commands,
                init_commands_executed: self.0.init_executed,
                init_commands_trusted: self.0.init_trusted,
                is_recreating_worktree: self.0.done.recreated,
                linked: paths(&self.0.provisioned.linked),
                nothing_to_repair: self.0.done.nothing_to_repair,
                original_status: self.0.original_status,
                parent_branch: self.0.done.parent_branch.as_deref().unwrap_or(""),
                status: Status::Doing,
                ticket_id: &self.0.id,
                warnings: &self.1,
                worktree_path: if self.0.done.branch_mode {
                    String::new()
                } else {
                    self.0.done.worktree_path.display().to_string()
                },
                claim: self.0.claim.as_ref().map(ClaimJson::of),
            },
        )
    }
}

fn paths(list: &[std::path::PathBuf]) -> Vec<String> {
    list.iter().map(|p| p.display().to_string()).collect()
}
