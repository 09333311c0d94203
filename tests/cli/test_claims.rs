//! Claims through a shared remote: real bare remotes in temporary folders, several clones of
//! them racing for the same ticket, leases that expire and are taken over, a remote that
//! cannot be reached, and a start killed between its claim and its local start.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{TestEnv, assert_error};

/// A bare remote with `n` committed todo tickets and a config that claims on `origin`, and
/// `clones` clones of it (each with its own folder for worktrees).
struct Cluster {
    origin: TestEnv,
    bare: PathBuf,
    clones: Vec<TestEnv>,
    ids: Vec<String>,
}

fn cluster(clones: usize, tickets: usize, ttl: &str) -> Cluster {
    let (origin, ids) = TestEnv::with_tickets(tickets);
    let config = origin.read(".ticketflow.yaml");
    origin.write(
        ".ticketflow.yaml",
        format!("{config}claims:\n    remote: origin\n    ttl: {ttl}\n"),
    );
    origin.commit_all("claims on origin");
    let bare = origin.dir.path().join("remote.git");
    origin.git(&["init", "-q", "--bare", "-b", "main", bare.to_str().unwrap()]);
    origin.git(&["remote", "add", "origin", bare.to_str().unwrap()]);
    origin.git(&["push", "-q", "origin", "main"]);
    let clones = (0..clones).map(|_| clone_of(&origin, &bare)).collect();
    Cluster {
        origin,
        bare,
        clones,
        ids,
    }
}

/// A new clone of `bare` in a temporary folder of its own.
fn clone_of(origin: &TestEnv, bare: &Path) -> TestEnv {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("home")).unwrap();
    let env = TestEnv {
        root: dir.path().join("repo"),
        dir,
        tz: origin.tz,
    };
    env.git_in(
        env.dir.path(),
        &["clone", "-q", bare.to_str().unwrap(), "repo"],
    );
    env
}

