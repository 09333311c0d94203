//! End-to-end tests: the real `git-ticket` binary in temporary git repositories, with a
//! hermetic environment (see `common`). One test binary, one module per area.

#![allow(clippy::disallowed_methods)]

mod common;
#[path = "../../benches/support/corpus.rs"]
mod corpus;
mod tty;

mod test_architecture;
mod test_board;
mod test_claims;
mod test_completion;
mod test_conventions;
mod test_corpus;
mod test_crash_harness;
mod test_dispatch;
mod test_docs;
mod test_everyday;
mod test_fields;
mod test_init;
mod test_install;
mod test_list;
mod test_malformed;
mod test_merge;
mod test_new;
mod test_perf_guard;
mod test_performance;
mod test_plumbing;
mod test_queue;
mod test_recovery;
mod test_reliability;
mod test_setup;
mod test_show;
mod test_start;
mod test_stats;
mod test_terminal;
mod test_ticketflow_compat;
mod test_tui;
mod test_tui_pty;
mod test_workflow;
mod test_worktree_include;
