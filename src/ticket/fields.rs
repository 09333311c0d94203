//! The ticket fields, in one table: each field's name, type, whether and how `set` edits it,
//! how the merge driver merges it, whether the JSON view shows it, whether `for-each-ticket`
//! sorts by it, and a line of documentation. `get`, `set`, `for-each-ticket`, `merge-driver`
//! and the JSON view of `show`/`list` read [`FIELDS`] instead of keeping their own lists, so a
//! field is added or changed in one place.
//!
//! Also the other frontmatter keys by name ([`Field::Raw`], [`raw_fields`]), as `get` and
//! `%(field:<key>)` print them.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::format::{Value, layout};
use super::id::slug_of;
use super::model::{Meta, Ticket};
use super::time::Timestamp;

/// One ticket field: the row of [`FIELDS`] that says everything about it.
#[derive(Debug)]
pub struct FieldDef {
    /// The name in `get`, `set`, `%(name)` placeholders, `--sort` and the JSON view.
    pub name: &'static str,
    /// The field this row describes.
    pub field: Field,
    /// Its type, and how it is read from a ticket.
    pub kind: Kind,
    /// How `set` parses a new value; `None`: derived, `set` refuses it.
    pub edit: Option<Edit>,
    /// How the merge driver merges it; `None`: it has no frontmatter key of its own.
    pub merge: Option<Merge>,
    /// Whether the JSON view of a ticket (`show`, `list`, `status`) has it.
    pub json: Json,
    /// The order `for-each-ticket --sort <name>` sorts by; `None`: not a sort key.
    pub sort: Option<Compare>,
    /// One line for help text and messages.
    pub doc: &'static str,
}

/// Compares two tickets by a field (ascending).
pub type Compare = fn(&Ticket, &Ticket) -> Ordering;

/// A field's type and how it is read from a ticket. It fixes the text form (`get`, `%(name)`):
/// text as is, integers in decimal, times in RFC 3339, lists joined; and the JSON form.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// Text computed from the ticket's file or times, never stored in the frontmatter.
    Derived(fn(&Ticket) -> Option<Cow<'_, str>>),
    /// Text from the frontmatter (left out of the JSON view when unset).
    Text(fn(&Meta) -> Option<&str>),
    /// An integer: as stored (`None`: missing or null), and as shown in the JSON view and
    /// sorted by (with its default).
    Int(fn(&Meta) -> Option<i64>, fn(&Meta) -> i64),
    /// A time (`null` in the JSON view when unset).
    Time(fn(&Meta) -> Option<Timestamp>),
    /// A list of strings (`null` in the JSON view when absent).
    List(fn(&Meta) -> Option<&[String]>),
}

/// How `set` parses a new value for a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Any text, stored as a string (also what `set` does with keys not in the table).
    Text,
    /// Any text; an empty value removes the key.
    OptionalText,
    /// An integer.
    Int,
    /// An RFC 3339 time, `now`, or `null` (or empty) for unset.
    Time,
    /// A ticket reference, resolved to a full ID and kept as the first `parent:<ID>` entry
    /// of `related`; empty removes it.
    Parent,
    /// `--add V`, `--remove V`, or a comma-separated list; an empty list removes the key.
    List,
}

/// How the merge driver merges a field changed since the common ancestor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// A change on one side is taken; different changes on both sides are a conflict (git's
    /// markers around the line, for a person to choose).
    Conflict,
    /// A change on one side is taken; changed on both sides, the later time is kept (a time
    /// beats unset, ours wins otherwise), without a conflict.
    LaterTime,
    /// The union of both sides, minus the entries either side removed.
    Union,
}

/// Whether a field is part of the JSON view of a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Json {
    /// In every view.
    Always,
    /// Only in the detailed view (`show`).
    Details,
    /// Never (ask `get` or `for-each-ticket`).
    Never,
}

