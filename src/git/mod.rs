//! The git layer: typed verbs over a repository. Reads (HEAD, branches, worktrees, dirty
//! state, merged-ness, files in other commits) go through libgit2, spawning no `git`; writes
//! that land in the user's history or working tree go through the git CLI ([`cli`]) so that
//! hooks, signing and filters apply. This is the only module that opens libgit2 or spells a
//! git argument; the commit subjects git-ticket writes and reads back live in [`message`].
//!
//! The repository is found the way git finds it (`GIT_DIR`, `GIT_WORK_TREE`, `git -C`,
//! linked worktrees); [`discover`] finds a plain layout without opening anything.

pub mod board;
pub mod claim;
pub mod cli;
pub mod discover;
pub mod message;
pub mod settings;

use std::cell::OnceCell;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use git2::{Oid, Repository, RepositoryOpenFlags, StatusOptions};

pub use cli::GitError;
use cli::{Git, Target};

/// Why no repository could be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Not inside a git working tree (libgit2's explanation).
    #[error("{0}")]
    NotRepo(String),
    /// Inside a bare repository: no working tree for ticket files.
    #[error("this is a bare repository; tickets live in a working tree")]
    Bare,
    /// The repository exists but could not be read.
    #[error(transparent)]
    Lib(#[from] git2::Error),
}

/// A libgit2 failure while reading the repository.
pub type ReadError = git2::Error;

/// How a branch is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delete {
    /// Only when it is merged (`git branch -d`): git refuses otherwise.
    Merged,
    /// Whatever it holds (`git branch -D`): its unmerged commits are no longer on a branch.
    Force,
}

/// A working tree of a repository: libgit2 for reads, the git CLI for writes.
pub struct Repo {
    repo: Repository,
    root: PathBuf,
    timeout: Duration,
    git: OnceCell<Git>,
    foreign_index: OnceCell<bool>,
}

/// Default timeout of one git command (`timeouts.git: 0`).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

impl Repo {
    /// Opens the repository around the working directory, honouring `GIT_DIR`,
    /// `GIT_WORK_TREE` and `GIT_CEILING_DIRECTORIES` as git does.
    pub fn discover() -> Result<Repo, OpenError> {
        let repo =
            Repository::open_from_env().map_err(|e| OpenError::NotRepo(e.message().into()))?;
        Repo::wrap(repo)
    }

    /// Opens the working tree whose root is `root` (git's environment variables still
    /// honoured, without searching upwards again).
    pub fn open_at(root: &Path) -> Result<Repo, OpenError> {
        let repo = Repository::open_ext(
            root,
            RepositoryOpenFlags::FROM_ENV,
            std::iter::empty::<&OsStr>(),
        )?;
        Repo::wrap(repo)
    }

    /// Opens the working tree at `path` as it is, ignoring git's environment variables (a
    /// ticket worktree, or the working tree an interrupted operation ran in).
    pub fn open_path(path: &Path) -> Result<Repo, OpenError> {
        let mut repo = Repo::wrap(Repository::open(path)?)?;
        // The root as the caller names it (libgit2 resolves symbolic links): paths inside the
        // tree are made relative to it.
        repo.root = path.components().collect();
        Ok(repo)
    }

    /// Opens another working tree of this repository (a ticket worktree) by its path, with
    /// this one's git settings.
    pub fn open_worktree(&self, path: &Path) -> Result<Repo, OpenError> {
        let repo = Repo::open_path(path)?.with_timeout(self.timeout);
        if let Some(git) = self.git.get() {
            let _ = repo.git.set(git.clone());
        }
        Ok(repo)
    }

    fn wrap(repo: Repository) -> Result<Repo, OpenError> {
        // As git: an object read is not hashed again to check its name (libgit2 does by
        // default; reading a branch's ticket folders spent a third of its time there).
        // `fsck` and git's own transfer checks are what verify objects.
        git2::opts::strict_hash_verification(false);
        let root: PathBuf = repo
            .workdir()
            .ok_or(OpenError::Bare)?
            .components()
            .collect();
        Ok(Repo {
            repo,
            root,
            timeout: DEFAULT_TIMEOUT,
            git: OnceCell::new(),
            foreign_index: OnceCell::new(),
        })
    }

