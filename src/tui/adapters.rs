//! The two operations of the terminal UI that come from the work queue and the board:
//! [`next_ready`] (`C`: `ops::queue::start_next`) and [`board`] (the `b` view:
//! `ops::board`), mapped to what its views show.

use std::path::PathBuf;

use crate::env::Env;
use crate::error::Error;
use crate::ops::claim::ClaimChoice;
use crate::ops::queue::{NextInput, start_next};
use crate::ops::start::Started;
use crate::ops::{Project, Ui};
use crate::trace::Trace;

/// Starts the next ready ticket (`C`): `ops::queue::start_next`, the same pick-and-start
/// in one lock hold as `git ticket next --start` (claiming on the claims remote when the
/// config says so, skipping tickets taken elsewhere).
pub fn next_ready(env: &Env, project: &Project, ui: &mut dyn Ui) -> Result<Started, Error> {
    let input = NextInput {
        profile: crate::exec::Exec::Parallel,
        claim: ClaimChoice::Config,
    };
    start_next(env, project, &input, ui)
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

/// The board (`ops::board`, the same data as `git ticket board`): ready in queue order,
/// blocked with what they wait on, doing with where they live (branch, worktree,
/// ahead/behind, dirty — also branches other clones pushed), done tickets not merged into the
/// default branch. An error leaves the board empty; the caller shows the tickets it has.
pub fn board(project: &Project) -> Result<Board, Error> {
    use crate::ops::board::{self as ops_board, BoardInput, Column};
    let read = ops_board::board(
        project,
        &BoardInput::default(),
        crate::exec::Exec::Parallel,
        &mut Trace::new(false),
    )?;
    let mut board = Board::default();
    for t in read.tickets {
        let column = match t.column {
            Column::Ready => 0,
            Column::Blocked => 1,
            Column::Doing => 2,
            Column::DoneNotMerged => 3,
            Column::Done => continue,
        };
        // The place where the ticket is most advanced: its worktree's branch first.
        let place = t
            .places
            .iter()
            .find(|p| p.worktree.is_some())
            .or_else(|| t.places.iter().find(|p| p.status == Some(t.status)))
            .or(t.places.first())
            .map(|p| Place {
                branch: p
                    .refname
                    .strip_prefix("refs/heads/")
                    .or_else(|| p.refname.strip_prefix("refs/remotes/"))
                    .unwrap_or(&p.refname)
                    .to_owned(),
                worktree: p.worktree.clone(),
                ahead_behind: Some((p.ahead, p.behind)),
                dirty: p.dirty,
            });
        board.columns[column].push(Card {
            id: t.id,
            description: t.description,
            priority: t.priority,
            waits_on: t.blocked_by,
            place,
        });
    }
    Ok(board)
}
