//! `git ticket for-each-ticket`: one line per ticket in a caller-chosen format, like
//! `git for-each-ref`.
//!
//! Output format (stable): for each ticket, the `--format` string with every `%(name)`
//! replaced by that field (see [`fields::FIELDS`]; unset fields are empty) or by its value in
//! the dependency graph (`%(blocked-by)`, `%(blocks)`: comma-separated IDs; `%(ready)`: `true`
//! or `false`; see [`crate::commands::placeholders`]), `%%` by `%`, and
//! `%xx` (two hex digits) by that byte; each record ends with a newline, or NUL with `-z`.
//! A value's control characters and backslashes are escaped C-style (`\n`, `\t`, `\x1b`,
//! `\\`), so a record is one line and the terminal gets no commands; with `-z` values are
//! written raw.
//! Default format: `%(id)%09%(status)%09%(priority)%09%(description)`. Sorted by ID unless
//! `--sort` (the table's sort keys); in ID order it streams (prints before all files are
//! read), unless a graph placeholder needs every ticket first. Invalid files are reported on stderr and skipped.

use std::cell::RefCell;
use std::io::{self, Write};

use crate::commands::placeholders::{Graph, Piece, needs_graph, parse, render};
use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::{self, Exec};
use crate::ops::{graph, list, queue};
use crate::output::{Format, Outcome, Ui};
use crate::ticket::fields::{self, Field};
use crate::ticket::names::NameList;
use crate::ticket::store::{load, read_text};
use crate::ticket::{Status, Ticket};

/// Print one line per ticket, in a chosen format (for scripts, prompts and completion).
///
/// Placeholders: %(id) %(slug) %(status) %(priority) %(description) %(path) %(created_at)
/// %(started_at) %(closed_at) %(closure_reason) %(parent) %(related) %(field:<key>);
/// from the dependency graph: %(blocked-by) (what it still waits on, comma-separated),
/// %(blocks) (the open tickets waiting on it), %(ready) (true or false, as git ticket ready
/// decides); %% is a percent sign and %xx a byte in hex (%09 tab, %00 NUL).
///
/// One record per line: control characters in values are escaped C-style (\n, \t, \x1b)
/// and a backslash is written \\; with -z values are written as they are.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Status folders to read (repeatable) [default: all]
    #[arg(short, long, value_enum, value_name = "STATUS")]
    status: Vec<crate::commands::porcelain::list::StatusFilter>,
    /// Format string with %(field) placeholders
    #[arg(long, value_name = "FORMAT", default_value = DEFAULT_FORMAT)]
    format: String,
    /// Sort key: id, priority, created_at, started_at, closed_at, status; prefix - for descending
    #[arg(
        long,
        value_name = "KEY",
        default_value = "id",
        allow_hyphen_values = true
    )]
    sort: String,
    /// End each record with NUL instead of newline
    #[arg(short = 'z')]
    nul: bool,
}

/// The default format string.
pub const DEFAULT_FORMAT: &str = "%(id)%09%(status)%09%(priority)%09%(description)";

/// The `for-each-ticket` command.
pub struct ForEachTicket;

