//! Reliability, second round: what an attack with process-group kills, slow git, hostile
//! repositories and odd git states found. Each test fails without the fix it proves.

use std::fs;
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{TestEnv, assert_error};

/// An initialised repository (no init commands) with `n` committed todo tickets.
fn repo_with(n: usize) -> (TestEnv, Vec<String>) {
    TestEnv::with_tickets(n)
}

fn hook(env: &TestEnv, name: &str, script: &str) {
    let path = env.root.join(".git/hooks").join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, script).unwrap();
    fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
}

fn set_config(env: &TestEnv, from: &str, to: &str) {
    let config = env.read(".ticketflow.yaml");
    assert!(config.contains(from), "{config}");
    env.write(".ticketflow.yaml", config.replace(from, to));
    env.commit_all("config");
}

/// The folders holding ticket `id` in the working tree.
fn folders(env: &TestEnv, id: &str) -> Vec<&'static str> {
    ["todo", "doing", "done"]
        .into_iter()
        .filter(|f| env.root.join(format!("tickets/{f}/{id}.md")).exists())
        .collect()
}

#[test]
fn recovery_waits_for_the_git_children_of_a_killed_holder() {
    let (env, ids) = repo_with(2);
    hook(&env, "pre-commit", "#!/bin/sh\nsleep 3\n");
    // git-ticket in a process group of its own, killed as a terminal or a CI timeout would:
    // the whole group at once.
    let mut start = env.command_in(&env.root);
    start
        .args(["start", &ids[0]])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    let child = start.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    let group = rustix::process::Pid::from_raw(child.id() as i32).unwrap();
    rustix::process::kill_process_group(group, rustix::process::Signal::KILL).unwrap();
    let _ = env.to_run(child.wait_with_output().unwrap());
    // The git commit it started is still running: the next command waits for it, then
    // finds the start commit made and completes the start instead of undoing it.
    let run = env.run(&["new", "unrelated"]).ok();
    assert!(
        run.stderr
            .contains(&format!("interrupted start of {}: completed", ids[0])),
        "{}",
        run.snapshot()
    );
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]).trim(),
        format!("Start ticket: {}", ids[0])
    );
    assert_eq!(folders(&env, &ids[0]), ["doing"]);
    assert!(env.worktree(&ids[0]).join("current-ticket.md").exists());
    env.run(&["fsck"]).ok();
    let status = env.git(&["status", "--porcelain"]);
    assert!(
        status.lines().all(|l| l.contains("unrelated")),
        "only the new ticket is uncommitted:\n{status}"
    );
}

#[test]
fn a_git_timeout_kills_the_hook_and_leaves_nothing_behind() {
    let (env, ids) = repo_with(1);
    set_config(&env, "git: 30", "git: 2");
    hook(&env, "pre-commit", "#!/bin/sh\nsleep 6\n");
    let t = Instant::now();
    let run = env.run(&["start", &ids[0], "-o", "json"]);
    let took = t.elapsed();
    assert_error(&run, "GIT_COMMIT_FAILED");
    assert!(
        took < Duration::from_secs(5),
        "the 6 s hook was waited for: {took:?}"
    );
    assert!(run.stderr.contains("timed out"), "{}", run.stderr);
    assert!(
        !env.root.join(".git/index.lock").exists(),
        "a stale index.lock is left"
    );
    assert_eq!(folders(&env, &ids[0]), ["todo"]);
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    // The hook's `sleep` is gone too: nothing of the group outlives the deadline.
    std::thread::sleep(Duration::from_millis(200));
    let sleeping = fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| fs::read(e.path().join("cmdline")).ok())
        .any(|c| c == b"sleep\x006\x00");
    assert!(!sleeping, "the hook outlived the timeout");
}

