//! The JSON view of a ticket shared by several commands (TicketFlow's shapes: alphabetical
//! keys, `null` for unset times and an absent `related`). Borrowed, so listing thousands of
//! tickets serialises without copying them.

use std::path::Path;

use serde::{Serialize, Serializer};

use crate::ticket::{Status, Ticket, Timestamp};

/// A ticket as JSON. Optional parts are omitted unless a command sets them.
#[derive(Serialize)]
pub struct TicketView<'a> {
    #[serde(serialize_with = "time")]
    closed_at: &'a Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closure_reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<&'a str>,
    #[serde(serialize_with = "time")]
    created_at: &'a Option<Timestamp>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_worktree: Option<bool>,
    id: &'a str,
    #[serde(serialize_with = "lossy")]
    path: &'a Path,
    priority: i64,
    related: &'a Option<Vec<String>>,
    #[serde(serialize_with = "time")]
    started_at: &'a Option<Timestamp>,
    status: Status,
}

fn time<S: Serializer>(t: &&Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(t.write_rfc3339(&mut [0; 40])),
        None => s.serialize_none(),
    }
}

fn lossy<S: Serializer>(p: &&Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.to_string_lossy())
}

impl<'a> TicketView<'a> {
    /// The fields every ticket view has.
    pub fn new(t: &'a Ticket) -> Self {
        let m = &t.meta;
        TicketView {
            closed_at: &m.closed_at,
            closure_reason: None,
            content: None,
            created_at: &m.created_at,
            description: &m.description,
            has_worktree: None,
            id: &t.id,
            path: &t.path,
            priority: m.priority,
            related: &m.related,
            started_at: &m.started_at,
            status: m.status(),
        }
    }

    /// Adds the body and `closure_reason` (`show`).
    pub fn with_details(mut self, t: &'a Ticket) -> Self {
        self.content = Some(t.body.as_deref().unwrap_or_default());
        self.closure_reason = t.meta.closure_reason.as_deref();
        self
    }

    /// Adds TicketFlow's `has_worktree` (`list`): true for doing tickets.
    pub fn with_worktree_flag(mut self) -> Self {
        self.has_worktree = Some(self.status == Status::Doing);
        self
    }
}

/// Ticket counts per status, as TicketFlow's `summary` object.
#[derive(Serialize)]
pub struct Summary {
    doing: usize,
    done: usize,
    todo: usize,
    total: usize,
}

impl Summary {
    /// From counts in status order (todo, doing, done).
    pub fn new([todo, doing, done]: [usize; 3]) -> Self {
        Summary {
            doing,
            done,
            todo,
            total: todo + doing + done,
        }
    }
}