    /// The same repository with `timeout` for each git command (`timeouts.git`).
    pub fn with_timeout(mut self, timeout: Duration) -> Repo {
        self.timeout = timeout;
        self
    }

    /// The root of this working tree.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The index lock of this working tree (`git` holds it while it writes the index).
    pub fn index_lock(&self) -> PathBuf {
        self.repo.path().join("index.lock")
    }

    /// The git directory of this working tree (`.git`, or `.git/worktrees/<name>` of a
    /// linked worktree).
    pub fn git_dir(&self) -> &Path {
        self.repo.path()
    }

    /// The common git directory (shared by all worktrees: lock, journal, trust).
    pub fn common_dir(&self) -> &Path {
        self.repo.commondir()
    }

    /// Checks that the git executable can be found (writes need it; reads do not).
    pub fn require_git(&self) -> Result<(), GitError> {
        self.git().map(drop)
    }

    fn git(&self) -> Result<&Git, GitError> {
        if let Some(git) = self.git.get() {
            return Ok(git);
        }
        let git = Git::locate(self.timeout)?;
        Ok(self.git.get_or_init(|| git))
    }

    fn target(&self) -> Target<'_> {
        Target {
            git_dir: self.repo.path(),
            work_tree: &self.root,
        }
    }

    fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<String, GitError> {
        self.git()?.run(self.target(), args)
    }

    // ---- reads (libgit2) ----

    /// The branch checked out in this working tree (also on an unborn branch); `None` when
    /// HEAD is detached.
    pub fn current_branch(&self) -> Option<String> {
        let head = self.repo.find_reference("HEAD").ok()?;
        let target = head.symbolic_target().ok()??;
        target.strip_prefix("refs/heads/").map(str::to_owned)
    }

    /// Whether HEAD points to a commit (false in a repository without commits).
    pub fn has_commits(&self) -> bool {
        self.head().is_some()
    }

    /// The commit HEAD points to.
    pub fn head(&self) -> Option<String> {
        self.head_oid().map(|o| o.to_string())
    }

    fn head_oid(&self) -> Option<Oid> {
        self.repo.head().ok().and_then(|h| h.target())
    }

    /// The subject of the commit HEAD points to.
    pub fn head_summary(&self) -> Option<String> {
        let commit = self.repo.find_commit(self.head_oid()?).ok()?;
        commit.summary().ok().flatten().map(str::to_owned)
    }

    fn branch_tip(&self, branch: &str) -> Option<Oid> {
        self.repo
            .find_reference(&format!("refs/heads/{branch}"))
            .ok()?
            .resolve()
            .ok()?
            .target()
    }

    /// The commit `rev` names (a branch, tag, remote-tracking branch or commit id), in hex.
    pub fn resolve_commit(&self, rev: &str) -> Option<String> {
        if rev.starts_with('-') {
            return None;
        }
        let object = self.repo.revparse_single(rev).ok()?;
        object.peel_to_commit().ok().map(|c| c.id().to_string())
    }

    /// The commit local branch `branch` points to (hex).
    pub fn branch_head(&self, branch: &str) -> Option<String> {
        self.branch_tip(branch).map(|o| o.to_string())
    }

    /// Whether local branch `branch` exists.
    pub fn branch_exists(&self, branch: &str) -> bool {
        self.branch_tip(branch).is_some()
    }

    /// The names of all local branches.
    pub fn local_branches(&self) -> Result<Vec<String>, ReadError> {
        Ok(self
            .repo
            .branches(Some(git2::BranchType::Local))?
            .filter_map(|b| b.ok()?.0.name().ok()?.map(str::to_owned))
            .collect())
    }

    /// Whether the tip of `branch` holds any of `paths` (relative to the root).
    pub fn branch_has_file(&self, branch: &str, paths: &[PathBuf]) -> bool {
        self.branch_tip(branch)
            .is_some_and(|oid| self.commit_has_any(oid, paths))
    }

    /// Whether commit `sha` holds `path` (relative to the root).
    pub fn commit_has_file(&self, sha: &str, path: &Path) -> bool {
        Oid::from_str(sha).is_ok_and(|oid| self.commit_has_any(oid, &[path.to_owned()]))
    }

    fn commit_has_any(&self, oid: Oid, paths: &[PathBuf]) -> bool {
        let Some(tree) = self.repo.find_commit(oid).ok().and_then(|c| c.tree().ok()) else {
            return false;
        };
        paths.iter().any(|p| tree.get_path(p).is_ok())
    }

    /// Whether git knows `path` (relative to the root) for a `git commit --only` of it: in
    /// HEAD's tree, else in the index. HEAD is asked first: a path lookup in its tree opens a
    /// few small trees, where reading the index of a large repository costs tens of
    /// milliseconds (libgit2 hashes the whole file and checks every entry's path).
    pub fn is_known(&self, path: &Path) -> bool {
        let in_head = self
            .repo
            .head()
            .ok()
            .and_then(|h| h.peel_to_tree().ok())
            .is_some_and(|t| t.get_path(path).is_ok());
        in_head || self.index_has(path)
    }

    /// Whether the index has an entry for `path` (relative to the root).
    pub fn index_has(&self, path: &Path) -> bool {
        if self.index_needs_git() {
            return self
                .run(&["ls-files".as_ref(), "--".as_ref(), path.as_os_str()])
                .is_ok_and(|out| !out.trim().is_empty());
        }
        self.repo
            .index()
            .is_ok_and(|i| i.get_path(path, 0).is_some())
    }

    /// Whether the index uses features libgit2 cannot read or write faithfully — a split
    /// index (`core.splitIndex`, a `sharedindex.*` file) or a sparse index (`index.sparse`):
    /// then the index is read and changed through git itself. (Index version 4 and
    /// `feature.manyFiles` are read correctly by libgit2.)
    pub fn index_needs_git(&self) -> bool {
        *self.foreign_index.get_or_init(|| {
            let flag = |key: &str| {
                self.repo
                    .config()
                    .and_then(|c| c.get_bool(key))
                    .unwrap_or(false)
            };
            let shared = std::fs::read_dir(self.repo.path()).is_ok_and(|d| {
                d.flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with("sharedindex."))
            });
            flag("core.splitIndex") || flag("index.sparse") || shared
        })
    }

    /// The root of the main working tree (where relative `worktree.base_dir` is resolved).
    pub fn main_root(&self) -> PathBuf {
        let common: PathBuf = self.repo.commondir().components().collect();
        match common.parent() {
            Some(p) if common.file_name().is_some_and(|n| n == ".git") => p.to_owned(),
            _ => common,
        }
    }

    /// The folder of the git hooks (`core.hooksPath`, else `<common dir>/hooks`).
    pub fn hooks_dir(&self) -> Result<PathBuf, ReadError> {
        Ok(match self.repo.config()?.get_path("core.hooksPath") {
            Ok(p) if p.is_absolute() => p,
            Ok(p) => self.root.join(p),
            Err(_) => self.repo.commondir().join("hooks"),
        })
    }

    /// The value of git config `key` (all levels), when set.
    pub fn config_string(&self, key: &str) -> Option<String> {
        self.repo.config().ok()?.get_string(key).ok()
    }

    /// Sets `key` in this repository's own config file.
    pub fn set_local_config(&self, key: &str, value: &str) -> Result<(), ReadError> {
        self.repo
            .config()?
            .open_level(git2::ConfigLevel::Local)?
            .set_str(key, value)
    }

    /// Removes section `section` (`merge.ticket`) from this repository's own config file,
    /// header and all (libgit2 would leave an empty header); whether it had a key there.
    pub fn remove_local_config_section(&self, section: &str) -> Result<bool, GitError> {
        let has_keys = self
            .repo
            .config()
            .and_then(|c| c.open_level(git2::ConfigLevel::Local))
            .and_then(|local| {
                let glob = format!("{}\\..*", section.replace('.', "\\."));
                Ok(local.entries(Some(&glob))?.next().is_some())
            })
            .unwrap_or(true);
        if !has_keys {
            return Ok(false);
        }
        self.run(&["config", "--local", "--remove-section", section])?;
        Ok(true)
    }

    /// Every working tree: the main one first, then the linked ones in name order. Reads the
    /// administrative files directly: no repository is opened per worktree.
    pub fn worktrees(&self) -> Vec<WorktreeInfo> {
        let repo = &self.repo;
        let common = repo.commondir();
        let mut out = Vec::new();
        if !repo.is_bare() || repo.is_worktree() {
            let path = self.main_root();
            let (branch, head) = read_head(common).unwrap_or((None, Head::Missing));
            out.push(WorktreeInfo {
                missing: !path.is_dir(),
                path,
                branch,
                head,
                main: true,
                locked: None,
            });
        }
        // The administrative folders under `worktrees/` (read here rather than listed by
        // libgit2, which checks the same three files first and then leaves them to us).
        let mut names: Vec<std::ffi::OsString> = std::fs::read_dir(common.join("worktrees"))
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        names.sort();
        for name in names {
            let admin = common.join("worktrees").join(&name);
            // What makes a folder a worktree's, as for libgit2: commondir, gitdir and HEAD.
            let Ok(gitdir) = std::fs::read_to_string(admin.join("gitdir")) else {
                continue;
            };
            let Some((branch, head)) = read_head(&admin) else {
                continue;
            };
            if !admin.join("commondir").is_file() {
                continue;
            }
            let path = Path::new(gitdir.trim())
                .parent()
                .map(|p| p.components().collect::<PathBuf>())
                .unwrap_or_default();
            let locked = std::fs::read_to_string(admin.join("locked"))
                .ok()
                .map(|r| r.trim().to_owned());
            out.push(WorktreeInfo {
                missing: !path.is_dir(),
                path,
                branch,
                head,
                main: false,
                locked,
            });
        }
        out
    }

    /// Paths with uncommitted changes (staged, unstaged or untracked, not ignored) in this
    /// working tree, except those in `except` (relative paths).
    pub fn dirty_paths(&self, except: &[&str]) -> Result<Vec<String>, ReadError> {
        if self.index_needs_git() {
            let out = self
                .run(&["status", "--porcelain=v1", "-z", "--untracked-files=normal"])
                .map_err(|e| git2::Error::from_str(&e.to_string()))?;
            // Records `XY path` (renames add a second, NUL-separated path: the source).
            let mut paths = Vec::new();
            let mut records = out.split('\0');
            while let Some(rec) = records.next() {
                if rec.len() < 4 {
                    continue;
                }
                if rec.starts_with('R') || rec.starts_with('C') {
                    records.next();
                }
                let path = rec[3..].trim_end_matches('/').to_owned();
                if !except.contains(&path.as_str()) {
                    paths.push(path);
                }
            }
            return Ok(paths);
        }
        let mut opts = StatusOptions::new();
        opts.include_untracked(true)
            .recurse_untracked_dirs(false)
            .include_ignored(false)
            .exclude_submodules(false);
        let statuses = self.repo.statuses(Some(&mut opts))?;
        Ok(statuses
            .iter()
            .filter_map(|s| s.path().ok().map(str::to_owned))
            .filter(|p| !except.contains(&p.as_str()))
            .collect())
    }

    /// Paths under `prefix` (relative) that the index has added or changed against HEAD
    /// although the working tree no longer has them: what a killed commit leaves staged.
    pub fn staged_but_missing(&self, prefix: &Path) -> Vec<String> {
        let staged: Vec<String> = if self.index_needs_git() {
            self.run(&[
                "diff".as_ref(),
                "--cached".as_ref(),
                "--name-only".as_ref(),
                "--diff-filter=AM".as_ref(),
                "--".as_ref(),
                prefix.as_os_str(),
            ])
            .map(|o| o.lines().map(str::to_owned).collect())
            .unwrap_or_default()
        } else {
            let head = self.repo.head().ok().and_then(|h| h.peel_to_tree().ok());
            let mut opts = git2::DiffOptions::new();
            opts.pathspec(prefix);
            self.repo
                .diff_tree_to_index(head.as_ref(), None, Some(&mut opts))
                .map(|d| {
                    d.deltas()
                        .filter(|d| {
                            matches!(d.status(), git2::Delta::Added | git2::Delta::Modified)
                        })
                        .filter_map(|d| d.new_file().path().map(|p| p.display().to_string()))
                        .collect()
                })
                .unwrap_or_default()
        };
        staged
            .into_iter()
            .filter(|p| !self.root.join(p).exists())
            .collect()
    }

    /// Lock files a git command leaves while it writes (and a killed one leaves for good): the
    /// index locks of every working tree and the locks of branch refs, with their age.
    pub fn lock_files(&self) -> Vec<(PathBuf, std::time::Duration)> {
        let mut found = Vec::new();
        let age = |p: &Path| {
            std::fs::metadata(p)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .unwrap_or_default()
        };
        let common = self.repo.commondir();
        let mut dirs = vec![common.to_owned()];
        if let Ok(read) = std::fs::read_dir(common.join("worktrees")) {
            dirs.extend(read.flatten().map(|e| e.path()));
        }
        for d in dirs {
            let lock = d.join("index.lock");
            if lock.exists() {
                found.push((age(&lock), lock));
            }
        }
        let mut stack = vec![common.join("refs/heads")];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "lock") {
                    found.push((age(&p), p));
                }
            }
        }
        found.into_iter().map(|(a, p)| (p, a)).collect()
    }

    /// The ignored files and folders of this working tree (folders as `dir/`, not walked).
    pub fn ignored_paths(&self) -> Result<Vec<String>, ReadError> {
        if self.index_needs_git() {
            let out = self
                .run(&["status", "--porcelain=v1", "-z", "--ignored=traditional"])
                .map_err(|e| git2::Error::from_str(&e.to_string()))?;
            return Ok(out
                .split('\0')
                .filter_map(|r| r.strip_prefix("!! "))
                .map(str::to_owned)
                .collect());
        }
        self.ignored_by_libgit2(false)
    }

    /// The ignored paths libgit2 reports, folders not walked; `in_untracked`: also inside
    /// untracked folders.
    fn ignored_by_libgit2(&self, in_untracked: bool) -> Result<Vec<String>, ReadError> {
        let mut opts = StatusOptions::new();
        opts.include_untracked(in_untracked)
            .recurse_untracked_dirs(in_untracked)
            .include_ignored(true)
            .recurse_ignored_dirs(false)
            .exclude_submodules(true);
        let statuses = self.repo.statuses(Some(&mut opts))?;
        Ok(statuses
            .iter()
            .filter(|s| s.status().is_ignored())
            .filter_map(|s| s.path().ok().map(str::to_owned))
            .collect())
    }

    /// The ignored files of this working tree, also those inside untracked folders; a
    /// wholly ignored folder as `dir/`, not walked (what `git ls-files --others --ignored
    /// --exclude-standard --directory` lists).
    pub fn ignored_files(&self) -> Result<Vec<String>, ReadError> {
        if self.index_needs_git() {
            let out = self
                .run(&[
                    "ls-files",
                    "-z",
                    "--others",
                    "--ignored",
                    "--exclude-standard",
                    "--directory",
                ])
                .map_err(|e| git2::Error::from_str(&e.to_string()))?;
            return Ok(out
                .split('\0')
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect());
        }
        self.ignored_by_libgit2(true)
    }

    /// Whether every commit of `branch` is in `into` (its tip is reachable from `into`).
    pub fn contained_in(&self, branch: &str, into: &str) -> bool {
        let (Some(tip), Some(base)) = (self.branch_tip(branch), self.branch_tip(into)) else {
            return false;
        };
        tip == base || self.repo.graph_descendant_of(base, tip).unwrap_or(false)
    }

    /// Whether `branch` has been merged into `into`: contained in it, and with work of its
    /// own (a branch still at its "Start ticket" commit has nothing to merge and does not
    /// count — TicketFlow's W24).
    pub fn is_merged(&self, branch: &str, into: &str) -> bool {
        let Some(tip) = self.branch_tip(branch) else {
            return false;
        };
        let only_start = self
            .repo
            .find_commit(tip)
            .ok()
            .and_then(|c| {
                let summary = c.summary().ok()??;
                Some(message::is(summary, message::Kind::Start, branch))
            })
            .unwrap_or(false);
        self.contained_in(branch, into) && !only_start
    }

    /// The newest commit that started ticket `id` (subject [`message::start`]): searched in
    /// the history of branch `id`, then in HEAD's, at most [`START_SEARCH_LIMIT`] commits
    /// each. Who started a ticket, and when, for the error of a second start.
    pub fn start_commit(&self, id: &str) -> Option<CommitStamp> {
        [self.branch_tip(id), self.head_oid()]
            .into_iter()
            .flatten()
            .find_map(|tip| self.find_in_history(tip, |s| message::is(s, message::Kind::Start, id)))
    }

    fn find_in_history(&self, tip: Oid, wanted: impl Fn(&str) -> bool) -> Option<CommitStamp> {
        let mut walk = self.repo.revwalk().ok()?;
        walk.push(tip).ok()?;
        walk.take(START_SEARCH_LIMIT).flatten().find_map(|oid| {
            let commit = self.repo.find_commit(oid).ok()?;
            if !wanted(commit.summary().ok()??) {
                return None;
            }
            let author = commit.author();
            Some(CommitStamp {
                id: oid.to_string(),
                name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
                email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
                time: author.when().seconds(),
                offset_minutes: author.when().offset_minutes(),
            })
        })
    }

    // ---- writes (git CLI) ----

    /// Makes `path` (relative) known to the index so that `git commit --only` accepts it,
    /// with `git add` (the user's filters apply). Not through libgit2: a process killed while
    /// libgit2 writes the index leaves `index.lock` behind for good, where a `git` child —
    /// which keeps the repository lock held until it ends — finishes its write.
    pub fn stage(&self, path: &Path) -> Result<(), GitError> {
        self.run(&["add".as_ref(), "--".as_ref(), path.as_os_str()])
            .map(drop)
    }

    /// Commits exactly `paths` (relative) as they are in the working tree, with `message`
    /// (`git commit --only`: whatever else is staged stays staged and out of the commit;
    /// hooks and signing apply).
    pub fn commit_only(&self, paths: &[&Path], message: &str) -> Result<(), GitError> {
        let mut args: Vec<&OsStr> = vec![
            "commit".as_ref(),
            "-q".as_ref(),
            "--only".as_ref(),
            "-m".as_ref(),
            message.as_ref(),
            "--".as_ref(),
        ];
        args.extend(paths.iter().map(|p| p.as_os_str()));
        self.run(&args).map(drop)
    }

    /// Resets the index entries of `paths` (relative) to HEAD.
    pub fn reset_paths(&self, paths: &[&Path]) -> Result<(), GitError> {
        let mut args: Vec<&OsStr> = vec!["reset".as_ref(), "-q".as_ref(), "--".as_ref()];
        args.extend(paths.iter().map(|p| p.as_os_str()));
        self.run(&args).map(drop)
    }

    /// Adds a worktree at `path` for `branch`: the existing branch, or a new one made from
    /// `new_from` when the branch does not exist.
    pub fn worktree_add(&self, path: &Path, branch: &str, new_from: &str) -> Result<(), GitError> {
        let p = path.as_os_str();
        if self.branch_exists(branch) {
            self.run(&["worktree".as_ref(), "add".as_ref(), p, branch.as_ref()])
        } else {
            self.run(&[
                "worktree".as_ref(),
                "add".as_ref(),
                "-b".as_ref(),
                branch.as_ref(),
                p,
                new_from.as_ref(),
            ])
        }
        .map(drop)
    }

    /// Removes the worktree at `path`; `force` discards its uncommitted changes.
    pub fn worktree_remove(&self, path: &Path, force: bool) -> Result<(), GitError> {
        let mut args: Vec<&OsStr> = vec!["worktree".as_ref(), "remove".as_ref()];
        if force {
            args.push("--force".as_ref());
        }
        args.push(path.as_os_str());
        self.run(&args).map(drop)
    }

    /// Removes a worktree that `git worktree add` left half made (locked "initializing": its
    /// files are only what the checkout wrote so far).
    pub fn worktree_remove_unfinished(&self, path: &Path) -> Result<(), GitError> {
        let _ = self.run(&["worktree".as_ref(), "unlock".as_ref(), path.as_os_str()]);
        self.run(&[
            "worktree".as_ref(),
            "remove".as_ref(),
            "--force".as_ref(),
            path.as_os_str(),
        ])
        .map(drop)
    }

    /// Forgets worktrees whose folder is gone.
    pub fn worktree_prune(&self) -> Result<(), GitError> {
        self.run(&["worktree", "prune"]).map(drop)
    }

    /// Deletes local branch `branch`.
    pub fn branch_delete(&self, branch: &str, how: Delete) -> Result<(), GitError> {
        let flag = match how {
            Delete::Merged => "-d",
            Delete::Force => "-D",
        };
        self.run(&["branch", "-q", flag, branch]).map(drop)
    }

    /// Switches this working tree to the existing branch `branch`.
    pub fn checkout(&self, branch: &str) -> Result<(), GitError> {
        self.run(&["checkout", "-q", branch]).map(drop)
    }

    /// Creates branch `branch` from `from` and switches this working tree to it.
    pub fn checkout_new(&self, branch: &str, from: &str) -> Result<(), GitError> {
        self.run(&["checkout", "-q", "-b", branch, from]).map(drop)
    }

    /// Adds the trailer `trailer` to the commit message file `file`, unless it is there.
    pub fn add_trailer(&self, file: &Path, trailer: &str) -> Result<(), GitError> {
        self.run(&[
            "interpret-trailers".as_ref(),
            "--in-place".as_ref(),
            "--if-exists".as_ref(),
            "addIfDifferent".as_ref(),
            "--trailer".as_ref(),
            trailer.as_ref(),
            file.as_os_str(),
        ])
        .map(drop)
    }
}

