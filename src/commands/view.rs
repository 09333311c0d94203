//! The JSON view of a ticket shared by several commands (TicketFlow's shapes: alphabetical
//! keys, `null` for unset times and an absent `related`). Borrowed, so listing thousands of
//! tickets serialises without copying them.

use std::path::Path;

use serde::{Serialize, Serializer};

use crate::output::json;
use crate::ticket::{Status, Ticket, Timestamp};

/// `n` in decimal, without `fmt`.
fn format_i64(n: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

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

    /// Writes the view as JSON, the bytes `serde_json` writes for it: compact (`depth` `None`)
    /// or pretty as if nested `depth` levels deep. A listing's hot path.
    pub fn write_json(&self, out: &mut Vec<u8>, depth: Option<usize>) {
        fn time(out: &mut Vec<u8>, t: &Option<Timestamp>) {
            match t {
                Some(t) => json::string(out, t.write_rfc3339(&mut [0; 40])),
                None => out.extend_from_slice(b"null"),
            }
        }
        let mut o = json::Object::new(out, depth);
        time(o.key("closed_at"), self.closed_at);
        if let Some(r) = self.closure_reason {
            json::string(o.key("closure_reason"), r);
        }
        if let Some(c) = self.content {
            json::string(o.key("content"), c);
        }
        time(o.key("created_at"), self.created_at);
        json::string(o.key("description"), self.description);
        if let Some(w) = self.has_worktree {
            o.key("has_worktree")
                .extend_from_slice(if w { b"true" } else { b"false" });
        }
        json::string(o.key("id"), self.id);
        json::string(o.key("path"), &self.path.to_string_lossy());
        o.key("priority")
            .extend_from_slice(format_i64(self.priority, &mut [0; 20]));
        match self.related {
            Some(items) => {
                let inner = o.inner();
                json::strings(o.key("related"), items, inner);
            }
            None => o.key("related").extend_from_slice(b"null"),
        }
        time(o.key("started_at"), self.started_at);
        json::string(o.key("status"), self.status.as_str());
        o.end();
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ticket::Meta;
    use proptest::prelude::*;

    fn time() -> impl Strategy<Value = Option<Timestamp>> {
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

    /// Tickets with any text: control characters, quotes, backslashes, non-ASCII.
    pub(crate) fn ticket() -> impl Strategy<Value = Ticket> {
        let text = "(?s).{0,12}";
        (
            (text, text, any::<i64>(), proptest::option::of(text)),
            (time(), time(), time()),
            proptest::option::of(proptest::collection::vec(text, 0..3)),
            proptest::option::of(text),
        )
            .prop_map(
                |((id, description, priority, reason), (c, s, d), related, body)| Ticket {
                    path: std::path::PathBuf::from(format!("/r/tickets/todo/{id}.md")),
                    id,
                    folder: Status::Todo,
                    meta: Meta {
                        priority,
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The hand-written JSON is byte for byte what serde_json writes, compact and pretty
        /// at any depth, with and without the optional parts.
        #[test]
        fn write_json_is_serde_json(t in ticket(), details: bool, flag: bool, depth in 0usize..4) {
            let mut view = TicketView::new(&t);
            if details {
                view = view.with_details(&t);
            }
            if flag {
                view = view.with_worktree_flag();
            }
            let mut compact = Vec::new();
            view.write_json(&mut compact, None);
            prop_assert_eq!(String::from_utf8(compact).unwrap(), serde_json::to_string(&view).unwrap());
            let mut pretty = Vec::new();
            view.write_json(&mut pretty, Some(depth));
            let mut want = Vec::new();
            json::nested(&mut want, &view, depth);
            prop_assert_eq!(String::from_utf8(pretty).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    #[test]
    fn nested_at_depth_zero_is_to_writer_pretty() {
        let mut out = Vec::new();
        json::nested(&mut out, &Summary::new([1, 2, 3]), 0);
        assert_eq!(
            out,
            serde_json::to_vec_pretty(&Summary::new([1, 2, 3])).unwrap()
        );
    }
}
