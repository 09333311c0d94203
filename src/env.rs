//! The process environment, read once in `main` and passed down: no other module reads
//! environment variables (clippy's `disallowed-methods` enforces it).

use std::path::PathBuf;

/// What the process was given by its environment.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `TICKETFLOW_OUTPUT_FORMAT`, when set.
    pub output_format: Option<String>,
    /// `NO_COLOR` set and non-empty.
    pub no_color: bool,
    /// `TERM=dumb`.
    pub dumb_term: bool,
    /// Standard output is a terminal.
    pub stdout_tty: bool,
    /// Standard error is a terminal.
    pub stderr_tty: bool,
    /// Standard input is a terminal.
    pub stdin_tty: bool,
    /// A CI system is detected (`CI`, `GITHUB_ACTIONS`, …) or
    /// `TICKETFLOW_NON_INTERACTIVE=true`: never prompt.
    pub non_interactive: bool,
    /// `GIT_TICKET_FAILPOINT`: the name of a step at which a mutating command fails on
    /// purpose (for testing recovery); unset in normal use.
    pub failpoint: Option<String>,
    /// `GIT_TICKET_TRACE` set (not `0`): print the strategy and phase times on stderr.
    pub trace: bool,
    /// `EDITOR` (a shell command line), for editing a ticket from the terminal UI.
    pub editor: Option<String>,
    /// `GIT_TICKET_LOCK_TIMEOUT`: seconds to wait for the repository lock (default 10), as
    /// given (a value that is not a number of seconds is refused where it is used).
    pub lock_timeout: Option<String>,
    /// Where to look for the repository without libgit2: the working directory, `GIT_DIR`
    /// and friends, ceilings.
    pub git_search: GitSearch,
}

impl Env {
    /// Reads the real environment.
    #[allow(clippy::disallowed_methods)]
    pub fn from_process() -> Env {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        Env {
            output_format: var("TICKETFLOW_OUTPUT_FORMAT")
                .map(|v| v.to_string_lossy().into_owned()),
            no_color: var("NO_COLOR").is_some(),
            dumb_term: var("TERM").is_some_and(|t| t == "dumb"),
            // Filled in by `ui::detect_terminals`: only the Ui touches the standard streams.
            stdout_tty: false,
            stderr_tty: false,
            stdin_tty: false,
            non_interactive: std::env::var_os("TICKETFLOW_NON_INTERACTIVE")
                .is_some_and(|v| v == "true")
                || [
                    "CI",
                    "CONTINUOUS_INTEGRATION",
                    "GITHUB_ACTIONS",
                    "GITLAB_CI",
                    "CIRCLECI",
                    "JENKINS_URL",
                ]
                .iter()
                .any(|k| var(k).is_some()),
            trace: var("GIT_TICKET_TRACE").is_some_and(|v| v != "0"),
            editor: var("EDITOR").map(|v| v.to_string_lossy().into_owned()),
            lock_timeout: var("GIT_TICKET_LOCK_TIMEOUT").map(|v| v.to_string_lossy().into_owned()),
            failpoint: var("GIT_TICKET_FAILPOINT").map(|v| v.to_string_lossy().into_owned()),
            git_search: GitSearch {
                cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
                explicit: [
                    "GIT_DIR",
                    "GIT_WORK_TREE",
                    "GIT_COMMON_DIR",
                    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
                ]
                .iter()
                .any(|k| std::env::var_os(k).is_some()),
                ceilings: var("GIT_CEILING_DIRECTORIES")
                    .map(|v| {
                        std::env::split_paths(&v)
                            .filter(|p| p.is_absolute())
                            .collect()
                    })
                    .unwrap_or_default(),
                uid: rustix::process::geteuid().as_raw(),
            },
        }
    }

    /// Whether the user can be asked a question (stdin is a terminal and nothing says
    /// otherwise).
    pub fn interactive(&self) -> bool {
        self.stdin_tty && !self.non_interactive
    }

    /// Whether the failure-injection point `step` is armed.
    pub fn fail_at(&self, step: &str) -> bool {
        self.failpoint.as_deref() == Some(step)
    }

    /// Whether colour may be used on a stream that is (or is not) a terminal.
    pub fn color(&self, tty: bool) -> bool {
        tty && !self.no_color && !self.dumb_term
    }
}

/// `TZ` (unset: `None`) and whether `TZDIR` is set: read only where the local time is
/// needed (`Timestamp::now_local`), so commands that never need it do not look.
#[allow(clippy::disallowed_methods)]
pub fn time_zone() -> (Option<std::ffi::OsString>, bool) {
    (std::env::var_os("TZ"), std::env::var_os("TZDIR").is_some())
}

/// What the search for the repository needs from the environment (see `git::discover`).
#[derive(Clone, Debug, Default)]
pub struct GitSearch {
    /// The (physical) working directory.
    pub cwd: PathBuf,
    /// `GIT_DIR`, `GIT_WORK_TREE`, `GIT_COMMON_DIR` or `GIT_DISCOVERY_ACROSS_FILESYSTEM` is
    /// set: libgit2 searches.
    pub explicit: bool,
    /// `GIT_CEILING_DIRECTORIES`, split.
    pub ceilings: Vec<PathBuf>,
    /// The effective user id (a repository owned by another user is libgit2's to judge).
    pub uid: u32,
}
