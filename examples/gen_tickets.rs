//! Writes generated tickets for the whole-process benchmarks (`benches/compare.sh`,
//! `benches/status.sh`) with the generator the Criterion benches and the tests use
//! (`benches/support/corpus.rs`): realistic tickets without `related` links, status by folder.
//!
//!   gen_tickets <root> <todo> <doing> <done> [<chain length>]
//!
//! Ticket `i` (counting todo, then doing, then done) is `25MMDD-HHMMSS-task-{i}`. With a chain
//! length, the todo tickets are in dependency chains of that length (`blocked-by` links; see
//! `Corpus::chains`).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::{Corpus, Text};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = |s: &String| -> usize {
        s.parse()
            .unwrap_or_else(|_| usage(&format!("not a count: {s}")))
    };
    let (root, todo, doing, done, chains) = match args.as_slice() {
        [root, todo, doing, done] => (root, todo, doing, done, 0),
        [root, todo, doing, done, chains] => (root, todo, doing, done, count(chains)),
        _ => usage("four or five arguments expected"),
    };
    Corpus::counts(count(todo), count(doing), count(done))
        .text(Text::Realistic { related: false })
        .chains(chains)
        .write(std::path::Path::new(root));
}

fn usage(problem: &str) -> ! {
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "gen_tickets: {problem}\nusage: gen_tickets <root> <todo> <doing> <done> [<chain length>]"
        );
    }
    std::process::exit(2)
}
