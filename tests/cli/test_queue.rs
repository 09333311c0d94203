//! The work queue: dependencies (`dep add/remove/tree`, `new --blocked-by`, fsck), `ready`,
//! `blocked`, `next [--start]` (8 agents at once), `list --ready/--blocked`, the links in the
//! ticket views, `for-each-ticket`'s graph placeholders, `prime` and `init --agents`.

use std::path::Path;
use std::process::Stdio;

use serde_json::{Value, json};

use crate::common::{TestEnv, assert_error};
use crate::snap;

/// Frontmatter of a ticket with `status` (todo, doing, done), created at `created`.
fn fm(priority: i64, created: &str, status: &str, related: &[&str]) -> String {
    let (started, closed) = match status {
        "todo" => ("null", "null"),
        "doing" => ("\"2025-02-01T00:00:00Z\"", "null"),
        _ => ("\"2025-02-01T00:00:00Z\"", "\"2025-02-02T00:00:00Z\""),
    };
    let mut s = format!(
        "priority: {priority}\ndescription: ticket {created}\ncreated_at: \"{created}\"\nstarted_at: {started}\nclosed_at: {closed}\n"
    );
    if !related.is_empty() {
        s.push_str("related:\n");
        for r in related {
            s.push_str(&format!("    - {r}\n"));
        }
    }
    s
}

const A: &str = "250101-000000-a";
const B: &str = "250102-000000-b";
const C: &str = "250103-000000-c";
const D: &str = "250104-000000-d";
const E: &str = "250105-000000-e";
const F: &str = "250106-000000-f";
const G: &str = "250107-000000-g";
const H: &str = "250108-000000-h";

/// a, b, e ready (b's blocker c is done; e is the oldest of priority 2 as an instant, not by
/// its ID); d blocked by a; g blocked by f (doing), written as `blocks:` in f; h blocked by
/// a reference that names no ticket.
fn queue_repo() -> TestEnv {
    let env = TestEnv::without_init_commands();
    env.ticket("todo", A, &fm(2, "2025-01-01T00:00:00Z", "todo", &[]), "a");
    let b_rel = format!("blocked-by:{C}");
    env.ticket(
        "todo",
        B,
        &fm(1, "2025-01-02T00:00:00Z", "todo", &[&b_rel]),
        "",
    );
    env.ticket("done", C, &fm(1, "2025-01-03T00:00:00Z", "done", &[]), "");
    let d_rel = format!("blocked-by:{A}");
    env.ticket(
        "todo",
        D,
        &fm(1, "2025-01-04T00:00:00Z", "todo", &[&d_rel]),
        "",
    );
    // 2024-12-31T18:00:00Z: older than a.
    env.ticket(
        "todo",
        E,
        &fm(2, "2025-01-01T03:00:00+09:00", "todo", &[]),
        "",
    );
    let f_rel = format!("blocks:{G}");
    env.ticket(
        "doing",
        F,
        &fm(2, "2025-01-06T00:00:00Z", "doing", &[&f_rel]),
        "",
    );
    env.ticket("todo", G, &fm(2, "2025-01-07T00:00:00Z", "todo", &[]), "");
    env.ticket(
        "todo",
        H,
        &fm(2, "2025-01-08T00:00:00Z", "todo", &["blocked-by:ghost"]),
        "",
    );
    env.commit_all("tickets");
    env
}

