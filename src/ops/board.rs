//! The board: one truthful view of every ticket from any checkout — its state on the default
//! branch, on each branch named after it (local, and remote-tracking: what other clones
//! pushed) and in its worktree's files on disk — with the most advanced of them as its
//! effective status (done > doing > todo).
//!
//! Reads only, through libgit2 (no `git` process, no checkout, no lock). The default branch's
//! tickets are read from the files of the checkout that has it (its uncommitted edits count),
//! else from its commit. A branch is read for the ticket it is named after: its ticket folders
//! are compared with the default branch's by object ID, and only a status folder that differs
//! is opened; a branch that does not touch the ticket folders costs one comparison. The
//! default branch itself is not a place (its state is `default_branch_status`); a ticket
//! worktree is folded into its branch's place, its files answering for the branch. A merged
//! branch (all its commits on the default branch) is history: its state does not raise the
//! effective status — a ticket closed, merged and reopened since is not done — unless its
//! worktree holds a status no commit has. From 64 branches on (`PARALLEL_FROM`), branches are
//! read in parallel (one libgit2 handle per thread); where a ticket file was found in a
//! folder that differs is kept between runs ([`CACHE_FILE`]).
//!
//! The dirty check reads a whole working tree, so its cost grows with the repository's size
//! times the number of worktrees: it runs in parallel, and by default only while the
//! worktrees' indexes hold at most [`DIRTY_BUDGET`] entries together (`dirty: null` with the
//! reason beyond that; [`DirtyCheck::Always`] checks anyway). A split or sparse index, which
//! libgit2 cannot read faithfully, is never guessed at: `dirty: null`, and why.
//!
//! The result is plain data ([`Board`]) that the CLI renders and a terminal UI can show.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::Project;
use crate::config::Config;
use crate::current;
use crate::error::Error;
use crate::exec::{self, Exec};
use crate::git::board::{ObjectId, TicketRef, TicketTrees};
use crate::git::{Repo, WorktreeInfo};
use crate::ticket::deps::{Deps, queue_order};
use crate::ticket::format::parse_meta;
use crate::ticket::id::slug_of;
use crate::ticket::store::{Problem, Store, load};
use crate::ticket::{Meta, Status, Ticket};
use crate::trace::Trace;

/// Index entries (summed over the worktrees checked) up to which the dirty check runs by
/// default: about 50 worktrees of a 2,000-file repository, or 5 of a 20,000-file one.
pub const DIRTY_BUDGET: u64 = 100_000;

/// Whether the board checks ticket worktrees for uncommitted changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DirtyCheck {
    /// While the worktrees' indexes hold at most [`DIRTY_BUDGET`] entries together.
    #[default]
    Auto,
    /// Always (`--dirty`).
    Always,
    /// Never (`--no-dirty`).
    Never,
}

/// What the board shows.
#[derive(Clone, Copy, Debug)]
pub struct BoardInput {
    /// How many of the most recently closed tickets the Done column shows.
    pub recent: usize,
    /// Whether worktrees are checked for uncommitted changes.
    pub dirty: DirtyCheck,
}

impl Default for BoardInput {
    fn default() -> Self {
        BoardInput {
            recent: 5,
            dirty: DirtyCheck::Auto,
        }
    }
}

/// The board column a ticket belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// Todo and waiting on nothing.
    Ready,
    /// Todo and waiting on a ticket that is not done (or an unknown one).
    Blocked,
    /// In progress somewhere.
    Doing,
    /// Done on a branch (or in a worktree) but not on the default branch.
    DoneNotMerged,
    /// Done on the default branch.
    Done,
}

