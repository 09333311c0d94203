//! `.ticketflow.yaml`: schema, defaults, loading and validation.
//!
//! Unlike TicketFlow, missing keys take their defaults (an old or hand-written config keeps
//! working), and an invalid config says which file, line and key is wrong.

use std::path::{Path, PathBuf};

use serde::Deserialize;

mod fast;

/// The configuration file's name, at the project root.
pub const FILE_NAME: &str = ".ticketflow.yaml";

/// Largest config file read (as TicketFlow).
const MAX_SIZE: u64 = 1024 * 1024;

/// The exact bytes `init` writes (TicketFlow's default config).
pub const DEFAULT_YAML: &str = "git:
    default_branch: main
worktree:
    enabled: true
    base_dir: ../.worktrees
    init_commands:
        - git fetch origin
tickets:
    dir: tickets
    todo_dir: todo
    doing_dir: doing
    done_dir: done
    template: |-
        # Summary

        [Describe the ticket summary here]

        ## Tasks
        - [ ] Task 1
        - [ ] Task 2
        - [ ] Task 3

        ## Technical Specifications

        [Add technical details as needed]

        ## Notes

        [Additional notes or remarks]
output:
    default_format: text
    json_pretty: true
timeouts:
    git: 30
    init_commands: 60
";

/// The default body of a new ticket.
pub const DEFAULT_TEMPLATE: &str = "# Summary\n\n[Describe the ticket summary here]\n\n## Tasks\n- [ ] Task 1\n- [ ] Task 2\n- [ ] Task 3\n\n## Technical Specifications\n\n[Add technical details as needed]\n\n## Notes\n\n[Additional notes or remarks]";

/// The whole configuration.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Config {
    /// `git:` section.
    pub git: GitConfig,
    /// `worktree:` section.
    pub worktree: WorktreeConfig,
    /// `tickets:` section.
    pub tickets: TicketsConfig,
    /// `output:` section.
    pub output: OutputConfig,
    /// `timeouts:` section.
    pub timeouts: Timeouts,
    /// `claims:` section.
    pub claims: ClaimsConfig,
}

/// `git:` settings.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct GitConfig {
    /// The branch treated as the main line.
    pub default_branch: String,
}

impl Default for GitConfig {
    fn default() -> Self {
        GitConfig {
            default_branch: "main".into(),
        }
    }
}

/// `worktree:` settings.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct WorktreeConfig {
    /// Worktree mode (true) or branch mode (false).
    pub enabled: bool,
    /// Parent folder of ticket worktrees, relative to the main repository root.
    pub base_dir: String,
    /// Commands run in a new worktree (only once the config is trusted).
    pub init_commands: Vec<String>,
    /// Ignored files a worktree may lose when cleanup removes it (rebuildable output:
    /// `target/`, `node_modules/`…); any other ignored file (`.env`) keeps the worktree
    /// unless `--force`.
    pub discardable: Vec<String>,
}

impl Default for WorktreeConfig {
    fn default() -> Self {
        WorktreeConfig {
            enabled: true,
            base_dir: "../.worktrees".into(),
            init_commands: vec!["git fetch origin".into()],
            discardable: [
                "target/",
                "node_modules/",
                "dist/",
                "build/",
                "__pycache__/",
                ".venv/",
                "*.pyc",
                "*.o",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// `tickets:` settings.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct TicketsConfig {
    /// Tickets root, relative to the project root (or absolute).
    pub dir: String,
    /// Folder of todo tickets inside `dir`.
    pub todo_dir: String,
    /// Folder of doing tickets inside `dir`.
    pub doing_dir: String,
    /// Folder of done tickets inside `dir`.
    pub done_dir: String,
    /// Body of new tickets.
    pub template: String,
}

impl Default for TicketsConfig {
    fn default() -> Self {
        TicketsConfig {
            dir: "tickets".into(),
            todo_dir: "todo".into(),
            doing_dir: "doing".into(),
            done_dir: "done".into(),
            template: DEFAULT_TEMPLATE.into(),
        }
    }
}

/// `output:` settings.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct OutputConfig {
    /// `text` or `json`: the format used when neither `--format` nor
    /// `TICKETFLOW_OUTPUT_FORMAT` says otherwise.
    pub default_format: String,
    /// Kept for compatibility; JSON is always indented.
    pub json_pretty: bool,
}

impl Default for OutputConfig {
    fn default() -> Self {
        OutputConfig {
            default_format: "text".into(),
            json_pretty: true,
        }
    }
}

/// `timeouts:` settings, in seconds (0 means the default).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Timeouts {
    /// Per git command.
    pub git: i64,
    /// Per init command.
    pub init_commands: i64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            git: 30,
            init_commands: 60,
        }
    }
}

