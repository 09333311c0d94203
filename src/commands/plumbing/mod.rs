//! Plumbing: small verbs for scripts, hooks and aliases. Their output is a promise.

pub mod current;
pub mod fields;
pub mod for_each_ticket;
pub mod get;
pub mod resolve;
pub mod set;
