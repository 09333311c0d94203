//! `board`: the state of every ticket across the default branch, ticket branches (local and
//! remote-tracking), worktrees and clones, read from git's object database without a git
//! process.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Run, TestEnv, board_ticket as ticket};

/// The board as JSON, run in `cwd`.
fn board_in(env: &TestEnv, cwd: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["board", "-o", "json"];
    args.extend(extra);
    env.run_in(cwd, &args).ok().json()
}

/// A folder with nothing in it, to be PATH: no `git` to run.
fn no_git_path(env: &TestEnv) -> PathBuf {
    let empty = env.dir.path().join("empty-path");
    fs::create_dir_all(&empty).unwrap();
    empty
}

/// Runs the binary in `cwd` with no `git` on PATH.
fn run_without_git(env: &TestEnv, cwd: &Path, args: &[&str]) -> Run {
    let empty = no_git_path(env);
    env.run_with(cwd, &[("PATH", empty.to_str().unwrap())], args)
}

#[test]
fn board_a_ticket_done_on_an_unmerged_branch_is_done_not_merged_from_the_default_branch() {
    let (env, ids) = TestEnv::with_tickets(2);
    let (done, open) = (&ids[0], &ids[1]);
    env.run(&["start", done]).ok();
    env.run_in(&env.worktree(done), &["close"]).ok();

    let board = board_in(&env, &env.root, &[]);
    let t = ticket(&board, done);
    assert_eq!(t["status"], "done", "{board:#}");
    assert_eq!(t["default_branch_status"], "doing");
    let places = t["places"].as_array().unwrap();
    assert_eq!(places.len(), 1);
    let p = &places[0];
    assert_eq!(p["ref"], format!("refs/heads/{done}"));
    assert_eq!(p["status"], "done");
    assert_eq!(p["ahead"], 1);
    assert_eq!(p["behind"], 0);
    assert_eq!(p["merged"], false);
    assert_eq!(p["dirty"], false);
    assert_eq!(
        p["worktree"],
        env.worktree(done)
            .display()
            .to_string()
            .replace(env.dir.path().to_str().unwrap(), "[TMP]")
    );
    assert_eq!(ticket(&board, open)["status"], "todo");
    assert_eq!(ticket(&board, open)["places"], serde_json::json!([]));
    assert_eq!(board["summary"]["done_not_merged"], 1);
    assert_eq!(board["summary"]["ready"], 1);

    let text = env.run(&["board"]).ok().stdout;
    let section = text
        .split("Done, not merged (1)\n")
        .nth(1)
        .expect("a Done, not merged column");
    assert!(section.starts_with(&format!("  {done}")), "{text}");
    assert!(text.contains("Ready (1)\n"), "{text}");

    // Once merged, it is done on the default branch and its branch is merged.
    env.git(&["merge", "-q", "--no-ff", "-m", "merge", done]);
    let board = board_in(&env, &env.root, &[]);
    let t = ticket(&board, done);
    assert_eq!(t["default_branch_status"], "done");
    assert_eq!(t["places"][0]["merged"], true);
    assert_eq!(board["summary"]["done_not_merged"], 0);
}

#[test]
fn board_shows_a_doing_tickets_worktree_and_dirty_state_from_the_main_checkout() {
    let (env, ids) = TestEnv::with_tickets(1);
    let id = &ids[0];
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    let place = |b: &Value| ticket(b, id)["places"][0].clone();

    let p = place(&board_in(&env, &env.root, &[]));
    assert_eq!(p["status"], "doing");
    assert_eq!(p["dirty"], false);
    assert!(p["worktree"].as_str().unwrap().ends_with(id.as_str()));

    fs::write(wt.join("notes.txt"), "work in progress").unwrap();
    let board = board_in(&env, &env.root, &[]);
    assert_eq!(place(&board)["dirty"], true);
    assert_eq!(ticket(&board, id)["status"], "doing");
    assert!(
        env.run(&["board"]).ok().stdout.contains("  dirty\n"),
        "the text says so too"
    );
    // Not checked on request: null, and why.
    let p = place(&board_in(&env, &env.root, &["--no-dirty"]));
    assert_eq!(p["dirty"], Value::Null);
    assert!(p["dirty_reason"].as_str().unwrap().contains("--no-dirty"));

    // An edit in the worktree's files counts before it is committed.
    let doing = wt.join(format!("tickets/doing/{id}.md"));
    let text = fs::read_to_string(&doing).unwrap();
    let closed = text.replacen("closed_at: null", "closed_at: 2026-01-02T00:00:00Z", 1);
    assert_ne!(text, closed);
    fs::write(&doing, closed).unwrap();
    let board = board_in(&env, &env.root, &[]);
    assert_eq!(ticket(&board, id)["status"], "done");
    assert_eq!(place(&board)["status"], "done");
}

