//! Two operations the terminal UI needs before the work-queue and board operations exist:
//! [`next_ready`] (`C`: claim and start the next ready ticket) and [`board`] (the `b` view).
//! Each is one function over the store, [`Deps`] and the repository, so that its body can be
//! replaced by the real operation (`ops::queue::start_next`, `ops::board`) in a few lines
//! without touching the views.

use std::path::PathBuf;

use super::data::{Tab, Tickets};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::git::worktree_of_branch;
use crate::ops::start::{StartInput, Started, start};
use crate::ops::{Project, Ui};
use crate::ticket::deps::Deps;
use crate::trace::Trace;

/// Starts the first ready ticket (todo, nothing blocking it) in queue order, through the
/// same [`start`] as `git ticket start`. The tickets are read again first: another agent may
/// have taken the one the screen shows.
pub fn next_ready(env: &Env, project: &Project, ui: &mut dyn Ui) -> Result<Started, Error> {
    let tickets = Tickets::load(project, &mut Trace::new(false))?;
    let Some(next) = tickets.next_ready() else {
        return Err(Error::precondition(
            ErrorCode::TicketNotFound,
            "No ready ticket",
            "every todo ticket waits on another one (or there is none)".into(),
            &[
                "See what blocks them: the board (b) or the detail of a ticket",
                "Create one: n",
            ],
        ));
    };
    let input = StartInput {
        ticket: &next.id,
        force: false,
        claim: Default::default(),
    };
    start(env, project, &input, ui)
}

/// One ticket on the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// Its ID.
    pub id: String,
    /// Its description.
    pub description: String,
    /// Its priority.
    pub priority: i64,
    /// What it still waits on (blocked column), as people read it.
    pub waits_on: Vec<String>,
    /// Where its work lives (doing and done columns), when it has a branch.
    pub place: Option<Place>,
}

/// Where a ticket's work lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Its branch.
    pub branch: String,
    /// Its worktree, when it has one.
    pub worktree: Option<PathBuf>,
    /// Commits ahead of and behind the default branch.
    pub ahead_behind: Option<(usize, usize)>,
    /// Whether its worktree has uncommitted changes (`None`: unknown, or no worktree).
    pub dirty: Option<bool>,
}

/// The board: Ready | Blocked | Doing | Done (not merged).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Board {
    /// The columns, in order.
    pub columns: [Vec<Card>; 4],
}

/// The titles of the board's columns.
pub const COLUMNS: [&str; 4] = ["Ready", "Blocked", "Doing", "Done (not merged)"];

/// The board of `tickets`: ready in queue order, blocked with what they wait on, doing with
/// where they live, done tickets whose branch is not merged into the default branch.
pub fn board(project: &Project, tickets: &Tickets) -> Board {
    let repo = project.repo().ok();
    let default = &project.config.git.default_branch;
    let worktrees = repo.map(|r| r.worktrees()).unwrap_or_default();
    let branches: std::collections::HashSet<String> = repo
        .and_then(|r| r.local_branches().ok())
        .unwrap_or_default()
        .into_iter()
        .collect();
    let place = |id: &str| -> Option<Place> {
        let repo = repo?;
        let wt = worktree_of_branch(&worktrees, id).filter(|w| !w.main && !w.missing);
        if !branches.contains(id) && wt.is_none() {
            return None;
        }
        Some(Place {
            branch: id.to_owned(),
            worktree: wt.map(|w| w.path.clone()),
            ahead_behind: repo.ahead_behind(id, default),
            dirty: wt.and_then(|w| {
                let open = repo.open_worktree(&w.path).ok()?;
                open.dirty_paths(&[]).ok().map(|d| !d.is_empty())
            }),
        })
    };
    let card = |i: u32, deps: &Deps| {
        let t = &tickets.all[i as usize];
        Card {
            id: t.id.clone(),
            description: t.meta.description.clone(),
            priority: t.meta.priority(),
            waits_on: deps
                .unsatisfied(&t.id)
                .into_iter()
                .map(|b| b.describe())
                .collect(),
            place: None,
        }
    };
    let deps = &tickets.deps;
    let ready = tickets.tab(Tab::Ready).into_iter().map(|i| card(i, deps));
    let blocked = tickets
        .tab(Tab::Todo)
        .into_iter()
        .filter(|&i| !deps.is_unblocked(&tickets.all[i as usize].id))
        .map(|i| card(i, deps));
    let doing = tickets.tab(Tab::Doing).into_iter().map(|i| {
        let mut c = card(i, deps);
        c.place = place(&c.id);
        c
    });
    let done = tickets
        .tab(Tab::Done)
        .into_iter()
        .filter(|&i| {
            let id = &tickets.all[i as usize].id;
            branches.contains(id) && !repo.is_some_and(|r| r.contained_in(id, default))
        })
        .map(|i| {
            let mut c = card(i, deps);
            c.place = place(&c.id);
            c
        });
    Board {
        columns: [
            ready.collect(),
            blocked.collect(),
            doing.collect(),
            done.collect(),
        ],
    }
}
