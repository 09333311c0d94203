//! The terminal UI (`git ticket tui`, or bare `git ticket` on a terminal): a second front end
//! beside the CLI commands, on the same operations. State and key handling ([`app`]), drawing
//! ([`draw`]), the key table that also writes the help, README and man page ([`keys`]), what
//! is shown ([`data`]), the session that runs commands through `ops` ([`session`]), the real
//! terminal ([`terminal`]), and two stand-ins for operations still to come ([`adapters`]).

pub mod adapters;
pub mod app;
pub mod data;
pub mod draw;
pub mod keys;
pub mod session;
pub mod terminal;

use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::ops::Project;

/// Whether the UI may use colour: a terminal, no `NO_COLOR`, not `TERM=dumb`, and git's
/// `color.ui` not `false`/`never`.
pub fn color(env: &Env, project: &Project) -> bool {
    let git_says = project
        .repo()
        .ok()
        .and_then(|r| r.config_string("color.ui"))
        .map(|v| v.to_ascii_lowercase());
    env.color(env.stdout_tty)
        && !matches!(
            git_says.as_deref(),
            Some("false" | "never" | "no" | "off" | "0")
        )
}

/// Runs the UI on the process's terminal; returns the exit status. `first_frame_only` draws
/// one frame and ends (for timing the start).
pub fn run(env: &Env, project: &Project, first_frame_only: bool) -> Result<u8, Error> {
    if !(env.stdin_tty && env.stdout_tty) {
        return Err(Error::precondition(
            ErrorCode::InvalidContext,
            "Not a terminal",
            "the terminal UI needs standard input and output to be a terminal".into(),
            &[
                "Run it in a terminal: git ticket tui",
                "For scripts use the commands: git ticket list, git ticket start <ticket>",
            ],
        ));
    }
    let session = session::Session::open(env, project, color(env, project))?;
    let editor = env.editor.clone().unwrap_or_else(|| "vi".to_owned());
    terminal::run(session, editor, first_frame_only).map_err(|source| Error::Io {
        path: "/dev/tty".into(),
        source,
    })
}
