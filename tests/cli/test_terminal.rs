//! What a person sees on a terminal (newcomer issue #14): ticket text never sends the
//! terminal control characters; colour follows `--color`, git config (`color.ticket`,
//! `color.ui`, also `git -c`) and `NO_COLOR`; long output goes through git's pager choice;
//! `list` fits the terminal; `status` aligns its worktrees; errors keep paths whole.

use std::fs;

use crate::common::TestEnv;

const ESC: &str = "\x1b";

/// A repository with one ticket whose description and body hold control characters.
fn hostile() -> (TestEnv, String) {
    let env = TestEnv::without_init_commands();
    let id = "250101-000000-hostile";
    env.ticket(
        "todo",
        id,
        "priority: 2\ndescription: \"red \\e[31mRED\\nsecond\\tline\\u202e\"\ncreated_at: \"2025-01-01T00:00:00Z\"\n",
        "# Body\n\nkeeps\tits lines\nbut not \x1b]0;title\x07 this\n",
    );
    env.commit_all("hostile ticket");
    (env, id.to_owned())
}

#[test]
fn control_characters_in_ticket_text_never_reach_the_terminal() {
    let (env, id) = hostile();
    let escaped = "red \\x1b[31mRED\\nsecond\\tline\\u202e";
    let list = env.run(&["list"]).ok();
    assert!(!list.stdout.contains(ESC), "{}", list.stdout);
    assert_eq!(
        list.stdout.lines().count(),
        3,
        "one row a ticket:\n{}",
        list.stdout
    );
    assert!(list.stdout.contains(escaped), "{}", list.stdout);
    let show = env.run(&["show", &id]).ok();
    assert!(!show.stdout.contains(ESC), "{}", show.stdout);
    assert!(
        show.stdout.contains(&format!("Description: {escaped}\n")),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout
            .contains("keeps\tits lines\nbut not \\x1b]0;title\\x07 this\n"),
        "the body keeps its lines and tabs: {}",
        show.stdout
    );
    // for-each-ticket: one line a ticket, C-style escapes (a backslash doubled); raw with -z.
    env.run(&["set", &id, "closure_reason", "a\\b"]).ok();
    let fet = env
        .run(&[
            "for-each-ticket",
            "--format=%(description)|%(closure_reason)",
        ])
        .ok();
    assert_eq!(fet.stdout, format!("{escaped}|a\\\\b\n"));
    let raw = env
        .run(&["for-each-ticket", "-z", "--format=%(description)"])
        .ok();
    assert_eq!(raw.stdout, "red \x1b[31mRED\nsecond\tline\u{202e}\0");
    // JSON escapes on its own: the value is the ticket's, unchanged.
    let json = env.run(&["list", "-o", "json"]).ok().json();
    assert_eq!(
        json["tickets"][0]["description"],
        "red \x1b[31mRED\nsecond\tline\u{202e}"
    );
    // A file name with an escape sequence, reported as invalid: escaped in the warning.
    env.write("tickets/todo/250101-000000-bad\x1b[2J.md", "not a ticket");
    let run = env.run(&["list"]).ok();
    assert!(!run.stderr.contains(ESC), "{}", run.stderr);
    assert!(run.stderr.contains("bad\\x1b[2J.md"), "{}", run.stderr);
    // Status and close of the active ticket.
    fs::remove_file(env.root.join("tickets/todo/250101-000000-bad\x1b[2J.md")).unwrap();
    env.run(&["start", &id]).ok();
    let wt = env.worktree(&id);
    let status = env.run_in(&wt, &["status"]).ok();
    assert!(!status.stdout.contains(ESC), "{}", status.stdout);
    assert!(status.stdout.contains(escaped), "{}", status.stdout);
    let close = env.run_in(&wt, &["close"]).ok();
    assert!(!close.stdout.contains(ESC), "{}", close.stdout);
}

fn colored(s: &str) -> bool {
    s.contains("\x1b[1m")
}

