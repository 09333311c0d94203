//! Ticket fields by name, as plumbing commands print them (`for-each-ticket` placeholders,
//! `get`): one stable text form per field.

use std::collections::BTreeMap;

use crate::ticket::format::layout;
use crate::ticket::id::slug_of;
use crate::ticket::{Ticket, Timestamp};

/// A named field of a ticket.
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
        Some(match name {
            "id" => Field::Id,
            "slug" => Field::Slug,
            "status" => Field::Status,
            "priority" => Field::Priority,
            "description" => Field::Description,
            "path" => Field::Path,
            "created_at" => Field::CreatedAt,
            "started_at" => Field::StartedAt,
            "closed_at" => Field::ClosedAt,
            "closure_reason" => Field::ClosureReason,
            "parent" => Field::Parent,
            "related" => Field::Related,
            _ => Field::Raw(
                name.strip_prefix("field:")
                    .filter(|k| !k.is_empty())?
                    .to_owned(),
            ),
        })
    }

    /// Whether rendering needs the raw frontmatter map.
    pub fn needs_raw(&self) -> bool {
        matches!(self, Field::Raw(_))
    }

    /// The field's text; `None` when the ticket does not have it.
    pub fn value(&self, t: &Ticket, raw: Option<&RawFields>) -> Option<String> {
        let time = |t: &Option<Timestamp>| t.map(|t| t.to_rfc3339());
        let m = &t.meta;
        match self {
            Field::Id => Some(t.id.clone()),
            Field::Slug => slug_of(&t.id).map(str::to_owned),
            Field::Status => Some(m.status().to_string()),
            Field::Priority => Some(m.priority.to_string()),
            Field::Description => Some(m.description.clone()),
            Field::Path => Some(t.path.display().to_string()),
            Field::CreatedAt => time(&m.created_at),
            Field::StartedAt => time(&m.started_at),
            Field::ClosedAt => time(&m.closed_at),
            Field::ClosureReason => m.closure_reason.clone(),
            Field::Parent => m.parent().map(str::to_owned),
            Field::Related => m.related.as_ref().map(|r| r.join(",")),
            Field::Raw(key) => raw?.get(key).and_then(scalar_text),
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

fn scalar_text(v: &serde_json::Value) -> Option<String> {
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