/// Every ticket field. Stored fields come in TicketFlow's key order; the sort keys in the
/// order `--sort` documents them (`status` after the times it is derived from).
pub static FIELDS: &[FieldDef] = &[
    FieldDef {
        name: "id",
        field: Field::Id,
        kind: Kind::Derived(|t| Some(Cow::Borrowed(t.id.as_str()))),
        edit: None,
        merge: None,
        json: Json::Always,
        sort: Some(|a, b| a.id.cmp(&b.id)),
        doc: "the ID (the file name without .md)",
    },
    FieldDef {
        name: "slug",
        field: Field::Slug,
        kind: Kind::Derived(|t| slug_of(&t.id).map(Cow::Borrowed)),
        edit: None,
        merge: None,
        json: Json::Never,
        sort: None,
        doc: "the slug part of the ID (unset for hand-named files)",
    },
    FieldDef {
        name: "priority",
        field: Field::Priority,
        kind: Kind::Int(|m| m.priority, Meta::priority),
        edit: Some(Edit::Int),
        merge: Some(Merge::Conflict),
        json: Json::Always,
        sort: Some(|a, b| a.meta.priority().cmp(&b.meta.priority())),
        doc: "the priority, a whole number from 0 (lower sorts first; missing counts as 2)",
    },
    FieldDef {
        name: "description",
        field: Field::Description,
        kind: Kind::Text(|m| Some(m.description.as_str())),
        edit: Some(Edit::Text),
        merge: Some(Merge::Conflict),
        json: Json::Always,
        sort: None,
        doc: "the one-line description",
    },
    FieldDef {
        name: "path",
        field: Field::Path,
        kind: Kind::Derived(|t| Some(t.path.to_string_lossy())),
        edit: None,
        merge: None,
        json: Json::Always,
        sort: None,
        doc: "the absolute path of the file",
    },
    FieldDef {
        name: "created_at",
        field: Field::CreatedAt,
        kind: Kind::Time(|m| m.created_at),
        edit: Some(Edit::Time),
        merge: Some(Merge::Conflict),
        json: Json::Always,
        sort: Some(|a, b| a.meta.created_at.cmp(&b.meta.created_at)),
        doc: "when the ticket was created",
    },
    FieldDef {
        name: "started_at",
        field: Field::StartedAt,
        kind: Kind::Time(|m| m.started_at),
        edit: Some(Edit::Time),
        merge: Some(Merge::LaterTime),
        json: Json::Always,
        sort: Some(|a, b| a.meta.started_at.cmp(&b.meta.started_at)),
        doc: "when the ticket was started",
    },
    FieldDef {
        name: "closed_at",
        field: Field::ClosedAt,
        kind: Kind::Time(|m| m.closed_at),
        edit: Some(Edit::Time),
        merge: Some(Merge::LaterTime),
        json: Json::Always,
        sort: Some(|a, b| a.meta.closed_at.cmp(&b.meta.closed_at)),
        doc: "when the ticket was closed",
    },
    FieldDef {
        name: "status",
        field: Field::Status,
        kind: Kind::Derived(|t| Some(Cow::Borrowed(t.status().as_str()))),
        edit: None,
        merge: None,
        json: Json::Always,
        sort: Some(|a, b| a.status().cmp(&b.status())),
        doc: "todo, doing or done, from the times (start and close change it)",
    },
    FieldDef {
        name: "closure_reason",
        field: Field::ClosureReason,
        kind: Kind::Text(|m| m.closure_reason.as_deref()),
        edit: Some(Edit::OptionalText),
        merge: Some(Merge::Conflict),
        json: Json::Details,
        sort: None,
        doc: "the reason given when closing",
    },
    FieldDef {
        name: "parent",
        field: Field::Parent,
        kind: Kind::Text(Meta::parent),
        edit: Some(Edit::Parent),
        merge: None,
        json: Json::Never,
        sort: None,
        doc: "the parent ticket's ID (the first parent:<ID> entry of related)",
    },
    FieldDef {
        name: "related",
        field: Field::Related,
        kind: Kind::List(|m| m.related.as_deref()),
        edit: Some(Edit::List),
        merge: Some(Merge::Union),
        json: Json::Always,
        sort: None,
        doc: "links to other tickets, such as parent:<ID> or blocked-by:<ID>",
    },
];