impl Command for ForEachTicket {
    const NAME: &'static str = "for-each-ticket";
    const SUMMARY: &'static str = "Print one formatted line per ticket";
    const GROUP: Group = Group::Plumbing;
    const EXEC: Exec = Exec::Streaming;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        use crate::commands::porcelain::list::StatusFilter as F;
        let pieces = parse(&args.format).map_err(|e| {
            Error::BadValue(format!(
                "--format: {e}; the placeholders are {}",
                crate::commands::placeholders::all()
            ))
        })?;
        let (key, descending) = match args.sort.strip_prefix('-') {
            Some(k) => (k, true),
            None => (args.sort.as_str(), false),
        };
        let (sort, compare) = fields::sort_key(key).ok_or_else(|| {
            Error::BadValue(format!(
                "--sort: unknown key '{key}'; the keys are {}, each with - in front for \
                 descending order",
                fields::sort_keys()
            ))
        })?;
        let mut folders: Vec<Status> = Vec::new();
        for s in &args.status {
            match s {
                F::Todo => folders.push(Status::Todo),
                F::Doing => folders.push(Status::Doing),
                F::Done => folders.push(Status::Done),
                F::All => folders.extend(Status::ALL),
            }
        }
        if folders.is_empty() {
            folders.extend(Status::ALL);
        }
        folders.sort();
        folders.dedup();
        let terminator = if args.nul { b'\0' } else { b'\n' };
        let escape = !args.nul;
        let streaming = ctx.exec == Exec::Streaming;
        let (project, trace) = ctx.project_and_trace()?;
        if sort.field == Field::Id && !descending && streaming && !needs_graph(&pieces) {
            // ID order is file-name order: records are printed while files are still read.
            let (names, problems) = list::names(project, &folders, trace)?;
            for p in &problems {
                ui.warn(p.to_string());
            }
            return Ok(Box::new(Streamed {
                names: RefCell::new(names),
                pieces,
                terminator,
                escape,
            }));
        }
        let needs_text = pieces
            .iter()
            .any(|p| matches!(p, Piece::Field(f) if f.needs_raw()));
        let (entries, problems) = project.store.entries(&folders)?;
        for p in &problems {
            ui.warn(p.to_string());
        }
        let mut loaded = Vec::with_capacity(entries.len());
        for e in &entries {
            match load(e, false) {
                Ok(t) => {
                    let text = needs_text.then(|| read_text(&e.path).ok()).flatten();
                    loaded.push((t, text));
                }
                Err(p) => ui.warn(p.to_string()),
            }
        }
        // The graph reads every ticket, whatever the folders listed.
        let graph = match needs_graph(&pieces) {
            true => Some(Graph {
                deps: graph::full(project, Exec::Parallel)?.1,
                claimed: queue::claimed_elsewhere(project)?,
            }),
            false => None,
        };
        loaded.sort_by(|(a, _), (b, _)| {
            let ord = compare(a, b);
            let ord = if descending { ord.reverse() } else { ord };
            ord.then_with(|| a.id.cmp(&b.id))
                .then(a.folder.cmp(&b.folder))
        });
        Ok(Box::new(Sorted {
            loaded,
            pieces,
            terminator,
            graph,
            escape,
        }))
    }
}

/// Records in ID order, read and rendered by the streaming executor as they are written.
struct Streamed {
    /// Taken by the one rendering.
    names: RefCell<NameList>,
    pieces: Vec<Piece>,
    terminator: u8,
    escape: bool,
}

impl Outcome for Streamed {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let (pieces, terminator, escape) = (&self.pieces, self.terminator, self.escape);
        let record = |t: &Ticket, text: &str, batch: &mut Vec<u8>| {
            batch.extend(render(pieces, t, Some(text), None, escape));
            batch.push(terminator);
        };
        exec::stream(self.names.take(), 0, record, |piece| match piece {
            exec::Piece::Records(records) => out.w.write_all(records),
            exec::Piece::Problem(p) => {
                // The records before the bad file are out before its warning.
                out.w.flush()?;
                out.warn_now(p);
                Ok(())
            }
        })
    }

    fn json(&self, _w: &mut dyn Write) -> io::Result<()> {
        // `render` writes the records whatever the format; there is no JSON document.
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    fn render(&self, _format: Format, out: &mut Ui<'_>) -> io::Result<()> {
        // --format is this command's machine interface; -o json has no meaning here.
        self.text(out)
    }
}

/// Records in another order, loaded and sorted before anything is written.
struct Sorted {
    loaded: Vec<(Ticket, Option<String>)>,
    pieces: Vec<Piece>,
    terminator: u8,
    graph: Option<Graph>,
    escape: bool,
}

impl Outcome for Sorted {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        for (t, text) in &self.loaded {
            let mut rec = render(
                &self.pieces,
                t,
                text.as_deref(),
                self.graph.as_ref(),
                self.escape,
            );
            rec.push(self.terminator);
            out.w.write_all(&rec)?;
        }
        Ok(())
    }

    fn json(&self, _w: &mut dyn Write) -> io::Result<()> {
        // `render` writes the records whatever the format; there is no JSON document.
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }

    fn render(&self, _format: Format, out: &mut Ui<'_>) -> io::Result<()> {
        self.text(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_the_placeholders_and_sort_keys_of_the_table() {
        let cmd = <Args as clap::Args>::augment_args(clap::Command::new("for-each-ticket"));
        let help = cmd.get_long_about().unwrap().to_string();
        for d in fields::FIELDS {
            assert!(help.contains(&format!("%({})", d.name)), "{}", d.name);
        }
        let sort = cmd.get_arguments().find(|a| a.get_id() == "sort").unwrap();
        let sort_help = sort.get_help().unwrap().to_string();
        assert!(sort_help.contains(&fields::sort_keys()), "{sort_help}");
    }
}
