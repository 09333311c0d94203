//! `git ticket dep add|remove|tree`: dependencies between tickets — `blocked-by:<ID>` links
//! in `related`, written losslessly under the repository lock; a link that would close a
//! cycle is refused ([`crate::ops::dep`] does the work).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::dep::{self, DepChange, DepInput, Node};
use crate::output::{Outcome, Style, Ui, escape_control, truncate, write_json};
use crate::ticket::Status;
use crate::ticket::deps::Blocker;

/// Add, remove or show dependencies between tickets.
///
/// A ticket is blocked by B when its related has blocked-by:B or B's related has blocks:<it>;
/// it is ready (git ticket ready, next) once every blocker is done. `dep add` writes
/// blocked-by:<full ID> into the ticket's related (only that key changes; commit it with your
/// work) and refuses a link that would close a cycle, spelling the cycle (A → B → C → A),
/// with DEPENDENCY_CYCLE and nothing written. `dep remove` removes the link whichever side
/// wrote it. `dep tree` shows what a ticket waits on, recursively, done blockers included; a
/// reference that names no ticket shows as "unknown ticket <ref>" and keeps blocking.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

/// `dep` subcommands.
#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Make TICKET wait on each BLOCKER (writes blocked-by:<ID> into its related)
    Add {
        /// The ticket that waits
        #[arg(value_name = "TICKET")]
        ticket: String,
        /// The tickets it waits on
        #[arg(value_name = "BLOCKER", required = true)]
        blockers: Vec<String>,
    },
    /// Stop TICKET waiting on each BLOCKER (removes blocked-by:BLOCKER and BLOCKER's blocks:TICKET)
    #[command(visible_alias = "rm")]
    Remove {
        /// The ticket that waits
        #[arg(value_name = "TICKET")]
        ticket: String,
        /// The tickets it should no longer wait on
        #[arg(value_name = "BLOCKER", required = true)]
        blockers: Vec<String>,
    },
    /// Show what TICKET waits on, recursively (done blockers included)
    Tree {
        /// The ticket
        #[arg(value_name = "TICKET")]
        ticket: String,
    },
}

/// The `dep` command.
pub struct Dep;

impl Command for Dep {
    const NAME: &'static str = "dep";
    const SUMMARY: &'static str = "Add, remove or show dependencies between tickets";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let (env, exec) = (ctx.env, ctx.exec);
        let project = ctx.project()?;
        match args.action {
            Action::Add { ticket, blockers } => {
                let input = DepInput {
                    ticket: &ticket,
                    blockers: &blockers,
                };
                Ok(Box::new(Changed(
                    dep::add(env, project, &input, ui)?,
                    "added",
                )))
            }
            Action::Remove { ticket, blockers } => {
                let input = DepInput {
                    ticket: &ticket,
                    blockers: &blockers,
                };
                let change = dep::remove(env, project, &input, ui)?;
                Ok(Box::new(Changed(change, "removed")))
            }
            Action::Tree { ticket } => Ok(Box::new(Tree(dep::tree(project, &ticket, exec)?))),
        }
    }
}

/// What `dep add` (`"added"`) or `dep remove` (`"removed"`) did.
struct Changed(DepChange, &'static str);

impl Outcome for Changed {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let (c, verb) = (&self.0, self.1);
        let id = &c.id;
        for b in &c.changed {
            match verb {
                "added" => writeln!(out.w, "{id} is blocked by {b}")?,
                _ => writeln!(out.w, "{id} is no longer blocked by {b}")?,
            }
        }
        for b in &c.unchanged {
            match verb {
                "added" => writeln!(out.w, "{id} was blocked by {b} already")?,
                _ => writeln!(out.w, "{id} was not blocked by {b}")?,
            }
        }
        let waits: Vec<String> = c.blocked_by.iter().map(Blocker::describe).collect();
        if waits.is_empty() {
            writeln!(out.w, "{id} waits on nothing")
        } else {
            writeln!(out.w, "{id} waits on: {}", waits.join(", "))
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let c = &self.0;
        let names: Vec<&str> = c.blocked_by.iter().map(Blocker::name).collect();
        let mut v = json!({
            "blocked_by": names,
            "success": true,
            "ticket_id": c.id,
            "unchanged": c.unchanged,
        });
        v[self.1] = json!(c.changed);
        write_json(w, &v)
    }
}

/// A dependency tree.
struct Tree(Node);

/// A node as JSON: the flags only when set.
#[derive(Serialize)]
struct NodeJson<'a> {
    blocked_by: Vec<NodeJson<'a>>,
    #[serde(skip_serializing_if = "is_false")]
    cycle: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    id: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    repeated: bool,
    satisfied: bool,
    status: Option<Status>,
    #[serde(skip_serializing_if = "is_false")]
    truncated: bool,
    #[serde(skip_serializing_if = "is_false")]
    unknown: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl<'a> From<&'a Node> for NodeJson<'a> {
    fn from(n: &'a Node) -> Self {
        NodeJson {
            blocked_by: n.blocked_by.iter().map(NodeJson::from).collect(),
            cycle: n.cycle,
            description: n.description.as_deref(),
            id: &n.id,
            repeated: n.repeated,
            satisfied: n.satisfied,
            status: n.status,
            truncated: n.truncated,
            unknown: n.unknown,
        }
    }
}

/// One line of the text tree.
fn line(n: &Node) -> String {
    if n.unknown {
        return format!("unknown ticket {}", escape_control(&n.id));
    }
    let status = n.status.map_or("?", Status::as_str);
    let described = escape_control(n.description.as_deref().unwrap_or_default());
    let desc = truncate(&described, 50);
    let note = if n.cycle {
        "  (cycle: waits on a ticket above)"
    } else if n.repeated {
        "  (shown above)"
    } else if n.truncated {
        "  (deeper levels left out)"
    } else {
        ""
    };
    format!("{}  [{status}]  {desc}{note}", n.id)
        .trim_end()
        .to_owned()
}

fn write_children(out: &mut Ui<'_>, n: &Node, prefix: &str) -> io::Result<()> {
    for (i, c) in n.blocked_by.iter().enumerate() {
        let last = i + 1 == n.blocked_by.len();
        let (branch, more) = if last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        writeln!(out.w, "{prefix}{branch}{}", line(c))?;
        write_children(out, c, &format!("{prefix}{more}"))?;
    }
    Ok(())
}

impl Outcome for Tree {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        out.styled(Style::Bold, &line(&self.0))?;
        writeln!(out.w)?;
        if self.0.blocked_by.is_empty() {
            return writeln!(out.w, "(waits on nothing)");
        }
        write_children(out, &self.0, "")
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &json!({ "tree": NodeJson::from(&self.0) }))
    }
}
