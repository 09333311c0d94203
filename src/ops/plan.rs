//! The changing half of `start` — carrying out a checked start in worktree mode (commit,
//! worktree, link) or branch mode (switch, commit, link), journaled step by step — and the
//! removal of a ticket worktree. Recovery uses both to finish what a dead process began, so
//! they sit below `start`, `cleanup` and `recover`.

use std::path::{Path, PathBuf};

use super::Project;
use super::clean::{self, Purpose};
use super::project::rel;
use super::tx::{self, TicketChange};
use crate::current;
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::git::{GitError, Repo, WorktreeInfo, message, worktree_of_branch};
use crate::journal::{Journal, Op, Record, Step};
use crate::ticket::Timestamp;
use crate::ticket::format::parse_meta;
use crate::ticket::store::read_text;

/// What start needs to carry out either mode.
pub struct Plan<'a> {
    /// The environment (failure injection).
    pub env: &'a Env,
    /// The ticket.
    pub id: &'a str,
    /// Its file now.
    pub from: &'a Path,
    /// Its file in doing.
    pub doing_path: &'a Path,
    /// The ticket's text after start (None when it is already doing).
    pub started_text: Option<&'a str>,
    /// The ticket's text now.
    pub current_text: &'a str,
}

/// What a start did.
#[derive(Clone, Debug, Default)]
pub struct Done {
    /// The worktree (empty in branch mode).
    pub worktree_path: PathBuf,
    /// The branch the ticket branch started from, when not the current one.
    pub parent_branch: Option<String>,
    /// A registered worktree whose folder was gone was recreated.
    pub recreated: bool,
    /// `--force` found the worktree healthy and changed nothing.
    pub nothing_to_repair: bool,
    /// The start commit was made now.
    pub committed: bool,
    /// Branch mode (no worktree).
    pub branch_mode: bool,
}

