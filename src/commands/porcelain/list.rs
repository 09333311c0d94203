//! `git ticket list` (`ls`): the tickets of some status folders, sorted by priority ↑,
//! creation time ↓, ID. Reads only the frontmatter; invalid files are reported and skipped.

use std::io::{self, Write};

use crate::commands::Ctx;
use crate::commands::view::{ProblemView, Summary, TicketView, say_problems};
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::exec::{Exec, Piece};
use crate::ops::graph::Links;
use crate::ops::list::{self, Listing};
use crate::ops::queue::{self, Which};
use crate::output::{Format, Outcome, Style, Ui, escape_control, json, pad, truncate, width};
use crate::ticket::store::Severity;
use crate::ticket::{Status, Ticket};

/// Which tickets `list` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFilter {
    /// Not started.
    Todo,
    /// In progress.
    Doing,
    /// Closed.
    Done,
    /// Todo, doing and done.
    All,
}

/// List tickets (todo and doing by default).
///
/// Sorted by priority (lowest number first), then newest first, then ID.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Status to show [default: todo and doing]
    #[arg(short, long, alias = "s", value_enum, value_name = "STATUS")]
    status: Option<StatusFilter>,
    /// Maximum number of tickets to show; 0 shows all (Go literals: 010 is 8, 0x10 is 16)
    #[arg(
        short,
        long,
        alias = "c",
        default_value_t = 20,
        value_name = "N",
        value_parser = crate::commands::pflag::parse_count,
        allow_hyphen_values = true
    )]
    count: usize,
    /// Only todo tickets ready to take: every blocker done, not claimed elsewhere
    #[arg(long, conflicts_with = "blocked")]
    ready: bool,
    /// Only tickets waiting on a blocker that is not done (todo and doing)
    #[arg(long)]
    blocked: bool,
}

/// The `list` command.
pub struct List;

impl Command for List {
    const NAME: &'static str = "list";
    const ALIASES: &'static [&'static str] = &["ls"];
    const SUMMARY: &'static str = "List tickets";
    const GROUP: Group = Group::Porcelain;
    const PAGED: bool = true;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let folders: &[Status] = match args.status {
            None => &[Status::Todo, Status::Doing],
            Some(StatusFilter::Todo) => &[Status::Todo],
            Some(StatusFilter::Doing) => &[Status::Doing],
            Some(StatusFilter::Done) => &[Status::Done],
            Some(StatusFilter::All) => &Status::ALL,
        };
        let which = (args.ready.then_some(Which::Ready)).or(args.blocked.then_some(Which::Blocked));
        if ctx.format == Format::Ndjson && which.is_none() {
            return streamed(ctx, ui, folders, args.count);
        }
        let (format, exec) = (ctx.format, ctx.exec);
        let (project, trace) = ctx.project_and_trace()?;
        // Only JSON shows the summary: text output never reads the other folders.
        let count_all = format != Format::Text;
        let (listing, links) = match which {
            // The dependency graph is read only when asked for.
            Some(which) => queue::list(project, which, folders, args.count, count_all, exec, trace)
                .map(|s| (s.listing, Some(s.links)))?,
            None => (
                list::list(project, folders, args.count, count_all, exec, trace)?,
                None,
            ),
        };
        say_problems(ui, &listing.problems);
        Ok(Box::new(Listed(listing, links)))
    }
}

/// NDJSON: one ticket per line in ID (file-name) order, streamed through a bounded channel
/// with bounded memory — the first line is written while the rest is still being read.
fn streamed(
    ctx: &mut Ctx<'_>,
    ui: &mut Ui<'_>,
    folders: &[Status],
    count: usize,
) -> Result<Box<dyn Outcome>, Error> {
    let (project, trace) = ctx.project_and_trace()?;
    let (names, problems) = list::names(project, folders, trace)?;
    for p in &problems {
        ui.warn(p.to_string());
    }
    Ok(Box::new(Streamed {
        names: std::cell::RefCell::new(names),
        count,
    }))
}

struct Streamed {
    /// Taken by the one rendering (no copy of a possibly huge list).
    names: std::cell::RefCell<crate::ticket::names::NameList>,
    count: usize,
}

