//! A ticket can be started once: a second `start` — a lost race between two agents — is
//! TICKET_ALREADY_STARTED, names who started it and when, and offers another ticket, never
//! `--force`; `start --force` on a healthy worktree changes nothing.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::common::{TestEnv, assert_error};

fn repo_with_ticket(slug: &str) -> (TestEnv, String) {
    let env = TestEnv::without_init_commands();
    let id = env.new_ticket(slug);
    env.commit_all("add ticket");
    (env, id)
}

/// Asserts the refusal of a second start: TicketFlow's code and message, who and when (the
/// hermetic author and date of the start commit), and no `--force` among the next steps.
#[track_caller]
fn assert_already_started(run: &crate::common::Run, id: &str) {
    assert_error(run, "TICKET_ALREADY_STARTED");
    let err = &run.json_err()["error"];
    assert_eq!(err["message"], "Ticket already started");
    let details = err["details"].as_str().unwrap();
    assert!(
        details.starts_with(&format!(
            "Ticket {id} is already in progress: started by Test <test@example.com> at 2026-01-01T00:00:00Z"
        )),
        "{details}"
    );
    let suggestions: Vec<&str> = err["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(
        suggestions
            .iter()
            .any(|s| s.contains("another ticket") && s.contains("git ticket list")),
        "{suggestions:?}"
    );
    assert!(
        suggestions.iter().all(|s| !s.contains("--force")),
        "a lost race must not be told to use --force: {suggestions:?}"
    );
}

