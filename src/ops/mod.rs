//! The operations: everything git-ticket changes — new, start, close, reopen, cleanup,
//! restore, set, dep, fsck — the queries several front ends need (list, the dependency graph,
//! the work queue and `next --start`), and what they share: the lock
//! ([`guard`]), the transaction service ([`tx`]: the journal, the commit of exactly one ticket
//! change, failure injection), the steps of a start and of a worktree removal ([`plan`]),
//! the uncommitted-work check ([`clean`]) and crash recovery ([`recover`]). An operation
//! takes typed input and returns plain result data; it never prints, never reads stdin and
//! never decides a format. Where it needs a person (confirm a
//! cleanup, show init-command output, tell what recovery did) it asks through the [`Ui`]
//! trait it is given. The CLI commands and any other front end call these, so both make the
//! same commits.

pub mod agents;
pub mod board;
pub mod claim;
pub mod clean;
pub mod cleanup;
pub mod close;
pub mod current;
pub mod dep;
pub mod edit;
pub mod fsck;
pub mod graph;
pub mod guard;
pub mod init_commands;
pub mod install;
pub mod list;
pub mod new;
pub mod plan;
pub mod prime;
pub mod project;
pub mod provision;
pub mod queue;
pub mod recover;
pub mod reopen;
pub mod restore;
pub mod set;
pub mod start;
pub mod stats;
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
