//! Dependencies between tickets, from the `related` links users already write.
//!
//! A ticket A is blocked by B when A's `related` has `blocked-by:B`, or B's `related` has
//! `blocks:A`. A blocker is satisfied when it is done (its file is in `done/`). A reference that
//! names no known ticket keeps blocking: it is reported as an unknown ticket, never silently
//! dropped (that would start work someone said must wait).
//!
//! Pure: built from `(id, folder, related)` triples, so the CLI, the board and the terminal UI
//! share one answer.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::model::{Status, Ticket};

/// One thing a ticket waits on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Blocker {
    /// A known ticket (full ID).
    Ticket(String),
    /// A reference that names no known ticket, as written.
    Unknown(String),
}

impl Blocker {
    /// The full ID, or the reference as written.
    pub fn name(&self) -> &str {
        match self {
            Blocker::Ticket(id) | Blocker::Unknown(id) => id,
        }
    }

    /// How a person reads it: the ID, or `unknown ticket <ref>` — control characters escaped
    /// (a reference is text from a file).
    pub fn describe(&self) -> String {
        let escaped = crate::text::escape_control(self.name());
        match self {
            Blocker::Ticket(_) => escaped.into_owned(),
            Blocker::Unknown(_) => format!("unknown ticket {escaped}"),
        }
    }
}

/// The dependency graph of a set of tickets.
#[derive(Debug, Default)]
pub struct Deps {
    /// Folder of every known ticket.
    folder: HashMap<String, Status>,
    /// Ticket → what it is blocked by (known IDs and unknown references), in the order first
    /// written, without repeats.
    blockers: HashMap<String, Vec<Blocker>>,
    /// Ticket → the known tickets it blocks, without repeats.
    blocks: HashMap<String, Vec<String>>,
}

/// The link kinds of `related` that make a dependency.
fn link(entry: &str) -> Option<(bool, &str)> {
    if let Some(r) = entry.strip_prefix("blocked-by:") {
        Some((true, r.trim()))
    } else {
        entry.strip_prefix("blocks:").map(|r| (false, r.trim()))
    }
}

/// The tickets `related` names as blockers or as blocked (`blocked-by:X`, `blocks:X`).
pub fn linked(related: &[String]) -> impl Iterator<Item = &str> {
    related
        .iter()
        .filter_map(|e| link(e))
        .map(|(_, id)| id)
        .filter(|id| !id.is_empty())
}

impl Deps {
    /// Builds the graph from `(id, folder, related)` of every ticket.
    pub fn build<'a, I>(tickets: I) -> Deps
    where
        I: IntoIterator<Item = (&'a str, Status, Option<&'a [String]>)>,
    {
        let items: Vec<_> = tickets.into_iter().collect();
        let mut deps = Deps {
            folder: items
                .iter()
                .map(|(id, folder, _)| ((*id).to_owned(), *folder))
                .collect(),
            ..Deps::default()
        };
        for (id, _, related) in &items {
            for entry in related.iter().flat_map(|r| r.iter()) {
                match link(entry) {
                    Some((_, "")) | None => {}
                    Some((true, blocker)) => deps.add(id, blocker),
                    Some((false, blocked)) => {
                        // `blocks:X` written in this ticket: X is blocked by this ticket. A
                        // `blocks:` naming no known ticket has nothing to block.
                        if deps.folder.contains_key(blocked) {
                            deps.add(blocked, id);
                        }
                    }
                }
            }
        }
        deps
    }

    /// Builds the graph from loaded tickets.
    pub fn of(tickets: &[Ticket]) -> Deps {
        Deps::build(
            tickets
                .iter()
                .map(|t| (t.id.as_str(), t.folder, t.meta.related.as_deref())),
        )
    }