/// The row of the field named `name`.
pub fn def(name: &str) -> Option<&'static FieldDef> {
    FIELDS.iter().find(|d| d.name == name)
}

/// The row of the sort key `name`, with its order.
pub fn sort_key(name: &str) -> Option<(&'static FieldDef, Compare)> {
    def(name).and_then(|d| Some((d, d.sort?)))
}

/// The placeholders of `for-each-ticket --format`, for messages: `%(id), %(slug), …,
/// %(field:<key>)`.
pub fn placeholders() -> String {
    let mut names: Vec<String> = FIELDS.iter().map(|d| format!("%({})", d.name)).collect();
    names.push("%(field:<key>)".to_owned());
    names.join(", ")
}

/// The names of the sort keys (`for-each-ticket --sort`), comma-separated (for messages).
pub fn sort_keys() -> String {
    let names: Vec<&str> = FIELDS
        .iter()
        .filter(|d| d.sort.is_some())
        .map(|d| d.name)
        .collect();
    names.join(", ")
}

impl FieldDef {
    /// The field's text: times in RFC 3339, list entries joined by `list_sep`; `None` when
    /// the ticket does not have it.
    pub fn text(&self, t: &Ticket, list_sep: &str) -> Option<String> {
        let m = &t.meta;
        match self.kind {
            Kind::Derived(f) => f(t).map(Cow::into_owned),
            Kind::Text(f) => f(m).map(str::to_owned),
            Kind::Int(f, _) => f(m).map(|i| i.to_string()),
            Kind::Time(f) => f(m).map(|t| t.to_rfc3339()),
            Kind::List(f) => f(m).map(|items| items.join(list_sep)),
        }
    }

    /// The field's typed JSON value (`get -o json`): text as a string, integers as numbers,
    /// times as RFC 3339 strings, lists as arrays; `null` when the ticket does not have it.
    pub fn json(&self, t: &Ticket) -> serde_json::Value {
        use serde_json::Value as J;
        let m = &t.meta;
        let text = |s: Option<&str>| s.map_or(J::Null, |s| J::String(s.to_owned()));
        match self.kind {
            Kind::Derived(f) => text(f(t).as_deref()),
            Kind::Text(f) => text(f(m)),
            Kind::Int(f, _) => f(m).map_or(J::Null, J::from),
            Kind::Time(f) => f(m).map_or(J::Null, |t| J::String(t.to_rfc3339())),
            Kind::List(f) => f(m).map_or(J::Null, |items| J::from(items.to_vec())),
        }
    }

    /// The field's value as a frontmatter edit writes it (unset is [`Value::Null`]); `None`
    /// for derived fields.
    pub fn yaml(&self, m: &Meta) -> Option<Value> {
        Some(match self.kind {
            Kind::Derived(_) => return None,
            Kind::Text(f) => f(m).map_or(Value::Null, |s| Value::Str(s.to_owned())),
            Kind::Int(f, _) => f(m).map_or(Value::Null, Value::Int),
            Kind::Time(f) => f(m).map_or(Value::Null, Value::Time),
            Kind::List(f) => f(m).map_or(Value::Null, |items| Value::List(items.to_vec())),
        })
    }
}

/// A named field of a ticket: a row of [`FIELDS`], or any other frontmatter key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// The ID (file name without `.md`).
    Id,
    /// The slug part of the ID (empty for hand-named files).
    Slug,
    /// todo, doing or done (from the timestamps).
    Status,
    /// The priority number.
    Priority,
    /// The description.
    Description,
    /// The absolute path of the file.
    Path,
    /// RFC 3339 or empty.
    CreatedAt,
    /// RFC 3339 or empty.
    StartedAt,
    /// RFC 3339 or empty.
    ClosedAt,
    /// The closure reason or empty.
    ClosureReason,
    /// The parent ticket ID or empty.
    Parent,
    /// The `related` entries, comma-separated.
    Related,
    /// Any frontmatter key, as written in YAML (lists comma-separated, maps as JSON).
    Raw(String),
}

