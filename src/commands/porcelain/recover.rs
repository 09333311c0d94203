//! Finishing what a dead process left half done, from its journal record
//! ([`crate::journal`]). Runs under the repository lock, so the writer is gone.
//!
//! Rule: before the commit, roll back (the ticket file goes back where it was, with its old
//! contents, and its index entries are reset); after it, roll forward (create the worktree,
//! the link, remove what cleanup was removing). Nothing the user made is touched.

use std::io::Write;
use std::path::Path;

use git2::Repository;

use super::flow::{self, Tree};
use super::start::Plan;
use crate::context::Project;
use crate::current;
use crate::env::Env;
use crate::error::Error;
use crate::fsutil;
use crate::git::{self, cli::Git};
use crate::journal::{self, Journal, Op, Record, Step};
use crate::ticket::Status;
use crate::ticket::store::read_text;

/// Recovers every interrupted operation of the repository whose common git directory is
/// `common`; returns one line per operation saying what was done.
pub fn recover_all(env: &Env, git: &Git, common: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    for found in journal::pending(common) {
        match found {
            Ok((path, record)) => {
                let what = format!("{:?} of {}", record.op, record.ticket).to_lowercase();
                match recover(env, git, Journal::reopen(path, record)) {
                    Ok(done) => notes.push(format!("interrupted {what}: {done}")),
                    Err(e) => notes.push(format!("interrupted {what} could not be recovered: {e}")),
                }
            }
            Err(path) => notes.push(format!(
                "unreadable journal record {} (remove it by hand)",
                path.display()
            )),
        }
    }
    notes
}

/// Whether the operation's commit was made: its step says so, or HEAD moved to a commit
/// with the operation's message.
fn committed(repo: &Repository, r: &Record, message: &str) -> bool {
    if r.step >= Step::Committed {
        return true;
    }
    let Some(head) = repo.head().ok().and_then(|h| h.target()) else {
        return false;
    };
    if r.head_before.as_deref() == Some(head.to_string().as_str()) {
        return false;
    }
    repo.find_commit(head)
        .ok()
        .and_then(|c| c.summary().ok().flatten().map(|s| s.starts_with(message)))
        .unwrap_or(false)
}

/// Puts the ticket file back as it was before the operation.
fn roll_back(git: &Git, tree: Tree<'_>, r: &Record) -> Result<(), Error> {
    let (Some(from), Some(to), Some(original)) = (&r.from, &r.to, &r.original) else {
        return Ok(());
    };
    if from != to && to.exists() {
        std::fs::remove_file(to).map_err(|source| Error::Io {
            path: to.clone(),
            source,
        })?;
    }
    fsutil::write_atomic(from, original.as_bytes()).map_err(|source| Error::Io {
        path: from.clone(),
        source,
    })?;
    let rel = |p: &Path| flow::rel(tree.root, p).as_os_str().to_owned();
    let _ = git.run(
        tree.target(),
        &[
            "reset".as_ref(),
            "-q".as_ref(),
            "--".as_ref(),
            rel(from).as_os_str(),
            rel(to).as_os_str(),
        ],
    );
    Ok(())
}

fn recover(env: &Env, git: &Git, mut j: Journal) -> Result<String, Error> {
    let r = j.record.clone();
    let project = Project::open_at(&r.root)?;
    let tree = Tree {
        repo: project.repo()?,
        root: &project.root,
    };
    let done = match r.op {
        Op::Close => {
            if committed(project.repo()?, &r, &format!("Close ticket: {}", r.ticket)) {
                let _ = current::remove_if(&project.root, &r.ticket);
                "completed (the close commit had been made)".to_owned()
            } else {
                roll_back(git, tree, &r)?;
                "rolled back: the ticket is as it was".to_owned()
            }
        }
        Op::Start => {
            if !committed(project.repo()?, &r, &format!("Start ticket: {}", r.ticket)) {
                roll_back(git, tree, &r)?;
                "rolled back: the ticket is as it was".to_owned()
            } else {
                j.step(Step::Committed).map_err(|source| Error::Io {
                    path: r.root.clone(),
                    source,
                })?;
                finish_start(env, git, &project, &r)?
            }
        }
        Op::Cleanup => finish_cleanup(env, git, &project, &r)?,
    };
    j.finish().map_err(|source| Error::Io {
        path: r.root.clone(),
        source,
    })?;
    Ok(done)
}

fn finish_start(env: &Env, git: &Git, project: &Project, r: &Record) -> Result<String, Error> {
    let id = r.ticket.as_str();
    let doing = project.store.dir(Status::Doing).join(format!("{id}.md"));
    let Some(worktree) = &r.worktree else {
        // Branch mode: the commit is on the ticket branch; only the link may be missing.
        current::write(&project.root, &doing).map_err(|source| Error::Io {
            path: project.root.join(current::LINK),
            source,
        })?;
        return Ok("completed (link restored)".into());
    };
    let all = git::worktrees(project.repo()?);
    if let Some(w) = git::worktree_of_branch(&all, id).filter(|w| !w.missing) {
        let target = w.path.join(flow::rel(&project.root, &doing));
        current::write(&w.path, &target).map_err(|source| Error::Io {
            path: w.path.join(current::LINK),
            source,
        })?;
        return Ok(format!("completed (worktree {} linked)", w.path.display()));
    }
    let text = read_text(&doing)?;
    let plan = Plan {
        env,
        git,
        id,
        from: &doing,
        doing_path: &doing,
        started_text: None,
        current_text: &text,
    };
    if worktree.exists() && git::worktree_of_branch(&all, id).is_none() {
        // A half-created folder from `git worktree add`: only ours if empty.
        let _ = std::fs::remove_dir(worktree);
    }
    plan.worktree_mode(project, false, r.branch_from.as_deref())?;
    Ok(format!(
        "completed (worktree {} created)",
        worktree.display()
    ))
}

fn finish_cleanup(env: &Env, git: &Git, project: &Project, r: &Record) -> Result<String, Error> {
    let tree = Tree {
        repo: project.repo()?,
        root: &project.root,
    };
    let id = r.ticket.as_str();
    let all = git::worktrees(project.repo()?);
    match git::worktree_of_branch(&all, id).filter(|w| !w.main) {
        Some(w) => super::cleanup::remove_worktree(env, git, tree, w, r.force)?,
        None => {
            let _ = git.run(tree.target(), &["worktree", "prune"]);
        }
    }
    if git::branch_tip(project.repo()?, id).is_some() {
        let flag = if r.force { "-D" } else { "-d" };
        git.run(tree.target(), &["branch", "-q", flag, id])
            .map_err(|err| Error::GitCommand {
                code: "GIT_MERGE_FAILED",
                err,
                state: "The interrupted cleanup is still recorded; run git ticket fsck --fix again"
                    .into(),
            })?;
    }
    Ok("completed (worktree and branch removed)".into())
}

/// Prints recovery notes (stderr): recovery happens inside whatever command came next.
pub fn report(notes: &[String]) {
    let mut err = std::io::stderr();
    for n in notes {
        let _ = writeln!(err, "note: {n}");
    }
}