/// What a start may change in a clone: branches, HEAD, worktrees, files (claims live
/// elsewhere, under refs/ticket-claims/).
fn state(env: &TestEnv) -> String {
    let mut files: Vec<String> = walk(&env.root);
    files.sort();
    format!(
        "{}\n{}\n{}\n{}\n{}",
        env.git(&["for-each-ref", "refs/heads", "refs/tags", "refs/remotes"]),
        env.git(&["rev-parse", "HEAD"]),
        env.git(&["worktree", "list", "--porcelain"]),
        env.git(&["status", "--porcelain", "--untracked-files=all"]),
        files.join("\n")
    )
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

/// The claim refs of the bare remote (`<value> <ref>` lines).
fn remote_claims(bare: &Path) -> String {
    let out = Command::new("git")
        .args(["--git-dir", bare.to_str().unwrap()])
        .args(["for-each-ref", "--format=%(objectname) %(refname)"])
        .arg("refs/ticket-claims/")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `args` in each clone at once (`-o json`); returns each run.
fn at_once(clones: &[TestEnv], args: &[&str]) -> Vec<crate::common::Run> {
    let children: Vec<_> = clones
        .iter()
        .map(|c| {
            let mut cmd = c.command_in(&c.root);
            cmd.args(args)
                .args(["-o", "json"])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    children
        .into_iter()
        .zip(clones)
        .map(|(child, c)| c.to_run(child.wait_with_output().unwrap()))
        .collect()
}

/// `clones` clones race `rounds` times for the same ticket: exactly one wins each round,
/// every loser gets TICKET_CLAIMED and is unchanged.
fn race(clones: usize, rounds: usize) {
    let c = cluster(clones, rounds, "24h");
    for id in &c.ids {
        let before: Vec<String> = c.clones.iter().map(state).collect();
        let runs = at_once(&c.clones, &["start", id]);
        let winners: Vec<usize> = (0..clones).filter(|&i| runs[i].status == 0).collect();
        assert_eq!(
            winners.len(),
            1,
            "round {id}: {:?}",
            runs.iter().map(|r| r.snapshot()).collect::<Vec<_>>()
        );
        for (i, run) in runs.iter().enumerate() {
            if i == winners[0] {
                assert_eq!(run.json()["claim"]["how"], "new", "{}", run.snapshot());
                assert!(c.clones[i].worktree(id).exists());
                continue;
            }
            assert_error(run, "TICKET_CLAIMED");
            let details = run.json_err()["error"]["details"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(
                details.contains("Test <test@example.com>") && details.contains(" ago"),
                "{details}"
            );
            assert_eq!(state(&c.clones[i]), before[i], "loser {i} changed");
        }
        assert_eq!(
            remote_claims(&c.bare).lines().count(),
            c.ids.iter().position(|x| x == id).unwrap() + 1
        );
    }
}

#[test]
fn two_clones_race_for_a_ticket_and_exactly_one_wins_each_round() {
    race(2, 20);
}

#[test]
fn eight_clones_race_for_a_ticket_and_exactly_one_wins_each_round() {
    race(8, 20);
}

#[test]
fn a_released_claim_can_be_taken_by_another_clone() {
    let c = cluster(2, 1, "24h");
    let (a, b, id) = (&c.clones[0], &c.clones[1], &c.ids[0]);
    a.run(&["start", id]).ok();
    let before = state(b);
    let lost = b.run(&["start", id, "-o", "json"]);
    assert_error(&lost, "TICKET_CLAIMED");
    assert_eq!(state(b), before);
    // Text: the holder and the age, and never a --force to someone who lost a race.
    let lost = b.run(&["start", id]);
    assert!(
        lost.stderr.contains("claimed on origin by Test"),
        "{}",
        lost.stderr
    );
    assert!(!lost.stderr.contains("--force"), "{}", lost.stderr);
    // B sees A's claim, not as its own.
    let listed = b.run(&["claims", "-o", "json"]).ok().json();
    assert_eq!(listed["claims"][0]["ticket"], id.as_str());
    assert_eq!(listed["claims"][0]["ours"], false);
    assert_eq!(listed["claims"][0]["expired"], false);
    let listed = a.run(&["claims", "-o", "json"]).ok().json();
    assert_eq!(listed["claims"][0]["ours"], true);
    // Only its holder releases it without --force.
    assert_error(&b.run(&["release", id, "-o", "json"]), "TICKET_CLAIMED");
    let released = a.run(&["release", id, "-o", "json"]).ok().json();
    assert_eq!(released["released"], true);
    assert_eq!(remote_claims(&c.bare), "");
    let again = a.run(&["release", id, "-o", "json"]).ok().json();
    assert_eq!(again["released"], false);
    let won = b.run(&["start", id, "-o", "json"]).ok().json();
    assert_eq!(won["claim"]["how"], "new");
    assert_eq!(
        b.run(&["claims", "-o", "json"]).ok().json()["claims"][0]["ours"],
        true
    );
}

#[test]
fn an_expired_lease_is_taken_over_by_another_clone() {
    let c = cluster(2, 1, "1s");
    let (a, b, id) = (&c.clones[0], &c.clones[1], &c.ids[0]);
    a.run_with(&a.root, &[("GIT_TICKET_AGENT", "agent-a")], &["claim", id])
        .ok();
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let stale = b
        .run(&["claims", "--stale", "1s", "-o", "json"])
        .ok()
        .json();
    assert_eq!(stale["claims"][0]["expired"], true);
    assert_eq!(stale["claims"][0]["holder"]["agent"], "agent-a");
    assert_eq!(
        b.run(&["claims", "--stale", "1h", "-o", "json"])
            .ok()
            .json()["claims"],
        serde_json::json!([])
    );
    let took = b.run(&["start", id]).ok();
    assert!(
        took.stdout
            .contains("took over the expired claim of Test <test@example.com>")
            && took.stdout.contains("(agent agent-a)"),
        "{}",
        took.stdout
    );
    // A's renewal now finds the claim taken over.
    let lost = a.run(&["claim", "--renew", id, "-o", "json"]);
    assert_error(&lost, "TICKET_CLAIMED");
}

#[test]
fn a_renewal_racing_a_takeover_one_wins() {
    let c = cluster(2, 3, "2s");
    let (a, b) = (&c.clones[0], &c.clones[1]);
    for id in &c.ids {
        a.run(&["claim", id]).ok();
        std::thread::sleep(std::time::Duration::from_millis(2100));
        let children: Vec<_> = [(a, "--renew"), (b, "")]
            .iter()
            .map(|(env, flag)| {
                let mut cmd = env.command_in(&env.root);
                cmd.args(["claim", id, "-o", "json"]);
                if !flag.is_empty() {
                    cmd.arg(flag);
                }
                cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
                cmd.spawn().unwrap()
            })
            .collect();
        let runs: Vec<_> = children
            .into_iter()
            .map(|ch| a.to_run(ch.wait_with_output().unwrap()))
            .collect();
        let won: Vec<_> = runs.iter().filter(|r| r.status == 0).collect();
        assert_eq!(
            won.len(),
            1,
            "{:?}",
            runs.iter().map(|r| r.snapshot()).collect::<Vec<_>>()
        );
        let lost = runs.iter().find(|r| r.status != 0).unwrap();
        assert_error(lost, "TICKET_CLAIMED");
    }
}

#[test]
fn an_unreachable_remote_changes_nothing_and_names_no_claim() {
    let c = cluster(1, 1, "24h");
    let (a, id) = (&c.clones[0], &c.ids[0]);
    let missing = a.dir.path().join("no-such-remote.git");
    a.git(&["remote", "set-url", "origin", missing.to_str().unwrap()]);
    let before = state(a);
    let run = a.run(&["start", id, "-o", "json"]);
    assert_error(&run, "CLAIM_UNREACHABLE");
    let err = run.json_err();
    let suggestions = err["error"]["suggestions"].to_string();
    assert!(
        suggestions.contains(&format!("git ticket start --no-claim {id}")),
        "{suggestions}"
    );
    assert_eq!(state(a), before);
    assert!(
        !a.root
            .join(".git/git-ticket-journal")
            .read_dir()
            .is_ok_and(|mut d| d.next().is_some())
    );
    // Working offline on purpose.
    a.run(&["start", "--no-claim", id]).ok();
    assert!(a.worktree(id).exists());
}

#[test]
fn start_claim_remote_names_the_remote_and_no_config_means_no_claim() {
    let c = cluster(1, 2, "24h");
    let a = &c.clones[0];
    // Claims off in the config: start claims only when told.
    let config = a
        .read(".ticketflow.yaml")
        .replace("    remote: origin\n", "");
    a.write(".ticketflow.yaml", config);
    a.commit_all("claims off");
    a.run(&["start", &c.ids[0]]).ok();
    assert_eq!(remote_claims(&c.bare), "");
    let run = a
        .run(&["start", &c.ids[1], "--claim-remote", "origin", "-o", "json"])
        .ok();
    assert_eq!(run.json()["claim"]["remote"], "origin");
    assert!(remote_claims(&c.bare).contains(&format!("refs/ticket-claims/{}", c.ids[1])));
    let bad = a.run(&["claims", "--remote", "a/b", "-o", "json"]);
    assert_error(&bad, "VALIDATION_ERROR");
}

#[test]
fn a_failed_local_start_gives_a_won_claim_back_and_claimed_comes_first() {
    let c = cluster(2, 2, "24h");
    let (a, b) = (&c.clones[0], &c.clones[1]);
    // Done here: the claim won for this start is released again.
    for env in [a, b] {
        let todo = format!("tickets/todo/{}.md", c.ids[0]);
        let done = format!("tickets/done/{}.md", c.ids[0]);
        let text = env
            .read(&todo)
            .replace("closed_at: null", "closed_at: \"2026-01-01T00:00:00Z\"");
        env.git(&["rm", "-q", &todo]);
        env.write(&done, text);
        env.commit_all("done");
    }
    assert_error(
        &a.run(&["start", &c.ids[0], "-o", "json"]),
        "TICKET_ALREADY_CLOSED",
    );
    assert_eq!(remote_claims(&c.bare), "");
    // Claimed by another and done: TICKET_CLAIMED is said first.
    a.run(&["claim", &c.ids[0]]).ok();
    assert_error(
        &b.run(&["start", &c.ids[0], "-o", "json"]),
        "TICKET_CLAIMED",
    );
    // Started here already: a claim of ours before is kept.
    a.run(&["start", &c.ids[1]]).ok();
    assert_error(
        &a.run(&["start", &c.ids[1], "-o", "json"]),
        "TICKET_ALREADY_STARTED",
    );
    assert!(remote_claims(&c.bare).contains(&c.ids[1]));
}

#[test]
fn a_start_killed_between_claim_and_local_start_is_completed() {
    let c = cluster(2, 2, "24h");
    let (a, b) = (&c.clones[0], &c.clones[1]);
    for (n, id) in c.ids.iter().enumerate() {
        let before = state(a);
        let killed = a.run_with(
            &a.root,
            &[("GIT_TICKET_FAILPOINT", "crash:start:claimed")],
            &["start", id],
        );
        assert_eq!(killed.status, -1, "not killed:\n{}", killed.snapshot());
        assert_eq!(state(a), before, "nothing changed here");
        assert!(remote_claims(&c.bare).contains(id.as_str()));
        assert_error(&b.run(&["start", id, "-o", "json"]), "TICKET_CLAIMED");
        if n == 0 {
            // fsck --fix reports the claim left behind, and keeps it ours.
            let fixed = a.run(&["fsck", "--fix"]);
            assert!(
                fixed.stderr.contains(&format!(
                    "ticket {id} is claimed on origin by this clone but was not started"
                )),
                "{}",
                fixed.snapshot()
            );
        }
        // A re-run proceeds: the claim is ours.
        let run = a.run(&["start", id, "-o", "json"]).ok();
        assert_eq!(run.json()["claim"]["how"], "renewed");
        assert!(a.worktree(id).exists());
        a.run(&["fsck"]).ok();
    }
}

#[test]
fn branches_fetches_and_pushes_never_touch_claims() {
    let c = cluster(2, 1, "24h");
    let (a, b, id) = (&c.clones[0], &c.clones[1], &c.ids[0]);
    a.run(&["start", id]).ok();
    let on_remote = remote_claims(&c.bare);
    assert_eq!(on_remote.lines().count(), 1);
    // A plain fetch, pull and a fresh clone bring no claims.
    b.git(&["fetch", "origin"]);
    b.git(&["fetch", "--all", "--prune"]);
    b.git(&["pull", "-q"]);
    assert_eq!(b.git(&["for-each-ref", "refs/ticket-claims"]), "");
    let fresh = clone_of(&c.origin, &c.bare);
    assert_eq!(fresh.git(&["for-each-ref", "refs/ticket-claims"]), "");
    // Pushes of branches and tags from a clone that has fetched claims push none.
    assert_ne!(a.git(&["for-each-ref", "refs/ticket-claims"]), "");
    a.git(&["tag", "v1"]);
    a.git(&["push", "-q", "origin", "main"]);
    a.git(&["push", "-q", "origin", "--all"]);
    a.git(&["push", "-q", "origin", "--tags"]);
    assert_eq!(remote_claims(&c.bare), on_remote);
    // Claims are kept out of branches, tags and remote-tracking branches here too.
    let refs = a.git(&["for-each-ref", "--format=%(refname)"]);
    for line in refs.lines().filter(|l| l.contains(id.as_str())) {
        assert!(
            line == format!("refs/heads/{id}")
                || line == format!("refs/remotes/origin/{id}")
                || line == format!("refs/ticket-claims/origin/{id}"),
            "{line}"
        );
    }
}

#[test]
fn release_force_breaks_only_the_claim_it_saw() {
    let c = cluster(2, 1, "24h");
    let (a, b, id) = (&c.clones[0], &c.clones[1], &c.ids[0]);
    a.run(&["claim", id]).ok();
    b.run(&["claims"]).ok();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    a.run(&["claim", "--renew", id]).ok();
    // B saw the claim before its renewal: it is not broken.
    let refused = b.run(&["release", "--force", id, "-o", "json"]);
    assert_error(&refused, "TICKET_CLAIMED");
    assert!(remote_claims(&c.bare).contains(id.as_str()));
    let broke = b.run(&["release", "--force", id]).ok();
    assert!(broke.stdout.contains("Broke the claim"), "{}", broke.stdout);
    assert_eq!(remote_claims(&c.bare), "");
    // A's renewal now finds nothing to renew.
    assert_error(
        &a.run(&["claim", "--renew", id, "-o", "json"]),
        "TICKET_NOT_CLAIMED",
    );
}

/// `git push origin <id>` from `wt` through git (hooks run `git ticket hook pre-push`); it
/// must succeed. Returns its stderr.
fn push_branch(env: &TestEnv, wt: &Path, id: &str) -> String {
    let out = env
        .git_with_bin(wt)
        .args(["push", "-q", "origin", id])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

#[test]
fn pushing_the_ticket_branch_renews_the_claim_and_cleanup_releases_it() {
    let c = cluster(1, 1, "24h");
    let (a, id) = (&c.clones[0], &c.ids[0]);
    a.run(&["install-hooks"]).ok();
    a.run(&["start", id]).ok();
    let claimed = remote_claims(&c.bare);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let wt = a.worktree(id);
    std::fs::write(wt.join("work.txt"), "work").unwrap();
    a.git_in(&wt, &["add", "work.txt"]);
    a.git_in(&wt, &["commit", "-q", "-m", "work"]);
    let stderr = push_branch(a, &wt, id);
    assert_eq!(stderr, "", "hooks print nothing on success");
    let renewed = remote_claims(&c.bare);
    assert_eq!(renewed.lines().count(), 1);
    assert_ne!(renewed, claimed, "the push renewed the claim");
    // Close, merge, cleanup: the claim of the done ticket is released.
    a.run_in(&wt, &["close"]).ok();
    a.git(&["merge", "-q", "--no-edit", id]);
    a.run(&["cleanup", id, "--yes"]).ok();
    assert_eq!(remote_claims(&c.bare), "");
}

#[test]
fn a_push_goes_through_when_the_claim_cannot_be_renewed() {
    let c = cluster(2, 1, "24h");
    let (a, b, id) = (&c.clones[0], &c.clones[1], &c.ids[0]);
    a.run(&["install-hooks"]).ok();
    a.run(&["start", id]).ok();
    // Somebody broke A's claim and took the ticket.
    b.run(&["release", "--force", id]).ok();
    b.run(&["claim", id]).ok();
    let stderr = push_branch(a, &a.worktree(id), id);
    assert!(
        stderr.contains(&format!("the claim of {id} on origin was not renewed")),
        "{stderr}"
    );
}

#[test]
fn the_queue_skips_tickets_claimed_elsewhere() {
    let c = cluster(2, 3, "24h");
    let (a, b) = (&c.clones[0], &c.clones[1]);
    let taken = |run: crate::common::Run| run.json()["ticket_id"].as_str().unwrap().to_owned();
    let first = taken(a.run(&["next", "--start", "-o", "json"]).ok());
    // B has not fetched A's claim: its queue offers the same ticket first, the claim on the
    // remote refuses it (TICKET_CLAIMED), and next --start takes the next one.
    let run = b.run(&["next", "--start", "-o", "json"]).ok();
    assert!(
        run.stderr.contains(&format!("skipped {first}")) && run.stderr.contains("TICKET_CLAIMED"),
        "{}",
        run.stderr
    );
    let second = taken(run);
    assert_ne!(second, first);
    // Once fetched, A's claim keeps the ticket out of B's queue.
    let ready = b.run(&["ready", "--fetch", "-o", "json"]).ok().json();
    let ids: Vec<&str> = ready["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&first.as_str()), "{ready}");
    assert_eq!(ids.len(), 1, "{ready}");
    let next = b.run(&["next", "-o", "json"]).ok().json();
    assert_eq!(next["ticket"]["id"], ids[0]);
}
