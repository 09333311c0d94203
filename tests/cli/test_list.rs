//! `list`: filters, count, stable order, JSON shape, summary, width-aware truncation.

use crate::common::{TestEnv, assert_error};
use crate::corpus::{Corpus, Text};
use crate::snap;

/// A repository with tickets in every status and known times.
fn sample() -> TestEnv {
    let env = TestEnv::initialized();
    let fm = |p: u32, created: &str, started: &str, closed: &str, desc: &str| {
        format!(
            "priority: {p}\ndescription: {desc}\ncreated_at: \"{created}\"\nstarted_at: {started}\nclosed_at: {closed}\n"
        )
    };
    env.ticket(
        "todo",
        "250101-000000-old-todo",
        &fm(2, "2025-01-01T00:00:00Z", "null", "null", "Old todo"),
        "",
    );
    env.ticket(
        "todo",
        "250102-000000-new-todo",
        &fm(2, "2025-01-02T00:00:00Z", "null", "null", "New todo"),
        "",
    );
    env.ticket(
        "todo",
        "250102-000000-a-twin",
        &fm(
            2,
            "2025-01-02T00:00:00Z",
            "null",
            "null",
            "Same second, sorted by ID",
        ),
        "",
    );
    env.ticket(
        "todo",
        "250103-000000-urgent",
        &fm(1, "2025-01-03T00:00:00+09:00", "null", "null", "Urgent"),
        "",
    );
    env.ticket(
        "doing",
        "250104-000000-wip",
        &fm(
            3,
            "2025-01-04T00:00:00Z",
            "\"2025-01-05T00:00:00Z\"",
            "null",
            "Work in progress",
        ),
        "",
    );
    env.ticket(
        "done",
        "250105-000000-finished",
        &fm(
            2,
            "2025-01-05T00:00:00Z",
            "\"2025-01-05T01:00:00Z\"",
            "\"2025-01-06T00:00:00Z\"",
            "Finished",
        ),
        "",
    );
    env.ticket(
        "todo",
        "250106-000000-japanese",
        &fm(
            4,
            "2025-01-06T00:00:00Z",
            "null",
            "null",
            "日本語の説明がとても長い場合には表示幅で切り詰める必要がありますよね本当に",
        ),
        "",
    );
    env
}

#[test]
fn default_lists_active_tickets_in_stable_order() {
    let env = sample();
    let run = env.run(&["list"]).ok();
    snap!("list_default_text", run.snapshot());
    for line in run.stdout.lines() {
        assert!(!line.contains('\u{fffd}'), "a character was cut: {line}");
        assert!(
            git_ticket::output::width(line) <= 22 + 2 + 6 + 2 + 3 + 2 + 50,
            "{line}"
        );
    }
    // Same output every time.
    assert_eq!(env.run(&["ls"]).ok().stdout, run.stdout);
}

