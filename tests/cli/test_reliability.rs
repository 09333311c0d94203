//! Reliability: processes killed at every step, many agents at once, full disks, a thousand
//! malformed tickets, escapes from the repository, and a randomized stress run. Each test
//! fails without the mechanism it proves (journal, lock, atomic writes, validation).

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Run, TestEnv, assert_error, bin};
use crate::corpus::{Corpus, Text};

/// An initialised repository (no init commands) with `n` committed todo tickets.
fn repo_with(n: usize) -> (TestEnv, Vec<String>) {
    TestEnv::with_tickets(n)
}

/// Runs a command that kills itself (SIGKILL) at `step`.
fn crash(env: &TestEnv, cwd: &Path, step: &str, args: &[&str]) {
    let run = env.run_with(
        cwd,
        &[("GIT_TICKET_FAILPOINT", &format!("crash:{step}"))],
        args,
    );
    assert_eq!(
        run.status,
        -1,
        "{step}: the process was not killed:\n{}",
        run.snapshot()
    );
}

/// How many files of ticket `id` exist in `root`'s ticket folders.
fn copies(root: &Path, id: &str) -> usize {
    ["todo", "doing", "done"]
        .iter()
        .filter(|f| {
            root.join("tickets")
                .join(f)
                .join(format!("{id}.md"))
                .exists()
        })
        .count()
}

fn head(env: &TestEnv, cwd: &Path) -> String {
    env.git_in(cwd, &["rev-parse", "HEAD"]).trim().to_owned()
}