impl Plan<'_> {
    /// Records the start in the journal before anything changes.
    fn journal(
        &self,
        project: &Project,
        worktree: Option<PathBuf>,
        branch_from: Option<&str>,
        return_to: Option<&str>,
    ) -> Result<Journal, Error> {
        let record = Record {
            return_to: return_to.map(str::to_owned),
            head_before: project.repo()?.head(),
            from: Some(self.from.to_owned()),
            to: Some(self.doing_path.to_owned()),
            original: self.started_text.map(|_| self.current_text.to_owned()),
            worktree,
            branch_from: branch_from.map(str::to_owned),
            step: if self.started_text.is_some() {
                Step::Planned
            } else {
                Step::Committed
            },
            ..Record::new(Op::Start, self.id, &project.root)
        };
        tx::journal(project, record)
    }

    /// Worktree mode: checks, then commit, worktree, link — journaled so that a crash at any
    /// point is completed or rolled back by the next command.
    pub fn worktree_mode(
        &self,
        project: &Project,
        force: bool,
        parent_branch: Option<&str>,
    ) -> Result<Done, Error> {
        let repo = project.repo()?;
        let id = self.id;
        let all = repo.worktrees();
        let path = project.worktree_path(id)?;
        let existing = worktree_of_branch(&all, id).cloned();
        if let Some(w) = existing.as_ref().filter(|w| !w.missing) {
            // Registered, present and on its branch: healthy if git can read it. Somebody
            // started this ticket (perhaps a moment ago, from another worktree): it is never
            // recreated under their feet.
            if let Err(e) = repo.open_worktree(&w.path) {
                return Err(Error::precondition(
                    ErrorCode::WorktreeExists,
                    "Worktree is broken",
                    format!(
                        "The worktree of ticket {id} at {} cannot be read as a git working tree ({e}); nothing was changed",
                        w.path.display()
                    ),
                    &[
                        &format!(
                            "Repair its link to the repository: git worktree repair {}",
                            w.path.display()
                        ),
                        "Or move the folder away (keeping what you need from it), then run 'git worktree prune' and start the ticket again",
                    ],
                ));
            }
            if !force {
                return Err(already_started(repo, id, Some(&w.path)));
            }
            return Ok(Done {
                worktree_path: w.path.clone(),
                nothing_to_repair: true,
                ..Done::default()
            });
        }
        if path.exists() {
            return Err(Error::precondition(
                ErrorCode::WorktreeExists,
                "Worktree directory already exists",
                format!(
                    "{} exists and is not the worktree of branch {id}",
                    path.display()
                ),
                &["Move or remove that folder, then run the command again"],
            ));
        }
        // Checks done; now change things.
        let mut journal = self.journal(project, Some(path.clone()), parent_branch, None)?;
        let result = self.worktree_steps(
            project,
            &path,
            existing.as_ref(),
            parent_branch,
            &mut journal,
        );
        match result {
            Ok(mut done) => {
                tx::journal_finish(journal)?;
                // A registered worktree whose folder was gone.
                done.recreated = existing.is_some();
                Ok(done)
            }
            Err(e) => {
                // A handled failure: the error says what state it left. Only a crash leaves
                // a journal record behind.
                let _ = journal.finish();
                Err(e)
            }
        }
    }

    /// Finishes an interrupted worktree-mode start whose commit was made (recovery): the
    /// worktree and the link, recorded in the interrupted operation's own `journal`, which
    /// the caller removes once this succeeded.
    pub fn resume_worktree(
        &self,
        project: &Project,
        parent_branch: Option<&str>,
        journal: &mut Journal,
    ) -> Result<Done, Error> {
        let path = project.worktree_path(self.id)?;
        let all = project.repo()?.worktrees();
        let existing = worktree_of_branch(&all, self.id).cloned();
        self.worktree_steps(project, &path, existing.as_ref(), parent_branch, journal)
    }

    /// The changing part of worktree mode, recorded step by step in `journal`.
    fn worktree_steps(
        &self,
        project: &Project,
        path: &Path,
        existing: Option<&WorktreeInfo>,
        parent_branch: Option<&str>,
        journal: &mut Journal,
    ) -> Result<Done, Error> {
        let repo = project.repo()?;
        let id = self.id;
        let env = self.env;
        let start_message = message::start(id);
        if let Some(text) = self.started_text {
            tx::commit_ticket_change(
                env,
                repo,
                &TicketChange {
                    from: self.from,
                    to: self.doing_path,
                    text,
                    message: &start_message,
                    failpoint: "start:commit",
                },
            )?;
        }
        tx::journal_step(journal, Step::Committed)?;
        let committed = self.started_text.is_some();
        let after_commit = |what: &str| {
            if committed {
                format!(
                    "The start commit is on the current branch and the ticket is in doing; {what}, then run 'git ticket start {id}' again to create the worktree"
                )
            } else {
                format!("Nothing was changed; {what}, then run the command again")
            }
        };
        let fail = |code, err| Error::GitCommand {
            code,
            err,
            state: after_commit("fix the problem above"),
        };
        if existing.is_some() {
            // Registered, but its folder is gone (a healthy one never gets this far).
            let _ = repo.worktree_prune();
        }
        if let Some(base) = path.parent() {
            std::fs::create_dir_all(base).map_err(|source| Error::Io {
                path: base.to_owned(),
                source,
            })?;
        }
        tx::step(env, "start:worktree", || {
            repo.worktree_add(path, id, parent_branch.unwrap_or("HEAD"))
        })
        .map_err(|e| fail(ErrorCode::WorktreeCreateFailed, e))?;
        tx::journal_step(journal, Step::WorktreeAdded)?;
        tx::crash_point(env, "start:worktree-added");
        // The worktree's own copy of the ticket must be in doing too (it is, when the branch
        // was made from the start commit; not when it comes from a parent or already existed).
        let wt = repo.open_worktree(path)?;
        let wt_doing = path.join(rel(&project.root, self.doing_path));
        let wt_started = read_text(&wt_doing)
            .ok()
            .and_then(|t| parse_meta(&t).ok())
            .is_some_and(|m| m.started_at.is_some());
        if !wt_started {
            let wt_from = path.join(rel(&project.root, self.from));
            let text = self.started_text.unwrap_or(self.current_text);
            tx::commit_ticket_change(
                env,
                &wt,
                &TicketChange {
                    from: &wt_from,
                    to: &wt_doing,
                    text,
                    message: &start_message,
                    failpoint: "start:worktree-commit",
                },
            )
            .map_err(|e| match e {
                Error::GitCommand { code, err, .. } => Error::GitCommand {
                    code,
                    err,
                    state: format!(
                        "The worktree {} exists; commit the ticket's move to doing there by hand, or run 'git ticket start {id}' again",
                        path.display()
                    ),
                },
                e => e,
            })?;
        }
        let linked = if env.fail_at("start:link") {
            Err(std::io::Error::other(
                "failure injected by GIT_TICKET_FAILPOINT",
            ))
        } else {
            current::write(path, &wt_doing).map(drop)
        };
        linked.map_err(|source| Error::Link {
            path: path.join(current::LINK),
            source,
            state: format!(
                "The worktree {} is ready but has no current-ticket.md; run 'git ticket restore' there to create it",
                path.display()
            ),
        })?;
        Ok(Done {
            worktree_path: path.to_owned(),
            parent_branch: parent_branch.map(str::to_owned),
            committed,
            ..Done::default()
        })
    }

    /// Branch mode: switch to the ticket branch (created from `parent_branch` or HEAD) and
    /// commit the start there; on failure switch back to `current`.
    pub fn branch_mode(
        &self,
        project: &Project,
        parent_branch: Option<&str>,
        current: &str,
    ) -> Result<Done, Error> {
        let repo = project.repo()?;
        let id = self.id;
        if self.started_text.is_none() {
            return Err(already_started(repo, id, None));
        }
        clean::require_but(repo, Purpose::Start, rel(&project.root, self.from))?;
        let created = !repo.branch_exists(id);
        let journal = self.journal(project, None, None, Some(current))?;
        let switch = if created {
            repo.checkout_new(id, parent_branch.unwrap_or("HEAD"))
        } else {
            repo.checkout(id)
        };
        switch.map_err(|err| Error::GitCommand {
            code: ErrorCode::GitBranchExists,
            err,
            state: "Nothing was changed".into(),
        })?;
        let commit = tx::commit_ticket_change(
            self.env,
            repo,
            &TicketChange {
                from: self.from,
                to: self.doing_path,
                text: self.started_text.unwrap_or(self.current_text),
                message: &message::start(id),
                failpoint: "start:commit",
            },
        );
        if let Err(e) = commit {
            let _ = journal.finish();
            // Never leave the user on a half-started branch (TicketFlow's W32), and say so
            // when switching back fails.
            let back = repo.checkout(current);
            if created && back.is_ok() {
                let _ = repo.branch_delete(id, crate::git::Delete::Merged);
            }
            return Err(match (e, back) {
                (Error::GitCommand { code, err, state }, Err(b)) => Error::GitCommand {
                    code,
                    err,
                    state: format!(
                        "{state}; but switching back to {current} failed ({}): run git checkout {current}",
                        b.reason.lines().next().unwrap_or_default()
                    ),
                },
                (e, _) => e,
            });
        }
        let linked = current::write(&project.root, self.doing_path);
        tx::journal_finish(journal)?;
        linked.map_err(|source| Error::Io {
            path: project.root.join(current::LINK),
            source,
        })?;
        Ok(Done {
            parent_branch: parent_branch.map(str::to_owned),
            committed: true,
            branch_mode: true,
            ..Done::default()
        })
    }
}

