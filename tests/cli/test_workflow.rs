//! The git workflow end to end, with real worktrees: start, close, status, restore, cleanup,
//! worktree, trust — and the safety rules: nothing swept into commits, nothing lost, failures
//! at each step leave a state that is as before or completed by re-running.

use std::fs;
use std::path::PathBuf;

use crate::common::{TestEnv, assert_error};
use crate::snap;

/// An initialised repository with no init commands and one committed todo ticket.
pub(crate) fn repo_with_ticket(slug: &str) -> (TestEnv, String) {
    let env = TestEnv::without_init_commands();
    let id = env.new_ticket(slug);
    env.commit_all("add ticket");
    (env, id)
}

fn log(env: &TestEnv, cwd: &std::path::Path) -> String {
    env.git_in(
        cwd,
        &["log", "--format=%s", "--name-status", "--no-renames"],
    )
}

#[test]
fn full_cycle_start_work_close_merge_cleanup() {
    let (env, id) = repo_with_ticket("full-cycle");
    let run = env.run(&["start", "full-cycle"]).ok();
    snap!("start_text", run.snapshot());
    let path = env.worktree(&id);
    assert!(path.is_dir());
    // The start commit is on main and holds exactly the move to doing.
    let main_log = env.git(&["log", "-1", "--format=%s", "--name-status", "--no-renames"]);
    assert_eq!(
        main_log,
        format!("Start ticket: {id}\n\nA\ttickets/doing/{id}.md\nD\ttickets/todo/{id}.md\n")
    );
    let link = fs::read_link(path.join("current-ticket.md")).unwrap();
    assert_eq!(link, PathBuf::from(format!("tickets/doing/{id}.md")));
    let doing = env.read(&format!("tickets/doing/{id}.md"));
    assert!(doing.contains("started_at: \"20"), "{doing}");

    let run = env.run_in(&path, &["status", "-o", "json"]).ok();
    snap!("status_worktree_json", run.snapshot());
    let status = run.json();
    assert_eq!(status["current_ticket"]["id"], id.as_str());
    assert_eq!(status["current_branch"], id.as_str());

    fs::write(path.join("feature.txt"), "work").unwrap();
    let run = env.run_in(&path, &["close"]);
    assert_eq!(run.status, 1, "dirty worktree must block close");
    assert!(run.stderr.contains("feature.txt"), "{}", run.stderr);
    env.git_in(&path, &["add", "feature.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "work"]);
    let run = env.run_in(&path, &["close", "-o", "json"]).ok();
    snap!("close_json", run.snapshot());
    assert!(!path.join("current-ticket.md").exists());
    let last = env.git_in(
        &path,
        &["log", "-1", "--format=%s", "--name-status", "--no-renames"],
    );
    assert_eq!(
        last,
        format!("Close ticket: {id}\n\nD\ttickets/doing/{id}.md\nA\ttickets/done/{id}.md\n")
    );

    // Before the merge, main still sees the ticket in doing: cleanup refuses.
    let run = env.run(&["cleanup", &id, "--yes", "-o", "json"]);
    assert_error(&run, "TICKET_NOT_DONE");
    env.git(&["merge", "-q", "--no-edit", &id]);
    let run = env.run(&["cleanup", &id, "--yes", "-o", "json"]).ok();
    snap!("cleanup_json", run.snapshot());
    assert!(!path.exists());
    assert_eq!(env.git(&["branch", "--list", &id]), "");
    assert!(env.root.join(format!("tickets/done/{id}.md")).is_file());
}

#[test]
fn start_and_close_never_sweep_the_index() {
    let (env, id) = repo_with_ticket("clean-commits");
    env.write("staged.txt", "staged");
    env.git(&["add", "staged.txt"]);
    env.write("README.md", "unstaged edit");
    env.new_ticket("another");
    env.run(&["start", &id]).ok();
    let names = env.git(&["show", "--name-only", "--no-renames", "--format=", "HEAD"]);
    assert_eq!(
        names,
        format!("tickets/doing/{id}.md\ntickets/todo/{id}.md\n")
    );
    let status = env.git(&["status", "--porcelain"]);
    assert!(status.contains("A  staged.txt"), "{status}");
    assert!(status.contains("?? README.md"), "{status}");
    assert!(
        status.contains("?? tickets/todo/"),
        "the other new ticket stays untracked: {status}"
    );

    // Close by ID from main with a reason: again only the ticket.
    let run = env
        .run(&["close", &id, "--reason", "  changed plans ", "-o", "json"])
        .ok();
    let v = run.json();
    assert_eq!(v["mode"], "by_id");
    assert_eq!(v["close_reason"], "  changed plans ");
    let msg = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(msg, format!("Close ticket: {id} (  changed plans )\n"));
    let names = env.git(&["show", "--name-only", "--no-renames", "--format=", "HEAD"]);
    assert_eq!(
        names,
        format!("tickets/doing/{id}.md\ntickets/done/{id}.md\n")
    );
    assert!(
        env.git(&["status", "--porcelain"])
            .contains("A  staged.txt")
    );
    let done = env.read(&format!("tickets/done/{id}.md"));
    assert!(done.contains("closure_reason: changed plans\n"), "{done}");
    assert!(
        done.contains("\n\n## Closure Note\n**Closed on**: "),
        "{done}"
    );
    assert!(done.ends_with("**Reason**: changed plans\n"), "{done}");
}

#[test]
fn close_by_id_rules() {
    let (env, id) = repo_with_ticket("by-id");
    let todo = env.new_ticket("cancel-me");
    env.commit_all("another");
    env.run(&["start", &id]).ok();
    // A branch with only its start commit is not "merged" (TicketFlow's W24).
    let run = env.run(&["close", &id, "-o", "json"]);
    assert_eq!(run.status, 1);
    snap!("close_reason_required", run.snapshot());
    // Todo tickets can be cancelled with a reason.
    let v = env
        .run(&["close", &todo, "--reason", "duplicate", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["status"], "done");
    let run = env.run(&["close", &todo, "--reason", "again", "-o", "json"]);
    assert_error(&run, "TICKET_ALREADY_CLOSED");
    let run = env.run(&["close", &id, "--reason", "   "]);
    assert!(run.stderr.contains("Empty reason"), "{}", run.stderr);
    // Once the branch has work merged into main, no reason is needed.
    let path = env.worktree(&id);
    fs::write(path.join("x.txt"), "x").unwrap();
    env.git_in(&path, &["add", "x.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "work"]);
    env.git(&["merge", "-q", "--no-edit", &id]);
    let v = env.run(&["close", &id, "-o", "json"]).ok().json();
    assert_eq!(v["mode"], "by_id");
    // No current ticket on main.
    let run = env.run(&["close"]);
    assert!(run.stderr.contains("No active ticket"), "{}", run.stderr);
}

/// Starts `parent`, creates the sub-ticket `child` in its worktree and commits it there;
/// returns the sub-ticket's ID.
pub(crate) fn sub_ticket_in_worktree(env: &TestEnv, parent: &str) -> String {
    env.run(&["start", parent]).ok();
    let ppath = env.worktree(parent);
    let child = env
        .run_in(&ppath, &["new", "child", "-o", "json"])
        .ok()
        .json();
    let child = child["ticket"]["id"].as_str().unwrap().to_owned();
    env.git_in(&ppath, &["add", "-A"]);
    env.git_in(&ppath, &["commit", "-q", "-m", "add child"]);
    child
}

#[test]
fn sub_ticket_from_inside_a_worktree_is_a_sibling() {
    let (env, parent) = repo_with_ticket("parent");
    let child = sub_ticket_in_worktree(&env, &parent);
    let ppath = env.worktree(&parent);
    let v = env
        .run_in(&ppath, &["start", &child, "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["parent_branch"], parent.as_str());
    let cpath = env.worktree(&child);
    assert_eq!(
        v["worktree_path"],
        cpath
            .to_str()
            .unwrap()
            .replace(env.dir.path().to_str().unwrap(), "[TMP]")
    );
    assert!(cpath.is_dir(), "sibling worktree, not nested");
    // The start commit of the child is on the parent's branch; the child branches from it.
    let plog = env.git_in(&ppath, &["log", "-1", "--format=%s"]);
    assert_eq!(plog, format!("Start ticket: {child}\n"));
    let clog = env.git_in(&cpath, &["log", "-2", "--format=%s"]);
    assert_eq!(clog, format!("Start ticket: {child}\nadd child\n"));
    assert_eq!(env.git(&["worktree", "list"]).lines().count(), 3);
}

#[test]
fn branch_mode() {
    let (env, id) = repo_with_ticket("branchy");
    let config = env
        .read(".ticketflow.yaml")
        .replace("enabled: true", "enabled: false");
    env.write(".ticketflow.yaml", config);
    env.commit_all("branch mode");
    env.write("dirty.txt", "x");
    let run = env.run(&["start", &id, "-o", "json"]);
    assert_error(&run, "GIT_DIRTY_WORKSPACE");
    fs::remove_file(env.root.join("dirty.txt")).unwrap();
    // A failing commit leaves the user on main with no new branch.
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_FAILPOINT", "start:commit")],
        &["start", &id],
    );
    assert_eq!(run.status, 1);
    assert_eq!(env.git(&["branch", "--show-current"]), "main\n");
    assert_eq!(env.git(&["branch", "--list", &id]), "");
    assert!(env.root.join(format!("tickets/todo/{id}.md")).is_file());
    let v = env.run(&["start", &id, "-o", "json"]).ok().json();
    assert_eq!(v["worktree_path"], "");
    assert_eq!(env.git(&["branch", "--show-current"]), format!("{id}\n"));
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]),
        format!("Start ticket: {id}\n")
    );
    assert!(fs::read_link(env.root.join("current-ticket.md")).is_ok());
    env.run(&["close"]).ok();
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]),
        format!("Close ticket: {id}\n")
    );
}

