//! Starting a ticket. Worktree mode commits "Start ticket: <ID>" (the move to doing, nothing
//! else) on the current branch, creates branch `<ID>` from it and a worktree at
//! `<base_dir>/<ID>`, links `current-ticket.md` there and runs the trusted init commands.
//! Branch mode switches to branch `<ID>` and commits there.
//!
//! Everything is checked before anything changes. A failure before the commit changes
//! nothing; after it, running `start` again completes the work (a doing ticket without a
//! worktree gets one). Nothing is ever deleted: an existing branch is used as it is, and a
//! ticket whose worktree exists is already started (TICKET_ALREADY_STARTED, naming who started
//! it and when) — with `--force` too, its worktree is left as it is ("nothing to repair").

use std::time::Duration;

use super::claim::{self, ClaimChoice, Claimed};
use super::init_commands::{self, InitCommand};
use super::plan::{Done, Plan};
use super::provision::{self, Provisioned};
use super::{Project, Ui, graph, guard};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::exec::Exec;
use crate::git::is_valid_branch_name;
use crate::lock::RepoLock;
use crate::ticket::deps::Blocker;
use crate::ticket::store::read_ticket;
use crate::ticket::transition::{self, TransitionError};
use crate::ticket::{Status, Timestamp};

/// What to start.
#[derive(Clone, Debug)]
pub struct StartInput<'a> {
    /// The ticket reference (ID, ID prefix, slug, slug words).
    pub ticket: &'a str,
    /// Repair the ticket's worktree: a healthy one (present, on its branch) is left as it is,
    /// one whose folder is gone is recreated, one with uncommitted changes is never removed.
    pub force: bool,
    /// Whether to claim the ticket on a remote first (`claims.remote`, `--claim-remote`,
    /// `--no-claim`).
    pub claim: ClaimChoice<'a>,
    /// Start the new branch from this commit-ish instead of the branch `start` runs on.
    pub from: Option<&'a str>,
}

/// What a start did.
#[derive(Debug, Default)]
pub struct Started {
    /// The ticket.
    pub id: String,
    /// Its description.
    pub description: String,
    /// Its status before.
    pub original_status: Status,
    /// What the start did: commit, worktree or branch.
    pub done: Done,
    /// The config's init commands may run here.
    pub init_trusted: bool,
    /// The init commands ran.
    pub init_executed: bool,
    /// Their results.
    pub init_commands: Vec<InitCommand>,
    /// Why init commands were not run, when there were some.
    pub warning: Option<String>,
    /// What the ticket still waited on when it was started (it starts anyway).
    pub blockers: Vec<Blocker>,
    /// The claim on the claims remote, when claims are on.
    pub claim: Option<Claimed>,
    /// The ignored files copied or linked into the new worktree (`.worktreeinclude`).
    pub provisioned: Provisioned,
}

/// Starts a ticket (see the module documentation). A ticket with unsatisfied blockers is
/// started too (TicketFlow's behaviour); [`Started::blockers`] names them.
pub fn start(
    env: &Env,
    project: &Project,
    input: &StartInput<'_>,
    ui: &mut dyn Ui,
) -> Result<Started, Error> {
    project.repo_with_git()?;
    let lock = guard::lock(env, project, &format!("start {}", input.ticket), ui)?;
    let mut started = start_held(env, project, input, &lock, ui)?;
    // Init commands may run for minutes: other agents need not wait for them.
    drop(lock);
    // Read-only, after the start: a graph that cannot be read costs the warning, not the start.
    if let Some(entry) = project.store.find_exact(&started.id)
        && let Ok(ticket) = crate::ticket::store::load(&entry, false)
    {
        started.blockers = graph::links_of(project, &ticket, Exec::Parallel)
            .map(|l| l.blockers)
            .unwrap_or_default();
    }
    Ok(run_init(project, started, ui))
}

/// The part of a start made under the repository lock, which the caller holds (`_held`):
/// `next --start` picks a ticket and starts it in one hold. Init commands are not run; pass
/// the result to [`run_init`] once the lock is released.
pub fn start_held(
    env: &Env,
    project: &Project,
    input: &StartInput<'_>,
    _held: &RepoLock,
    ui: &mut dyn Ui,
) -> Result<Started, Error> {
    project.repo_with_git()?;
    let entry = project.store.resolve(input.ticket)?;
    // Claimed elsewhere comes first (TICKET_CLAIMED), before anything here is looked at.
    let held = claim::for_start(env, project, &entry.id, input.claim)?;
    let result = start_locked(env, project, input, entry);
    let (mut started, claim) = claim::settle(project, held, result, ui)?;
    started.claim = claim;
    Ok(started)
}