#[test]
fn board_sees_a_ticket_another_clone_closed_on_its_pushed_branch_after_fetch() {
    let (env, ids) = TestEnv::with_tickets(2);
    let id = &ids[1];
    let remote = env.dir.path().join("remote.git");
    env.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    env.git(&["remote", "add", "origin", remote.to_str().unwrap()]);
    env.git(&["push", "-q", "origin", "main"]);
    // The other clone lives in a folder of its own (its worktrees go next to it).
    let other_dir = env.dir.path().join("other");
    fs::create_dir_all(&other_dir).unwrap();
    env.git_in(
        &other_dir,
        &[
            "clone",
            "-q",
            "-b",
            "main",
            remote.to_str().unwrap(),
            "clone",
        ],
    );
    let other = other_dir.join("clone");
    env.run_in(&other, &["start", id]).ok();
    let other_wt = other_dir.join(".worktrees").join(id);
    env.run_in(&other_wt, &["close"]).ok();
    env.git_in(&other_wt, &["push", "-q", "origin", id]);

    let before = board_in(&env, &env.root, &[]);
    assert_eq!(ticket(&before, id)["status"], "todo");
    assert_eq!(ticket(&before, id)["places"], serde_json::json!([]));

    env.git(&["fetch", "-q", "origin"]);
    let after = board_in(&env, &env.root, &[]);
    let t = ticket(&after, id);
    assert_eq!(t["status"], "done", "{after:#}");
    assert_eq!(t["default_branch_status"], "todo");
    let p = &t["places"][0];
    assert_eq!(p["ref"], format!("refs/remotes/origin/{id}"));
    assert_eq!(p["status"], "done");
    assert_eq!(p["worktree"], Value::Null);
    assert_eq!(p["dirty"], Value::Null);
    assert_eq!(p["merged"], false);
    assert_eq!(p["ahead"], 2, "its start and its close");
    assert_eq!(after["summary"]["done_not_merged"], 1);

    // Starting it here is refused: it is done on that branch, not merged.
    let run = env.run(&["start", id, "-o", "json"]);
    crate::common::assert_error(&run, "TICKET_ALREADY_CLOSED");
    assert!(run.stderr.contains("not merged"), "{}", run.snapshot());
}

#[test]
fn board_splits_ready_from_blocked_with_the_dependency_rules() {
    let (env, ids) = TestEnv::with_tickets(3);
    env.run(&[
        "set",
        &ids[2],
        "related",
        "--add",
        &format!("blocked-by:{}", ids[0]),
    ])
    .ok();
    env.commit_all("link");
    let board = board_in(&env, &env.root, &[]);
    assert_eq!(board["summary"]["ready"], 2);
    assert_eq!(board["summary"]["blocked"], 1);
    let text = env.run(&["board"]).ok().stdout;
    assert!(text.contains(&format!("blocked by {}", ids[0])), "{text}");
}