/// `claims:` settings: claiming tickets on a shared remote before starting them.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct ClaimsConfig {
    /// The remote (a name from `git remote`) that holds the claims; empty: no claims.
    pub remote: String,
    /// How long a claim lives after it was made or last renewed (`24h`, `90m`, `1h30m`).
    pub ttl: String,
}

impl Default for ClaimsConfig {
    fn default() -> Self {
        ClaimsConfig {
            remote: String::new(),
            ttl: "24h".into(),
        }
    }
}

impl ClaimsConfig {
    /// The lease in seconds (validated when the config was loaded; 24h otherwise).
    pub fn ttl_seconds(&self) -> u64 {
        crate::ticket::time::parse_duration(&self.ttl).unwrap_or(86_400)
    }
}

/// Whether `name` can be a claims remote: a remote name that is one ref component (the
/// fetched claims live under `refs/ticket-claims/<name>/`).
pub fn is_valid_remote_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(['.', '-'])
        && !name.ends_with(".lock")
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// No `.ticketflow.yaml` at the project root.
    #[error("ticket system not initialized: {} not found", path.display())]
    NotFound {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The config file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not valid YAML, has wrong types, or fails validation.
    #[error("{}{}: {}{reason}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default(), key.as_ref().map(|k| format!("{k}: ")).unwrap_or_default())]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// 1-based line, when known.
        line: Option<usize>,
        /// Dotted key, when known.
        key: Option<String>,
        /// What is wrong.
        reason: String,
        /// The file's text, for a source snippet.
        text: String,
    },
}

