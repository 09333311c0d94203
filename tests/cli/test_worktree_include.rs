//! Worktrees ready to run: `.worktreeinclude`, `worktree.include` and `worktree.link` in
//! `start`, what cleanup may discard of them, and `start --from`.

use std::fs;
use std::os::unix::fs::symlink;

use crate::common::{TestEnv, assert_error};

/// A repository with one committed todo ticket, ignored files and a `.worktreeinclude`.
fn with_ignored_files(include: &str) -> (TestEnv, String) {
    let (env, ids) = TestEnv::with_tickets(1);
    env.write(
        ".gitignore",
        ".env\n*.local\nconfig/secret.yaml\nbuild/\nnotes/\n",
    );
    env.write(".worktreeinclude", include);
    env.commit_all("ignore rules");
    env.write(".env", "TOKEN=abc\n");
    env.write("config/secret.yaml", "password: x\n");
    env.write("app.local", "local\n");
    env.write("build/cache.local", "rebuildable\n");
    env.write("notes/todo.local", "mine\n");
    // Matches a pattern but git does not ignore it: never copied.
    env.write("untracked.env.txt", "not ignored\n");
    (env, ids[0].clone())
}

#[test]
fn worktreeinclude_copies_ignored_matching_files_and_reports_them() {
    let (env, id) = with_ignored_files(".env\nconfig/\n*.local\n!app.local\nuntracked.env.txt\n");
    let run = env.run(&["start", &id, "-o", "json"]).ok();
    let v = run.json();
    assert_eq!(
        v["copied"],
        serde_json::json!([".env", "config/secret.yaml", "notes/todo.local"]),
        "{}",
        run.snapshot()
    );
    assert_eq!(v["linked"], serde_json::json!([]));
    let wt = env.worktree(&id);
    assert_eq!(fs::read_to_string(wt.join(".env")).unwrap(), "TOKEN=abc\n");
    assert!(wt.join("config/secret.yaml").is_file());
    // Negated, not ignored by git, or in a build folder (worktree.discardable): left out.
    assert!(!wt.join("app.local").exists());
    assert!(!wt.join("untracked.env.txt").exists());
    assert!(!wt.join("build/cache.local").exists());
    // Copied files are ignored there too: the worktree is clean.
    let board = env.run(&["board", "-o", "json"]).ok().json();
    assert_eq!(board["tickets"][0]["places"][0]["dirty"], false);
}