impl Field {
    /// The field of a placeholder or `get` name: `id`, `created_at`, `field:<key>`…
    pub fn parse(name: &str) -> Option<Field> {
        if let Some(d) = def(name) {
            return Some(d.field.clone());
        }
        let key = name.strip_prefix("field:").filter(|k| !k.is_empty())?;
        Some(Field::Raw(key.to_owned()))
    }

    /// The field's row of [`FIELDS`]; `None` for [`Field::Raw`].
    pub fn def(&self) -> Option<&'static FieldDef> {
        FIELDS.iter().find(|d| d.field == *self)
    }

    /// Whether rendering needs the raw frontmatter map.
    pub fn needs_raw(&self) -> bool {
        matches!(self, Field::Raw(_))
    }

    /// The field's text, list entries joined by `list_sep` (a raw key's YAML lists are
    /// always comma-separated); `None` when the ticket does not have it.
    pub fn value(&self, t: &Ticket, raw: Option<&RawFields>, list_sep: &str) -> Option<String> {
        match self {
            Field::Raw(key) => raw?.get(key).and_then(scalar_text),
            known => known.def()?.text(t, list_sep),
        }
    }
}

/// Every top-level frontmatter key with its value.
pub type RawFields = BTreeMap<String, serde_json::Value>;

/// Reads the frontmatter of `text` as a generic map.
pub fn raw_fields(text: &str) -> Option<RawFields> {
    let lay = layout(text).ok()?;
    let yaml = &text[lay.frontmatter];
    if yaml.trim().is_empty() {
        return Some(RawFields::new());
    }
    let options = serde_saphyr::options! { strict_booleans: true, with_snippet: false };
    serde_saphyr::from_str_with_options(yaml, options).ok()
}