impl Config {
    /// Loads `<root>/.ticketflow.yaml`.
    pub fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join(FILE_NAME);
        // A regular file only (a committed link to /dev/zero or a FIFO must not hang or
        // fill the memory), read up to one byte past the limit.
        let file = match crate::fsutil::open_regular(&path, true) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ConfigError::NotFound { path });
            }
            Err(source) => return Err(ConfigError::Io { path, source }),
        };
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_SIZE + 1), &mut bytes)
            .map_err(|source| ConfigError::Io {
                path: path.clone(),
                source,
            })?;
        let invalid = |line, key: Option<&str>, reason: String, text: &str| ConfigError::Invalid {
            path: path.clone(),
            line,
            key: key.map(str::to_owned),
            reason,
            text: text.to_owned(),
        };
        if bytes.len() as u64 > MAX_SIZE {
            return Err(invalid(
                None,
                None,
                "file is larger than the limit of 1 MiB".into(),
                "",
            ));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| invalid(None, None, "file is not UTF-8 text".into(), ""))?;
        Config::parse(&text)
            .map_err(|(line, key, reason)| invalid(line, key.as_deref(), reason, &text))
    }

    /// Parses and validates config text. Errors carry (line, dotted key, reason).
    pub fn parse(text: &str) -> Result<Config, (Option<usize>, Option<String>, String)> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let config = match fast::scan(body) {
            Some(config) => config,
            None => {
                let options = serde_saphyr::options! { strict_booleans: true, with_snippet: false };
                serde_saphyr::from_str_with_options(body, options).map_err(|e| {
                    let (line, msg) = crate::ticket::format::yaml_error_message(&e, body);
                    (line, None, msg)
                })?
            }
        };
        config.validate().map_err(|(key, reason)| {
            let path: Vec<&str> = key.split('.').collect();
            (line_of(body, &path), Some(key), reason)
        })?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), (String, String)> {
        let err = |k: &str, r: &str| Err((k.to_owned(), r.to_owned()));
        if self.git.default_branch.trim().is_empty() {
            return err("git.default_branch", "must not be empty (e.g. main)");
        }
        if self.tickets.dir.trim().is_empty() {
            return err("tickets.dir", "must not be empty (e.g. tickets)");
        }
        let dir = Path::new(self.tickets.dir.as_str());
        if dir.is_absolute()
            || dir
                .components()
                .any(|c| c == std::path::Component::ParentDir)
        {
            return err(
                "tickets.dir",
                "must be a folder inside the repository (relative, no '..')",
            );
        }
        let folders = [
            ("tickets.todo_dir", &self.tickets.todo_dir),
            ("tickets.doing_dir", &self.tickets.doing_dir),
            ("tickets.done_dir", &self.tickets.done_dir),
        ];
        for (key, value) in folders {
            if value.trim().is_empty() {
                return err(key, "must not be empty");
            }
            let p = Path::new(value.as_str());
            if p.is_absolute() || p.components().any(|c| c == std::path::Component::ParentDir) {
                return err(
                    key,
                    "must be a folder inside tickets.dir (no '..', not absolute)",
                );
            }
        }
        if folders[0].1 == folders[1].1
            || folders[1].1 == folders[2].1
            || folders[0].1 == folders[2].1
        {
            return err(
                "tickets",
                "todo_dir, doing_dir and done_dir must be different folders",
            );
        }
        if !matches!(self.output.default_format.as_str(), "text" | "json") {
            return Err((
                "output.default_format".into(),
                format!(
                    "must be \"text\" or \"json\", not \"{}\"",
                    self.output.default_format
                ),
            ));
        }
        for (key, v) in [
            ("timeouts.git", self.timeouts.git),
            ("timeouts.init_commands", self.timeouts.init_commands),
        ] {
            if !(0..=3600).contains(&v) {
                return Err((
                    key.into(),
                    format!("must be between 0 and 3600 seconds, not {v}"),
                ));
            }
        }
        if !self.claims.remote.is_empty() && !is_valid_remote_name(&self.claims.remote) {
            return Err((
                "claims.remote".into(),
                format!(
                    "must be the name of a git remote (letters, digits, '-', '_', '.'), not \"{}\"",
                    self.claims.remote
                ),
            ));
        }
        match crate::ticket::time::parse_duration(&self.claims.ttl) {
            Ok(0) => return err("claims.ttl", "must be longer than 0s (e.g. 24h)"),
            Ok(_) => {}
            Err(reason) => return Err(("claims.ttl".into(), reason)),
        }
        Ok(())
    }

    /// Refuses ticket folders that lead outside the repository through symbolic links.
    pub fn check_inside(&self, root: &Path) -> Result<(), ConfigError> {
        // The folders are relative without `..` (validated): unless a symbolic link lies on
        // the way, they are inside. Checking that costs one `lstat` per folder; resolving
        // every path costs one `readlink` per component.
        let base = self.tickets_dir(root);
        let no_link = |from: &Path, rel: &Path| {
            let mut path = from.to_path_buf();
            rel.components().all(|c| {
                path.push(c);
                !std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
            })
        };
        if no_link(root, Path::new(&self.tickets.dir))
            && self
                .status_dirs()
                .iter()
                .all(|d| no_link(&base, Path::new(d)))
        {
            return Ok(());
        }
        let Ok(real_root) = root.canonicalize() else {
            return Ok(());
        };
        let dirs = std::iter::once(base.clone()).chain(self.status_dirs().map(|d| base.join(d)));
        for dir in dirs {
            // A folder that does not exist yet is judged by its deepest existing ancestor
            // (a link there leads everything created below it out of the repository).
            if let Some(real) = real_path(&dir)
                && !real.starts_with(&real_root)
            {
                return Err(ConfigError::Invalid {
                    path: root.join(FILE_NAME),
                    line: None,
                    key: Some("tickets.dir".into()),
                    reason: format!(
                        "{} leads outside the repository (to {}) through a symbolic link",
                        dir.display(),
                        real.display()
                    ),
                    text: String::new(),
                });
            }
        }
        Ok(())
    }

    /// The tickets root for a project root.
    pub fn tickets_dir(&self, root: &Path) -> PathBuf {
        root.join(&self.tickets.dir)
    }

    /// The folder name of each status, in status order.
    pub fn status_dirs(&self) -> [&str; 3] {
        [
            &self.tickets.todo_dir,
            &self.tickets.doing_dir,
            &self.tickets.done_dir,
        ]
    }
}