#[test]
fn an_init_command_timeout_stops_it_and_its_children() {
    let env = TestEnv::new();
    env.run(&["init"]).ok();
    let config = env
        .read(".ticketflow.yaml")
        .replace(
            "    init_commands:\n        - git fetch origin\n",
            "    init_commands:\n        - sh -c 'sleep 8; echo late'\n",
        )
        .replace("init_commands: 60", "init_commands: 1");
    assert!(config.contains("init_commands: 1"), "{config}");
    env.write(".ticketflow.yaml", config);
    env.commit_all("init");
    env.run(&["trust"]).ok();
    let id = env.new_ticket("slow-init");
    env.commit_all("ticket");
    let t = Instant::now();
    let v = env.run(&["start", &id, "-o", "json"]).ok().json();
    let took = t.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "the 8 s command was waited for: {took:?}"
    );
    assert_eq!(v["init_commands"][0]["timed_out"], true, "{v}");
}

#[test]
fn a_ticket_done_on_its_unmerged_branch_is_not_started_again() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    fs::write(wt.join("work.txt"), "work").unwrap();
    env.git_in(&wt, &["add", "work.txt"]);
    env.git_in(&wt, &["commit", "-qm", "work"]);
    env.run_in(&wt, &["close"]).ok();
    env.git(&["worktree", "remove", wt.to_str().unwrap()]);
    let tip = env.git(&["rev-parse", id]);
    for args in [
        &["start", id, "-o", "json"][..],
        &["start", id, "--force", "-o", "json"],
    ] {
        let run = env.run(args);
        assert_error(&run, "TICKET_ALREADY_CLOSED");
        let details = run.json_err()["error"]["details"].to_string();
        assert!(details.contains("not merged"), "{details}");
    }
    assert_eq!(env.git(&["rev-parse", id]), tip, "the ticket branch moved");
    assert!(!wt.exists());
}

#[test]
fn names_that_cannot_be_branches_are_refused_before_anything_changes() {
    let (env, _) = repo_with(1);
    let names = [
        "HEAD",
        "x.lock",
        "@{-1}",
        "a b",
        "$(touch pwned)",
        "-f",
        "--orphan",
        "--upload-pack=touch pwned",
    ];
    let header = "---\npriority: 2\ndescription: odd\ncreated_at: \"2026-01-01T00:00:00Z\"\nstarted_at: null\nclosed_at: null\n---\n";
    for n in names {
        env.write(&format!("tickets/todo/{n}.md"), header);
    }
    env.commit_all("odd names");
    let head = env.git(&["rev-parse", "HEAD"]);
    for n in names {
        let run = env.run(&["start", "-o", "json", "--", n]);
        assert_error(&run, "TICKET_INVALID");
        assert_eq!(
            env.git(&["rev-parse", "HEAD"]),
            head,
            "{n}: something was committed"
        );
        assert!(
            env.root.join(format!("tickets/todo/{n}.md")).exists(),
            "{n}"
        );
    }
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    assert!(!env.root.join("pwned").exists());
    let fsck = env.run(&["fsck"]);
    assert_eq!(fsck.status, 1);
    for n in names {
        assert!(
            fsck.stdout
                .lines()
                .any(|l| l.starts_with("invalid-id") && l.contains(&format!("/{n}.md"))),
            "{n} not reported:\n{}",
            fsck.stdout
        );
    }
}

#[test]
fn cleanup_never_deletes_the_default_branch() {
    let (env, ids) = repo_with(1);
    set_config(&env, "enabled: true", "enabled: false");
    let done = "---\npriority: 2\ndescription: named main\ncreated_at: \"2026-01-01T00:00:00Z\"\nstarted_at: \"2026-01-01T00:00:00Z\"\nclosed_at: \"2026-01-01T00:00:00Z\"\n---\n";
    env.write("tickets/done/main.md", done);
    env.commit_all("a ticket named main");
    env.run(&["start", &ids[0]]).ok();
    let run = env.run(&["cleanup", "main", "--yes", "-o", "json"]);
    assert_error(&run, "INVALID_CONTEXT");
    assert_ne!(
        env.git(&["branch", "--list", "main"]),
        "",
        "main was deleted"
    );
}