/// A frontmatter value as `get` prints it: text as is, lists comma-separated, maps as JSON;
/// `None` for null.
pub fn scalar_text(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .map(|i| scalar_text(i).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(","),
        ),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names(pick: impl Fn(&FieldDef) -> bool) -> Vec<&'static str> {
        FIELDS.iter().filter(|d| pick(d)).map(|d| d.name).collect()
    }

    #[test]
    fn names_are_unique_and_parse_back_to_their_row() {
        let mut all = names(|_| true);
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), FIELDS.len());
        for d in FIELDS {
            let field = Field::parse(d.name).unwrap();
            assert_eq!(field, d.field, "{}", d.name);
            assert_eq!(field.def().map(|d| d.name), Some(d.name));
            assert!(!field.needs_raw());
        }
        assert_eq!(
            Field::parse("field:owner"),
            Some(Field::Raw("owner".into()))
        );
        assert_eq!(Field::parse("field:"), None);
        assert_eq!(Field::parse("owner"), None);
        assert_eq!(Field::Raw("id".into()).def().map(|d| d.name), None);
    }

    #[test]
    fn the_names_are_get_and_for_each_tickets_names() {
        let mut all = names(|_| true);
        all.sort_unstable();
        let mut want = [
            "id",
            "slug",
            "status",
            "priority",
            "description",
            "path",
            "created_at",
            "started_at",
            "closed_at",
            "closure_reason",
            "parent",
            "related",
        ];
        want.sort_unstable();
        assert_eq!(all, want);
    }

    #[test]
    fn set_edits_what_it_edited_before() {
        assert_eq!(
            names(|d| d.edit.is_none()),
            ["id", "slug", "path", "status"]
        );
        let edits: Vec<(&str, Edit)> = FIELDS
            .iter()
            .filter_map(|d| Some((d.name, d.edit?)))
            .collect();
        assert_eq!(
            edits,
            [
                ("priority", Edit::Int),
                ("description", Edit::Text),
                ("created_at", Edit::Time),
                ("started_at", Edit::Time),
                ("closed_at", Edit::Time),
                ("closure_reason", Edit::OptionalText),
                ("parent", Edit::Parent),
                ("related", Edit::List),
            ]
        );
        // Derived means not stored: set refuses exactly the derived kinds.
        for d in FIELDS {
            assert_eq!(
                d.edit.is_none(),
                matches!(d.kind, Kind::Derived(_)),
                "{}",
                d.name
            );
        }
    }

    #[test]
    fn merge_rules_are_the_merge_drivers() {
        let rules: Vec<(&str, Merge)> = FIELDS
            .iter()
            .filter_map(|d| Some((d.name, d.merge?)))
            .collect();
        assert_eq!(
            rules,
            [
                ("priority", Merge::Conflict),
                ("description", Merge::Conflict),
                ("created_at", Merge::Conflict),
                ("started_at", Merge::LaterTime),
                ("closed_at", Merge::LaterTime),
                ("closure_reason", Merge::Conflict),
                ("related", Merge::Union),
            ]
        );
    }

    #[test]
    fn merged_fields_are_the_stored_keys_in_ticketflows_order() {
        assert_eq!(
            names(|d| d.merge.is_some()),
            crate::ticket::format::KEY_ORDER
        );
    }

    #[test]
    fn sort_keys_and_json_view() {
        assert_eq!(
            sort_keys(),
            "id, priority, created_at, started_at, closed_at, status"
        );
        assert!(sort_key("status").is_some());
        assert!(sort_key("slug").is_none());
        assert!(sort_key("nope").is_none());
        assert_eq!(names(|d| d.json == Json::Details), ["closure_reason"]);
        assert_eq!(names(|d| d.json == Json::Never), ["slug", "parent"]);
    }

    /// `Field::value` as it was written before the table, field by field.
    fn before(f: &Field, t: &Ticket) -> Option<String> {
        let time = |t: &Option<Timestamp>| t.map(|t| t.to_rfc3339());
        let m = &t.meta;
        match f {
            Field::Id => Some(t.id.clone()),
            Field::Slug => slug_of(&t.id).map(str::to_owned),
            Field::Status => Some(m.status().to_string()),
            Field::Priority => m.priority.map(|p| p.to_string()),
            Field::Description => Some(m.description.clone()),
            Field::Path => Some(t.path.display().to_string()),
            Field::CreatedAt => time(&m.created_at),
            Field::StartedAt => time(&m.started_at),
            Field::ClosedAt => time(&m.closed_at),
            Field::ClosureReason => m.closure_reason.clone(),
            Field::Parent => m.parent().map(str::to_owned),
            Field::Related => m.related.as_ref().map(|r| r.join(",")),
            Field::Raw(_) => unreachable!(),
        }
    }

    use crate::ticket::model::strategies::ticket;

    proptest! {
        /// Every field prints what it printed before the table; sorting orders as before.
        #[test]
        fn values_and_order_are_unchanged(a in ticket(), b in ticket()) {
            for d in FIELDS {
                prop_assert_eq!(d.field.value(&a, None, ","), before(&d.field, &a), "{}", d.name);
            }
            let related = Field::Related.value(&a, None, "\n");
            prop_assert_eq!(related, a.meta.related.as_ref().map(|r| r.join("\n")));
            let m = (&a.meta, &b.meta);
            let sorted = [
                ("id", a.id.cmp(&b.id)),
                ("priority", m.0.priority().cmp(&m.1.priority())),
                ("created_at", m.0.created_at.cmp(&m.1.created_at)),
                ("started_at", m.0.started_at.cmp(&m.1.started_at)),
                ("closed_at", m.0.closed_at.cmp(&m.1.closed_at)),
                ("status", a.status().cmp(&b.status())),
            ];
            for (name, want) in sorted {
                prop_assert_eq!((sort_key(name).unwrap().1)(&a, &b), want, "{}", name);
            }
        }
    }

    #[test]
    fn raw_keys_read_the_frontmatter() {
        let text = "---\nowner: ann\ntags: [a, b]\nn: 3\nnone: null\n---\n\nbody\n";
        let raw = raw_fields(text).unwrap();
        let t = crate::ticket::model::strategies::blank("x");
        let get = |k: &str| Field::Raw(k.into()).value(&t, Some(&raw), "\n");
        assert_eq!(get("owner").as_deref(), Some("ann"));
        assert_eq!(get("tags").as_deref(), Some("a,b"));
        assert_eq!(get("n").as_deref(), Some("3"));
        assert_eq!(get("none"), None);
        assert_eq!(get("missing"), None);
    }
}
