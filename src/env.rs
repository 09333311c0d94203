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
    /// `GIT_EDITOR`: the editor, before `core.editor` (as git reads it).
    pub git_editor: Option<String>,
    /// `VISUAL`: the editor, after `core.editor`.
    pub visual: Option<String>,
    /// `EDITOR` (a shell command line): the editor, after `VISUAL`.
    pub editor: Option<String>,
    /// `GIT_PAGER` as set (an empty value means no pager).
    pub git_pager: Option<String>,
    /// `PAGER` as set (an empty value means no pager).
    pub pager: Option<String>,
    /// `LESS` is set (else the pager gets `LESS=FRX`, as git gives it).
    pub less_set: bool,
    /// `LV` is set (else the pager gets `LV=-c`, as git gives it).
    pub lv_set: bool,
    /// `GIT_PAGER_IN_USE`: git already pipes our output through a pager (`pager.ticket`,
    /// `git -p`): colour stays on as on a terminal, and no second pager starts.
    pub pager_in_use: bool,
    /// `COLUMNS`, when it is a number: the terminal width to fit.
    pub columns: Option<usize>,
    /// The width of the terminal standard output is (filled in by `ui::detect_terminals`).
    pub stdout_columns: Option<usize>,
    /// `git -c` settings git hands its subcommands (`GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/
    /// `GIT_CONFIG_VALUE_<n>`, then `GIT_CONFIG_PARAMETERS`), in order, keys lower-cased;
    /// libgit2 does not read them. A key without a value (`-c color.ui`) is `None` (true).
    pub config_parameters: Vec<(String, Option<String>)>,
    /// `GIT_TICKET_LOCK_TIMEOUT`: seconds to wait for the repository lock (default 10), as
    /// given (a value that is not a number of seconds is refused where it is used).
    pub lock_timeout: Option<String>,
    /// Where to look for the repository without libgit2: the working directory, `GIT_DIR`
    /// and friends, ceilings.
    pub git_search: GitSearch,
    /// `GIT_TICKET_AGENT`: the name of the agent running this command, recorded in claims.
    pub agent: Option<String>,
    /// `GIT_AUTHOR_NAME` and `GIT_AUTHOR_EMAIL` (they win over `user.name`/`user.email`, as
    /// in git), recorded in claims.
    pub author: (Option<String>, Option<String>),
}