/// Where a ticket's state lives besides the default branch: a branch named after it, with
/// its worktree when one has it checked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The full ref name (`refs/heads/<ID>`, `refs/remotes/<remote>/<ID>`).
    pub refname: String,
    /// The ticket's status there (in the worktree's files when there is one); `None` when
    /// the ticket has no file there.
    pub status: Option<Status>,
    /// The worktree that has the branch checked out.
    pub worktree: Option<PathBuf>,
    /// Commits on the branch that the default branch lacks.
    pub ahead: usize,
    /// Commits on the default branch that the branch lacks.
    pub behind: usize,
    /// All its commits are on the default branch, and it has work of its own (a branch still
    /// at its start commit is not "merged").
    pub merged: bool,
    /// The worktree has uncommitted changes; `None` without a worktree or when not checked.
    pub dirty: Option<bool>,
    /// Why `dirty` is `None` although there is a worktree.
    pub dirty_reason: Option<String>,
}

/// One ticket on the board.
#[derive(Clone, Debug)]
pub struct BoardTicket {
    /// The ticket ID.
    pub id: String,
    /// The most advanced state found: done > doing > todo.
    pub status: Status,
    /// Its state on the default branch; `None` when it has no file there.
    pub default_branch_status: Option<Status>,
    /// Its priority.
    pub priority: i64,
    /// Its description.
    pub description: String,
    /// Its frontmatter where it is most advanced (timestamps for the Done column).
    pub meta: Meta,
    /// Its branches and worktree.
    pub places: Vec<Place>,
    /// The column it belongs in.
    pub column: Column,
    /// What it still waits on (IDs, or `unknown ticket <ref>`), for a todo ticket.
    pub blocked_by: Vec<String>,
}

/// Counts over the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardSummary {
    /// Tickets per column.
    pub ready: usize,
    /// Blocked todo tickets.
    pub blocked: usize,
    /// Tickets in progress.
    pub doing: usize,
    /// Tickets done on a branch, not on the default branch.
    pub done_not_merged: usize,
    /// Tickets done on the default branch.
    pub done: usize,
    /// Branches read (local and remote-tracking).
    pub branches: usize,
    /// Ticket worktrees.
    pub worktrees: usize,
}

/// The whole board.
#[derive(Clone, Debug, Default)]
pub struct Board {
    /// The default branch.
    pub default_branch: String,
    /// Every ticket todo or doing on the default branch, and every ticket with a branch, in
    /// queue order (priority, creation, ID).
    pub tickets: Vec<BoardTicket>,
    /// The most recently closed tickets of the default branch (newest first).
    pub recent_done: Vec<BoardTicket>,
    /// Counts.
    pub summary: BoardSummary,
    /// Ticket files that could not be read.
    pub problems: Vec<Problem>,
    /// Where the default branch's tickets were read: a checkout, or its commit.
    pub read_from: Option<PathBuf>,
}

impl Board {
    /// The tickets of `column`.
    pub fn column(&self, column: Column) -> impl Iterator<Item = &BoardTicket> {
        self.tickets.iter().filter(move |t| t.column == column)
    }
}

/// The state of one ticket file somewhere.
#[derive(Clone, Debug)]
struct Found {
    status: Status,
    meta: Meta,
    /// Read from a worktree's files whose status is not the branch's committed one: state
    /// no commit holds (so never history of the default branch). Asked of merged branches
    /// only (false elsewhere).
    uncommitted: bool,
}

/// The default branch as the board compares against it: plain data, shared by the threads
/// that read branches.
struct Shared<'a> {
    tip: Option<ObjectId>,
    trees: TicketTrees,
    dir: Option<PathBuf>,
    folders: [PathBuf; 3],
    /// The default branch's tickets as read (checkout files, else its commit).
    tickets: &'a HashMap<&'a str, &'a Meta>,
    /// Lookups kept from earlier runs (the cache file).
    known: &'a Lookups,
}

/// One reader of branches against the default branch: a repository handle and what it
/// learned.
struct Base<'a> {
    repo: &'a Repo,
    shared: &'a Shared<'a>,
    /// The files of each of the default branch's status folders, read on first need: most
    /// branches share some of them, which are then never opened again.
    files: [OnceCell<HashMap<String, ObjectId>>; 3],
    /// The lookups this reader made or used (what is saved).
    used: RefCell<Lookups>,
    /// Whether it looked up anything the cache did not know.
    added: Cell<bool>,
}

