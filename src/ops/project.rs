//! An opened project: the working-tree root, its `.ticketflow.yaml`, the ticket store, and
//! the repository (opened on first use: commands that only read tickets never need it).

use std::cell::OnceCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::Config;
use crate::env::Env;
use crate::error::Error;
use crate::git::{self, Repo};
use crate::ticket::Store;
use crate::trace::Trace;

/// An opened project.
pub struct Project {
    repo: OnceCell<Repo>,
    /// Root of the current working tree.
    pub root: PathBuf,
    /// The loaded `.ticketflow.yaml`.
    pub config: Config,
    /// The ticket folders.
    pub store: Store,
}

impl Project {
    /// The project around the working directory: the root is found without libgit2 when
    /// the layout is plain (reading tickets needs no repository), else libgit2 opens it now;
    /// then the config is loaded.
    pub fn discover(env: &Env, trace: &mut Trace) -> Result<Project, Error> {
        let repo = OnceCell::new();
        let root = match git::discover::quick_root(&env.git_search) {
            Some(root) => {
                trace.note(|| "repository: found without opening it".into());
                root
            }
            None => {
                let opened = trace.phase("open repository", Repo::discover)?;
                let root = opened.root().to_owned();
                let _ = repo.set(opened);
                root
            }
        };
        let config = trace.phase("load config", || Config::load(&root))?;
        Project::with(repo, root, config)
    }

    /// The project of the working tree at `root` (used to finish an operation that an
    /// earlier process started in another worktree).
    pub fn open_at(root: &Path) -> Result<Project, Error> {
        let repo = Repo::open_path(root)?;
        let config = Config::load(root)?;
        Project::with(repo.into(), root.to_owned(), config)
    }

    fn with(repo: OnceCell<Repo>, root: PathBuf, config: Config) -> Result<Project, Error> {
        config.check_inside(&root)?;
        let store = Store::new(&root, &config);
        let mut project = Project {
            repo,
            root,
            config,
            store,
        };
        if let Some(r) = project.repo.take() {
            let _ = project.repo.set(r.with_timeout(project.git_timeout()));
        }
        Ok(project)
    }

    fn git_timeout(&self) -> Duration {
        match self.config.timeouts.git {
            0 => git::DEFAULT_TIMEOUT,
            s => Duration::from_secs(s.unsigned_abs()),
        }
    }

    /// The repository, opened on first use.
    pub fn repo(&self) -> Result<&Repo, Error> {
        if let Some(repo) = self.repo.get() {
            return Ok(repo);
        }
        let repo = Repo::open_at(&self.root)?.with_timeout(self.git_timeout());
        Ok(self.repo.get_or_init(|| repo))
    }

    /// The repository, with the git executable found (for operations that write).
    pub fn repo_with_git(&self) -> Result<&Repo, Error> {
        let repo = self.repo()?;
        repo.require_git().map_err(Error::GitMissing)?;
        Ok(repo)
    }

    /// `path` relative to the root (unchanged when it is not under it).
    pub fn rel<'p>(&self, path: &'p Path) -> &'p Path {
        rel(&self.root, path)
    }

    /// The worktree folder of ticket `id`: `<main root>/<worktree.base_dir>/<id>`.
    pub fn worktree_path(&self, id: &str) -> Result<PathBuf, Error> {
        let base = Path::new(&self.config.worktree.base_dir);
        Ok(normalize(&self.repo()?.main_root().join(base)).join(id))
    }
}

/// `path` relative to `root` (unchanged when it is not under `root`).
pub fn rel<'p>(root: &Path, path: &'p Path) -> &'p Path {
    path.strip_prefix(root).unwrap_or(path)
}

/// Resolves `..` and `.` lexically (the folder may not exist yet).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}
