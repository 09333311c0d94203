//! The test environment: a temporary directory with a pinned HOME, no system or global git
//! config, a fixed time zone and locale, and helpers to run the binary and git there.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Path of the built binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_git-ticket"))
}

/// PATH with the built binary's folder first.
pub fn path_with_bin() -> std::ffi::OsString {
    let dir = bin().parent().unwrap().to_owned();
    std::env::join_paths(
        std::iter::once(dir).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap()
}

/// The external tools some tests drive: (name, how it is found, Debian package). A program
/// is looked up on PATH, a path starting with `/` must exist. `scripts/install-test-deps.sh`
/// installs these packages (`test_setup` checks that it names each of them).
pub const TOOLS: &[(&str, &str, &str)] = &[
    ("valgrind", "valgrind", "valgrind"),
    ("man", "man", "man-db"),
    ("zsh", "zsh", "zsh"),
    ("fish", "fish", "fish"),
    (
        "git-bash-completion",
        "/usr/share/bash-completion/completions/git",
        "git",
    ),
    ("tzdata", "/usr/share/zoneinfo/Asia/Tokyo", "tzdata"),
];

/// Whether the external tool `name` (a row of [`TOOLS`]) is there. When it is not, a test
/// that needs it is skipped with a notice outside CI (this returns false: return from the
/// test), and fails with `CI=true`, where every test must run.
pub fn require_tool(name: &str) -> bool {
    let &(_, probe, package) = TOOLS
        .iter()
        .find(|t| t.0 == name)
        .unwrap_or_else(|| panic!("{name}: not in common::TOOLS"));
    let present = if probe.starts_with('/') {
        Path::new(probe).exists()
    } else {
        std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join(probe).is_file()))
    };
    if present {
        return true;
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("this test")
        .to_owned();
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{test}: {name} is missing ({probe}; Debian package {package}), and CI=true: every test \
         must run in CI. Run scripts/install-test-deps.sh as root."
    );
    // Straight to the process's stderr: libtest would hide a passing test's eprintln.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {name} is not installed ({probe}; Debian package {package}; \
         scripts/install-test-deps.sh installs it)"
    );
    false
}

/// A temporary directory with a git repository at `root`.
pub struct TestEnv {
    pub dir: tempfile::TempDir,
    pub root: PathBuf,
    pub tz: &'static str,
}

/// What a command printed and returned.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// `exit`, stdout and stderr in one string, for snapshots.
    pub fn snapshot(&self) -> String {
        format!(
            "exit: {}\n----- stdout -----\n{}----- stderr -----\n{}",
            self.status, self.stdout, self.stderr
        )
    }

    /// Parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.snapshot()))
    }

    /// Parses stderr as JSON.
    pub fn json_err(&self) -> serde_json::Value {
        serde_json::from_str(&self.stderr)
            .unwrap_or_else(|e| panic!("stderr is not JSON ({e}):\n{}", self.snapshot()))
    }

    /// Asserts success and returns self.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.status, 0, "command failed:\n{}", self.snapshot());
        self
    }

    /// The code of the error a run with `--format json` reported: stderr is one object
    /// `{"error": {"code", "message", "details"?, "suggestions"?}}`.
    #[track_caller]
    pub fn error_code(&self) -> String {
        match &self.json_err()["error"]["code"] {
            serde_json::Value::String(code) => code.clone(),
            _ => panic!("no error code on stderr:\n{}", self.snapshot()),
        }
    }
}

/// Asserts that a run with `--format json` failed (exit 1) with the error `code`.
#[track_caller]
pub fn assert_error(run: &Run, code: &str) {
    assert_eq!(run.status, 1, "expected error {code}:\n{}", run.snapshot());
    assert_eq!(run.error_code(), code, "{}", run.snapshot());
}

/// Asserts that a run with `--format json` was refused as a usage error (exit 2) with the
/// error `code`.
#[track_caller]
pub fn assert_usage_error(run: &Run, code: &str) {
    assert_eq!(
        run.status,
        2,
        "expected usage error {code}:\n{}",
        run.snapshot()
    );
    assert_eq!(run.error_code(), code, "{}", run.snapshot());
}

