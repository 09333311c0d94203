//! Porcelain: the verbs people and agents use. `--format json` is their stable interface.

pub mod board;
pub mod claim;
pub mod claims;
pub mod cleanup;
pub mod close;
pub mod help;
pub mod init;
pub mod install;
pub mod list;
pub mod new;
pub mod release;
pub mod reopen;
pub mod restore;
pub mod show;
pub mod start;
pub mod stats;
pub mod status;
pub mod trust;
pub mod tui;
pub mod version;
pub mod workflow;
pub mod worktree;