#[test]
fn force_never_loses_commits_or_uncommitted_work() {
    let (env, id) = repo_with_ticket("precious");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    fs::write(path.join("committed.txt"), "1").unwrap();
    env.git_in(&path, &["add", "committed.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "unique work"]);
    fs::write(path.join("uncommitted.txt"), "2").unwrap();
    let run = env.run(&["start", &id, "-o", "json"]);
    assert_error(&run, "TICKET_ALREADY_STARTED");
    // A healthy worktree is never recreated: --force has nothing to repair.
    let v = env
        .run(&["start", &id, "--force", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["nothing_to_repair"], true);
    assert_eq!(
        fs::read_to_string(path.join("uncommitted.txt")).unwrap(),
        "2"
    );
    // A worktree whose folder is gone is recreated on its branch, commits intact.
    fs::remove_dir_all(&path).unwrap();
    let v = env
        .run(&["start", &id, "--force", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["is_recreating_worktree"], true);
    assert_eq!(v["original_status"], "doing");
    assert_eq!(
        env.git_in(&path, &["log", "-1", "--format=%s"]),
        "unique work\n"
    );
    assert!(path.join("current-ticket.md").exists());
    // In text: the status did not change.
    fs::remove_dir_all(&path).unwrap();
    let out = env.run(&["start", &id, "--force"]).ok().stdout;
    assert!(out.contains("   Status: doing (unchanged)\n"), "{out}");
}

#[test]
fn cleanup_safety() {
    let (env, id) = repo_with_ticket("unmerged");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    fs::write(path.join("w.txt"), "w").unwrap();
    env.git_in(&path, &["add", "w.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "work"]);
    env.run_in(&path, &["close"]).ok();
    // Mark it done on main without merging the branch.
    env.run(&["close", &id, "--reason", "abandoned"]).ok();
    let run = env.run(&["cleanup", &id]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("Branch not merged"), "{}", run.stderr);
    let run = env.run(&["cleanup", &id, "--yes"]);
    assert_eq!(run.status, 1, "--yes does not override safety");
    // Auto-cleanup skips it and says why.
    let run = env.run(&["cleanup", "--dry-run"]).ok();
    assert!(
        run.stdout.contains(&format!(
            "Kept {id}: branch not merged into main: merge {id} first"
        )),
        "{}",
        run.snapshot()
    );
    fs::write(path.join("scratch.txt"), "uncommitted").unwrap();
    assert_eq!(env.run(&["cleanup", &id, "--yes"]).status, 1);
    assert!(path.join("scratch.txt").exists());
    let run = env.run(&["cleanup", &id, "--force"]).ok();
    assert!(
        run.stdout
            .contains("Discarded uncommitted change: scratch.txt"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("not merged"), "{}", run.stdout);
    assert!(!path.exists());
    assert_eq!(env.git(&["branch", "--list", &id]), "");
}

#[test]
fn cleanup_needs_confirmation_when_not_interactive() {
    let (env, id) = repo_with_ticket("confirm");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    env.run_in(&path, &["close"]).ok();
    env.git(&["merge", "-q", "--no-edit", &id]);
    let run = env.run(&["cleanup", &id]);
    assert_eq!(run.status, 1);
    snap!("cleanup_needs_confirmation", run.snapshot());
    assert!(path.exists());
    // The user's branch is never switched.
    assert_eq!(env.git(&["branch", "--show-current"]), "main\n");
    // Merged, but with uncommitted work in the worktree: refused, naming the file.
    fs::write(path.join("notes.txt"), "keep me").unwrap();
    let run = env.run(&["cleanup", &id, "--yes", "-o", "json"]);
    assert_error(&run, "GIT_DIRTY_WORKSPACE");
    assert!(run.stderr.contains("notes.txt"), "{}", run.stderr);
    assert!(path.join("notes.txt").exists());
    fs::remove_file(path.join("notes.txt")).unwrap();
    env.run(&["cleanup", &id, "--yes"]).ok();
    assert!(!path.exists());
}

#[test]
fn auto_cleanup_spares_foreign_worktrees() {
    let (env, id) = repo_with_ticket("auto");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    fs::write(path.join("a.txt"), "a").unwrap();
    env.git_in(&path, &["add", "a.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "work"]);
    env.run_in(&path, &["close"]).ok();
    env.git(&["merge", "-q", "--no-edit", &id]);
    // A user worktree under base_dir that is not a ticket, and one elsewhere.
    let base = env.dir.path().join(".worktrees");
    env.git(&[
        "worktree",
        "add",
        "-q",
        "-b",
        "experiment",
        base.join("experiment").to_str().unwrap(),
    ]);
    let elsewhere = env.dir.path().join("mine");
    env.git(&[
        "worktree",
        "add",
        "-q",
        "-b",
        "mine",
        elsewhere.to_str().unwrap(),
    ]);
    let run = env.run(&["cleanup", "--dry-run"]).ok();
    assert!(
        run.stdout.contains("Would remove worktree"),
        "{}",
        run.stdout
    );
    assert!(path.exists(), "dry run changes nothing");
    let run = env.run(&["worktree", "clean", "-o", "json"]).ok();
    assert_eq!(run.json()["cleaned_worktrees"], serde_json::json!([id]));
    assert!(!path.exists());
    assert!(base.join("experiment").exists());
    assert!(elsewhere.exists());
    let v = env.run(&["cleanup", "-o", "json"]).ok().json();
    assert_eq!(v["result"]["deleted_branches"], serde_json::json!([id]));
    assert!(
        env.git(&["branch", "--list", "experiment"])
            .contains("experiment")
    );
    let list = env.run(&["worktree", "list", "-o", "json"]).ok().json();
    assert_eq!(list["worktrees"].as_array().unwrap().len(), 3);
    assert!(list["worktrees"][0]["HEAD"].as_str().unwrap().len() == 40);
}

#[test]
fn init_commands_run_only_when_trusted() {
    let (env, id) = repo_with_ticket("trusted");
    let config = env.read(".ticketflow.yaml").replace(
        "    init_commands: []\n",
        "    init_commands:\n        - touch init-ran && echo both-ran > both\n        - exit 3\n",
    );
    env.write(".ticketflow.yaml", config);
    env.commit_all("init commands");
    let run = env.run(&["start", &id, "-o", "json"]).ok();
    let v = run.json();
    assert_eq!(v["init_commands_executed"], false);
    assert_eq!(v["init_commands_trusted"], false);
    assert!(run.stderr.contains("git ticket trust"), "{}", run.stderr);
    assert!(!env.worktree(&id).join("init-ran").exists());

    let run = env.run(&["trust"]).ok();
    assert!(run.stdout.contains("$ exit 3"), "{}", run.stdout);
    env.run(&["trust", "--check"]).ok();
    let other = env.new_ticket("second");
    env.commit_all("second");
    let v = env.run(&["start", &other, "-o", "json"]).ok().json();
    assert_eq!(v["init_commands_executed"], true);
    let path = env.worktree(&other);
    assert!(path.join("init-ran").exists());
    assert_eq!(fs::read_to_string(path.join("both")).unwrap(), "both-ran\n");
    assert_eq!(v["init_commands"][0]["success"], true);
    assert_eq!(v["init_commands"][1]["success"], false);
    assert_eq!(v["init_commands"][1]["exit_code"], 3);
    // Any change to the config needs a new trust.
    env.write(
        ".ticketflow.yaml",
        env.read(".ticketflow.yaml").replace("exit 3", "exit 4"),
    );
    assert_eq!(env.run(&["trust", "--check"]).status, 1);
    env.run(&["trust", "--revoke"]).ok();
}

#[test]
fn injected_failures_leave_a_recoverable_state() {
    let (env, id) = repo_with_ticket("fragile");
    let head = env.git(&["rev-parse", "HEAD"]);
    let fail = |step: &str, args: &[&str]| {
        let run = env.run_with(&env.root, &[("GIT_TICKET_FAILPOINT", step)], args);
        assert_eq!(run.status, 1, "{step}: {}", run.snapshot());
        run
    };
    // Commit fails: nothing changed.
    let run = fail("start:commit", &["start", &id]);
    assert!(run.stderr.contains("Nothing was changed"), "{}", run.stderr);
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head);
    assert!(env.root.join(format!("tickets/todo/{id}.md")).is_file());
    assert!(!env.root.join(format!("tickets/doing/{id}.md")).exists());
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    // Worktree creation fails after the commit: running start again completes.
    let run = fail("start:worktree", &["start", &id]);
    assert!(
        run.stderr.contains("run 'git ticket start"),
        "{}",
        run.stderr
    );
    assert!(env.root.join(format!("tickets/doing/{id}.md")).is_file());
    assert!(!env.worktree(&id).exists());
    let v = env.run(&["start", &id, "-o", "json"]).ok().json();
    assert_eq!(v["original_status"], "doing");
    assert!(env.worktree(&id).join("current-ticket.md").exists());
    let path = env.worktree(&id);
    // Close fails at its commit: nothing changed.
    let before = log(&env, &path);
    let run = env.run_with(
        &path,
        &[("GIT_TICKET_FAILPOINT", "close:commit")],
        &["close"],
    );
    assert_eq!(run.status, 1);
    assert_eq!(log(&env, &path), before);
    assert!(path.join(format!("tickets/doing/{id}.md")).is_file());
    assert!(path.join("current-ticket.md").exists());
    env.run_in(&path, &["close"]).ok();
    env.git(&["merge", "-q", "--no-edit", &id]);
    // Cleanup fails removing the worktree: nothing removed; at the branch: re-run completes.
    fail("cleanup:worktree", &["cleanup", &id, "--yes"]);
    assert!(path.exists());
    let run = fail("cleanup:branch", &["cleanup", &id, "--yes"]);
    assert!(
        run.stderr.contains("run 'git ticket cleanup"),
        "{}",
        run.stderr
    );
    assert!(!path.exists());
    env.run(&["cleanup", &id, "--yes"]).ok();
    assert_eq!(env.git(&["branch", "--list", &id]), "");
}

#[test]
fn start_link_failure_is_completed_by_restore() {
    let (env, id) = repo_with_ticket("linkless");
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_FAILPOINT", "start:link")],
        &["start", &id, "-o", "json"],
    );
    assert_error(&run, "FILESYSTEM_ERROR");
    assert!(run.stderr.contains("git ticket restore"), "{}", run.stderr);
    let path = env.worktree(&id);
    let v = env.run_in(&path, &["restore", "-o", "json"]).ok().json();
    assert_eq!(v["target_path"], format!("tickets/doing/{id}.md"));
    assert!(path.join("current-ticket.md").exists());
}

#[test]
fn start_refusals() {
    let (env, id) = repo_with_ticket("refused");
    env.git(&["checkout", "-q", "-b", "feature"]);
    let run = env.run(&["start", &id]);
    assert_eq!(run.status, 1);
    snap!("start_wrong_branch", run.snapshot());
    env.git(&["checkout", "-q", "main"]);
    env.run(&["close", &id, "--reason", "no"]).ok();
    let run = env.run(&["start", &id, "-o", "json"]);
    assert_error(&run, "TICKET_ALREADY_CLOSED");
    let empty = TestEnv::new();
    empty.run(&["init"]).ok();
    let t = empty.new_ticket("first");
    let run = empty.run(&["start", &t]);
    assert!(run.stderr.contains("no commits"), "{}", run.stderr);
}

#[test]
fn reads_need_no_git_executable() {
    let (env, id) = repo_with_ticket("no-git");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    let empty_path = env.dir.path().join("empty-bin");
    fs::create_dir_all(&empty_path).unwrap();
    let vars = [("PATH", empty_path.to_str().unwrap())];
    for args in [
        &["list", "-s", "all"][..],
        &["show", &id],
        &["status"],
        &["worktree", "list"],
    ] {
        env.run_with(&path, &vars, args).ok();
        env.run_with(&env.root, &vars, args).ok();
    }
    let status = env
        .run_with(&path, &vars, &["status", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        status["current_ticket"]["worktree_path"],
        path.to_str()
            .unwrap()
            .replace(env.dir.path().to_str().unwrap(), "[TMP]")
    );
    // A write says clearly that git is needed.
    let run = env.run_with(&path, &vars, &["close"]);
    assert!(run.stderr.contains("git executable"), "{}", run.stderr);
    let run = env.run_with(&path, &vars, &["close", "-o", "json"]);
    assert_error(&run, "GIT_NOT_FOUND");
}

#[test]
fn status_from_the_main_worktree() {
    let (env, id) = repo_with_ticket("visible");
    env.run(&["start", &id]).ok();
    let run = env.run(&["status"]).ok();
    snap!("status_main_text", run.snapshot());
    let v = env.run(&["status", "-o", "json"]).ok().json();
    assert_eq!(v["current_ticket"], serde_json::Value::Null);
    assert_eq!(v["worktrees"][0]["ticket_id"], id.as_str());
}

#[test]
fn commits_run_the_users_hooks() {
    let (env, id) = repo_with_ticket("hooked");
    let hooks = env.root.join(".git/hooks");
    fs::create_dir_all(&hooks).unwrap();
    let hook = hooks.join("pre-commit");
    fs::write(&hook, "#!/bin/sh\necho refused by policy >&2\nexit 1\n").unwrap();
    fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let head = env.git(&["rev-parse", "HEAD"]);
    let run = env.run(&["start", &id]);
    assert_eq!(run.status, 1);
    assert!(run.stderr.contains("refused by policy"), "{}", run.stderr);
    assert!(run.stderr.contains("Nothing was changed"), "{}", run.stderr);
    assert_eq!(env.git(&["rev-parse", "HEAD"]), head);
    assert_eq!(env.git(&["status", "--porcelain"]), "");
    fs::write(&hook, "#!/bin/sh\ntouch \"$GIT_DIR/../hook-ran\"\n").unwrap();
    env.run(&["start", &id]).ok();
    assert!(
        env.root.join("hook-ran").exists(),
        "the pre-commit hook ran"
    );
}

#[test]
fn ticket_with_a_parent_branch_starts_from_it() {
    let (env, parent) = repo_with_ticket("epic");
    env.run(&["start", &parent]).ok();
    let ppath = env.worktree(&parent);
    fs::write(ppath.join("epic.txt"), "epic work").unwrap();
    env.git_in(&ppath, &["add", "epic.txt"]);
    env.git_in(&ppath, &["commit", "-q", "-m", "epic work"]);
    // A sub-ticket created on main, naming the parent explicitly.
    let child = env
        .run(&["new", "part", "--parent", &parent, "-o", "json"])
        .ok()
        .json();
    let child = child["ticket"]["id"].as_str().unwrap().to_owned();
    env.commit_all("add child");
    let run = env.run(&["start", &child, "-o", "json"]).ok();
    snap!("start_json_with_parent", run.snapshot());
    let cpath = env.worktree(&child);
    // Branched from the parent (has its work), and the ticket is in doing there too.
    assert!(cpath.join("epic.txt").exists());
    assert!(cpath.join(format!("tickets/doing/{child}.md")).is_file());
    assert_eq!(env.git_in(&cpath, &["status", "--porcelain"]), "");
    assert_eq!(
        env.git(&["log", "-1", "--format=%s"]),
        format!("Start ticket: {child}\n")
    );
    // Closing the child by ID from the parent's worktree keeps the parent's link.
    env.git_in(&ppath, &["merge", "-q", "--no-edit", "main"]);
    env.run_in(
        &ppath,
        &["close", &child, "--reason", "folded into the epic"],
    )
    .ok();
    assert!(ppath.join("current-ticket.md").exists());
}

#[test]
fn git_failures_explain_the_next_step() {
    let (env, id) = repo_with_ticket("locked");
    env.write(".git/index.lock", "");
    // A lock that outlasts the wait (1 s here) is reported, not removed.
    let run = env.run_with(
        &env.root,
        &[("GIT_TICKET_LOCK_TIMEOUT", "1")],
        &["start", &id, "-o", "json"],
    );
    assert_error(&run, "GIT_INDEX_LOCKED");
    assert!(run.stderr.contains("index.lock"), "{}", run.stderr);
    assert!(run.stderr.contains("Nothing was changed"), "{}", run.stderr);
    assert!(env.root.join(".git/index.lock").exists());
    fs::remove_file(env.root.join(".git/index.lock")).unwrap();
    assert!(env.root.join(format!("tickets/todo/{id}.md")).is_file());
    // A folder in the way of the worktree is reported before anything changes.
    fs::create_dir_all(env.worktree(&id)).unwrap();
    let run = env.run(&["start", &id, "-o", "json"]);
    assert_error(&run, "WORKTREE_EXISTS");
    assert!(env.root.join(format!("tickets/todo/{id}.md")).is_file());
}

#[test]
fn clean_filters_apply_to_ticket_commits() {
    let (env, id) = repo_with_ticket("filtered");
    // A clean filter (as LFS uses) on ticket files runs when the ticket is committed
    // (git commit --only reads the paths through the filters).
    let marker = env.dir.path().join("filter-ran");
    env.write(".gitattributes", "tickets/**/*.md filter=mark\n");
    env.git(&[
        "config",
        "filter.mark.clean",
        &format!("touch {} && cat", marker.display()),
    ]);
    env.git(&["config", "filter.mark.smudge", "cat"]);
    env.commit_all("attributes");
    std::fs::remove_file(&marker).ok();
    env.run(&["start", &id]).ok();
    assert!(marker.exists(), "the clean filter did not run");
    // Without the attribute, the committed blob is the file as it is.
    let other = env.new_ticket("plain");
    env.write(".gitattributes", "");
    env.commit_all("no attributes");
    std::fs::remove_file(&marker).ok();
    env.run(&["close", &other, "--reason", "not needed"]).ok();
    assert!(!marker.exists());
    let blob = env.git(&["show", &format!("HEAD:tickets/done/{other}.md")]);
    assert_eq!(blob, env.read(&format!("tickets/done/{other}.md")));
}

#[test]
fn start_and_close_follow_the_configured_default_format() {
    // The format is resolved once, after the config is loaded, and handed to start and close.
    let (env, id) = repo_with_ticket("json-default");
    let config = env
        .read(".ticketflow.yaml")
        .replace("default_format: text", "default_format: json");
    env.write(".ticketflow.yaml", config);
    env.commit_all("json by default");
    let v = env.run(&["start", &id]).ok().json();
    assert_eq!(v["ticket_id"], id.as_str());
    let v = env.run_in(&env.worktree(&id), &["close"]).ok().json();
    assert_eq!(v["ticket_id"], id.as_str());
}