/// Runs a command that kills itself (SIGKILL) at `step`.
fn crash(env: &TestEnv, cwd: &std::path::Path, step: &str, args: &[&str]) {
    let run = env.run_with(
        cwd,
        &[("GIT_TICKET_FAILPOINT", &format!("crash:{step}"))],
        args,
    );
    assert_eq!(run.status, -1, "{step}: not killed:\n{}", run.snapshot());
}

/// A started ticket with a commit of work on its branch, closed and merged into main.
fn done_and_merged(env: &TestEnv, id: &str) -> std::path::PathBuf {
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    fs::write(wt.join("work.txt"), id).unwrap();
    env.git_in(&wt, &["add", "work.txt"]);
    env.git_in(&wt, &["commit", "-qm", "work"]);
    env.run_in(&wt, &["close"]).ok();
    env.git(&["merge", "-q", "--no-edit", id]);
    wt
}

#[test]
fn an_interrupted_forced_cleanup_is_never_replayed_on_new_work() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    let wt = done_and_merged(&env, id);
    crash(
        &env,
        &env.root,
        "cleanup:planned",
        &["cleanup", id, "--force"],
    );
    // Work done after the crash: a commit and an uncommitted file.
    fs::write(wt.join("later.txt"), "later").unwrap();
    env.git_in(&wt, &["add", "later.txt"]);
    env.git_in(&wt, &["commit", "-qm", "later"]);
    let later = env.git_in(&wt, &["rev-parse", "HEAD"]);
    fs::write(wt.join("notes.txt"), "mine").unwrap();
    let run = env.run(&["new", "unrelated"]).ok();
    assert!(run.stderr.contains("was not removed"), "{}", run.snapshot());
    assert!(
        !run.stderr.contains("completed (worktree"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(wt.join("notes.txt")).unwrap(), "mine");
    assert_eq!(
        env.git(&["rev-parse", id]),
        later,
        "the branch lost its commit"
    );
    // The record is gone (the next command says nothing more), the way out works.
    let run = env.run(&["new", "another"]).ok();
    assert!(!run.stderr.contains("interrupted"), "{}", run.stderr);
    fs::remove_file(wt.join("notes.txt")).unwrap();
    env.git(&["merge", "-q", "--no-edit", id]);
    env.run(&["cleanup", id, "--yes"]).ok();
    assert!(!wt.exists());
}

#[test]
fn an_interrupted_cleanup_keeps_what_changed_since() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    let wt = done_and_merged(&env, id);
    crash(
        &env,
        &env.root,
        "cleanup:planned",
        &["cleanup", id, "--yes"],
    );
    fs::write(wt.join("notes.txt"), "mine").unwrap();
    let run = env.run(&["new", "unrelated"]).ok();
    assert!(
        run.stderr
            .contains("uncommitted changes made since (notes.txt)"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read_to_string(wt.join("notes.txt")).unwrap(), "mine");
    assert_ne!(env.git(&["branch", "--list", id]), "");
    // Without changes, recovery finishes the cleanup.
    fs::remove_file(wt.join("notes.txt")).unwrap();
    crash(
        &env,
        &env.root,
        "cleanup:planned",
        &["cleanup", id, "--yes"],
    );
    let run = env.run(&["new", "other"]).ok();
    assert!(run.stderr.contains("completed (worktree"), "{}", run.stderr);
    assert!(!wt.exists());
    assert_eq!(env.git(&["branch", "--list", id]), "");
}

#[test]
fn a_half_removed_worktree_is_forgotten_and_its_leftovers_named() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    let wt = done_and_merged(&env, id);
    crash(
        &env,
        &env.root,
        "cleanup:planned",
        &["cleanup", id, "--yes"],
    );
    // What a killed `git worktree remove` leaves: the .git file and some files gone.
    fs::remove_file(wt.join(".git")).unwrap();
    fs::remove_file(wt.join("work.txt")).unwrap();
    let run = env.run(&["fsck", "--fix"]);
    assert!(
        run.stderr.contains("half-removed folder"),
        "{}",
        run.snapshot()
    );
    assert!(
        !env.git(&["worktree", "list"]).contains(id.as_str()),
        "the worktree is still registered"
    );
    assert_eq!(env.git(&["branch", "--list", id]), "");
    env.run(&["fsck"]).ok();
}

