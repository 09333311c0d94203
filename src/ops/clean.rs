//! The one check that a working tree has no uncommitted work, and the one way to say so when
//! it has: which tree, which paths, why that matters for this operation, and what to do.

use std::path::Path;

use super::Project;
use crate::current;
use crate::error::{Error, ErrorCode};
use crate::git::Repo;

/// What needs the working tree clean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Branch-mode start: the tree switches to the ticket branch.
    Start,
    /// Closing the current ticket: the close commit is made here.
    Close,
    /// Removing a ticket worktree (cleanup).
    Remove,
}

/// The paths with uncommitted changes in the working tree of `repo` (staged, unstaged or
/// untracked, not ignored), `current-ticket.md` aside.
pub fn uncommitted(repo: &Repo) -> Result<Vec<String>, Error> {
    Ok(repo.dirty_paths(&[current::LINK])?)
}

/// The error for uncommitted `paths` in the working tree at `root`, for `purpose`.
pub fn refuse(root: &Path, paths: &[String], purpose: Purpose) -> Error {
    let root = root.display();
    let list = paths.join(", ");
    let (title, details, suggestions): (&str, String, [String; 2]) = match purpose {
        Purpose::Start => (
            "Uncommitted changes detected",
            format!("Please commit or stash your changes before starting a ticket ({list})"),
            [
                "Commit your changes: git commit -am 'Your message'".into(),
                "Stash your changes: git stash".into(),
            ],
        ),
        Purpose::Close => (
            "Uncommitted changes detected",
            format!("Please commit your changes before closing the ticket ({list})"),
            [
                "Commit your changes: git commit -am 'Your message'".into(),
                "Force close without committing: git ticket close --force".into(),
            ],
        ),
        Purpose::Remove => (
            "Uncommitted changes in worktree",
            format!("{root} has uncommitted changes: {list}"),
            [
                "Commit or stash them in that worktree first".into(),
                "Remove it anyway, discarding them: --force".into(),
            ],
        ),
    };
    let suggestions: Vec<&str> = suggestions.iter().map(String::as_str).collect();
    Error::precondition(ErrorCode::GitDirtyWorkspace, title, details, &suggestions)
}

/// Fails with [`refuse`] when the working tree at `repo` has uncommitted changes.
pub fn require(repo: &Repo, purpose: Purpose) -> Result<(), Error> {
    let paths = uncommitted(repo)?;
    if paths.is_empty() {
        Ok(())
    } else {
        Err(refuse(repo.root(), &paths, purpose))
    }
}

/// The uncommitted paths of the worktree at `path` of `project`'s repository.
pub fn uncommitted_at(project: &Project, path: &Path) -> Result<Vec<String>, Error> {
    uncommitted(&project.repo()?.open_worktree(path)?)
}
