//! The JSON view of a ticket shared by several commands (TicketFlow's shapes: alphabetical
//! keys, `null` for unset times and an absent `related`), its fields and their JSON types
//! taken from the table of [`crate::ticket::fields`]. Borrowed, so listing thousands of
//! tickets serialises without copying them.

use std::borrow::Cow;
use std::convert::Infallible;
use std::sync::OnceLock;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::ops::graph::Links;
use crate::output::json;
use crate::ticket::fields::{FIELDS, FieldDef, Json, Kind};
use crate::ticket::store::{Problem, Severity};
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

/// A ticket as JSON: the fields of the table that the view has ([`Json`]), and the parts only
/// some commands add. Optional parts are omitted unless a command sets them.
pub struct TicketView<'a> {
    ticket: &'a Ticket,
    details: bool,
    content: Option<&'a str>,
    has_worktree: Option<bool>,
    links: Option<&'a Links>,
}

/// An entry of the view.
#[derive(Clone, Copy)]
enum Key {
    Field(&'static FieldDef),
    Content,
    HasWorktree,
    BlockedBy,
    Blocks,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Field(d) => d.name,
            Key::Content => "content",
            Key::HasWorktree => "has_worktree",
            Key::BlockedBy => "blocked_by",
            Key::Blocks => "blocks",
        }
    }
}

/// The view's entries in key order (alphabetical, as TicketFlow writes them).
fn keys() -> &'static [Key] {
    static KEYS: OnceLock<Vec<Key>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let fields = FIELDS.iter().filter(|d| d.json != Json::Never);
        let mut keys: Vec<Key> = fields
            .map(Key::Field)
            .chain([Key::Content, Key::HasWorktree, Key::BlockedBy, Key::Blocks])
            .collect();
        keys.sort_by_key(|k| k.name());
        keys
    })
}

/// A value of the view.
enum Entry<'a> {
    Str(Cow<'a, str>),
    Bool(bool),
    Int(i64),
    /// RFC 3339 or `null`.
    Time(Option<Timestamp>),
    /// An array or `null`.
    List(Option<&'a [String]>),
}

impl Serialize for Entry<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Entry::Str(v) => s.serialize_str(v),
            Entry::Bool(v) => s.serialize_bool(*v),
            Entry::Int(v) => s.serialize_i64(*v),
            Entry::Time(Some(t)) => s.serialize_str(t.write_rfc3339(&mut [0; 40])),
            Entry::Time(None) | Entry::List(None) => s.serialize_none(),
            Entry::List(Some(items)) => items.serialize(s),
        }
    }
}

impl Serialize for TicketView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        self.each(|name, value| map.serialize_entry(name, &value))?;
        map.end()
    }
}

impl<'a> TicketView<'a> {
    /// The fields every ticket view has.
    pub fn new(t: &'a Ticket) -> Self {
        TicketView {
            ticket: t,
            details: false,
            content: None,
            has_worktree: None,
            links: None,
        }
    }