#[test]
fn a_worktree_add_killed_half_way_is_redone() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    crash(&env, &env.root, "start:committed", &["start", id]);
    // What a killed `git worktree add` leaves: registered, locked "initializing", HEAD zero.
    let wt = env.worktree(id);
    env.git(&[
        "worktree",
        "add",
        "-q",
        "--detach",
        wt.to_str().unwrap(),
        "HEAD",
    ]);
    let admin = env.root.join(".git/worktrees").join(id);
    fs::write(admin.join("locked"), "initializing").unwrap();
    fs::write(
        admin.join("HEAD"),
        "0000000000000000000000000000000000000000\n",
    )
    .unwrap();
    let run = env.run(&["new", "unrelated"]).ok();
    assert!(
        run.stderr.contains("half-made worktree"),
        "{}",
        run.snapshot()
    );
    assert_eq!(env.git_in(&wt, &["branch", "--show-current"]).trim(), id);
    assert!(wt.join("current-ticket.md").exists());
    env.run(&["fsck"]).ok();
}

#[test]
fn a_record_whose_working_tree_was_deleted_is_closed_with_a_true_note() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    crash(&env, &wt, "close:moved", &["close", "--force"]);
    fs::remove_dir_all(&wt).unwrap();
    let run = env.run(&["new", "unrelated"]).ok();
    assert!(
        run.stderr.contains("no longer exists"),
        "{}",
        run.snapshot()
    );
    let run = env.run(&["fsck", "--fix"]).ok();
    assert!(
        !run.stdout.contains("interrupted-operation"),
        "{}",
        run.stdout
    );
    env.run(&["fsck"]).ok();
}

#[test]
fn a_rollback_blocked_by_an_index_lock_says_so_and_keeps_its_record() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    crash(&env, &env.root, "start:rewritten", &["start", id]);
    // A git killed with us left its lock and a staged entry.
    env.git(&["add", &format!("tickets/doing/{id}.md")]);
    env.write(".git/index.lock", "");
    let run = env.run(&["new", "unrelated"]);
    assert!(!run.stderr.contains("rolled back"), "{}", run.snapshot());
    assert!(
        run.stderr.contains("could not be recovered"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("git reset -q --"), "{}", run.stderr);
    let fsck = env.run(&["fsck", "--fix"]);
    assert_eq!(fsck.status, 1, "{}", fsck.snapshot());
    assert!(
        fsck.stdout.contains("git-ticket-journal"),
        "the record is not named:\n{}",
        fsck.stdout
    );
    // The way out it names works.
    fs::remove_file(env.root.join(".git/index.lock")).unwrap();
    let run = env.run(&["fsck", "--fix"]).ok();
    assert!(run.stderr.contains("rolled back"), "{}", run.snapshot());
    assert_eq!(folders(&env, id), ["todo"]);
    let staged = env.git(&["diff", "--cached", "--name-only"]);
    assert!(!staged.contains(&format!("doing/{id}")), "{staged}");
}

#[test]
fn a_ticket_folder_that_does_not_exist_yet_cannot_lead_out_through_a_link() {
    let (env, _) = repo_with(1);
    let outside = env.dir.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    std::os::unix::fs::symlink(&outside, env.root.join("sub")).unwrap();
    let config = env
        .read(".ticketflow.yaml")
        .replace("dir: tickets", "dir: sub/tickets");
    assert!(config.contains("dir: sub/tickets"), "{config}");
    env.write(".ticketflow.yaml", config);
    let run = env.run(&["new", "escape", "-o", "json"]);
    assert_error(&run, "CONFIG_INVALID");
    assert!(
        fs::read_dir(&outside).unwrap().next().is_none(),
        "something was written outside the repository"
    );
}

