//! Dependencies between tickets, edited and shown: `dep add` writes `blocked-by:<ID>` links
//! into a ticket's `related` (losslessly, under the repository lock, as `set` edits a field),
//! refusing a link that would close a cycle; `dep remove` removes a link written in either
//! direction; `dep tree` is what a ticket waits on, recursively.

use std::collections::{HashMap, HashSet};

use super::graph;
use super::set::write_related;
use super::{Project, Ui, guard};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::exec::Exec;
use crate::ticket::deps::{Blocker, Deps, spell};
use crate::ticket::store::{Entry, read_ticket};
use crate::ticket::{Status, Ticket};

/// A ticket and the blockers to link or unlink.
#[derive(Clone, Debug)]
pub struct DepInput<'a> {
    /// The ticket that waits.
    pub ticket: &'a str,
    /// What it waits on (references).
    pub blockers: &'a [String],
}

/// What `dep add` or `dep remove` did.
#[derive(Debug, Default)]
pub struct DepChange {
    /// The ticket.
    pub id: String,
    /// The blockers linked (add) or unlinked (remove) now: full IDs, or references as
    /// written.
    pub changed: Vec<String>,
    /// The blockers that were linked already (add) or not linked (remove).
    pub unchanged: Vec<String>,
    /// Everything the ticket waits on afterwards, done or not.
    pub blocked_by: Vec<Blocker>,
}

/// `DEPENDENCY_CYCLE`: linking `id` to `blocker` would close `cycle`.
pub fn cycle_error(id: &str, blocker: &str, cycle: &[String]) -> Error {
    Error::precondition(
        ErrorCode::DependencyCycle,
        "Dependency cycle",
        format!(
            "{id} blocked by {blocker} would close a cycle: {}; nothing was written",
            spell(cycle)
        ),
        &[
            &format!("See the chain: git ticket dep tree {blocker}"),
            "Remove a link of the cycle first: git ticket dep remove <ticket> <blocker>",
        ],
    )
}

/// Resolves the blockers of `input` to tickets (each must exist), without repeats.
fn resolve_blockers(project: &Project, input: &DepInput<'_>) -> Result<Vec<Entry>, Error> {
    let mut out: Vec<Entry> = Vec::new();
    for r in input.blockers {
        let e = project.store.resolve(r)?;
        if !out.iter().any(|o| o.id == e.id) {
            out.push(e);
        }
    }
    Ok(out)
}

/// Checks that linking `id` to each of `blockers` closes no cycle in `deps` (the links are
/// added to `deps` one by one, so they cannot close one together either).
pub fn check_cycles(deps: &mut Deps, id: &str, blockers: &[&str]) -> Result<(), Error> {
    for b in blockers {
        if let Some(cycle) = deps.cycle_if_added(id, b) {
            return Err(cycle_error(id, b, &cycle));
        }
        deps.add(id, b);
    }
    Ok(())
}

/// `dep add`: links the ticket to every blocker (`blocked-by:<ID>` in its `related`).
/// Every reference must name a ticket; a link that would close a cycle is refused and nothing
/// is written. A blocker already linked (in either direction) is left as it is.
pub fn add(
    env: &Env,
    project: &Project,
    input: &DepInput<'_>,
    ui: &mut dyn Ui,
) -> Result<DepChange, Error> {
    let _lock = guard::lock(env, project, &format!("dep add {}", input.ticket), ui)?;
    let entry = project.store.resolve(input.ticket)?;
    let blockers = resolve_blockers(project, input)?;
    let (_, mut deps) = graph::full(project, Exec::Parallel)?;
    let id = entry.id.as_str();
    let (unchanged, new): (Vec<&Entry>, Vec<&Entry>) = blockers
        .iter()
        .partition(|b| deps.blockers(id).contains(&Blocker::Ticket(b.id.clone())));
    let new_ids: Vec<&str> = new.iter().map(|b| b.id.as_str()).collect();
    check_cycles(&mut deps, id, &new_ids)?;
    let (text, meta) = read_ticket(&entry.path)?;
    let mut related = meta.related.unwrap_or_default();
    for b in &new_ids {
        let link = format!("blocked-by:{b}");
        if !related.contains(&link) {
            related.push(link);
        }
    }
    if !new_ids.is_empty() {
        write_related(&entry.path, &text, related)?;
    }
    Ok(DepChange {
        id: entry.id.clone(),
        changed: new_ids.iter().map(|s| (*s).to_owned()).collect(),
        unchanged: unchanged.iter().map(|b| b.id.clone()).collect(),
        blocked_by: deps.blockers(id).to_vec(),
    })
}