/// Why `git merge-file` gave no result.
#[derive(Debug)]
pub enum MergeFileError {
    /// There is no git executable.
    GitMissing(GitError),
    /// It failed.
    Failed(GitError),
}

/// The conflict labels of a three-way merge (what follows `<<<<<<<`, `|||||||` and
/// `>>>>>>>`) and the length of the markers.
#[derive(Clone, Copy, Debug)]
pub struct MergeLabels<'a> {
    /// Our side (`%X` of a merge driver).
    pub ours: &'a str,
    /// The common ancestor (`%S`).
    pub base: &'a str,
    /// Their side (`%Y`).
    pub theirs: &'a str,
    /// Marker length (`%L`).
    pub marker_size: usize,
}

/// Three-way merge of the files `ours`, `base` and `theirs` in `dir` with `git merge-file`
/// and the conflict labels `labels`, needing no repository: the merged text and whether it
/// has conflicts.
pub fn merge_file(
    dir: &Path,
    labels: &MergeLabels<'_>,
    timeout: Duration,
) -> Result<(String, bool), MergeFileError> {
    let git = Git::locate(timeout).map_err(MergeFileError::GitMissing)?;
    let size = format!("--marker-size={}", labels.marker_size);
    let args = [
        "merge-file",
        "-p",
        &size,
        "-L",
        labels.ours,
        "-L",
        labels.base,
        "-L",
        labels.theirs,
        "ours",
        "base",
        "theirs",
    ];
    match git.run_plain(dir, &args).map_err(MergeFileError::Failed)? {
        (code, out) if (0..128).contains(&code) => Ok((out, code > 0)),
        _ => Err(MergeFileError::Failed(GitError {
            command: "merge-file".into(),
            reason: "failed".into(),
        })),
    }
}

