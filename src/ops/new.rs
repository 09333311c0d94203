//! Creating a ticket: `tickets/todo/<YYMMDD-HHMMSS-slug>.md` from the config's template,
//! under the repository lock. The parent (given, or the current branch when it is exactly a
//! ticket ID) is stored as the resolved full ID. A priority and a description given are
//! written in their lines of the header (without them the file is byte for byte TicketFlow's).
//! `--blocked-by` tickets are written as `blocked-by:<ID>` links. Creation is exclusive: an
//! existing ID is an error, never overwritten.

use std::path::PathBuf;

use super::{Project, Ui, guard};
use crate::env::Env;
use crate::error::Error;
use crate::ticket::format::{Change, Value, apply, render_new_with};
use crate::ticket::id::{is_valid_slug, new_id};
use crate::ticket::model::PRIORITY_RANGE;
use crate::ticket::store::load;
use crate::ticket::{Status, Timestamp};

/// What to create.
#[derive(Clone, Debug, Default)]
pub struct NewInput<'a> {
    /// The slug (`[a-z0-9-]`).
    pub slug: &'a str,
    /// The parent reference; `Some("")`: none, not even the branch's ticket.
    pub parent: Option<&'a str>,
    /// The priority (default 2).
    pub priority: Option<i64>,
    /// The description (default empty).
    pub description: Option<&'a str>,
    /// The body (default: the config's template; an empty one too).
    pub content: Option<&'a str>,
    /// The tickets it waits on (references; each must name a ticket).
    pub blocked_by: &'a [String],
}

/// What was created.
#[derive(Debug)]
pub struct Created {
    /// The new ID.
    pub id: String,
    /// Its file.
    pub path: PathBuf,
    /// The parent's ID.
    pub parent: Option<String>,
    /// The parent came from the branch, not from the input.
    pub implicit: bool,
    /// The parent is already done.
    pub parent_done: bool,
    /// The tickets it waits on (full IDs), written as `blocked-by:<ID>` links.
    pub blocked_by: Vec<String>,
}

/// Checks the slug before anything is opened.
pub fn check_slug(slug: &str) -> Result<(), Error> {
    if is_valid_slug(slug) && slug.len() <= crate::ticket::id::MAX_SLUG_LEN {
        Ok(())
    } else {
        Err(Error::InvalidSlug(slug.to_owned()))
    }
}

/// Creates a ticket (see the module documentation).
pub fn new(
    env: &Env,
    project: &Project,
    input: &NewInput<'_>,
    ui: &mut dyn Ui,
) -> Result<Created, Error> {
    check_slug(input.slug)?;
    // A front end parses the number; a negative one is refused here for every front end.
    if let Some(p) = input.priority.filter(|p| *p < 0) {
        return Err(Error::Usage(format!(
            "--priority: {p} is negative: {PRIORITY_RANGE}"
        )));
    }
    let _lock = guard::lock(env, project, &format!("new {}", input.slug), ui)?;
    let now = Timestamp::now_local();
    let id = new_id(&now, input.slug);
    let (parent, implicit) = match input.parent {
        Some("") => (None, false),
        Some(p) => {
            if p == input.slug || p == id {
                return Err(Error::SelfParent(p.to_owned()));
            }
            let entry = project.store.resolve(p).map_err(Error::Parent)?;
            (Some(entry), false)
        }
        None => {
            let branch = project
                .repo()?
                .current_branch()
                .filter(|b| *b != project.config.git.default_branch);
            (branch.and_then(|b| project.store.find_exact(&b)), true)
        }
    };
    let parent_done = parent
        .as_ref()
        .is_some_and(|p| load(p, false).is_ok_and(|t| t.status() == Status::Done));
    let parent_id = parent.map(|p| p.id);
    let mut blocked_by: Vec<String> = Vec::new();
    for r in input.blocked_by {
        let b = project.store.resolve(r)?.id;
        if !blocked_by.contains(&b) {
            blocked_by.push(b);
        }
    }
    let body = input
        .content
        .filter(|c| !c.is_empty())
        .unwrap_or(&project.config.tickets.template);
    let mut contents = render_new_with(
        &now,
        parent_id.as_deref(),
        input.priority.unwrap_or(2),
        input.description.unwrap_or_default(),
        body,
    );
    if !blocked_by.is_empty() {
        // A new ticket closes no cycle: nothing can wait on an ID that did not exist.
        let related: Vec<String> = parent_id
            .iter()
            .map(|p| format!("parent:{p}"))
            .chain(blocked_by.iter().map(|b| format!("blocked-by:{b}")))
            .collect();
        contents = apply(
            &contents,
            &[Change::Set("related".into(), Value::List(related))],
        )?;
    }
    let path = project.store.create(&id, &contents)?;
    Ok(Created {
        id,
        path,
        parent: parent_id,
        implicit,
        parent_done,
        blocked_by,
    })
}
