//! `git ticket restore`: recreates `current-ticket.md` in this working tree from the branch
//! name (which must be exactly a ticket ID), pointing at the ticket's real file.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::json;

use crate::context::Ctx;
use crate::current;
use crate::error::Error;
use crate::git;
use crate::output::{FormatArg, Out, Outcome, write_json};
use crate::registry::{Command, Group, Profile};
use crate::ticket::Status;
use crate::ticket::store::load;

/// Restore the current-ticket.md link of this worktree or branch.
///
/// The branch name must be a ticket ID; the link points at that ticket's file, wherever it
/// is (todo, doing or done).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    format: FormatArg,
}

/// The `restore` command.
pub struct Restore;

impl Command for Restore {
    const NAME: &'static str = "restore";
    const SUMMARY: &'static str = "Restore the current-ticket.md link from the branch name";
    const GROUP: Group = Group::Porcelain;
    const PROFILE: Profile = Profile::SINGLE;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _args: Args) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let branch = git::current_branch(project.repo()?).unwrap_or_default();
        let entry = project.store.find_exact(&branch).ok_or_else(|| {
            Error::precondition(
                "TICKET_NOT_FOUND",
                "No ticket for this branch",
                format!("no ticket found for branch {branch}"),
                &[
                    "Run it in a ticket's worktree or on a ticket branch",
                    "Start a ticket: git ticket start <ticket>",
                ],
            )
        })?;
        let ticket = load(&entry, false)?;
        let target = current::write(&project.root, &entry.path).map_err(|source| Error::Io {
            path: project.root.join(current::LINK),
            source,
        })?;
        Ok(Box::new(Restored {
            id: entry.id,
            status: ticket.status(),
            parent: ticket.meta.parent().map(str::to_owned),
            target,
            root: project.root.clone(),
        }))
    }
}

struct Restored {
    id: String,
    status: Status,
    parent: Option<String>,
    target: PathBuf,
    root: PathBuf,
}

impl Outcome for Restored {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        writeln!(out.w, "Restored current ticket link: {}", self.id)?;
        writeln!(out.w, "✅ Current ticket symlink restored")
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut v = json!({
            "message": "Current ticket symlink restored",
            "status": self.status,
            "success": true,
            "symlink_path": current::LINK,
            "symlink_restored": true,
            "target_path": self.target.display().to_string(),
            "ticket_id": self.id,
            "worktree_path": self.root.display().to_string(),
        });
        if let Some(p) = &self.parent {
            v["parent_ticket"] = json!(p);
        }
        write_json(w, &v)
    }
}