impl Env {
    /// Reads the real environment.
    #[allow(clippy::disallowed_methods)]
    pub fn from_process() -> Env {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        let raw = |k: &str| std::env::var_os(k).map(|v| v.to_string_lossy().into_owned());
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
            git_editor: var("GIT_EDITOR").map(|v| v.to_string_lossy().into_owned()),
            visual: var("VISUAL").map(|v| v.to_string_lossy().into_owned()),
            editor: var("EDITOR").map(|v| v.to_string_lossy().into_owned()),
            lock_timeout: var("GIT_TICKET_LOCK_TIMEOUT").map(|v| v.to_string_lossy().into_owned()),
            failpoint: var("GIT_TICKET_FAILPOINT").map(|v| v.to_string_lossy().into_owned()),
            git_pager: raw("GIT_PAGER"),
            pager: raw("PAGER"),
            less_set: std::env::var_os("LESS").is_some(),
            lv_set: std::env::var_os("LV").is_some(),
            pager_in_use: var("GIT_PAGER_IN_USE").is_some_and(|v| v != "0" && v != "false"),
            columns: raw("COLUMNS")
                .and_then(|c| c.trim().parse().ok())
                .filter(|c| *c > 0),
            stdout_columns: None,
            config_parameters: config_parameters(
                raw("GIT_CONFIG_COUNT").as_deref(),
                |n| {
                    (
                        raw(&format!("GIT_CONFIG_KEY_{n}")),
                        raw(&format!("GIT_CONFIG_VALUE_{n}")),
                    )
                },
                raw("GIT_CONFIG_PARAMETERS").as_deref(),
            ),
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
            agent: var("GIT_TICKET_AGENT").map(|v| v.to_string_lossy().into_owned()),
            author: (
                var("GIT_AUTHOR_NAME").map(|v| v.to_string_lossy().into_owned()),
                var("GIT_AUTHOR_EMAIL").map(|v| v.to_string_lossy().into_owned()),
            ),
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

    /// Whether colour may be used, without a choice from the command line or git config, on
    /// a stream that is (or is not) a terminal: not with `NO_COLOR` or `TERM=dumb`.
    pub fn color(&self, tty: bool) -> bool {
        tty && !self.no_color && !self.dumb_term
    }
}

/// An environment variable git-ticket reads, and what it does: the one list the README and
/// the man pages' ENVIRONMENT section are written from.
#[derive(Clone, Copy, Debug)]
pub struct Variable {
    /// Its name.
    pub name: &'static str,
    /// What it does, one sentence.
    pub meaning: &'static str,
}

/// Every environment variable git-ticket reads (besides git's own repository variables,
/// `GIT_DIR`, `GIT_WORK_TREE`…, which it honours as git does).
pub const VARIABLES: &[Variable] = &[
    Variable {
        name: "TICKETFLOW_OUTPUT_FORMAT",
        meaning: "Output format of porcelain commands (text, json, ndjson) when no -o is given.",
    },
    Variable {
        name: "NO_COLOR",
        meaning: "Set and not empty: no colour unless --color=always or a git config color.ticket/color.ui of always asks for it.",
    },
    Variable {
        name: "TERM",
        meaning: "dumb: no colour unless asked for, as with NO_COLOR.",
    },
    Variable {
        name: "GIT_PAGER",
        meaning: "The pager for long output on a terminal, before pager.ticket, core.pager and PAGER; empty or cat: no pager.",
    },
    Variable {
        name: "PAGER",
        meaning: "The pager when neither GIT_PAGER, pager.ticket nor core.pager name one (default: less).",
    },
    Variable {
        name: "LESS",
        meaning: "Options of less; when unset the pager runs with LESS=FRX (and LV=-c), as git runs it.",
    },
    Variable {
        name: "GIT_PAGER_IN_USE",
        meaning: "Set by git when it pages git-ticket's output itself: colour stays on and no second pager starts.",
    },
    Variable {
        name: "COLUMNS",
        meaning: "The terminal width list fits its rows to (else the terminal's own width).",
    },
    Variable {
        name: "GIT_CONFIG_PARAMETERS",
        meaning: "git -c settings (with GIT_CONFIG_COUNT, GIT_CONFIG_KEY_<n>, GIT_CONFIG_VALUE_<n>): color.ui, color.ticket, pager.ticket and core.pager given on git's command line count.",
    },
    Variable {
        name: "TICKETFLOW_NON_INTERACTIVE",
        meaning: "true: never ask a question (as on CI: CI, GITHUB_ACTIONS, GITLAB_CI… are recognised too).",
    },
    Variable {
        name: "GIT_TICKET_LOCK_TIMEOUT",
        meaning: "Seconds to wait for the repository lock (default 10).",
    },
    Variable {
        name: "GIT_TICKET_TRACE",
        meaning: "Set (not 0): print the strategy and the time of each phase on stderr.",
    },
    Variable {
        name: "GIT_TICKET_FAILPOINT",
        meaning: "For tests: fail or crash at a named step to prove recovery.",
    },
    Variable {
        name: "TZ",
        meaning: "The time zone of the times git-ticket writes.",
    },
];

/// The `git -c` settings from git's environment: `GIT_CONFIG_COUNT` entries (`key_value(n)`
/// gives `GIT_CONFIG_KEY_<n>` and `GIT_CONFIG_VALUE_<n>`), then `GIT_CONFIG_PARAMETERS` (a
/// space-separated list of shell-quoted `'key'='value'`, `'key'` or the older `'key=value'`),
/// in the order git applies them (a later one wins). Keys are lower-cased (section and name
/// are case-insensitive); what cannot be read is skipped.
pub fn config_parameters(
    count: Option<&str>,
    key_value: impl Fn(usize) -> (Option<String>, Option<String>),
    parameters: Option<&str>,
) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let n: usize = count.and_then(|c| c.trim().parse().ok()).unwrap_or(0);
    for i in 0..n.min(1000) {
        if let (Some(k), v) = key_value(i) {
            out.push((k.to_lowercase(), Some(v.unwrap_or_default())));
        }
    }
    let Some(p) = parameters else {
        return out;
    };
    // Shell words: '…' quoted parts, \' between them (git writes ' as '\''), = joins.
    let mut words: Vec<(String, Option<String>)> = Vec::new();
    let (mut cur, mut value, mut in_word) = (String::new(), None::<String>, false);
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                let target = value.as_mut().unwrap_or(&mut cur);
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    target.push(q);
                }
            }
            '\\' => {
                if let Some(e) = chars.next() {
                    value.as_mut().unwrap_or(&mut cur).push(e);
                    in_word = true;
                }
            }
            '=' if in_word && value.is_none() => value = Some(String::new()),
            c if c.is_whitespace() => {
                if in_word {
                    words.push((std::mem::take(&mut cur), value.take()));
                    in_word = false;
                }
            }
            c => {
                value.as_mut().unwrap_or(&mut cur).push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push((cur, value));
    }
    for (key, value) in words {
        // The older form quotes key and value together: 'color.ui=always'.
        let (key, value) = match value {
            Some(v) => (key, Some(v)),
            None => match key.split_once('=') {
                Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
                None => (key, None),
            },
        };
        if !key.is_empty() {
            out.push((key.to_lowercase(), value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_c_settings_are_read_in_git_order() {
        let none = |_| (None, None);
        assert_eq!(
            config_parameters(None, none, Some("'color.ui'='always' 'Pager.Ticket'")),
            vec![
                ("color.ui".to_owned(), Some("always".to_owned())),
                ("pager.ticket".to_owned(), None)
            ]
        );
        // The older form, and a quote inside a value ('\'').
        assert_eq!(
            config_parameters(None, none, Some("'core.pager=less -S' 'x.y'='it'\\''s'")),
            vec![
                ("core.pager".to_owned(), Some("less -S".to_owned())),
                ("x.y".to_owned(), Some("it's".to_owned()))
            ]
        );
        let kv = |n: usize| match n {
            0 => (Some("COLOR.ticket".to_owned()), Some("never".to_owned())),
            _ => (None, None),
        };
        assert_eq!(
            config_parameters(Some("1"), kv, Some("'color.ticket'='always'")),
            vec![
                ("color.ticket".to_owned(), Some("never".to_owned())),
                ("color.ticket".to_owned(), Some("always".to_owned()))
            ]
        );
        assert!(config_parameters(Some("x"), none, Some("")).is_empty());
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
