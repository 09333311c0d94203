//! Habits a person brings from git (newcomer issue #14): cleanup says what a dry run would do
//! and takes "no" for an answer; a stale current-ticket.md is not believed; a sub-ticket's
//! merge target is its parent's branch; a reason of several lines keeps the commit subject
//! on one line.

use std::fs;

use crate::common::TestEnv;
use crate::test_workflow::{repo_with_ticket, sub_ticket_in_worktree};

/// A done ticket whose branch is merged, with its worktree still there.
fn done_and_merged(env: &TestEnv, id: &str) {
    env.run(&["start", id]).ok();
    env.run_in(&env.worktree(id), &["close"]).ok();
    env.git(&["merge", "-q", "--no-edit", id]);
}

#[test]
fn cleanup_dry_run_says_would_and_no_is_an_answer() {
    let (env, id) = repo_with_ticket("clean-me");
    let other = env.new_ticket("clean-me-too");
    env.commit_all("other");
    done_and_merged(&env, &id);
    done_and_merged(&env, &other);
    let run = env.run(&["cleanup", "--dry-run"]).ok();
    assert!(!run.stdout.contains("Worktrees removed"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Worktrees that would be removed: 2"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("Branches that would be deleted: 2"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("nothing removed"), "{}", run.stdout);
    assert!(env.worktree(&id).exists());
    // Answering no on a terminal: exit 0, no error, nothing removed.
    let run = env.run_tty(&["cleanup", &id], &[], 100, b"n\n");
    assert_eq!(run.status, 0, "{}", run.screen);
    assert!(run.screen.contains("Continue? [y/N]"), "{}", run.screen);
    assert!(
        run.screen.contains("Cleanup cancelled: nothing removed"),
        "{}",
        run.screen
    );
    assert!(!run.screen.contains("error"), "{}", run.screen);
    assert!(env.worktree(&id).exists());
    env.git(&["rev-parse", "--verify", "-q", &format!("refs/heads/{id}")]);
    let run = env.run_tty(&["cleanup", &id, "-o", "json"], &[], 100, b"n\n");
    assert_eq!(run.status, 0, "{}", run.screen);
    assert!(run.screen.contains("\"cancelled\": true"), "{}", run.screen);
    assert!(
        run.screen.contains("\"branch_deleted\": false"),
        "{}",
        run.screen
    );
    // Yes removes.
    let run = env.run_tty(&["cleanup", &id], &[], 100, b"y\n");
    assert_eq!(run.status, 0, "{}", run.screen);
    assert!(!env.worktree(&id).exists());
}

#[test]
fn a_stale_current_ticket_link_is_not_believed() {
    let (env, id) = repo_with_ticket("stale");
    let config = env
        .read(".ticketflow.yaml")
        .replace("enabled: true", "enabled: false");
    env.write(".ticketflow.yaml", config);
    env.commit_all("branch mode");
    env.run(&["start", &id]).ok();
    assert_eq!(env.run(&["current"]).ok().stdout, format!("{id}\n"));
    // A checkout without git-ticket's hooks leaves the link behind.
    env.git(&["checkout", "-q", "main"]);
    assert!(fs::read_link(env.root.join("current-ticket.md")).is_ok());
    let run = env.run(&["current"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains(&format!("current-ticket.md names {id}, but its branch")),
        "{}",
        run.stderr
    );
    let status = env.run(&["status"]).ok();
    // Not the active ticket: on the default branch it is listed as in progress elsewhere
    // (its branch), never as the current one.
    assert!(
        !status.stdout.contains("Active ticket"),
        "{}",
        status.stdout
    );
    assert!(
        status.stdout.contains("In progress elsewhere"),
        "{}",
        status.stdout
    );
    assert!(
        status
            .stdout
            .contains(&format!("current-ticket.md still names {id}")),
        "{}",
        status.stdout
    );
    let v = env.run(&["status", "-o", "json"]).ok().json();
    assert!(v["current_ticket"].is_null(), "{v}");
    // close without a ticket does not close the ticket of a branch left.
    let run = env.run(&["close", "-o", "json"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert!(env.root.join(format!("tickets/todo/{id}.md")).exists());
    assert!(
        env.git(&["show", &format!("{id}:tickets/doing/{id}.md")])
            .contains("started_at")
    );
    // fsck names it, with a command that works here, and --fix removes it.
    let run = env.run(&["fsck"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("dangling-current\tcurrent-ticket.md\t"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("(git ticket fsck --fix removes it)"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("restore"),
        "restore does not work on main: {}",
        run.stdout
    );
    env.run(&["fsck", "--fix"]).ok();
    assert!(fs::symlink_metadata(env.root.join("current-ticket.md")).is_err());
    // A link to an existing ticket whose branch is not checked out (the ticket merged into
    // main) is stale too.
    env.git(&["merge", "-q", "--no-edit", &id]);
    fs::remove_file(env.root.join(format!("tickets/todo/{id}.md"))).ok();
    std::os::unix::fs::symlink(
        format!("tickets/doing/{id}.md"),
        env.root.join("current-ticket.md"),
    )
    .unwrap();
    assert_eq!(env.run(&["current"]).status, 1);
    let run = env.run(&["fsck"]);
    assert!(
        run.stdout
            .contains(&format!("names {id}, but branch main is checked out")),
        "{}",
        run.stdout
    );
    env.run(&["fsck", "--fix"]).ok();
    // Back on the ticket's branch, the branch names it again.
    env.git(&["checkout", "-q", &id]);
    assert_eq!(env.run(&["current"]).ok().stdout, format!("{id}\n"));
}

#[test]
fn closing_a_sub_ticket_names_the_parent_branch_as_target() {
    let (env, parent) = repo_with_ticket("parent");
    let child = sub_ticket_in_worktree(&env, &parent);
    let ppath = env.worktree(&parent);
    env.run_in(&ppath, &["start", &child]).ok();
    let run = env.run_in(&env.worktree(&child), &["close"]).ok();
    assert!(
        run.stdout.contains(&format!("   - Target: {parent}\n")),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Target: main"), "{}", run.stdout);
    // A ticket without a parent still targets the default branch.
    let run = env.run_in(&ppath, &["close"]).ok();
    assert!(run.stdout.contains("   - Target: main\n"), "{}", run.stdout);
}

#[test]
fn a_reason_of_several_lines_keeps_the_subject_on_one_line() {
    let (env, id) = repo_with_ticket("multi");
    let reason = "duplicate of another ticket\nsee the discussion there\n\nand a third line";
    env.run(&["close", &id, "--reason", reason]).ok();
    let subject = env.git(&["log", "-1", "--format=%s"]);
    assert_eq!(
        subject,
        format!("Close ticket: {id} (duplicate of another ticket...)\n")
    );
    let body = env.git(&["log", "-1", "--format=%b"]);
    assert!(body.starts_with(reason), "{body}");
    // Recovery and the merged check read the subject back: fsck finds nothing wrong.
    env.run(&["fsck"]).ok();
    let v = env.run(&["show", &id, "-o", "json"]).ok().json();
    assert_eq!(v["ticket"]["closure_reason"], reason);
}

#[test]
fn control_characters_never_reach_the_terminal_in_the_queue_and_board_views() {
    let env = TestEnv::without_init_commands();
    let evil = "A\nB \u{1b}[31mRED\u{1b}[0m \u{202e}";
    let a = env.new_ticket("evil-a");
    let b = env.new_ticket("evil-b");
    let c = env.new_ticket("evil-c");
    for id in [&a, &b, &c] {
        env.run(&["set", id, "description", evil]).ok();
    }
    env.run(&["dep", "add", &b, &a]).ok();
    env.commit_all("tickets");
    env.run(&["start", &c]).ok();
    let views: [&[&str]; 7] = [
        &["status"],
        &["blocked"],
        &["dep", "tree", &b],
        &["board"],
        &["prime"],
        &["next"],
        &["ready"],
    ];
    for args in views {
        let out = env.run(args).stdout;
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains("A\nB"),
            "{args:?} passed control characters through:\n{out}"
        );
        assert!(out.contains("A\\nB"), "{args:?} shows it escaped:\n{out}");
    }
}

#[test]
fn the_dependency_placeholders_are_listed_and_completed() {
    let env = TestEnv::without_init_commands();
    let run = env.run(&["for-each-ticket", "--format", "%(nope)"]);
    assert_ne!(run.status, 0);
    for p in ["%(blocked-by)", "%(blocks)", "%(ready)", "%(field:<key>)"] {
        assert!(run.stderr.contains(p), "{p} missing from:\n{}", run.stderr);
    }
    let offered = env
        .run(&["__complete", "--", "for-each-ticket", "--format=%(bl"])
        .ok()
        .stdout;
    assert!(offered.contains("--format=%(blocked-by)"), "{offered}");
    assert!(offered.contains("--format=%(blocks)"), "{offered}");
}

#[test]
fn a_missing_argument_is_named_in_the_json_error() {
    let env = TestEnv::without_init_commands();
    let run = env.run(&["show", "-o", "json"]);
    assert_eq!(run.status, 2);
    let doc: serde_json::Value = serde_json::from_str(&run.stderr).unwrap();
    assert_eq!(
        doc["error"]["details"],
        "the following required arguments were not provided: <TICKET>"
    );
}
