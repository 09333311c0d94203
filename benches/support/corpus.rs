//! Generated tickets, one generator for benches, tests and `examples/gen_tickets.rs`:
//! realistic frontmatter (the forms TicketFlow writes) and a few hundred bytes of body, spread
//! over todo/doing/done like a real project; or small files with fixed dates where a test
//! needs them. Included with `#[path = …] mod corpus;`.
//!
//! ```ignore
//! Corpus::new(1000).write(root); // realistic, todo/doing/done/done by index
//! Corpus::counts(25, 25, 10_000).text(Text::Realistic { related: false }).write(root);
//! Corpus::new(400).folders(&["todo"]).ids(|i| format!("250101-000000-a{i:03}"))
//!     .text(Text::Small).write(root);
//! Corpus::counts(1000, 0, 9000).chains(5).write(root); // todo tickets in dependency chains
//! ```

#![allow(dead_code)]

use std::fs;
use std::path::Path;

/// What the generated tickets say. Their status (`started_at`, `closed_at`) always follows
/// the folder they are written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// Priority 1-3, dates varying by ticket, a body of a few hundred bytes (summary, tasks,
    /// notes); with `related`, every fourth ticket names a parent and a blocker.
    Realistic {
        /// Whether ticket `i` with `i % 4 == 3` has `related` links.
        related: bool,
    },
    /// Priority 1-3, fixed dates (created 2025-01-01, started 2025-01-02, closed 2025-01-03)
    /// and the one-line body `body` (the performance guard's baseline is measured on these).
    Small,
}

/// Where the tickets go.
#[derive(Clone, Copy, Debug)]
enum Spread {
    /// Ticket `i` goes to `folders[i % folders.len()]`.
    Cycle(&'static [&'static str]),
    /// The first `todo` tickets to todo, the next `doing` to doing, the last `done` to done.
    Counts([usize; 3]),
}

/// A set of generated tickets; see the module documentation.
#[derive(Clone, Copy, Debug)]
pub struct Corpus {
    count: usize,
    spread: Spread,
    id: fn(usize) -> String,
    text: Text,
    chains: usize,
}

impl Corpus {
    /// `count` realistic tickets named [`ticket_id`], in the folders [`folder`] gives.
    pub fn new(count: usize) -> Self {
        Corpus {
            count,
            spread: Spread::Cycle(&["todo", "doing", "done", "done"]),
            id: ticket_id,
            text: Text::Realistic { related: true },
            chains: 0,
        }
    }

    /// `todo + doing + done` tickets, by index: first the todo ones, then doing, then done.
    pub fn counts(todo: usize, doing: usize, done: usize) -> Self {
        Corpus {
            count: todo + doing + done,
            spread: Spread::Counts([todo, doing, done]),
            ..Corpus::new(0)
        }
    }

    /// Ticket `i` goes to `folders[i % folders.len()]` (one folder: all of them there).
    pub fn folders(self, folders: &'static [&'static str]) -> Self {
        assert!(!folders.is_empty());
        Corpus {
            spread: Spread::Cycle(folders),
            ..self
        }
    }

    /// Ticket `i` is named `id(i)`.
    pub fn ids(self, id: fn(usize) -> String) -> Self {
        Corpus { id, ..self }
    }

    /// What the tickets say.
    pub fn text(self, text: Text) -> Self {
        Corpus { text, ..self }
    }

    /// The todo tickets in dependency chains of `len` (0: none): todo ticket `i` is blocked
    /// by todo ticket `i - 1` unless `i % len == 0`; a chain's first ticket is blocked by a
    /// done ticket when there is one (satisfied: it is ready). With `Text::Realistic { related:
    /// false }` (its own links would make a second `related`).
    pub fn chains(self, len: usize) -> Self {
        Corpus {
            chains: len,
            ..self
        }
    }

    /// The `related` block of ticket `i` from its chain, if any.
    fn chain_links(&self, i: usize) -> String {
        let Spread::Counts([todo, doing, done]) = self.spread else {
            return String::new();
        };
        if self.chains == 0 || i >= todo {
            return String::new();
        }
        let blocker = if !i.is_multiple_of(self.chains) {
            Some(self.id(i - 1))
        } else if done > 0 {
            Some(self.id(todo + doing + i % done))
        } else {
            None
        };
        blocker.map_or(String::new(), |b| {
            format!("related:\n    - blocked-by:{b}\n")
        })
    }

    /// The ID of ticket `i`.
    pub fn id(&self, i: usize) -> String {
        (self.id)(i)
    }

    /// The folder (`todo`, `doing` or `done`) of ticket `i`.
    pub fn folder(&self, i: usize) -> &'static str {
        match self.spread {
            Spread::Cycle(folders) => folders[i % folders.len()],
            Spread::Counts([todo, ..]) if i < todo => "todo",
            Spread::Counts([todo, doing, _]) if i < todo + doing => "doing",
            Spread::Counts(_) => "done",
        }
    }

    /// The text of ticket `i`.
    pub fn ticket_text(&self, i: usize) -> String {
        let folder = self.folder(i);
        match self.text {
            Text::Realistic { related } => realistic(i, folder, related).replacen(
                "---\n\n",
                &format!("{}---\n\n", self.chain_links(i)),
                1,
            ),
            Text::Small => small(i, folder),
        }
    }

    /// Writes the tickets to `root/tickets/<folder>/<id>.md`, creating the three folders.
    pub fn write(&self, root: &Path) {
        let tickets = root.join("tickets");
        for f in ["todo", "doing", "done"] {
            fs::create_dir_all(tickets.join(f)).unwrap();
        }
        for i in 0..self.count {
            let path = tickets
                .join(self.folder(i))
                .join(format!("{}.md", self.id(i)));
            fs::write(path, self.ticket_text(i)).unwrap();
        }
    }

    /// A temporary project root with the tickets under `tickets/`.
    pub fn temp(&self) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        self.write(dir.path());
        dir
    }
}