/// The file in a repository's common git directory that keeps, between runs, where a ticket
/// file was found in a status folder of a branch: opening a folder of thousands of tickets
/// costs far more than the rest of a branch, and a folder (an object ID) never changes.
pub const CACHE_FILE: &str = "git-ticket-board-cache";

/// Lookups of ticket files in folder trees: `(folder tree, file name) → blob`.
type Lookups = HashMap<(ObjectId, String), Option<ObjectId>>;

/// Reads the cache file (lines `<tree> <name> <blob or ->`); a damaged line is skipped.
/// An object ID must be whole: a short one would be read as another object (zero-padded),
/// as a line cut short would be.
fn load_cache(path: &Path) -> Lookups {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let id = |hex: &str| {
        (hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| ObjectId::from_hex(hex))
            .flatten()
    };
    text.lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let tree = id(parts.next()?)?;
            let name = parts.next()?.to_owned();
            let blob = match parts.next()? {
                "-" => None,
                hex => Some(id(hex)?),
            };
            parts.next().is_none().then_some(((tree, name), blob))
        })
        .collect()
}

/// Writes the lookups a run used, when it found anything new or dropped anything (atomic:
/// two boards at once leave one whole file). A failure only costs speed next time.
fn save_cache(path: &Path, known: &Lookups, used: &Lookups, added: bool) {
    if !added && used.len() == known.len() {
        return;
    }
    let mut lines: Vec<String> = used
        .iter()
        .filter(|((_, name), _)| !name.contains([' ', '\n']))
        .map(|((tree, name), blob)| match blob {
            Some(b) => format!("{tree} {name} {b}\n"),
            None => format!("{tree} {name} -\n"),
        })
        .collect();
    lines.sort();
    let _ = crate::fsutil::write_atomic(path, lines.concat().as_bytes());
}

impl<'a> Base<'a> {
    fn new(repo: &'a Repo, shared: &'a Shared<'a>) -> Self {
        Base {
            repo,
            shared,
            files: Default::default(),
            used: RefCell::default(),
            added: Cell::new(false),
        }
    }

    /// The blob of `name` in status folder `i`'s tree `tree` of a branch, from the cache or
    /// the repository (a folder the default branch shares is read once, for all branches).
    fn lookup(&self, i: usize, tree: ObjectId, name: &str) -> Option<ObjectId> {
        let key = (tree, name.to_owned());
        let blob = match self.shared.known.get(&key) {
            Some(b) => *b,
            None => {
                self.added.set(true);
                if Some(tree) == self.shared.trees.folders[i] {
                    let files = self.files[i]
                        .get_or_init(|| self.repo.tree_files(tree).into_iter().collect());
                    files.get(name).copied()
                } else {
                    self.repo.tree_entry(tree, name)
                }
            }
        };
        self.used.borrow_mut().insert(key, blob);
        blob
    }

    /// Saves what this reader (and `others`) looked up, for the next run: only that when it
    /// read every branch (`board`: what no branch needs any more goes), else added to what
    /// was known (`status` reads some branches only and must not drop the others').
    fn save(&self, others: impl IntoIterator<Item = (Lookups, bool)>, every_branch: bool) {
        let mut used = self.used.take();
        let mut added = self.added.get();
        for (u, a) in others {
            used.extend(u);
            added |= a;
        }
        if !every_branch {
            if !added {
                return;
            }
            for (k, v) in self.shared.known {
                used.entry(k.clone()).or_insert(*v);
            }
        }
        let path = self.repo.common_dir().join(CACHE_FILE);
        save_cache(&path, self.shared.known, &used, added);
    }
}

