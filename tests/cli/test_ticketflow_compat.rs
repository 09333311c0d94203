//! Drop-in compatibility with TicketFlow: the scenarios a side-by-side run against the real
//! TicketFlow binary found to differ (issue 16). Each test states TicketFlow's behaviour
//! (COMPAT.md §1) and checks git-ticket does the same, so that no later change reopens one.
//! The differences that are improvements are listed in the README's migration section.

use crate::common::TestEnv;

/// An initialised repository without init commands and with one committed todo ticket.
fn repo_with_ticket(slug: &str) -> (TestEnv, String) {
    let env = TestEnv::without_init_commands();
    let id = env.new_ticket(slug);
    env.commit_all("add ticket");
    (env, id)
}

/// A todo ticket file with `description`.
fn ticket_described(env: &TestEnv, id: &str, description: &str) {
    env.ticket(
        "todo",
        id,
        &format!(
            "priority: 2\ndescription: '{description}'\ncreated_at: \"2025-01-01T00:00:00Z\"\nstarted_at: null\nclosed_at: null\n"
        ),
        "Body with <html> & more\n",
    );
}

/// Item 8: TicketFlow writes JSON with Go's `encoding/json`, which escapes `<`, `>`, `&` as
/// `\u003c`, `\u003e`, `\u0026` (and U+2028, U+2029) in every string: the listing, `show`,
/// NDJSON, plumbing, errors.
#[test]
fn json_escapes_html_characters_as_go_does() {
    let env = TestEnv::initialized();
    let id = "250101-000000-html";
    ticket_described(&env, id, "<b>fish & chips</b>\u{2028}");
    let escaped = r#""\u003cb\u003efish \u0026 chips\u003c/b\u003e\u2028""#;
    for args in [
        &["list", "--format", "json"][..],
        &["list", "--format", "ndjson"],
        &["show", id, "--format", "json"],
        &["get", id, "description", "--format", "json"],
        &["status", "--format", "json"],
    ] {
        let run = env.run(args).ok();
        if args[0] == "status" {
            // No description in status; the branch is plain: check nothing raw slipped out.
            assert!(!run.stdout.contains(['<', '>', '&']), "{}", run.stdout);
            continue;
        }
        assert!(run.stdout.contains(escaped), "{args:?}:\n{}", run.stdout);
        assert!(
            !run.stdout.contains(['<', '>', '&', '\u{2028}']),
            "{args:?}:\n{}",
            run.stdout
        );
    }
    let show = env.run(&["show", id, "--format", "json"]).ok();
    assert!(
        show.stdout
            .contains(r#""Body with \u003chtml\u003e \u0026 more\n""#),
        "{}",
        show.stdout
    );
    // The values decode to the same text.
    assert_eq!(
        show.json()["ticket"]["description"],
        "<b>fish & chips</b>\u{2028}"
    );
    // The JSON error object too.
    let run = env.run(&["show", "a<b>&c", "--format", "json"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert!(
        run.stderr.contains(r"a\u003cb\u003e\u0026c"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(['<', '>', '&']), "{}", run.stderr);
}

/// Item 8: `worktree list` objects are TicketFlow's struct — keys `Path`, `Branch`, `HEAD`
/// in that order (not alphabetical).
#[test]
fn worktree_list_json_keys_in_struct_order() {
    let (env, id) = repo_with_ticket("ordered");
    env.run(&["start", &id]).ok();
    let run = env.run(&["worktree", "list", "--format", "json"]).ok();
    let rows = run.json()["worktrees"].as_array().unwrap().len();
    assert_eq!(rows, 2, "{}", run.stdout);
    let keys: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .filter(|k| ["Path", "Branch", "HEAD"].contains(k))
        .collect();
    assert_eq!(keys, ["Path", "Branch", "HEAD"].repeat(2), "{}", run.stdout);
}

/// Item 1: every TicketFlow command accepts the logging flags `--log-level`, `--log-format`
/// and `--log-output` after the command name (COMPAT §1.3), and stdout is untouched.
#[test]
fn logging_flags_are_accepted_by_every_command() {
    let (env, id) = repo_with_ticket("logged");
    let flags = [
        "--log-level",
        "error",
        "--log-format",
        "json",
        "--log-output",
        "stderr",
    ];
    let with_flags = |cwd: &std::path::Path, args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(flags);
        let run = env.run_in(cwd, &all);
        assert_ne!(run.status, 2, "{all:?} refused:\n{}", run.snapshot());
        assert!(
            !run.stderr.contains("unexpected argument"),
            "{}",
            run.stderr
        );
        run
    };
    // Read-only commands: the same stdout as without the flags.
    for args in [
        &["list", "--format", "json"][..],
        &["ls"],
        &["show", &id, "--format", "json"],
        &["status", "--format", "json"],
        &["version"],
        &["help"],
        &["workflow"],
        &["worktree", "list", "--format", "json"],
    ] {
        let plain = env.run(args).ok();
        let logged = with_flags(&env.root, args).ok();
        assert_eq!(logged.stdout, plain.stdout, "{args:?}");
    }
    // The commands that change things, in a ticket's life.
    with_flags(&env.root, &["new", "other", "--format", "json"]).ok();
    with_flags(&env.root, &["start", &id, "--format", "json"]).ok();
    let wt = env.worktree(&id);
    with_flags(&wt, &["restore", "--format", "json"]).ok();
    with_flags(&wt, &["close", "--format", "json"]).ok().json();
    with_flags(&env.root, &["cleanup", "--dry-run", "--format", "json"]).ok();
    with_flags(&env.root, &["worktree", "clean", "--format", "json"]).ok();
    with_flags(&env.root, &["init"]).ok();
    // Short and `=` forms and TicketFlow's level names.
    for level in ["debug", "info", "warn", "warning", "error"] {
        env.run(&["list", &format!("--log-level={level}")]).ok();
    }
    // A level TicketFlow refuses is refused.
    let run = env.run(&["list", "--log-level", "bogus"]);
    assert_ne!(run.status, 0, "{}", run.snapshot());
}

/// Item 1: the logging flags map onto git-ticket's trace: `--log-level debug` turns it on
/// (on stderr, or appended to the `--log-output` file; JSON lines with `--log-format json`).
/// Log lines never reach stdout, even with `--log-output stdout`, so JSON stays parseable.
#[test]
fn log_level_debug_is_the_trace_and_never_touches_stdout() {
    let (env, _) = repo_with_ticket("traced");
    let plain = env.run(&["list", "--format", "json"]).ok();
    assert_eq!(plain.stderr, "");
    let run = env
        .run(&["list", "--log-level", "debug", "--format", "json"])
        .ok();
    assert_eq!(run.stdout, plain.stdout);
    assert!(
        run.stderr.contains("trace: command: list"),
        "{}",
        run.stderr
    );
    let run = env
        .run(&[
            "list",
            "--format",
            "json",
            "--log-level",
            "debug",
            "--log-format",
            "json",
            "--log-output",
            "stdout",
        ])
        .ok();
    assert_eq!(run.stdout, plain.stdout, "log lines must not reach stdout");
    for line in run.stderr.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect(line);
        assert_eq!(v["level"], "DEBUG", "{line}");
    }
    assert!(
        run.stderr.contains(r#""msg":"command: list""#),
        "{}",
        run.stderr
    );
    // A file: appended to, nothing on stderr.
    let log = env.dir.path().join("ticketflow.log");
    let log_arg = log.to_str().unwrap();
    for _ in 0..2 {
        let run = env
            .run(&["status", "--log-level", "debug", "--log-output", log_arg])
            .ok();
        assert_eq!(run.stderr, "");
    }
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(text.matches("trace: command: status").count(), 2, "{text}");
    // Other levels: nothing more than usual.
    let run = env.run(&["list", "--log-level", "info"]).ok();
    assert_eq!(run.stderr, "");
}

/// Item 2: TicketFlow's `worktree` reads its subcommand's flags only after `--` (COMPAT
/// §1.18), so `worktree -- list --format json` and `worktree -- clean` are what its users
/// run; both work, as do the plain spellings.
#[test]
fn worktree_subcommand_after_dash_dash() {
    let (env, id) = repo_with_ticket("dashed");
    env.run(&["start", &id]).ok();
    let plain = env.run(&["worktree", "list", "--format", "json"]).ok();
    for args in [
        &["worktree", "--", "list", "--format", "json"][..],
        &["worktree", "--", "list", "-o", "json"],
        &["worktree", "list", "--", "--format", "json"],
        &[
            "worktree",
            "--log-level",
            "error",
            "--",
            "list",
            "--format",
            "json",
        ],
    ] {
        let run = env.run(args).ok();
        assert_eq!(run.stdout, plain.stdout, "{args:?}");
    }
    let listed = plain.json();
    assert_eq!(listed["worktrees"][1]["Branch"], id.as_str());
    let run = env.run(&["worktree", "--", "clean"]).ok();
    assert!(run.stdout.contains("No worktrees"), "{}", run.stdout);
    let v = env
        .run(&["worktree", "--", "clean", "--format", "json"])
        .ok()
        .json();
    assert_eq!(v["success"], true);
    assert_eq!(v["active_tickets"], 1);
    // The doing ticket's worktree is kept.
    assert!(env.worktree(&id).is_dir());
    // Still only one `--` is dropped: a second one makes what follows positional.
    let run = env.run(&["worktree", "--", "list", "--", "--format", "json"]);
    assert_eq!(run.status, 2, "{}", run.snapshot());
}

/// Item 3: pflag's boolean flags take an optional `=value` (COMPAT §1.2) in the spellings of
/// Go's `strconv.ParseBool`; only after `=`, so `--force X` keeps X a positional; grouped
/// short flags still work.
#[test]
fn boolean_flags_take_pflag_values() {
    let (env, id) = repo_with_ticket("booleans");
    let spellings = [
        ("true", true),
        ("1", true),
        ("t", true),
        ("T", true),
        ("TRUE", true),
        ("True", true),
        ("false", false),
        ("0", false),
        ("f", false),
        ("F", false),
        ("FALSE", false),
        ("False", false),
    ];
    for (value, meant) in spellings {
        let flag = format!("--dry-run={value}");
        let v = env.run(&["cleanup", &flag, "-o", "json"]).ok().json();
        assert_eq!(v["dry_run"], meant, "{flag}");
    }
    let v = env
        .run(&["start", &id, "--force=false", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["status"], "doing");
    // A healthy worktree: --force=true has nothing to repair, and succeeds.
    env.run(&["start", &id, "--force=true", "-o", "json"]).ok();
    env.run(&["start", &id, "-f=1", "-o", "json"]).ok();
    // `--force X`: X is the ticket, not the flag's value; grouped short flags.
    let other = env.new_ticket("positional");
    env.commit_all("another");
    let v = env
        .run(&["start", "--force", &other, "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["ticket_id"], other.as_str());
    let v = env
        .run(&["worktree", "clean", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["dry_run"], true);
    env.run(&["start", "-fo", "json", &other]).ok().json();
    // Close takes them too.
    let wt = env.worktree(&id);
    let v = env
        .run_in(&wt, &["close", "--force=false", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["force_used"], false);
    // Anything else is refused, as pflag refuses it.
    for bad in ["--dry-run=yes", "--dry-run=", "--dry-run=tRUE"] {
        let run = env.run(&["cleanup", bad]);
        assert_eq!(run.status, 2, "{bad}: {}", run.snapshot());
        assert!(run.stderr.contains("strconv.ParseBool"), "{}", run.stderr);
    }
}

/// Item 4: integer flags are Go literals read with `strconv.ParseInt(s, 0, 64)` (COMPAT
/// §1.2): `010` is octal 8 — not 10 — and `0x3`, `0b11`, `0o7` are accepted.
#[test]
fn integer_flags_are_go_literals() {
    let env = TestEnv::initialized();
    for i in 0..12 {
        env.ticket(
            "todo",
            &format!("250101-0000{i:02}-t{i}"),
            "priority: 2\ndescription: ''\ncreated_at: \"2025-01-01T00:00:00Z\"\n",
            "",
        );
    }
    let listed = |count: &str| -> usize {
        let run = env
            .run(&["list", "--count", count, "--format", "json"])
            .ok();
        run.json()["tickets"].as_array().unwrap().len()
    };
    for (count, n) in [
        ("010", 8),
        ("0x3", 3),
        ("0X3", 3),
        ("0b11", 3),
        ("0o7", 7),
        ("1_0", 10),
        ("+5", 5),
        ("0", 12),
        ("00", 12),
        ("11", 11),
    ] {
        assert_eq!(listed(count), n, "--count {count}");
    }
    assert_eq!(
        env.run(&["list", "-c=0x2", "-o", "json"]).ok().json()["tickets"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Text listings count the same way: the header, the rule and 8 rows.
    let run = env.run(&["list", "--c", "010"]).ok();
    assert_eq!(run.stdout.lines().count(), 10, "{}", run.stdout);
    for bad in ["08", "0x", "abc", "1__0", "-1", "-0x1"] {
        let run = env.run(&["list", "--count", bad]);
        assert_eq!(run.status, 2, "--count {bad}: {}", run.snapshot());
    }
    let run = env.run(&["list", "--count", "-1"]);
    assert!(
        run.stderr.contains("count must be non-negative, got -1"),
        "{}",
        run.stderr
    );
}

/// Item 7: `close` in current mode always reports `duration` (COMPAT §1.14, DECISIONS
/// "close duration"); in the same second (or minute) as the start it is TicketFlow's `0m`.
#[test]
fn close_reports_duration_even_in_the_second_of_the_start() {
    let (env, id) = repo_with_ticket("quick");
    env.run(&["start", &id]).ok();
    let wt = env.worktree(&id);
    // Less than a minute after the start (usually the same second).
    let run = env.run_in(&wt, &["close", "--format", "json"]).ok();
    let v = run.json();
    assert_eq!(v["mode"], "current", "{}", run.stdout);
    assert_eq!(v["duration"], "0m", "{}", run.stdout);
    // Text says it too.
    let (env, id) = repo_with_ticket("quick-text");
    env.run(&["start", &id]).ok();
    let run = env.run_in(&env.worktree(&id), &["close"]).ok();
    assert!(run.stdout.contains("   Duration: 0m\n"), "{}", run.stdout);
}

/// Item 6: `close <its own ID>` inside its worktree closes it there as the current ticket,
/// but TicketFlow reports it as `"mode": "by_id"` with `"branch": "<ID>"` and no duration
/// (COMPAT §1.14 "reporting quirk", DECISIONS "close duration"); `worktree_path` is extra.
#[test]
fn close_own_id_in_worktree_reports_by_id() {
    let (env, id) = repo_with_ticket("own-id");
    env.run(&["start", &id]).ok();
    let wt = env.worktree(&id);
    let run = env.run_in(&wt, &["close", &id, "--format", "json"]).ok();
    let v = run.json();
    assert_eq!(v["mode"], "by_id", "{}", run.stdout);
    assert_eq!(v["branch"], id.as_str(), "{}", run.stdout);
    assert_eq!(v["ticket_id"], id.as_str());
    assert_eq!(v["success"], true);
    assert_eq!(v["status"], "done");
    assert!(v.get("duration").is_none(), "{}", run.stdout);
    // Closed as the current ticket: committed on its branch, without a reason.
    let subject = env.git_in(&wt, &["log", "-1", "--format=%s"]);
    assert_eq!(subject, format!("Close ticket: {id}\n"));
    assert!(wt.join(format!("tickets/done/{id}.md")).is_file());
    assert!(!wt.join("current-ticket.md").exists());
}

/// Item 9: summaries count the tickets that parse, by their timestamps, in every folder —
/// TicketFlow's summary — whatever `--status` lists and in every command that has one
/// (`list --format json`, `status`); the files that do not parse are warnings, never counted.
#[test]
fn summaries_count_only_tickets_that_parse() {
    let env = TestEnv::initialized();
    let fm = |started: &str, closed: &str| {
        format!(
            "priority: 2\ndescription: ''\ncreated_at: \"2025-01-01T00:00:00Z\"\nstarted_at: {started}\nclosed_at: {closed}\n"
        )
    };
    let at = "\"2025-01-02T00:00:00Z\"";
    for i in 0..3 {
        env.ticket(
            "todo",
            &format!("250101-00000{i}-todo-{i}"),
            &fm("null", "null"),
            "",
        );
    }
    // In todo/ but started: TicketFlow counts it as doing.
    env.ticket("todo", "250101-000010-started", &fm(at, "null"), "");
    env.ticket("doing", "250101-000020-doing", &fm(at, "null"), "");
    for i in 0..2 {
        env.ticket(
            "done",
            &format!("250101-00003{i}-done-{i}"),
            &fm(at, at),
            "",
        );
    }
    // Unparseable files in every folder.
    let bad = [
        ("todo", "250101-000040-bad-yaml", "---\npriority: [1\n---\n"),
        ("todo", "250101-000041-no-header", "# not a ticket\n"),
        ("doing", "250101-000042-unclosed", "---\npriority: 1\n"),
        (
            "done",
            "250101-000043-bad-type",
            "---\npriority: high\n---\n",
        ),
    ];
    for (folder, id, text) in bad {
        env.write(&format!("tickets/{folder}/{id}.md"), text);
    }
    let want = serde_json::json!({"doing": 2, "done": 2, "todo": 3, "total": 7});
    for args in [
        &["list", "--status", "done", "--format", "json"][..],
        &["list", "--status", "todo", "--format", "json"],
        &["list", "--status", "doing", "--format", "json"],
        &["list", "--format", "json"],
        &["list", "--status", "all", "--format", "json"],
    ] {
        let run = env.run(args).ok();
        let v = run.json();
        assert_eq!(v["summary"], want, "{args:?}");
        // Every unparseable file is a warning, once, whichever folders were listed.
        let mut warned: Vec<&str> = v["warnings"]
            .as_array()
            .unwrap_or_else(|| panic!("{args:?}: no warnings\n{}", run.stdout))
            .iter()
            .map(|w| w["path"].as_str().unwrap())
            .collect();
        warned.sort_unstable();
        // (Paths as the runs show them, the temporary folder redacted.)
        let mut expected: Vec<String> = bad
            .iter()
            .map(|(f, id, _)| format!("[TMP]/repo/tickets/{f}/{id}.md"))
            .collect();
        expected.sort_unstable();
        assert_eq!(warned, expected, "{args:?}");
    }
    let run = env.run(&["status", "--format", "json"]).ok();
    assert_eq!(run.json()["summary"], want);
    for (_, id, _) in bad {
        assert!(run.stderr.contains(id), "{}", run.stderr);
    }
    let text = env.run(&["status"]).ok().stdout;
    assert!(text.contains("Todo:  3\n"), "{text}");
    assert!(text.contains("Total: 7\n"), "{text}");
}

/// Item 10: the differences from TicketFlow that are improvements and stay — pinned here so
/// that they stay deliberate — and listed in the README's migration section with a reason.
#[test]
fn intended_differences_stay_and_are_documented() {
    let (env, id) = repo_with_ticket("improved");
    env.run(&["start", &id]).ok();
    let wt = env.worktree(&id);
    env.run_in(&wt, &["close"]).ok();
    // TicketFlow: no active ticket after close (the link is gone). Here: found from the branch.
    let v = env.run_in(&wt, &["status", "-o", "json"]).ok().json();
    assert_eq!(v["current_ticket"]["id"], id.as_str());
    assert_eq!(v["current_ticket"]["status"], "done");
    // TicketFlow: TICKET_NOT_STARTED. Here: the truth.
    let run = env.run_in(&wt, &["close", "-o", "json"]);
    crate::common::assert_error(&run, "TICKET_ALREADY_CLOSED");

    // close <prefix> --reason: `branch` is the resolved ID (TicketFlow echoes the input).
    let other = env.new_ticket("cancelled-one");
    env.commit_all("another");
    let prefix = &other[..other.len() - 3];
    let v = env
        .run(&["close", prefix, "--reason", "not needed", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["mode"], "by_id");
    assert_eq!(v["branch"], other.as_str());

    // `worktree` alone lists (TicketFlow printed its usage).
    let bare = env.run(&["worktree"]).ok();
    assert_eq!(bare.stdout, env.run(&["worktree", "list"]).ok().stdout);
    assert!(bare.stdout.starts_with("PATH"), "{}", bare.stdout);

    // Text errors: the error[CODE] layout, not Error:/Details:/Suggestions:.
    let run = env.run(&["show", "no-such-ticket"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("error[TICKET_NOT_FOUND]"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Suggestions:"), "{}", run.stderr);

    // Each is in the README's migration section, with its reason.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("## Migrating from TicketFlow").unwrap();
    let end = start + readme[start..].find("\n## Performance").unwrap();
    // Its bullets, each on one line.
    let bullets: Vec<String> = readme[start..end]
        .split("\n* ")
        .skip(1)
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for fact in [
        "`status` there still shows that (now done) ticket",
        "`TICKET_ALREADY_CLOSED` instead of `TICKET_NOT_STARTED`",
        "reports the resolved ticket ID as `branch`",
        "`worktree` with no subcommand lists the worktrees",
        "`error[CODE]: message` layout",
        "logging flags `--log-level`, `--log-format`, `--log-output` are accepted",
        "the tickets that parse",
    ] {
        let bullet = bullets
            .iter()
            .find(|b| b.contains(fact))
            .unwrap_or_else(|| panic!("README migration section lacks: {fact}"));
        assert!(bullet.contains(" — "), "no reason given for: {fact}");
    }
}
