//! What the workflow commands (start, close, restore, status, cleanup, worktree) share:
//! the repository lock, the git CLI, and the one way a ticket file change is committed —
//! exactly that change, nothing else from the index — with its rollback.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use git2::Repository;

use crate::context::Project;
use crate::env::Env;
use crate::error::Error;
use crate::fsutil;
use crate::git::cli::{Git, GitError, Target};
use crate::journal::{Journal, Record, Step};
use crate::lock::{self, RepoLock};

/// How long a command waits for another git-ticket to release the repository lock (unless
/// `GIT_TICKET_LOCK_TIMEOUT` says otherwise).
const LOCK_WAIT: Duration = Duration::from_secs(10);

/// A working tree and its repository handle.
#[derive(Clone, Copy)]
pub struct Tree<'a> {
    /// The repository opened at this working tree.
    pub repo: &'a Repository,
    /// The working tree's root.
    pub root: &'a Path,
}

impl Tree<'_> {
    /// Where git commands for this working tree run.
    pub fn target(&self) -> Target<'_> {
        Target {
            git_dir: self.repo.path(),
            work_tree: self.root,
        }
    }
}

/// The git executable, with the configured timeout.
pub fn git(project: &Project) -> Result<Git, Error> {
    let secs = match project.config.timeouts.git {
        0 => 30,
        s => s.unsigned_abs(),
    };
    Git::locate(Duration::from_secs(secs)).map_err(|err| Error::GitCommand {
        code: "GIT_MERGE_FAILED",
        err,
        state: "Nothing was changed. Install git or put it on PATH".into(),
    })
}

/// Takes the repository lock (shared by all worktrees) for `what`, then finishes any
/// operation a dead process left half done (its journal record), saying so on stderr.
pub fn lock(env: &Env, project: &Project, what: &str) -> Result<RepoLock, Error> {
    let wait = env.lock_timeout.map_or(LOCK_WAIT, Duration::from_secs);
    let held = lock::acquire(project.repo()?.commondir(), what, wait)?;
    if !crate::journal::pending(project.repo()?.commondir()).is_empty() {
        let notes = super::recover::recover_all(env, &git(project)?, project.repo()?.commondir());
        super::recover::report(&notes);
    }
    Ok(held)
}

/// Records an operation in the journal before it changes anything.
pub fn journal(project: &Project, record: Record) -> Result<Journal, Error> {
    Journal::begin(project.repo()?.commondir(), record).map_err(journal_io)
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

/// `path` relative to `root` (unchanged when it is not under `root`).
pub fn rel<'p>(root: &Path, path: &'p Path) -> &'p Path {
    path.strip_prefix(root).unwrap_or(path)
}

/// Resolves `..` and `.` lexically (the folder may not exist yet).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// The worktree folder of ticket `id`: `<main root>/<worktree.base_dir>/<id>`.
pub fn worktree_path(project: &Project, id: &str) -> Result<PathBuf, Error> {
    let base = Path::new(&project.config.worktree.base_dir);
    Ok(normalize(&crate::git::main_root(project.repo()?).join(base)).join(id))
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
        let pid = std::process::id().to_string();
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status();
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

/// Makes the new ticket path known to the index so that `git commit --only` accepts it. The
/// commit itself re-reads the path from the working tree through the user's filters (LFS,
/// clean filters), so registering it through libgit2 loses nothing and saves a `git add`
/// process on every start and close; `git add` is the fallback.
fn stage(git: &Git, tree: Tree<'_>, rel: &Path) -> Result<(), GitError> {
    let staged = tree
        .repo
        .index()
        .and_then(|mut index| {
            index.read(false)?;
            index.add_path(rel)?;
            index.write()
        })
        .is_ok();
    if staged {
        return Ok(());
    }
    git.run(
        tree.target(),
        &["add".as_ref(), "--".as_ref(), rel.as_os_str()],
    )
    .map(drop)
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

/// Applies `change` in `tree` and commits exactly that change (`git commit --only`: whatever
/// else the user staged stays staged and out of the commit; hooks and signing apply). On
/// failure the file and its index entries are put back, so nothing has changed.
pub fn commit_ticket_change(
    env: &Env,
    git: &Git,
    tree: Tree<'_>,
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
    let original = match std::fs::read(from) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(from)(e)),
    };
    let from_rel = rel(tree.root, from).to_owned();
    let to_rel = rel(tree.root, to).to_owned();
    let from_tracked = from != to
        && tree
            .repo
            .index()
            .is_ok_and(|i| i.get_path(&from_rel, 0).is_some());
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
    fsutil::write_atomic(to, text.as_bytes()).map_err(io(to))?;
    if moving && from.exists() {
        std::fs::remove_file(from).map_err(io(from))?;
    }
    crash_point(env, &format!("{op}:rewritten"));
    let commit = || -> Result<(), GitError> {
        if env.fail_at(failpoint) {
            return Err(injected(failpoint));
        }
        stage(git, tree, &to_rel)?;
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "commit".as_ref(),
            "-q".as_ref(),
            "--only".as_ref(),
            "-m".as_ref(),
            message.as_ref(),
            "--".as_ref(),
        ];
        if from_tracked {
            args.push(from_rel.as_os_str());
        }
        args.push(to_rel.as_os_str());
        git.run(tree.target(), &args).map(drop)
    };
    if let Err(err) = commit() {
        if from != to {
            let _ = std::fs::remove_file(to);
        }
        if let Some(bytes) = &original {
            let _ = fsutil::write_atomic(from, bytes);
        }
        let mut reset: Vec<&std::ffi::OsStr> = vec!["reset".as_ref(), "-q".as_ref(), "--".as_ref()];
        if from_tracked {
            reset.push(from_rel.as_os_str());
        }
        reset.push(to_rel.as_os_str());
        let _ = git.run(tree.target(), &reset);
        return Err(Error::GitCommand {
            code: "GIT_MERGE_FAILED",
            err,
            state: format!("Nothing was changed: {} is as it was", from_rel.display()),
        });
    }
    crash_point(env, &format!("{op}:committed"));
    Ok(())
}