/// Reads the board (see the module documentation).
pub fn board(
    project: &Project,
    input: &BoardInput,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Board, Error> {
    let repo = project.repo()?;
    let config = &project.config;
    let default = config.git.default_branch.clone();
    let all = repo.worktrees();
    let (tip, trees) = default_trees(project, repo);
    // The default branch's tickets: from the checkout that has it, else from its commit.
    let checkout = all
        .iter()
        .find(|w| w.branch.as_deref() == Some(default.as_str()) && !w.missing);
    let (tickets, problems, read_from) = match checkout {
        Some(w) => {
            let store = Store::new(&w.path, config);
            let listing = trace.phase("read default branch", || {
                exec::list(&store, &Status::ALL, profile, &mut Trace::new(false))
            })?;
            (listing.tickets, listing.problems, Some(w.path.clone()))
        }
        None => (
            trace.phase("read default commit", || {
                from_commit(repo, &trees, &config.tickets_dir(&project.root))
            }),
            Vec::new(),
            None,
        ),
    };
    let deps = Deps::of(&tickets);
    let defaults: HashMap<&str, &Meta> = tickets.iter().map(|t| (t.id.as_str(), &t.meta)).collect();
    let known = load_cache(&repo.common_dir().join(CACHE_FILE));
    let shared = Shared::new(project, (tip, trees), &defaults, &known);
    let refs =
        repo.ticket_refs(|b| b != default && (defaults.contains_key(b) || slug_of(b).is_some()));
    let worktrees: HashMap<&str, &WorktreeInfo> = all
        .iter()
        .filter(|w| !w.main && !w.missing)
        .filter_map(|w| Some((w.branch.as_deref()?, w)))
        .collect();
    let read = trace.phase("read branches", || {
        read_branches(repo, &shared, &refs, &worktrees, config)
    });
    let mut places: HashMap<String, Vec<(Place, Option<Found>)>> = HashMap::new();
    for (r, place) in refs.iter().zip(read) {
        places.entry(r.branch.clone()).or_default().push(place);
    }
    let mut board = Board {
        default_branch: default,
        problems,
        read_from,
        ..Board::default()
    };
    board.summary.branches = refs.len();
    board.summary.worktrees = places
        .values()
        .flatten()
        .filter(|(p, _)| p.worktree.is_some())
        .count();
    trace.phase("dirty check", || check_dirty(&mut places, input.dirty));
    let mut done_recent: Vec<&Ticket> = Vec::new();
    for t in &tickets {
        let status = t.status();
        if status == Status::Done && !places.contains_key(&t.id) {
            board.summary.done += 1;
            done_recent.push(t);
            continue;
        }
        let here = places.remove(&t.id).unwrap_or_default();
        board
            .tickets
            .push(board_ticket(&t.id, Some((status, &t.meta)), here, &deps));
    }
    // Tickets that exist only on their branches.
    let mut rest: Vec<_> = places.into_iter().collect();
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    for (id, here) in rest {
        if here.iter().any(|(_, f)| f.is_some()) {
            board.tickets.push(board_ticket(&id, None, here, &deps));
        }
    }
    board.tickets.sort_by(|a, b| {
        (a.priority, a.meta.created_at, &a.id).cmp(&(b.priority, b.meta.created_at, &b.id))
    });
    for t in &board.tickets {
        let s = &mut board.summary;
        match t.column {
            Column::Ready => s.ready += 1,
            Column::Blocked => s.blocked += 1,
            Column::Doing => s.doing += 1,
            Column::DoneNotMerged => s.done_not_merged += 1,
            Column::Done => s.done += 1,
        }
    }
    done_recent.sort_by(|a, b| {
        b.meta
            .closed_at
            .cmp(&a.meta.closed_at)
            .then_with(|| queue_order(a, b))
    });
    board.recent_done = done_recent
        .into_iter()
        .take(input.recent)
        .map(|t| board_ticket(&t.id, Some((Status::Done, &t.meta)), Vec::new(), &deps))
        .collect();
    Ok(board)
}

impl<'a> Shared<'a> {
    fn new(
        project: &Project,
        (tip, trees): (Option<ObjectId>, TicketTrees),
        tickets: &'a HashMap<&'a str, &'a Meta>,
        known: &'a Lookups,
    ) -> Self {
        let (dir, folders) = ticket_paths(project);
        Shared {
            tip,
            trees,
            dir,
            folders,
            tickets,
            known,
        }
    }
}

/// The default branch's commit and its ticket folders.
fn default_trees(project: &Project, repo: &Repo) -> (Option<ObjectId>, TicketTrees) {
    let tip = repo.branch_commit(&project.config.git.default_branch);
    let (dir, folders) = ticket_paths(project);
    let trees = match (tip, &dir) {
        (Some(tip), Some(dir)) => {
            repo.ticket_trees(tip, dir, folders.each_ref().map(PathBuf::as_path))
        }
        _ => TicketTrees::default(),
    };
    (tip, trees)
}

/// Branches up to which one thread reads them all: a second repository handle costs more
/// than it saves below that.
const PARALLEL_FROM: usize = 64;

/// The place of each ref of `refs` (in order), read in parallel (one repository handle per
/// thread) when there are many; saves the lookups made for the next run.
fn read_branches(
    repo: &Repo,
    shared: &Shared<'_>,
    refs: &[TicketRef],
    worktrees: &HashMap<&str, &WorktreeInfo>,
    config: &Config,
) -> Vec<(Place, Option<Found>)> {
    let read = |base: &Base<'_>, chunk: &[TicketRef]| -> Vec<(Place, Option<Found>)> {
        chunk
            .iter()
            .map(|r| {
                let wt = r
                    .remote
                    .is_none()
                    .then(|| worktrees.get(r.branch.as_str()))
                    .flatten();
                read_place(base, r, wt.map(|w| w.path.as_path()), config)
            })
            .collect()
    };
    let base = Base::new(repo, shared);
    let threads = rayon::current_num_threads();
    if refs.len() < PARALLEL_FROM || threads < 2 {
        let out = read(&base, refs);
        base.save([], true);
        return out;
    }
    // A libgit2 handle is not shared between threads: each share is read on its own.
    let (git_dir, root) = (repo.git_dir(), repo.root());
    let shares = refs
        .par_chunks(refs.len().div_ceil(threads))
        .map(|chunk| {
            let own = Repo::reopen(git_dir, root).ok()?;
            let base = Base::new(&own, shared);
            let out = read(&base, chunk);
            Some((out, (base.used.take(), base.added.get())))
        })
        .collect::<Option<Vec<_>>>();
    // A handle that could not be opened: this one reads them all (slower, the same answers).
    let Some(shares) = shares else {
        let out = read(&base, refs);
        base.save([], true);
        return out;
    };
    let mut out = Vec::with_capacity(refs.len());
    let mut learned = Vec::new();
    for (o, l) in shares {
        out.extend(o);
        learned.push(l);
    }
    base.save(learned, true);
    out
}