    /// Calls `f` with each entry the view has, in key order; stops at the first error. (A
    /// loop, not an iterator: a listing's hot path, also in unoptimised builds.)
    fn each<E>(
        &self,
        mut f: impl FnMut(&'static str, Entry<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        let (t, m) = (self.ticket, &self.ticket.meta);
        for &key in keys() {
            let name = key.name();
            let value = match key {
                Key::Content => self.content.map(|c| Entry::Str(Cow::Borrowed(c))),
                Key::HasWorktree => self.has_worktree.map(Entry::Bool),
                Key::BlockedBy => self.links.map(|l| Entry::List(Some(&l.blocked_by))),
                Key::Blocks => self.links.map(|l| Entry::List(Some(&l.blocks))),
                Key::Field(d) if d.json == Json::Details && !self.details => None,
                Key::Field(d) => match d.kind {
                    // Unset text is left out; unset times and lists are null.
                    Kind::Derived(f) => f(t).map(Entry::Str),
                    Kind::Text(f) => f(m).map(|v| Entry::Str(Cow::Borrowed(v))),
                    Kind::Int(_, shown) => Some(Entry::Int(shown(m))),
                    Kind::Time(f) => Some(Entry::Time(f(m))),
                    Kind::List(f) => Some(Entry::List(f(m))),
                },
            };
            if let Some(value) = value {
                f(name, value)?;
            }
        }
        Ok(())
    }

    /// Writes the view as JSON, the bytes `serde_json` writes for it: compact (`depth` `None`)
    /// or pretty as if nested `depth` levels deep. A listing's hot path.
    pub fn write_json(&self, out: &mut Vec<u8>, depth: Option<usize>) {
        let mut o = json::Object::new(out, depth);
        let inner = o.inner();
        let Ok(()) = self.each(|name, value| {
            let out = o.key(name);
            match value {
                Entry::Str(v) => json::string(out, &v),
                Entry::Bool(v) => out.extend_from_slice(if v { b"true" } else { b"false" }),
                Entry::Int(v) => out.extend_from_slice(format_i64(v, &mut [0; 20])),
                Entry::Time(Some(t)) => json::string(out, t.write_rfc3339(&mut [0; 40])),
                Entry::Time(None) | Entry::List(None) => out.extend_from_slice(b"null"),
                Entry::List(Some(items)) => json::strings(out, items, inner),
            }
            Ok::<(), Infallible>(())
        });
        o.end();
    }

    /// Adds the body and the detail fields (`closure_reason`) (`show`).
    pub fn with_details(mut self, t: &'a Ticket) -> Self {
        self.content = Some(t.body.as_deref().unwrap_or_default());
        self.details = true;
        self
    }

    /// Adds the dependency links (`blocked_by`: what it still waits on; `blocks`: the open
    /// tickets waiting on it) of `show`, `ready`, `blocked`, `next` and `list --ready/--blocked`.
    pub fn with_links(mut self, links: &'a Links) -> Self {
        self.links = Some(links);
        self
    }

    /// Adds TicketFlow's `has_worktree` (`list`): true for doing tickets.
    pub fn with_worktree_flag(mut self) -> Self {
        self.has_worktree = Some(self.ticket.status() == Status::Doing);
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

/// Reports the files a listing (`list`, `ready`, `blocked`) could not use, on stderr after
/// the output.
pub fn say_problems(ui: &mut crate::output::Ui<'_>, problems: &[Problem]) {
    for p in problems {
        match p.severity {
            Severity::Critical => ui.error(p.to_string()),
            Severity::Retryable => ui.warn(format!("{p} (retrying may help)")),
            Severity::Warning => ui.warn(p.to_string()),
        }
    }
}

/// A problem file as JSON (`list`'s `errors` and `warnings`).
#[derive(Serialize)]
pub struct ProblemView<'a> {
    /// The line at fault, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What is wrong.
    pub message: &'a str,
    /// The file.
    pub path: String,
    /// How bad it is.
    pub severity: Severity,
}

impl<'a> From<&'a Problem> for ProblemView<'a> {
    fn from(p: &'a Problem) -> Self {
        ProblemView {
            line: p.line,
            message: &p.reason,
            path: p.path.display().to_string(),
            severity: p.severity,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) use crate::ticket::model::strategies::ticket;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The hand-written JSON is byte for byte what serde_json writes (with Go's escaping),
        /// compact and pretty at any depth, with and without the optional parts.
        #[test]
        fn write_json_is_serde_json(
            t in ticket(),
            details: bool,
            flag: bool,
            depth in 0usize..4,
            links in proptest::option::of((
                proptest::collection::vec(crate::ticket::model::strategies::text(), 0..3),
                proptest::collection::vec(crate::ticket::model::strategies::text(), 0..3),
            )),
        ) {
            let links = links.map(|(blocked_by, blocks)| Links { blockers: Vec::new(), blocked_by, blocks });
            let mut view = TicketView::new(&t);
            if let Some(l) = &links {
                view = view.with_links(l);
            }
            if details {
                view = view.with_details(&t);
            }
            if flag {
                view = view.with_worktree_flag();
            }
            let mut compact = Vec::new();
            view.write_json(&mut compact, None);
            let mut want = Vec::new();
            crate::output::to_writer_compact(&mut want, &view).unwrap();
            prop_assert_eq!(String::from_utf8(compact).unwrap(), String::from_utf8(want).unwrap());
            let mut pretty = Vec::new();
            view.write_json(&mut pretty, Some(depth));
            let mut want = Vec::new();
            json::nested(&mut want, &view, depth);
            prop_assert_eq!(String::from_utf8(pretty).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    #[test]
    fn keys_are_ticketflows() {
        let t = crate::ticket::model::strategies::blank("x");
        let keys = |v: TicketView<'_>| {
            let mut names = Vec::new();
            let Ok(()) = v.each(|name, _| {
                names.push(name);
                Ok::<(), Infallible>(())
            });
            names
        };
        let mut want = vec![
            "closed_at",
            "created_at",
            "description",
            "id",
            "path",
            "priority",
            "related",
            "started_at",
            "status",
        ];
        assert_eq!(keys(TicketView::new(&t)), want);
        want.extend([
            "closure_reason",
            "content",
            "has_worktree",
            "blocked_by",
            "blocks",
        ]);
        want.sort_unstable();
        let mut t = t;
        t.meta.closure_reason = Some("done".into());
        let links = Links::default();
        let full = TicketView::new(&t)
            .with_details(&t)
            .with_worktree_flag()
            .with_links(&links);
        assert_eq!(keys(full), want);
    }

    #[test]
    fn nested_at_depth_zero_is_to_writer_pretty() {
        let mut out = Vec::new();
        json::nested(&mut out, &Summary::new([1, 2, 3]), 0);
        let mut want = Vec::new();
        crate::output::to_writer_pretty(&mut want, &Summary::new([1, 2, 3])).unwrap();
        assert_eq!(out, want);
        assert_eq!(
            out,
            serde_json::to_vec_pretty(&Summary::new([1, 2, 3])).unwrap()
        );
    }
}