/// Whether `name` can be a branch (git's `check-ref-format --branch` rules; never an option
/// look-alike such as `-f` or `--orphan`).
pub fn is_valid_branch_name(name: &str) -> bool {
    !name.starts_with('-') && git2::Branch::name_is_valid(name).unwrap_or(false)
}

/// The id git gives `bytes` as a blob (`git hash-object`).
pub fn blob_id(bytes: &[u8]) -> String {
    Oid::hash_object(git2::ObjectType::Blob, bytes)
        .map(|o| o.to_string())
        .unwrap_or_default()
}

/// How many commits [`Repo::start_commit`] reads at most in one history.
pub const START_SEARCH_LIMIT: usize = 10_000;

/// A commit's id and author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommitStamp {
    /// The commit (hex).
    pub id: String,
    /// Its author's name.
    pub name: String,
    /// Its author's email.
    pub email: String,
    /// Its author time, seconds since the Unix epoch.
    pub time: i64,
    /// The author's UTC offset, in minutes.
    pub offset_minutes: i32,
}

/// One working tree of the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorktreeInfo {
    /// Absolute path of the working tree.
    pub path: PathBuf,
    /// Checked-out branch (`None` when detached).
    pub branch: Option<String>,
    /// What its HEAD names (resolved to a commit by [`Repo::head_commit`] only where needed:
    /// most readers want the branch alone).
    pub head: Head,
    /// Whether this is the main working tree.
    pub main: bool,
    /// Whether the folder is gone (git would prune it).
    pub missing: bool,
    /// Why it is locked (`git worktree lock`; "initializing" while `git worktree add` runs),
    /// when it is.
    pub locked: Option<String>,
}