impl Outcome for Streamed {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        self.ndjson(out)
    }

    fn json(&self, _w: &mut dyn Write) -> io::Result<()> {
        // `render` streams NDJSON whatever the format; there is no one JSON document.
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    fn ndjson(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let render = |t: &Ticket, _text: &str, batch: &mut Vec<u8>| {
            TicketView::new(t)
                .with_worktree_flag()
                .write_json(batch, None);
            batch.push(b'\n');
        };
        let names = self.names.take();
        // Flush each batch: the first records reach the reader at once.
        crate::exec::stream(names, self.count, render, |piece| match piece {
            Piece::Records(batch) => {
                out.w.write_all(batch)?;
                out.w.flush()
            }
            Piece::Problem(p) => {
                out.warn_now(p);
                Ok(())
            }
        })
    }

    fn render(&self, _format: Format, out: &mut Ui<'_>) -> io::Result<()> {
        self.ndjson(out)
    }
}

/// A listing, rendered; with the tickets' dependency links when the graph was read.
pub struct Listed(pub Listing, pub Option<Vec<Links>>);

/// Description column width before truncation, when the output is not a terminal.
const DESCRIPTION_WIDTH: usize = 50;

/// The narrowest description column on a narrow terminal (the row wraps rather than show
/// nothing of it).
const MIN_DESCRIPTION_WIDTH: usize = 10;

/// Columns a row takes besides the ID and the description: `  STATUS  PRI  `.
const FIXED_COLUMNS: usize = 2 + 6 + 2 + 3 + 2;

impl Outcome for Listed {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        if self.0.tickets.is_empty() {
            return writeln!(out.w, "No tickets found");
        }
        let id_width = self
            .0
            .tickets
            .iter()
            .map(|t| width(&t.id))
            .max()
            .unwrap_or(0)
            .max(2);
        out.styled(
            Style::Bold,
            &format!(
                "{}  {:<6}  {:<3}  DESCRIPTION",
                pad("ID", id_width),
                "STATUS",
                "PRI"
            ),
        )?;
        writeln!(out.w)?;
        // On a terminal the description takes the width that is left; elsewhere 50 columns.
        let (description_width, rule) = match out.columns() {
            Some(cols) => {
                let left = cols.saturating_sub(id_width + FIXED_COLUMNS);
                let d = left.max(MIN_DESCRIPTION_WIDTH);
                (d, id_width + FIXED_COLUMNS + d)
            }
            None => (DESCRIPTION_WIDTH, id_width + 50),
        };
        writeln!(out.w, "{}", "-".repeat(rule))?;
        for t in &self.0.tickets {
            let status = t.status();
            let style = match status {
                Status::Todo => Style::Plain,
                Status::Doing => Style::Yellow,
                Status::Done => Style::Green,
            };
            write!(out.w, "{}  ", pad(&t.id, id_width))?;
            out.styled(style, &format!("{:<6}", status.as_str()))?;
            writeln!(
                out.w,
                "  {:<3}  {}",
                t.meta.priority(),
                truncate(&escape_control(&t.meta.description), description_width)
            )?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        // TicketFlow's shape, keys in order: errors (if any), summary, tickets, warnings (if
        // any). Written by hand (see `output::json`): serde_json took half of a listing.
        let (errors, warnings): (Vec<ProblemView<'_>>, Vec<ProblemView<'_>>) = self
            .0
            .problems
            .iter()
            .map(ProblemView::from)
            .partition(|p| p.severity == Severity::Critical);
        // Written out every 64 KiB: at 100,000 tickets the whole document is 50 MB.
        const CHUNK: usize = 64 * 1024;
        let mut out = Vec::with_capacity(CHUNK + 4096);
        let mut o = json::Object::new(&mut out, Some(0));
        if !errors.is_empty() {
            json::nested(o.key("errors"), &errors, 1);
        }
        json::nested(o.key("summary"), &Summary::new(self.0.summary), 1);
        let tickets = o.key("tickets");
        tickets.push(b'[');
        for i in 0..self.0.tickets.len() {
            if i > 0 {
                tickets.push(b',');
            }
            json::newline(tickets, 2);
            self.view(i).write_json(tickets, Some(2));
            if tickets.len() >= CHUNK {
                w.write_all(tickets)?;
                tickets.clear();
            }
        }
        if !self.0.tickets.is_empty() {
            json::newline(tickets, 1);
        }
        tickets.push(b']');
        if !warnings.is_empty() {
            json::nested(o.key("warnings"), &warnings, 1);
        }
        o.end();
        out.push(b'\n');
        w.write_all(&out)
    }

