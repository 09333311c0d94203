//! `git ticket hook <name> [<args>…]`: entry points for git hooks (installed by
//! `git ticket install-hooks`). A hook never fails the user's git operation because of
//! git-ticket itself: when there is no ticket context it does nothing.
//!
//! * `commit-msg <file>` — adds a `Ticket: <ID>` trailer on a ticket branch, unless that
//!   trailer is already there (`git interpret-trailers --if-exists addIfDifferent`).
//! * `post-checkout <old> <new> <branch-flag>` — after a branch checkout, points
//!   `current-ticket.md` at the branch's ticket, or removes a link naming another ticket.
//! * `pre-push <remote> <url>` (refs on stdin) — warns about pushing a ticket branch whose
//!   ticket is still in todo on the pushed commit, and renews our claim on the ticket of
//!   every ticket branch pushed (claims on): liveness comes from the work being pushed. A
//!   renewal that fails (remote unreachable, claim taken over) is a warning on stderr, never
//!   a failed push: exit 0.

use std::io::{self, Write};
use std::path::Path;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::current;
use crate::error::{Error, ErrorCode};
use crate::ops::Project;
use crate::output::{Outcome, Ui};
use crate::ticket::Status;

/// Hook names `hook` and `install-hooks` handle.
pub const HOOKS: [&str; 3] = ["commit-msg", "post-checkout", "pre-push"];

/// Run a git hook's git-ticket part (called by the scripts install-hooks writes).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The hook
    #[arg(value_name = "HOOK", value_parser = HOOKS)]
    name: String,
    /// The arguments git gave the hook
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    args: Vec<String>,
}

/// The `hook` command.
pub struct Hook;

impl Command for Hook {
    const NAME: &'static str = "hook";
    const SUMMARY: &'static str = "Entry point for git hooks";
    const GROUP: Group = Group::Plumbing;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = match ctx.project() {
            Ok(p) => p,
            // Not a git-ticket repository (or no config): nothing to do.
            Err(Error::Config(_)) => return Ok(Box::new(Quiet)),
            Err(e) => return Err(e),
        };
        let arg = |i: usize| args.args.get(i).map(String::as_str).unwrap_or_default();
        let warning = match args.name.as_str() {
            "commit-msg" => commit_msg(project, Path::new(arg(0)))?,
            "post-checkout" => post_checkout(project, arg(2))?,
            _ => {
                let (warning, notes) = pre_push(env, project, ui)?;
                for n in notes {
                    ui.warn(n);
                }
                warning
            }
        };
        if let Some(w) = warning {
            ui.warn(w);
        }
        Ok(Box::new(Quiet))
    }
}

/// The ticket of the current branch, when the branch is exactly a ticket ID.
fn branch_ticket(project: &Project) -> Result<Option<String>, Error> {
    Ok(project
        .repo()?
        .current_branch()
        .filter(|b| project.store.find_exact(b).is_some()))
}

fn commit_msg(project: &Project, file: &Path) -> Result<Option<String>, Error> {
    let Some(id) = branch_ticket(project)? else {
        return Ok(None);
    };
    project
        .repo_with_git()?
        .add_trailer(file, &format!("Ticket: {id}"))
        .map_err(|err| Error::GitCommand {
            code: ErrorCode::GitMergeFailed,
            err,
            state: "The commit message was not changed".into(),
        })?;
    Ok(None)
}

fn post_checkout(project: &Project, branch_flag: &str) -> Result<Option<String>, Error> {
    if branch_flag != "1" {
        return Ok(None);
    }
    let root = &project.root;
    match branch_ticket(project)?.and_then(|id| project.store.find_exact(&id)) {
        Some(entry) => {
            current::write(root, &entry.path).map_err(|source| Error::Io {
                path: root.join(current::LINK),
                source,
            })?;
        }
        None => {
            if let Ok(Some(c)) = current::read(root) {
                let _ = current::remove_if(root, &c.id);
            }
        }
    }
    Ok(None)
}

/// The todo warning, and the claim renewals' warnings.
fn pre_push(
    env: &crate::env::Env,
    project: &Project,
    ui: &mut Ui<'_>,
) -> Result<(Option<String>, Vec<String>), Error> {
    let input = ui.read_stdin().unwrap_or_default();
    let repo = project.repo()?;
    let todo_dir = project.rel(project.store.dir(Status::Todo)).to_owned();
    let mut todo = Vec::new();
    let mut tickets = Vec::new();
    for line in input.lines() {
        let mut parts = line.split_whitespace();
        let (Some(local_ref), Some(sha)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(branch) = local_ref.strip_prefix("refs/heads/") else {
            continue;
        };
        if repo.commit_has_file(sha, &todo_dir.join(format!("{branch}.md"))) {
            todo.push(branch.to_owned());
        }
        if sha.bytes().any(|b| b != b'0') && project.store.find_exact(branch).is_some() {
            tickets.push(branch.to_owned());
        }
    }
    let renewals = crate::ops::claim::renew_pushed(env, project, &tickets);
    let warning = (!todo.is_empty()).then(|| {
        format!(
            "pushing ticket branch(es) whose ticket is still in todo: {} (did you mean to 'git ticket start' it?)",
            todo.join(", ")
        )
    });
    Ok((warning, renewals))
}

/// Hooks print nothing on success.
struct Quiet;

impl Outcome for Quiet {
    fn text(&self, _out: &mut Ui<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        crate::output::write_json(w, &serde_json::json!({ "success": true }))
    }
}