/// What a working tree's HEAD file says, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Head {
    /// A symbolic ref (`ref: refs/heads/<branch>`): the full ref name.
    Ref(String),
    /// A detached commit ID (hex).
    Detached(String),
    /// No HEAD file, or one that names nothing.
    Missing,
}

impl Repo {
    /// The commit (hex) `head` points to, when there is one (an unborn branch has none).
    pub fn head_commit(&self, head: &Head) -> Option<String> {
        match head {
            Head::Ref(r) => self.repo.refname_to_id(r).ok().map(|o| o.to_string()),
            Head::Detached(hex) => Some(hex.clone()),
            Head::Missing => None,
        }
    }
}

/// Reads `<admin>/HEAD` (`None` when there is no such file): the branch it has checked out,
/// and what it names.
fn read_head(admin: &Path) -> Option<(Option<String>, Head)> {
    let text = std::fs::read_to_string(admin.join("HEAD")).ok()?;
    let text = text.trim();
    Some(match text.strip_prefix("ref: ") {
        Some(r) => {
            let branch = r.strip_prefix("refs/heads/").map(str::to_owned);
            (branch, Head::Ref(r.to_owned()))
        }
        None => match Oid::from_str(text) {
            Ok(o) => (None, Head::Detached(o.to_string())),
            Err(_) => (None, Head::Missing),
        },
    })
}

/// The working tree that has `branch` checked out.
pub fn worktree_of_branch<'a>(all: &'a [WorktreeInfo], branch: &str) -> Option<&'a WorktreeInfo> {
    all.iter().find(|w| w.branch.as_deref() == Some(branch))
}
