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

/// Runs the UI on the process's terminal; returns the exit status. `first_frame_only` draws
/// one frame and ends (for timing the start).
pub fn run(env: &Env, project: &Project, color: bool, first_frame_only: bool) -> Result<u8, Error> {
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
    let session = session::Session::open(env, project, color)?;
    let editor = crate::ops::edit::editor(env, project);
    terminal::run(session, editor, first_frame_only).map_err(|source| Error::Io {
        path: "/dev/tty".into(),
        source,
    })
}
