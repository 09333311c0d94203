//! `git ticket new <slug>`: creates `tickets/todo/<YYMMDD-HHMMSS-slug>.md` from the template.
//!
//! The parent (`--parent`, or the current branch when it is exactly a ticket ID) is stored as
//! the resolved full ID. Creation is exclusive: an existing ID is an error, never overwritten.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::ops::new::{self, Created, NewInput};
use crate::output::{Outcome, Style, Ui, write_json};

/// Create a new ticket in tickets/todo.
///
/// The ID is the local creation time plus the slug (YYMMDD-HHMMSS-slug). On a ticket branch
/// the new ticket becomes a sub-ticket of that branch's ticket, unless --parent says
/// otherwise. Nothing is staged or committed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Short name: lowercase letters, digits and hyphens (e.g. fix-login-timeout)
    #[arg(value_name = "SLUG", allow_hyphen_values = true)]
    slug: String,
    /// Parent ticket: an ID, ID prefix, slug or words of a slug
    #[arg(short, long, value_name = "TICKET")]
    parent: Option<String>,
    /// A ticket this one waits on (repeatable): written as blocked-by:<ID> in related
    #[arg(long, value_name = "TICKET")]
    blocked_by: Vec<String>,
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
            blocked_by: &args.blocked_by,
        };
        Ok(Box::new(Report(new::new(env, project, &input, ui)?)))
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
