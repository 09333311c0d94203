//! What the terminal UI shows, read from the store: every ticket in listing order, the
//! dependency graph, the tabs' filters and the live search. Reads only; the views hold
//! indices into [`Tickets::all`].

use rayon::prelude::*;

use crate::error::Error;
use crate::exec::Exec;
use crate::ops::{Project, list};
use crate::ticket::deps::{Deps, queue_order};
use crate::ticket::{Status, Ticket};
use crate::trace::Trace;

/// The list's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Todo and doing (TicketFlow's ALL: done left out).
    All,
    /// Todo.
    Todo,
    /// Doing.
    Doing,
    /// Done.
    Done,
    /// Todo tickets nothing blocks, in queue order (what `C` takes first is on top).
    Ready,
}

impl Tab {
    /// Every tab, in the order tab cycles through them.
    pub const ALL: [Tab; 5] = [Tab::All, Tab::Todo, Tab::Doing, Tab::Done, Tab::Ready];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Tab::All => "ALL",
            Tab::Todo => "TODO",
            Tab::Doing => "DOING",
            Tab::Done => "DONE",
            Tab::Ready => "READY",
        }
    }

    /// The word the empty state uses (`No todo tickets found.`).
    pub fn noun(self) -> &'static str {
        match self {
            Tab::All => "",
            Tab::Todo => "todo ",
            Tab::Doing => "doing ",
            Tab::Done => "done ",
            Tab::Ready => "ready ",
        }
    }

    fn position(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The tab after (`forward`) or before this one, cycling.
    pub fn cycle(self, forward: bool) -> Tab {
        let n = Tab::ALL.len();
        let i = self.position();
        Tab::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// Every ticket of the working tree, with what the views derive from them.
#[derive(Debug, Default)]
pub struct Tickets {
    /// The tickets, in listing order (priority, newest first, ID).
    pub all: Vec<Ticket>,
    /// Their dependency graph.
    pub deps: Deps,
    /// Files that are not usable tickets (how many, and the first one's reason).
    pub problems: (usize, Option<String>),
    /// The search text of every ticket (ID, description, content; lowercase), read on the
    /// first search.
    haystacks: Option<Vec<String>>,
}

impl Tickets {
    /// Reads every ticket of `project` (as `git ticket list --status all` does).
    pub fn load(project: &Project, trace: &mut Trace) -> Result<Tickets, Error> {
        let listing = list::list(project, &Status::ALL, 0, false, Exec::Parallel, trace)?;
        Ok(Tickets::from_tickets(
            listing.tickets,
            (
                listing.problems.len(),
                listing.problems.first().map(ToString::to_string),
            ),
        ))
    }

    /// From tickets already in listing order.
    pub fn from_tickets(all: Vec<Ticket>, problems: (usize, Option<String>)) -> Tickets {
        Tickets {
            deps: Deps::of(&all),
            all,
            problems,
            haystacks: None,
        }
    }

    /// The ticket with ID `id`.
    pub fn find(&self, id: &str) -> Option<&Ticket> {
        self.all.iter().find(|t| t.id == id)
    }

    /// Whether `t` is shown on `tab` (the search aside).
    pub fn on_tab(&self, t: &Ticket, tab: Tab) -> bool {
        let status = t.status();
        match tab {
            Tab::All => status != Status::Done,
            Tab::Todo => status == Status::Todo,
            Tab::Doing => status == Status::Doing,
            Tab::Done => status == Status::Done,
            Tab::Ready => status == Status::Todo && self.deps.is_unblocked(&t.id),
        }
    }

    /// The indices of the tickets of `tab`, in the tab's order.
    pub fn tab(&self, tab: Tab) -> Vec<u32> {
        let mut rows: Vec<u32> = (0..self.all.len() as u32)
            .filter(|&i| self.on_tab(&self.all[i as usize], tab))
            .collect();
        if tab == Tab::Ready {
            rows.sort_by(|&a, &b| queue_order(&self.all[a as usize], &self.all[b as usize]));
        }
        rows
    }

    /// The first ticket of the READY tab: what `C` starts.
    pub fn next_ready(&self) -> Option<&Ticket> {
        self.all
            .iter()
            .filter(|t| self.on_tab(t, Tab::Ready))
            .min_by(|a, b| queue_order(a, b))
    }

    /// Keeps of `rows` those whose ID, description or content contains `query` (any case).
    pub fn search(&mut self, rows: &[u32], query: &str) -> Vec<u32> {
        let query = query.to_lowercase();
        if query.is_empty() {
            return rows.to_vec();
        }
        let hay = self.haystacks();
        rows.iter()
            .copied()
            .filter(|&i| hay[i as usize].contains(&query))
            .collect()
    }

    fn haystacks(&mut self) -> &[String] {
        let all = &self.all;
        self.haystacks.get_or_insert_with(|| {
            all.par_iter()
                .map(|t| {
                    // The body is read now; a file that cannot be read is searched by its
                    // ID and description.
                    let body = std::fs::read_to_string(&t.path).unwrap_or_default();
                    let body = crate::ticket::format::layout(&body)
                        .map(|l| body[l.body_start..].to_owned())
                        .unwrap_or_default();
                    let mut s = String::with_capacity(
                        t.id.len() + t.meta.description.len() + body.len() + 2,
                    );
                    s.push_str(&t.id);
                    s.push('\n');
                    s.push_str(&t.meta.description);
                    s.push('\n');
                    s.push_str(&body);
                    s.to_lowercase()
                })
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::Timestamp;
    use crate::ticket::model::strategies::blank;

    fn ticket(id: &str, status: Status, priority: i64, related: &[&str]) -> Ticket {
        let mut t = blank(id);
        t.folder = status;
        t.meta.priority = Some(priority);
        t.meta.created_at = Timestamp::parse("2025-01-01T00:00:00Z");
        if status != Status::Todo {
            t.meta.started_at = Timestamp::parse("2025-01-02T00:00:00Z");
        }
        if status == Status::Done {
            t.meta.closed_at = Timestamp::parse("2025-01-03T00:00:00Z");
        }
        if !related.is_empty() {
            t.meta.related = Some(related.iter().map(|s| (*s).to_owned()).collect());
        }
        t
    }

    #[test]
    fn tabs_filter_by_status_and_ready_follows_the_queue() {
        let t = Tickets::from_tickets(
            vec![
                ticket("a", Status::Todo, 1, &["blocked-by:b"]),
                ticket("b", Status::Todo, 2, &[]),
                ticket("c", Status::Doing, 2, &[]),
                ticket("d", Status::Done, 2, &[]),
                ticket("e", Status::Todo, 3, &["blocked-by:d"]),
            ],
            (0, None),
        );
        assert_eq!(t.tab(Tab::All), vec![0, 1, 2, 4]);
        assert_eq!(t.tab(Tab::Todo), vec![0, 1, 4]);
        assert_eq!(t.tab(Tab::Doing), vec![2]);
        assert_eq!(t.tab(Tab::Done), vec![3]);
        // a waits on b; e's blocker is done.
        assert_eq!(t.tab(Tab::Ready), vec![1, 4]);
        assert_eq!(t.next_ready().map(|t| t.id.as_str()), Some("b"));
        assert_eq!(Tab::All.cycle(false), Tab::Ready);
        assert_eq!(Tab::Ready.cycle(true), Tab::All);
    }

    #[test]
    fn search_matches_id_and_description_in_any_case() {
        let mut a = ticket("250101-000000-alpha", Status::Todo, 2, &[]);
        a.meta.description = "Fix the Login".into();
        let b = ticket("250101-000001-beta", Status::Todo, 2, &[]);
        let mut t = Tickets::from_tickets(vec![a, b], (0, None));
        let all = t.tab(Tab::All);
        assert_eq!(t.search(&all, "LOGIN"), vec![0]);
        assert_eq!(t.search(&all, "beta"), vec![1]);
        assert_eq!(t.search(&all, ""), vec![0, 1]);
        assert!(t.search(&all, "nothing").is_empty());
    }
}
