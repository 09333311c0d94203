//! Finishing what a dead process left half done, from its journal record
//! ([`crate::journal`]). Runs under the repository lock, which the dead process's git
//! children keep held until they end (see [`crate::lock`]): nothing is still writing.
//!
//! Rule: before the commit, roll back (the ticket file goes back where it was, with its old
//! contents, its index entries are reset, a branch-mode start switches back); after it, roll
//! forward (create the worktree, the link). An interrupted cleanup is finished only where
//! that destroys nothing made since: a worktree with new uncommitted changes, a branch that
//! moved, and anything a `--force` would have discarded are left for the person to decide.
//! A claim made for a start that never began is left on the remote, reported (see
//! [`claim_left`]). A record is removed only when its operation is finished or undone; what cannot be done
//! is said, with the way out, and the record stays for `fsck --fix` to retry.

use std::path::Path;

use super::Project;
use super::clean;
use super::plan::Plan;
use super::project::rel;
use crate::current;
use crate::env::Env;
use crate::error::Error;
use crate::fsutil;
use crate::git::{Delete, Repo, message, worktree_of_branch};
use crate::journal::{self, Journal, Op, Record, Step};
use crate::ticket::Status;
use crate::ticket::store::read_text;

/// Recovers every interrupted operation of the repository whose common git directory is
/// `common`; returns one line per operation saying what was done, or what is left and how to
/// get out of it.
pub fn recover_all(env: &Env, common: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    for found in journal::pending(common) {
        match found {
            Ok((path, record)) => {
                let what = format!("{:?} of {}", record.op, record.ticket).to_lowercase();
                let mut j = Journal::reopen(path.clone(), record);
                match recover(env, &mut j) {
                    Ok(done) => match j.finish() {
                        Ok(()) => notes.push(format!("interrupted {what}: {done}")),
                        Err(e) => notes.push(format!(
                            "interrupted {what}: {done}; its record {} could not be removed ({e}): remove it by hand",
                            path.display()
                        )),
                    },
                    Err(e) => notes.push(format!(
                        "interrupted {what} could not be recovered: {e}. Its record {} stays: fix the cause named here, then run 'git ticket fsck --fix'",
                        path.display()
                    )),
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

/// Puts the ticket file back as it was before the operation, with its index entries; an
/// index that cannot be reset (a lock left by a killed git) is an error naming the way out.
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
    fsutil::remove_temps_of(to);
    fsutil::remove_temps_of(from);
    let (from_rel, to_rel) = (rel(repo.root(), from), rel(repo.root(), to));
    repo.reset_paths(&[from_rel, to_rel]).map_err(|err| {
        Error::Unrecovered(format!(
            "the ticket file is back in {}, but its index entries could not be reset ({err}); once no git command runs (remove a stale .git/index.lock), run: git reset -q -- {} {}",
            from_rel.display(),
            from_rel.display(),
            to_rel.display()
        ))
    })
}

fn recover(env: &Env, j: &mut Journal) -> Result<String, Error> {
    let r = j.record.clone();
    if !r.root.exists() {
        return Ok(format!(
            "its working tree {} no longer exists; nothing is left to recover there",
            r.root.display()
        ));
    }
    let project = Project::open_at(&r.root)?;
    let repo = project.repo_with_git()?;
    match r.op {
        // One file change and its commit: after the commit it is complete, before it undone.
        Op::Close | Op::Reopen => {
            let (kind, what) = match r.op {
                Op::Close => (message::Kind::Close, "close"),
                _ => (message::Kind::Reopen, "reopen"),
            };
            if committed(repo, &r, kind) {
                if r.op == Op::Close {
                    let _ = current::remove_if(&project.root, &r.ticket);
                }
                if let Some(to) = &r.to {
                    fsutil::remove_temps_of(to);
                }
                Ok(format!("completed (the {what} commit had been made)"))
            } else {
                roll_back(repo, &r)?;
                Ok("rolled back: the ticket is as it was".into())
            }
        }
        Op::Start => {
            if !committed(repo, &r, message::Kind::Start) {
                roll_back(repo, &r)?;
                let mut done = "rolled back: the ticket is as it was".to_owned();
                if let Some(back) = &r.return_to
                    && repo.current_branch().as_deref() != Some(back.as_str())
                {
                    repo.checkout(back).map_err(|err| {
                        Error::Unrecovered(format!(
                            "the ticket is back in todo, but switching back to {back} failed ({err}): run git checkout {back}"
                        ))
                    })?;
                    done.push_str(&format!(", and {back} is checked out again"));
                }
                Ok(done)
            } else {
                j.step(Step::Committed).map_err(|source| Error::Io {
                    path: j.path().to_owned(),
                    source,
                })?;
                finish_start(env, &project, &r, j)
            }
        }
        Op::Cleanup => finish_cleanup(env, &project, &r),
        Op::Claim => Ok(claim_left(&project, &r)),
    }
}

/// A start killed between its claim and its local start. The claim is left as it is: it is
/// ours (a re-run of the start proceeds), a lease that expires by itself, and touching the
/// remote here would make every command wait for the network.
fn claim_left(project: &Project, r: &Record) -> String {
    let id = &r.ticket;
    let remote = r.claim_remote.as_deref().unwrap_or("the claims remote");
    if project
        .store
        .find_exact(id)
        .is_some_and(|e| e.folder != Status::Todo)
    {
        return format!("the ticket was started; its claim on {remote} stays");
    }
    let claim = if r.step >= Step::Claimed {
        format!("ticket {id} is claimed on {remote} by this clone")
    } else {
        format!(
            "ticket {id} may be claimed on {remote} by this clone (the claim's push was interrupted)"
        )
    };
    format!(
        "{claim} but was not started: 'git ticket start {id}' starts it (the claim is ours), 'git ticket release {id}' gives the claim back; unrenewed, it expires after claims.ttl"
    )
}

fn finish_start(
    env: &Env,
    project: &Project,
    r: &Record,
    j: &mut Journal,
) -> Result<String, Error> {
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
    let repo = project.repo()?;
    let all = repo.worktrees();
    let mut repaired = String::new();
    // Found by its branch, or by its path when `git worktree add` died before HEAD was set.
    let registered =
        worktree_of_branch(&all, id).or_else(|| all.iter().find(|w| w.path == *worktree));
    if let Some(w) = registered {
        if w.locked.as_deref() == Some("initializing")
            || (repo.head_commit(&w.head).is_none() && !w.missing)
        {
            // `git worktree add` was killed half way: what it wrote is only a checkout.
            repo.worktree_remove_unfinished(&w.path).map_err(|err| {
                Error::Unrecovered(format!(
                    "the half-made worktree {} could not be removed ({err}): run git worktree unlock {0} && git worktree remove --force {0}",
                    w.path.display()
                ))
            })?;
            repaired = format!("; the half-made worktree {} was redone", w.path.display());
        } else if !w.missing {
            let target = w.path.join(rel(&project.root, &doing));
            current::write(&w.path, &target).map_err(|source| Error::Io {
                path: w.path.join(current::LINK),
                source,
            })?;
            return Ok(format!("completed (worktree {} linked)", w.path.display()));
        }
    } else if worktree.exists() {
        // A folder `git worktree add` made before registering it: ours only if empty.
        if std::fs::remove_dir(worktree).is_err() {
            return Err(Error::Unrecovered(format!(
                "{} exists and is not the worktree of branch {id}: move it away, then run 'git ticket fsck --fix'",
                worktree.display()
            )));
        }
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
    plan.resume_worktree(project, r.branch_from.as_deref(), j)?;
    Ok(format!(
        "completed (worktree {} created{repaired})",
        worktree.display()
    ))
}

/// Finishes an interrupted cleanup where that destroys nothing: see the module comment.
fn finish_cleanup(env: &Env, project: &Project, r: &Record) -> Result<String, Error> {
    let repo = project.repo()?;
    let id = r.ticket.as_str();
    let all = repo.worktrees();
    let again = format!(
        "run 'git ticket cleanup {id}{}' again",
        if r.force { " --force" } else { "" }
    );
    let mut done = Vec::new();
    let mut left = Vec::new();
    match worktree_of_branch(&all, id).filter(|w| !w.main) {
        Some(w) if w.missing => {
            let _ = repo.worktree_prune();
            done.push(format!("worktree {} pruned", w.path.display()));
        }
        Some(w) if !w.path.join(".git").exists() => {
            // `git worktree remove` was killed half way: its record can go, the files it
            // did not delete yet are left for the person to look at.
            let _ = std::fs::remove_file(w.path.join(current::LINK));
            repo.worktree_prune().map_err(|err| {
                Error::Unrecovered(format!("git worktree prune failed ({err}): run it by hand"))
            })?;
            left.push(format!(
                "the half-removed folder {} keeps what was not deleted yet: look, then rm -rf it",
                w.path.display()
            ));
        }
        Some(w) if r.force => left.push(format!(
            "the worktree {} was not removed: --force discards work, and only you can ask for that again ({again})",
            w.path.display()
        )),
        Some(w) => {
            let dirty = clean::unsaved_at(project, &w.path)?;
            if dirty.is_empty() {
                super::plan::remove_worktree(env, repo, w, false)?;
                done.push(format!("worktree {} removed", w.path.display()));
            } else {
                left.push(format!(
                    "the worktree {} was not removed: it has uncommitted changes made since ({})",
                    w.path.display(),
                    dirty.join(", ")
                ));
            }
        }
        None => {
            let _ = repo.worktree_prune();
        }
    }
    if let Some(tip) = repo.branch_head(id) {
        let default = &project.config.git.default_branch;
        let merged = repo.contained_in(id, default);
        let checked_out = worktree_of_branch(&repo.worktrees(), id).is_some_and(|w| !w.missing);
        if r.branch_tip.as_deref().is_some_and(|t| t != tip) {
            left.push(format!("branch {id} was not deleted: it has new commits"));
        } else if merged && !checked_out {
            repo.branch_delete(id, Delete::Merged).map_err(|err| {
                Error::Unrecovered(format!("branch {id} could not be deleted ({err}); {again}"))
            })?;
            done.push(format!("branch {id} deleted"));
        } else if !merged {
            left.push(format!(
                "branch {id} was not deleted: it is not merged into {default} ({again} to decide)"
            ));
        }
    }
    let mut note = if done.is_empty() {
        "nothing was removed".to_owned()
    } else {
        format!("completed ({})", done.join(", "))
    };
    if !left.is_empty() {
        note.push_str("; ");
        note.push_str(&left.join("; "));
    }
    Ok(note)
}
