//! Writes through the git CLI (located with `which`): commits, branch switches, worktree
//! add/remove, branch deletion. libgit2 would skip the user's hooks, `commit.gpgsign` and LFS
//! filters; git itself honours them. Every call names its repository explicitly
//! (`--git-dir`/`--work-tree` or `-C <worktree>`) with git's repository variables cleared, so
//! running from inside a hook or another worktree cannot redirect it.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::process;

/// A failed git command.
#[derive(Debug, Clone, thiserror::Error)]
#[error("git {command}: {reason}")]
pub struct GitError {
    /// The git subcommand and arguments.
    pub command: String,
    /// git's own message (stderr), or why it could not run.
    pub reason: String,
}

/// The git executable and how to run it.
#[derive(Clone, Debug)]
pub struct Git {
    exe: PathBuf,
    timeout: Duration,
}

/// Where a git command runs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Target<'a> {
    /// The git directory of the working tree (`.git` or `.git/worktrees/<name>`).
    pub(super) git_dir: &'a Path,
    /// The working tree.
    pub(super) work_tree: &'a Path,
}

impl Git {
    /// Finds `git` on PATH.
    pub(super) fn locate(timeout: Duration) -> Result<Git, GitError> {
        let exe = which::which("git").map_err(|e| GitError {
            command: String::new(),
            reason: format!("cannot find the git executable on PATH ({e})"),
        })?;
        Ok(Git { exe, timeout })
    }

    /// `git` with the repository variables a hook may have exported cleared: every call
    /// names its repository (or needs none).
    fn command(&self) -> Command {
        let mut cmd = Command::new(&self.exe);
        for var in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX"] {
            cmd.env_remove(var);
        }
        cmd
    }

    /// Runs `git <args>` in `target`, returning stdout.
    pub(super) fn run<S: AsRef<OsStr>>(
        &self,
        target: Target<'_>,
        args: &[S],
    ) -> Result<String, GitError> {
        let mut cmd = self.command();
        cmd.arg("--git-dir")
            .arg(target.git_dir)
            .arg("--work-tree")
            .arg(target.work_tree)
            .args(args)
            .current_dir(target.work_tree);
        let command = args
            .iter()
            .map(|a| a.as_ref().to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ");
        let fail = |reason: String| GitError {
            command: command.clone(),
            reason,
        };
        let started = std::time::SystemTime::now();
        let done = process::run(&mut cmd, self.timeout, process::Output::Capture)
            .map_err(|e| fail(format!("cannot run git: {e}")))?;
        if done.status.is_none() {
            let mut reason = format!("timed out after {}s (timeouts.git)", self.timeout.as_secs());
            // The killed git cannot release the index lock it took: one made after it
            // started is its own (a lock held by another git would have made it fail at once,
            // not time out). File times come from a coarse clock: a second of slack.
            let lock = target.git_dir.join("index.lock");
            let slack = std::time::Duration::from_secs(1);
            let ours = std::fs::metadata(&lock)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t + slack >= started);
            if ours {
                reason.push_str(&match std::fs::remove_file(&lock) {
                    Ok(()) => format!("; removed the {} it left", lock.display()),
                    Err(e) => format!(
                        "; it left {} ({e}): remove it once no git command runs",
                        lock.display()
                    ),
                });
            }
            return Err(fail(reason));
        }
        if !done.success() {
            let mut msg = String::from_utf8_lossy(&done.stderr).trim().to_owned();
            if msg.is_empty() {
                msg = String::from_utf8_lossy(&done.stdout).trim().to_owned();
            }
            return Err(fail(msg));
        }
        Ok(String::from_utf8_lossy(&done.stdout).into_owned())
    }
}

/// How a git command that talks to a remote ended.
#[derive(Debug)]
pub(super) struct Ended {
    /// Its exit code; `None` when it was killed at the deadline (`timeouts.git`).
    pub(super) code: Option<i32>,
    /// Its standard output.
    pub(super) stdout: String,
    /// Its standard error.
    pub(super) stderr: String,
}

impl Git {
    /// Runs `git <args>` in `target` and returns how it ended, whatever its exit code (a
    /// push tells a refused update from an unreachable remote by code and output).
    pub(super) fn run_ended<S: AsRef<OsStr>>(
        &self,
        target: Target<'_>,
        args: &[S],
    ) -> Result<Ended, GitError> {
        let mut cmd = self.command();
        cmd.arg("--git-dir")
            .arg(target.git_dir)
            .args(args)
            .current_dir(target.work_tree);
        let done = process::run(&mut cmd, self.timeout, process::Output::Capture).map_err(|e| {
            GitError {
                command: String::new(),
                reason: format!("cannot run git: {e}"),
            }
        })?;
        Ok(Ended {
            code: done.status.map(|s| s.code().unwrap_or(-1)),
            stdout: String::from_utf8_lossy(&done.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&done.stderr).into_owned(),
        })
    }

    /// The deadline of one command.
    pub(super) fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Runs a git command that needs no repository (e.g. `merge-file`) in `cwd`; returns its
    /// exit code (-1 when killed) and stdout, whatever the code.
    pub(super) fn run_plain<S: AsRef<OsStr>>(
        &self,
        cwd: &Path,
        args: &[S],
    ) -> Result<(i32, String), GitError> {
        let mut cmd = self.command();
        cmd.args(args).current_dir(cwd);
        let done = process::run(&mut cmd, self.timeout, process::Output::Capture).map_err(|e| {
            GitError {
                command: String::new(),
                reason: format!("cannot run git: {e}"),
            }
        })?;
        let code = done.status.and_then(|s| s.code()).unwrap_or(-1);
        Ok((code, String::from_utf8_lossy(&done.stdout).into_owned()))
    }
}

/// Suggestions for a git failure, from git's message.
pub fn suggestions(err: &GitError) -> Vec<String> {
    let r = err.reason.as_str();
    let mut out = Vec::new();
    if r.contains("index.lock': File exists") {
        out.push("Another git process is running here; wait for it, or remove the stale .git/index.lock if none is".to_owned());
    }
    if r.contains("is already checked out at") || r.contains("is already used by worktree") {
        out.push("The branch is checked out in another worktree: work there, or switch that worktree to another branch".to_owned());
    }
    if r.contains("already exists") {
        out.push(
            "Move or remove the existing path or branch named above, then run the command again"
                .to_owned(),
        );
    }
    if r.contains("hook") {
        out.push("A git hook refused the operation; see its output above".to_owned());
    }
    if r.contains("Please tell me who you are") || r.contains("user.email") {
        out.push(
            "Set your identity: git config user.name 'Name'; git config user.email you@example.com"
                .to_owned(),
        );
    }
    if out.is_empty() {
        out.push("Check the repository with 'git status', then run the command again".to_owned());
    }
    out
}
