//! Merging a closed ticket's branch into the default branch: git's directory-rename detection
//! must never see a ticket folder "move". A folder that became empty on one side (the last
//! doing ticket closed on its branch, the last todo ticket started on main) looks renamed to
//! the folder its files went to; without the `.gitkeep` placeholders `init` writes, the merge
//! then conflicts, or with `merge.directoryRenames=true` silently moves the other side's new
//! tickets into the wrong folder.

use std::fs;
use std::path::Path;

use crate::common::TestEnv;

/// How the repository got its placeholders.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Setup {
    /// From `git ticket init`.
    Init,
    /// None (a repository made before placeholders existed, or by TicketFlow).
    Without,
    /// Made without, then repaired by `git ticket fsck --fix`.
    Fsck,
}

const FOLDERS: [&str; 3] = ["todo", "doing", "done"];

fn repo(setup: Setup, directory_renames: bool) -> TestEnv {
    let env = TestEnv::without_init_commands();
    if setup != Setup::Init {
        for f in FOLDERS {
            let _ = fs::remove_file(env.root.join(format!("tickets/{f}/.gitkeep")));
        }
        env.commit_all("a repository without placeholders");
    }
    if setup == Setup::Fsck {
        let run = env.run(&["fsck"]);
        assert_eq!(run.status, 1, "{}", run.snapshot());
        for f in FOLDERS {
            assert!(
                run.stdout
                    .contains(&format!("missing-placeholder\ttickets/{f}/.gitkeep")),
                "{}",
                run.snapshot()
            );
        }
        env.run(&["fsck", "--fix"]).ok();
        env.commit_all("placeholders");
        env.run(&["fsck"]).ok();
    }
    if directory_renames {
        env.git(&["config", "merge.directoryRenames", "true"]);
    }
    env
}

fn commit_work(env: &TestEnv, path: &Path) {
    fs::write(path.join("work.txt"), "work").unwrap();
    env.git_in(path, &["add", "work.txt"]);
    env.git_in(path, &["commit", "-q", "-m", "work"]);
}

/// `git merge --no-edit <branch>` on main: whether it succeeded, and its output.
fn merge(env: &TestEnv, branch: &str) -> (bool, String) {
    let mut cmd = std::process::Command::new("git");
    env.hermetic(&mut cmd);
    let out = cmd
        .current_dir(&env.root)
        .args(["merge", "--no-edit", branch])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// The folder of every ticket file committed on main (`git ls-files`), as `(folder, id)`.
fn committed(env: &TestEnv) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = env
        .git(&["ls-files", "tickets"])
        .lines()
        .filter_map(|l| {
            let (folder, file) = l.strip_prefix("tickets/")?.split_once('/')?;
            Some((
                folder.to_owned(),
                file.strip_suffix(".md").unwrap_or(file).to_owned(),
            ))
        })
        .collect();
    out.sort();
    out
}

fn assert_clean_merge(env: &TestEnv, branch: &str, expected: &[(&str, &str)]) {
    let (ok, text) = merge(env, branch);
    assert!(ok, "merge failed:\n{text}");
    assert_eq!(env.git(&["status", "--porcelain"]), "", "{text}");
    let mut expected: Vec<(String, String)> = expected
        .iter()
        .map(|(f, i)| ((*f).to_owned(), (*i).to_owned()))
        .collect();
    expected.sort();
    assert_eq!(committed(env), expected, "{text}");
    env.run(&["fsck"]).ok();
}

/// The first repro: alpha and beta started on main, alpha closed on its branch (its doing/
/// is now empty there), merged into main where beta is in doing/.
fn doing_emptied_on_the_branch(env: &TestEnv) -> (String, String) {
    let alpha = env.new_ticket("alpha");
    let beta = env.new_ticket("beta");
    env.commit_all("tickets");
    env.run(&["start", &alpha]).ok();
    env.run(&["start", &beta]).ok();
    let path = env.worktree(&alpha);
    commit_work(env, &path);
    env.run_in(&path, &["close"]).ok();
    (alpha, beta)
}