/// fsck reports the interrupted operation, --fix finishes it, and fsck is then clean.
fn recover_with_fsck(env: &TestEnv, cwd: &Path) {
    let run = env.run_in(cwd, &["fsck"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert!(
        run.stdout.contains("interrupted-operation"),
        "{}",
        run.snapshot()
    );
    let run = env.run_in(cwd, &["fsck", "--fix"]);
    assert!(
        run.stdout.contains("interrupted-operation") && run.stdout.contains("(fixed)"),
        "{}",
        run.snapshot()
    );
    env.run_in(cwd, &["fsck"]).ok();
}

#[test]
fn killed_start_is_rolled_back_or_completed() {
    for step in ["moved", "rewritten", "committed", "worktree-added"] {
        let (env, ids) = repo_with(1);
        let id = &ids[0];
        let before = head(&env, &env.root);
        crash(&env, &env.root, &format!("start:{step}"), &["start", id]);
        recover_with_fsck(&env, &env.root);
        assert_eq!(
            copies(&env.root, id),
            1,
            "{step}: ticket lost or duplicated"
        );
        let after = head(&env, &env.root);
        if matches!(step, "moved" | "rewritten") {
            assert_eq!(after, before, "{step}: rolled back");
            assert!(env.root.join(format!("tickets/todo/{id}.md")).is_file());
            assert_eq!(env.git(&["status", "--porcelain"]), "", "{step}");
            // And start works afterwards.
            env.run(&["start", id]).ok();
        } else {
            assert_eq!(
                env.git(&["log", "-1", "--format=%s"]),
                format!("Start ticket: {id}\n")
            );
            assert!(
                env.worktree(id).join("current-ticket.md").exists(),
                "{step}: completed"
            );
        }
        assert!(
            env.git(&["merge-base", "--is-ancestor", &before, "HEAD"])
                .is_empty()
        );
    }
}

#[test]
fn killed_close_is_rolled_back_or_completed() {
    for step in ["moved", "rewritten", "committed"] {
        let (env, ids) = repo_with(1);
        let id = &ids[0];
        env.run(&["start", id]).ok();
        let path = env.worktree(id);
        let before = head(&env, &path);
        crash(&env, &path, &format!("close:{step}"), &["close"]);
        // Recovery from the main worktree finishes an operation of another worktree.
        recover_with_fsck(&env, &env.root);
        assert_eq!(copies(&path, id), 1, "{step}");
        if step == "committed" {
            assert!(path.join(format!("tickets/done/{id}.md")).is_file());
            assert!(!path.join("current-ticket.md").exists());
        } else {
            assert_eq!(head(&env, &path), before, "{step}");
            assert!(path.join(format!("tickets/doing/{id}.md")).is_file());
            assert_eq!(env.git_in(&path, &["status", "--porcelain"]), "", "{step}");
            env.run_in(&path, &["close"]).ok();
        }
        env.run_in(&path, &["fsck"]).ok();
    }
}

#[test]
fn killed_cleanup_is_completed_by_the_next_command() {
    let (env, ids) = repo_with(2);
    let id = &ids[0];
    env.run(&["start", id]).ok();
    let path = env.worktree(id);
    env.run_in(&path, &["close"]).ok();
    env.git(&["merge", "-q", "--no-edit", id]);
    crash(
        &env,
        &env.root,
        "cleanup:worktree-removed",
        &["cleanup", id, "--yes"],
    );
    assert!(!path.exists());
    assert!(
        !env.git(&["branch", "--list", id]).is_empty(),
        "branch still there after the crash"
    );
    // Any mutating command finishes it first, and says so.
    let run = env.run(&["set", &ids[1], "priority", "1"]).ok();
    assert!(run.stderr.contains("interrupted cleanup"), "{}", run.stderr);
    assert_eq!(env.git(&["branch", "--list", id]), "");
    env.run(&["fsck"]).ok();
}

#[test]
fn concurrent_agents_on_different_tickets() {
    let (env, ids) = repo_with(8);
    let spawn = |cwd: &Path, args: Vec<String>| {
        env.command_in(cwd)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let wait_all = |children: Vec<std::process::Child>| {
        for c in children {
            env.to_run(c.wait_with_output().unwrap()).ok();
        }
    };
    let mut children = Vec::new();
    for id in &ids[..4] {
        children.push(spawn(&env.root, vec!["start".into(), id.clone()]));
    }
    for id in &ids[4..] {
        children.push(spawn(
            &env.root,
            vec!["set".into(), id.clone(), "priority".into(), "1".into()],
        ));
        children.push(spawn(
            &env.root,
            vec![
                "set".into(),
                id.clone(),
                "related".into(),
                "--add".into(),
                "x".into(),
            ],
        ));
    }
    wait_all(children);
    let mut children = Vec::new();
    for id in &ids[..4] {
        children.push(spawn(&env.worktree(id), vec!["close".into()]));
    }
    for id in &ids[4..] {
        children.push(spawn(
            &env.root,
            vec![
                "close".into(),
                id.clone(),
                "--reason".into(),
                "dropped".into(),
            ],
        ));
    }
    wait_all(children);
    env.run(&["fsck"]).ok();
    let log = env.git(&["log", "--format=%s"]);
    assert_eq!(log.matches("Start ticket:").count(), 4, "{log}");
    assert_eq!(log.matches("Close ticket:").count(), 4, "{log}");
    for id in &ids[..4] {
        let path = env.worktree(id);
        assert!(path.join(format!("tickets/done/{id}.md")).is_file());
        env.run_in(&path, &["fsck"]).ok();
    }
    for id in &ids[4..] {
        let text = env.read(&format!("tickets/done/{id}.md"));
        assert!(
            text.contains("priority: 1\n") && text.contains("    - x\n"),
            "{text}"
        );
    }
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}

#[test]
fn a_held_lock_names_its_holder() {
    let (env, ids) = repo_with(2);
    let hook = env.root.join(".git/hooks/pre-commit");
    fs::create_dir_all(hook.parent().unwrap()).unwrap();
    fs::write(&hook, "#!/bin/sh\nsleep 3\n").unwrap();
    fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let slow = env
        .command_in(&env.root)
        .args(["start", &ids[0]])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_LOCK_TIMEOUT", "1")],
        &["set", &ids[1], "priority", "1", "-o", "json"],
    );
    assert_error(&run, "REPOSITORY_LOCKED");
    let err = run.json_err();
    let details = err["error"]["details"].as_str().unwrap();
    assert!(
        details.contains(&format!("git ticket start {}", ids[0])),
        "{details}"
    );
    assert!(details.contains("pid "), "{details}");
    let slow = env.to_run(slow.wait_with_output().unwrap());
    assert_eq!(slow.status, 0);
    env.run(&["set", &ids[1], "priority", "1"]).ok();
}

/// Runs `git-ticket <args>` with a 1 KiB file-size limit (RLIMIT_FSIZE): writes past it fail
/// with EFBIG, SIGXFSZ being ignored as shells do.
fn with_small_file_limit(env: &TestEnv, args: &str) -> Run {
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' {args}",
        bin().display()
    );
    let mut cmd = Command::new("bash");
    env.hermetic(&mut cmd);
    env.to_run(
        cmd.current_dir(&env.root)
            .args(["-c", &script])
            .output()
            .unwrap(),
    )
}

#[test]
fn write_errors_leave_files_intact() {
    let (env, ids) = repo_with(1);
    let path = env.root.join(format!("tickets/todo/{}.md", ids[0]));
    let before = fs::read(&path).unwrap();
    let big = "x".repeat(4000);
    let run = with_small_file_limit(&env, &format!("set {} description {big} -o json", ids[0]));
    assert_eq!(run.status, 1, "{}", run.snapshot());
    let err = run.json_err();
    assert!(
        err["error"]["details"]
            .as_str()
            .unwrap()
            .contains("too large"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the ticket was changed");
    let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.') && n != ".gitkeep")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    // A new ticket whose template does not fit is not created at all.
    let config = env
        .read(".ticketflow.yaml")
        .replace("# Summary", &format!("# Summary {big}"));
    env.write(".ticketflow.yaml", config);
    let run = with_small_file_limit(&env, "new too-big");
    assert_eq!(run.status, 1, "{}", run.snapshot());
    // The existing ticket and the folder's placeholder.
    assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 2);
}

#[test]
fn a_thousand_malformed_tickets() {
    let env = TestEnv::initialized();
    let todo = env.root.join("tickets/todo");
    let outside = env.dir.path().join("outside.md");
    fs::write(&outside, "---\npriority: 1\n---\n").unwrap();
    let deep = format!(
        "---\npriority: {}1{}\n---\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let bomb = {
        let mut s = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            s.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                vec![format!("*a{}", i - 1); 10].join(", ")
            ));
        }
        s.push_str("---\n");
        s
    };
    let kinds: Vec<Box<dyn Fn(usize) -> Vec<u8>>> = vec![
        Box::new(|i| format!("---\npriority: [{i}\n---\n").into_bytes()),
        Box::new(|i| format!("---\npriority: p{i}\n---\n").into_bytes()),
        Box::new(|_| b"---\npriority: 99999999999999999999999\n---\n".to_vec()),
        Box::new(move |_| deep.clone().into_bytes()),
        Box::new(move |_| bomb.clone().into_bytes()),
        Box::new(|i| {
            format!("---\ndescription: caf\u{e9} {i}\n---\n")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0xc3 { 0xff } else { b })
                .collect()
        }),
        Box::new(|i| format!("---\ndescription: a\0b {i}\n---\n").into_bytes()),
        Box::new(|i| format!("---\npriority: {i}\ndescription: x\n").into_bytes()),
        Box::new(|i| format!("# no header {i}\n").into_bytes()),
        Box::new(|_| Vec::new()),
        Box::new(|i| format!("---\ncreated_at: 2025-13-{i}\n---\n").into_bytes()),
        Box::new(|i| format!("---\nrelated: {{a: {i}}}\n---\n").into_bytes()),
    ];
    let mut bad = 0;
    for i in 0..1000 {
        let name = format!("250101-000000-bad-{i:04}.md");
        if i % 50 == 49 {
            std::os::unix::fs::symlink(&outside, todo.join(&name)).unwrap();
        } else {
            fs::write(todo.join(&name), kinds[i % kinds.len()](i)).unwrap();
        }
        bad += 1;
    }
    Corpus::new(20)
        .folders(&["todo"])
        .ids(|i| format!("250102-000000-good-{i:02}"))
        .text(Text::Small)
        .write(&env.root);
    // One valid ticket with a 50 MB body.
    let huge = todo.join("250103-000000-huge-body.md");
    let mut text = b"---\npriority: 9\ndescription: big\n---\n\n".to_vec();
    text.resize(50_000_000, b'x');
    fs::write(&huge, text).unwrap();

    let start = Instant::now();
    let run = env.run(&[
        "list", "--status", "all", "--count", "0", "--format", "json",
    ]);
    assert!(
        // A guard against hangs, not a timing: loaded machines take several times longer.
        start.elapsed() < Duration::from_secs(180),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"));
    let v = run.json();
    assert_eq!(v["tickets"].as_array().unwrap().len(), 21);
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), bad);
    let mut paths: Vec<&str> = warnings
        .iter()
        .map(|w| w["path"].as_str().unwrap())
        .collect();
    paths.dedup();
    assert_eq!(
        paths.len(),
        bad,
        "every bad file reported once, with its path"
    );
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .count(),
        bad
    );
    // show on each kind names the file; nothing panics.
    for i in 0..kinds.len() + 1 {
        let i = if i == kinds.len() { 49 } else { i };
        let run = env.run(&["show", &format!("250101-000000-bad-{i:04}")]);
        assert_eq!(run.status, 1);
        assert!(
            run.stderr.contains(&format!("bad-{i:04}")),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"));
    }
}

