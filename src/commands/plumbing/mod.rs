//! Plumbing: small verbs for scripts, hooks and aliases. Their output is a promise.

pub mod resolve;