/// `dep remove`: unlinks the ticket from every blocker, whichever side wrote the link
/// (`blocked-by:<blocker>` in the ticket, `blocks:<ticket>` in the blocker). A reference that
/// names no ticket removes the `blocked-by:` entry written with it.
pub fn remove(
    env: &Env,
    project: &Project,
    input: &DepInput<'_>,
    ui: &mut dyn Ui,
) -> Result<DepChange, Error> {
    let _lock = guard::lock(env, project, &format!("dep remove {}", input.ticket), ui)?;
    let entry = project.store.resolve(input.ticket)?;
    let id = entry.id.clone();
    let (text, meta) = read_ticket(&entry.path)?;
    let mut related = meta.related.clone().unwrap_or_default();
    let mut change = DepChange {
        id: id.clone(),
        ..DepChange::default()
    };
    // The blockers' own files, changed after the ticket's (a crash in between leaves a link
    // that running the command again removes).
    let mut other: Vec<(Entry, String, Vec<String>)> = Vec::new();
    for r in input.blockers {
        let target = project.store.resolve(r).ok();
        let name = target.as_ref().map_or(r.clone(), |t| t.id.clone());
        let written = [format!("blocked-by:{r}"), format!("blocked-by:{name}")];
        let before = related.len();
        related.retain(|x| !written.contains(x));
        let mut removed = related.len() != before;
        if let Some(t) = target.filter(|t| t.id != id) {
            let (t_text, t_meta) = read_ticket(&t.path)?;
            let mut t_related = t_meta.related.unwrap_or_default();
            let n = t_related.len();
            t_related.retain(|x| *x != format!("blocks:{id}"));
            if t_related.len() != n {
                removed = true;
                other.push((t, t_text, t_related));
            }
        }
        if removed {
            change.changed.push(name);
        } else {
            change.unchanged.push(name);
        }
    }
    if Some(&related) != meta.related.as_ref() {
        write_related(&entry.path, &text, related)?;
    }
    for (t, t_text, t_related) in other {
        write_related(&t.path, &t_text, t_related)?;
    }
    let (_, deps) = graph::full(project, Exec::Parallel)?;
    change.blocked_by = deps.blockers(&id).to_vec();
    Ok(change)
}

/// One ticket of a dependency tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The ID, or the reference as written for an unknown ticket.
    pub id: String,
    /// Its status (`None`: unknown ticket).
    pub status: Option<Status>,
    /// Its description (`None`: unknown ticket).
    pub description: Option<String>,
    /// Done: no longer blocks.
    pub satisfied: bool,
    /// The reference names no ticket (it keeps blocking).
    pub unknown: bool,
    /// Shown with its blockers earlier in the tree: not expanded again.
    pub repeated: bool,
    /// One of its own ancestors in the tree: the links form a cycle.
    pub cycle: bool,
    /// Deeper than [`MAX_DEPTH`]: not expanded.
    pub truncated: bool,
    /// What it waits on.
    pub blocked_by: Vec<Node>,
}

/// The depth below which a tree is not expanded (a chain of thousands stays printable).
pub const MAX_DEPTH: usize = 64;

/// `dep tree`: what `reference` waits on, recursively, satisfied blockers included. A
/// ticket met again is not expanded twice, a cycle is marked where it closes.
pub fn tree(project: &Project, reference: &str, profile: Exec) -> Result<Node, Error> {
    let entry = project.store.resolve(reference)?;
    let (tickets, deps) = graph::full(project, profile)?;
    let by_id: HashMap<&str, &Ticket> = tickets.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut seen = HashSet::new();
    let mut path = Vec::new();
    Ok(node(
        &Blocker::Ticket(entry.id),
        &deps,
        &by_id,
        &mut seen,
        &mut path,
    ))
}

fn node(
    b: &Blocker,
    deps: &Deps,
    by_id: &HashMap<&str, &Ticket>,
    seen: &mut HashSet<String>,
    path: &mut Vec<String>,
) -> Node {
    let id = b.name().to_owned();
    let ticket = by_id.get(id.as_str());
    let mut n = Node {
        status: ticket.map(|t| t.status()),
        description: ticket.map(|t| t.meta.description.clone()),
        satisfied: deps.folder(&id) == Some(Status::Done),
        unknown: matches!(b, Blocker::Unknown(_)) || ticket.is_none(),
        repeated: false,
        cycle: path.contains(&id),
        truncated: false,
        blocked_by: Vec::new(),
        id,
    };
    if n.unknown || n.cycle || deps.blockers(&n.id).is_empty() {
        return n;
    }
    if !seen.insert(n.id.clone()) {
        n.repeated = true;
        return n;
    }
    if path.len() >= MAX_DEPTH {
        n.truncated = true;
        return n;
    }
    path.push(n.id.clone());
    n.blocked_by = deps
        .blockers(&n.id)
        .iter()
        .map(|c| node(c, deps, by_id, seen, path))
        .collect();
    path.pop();
    n
}
