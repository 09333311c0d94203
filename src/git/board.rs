//! Reads for the board: ticket branches (local and remote-tracking), the ticket folders of a
//! commit as tree object IDs, one entry of a folder, a blob, ahead/behind and merged-ness —
//! all libgit2, never a `git` process, never a checkout. Folders are compared by object ID
//! first, so a branch that does not touch the ticket folders costs one tree comparison.

use std::path::Path;

use std::cell::OnceCell;

use git2::{ObjectType, Oid, Repository, RepositoryOpenFlags};

use super::{OpenError, Repo, message};

/// A git object ID (commit, tree or blob), opaque outside the git layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectId(Oid);

impl ObjectId {
    /// Parses a hex object ID.
    pub fn from_hex(hex: &str) -> Option<ObjectId> {
        Oid::from_str(hex).ok().map(ObjectId)
    }
}

impl std::fmt::Display for ObjectId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A branch named like a ticket: `refs/heads/<name>` or `refs/remotes/<remote>/<name>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketRef {
    /// The full ref name.
    pub name: String,
    /// The branch name without its namespace (a ticket ID).
    pub branch: String,
    /// The remote of a remote-tracking branch; `None` for a local branch.
    pub remote: Option<String>,
    /// The commit it points to.
    pub tip: ObjectId,
}

/// The object IDs of a commit's ticket folders: the tickets folder and each status folder
/// (todo, doing, done); `None` where the commit has no such folder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TicketTrees {
    /// The tickets folder (`tickets.dir`).
    pub root: Option<ObjectId>,
    /// The status folders, in the order asked for.
    pub folders: [Option<ObjectId>; 3],
}

/// Where a branch stands against another: commits only on it, commits only on the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AheadBehind {
    /// Commits on the branch that the other lacks.
    pub ahead: usize,
    /// Commits on the other that the branch lacks.
    pub behind: usize,
}

impl Repo {
    /// Another handle on the repository of git directory `git_dir` (see [`Repo::git_dir`])
    /// and working tree `root`, for another thread: a libgit2 handle is not shared between
    /// threads. It reads objects and refs as the first one does, git's environment
    /// (`GIT_DIR`, `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES`…) included.
    pub fn reopen(git_dir: &Path, root: &Path) -> Result<Repo, OpenError> {
        let flags = RepositoryOpenFlags::FROM_ENV | RepositoryOpenFlags::NO_SEARCH;
        Ok(Repo {
            repo: Repository::open_ext(git_dir, flags, std::iter::empty::<&std::ffi::OsStr>())?,
            root: root.to_owned(),
            timeout: super::DEFAULT_TIMEOUT,
            git: OnceCell::new(),
            foreign_index: OnceCell::new(),
        })
    }

    /// Every branch whose name (after `refs/heads/` or `refs/remotes/<remote>/`) satisfies
    /// `is_ticket`: local ones first, then remote-tracking ones, each in ref-name order.
    /// A remote's `HEAD` is left out.
    pub fn ticket_refs(&self, is_ticket: impl Fn(&str) -> bool) -> Vec<TicketRef> {
        let remotes: Vec<String> = self
            .repo
            .remotes()
            .map(|r| r.iter().flatten().flatten().map(str::to_owned).collect())
            .unwrap_or_default();
        let mut out = Vec::new();
        for glob in ["refs/heads/*", "refs/remotes/*"] {
            let Ok(refs) = self.repo.references_glob(glob) else {
                continue;
            };
            let mut found: Vec<TicketRef> = refs
                .flatten()
                .filter_map(|r| {
                    let name = r.name().ok()?.to_owned();
                    // A branch is a direct ref (read once); only a symbolic one is resolved.
                    let tip = match r.target() {
                        Some(tip) => tip,
                        None => r.resolve().ok()?.target()?,
                    };
                    let (branch, remote) = match name.strip_prefix("refs/heads/") {
                        Some(b) => (b.to_owned(), None),
                        None => {
                            let rest = name.strip_prefix("refs/remotes/")?;
                            // The longest configured remote that prefixes the name (remote
                            // names may hold slashes), else the first component.
                            let remote = remotes
                                .iter()
                                .filter(|r| {
                                    rest.strip_prefix(r.as_str())
                                        .is_some_and(|x| x.starts_with('/'))
                                })
                                .max_by_key(|r| r.len())
                                .cloned()
                                .or_else(|| rest.split_once('/').map(|(r, _)| r.to_owned()))?;
                            (rest[remote.len() + 1..].to_owned(), Some(remote))
                        }
                    };
                    (branch != "HEAD" && is_ticket(&branch)).then_some(TicketRef {
                        name,
                        branch,
                        remote,
                        tip: ObjectId(tip),
                    })
                })
                .collect();
            found.sort_by(|a, b| a.name.cmp(&b.name));
            out.extend(found);
        }
        out
    }

    /// The commit local branch `branch` points to.
    pub fn branch_commit(&self, branch: &str) -> Option<ObjectId> {
        self.branch_tip(branch).map(ObjectId)
    }

    /// The tickets folder `dir` (relative to the root) of `commit` and its status folders
    /// `folders` (relative to `dir`), as object IDs.
    pub fn ticket_trees(&self, commit: ObjectId, dir: &Path, folders: [&Path; 3]) -> TicketTrees {
        let Some(tree) = self
            .repo
            .find_commit(commit.0)
            .ok()
            .and_then(|c| c.tree().ok())
        else {
            return TicketTrees::default();
        };
        let root = match dir.as_os_str().is_empty() {
            true => Some(tree.id()),
            false => tree
                .get_path(dir)
                .ok()
                .filter(|e| e.kind() == Some(ObjectType::Tree))
                .map(|e| e.id()),
        };
        let Some(root) = root else {
            return TicketTrees::default();
        };
        let Ok(root_tree) = self.repo.find_tree(root) else {
            return TicketTrees::default();
        };
        let folders = folders.map(|f| {
            root_tree
                .get_path(f)
                .ok()
                .filter(|e| e.kind() == Some(ObjectType::Tree))
                .map(|e| ObjectId(e.id()))
        });
        TicketTrees {
            root: Some(ObjectId(root)),
            folders,
        }
    }

    /// The blob named `name` in folder `tree` (a regular file, not a link or a folder).
    pub fn tree_entry(&self, tree: ObjectId, name: &str) -> Option<ObjectId> {
        let tree = self.repo.find_tree(tree.0).ok()?;
        let entry = tree.get_name(name)?;
        (entry.kind() == Some(ObjectType::Blob) && entry.filemode() & 0o170000 == 0o100000)
            .then(|| ObjectId(entry.id()))
    }

    /// The regular files of folder `tree`: (name, blob), in git's order.
    pub fn tree_files(&self, tree: ObjectId) -> Vec<(String, ObjectId)> {
        let Ok(tree) = self.repo.find_tree(tree.0) else {
            return Vec::new();
        };
        tree.iter()
            .filter(|e| e.kind() == Some(ObjectType::Blob) && e.filemode() & 0o170000 == 0o100000)
            .filter_map(|e| Some((e.name().ok()?.to_owned(), ObjectId(e.id()))))
            .collect()
    }

    /// The bytes of blob `blob`.
    pub fn blob_bytes(&self, blob: ObjectId) -> Option<Vec<u8>> {
        self.repo
            .find_blob(blob.0)
            .ok()
            .map(|b| b.content().to_vec())
    }

    /// How `commit` stands against `base` (libgit2's ahead/behind count).
    pub fn ahead_behind(&self, commit: ObjectId, base: ObjectId) -> Option<AheadBehind> {
        let (ahead, behind) = self.repo.graph_ahead_behind(commit.0, base.0).ok()?;
        Some(AheadBehind { ahead, behind })
    }

    /// Whether `commit` is only the start of ticket `id` (subject "Start ticket: <id>"): a
    /// branch there has no work of its own to merge.
    pub fn is_start_commit(&self, commit: ObjectId, id: &str) -> bool {
        self.repo
            .find_commit(commit.0)
            .ok()
            .and_then(|c| {
                let summary = c.summary().ok()??;
                Some(message::is(summary, message::Kind::Start, id))
            })
            .unwrap_or(false)
    }

    /// How many entries this working tree's index holds (its header; 0 when there is no
    /// index): the size of a dirty check, known without reading the index.
    pub fn index_entry_count(&self) -> u64 {
        use std::io::Read;
        let mut head = [0u8; 12];
        let read = std::fs::File::open(self.repo.path().join("index"))
            .and_then(|mut f| f.read_exact(&mut head));
        match read {
            Ok(()) if &head[..4] == b"DIRC" => {
                u64::from(u32::from_be_bytes([head[8], head[9], head[10], head[11]]))
            }
            _ => 0,
        }
    }
}
