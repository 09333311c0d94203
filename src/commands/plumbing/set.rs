//! `git ticket set <ticket> <field> [<value>] [--add V] [--remove V]`: changes one
//! frontmatter field, losslessly (only that line changes), atomically, under the repository
//! lock. Typed: `priority` is an integer, times are RFC 3339 (or `now`, or `null`),
//! `related` takes `--add`/`--remove` (or a comma-separated list), `parent` is resolved to a
//! full ID. Output format (stable): nothing on success.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::porcelain::flow;
use crate::context::Ctx;
use crate::error::Error;
use crate::fsutil;
use crate::output::{FormatArg, Out, Outcome, write_json};
use crate::registry::{Command, Group, Profile};
use crate::ticket::Timestamp;
use crate::ticket::fields::{self, Edit};
use crate::ticket::format::{Change, Value, apply};
use crate::ticket::store::read_ticket;

/// Set one field of a ticket (only that line of the file changes).
///
/// FIELD: priority (integer), description, created_at / started_at / closed_at (RFC 3339,
/// `now` or `null`), closure_reason, parent (a ticket reference), related (with --add or
/// --remove, or a comma-separated list), or any other key (a string). id, slug, status and
/// path are derived and cannot be set; use start and close to change the status.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// The field
    #[arg(value_name = "FIELD")]
    field: String,
    /// The new value
    #[arg(value_name = "VALUE", allow_hyphen_values = true, required_unless_present_any = ["add", "remove"])]
    value: Option<String>,
    /// Add an entry to a list field (related)
    #[arg(long, value_name = "VALUE", conflicts_with_all = ["value", "remove"])]
    add: Option<String>,
    /// Remove an entry from a list field (related)
    #[arg(long, value_name = "VALUE", conflicts_with = "value")]
    remove: Option<String>,
    #[command(flatten)]
    format: FormatArg,
}

/// The `set` command.
pub struct Set;

impl Command for Set {
    const NAME: &'static str = "set";
    const SUMMARY: &'static str = "Set one field of a ticket, losslessly";
    const GROUP: Group = Group::Plumbing;
    const PROFILE: Profile = Profile::SINGLE;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let _lock = flow::lock(env, project, &format!("set {} {}", args.ticket, args.field))?;
        let entry = project.store.resolve(&args.ticket)?;
        let (text, meta) = read_ticket(&entry.path)?;
        let bad = |why: String| Error::Usage(format!("{}: {why}", args.field));
        let value = args.value.clone().unwrap_or_default();
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
        let field = args.field.as_str();
        // `None`: not in the table (any other key); `Some(None)`: in it, but derived.
        let edit = fields::def(field).map(|d| d.edit);
        let change = match edit {
            Some(None) => {
                return Err(bad(
                    "is derived, not stored; the status changes with 'git ticket start' and 'close'".into(),
                ));
            }
            Some(Some(Edit::Int)) => Change::Set(
                field.to_owned().into(),
                Value::Int(
                    value
                        .parse()
                        .map_err(|_| bad(format!("'{value}' is not an integer")))?,
                ),
            ),
            Some(Some(Edit::Time)) => Change::Set(field.to_owned().into(), time(&value)?),
            Some(Some(Edit::OptionalText)) if value.is_empty() => {
                Change::Remove(field.to_owned().into())
            }
            Some(Some(edit @ (Edit::List | Edit::Parent))) => {
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
                } else if let Some(add) = &args.add {
                    if !related.contains(add) {
                        related.push(add.clone());
                    }
                } else if let Some(remove) = &args.remove {
                    related.retain(|r| r != remove);
                } else {
                    related = value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect();
                }
                if related.is_empty() {
                    Change::Remove("related".into())
                } else {
                    Change::Set("related".into(), Value::List(related))
                }
            }
            _ if args.add.is_some() || args.remove.is_some() => {
                return Err(bad("--add and --remove work on 'related' only".into()));
            }
            // Edit::Text, a non-empty Edit::OptionalText, and keys not in the table.
            _ => Change::Set(field.to_owned().into(), Value::Str(value.clone())),
        };
        let updated = apply(&text, std::slice::from_ref(&change))?;
        if updated != text {
            fsutil::write_atomic(&entry.path, updated.as_bytes()).map_err(|source| Error::Io {
                path: entry.path.clone(),
                source,
            })?;
        }
        Ok(Box::new(Updated {
            id: entry.id,
            field: args.field,
            changed: updated != text,
        }))
    }
}

struct Updated {
    id: String,
    field: String,
    changed: bool,
}

impl Outcome for Updated {
    fn text(&self, _out: &mut Out<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({ "changed": self.changed, "field": self.field, "success": true, "ticket_id": self.id }),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::ticket::fields::FIELDS;

    #[test]
    fn help_names_what_the_table_lets_set_edit() {
        let cmd = <super::Args as clap::Args>::augment_args(clap::Command::new("set"));
        let help = cmd.get_long_about().unwrap().to_string().replace('\n', " ");
        let help = help.split("FIELD: ").nth(1).unwrap();
        let (editable, derived) = help.split_once("or any other key").unwrap();
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_ascii_lowercase() && c != '_')
                .filter(|w| w.contains('_') || FIELDS.iter().any(|d| d.name == *w))
                .map(str::to_owned)
                .collect()
        };
        let derived = derived.split(" are derived").next().unwrap();
        for d in FIELDS {
            let listed = if d.edit.is_some() { editable } else { derived };
            assert!(words(listed).contains(&d.name.to_owned()), "{}", d.name);
        }
        assert_eq!(
            words(derived).len(),
            FIELDS.iter().filter(|d| d.edit.is_none()).count()
        );
    }
}
