//! `git ticket current`: the ID of the ticket worked on here — from `current-ticket.md` when
//! its branch is checked out, else from the branch name when it is exactly a ticket ID. For
//! prompts and hooks.
//!
//! Output format (stable): `<ID>\n`; when there is no current ticket, an error and exit 1 —
//! with `-q`, nothing at all and exit 1 (for shell prompts, like `git symbolic-ref -q`).

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::config::ConfigError;
use crate::error::{Error, ErrorCode};
use crate::output::{Outcome, Ui, write_json};

/// Print the ID of the current ticket (exit 1 if there is none).
///
/// For a shell prompt: `git ticket current -q` prints nothing and only exits 1 when there is
/// no current ticket (also outside a repository or a ticket system).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Without a current ticket, print nothing (no error message); the exit status (1) says it
    #[arg(short, long)]
    quiet: bool,
}

/// The `current` command.
pub struct Current;

impl Command for Current {
    const NAME: &'static str = "current";
    const SUMMARY: &'static str = "Print the ID of the current ticket";
    const GROUP: Group = Group::Plumbing;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let project = match ctx.project() {
            // A prompt runs everywhere: outside a ticket system there is no current ticket.
            Err(Error::NotGitRepo { .. } | Error::Config(ConfigError::NotFound { .. }))
                if args.quiet =>
            {
                return Ok(Box::new(NoCurrent));
            }
            project => project?,
        };
        let branch = project.repo()?.current_branch().unwrap_or_default();
        // A link whose branch is not checked out is stale (see `ops::current`).
        let current = crate::ops::current::current_ticket(project, &branch);
        match current.id {
            Some(id) => Ok(Box::new(CurrentId(id))),
            None if args.quiet => Ok(Box::new(NoCurrent)),
            None => Err(Error::precondition(
                ErrorCode::TicketNotStarted,
                "No current ticket",
                match &current.stale_link {
                    Some(stale) => format!(
                        "current-ticket.md names {}, but its branch is not checked out here \
                         (branch '{}'), and that branch is not a ticket",
                        crate::output::escape_control(stale),
                        crate::output::escape_control(&branch)
                    ),
                    None => "no current-ticket.md here and the branch is not a ticket".into(),
                },
                &["Start a ticket: git ticket start <ticket>"],
            )),
        }
    }
}

struct CurrentId(String);

/// No current ticket, said only by the exit status (`-q`).
struct NoCurrent;

impl Outcome for NoCurrent {
    fn text(&self, _out: &mut Ui<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn exit_code(&self) -> u8 {
        1
    }
}

impl Outcome for CurrentId {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        writeln!(out.w, "{}", self.0)
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &json!({ "ticket_id": self.0 }))
    }
}
