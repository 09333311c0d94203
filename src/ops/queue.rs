//! The work queue: which tickets can be taken now ([`ready`]), which wait ([`blocked`]), the
//! first to take ([`next`]), and taking it ([`start_next`]: pick and start in one hold of the
//! repository lock, so that agents running it at once each get a different ticket).
//!
//! A ticket is ready when it is todo, every blocker is done ([`crate::ticket::deps`]: unknown
//! references keep blocking) and no other clone holds a live claim on it
//! ([`claimed_elsewhere`]). The queue order is [`queue_order`]: priority, then oldest first,
//! then ID. Reads the open graph ([`graph::open`]): done tickets by name only.

use std::collections::HashSet;

use super::claim::{self, ClaimChoice};
use super::graph::{self, Links};
use super::list::Listing;
use super::start::{self, StartInput, Started};
use super::{Project, Ui, guard};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::exec::Exec;
use crate::ticket::deps::{Deps, queue_order};
use crate::ticket::{Status, Ticket};
use crate::trace::Trace;

/// The tickets another clone holds a live claim on, as last fetched from `claims.remote`
/// ([`claim::live_claims`]): `ready`, `next` and `next --start` leave them out. The one place
/// the queue asks about claims.
pub fn claimed_elsewhere(project: &Project) -> Result<HashSet<String>, Error> {
    Ok(claim::live_claims(project)?
        .claims
        .into_iter()
        .filter(|c| !c.ours)
        .map(|c| c.ticket)
        .collect())
}

/// Which tickets a selection keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// Todo, every blocker done, not claimed elsewhere.
    Ready,
    /// Todo or doing, waiting on a blocker that is not done (or an unknown reference).
    Blocked,
}

/// The order of a selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The queue order ([`queue_order`]): `ready`, `blocked`, `next`.
    Queue,
    /// `list`'s order (priority ↑, created ↓, ID): `list --ready`, `list --blocked`.
    List,
}

/// The ready tickets of the open graph (others' live claims `claimed` left out), in queue
/// order: what `next`, `next --start` and `prime` take from the front of.
pub fn ready_in_order<'a>(open: &'a graph::Open, claimed: &HashSet<String>) -> Vec<&'a Ticket> {
    let mut ready: Vec<&Ticket> = open
        .tickets
        .iter()
        .filter(|t| is_ready(t, &open.deps, claimed))
        .collect();
    ready.sort_by(|a, b| queue_order(a, b));
    ready
}

/// Whether `t` is ready in `deps`, leaving out `claimed` tickets.
pub fn is_ready(t: &Ticket, deps: &Deps, claimed: &HashSet<String>) -> bool {
    t.folder == Status::Todo
        && t.status() == Status::Todo
        && deps.is_unblocked(&t.id)
        && !claimed.contains(&t.id)
}

/// Whether `t` is open and waits on something.
pub fn is_blocked(t: &Ticket, deps: &Deps) -> bool {
    t.status() != Status::Done && !deps.is_unblocked(&t.id)
}

/// Tickets selected from the queue, with their links.
#[derive(Debug)]
pub struct Selection {
    /// The tickets (at most the count asked for), the summary and the problem files.
    pub listing: Listing,
    /// The links of each ticket, in the same order.
    pub links: Vec<Links>,
    /// How many tickets matched before the count cut the list.
    pub total: usize,
}

/// What to select from the queue.
#[derive(Clone, Copy, Debug)]
pub struct Query<'a> {
    /// Ready or blocked tickets.
    pub which: Which,
    /// In which order.
    pub order: Order,
    /// Only tickets of these statuses (`list --status`).
    pub statuses: &'a [Status],
    /// At most this many (0: all).
    pub count: usize,
    /// The summary counts every folder (as `list`'s JSON), else the open ones.
    pub count_all: bool,
}

/// Selects tickets from the queue (see [`Query`]).
pub fn select(
    project: &Project,
    query: &Query<'_>,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Selection, Error> {
    let open = graph::open(project, query.count_all, profile, trace)?;
    let claimed = claimed_elsewhere(project)?;
    let deps = &open.deps;
    let mut tickets = open.tickets;
    tickets.retain(|t| {
        query.statuses.contains(&t.status())
            && match query.which {
                Which::Ready => is_ready(t, deps, &claimed),
                Which::Blocked => is_blocked(t, deps),
            }
    });
    if query.order == Order::Queue {
        tickets.sort_by(queue_order);
    }
    let total = tickets.len();
    if query.count > 0 {
        tickets.truncate(query.count);
    }
    let links = tickets.iter().map(|t| Links::of(deps, &t.id)).collect();
    Ok(Selection {
        listing: Listing {
            tickets,
            summary: open.summary,
            problems: open.problems,
        },
        links,
        total,
    })
}