/// The branch (full ref name: local first, then remote-tracking) on which ticket `id` is
/// done, for a ticket that is not done on the default branch: closed there and not merged
/// yet. What `start` refuses (TICKET_ALREADY_CLOSED). A branch whose commits are all on the
/// default branch is history there: the ticket was closed, merged, and reopened since.
pub fn done_on_branch(project: &Project, id: &str) -> Result<Option<String>, Error> {
    let repo = project.repo()?;
    let refs = repo.ticket_refs(|b| b == id);
    // Most starts have no branch of the ticket yet: nothing more to read.
    if refs.is_empty() {
        return Ok(None);
    }
    let none: HashMap<&str, &Meta> = HashMap::new();
    let known = load_cache(&repo.common_dir().join(CACHE_FILE));
    let shared = Shared::new(project, default_trees(project, repo), &none, &known);
    let base = Base::new(repo, &shared);
    let unmerged = |r: &TicketRef| {
        shared
            .tip
            .and_then(|tip| repo.ahead_behind(r.tip, tip))
            .is_none_or(|ab| ab.ahead > 0)
    };
    Ok(refs
        .into_iter()
        .find(|r| {
            unmerged(r) && committed_state(&base, r).is_some_and(|f| f.status == Status::Done)
        })
        .map(|r| r.name))
}

