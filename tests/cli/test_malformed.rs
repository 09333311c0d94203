//! Malformed ticket files: each is reported with its path (and line where it has one), the
//! listing of the valid ones is intact, and `show` gives a clear error. Nothing panics.

use std::fs;

use crate::common::TestEnv;
use crate::snap;

fn malformed(env: &TestEnv) -> Vec<(&'static str, &'static str)> {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bad-yaml", b"---\npriority: [1\n---\nbody".to_vec(), ".md:2: invalid YAML"),
        ("binary", vec![0, 159, 146, 150, 0, 1, 2], "binary"),
        ("empty", Vec::new(), "empty"),
        ("no-frontmatter", b"# Just markdown\n".to_vec(), "missing frontmatter"),
        ("unclosed", b"---\npriority: 1\ndescription: x\n".to_vec(), "never closed"),
        ("bad-time", b"---\ncreated_at: \"2025-08-09\"\n---\n".to_vec(), "RFC 3339"),
        ("wrong-type", b"---\npriority: high\n---\n".to_vec(), ".md:2: invalid YAML: priority: expected an integer, found 'high'"),
        ("not-a-map", b"---\n- a\n- b\n---\n".to_vec(), ".md:2: invalid YAML"),
        ("utf16", b"\xff\xfe-\x00-\x00-\x00\n\x00".to_vec(), "UTF-16"),
        ("latin1", b"---\ndescription: caf\xe9\n---\n".to_vec(), "UTF-8"),
        ("alias-bomb", b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n---\n".to_vec(), "limits"),
        ("duplicate-key", b"---\npriority: 1\npriority: 2\n---\n".to_vec(), "duplicate"),
    ];
    let mut out = Vec::new();
    for (slug, bytes, expect) in cases {
        env.write(&format!("tickets/todo/250101-000000-{slug}.md"), bytes);
        out.push((slug, expect));
    }
    out
}

#[test]
fn listing_reports_each_bad_file_and_keeps_the_good_ones() {
    let env = TestEnv::initialized();
    let good = env.new_ticket("good");
    let cases = malformed(&env);
    let run = env.run(&["list", "--count", "0"]).ok();
    assert!(run.stdout.contains(&good), "{}", run.snapshot());
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.snapshot());
    for (slug, expect) in &cases {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(&format!("250101-000000-{slug}.md")))
            .unwrap_or_else(|| panic!("{slug} not reported:\n{}", run.stderr));
        assert!(
            line.starts_with("warning: [TMP]/repo/tickets/todo/"),
            "{line}"
        );
        assert!(line.contains(expect), "{slug}: {line}");
    }
    snap!("list_malformed_stderr", run.stderr);
    let v = env.run(&["list", "-o", "json"]).ok().json();
    assert_eq!(v["tickets"].as_array().unwrap().len(), 1);
    assert_eq!(v["warnings"].as_array().unwrap().len(), cases.len());
}

#[test]
fn show_of_a_bad_file_names_it() {
    let env = TestEnv::initialized();
    for (slug, _) in malformed(&env) {
        let run = env.run(&["show", slug, "-o", "json"]);
        assert_eq!(run.status, 1, "{slug}: {}", run.snapshot());
        let err = run.json_err();
        assert_eq!(err["error"]["code"], "TICKET_INVALID", "{slug}");
        let details = err["error"]["details"].as_str().unwrap();
        assert!(
            details.contains(&format!("250101-000000-{slug}.md")),
            "{details}"
        );
    }
    let run = env.run(&["show", "bad-yaml"]);
    snap!("show_bad_yaml_text", run.snapshot());
}

#[test]
fn huge_files_are_refused() {
    let env = TestEnv::initialized();
    let path = env.root.join("tickets/todo/250101-000000-huge.md");
    let f = fs::File::create(&path).unwrap();
    f.set_len(60 * 1024 * 1024).unwrap();
    let run = env.run(&["show", "huge", "-o", "json"]);
    let details = run.json_err()["error"]["details"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(details.contains("too large"), "{details}");
    let run = env.run(&["list"]).ok();
    assert!(
        run.stderr
            .contains("250101-000000-huge.md: file is too large"),
        "{}",
        run.stderr
    );
}

#[test]
fn symlinked_ticket_files_are_reported() {
    let env = TestEnv::initialized();
    env.write("outside.md", "---\npriority: 1\n---\n");
    std::os::unix::fs::symlink(
        env.root.join("outside.md"),
        env.root.join("tickets/todo/250101-000000-link.md"),
    )
    .unwrap();
    let run = env.run(&["list"]).ok();
    assert!(
        run.stderr
            .contains("250101-000000-link.md: is a symbolic link"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "No tickets found\n");
}

/// Newcomer bug 5: the YAML error about an alias where a list belongs was cut off at
/// "expected sequence start (defined"; list, show and fsck (text and JSON) give it whole.
#[test]
fn yaml_errors_are_whole_in_list_show_and_fsck() {
    let env = TestEnv::initialized();
    env.write(
        "tickets/todo/250101-000000-alias.md",
        "---\npriority: 2\ndescription: &a \"x\"\ncreated_at: \"2025-01-01T00:00:00Z\"\nrelated: *a\n---\n",
    );
    let whole = "invalid YAML: related: expected a list, found alias *a, whose anchor at line 3, \
                 column 17 is '\"x\"' (column 10)";
    let list = env.run(&["list"]).ok();
    assert!(
        list.stderr
            .contains(&format!("250101-000000-alias.md:5: {whole}")),
        "{}",
        list.snapshot()
    );
    let json = env.run(&["list", "-o", "json"]).ok().json();
    assert_eq!(json["warnings"][0]["message"], whole);
    assert_eq!(json["warnings"][0]["line"], 5);
    let show = env.run(&["show", "alias"]);
    assert_eq!(show.status, 1);
    assert!(!show.stderr.contains("(defined"), "{}", show.snapshot());
    assert!(
        show.stderr.replace("\n  │ ", " ").contains(whole),
        "{}",
        show.snapshot()
    );
    let fsck = env.run(&["fsck"]);
    assert!(
        fsck.stdout.contains(&format!("line 5: {whole}")),
        "{}",
        fsck.snapshot()
    );
    let fsck = env.run(&["fsck", "-o", "json"]).json();
    assert_eq!(fsck["findings"][0]["message"], format!("line 5: {whole}"));
}
