//! `git ticket prime`: at most 2 KB of context for an agent's session start — the ticket of
//! this worktree and what it waits on, the first ready tickets, the rules
//! ([`crate::ops::prime`] gathers them). Longer descriptions and lists are cut until the
//! output fits: agent hooks cut longer outputs, and context lost there is lost silently.

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::prime::{self, MAX_BYTES, Prime, RULES};
use crate::output::{Outcome, Ui, escape_control, to_writer_pretty, truncate};
use crate::ticket::Status;

/// Print at most 2 KB of context for an AI agent's session: current ticket, ready ones, rules.
///
/// Shows the ticket of this worktree (current-ticket.md, else the branch) with what it still
/// waits on, the first 5 ready tickets (as `git ticket ready`), how many tickets are ready,
/// blocked and in progress, and the rules for taking, committing and closing a ticket. Text
/// and JSON both stay under 2048 bytes (long descriptions are cut first, then ready tickets
/// are left out). Call it from an agent's session-start hook.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The `prime` command.
pub struct PrimeCmd;

impl Command for PrimeCmd {
    const NAME: &'static str = "prime";
    const SUMMARY: &'static str = "Print a short context (≤ 2 KB) for an AI agent's session";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, _args: Args) -> Result<Box<dyn Outcome>, Error> {
        let exec = ctx.exec;
        let (project, trace) = ctx.project_and_trace()?;
        Ok(Box::new(Primed(prime::prime(project, exec, trace)?)))
    }
}

struct Primed(Prime);

/// How much of each part is shown.
#[derive(Clone, Copy)]
struct Shape {
    /// Ready tickets shown.
    ready: usize,
    /// Display width of a description (0: left out).
    width: usize,
    /// Blockers of the current ticket named.
    blockers: usize,
}

/// From the fullest to the smallest; the last always fits (rules, IDs and counts only).
const SHAPES: &[Shape] = &[
    Shape {
        ready: 5,
        width: 72,
        blockers: 5,
    },
    Shape {
        ready: 5,
        width: 40,
        blockers: 5,
    },
    Shape {
        ready: 5,
        width: 0,
        blockers: 3,
    },
    Shape {
        ready: 3,
        width: 0,
        blockers: 3,
    },
    Shape {
        ready: 1,
        width: 0,
        blockers: 2,
    },
    Shape {
        ready: 0,
        width: 0,
        blockers: 1,
    },
];

fn cut(s: &str, width: usize) -> String {
    if width == 0 {
        String::new()
    } else {
        truncate(s, width).into_owned()
    }
}

impl Primed {
    fn text_in(&self, shape: Shape) -> Vec<u8> {
        let p = &self.0;
        let mut o = String::new();
        o.push_str(&format!(
            "git-ticket: {} ready, {} blocked, {} in progress\n",
            p.ready_total, p.blocked, p.doing
        ));
        match &p.current {
            Some((t, links)) => {
                o.push_str(&format!("Current ticket: {} [{}]", t.id, t.status()));
                let d = cut(&escape_control(&t.meta.description), shape.width);
                if !d.is_empty() {
                    o.push_str(&format!(" {d}"));
                }
                o.push('\n');
                if !links.blockers.is_empty() {
                    let shown: Vec<String> = links
                        .blockers
                        .iter()
                        .take(shape.blockers)
                        .map(|b| b.describe())
                        .collect();
                    let more = links.blockers.len().saturating_sub(shape.blockers);
                    o.push_str(&format!("  waits on: {}", shown.join(", ")));
                    if more > 0 {
                        o.push_str(&format!(" (+{more} more: git ticket dep tree {})", t.id));
                    }
                    o.push('\n');
                }
            }
            None => o.push_str("Current ticket: none here\n"),
        }
        let shown = &p.ready[..p.ready.len().min(shape.ready)];
        if shown.is_empty() {
            if p.ready_total > 0 {
                o.push_str(&format!("Ready: {} (git ticket ready)\n", p.ready_total));
            } else {
                o.push_str("Ready: none (git ticket blocked shows what waits)\n");
            }
        } else {
            o.push_str(&format!(
                "Ready (first {} of {}):\n",
                shown.len(),
                p.ready_total
            ));
            for t in shown {
                let d = cut(&escape_control(&t.meta.description), shape.width);
                let line = format!("  {}  p{}  {d}", t.id, t.meta.priority());
                o.push_str(line.trim_end());
                o.push('\n');
            }
        }
        o.push_str("Rules:\n");
        for r in RULES {
            o.push_str(&format!("  - {r}\n"));
        }
        o.into_bytes()
    }

    fn json_in(&self, shape: Shape) -> Vec<u8> {
        #[derive(Serialize)]
        struct Current<'a> {
            blocked_by: Vec<&'a str>,
            description: String,
            id: &'a str,
            status: Status,
        }
        #[derive(Serialize)]
        struct Ready<'a> {
            description: String,
            id: &'a str,
            priority: i64,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            blocked: usize,
            current: Option<Current<'a>>,
            doing: usize,
            ready: Vec<Ready<'a>>,
            ready_total: usize,
            rules: &'a [&'a str],
        }
        let p = &self.0;
        let v = Json {
            blocked: p.blocked,
            current: p.current.as_ref().map(|(t, l)| Current {
                blocked_by: l
                    .blocked_by
                    .iter()
                    .take(shape.blockers)
                    .map(String::as_str)
                    .collect(),
                description: cut(&t.meta.description, shape.width),
                id: &t.id,
                status: t.status(),
            }),
            doing: p.doing,
            ready: p
                .ready
                .iter()
                .take(shape.ready)
                .map(|t| Ready {
                    description: cut(&t.meta.description, shape.width),
                    id: &t.id,
                    priority: t.meta.priority(),
                })
                .collect(),
            ready_total: p.ready_total,
            rules: RULES,
        };
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = to_writer_pretty(&mut out, &v);
        out.push(b'\n');
        out
    }

    /// The fullest rendering that fits in [`MAX_BYTES`].
    fn fitted(&self, render: impl Fn(&Self, Shape) -> Vec<u8>) -> Vec<u8> {
        let mut out = Vec::new();
        for &shape in SHAPES {
            out = render(self, shape);
            if out.len() <= MAX_BYTES {
                break;
            }
        }
        out
    }
}

impl Outcome for Primed {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        out.w.write_all(&self.fitted(Self::text_in))
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(&self.fitted(Self::json_in))
    }
}