#[test]
fn a_config_that_is_a_device_or_a_fifo_is_refused_at_once() {
    let (env, _) = repo_with(1);
    let config = env.root.join(".ticketflow.yaml");
    fs::remove_file(&config).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &config).unwrap();
    let t = Instant::now();
    let run = env.run(&["list", "-o", "json"]);
    assert_error(&run, "CONFIG_INVALID");
    assert!(run.stderr.contains("regular file"), "{}", run.stderr);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    fs::remove_file(&config).unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &config,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let mut cmd = env.command_in(&env.root);
    let mut child = cmd
        .args(["list", "-o", "json"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("list hangs on a FIFO config");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn ticket_files_that_are_devices_or_fifos_are_reported_not_read() {
    let (env, ids) = repo_with(1);
    std::os::unix::fs::symlink(
        "/dev/zero",
        env.root.join("tickets/todo/250101-000000-zero.md"),
    )
    .unwrap();
    rustix::fs::mknodat(
        rustix::fs::CWD,
        env.root.join("tickets/todo/250101-000000-fifo.md"),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let t = Instant::now();
    let v = env.run(&["list", "-o", "json"]).ok().json();
    assert!(t.elapsed() < Duration::from_secs(5));
    assert_eq!(v["tickets"].as_array().unwrap().len(), 1, "{v}");
    assert!(v["warnings"].to_string().contains("zero"), "{v}");
    env.run(&["show", &ids[0]]).ok();
    let run = env.run(&["show", "250101-000000-zero", "-o", "json"]);
    assert_eq!(run.status, 1);
}

/// How many times ticket `id` is in the tree of `rev`.
fn in_tree(env: &TestEnv, cwd: &std::path::Path, rev: &str, id: &str) -> usize {
    env.git_in(cwd, &["ls-tree", "-r", "--name-only", rev, "tickets"])
        .lines()
        .filter(|l| l.ends_with(&format!("/{id}.md")))
        .count()
}

#[test]
fn split_sparse_and_v4_indexes_get_exactly_one_ticket_move() {
    for mode in ["split", "sparse", "v4", "many-files"] {
        let (env, ids) = repo_with(1);
        let id = &ids[0];
        env.write("src/a/f", "x");
        env.write("src/b/g", "y");
        env.commit_all("sources");
        match mode {
            "split" => {
                env.git(&["config", "core.splitIndex", "true"]);
                env.git(&["update-index", "--split-index"]);
            }
            "sparse" => {
                env.git(&["config", "index.sparse", "true"]);
                env.git(&["sparse-checkout", "set", "--cone", "tickets", "src/a"]);
            }
            "v4" => {
                env.git(&["update-index", "--index-version", "4"]);
            }
            _ => {
                env.git(&["config", "feature.manyFiles", "true"]);
                env.git(&["update-index", "--index-version", "4"]);
            }
        }
        env.run(&["start", id]).ok();
        assert_eq!(in_tree(&env, &env.root, "HEAD", id), 1, "{mode}: start");
        assert_eq!(env.git(&["status", "--porcelain"]), "", "{mode}: start");
        let wt = env.worktree(id);
        env.run_in(&wt, &["close"]).ok();
        assert_eq!(in_tree(&env, &wt, "HEAD", id), 1, "{mode}: close");
        assert_eq!(
            env.git_in(&wt, &["status", "--porcelain"]),
            "",
            "{mode}: close"
        );
        env.git(&["merge", "-q", "--no-edit", id]);
        assert_eq!(in_tree(&env, &env.root, "HEAD", id), 1, "{mode}: merge");
        env.run(&["cleanup", id, "--yes"]).ok();
        env.run(&["fsck"]).ok();
    }
}

#[test]
fn start_waits_for_another_git_holding_the_index() {
    let (env, ids) = repo_with(1);
    let lock = env.root.join(".git/index.lock");
    fs::write(&lock, "").unwrap();
    let release = {
        let lock = lock.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(1200));
            fs::remove_file(lock).unwrap();
        })
    };
    let run = env.run(&["start", &ids[0]]);
    release.join().unwrap();
    assert_eq!(run.status, 0, "{}", run.snapshot());
    assert_eq!(folders(&env, &ids[0]), ["doing"]);
}