#[test]
fn board_and_stats_run_with_no_git_on_path() {
    let (env, ids) = TestEnv::with_tickets(2);
    env.run(&["start", &ids[0]]).ok();
    env.run_in(&env.worktree(&ids[0]), &["close"]).ok();
    let run = run_without_git(&env, &env.root, &["board", "-o", "json"]).ok();
    assert_eq!(ticket(&run.json(), &ids[0])["status"], "done");
    run_without_git(&env, &env.root, &["board"]).ok();
    // From inside the worktree too.
    let run = run_without_git(&env, &env.worktree(&ids[0]), &["board", "-o", "json"]).ok();
    assert_eq!(
        ticket(&run.json(), &ids[0])["default_branch_status"],
        "doing"
    );
    let run = run_without_git(&env, &env.root, &["stats", "-o", "json"]).ok();
    assert_eq!(run.json()["wip"], 1, "closed on its branch only");
    run_without_git(&env, &env.root, &["stats", "-o", "openmetrics"]).ok();
    // Without git, a write says so instead.
    let run = run_without_git(&env, &env.root, &["start", &ids[1], "-o", "json"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
}

#[test]
fn board_reports_dirty_null_and_why_for_a_split_index() {
    let (env, ids) = TestEnv::with_tickets(1);
    env.run(&["start", &ids[0]]).ok();
    env.git(&["config", "core.splitIndex", "true"]);
    let run = run_without_git(&env, &env.root, &["board", "-o", "json"]).ok();
    let board = run.json();
    let p = &ticket(&board, &ids[0])["places"][0];
    assert_eq!(p["dirty"], Value::Null);
    assert!(
        p["dirty_reason"]
            .as_str()
            .unwrap()
            .contains("split or sparse index"),
        "{p:#}"
    );
}

#[test]
fn board_json_escapes_like_go_and_ndjson_is_one_ticket_a_line() {
    let (env, ids) = TestEnv::with_tickets(2);
    env.run(&["set", &ids[0], "description", "a <b> & c"]).ok();
    let run = env.run(&["board", "-o", "json"]).ok();
    assert!(
        run.stdout.contains(r"a \u003cb\u003e \u0026 c"),
        "{}",
        run.stdout
    );
    let run = env.run(&["board", "-o", "ndjson"]).ok();
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["id"].is_string());
    assert_eq!(lines[2]["summary"]["ready"], 2);
}

#[test]
fn board_reads_a_ticket_that_exists_only_on_its_branch() {
    let (env, _) = TestEnv::with_tickets(0);
    env.git(&["checkout", "-q", "-b", "260101-000000-only-here"]);
    env.ticket(
        "done",
        "260101-000000-only-here",
        "priority: 1\ndescription: made on a branch\ncreated_at: 2026-01-01T00:00:00Z\nstarted_at: 2026-01-01T01:00:00Z\nclosed_at: 2026-01-01T02:00:00Z\n",
        "x\n",
    );
    env.commit_all("on a branch");
    env.git(&["checkout", "-q", "main"]);
    let board = board_in(&env, &env.root, &[]);
    let t = ticket(&board, "260101-000000-only-here");
    assert_eq!(t["status"], "done");
    assert_eq!(t["default_branch_status"], Value::Null);
    assert_eq!(t["description"], "made on a branch");
    assert_eq!(t["priority"], 1);
}

#[test]
fn status_on_the_default_branch_lists_the_tickets_in_progress_elsewhere() {
    let (env, ids) = TestEnv::with_tickets(3);
    let (in_wt, on_branch) = (&ids[0], &ids[1]);
    env.run(&["start", in_wt]).ok();
    env.run(&["start", on_branch]).ok();
    // The second one keeps its branch but loses its worktree.
    env.git(&[
        "worktree",
        "remove",
        env.worktree(on_branch).to_str().unwrap(),
    ]);

    let v = env.run(&["status", "-o", "json"]).ok().json();
    assert_eq!(v["current_ticket"], Value::Null);
    let elsewhere = v["in_progress_elsewhere"].as_array().unwrap();
    let ids_there: Vec<&str> = elsewhere
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids_there, [in_wt.as_str(), on_branch.as_str()]);
    assert!(
        elsewhere[0]["worktree"]
            .as_str()
            .unwrap()
            .ends_with(in_wt.as_str())
    );
    assert_eq!(elsewhere[1]["worktree"], Value::Null);
    assert_eq!(elsewhere[1]["ref"], format!("refs/heads/{on_branch}"));

    let text = env.run(&["status"]).ok().stdout;
    assert!(text.contains("In progress elsewhere:"), "{text}");
    assert!(!text.contains("No active ticket"), "{text}");
    assert!(
        text.contains(&format!("branch refs/heads/{on_branch}")),
        "{text}"
    );

    // Inside a ticket worktree, status keeps its output.
    let inside = env
        .run_in(&env.worktree(in_wt), &["status", "-o", "json"])
        .ok()
        .json();
    assert_eq!(inside["current_ticket"]["id"], in_wt.as_str());
    assert!(inside.get("in_progress_elsewhere").is_none());
    // With nothing in progress, the old advice stays.
    let (quiet, _) = TestEnv::with_tickets(1);
    assert!(
        quiet
            .run(&["status"])
            .ok()
            .stdout
            .contains("No active ticket")
    );
}

