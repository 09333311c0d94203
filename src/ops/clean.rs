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
            // `-A`/`-u`: untracked files are changes too (`commit -am` and `stash` leave them).
            [
                "Commit your changes: git add -A && git commit -m 'Your message'".into(),
                "Stash your changes: git stash -u".into(),
            ],
        ),
        Purpose::Close => (
            "Uncommitted changes detected",
            format!("Please commit your changes before closing the ticket ({list})"),
            [
                "Commit your changes: git add -A && git commit -m 'Your message'".into(),
                "Force close without committing: git ticket close --force".into(),
            ],
        ),
        Purpose::Remove => (
            "Uncommitted changes in worktree",
            format!("{root} has uncommitted changes or ignored files that are not build output: {list}"),
            [
                "Commit or stash them in that worktree first (move ignored files you need; list rebuildable ones in worktree.discardable)".into(),
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

/// [`require`], with the ticket file `own` (relative) set aside: a ticket just created and not
/// committed yet is part of its own start, not someone's unsaved work. A folder reported as
/// wholly untracked is set aside when it holds nothing but that file.
pub fn require_but(repo: &Repo, purpose: Purpose, own: &Path) -> Result<(), Error> {
    let own_dir_only = |dir: &str| {
        std::fs::read_dir(repo.root().join(dir)).is_ok_and(|entries| {
            entries.flatten().all(|e| {
                let rel = Path::new(dir).join(e.file_name());
                rel == own || e.file_name() == crate::ticket::store::PLACEHOLDER
            })
        })
    };
    let paths: Vec<String> = uncommitted(repo)?
        .into_iter()
        .filter(|p| Path::new(p) != own)
        .filter(|p| !(p.ends_with('/') && own.starts_with(p.as_str()) && own_dir_only(p)))
        .collect();
    if paths.is_empty() {
        Ok(())
    } else {
        Err(refuse(repo.root(), &paths, purpose))
    }
}

/// What removing the worktree at `path` would lose: its uncommitted paths, and its ignored
/// files that are not rebuildable output (`worktree.discardable`), `current-ticket.md` aside.
pub fn unsaved_at(project: &Project, path: &Path) -> Result<Vec<String>, Error> {
    let repo = project.repo()?.open_worktree(path)?;
    let mut lost = uncommitted(&repo)?;
    let keep = &project.config.worktree.discardable;
    lost.extend(
        repo.ignored_paths()?
            .into_iter()
            .filter(|p| p != current::LINK && !keep.iter().any(|k| discardable(k, p))),
    );
    Ok(lost)
}

/// Whether ignored path `path` (a folder ends with `/`) matches pattern `pattern`: a folder
/// (`target/`) anywhere, a path (`web/dist/`) from the root, or `*.ext` on the file name.
fn discardable(pattern: &str, path: &str) -> bool {
    if let Some(ext) = pattern.strip_prefix('*') {
        return path.trim_end_matches('/').ends_with(ext);
    }
    let name_matches = |p: &str| p == pattern || p.starts_with(pattern) && pattern.ends_with('/');
    if pattern.trim_end_matches('/').contains('/') {
        return name_matches(path);
    }
    // A bare name matches at any depth.
    let mut rest = path;
    loop {
        if name_matches(rest) {
            return true;
        }
        match rest.split_once('/') {
            Some((_, tail)) if !tail.is_empty() => rest = tail,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::discardable;

    #[test]
    fn discardable_patterns() {
        assert!(discardable("target/", "target/"));
        assert!(discardable("target/", "crates/x/target/"));
        assert!(discardable("node_modules/", "web/node_modules/"));
        assert!(discardable("*.pyc", "a/b.pyc"));
        assert!(discardable("web/dist/", "web/dist/"));
        assert!(!discardable("web/dist/", "other/web/dist/"));
        assert!(!discardable("target/", ".env"));
        assert!(!discardable("target/", "targets/"));
        assert!(!discardable("build/", "src/build.rs"));
    }
}
