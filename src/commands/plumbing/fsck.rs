//! `git ticket fsck [--fix]`: checks that tickets, folders, links, branches and worktrees
//! agree, and repairs what is safe to repair.
//!
//! Output format (stable): one line per finding, `<kind>\t<subject>\t<message>`, where kind is
//! one of `invalid-file`, `wrong-folder`, `duplicate-id`, `dangling-parent`,
//! `dangling-current`, `dangling-reference`, `unknown-blocker`, `dependency-cycle`, `invalid-id`,
//! `orphan-branch`, `orphan-worktree`,
//! `stale-worktree`, `leftover-temp`, `missing-placeholder`, `stale-lock`, `staged-ticket`,
//! `missing-priority`, `interrupted-operation`;
//! with `--fix`, repaired findings end with `\t(fixed)`. Exit 1 when a finding is left
//! unrepaired, 0 otherwise.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::fsck::{Finding, Report, fsck};
use crate::output::{Outcome, Ui, write_json};

/// Check tickets, folders, links, branches and worktrees for consistency.
///
/// Finds: unreadable ticket files, tickets in the wrong folder for their timestamps, the same
/// ID in two folders, tickets without a priority (they sort as 2), parent links to missing
/// tickets, blocked-by links to unknown tickets (unknown-blocker: they keep blocking), cycles
/// of blocked-by links (dependency-cycle, spelled A → B → A), a current-ticket.md pointing
/// nowhere,
/// ticket branches and worktrees without a ticket, worktrees whose folder is gone, temporary
/// files left by an interrupted write, and status folders without their empty .gitkeep (which
/// keeps git from taking a folder that became empty for renamed when merging). --fix moves
/// tickets to their status folder, writes the default priority (2) into tickets without
/// one, removes dangling links, stale worktree records and leftover
/// temporary files, and creates the missing .gitkeep files (commit them).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Repair what is safe to repair
    #[arg(long)]
    fix: bool,
}

/// The `fsck` command.
pub struct Fsck;

impl Command for Fsck {
    const NAME: &'static str = "fsck";
    const SUMMARY: &'static str = "Check (and --fix) ticket consistency";
    const GROUP: Group = Group::Plumbing;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let exec = ctx.exec;
        let report = fsck(env, ctx.project()?, args.fix, exec, ui)?;
        if report.unfixed() > 0 {
            ui.warn(format!(
                "{} problem(s) found; {}",
                report.unfixed(),
                if args.fix {
                    "repair the remaining ones by hand (see each line)"
                } else {
                    "repair what is safe automatically with: git ticket fsck --fix"
                }
            ));
        }
        Ok(Box::new(Rendered(report)))
    }
}

/// The result of `fsck`, rendered.
struct Rendered(Report);

impl Outcome for Rendered {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        if self.0.findings.is_empty() {
            return Ok(());
        }
        writeln!(out.w, "{}", self.0.lines())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            findings: &'a [Finding],
            ok: bool,
        }
        write_json(
            w,
            &Json {
                findings: &self.0.findings,
                ok: self.0.unfixed() == 0,
            },
        )
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.0.unfixed() > 0)
    }
}
