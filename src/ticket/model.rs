//! The ticket model: status, frontmatter metadata, and a loaded ticket.

use std::path::PathBuf;

use serde::Serialize;

use super::time::Timestamp;

/// Where a ticket is in its life. Derived from the timestamps, never from the folder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started.
    #[default]
    Todo,
    /// Started, not closed.
    Doing,
    /// Closed.
    Done,
}

impl Status {
    /// All statuses in folder order (todo, doing, done).
    pub const ALL: [Status; 3] = [Status::Todo, Status::Doing, Status::Done];

    /// The lowercase name used in files, flags and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
        }
    }

    /// Index into per-status arrays (todo 0, doing 1, done 2).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The frontmatter fields git-ticket interprets. Unknown keys stay in the file untouched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Lower sorts first; `None` when the key is missing or null (it then counts as
    /// [`DEFAULT_PRIORITY`]: see [`Meta::priority`]).
    pub priority: Option<i64>,
    /// One-line description, `""` when unset.
    pub description: String,
    /// Creation time.
    pub created_at: Option<Timestamp>,
    /// Set by `start`.
    pub started_at: Option<Timestamp>,
    /// Set by `close`.
    pub closed_at: Option<Timestamp>,
    /// The reason given when closing, if any.
    pub closure_reason: Option<String>,
    /// Free-form links such as `parent:<ID>` or `blocked-by:<ID>`; `None` when the key is absent.
    pub related: Option<Vec<String>>,
}

/// The priority `new` writes, and the one a ticket without a priority sorts with.
pub const DEFAULT_PRIORITY: i64 = 2;

/// The valid priorities, for messages.
pub const PRIORITY_RANGE: &str =
    "a priority is a whole number from 0 (most urgent) up; 2 is the default";

/// Reads a priority as typed: a whole number, 0 or more (else why not, with the range).
pub fn parse_priority(typed: &str) -> Result<i64, String> {
    match typed.trim().parse::<i64>() {
        Ok(p) if p < 0 => Err(format!("{p} is negative: {PRIORITY_RANGE}")),
        Ok(p) => Ok(p),
        Err(_) => Err(format!("'{typed}' is not a whole number: {PRIORITY_RANGE}")),
    }
}

impl Meta {
    /// The priority it sorts and shows with: its own, else [`DEFAULT_PRIORITY`].
    pub fn priority(&self) -> i64 {
        self.priority.unwrap_or(DEFAULT_PRIORITY)
    }

    /// Status from the timestamps: closed ⇒ done, started ⇒ doing, else todo.
    pub fn status(&self) -> Status {
        if self.closed_at.is_some() {
            Status::Done
        } else if self.started_at.is_some() {
            Status::Doing
        } else {
            Status::Todo
        }
    }

    /// The parent ticket ID: the first `related` entry of the form `parent:<ID>`.
    pub fn parent(&self) -> Option<&str> {
        self.related
            .iter()
            .flatten()
            .find_map(|r| r.strip_prefix("parent:"))
    }
}

/// A ticket loaded from a file.
#[derive(Clone, Debug)]
pub struct Ticket {
    /// The file name without `.md`.
    pub id: String,
    /// Absolute path of the file.
    pub path: PathBuf,
    /// The folder the file lives in (normally equal to `meta.status()`).
    pub folder: Status,
    /// Parsed frontmatter.
    pub meta: Meta,
    /// The body, when it was asked for.
    pub body: Option<String>,
}

impl Ticket {
    /// Status derived from the timestamps.
    pub fn status(&self) -> Status {
        self.meta.status()
    }
}

/// Proptest strategies for tickets, shared by the property tests of the views and the field
/// table.
#[cfg(test)]
pub(crate) mod strategies {
    use proptest::prelude::*;

    use super::{Meta, Status, Ticket};
    use crate::ticket::Timestamp;

    /// A todo ticket `id` with default fields and no body.
    pub(crate) fn blank(id: &str) -> Ticket {
        Ticket {
            id: id.into(),
            path: format!("/{id}.md").into(),
            folder: Status::Todo,
            meta: Meta::default(),
            body: None,
        }
    }

    /// Any instant, with or without sub-second digits, in any whole-minute offset.
    pub(crate) fn time() -> impl Strategy<Value = Option<Timestamp>> {
        proptest::option::of(
            (0i64..4_000_000_000, 0u32..1_000_000_000, -1439i32..1440).prop_map(
                |(unix, nanos, m)| Timestamp {
                    unix,
                    nanos: if nanos % 3 == 0 { 0 } else { nanos },
                    offset: m * 60,
                },
            ),
        )
    }

    /// Any text, or text dense in what JSON escapes (Go's `<`, `>`, `&`, U+2028, U+2029
    /// among them) and in near misses (other characters whose UTF-8 starts with E2).
    pub(crate) fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "(?s).{0,12}",
            "[<>&\u{2028}\u{2029}\u{2027}\u{202a}\u{20ac}\"\\\\\n\u{1}\u{7f}é a]{0,10}",
        ]
    }

    /// Tickets with any text (control characters, quotes, backslashes, non-ASCII, HTML) or
    /// real IDs, `parent:` links among other related entries, with or without a body.
    pub(crate) fn ticket() -> impl Strategy<Value = Ticket> {
        let id = prop_oneof!["[0-9]{6}-[0-9]{6}-[a-z-]{0,6}".boxed(), text().boxed()];
        let entry = prop_oneof!["parent:[a-z0-9-]{0,6}".boxed(), text().boxed()];
        (
            (id, text(), any::<i64>(), proptest::option::of(text())),
            (time(), time(), time()),
            proptest::option::of(proptest::collection::vec(entry, 0..3)),
            proptest::option::of(text()),
        )
            .prop_map(
                |((id, description, priority, reason), (c, s, d), related, body)| Ticket {
                    path: std::path::PathBuf::from(format!("/r/tickets/todo/{id}.md")),
                    id,
                    folder: Status::Todo,
                    meta: Meta {
                        priority: (priority % 5 != 4).then_some(priority),
                        description,
                        created_at: c,
                        started_at: s,
                        closed_at: d,
                        closure_reason: reason,
                        related,
                    },
                    body,
                },
            )
    }
}