    fn ndjson(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let mut buf = Vec::new();
        for i in 0..self.0.tickets.len() {
            self.view(i).write_json(&mut buf, None);
            buf.push(b'\n');
        }
        out.w.write_all(&buf)
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.0.incomplete())
    }
}

impl Listed {
    /// The view of ticket `i`: `list`'s, with its links when the graph was read.
    fn view(&self, i: usize) -> TicketView<'_> {
        let view = TicketView::new(&self.0.tickets[i]).with_worktree_flag();
        match self.1.as_ref().and_then(|l| l.get(i)) {
            Some(links) => view.with_links(links),
            None => view,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::store::Problem;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use serde::Serialize;

    /// The envelope as serde_json writes it (with Go's escaping): the reference for the
    /// hand-written one.
    fn reference(l: &Listed) -> Vec<u8> {
        #[derive(Serialize)]
        struct Json<'a> {
            #[serde(skip_serializing_if = "Vec::is_empty")]
            errors: Vec<ProblemView<'a>>,
            summary: Summary,
            tickets: Vec<TicketView<'a>>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            warnings: Vec<ProblemView<'a>>,
        }
        let (errors, warnings) =
            l.0.problems
                .iter()
                .map(ProblemView::from)
                .partition(|p| p.severity == Severity::Critical);
        let mut out = Vec::new();
        crate::output::to_writer_pretty(
            &mut out,
            &Json {
                errors,
                summary: Summary::new(l.0.summary),
                tickets: l
                    .0
                    .tickets
                    .iter()
                    .map(|t| TicketView::new(t).with_worktree_flag())
                    .collect(),
                warnings,
            },
        )
        .unwrap();
        out.push(b'\n');
        out
    }

    fn problem() -> impl Strategy<Value = Problem> {
        (
            crate::ticket::model::strategies::text(),
            proptest::option::of(1usize..100),
            prop_oneof![
                Just(Severity::Critical),
                Just(Severity::Retryable),
                Just(Severity::Warning)
            ],
        )
            .prop_map(|(reason, line, severity)| Problem {
                path: format!("/r/tickets/todo/{reason}.md").into(),
                line,
                reason,
                severity,
            })
    }

    #[test]
    fn long_listings_are_written_in_chunks_with_the_same_bytes() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let tickets: Vec<Ticket> = (0..600)
            .map(|_| {
                crate::commands::view::tests::ticket()
                    .new_tree(&mut runner)
                    .unwrap()
                    .current()
            })
            .collect();
        let l = Listed(
            Listing {
                tickets,
                summary: [600, 0, 0],
                problems: Vec::new(),
            },
            None,
        );
        // A writer that records each write: the document arrives in several pieces.
        struct Pieces(Vec<Vec<u8>>);
        impl Write for Pieces {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0.push(b.to_vec());
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut w = Pieces(Vec::new());
        l.json(&mut w).unwrap();
        assert!(w.0.len() > 1, "{} piece(s)", w.0.len());
        assert_eq!(w.0.concat(), reference(&l));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn json_is_what_serde_json_writes(
            tickets in proptest::collection::vec(crate::commands::view::tests::ticket(), 0..4),
            problems in proptest::collection::vec(problem(), 0..3),
            summary: [u16; 3],
        ) {
            let l = Listed(Listing { tickets, summary: summary.map(usize::from), problems }, None);
            let mut out = Vec::new();
            l.json(&mut out).unwrap();
            prop_assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(reference(&l)).unwrap());
        }
    }
}
