//! The operations: everything git-ticket changes — new, start, close, cleanup, restore, set —
//! and what they share: the lock ([`guard`]), the transaction service ([`tx`]: the journal,
//! the commit of exactly one ticket change, failure injection), the steps of a start and a
//! worktree removal ([`plan`]) and crash recovery ([`recover`]). An operation takes typed input and returns plain result data; it never
//! prints, never reads stdin and never decides a format. Where it needs a person (confirm a
//! cleanup, show init-command output, tell what recovery did) it asks through the [`Ui`]
//! trait it is given. The CLI commands and any other front end call these, so both make the
//! same commits.

pub mod clean;
pub mod cleanup;
pub mod close;
pub mod fsck;
pub mod guard;
pub mod init_commands;
pub mod list;
pub mod new;
pub mod plan;
pub mod project;
pub mod recover;
pub mod restore;
pub mod set;
pub mod start;
pub mod tx;

use std::process::Stdio;

pub use project::Project;

/// What an operation may ask of the person (or program) running it.
pub trait Ui {
    /// Tells something worth knowing that is not the result (e.g. what recovery did).
    fn note(&mut self, message: &str);
    /// Whether a person can answer questions (a terminal, not CI).
    fn can_ask(&self) -> bool;
    /// Shows `lines`, asks `question` (yes/no) and returns the answer.
    fn confirm(&mut self, lines: &[String], question: &str) -> std::io::Result<bool>;
    /// A child process `command` is about to run: where its output goes when it is shown as
    /// it comes (stdout, stderr), or `None` to capture it for the result.
    fn child_output(&mut self, command: &str) -> Option<(Stdio, Stdio)>;
}

/// A [`Ui`] with nobody behind it: no questions answered, child output captured, notes
/// kept (recovery run from a command that reports them itself).
#[derive(Debug, Default)]
pub struct Unattended {
    /// The notes received.
    pub notes: Vec<String>,
}

impl Ui for Unattended {
    fn note(&mut self, message: &str) {
        self.notes.push(message.to_owned());
    }

    fn can_ask(&self) -> bool {
        false
    }

    fn confirm(&mut self, _lines: &[String], _question: &str) -> std::io::Result<bool> {
        Ok(false)
    }

    fn child_output(&mut self, _command: &str) -> Option<(Stdio, Stdio)> {
        None
    }
}