/// The ready tickets in queue order, at most `count` (0: all).
pub fn ready(
    project: &Project,
    count: usize,
    count_all: bool,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Selection, Error> {
    let query = Query {
        which: Which::Ready,
        order: Order::Queue,
        statuses: &[Status::Todo],
        count,
        count_all,
    };
    select(project, &query, profile, trace)
}

/// The blocked tickets (todo and doing) in queue order, at most `count` (0: all).
pub fn blocked(
    project: &Project,
    count: usize,
    count_all: bool,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Selection, Error> {
    let query = Query {
        which: Which::Blocked,
        order: Order::Queue,
        statuses: &[Status::Todo, Status::Doing],
        count,
        count_all,
    };
    select(project, &query, profile, trace)
}

/// `list --ready` / `list --blocked`: the tickets of `statuses` that are ready or blocked, in
/// `list`'s order, at most `count` (0: all).
pub fn list(
    project: &Project,
    which: Which,
    statuses: &[Status],
    count: usize,
    count_all: bool,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Selection, Error> {
    let query = Query {
        which,
        order: Order::List,
        statuses,
        count,
        count_all,
    };
    select(project, &query, profile, trace)
}

/// The first ready ticket, with its links; none: `NO_READY_TICKET`.
pub fn next(project: &Project, profile: Exec, trace: &mut Trace) -> Result<(Ticket, Links), Error> {
    let open = graph::open(project, false, profile, trace)?;
    let claimed = claimed_elsewhere(project)?;
    ready_in_order(&open, &claimed)
        .first()
        .map(|t| ((*t).clone(), Links::of(&open.deps, &t.id)))
        .ok_or_else(|| no_ready(&open.tickets, &open.deps, &claimed, &[]))
}

/// How `next --start` reads the queue and starts the ticket.
#[derive(Clone, Copy, Debug, Default)]
pub struct NextInput<'a> {
    /// How the open tickets are read.
    pub profile: Exec,
    /// Whether the start claims the ticket on a remote first (as `start`).
    pub claim: ClaimChoice<'a>,
}

/// A start failure that means "someone else has this ticket": `next --start` takes the next
/// ready ticket instead. All are raised before anything changes.
fn taken_elsewhere(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::TicketClaimed | ErrorCode::TicketAlreadyStarted | ErrorCode::TicketAlreadyClosed
    )
}

/// Picks the first ready ticket and starts it, in one hold of the repository lock: agents
/// running this at once each start a different ticket, or get `NO_READY_TICKET`. A candidate
/// whose start fails because it is taken elsewhere (claimed by another clone, already
/// started, done on its unmerged branch) is skipped, said through `ui`, and the next one is
/// tried; any other failure is returned. Init commands run after the lock is released.
pub fn start_next(
    env: &Env,
    project: &Project,
    input: &NextInput<'_>,
    ui: &mut dyn Ui,
) -> Result<Started, Error> {
    project.repo_with_git()?;
    let lock = guard::lock(env, project, "next --start", ui)?;
    let open = graph::open(project, false, input.profile, &mut Trace::new(false))?;
    let claimed = claimed_elsewhere(project)?;
    let mut skipped = Vec::new();
    for t in ready_in_order(&open, &claimed) {
        let input = StartInput {
            ticket: &t.id,
            force: false,
            claim: input.claim,
            from: None,
        };
        match start::start_held(env, project, &input, &lock, ui) {
            Ok(started) => {
                drop(lock);
                return Ok(start::run_init(project, started, ui));
            }
            Err(e) if taken_elsewhere(e.info().code) => {
                let info = e.info();
                ui.note(&format!(
                    "skipped {}: {} ({})",
                    t.id,
                    info.details.unwrap_or(info.message),
                    info.code
                ));
                skipped.push(t.id.clone());
            }
            Err(e) => return Err(e),
        }
    }
    Err(no_ready(&open.tickets, &open.deps, &claimed, &skipped))
}

/// `NO_READY_TICKET`, saying why the todo tickets are not ready.
fn no_ready(open: &[Ticket], deps: &Deps, claimed: &HashSet<String>, skipped: &[String]) -> Error {
    let todo: Vec<&Ticket> = open
        .iter()
        .filter(|t| t.folder == Status::Todo && t.status() == Status::Todo)
        .collect();
    let blocked = todo.iter().filter(|t| !deps.is_unblocked(&t.id)).count();
    let held = todo.iter().filter(|t| claimed.contains(&t.id)).count();
    let details = if todo.is_empty() {
        "There is no todo ticket".to_owned()
    } else {
        let mut why = vec![format!("{blocked} blocked")];
        if held > 0 {
            why.push(format!("{held} claimed elsewhere"));
        }
        if !skipped.is_empty() {
            why.push(format!("{} taken elsewhere", skipped.len()));
        }
        format!(
            "None of the {} todo ticket(s) is ready: {}",
            todo.len(),
            why.join(", ")
        )
    };
    Error::precondition(
        ErrorCode::NoReadyTicket,
        "No ready ticket",
        details,
        &[
            "See what the blocked tickets wait on: git ticket blocked",
            "Create a ticket: git ticket new <slug>",
        ],
    )
}
