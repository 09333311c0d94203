//! `git ticket restore`: recreates `current-ticket.md` in this working tree from the branch
//! name (which must be exactly a ticket ID), pointing at the ticket's real file.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::current;
use crate::error::Error;
use crate::ops::restore::{Restored, restore};
use crate::output::{Outcome, Ui, write_json};

/// Restore the current-ticket.md link of this worktree or branch.
///
/// The branch name must be a ticket ID; the link points at that ticket's file, wherever it
/// is (todo, doing or done).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Replace a regular file named current-ticket.md
    #[arg(short, long)]
    force: bool,
}

/// The `restore` command.
pub struct Restore;

impl Command for Restore {
    const NAME: &'static str = "restore";
    const SUMMARY: &'static str = "Restore the current-ticket.md link from the branch name";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        Ok(Box::new(Report(restore(ctx.project()?, args.force)?)))
    }
}

/// The result of `restore`, rendered.
struct Report(Restored);

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        writeln!(
            out.w,
            "✅ Restored {} → {} ({})",
            current::LINK,
            self.0.id,
            self.0.status
        )
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut v = json!({
            "message": "Current ticket symlink restored",
            "status": self.0.status,
            "success": true,
            "symlink_path": current::LINK,
            "symlink_restored": true,
            "target_path": self.0.target.display().to_string(),
            "ticket_id": self.0.id,
            "worktree_path": self.0.root.display().to_string(),
        });
        if let Some(p) = &self.0.parent {
            v["parent_ticket"] = json!(p);
        }
        write_json(w, &v)
    }
}