/// The checks and changes of a start, under the repository lock.
fn start_locked(
    env: &Env,
    project: &Project,
    input: &StartInput<'_>,
    entry: crate::ticket::entry::Entry,
) -> Result<Started, Error> {
    let repo = project.repo_with_git()?;
    let (text, meta) = read_ticket(&entry.path)?;
    let id = entry.id.clone();
    let original_status = meta.status();
    if original_status == Status::Done {
        return Err(Error::Transition {
            id,
            err: TransitionError::AlreadyClosed,
        });
    }
    if !is_valid_branch_name(&id) {
        return Err(Error::precondition(
            ErrorCode::TicketInvalid,
            "Ticket ID is not a valid branch name",
            format!(
                "'{id}' ({}) cannot be a git branch, and a started ticket needs one",
                entry.path.display()
            ),
            &[
                "Rename the file to a ticket ID (YYMMDD-HHMMSS-slug, slug of a-z, 0-9 and -), then start it",
                "git ticket fsck lists every ticket file whose name is not a ticket ID",
            ],
        ));
    }
    // Closed on its own branch (here, or pushed by another clone) but not merged yet:
    // starting it again would put it in doing and done at once on that branch.
    if let Some(branch) = super::board::done_on_branch(project, &id)? {
        let name = branch
            .strip_prefix("refs/heads/")
            .or_else(|| branch.strip_prefix("refs/remotes/"))
            .unwrap_or(&branch);
        return Err(Error::precondition(
            ErrorCode::TicketAlreadyClosed,
            "Ticket already closed",
            format!("Ticket {id} is done on branch {name}, not merged"),
            &[
                &format!("Merge it: git merge {name} (or merge its pull request)"),
                "Take another ticket: git ticket list",
            ],
        ));
    }
    if !repo.has_commits() {
        return Err(Error::precondition(
            ErrorCode::InvalidContext,
            "Repository has no commits",
            "start commits on the current branch, which has no commit yet".into(),
            &[
                "Commit .ticketflow.yaml and your tickets first: git add -A && git commit -m 'Add tickets'",
            ],
        ));
    }
    let default = &project.config.git.default_branch;
    let current = repo.current_branch().unwrap_or_default();
    let on_ticket_branch = current != *default && project.store.find_exact(&current).is_some();
    if current != *default && !on_ticket_branch {
        return Err(Error::precondition(
            ErrorCode::TicketInvalid,
            "Invalid branch for starting ticket",
            if current.is_empty() {
                "HEAD is detached, which is not a ticket branch".into()
            } else {
                format!("Currently on branch '{current}', which is not a ticket branch")
            },
            &[
                &format!("Switch to the default branch: git checkout {default}"),
                "Or start from a ticket branch (its worktree)",
            ],
        ));
    }
    // The branch the ticket branch starts from: this ticket branch, else the ticket's parent
    // when that branch exists and is not merged here yet, else the current (default) branch.
    // (A merged parent's work is here already; branching from it would leave out the start
    // commit made here, and the close on the ticket branch would then conflict with it when
    // merged: the ticket file renamed todo → doing here and todo → done there.)
    let parent_branch = if let Some(from) = input.from {
        Some(from_commit(repo, &id, from)?)
    } else if on_ticket_branch {
        Some(current.clone())
    } else {
        meta.parent()
            .filter(|p| *p != id && repo.branch_exists(p) && !repo.contained_in(p, &current))
            .map(str::to_owned)
    };
    let provision = provision::rules(project)?;
    let now = Timestamp::now_local();
    let started_text = match original_status {
        Status::Todo => {
            Some(
                transition::start(&text, &meta, &now).map_err(|err| Error::Transition {
                    id: id.clone(),
                    err,
                })?,
            )
        }
        _ => None,
    };
    let doing_path = project.store.dir(Status::Doing).join(format!("{id}.md"));
    let plan = Plan {
        env,
        id: &id,
        from: &entry.path,
        doing_path: &doing_path,
        started_text: started_text.as_deref(),
        current_text: &text,
    };
    let done = if project.config.worktree.enabled {
        plan.worktree_mode(project, input.force, parent_branch.as_deref())?
    } else {
        plan.branch_mode(project, parent_branch.as_deref(), &current)?
    };
    let mut started = Started {
        id,
        description: meta.description,
        original_status,
        done,
        ..Started::default()
    };
    if !started.done.branch_mode && !started.done.nothing_to_repair {
        started.provisioned = provision.apply(repo, &started.done.worktree_path);
    }
    Ok(started)
}

/// `--from <rev>` checked: it names a commit, and the branch does not exist yet.
fn from_commit(repo: &crate::git::Repo, id: &str, rev: &str) -> Result<String, Error> {
    if repo.branch_exists(id) {
        return Err(Error::precondition(
            ErrorCode::GitBranchExists,
            "Branch already exists",
            format!("Branch {id} exists; --from only chooses where a new branch starts"),
            &[&format!(
                "Start it without --from to use branch {id} as it is"
            )],
        ));
    }
    repo.resolve_commit(rev)
        .map(|_| rev.to_owned())
        .ok_or_else(|| {
            Error::precondition(
                ErrorCode::ValidationError,
                "Unknown revision",
                format!("--from {rev}: no commit of that name in this repository"),
                &["Name a branch, tag or commit: git branch -a lists the branches"],
            )
        })
}

/// Runs the trusted init commands of a start in its new worktree (outside the lock), or says
/// why they were not run.
pub fn run_init(project: &Project, mut started: Started, ui: &mut dyn Ui) -> Started {
    let Ok(repo) = project.repo() else {
        return started;
    };
    let commands = &project.config.worktree.init_commands;
    if project.config.worktree.enabled && !commands.is_empty() && !started.done.nothing_to_repair {
        let config = std::fs::read(project.root.join(crate::config::FILE_NAME)).unwrap_or_default();
        started.init_trusted = crate::trust::is_trusted(repo.common_dir(), &config);
        if started.init_trusted {
            let secs = match project.config.timeouts.init_commands {
                0 => 60,
                s => s.unsigned_abs(),
            };
            started.init_commands = init_commands::run(
                commands,
                &started.done.worktree_path,
                Duration::from_secs(secs),
                ui,
            );
            started.init_executed = true;
        } else {
            started.warning = Some(format!(
                "{} init command(s) were not run: this .ticketflow.yaml is not trusted on this machine. Review worktree.init_commands, run 'git ticket trust', and run them yourself in {} this time.",
                commands.len(),
                started.done.worktree_path.display()
            ));
        }
    }
    started
}
