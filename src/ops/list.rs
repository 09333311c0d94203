//! Listing queries: the tickets of some status folders with a summary of every folder, and
//! the compact name list a streaming listing reads from. Reads only; no lock.

use super::Project;
use crate::error::Error;
use crate::exec::{self, Exec, Strategy};
use crate::ticket::names::NameList;
use crate::ticket::store::{Problem, Severity};
use crate::ticket::{Status, Ticket};
use crate::trace::Trace;

/// The tickets of some folders.
#[derive(Debug)]
pub struct Listing {
    /// The tickets, sorted by priority ↑, created ↓, ID; at most `count` of them.
    pub tickets: Vec<Ticket>,
    /// Tickets per status (todo, doing, done) over every folder counted.
    pub summary: [usize; 3],
    /// Files that could not be used, most severe first, then by path.
    pub problems: Vec<Problem>,
}

impl Listing {
    /// Whether a problem made the listing incomplete.
    pub fn incomplete(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == Severity::Critical)
    }
}

/// Lists the tickets of `folders` (at most `count`, 0: all) with the strategy `profile`
/// allows. The summary counts, when `count_all`, every folder, else the listed ones: the
/// tickets that parse, by their timestamps, as TicketFlow does ([`summary`]); the files of the
/// other folders that do not parse are problems too.
pub fn list(
    project: &Project,
    folders: &[Status],
    count: usize,
    count_all: bool,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Listing, Error> {
    let store = &project.store;
    let listing = exec::list(store, folders, profile, trace)?;
    let mut summary = [0usize; 3];
    for t in &listing.tickets {
        summary[t.status().index()] += 1;
    }
    let mut problems = listing.problems;
    let unread: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| count_all && !folders.contains(s))
        .collect();
    if !unread.is_empty() {
        let (others, unusable) = exec::count(store, &unread, profile, trace)?;
        for (total, n) in summary.iter_mut().zip(others) {
            *total += n;
        }
        problems.extend(unusable);
    }
    problems.sort_by(|a, b| (a.severity, &a.path).cmp(&(b.severity, &b.path)));
    let mut tickets = listing.tickets;
    if count > 0 {
        tickets.truncate(count);
    }
    Ok(Listing {
        tickets,
        summary,
        problems,
    })
}

/// Tickets per status (todo, doing, done) over every folder, as TicketFlow's summaries count
/// them: the tickets that parse, by their timestamps; the files that do not parse are
/// returned as problems (most severe first, then by path), never counted.
pub fn summary(
    project: &Project,
    profile: Exec,
    trace: &mut Trace,
) -> Result<([usize; 3], Vec<Problem>), Error> {
    let (counts, mut problems) = exec::count(&project.store, &Status::ALL, profile, trace)?;
    problems.sort_by(|a, b| (a.severity, &a.path).cmp(&(b.severity, &b.path)));
    Ok((counts, problems))
}

/// The ticket files of `folders` in name order, for a streaming listing (see
/// [`exec::stream`]), with the directory entries that are not usable tickets.
pub fn names(
    project: &Project,
    folders: &[Status],
    trace: &mut Trace,
) -> Result<(NameList, Vec<Problem>), Error> {
    let dirs = project.store.dirs(folders);
    let (names, problems) = trace
        .phase("discover", || NameList::read(dirs))
        .map_err(|source| Error::Io {
            path: project
                .store
                .dir(Status::Todo)
                .parent()
                .unwrap_or(&project.root)
                .to_owned(),
            source,
        })?;
    trace.note(|| {
        format!(
            "strategy: {:?} ({} files)",
            Strategy::Streaming,
            names.len()
        )
    });
    Ok((names, problems))
}