    /// Adds "`id` is blocked by `blocker`" (a known ticket, or an unknown reference), as a
    /// `blocked-by:` link written in `id` would; a repeat changes nothing.
    pub fn add(&mut self, id: &str, blocker: &str) {
        let b = if self.folder.contains_key(blocker) {
            Blocker::Ticket(blocker.to_owned())
        } else {
            Blocker::Unknown(blocker.to_owned())
        };
        let list = self.blockers.entry(id.to_owned()).or_default();
        if list.contains(&b) {
            return;
        }
        list.push(b.clone());
        if let Blocker::Ticket(b) = b {
            self.blocks.entry(b).or_default().push(id.to_owned());
        }
    }

    /// Whether `id` is a known ticket.
    pub fn knows(&self, id: &str) -> bool {
        self.folder.contains_key(id)
    }

    /// Everything `id` is blocked by, satisfied or not.
    pub fn blockers(&self, id: &str) -> &[Blocker] {
        self.blockers.get(id).map_or(&[], Vec::as_slice)
    }

    /// What `id` still waits on: blockers that are not done, and unknown references.
    pub fn unsatisfied(&self, id: &str) -> Vec<&Blocker> {
        self.blockers(id)
            .iter()
            .filter(|b| match b {
                Blocker::Ticket(b) => self.folder.get(b.as_str()) != Some(&Status::Done),
                Blocker::Unknown(_) => true,
            })
            .collect()
    }

    /// Whether `id` waits on nothing.
    pub fn is_unblocked(&self, id: &str) -> bool {
        self.unsatisfied(id).is_empty()
    }

    /// The known tickets `id` blocks (whether they are done or not).
    pub fn blocks(&self, id: &str) -> &[String] {
        self.blocks.get(id).map_or(&[], Vec::as_slice)
    }

    /// The open (not done) tickets waiting on `id`: those it blocks while it is not done
    /// (a done ticket holds nothing up).
    pub fn waiting_on(&self, id: &str) -> Vec<&str> {
        if self.folder(id) == Some(Status::Done) {
            return Vec::new();
        }
        self.blocks(id)
            .iter()
            .filter(|b| self.folder(b) != Some(Status::Done))
            .map(String::as_str)
            .collect()
    }

    /// The folder of a known ticket.
    pub fn folder(&self, id: &str) -> Option<Status> {
        self.folder.get(id).copied()
    }

    /// The shortest chain of blocked-by links from `from` to `to` (`[from, …, to]`), if any.
    pub fn path(&self, from: &str, to: &str) -> Option<Vec<String>> {
        let mut parent: HashMap<&str, &str> = HashMap::new();
        let mut queue = std::collections::VecDeque::from([from]);
        parent.insert(from, from);
        while let Some(v) = queue.pop_front() {
            if v == to {
                let mut path = vec![v.to_owned()];
                let mut at = v;
                while at != from {
                    at = parent[at];
                    path.push(at.to_owned());
                }
                path.reverse();
                return Some(path);
            }
            for b in self.blockers(v) {
                if let Blocker::Ticket(b) = b
                    && !parent.contains_key(b.as_str())
                {
                    parent.insert(b, v);
                    queue.push_back(b);
                }
            }
        }
        None
    }

    /// The cycle that adding "`id` blocked by `blocker`" would close, spelled
    /// `[id, blocker, …, id]`; `None` when the edge is safe.
    pub fn cycle_if_added(&self, id: &str, blocker: &str) -> Option<Vec<String>> {
        if id == blocker {
            return Some(vec![id.to_owned(), id.to_owned()]);
        }
        let mut path = self.path(blocker, id)?;
        path.insert(0, id.to_owned());
        Some(path)
    }