#[test]
fn colour_follows_the_flag_git_config_and_no_color() {
    let env = TestEnv::without_init_commands();
    env.new_ticket("colour");
    // Not a terminal: no colour unless asked for.
    assert!(!colored(&env.run(&["list"]).ok().stdout));
    assert!(colored(&env.run(&["list", "--color"]).ok().stdout));
    assert!(colored(&env.run(&["--color=always", "list"]).ok().stdout));
    assert!(!colored(
        &env.run(&["list", "--color=always", "--no-color"])
            .ok()
            .stdout
    ));
    // `git -c color.ui=always ticket list`: git hands the setting over in the environment.
    let out = env
        .git_with_bin(&env.root)
        .args(["-c", "color.ui=always", "ticket", "list"])
        .output()
        .unwrap();
    assert!(colored(&String::from_utf8_lossy(&out.stdout)));
    let params = |v: &str| vec![("GIT_CONFIG_PARAMETERS", v.to_owned())];
    let with = |vars: Vec<(&str, String)>, args: &[&str]| {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        env.run_with(&env.root, &vars, args).ok().stdout
    };
    assert!(colored(&with(params("'color.ticket'='always'"), &["list"])));
    // color.ticket before color.ui; the flag before both.
    assert!(!colored(&with(
        params("'color.ui'='always' 'color.ticket'='never'"),
        &["list"]
    )));
    assert!(!colored(&with(
        params("'color.ui'='always'"),
        &["list", "--color=never"]
    )));
    let count = vec![
        ("GIT_CONFIG_COUNT", "1".to_owned()),
        ("GIT_CONFIG_KEY_0", "color.ui".to_owned()),
        ("GIT_CONFIG_VALUE_0", "always".to_owned()),
    ];
    assert!(colored(&with(count, &["list"])));
    // git paging our output (pager.ticket, git -p): a pipe, but colour as on a terminal.
    let in_pager = vec![("GIT_PAGER_IN_USE", "true".to_owned())];
    assert!(colored(&with(in_pager, &["list"])));
    // On a terminal: colour by default, none with NO_COLOR or TERM=dumb or color.ui=never,
    // unless git config says always.
    let tty = |vars: &[(&str, &str)], args: &[&str]| env.run_tty(args, vars, 100, b"").screen;
    assert!(colored(&tty(&[], &["list", "--no-pager"])));
    assert!(!colored(&tty(
        &[("NO_COLOR", "1")],
        &["list", "--no-pager"]
    )));
    assert!(!colored(&tty(&[("TERM", "dumb")], &["list", "--no-pager"])));
    assert!(colored(&tty(
        &[("NO_COLOR", "1")],
        &["list", "--no-pager", "--color=always"]
    )));
    env.git(&["config", "color.ui", "never"]);
    assert!(!colored(&tty(&[], &["list", "--no-pager"])));
    env.git(&["config", "color.ticket", "always"]);
    assert!(colored(&tty(&[("NO_COLOR", "1")], &["list", "--no-pager"])));
    // Error reports on a terminal follow the same decision.
    env.git(&["config", "--unset", "color.ticket"]);
    env.git(&["config", "--unset", "color.ui"]);
    let err = tty(&[], &["show", "nope"]);
    assert!(err.contains(ESC), "{err}");
    let err = tty(&[("NO_COLOR", "1")], &["show", "nope"]);
    assert!(!err.contains(ESC), "{err}");
}