/// TicketFlow's TICKET_ALREADY_STARTED for ticket `id`, naming who started it and when (the
/// author and time of its start commit) and, in worktree mode, where. The next step offered is
/// another ticket — never `--force`, which would take the ticket from whoever has it.
pub fn already_started(repo: &Repo, id: &str, worktree: Option<&Path>) -> Error {
    let by = repo.start_commit(id).map(|c| {
        let at = Timestamp {
            unix: c.time,
            nanos: 0,
            offset: c.offset_minutes * 60,
        };
        format!(
            ": started by {} <{}> at {}",
            c.name,
            c.email,
            at.to_rfc3339_seconds()
        )
    });
    let by = by.unwrap_or_default();
    let take_another = "Take another ticket: git ticket list --status todo";
    match worktree {
        Some(w) => Error::precondition(
            ErrorCode::TicketAlreadyStarted,
            "Ticket already started",
            format!(
                "Ticket {id} is already in progress{by}; its worktree is {}",
                w.display()
            ),
            &[take_another, "See who works on what: git ticket status"],
        ),
        None => Error::precondition(
            ErrorCode::TicketAlreadyStarted,
            "Ticket already started",
            format!("Ticket {id} is already in progress{by}"),
            &[
                &format!("Switch to the existing branch: git checkout {id}"),
                "Use 'git ticket status' to see the current ticket",
                take_another,
            ],
        ),
    }
}

/// Removes a ticket worktree (its `current-ticket.md` first; `force` only when asked), or
/// prunes its record when the folder is gone. Used by cleanup and to finish an interrupted
/// cleanup.
pub fn remove_worktree(env: &Env, repo: &Repo, w: &WorktreeInfo, force: bool) -> Result<(), Error> {
    if w.missing {
        let _ = repo.worktree_prune();
        return Ok(());
    }
    if let Some(b) = &w.branch {
        let _ = current::remove_if(&w.path, b);
    }
    tx::step(env, "cleanup:worktree", || {
        repo.worktree_remove(&w.path, force)
    })
    .map_err(|err: GitError| Error::GitCommand {
        code: ErrorCode::WorktreeRemoveFailed,
        err,
        state: "Nothing was removed; fix the problem above and run the command again".into(),
    })
}