#[test]
fn cleanup_names_what_it_keeps_and_why() {
    let (env, ids) = TestEnv::with_tickets(4);
    let [merged, unmerged_done, extra_commit, dirty] = [&ids[0], &ids[1], &ids[2], &ids[3]];
    for id in &ids {
        env.run(&["start", id]).ok();
        env.run_in(&env.worktree(id), &["close"]).ok();
    }
    for id in [merged, extra_commit, dirty] {
        env.git(&["merge", "-q", "--no-ff", "-m", "merge", id]);
    }
    // Work added on a branch after its merge; uncommitted work in a merged worktree.
    fs::write(env.worktree(extra_commit).join("more.txt"), "more").unwrap();
    env.git_in(&env.worktree(extra_commit), &["add", "more.txt"]);
    env.git_in(&env.worktree(extra_commit), &["commit", "-q", "-m", "more"]);
    fs::write(env.worktree(dirty).join("draft.txt"), "draft").unwrap();

    let run = env.run(&["cleanup", "--dry-run"]).ok();
    // Each reason once: in the report, not again as a warning.
    assert!(!run.stderr.contains("kept"), "{}", run.stderr);
    let out = run.stdout;
    assert!(
        out.contains(&format!(
            "Would remove worktree: [TMP]/.worktrees/{merged} (branch: {merged})"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("Would delete branch: {merged}")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Kept {unmerged_done}: done only on its own branch (refs/heads/{unmerged_done}), not in main: merge {unmerged_done} first"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Kept {extra_commit}: branch not merged into main: merge {extra_commit} first"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("Kept {dirty}: ")) && out.contains("uncommitted changes"),
        "{out}"
    );
    assert!(out.contains("draft.txt"), "{out}");
    // The dry run changed nothing.
    assert!(env.worktree(merged).exists());

    // The same reasons in JSON, and a real run keeps the same.
    let run = env.run(&["cleanup", "-o", "json"]).ok();
    assert_eq!(
        run.stderr.matches("warning: kept ").count(),
        3,
        "{}",
        run.stderr
    );
    let v = run.json();
    let skipped = v["result"]["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 3, "{v:#}");
    assert!(!env.worktree(merged).exists());
    assert!(env.worktree(unmerged_done).exists());

    // One ticket done only on its branch: the error says to merge it first.
    let run = env.run(&["cleanup", unmerged_done, "--yes", "-o", "json"]);
    crate::common::assert_error(&run, "TICKET_NOT_DONE");
    assert!(
        run.stderr.contains(&format!("merge {unmerged_done} first")),
        "{}",
        run.stderr
    );
    // Its suggestions are the merge, not a close (it is closed, on its branch).
    let suggestions = run.json_err()["error"]["suggestions"].to_string();
    assert!(
        suggestions.contains(&format!("git merge {unmerged_done}"))
            && !suggestions.contains("close"),
        "{suggestions}"
    );
}

#[test]
fn board_lookup_cache_gives_the_same_answers_and_survives_damage() {
    let (env, ids) = TestEnv::with_tickets(3);
    for id in &ids[..2] {
        env.run(&["start", id]).ok();
    }
    env.run_in(&env.worktree(&ids[0]), &["close"]).ok();
    env.git(&[
        "worktree",
        "remove",
        env.worktree(&ids[0]).to_str().unwrap(),
    ]);
    // Work committed in the second one's worktree and merged, then main moves on: board
    // reads that merged branch's commit (to tell history from its worktree's own state),
    // status answers from its worktree's files.
    let wt = env.worktree(&ids[1]);
    let file = wt.join(format!("tickets/doing/{}.md", ids[1]));
    fs::write(&file, fs::read_to_string(&file).unwrap() + "\nnotes\n").unwrap();
    env.git_in(&wt, &["commit", "-qam", "notes"]);
    env.git(&["merge", "-q", "--no-ff", "-m", "merge", &ids[1]]);
    let other = format!("tickets/todo/{}.md", ids[2]);
    env.write(&other, env.read(&other) + "\nmore\n");
    env.commit_all("main moves on");
    let cache = env.root.join(".git/git-ticket-board-cache");
    let first = env.run(&["board", "-o", "json"]).ok().stdout;
    assert!(cache.exists(), "the lookups are kept");
    // `status` reads some branches only (a worktree's files answer for its branch): it
    // keeps what board learned about the others.
    let kept = fs::read_to_string(&cache).unwrap();
    assert!(kept.contains(&ids[0]) && kept.contains(&ids[1]), "{kept}");
    env.run(&["status"]).ok();
    assert_eq!(fs::read_to_string(&cache).unwrap(), kept);
    let second = env.run(&["board", "-o", "json"]).ok().stdout;
    assert_eq!(first, second);
    assert_eq!(
        ticket(&serde_json::from_str(&first).unwrap(), &ids[0])["status"],
        "done"
    );
    fs::write(&cache, "garbage\nnot an id x y\n").unwrap();
    assert_eq!(env.run(&["board", "-o", "json"]).ok().stdout, first);
}

/// Makes a branch named after each ticket of `ids` (one commit on `main`, with git
/// fast-import): `change(i, id, todo file)` gives the commit's file commands.
fn branches_from_main(env: &TestEnv, ids: &[String], change: impl Fn(usize, &str, &str) -> String) {
    use std::io::Write;
    let mut stream = String::new();
    for (i, id) in ids.iter().enumerate() {
        let todo = env.read(&format!("tickets/todo/{id}.md"));
        stream += &format!(
            "commit refs/heads/{id}\ncommitter Test <test@example.com> 1767225600 +0000\ndata 4\nwork\nfrom refs/heads/main\n{}\n",
            change(i, id, &todo)
        );
    }
    let mut cmd = std::process::Command::new("git");
    env.hermetic(&mut cmd);
    let mut child = cmd
        .current_dir(&env.root)
        .args(["fast-import", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
}

/// A fast-import file command writing `text` at `path`.
fn put(path: &str, text: &str) -> String {
    format!("M 100644 inline {path}\ndata {}\n{text}\n", text.len())
}

#[test]
fn board_reads_many_branches_in_parallel_as_one_reader_would() {
    // More branches than one thread reads (ops::board shares 64 or more among threads):
    // each third closes its ticket, starts it, or touches no ticket at all.
    let (env, ids) = TestEnv::with_tickets(90);
    let started = |t: &str| t.replace("started_at: null", "started_at: \"2026-01-02T00:00:00Z\"");
    let closed = |t: &str| t.replace("closed_at: null", "closed_at: \"2026-01-03T00:00:00Z\"");
    branches_from_main(&env, &ids, |i, id, todo| {
        let moved = |folder: &str, text: String| {
            format!(
                "D tickets/todo/{id}.md\n{}",
                put(&format!("tickets/{folder}/{id}.md"), &text)
            )
        };
        match i % 3 {
            0 => moved("done", closed(&started(todo))),
            1 => moved("doing", started(todo)),
            _ => put(&format!("notes/{id}.txt"), "no ticket change"),
        }
    });
    let cache = env.root.join(".git/git-ticket-board-cache");
    let cold = env.run(&["board", "-o", "json"]).ok().stdout;
    let board: Value = serde_json::from_str(&cold).unwrap();
    for (i, id) in ids.iter().enumerate() {
        let t = ticket(&board, id);
        let want = ["done", "doing", "todo"][i % 3];
        assert_eq!(t["status"], want, "{id}: {t:#}");
        assert_eq!(t["default_branch_status"], "todo");
        let places = t["places"].as_array().unwrap();
        assert_eq!(places.len(), 1, "{t:#}");
        assert_eq!(places[0]["ref"], format!("refs/heads/{id}"));
        assert_eq!(places[0]["status"], want);
        assert_eq!(places[0]["ahead"], 1);
    }
    assert_eq!(board["summary"]["branches"], 90);
    // What the threads looked up is kept, and gives the same board.
    assert!(cache.exists());
    assert_eq!(env.run(&["board", "-o", "json"]).ok().stdout, cold);
    // From a linked worktree (the threads open its git directory) the board is the same.
    let wt = env.dir.path().join("wt");
    env.git(&["worktree", "add", "-q", wt.to_str().unwrap(), &ids[2]]);
    let there = board_in(&env, &wt, &["--no-dirty"]);
    assert_eq!(there["summary"]["branches"], 90);
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(
            ticket(&there, id)["status"],
            ["done", "doing", "todo"][i % 3]
        );
    }
    // A clone whose objects are found only through git's environment
    // (GIT_ALTERNATE_OBJECT_DIRECTORIES): every thread's handle honours it.
    let clone = env.dir.path().join("clone");
    env.git(&["clone", "-q", "--shared", ".", clone.to_str().unwrap()]);
    fs::remove_file(clone.join(".git/objects/info/alternates")).unwrap();
    let objects = env.root.join(".git/objects");
    let run = env.run_with(
        &clone,
        &[(
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            objects.to_str().unwrap(),
        )],
        &["board", "-o", "json"],
    );
    let cloned = run.ok().json();
    assert_eq!(
        cloned["summary"]["branches"], 90,
        "remote-tracking branches"
    );
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(
            ticket(&cloned, id)["status"],
            ["done", "doing", "todo"][i % 3]
        );
    }
}

#[test]
fn board_lookup_cache_cut_inside_an_object_id_is_not_believed() {
    // A cache line cut short inside its blob ID (a truncated file) parses as another
    // object (a short hex is padded with zeros): it must be skipped, not kept for ever.
    let (env, ids) = TestEnv::with_tickets(2);
    env.run(&["start", &ids[0]]).ok();
    env.run_in(&env.worktree(&ids[0]), &["close"]).ok();
    env.git(&[
        "worktree",
        "remove",
        env.worktree(&ids[0]).to_str().unwrap(),
    ]);
    let cache = env.root.join(".git/git-ticket-board-cache");
    let first = env.run(&["board", "-o", "json"]).ok().stdout;
    let text = fs::read_to_string(&cache).unwrap();
    let found = text
        .lines()
        .find(|l| !l.ends_with(" -"))
        .unwrap_or_else(|| panic!("no found lookup in {text}"));
    fs::write(&cache, &found[..found.len() - 5]).unwrap();
    assert_eq!(env.run(&["board", "-o", "json"]).ok().stdout, first);
    assert_eq!(env.run(&["board", "-o", "json"]).ok().stdout, first);
}

#[test]
fn board_keeps_uncommitted_state_of_a_merged_branch_worktree_unchecked_for_dirt() {
    // A branch merged into main whose worktree then moves the ticket to done without a
    // commit: with the dirty check off, the worktree's files still answer (not history).
    let (env, ids) = TestEnv::with_tickets(1);
    let id = &ids[0];
    env.run(&["start", id]).ok();
    let wt = env.worktree(id);
    fs::write(wt.join("work.txt"), "work\n").unwrap();
    env.git_in(&wt, &["add", "work.txt"]);
    env.git_in(&wt, &["commit", "-q", "-m", "work"]);
    env.git(&["merge", "-q", "--no-edit", id]);
    let doing = wt.join(format!("tickets/doing/{id}.md"));
    let text = fs::read_to_string(&doing)
        .unwrap()
        .replace("closed_at: null", "closed_at: \"2026-01-03T00:00:00Z\"");
    fs::write(wt.join(format!("tickets/done/{id}.md")), text).unwrap();
    fs::remove_file(&doing).unwrap();
    for extra in [&["--dirty"][..], &["--no-dirty"][..]] {
        let board = board_in(&env, &env.root, extra);
        let t = ticket(&board, id);
        assert_eq!(t["places"][0]["merged"], true, "{t:#}");
        assert_eq!(t["status"], "done", "{extra:?}: {t:#}");
    }
}
