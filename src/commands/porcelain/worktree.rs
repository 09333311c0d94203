//! `git ticket worktree list|clean`: the repository's worktrees, and removal of the worktrees
//! of done tickets (the worktree half of `cleanup`).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::ops::cleanup::{self, Skipped};
use crate::output::{Outcome, Style, Ui, pad, write_json};
use crate::ticket::Status;

/// List the repository's worktrees, or clean those of done tickets.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Option<Action>,
}

/// `worktree` subcommands.
#[derive(Debug, clap::Subcommand)]
enum Action {
    /// List all worktrees (path, branch, HEAD)
    List,
    /// Remove worktrees under worktree.base_dir whose ticket is done and merged
    Clean {
        /// Show what would be removed; change nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// The `worktree` command.
pub struct Worktree;

impl Command for Worktree {
    const NAME: &'static str = "worktree";
    const SUMMARY: &'static str = "List worktrees, or clean those of done tickets";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        match args.action.unwrap_or(Action::List) {
            Action::List => {
                let repo = project.repo()?;
                let worktrees = repo
                    .worktrees()
                    .into_iter()
                    .map(|w| Row {
                        head: repo.head_commit(&w.head).unwrap_or_default(),
                        path: w.path.display().to_string(),
                        branch: w.branch.unwrap_or_default(),
                    })
                    .collect();
                Ok(Box::new(Listed(worktrees)))
            }
            Action::Clean { dry_run } => {
                let sweep = cleanup::worktrees(env, project, dry_run, ui)?;
                let (doing, _) = project.store.entries(&[Status::Doing])?;
                for s in &sweep.skipped {
                    ui.warn(s.to_string());
                }
                Ok(Box::new(Cleaned {
                    dry_run,
                    active: doing.len(),
                    total: sweep.total,
                    cleaned: sweep
                        .removed
                        .into_iter()
                        .map(|(b, p)| (b, p.display().to_string()))
                        .collect(),
                    failed: sweep.failed,
                    skipped: sweep.skipped,
                }))
            }
        }
    }
}

/// TicketFlow's worktree JSON uses capitalised keys, in its struct's order.
#[derive(Serialize)]
struct Row {
    #[serde(rename = "Path")]
    path: String,
    #[serde(rename = "Branch")]
    branch: String,
    #[serde(rename = "HEAD")]
    head: String,
}

struct Listed(Vec<Row>);

impl Outcome for Listed {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        out.styled(
            Style::Bold,
            &format!("{} {} HEAD", pad("PATH", 50), pad("BRANCH", 30)),
        )?;
        writeln!(out.w)?;
        writeln!(out.w, "{}", "-".repeat(100))?;
        for r in &self.0 {
            let branch = if r.branch.is_empty() {
                "(detached)"
            } else {
                &r.branch
            };
            writeln!(out.w, "{} {} {}", pad(&r.path, 50), pad(branch, 30), r.head)?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        // A struct, not `json!`: the rows keep TicketFlow's field order (Path, Branch, HEAD).
        #[derive(Serialize)]
        struct Json<'a> {
            worktrees: &'a [Row],
        }
        write_json(w, &Json { worktrees: &self.0 })
    }
}

struct Cleaned {
    dry_run: bool,
    active: usize,
    total: usize,
    cleaned: Vec<(String, String)>,
    failed: Vec<(String, String)>,
    skipped: Vec<Skipped>,
}

impl Outcome for Cleaned {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let verb = if self.dry_run {
            "Would remove"
        } else {
            "Removing"
        };
        for (b, p) in &self.cleaned {
            writeln!(out.w, "{verb} worktree: {p} (branch: {b})")?;
        }
        for (b, e) in &self.failed {
            writeln!(out.w, "Warning: Failed to remove worktree of {b}: {e}")?;
        }
        for s in &self.skipped {
            writeln!(out.w, "Kept {}: {}", s.branch, s.reason)?;
        }
        if self.cleaned.is_empty() {
            writeln!(out.w, "No worktrees of done tickets to remove")
        } else if self.dry_run {
            writeln!(out.w, "Would clean {} worktree(s)", self.cleaned.len())
        } else {
            writeln!(out.w, "Cleaned {} worktree(s)", self.cleaned.len())
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({
                "active_tickets": self.active,
                "cleaned_count": self.cleaned.len(),
                "cleaned_worktrees": self.cleaned.iter().map(|(b, _)| b).collect::<Vec<_>>(),
                "dry_run": self.dry_run,
                "failed_worktrees": self.failed.iter().map(|(b, _)| b).collect::<Vec<_>>(),
                "skipped": self.skipped,
                "success": self.failed.is_empty(),
                "total_worktrees": self.total,
            }),
        )
    }

    fn exit_code(&self) -> u8 {
        u8::from(!self.failed.is_empty())
    }
}
