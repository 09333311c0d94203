//! Reading and changing single fields as a newcomer does (issue 14): `get` of unset fields and
//! typed JSON, `current -q` for prompts, `set` refusing what is not valid (negative
//! priorities, unknown fields without `--custom`) and repairing what is, a ticket without a
//! priority (sorted as 2, reported by fsck), empty slugs.

use crate::common::{TestEnv, assert_error};

fn sample() -> (TestEnv, String) {
    let env = TestEnv::without_init_commands();
    let id = env.new_ticket("alpha");
    env.run(&["set", "alpha", "related", "--add", "see:x"]).ok();
    env.run(&["set", "--custom", "alpha", "owner", "ann"]).ok();
    (env, id)
}

#[test]
fn get_prints_nothing_for_an_unset_field_and_refuses_unknown_names() {
    let (env, id) = sample();
    for field in ["started_at", "closed_at", "closure_reason", "parent"] {
        let run = env.run(&["get", "alpha", field]);
        assert_eq!(
            (run.status, run.stdout.as_str(), run.stderr.as_str()),
            (0, "", ""),
            "{field}"
        );
    }
    // A key written as null is set to nothing, too.
    let path = format!("tickets/todo/{id}.md");
    env.write(&path, env.read(&path).replace("owner: ann", "owner: null"));
    let run = env.run(&["get", "alpha", "owner"]).ok();
    assert_eq!(run.stdout, "");
    // An unknown name is an error that lists the fields and the ticket's own keys.
    let run = env.run(&["get", "alpha", "colour"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert!(
        run.stderr.contains("has no field 'colour'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("priority") && run.stderr.contains("its other keys: owner"),
        "{}",
        run.stderr
    );
    assert_error(
        &env.run(&["get", "alpha", "field:colour", "-o", "json"]),
        "VALIDATION_ERROR",
    );
}

#[test]
fn get_json_values_are_typed() {
    let (env, id) = sample();
    let value = |field: &str| {
        let v = env.run(&["get", "alpha", field, "-o", "json"]).ok().json();
        assert_eq!(v["ticket_id"], id.as_str());
        assert_eq!(v["field"], field);
        v["value"].clone()
    };
    assert_eq!(value("priority"), serde_json::json!(2));
    assert_eq!(value("related"), serde_json::json!(["see:x"]));
    assert_eq!(value("started_at"), serde_json::Value::Null);
    assert_eq!(value("parent"), serde_json::Value::Null);
    assert_eq!(value("status"), serde_json::json!("todo"));
    assert_eq!(value("owner"), serde_json::json!("ann"));
    assert!(value("created_at").is_string());
    // The text form is unchanged.
    assert_eq!(env.run(&["get", "alpha", "priority"]).ok().stdout, "2\n");
}

#[test]
fn current_quiet_is_for_prompts() {
    let (env, id) = sample();
    let run = env.run(&["current", "-q"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (1, "", "")
    );
    let run = env.run(&["current", "--quiet", "-o", "json"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (1, "", "")
    );
    // Without -q the error is said.
    let run = env.run(&["current"]);
    assert_eq!(run.status, 1);
    assert!(!run.stderr.is_empty());
    // Outside a ticket system a prompt stays quiet too.
    let plain = env.dir.path().join("plain");
    std::fs::create_dir_all(&plain).unwrap();
    let run = env.run_in(&plain, &["current", "-q"]);
    assert_eq!(
        (run.status, run.stdout.as_str(), run.stderr.as_str()),
        (1, "", "")
    );
    env.commit_all("tickets");
    env.git(&["checkout", "-q", "-b", &id]);
    assert_eq!(env.run(&["current", "-q"]).ok().stdout, format!("{id}\n"));
}

#[test]
fn set_refuses_negative_priorities_and_unknown_fields() {
    let (env, id) = sample();
    let path = format!("tickets/todo/{id}.md");
    let before = env.read(&path);
    let run = env.run(&["set", "alpha", "priority", "-1"]);
    assert_eq!(run.status, 2, "{}", run.snapshot());
    assert!(run.stderr.contains("negative"), "{}", run.stderr);
    assert!(run.stderr.contains("from 0"), "{}", run.stderr);
    let run = env.run(&["set", "alpha", "priority", "high"]);
    assert!(run.stderr.contains("from 0"), "{}", run.stderr);
    // A misspelt field is refused with the fields set changes.
    let run = env.run(&["set", "alpha", "descripton", "x", "-o", "json"]);
    assert_eq!(run.status, 2, "{}", run.snapshot());
    let message = run.json_err()["error"]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        message.contains("'descripton' is not a field")
            && message.contains("priority, description")
            && message.contains("--custom"),
        "{message}"
    );
    // --custom is for keys of one's own only.
    let run = env.run(&["set", "--custom", "alpha", "priority", "1"]);
    assert_eq!(run.status, 2, "{}", run.snapshot());
    assert_eq!(env.read(&path), before, "nothing was written");
    env.run(&["set", "alpha", "--custom", "team", "core"]).ok();
    assert!(env.read(&path).contains("team: core\n"));
}

#[test]
fn set_repairs_an_invalid_value() {
    let (env, id) = sample();
    let path = format!("tickets/todo/{id}.md");
    env.write(
        &path,
        env.read(&path).replace("priority: 2", "priority: high"),
    );
    let run = env.run(&["list", "-o", "json"]);
    assert!(run.stderr.contains("expected an integer") || run.stderr.contains("priority"));
    env.run(&["set", "alpha", "priority", "1"]).ok();
    assert!(env.read(&path).contains("priority: 1\n"));
    assert_eq!(env.run(&["get", "alpha", "priority"]).ok().stdout, "1\n");
    // An edit that leaves the file invalid is refused, naming what is still wrong.
    env.write(
        &path,
        env.read(&path)
            .replace("priority: 1", "priority: high")
            .replace("started_at: null", "started_at: soon"),
    );
    let run = env.run(&["set", "alpha", "priority", "1", "-o", "json"]);
    assert_error(&run, "TICKET_INVALID");
    assert!(run.stderr.contains("started_at"), "{}", run.stderr);
    assert!(env.read(&path).contains("priority: high"));
}

#[test]
fn a_missing_priority_sorts_as_the_default_and_fsck_reports_it() {
    let env = TestEnv::without_init_commands();
    env.ticket(
        "todo",
        "250101-000000-one",
        "priority: 1\ncreated_at: \"2025-01-01T00:00:00Z\"\n",
        "",
    );
    env.ticket(
        "todo",
        "250102-000000-none",
        "description: no priority\ncreated_at: \"2025-01-02T00:00:00Z\"\n",
        "",
    );
    env.ticket(
        "todo",
        "250103-000000-three",
        "priority: 3\ncreated_at: \"2025-01-03T00:00:00Z\"\n",
        "",
    );
    let v = env.run(&["list", "-o", "json"]).ok().json();
    let order: Vec<(&str, i64)> = v["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["priority"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        order,
        [
            ("250101-000000-one", 1),
            ("250102-000000-none", 2),
            ("250103-000000-three", 3)
        ]
    );
    let run = env.run(&["fsck"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert!(
        run.stdout
            .contains("missing-priority\t250102-000000-none\thas no priority"),
        "{}",
        run.snapshot()
    );
    let run = env.run(&["fsck", "--fix"]).ok();
    assert!(run.stdout.contains("(fixed)"), "{}", run.snapshot());
    assert!(
        env.read("tickets/todo/250102-000000-none.md")
            .starts_with("---\npriority: 2\ndescription: no priority\n")
    );
    env.run(&["fsck"]).ok();
}

#[test]
fn an_empty_slug_says_empty() {
    let env = TestEnv::without_init_commands();
    for slug in ["", "   "] {
        let run = env.run(&["new", slug]);
        assert_eq!(run.status, 1, "{}", run.snapshot());
        assert!(run.stderr.contains("The slug is empty"), "{}", run.stderr);
        assert!(!run.stderr.contains("invalid characters"), "{}", run.stderr);
    }
}

#[test]
fn version_names_the_commit_and_time_of_the_checkout_it_was_built_from() {
    let env = TestEnv::new();
    let v = env.run(&["version", "-o", "json"]).ok().json();
    let manifest = env!("CARGO_MANIFEST_DIR");
    let mut git = std::process::Command::new("git");
    env.hermetic(&mut git);
    let top = git
        .current_dir(manifest)
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .unwrap();
    if !top.status.success() {
        // Built from a tarball: nothing to name.
        assert_eq!(v["git_commit"], "unknown");
        return;
    }
    let commit = v["git_commit"].as_str().unwrap();
    assert!(
        commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()),
        "{v}"
    );
    // The binary was built at a commit of this checkout (HEAD, or before it).
    let mut git = std::process::Command::new("git");
    env.hermetic(&mut git);
    let known = git
        .current_dir(manifest)
        .args(["merge-base", "--is-ancestor", commit, "HEAD"])
        .status()
        .unwrap();
    assert!(known.success(), "{commit} is not in this checkout");
    let time = v["build_time"].as_str().unwrap();
    assert!(
        time.len() >= 20 && time.as_bytes()[4] == b'-' && time.contains('T'),
        "{v}"
    );
    let text = env.run(&["version"]).ok().stdout;
    assert!(text.contains(&format!("Git commit: {commit}")), "{text}");
}

#[test]
fn restore_prints_one_success_line() {
    let env = TestEnv::without_init_commands();
    let id = env.new_ticket("linked");
    env.commit_all("ticket");
    env.run(&["start", &id]).ok();
    let wt = env.worktree(&id);
    std::fs::remove_file(wt.join("current-ticket.md")).unwrap();
    let run = env.run_in(&wt, &["restore"]).ok();
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.snapshot());
    assert_eq!(
        run.stdout,
        format!("✅ Restored current-ticket.md → {id} (doing)\n")
    );
    assert!(wt.join("current-ticket.md").exists());
}
