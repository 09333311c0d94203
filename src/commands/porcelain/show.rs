//! `git ticket show <ticket>`: one ticket's fields and body. Resolves the reference from file
//! names and parses only that ticket.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::view::TicketView;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::graph::{self, Links};
use crate::output::{Escape, Outcome, Style, Ui, escape, write_json};
use crate::ticket::Ticket;
use crate::ticket::store::load;

/// Show a ticket's details and body.
///
/// TICKET is a full ID, an ID prefix, a slug, a slug prefix, or whole words of a slug
/// (e.g. 42 for 261127-013854-fix-issue-42). An ambiguous reference lists the candidates.
/// Also shows what the ticket still waits on (Blocked by; JSON blocked_by: IDs, or
/// references that name no ticket) and the open tickets waiting on it (Blocks; JSON blocks).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The ticket to show
    #[arg(value_name = "TICKET")]
    ticket: String,
}

/// The `show` command.
pub struct Show;

impl Command for Show {
    const NAME: &'static str = "show";
    const SUMMARY: &'static str = "Show ticket details";
    const GROUP: Group = Group::Porcelain;
    const PAGED: bool = true;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let entry = project.store.resolve(&args.ticket)?;
        let ticket = load(&entry, true)?;
        let links = graph::links_of(project, &ticket, Exec::Parallel)?;
        Ok(Box::new(Shown(ticket, links)))
    }
}

struct Shown(Ticket, Links);

impl Outcome for Shown {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let t = &self.0;
        let m = &t.meta;
        let time = |t: &Option<crate::ticket::Timestamp>| t.map(|t| t.to_rfc3339());
        // Ticket text never reaches the terminal with its control characters (an ESC in a
        // description would recolour it): one-line fields are escaped, the body keeps its lines.
        let line = |s: &str| escape(s, Escape::Line).into_owned();
        out.styled(Style::Bold, &format!("ID: {}", line(&t.id)))?;
        writeln!(out.w)?;
        writeln!(out.w, "Status: {}", m.status())?;
        writeln!(out.w, "Priority: {}", m.priority())?;
        writeln!(out.w, "Description: {}", line(&m.description))?;
        writeln!(
            out.w,
            "Created: {}",
            time(&m.created_at).unwrap_or_default()
        )?;
        if let Some(s) = time(&m.started_at) {
            writeln!(out.w, "Started: {s}")?;
        }
        if let Some(c) = time(&m.closed_at) {
            writeln!(out.w, "Closed: {c}")?;
        }
        if let Some(r) = &m.closure_reason {
            writeln!(out.w, "Closure reason: {}", line(r))?;
        }
        if let Some(related) = m.related.as_ref().filter(|r| !r.is_empty()) {
            writeln!(out.w, "Related: {}", line(&related.join(", ")))?;
        }
        if !self.1.blockers.is_empty() {
            writeln!(out.w, "Blocked by: {}", self.1.describe())?;
        }
        if !self.1.blocks.is_empty() {
            writeln!(out.w, "Blocks: {}", self.1.blocks.join(", "))?;
        }
        writeln!(out.w, "File: {}", line(&t.path.to_string_lossy()))?;
        writeln!(out.w)?;
        let body = t.body.as_deref().unwrap_or_default();
        out.w.write_all(escape(body, Escape::Block).as_bytes())?;
        if !body.ends_with('\n') {
            writeln!(out.w)?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let view = TicketView::new(&self.0)
            .with_details(&self.0)
            .with_links(&self.1);
        write_json(w, &json!({ "ticket": view }))
    }
}