    /// Every cycle of blocked-by links, each once, spelled `[A, B, …, A]` starting from its
    /// smallest ID; in ID order.
    pub fn cycles(&self) -> Vec<Vec<String>> {
        // Tarjan's strongly connected components, iteratively; a component with more than one
        // ticket (or a ticket blocked by itself) holds a cycle, reported as one path through it.
        let mut ids: Vec<&str> = self.blockers.keys().map(String::as_str).collect();
        ids.sort_unstable();
        let mut index: HashMap<&str, (usize, usize)> = HashMap::new();
        let mut on_stack = std::collections::HashSet::new();
        let mut stack: Vec<&str> = Vec::new();
        let mut components: Vec<Vec<&str>> = Vec::new();
        let mut counter = 0;
        let edges = |v: &str| -> Vec<&str> {
            self.blockers(v)
                .iter()
                .filter_map(|b| match b {
                    Blocker::Ticket(b) => Some(b.as_str()),
                    Blocker::Unknown(_) => None,
                })
                .collect()
        };
        for &root in &ids {
            if index.contains_key(root) {
                continue;
            }
            let mut work: Vec<(&str, usize)> = vec![(root, 0)];
            index.insert(root, (counter, counter));
            counter += 1;
            stack.push(root);
            on_stack.insert(root);
            while let Some(&mut (v, ref mut next)) = work.last_mut() {
                let out = edges(v);
                if let Some(&w) = out.get(*next) {
                    *next += 1;
                    if let Some(&(wi, _)) = index.get(w) {
                        if on_stack.contains(w) {
                            let e = index.get_mut(v).expect("visited");
                            e.1 = e.1.min(wi);
                        }
                    } else {
                        index.insert(w, (counter, counter));
                        counter += 1;
                        stack.push(w);
                        on_stack.insert(w);
                        work.push((w, 0));
                    }
                    continue;
                }
                work.pop();
                let (vi, vl) = index[v];
                if let Some(&(p, _)) = work.last() {
                    let e = index.get_mut(p).expect("visited");
                    e.1 = e.1.min(vl);
                }
                if vi == vl {
                    let mut comp = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack.remove(w);
                        comp.push(w);
                        if w == v {
                            break;
                        }
                    }
                    let self_loop = comp.len() == 1 && edges(comp[0]).contains(&comp[0]);
                    if comp.len() > 1 || self_loop {
                        components.push(comp);
                    }
                }
            }
        }
        let mut cycles: Vec<Vec<String>> = components
            .into_iter()
            .map(|mut comp| {
                comp.sort_unstable();
                let start = comp[0];
                // One step into the component, then the way back to the start within it.
                let inside: std::collections::HashSet<&str> = comp.iter().copied().collect();
                edges(start)
                    .into_iter()
                    .filter(|w| inside.contains(w))
                    .find_map(|w| {
                        if w == start {
                            Some(vec![start.to_owned(), start.to_owned()])
                        } else {
                            self.path(w, start).map(|mut p| {
                                p.insert(0, start.to_owned());
                                p
                            })
                        }
                    })
                    .unwrap_or_else(|| vec![start.to_owned(), start.to_owned()])
            })
            .collect();
        cycles.sort();
        cycles
    }
}

/// Spells a cycle or chain as `A → B → C`.
pub fn spell(path: &[String]) -> String {
    path.join(" → ")
}

