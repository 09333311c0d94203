//! `git ticket hook <name> [<args>…]`: entry points for git hooks (installed by
//! `git ticket install-hooks`). A hook never fails the user's git operation because of
//! git-ticket itself: when there is no ticket context it does nothing.
//!
//! * `commit-msg <file>` — adds a `Ticket: <ID>` trailer on a ticket branch, unless that
//!   trailer is already there (`git interpret-trailers --if-exists addIfDifferent`).
//! * `post-checkout <old> <new> <branch-flag>` — after a branch checkout, points
//!   `current-ticket.md` at the branch's ticket, or removes a link naming another ticket.
//! * `pre-push <remote> <url>` (refs on stdin) — warns about pushing a ticket branch whose
//!   ticket is still in todo on the pushed commit.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::commands::porcelain::flow::{self, Tree};
use crate::context::{Ctx, Project};
use crate::current;
use crate::error::Error;
use crate::git;
use crate::output::{Out, Outcome};
use crate::registry::{Command, Group, Profile};
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
    const PROFILE: Profile = Profile::SINGLE;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
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
            _ => pre_push(project)?,
        };
        ctx.warnings.extend(warning);
        Ok(Box::new(Quiet))
    }
}

/// The ticket of the current branch, when the branch is exactly a ticket ID.
fn branch_ticket(project: &Project) -> Result<Option<String>, Error> {
    Ok(git::current_branch(project.repo()?).filter(|b| project.store.find_exact(b).is_some()))
}

fn commit_msg(project: &Project, file: &Path) -> Result<Option<String>, Error> {
    let Some(id) = branch_ticket(project)? else {
        return Ok(None);
    };
    let git = flow::git(project)?;
    let tree = Tree {
        repo: project.repo()?,
        root: &project.root,
    };
    let trailer = format!("Ticket: {id}");
    git.run(
        tree.target(),
        &[
            "interpret-trailers".as_ref(),
            "--in-place".as_ref(),
            "--if-exists".as_ref(),
            "addIfDifferent".as_ref(),
            "--trailer".as_ref(),
            trailer.as_ref(),
            file.as_os_str(),
        ],
    )
    .map_err(|err| Error::GitCommand {
        code: "GIT_MERGE_FAILED",
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

fn pre_push(project: &Project) -> Result<Option<String>, Error> {
    let mut input = String::new();
    let _ = io::stdin().read_to_string(&mut input);
    let repo = project.repo()?;
    let todo_dir = flow::rel(&project.root, project.store.dir(Status::Todo)).to_owned();
    let mut todo = Vec::new();
    for line in input.lines() {
        let mut parts = line.split_whitespace();
        let (Some(local_ref), Some(sha)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(branch) = local_ref.strip_prefix("refs/heads/") else {
            continue;
        };
        let tree = git2::Oid::from_str(sha)
            .ok()
            .and_then(|oid| repo.find_commit(oid).ok())
            .and_then(|c| c.tree().ok());
        if let Some(tree) = tree
            && tree
                .get_path(&todo_dir.join(format!("{branch}.md")))
                .is_ok()
        {
            todo.push(branch.to_owned());
        }
    }
    Ok((!todo.is_empty()).then(|| {
        format!(
            "pushing ticket branch(es) whose ticket is still in todo: {} (did you mean to 'git ticket start' it?)",
            todo.join(", ")
        )
    }))
}

/// Hooks print nothing on success.
struct Quiet;

impl Outcome for Quiet {
    fn text(&self, _out: &mut Out<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        crate::output::write_json(w, &serde_json::json!({ "success": true }))
    }
}