/// The tickets folder relative to the repository root (`None` when it is outside it) and
/// the status folders relative to it.
fn ticket_paths(project: &Project) -> (Option<PathBuf>, [PathBuf; 3]) {
    let config = &project.config;
    let dir = config.tickets_dir(&project.root);
    let rel = dir
        .strip_prefix(&project.root)
        .ok()
        .map(super::project::normalize);
    (rel, config.status_dirs().map(PathBuf::from))
}

/// The tickets of the default branch's commit (no checkout has it).
fn from_commit(repo: &Repo, trees: &TicketTrees, dir: &Path) -> Vec<Ticket> {
    let mut out = Vec::new();
    for (status, tree) in Status::ALL.into_iter().zip(trees.folders) {
        let Some(tree) = tree else { continue };
        for (name, blob) in repo.tree_files(tree) {
            let Some(id) = name.strip_suffix(".md") else {
                continue;
            };
            let Some(meta) = blob_meta(repo, blob) else {
                continue;
            };
            out.push(Ticket {
                id: id.to_owned(),
                path: dir.join(status.as_str()).join(&name),
                folder: status,
                meta,
                body: None,
            });
        }
    }
    out
}

fn blob_meta(repo: &Repo, blob: ObjectId) -> Option<Meta> {
    let bytes = repo.blob_bytes(blob)?;
    parse_meta(std::str::from_utf8(&bytes).ok()?).ok()
}

/// The state of ticket `r.branch` on ref `r` (and in its worktree `wt`, whose files win).
fn read_place(
    base: &Base<'_>,
    r: &TicketRef,
    wt: Option<&Path>,
    config: &Config,
) -> (Place, Option<Found>) {
    let repo = base.repo;
    let id = &r.branch;
    // Merged only when known to be: a count that failed (a commit not found) is not "no
    // commit ahead", and a merged branch's state is taken as history.
    let counted = base.shared.tip.and_then(|b| repo.ahead_behind(r.tip, b));
    let ab = counted.unwrap_or_default();
    let merged = counted.is_some_and(|ab| ab.ahead == 0) && !repo.is_start_commit(r.tip, id);
    // The worktree's file answers for the branch; the commit is read only without one, or
    // for a merged branch, to tell the worktree's own (uncommitted) status from history.
    let in_files = wt.and_then(|wt| {
        let t = load(&Store::new(wt, config).find_exact(id)?, false).ok()?;
        Some((t.status(), t.meta))
    });
    let found = match in_files {
        Some((status, meta)) => {
            let uncommitted = merged && committed_state(base, r).map(|f| f.status) != Some(status);
            Some(Found {
                status,
                meta,
                uncommitted,
            })
        }
        None => committed_state(base, r),
    };
    let place = Place {
        refname: r.name.clone(),
        status: found.as_ref().map(|f| f.status),
        worktree: wt.map(Path::to_owned),
        ahead: ab.ahead,
        behind: ab.behind,
        merged,
        dirty: None,
        dirty_reason: None,
    };
    (place, found)
}

/// The ticket's committed state on ref `r`: the default branch's where the folders are the
/// same objects, else read from the folders that differ.
fn committed_state(base: &Base<'_>, r: &TicketRef) -> Option<Found> {
    let shared = base.shared;
    let same = || {
        shared.tickets.get(r.branch.as_str()).map(|m| Found {
            status: m.status(),
            meta: (*m).clone(),
            uncommitted: false,
        })
    };
    let dir = shared.dir.as_ref()?;
    let repo = base.repo;
    let trees = repo.ticket_trees(r.tip, dir, shared.folders.each_ref().map(PathBuf::as_path));
    if trees.root.is_some() && trees.root == shared.trees.root {
        return same();
    }
    let name = format!("{}.md", r.branch);
    // The most advanced folder first: the first file found is the answer.
    for (i, tree) in trees.folders.into_iter().enumerate().rev() {
        let Some(tree) = tree else { continue };
        let Some(blob) = base.lookup(i, tree, &name) else {
            continue;
        };
        let here = if Some(tree) == shared.trees.folders[i] {
            // The same folder as on the default branch: the ticket is as it is there.
            same()
        } else {
            blob_meta(repo, blob).map(|meta| Found {
                status: meta.status(),
                meta,
                uncommitted: false,
            })
        };
        if here.is_some() {
            return here;
        }
    }
    None
}

