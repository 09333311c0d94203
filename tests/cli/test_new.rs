//! `new`: exact bytes, JSON shape, parents (explicit, implicit, resolved), errors, and
//! exclusive creation under concurrency.

use std::fs;
use std::process::Stdio;

use crate::common::{TestEnv, assert_error, require_tool};
use crate::snap;
use git_ticket::ticket::Timestamp;
use git_ticket::ticket::format::{parse_meta, render_new};

#[test]
fn new_ticket_is_byte_identical_to_ticketflow() {
    let env = TestEnv::initialized();
    let run = env.run(&["new", "first-ticket"]).ok();
    snap!("new_text", run.snapshot());
    let id = env
        .run(&["resolve", "first-ticket"])
        .ok()
        .stdout
        .trim()
        .to_owned();
    let text = env.read(&format!("tickets/todo/{id}.md"));
    let created = parse_meta(&text).unwrap().created_at.unwrap();
    assert_eq!(created.id_prefix(), id[..13]);
    assert_eq!(
        text,
        render_new(&created, None, git_ticket::config::DEFAULT_TEMPLATE)
    );
    assert!(text.starts_with("---\npriority: 2\ndescription: \"\"\ncreated_at: \""));
    assert!(
        !text.ends_with('\n'),
        "TicketFlow's template has no final newline"
    );
    // Nothing staged.
    assert_eq!(
        env.git(&["status", "--porcelain", "--untracked-files=no"]),
        ""
    );
}

#[test]
fn created_at_uses_the_local_offset() {
    let mut env = TestEnv::initialized();
    env.tz = "JST-9";
    let id = env.new_ticket("tokyo");
    let text = env.read(&format!("tickets/todo/{id}.md"));
    let line = text.lines().find(|l| l.starts_with("created_at:")).unwrap();
    assert!(line.ends_with("+09:00\""), "{line}");
    let t = Timestamp::parse(line[13..line.len() - 1].trim()).unwrap();
    assert_eq!(t.id_prefix(), id[..13]);
    // A zone name (read from the zoneinfo file) and a file path, as well as the POSIX rule.
    if !require_tool("tzdata") {
        return;
    }
    for (tz, offset) in [
        ("Asia/Tokyo", "+09:00\""),
        (":/usr/share/zoneinfo/Asia/Kolkata", "+05:30\""),
        ("Etc/UTC", "Z\""),
    ] {
        env.tz = tz;
        let id = env.new_ticket("zoned");
        let text = env.read(&format!("tickets/todo/{id}.md"));
        let line = text.lines().find(|l| l.starts_with("created_at:")).unwrap();
        assert!(line.ends_with(offset), "TZ={tz}: {line}");
        fs::remove_file(env.root.join(format!("tickets/todo/{id}.md"))).unwrap();
    }
}

#[test]
fn new_json_shape() {
    let env = TestEnv::initialized();
    let run = env.run(&["new", "json-ticket", "--format", "json"]).ok();
    snap!("new_json", run.snapshot());
}

#[test]
fn works_in_a_repository_without_commits() {
    let env = TestEnv::new();
    env.run(&["init"]).ok();
    env.new_ticket("first");
}

#[test]
fn parent_is_stored_as_the_resolved_full_id() {
    let env = TestEnv::initialized();
    let parent = env.new_ticket("parent-work");
    let run = env
        .run(&["new", "child", "-p", "parent", "-o", "json"])
        .ok();
    let v = run.json();
    assert_eq!(v["parent_ticket"], parent.as_str());
    let id = v["ticket"]["id"].as_str().unwrap();
    let text = env.read(&format!("tickets/todo/{id}.md"));
    assert!(
        text.contains(&format!(
            "closed_at: null\nrelated:\n    - parent:{parent}\n---\n"
        )),
        "{text}"
    );
    let run = env.run(&["new", "grandchild", "--parent", "parent-w"]).ok();
    snap!("new_sub_ticket_text", run.snapshot());
}

