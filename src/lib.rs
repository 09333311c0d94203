//! git-ticket: local-first, git-native ticket management, as a git subcommand.
//!
//! The binary is thin (`src/main.rs`); everything lives in this library so that tests and
//! benches can drive it: [`app::run`] takes argv and the environment and returns an exit code.

pub mod app;
pub mod commands;
pub mod config;
pub mod current;
pub mod docs;
pub mod env;
pub mod error;
pub mod exec;
pub mod fsutil;
pub mod git;
pub mod journal;
pub mod lock;
pub mod ops;
pub mod output;
pub mod process;
pub mod registry;
pub mod text;
pub mod ticket;
pub mod trace;
pub mod trust;
pub mod tui;
pub mod ui;
