//! `git ticket cleanup [<ticket>]`: removes what finished tickets leave behind — one done
//! ticket's worktree and merged branch (asking first where a person can answer), or those of
//! every done ticket ([`crate::ops::cleanup`] does the work).

use std::io::{self, Write};

use serde_json::json;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::ops::cleanup::{self, AutoCleanup, CleanupInput, TicketCleanup};
use crate::output::{Format, Outcome, Ui, escape_control, write_json};

/// Remove the worktree and branch of finished tickets.
///
/// With TICKET: removes that done ticket's worktree and merged branch (asks first when run on
/// a terminal; --yes skips the question). --force also removes an unmerged branch and a
/// worktree with uncommitted changes, and lists what was discarded. Without TICKET: removes
/// the worktrees (under worktree.base_dir) and merged branches of all done tickets, skipping
/// anything unmerged or dirty.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The done ticket to clean up [default: all done tickets]
    #[arg(value_name = "TICKET")]
    ticket: Option<String>,
    /// Show what would be removed; change nothing
    #[arg(long)]
    dry_run: bool,
    /// Also remove unmerged branches and worktrees with uncommitted changes
    #[arg(short, long)]
    force: bool,
    /// Do not ask for confirmation (safety checks still apply)
    #[arg(short, long)]
    yes: bool,
}

/// The `cleanup` command.
pub struct Cleanup;

impl Command for Cleanup {
    const NAME: &'static str = "cleanup";
    const SUMMARY: &'static str = "Remove worktrees and branches of done tickets";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let (env, format) = (ctx.env, ctx.format);
        let project = ctx.project()?;
        match &args.ticket {
            Some(r) => {
                let input = CleanupInput {
                    ticket: r,
                    dry_run: args.dry_run,
                    force: args.force,
                    yes: args.yes,
                };
                Ok(Box::new(OneReport(cleanup::one_ticket(
                    env, project, &input, ui,
                )?)))
            }
            None => {
                let report = cleanup::all_done(env, project, args.dry_run, ui)?;
                // The text report names what it kept; JSON has it in `skipped`, and says it
                // on stderr too for the person watching.
                if format != Format::Text {
                    for s in &report.skipped {
                        ui.warn(s.to_string());
                    }
                }
                Ok(Box::new(AllReport(report)))
            }
        }
    }
}

/// The result of cleaning up one ticket, rendered.
struct OneReport(TicketCleanup);

/// The result of cleaning up every done ticket, rendered.
struct AllReport(AutoCleanup);

impl Outcome for OneReport {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let id = &self.0.ticket.id;
        let verb = |done: &str, would: &str| {
            if self.0.dry_run {
                would.to_owned()
            } else {
                done.to_owned()
            }
        };
        let id = escape_control(id);
        writeln!(out.w, "🗑️  Cleanup for ticket: {id}")?;
        writeln!(
            out.w,
            "   Description: {}",
            escape_control(&self.0.ticket.meta.description)
        )?;
        if self.0.cancelled {
            return writeln!(out.w, "   Cleanup cancelled: nothing removed");
        }
        if self.0.worktree.is_none() && !self.0.branch_deleted {
            return writeln!(
                out.w,
                "   Nothing to clean up: no worktree and no branch {id}"
            );
        }
        if let Some(w) = &self.0.worktree {
            writeln!(
                out.w,
                "   {} worktree: {}",
                verb("Removed", "Would remove"),
                w.display()
            )?;
        }
        for d in &self.0.discarded {
            writeln!(
                out.w,
                "   ⚠️  {} uncommitted change: {d}",
                verb("Discarded", "Would discard")
            )?;
        }
        if self.0.branch_deleted || (self.0.dry_run && !self.0.unmerged) {
            writeln!(out.w, "   {} branch: {id}", verb("Deleted", "Would delete"))?;
        }
        if self.0.unmerged {
            writeln!(
                out.w,
                "   ⚠️  The branch was not merged; its commits are no longer on any branch"
            )?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let t = &self.0.ticket;
        let time = |t: Option<crate::ticket::Timestamp>| t.map(|t| t.to_rfc3339());
        let mut doc = json!({
            "branch_deleted": self.0.branch_deleted && !self.0.dry_run,
            "discarded": self.0.discarded,
            "dry_run": self.0.dry_run,
            "success": true,
            "ticket": {
                "closed_at": time(t.meta.closed_at),
                "created_at": time(t.meta.created_at),
                "description": t.meta.description,
                "id": t.id,
                "priority": t.meta.priority(),
                "status": t.status(),
            },
            "worktree_removed": self.0.worktree.as_ref().filter(|_| !self.0.dry_run && !self.0.cancelled).map(|p| p.display().to_string()),
        });
        // Only a declined confirmation adds a key (TicketFlow crashed there).
        if self.0.cancelled {
            doc["cancelled"] = json!(true);
        }
        write_json(w, &doc)
    }
}

impl Outcome for AllReport {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let (wt, br) = if self.0.dry_run {
            ("Would remove worktree", "Would delete branch")
        } else {
            ("Removed worktree", "Deleted branch")
        };
        writeln!(out.w, "Cleaning worktrees and branches of done tickets...")?;
        for (b, p) in &self.0.removed_worktrees {
            writeln!(out.w, "  {wt}: {} (branch: {b})", p.display())?;
        }
        for b in &self.0.deleted_branches {
            writeln!(out.w, "  {br}: {b}")?;
        }
        for s in &self.0.skipped {
            writeln!(out.w, "  Kept {}: {}", s.branch, s.reason)?;
        }
        writeln!(out.w)?;
        let (worktrees, branches) = (
            self.0.removed_worktrees.len(),
            self.0.deleted_branches.len(),
        );
        if self.0.dry_run {
            // A dry run removed nothing: it says what a real run would do.
            writeln!(out.w, "Cleanup Summary (dry run, nothing removed):")?;
            writeln!(out.w, "  Worktrees that would be removed: {worktrees}")?;
            writeln!(out.w, "  Branches that would be deleted: {branches}")?;
        } else {
            writeln!(out.w, "Cleanup Summary:")?;
            writeln!(out.w, "  Worktrees removed: {worktrees}")?;
            writeln!(out.w, "  Branches deleted: {branches}")?;
        }
        if !self.0.errors.is_empty() {
            writeln!(out.w)?;
            writeln!(out.w, "Errors encountered:")?;
            for e in &self.0.errors {
                writeln!(out.w, "  - {e}")?;
            }
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({
                "dry_run": self.0.dry_run,
                "result": {
                    "deleted_branches": self.0.deleted_branches,
                    "errors": self.0.errors,
                    "orphaned_worktrees": self.0.removed_worktrees.len(),
                    "removed_worktrees": self.0.removed_worktrees.iter().map(|(b, p)| json!({"branch": b, "path": p.display().to_string()})).collect::<Vec<_>>(),
                    "skipped": self.0.skipped,
                    "stale_branches": self.0.deleted_branches.len(),
                },
                "success": self.0.errors.is_empty(),
            }),
        )
    }

    fn exit_code(&self) -> u8 {
        u8::from(!self.0.errors.is_empty())
    }
}