#[test]
fn status_filters_and_count() {
    let env = sample();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = args.to_vec();
        a.extend(["-o", "json"]);
        env.run(&a).ok().json()["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap()[14..].to_owned())
            .collect()
    };
    assert_eq!(ids(&["list", "--status", "doing"]), ["wip"]);
    assert_eq!(ids(&["list", "-s", "done"]), ["finished"]);
    assert_eq!(
        ids(&["list", "--s", "done"]),
        ["finished"],
        "TicketFlow's --s spelling"
    );
    assert_eq!(
        ids(&["list", "-s", "all", "-c", "2"]),
        ["urgent", "finished"]
    );
    assert_eq!(ids(&["list", "--count", "1"]), ["urgent"]);
    assert_eq!(
        ids(&["list", "--status", "all", "--count", "0"]),
        [
            "urgent", "finished", "a-twin", "new-todo", "old-todo", "wip", "japanese"
        ]
    );
    let run = env.run(&["list", "--status", "bogus"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("bogus"), "{}", run.stderr);
    let run = env.run(&["list", "--count", "-1"]);
    assert_eq!(run.status, 2);
}

#[test]
fn json_shape_and_summary_counts_everything() {
    let env = sample();
    let run = env.run(&["list", "-s", "doing", "--format", "json"]).ok();
    snap!("list_json", run.snapshot());
    let v = run.json();
    assert_eq!(v["summary"]["total"], 7);
    assert_eq!(v["summary"]["done"], 1);
}

#[test]
fn empty_list() {
    let env = TestEnv::initialized();
    let run = env.run(&["list"]).ok();
    assert_eq!(run.stdout, "No tickets found\n");
    let v = env.run(&["list", "-o", "json"]).ok().json();
    assert_eq!(v["tickets"], serde_json::json!([]));
    assert_eq!(v["summary"]["total"], 0);
}

#[test]
fn default_format_from_config_and_environment() {
    let env = sample();
    let config = env
        .read(".ticketflow.yaml")
        .replace("default_format: text", "default_format: json");
    env.write(".ticketflow.yaml", config);
    env.run(&["list"]).ok().json();
    let text = env.run(&["list", "-o", "text"]).ok();
    assert!(text.stdout.starts_with("ID "), "{}", text.stdout);
    let mut cmd = env.command_in(&env.root);
    cmd.args(["show", "nope"])
        .env("TICKETFLOW_OUTPUT_FORMAT", "json");
    let run = env.to_run(cmd.output().unwrap());
    assert_error(&run, "TICKET_NOT_FOUND");
    // Commands that never read the config stay in text: a completion script or the help
    // must not turn into JSON because a repository prefers it.
    let script = env.run(&["completion", "bash"]).ok().stdout;
    assert!(script.starts_with("# bash completion"), "{script}");
    assert!(env.run(&["version"]).ok().stdout.starts_with("git-ticket"));
    assert!(env.run(&["help"]).ok().stdout.starts_with("usage:"));
    // An environment value that is not a format leaves the decision to the config.
    let mut cmd = env.command_in(&env.root);
    cmd.args(["list"]).env("TICKETFLOW_OUTPUT_FORMAT", "yaml");
    env.to_run(cmd.output().unwrap()).ok().json();
}

#[test]
fn closed_pipe_ends_quietly() {
    let env = sample();
    Corpus::new(300)
        .folders(&["todo"])
        .ids(|i| format!("250201-000000-bulk-{i:03}"))
        .text(Text::Small)
        .write(&env.root);
    let mut cmd = std::process::Command::new("bash");
    env.hermetic(&mut cmd);
    let script = format!(
        "set -o pipefail; '{}' list -s all -c 0 | head -n 1 >/dev/null",
        crate::common::bin().display()
    );
    let out = cmd
        .current_dir(&env.root)
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// The repository is found the same way from a subfolder, from a linked worktree, through
/// `GIT_DIR`/`GIT_WORK_TREE` from elsewhere, and not at all outside it (the plain layouts
/// are found without opening the repository; the others through libgit2).
#[test]
fn repository_is_found_from_anywhere_git_finds_it() {
    let env = sample();
    env.commit_all("tickets");
    let ids = |run: crate::common::Run| -> Vec<String> {
        let json = run.ok().json();
        json["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = ["list", "--status", "all", "--format", "json"];
    let at_root = ids(env.run(&all));
    assert_eq!(at_root.len(), 7, "{at_root:?}");
    let sub = env.root.join("docs/deep");
    std::fs::create_dir_all(&sub).unwrap();
    assert_eq!(ids(env.run_in(&sub, &all)), at_root);
    // A linked worktree lists its own checkout (the same tickets here).
    env.git(&["worktree", "add", "-q", "../linked", "-b", "linked"]);
    let linked = env.root.parent().unwrap().join("linked");
    assert_eq!(ids(env.run_in(&linked, &all)), at_root);
    // GIT_DIR and GIT_WORK_TREE name the repository from outside it.
    let outside = env.dir.path().join("home");
    let out = env
        .command_in(&outside)
        .env("GIT_DIR", env.root.join(".git"))
        .env("GIT_WORK_TREE", &env.root)
        .args(all)
        .output()
        .unwrap();
    assert_eq!(ids(env.to_run(out)), at_root);
    // Outside any repository: the usual error.
    let run = env.run_in(&outside, &["list", "--format", "json"]);
    assert_error(&run, "NOT_GIT_REPO");
}

#[test]
fn status_and_list_count_alike_and_status_names_the_invalid_files() {
    let env = sample();
    env.write("tickets/todo/250109-000000-broken.md", "no header");
    env.write("tickets/done/250109-000000-empty.md", "");
    let list = env.run(&["list", "-s", "all", "-o", "json"]).ok().json();
    let status = env.run(&["status", "-o", "json"]).ok().json();
    assert_eq!(list["summary"], status["summary"]);
    assert_eq!(status["invalid_files"], 2);
    let text = env.run(&["status"]).ok();
    assert!(
        text.stdout
            .contains("2 invalid file(s) not counted: git ticket fsck lists them"),
        "{}",
        text.stdout
    );
}