#[test]
fn a_lock_held_after_its_recorded_holder_exited_is_not_blamed_on_it() {
    let (env, ids) = repo_with(2);
    // Another program holds the lock file; the pid recorded in it is long gone.
    let path = env.root.join(".git/git-ticket.lock");
    fs::write(&path, format!("pid {}: git ticket start x\n", i32::MAX - 1)).unwrap();
    let mut holder = std::process::Command::new("flock");
    holder.arg(&path).args(["sleep", "3"]);
    let mut holder = holder.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_LOCK_TIMEOUT", "1")],
        &["set", &ids[1], "priority", "1", "-o", "json"],
    );
    let _ = holder.kill();
    let _ = holder.wait();
    assert_error(&run, "REPOSITORY_LOCKED");
    let details = run.json_err()["error"]["details"].to_string();
    assert!(details.contains("held by another process"), "{details}");
}

#[test]
fn small_ones_keys_lock_timeout_and_a_regular_current_ticket_file() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    let path = format!("tickets/todo/{id}.md");
    let before = env.read(&path);
    for key in ["#x", "", "a b", "x:y"] {
        let run = env.run(&["set", id, key, "c", "-o", "json"]);
        assert_eq!(run.status, 2, "{key:?}: {}", run.snapshot());
        assert_eq!(run.error_code(), "VALIDATION_ERROR");
        assert!(
            run.stderr.contains("priority"),
            "the valid fields are named: {}",
            run.stderr
        );
    }
    assert_eq!(env.read(&path), before, "the file changed");
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_LOCK_TIMEOUT", "soon")],
        &["new", "x", "-o", "json"],
    );
    assert_error(&run, "VALIDATION_ERROR");
    assert!(
        run.stderr.contains("GIT_TICKET_LOCK_TIMEOUT"),
        "{}",
        run.stderr
    );
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    fs::remove_file(wt.join("current-ticket.md")).unwrap();
    fs::write(wt.join("current-ticket.md"), "my notes").unwrap();
    let run = env.run_in(&wt, &["restore", "-o", "json"]);
    assert_error(&run, "VALIDATION_ERROR");
    assert_eq!(
        fs::read_to_string(wt.join("current-ticket.md")).unwrap(),
        "my notes"
    );
    env.run_in(&wt, &["restore", "--force"]).ok();
    assert!(
        fs::symlink_metadata(wt.join("current-ticket.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn cleanup_keeps_a_worktree_whose_ignored_files_are_not_build_output() {
    let (env, ids) = repo_with(2);
    let gitignore = env.read(".gitignore");
    env.write(".gitignore", format!("{gitignore}.env\ntarget/\n"));
    env.commit_all("ignore");
    let wt = done_and_merged(&env, &ids[0]);
    fs::create_dir_all(wt.join("target/debug")).unwrap();
    fs::write(wt.join("target/debug/x"), "built").unwrap();
    fs::write(wt.join(".env"), "SECRET=1").unwrap();
    for args in [
        &["cleanup", &ids[0], "--yes", "-o", "json"][..],
        &["cleanup", &ids[0], "--dry-run", "-o", "json"],
    ] {
        let run = env.run(args);
        assert_error(&run, "GIT_DIRTY_WORKSPACE");
        let details = run.json_err()["error"]["details"].to_string();
        assert!(
            details.contains(".env") && !details.contains("target"),
            "{details}"
        );
    }
    assert_eq!(fs::read_to_string(wt.join(".env")).unwrap(), "SECRET=1");
    // The bulk form keeps it too, and says why.
    let run = env.run(&["cleanup"]).ok();
    assert!(run.stdout.contains(".env"), "{}", run.snapshot());
    assert!(wt.join(".env").exists());
    // Rebuildable output alone does not keep a worktree.
    fs::remove_file(wt.join(".env")).unwrap();
    env.run(&["cleanup", &ids[0], "--yes"]).ok();
    assert!(!wt.exists());
    // --force removes it and says what was discarded.
    let wt = done_and_merged(&env, &ids[1]);
    fs::write(wt.join(".env"), "SECRET=2").unwrap();
    let run = env.run(&["cleanup", &ids[1], "--force"]).ok();
    assert!(run.stdout.contains(".env"), "{}", run.snapshot());
    assert!(!wt.exists());
}

#[test]
fn a_failed_rewrite_puts_the_ticket_back_where_it_was() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    let before = env.read(&format!("tickets/todo/{id}.md"));
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_FAILPOINT", "start:rewrite")],
        &["start", id, "-o", "json"],
    );
    assert_error(&run, "FILESYSTEM_ERROR");
    assert_eq!(folders(&env, id), ["todo"]);
    assert_eq!(env.read(&format!("tickets/todo/{id}.md")), before);
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    env.run(&["fsck"]).ok();
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    let run = env.run_with(
        &wt,
        &[("GIT_TICKET_FAILPOINT", "close:rewrite")],
        &["close", "-o", "json"],
    );
    assert_error(&run, "FILESYSTEM_ERROR");
    assert!(wt.join(format!("tickets/doing/{id}.md")).exists());
    assert!(!wt.join(format!("tickets/done/{id}.md")).exists());
    env.run_in(&wt, &["close"]).ok();
}

