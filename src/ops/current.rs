//! Which ticket is worked on in this working tree: the one `current-ticket.md` names, as long
//! as its branch is the one checked out, else the ticket named like the branch. A link left
//! behind by a `git checkout` without the post-checkout hook (branch mode: on `main`, the
//! link still names the ticket of the branch left) is stale and is not believed.

use crate::current;
use crate::ops::Project;

/// The current ticket of a working tree, and a stale link when there is one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CurrentTicket {
    /// The ticket's ID (an existing ticket), if any.
    pub id: Option<String>,
    /// The ID a stale `current-ticket.md` names: its branch is not the one checked out.
    pub stale_link: Option<String>,
}

/// Whether a link naming ticket `id` belongs to a working tree on `branch` (empty: a detached
/// HEAD, as in a rebase of the ticket's branch, where the link is believed).
pub fn link_matches(id: &str, branch: &str) -> bool {
    branch.is_empty() || branch == id
}

/// The current ticket of `project`'s working tree on `branch` (see the module comment). A
/// link that cannot be read counts as none here (fsck reports it).
pub fn current_ticket(project: &Project, branch: &str) -> CurrentTicket {
    let link = current::read(&project.root)
        .ok()
        .flatten()
        .map(|c| c.id)
        .filter(|id| project.store.find_exact(id).is_some());
    let (from_link, stale_link) = match link {
        Some(id) if link_matches(&id, branch) => (Some(id), None),
        Some(id) => (None, Some(id)),
        None => (None, None),
    };
    let id = from_link.or_else(|| project.store.find_exact(branch).map(|e| e.id));
    CurrentTicket { id, stale_link }
}