/// The queue order: priority ascending, then creation instant ascending (oldest first; a ticket
/// without `created_at` after those with one), then ID.
pub fn queue_order(a: &Ticket, b: &Ticket) -> Ordering {
    a.meta
        .priority()
        .cmp(&b.meta.priority())
        .then_with(|| match (&a.meta.created_at, &b.meta.created_at) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(items: &[(&str, Status, &[&str])]) -> Deps {
        let owned: Vec<(String, Status, Vec<String>)> = items
            .iter()
            .map(|(id, s, r)| {
                (
                    (*id).to_owned(),
                    *s,
                    r.iter().map(|x| (*x).to_owned()).collect(),
                )
            })
            .collect();
        Deps::build(
            owned
                .iter()
                .map(|(id, s, r)| (id.as_str(), *s, Some(r.as_slice()))),
        )
    }

    use Status::{Doing, Done, Todo};

    #[test]
    fn both_directions_and_satisfaction() {
        let d = graph(&[
            ("a", Todo, &["blocked-by:b", "parent:c"]),
            ("b", Todo, &[]),
            ("c", Done, &["blocks:a"]),
            ("d", Todo, &["blocked-by:c"]),
        ]);
        assert_eq!(
            d.blockers("a"),
            &[Blocker::Ticket("b".into()), Blocker::Ticket("c".into())]
        );
        assert_eq!(d.unsatisfied("a"), vec![&Blocker::Ticket("b".into())]);
        assert!(d.is_unblocked("d"));
        assert!(d.is_unblocked("b"));
        assert_eq!(d.blocks("c"), &["a".to_owned(), "d".to_owned()]);
        assert_eq!(d.blocks("b"), &["a".to_owned()]);
    }

    #[test]
    fn waiting_on_leaves_out_done_tickets() {
        let d = graph(&[
            ("a", Todo, &["blocks:b", "blocks:c"]),
            ("b", Doing, &[]),
            ("c", Done, &[]),
            ("d", Done, &["blocks:b"]),
        ]);
        assert_eq!(d.blocks("a"), &["b".to_owned(), "c".to_owned()]);
        assert_eq!(d.waiting_on("a"), vec!["b"]);
        assert_eq!(d.blocks("d"), &["b".to_owned()]);
        assert!(d.waiting_on("d").is_empty());
        assert_eq!(d.folder("c"), Some(Done));
        assert_eq!(d.folder("x"), None);
    }

    #[test]
    fn unknown_references_keep_blocking() {
        let d = graph(&[("a", Todo, &["blocked-by:nowhere", "blocks:ghost"])]);
        assert_eq!(
            d.unsatisfied("a"),
            vec![&Blocker::Unknown("nowhere".into())]
        );
        assert_eq!(
            d.unsatisfied("a")[0].describe(),
            "unknown ticket nowhere".to_owned()
        );
        assert!(!d.knows("ghost"));
    }

    #[test]
    fn repeats_count_once() {
        let d = graph(&[
            ("a", Todo, &["blocked-by:b", "blocked-by:b"]),
            ("b", Doing, &["blocks:a"]),
        ]);
        assert_eq!(d.blockers("a").len(), 1);
        assert_eq!(d.blocks("b"), &["a".to_owned()]);
    }

    #[test]
    fn cycles_are_found_and_spelled() {
        let d = graph(&[
            ("a", Todo, &["blocked-by:b"]),
            ("b", Todo, &["blocked-by:c"]),
            ("c", Todo, &["blocked-by:a"]),
            ("x", Todo, &["blocked-by:x"]),
            ("y", Todo, &["blocked-by:a"]),
        ]);
        let cycles = d.cycles();
        assert_eq!(
            cycles,
            vec![
                vec!["a".to_owned(), "b".into(), "c".into(), "a".into()],
                vec!["x".to_owned(), "x".into()],
            ]
        );
        assert_eq!(spell(&cycles[0]), "a → b → c → a");
    }

    #[test]
    fn adding_an_edge_that_closes_a_cycle() {
        let d = graph(&[
            ("a", Todo, &["blocked-by:b"]),
            ("b", Todo, &["blocked-by:c"]),
            ("c", Todo, &[]),
        ]);
        assert_eq!(
            d.cycle_if_added("c", "a"),
            Some(vec!["c".into(), "a".into(), "b".into(), "c".into()])
        );
        assert_eq!(d.cycle_if_added("a", "c"), None);
        assert_eq!(
            d.cycle_if_added("a", "a"),
            Some(vec!["a".into(), "a".into()])
        );
    }

    #[test]
    fn deep_chains_do_not_overflow() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("t{i:05}")).collect();
        let rel: Vec<Vec<String>> = (0..20_000)
            .map(|i| {
                if i + 1 < 20_000 {
                    vec![format!("blocked-by:{}", ids[i + 1])]
                } else {
                    vec![format!("blocked-by:{}", ids[0])]
                }
            })
            .collect();
        let d = Deps::build(
            ids.iter()
                .zip(&rel)
                .map(|(id, r)| (id.as_str(), Todo, Some(r.as_slice()))),
        );
        let c = d.cycles();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].len(), 20_001);
    }
}
