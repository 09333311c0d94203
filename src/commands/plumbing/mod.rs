//! Plumbing: small verbs for scripts, hooks and aliases. Their output is a promise.

pub mod current;
pub mod for_each_ticket;
pub mod fsck;
pub mod get;
pub mod hook;
pub mod merge_driver;
pub mod resolve;
pub mod set;
