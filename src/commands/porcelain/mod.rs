//! Porcelain: the verbs people and agents use. `--format json` is their stable interface.

pub mod blocked;
pub mod claim;
pub mod claims;
pub mod cleanup;
pub mod close;
pub mod dep;
pub mod help;
pub mod init;
pub mod install;
pub mod list;
pub mod new;
pub mod next;
pub mod prime;
pub mod ready;
pub mod release;
pub mod reopen;
pub mod restore;
pub mod show;
pub mod start;
pub mod status;
pub mod trust;
pub mod version;
pub mod workflow;
pub mod worktree;