#[test]
fn fsck_names_stale_locks_and_phantom_staged_tickets_and_never_claims_them_fixed() {
    let (env, ids) = repo_with(1);
    let id = &ids[0];
    env.write(
        &format!("tickets/doing/{id}.md"),
        env.read(&format!("tickets/todo/{id}.md")),
    );
    env.git(&["add", &format!("tickets/doing/{id}.md")]);
    fs::remove_file(env.root.join(format!("tickets/doing/{id}.md"))).unwrap();
    let ref_lock = env.write(&format!(".git/refs/heads/{id}.lock"), "");
    let index_lock = env.write(".git/index.lock", "");
    for lock in [&ref_lock, &index_lock] {
        std::process::Command::new("touch")
            .args(["-d", "2 minutes ago"])
            .arg(lock)
            .status()
            .unwrap();
    }
    for args in [&["fsck"][..], &["fsck", "--fix"]] {
        let run = env.run(args);
        assert_eq!(run.status, 1, "{}", run.snapshot());
        let lines: Vec<&str> = run.stdout.lines().collect();
        for (kind, subject) in [
            ("stale-lock", "index.lock".to_owned()),
            ("stale-lock", format!("{id}.lock")),
            ("staged-ticket", format!("tickets/doing/{id}.md")),
        ] {
            let line = lines
                .iter()
                .find(|l| l.starts_with(kind) && l.contains(&subject))
                .unwrap_or_else(|| panic!("{kind} {subject} not reported:\n{}", run.stdout));
            assert!(!line.ends_with("(fixed)"), "{line}");
        }
    }
    assert!(
        ref_lock.exists() && index_lock.exists(),
        "a lock was removed"
    );
}

#[test]
fn branch_mode_starts_a_ticket_just_created() {
    let env = TestEnv::without_init_commands();
    set_config(&env, "enabled: true", "enabled: false");
    let id = env.new_ticket("bm-two");
    // The new ticket file is the only change: it is part of its own start.
    env.run(&["start", &id]).ok();
    assert_eq!(env.git(&["branch", "--show-current"]).trim(), id);
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]).trim(),
        format!("Start ticket: {id}")
    );
    assert_eq!(folders(&env, &id), ["doing"]);
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    // Anything else uncommitted still stops it.
    env.git(&["checkout", "-q", "main"]);
    let other = env.new_ticket("bm-three");
    env.write("notes.txt", "mine");
    let run = env.run(&["start", &other, "-o", "json"]);
    assert_error(&run, "GIT_DIRTY_WORKSPACE");
    assert!(run.stderr.contains("notes.txt"), "{}", run.stderr);
}