#[test]
fn lost_start_race_is_ticket_already_started() {
    let (env, id) = repo_with_ticket("contended");
    // Two agents start the same ticket at the same moment: one wins, the other is told the
    // ticket is taken.
    let children: Vec<_> = (0..2)
        .map(|_| {
            env.command_in(&env.root)
                .args(["start", &id, "-o", "json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let runs: Vec<_> = children
        .into_iter()
        .map(|c| env.to_run(c.wait_with_output().unwrap()))
        .collect();
    let (won, lost): (Vec<_>, Vec<_>) = runs.iter().partition(|r| r.status == 0);
    assert_eq!(
        (won.len(), lost.len()),
        (1, 1),
        "{}\n{}",
        runs[0].snapshot(),
        runs[1].snapshot()
    );
    assert_already_started(lost[0], &id);
    assert!(
        lost[0].json_err()["error"]["details"]
            .as_str()
            .unwrap()
            .ends_with(&format!("its worktree is [TMP]/.worktrees/{id}")),
        "{}",
        lost[0].snapshot()
    );
    // One start commit, one worktree.
    assert_eq!(
        env.git(&["log", "--format=%s"])
            .matches(&format!("Start ticket: {id}"))
            .count(),
        1
    );
    // The same answer later, in text too.
    let run = env.run(&["start", &id]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("Ticket already started"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("--force"), "{}", run.stderr);
}

/// TicketFlow compatibility (COMPAT.md §1.13): `start` of a doing ticket whose worktree exists,
/// without --force, is TICKET_ALREADY_STARTED "Ticket already started" with details
/// "Ticket <ID> is already in progress…" (TicketFlow said WORKTREE_EXISTS nowhere here).
#[test]
fn ticketflow_code_for_a_started_ticket() {
    let (env, id) = repo_with_ticket("compat");
    env.run(&["start", &id]).ok();
    let run = env.run(&["start", &id, "--format", "json"]);
    assert_already_started(&run, &id);
    // Through the TicketFlow name of the binary, as TicketFlow's users call it.
    let tf = env.dir.path().join("ticketflow");
    std::os::unix::fs::symlink(crate::common::bin(), &tf).unwrap();
    let mut cmd = std::process::Command::new(&tf);
    env.hermetic(&mut cmd);
    let out = cmd
        .current_dir(&env.root)
        .args(["start", &id, "--format", "json"])
        .output()
        .unwrap();
    assert_already_started(&env.to_run(out), &id);
}

fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

#[test]
fn force_on_a_healthy_worktree_touches_nothing() {
    let (env, id) = repo_with_ticket("healthy");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    // The winner works there: a commit, and a file not yet committed.
    fs::write(path.join("committed.txt"), "1").unwrap();
    env.git_in(&path, &["add", "committed.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "winner's work"]);
    fs::write(path.join("winner.txt"), "in progress").unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let before = files(&path);
    let head = env.git_in(&path, &["rev-parse", "HEAD"]);
    let status = env.git_in(&path, &["status", "--porcelain"]);
    let main_head = env.git(&["rev-parse", "HEAD"]);

    let v = env
        .run(&["start", &id, "--force", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["nothing_to_repair"], true, "{v}");
    assert_eq!(v["is_recreating_worktree"], false, "{v}");
    assert_eq!(v["ticket_id"], id.as_str());
    assert_eq!(v["status"], "doing");
    assert_eq!(v["original_status"], "doing");
    assert_eq!(v["init_commands_executed"], false);
    assert!(v["worktree_path"].as_str().unwrap().ends_with(&id), "{v}");
    let run = env.run(&["start", &id, "--force"]).ok();
    assert!(run.stdout.contains("Nothing to repair"), "{}", run.stdout);

    assert_eq!(fs::metadata(&path).unwrap().ino(), inode, "same directory");
    assert_eq!(files(&path), before);
    assert_eq!(
        fs::read_to_string(path.join("winner.txt")).unwrap(),
        "in progress"
    );
    assert_eq!(env.git_in(&path, &["rev-parse", "HEAD"]), head);
    assert_eq!(env.git_in(&path, &["status", "--porcelain"]), status);
    assert_eq!(
        env.git(&["rev-parse", "HEAD"]),
        main_head,
        "nothing committed"
    );
}

#[test]
fn force_recreates_only_a_missing_worktree_and_never_a_broken_one() {
    let (env, id) = repo_with_ticket("repairable");
    env.run(&["start", &id]).ok();
    let path = env.worktree(&id);
    fs::write(path.join("committed.txt"), "1").unwrap();
    env.git_in(&path, &["add", "committed.txt"]);
    env.git_in(&path, &["commit", "-q", "-m", "unique work"]);
    // Folder gone (prunable): recreated on its branch, commits intact.
    fs::remove_dir_all(&path).unwrap();
    let v = env
        .run(&["start", &id, "--force", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["is_recreating_worktree"], true, "{v}");
    assert_eq!(v["nothing_to_repair"], false, "{v}");
    assert_eq!(
        env.git_in(&path, &["log", "-1", "--format=%s"]),
        "unique work\n"
    );
    assert!(path.join("current-ticket.md").exists());
    // Present but not a readable working tree (its .git link lost): nothing is removed; the
    // way out is git's own repair.
    fs::write(path.join("notes.txt"), "uncommitted").unwrap();
    fs::remove_file(path.join(".git")).unwrap();
    let run = env.run(&["start", &id, "--force", "-o", "json"]);
    assert_error(&run, "WORKTREE_EXISTS");
    assert!(run.stderr.contains("git worktree repair"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(path.join("notes.txt")).unwrap(),
        "uncommitted"
    );
    assert!(path.join("committed.txt").exists());
}

/// The race across branches: the ticket is still todo in the loser's tree (a parent ticket's
/// worktree), but its branch and worktree exist — it is taken all the same.
#[test]
fn started_from_another_branch_is_already_started() {
    let (env, epic) = repo_with_ticket("epic");
    let child = env.new_ticket("child");
    env.commit_all("child");
    env.run(&["start", &epic]).ok();
    let epic_path = env.worktree(&epic);
    env.run(&["start", &child]).ok();
    assert!(epic_path.join(format!("tickets/todo/{child}.md")).is_file());
    let epic_head = env.git_in(&epic_path, &["rev-parse", "HEAD"]);
    let run = env.run_in(&epic_path, &["start", &child, "-o", "json"]);
    assert_already_started(&run, &child);
    let v = env
        .run_in(&epic_path, &["start", &child, "--force", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["nothing_to_repair"], true, "{v}");
    assert_eq!(env.git_in(&epic_path, &["rev-parse", "HEAD"]), epic_head);
    assert_eq!(env.git_in(&epic_path, &["status", "--porcelain"]), "");
}

#[test]
fn start_of_a_ticket_dropped_from_the_index_moves_it_in_the_commit() {
    // Committed, then `git rm --cached` (the file stays, untracked): git still knows the
    // old path through HEAD, so the start commit moves it instead of leaving HEAD holding
    // the ticket twice (todo and doing).
    let (env, ids) = TestEnv::with_tickets(1);
    let id = &ids[0];
    let todo = format!("tickets/todo/{id}.md");
    env.git(&["rm", "-q", "--cached", &todo]);
    env.run(&["start", id]).ok();
    let head = env.git(&["ls-tree", "-r", "--name-only", "HEAD", "tickets"]);
    let held: Vec<&str> = head.lines().filter(|l| l.contains(id.as_str())).collect();
    assert_eq!(held, [format!("tickets/doing/{id}.md")], "{head}");
    assert_eq!(env.git(&["status", "--porcelain"]), "");
}