#[test]
fn config_and_folders_cannot_escape_the_repository() {
    let env = TestEnv::initialized();
    for dir in ["../outside", "/tmp"] {
        let config = env
            .read(".ticketflow.yaml")
            .replace("    dir: tickets\n", &format!("    dir: {dir}\n"));
        env.write(".ticketflow.yaml", config);
        let run = env.run(&["list", "-o", "json"]);
        assert_eq!(run.json_err()["error"]["code"], "CONFIG_INVALID", "{dir}");
        env.git(&["checkout", "-q", ".ticketflow.yaml"]);
    }
    let outside = env.dir.path().join("elsewhere");
    fs::create_dir_all(&outside).unwrap();
    fs::remove_dir_all(env.root.join("tickets/todo")).unwrap();
    std::os::unix::fs::symlink(&outside, env.root.join("tickets/todo")).unwrap();
    let run = env.run(&["new", "escape", "-o", "json"]);
    assert_eq!(run.json_err()["error"]["code"], "CONFIG_INVALID");
    assert!(
        run.stderr.contains("outside the repository"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
    // A link that stays inside the repository is fine.
    fs::remove_file(env.root.join("tickets/todo")).unwrap();
    fs::create_dir_all(env.root.join("kept/todo")).unwrap();
    std::os::unix::fs::symlink(env.root.join("kept/todo"), env.root.join("tickets/todo")).unwrap();
    let run = env.run(&["new", "inside", "-o", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(fs::read_dir(env.root.join("kept/todo")).unwrap().count(), 1);
}

#[test]
fn no_write_bypasses_the_atomic_helper() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // fsutil is the helper; lock.rs writes its own lock file; merge-driver scratch files
            // live in a private temporary folder.
            if ["fsutil.rs", "lock.rs", "merge_driver.rs"].contains(&name.as_str()) {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.contains("fs::write(")
                    || line.contains("File::create(")
                    || line.contains("OpenOptions")
                {
                    offenders.push(format!("{}:{}: {line}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "writes outside fsutil:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn stress_four_processes_random_commands() {
    let (env, ids) = repo_with(12);
    let marker = format!("stress-{}", std::process::id());
    let workers: Vec<_> = (0..4u64)
        .map(|w| {
            let root = env.root.clone();
            let ids = ids.clone();
            let marker = marker.clone();
            let mut base = Command::new(bin());
            env.hermetic(&mut base);
            let envs: Vec<(String, String)> = base
                .get_envs()
                .filter_map(|(k, v)| Some((k.to_str()?.to_owned(), v?.to_str()?.to_owned())))
                .collect();
            std::thread::spawn(move || {
                let mut seed = 0x9e37_79b9_7f4a_7c15u64 ^ (w + 1);
                let mut next = |n: usize| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % n as u64) as usize
                };
                let mut failures = Vec::new();
                for i in 0..25 {
                    let id = &ids[next(ids.len())];
                    let args: Vec<String> = match next(7) {
                        0 => vec!["new".into(), format!("w{w}-{i}")],
                        1 => vec![
                            "set".into(),
                            id.clone(),
                            "priority".into(),
                            next(5).to_string(),
                        ],
                        2 => vec!["start".into(), id.clone()],
                        3 => vec![
                            "close".into(),
                            id.clone(),
                            "--reason".into(),
                            "stress".into(),
                        ],
                        4 => vec![
                            "list".into(),
                            "-s".into(),
                            "all".into(),
                            "-c".into(),
                            "0".into(),
                        ],
                        5 => vec!["status".into()],
                        _ => vec![
                            "set".into(),
                            id.clone(),
                            "related".into(),
                            "--add".into(),
                            format!("w{w}"),
                        ],
                    };
                    let mut cmd = Command::new(bin());
                    cmd.env_clear()
                        .envs(envs.iter().cloned())
                        .env("GIT_TICKET_STRESS", &marker);
                    let mut child = cmd
                        .current_dir(&root)
                        .args(&args)
                        .stdout(Stdio::null())
                        .stderr(Stdio::piped())
                        .stdin(Stdio::null())
                        .spawn()
                        .unwrap();
                    let deadline = Instant::now() + Duration::from_secs(60);
                    let status = loop {
                        if let Some(s) = child.try_wait().unwrap() {
                            break s;
                        }
                        assert!(
                            Instant::now() < deadline,
                            "deadlock: {args:?} still running after 60 s"
                        );
                        std::thread::sleep(Duration::from_millis(10));
                    };
                    let mut err = String::new();
                    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err)
                        .unwrap();
                    // Refusals (already started, reason rules…) are fine; crashes are not.
                    if status.code().is_none()
                        || err.contains("panicked")
                        || status.code() == Some(2)
                    {
                        failures.push(format!("{args:?}: {status:?} {err}"));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = workers
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
    env.run(&["fsck"]).ok();
    for id in &ids {
        assert_eq!(copies(&env.root, id), 1, "{id}");
    }
    // No git-ticket process (or child of one) of this test is still alive.
    let leaked: Vec<String> = fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .chars()
                .all(|c| c.is_ascii_digit())
        })
        .filter(|e| {
            fs::read(e.path().join("environ"))
                .map(|env| env.windows(marker.len()).any(|w| w == marker.as_bytes()))
                .unwrap_or(false)
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(leaked.is_empty(), "leaked processes: {leaked:?}");
}

#[test]
fn batch_removal_stops_after_identical_failures() {
    let (env, ids) = repo_with(5);
    for id in &ids {
        env.run(&["start", id]).ok();
        env.run_in(&env.worktree(id), &["close"]).ok();
        env.git(&["merge", "-q", "--no-edit", id]);
        // A locked worktree cannot be removed: the same failure for each.
        env.git(&["worktree", "lock", env.worktree(id).to_str().unwrap()]);
    }
    let run = env.run(&["worktree", "clean", "-o", "json"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    let v = run.json();
    let failed: Vec<&str> = v["failed_worktrees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(failed.len(), 4, "3 failures, then the breaker: {failed:?}");
    assert_eq!(failed[3], "(stopped)");
    for id in &ids {
        assert!(env.worktree(id).exists());
    }
}
