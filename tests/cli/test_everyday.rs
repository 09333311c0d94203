//! The everyday verbs a newcomer reached for (issue 14): `new --description/-d`,
//! `new --priority/-y`, `new --edit` (the editor chosen as git chooses it, run through the
//! shell), and `reopen` (done → doing or todo, one commit, journaled like close).

use std::fs;
use std::path::Path;

use crate::common::{TestEnv, assert_error};

/// Writes an executable script `name` in the test's folder and returns its path.
fn script(env: &TestEnv, name: &str, body: &str) -> String {
    let path = env.dir.path().join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
    fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    path.display().to_string()
}

fn ticket_text(env: &TestEnv, folder: &str, id: &str) -> String {
    env.read(&format!("tickets/{folder}/{id}.md"))
}

#[test]
fn new_takes_a_description_and_a_priority() {
    let env = TestEnv::without_init_commands();
    let v = env
        .run(&[
            "new",
            "fix-login",
            "-d",
            "Fix the <login> page: now",
            "-y",
            "0",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let id = v["ticket"]["id"].as_str().unwrap().to_owned();
    let text = ticket_text(&env, "todo", &id);
    assert!(
        text.starts_with(
            "---\npriority: 0\ndescription: \"Fix the <login> page: now\"\ncreated_at: "
        ),
        "{text}"
    );
    assert_eq!(
        env.run(&["get", &id, "description"]).ok().stdout,
        "Fix the <login> page: now\n"
    );
    // Long forms, and -p is still --parent.
    let v = env
        .run(&[
            "new",
            "child",
            "--description",
            "Sub",
            "--priority",
            "3",
            "-p",
            "fix-login",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(v["parent_ticket"], id.as_str());
    let child = v["ticket"]["id"].as_str().unwrap();
    assert!(ticket_text(&env, "todo", child).starts_with("---\npriority: 3\ndescription: Sub\n"));
    // Negative or non-numeric priorities are refused with the valid range; nothing is made.
    for bad in ["-1", "high"] {
        let run = env.run(&["new", "bad", "-y", bad]);
        assert_eq!(run.status, 2, "{}", run.snapshot());
        assert!(
            run.stderr.contains("from 0 (most urgent)"),
            "{}",
            run.stderr
        );
    }
    let files = fs::read_dir(env.root.join("tickets/todo")).unwrap().count();
    assert_eq!(files, 3, "two tickets and the placeholder");
    // Without the flags the file is TicketFlow's, byte for byte.
    let plain = env.new_ticket("plain");
    assert!(ticket_text(&env, "todo", &plain).starts_with("---\npriority: 2\ndescription: \"\"\n"));
}

#[test]
fn new_edit_opens_the_editor_through_the_shell_in_gits_order() {
    let env = TestEnv::without_init_commands();
    // An editor command with arguments (like `code -w`), run through the shell.
    let editor = script(
        &env,
        "ed.sh",
        "printf '%s\\n' \"$1\" >> \"$2\"\necho \"editing $2\" >&2\n",
    );
    let run = env.run_with(
        &env.root,
        &[("EDITOR", &format!("{editor} 'from EDITOR'"))],
        &["new", "edited", "--edit"],
    );
    let run = run.ok();
    assert!(
        run.stdout.contains("Created new ticket"),
        "{}",
        run.snapshot()
    );
    assert!(run.stderr.contains("editing "), "{}", run.snapshot());
    let id = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("🎫 Created new ticket: "))
        .unwrap()
        .to_owned();
    assert!(ticket_text(&env, "todo", &id).ends_with("from EDITOR\n"));
    // GIT_EDITOR before core.editor before VISUAL before EDITOR, as git.
    let vars = |extra: &[(&'static str, String)]| -> Vec<(&'static str, String)> {
        let mut v = vec![("EDITOR", format!("{editor} EDITOR"))];
        v.extend(extra.iter().cloned());
        v
    };
    let who = |vars: Vec<(&'static str, String)>, slug: &str| -> String {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let v = env
            .run_with(&env.root, &vars, &["new", slug, "-e", "-o", "json"])
            .ok()
            .json();
        let id = v["ticket"]["id"].as_str().unwrap();
        // The template ends without a newline: the editor's line follows it.
        let text = ticket_text(&env, "todo", id);
        let last = text.lines().last().unwrap();
        last.trim_start_matches("[Additional notes or remarks]")
            .to_owned()
    };
    assert_eq!(
        who(vars(&[("VISUAL", format!("{editor} VISUAL"))]), "v"),
        "VISUAL"
    );
    env.git(&["config", "core.editor", &format!("{editor} core.editor")]);
    assert_eq!(
        who(vars(&[("VISUAL", format!("{editor} VISUAL"))]), "c"),
        "core.editor"
    );
    assert_eq!(
        who(vars(&[("GIT_EDITOR", format!("{editor} GIT_EDITOR"))]), "g"),
        "GIT_EDITOR"
    );
}

#[test]
fn new_edit_keeps_the_ticket_when_the_editor_fails() {
    let env = TestEnv::without_init_commands();
    let run = env.run_with(
        &env.root,
        &[("EDITOR", "exit 3;")],
        &["new", "kept", "-e", "-o", "json"],
    );
    assert_error(&run, "EDITOR_FAILED");
    let details = run.json_err()["error"]["details"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        details.contains("is created at") && details.contains("exited with status 3"),
        "{details}"
    );
    let files: Vec<String> = fs::read_dir(env.root.join("tickets/todo"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-kept.md"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "the ticket was created before the editor ran"
    );
    // An editor that leaves the header broken: the ticket is kept, the problem said.
    let breaker = script(&env, "break.sh", "printf 'x: [\\n' > \"$1\"\n");
    let run = env
        .run_with(&env.root, &[("EDITOR", &breaker)], &["new", "broken", "-e"])
        .ok();
    assert!(run.stderr.contains("warning:"), "{}", run.snapshot());
}

/// A repository with ticket `work` started in its worktree and closed there.
fn closed_in_worktree() -> (TestEnv, String) {
    let env = TestEnv::without_init_commands();
    let id = env.new_ticket("work");
    env.commit_all("ticket");
    env.run(&["start", &id]).ok();
    let wt = env.worktree(&id);
    env.run_in(&wt, &["close"]).ok();
    (env, id)
}

fn commit_files(env: &TestEnv, cwd: &Path) -> String {
    env.git_in(cwd, &["show", "--name-status", "--format=%s", "HEAD"])
}

#[test]
fn reopen_in_its_worktree_goes_back_to_doing_with_one_commit() {
    let (env, id) = closed_in_worktree();
    let wt = env.worktree(&id);
    let before = fs::read_to_string(wt.join(format!("tickets/done/{id}.md"))).unwrap();
    let v = env.run_in(&wt, &["reopen", &id, "-o", "json"]).ok().json();
    assert_eq!(v["success"], true);
    assert_eq!(v["status"], "doing");
    assert_eq!(v["previous_status"], "done");
    assert_eq!(v["message"], format!("Reopen ticket: {id}"));
    let after = fs::read_to_string(wt.join(format!("tickets/doing/{id}.md"))).unwrap();
    let closed_line = before
        .lines()
        .find(|l| l.starts_with("closed_at: "))
        .unwrap();
    assert_eq!(after, before.replace(closed_line, "closed_at: null"));
    assert!(!wt.join(format!("tickets/done/{id}.md")).exists());
    // One commit on the ticket's branch, holding only the ticket's move.
    let show = commit_files(&env, &wt);
    let lines: Vec<&str> = show.lines().collect();
    assert_eq!(lines.len(), 3, "{show}");
    assert_eq!(lines[0], format!("Reopen ticket: {id}"));
    assert!(
        lines[2].starts_with('R')
            && lines[2].ends_with(&format!("\ttickets/done/{id}.md\ttickets/doing/{id}.md")),
        "{show}"
    );
    assert_eq!(env.git_in(&wt, &["branch", "--show-current"]).trim(), id);
    // Working here again: the link is back, and close works as before.
    assert_eq!(env.run_in(&wt, &["current"]).ok().stdout, format!("{id}\n"));
    env.run_in(&wt, &["close"]).ok();
    assert!(wt.join(format!("tickets/done/{id}.md")).exists());
}

#[test]
fn reopen_of_a_cancelled_ticket_goes_back_to_todo_and_keeps_the_note() {
    let (env, ids) = TestEnv::with_tickets(1);
    let id = &ids[0];
    env.run(&["close", id, "--reason", "not now"]).ok();
    // Work the user staged stays staged and out of the commit.
    env.write("notes.txt", "mine");
    env.git(&["add", "notes.txt"]);
    let run = env.run(&["reopen", "task-0"]).ok();
    assert!(run.stdout.contains("done → todo"), "{}", run.snapshot());
    assert!(
        run.stdout.contains(&format!("git ticket start {id}")),
        "{}",
        run.snapshot()
    );
    let text = ticket_text(&env, "todo", id);
    assert!(!text.contains("closure_reason"), "{text}");
    assert!(text.contains("closed_at: null\n"), "{text}");
    assert!(
        text.ends_with("## Closure Note\n**Closed on**: 2026-01-01\n**Reason**: not now\n")
            || text.contains("**Reason**: not now\n"),
        "the note stays as history: {text}"
    );
    let show = commit_files(&env, &env.root);
    assert!(
        show.starts_with(&format!("Reopen ticket: {id}\n")),
        "{show}"
    );
    assert!(!show.contains("notes.txt"), "{show}");
    assert!(
        env.git(&["diff", "--cached", "--name-only"])
            .contains("notes.txt")
    );
    assert_eq!(env.git(&["log", "--format=%s"]).lines().count(), 4);
    // It can be started again.
    env.run(&["start", id]).ok();
}

#[test]
fn reopen_to_todo_and_refusals() {
    let (env, id) = closed_in_worktree();
    let wt = env.worktree(&id);
    let v = env
        .run_in(&wt, &["reopen", &id, "--todo", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["status"], "todo");
    let text = fs::read_to_string(wt.join(format!("tickets/todo/{id}.md"))).unwrap();
    assert!(
        text.contains("started_at: null\n") && text.contains("closed_at: null\n"),
        "{text}"
    );
    // Not done: nothing to reopen.
    assert_error(
        &env.run_in(&wt, &["reopen", &id, "-o", "json"]),
        "TICKET_NOT_DONE",
    );
    assert_error(
        &env.run(&["reopen", "nothing-like-it", "-o", "json"]),
        "TICKET_NOT_FOUND",
    );
}

#[test]
fn a_crashed_reopen_is_rolled_back_or_completed() {
    let (env, ids) = TestEnv::with_tickets(2);
    for id in &ids {
        env.run(&["close", id, "--reason", "later"]).ok();
    }
    let crash = |step: &str, id: &str| {
        let run = env.run_with(
            &env.root,
            &[("GIT_TICKET_FAILPOINT", &format!("crash:{step}"))],
            &["reopen", id],
        );
        assert_eq!(run.status, -1, "{step}: not killed\n{}", run.snapshot());
    };
    // Before the commit: rolled back, the ticket is done as it was.
    crash("reopen:moved", &ids[0]);
    let run = env.run(&["fsck", "--fix"]).ok();
    assert!(
        run.stderr
            .contains(&format!("interrupted reopen of {}: rolled back", ids[0])),
        "{}",
        run.snapshot()
    );
    assert!(
        env.root
            .join(format!("tickets/done/{}.md", ids[0]))
            .exists()
    );
    assert!(
        !env.root
            .join(format!("tickets/todo/{}.md", ids[0]))
            .exists()
    );
    // After it: completed.
    crash("reopen:committed", &ids[1]);
    let run = env.run(&["new", "next"]).ok();
    assert!(
        run.stderr
            .contains(&format!("interrupted reopen of {}: completed", ids[1])),
        "{}",
        run.snapshot()
    );
    assert!(
        env.root
            .join(format!("tickets/todo/{}.md", ids[1]))
            .exists()
    );
    assert!(
        env.git(&["status", "--porcelain"])
            .lines()
            .all(|l| l.contains("next"))
    );
}

/// Ticket `id` as `board -o json` (with `extra`) shows it.
fn on_board(env: &TestEnv, id: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["board", "-o", "json"];
    args.extend(extra);
    crate::common::board_ticket(&env.run(&args).ok().json(), id).clone()
}

#[test]
fn reopened_on_main_after_the_merge_is_not_done_anywhere() {
    // Closed in its worktree, merged, then reopened on main: the branch and the worktree
    // still say done, but that is history the default branch moved past.
    let (env, id) = closed_in_worktree();
    let wt = env.worktree(&id);
    env.git(&["merge", "-q", "--no-edit", &id]);
    let out = env.run(&["reopen", &id]).ok().stdout;
    assert!(
        out.contains(
            &format!("cd {} && git merge main", wt.display())
                .replace(env.dir.path().to_str().unwrap(), "[TMP]")
        ),
        "{out}"
    );
    let t = on_board(&env, &id, &[]);
    assert_eq!(t["status"], "doing", "{t:#}");
    assert_eq!(t["places"][0]["status"], "done");
    assert_eq!(t["places"][0]["merged"], true);
    // Not refused as "done on branch, not merged": the worktree is there, nothing to redo.
    env.run(&["start", &id, "--force"]).ok();
    // The step it named brings the reopen into the worktree.
    env.git_in(&wt, &["merge", "-q", "main"]);
    assert!(wt.join(format!("tickets/doing/{id}.md")).exists());
}

#[test]
fn reopened_on_another_tickets_branch_does_not_advise_merging_that_branch() {
    // Closed in its worktree and merged; another ticket started since has it done too and
    // reopens it there: merging that ticket's branch into this one's worktree would bring
    // unrelated work, so it is not the step to suggest.
    let (env, id) = closed_in_worktree();
    let wt = env.worktree(&id);
    env.git(&["merge", "-q", "--no-edit", &id]);
    let other = env.new_ticket("other");
    env.commit_all("other");
    env.run(&["start", &other]).ok();
    let out = env
        .run_in(&env.worktree(&other), &["reopen", &id])
        .ok()
        .stdout;
    let wt_text = wt
        .display()
        .to_string()
        .replace(env.dir.path().to_str().unwrap(), "[TMP]");
    assert!(!out.contains(&format!("git merge {other}")), "{out}");
    assert!(out.contains(&format!("cd {wt_text}")), "{out}");
}

#[test]
fn reopened_on_main_after_the_merge_is_not_done_even_with_a_stray_file_in_the_worktree() {
    // The worktree is dirty only with a file that has nothing to do with the ticket: its
    // done is still the committed, merged one (history), not a close of its own.
    let (env, id) = closed_in_worktree();
    let wt = env.worktree(&id);
    env.git(&["merge", "-q", "--no-edit", &id]);
    env.run(&["reopen", &id]).ok();
    fs::write(wt.join("scratch.txt"), "notes\n").unwrap();
    let t = on_board(&env, &id, &["--dirty"]);
    assert_eq!(t["places"][0]["dirty"], true, "{t:#}");
    assert_eq!(t["status"], "doing", "{t:#}");
}
