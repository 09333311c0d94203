//! Setting one frontmatter field, losslessly (only that line changes), atomically, under the
//! repository lock. Typed: `priority` is a whole number from 0, times are RFC 3339 (or `now`,
//! or `null`), `related` takes an entry to add or remove (or a comma-separated list), `parent`
//! is resolved to a full ID. Only the fields of the table are set, unless the caller asks for
//! a key of its own (`custom`). A file whose frontmatter does not parse can be repaired: the
//! edit is accepted when the file parses after it.

use std::path::Path;

use super::{Project, Ui, guard};
use crate::env::Env;
use crate::error::Error;
use crate::fsutil;
use crate::ticket::Timestamp;
use crate::ticket::fields::{self, Edit};
use crate::ticket::format::{Change, EditError, Value, apply, parse_meta};
use crate::ticket::model::parse_priority;
use crate::ticket::store::{Problem, read_text};

/// Which field of which ticket, and the new value.
#[derive(Clone, Debug, Default)]
pub struct SetInput<'a> {
    /// The ticket reference.
    pub ticket: &'a str,
    /// The field name.
    pub field: &'a str,
    /// The new value (`related`: a comma-separated list).
    pub value: Option<&'a str>,
    /// (`related`) An entry to add.
    pub add: Option<&'a str>,
    /// (`related`) An entry to remove.
    pub remove: Option<&'a str>,
    /// `field` is a key of the user's own, not a field of the table.
    pub custom: bool,
}

/// What was set.
#[derive(Debug)]
pub struct Updated {
    /// The ticket.
    pub id: String,
    /// The field.
    pub field: String,
    /// Whether the file changed.
    pub changed: bool,
}

