//! The one check that a working tree has no uncommitted work, and the one way to say so when
//! it has: which tree, which paths, why that matters for this operation, and what to do.

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
    /// `start --force` recreating an existing worktree.
    Recreate,
    /// Removing a ticket worktree (cleanup).
    Remove,
}

/// The paths with uncommitted changes in the working tree of `repo` (staged, unstaged or
/// untracked, not ignored), `current-ticket.md` aside.
pub fn uncommitted(repo: &Repo) -> Result<Vec<String>, Error> {
    Ok(repo.dirty_paths(&[current::LINK])?)
}

/// The error for uncommitted `paths` in the working tree at `repo`, for `purpose`.
pub fn refuse(repo: &Repo, paths: &[String], purpose: Purpose) -> Error {
    let root = repo.root().display();
    let (why, suggestions): (&str, [String; 2]) = match purpose {
        Purpose::Start => (
            "starting a ticket in branch mode switches this working tree to its branch",
            [
                "Commit your changes: git commit -am 'Your message'".into(),
                "Stash your changes: git stash".into(),
            ],
        ),
        Purpose::Close => (
            "commit them before closing the ticket",
            [
                "Commit your changes: git commit -am 'Your message'".into(),
                "Force close without committing: git ticket close --force".into(),
            ],
        ),
        Purpose::Recreate => (
            "--force never discards work",
            [
                format!("Commit or stash them: cd {root} && git stash"),
                "Or keep working in that worktree as it is".into(),
            ],
        ),
        Purpose::Remove => (
            "removing the worktree would discard them",
            [
                "Commit or stash them in that worktree first".into(),
                "Remove it anyway, discarding them: --force".into(),
            ],
        ),
    };
    let suggestions: Vec<&str> = suggestions.iter().map(String::as_str).collect();
    Error::precondition(
        ErrorCode::GitDirtyWorkspace,
        "Uncommitted changes",
        format!(
            "{root} has uncommitted changes ({}); {why}",
            paths.join(", ")
        ),
        &suggestions,
    )
}

/// Fails with [`refuse`] when the working tree at `repo` has uncommitted changes.
pub fn require(repo: &Repo, purpose: Purpose) -> Result<(), Error> {
    let paths = uncommitted(repo)?;
    if paths.is_empty() {
        Ok(())
    } else {
        Err(refuse(repo, &paths, purpose))
    }
}

/// The uncommitted paths of the worktree at `path` of `project`'s repository.
pub fn uncommitted_at(project: &Project, path: &std::path::Path) -> Result<Vec<String>, Error> {
    uncommitted(&project.repo()?.open_worktree(path)?)
}
