//! Recreating `current-ticket.md` in a working tree from its branch name (which must be
//! exactly a ticket ID), pointing at the ticket's real file.

use std::path::PathBuf;

use super::Project;
use crate::current;
use crate::error::{Error, ErrorCode};
use crate::ticket::Status;
use crate::ticket::store::load;

/// What was restored.
#[derive(Debug)]
pub struct Restored {
    /// The ticket.
    pub id: String,
    /// Its status.
    pub status: Status,
    /// Its parent.
    pub parent: Option<String>,
    /// The link's target as written.
    pub target: PathBuf,
    /// The working tree.
    pub root: PathBuf,
}

/// Restores the link of the working tree of `project`; a regular file in its place (not a
/// link git-ticket wrote: perhaps the user's own notes) is replaced only with `force`.
pub fn restore(project: &Project, force: bool) -> Result<Restored, Error> {
    let link = project.root.join(current::LINK);
    if !force && std::fs::symlink_metadata(&link).is_ok_and(|m| !m.file_type().is_symlink()) {
        return Err(Error::precondition(
            ErrorCode::ValidationError,
            "current-ticket.md is a file",
            format!(
                "{} is a regular file, not the link git-ticket writes; it may be yours",
                link.display()
            ),
            &[
                "Move it away, then run git ticket restore again",
                "Or replace it: git ticket restore --force",
            ],
        ));
    }
    let branch = project.repo()?.current_branch().unwrap_or_default();
    let entry = project.store.find_exact(&branch).ok_or_else(|| {
        Error::precondition(
            ErrorCode::TicketNotFound,
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
    Ok(Restored {
        id: entry.id,
        status: ticket.status(),
        parent: ticket.meta.parent().map(str::to_owned),
        target,
        root: project.root.clone(),
    })
}