fn ids(v: &Value) -> Vec<String> {
    v["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn ready_blocked_and_next_follow_the_links_in_queue_order() {
    let env = queue_repo();
    let ready = env.run(&["ready", "-o", "json"]).ok().json();
    assert_eq!(ids(&ready), [B, E, A]);
    assert_eq!(
        ready["summary"],
        json!({"todo": 6, "doing": 1, "done": 1, "total": 8})
    );
    let a = &ready["tickets"][2];
    assert_eq!(a["blocked_by"], json!([]));
    assert_eq!(a["blocks"], json!([D]));
    assert_eq!(a["has_worktree"], false);
    assert_eq!(
        ids(&env.run(&["ready", "-c", "1", "-o", "json"]).ok().json()),
        [B]
    );

    // NDJSON: one ticket a line, as list writes it.
    let nd = env.run(&["ready", "-o", "ndjson"]).ok();
    let lines: Vec<Value> = nd
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{}", nd.stdout);
    assert_eq!(lines[0]["id"], B);
    assert_eq!(lines[2]["blocks"], json!([D]));

    let blocked = env.run(&["blocked", "-o", "json"]).ok().json();
    assert_eq!(ids(&blocked), [D, G, H]);
    let by: Vec<&Value> = (0..3)
        .map(|i| &blocked["tickets"][i]["blocked_by"])
        .collect();
    assert_eq!(by, [&json!([A]), &json!([F]), &json!(["ghost"])]);
    let text = env.run(&["blocked"]).ok();
    snap!("queue_blocked_text", text.snapshot());

    // list keeps its own order (priority, newest first).
    let listed = env.run(&["list", "--ready", "-o", "json"]).ok().json();
    assert_eq!(ids(&listed), [B, A, E]);
    assert_eq!(listed["tickets"][1]["blocks"], json!([D]));
    let listed = env.run(&["list", "--blocked", "-o", "json"]).ok().json();
    assert_eq!(ids(&listed), [D, H, G]);
    let listed = env
        .run(&["list", "--blocked", "--status", "doing", "-o", "json"])
        .ok()
        .json();
    assert_eq!(ids(&listed), Vec::<String>::new());
    // Without the flags nothing of the graph is read or shown.
    let plain = env.run(&["list", "-o", "json"]).ok().json();
    assert!(plain["tickets"][0].get("blocked_by").is_none());

    let next = env.run(&["next", "-o", "json"]).ok().json();
    assert_eq!(next["ticket"]["id"], B);
    assert_eq!(next["ticket"]["blocked_by"], json!([]));
    let text = env.run(&["next"]).ok();
    assert!(
        text.stdout.contains(&format!("git ticket start {B}")),
        "{}",
        text.stdout
    );

    // b's blocker c is done: satisfied, not shown; c (done) holds nothing up.
    let shown = env.run(&["show", B, "-o", "json"]).ok().json();
    assert_eq!(shown["ticket"]["blocked_by"], json!([]));
    let shown = env.run(&["show", C, "-o", "json"]).ok().json();
    assert_eq!(shown["ticket"]["blocks"], json!([]));
    let shown = env.run(&["show", G, "-o", "json"]).ok().json();
    assert_eq!(shown["ticket"]["blocked_by"], json!([F]));
    let shown = env.run(&["show", F, "-o", "json"]).ok().json();
    assert_eq!(shown["ticket"]["blocks"], json!([G]));
    let shown = env.run(&["show", H]).ok();
    assert!(
        shown.stdout.contains("Blocked by: unknown ticket ghost\n"),
        "{}",
        shown.stdout
    );

    let each = env
        .run(&[
            "for-each-ticket",
            "--format",
            "%(id) %(ready) [%(blocked-by)] [%(blocks)]",
        ])
        .ok();
    assert_eq!(
        each.stdout,
        format!(
            "{A} true [] [{D}]\n{B} true [] []\n{C} false [] []\n{D} false [{A}] []\n{E} true [] []\n{F} false [] [{G}]\n{G} false [{F}] []\n{H} false [ghost] []\n"
        )
    );
}

#[test]
fn nothing_ready_is_no_ready_ticket() {
    let env = TestEnv::without_init_commands();
    let run = env.run(&["next", "-o", "json"]);
    assert_error(&run, "NO_READY_TICKET");
    env.ticket(
        "todo",
        A,
        &fm(2, "2025-01-01T00:00:00Z", "todo", &["blocked-by:nowhere"]),
        "",
    );
    env.commit_all("one blocked ticket");
    for args in [
        &["next", "-o", "json"][..],
        &["next", "--start", "-o", "json"],
    ] {
        let run = env.run(args);
        assert_error(&run, "NO_READY_TICKET");
        assert!(run.stderr.contains("1 blocked"), "{}", run.stderr);
    }
    assert_eq!(
        env.git(&["log", "--format=%s", "-1"]),
        "one blocked ticket\n"
    );
    assert_eq!(env.run(&["ready"]).ok().stdout, "No tickets found\n",);
}

#[test]
fn start_warns_about_blockers_and_next_never_picks_it() {
    let env = queue_repo();
    let run = env.run(&["start", H, "-o", "json"]).ok();
    let v = run.json();
    assert_eq!(v["ticket_id"], H);
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{v}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .contains("waits on unknown ticket ghost"),
        "{v}"
    );
    assert!(
        run.stderr
            .contains("warning: ticket 250108-000000-h waits on unknown ticket ghost")
    );
    let run = env.run(&["start", D]).ok();
    assert!(
        run.stderr.contains(&format!("waits on {A}")),
        "{}",
        run.stderr
    );
    // A ticket without blockers: no warnings key (start's JSON as before).
    let v = env.run(&["start", A, "-o", "json"]).ok().json();
    assert!(v.get("warnings").is_none(), "{v}");
    // next --start takes b, then e, and never g (blocked by f).
    let v = env.run(&["next", "--start", "-o", "json"]).ok().json();
    assert_eq!(v["ticket_id"], B);
    assert_eq!(v["status"], "doing");
    assert!(
        Path::new(
            &v["worktree_path"]
                .as_str()
                .unwrap()
                .replace("[TMP]", env.dir.path().to_str().unwrap())
        )
        .is_dir()
    );
    let v = env.run(&["next", "--start", "-o", "json"]).ok().json();
    assert_eq!(v["ticket_id"], E);
    assert_error(
        &env.run(&["next", "--start", "-o", "json"]),
        "NO_READY_TICKET",
    );
    // The starts left the repository consistent: h's unknown blocker is the only finding.
    let fsck = env.run(&["fsck"]).stdout;
    assert!(
        fsck.lines().count() == 1 && fsck.starts_with("unknown-blocker\t"),
        "{fsck}"
    );
}

