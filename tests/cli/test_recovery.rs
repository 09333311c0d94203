//! Reliability, second round: what an attack with process-group kills, slow git, hostile
//! repositories and odd git states found. Each test fails without the fix it proves.

use std::fs;
use std::os::unix::process::CommandExt;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::{TestEnv, assert_error};

/// An initialised repository (no init commands) with `n` committed todo tickets.
fn repo_with(n: usize) -> (TestEnv, Vec<String>) {
    let env = TestEnv::without_init_commands();
    let ids = (0..n)
        .map(|i| env.new_ticket(&format!("task-{i}")))
        .collect();
    env.commit_all("tickets");
    (env, ids)
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
    assert_error(&run, "GIT_MERGE_FAILED");
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
    let ps = std::process::Command::new("pgrep")
        .args(["-f", "sleep 6"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&ps.stdout).trim().is_empty(),
        "the hook outlived the timeout"
    );
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