/// Sets one field (see the module documentation).
pub fn set(
    env: &Env,
    project: &Project,
    input: &SetInput<'_>,
    ui: &mut dyn Ui,
) -> Result<Updated, Error> {
    let _lock = guard::lock(
        env,
        project,
        &format!("set {} {}", input.ticket, input.field),
        ui,
    )?;
    let entry = project.store.resolve(input.ticket)?;
    let text = read_text(&entry.path)?;
    // An invalid file is not refused yet: the edit may be what repairs it.
    let parsed = parse_meta(&text).map_err(|e| Problem::parse(&entry.path, e));
    let bad = |why: String| Error::Usage(format!("{}: {why}", input.field));
    let value = input.value.unwrap_or_default().to_owned();
    let time = |v: &str| -> Result<Value, Error> {
        match v {
            "null" | "" => Ok(Value::Null),
            "now" => Ok(Value::Time(Timestamp::now_local())),
            v => Timestamp::parse(v).map(Value::Time).ok_or_else(|| {
                bad(format!(
                    "'{v}' is not an RFC 3339 time (e.g. 2025-01-31T09:00:00Z), now or null"
                ))
            }),
        }
    };
    let field = input.field;
    let names = || {
        fields::FIELDS
            .iter()
            .filter(|d| d.edit.is_some())
            .map(|d| d.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let known = fields::def(field);
    if let (Some(_), true) = (known, input.custom) {
        return Err(bad(format!(
            "is a field of git-ticket, not a custom key: drop --custom (git ticket set {} {field} <value>)",
            input.ticket
        )));
    }
    if known.is_none() && !input.custom {
        return Err(bad(format!(
            "'{field}' is not a field: the fields set changes are {}. To set a key of your own, say so with --custom: git ticket set --custom {} {field} <value>",
            names(),
            input.ticket
        )));
    }
    let plain_key = field
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && field
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if known.is_none() && !plain_key {
        return Err(bad(format!(
            "'{field}' cannot be a key: a key of your own is made of letters, digits, _ and - (starting with a letter or _)"
        )));
    }
    // `None`: not in the table (any other key); `Some(None)`: in it, but derived.
    let edit = known.map(|d| d.edit);
    let change = match edit {
        Some(None) => {
            return Err(bad(
                "is derived, not stored; the status changes with 'git ticket start' and 'close'"
                    .into(),
            ));
        }
        Some(Some(Edit::Int)) => Change::Set(
            field.to_owned().into(),
            Value::Int(parse_priority(&value).map_err(bad)?),
        ),
        Some(Some(Edit::Time)) => Change::Set(field.to_owned().into(), time(&value)?),
        Some(Some(Edit::OptionalText)) if value.is_empty() => {
            Change::Remove(field.to_owned().into())
        }
        Some(Some(edit @ (Edit::List | Edit::Parent))) => {
            // The list is edited from what the file says: it must be readable.
            let meta = parsed.clone()?;
            let mut related = meta.related.clone().unwrap_or_default();
            if edit == Edit::Parent {
                related.retain(|r| !r.starts_with("parent:"));
                if !value.is_empty() {
                    let parent = project.store.resolve(&value).map_err(Error::Parent)?;
                    if parent.id == entry.id {
                        return Err(Error::SelfParent(value));
                    }
                    related.insert(0, format!("parent:{}", parent.id));
                }
            } else if let Some(add) = input.add {
                // A link to a ticket names it by its full ID, as `set parent` and
                // `new --parent` store it; a ticket has one parent.
                let add = match add.split_once(':') {
                    // A blocker that names no ticket yet is kept as written (fsck reports it).
                    Some((kind @ ("blocked-by" | "blocks"), reference))
                        if project.store.resolve(reference).is_err() =>
                    {
                        format!("{kind}:{reference}")
                    }
                    Some((kind @ ("parent" | "blocked-by" | "blocks"), reference)) => {
                        let target = project.store.resolve(reference).map_err(Error::Parent)?;
                        if target.id == entry.id {
                            return Err(Error::SelfParent(reference.to_owned()));
                        }
                        let other_parent = related.iter().any(|r| {
                            r.starts_with("parent:") && *r != format!("parent:{}", target.id)
                        });
                        if kind == "parent" && other_parent {
                            return Err(bad(format!(
                                "{} already has a parent; a ticket has one: change it with 'git ticket set {} parent {reference}'",
                                entry.id, entry.id
                            )));
                        }
                        format!("{kind}:{}", target.id)
                    }
                    _ => add.to_owned(),
                };
                if !related.contains(&add) {
                    related.push(add);
                }
            } else if let Some(remove) = input.remove {
                // The entry as written, or the link it names with the ticket's full ID.
                let resolved = remove.split_once(':').and_then(|(kind, reference)| {
                    matches!(kind, "parent" | "blocked-by" | "blocks")
                        .then(|| project.store.resolve(reference).ok())
                        .flatten()
                        .map(|t| format!("{kind}:{}", t.id))
                });
                related.retain(|r| r != remove && Some(r) != resolved.as_ref());
            } else {
                related = value
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
            related_change(related)
        }
        _ if input.add.is_some() || input.remove.is_some() => {
            return Err(bad("--add and --remove work on 'related' only".into()));
        }
        // Edit::Text, a non-empty Edit::OptionalText, and keys not in the table.
        _ => Change::Set(field.to_owned().into(), Value::Str(value.clone())),
    };
    let updated = match apply(&text, std::slice::from_ref(&change)) {
        Ok(updated) => updated,
        // Invalid before and after: what is wrong is the file, not this edit.
        Err(EditError::Parse(after)) if parsed.is_err() => {
            return Err(Problem::parse(&entry.path, after).into());
        }
        Err(e) => return Err(e.into()),
    };
    if updated != text {
        fsutil::write_atomic(&entry.path, updated.as_bytes()).map_err(|source| Error::Io {
            path: entry.path.clone(),
            source,
        })?;
    }
    let changed = updated != text;
    Ok(Updated {
        id: entry.id,
        field: input.field.to_owned(),
        changed,
    })
}

/// The edit that makes `related` hold `entries` (an empty list removes the key).
fn related_change(entries: Vec<String>) -> Change {
    if entries.is_empty() {
        Change::Remove("related".into())
    } else {
        Change::Set("related".into(), Value::List(entries))
    }
}

/// Rewrites the ticket at `path` (now `text`) with `change`, losslessly and atomically;
/// whether the file changed. The caller holds the repository lock.
fn write_change(path: &Path, text: &str, change: Change) -> Result<bool, Error> {
    let updated = apply(text, std::slice::from_ref(&change))?;
    if updated == text {
        return Ok(false);
    }
    fsutil::write_atomic(path, updated.as_bytes()).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(true)
}

/// Rewrites the `related` list of the ticket at `path` (now `text`) to `entries`, as `set`
/// does (only that key changes); whether the file changed. The caller holds the repository
/// lock (`dep add`, `dep remove`, `new --blocked-by`).
pub fn write_related(path: &Path, text: &str, entries: Vec<String>) -> Result<bool, Error> {
    write_change(path, text, related_change(entries))
}
