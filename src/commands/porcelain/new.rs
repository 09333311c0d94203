//! `git ticket new <slug>`: creates `tickets/todo/<YYMMDD-HHMMSS-slug>.md` from the template.
//!
//! The parent (`--parent`, or the current branch when it is exactly a ticket ID) is stored as
//! the resolved full ID; `--priority` and `--description` fill their lines of the header;
//! `--edit` then opens the new file in the editor (the ticket exists first, so nothing typed
//! is lost if the editor fails). Creation is exclusive: an existing ID is an error, never
//! overwritten.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::ops::edit;
use crate::ops::new::{self, Created, NewInput};
use crate::output::{Outcome, Style, Ui, write_json};
use crate::ticket::model::parse_priority;

/// Create a new ticket in tickets/todo.
///
/// The ID is the local creation time plus the slug (YYMMDD-HHMMSS-slug). On a ticket branch
/// the new ticket becomes a sub-ticket of that branch's ticket, unless --parent says
/// otherwise. Nothing is staged or committed. --edit opens the new ticket in your editor
/// (GIT_EDITOR, core.editor, VISUAL, EDITOR, else vi, run through the shell: EDITOR="code -w"
/// works).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Short name: lowercase letters, digits and hyphens (e.g. fix-login-timeout)
    #[arg(value_name = "SLUG", allow_hyphen_values = true)]
    slug: String,
    /// Parent ticket: an ID, ID prefix, slug or words of a slug
    #[arg(short, long, value_name = "TICKET")]
    parent: Option<String>,
    /// The one-line description
    #[arg(short, long, value_name = "TEXT", allow_hyphen_values = true)]
    description: Option<String>,
    /// The priority: a whole number from 0 (most urgent) up [default: 2] (-y as in jira-cli:
    /// -p is --parent, as in TicketFlow)
    #[arg(short = 'y', long, value_name = "N", allow_hyphen_values = true, value_parser = priority)]
    priority: Option<i64>,
    /// Open the new ticket in your editor
    #[arg(short, long)]
    edit: bool,
    /// A ticket this one waits on (repeatable): written as blocked-by:<ID> in related
    #[arg(long, value_name = "TICKET")]
    blocked_by: Vec<String>,
}

fn priority(typed: &str) -> Result<i64, String> {
    parse_priority(typed)
}

/// The `new` command.
pub struct New;

impl Command for New {
    const NAME: &'static str = "new";
    const SUMMARY: &'static str = "Create a new ticket";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        // A bad slug is refused before anything is opened.
        new::check_slug(&args.slug)?;
        let env = ctx.env;
        let project = ctx.project()?;
        let input = NewInput {
            slug: &args.slug,
            parent: args.parent.as_deref(),
            priority: args.priority,
            description: args.description.as_deref(),
            blocked_by: &args.blocked_by,
            ..NewInput::default()
        };
        let created = new::new(env, project, &input, ui)?;
        if args.edit {
            let stdio = ui.editor_stdio().map_err(|source| Error::Io {
                path: created.path.clone(),
                source,
            })?;
            if let Some(warning) = edit::edit(env, project, &created.id, &created.path, stdio)? {
                ui.warn(warning);
            }
        }
        Ok(Box::new(Report(created)))
    }
}

/// The result of `new`, rendered.
struct Report(Created);

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let path = self.0.path.display();
        if let Some(p) = &self.0.parent {
            if self.0.parent_done {
                writeln!(out.w, "⚠️  Warning: Parent ticket '{p}' is already done")?;
            }
            if self.0.implicit {
                writeln!(out.w, "Creating ticket in branch: {p}")?;
            } else {
                writeln!(out.w, "Creating sub-ticket with parent: {p}")?;
            }
        }
        writeln!(out.w)?;
        out.styled(
            Style::Bold,
            &format!("🎫 Created new ticket: {}", self.0.id),
        )?;
        writeln!(out.w)?;
        writeln!(out.w, "   File: {path}")?;
        if let Some(p) = &self.0.parent {
            writeln!(out.w, "   Parent ticket: {p}")?;
            writeln!(out.w, "   Type: Sub-ticket")?;
        }
        if !self.0.blocked_by.is_empty() {
            writeln!(out.w, "   Blocked by: {}", self.0.blocked_by.join(", "))?;
        }
        writeln!(out.w)?;
        writeln!(out.w, "📋 Next steps:")?;
        writeln!(out.w, "1. Edit the ticket file to add details:")?;
        writeln!(out.w, "   $EDITOR {path}")?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "2. Commit the ticket file:")?;
        writeln!(out.w, "   git add {path}")?;
        writeln!(out.w, "   git commit -m \"Add ticket: {}\"", self.0.id)?;
        writeln!(out.w, "   ")?;
        writeln!(out.w, "3. Start working on the ticket:")?;
        writeln!(out.w, "   git ticket start {}", self.0.id)
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut v = json!({
            "ticket": { "id": self.0.id, "path": self.0.path.display().to_string() },
        });
        if let Some(p) = &self.0.parent {
            v["parent_ticket"] = json!(p);
        }
        if !self.0.blocked_by.is_empty() {
            v["blocked_by"] = json!(self.0.blocked_by);
        }
        write_json(w, &v)
    }
}
