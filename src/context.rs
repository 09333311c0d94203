//! The context a command runs in: the environment, the requested output format, the project
//! (repository + config + store, opened on first use) and the warnings met on the way.

use std::path::PathBuf;

use crate::config::Config;
use crate::env::Env;
use crate::error::Error;
use crate::output::Format;
use crate::ticket::Store;

/// An opened project: working-tree root, configuration, ticket store, and the repository
/// (opened on first use: commands that only read tickets never need it).
pub struct Project {
    repo: std::cell::OnceCell<git2::Repository>,
    /// Root of the current working tree.
    pub root: PathBuf,
    /// The loaded `.ticketflow.yaml`.
    pub config: Config,
    /// The ticket folders.
    pub store: Store,
}

impl Project {
    /// The project of the working tree at `root` (used to finish an operation that an
    /// earlier process started in another worktree).
    pub fn open_at(root: &std::path::Path) -> Result<Project, Error> {
        let repo = git2::Repository::open(root)?;
        let config = Config::load(root)?;
        config.check_inside(root)?;
        let store = Store::new(root, &config);
        Ok(Project {
            repo: repo.into(),
            root: root.to_owned(),
            config,
            store,
        })
    }

    /// The repository (libgit2), opened on first use.
    pub fn repo(&self) -> Result<&git2::Repository, Error> {
        if let Some(repo) = self.repo.get() {
            return Ok(repo);
        }
        // From the root found already (one step, not the whole search again), with git's
        // environment variables honoured as `git::open` does.
        let repo = git2::Repository::open_ext(
            &self.root,
            git2::RepositoryOpenFlags::FROM_ENV,
            std::iter::empty::<&std::ffi::OsStr>(),
        )?;
        Ok(self.repo.get_or_init(|| repo))
    }
}

/// Per-invocation state handed to every command.
pub struct Ctx<'e> {
    /// The process environment.
    pub env: &'e Env,
    /// `--format` from the command line.
    pub format_flag: Option<Format>,
    project: Option<Project>,
    /// Non-fatal problems to report on stderr (and in JSON where the command allows).
    pub warnings: Vec<String>,
    /// Problems that made the result incomplete (reported on stderr before the warnings).
    pub errors: Vec<String>,
    /// `GIT_TICKET_TRACE` timings.
    pub trace: crate::exec::Trace,
}

impl<'e> Ctx<'e> {
    /// A context with nothing opened yet.
    pub fn new(env: &'e Env, format_flag: Option<Format>) -> Self {
        Ctx {
            env,
            format_flag,
            project: None,
            warnings: Vec::new(),
            errors: Vec::new(),
            trace: crate::exec::Trace::new(env.trace),
        }
    }

    /// The repository and working-tree root, without requiring a config (for `init`).
    pub fn repo(&self) -> Result<(git2::Repository, PathBuf), Error> {
        crate::git::open()
    }

    /// The project, opened on first use: repository, then config.
    pub fn project(&mut self) -> Result<&Project, Error> {
        if self.project.is_none() {
            // The root is found without libgit2 when the layout is plain (reading tickets
            // needs no repository); otherwise libgit2 opens it now.
            let quick = crate::git::discover::quick_root(&self.env.git_search);
            let repo = std::cell::OnceCell::new();
            let root = match quick {
                Some(root) => {
                    self.trace
                        .note(|| "repository: found without opening it".into());
                    root
                }
                None => {
                    let (opened, root) = self.trace.phase("open repository", crate::git::open)?;
                    let _ = repo.set(opened);
                    root
                }
            };
            let config = self.trace.phase("load config", || Config::load(&root))?;
            config.check_inside(&root)?;
            let store = Store::new(&root, &config);
            self.project = Some(Project {
                repo,
                root,
                config,
                store,
            });
        }
        Ok(self.project.as_ref().expect("project was just opened"))
    }

    /// The project and the trace, borrowed together.
    pub fn project_and_trace(&mut self) -> Result<(&Project, &mut crate::exec::Trace), Error> {
        self.project()?;
        let project = self.project.as_ref().expect("project was just opened");
        Ok((project, &mut self.trace))
    }

    /// The effective output format: `--format`, else `TICKETFLOW_OUTPUT_FORMAT`, else the
    /// config's `output.default_format` (if the project is open), else text.
    pub fn format(&self) -> Format {
        self.format_flag
            .or_else(|| self.env.output_format.as_deref().and_then(Format::parse))
            .or_else(|| {
                let p = self.project.as_ref()?;
                Format::parse(&p.config.output.default_format)
            })
            .unwrap_or(Format::Text)
    }
}
