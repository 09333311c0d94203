//! Repository access. Reads go through libgit2, opened once per process; the repository is
//! found the way git finds it (`GIT_DIR`, `GIT_WORK_TREE`, `git -C`, linked worktrees).

use std::path::PathBuf;

use crate::error::Error;

/// Opens the repository around the working directory (honouring `GIT_DIR`, `GIT_WORK_TREE`
/// and `GIT_CEILING_DIRECTORIES` as git does) and returns it with the root of the current
/// working tree.
pub fn open() -> Result<(git2::Repository, PathBuf), Error> {
    let repo = git2::Repository::open_from_env().map_err(|e| Error::NotGitRepo {
        reason: e.message().to_owned(),
    })?;
    let root = repo.workdir().ok_or(Error::BareRepo)?;
    let root: PathBuf = root.components().collect();
    Ok((repo, root))
}

/// The branch checked out in this working tree (also on an unborn branch); `None` when HEAD is
/// detached.
pub fn current_branch(repo: &git2::Repository) -> Option<String> {
    let head = repo.find_reference("HEAD").ok()?;
    let target = head.symbolic_target().ok()??;
    target.strip_prefix("refs/heads/").map(str::to_owned)
}
