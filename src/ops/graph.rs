//! The dependency graph as the commands read it from the store ([`crate::ticket::deps`] is the
//! pure graph): the open graph (todo and doing tickets parsed, done tickets known by name
//! only) and the full graph (every ticket parsed), and the links one ticket view shows.
//!
//! The open graph answers the queue exactly without reading done tickets: a blocker is
//! satisfied when its file is in `done/`, so a link written inside a done ticket can only
//! name a satisfied blocker (`blocks:X` in a done ticket) or concern a done ticket (its own
//! `blocked-by:`), which no queue shows. `dep tree`, `dep add` (cycles through done tickets)
//! and `fsck` read the full graph.

use std::collections::HashSet;

use super::Project;
use super::list;
use crate::error::Error;
use crate::exec::{self, Exec};
use crate::ticket::deps::{Blocker, Deps, linked};
use crate::ticket::store::Problem;
use crate::ticket::{Status, Ticket};
use crate::trace::Trace;

/// The open tickets and the graph they make with the done ones.
#[derive(Debug)]
pub struct Open {
    /// The todo and doing tickets, in list order (priority ↑, created ↓, ID).
    pub tickets: Vec<Ticket>,
    /// The graph: open tickets with their links, done tickets by name.
    pub deps: Deps,
    /// Tickets per status over every folder when asked for (`list`'s summary), else over
    /// the open folders.
    pub summary: [usize; 3],
    /// Files that could not be used.
    pub problems: Vec<Problem>,
}

/// Reads the open graph; `count_all`: the summary counts every folder, as `list`'s JSON does.
pub fn open(
    project: &Project,
    count_all: bool,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Open, Error> {
    let listing = list::list(
        project,
        &[Status::Todo, Status::Doing],
        0,
        count_all,
        profile,
        trace,
    )?;
    // A done ticket adds no link: it matters only as one an open ticket names (a satisfied
    // blocker, or one it blocks), so only those are looked for in `done/` — by name, without
    // listing a folder of thousands. A name that is not a plain file name is never a ticket.
    let named: HashSet<&str> = listing
        .tickets
        .iter()
        .flat_map(|t| linked(t.meta.related.as_deref().unwrap_or_default()))
        .collect();
    let done_dir = project.store.dir(Status::Done);
    let done: Vec<&str> = trace.phase("named done", || {
        named
            .iter()
            .copied()
            .filter(|id| !id.contains(['/', '\0']) && !id.starts_with('.'))
            .filter(|id| {
                std::fs::symlink_metadata(done_dir.join(format!("{id}.md")))
                    .is_ok_and(|m| m.is_file())
            })
            .collect()
    });
    let deps = trace.phase("graph", || {
        Deps::build(
            listing
                .tickets
                .iter()
                .map(|t| (t.id.as_str(), t.folder, t.meta.related.as_deref()))
                .chain(done.iter().map(|id| (*id, Status::Done, None))),
        )
    });
    Ok(Open {
        tickets: listing.tickets,
        deps,
        summary: listing.summary,
        problems: listing.problems,
    })
}

/// Reads every ticket (sorted by ID) and the graph they make.
pub fn full(project: &Project, profile: Exec) -> Result<(Vec<Ticket>, Deps), Error> {
    let (entries, _) = project.store.entries(&Status::ALL)?;
    let strategy = exec::choose(profile, entries.len(), false);
    let (mut tickets, _) = exec::load_all(entries, strategy, &Trace::new(false));
    tickets.sort_by(|a, b| a.id.cmp(&b.id).then(a.folder.cmp(&b.folder)));
    let deps = Deps::of(&tickets);
    Ok((tickets, deps))
}

/// What a ticket view shows of the graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// What the ticket still waits on: blockers not done, and unknown references.
    pub blockers: Vec<Blocker>,
    /// The same as the JSON views write them: IDs, or references as written.
    pub blocked_by: Vec<String>,
    /// The open (todo or doing) tickets waiting on it.
    pub blocks: Vec<String>,
}

impl Links {
    /// The links of `id` in `deps`.
    pub fn of(deps: &Deps, id: &str) -> Links {
        let blockers: Vec<Blocker> = deps.unsatisfied(id).into_iter().cloned().collect();
        Links {
            blocked_by: blockers.iter().map(|b| b.name().to_owned()).collect(),
            blockers,
            blocks: deps.waiting_on(id).into_iter().map(str::to_owned).collect(),
        }
    }

    /// The blockers as a person reads them: `ID, unknown ticket <ref>`.
    pub fn describe(&self) -> String {
        self.blockers
            .iter()
            .map(Blocker::describe)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The links of one ticket (`show`, `start`'s warning): the open tickets are read, with
/// `ticket`'s own links even when it is done; the done tickets it names as blockers are found
/// by name (listing `done/` would cost more than the rest among thousands of done tickets).
pub fn links_of(project: &Project, ticket: &Ticket, profile: Exec) -> Result<Links, Error> {
    let (entries, _) = project.store.entries(&[Status::Todo, Status::Doing])?;
    let entries: Vec<_> = entries.into_iter().filter(|e| e.id != ticket.id).collect();
    let strategy = exec::choose(profile, entries.len(), false);
    let (open, _) = exec::load_all(entries, strategy, &Trace::new(false));
    let named: Vec<_> = ticket
        .meta
        .related
        .iter()
        .flatten()
        .filter_map(|r| r.strip_prefix("blocked-by:"))
        .map(str::trim)
        .filter(|r| *r != ticket.id && !open.iter().any(|t| t.id == *r))
        .filter_map(|r| project.store.find_exact(r))
        .collect();
    let deps = Deps::build(
        open.iter()
            .chain(std::iter::once(ticket))
            .map(|t| (t.id.as_str(), t.folder, t.meta.related.as_deref()))
            .chain(named.iter().map(|e| (e.id.as_str(), e.folder, None))),
    );
    Ok(Links::of(&deps, &ticket.id))
}