impl TestEnv {
    /// A fresh repository (branch `main`, no commits yet).
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(dir.path().join("home")).unwrap();
        let env = TestEnv {
            dir,
            root,
            tz: "UTC0",
        };
        env.git(&["init", "-q", "-b", "main"]);
        env
    }

    /// A repository initialised with `git ticket init` and one commit.
    pub fn initialized() -> Self {
        let env = TestEnv::new();
        env.run(&["init"]).ok();
        env.commit_all("init");
        env
    }

    /// Initialised without worktree init commands (nothing to trust, nothing fetched), with
    /// the config committed.
    pub fn without_init_commands() -> Self {
        let env = TestEnv::new();
        env.run(&["init"]).ok();
        let config = env.read(".ticketflow.yaml").replace(
            "    init_commands:\n        - git fetch origin\n",
            "    init_commands: []\n",
        );
        env.write(".ticketflow.yaml", config);
        env.commit_all("init");
        env
    }

    /// Initialised without init commands, with `n` committed todo tickets (`task-0`…).
    pub fn with_tickets(n: usize) -> (Self, Vec<String>) {
        let env = TestEnv::without_init_commands();
        let ids = (0..n)
            .map(|i| env.new_ticket(&format!("task-{i}")))
            .collect();
        env.commit_all("tickets");
        (env, ids)
    }

    /// Where `start` puts the worktree of ticket `id` (the default base_dir).
    pub fn worktree(&self, id: &str) -> PathBuf {
        self.dir.path().join(".worktrees").join(id)
    }

    /// Runs `git-ticket args…` in `cwd` with extra environment variables.
    pub fn run_with(&self, cwd: &Path, vars: &[(&str, &str)], args: &[&str]) -> Run {
        let mut cmd = self.command_in(cwd);
        cmd.args(args);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        self.to_run(cmd.output().unwrap())
    }

    /// Applies the hermetic environment to a command.
    pub fn hermetic(&self, cmd: &mut Command) {
        let home = self.dir.path().join("home");
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
            .env("GIT_CEILING_DIRECTORIES", self.dir.path())
            .env("TZ", self.tz)
            .env("LC_ALL", "C.UTF-8")
            .stdin(Stdio::null());
    }

    /// The binary as a command, run in `cwd` (relative to the repository root).
    pub fn command_in(&self, cwd: &Path) -> Command {
        let mut cmd = Command::new(bin());
        self.hermetic(&mut cmd);
        cmd.current_dir(cwd);
        cmd
    }

    /// Runs `git-ticket args…` at the repository root.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(&self.root, args)
    }

    /// Runs `git-ticket args…` in `cwd`.
    pub fn run_in(&self, cwd: &Path, args: &[&str]) -> Run {
        let out = self.command_in(cwd).args(args).output().unwrap();
        self.to_run(out)
    }

    /// Runs a prepared command and redacts its output.
    pub fn to_run(&self, out: Output) -> Run {
        let redact = |b: Vec<u8>| {
            let s = String::from_utf8(b).expect("output is UTF-8");
            let tmp = self.dir.path().to_str().unwrap();
            s.replace(tmp, "[TMP]")
        };
        Run {
            status: out.status.code().unwrap_or(-1),
            stdout: redact(out.stdout),
            stderr: redact(out.stderr),
        }
    }

    /// `git` (hermetic) in `cwd`, with the built binary first on PATH, so that `git ticket`
    /// runs it through git's own subcommand dispatch.
    pub fn git_with_bin(&self, cwd: &Path) -> Command {
        let mut cmd = Command::new("git");
        self.hermetic(&mut cmd);
        cmd.env("PATH", path_with_bin()).current_dir(cwd);
        cmd
    }

    /// Runs [`TestEnv::git_with_bin`] at the repository root; panics on failure (git's
    /// output, stderr included, is returned for hooks' messages).
    pub fn git_via_bin(&self, args: &[&str]) -> std::process::Output {
        let out = self.git_with_bin(&self.root).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// Runs git in the repository and returns stdout (panics on failure).
    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.root, args)
    }

    /// Runs git in `cwd` and returns stdout (panics on failure).
    pub fn git_in(&self, cwd: &Path, args: &[&str]) -> String {
        let mut cmd = Command::new("git");
        self.hermetic(&mut cmd);
        let out = cmd.current_dir(cwd).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Stages everything and commits.
    pub fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
    }

    /// Writes a file (relative to the repository root), creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }

    /// Reads a file relative to the repository root.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.root.join(rel)).unwrap()
    }

    /// Creates a ticket and returns its ID.
    pub fn new_ticket(&self, slug: &str) -> String {
        let out = self.run(&["new", slug, "-o", "json"]).ok();
        out.json()["ticket"]["id"].as_str().unwrap().to_owned()
    }

    /// Writes a ticket file with the given frontmatter lines into a status folder.
    pub fn ticket(&self, folder: &str, id: &str, frontmatter: &str, body: &str) -> PathBuf {
        self.write(
            &format!("tickets/{folder}/{id}.md"),
            format!("---\n{frontmatter}---\n\n{body}"),
        )
    }
}

/// Ticket `id` in the JSON of `board -o json` (panics, showing the board, when it is not there).
pub fn board_ticket<'a>(board: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    board["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not on the board: {board:#}"))
}

/// insta settings that redact ticket timestamps and RFC 3339 times.
pub fn redactions() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})",
        "[TIME]",
    );
    s.add_filter(r"\b\d{6}-\d{6}-", "[TS]-");
    s.add_filter(r"version \d+\.\d+\.\d+", "version [VERSION]");
    // The commit a binary is built from (`version`).
    s.add_filter(r"\b[0-9a-f]{40}\b", "[COMMIT]");
    // Durations depend on the clock second a test crosses.
    s.add_filter(r#"\n *"duration": "[0-9dhms ]+","#, "");
    s.add_filter(r#""version": "\d+\.\d+\.\d+""#, r#""version": "[VERSION]""#);
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Snapshot with the standard redactions.
#[macro_export]
macro_rules! snap {
    ($name:expr, $value:expr) => {
        $crate::common::redactions().bind(|| insta::assert_snapshot!($name, $value))
    };
}
