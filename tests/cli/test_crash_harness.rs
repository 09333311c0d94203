//! The crash harness: start, close, cleanup and branch-mode start killed as a terminal's
//! Ctrl-C or a CI timeout kills them — the whole process group, at a random instant — with
//! plain, slow-hook and slow-git variants; then the next command recovers, and the repository
//! is checked: `git fsck` clean, no ticket in two folders in HEAD, any branch, any index or
//! any working tree, no lock or journal record left, every commit still reachable, and the
//! recovery note true ("rolled back" means the ticket is where it was and HEAD did not move).
//!
//! The default suite runs a small sample; `cargo test --test cli crash_harness -- --ignored
//! --nocapture` runs `GIT_TICKET_CRASH_RUNS` (default 100) kills per command and variant and
//! prints the counts.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use crate::common::TestEnv;

/// What is killed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Start,
    Close,
    Cleanup,
    BranchStart,
}

/// How slow git is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    Plain,
    SlowHook,
    SlowGit,
}

/// A small deterministic random source (xorshift), seeded per run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// What one kill and its recovery ended in.
#[derive(Debug, Default)]
struct Tally {
    kills: usize,
    rolled_back: usize,
    completed: usize,
    untouched: usize,
}

struct Bench {
    env: TestEnv,
    kind: Kind,
    variant: Variant,
    slow_bin: PathBuf,
    next: usize,
}

impl Bench {
    fn new(kind: Kind, variant: Variant) -> Bench {
        let env = TestEnv::without_init_commands();
        if kind == Kind::BranchStart {
            let config = env
                .read(".ticketflow.yaml")
                .replace("enabled: true", "enabled: false");
            env.write(".ticketflow.yaml", config);
            env.commit_all("branch mode");
        }
        let slow_bin = env.dir.path().join("slow-bin");
        fs::create_dir_all(&slow_bin).unwrap();
        let real_git = which_git();
        let wrapper = slow_bin.join("git");
        fs::write(
            &wrapper,
            format!(
                "#!/bin/sh\nsleep 0.03\nexec '{}' \"$@\"\n",
                real_git.display()
            ),
        )
        .unwrap();
        fs::set_permissions(
            &wrapper,
            std::os::unix::fs::PermissionsExt::from_mode(0o755),
        )
        .unwrap();
        if variant == Variant::SlowHook {
            let hook = env.root.join(".git/hooks/pre-commit");
            fs::create_dir_all(hook.parent().unwrap()).unwrap();
            fs::write(&hook, "#!/bin/sh\nsleep 0.15\n").unwrap();
            fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755))
                .unwrap();
        }
        Bench {
            env,
            kind,
            variant,
            slow_bin,
            next: 0,
        }
    }

    /// A fresh ticket, brought to the state the killed command starts from.
    fn prepare(&mut self) -> (String, PathBuf) {
        let env = &self.env;
        self.next += 1;
        let id = env.new_ticket(&format!("t{}", self.next));
        env.commit_all("ticket");
        let wt = env.worktree(&id);
        match self.kind {
            Kind::Start | Kind::BranchStart => (id, env.root.clone()),
            Kind::Close => {
                env.run(&["start", &id]).ok();
                fs::write(wt.join("work.txt"), &id).unwrap();
                env.git_in(&wt, &["add", "work.txt"]);
                env.git_in(&wt, &["commit", "-qm", "work"]);
                (id, wt)
            }
            Kind::Cleanup => {
                env.run(&["start", &id]).ok();
                fs::write(wt.join("work.txt"), &id).unwrap();
                env.git_in(&wt, &["add", "work.txt"]);
                env.git_in(&wt, &["commit", "-qm", "work"]);
                env.run_in(&wt, &["close"]).ok();
                env.git(&["merge", "-q", "--no-edit", &id]);
                (id, env.root.clone())
            }
        }
    }

    fn args(&self, id: &str) -> Vec<String> {
        match self.kind {
            Kind::Start | Kind::BranchStart => vec!["start".into(), id.into()],
            Kind::Close => vec!["close".into()],
            Kind::Cleanup => vec!["cleanup".into(), id.into(), "--yes".into()],
        }
    }

    /// One kill at a random instant, the recovery, and the checks.
    fn round(&mut self, rng: &mut Rng, tally: &mut Tally) {
        let (id, cwd) = self.prepare();
        let env = &self.env;
        let before_refs = reachable(env);
        let head_before = env.git(&["rev-parse", "HEAD"]);
        let mut cmd = env.command_in(&cwd);
        cmd.args(self.args(&id))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        if self.variant == Variant::SlowGit {
            let path = std::env::join_paths(
                std::iter::once(self.slow_bin.clone())
                    .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
            )
            .unwrap();
            cmd.env("PATH", path);
        }
        let span = match self.variant {
            Variant::Plain => 60,
            Variant::SlowHook => 300,
            Variant::SlowGit => 250,
        };
        let delay = rng.below(span);
        let child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let group = rustix::process::Pid::from_raw(child.id() as i32).unwrap();
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
        let _ = child.wait_with_output();
        tally.kills += 1;
        // The next command recovers (it waits for git children still running).
        let fix = env.run(&["fsck", "--fix"]);
        let note = fix.stderr.clone();
        let context = format!(
            "{:?}/{:?}, killed after {delay} ms, ticket {id}\nrecovery said:\n{note}",
            self.kind, self.variant
        );
        if note.contains("rolled back") {
            tally.rolled_back += 1;
            assert_eq!(
                env.git(&["rev-parse", "HEAD"]),
                head_before,
                "rolled back, but HEAD moved: {context}"
            );
            let expected = match self.kind {
                Kind::Close => "doing",
                _ => "todo",
            };
            let root = if self.kind == Kind::Close {
                &cwd
            } else {
                &env.root
            };
            assert_eq!(
                folders(root, &id),
                [expected],
                "rolled back, but: {context}"
            );
        } else if note.contains("completed") {
            tally.completed += 1;
        } else {
            tally.untouched += 1;
        }
        assert!(!note.contains("could not"), "recovery stuck: {context}");
        assert!(!note.contains("panicked"), "{context}");
        check(env, &before_refs, &context);
        // Bring the ticket to a settled state for the next round.
        if self.kind == Kind::BranchStart {
            let branch = env.git(&["branch", "--show-current"]);
            if branch.trim() != "main" {
                env.git(&["checkout", "-q", "main"]);
            }
        }
    }
}