#[test]
fn parent_errors() {
    let env = TestEnv::initialized();
    let run = env.run(&["new", "x", "--parent", "nope", "-o", "json"]);
    assert_eq!(run.status, 1);
    snap!("new_parent_not_found", run.snapshot());
    let run = env.run(&["new", "self", "--parent", "self", "-o", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        run.json_err()["error"]["message"],
        "Invalid parent relationship"
    );
    // Nothing was created by the failures (the folder holds only its placeholder).
    let names: Vec<_> = fs::read_dir(env.root.join("tickets/todo"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [".gitkeep"]);
}

#[test]
fn implicit_parent_only_for_an_exact_ticket_branch() {
    let env = TestEnv::initialized();
    let parent = env.new_ticket("feature");
    env.commit_all("add ticket");
    // A branch that is only a prefix of the ID is not a ticket branch (TicketFlow's W26).
    env.git(&["checkout", "-q", "-b", &parent[..6]]);
    let v = env.run(&["new", "not-a-child", "-o", "json"]).ok().json();
    assert!(v.get("parent_ticket").is_none(), "{v}");
    // In a linked worktree on the ticket's branch, the ticket becomes the parent.
    let wt = env.dir.path().join("wt");
    env.git(&[
        "worktree",
        "add",
        "-q",
        "-b",
        &parent,
        wt.to_str().unwrap(),
        "main",
    ]);
    let run = env.run_in(&wt, &["new", "child", "-o", "json"]).ok();
    let v = run.json();
    assert_eq!(v["parent_ticket"], parent.as_str());
    let path = v["ticket"]["path"].as_str().unwrap();
    assert!(path.starts_with("[TMP]/wt/tickets/todo/"), "{path}");
}

#[test]
fn invalid_slugs_are_refused() {
    let env = TestEnv::initialized();
    let run = env.run(&["new", "Bad_Slug"]);
    assert_eq!(run.status, 1);
    snap!("new_invalid_slug_text", run.snapshot());
    let run = env.run(&["new", "Bad_Slug", "-o", "json"]);
    snap!("new_invalid_slug_json", run.snapshot());
    let run = env.run(&["new"]);
    assert_eq!(run.status, 2);
    let run = env.run(&["new", "a", "b"]);
    assert_eq!(run.status, 2, "extra positionals are an error");
}

#[test]
fn concurrent_creation_never_overwrites() {
    let env = TestEnv::initialized();
    let spawn = |slug: String| {
        env.command_in(&env.root)
            .args(["new", &slug, "-o", "json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children: Vec<_> = (0..16)
        .map(|i| spawn(format!("distinct-{i}")))
        .chain((0..8).map(|_| spawn("same".to_owned())))
        .collect();
    let mut same_ok = 0;
    for (i, child) in children.into_iter().enumerate() {
        let run = env.to_run(child.wait_with_output().unwrap());
        if i < 16 {
            run.ok();
        } else if run.status == 0 {
            same_ok += 1;
        } else {
            assert_eq!(
                run.json_err()["error"]["code"],
                "TICKET_EXISTS",
                "{}",
                run.snapshot()
            );
        }
    }
    let files: Vec<_> = fs::read_dir(env.root.join("tickets/todo"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    assert_eq!(files.len(), 16 + same_ok, "{files:?}");
    assert!(same_ok >= 1);
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        assert!(
            text.ends_with(git_ticket::config::DEFAULT_TEMPLATE),
            "{f:?} is truncated"
        );
        assert!(
            !f.file_name().unwrap().to_str().unwrap().starts_with('.'),
            "temp file left"
        );
    }
}

#[test]
fn long_and_empty_slugs_are_refused_before_anything_is_written() {
    let env = TestEnv::initialized();
    let longest = "z".repeat(200);
    env.run(&["new", &longest]).ok();
    let run = env.run(&["new", &"z".repeat(230), "-o", "json"]);
    assert_error(&run, "TICKET_INVALID");
    let details = run.json_err()["error"]["details"].to_string();
    assert!(
        details.contains("230") && details.contains("maximum is 200"),
        "{details}"
    );
    let run = env.run(&["new", "", "-o", "json"]);
    assert_error(&run, "TICKET_INVALID");
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
    let todo: Vec<_> = fs::read_dir(env.root.join("tickets/todo"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".md"))
        .collect();
    assert_eq!(todo.len(), 1);
}