#[test]
fn worktreeinclude_text_names_the_copies_and_never_overwrites_or_follows_links() {
    let (env, id) = with_ignored_files(".env\n*.local\n");
    // A link where a file is expected is not a regular file: not copied.
    let outside = env.dir.path().join("outside.local");
    fs::write(&outside, "secret outside\n").unwrap();
    symlink(&outside, env.root.join("linked.local")).unwrap();
    let run = env.run(&["start", &id]).ok();
    assert!(
        run.stdout
            .contains("   Copied: .env, app.local, notes/todo.local"),
        "{}",
        run.stdout
    );
    assert!(!env.worktree(&id).join("linked.local").exists());

    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn worktreeinclude_never_writes_over_a_file_the_worktree_has() {
    let (env, id) = with_ignored_files("*.local\n");
    // Branch `release` tracks its own app.local; here it is ignored and untracked.
    env.git(&["checkout", "-q", "-b", "release"]);
    env.git(&["add", "-f", "app.local"]);
    env.git(&["commit", "-q", "-m", "tracked on release"]);
    env.git(&["checkout", "-q", "main"]);
    fs::write(env.root.join("app.local"), "main's own\n").unwrap();
    let run = env
        .run(&["start", &id, "--from", "release", "-o", "json"])
        .ok();
    let v = run.json();
    assert_eq!(
        v["copied"],
        serde_json::json!(["notes/todo.local"]),
        "{}",
        run.snapshot()
    );
    assert_eq!(
        fs::read_to_string(env.worktree(&id).join("app.local")).unwrap(),
        "local\n",
        "the branch's file stays"
    );
    assert!(
        run.stderr
            .contains("app.local (the worktree already has it)"),
        "{}",
        run.stderr
    );
}

#[test]
fn worktreeinclude_refuses_a_pattern_that_escapes_the_repository() {
    let (env, id) = with_ignored_files(".env\n../outside.env\n");
    fs::write(env.dir.path().join("outside.env"), "x\n").unwrap();
    let run = env.run(&["start", &id, "-o", "json"]);
    assert_error(&run, "CONFIG_INVALID");
    assert!(run.stderr.contains(".worktreeinclude:2"), "{}", run.stderr);
    assert!(run.stderr.contains("../outside.env"), "{}", run.stderr);
    // Nothing changed: no worktree, the ticket is still todo, no start commit.
    assert!(!env.worktree(&id).exists());
    assert!(env.root.join(format!("tickets/todo/{id}.md")).exists());
    assert_eq!(
        env.git(&["log", "--format=%s", "-1"]).trim(),
        "ignore rules"
    );
    // worktree.link the same.
    env.write(".worktreeinclude", ".env\n");
    let config = env.read(".ticketflow.yaml").replace(
        "    init_commands: []\n",
        "    init_commands: []\n    link:\n        - ../elsewhere\n",
    );
    env.write(".ticketflow.yaml", config);
    assert_error(&env.run(&["start", &id, "-o", "json"]), "CONFIG_INVALID");
}

#[test]
fn worktree_include_and_link_from_the_config() {
    let (env, id) = with_ignored_files("");
    env.write(
        ".gitignore",
        ".env\n*.local\nconfig/secret.yaml\nbuild/\nnotes/\ndata\n",
    );
    env.write("data/big.db", "shared\n");
    let config = env.read(".ticketflow.yaml").replace(
        "    init_commands: []\n",
        "    init_commands: []\n    include:\n        - config/secret.yaml\n    link:\n        - data\n",
    );
    env.write(".ticketflow.yaml", config);
    env.commit_all("config");
    let v = env.run(&["start", &id, "-o", "json"]).ok().json();
    assert_eq!(v["copied"], serde_json::json!(["config/secret.yaml"]));
    assert_eq!(v["linked"], serde_json::json!(["data"]));
    let wt = env.worktree(&id);
    let target = fs::read_link(wt.join("data")).unwrap();
    assert_eq!(target, env.root.join("data"));
    assert_eq!(
        fs::read_to_string(wt.join("data/big.db")).unwrap(),
        "shared\n"
    );
}

#[test]
fn cleanup_discards_provisioned_files_only_while_unchanged() {
    let (env, ids) = {
        let (env, id) = with_ignored_files(".env\n");
        let second = env.new_ticket("second");
        env.commit_all("second");
        (env, vec![id, second])
    };
    for id in &ids {
        env.run(&["start", id]).ok();
        env.run_in(&env.worktree(id), &["close"]).ok();
        env.git(&["merge", "-q", "--no-ff", "-m", "merge", id]);
    }
    // The second worktree's .env was edited: that is the user's work now.
    fs::write(env.worktree(&ids[1]).join(".env"), "TOKEN=changed\n").unwrap();
    let v = env.run(&["cleanup", "-o", "json"]).ok().json();
    let removed: Vec<&str> = v["result"]["removed_worktrees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["branch"].as_str().unwrap())
        .collect();
    assert_eq!(removed, [ids[0].as_str()], "{v:#}");
    assert!(!env.worktree(&ids[0]).exists());
    assert!(env.worktree(&ids[1]).join(".env").exists());
    let kept = &v["result"]["skipped"][0];
    assert_eq!(kept["branch"], ids[1].as_str());
    assert!(kept["reason"].as_str().unwrap().contains(".env"), "{kept}");
}

#[test]
fn start_from_a_ref_branches_from_it() {
    let (env, ids) = TestEnv::with_tickets(2);
    env.git(&["branch", "release", "HEAD"]);
    env.write("later.txt", "on main only\n");
    env.commit_all("later");
    let v = env
        .run(&["start", &ids[0], "--from", "release", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["parent_branch"], "release");
    let wt = env.worktree(&ids[0]);
    assert!(
        !wt.join("later.txt").exists(),
        "the branch starts from release"
    );
    assert!(wt.join(format!("tickets/doing/{}.md", ids[0])).exists());
    let base = env.git(&["rev-parse", "release"]);
    let merge_base = env.git(&["merge-base", "release", &ids[0]]);
    assert_eq!(base, merge_base);

    let run = env.run(&["start", &ids[1], "--from", "no-such-ref", "-o", "json"]);
    assert_error(&run, "VALIDATION_ERROR");
    assert!(run.stderr.contains("no-such-ref"), "{}", run.stderr);
    assert!(
        env.root
            .join(format!("tickets/todo/{}.md", ids[1]))
            .exists()
    );
}