fn which_git() -> PathBuf {
    std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|d| d.join("git"))
        .find(|p| p.is_file())
        .expect("git on PATH")
}

/// The folders holding ticket `id` in the working tree at `root`.
fn folders(root: &Path, id: &str) -> Vec<&'static str> {
    ["todo", "doing", "done"]
        .into_iter()
        .filter(|f| root.join(format!("tickets/{f}/{id}.md")).exists())
        .collect()
}

/// Every commit reachable from a ref (branches, HEAD, stashes, worktree HEADs).
fn reachable(env: &TestEnv) -> BTreeSet<String> {
    env.git(&["rev-list", "--all"])
        .lines()
        .map(str::to_owned)
        .collect()
}

/// IDs that appear in more than one status folder of a list of ticket paths.
fn doubled(paths: &str) -> Vec<String> {
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for p in paths.lines().filter(|p| p.ends_with(".md")) {
        if let Some(name) = Path::new(p).file_name() {
            *seen.entry(name.to_string_lossy().into_owned()).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(k, _)| k)
        .collect()
}

fn check(env: &TestEnv, before: &BTreeSet<String>, context: &str) {
    let fsck = std::process::Command::new("git")
        .args(["fsck", "--no-progress", "--no-dangling"])
        .current_dir(&env.root)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        fsck.status.success(),
        "git fsck: {}\n{context}",
        String::from_utf8_lossy(&fsck.stderr)
    );
    let now = reachable(env);
    let lost: Vec<&String> = before.difference(&now).collect();
    assert!(
        lost.is_empty(),
        "commits no longer reachable: {lost:?}\n{context}"
    );
    // No ticket twice: HEAD and every branch, every index, every working tree.
    for branch in env
        .git(&["for-each-ref", "--format=%(refname)", "refs/heads"])
        .lines()
    {
        let tree = env.git(&["ls-tree", "-r", "--name-only", branch, "tickets"]);
        assert!(
            doubled(&tree).is_empty(),
            "{branch}: {:?}\n{context}",
            doubled(&tree)
        );
    }
    for line in env.git(&["worktree", "list", "--porcelain"]).lines() {
        let Some(wt) = line.strip_prefix("worktree ") else {
            continue;
        };
        let wt = Path::new(wt);
        if !wt.exists() {
            continue;
        }
        let index = env.git_in(wt, &["ls-files", "tickets"]);
        assert!(
            doubled(&index).is_empty(),
            "index of {}: {index}\n{context}",
            wt.display()
        );
        let mut files = String::new();
        for f in ["todo", "doing", "done"] {
            if let Ok(read) = fs::read_dir(wt.join("tickets").join(f)) {
                for e in read.flatten() {
                    files.push_str(&format!("{f}/{}\n", e.file_name().to_string_lossy()));
                }
            }
        }
        assert!(
            doubled(&files).is_empty(),
            "files of {}: {files}\n{context}",
            wt.display()
        );
        let status = env.git_in(wt, &["status", "--porcelain"]);
        assert!(
            !status.lines().any(|l| l.contains("tickets/")),
            "uncommitted ticket changes in {}: {status}\n{context}",
            wt.display()
        );
    }
    // No lock or record left behind.
    let git_dir = env.root.join(".git");
    assert!(
        !git_dir.join("index.lock").exists(),
        "index.lock left\n{context}"
    );
    if let Ok(read) = fs::read_dir(git_dir.join("worktrees")) {
        for e in read.flatten() {
            assert!(
                !e.path().join("index.lock").exists(),
                "worktree index.lock left\n{context}"
            );
        }
    }
    let records = fs::read_dir(git_dir.join("git-ticket-journal"))
        .map(|r| r.count())
        .unwrap_or(0);
    assert_eq!(records, 0, "journal records left\n{context}");
    let fsck = env.run(&["fsck"]);
    assert_eq!(
        fsck.status,
        0,
        "git ticket fsck: {}\n{context}",
        fsck.snapshot()
    );
}

