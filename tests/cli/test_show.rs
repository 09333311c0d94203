//! `show`: text and JSON, reference resolution stages, ambiguity, refused references,
//! CRLF and BOM files.

use crate::common::TestEnv;
use crate::snap;

fn sample() -> TestEnv {
    let env = TestEnv::initialized();
    env.ticket(
        "doing",
        "250101-120000-fix-issue-42",
        "priority: 1\ndescription: \"Fix <the> & bug\"\ncreated_at: \"2025-01-01T12:00:00.123456789+09:00\"\nstarted_at: \"2025-01-02T00:00:00Z\"\nclosed_at: null\nrelated:\n    - parent:250101-000000-epic\n    - blocked-by:x\nowner: someone\n",
        "# Body\n\ntext\n",
    );
    env.ticket(
        "todo",
        "250101-000000-epic",
        "priority: 2\ndescription: The epic\n",
        "epic body",
    );
    env.ticket("todo", "250101-000001-epilogue", "priority: 2\n", "");
    env
}

#[test]
fn show_text_and_json() {
    let env = sample();
    let run = env.run(&["show", "250101-120000-fix-issue-42"]).ok();
    snap!("show_text", run.snapshot());
    let run = env.run(&["show", "42", "--format", "json"]).ok();
    snap!("show_json", run.snapshot());
    let v = run.json();
    assert_eq!(
        v["ticket"]["created_at"],
        "2025-01-01T12:00:00.123456789+09:00"
    );
    assert_eq!(v["ticket"]["content"], "# Body\n\ntext\n");
}

#[test]
fn references_resolve_by_stage() {
    let env = sample();
    let id = |r: &str| env.run(&["resolve", r]).ok().stdout.trim().to_owned();
    assert_eq!(id("250101-12"), "250101-120000-fix-issue-42");
    assert_eq!(id("epic"), "250101-000000-epic");
    assert_eq!(id("fix"), "250101-120000-fix-issue-42");
    assert_eq!(id("issue-42"), "250101-120000-fix-issue-42");
    assert_eq!(id("42"), "250101-120000-fix-issue-42");
    let out = env.run(&["resolve", "epic", "42", "--path"]).ok().stdout;
    assert_eq!(
        out,
        "[TMP]/repo/tickets/todo/250101-000000-epic.md\n[TMP]/repo/tickets/doing/250101-120000-fix-issue-42.md\n"
    );
}

#[test]
fn ambiguity_lists_candidates() {
    let env = sample();
    let run = env.run(&["show", "epi"]);
    assert_eq!(run.status, 1);
    snap!("show_ambiguous_text", run.snapshot());
    let run = env.run(&["show", "250101-00", "-o", "json"]);
    snap!("show_ambiguous_json", run.snapshot());
}

#[test]
fn not_found_and_path_like_references() {
    let env = sample();
    let run = env.run(&["show", "nope"]);
    assert_eq!(run.status, 1);
    snap!("show_not_found", run.snapshot());
    env.write("secret.md", "---\npriority: 1\n---\nsecret");
    for bad in ["../../secret", "/etc/passwd", "a\\b", ".."] {
        let run = env.run(&["show", bad, "-o", "json"]);
        assert_eq!(run.status, 1, "{bad}");
        assert_eq!(run.json_err()["error"]["code"], "VALIDATION_ERROR", "{bad}");
    }
}

#[test]
fn crlf_and_bom_files() {
    let env = TestEnv::initialized();
    env.write(
        "tickets/todo/250101-000000-crlf.md",
        "\u{feff}---\r\npriority: 3\r\ndescription: Windows\r\ncreated_at: \"2025-01-01T00:00:00Z\"\r\n---\r\n\r\nbody\r\nline\r\n",
    );
    let v = env.run(&["show", "crlf", "-o", "json"]).ok().json();
    assert_eq!(v["ticket"]["priority"], 3);
    assert_eq!(v["ticket"]["description"], "Windows");
    assert_eq!(v["ticket"]["content"], "body\r\nline\r\n");
}
