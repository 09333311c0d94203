//! What an agent needs at the start of a session (`git ticket prime`): the ticket of this
//! worktree with what it waits on, the first ready tickets and how many wait, and the few
//! rules of the work — small enough for agent hooks that cut longer outputs (the command keeps
//! it under [`MAX_BYTES`]). The rules are also the block `init --agents` writes.

use super::Project;
use super::graph::{self, Links};
use super::queue::{self, is_blocked};
use crate::error::Error;
use crate::exec::Exec;
use crate::ticket::Ticket;
use crate::ticket::store::load;
use crate::trace::Trace;

/// The most `prime` prints, text or JSON.
pub const MAX_BYTES: usize = 2048;

/// How many ready tickets `prime` shows at most.
pub const READY_SHOWN: usize = 5;

/// The rules of the work, one line each (`prime`, the `init --agents` block).
pub const RULES: &[&str] = &[
    "Take work: git ticket next --start -o json, then work in the worktree it names (worktree_path)",
    "One ticket per worktree; commit small steps there and run the tests before closing",
    "Finish: git ticket close (in the worktree), then push the branch; do not merge unless told to",
    "Waits on another ticket? git ticket dep add <ticket> <blocker>; git ticket blocked shows what waits",
    "Read output with -o json; TICKET_ALREADY_STARTED or TICKET_CLAIMED: take another ticket, never --force",
];

/// The ticket worked on here ([`super::current::current_ticket`]).
pub fn current_id(project: &Project) -> Result<Option<String>, Error> {
    let branch = project.repo()?.current_branch().unwrap_or_default();
    Ok(super::current::current_ticket(project, &branch).id)
}

/// What `prime` shows.
#[derive(Debug)]
pub struct Prime {
    /// The ticket of this worktree, with its links.
    pub current: Option<(Ticket, Links)>,
    /// The first ready tickets, in queue order (at most [`READY_SHOWN`]).
    pub ready: Vec<Ticket>,
    /// How many tickets are ready.
    pub ready_total: usize,
    /// How many open tickets wait on a blocker.
    pub blocked: usize,
    /// How many tickets are in progress.
    pub doing: usize,
}

/// Gathers what `prime` shows.
pub fn prime(project: &Project, profile: Exec, trace: &mut Trace) -> Result<Prime, Error> {
    let open = graph::open(project, false, profile, trace)?;
    let claimed = queue::claimed_elsewhere(project)?;
    let ready_all = queue::ready_in_order(&open, &claimed);
    let ready_total = ready_all.len();
    let ready: Vec<Ticket> = ready_all.into_iter().take(READY_SHOWN).cloned().collect();
    let current = match current_id(project)? {
        Some(id) => match open.tickets.iter().find(|t| t.id == id) {
            Some(t) => Some((t.clone(), Links::of(&open.deps, &id))),
            None => match project.store.find_exact(&id).map(|e| load(&e, false)) {
                Some(Ok(t)) => {
                    let links = graph::links_of(project, &t, profile)?;
                    Some((t, links))
                }
                _ => None,
            },
        },
        None => None,
    };
    Ok(Prime {
        current,
        ready,
        ready_total,
        blocked: open
            .tickets
            .iter()
            .filter(|t| is_blocked(t, &open.deps))
            .count(),
        doing: open.summary[crate::ticket::Status::Doing.index()],
    })
}
