//! The process environment, read once in `main` and passed down: no other module reads
//! environment variables (clippy's `disallowed-methods` enforces it).

use std::io::IsTerminal;
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
    /// The working directory.
    pub cwd: PathBuf,
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
            stdout_tty: std::io::stdout().is_terminal(),
            stderr_tty: std::io::stderr().is_terminal(),
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }

    /// Whether colour may be used on a stream that is (or is not) a terminal.
    pub fn color(&self, tty: bool) -> bool {
        tty && !self.no_color && !self.dumb_term
    }
}
