//! Porcelain: the verbs people and agents use. `--format json` is their stable interface.

pub mod help;
pub mod init;
pub mod list;
pub mod new;
pub mod show;
pub mod version;
pub mod workflow;