/// Fills `dirty` of every place with a worktree, in parallel, within the budget.
fn check_dirty(places: &mut HashMap<String, Vec<(Place, Option<Found>)>>, how: DirtyCheck) {
    let mut with_tree: Vec<&mut Place> = places
        .values_mut()
        .flatten()
        .map(|(p, _)| p)
        .filter(|p| p.worktree.is_some())
        .collect();
    if with_tree.is_empty() {
        return;
    }
    if how == DirtyCheck::Never {
        for p in with_tree {
            p.dirty_reason = Some("not checked (--no-dirty)".into());
        }
        return;
    }
    // Each thread opens its own handle (a libgit2 repository is not shared across threads).
    let opened: Vec<(usize, Result<Repo, String>)> = with_tree
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let path = p.worktree.as_deref().unwrap_or(Path::new("."));
            (i, Repo::open_path(path).map_err(|e| e.to_string()))
        })
        .collect();
    let entries: u64 = opened
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .map(Repo::index_entry_count)
        .sum();
    if how == DirtyCheck::Auto && entries > DIRTY_BUDGET {
        let reason = format!(
            "not checked: the {} worktrees hold {entries} files together (more than {DIRTY_BUDGET}); pass --dirty to check them",
            with_tree.len()
        );
        for p in with_tree {
            p.dirty_reason = Some(reason.clone());
        }
        return;
    }
    let results: Vec<(usize, Result<bool, String>)> = opened
        .into_par_iter()
        .map(|(i, repo)| (i, repo.and_then(|r| is_dirty(&r))))
        .collect();
    for (i, result) in results {
        match result {
            Ok(d) => with_tree[i].dirty = Some(d),
            Err(reason) => with_tree[i].dirty_reason = Some(reason),
        }
    }
}

/// Whether a worktree has uncommitted changes, without a `git` process.
fn is_dirty(repo: &Repo) -> Result<bool, String> {
    if repo.index_needs_git() {
        return Err(
            "not checked: the worktree uses a split or sparse index, which only git reads faithfully; run 'git status' there"
                .into(),
        );
    }
    repo.dirty_paths(&[current::LINK])
        .map(|p| !p.is_empty())
        .map_err(|e| format!("not checked: {}", e.message()))
}

/// A board ticket from its default-branch state and its places.
fn board_ticket(
    id: &str,
    default: Option<(Status, &Meta)>,
    places: Vec<(Place, Option<Found>)>,
    deps: &Deps,
) -> BoardTicket {
    let mut status = default.map(|(s, _)| s);
    let mut meta = default.map(|(_, m)| m.clone());
    for (p, f) in &places {
        // A merged branch (all its commits on the default branch) holds nothing newer than
        // the default branch: its state is history there (a ticket closed, merged and
        // reopened since is not done). Unless its worktree's files give the ticket a status
        // the branch has not committed: that is new, whether or not the dirty check ran (and
        // a worktree dirty with other files still has the committed, merged status).
        let history = default.is_some() && p.merged;
        if let Some(f) = f
            && (!history || f.uncommitted)
            && status.is_none_or(|s| f.status > s)
        {
            status = Some(f.status);
            meta = Some(f.meta.clone());
        }
    }
    let status = status.unwrap_or_default();
    let meta = meta.unwrap_or_default();
    let default_status = default.map(|(s, _)| s);
    let blocked_by: Vec<String> = if status == Status::Todo {
        deps.unsatisfied(id).iter().map(|b| b.describe()).collect()
    } else {
        Vec::new()
    };
    let column = match status {
        Status::Done if default_status == Some(Status::Done) => Column::Done,
        Status::Done => Column::DoneNotMerged,
        Status::Doing => Column::Doing,
        Status::Todo if blocked_by.is_empty() => Column::Ready,
        Status::Todo => Column::Blocked,
    };
    let (priority, description) = match default {
        Some((_, m)) => (m.priority(), m.description.clone()),
        None => (meta.priority(), meta.description.clone()),
    };
    BoardTicket {
        id: id.to_owned(),
        status,
        default_branch_status: default_status,
        priority,
        description,
        meta,
        places: places.into_iter().map(|(p, _)| p).collect(),
        column,
        blocked_by,
    }
}

