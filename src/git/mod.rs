//! Repository access. Reads (HEAD, branches, worktrees, dirty state, merged-ness) go through
//! libgit2, opened once per process and spawning no `git`; writes that land in the user's
//! history or working tree go through the git CLI ([`cli`]) so hooks, signing and filters
//! apply. The repository is found the way git finds it (`GIT_DIR`, `GIT_WORK_TREE`,
//! `git -C`, linked worktrees).

pub mod cli;
pub mod discover;

use std::path::{Path, PathBuf};

use git2::{Oid, Repository, StatusOptions};

use crate::error::Error;

/// Opens the repository around the working directory (honouring `GIT_DIR`, `GIT_WORK_TREE`
/// and `GIT_CEILING_DIRECTORIES` as git does) and returns it with the root of the current
/// working tree.
pub fn open() -> Result<(Repository, PathBuf), Error> {
    let repo = Repository::open_from_env().map_err(|e| Error::NotGitRepo {
        reason: e.message().to_owned(),
    })?;
    let root = repo.workdir().ok_or(Error::BareRepo)?;
    let root: PathBuf = root.components().collect();
    Ok((repo, root))
}

/// The branch checked out in this working tree (also on an unborn branch); `None` when HEAD is
/// detached.
pub fn current_branch(repo: &Repository) -> Option<String> {
    let head = repo.find_reference("HEAD").ok()?;
    let target = head.symbolic_target().ok()??;
    target.strip_prefix("refs/heads/").map(str::to_owned)
}

/// Whether HEAD points to a commit (false in a repository without commits).
pub fn has_commits(repo: &Repository) -> bool {
    repo.head().ok().and_then(|h| h.target()).is_some()
}

/// The commit a local branch points to.
pub fn branch_tip(repo: &Repository, branch: &str) -> Option<Oid> {
    repo.find_reference(&format!("refs/heads/{branch}"))
        .ok()?
        .resolve()
        .ok()?
        .target()
}

/// The root of the main working tree (where relative `worktree.base_dir` is resolved).
pub fn main_root(repo: &Repository) -> PathBuf {
    let common = repo.commondir();
    let common: PathBuf = common.components().collect();
    match common.parent() {
        Some(p) if common.file_name().is_some_and(|n| n == ".git") => p.to_owned(),
        _ => common,
    }
}

/// One working tree of the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorktreeInfo {
    /// Absolute path of the working tree.
    pub path: PathBuf,
    /// Checked-out branch (`None` when detached).
    pub branch: Option<String>,
    /// HEAD commit, when there is one.
    pub head: Option<Oid>,
    /// Whether this is the main working tree.
    pub main: bool,
    /// Whether the folder is gone (git would prune it).
    pub missing: bool,
}

/// Every working tree: the main one first, then the linked ones in name order. Reads the
/// administrative files directly: no repository is opened per worktree.
pub fn worktrees(repo: &Repository) -> Vec<WorktreeInfo> {
    let common = repo.commondir();
    let mut out = Vec::new();
    if !repo.is_bare() || repo.is_worktree() {
        let path = main_root(repo);
        let (branch, head) = read_head(common, repo);
        out.push(WorktreeInfo {
            missing: !path.exists(),
            path,
            branch,
            head,
            main: true,
        });
    }
    let mut names: Vec<String> = repo
        .worktrees()
        .map(|a| a.iter().flatten().flatten().map(str::to_owned).collect())
        .unwrap_or_default();
    names.sort();
    for name in names {
        let admin = common.join("worktrees").join(&name);
        let Ok(gitdir) = std::fs::read_to_string(admin.join("gitdir")) else {
            continue;
        };
        let path = Path::new(gitdir.trim())
            .parent()
            .map(|p| p.components().collect::<PathBuf>())
            .unwrap_or_default();
        let (branch, head) = read_head(&admin, repo);
        out.push(WorktreeInfo {
            missing: !path.exists(),
            path,
            branch,
            head,
            main: false,
        });
    }
    out
}

/// Reads `<admin>/HEAD`: a symbolic ref (branch) or a detached commit id.
fn read_head(admin: &Path, repo: &Repository) -> (Option<String>, Option<Oid>) {
    let Ok(text) = std::fs::read_to_string(admin.join("HEAD")) else {
        return (None, None);
    };
    let text = text.trim();
    if let Some(r) = text.strip_prefix("ref: ") {
        let branch = r.strip_prefix("refs/heads/").map(str::to_owned);
        (branch, repo.refname_to_id(r).ok())
    } else {
        (None, Oid::from_str(text).ok())
    }
}

/// The working tree that has `branch` checked out.
pub fn worktree_of_branch<'a>(all: &'a [WorktreeInfo], branch: &str) -> Option<&'a WorktreeInfo> {
    all.iter().find(|w| w.branch.as_deref() == Some(branch))
}

/// Paths with uncommitted changes (staged, unstaged or untracked, not ignored) in the working
/// tree of `repo`, except those in `except` (relative paths).
pub fn dirty_paths(repo: &Repository, except: &[&str]) -> Result<Vec<String>, Error> {
    let mut opts = StatusOptions::new();
    opts.include_untracked(true)
        .recurse_untracked_dirs(false)
        .include_ignored(false)
        .exclude_submodules(false);
    let statuses = repo.statuses(Some(&mut opts))?;
    Ok(statuses
        .iter()
        .filter_map(|s| s.path().ok().map(str::to_owned))
        .filter(|p| !except.contains(&p.as_str()))
        .collect())
}

/// Whether every commit of `branch` is in `into` (its tip is reachable from `into`).
pub fn contained_in(repo: &Repository, branch: &str, into: &str) -> bool {
    let (Some(tip), Some(base)) = (branch_tip(repo, branch), branch_tip(repo, into)) else {
        return false;
    };
    tip == base || repo.graph_descendant_of(base, tip).unwrap_or(false)
}

/// Whether `branch` has been merged into `into`: contained in it, and with work of its own
/// (a branch still at its "Start ticket" commit has nothing to merge and does not count —
/// TicketFlow's W24).
pub fn is_merged(repo: &Repository, branch: &str, into: &str) -> bool {
    let Some(tip) = branch_tip(repo, branch) else {
        return false;
    };
    let reachable = contained_in(repo, branch, into);
    let only_start = repo
        .find_commit(tip)
        .ok()
        .and_then(|c| {
            let summary = c.summary().ok()??;
            Some(summary == format!("Start ticket: {branch}"))
        })
        .unwrap_or(false);
    reachable && !only_start
}
