//! `git ticket get <ticket> <field>`: one field of one ticket.
//!
//! Output format (stable): the value and a newline (`related`: one entry per line); times are
//! RFC 3339. A field the ticket does not have set (missing or `null`) prints nothing and exits
//! 0. A name that is neither a field of the table nor a key of the ticket's frontmatter is an
//! error (exit 1) listing the fields. With `-o json`: `{"field", "ticket_id", "value"}`, the
//! value typed — a number, a string, an array, or `null` when unset.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::{Command, Ctx, Group};
use crate::error::{Error, ErrorCode};
use crate::output::{Outcome, Ui, write_json};
use crate::ticket::fields::{FIELDS, Field, RawFields, raw_fields, scalar_text};
use crate::ticket::store::{load, read_text};

/// Print one field of a ticket.
///
/// FIELD: id, slug, status, priority, description, path, created_at, started_at, closed_at,
/// closure_reason, parent, related, or any other frontmatter key (also as field:<key>). A
/// field that is not set prints nothing (exit 0); an unknown name is an error (exit 1). With
/// -o json the value is typed: a number, a string, an array, or null.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket
    #[arg(value_name = "TICKET")]
    ticket: String,
    /// The field
    #[arg(value_name = "FIELD")]
    field: String,
}

/// The `get` command.
pub struct Get;

impl Command for Get {
    const NAME: &'static str = "get";
    const SUMMARY: &'static str = "Print one field of a ticket";
    const GROUP: Group = Group::Plumbing;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let store = &ctx.project()?.store;
        let entry = store.resolve(&args.ticket)?;
        let ticket = load(&entry, false)?;
        let field = Field::parse(&args.field).unwrap_or_else(|| Field::Raw(args.field.clone()));
        let (text, value) = match &field {
            Field::Raw(key) => {
                let raw = raw_fields(&read_text(&entry.path)?).unwrap_or_default();
                let Some(value) = raw.get(key) else {
                    return Err(unknown(&ticket.id, &args.field, &raw));
                };
                (scalar_text(value), value.clone())
            }
            known => (
                known.value(&ticket, None, "\n"),
                known
                    .def()
                    .map_or(serde_json::Value::Null, |d| d.json(&ticket)),
            ),
        };
        Ok(Box::new(Value {
            id: ticket.id,
            field: args.field,
            text,
            value,
        }))
    }
}

/// The error for a name that is neither a field nor a key of the ticket: what the names are.
fn unknown(id: &str, name: &str, raw: &RawFields) -> Error {
    let fields: Vec<&str> = FIELDS.iter().map(|d| d.name).collect();
    let own: Vec<&str> = raw
        .keys()
        .map(String::as_str)
        .filter(|k| !fields.contains(k))
        .collect();
    let own = if own.is_empty() {
        "it has no other keys".to_owned()
    } else {
        format!("its other keys: {}", own.join(", "))
    };
    Error::precondition(
        ErrorCode::ValidationError,
        "No such field",
        format!(
            "ticket {id} has no field '{name}'. The fields are {}; {own}",
            fields.join(", ")
        ),
        &[],
    )
}

struct Value {
    id: String,
    field: String,
    /// The text form; `None`: not set (nothing is printed).
    text: Option<String>,
    value: serde_json::Value,
}

impl Outcome for Value {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        match &self.text {
            Some(text) => writeln!(out.w, "{text}"),
            None => Ok(()),
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({ "field": self.field, "ticket_id": self.id, "value": self.value }),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::ticket::fields::FIELDS;

    #[test]
    fn help_lists_the_fields_of_the_table() {
        let cmd = <super::Args as clap::Args>::augment_args(clap::Command::new("get"));
        let help = cmd.get_long_about().unwrap().to_string().replace('\n', " ");
        let list = help.split("FIELD: ").nth(1).unwrap();
        let list = list.split(", or any other").next().unwrap();
        let mut listed: Vec<&str> = list.split(", ").collect();
        let mut table: Vec<&str> = FIELDS.iter().map(|d| d.name).collect();
        listed.sort_unstable();
        table.sort_unstable();
        assert_eq!(listed, table);
    }
}