/// The variant: todo/ empties on main (the last todo ticket started there) while a sub-ticket
/// is added to todo/ on the ticket branch; doing/ stays non-empty on both sides (gamma).
fn todo_emptied_on_main(env: &TestEnv) -> [String; 4] {
    let gamma = env.new_ticket("gamma");
    let alpha = env.new_ticket("alpha");
    let beta = env.new_ticket("beta");
    env.commit_all("tickets");
    env.run(&["start", &gamma]).ok();
    env.run(&["start", &alpha]).ok();
    env.run(&["start", &beta]).ok();
    let path = env.worktree(&alpha);
    let child = env
        .run_in(&path, &["new", "child", "-o", "json"])
        .ok()
        .json()["ticket"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.git_in(&path, &["add", "-A"]);
    env.git_in(&path, &["commit", "-q", "-m", "sub-ticket"]);
    commit_work(env, &path);
    env.run_in(&path, &["close"]).ok();
    [gamma, alpha, beta, child]
}

#[test]
fn closed_branch_merges_cleanly_with_placeholders() {
    for setup in [Setup::Init, Setup::Fsck] {
        for renames in [false, true] {
            let env = repo(setup, renames);
            let (alpha, beta) = doing_emptied_on_the_branch(&env);
            assert_clean_merge(
                &env,
                &alpha,
                &[
                    ("doing", ".gitkeep"),
                    ("done", ".gitkeep"),
                    ("todo", ".gitkeep"),
                    ("done", &alpha),
                    ("doing", &beta),
                ],
            );
        }
    }
}

#[test]
fn sub_ticket_merges_into_todo_with_placeholders() {
    for setup in [Setup::Init, Setup::Fsck] {
        for renames in [false, true] {
            let env = repo(setup, renames);
            let [gamma, alpha, beta, child] = todo_emptied_on_main(&env);
            assert_clean_merge(
                &env,
                &alpha,
                &[
                    ("doing", ".gitkeep"),
                    ("done", ".gitkeep"),
                    ("todo", ".gitkeep"),
                    ("doing", &gamma),
                    ("done", &alpha),
                    ("doing", &beta),
                    ("todo", &child),
                ],
            );
        }
    }
}

/// Proof that the repros above test something: without placeholders both merges conflict,
/// and with `merge.directoryRenames=true` they "succeed" with a ticket in the wrong folder.
#[test]
fn without_placeholders_the_repros_conflict() {
    let env = repo(Setup::Without, false);
    let (alpha, _) = doing_emptied_on_the_branch(&env);
    let (ok, text) = merge(&env, &alpha);
    assert!(!ok && text.contains("CONFLICT (file location)"), "{text}");

    let env = repo(Setup::Without, true);
    let (alpha, beta) = doing_emptied_on_the_branch(&env);
    let (ok, text) = merge(&env, &alpha);
    assert!(ok, "{text}");
    assert!(
        committed(&env).contains(&("done".into(), beta.clone())),
        "the in-progress ticket went to done/: {:?}",
        committed(&env)
    );

    let env = repo(Setup::Without, false);
    let [_, alpha, _, _] = todo_emptied_on_main(&env);
    let (ok, text) = merge(&env, &alpha);
    assert!(!ok && text.contains("CONFLICT (file location)"), "{text}");

    let env = repo(Setup::Without, true);
    let [_, alpha, _, child] = todo_emptied_on_main(&env);
    let (ok, text) = merge(&env, &alpha);
    assert!(ok, "{text}");
    assert!(
        committed(&env).contains(&("doing".into(), child.clone())),
        "the new todo ticket went to doing/: {:?}",
        committed(&env)
    );
}

/// A sub-ticket created on its parent's branch reaches main when the parent is merged; started
/// on main before the parent's branch is cleaned up, it branches from main (the parent's work
/// is there already), not from the parent's branch — which lacks main's "Start ticket"
/// commit, so that closing and merging it was a rename/rename conflict (todo → doing on main,
/// todo → done on the branch).
#[test]
fn sub_ticket_started_after_its_parent_was_merged_merges_cleanly() {
    let env = repo(Setup::Init, false);
    let parent = env.new_ticket("parent");
    env.commit_all("tickets");
    env.run(&["start", &parent]).ok();
    let ppath = env.worktree(&parent);
    let child = env
        .run_in(&ppath, &["new", "child", "-o", "json"])
        .ok()
        .json()["ticket"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    env.git_in(&ppath, &["add", "-A"]);
    env.git_in(&ppath, &["commit", "-q", "-m", "sub-ticket"]);
    commit_work(&env, &ppath);
    env.run_in(&ppath, &["close"]).ok();
    // Main moved on meanwhile (the merge is a real merge, not a fast-forward).
    let other = env.new_ticket("other");
    env.commit_all("another ticket");
    assert!(merge(&env, &parent).0);
    // The parent's branch and worktree are still there (not cleaned up yet).
    let v = env.run(&["start", &child, "-o", "json"]).ok().json();
    assert_eq!(v["parent_branch"], "", "{v}");
    let cpath = env.worktree(&child);
    fs::write(cpath.join("child.txt"), "child").unwrap();
    env.git_in(&cpath, &["add", "child.txt"]);
    env.git_in(&cpath, &["commit", "-q", "-m", "child work"]);
    env.run_in(&cpath, &["close"]).ok();
    assert_clean_merge(
        &env,
        &child,
        &[
            ("doing", ".gitkeep"),
            ("done", ".gitkeep"),
            ("todo", ".gitkeep"),
            ("done", &parent),
            ("done", &child),
            ("todo", &other),
        ],
    );
}

/// Two branches of a repository with the merge driver installed (`install`: the current
/// command; else the one an older git-ticket configured), each changing the ticket `shared`
/// with `ours` (on main) and `theirs` (on branch `feature`): `git merge feature` on main.
fn merge_changes(install: bool, ours: &[&[&str]], theirs: &[&[&str]]) -> (TestEnv, bool, String) {
    let env = TestEnv::without_init_commands();
    env.git_via_bin(&["ticket", "install-merge-driver"]);
    if !install {
        env.git(&[
            "config",
            "merge.ticket.driver",
            "git ticket merge-driver %O %A %B %P",
        ]);
    }
    env.new_ticket("shared");
    env.commit_all("ticket");
    let change = |changes: &[&[&str]], message: &str| {
        for args in changes {
            env.run(args).ok();
        }
        env.commit_all(message);
    };
    env.git(&["checkout", "-q", "-b", "feature"]);
    change(theirs, "theirs");
    env.git(&["checkout", "-q", "main"]);
    change(ours, "ours");
    let out = env
        .git_with_bin(&env.root)
        .args(["merge", "--no-edit", "feature"])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (env, out.status.success(), text)
}

fn shared_file(env: &TestEnv) -> String {
    let dir = env.root.join("tickets/todo");
    let file = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with("-shared.md"))
        .unwrap();
    fs::read_to_string(file.path()).unwrap()
}

#[test]
fn the_same_field_changed_on_both_branches_stops_the_merge_with_branch_labels() {
    let (env, merged, output) = merge_changes(
        true,
        &[&["set", "shared", "priority", "3"]],
        &[&["set", "shared", "priority", "1"]],
    );
    assert!(!merged, "git must stop: {output}");
    assert!(output.contains("CONFLICT"), "{output}");
    assert!(
        output.contains("'priority' changed on both sides"),
        "{output}"
    );
    let text = shared_file(&env);
    assert!(
        text.starts_with("---\n<<<<<<< HEAD\npriority: 3\n=======\npriority: 1\n>>>>>>> feature\ndescription: \"\"\n"),
        "{text}"
    );
    // Git knows the file is unmerged; the ticket is reported as invalid until it is resolved.
    assert!(
        env.git(&["status", "--porcelain"])
            .contains("UU tickets/todo/")
    );
    let run = env.run(&["fsck"]);
    assert!(run.stdout.contains("invalid-file"), "{}", run.snapshot());
}

#[test]
fn different_fields_changed_on_both_branches_merge_cleanly() {
    let (env, merged, output) = merge_changes(
        true,
        &[&["set", "shared", "priority", "3"]],
        &[&["set", "shared", "description", "From the feature"]],
    );
    assert!(merged, "{output}");
    let text = shared_file(&env);
    assert!(
        text.contains("priority: 3\ndescription: From the feature\n"),
        "{text}"
    );
    assert!(!text.contains("<<<<<<<"), "{text}");
}

#[test]
fn a_driver_installed_by_an_older_version_keeps_working() {
    let (env, merged, output) = merge_changes(
        false,
        &[&["set", "shared", "description", "main's"]],
        &[&["set", "shared", "description", "feature's"]],
    );
    assert!(!merged, "{output}");
    let text = shared_file(&env);
    assert!(
        text.contains(
            "<<<<<<< ours\ndescription: main's\n=======\ndescription: feature's\n>>>>>>> theirs\n"
        ),
        "{text}"
    );
    // Installing again updates the driver to the one with git's labels.
    env.git_via_bin(&["ticket", "install-merge-driver"]);
    assert!(
        env.git(&["config", "merge.ticket.driver"])
            .contains("--label-ours %X --label-theirs %Y")
    );
}
