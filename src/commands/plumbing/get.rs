//! `git ticket get <ticket> <field>`: one field of one ticket.
//!
//! Output format (stable): the value and a newline (`related`: one entry per line); times are
//! RFC 3339. A field the ticket does not have prints nothing and exits 1, like
//! `git config --get`.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::{Command, Ctx, Group};
use crate::error::{Error, ErrorCode};
use crate::output::{Outcome, Ui, write_json};
use crate::ticket::fields::{Field, raw_fields};
use crate::ticket::store::{load, read_text};

/// Print one field of a ticket.
///
/// FIELD: id, slug, status, priority, description, path, created_at, started_at, closed_at,
/// closure_reason, parent, related, or any other frontmatter key. Exit 1 when the ticket does
/// not have it.
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
        let raw = if field.needs_raw() {
            raw_fields(&read_text(&entry.path)?)
        } else {
            None
        };
        let value = field.value(&ticket, raw.as_ref(), "\n");
        let Some(value) = value else {
            return Err(Error::precondition(
                ErrorCode::ValidationError,
                "Field not set",
                format!("ticket {} has no field '{}'", ticket.id, args.field),
                &[],
            ));
        };
        Ok(Box::new(Value {
            id: ticket.id,
            field: args.field,
            value,
        }))
    }
}

struct Value {
    id: String,
    field: String,
    value: String,
}

impl Outcome for Value {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        writeln!(out.w, "{}", self.value)
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