/// The default ID of generated ticket `i`: a timestamp varying with `i`, slug `task-{i}`.
pub fn ticket_id(i: usize) -> String {
    format!(
        "25{:02}{:02}-{:02}{:02}{:02}-task-{i}",
        i % 12 + 1,
        i % 28 + 1,
        i % 24,
        i / 60 % 60,
        i % 60
    )
}

/// The text of ticket `i` of [`Corpus::new`] (status cycles todo, doing, done, done).
pub fn ticket_text(i: usize) -> String {
    Corpus::new(i + 1).ticket_text(i)
}

/// The folder of ticket `i` of [`Corpus::new`].
pub fn folder(i: usize) -> &'static str {
    Corpus::new(i + 1).folder(i)
}

/// A temporary project root with the `n` tickets of [`Corpus::new`] under `tickets/`.
pub fn generate(n: usize) -> tempfile::TempDir {
    Corpus::new(n).temp()
}

/// `started_at` and `closed_at` of a ticket in `folder`: null in todo, `closed` null in doing.
fn progress(folder: &str, started: &str, closed: &str) -> (String, String) {
    let null = || "null".to_owned();
    let quoted = |at: &str| format!("\"{at}\"");
    match folder {
        "todo" => (null(), null()),
        "doing" => (quoted(started), null()),
        _ => (quoted(started), quoted(closed)),
    }
}

fn realistic(i: usize, folder: &str, related: bool) -> String {
    let created = format!(
        "2025-{:02}-{:02}T{:02}:00:00+09:00",
        i % 12 + 1,
        i % 28 + 1,
        i % 24
    );
    let (started, closed) = progress(folder, &created, &created);
    let related = if related && i % 4 == 3 {
        format!(
            "related:\n    - parent:{}\n    - blocked-by:{}\n",
            ticket_id(i / 2),
            ticket_id(i / 3)
        )
    } else {
        String::new()
    };
    format!(
        "---\npriority: {}\ndescription: Generated ticket number {i} for benchmarks\ncreated_at: \"{created}\"\nstarted_at: {started}\nclosed_at: {closed}\n{related}---\n\n# Summary\n\nBenchmark ticket {i}.\n\n## Tasks\n- [ ] Task 1\n- [ ] Task 2\n- [ ] Task 3\n\n## Notes\n\nSome notes that make the body a realistic size for a ticket file in a repository.\n",
        i % 3 + 1
    )
}

fn small(i: usize, folder: &str) -> String {
    let (started, closed) = progress(folder, "2025-01-02T00:00:00Z", "2025-01-03T00:00:00Z");
    format!(
        "---\npriority: {}\ndescription: Generated ticket number {i}\ncreated_at: \"2025-01-01T00:00:00+09:00\"\nstarted_at: {started}\nclosed_at: {closed}\n---\n\nbody\n",
        i % 3 + 1
    )
}
