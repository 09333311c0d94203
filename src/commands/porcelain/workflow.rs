//! `git ticket workflow`: prints the working guide for people and AI agents (our own text),
//! e.g. `git ticket workflow > AGENTS.md`.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::output::{Outcome, Ui, write_json};

/// The guide, in Markdown.
pub const GUIDE: &str = include_str!("workflow.md");

/// Print the git-ticket workflow guide (Markdown) for people and AI agents.
///
/// Redirect it into the file your agent reads, e.g. `git ticket workflow > AGENTS.md`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The `workflow` command.
pub struct Workflow;

impl Command for Workflow {
    const NAME: &'static str = "workflow";
    const SUMMARY: &'static str = "Print the workflow guide for people and AI agents";
    const GROUP: Group = Group::Porcelain;
    const PAGED: bool = true;
    const READS_CONFIG: bool = false;
    type Args = Args;

    fn run(_ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, _args: Args) -> Result<Box<dyn Outcome>, Error> {
        Ok(Box::new(Guide))
    }
}

struct Guide;

impl Outcome for Guide {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        out.w.write_all(GUIDE.as_bytes())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &json!({ "guide": GUIDE }))
    }
}
