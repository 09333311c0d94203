//! `git ticket start <ticket>`: takes a ticket. Worktree mode commits "Start ticket: <ID>"
//! (the move to doing, nothing else) on the current branch, creates branch `<ID>` from it and
//! a worktree at `<base_dir>/<ID>`, links `current-ticket.md` there and runs the trusted
//! init commands. Branch mode switches to branch `<ID>` and commits there.
//!
//! Everything is checked before anything changes. A failure before the commit changes
//! nothing; after it, running `start` again completes the work (a doing ticket without a
//! worktree gets one). Nothing is ever deleted: an existing branch is used as it is.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use super::flow::{self, TicketChange, Tree};
use crate::context::Ctx;
use crate::current;
use crate::env::Env;
use crate::error::Error;
use crate::git::{self, cli::Git};
use crate::journal::{Journal, Op, Record, Step};
use crate::output::{FormatArg, Out, Outcome, Style, write_json};
use crate::registry::{Command, Group, Profile};
use crate::ticket::format::parse_meta;
use crate::ticket::store::{read_text, read_ticket};
use crate::ticket::transition::{self, TransitionError};
use crate::ticket::{Status, Timestamp};

/// Start work on a ticket: branch, worktree, current-ticket.md.
///
/// Must be run on git.default_branch or on a ticket branch (the new branch then starts from
/// it). A doing ticket without a worktree gets one. With --force an existing, clean worktree
/// is recreated; a worktree with uncommitted changes is never removed, and existing branches
/// are never deleted.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket: ID, ID prefix, slug, or slug words
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// Recreate the ticket's existing worktree (only if it has no uncommitted changes)
    #[arg(short, long)]
    force: bool,
    #[command(flatten)]
    format: FormatArg,
}

/// The `start` command.
pub struct Start;

