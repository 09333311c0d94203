//! `git ticket set <ticket> <field> [<value>] [--add V] [--remove V]`: changes one
//! frontmatter field, losslessly (only that line changes), atomically, under the repository
//! lock. Typed: `priority` is an integer, times are RFC 3339 (or `now`, or `null`),
//! `related` takes `--add`/`--remove` (or a comma-separated list), `parent` is resolved to a
//! full ID. Output format (stable): nothing on success.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::ops::set::{SetInput, Updated, set};
use crate::output::{Outcome, Ui, write_json};

/// Set one field of a ticket (only that line of the file changes).
///
/// FIELD: priority (a whole number from 0), description, created_at / started_at / closed_at
/// (RFC 3339, `now` or `null`), closure_reason, parent (a ticket reference), related (with
/// --add or --remove, or a comma-separated list), or any other key (a string) with --custom.
/// id, slug, status and path are derived and cannot be set; use start, close and reopen to
/// change the status. A ticket whose header does not parse (say `priority: high`) is repaired
/// by setting the field that is wrong.
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
    /// FIELD is a key of your own (stored as a string), not one of git-ticket's fields
    #[arg(long)]
    custom: bool,
}

/// The `set` command.
pub struct Set;

impl Command for Set {
    const NAME: &'static str = "set";
    const SUMMARY: &'static str = "Set one field of a ticket, losslessly";
    const GROUP: Group = Group::Plumbing;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let input = SetInput {
            ticket: &args.ticket,
            field: &args.field,
            value: args.value.as_deref(),
            add: args.add.as_deref(),
            remove: args.remove.as_deref(),
            custom: args.custom,
        };
        Ok(Box::new(Report(set(env, project, &input, ui)?)))
    }
}

/// The result of `set`, rendered.
struct Report(Updated);

impl Outcome for Report {
    fn text(&self, _out: &mut Ui<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({ "changed": self.0.changed, "field": self.0.field, "success": true, "ticket_id": self.0.id }),
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