#[test]
fn next_start_skips_a_ticket_taken_elsewhere() {
    let env = queue_repo();
    // b's branch already has its worktree (another agent took it on a branch of its own):
    // starting it fails with TICKET_ALREADY_STARTED, so next --start takes e.
    let wt = env.worktree(B);
    env.git(&["worktree", "add", "-q", "-b", B, wt.to_str().unwrap()]);
    let run = env.run(&["next", "--start", "-o", "json"]).ok();
    assert_eq!(run.json()["ticket_id"], E);
    assert!(
        run.stderr.contains(&format!("skipped {B}"))
            && run.stderr.contains("TICKET_ALREADY_STARTED"),
        "{}",
        run.stderr
    );
}

#[test]
fn eight_agents_running_next_start_at_once_take_eight_tickets() {
    let (env, ids) = TestEnv::with_tickets(10);
    let children: Vec<_> = (0..8)
        .map(|_| {
            env.command_in(&env.root)
                .args(["next", "--start", "-o", "json"])
                .env("GIT_TICKET_LOCK_TIMEOUT", "60")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut started: Vec<String> = children
        .into_iter()
        .map(|c| {
            let run = env.to_run(c.wait_with_output().unwrap()).ok();
            run.json()["ticket_id"].as_str().unwrap().to_owned()
        })
        .collect();
    started.sort();
    started.dedup();
    assert_eq!(started.len(), 8, "{started:?}");
    for id in &started {
        assert!(ids.contains(id));
        assert!(env.root.join(format!("tickets/doing/{id}.md")).is_file());
        assert!(env.worktree(id).is_dir());
    }
    let log = env.git(&["log", "--format=%s"]);
    assert_eq!(log.matches("Start ticket:").count(), 8, "{log}");
    env.run(&["fsck"]).ok();
    assert_eq!(
        env.run(&["ready", "-o", "json"]).ok().json()["tickets"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn dep_add_remove_and_tree() {
    let env = queue_repo();
    // Adds resolve references (slug words here) to full IDs, written into related.
    let run = env.run(&["dep", "add", G, "a", "e", "-o", "json"]).ok();
    let v = run.json();
    assert_eq!(v["added"], json!([A, E]));
    assert_eq!(v["blocked_by"], json!([F, A, E]));
    let text = env.read(&format!("tickets/todo/{G}.md"));
    assert!(
        text.contains(&format!(
            "related:\n    - blocked-by:{A}\n    - blocked-by:{E}\n"
        )),
        "{text}"
    );
    // Again: nothing changes.
    let v = env.run(&["dep", "add", G, A, "-o", "json"]).ok().json();
    assert_eq!(v["added"], json!([]));
    assert_eq!(v["unchanged"], json!([A]));
    assert_eq!(env.read(&format!("tickets/todo/{G}.md")), text);
    // An unknown blocker is an error; nothing written.
    assert_error(
        &env.run(&["dep", "add", G, "nope", "-o", "json"]),
        "TICKET_NOT_FOUND",
    );

    // a → g would close g → a: refused, spelled, nothing written (a's file unchanged).
    let a_before = env.read(&format!("tickets/todo/{A}.md"));
    let run = env.run(&["dep", "add", A, G, "-o", "json"]);
    assert_error(&run, "DEPENDENCY_CYCLE");
    assert!(
        run.stderr.contains(&format!("{A} → {G} → {A}")),
        "{}",
        run.stderr
    );
    assert_eq!(env.read(&format!("tickets/todo/{A}.md")), a_before);
    // Through several tickets, and two new links that only close a cycle together.
    let run = env.run(&["dep", "add", A, D, "-o", "json"]);
    assert_error(&run, "DEPENDENCY_CYCLE");
    assert!(
        run.stderr.contains(&format!("{A} → {D} → {A}")),
        "{}",
        run.stderr
    );
    assert_error(
        &env.run(&["dep", "add", A, A, "-o", "json"]),
        "DEPENDENCY_CYCLE",
    );
    assert_eq!(env.read(&format!("tickets/todo/{A}.md")), a_before);

    let tree = env.run(&["dep", "tree", G]).ok();
    snap!("queue_dep_tree_text", tree.snapshot());
    let v = env.run(&["dep", "tree", G, "-o", "json"]).ok().json();
    assert_eq!(v["tree"]["id"], G);
    assert_eq!(v["tree"]["status"], "todo");
    let kids: Vec<&str> = v["tree"]["blocked_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(kids, [F, A, E]);
    let h = env.run(&["dep", "tree", H, "-o", "json"]).ok().json();
    assert_eq!(
        h["tree"]["blocked_by"],
        json!([{"blocked_by": [], "id": "ghost", "satisfied": false, "status": null, "unknown": true}])
    );

    // Remove: either direction (g ← f was written as blocks:g in f), and an unknown
    // reference as written.
    let v = env
        .run(&["dep", "remove", G, F, "e", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["removed"], json!([F, E]));
    assert_eq!(v["blocked_by"], json!([A]));
    assert!(
        !env.read(&format!("tickets/doing/{F}.md"))
            .contains("blocks:")
    );
    let v = env
        .run(&["dep", "rm", H, "ghost", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["removed"], json!(["ghost"]));
    assert!(
        !env.read(&format!("tickets/todo/{H}.md"))
            .contains("related")
    );
    let v = env.run(&["dep", "remove", H, A, "-o", "json"]).ok().json();
    assert_eq!(v["unchanged"], json!([A]));
    let ready = env.run(&["ready", "-o", "json"]).ok().json();
    assert_eq!(ids(&ready), [B, E, A, H]);
}

#[test]
fn dep_tree_marks_cycles_and_repeats() {
    let env = TestEnv::without_init_commands();
    let x = "250101-000000-x";
    let y = "250102-000000-y";
    let z = "250103-000000-z";
    let w = "250104-000000-w";
    // x waits on y and z, both wait on w; w waits on x: a cycle made by hand.
    let (rx, ry, rz, rw) = (
        [format!("blocked-by:{y}"), format!("blocked-by:{z}")],
        format!("blocked-by:{w}"),
        format!("blocked-by:{w}"),
        format!("blocked-by:{x}"),
    );
    env.ticket(
        "todo",
        x,
        &fm(1, "2025-01-01T00:00:00Z", "todo", &[&rx[0], &rx[1]]),
        "",
    );
    env.ticket(
        "todo",
        y,
        &fm(1, "2025-01-02T00:00:00Z", "todo", &[&ry]),
        "",
    );
    env.ticket(
        "todo",
        z,
        &fm(1, "2025-01-03T00:00:00Z", "todo", &[&rz]),
        "",
    );
    env.ticket(
        "done",
        w,
        &fm(1, "2025-01-04T00:00:00Z", "done", &[&rw]),
        "",
    );
    let tree = env.run(&["dep", "tree", x]).ok();
    snap!("queue_dep_tree_cycle_text", tree.snapshot());
    let v = env.run(&["dep", "tree", x, "-o", "json"]).ok().json();
    let yw = &v["tree"]["blocked_by"][0]["blocked_by"][0];
    assert_eq!(yw["id"], w);
    assert_eq!(yw["satisfied"], true);
    assert_eq!(yw["blocked_by"][0]["cycle"], true);
    assert_eq!(
        v["tree"]["blocked_by"][1]["blocked_by"][0]["repeated"],
        true
    );

    let fsck = env.run(&["fsck", "-o", "json"]);
    assert_eq!(fsck.status, 1, "{}", fsck.snapshot());
    let findings = fsck.json()["findings"].clone();
    let cycles: Vec<&Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "dependency-cycle")
        .collect();
    assert_eq!(cycles.len(), 1, "{findings}");
    assert_eq!(cycles[0]["subject"], x);
    assert!(
        cycles[0]["message"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{x} → {y} → {w} → {x}:")),
        "{findings}"
    );
    let text = env.run(&["fsck"]);
    assert!(
        text.stdout.contains("dependency-cycle\t250101-000000-x\t"),
        "{}",
        text.stdout
    );
}

#[test]
fn fsck_reports_unknown_blockers() {
    let env = queue_repo();
    let fsck = env.run(&["fsck"]);
    assert_eq!(fsck.status, 1);
    assert!(
        fsck.stdout.contains(&format!(
            "unknown-blocker\t{H}\tblocked by unknown ticket ghost: it keeps blocking"
        )),
        "{}",
        fsck.stdout
    );
    let v = env.run(&["fsck", "-o", "json"]).json();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "unknown-blocker" && f["subject"] == H),
        "{v}"
    );
    env.run(&["dep", "remove", H, "ghost"]).ok();
    env.run(&["fsck"]).ok();
}

#[test]
fn new_blocked_by_writes_the_links() {
    let env = queue_repo();
    let run = env
        .run(&[
            "new",
            "later",
            "--blocked-by",
            "a",
            "--blocked-by",
            G,
            "-o",
            "json",
        ])
        .ok();
    let v = run.json();
    assert_eq!(v["blocked_by"], json!([A, G]));
    let id = v["ticket"]["id"].as_str().unwrap();
    let text = env.read(&format!("tickets/todo/{id}.md"));
    assert!(
        text.contains(&format!(
            "closed_at: null\nrelated:\n    - blocked-by:{A}\n    - blocked-by:{G}\n---\n"
        )),
        "{text}"
    );
    let shown = env.run(&["show", id, "-o", "json"]).ok().json();
    assert_eq!(shown["ticket"]["blocked_by"], json!([A, G]));
    // A blocker that names no ticket: nothing is created.
    let before = std::fs::read_dir(env.root.join("tickets/todo"))
        .unwrap()
        .count();
    assert_error(
        &env.run(&["new", "never", "--blocked-by", "nope", "-o", "json"]),
        "TICKET_NOT_FOUND",
    );
    assert_eq!(
        std::fs::read_dir(env.root.join("tickets/todo"))
            .unwrap()
            .count(),
        before
    );
}

#[test]
fn prime_stays_under_two_kilobytes() {
    let env = TestEnv::without_init_commands();
    let long = "x".repeat(400);
    let slug = |i: usize| format!("{}-{i:03}", "a-very-long-slug-for-a-ticket".repeat(6));
    let mut all = Vec::new();
    for i in 0..40 {
        let id = format!("2501{:02}-000000-{}", i % 28 + 1, slug(i));
        let related: Vec<String> = if i >= 30 {
            all.iter()
                .take(8)
                .map(|b: &String| format!("blocked-by:{b}"))
                .collect()
        } else {
            Vec::new()
        };
        let related: Vec<&str> = related.iter().map(String::as_str).collect();
        let mut text = fm(2, "2025-01-01T00:00:00Z", "todo", &related);
        text = text.replace(
            "description: ticket 2025-01-01T00:00:00Z",
            &format!("description: {long} <&>"),
        );
        env.ticket("todo", &id, &text, "");
        all.push(id);
    }
    env.commit_all("tickets");
    // The current ticket: one that waits on 8 others.
    let current = all[35].clone();
    let run = env.run(&["start", &current, "-o", "json"]).ok();
    let wt = run.json()["worktree_path"]
        .as_str()
        .unwrap()
        .replace("[TMP]", env.dir.path().to_str().unwrap());
    for args in [&["prime"][..], &["prime", "-o", "json"]] {
        let run = env.run_in(Path::new(&wt), args).ok();
        assert!(
            run.stdout.len() <= 2048,
            "{} bytes:\n{}",
            run.stdout.len(),
            run.stdout
        );
        assert!(run.stdout.contains(&current), "{}", run.stdout);
        assert!(
            run.stdout.contains("git ticket next --start"),
            "{}",
            run.stdout
        );
    }
    let v = env
        .run_in(Path::new(&wt), &["prime", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["current"]["id"], current.as_str());
    assert_eq!(v["ready_total"], 30);
    assert_eq!(v["blocked"], 10);
    assert!(!v["current"]["blocked_by"].as_array().unwrap().is_empty());
    // A small repository shows everything.
    let small = queue_repo();
    let run = small.run(&["prime"]).ok();
    snap!("queue_prime_text", run.snapshot());
}

#[test]
fn init_agents_writes_one_marked_block() {
    let env = TestEnv::new();
    // 1. No AGENTS.md: created with the block; no CLAUDE.md made.
    let v = env.run(&["init", "--agents", "-o", "json"]).ok().json();
    assert_eq!(v["agent_files"][0]["action"], "created");
    assert_eq!(v["agent_files"].as_array().unwrap().len(), 1);
    let agents = env.read("AGENTS.md");
    assert!(
        agents.starts_with("<!-- git-ticket:start -->\n"),
        "{agents}"
    );
    assert!(agents.ends_with("<!-- git-ticket:end -->\n"), "{agents}");
    assert!(agents.contains("git ticket prime"));
    assert!(!env.root.join("CLAUDE.md").exists());
    // 2. Existing files with text of their own: the block is added (CLAUDE.md too), an old
    // block is replaced, and nothing outside it changes.
    env.write(
        "AGENTS.md",
        format!(
            "# Our rules\n\nBe kind.\n\n{}\nmore of ours\n",
            agents.replace("git ticket prime", "old words")
        ),
    );
    env.write("CLAUDE.md", "# Claude\n\nStay terse.");
    let run = env.run(&["init", "--agents"]).ok();
    assert!(
        run.stdout
            .contains("Agent instructions updated: [TMP]/repo/AGENTS.md"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Agent instructions updated: [TMP]/repo/CLAUDE.md"),
        "{}",
        run.stdout
    );
    let agents2 = env.read("AGENTS.md");
    assert_eq!(
        agents2,
        format!("# Our rules\n\nBe kind.\n\n{agents}\nmore of ours\n")
    );
    let claude = env.read("CLAUDE.md");
    assert_eq!(claude, format!("# Claude\n\nStay terse.\n\n{agents}"));
    // 3. Again: nothing changes.
    let v = env.run(&["init", "--agents", "-o", "json"]).ok().json();
    assert_eq!(
        v["agent_files"],
        json!([
            {"action": "unchanged", "path": "[TMP]/repo/AGENTS.md"},
            {"action": "unchanged", "path": "[TMP]/repo/CLAUDE.md"},
        ])
    );
    assert_eq!(env.read("AGENTS.md"), agents2);
    assert_eq!(env.read("CLAUDE.md"), claude);
    // A broken block is refused, naming the file; nothing written anywhere.
    env.write("CLAUDE.md", "<!-- git-ticket:start -->\nno end\n");
    env.write("AGENTS.md", "# plain\n");
    let run = env.run(&["init", "--agents", "-o", "json"]);
    assert_error(&run, "VALIDATION_ERROR");
    assert!(run.stderr.contains("CLAUDE.md"), "{}", run.stderr);
    assert_eq!(env.read("AGENTS.md"), "# plain\n");
}

/// A repository holding TicketFlow's own tickets (fixtures/ticketflow-corpus).
fn corpus_repo() -> TestEnv {
    let env = TestEnv::new();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ticketflow-corpus");
    crate::test_corpus::copy_dir(&corpus.join("tickets"), &env.root.join("tickets"));
    std::fs::copy(
        corpus.join(".ticketflow.yaml"),
        env.root.join(".ticketflow.yaml"),
    )
    .unwrap();
    env
}

/// Moves a done ticket of the corpus back to todo (no start, no close, no reason).
fn reopen(env: &TestEnv, id: &str) {
    let from = env.root.join(format!("tickets/done/{id}.md"));
    let text = std::fs::read_to_string(&from).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("closure_reason:"))
        .map(|l| {
            if l.starts_with("started_at:") {
                "started_at: null".to_owned()
            } else if l.starts_with("closed_at:") {
                "closed_at: null".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(env.root.join(format!("tickets/todo/{id}.md")), text + "\n").unwrap();
    std::fs::remove_file(from).unwrap();
}

#[test]
fn corpus_links_give_the_expected_queue() {
    let env = corpus_repo();
    // As published every linked ticket is done: the three todo tickets are ready, by
    // priority then age; nothing is blocked.
    let ready = env.run(&["ready", "-o", "json"]).ok();
    assert_eq!(ready.stderr, "");
    assert_eq!(
        ids(&ready.json()),
        [
            "250811-215424-progress-indicators-large-operations",
            "250801-003401-optimize-performance",
            "250806-172904-add-troubleshooting-docs",
        ]
    );
    assert_eq!(
        ids(&env.run(&["blocked", "-o", "json"]).ok().json()),
        Vec::<String>::new()
    );
    let tree = env.run(&["dep", "tree", "250926-172325"]).ok();
    snap!("queue_corpus_dep_tree", tree.snapshot());
    // The `blocks:` example inside a ticket's body is not a link.
    assert_eq!(
        env.run(&["fsck", "-o", "json"]).json()["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "unknown-blocker" || f["kind"] == "dependency-cycle")
            .count(),
        0
    );

    // Reopen the linked tickets: their real blocked-by and blocks links now decide.
    for id in [
        "250926-165945-phase1-pflag-basic-import-migration",
        "250926-172234-phase2-refactor-flag-helpers-for-pflag",
        "250926-172325-phase3-interspersed-flag-testing",
        "250815-171607-improve-command-test-coverage",
        "250815-175448-test-coverage-core-workflow-commands",
        "250815-175548-test-coverage-zero-coverage-commands",
        "250815-175624-test-coverage-maintenance-commands",
        "250812-152927-migrate-remaining-commands",
        "250812-152824-migrate-help-command",
        "250812-152902-migrate-init-command",
    ] {
        reopen(&env, id);
    }
    let ready = env.run(&["ready", "-o", "json"]).ok().json();
    assert_eq!(
        ids(&ready),
        [
            "250926-165945-phase1-pflag-basic-import-migration",
            "250811-215424-progress-indicators-large-operations",
            "250815-171607-improve-command-test-coverage",
            "250801-003401-optimize-performance",
            "250806-172904-add-troubleshooting-docs",
            // Blocked only by 250812-154648-evaluate-kong-migration, which is done.
            "250812-152927-migrate-remaining-commands",
        ]
    );
    let blocked = env.run(&["blocked", "-c", "0", "-o", "json"]).ok().json();
    let got: Vec<(String, Value)> = blocked["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_owned(),
                t["blocked_by"].clone(),
            )
        })
        .collect();
    let coverage = "250815-171607-improve-command-test-coverage";
    let remaining = "250812-152927-migrate-remaining-commands";
    let phase1 = "250926-165945-phase1-pflag-basic-import-migration";
    let phase2 = "250926-172234-phase2-refactor-flag-helpers-for-pflag";
    let want: Vec<(String, Value)> = [
        (
            "250815-175448-test-coverage-core-workflow-commands",
            json!([coverage]),
        ),
        ("250812-152824-migrate-help-command", json!([remaining])),
        ("250812-152902-migrate-init-command", json!([remaining])),
        (
            "250815-175548-test-coverage-zero-coverage-commands",
            json!([coverage]),
        ),
        (phase2, json!([phase1])),
        (
            "250815-175624-test-coverage-maintenance-commands",
            json!([coverage]),
        ),
        (
            "250926-172325-phase3-interspersed-flag-testing",
            json!([phase1, phase2]),
        ),
    ]
    .into_iter()
    .map(|(id, b)| (id.to_owned(), b))
    .collect();
    assert_eq!(got, want);
    let shown = env.run(&["show", coverage, "-o", "json"]).ok().json();
    assert_eq!(
        shown["ticket"]["blocks"],
        json!([
            "250815-175448-test-coverage-core-workflow-commands",
            "250815-175548-test-coverage-zero-coverage-commands",
            "250815-175624-test-coverage-maintenance-commands",
        ])
    );
    assert_eq!(
        env.run(&["next", "-o", "json"]).ok().json()["ticket"]["id"],
        phase1
    );
}