#[test]
fn long_output_goes_through_the_pager_git_would_choose() {
    let env = TestEnv::without_init_commands();
    env.new_ticket("paged");
    let pager = "sed 's/^/P:/'";
    let tty = |vars: &[(&str, &str)], args: &[&str]| {
        let run = env.run_tty(args, vars, 100, b"");
        assert_eq!(run.status, 0, "{}", run.screen);
        run.screen
    };
    let paged = |s: &str| s.lines().next().is_some_and(|l| l.starts_with("P:"));
    assert!(paged(&tty(&[("PAGER", pager)], &["list"])));
    assert!(paged(&tty(&[("PAGER", pager)], &["show", "paged"])));
    assert!(paged(&tty(&[("PAGER", pager)], &["help", "-a"])));
    assert!(paged(&tty(&[("PAGER", pager)], &["workflow"])));
    // Short outputs are not paged, unless --paginate.
    assert!(!paged(&tty(&[("PAGER", pager)], &["status"])));
    assert!(paged(&tty(&[("PAGER", pager)], &["--paginate", "status"])));
    // --no-pager, a pipe, JSON, git paging already, cat or empty: no pager.
    assert!(!paged(&tty(&[("PAGER", pager)], &["list", "--no-pager"])));
    assert!(!paged(&tty(&[("PAGER", pager)], &["--no-pager", "list"])));
    assert!(!paged(&tty(&[("PAGER", pager)], &["list", "-o", "json"])));
    assert!(!paged(&tty(
        &[("PAGER", pager), ("GIT_PAGER_IN_USE", "true")],
        &["list"]
    )));
    assert!(!paged(&tty(
        &[("PAGER", pager), ("GIT_PAGER", "cat")],
        &["list"]
    )));
    assert!(!paged(&tty(
        &[("PAGER", pager), ("GIT_PAGER", "")],
        &["list"]
    )));
    let piped = env.run_with(&env.root, &[("PAGER", pager)], &["list"]).ok();
    assert!(!piped.stdout.starts_with("P:"), "{}", piped.stdout);
    // git's order: GIT_PAGER, pager.ticket, core.pager, PAGER; the pager gets LESS=FRX and
    // LV=-c unless they are set.
    let first = |s: String| s.lines().next().unwrap_or_default().to_owned();
    let show_env = "echo \"LESS=$LESS LV=$LV\"; cat >/dev/null";
    assert_eq!(
        first(tty(&[("PAGER", show_env)], &["list"])),
        "LESS=FRX LV=-c"
    );
    assert_eq!(
        first(tty(&[("PAGER", show_env), ("LESS", "-S")], &["list"])),
        "LESS=-S LV=-c"
    );
    env.git(&["config", "core.pager", "sed 's/^/core:/'"]);
    assert!(tty(&[("PAGER", pager)], &["list"]).starts_with("core:"));
    env.git(&["config", "pager.ticket", "sed 's/^/ticket:/'"]);
    assert!(tty(&[("PAGER", pager)], &["list"]).starts_with("ticket:"));
    assert!(tty(&[("GIT_PAGER", pager)], &["list"]).starts_with("P:"));
    env.git(&["config", "pager.ticket", "false"]);
    assert!(!paged(&tty(&[("PAGER", pager)], &["list"])));
    // git -c pager.ticket=… counts too.
    let screen = tty(
        &[("GIT_CONFIG_PARAMETERS", "'pager.ticket'='sed s/^/c:/'")],
        &["list"],
    );
    assert!(screen.starts_with("c:"), "{screen}");
    // Colour stays on into the pager (less -R shows it).
    env.git(&["config", "--unset", "pager.ticket"]);
    assert!(tty(&[("PAGER", pager)], &["list"]).contains("\x1b[1m"));
}

#[test]
fn a_pager_that_quits_early_is_not_an_error() {
    let env = TestEnv::without_init_commands();
    for i in 0..300 {
        env.ticket(
            "todo",
            &format!("250101-{i:06}-t"),
            "priority: 2\ndescription: \"a ticket with a long enough description to fill pipes\"\n",
            "",
        );
    }
    // A pager that closes its input at once: every write fails with EPIPE.
    let run = env.run_tty(
        &["list", "--count", "0"],
        &[("PAGER", "exec <&-; sleep 0.2")],
        100,
        b"",
    );
    assert_eq!(run.status, 0, "{}", run.screen);
    assert_eq!(run.screen, "");
    let run = env.run_tty(
        &["list", "--count", "0"],
        &[("PAGER", "head -n 2")],
        100,
        b"",
    );
    assert_eq!(run.status, 0, "{}", run.screen);
    assert_eq!(run.screen.lines().count(), 2, "{}", run.screen);
}

#[test]
fn list_fits_the_terminal_width() {
    let env = TestEnv::without_init_commands();
    let long = "word ".repeat(40);
    env.ticket(
        "todo",
        "250101-000000-long",
        &format!("priority: 1\ndescription: \"{long}\"\n"),
        "",
    );
    env.ticket(
        "todo",
        "250101-000001-wide",
        &format!("priority: 2\ndescription: \"{}\"\n", "日本語".repeat(30)),
        "",
    );
    for cols in [60u16, 100, 250] {
        let screen = env
            .run_tty(&["list", "--no-pager", "--no-color"], &[], cols, b"")
            .screen;
        let rows: Vec<&str> = screen.lines().collect();
        assert_eq!(rows.len(), 4, "{screen}");
        for row in &rows {
            assert!(
                unicode_width::UnicodeWidthStr::width(*row) <= usize::from(cols),
                "{cols} columns: {row:?}"
            );
        }
        if cols == 250 {
            assert!(
                rows[2].trim_end().ends_with(long.trim_end()),
                "the whole description: {}",
                rows[2]
            );
        } else {
            assert!(rows[2].ends_with("..."), "{}", rows[2]);
            // The description takes what is left: the row is (almost) as wide as the terminal.
            let w = unicode_width::UnicodeWidthStr::width(rows[2]);
            assert!(w + 1 >= usize::from(cols), "{cols}: {w}: {}", rows[2]);
            assert!(!rows[3].contains('\u{fffd}'), "{}", rows[3]);
        }
    }
    // Not a terminal: TicketFlow's 50 columns.
    let piped = env.run(&["list"]).ok();
    let row = piped.stdout.lines().nth(2).unwrap();
    assert!(row.ends_with(&format!("{}...", &long[..47])), "{row}");
    // COLUMNS is the width when set.
    let screen = env
        .run_tty(
            &["list", "--no-pager", "--no-color"],
            &[("COLUMNS", "70")],
            200,
            b"",
        )
        .screen;
    assert!(
        screen
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 70),
        "{screen}"
    );
}

