//! Finishing what a dead process left half done, from its journal record
//! ([`crate::journal`]). Runs under the repository lock, so the writer is gone.
//!
//! Rule: before the commit, roll back (the ticket file goes back where it was, with its old
//! contents, and its index entries are reset); after it, roll forward (create the worktree,
//! the link, remove what cleanup was removing). Nothing the user made is touched.

use std::path::Path;

use super::Project;
use super::plan::{Plan, remove_worktree};
use super::project::rel;
use crate::current;
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::fsutil;
use crate::git::{Delete, Repo, message, worktree_of_branch};
use crate::journal::{self, Journal, Op, Record, Step};
use crate::ticket::Status;
use crate::ticket::store::read_text;

/// Recovers every interrupted operation of the repository whose common git directory is
/// `common`; returns one line per operation saying what was done.
pub fn recover_all(env: &Env, common: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    for found in journal::pending(common) {
        match found {
            Ok((path, record)) => {
                let what = format!("{:?} of {}", record.op, record.ticket).to_lowercase();
                match recover(env, Journal::reopen(path, record)) {
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
/// with the operation's subject.
fn committed(repo: &Repo, r: &Record, kind: message::Kind) -> bool {
    if r.step >= Step::Committed {
        return true;
    }
    let Some(head) = repo.head() else {
        return false;
    };
    if r.head_before.as_deref() == Some(head.as_str()) {
        return false;
    }
    repo.head_summary()
        .is_some_and(|s| message::is(&s, kind, &r.ticket))
}

/// Puts the ticket file back as it was before the operation.
fn roll_back(repo: &Repo, r: &Record) -> Result<(), Error> {
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
    let _ = repo.reset_paths(&[rel(repo.root(), from), rel(repo.root(), to)]);
    Ok(())
}

fn recover(env: &Env, mut j: Journal) -> Result<String, Error> {
    let r = j.record.clone();
    let project = Project::open_at(&r.root)?;
    let repo = project.repo()?;
    let done = match r.op {
        Op::Close => {
            if committed(repo, &r, message::Kind::Close) {
                let _ = current::remove_if(&project.root, &r.ticket);
                "completed (the close commit had been made)".to_owned()
            } else {
                roll_back(repo, &r)?;
                "rolled back: the ticket is as it was".to_owned()
            }
        }
        Op::Start => {
            if !committed(repo, &r, message::Kind::Start) {
                roll_back(repo, &r)?;
                "rolled back: the ticket is as it was".to_owned()
            } else {
                j.step(Step::Committed).map_err(|source| Error::Io {
                    path: r.root.clone(),
                    source,
                })?;
                finish_start(env, &project, &r)?
            }
        }
        Op::Cleanup => finish_cleanup(env, &project, &r)?,
    };
    j.finish().map_err(|source| Error::Io {
        path: r.root.clone(),
        source,
    })?;
    Ok(done)
}

fn finish_start(env: &Env, project: &Project, r: &Record) -> Result<String, Error> {
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
    let all = project.repo()?.worktrees();
    if let Some(w) = worktree_of_branch(&all, id).filter(|w| !w.missing) {
        let target = w.path.join(rel(&project.root, &doing));
        current::write(&w.path, &target).map_err(|source| Error::Io {
            path: w.path.join(current::LINK),
            source,
        })?;
        return Ok(format!("completed (worktree {} linked)", w.path.display()));
    }
    let text = read_text(&doing)?;
    let plan = Plan {
        env,
        id,
        from: &doing,
        doing_path: &doing,
        started_text: None,
        current_text: &text,
    };
    if worktree.exists() && worktree_of_branch(&all, id).is_none() {
        // A half-created folder from `git worktree add`: only ours if empty.
        let _ = std::fs::remove_dir(worktree);
    }
    plan.worktree_mode(project, false, r.branch_from.as_deref())?;
    Ok(format!(
        "completed (worktree {} created)",
        worktree.display()
    ))
}

fn finish_cleanup(env: &Env, project: &Project, r: &Record) -> Result<String, Error> {
    let repo = project.repo()?;
    let id = r.ticket.as_str();
    let all = repo.worktrees();
    match worktree_of_branch(&all, id).filter(|w| !w.main) {
        Some(w) => remove_worktree(env, repo, w, r.force)?,
        None => {
            let _ = repo.worktree_prune();
        }
    }
    if repo.branch_exists(id) {
        let how = if r.force {
            Delete::Force
        } else {
            Delete::Merged
        };
        repo.branch_delete(id, how)
            .map_err(|err| Error::GitCommand {
                code: ErrorCode::GitMergeFailed,
                err,
                state: "The interrupted cleanup is still recorded; run git ticket fsck --fix again"
                    .into(),
            })?;
    }
    Ok("completed (worktree and branch removed)".into())
}
