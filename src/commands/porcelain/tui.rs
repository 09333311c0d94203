//! `git ticket tui`: the terminal UI (also bare `git ticket` on a terminal). The UI lives in
//! [`crate::tui`]; this file is its verb: arguments, one call, the exit status.

use std::io::{self, Write};

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::output::{Outcome, Ui};

/// Open the terminal UI: the tickets in tabs, search, detail, board, worktrees.
///
/// Start, close and new make the same commits as `git ticket start`, `close` and `new`. The
/// view follows changes of the ticket files on disk (another agent starting or closing
/// something). Bare `git ticket` opens it too when standard input and output are a terminal.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Draw the first frame and exit (for timing the start)
    #[arg(long, hide = true)]
    exit_after_first_frame: bool,
}

/// The `tui` command.
pub struct Tui;

impl Command for Tui {
    const NAME: &'static str = "tui";
    const SUMMARY: &'static str = "Open the terminal UI (list, search, detail, board, worktrees)";
    const GROUP: Group = Group::Porcelain;
    const AFTER_HELP: fn() -> String = crate::tui::keys::plain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let code = crate::tui::run(env, project, ui.color, args.exit_after_first_frame)?;
        Ok(Box::new(Ended(code)))
    }
}

/// The UI ended: nothing to print, only a status.
struct Ended(u8);

impl Outcome for Ended {
    fn text(&self, _out: &mut Ui<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn exit_code(&self) -> u8 {
        self.0
    }
}
