//! The transaction service every mutation shares (the lock is [`super::guard`]): the
//! journal of multi-step operations, the one way a ticket file change is committed — exactly
//! that change, nothing else from the index — with its rollback, and failure injection
//! (`GIT_TICKET_FAILPOINT`) for the tests that prove recovery.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Project, project::rel};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::fsutil;
use crate::git::{GitError, Repo};
use crate::journal::{Journal, Record, Step};

/// How long a command waits for another git-ticket to release the repository lock, or for
/// another git to release the index (unless `GIT_TICKET_LOCK_TIMEOUT` says otherwise).
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// How long to wait for a lock held by someone else (`GIT_TICKET_LOCK_TIMEOUT`, else 10 s).
pub fn patience(env: &Env) -> Result<Duration, Error> {
    match env.lock_timeout.as_deref() {
        None => Ok(LOCK_WAIT),
        Some(v) => v.trim().parse().map(Duration::from_secs).map_err(|_| {
            Error::precondition(
                ErrorCode::ValidationError,
                "Invalid GIT_TICKET_LOCK_TIMEOUT",
                format!("GIT_TICKET_LOCK_TIMEOUT={v} is not a number of seconds"),
                &["Set it to whole seconds (e.g. GIT_TICKET_LOCK_TIMEOUT=30), or unset it for the default of 10"],
            )
        }),
    }
}

/// Records an operation in the journal before it changes anything.
pub fn journal(project: &Project, record: Record) -> Result<Journal, Error> {
    Journal::begin(project.repo()?.common_dir(), record).map_err(journal_io)
}

/// Moves a journal record to `step`.
pub fn journal_step(journal: &mut Journal, step: Step) -> Result<(), Error> {
    journal.step(step).map_err(journal_io)
}

/// Removes a finished operation's journal record.
pub fn journal_finish(journal: Journal) -> Result<(), Error> {
    journal.finish().map_err(journal_io)
}

fn journal_io(source: std::io::Error) -> Error {
    Error::Io {
        path: PathBuf::from(crate::journal::DIR),
        source,
    }
}

/// Kills this process with SIGKILL when `GIT_TICKET_FAILPOINT=crash:<step>`: how tests
/// prove that a crash at any step is recovered.
pub fn crash_point(env: &Env, step: &str) {
    if env
        .failpoint
        .as_deref()
        .and_then(|f| f.strip_prefix("crash:"))
        == Some(step)
    {
        let _ =
            rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::KILL);
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
}

/// The error for a step that failed on purpose (`GIT_TICKET_FAILPOINT`).
pub fn injected(step: &str) -> GitError {
    GitError {
        command: step.to_owned(),
        reason: "failure injected by GIT_TICKET_FAILPOINT".into(),
    }
}

/// Runs `step` unless the failure point `name` is armed.
pub fn step<T>(
    env: &Env,
    name: &str,
    step: impl FnOnce() -> Result<T, GitError>,
) -> Result<T, GitError> {
    if env.fail_at(name) {
        return Err(injected(name));
    }
    step()
}

/// Records `record` in the journal, then commits `change` ([`commit_ticket_change`]): the
/// journal at step [`Step::Committed`], for what the caller does after the commit. A failed
/// commit has undone itself; its record is removed and the error returned.
pub fn journaled_commit(
    env: &Env,
    project: &Project,
    repo: &Repo,
    record: Record,
    change: &TicketChange<'_>,
) -> Result<Journal, Error> {
    let mut journal = journal(project, record)?;
    if let Err(e) = commit_ticket_change(env, repo, change) {
        let _ = journal.finish();
        return Err(e);
    }
    journal_step(&mut journal, Step::Committed)?;
    Ok(journal)
}

/// A ticket file change to commit: the file moves from `from` to `to` (possibly the same
/// path) with new contents.
pub struct TicketChange<'a> {
    /// Current path (may not exist in this tree).
    pub from: &'a Path,
    /// New path.
    pub to: &'a Path,
    /// New contents.
    pub text: &'a str,
    /// Commit message.
    pub message: &'a str,
    /// Failure-injection step name.
    pub failpoint: &'a str,
}

