//! `git ticket current`: the ID of the ticket worked on here — from `current-ticket.md`, else
//! from the branch name when it is exactly a ticket ID. For prompts and hooks.
//!
//! Output format (stable): `<ID>\n`; nothing and exit 1 when there is no current ticket.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::{Error, ErrorCode};
use crate::output::{Outcome, Ui, write_json};

/// Print the ID of the current ticket (exit 1 if there is none).
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The `current` command.
pub struct Current;

impl Command for Current {
    const NAME: &'static str = "current";
    const SUMMARY: &'static str = "Print the ID of the current ticket";
    const GROUP: Group = Group::Plumbing;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, _args: Args) -> Result<Box<dyn Outcome>, Error> {
        let id = crate::ops::prime::current_id(ctx.project()?)?;
        match id {
            Some(id) => Ok(Box::new(CurrentId(id))),
            None => Err(Error::precondition(
                ErrorCode::TicketNotStarted,
                "No current ticket",
                "no current-ticket.md here and the branch is not a ticket".into(),
                &["Start a ticket: git ticket start <ticket>"],
            )),
        }
    }
}

struct CurrentId(String);

impl Outcome for CurrentId {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        writeln!(out.w, "{}", self.0)
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &json!({ "ticket_id": self.0 }))
    }
}
