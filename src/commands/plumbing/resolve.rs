//! `git ticket resolve <ticket>…`: the full ID (or file path) of each reference, one per
//! line, like `git rev-parse`. Output format (stable): `<ID>\n` per reference in argument
//! order, or `<absolute path>\n` with `--path`; exit 1 on the first reference that is not
//! found or ambiguous, with nothing printed for it.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::output::{Outcome, Ui, write_json};
use crate::ticket::store::Entry;

/// Print the full ID of each ticket reference.
///
/// A reference is a full ID, an ID prefix, a slug, a slug prefix or whole words of a slug.
/// Prints one line per reference, in order. Fails (exit 1) if any reference is unknown or
/// ambiguous.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// References to resolve
    #[arg(value_name = "TICKET", required = true)]
    tickets: Vec<String>,
    /// Print the ticket file's absolute path instead of its ID
    #[arg(long)]
    path: bool,
}

/// The `resolve` command.
pub struct Resolve;

impl Command for Resolve {
    const NAME: &'static str = "resolve";
    const SUMMARY: &'static str = "Print the full ID of ticket references";
    const GROUP: Group = Group::Plumbing;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let store = &ctx.project()?.store;
        let entries = args
            .tickets
            .iter()
            .map(|r| store.resolve(r).map(|e| (r.clone(), e)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Box::new(Resolved {
            entries,
            path: args.path,
        }))
    }
}

struct Resolved {
    entries: Vec<(String, Entry)>,
    path: bool,
}

impl Outcome for Resolved {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        for (_, e) in &self.entries {
            if self.path {
                writeln!(out.w, "{}", e.path.display())?;
            } else {
                writeln!(out.w, "{}", e.id)?;
            }
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let tickets: Vec<_> = self
            .entries
            .iter()
            .map(|(r, e)| {
                json!({
                    "folder": e.folder,
                    "id": e.id,
                    "path": e.path.display().to_string(),
                    "reference": r,
                })
            })
            .collect();
        write_json(w, &json!({ "tickets": tickets }))
    }
}