/// Applies `change` in the working tree of `repo` and commits exactly that change (`git
/// commit --only`: whatever else the user staged stays staged and out of the commit; hooks
/// and signing apply). On failure the file and its index entries are put back, so nothing
/// has changed.
pub fn commit_ticket_change(
    env: &Env,
    repo: &Repo,
    change: &TicketChange<'_>,
) -> Result<(), Error> {
    let TicketChange {
        from,
        to,
        text,
        message,
        failpoint,
    } = *change;
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    wait_for_index(env, repo)?;
    let original = match std::fs::read(from) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(from)(e)),
    };
    let from_rel = rel(repo.root(), from).to_owned();
    let to_rel = rel(repo.root(), to).to_owned();
    // `git commit --only` takes the old path when git knows it (a path it does not know is
    // refused as a pathspec that matches nothing).
    let from_tracked = from != to && repo.is_known(&from_rel);
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    // Move first, then rewrite: a crash in between leaves the file in exactly one folder
    // (fsck reports and fixes a ticket in the wrong folder), never in two.
    let moving = from != to && original.is_some();
    let op = failpoint.split(':').next().unwrap_or_default();
    if moving && !to.exists() {
        std::fs::rename(from, to).map_err(io(from))?;
    }
    crash_point(env, &format!("{op}:moved"));
    let rewritten = if env.fail_at(&format!("{op}:rewrite")) {
        Err(std::io::Error::other(
            "failure injected by GIT_TICKET_FAILPOINT",
        ))
    } else {
        fsutil::write_atomic(to, text.as_bytes())
    };
    if let Err(e) = rewritten {
        // A full disk: the file goes back where it was (its content is untouched: the
        // rewrite is atomic), so the ticket is never left in the wrong folder.
        let back = if moving {
            std::fs::rename(to, from).map(|()| " (the ticket is back where it was)")
        } else {
            Ok("")
        };
        return Err(Error::Io {
            path: to.to_owned(),
            source: std::io::Error::new(
                e.kind(),
                match back {
                    Ok(note) => format!("{e}{note}"),
                    Err(b) => format!(
                        "{e}; moving it back to {} failed too ({b}): move it there by hand",
                        from.display()
                    ),
                },
            ),
        });
    }
    if moving && from.exists() {
        std::fs::remove_file(from).map_err(io(from))?;
    }
    crash_point(env, &format!("{op}:rewritten"));
    let mut paths: Vec<&Path> = Vec::with_capacity(2);
    if from_tracked {
        paths.push(&from_rel);
    }
    paths.push(&to_rel);
    let mut staged = false;
    let committed = step(env, failpoint, || {
        repo.stage(&to_rel)?;
        staged = true;
        repo.commit_only(&paths, message)
    });
    if let Err(err) = committed {
        // Undo, checking each step: a message that says "nothing was changed" must be true.
        let mut left = Vec::new();
        if from != to
            && let Err(e) = std::fs::remove_file(to)
            && e.kind() != std::io::ErrorKind::NotFound
        {
            left.push(format!("{} could not be removed ({e})", to_rel.display()));
        }
        if let Some(bytes) = &original
            && let Err(e) = fsutil::write_atomic(from, bytes)
        {
            left.push(format!(
                "{} could not be restored ({e})",
                from_rel.display()
            ));
        }
        if staged && let Err(e) = repo.reset_paths(&paths) {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            left.push(format!(
                "the index still has the ticket staged ({}); once no git command runs (remove a stale {}), run: git reset -q -- {}",
                e.reason.lines().next().unwrap_or_default(),
                repo.index_lock().display(),
                names.join(" ")
            ));
        }
        let state = if left.is_empty() {
            format!("Nothing was changed: {} is as it was", from_rel.display())
        } else {
            format!("Not everything could be undone: {}", left.join("; "))
        };
        let code = if err.reason.contains("index.lock': File exists") {
            ErrorCode::GitIndexLocked
        } else {
            ErrorCode::GitCommitFailed
        };
        return Err(Error::GitCommand { code, err, state });
    }
    crash_point(env, &format!("{op}:committed"));
    Ok(())
}

/// Waits, with the patience of the repository lock, while another git process holds the
/// index of the working tree of `repo` (a person's `git commit` or `git merge` in the shared
/// checkout). A lock that outlasts the wait is reported, never removed: nobody can tell
/// here whether its git still runs.
fn wait_for_index(env: &Env, repo: &Repo) -> Result<(), Error> {
    let lock = repo.index_lock();
    let deadline = std::time::Instant::now() + patience(env)?;
    while lock.exists() {
        if std::time::Instant::now() >= deadline {
            return Err(Error::precondition(
                ErrorCode::GitIndexLocked,
                "Index is locked",
                format!(
                    "{} exists: another git command is using this working tree, or one was killed and left it. Nothing was changed",
                    lock.display()
                ),
                &[
                    "Wait for the other git command to finish, then run the command again",
                    &format!(
                        "If no git command is running, the lock is stale: remove {}",
                        lock.display()
                    ),
                ],
            ));
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    Ok(())
}