impl Command for Start {
    const NAME: &'static str = "start";
    const SUMMARY: &'static str = "Start work on a ticket (branch and worktree)";
    const GROUP: Group = Group::Porcelain;
    const PROFILE: Profile = Profile::SINGLE;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let live_output = ctx.format() == crate::output::Format::Text && env.stdout_tty;
        let project = ctx.project()?;
        let git = flow::git(project)?;
        let lock = flow::lock(env, project, &format!("start {}", args.ticket))?;
        let entry = project.store.resolve(&args.ticket)?;
        let (text, meta) = read_ticket(&entry.path)?;
        let id = entry.id.clone();
        let original_status = meta.status();
        if original_status == Status::Done {
            return Err(Error::Transition {
                id,
                err: TransitionError::AlreadyClosed,
            });
        }
        let repo = project.repo()?;
        if !git::has_commits(repo) {
            return Err(Error::precondition(
                "INVALID_CONTEXT",
                "Repository has no commits",
                "start commits on the current branch, which has no commit yet".into(),
                &[
                    "Commit .ticketflow.yaml and your tickets first: git add -A && git commit -m 'Add tickets'",
                ],
            ));
        }
        let default = &project.config.git.default_branch;
        let current = git::current_branch(repo).unwrap_or_default();
        let on_ticket_branch = current != *default && project.store.find_exact(&current).is_some();
        if current != *default && !on_ticket_branch {
            return Err(Error::precondition(
                "TICKET_INVALID",
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
        // The branch the ticket branch starts from: this ticket branch, else the ticket's
        // parent when that branch exists, else the current (default) branch.
        let parent_branch = if on_ticket_branch {
            Some(current.clone())
        } else {
            meta.parent()
                .filter(|p| *p != id && git::branch_tip(repo, p).is_some())
                .map(str::to_owned)
        };
        let now = Timestamp::now_local();
        let started_text =
            match original_status {
                Status::Todo => Some(transition::start(&text, &meta, &now).map_err(|err| {
                    Error::Transition {
                        id: id.clone(),
                        err,
                    }
                })?),
                _ => None,
            };
        let doing_path = project.store.dir(Status::Doing).join(format!("{id}.md"));
        let plan = Plan {
            env,
            git: &git,
            id: &id,
            from: &entry.path,
            doing_path: &doing_path,
            started_text: started_text.as_deref(),
            current_text: &text,
        };
        let mut result = if project.config.worktree.enabled {
            plan.worktree_mode(project, args.force, parent_branch.as_deref())?
        } else {
            plan.branch_mode(project, parent_branch.as_deref(), &current)?
        };
        result.original_status = original_status;
        result.description = meta.description;
        // Init commands may run for minutes: other agents need not wait for them.
        drop(lock);
        let mut warning = None;
        if project.config.worktree.enabled {
            let commands = &project.config.worktree.init_commands;
            if !commands.is_empty() {
                let config =
                    std::fs::read(project.root.join(crate::config::FILE_NAME)).unwrap_or_default();
                result.init_trusted = crate::trust::is_trusted(repo.commondir(), &config);
                if result.init_trusted {
                    let secs = match project.config.timeouts.init_commands {
                        0 => 60,
                        s => s.unsigned_abs(),
                    };
                    result.init_commands = run_init_commands(
                        commands,
                        &result.worktree_path,
                        Duration::from_secs(secs),
                        live_output,
                    );
                    result.init_executed = true;
                } else {
                    warning = Some(format!(
                        "{} init command(s) were not run: this .ticketflow.yaml is not trusted on this machine. Review worktree.init_commands, run 'git ticket trust', and run them yourself in {} this time.",
                        commands.len(),
                        result.worktree_path.display()
                    ));
                }
            }
        }
        ctx.warnings.extend(warning);
        Ok(Box::new(result))
    }
}

/// What start needs to carry out either mode.
pub struct Plan<'a> {
    /// The environment (failure injection).
    pub env: &'a Env,
    /// The git executable.
    pub git: &'a Git,
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

impl Plan<'_> {
    fn message(&self) -> String {
        format!("Start ticket: {}", self.id)
    }

    /// Records the start in the journal before anything changes.
    fn journal(
        &self,
        project: &crate::context::Project,
        worktree: Option<PathBuf>,
        branch_from: Option<&str>,
    ) -> Result<Journal, Error> {
        let record = Record {
            op: Op::Start,
            ticket: self.id.to_owned(),
            root: project.root.clone(),
            head_before: project
                .repo()?
                .head()
                .ok()
                .and_then(|h| h.target())
                .map(|o| o.to_string()),
            from: Some(self.from.to_owned()),
            to: Some(self.doing_path.to_owned()),
            original: self.started_text.map(|_| self.current_text.to_owned()),
            worktree,
            branch_from: branch_from.map(str::to_owned),
            force: false,
            step: if self.started_text.is_some() {
                Step::Planned
            } else {
                Step::Committed
            },
            pid: std::process::id(),
        };
        flow::journal(project, record)
    }

    /// Worktree mode: checks, then commit, worktree, link — journaled so that a crash at any
    /// point is completed or rolled back by the next command.
    pub fn worktree_mode(
        &self,
        project: &crate::context::Project,
        force: bool,
        parent_branch: Option<&str>,
    ) -> Result<Started, Error> {
        let repo = project.repo()?;
        let id = self.id;
        let all = git::worktrees(repo);
        let path = flow::worktree_path(project, id)?;
        let existing = git::worktree_of_branch(&all, id).cloned();
        let mut recreating = false;
        if let Some(w) = &existing
            && !w.missing
        {
            if !force {
                return Err(Error::precondition(
                    "WORKTREE_EXISTS",
                    "Worktree already exists",
                    format!(
                        "Worktree for ticket {id} already exists at: {}",
                        w.path.display()
                    ),
                    &[
                        &format!("Work there: cd {}", w.path.display()),
                        "Use --force to recreate it (only when it has no uncommitted changes)",
                    ],
                ));
            }
            let wrepo = git2::Repository::open(&w.path)?;
            let dirty = git::dirty_paths(&wrepo, &[current::LINK])?;
            if !dirty.is_empty() {
                return Err(Error::precondition(
                    "GIT_DIRTY_WORKSPACE",
                    "Uncommitted changes in worktree",
                    format!(
                        "{} has uncommitted changes ({}); --force never discards work",
                        w.path.display(),
                        dirty.join(", ")
                    ),
                    &[
                        &format!("Commit or stash them: cd {} && git stash", w.path.display()),
                        "Or keep working in that worktree as it is",
                    ],
                ));
            }
            recreating = true;
        } else if path.exists() {
            return Err(Error::precondition(
                "WORKTREE_EXISTS",
                "Worktree directory already exists",
                format!(
                    "{} exists and is not the worktree of branch {id}",
                    path.display()
                ),
                &["Move or remove that folder, then run the command again"],
            ));
        }
        // Checks done; now change things.
        let mut journal = self.journal(project, Some(path.clone()), parent_branch)?;
        let result = self.worktree_steps(
            project,
            &path,
            existing.as_ref(),
            recreating,
            parent_branch,
            &mut journal,
        );
        match result {
            Ok(started) => {
                flow::journal_finish(journal)?;
                Ok(started)
            }
            Err(e) => {
                // A handled failure: the error says what state it left. Only a crash leaves
                // a journal record behind.
                let _ = journal.finish();
                Err(e)
            }
        }
    }

    /// The changing part of worktree mode, recorded step by step in `journal`.
    fn worktree_steps(
        &self,
        project: &crate::context::Project,
        path: &Path,
        existing: Option<&git::WorktreeInfo>,
        recreating: bool,
        parent_branch: Option<&str>,
        journal: &mut Journal,
    ) -> Result<Started, Error> {
        let repo = project.repo()?;
        let id = self.id;
        let target = Tree {
            repo,
            root: &project.root,
        };
        if let Some(text) = self.started_text {
            flow::commit_ticket_change(
                self.env,
                self.git,
                target,
                &TicketChange {
                    from: self.from,
                    to: self.doing_path,
                    text,
                    message: &self.message(),
                    failpoint: "start:commit",
                },
            )?;
        }
        flow::journal_step(journal, Step::Committed)?;
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
        if let Some(w) = existing.filter(|w| !w.missing) {
            let _ = current::remove_if(&w.path, id);
            let wp = w.path.as_os_str();
            self.git
                .run(
                    target.target(),
                    &["worktree".as_ref(), "remove".as_ref(), wp],
                )
                .map_err(|e| fail("WORKTREE_REMOVE_FAILED", e))?;
        } else if existing.is_some() {
            let _ = self.git.run(target.target(), &["worktree", "prune"]);
        }
        if let Some(base) = path.parent() {
            std::fs::create_dir_all(base).map_err(|source| Error::Io {
                path: base.to_owned(),
                source,
            })?;
        }
        let add = || {
            if self.env.fail_at("start:worktree") {
                return Err(flow::injected("start:worktree"));
            }
            let p = path.as_os_str();
            if git::branch_tip(repo, id).is_some() {
                self.git.run(
                    target.target(),
                    &["worktree".as_ref(), "add".as_ref(), p, id.as_ref()],
                )
            } else {
                let from = parent_branch.unwrap_or("HEAD");
                self.git.run(
                    target.target(),
                    &[
                        "worktree".as_ref(),
                        "add".as_ref(),
                        "-b".as_ref(),
                        id.as_ref(),
                        p,
                        from.as_ref(),
                    ],
                )
            }
        };
        add().map_err(|e| fail("WORKTREE_CREATE_FAILED", e))?;
        flow::journal_step(journal, Step::WorktreeAdded)?;
        flow::crash_point(self.env, "start:worktree-added");
        // The worktree's own copy of the ticket must be in doing too (it is, when the branch
        // was made from the start commit; not when it comes from a parent or already existed).
        let wrepo = git2::Repository::open(path)?;
        let wt = Tree {
            repo: &wrepo,
            root: path,
        };
        let rel_doing = flow::rel(&project.root, self.doing_path);
        let wt_doing = path.join(rel_doing);
        let wt_started = read_text(&wt_doing)
            .ok()
            .and_then(|t| parse_meta(&t).ok())
            .is_some_and(|m| m.started_at.is_some());
        if !wt_started {
            let wt_from = path.join(flow::rel(&project.root, self.from));
            let text = self.started_text.unwrap_or(self.current_text);
            flow::commit_ticket_change(
                self.env,
                self.git,
                wt,
                &TicketChange {
                    from: &wt_from,
                    to: &wt_doing,
                    text,
                    message: &self.message(),
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
        let link = if self.env.fail_at("start:link") {
            Err(flow::injected("start:link"))
        } else {
            current::write(path, &wt_doing).map_err(|e| crate::git::cli::GitError {
                command: format!("link {}", current::LINK),
                reason: e.to_string(),
            })
        };
        link.map_err(|err| Error::GitCommand {
            code: "GIT_MERGE_FAILED",
            err,
            state: format!(
                "The worktree {} is ready but has no current-ticket.md; run 'git ticket restore' there to create it",
                path.display()
            ),
        })?;
        Ok(Started {
            id: id.to_owned(),
            worktree_path: path.to_owned(),
            parent_branch: parent_branch.map(str::to_owned),
            recreating,
            committed,
            branch_mode: false,
            ..Started::default()
        })
    }

    fn branch_mode(
        &self,
        project: &crate::context::Project,
        parent_branch: Option<&str>,
        current: &str,
    ) -> Result<Started, Error> {
        let repo = project.repo()?;
        let id = self.id;
        let tree = Tree {
            repo,
            root: &project.root,
        };
        if self.started_text.is_none() {
            return Err(Error::precondition(
                "TICKET_ALREADY_STARTED",
                "Ticket already started",
                format!("Ticket {id} is already in progress"),
                &[
                    &format!("Switch to the existing branch: git checkout {id}"),
                    "Use 'git ticket status' to see the current ticket",
                ],
            ));
        }
        let dirty = git::dirty_paths(repo, &[current::LINK])?;
        if !dirty.is_empty() {
            return Err(Error::precondition(
                "GIT_DIRTY_WORKSPACE",
                "Uncommitted changes detected",
                format!(
                    "Please commit or stash your changes before starting a ticket ({})",
                    dirty.join(", ")
                ),
                &[
                    "Commit your changes: git commit -am 'Your message'",
                    "Stash your changes: git stash",
                ],
            ));
        }
        let created = git::branch_tip(repo, id).is_none();
        let journal = self.journal(project, None, None)?;
        let switch = if created {
            let from = parent_branch.unwrap_or("HEAD");
            self.git
                .run(tree.target(), &["checkout", "-q", "-b", id, from])
        } else {
            self.git.run(tree.target(), &["checkout", "-q", id])
        };
        switch.map_err(|err| Error::GitCommand {
            code: "GIT_BRANCH_EXISTS",
            err,
            state: "Nothing was changed".into(),
        })?;
        let commit = flow::commit_ticket_change(
            self.env,
            self.git,
            tree,
            &TicketChange {
                from: self.from,
                to: self.doing_path,
                text: self.started_text.unwrap_or(self.current_text),
                message: &self.message(),
                failpoint: "start:commit",
            },
        );
        if let Err(e) = commit {
            let _ = journal.finish();
            // Never leave the user on a half-started branch (TicketFlow's W32).
            let _ = self.git.run(tree.target(), &["checkout", "-q", current]);
            if created {
                let _ = self.git.run(tree.target(), &["branch", "-q", "-d", id]);
            }
            return Err(e);
        }
        let linked = current::write(&project.root, self.doing_path);
        flow::journal_finish(journal)?;
        linked.map_err(|source| Error::Io {
            path: project.root.join(current::LINK),
            source,
        })?;
        Ok(Started {
            id: id.to_owned(),
            parent_branch: parent_branch.map(str::to_owned),
            committed: true,
            branch_mode: true,
            ..Started::default()
        })
    }
}

/// The result of one init command.
#[derive(Debug, Clone, Serialize)]
pub struct InitCommand {
    command: String,
    success: bool,
    exit_code: Option<i32>,
    timed_out: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    output: String,
}

/// Runs each init command with `sh -c` in `dir`, each with its own timeout; output is shown
/// live when `live`, else captured for the report.
fn run_init_commands(
    commands: &[String],
    dir: &Path,
    timeout: Duration,
    live: bool,
) -> Vec<InitCommand> {
    commands
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| {
            if live {
                let mut err = io::stderr();
                let _ = writeln!(err, "  $ {c}");
            }
            let mut cmd = std::process::Command::new("sh");
            cmd.arg("-c")
                .arg(c)
                .current_dir(dir)
                .env_remove("GIT_DIR")
                .env_remove("GIT_WORK_TREE")
                .env_remove("GIT_INDEX_FILE");
            match crate::process::run(&mut cmd, timeout, live) {
                Ok(done) => {
                    let mut output = String::from_utf8_lossy(&done.stdout).into_owned();
                    output.push_str(&String::from_utf8_lossy(&done.stderr));
                    InitCommand {
                        command: c.clone(),
                        success: done.success(),
                        exit_code: done.status.and_then(|s| s.code()),
                        timed_out: done.status.is_none(),
                        output: output.trim().to_owned(),
                    }
                }
                Err(e) => InitCommand {
                    command: c.clone(),
                    success: false,
                    exit_code: None,
                    timed_out: false,
                    output: format!("cannot run sh: {e}"),
                },
            }
        })
        .collect()
}

/// The result of `start`.
#[derive(Default)]
pub struct Started {
    id: String,
    description: String,
    original_status: Status,
    worktree_path: PathBuf,
    parent_branch: Option<String>,
    recreating: bool,
    committed: bool,
    branch_mode: bool,
    init_trusted: bool,
    init_executed: bool,
    init_commands: Vec<InitCommand>,
}

impl Outcome for Started {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        let id = &self.id;
        writeln!(out.w)?;
        out.styled(Style::Bold, &format!("✅ Started work on ticket: {id}"))?;
        writeln!(out.w)?;
        writeln!(out.w, "   Description: {}", self.description)?;
        writeln!(out.w)?;
        if self.branch_mode {
            writeln!(out.w, "🌿 Switched to branch: {id}")?;
        } else {
            let verb = if self.recreating {
                "recreated"
            } else {
                "created"
            };
            writeln!(
                out.w,
                "📁 Worktree {verb}: {}",
                self.worktree_path.display()
            )?;
        }
        if let Some(p) = &self.parent_branch {
            writeln!(out.w, "   Parent ticket: {p}")?;
            writeln!(out.w, "   Branch from: {p}")?;
        }
        writeln!(out.w, "   Status: {} → doing", self.original_status)?;
        if self.committed {
            writeln!(out.w, "   Committed: \"Start ticket: {id}\"")?;
        }
        for c in self.init_commands.iter().filter(|c| !c.success) {
            let why = if c.timed_out {
                "timed out".to_owned()
            } else {
                format!("exit {}", c.exit_code.map_or("?".into(), |c| c.to_string()))
            };
            writeln!(out.w, "   ⚠️  Init command failed ({why}): {}", c.command)?;
            for line in c.output.lines().take(20) {
                writeln!(out.w, "      {line}")?;
            }
        }
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        let mut n = 1;
        if !self.branch_mode {
            writeln!(out.w, "{n}. Navigate to worktree:")?;
            writeln!(out.w, "   cd {}", self.worktree_path.display())?;
            writeln!(out.w, "   ")?;
            n += 1;
        }
        writeln!(out.w, "{n}. Make your changes and commit regularly")?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "{}. Push branch to create PR:", n + 1)?;
        writeln!(out.w, "   git push -u origin {id}")?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "{}. When done, close the ticket:", n + 2)?;
        writeln!(out.w, "   git ticket close")
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            branch: &'a str,
            init_commands: &'a [InitCommand],
            init_commands_executed: bool,
            init_commands_trusted: bool,
            is_recreating_worktree: bool,
            original_status: Status,
            parent_branch: &'a str,
            status: Status,
            ticket_id: &'a str,
            worktree_path: String,
        }
        write_json(
            w,
            &Json {
                branch: &self.id,
                init_commands: &self.init_commands,
                init_commands_executed: self.init_executed,
                init_commands_trusted: self.init_trusted,
                is_recreating_worktree: self.recreating,
                original_status: self.original_status,
                parent_branch: self.parent_branch.as_deref().unwrap_or(""),
                status: Status::Doing,
                ticket_id: &self.id,
                worktree_path: if self.branch_mode {
                    String::new()
                } else {
                    self.worktree_path.display().to_string()
                },
            },
        )
    }
}