/// A ticket in progress somewhere other than the checkout asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Elsewhere {
    /// The ticket.
    pub id: String,
    /// Its description there.
    pub description: String,
    /// The branch (full ref name).
    pub refname: String,
    /// Its worktree, when one has the branch checked out.
    pub worktree: Option<PathBuf>,
}

/// The tickets in progress on a branch or in a worktree (what `status` shows on the default
/// branch): every branch named after a ticket — local or remote-tracking — where that ticket
/// is doing (in its worktree's files when it has one). Reads only those tickets.
/// `all` is the repository's worktree list, which the caller has read already.
pub fn in_progress(project: &Project, all: &[WorktreeInfo]) -> Result<Vec<Elsewhere>, Error> {
    let repo = project.repo()?;
    let default = &project.config.git.default_branch;
    let refs = repo.ticket_refs(|b| {
        b != default && (slug_of(b).is_some() || project.store.find_exact(b).is_some())
    });
    // A worktree's files answer for its branch; the other branches are read from git, against
    // the default branch's files of just those tickets.
    let from_files = |r: &TicketRef| -> Option<(&WorktreeInfo, Option<Found>)> {
        let w = r
            .remote
            .is_none()
            .then(|| crate::git::worktree_of_branch(all, &r.branch))
            .flatten()
            .filter(|w| !w.main && !w.missing)?;
        let found = Store::new(&w.path, &project.config)
            .find_exact(&r.branch)
            .and_then(|e| load(&e, false).ok())
            .map(|t| Found {
                status: t.status(),
                meta: t.meta,
                uncommitted: false,
            });
        Some((w, found))
    };
    let mut states: Vec<(Option<&WorktreeInfo>, Option<Found>)> = refs
        .iter()
        .map(|r| match from_files(r) {
            Some((w, found)) => (Some(w), found),
            None => (None, None),
        })
        .collect();
    let unread: Vec<usize> = (0..refs.len()).filter(|&i| states[i].1.is_none()).collect();
    if !unread.is_empty() {
        let loaded: Vec<Ticket> = unread
            .iter()
            .filter_map(|&i| load(&project.store.find_exact(&refs[i].branch)?, false).ok())
            .collect();
        let known: HashMap<&str, &Meta> = loaded.iter().map(|t| (t.id.as_str(), &t.meta)).collect();
        let cached = load_cache(&repo.common_dir().join(CACHE_FILE));
        let shared = Shared::new(project, default_trees(project, repo), &known, &cached);
        let base = Base::new(repo, &shared);
        for i in unread {
            states[i].1 = committed_state(&base, &refs[i]);
        }
        base.save([], false);
    }
    Ok(refs
        .iter()
        .zip(states)
        .filter_map(|(r, (wt, found))| {
            let f = found.filter(|f| f.status == Status::Doing)?;
            Some(Elsewhere {
                id: r.branch.clone(),
                description: f.meta.description,
                refname: r.name.clone(),
                worktree: wt.map(|w| w.path.clone()),
            })
        })
        .collect())
}