/// 1-based line of a dotted key in block-style YAML (`output` then an indented
/// `default_format`), for error messages; falls back to the nearest enclosing key.
pub fn line_of(text: &str, path: &[&str]) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new(); // indentation of each matched ancestor
    let mut best = None;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        while open.last().is_some_and(|&last| indent <= last) {
            open.pop();
        }
        let Some(key) = path.get(open.len()) else {
            continue;
        };
        if trimmed
            .strip_prefix(key)
            .is_some_and(|r| r.starts_with(':'))
        {
            best = Some(i + 1);
            if open.len() + 1 == path.len() {
                return best;
            }
            open.push(indent);
        }
    }
    best
}

/// Where `path` really is: its deepest existing ancestor resolved (links followed), with the
/// components that do not exist yet appended.
fn real_path(path: &Path) -> Option<PathBuf> {
    let mut missing = Vec::new();
    let mut at = path;
    loop {
        if let Ok(real) = at.canonicalize() {
            return Some(missing.iter().rev().fold(real, |p, c| p.join(c)));
        }
        missing.push(at.file_name()?.to_owned());
        at = at.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_yaml_is_the_default() {
        assert_eq!(DEFAULT_YAML.len(), 613);
        assert_eq!(Config::parse(DEFAULT_YAML).unwrap(), Config::default());
    }

    #[test]
    fn missing_keys_take_defaults() {
        let c = Config::parse("git:\n  default_branch: trunk\n").unwrap();
        assert_eq!(c.git.default_branch, "trunk");
        assert_eq!(c.tickets, TicketsConfig::default());
        assert_eq!(c.output.default_format, "text");
        assert_eq!(Config::parse("").unwrap(), Config::default());
        assert_eq!(c.claims.remote, "");
        assert_eq!(c.claims.ttl_seconds(), 86_400);
        let c = Config::parse("claims: {remote: origin, ttl: 1h30m}\n").unwrap();
        assert_eq!(
            (c.claims.remote.as_str(), c.claims.ttl_seconds()),
            ("origin", 5400)
        );
        // Unknown keys are ignored, as TicketFlow does.
        assert!(Config::parse("worktree:\n  auto_operations: {a: 1}\n").is_ok());
    }

    #[test]
    fn validation_names_line_and_key() {
        let (line, key, reason) =
            Config::parse("git:\n    default_branch: main\noutput:\n    default_format: yaml\n")
                .unwrap_err();
        assert_eq!(line, Some(4));
        assert_eq!(key.as_deref(), Some("output.default_format"));
        assert!(reason.contains("yaml"), "{reason}");
        let (line, key, _) = Config::parse("timeouts:\n  git: -1\n").unwrap_err();
        assert_eq!((line, key.as_deref()), (Some(2), Some("timeouts.git")));
        let (line, key, reason) = Config::parse("worktree:\n  enabled: maybe\n").unwrap_err();
        assert_eq!(line, Some(2), "{reason}");
        assert_eq!(key, None);
        let (line, key, reason) =
            Config::parse("claims:\n  remote: origin\n  ttl: 10\n").unwrap_err();
        assert_eq!(
            (line, key.as_deref()),
            (Some(3), Some("claims.ttl")),
            "{reason}"
        );
        let (_, key, _) = Config::parse("claims:\n  remote: a/b\n").unwrap_err();
        assert_eq!(key.as_deref(), Some("claims.remote"));
        let (_, key, _) = Config::parse("claims:\n  ttl: 0s\n").unwrap_err();
        assert_eq!(key.as_deref(), Some("claims.ttl"));
        let (_, key, _) = Config::parse("tickets:\n  todo_dir: ../x\n").unwrap_err();
        assert_eq!(key.as_deref(), Some("tickets.todo_dir"));
        for escape in ["../outside", "/etc", "a/../../b"] {
            let (_, key, _) = Config::parse(&format!("tickets:\n  dir: {escape}\n")).unwrap_err();
            assert_eq!(key.as_deref(), Some("tickets.dir"), "{escape}");
        }
    }

    #[test]
    fn line_of_nested_keys() {
        let text = "git:\n  default_branch: x\noutput:\n  json_pretty: true\n  default_format: y\n";
        assert_eq!(line_of(text, &["output", "default_format"]), Some(5));
        assert_eq!(line_of(text, &["git", "default_branch"]), Some(2));
        assert_eq!(line_of(text, &["timeouts", "git"]), None);
        assert_eq!(line_of(text, &["output", "missing"]), Some(3));
    }
}