fn run_harness(rounds: usize, variants: &[Variant]) -> Vec<String> {
    let seed = std::env::var("GIT_TICKET_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15_u64);
    let mut rng = Rng(seed);
    let mut report = Vec::new();
    for kind in [Kind::Start, Kind::Close, Kind::Cleanup, Kind::BranchStart] {
        for &variant in variants {
            let mut bench = Bench::new(kind, variant);
            let mut tally = Tally::default();
            for _ in 0..rounds {
                bench.round(&mut rng, &mut tally);
            }
            report.push(format!(
                "{kind:?}/{variant:?}: {} kills — {} rolled back, {} completed, {} before or after any change; all checks passed",
                tally.kills, tally.rolled_back, tally.completed, tally.untouched
            ));
        }
    }
    report
}

#[test]
fn crash_harness_sample() {
    run_harness(3, &[Variant::Plain, Variant::SlowHook]);
}

#[test]
#[ignore = "long: run with --ignored (GIT_TICKET_CRASH_RUNS kills per command and variant)"]
fn crash_harness_full() {
    let rounds = std::env::var("GIT_TICKET_CRASH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    for line in run_harness(
        rounds,
        &[Variant::Plain, Variant::SlowHook, Variant::SlowGit],
    ) {
        // The counts are the point of a long run: shown whether or not output is captured.
        let _ = writeln!(std::io::stderr(), "{line}");
    }
}