#[test]
fn status_aligns_worktrees_and_flags_a_missing_folder() {
    let env = TestEnv::without_init_commands();
    let a = env.new_ticket("a");
    let b = env.new_ticket("a-much-longer-slug");
    env.commit_all("tickets");
    env.run(&["start", &a]).ok();
    env.run(&["start", &b]).ok();
    fs::remove_dir_all(env.worktree(&a)).unwrap();
    let status = env.run(&["status"]).ok();
    let rows: Vec<&str> = status
        .stdout
        .lines()
        .skip_while(|l| !l.contains("Ticket worktrees"))
        .skip(1)
        .take(2)
        .collect();
    let column = |r: &str| r.find("[TMP]").unwrap();
    assert_eq!(column(rows[0]), column(rows[1]), "{}", status.stdout);
    let missing = rows.iter().find(|r| r.contains(&a)).unwrap();
    assert!(
        missing.contains("folder missing: git ticket fsck --fix prunes it"),
        "{missing}"
    );
    let present = rows.iter().find(|r| r.contains(&b)).unwrap();
    assert!(!present.contains("missing"), "{present}");
    // JSON keeps TicketFlow's shape.
    let v = env.run(&["status", "-o", "json"]).ok().json();
    let keys: Vec<&String> = v["worktrees"][0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["path", "ticket_id"]);
}

#[test]
fn error_text_keeps_paths_whole_and_lists_what_is_valid() {
    let env = TestEnv::without_init_commands();
    let slug = format!("a-slug-long-enough-to-wrap-{}", "x-".repeat(30));
    let id = format!("250101-000000-{slug}");
    env.ticket("todo", &id, "priority: [\n", "");
    let run = env.run(&["show", &id]);
    assert_eq!(run.status, 1);
    let path = format!("[TMP]/repo/tickets/todo/{id}.md:2:");
    assert!(
        run.stderr.lines().any(|l| l.contains(&path)),
        "the path is on one line:\n{}",
        run.stderr
    );
    // Ambiguous references: one candidate a line, in columns.
    env.ticket(
        "todo",
        "250101-000001-dup-one",
        "priority: 2\ndescription: \"first\"\n",
        "",
    );
    env.ticket(
        "todo",
        "250101-000002-dup-three",
        "priority: 2\ndescription: \"second\"\n",
        "",
    );
    let run = env.run(&["show", "dup"]);
    let rows: Vec<&str> = run.stderr.lines().filter(|l| l.contains("-dup-")).collect();
    assert_eq!(rows.len(), 2, "{}", run.stderr);
    assert_eq!(
        rows[0].find("[todo]"),
        rows[1].find("[todo]"),
        "{}",
        run.stderr
    );
    assert_eq!(
        rows[0].find("first"),
        rows[1].find("second"),
        "{}",
        run.stderr
    );
    // Value errors name what is valid instead of pointing at the help.
    let run = env.run(&["for-each-ticket", "--format=%(nope)"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("%(description)") && run.stderr.contains("%(field:<key>)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("git ticket help"), "{}", run.stderr);
    let run = env.run(&["for-each-ticket", "--sort=nope"]);
    assert!(
        run.stderr.contains("created_at") && !run.stderr.contains("git ticket help"),
        "{}",
        run.stderr
    );
    // Said once.
    let bare = TestEnv::new();
    let run = bare.run(&["list"]);
    assert_eq!(
        run.stderr.matches("not initialized").count(),
        1,
        "{}",
        run.stderr
    );
    // Suggestions that work for untracked files.
    let config = env
        .read(".ticketflow.yaml")
        .replace("enabled: true", "enabled: false");
    env.write(".ticketflow.yaml", config);
    fs::remove_file(env.root.join(format!("tickets/todo/{id}.md"))).unwrap();
    env.commit_all("branch mode");
    env.write("untracked.txt", "x");
    let run = env.run(&["start", "dup-one"]);
    assert!(
        run.stderr.contains("git add -A && git commit"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("git stash -u"), "{}", run.stderr);
    assert!(!run.stderr.contains("commit -am"), "{}", run.stderr);
}
