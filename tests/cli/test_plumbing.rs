//! Plumbing and git integration: for-each-ticket, get/set, current, fsck, hooks through real
//! git commands, the merge driver through a real `git merge`, man pages through
//! `git ticket --help`, and bash completion through git's own completion script.

use std::fs;
use std::process::Command;

use crate::common::{TestEnv, bin};
use crate::corpus::{Corpus, Text};
use crate::snap;

fn sample() -> TestEnv {
    let env = TestEnv::initialized();
    env.ticket(
        "todo",
        "250101-000000-alpha",
        "priority: 2\ndescription: First one\ncreated_at: \"2025-01-01T00:00:00Z\"\nowner: ann\nlabels: [a, b]\n",
        "",
    );
    env.ticket(
        "doing",
        "250102-000000-beta",
        "priority: 1\ndescription: Second\ncreated_at: \"2025-01-02T00:00:00Z\"\nstarted_at: \"2025-01-03T00:00:00Z\"\nrelated:\n    - parent:250101-000000-alpha\n",
        "",
    );
    env.ticket(
        "done",
        "250103-000000-gamma",
        "priority: 3\ndescription: Third\ncreated_at: \"2025-01-03T00:00:00Z\"\nstarted_at: \"2025-01-03T00:00:00Z\"\nclosed_at: \"2025-01-04T00:00:00Z\"\n",
        "",
    );
    env
}

#[test]
fn for_each_ticket_formats() {
    let env = sample();
    let run = env.run(&["for-each-ticket"]).ok();
    snap!("for_each_ticket_default", run.snapshot());
    let run = env
        .run(&[
            "for-each-ticket",
            "--format",
            "%(slug)|%(parent)|%(field:owner)|%(field:labels)|100%%",
            "--sort=-priority",
        ])
        .ok();
    assert_eq!(
        run.stdout,
        "gamma||||100%\nalpha||ann|a,b|100%\nbeta|250101-000000-alpha|||100%\n"
    );
    let run = env
        .run(&[
            "for-each-ticket",
            "-z",
            "--format=%(id)",
            "-s",
            "doing",
            "-s",
            "done",
        ])
        .ok();
    assert_eq!(run.stdout, "250102-000000-beta\x00250103-000000-gamma\x00");
    let run = env.run(&["for-each-ticket", "--format", "%(nope)"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("unknown placeholder %(nope)"),
        "{}",
        run.stderr
    );
    let run = env.run(&["for-each-ticket", "--sort", "bogus"]);
    assert_eq!(run.status, 2);
}

#[test]
fn for_each_ticket_streams() {
    let env = TestEnv::initialized();
    let tickets = Corpus::new(400).folders(&["todo"]).text(Text::Small);
    tickets
        .ids(|i| format!("250101-000000-a{i:03}"))
        .write(&env.root);
    env.write("tickets/todo/250101-000000-b-broken.md", "no header");
    tickets
        .ids(|i| format!("250101-000000-c{i:03}"))
        .write(&env.root);
    // stdout and stderr into one pipe: a streaming writer has printed (at least a buffer of)
    // earlier records before it reports the broken file in the middle.
    let mut cmd = Command::new("sh");
    env.hermetic(&mut cmd);
    let script = format!(
        "'{}' for-each-ticket --format='%(id) %(status) %(description)' 2>&1",
        bin().display()
    );
    let out = cmd
        .current_dir(&env.root)
        .args(["-c", &script])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let warning = text.find("warning:").expect("the broken file is reported");
    assert!(
        warning > 4096,
        "the warning came before any record: not streaming"
    );
    assert!(text[warning..].contains("250101-000000-c399"));
}

#[test]
fn get_and_set() {
    let env = sample();
    let get = |field: &str| env.run(&["get", "alpha", field]);
    assert_eq!(get("priority").ok().stdout, "2\n");
    assert_eq!(get("created_at").ok().stdout, "2025-01-01T00:00:00Z\n");
    assert_eq!(get("owner").ok().stdout, "ann\n");
    assert_eq!(get("status").ok().stdout, "todo\n");
    assert_eq!(
        env.run(&["get", "beta", "parent"]).ok().stdout,
        "250101-000000-alpha\n"
    );
    // Unset: nothing, and success (an unknown name is the error).
    let run = get("started_at");
    assert_eq!((run.status, run.stdout.as_str()), (0, ""));

    let before = env.read("tickets/todo/250101-000000-alpha.md");
    env.run(&["set", "alpha", "priority", "5"]).ok();
    // A link to a ticket is stored with its full ID.
    env.run(&["set", "alpha", "related", "--add", "blocks:beta"])
        .ok();
    env.run(&["set", "alpha", "--custom", "owner", "Bob: the builder"])
        .ok();
    env.run(&["set", "alpha", "started_at", "2025-02-01T10:00:00+09:00"])
        .ok();
    let after = env.read("tickets/todo/250101-000000-alpha.md");
    assert_eq!(
        after,
        before
            .replace("priority: 2", "priority: 5")
            .replace("owner: ann", "owner: \"Bob: the builder\"")
            .replace(
                "created_at: \"2025-01-01T00:00:00Z\"\n",
                "created_at: \"2025-01-01T00:00:00Z\"\nstarted_at: \"2025-02-01T10:00:00+09:00\"\nrelated:\n    - blocks:250102-000000-beta\n"
            )
    );
    assert_eq!(
        env.run(&["get", "alpha", "related"]).ok().stdout,
        "blocks:250102-000000-beta\n"
    );
    env.run(&["set", "alpha", "related", "--remove", "blocks:beta"])
        .ok();
    assert!(
        !env.read("tickets/todo/250101-000000-alpha.md")
            .contains("related")
    );
    for (field, value) in [
        ("priority", "high"),
        ("created_at", "yesterday"),
        ("status", "done"),
    ] {
        let run = env.run(&["set", "alpha", field, value, "-o", "json"]);
        assert_eq!(run.status, 2, "{field}");
        assert_eq!(run.json_err()["error"]["code"], "VALIDATION_ERROR");
    }
    let run = env.run(&["set", "beta", "parent", "beta"]);
    assert_eq!(run.status, 1);
}

#[test]
fn current_ticket() {
    let env = sample();
    let run = env.run(&["current"]);
    assert_eq!((run.status, run.stdout.as_str()), (1, ""));
    env.commit_all("tickets");
    env.git(&["checkout", "-q", "-b", "250102-000000-beta"]);
    assert_eq!(env.run(&["current"]).ok().stdout, "250102-000000-beta\n");
}

#[test]
fn fsck_finds_and_fixes() {
    let env = sample();
    env.run(&["fsck"]).ok();
    env.write(
        "tickets/todo/250104-000000-misplaced.md",
        "---\npriority: 1\nstarted_at: \"2025-01-05T00:00:00Z\"\nrelated:\n    - parent:250999-000000-ghost\n---\n",
    );
    env.write(
        "tickets/todo/.250104-000000-x.md.git-ticket-123-0.tmp",
        "partial",
    );
    // A user's own temporary file is not git-ticket's to report or delete.
    env.write("tickets/todo/.my-notes.tmp", "mine");
    env.write(
        "tickets/doing/250101-000000-alpha.md",
        "---\npriority: 1\n---\n",
    );
    env.write("tickets/done/250105-000000-broken.md", "no header");
    env.commit_all("mess");
    env.git(&["branch", "250106-000000-orphan"]);
    std::os::unix::fs::symlink(
        "tickets/doing/nowhere.md",
        env.root.join("current-ticket.md"),
    )
    .unwrap();
    let run = env.run(&["fsck"]);
    assert_eq!(run.status, 1);
    snap!("fsck_problems", run.snapshot());
    let run = env.run(&["fsck", "--fix"]);
    assert_eq!(run.status, 1, "some problems need a person");
    assert!(
        env.root
            .join("tickets/doing/250104-000000-misplaced.md")
            .is_file()
    );
    assert!(!env.root.join("current-ticket.md").exists());
    assert!(
        !env.root
            .join("tickets/todo/.250104-000000-x.md.git-ticket-123-0.tmp")
            .exists()
    );
    assert_eq!(env.read("tickets/todo/.my-notes.tmp"), "mine");
    let v = env.run(&["fsck", "-o", "json"]).json();
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "dangling-parent",
            "duplicate-id",
            "invalid-file",
            "orphan-branch"
        ]
    );
}

#[test]
fn hooks_through_real_git() {
    let env = TestEnv::initialized();
    // An existing hook of the user is kept and chained.
    let hooks = env.root.join(".git/hooks");
    fs::create_dir_all(&hooks).unwrap();
    fs::write(
        hooks.join("commit-msg"),
        "#!/bin/sh\necho \"$1\" >> user-hook.log\n",
    )
    .unwrap();
    fs::set_permissions(
        hooks.join("commit-msg"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let run = env
        .git_with_bin(&env.root)
        .args(["ticket", "install-hooks"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    assert!(hooks.join("commit-msg.pre-git-ticket").exists());
    let id = env.new_ticket("hooked");
    env.commit_all("add ticket");

    // commit-msg: a Ticket trailer on the ticket's branch, once.
    let git = |args: &[&str]| env.git_via_bin(args);
    git(&["checkout", "-q", "-b", &id]);
    assert!(
        fs::read_link(env.root.join("current-ticket.md")).is_ok(),
        "post-checkout linked it"
    );
    fs::write(env.root.join("f.txt"), "f").unwrap();
    git(&["add", "f.txt"]);
    git(&["commit", "-q", "-m", "work"]);
    let msg = String::from_utf8(git(&["log", "-1", "--format=%B"]).stdout).unwrap();
    assert!(
        env.root.join("user-hook.log").exists(),
        "the user's own hook ran"
    );
    assert!(msg.contains(&format!("Ticket: {id}")), "{msg}");
    git(&["commit", "-q", "--amend", "--no-edit"]);
    let msg = String::from_utf8(git(&["log", "-1", "--format=%B"]).stdout).unwrap();
    assert_eq!(msg.matches("Ticket:").count(), 1, "{msg}");
    git(&["checkout", "-q", "main"]);
    assert!(
        !env.root.join("current-ticket.md").exists(),
        "post-checkout removed it"
    );

    // pre-push: pushing a branch whose ticket is still todo warns (and still pushes).
    let remote = env.dir.path().join("remote.git");
    env.git(&["init", "-q", "--bare", remote.to_str().unwrap()]);
    let out = git(&["push", "-q", remote.to_str().unwrap(), &id]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("still in todo"), "{stderr}");
    assert!(stderr.contains(&id), "{stderr}");
    let out = git(&["push", "-q", remote.to_str().unwrap(), "main"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("todo"));
}

#[test]
fn merge_driver_through_real_git_merge() {
    let env = TestEnv::initialized();
    let run = env
        .git_with_bin(&env.root)
        .args(["ticket", "install-merge-driver"])
        .output()
        .unwrap();
    assert!(run.status.success());
    assert_eq!(env.read(".gitattributes"), "tickets/**/*.md merge=ticket\n");
    let id = env.new_ticket("shared");
    let path = format!("tickets/todo/{id}.md");
    env.commit_all("ticket");
    let git = |args: &[&str]| {
        env.git_via_bin(args);
    };
    let set = |args: &[&str]| env.run(args).ok();
    git(&["checkout", "-q", "-b", "other"]);
    set(&["set", "shared", "priority", "1"]);
    set(&["set", "shared", "related", "--add", "blocks:x"]);
    env.write(
        &path,
        env.read(&path)
            .replace("[Additional notes or remarks]", "Notes from other"),
    );
    git(&["commit", "-q", "-am", "other"]);
    git(&["checkout", "-q", "main"]);
    set(&["set", "shared", "description", "Shared work"]);
    set(&["set", "shared", "related", "--add", "see:y"]);
    env.write(
        &path,
        env.read(&path)
            .replace("[Describe the ticket summary here]", "Summary from main"),
    );
    git(&["commit", "-q", "-am", "main"]);
    git(&["merge", "-q", "--no-edit", "other"]);
    let merged = env.read(&path);
    assert!(merged.contains("priority: 1\n"), "{merged}");
    assert!(merged.contains("description: Shared work\n"), "{merged}");
    assert!(
        merged.contains("related:\n    - see:y\n    - blocks:x\n"),
        "{merged}"
    );
    assert!(
        merged.contains("Summary from main") && merged.contains("Notes from other"),
        "{merged}"
    );
    assert!(!merged.contains("<<<<<<<"));

    // Both sides change the same body line: a conflict, markers only there.
    git(&["checkout", "-q", "-b", "again"]);
    env.write(
        &path,
        env.read(&path).replace("Summary from main", "Summary A"),
    );
    git(&["commit", "-q", "-am", "a"]);
    git(&["checkout", "-q", "main"]);
    env.write(
        &path,
        env.read(&path).replace("Summary from main", "Summary B"),
    );
    git(&["commit", "-q", "-am", "b"]);
    let out = env
        .git_with_bin(&env.root)
        .args(["merge", "-q", "--no-edit", "again"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let merged = env.read(&path);
    assert!(
        merged.contains("<<<<<<< HEAD\nSummary B\n=======\nSummary A\n>>>>>>> again\n"),
        "{merged}"
    );
    assert!(
        merged.starts_with("---\npriority: 1\n"),
        "the header stays valid YAML: {merged}"
    );
}

/// What `git <args>` shows through man (pager: cat), with `manpath` as MANPATH (or none):
/// (stdout, stderr).
fn through_man(
    env: &TestEnv,
    args: &[&str],
    manpath: Option<&std::path::Path>,
) -> (String, String) {
    let mut cmd = env.git_with_bin(&env.root);
    cmd.args(args)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80");
    match manpath {
        Some(p) => cmd.env("MANPATH", p),
        None => cmd.env_remove("MANPATH"),
    };
    let out = cmd.output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn man_pages_through_git_help() {
    let env = TestEnv::new();
    let man = env.dir.path().join("share/man");
    env.run(&["install-man", man.to_str().unwrap()]).ok();
    assert!(man.join("man1/git-ticket.1").is_file());
    assert!(man.join("man1/git-ticket-start.1").is_file());
    for args in [&["ticket", "--help"][..], &["help", "ticket"]] {
        let (text, err) = through_man(&env, args, Some(&man));
        assert!(text.contains("git-ticket-start"), "{args:?}: {text}{err}");
    }
    // The committed pages work from a checkout too.
    let checkout = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/man"));
    let (text, _) = through_man(&env, &["ticket", "--help"], Some(checkout));
    assert!(text.contains("GIT-TICKET"));
}

#[test]
fn bash_completion_through_gits_completion() {
    let git_completion = "/usr/share/bash-completion/completions/git";
    assert!(
        std::path::Path::new(git_completion).exists(),
        "git's bash completion is installed by .ci/run"
    );
    let env = TestEnv::initialized();
    let id = env.new_ticket("complete-me");
    let ours = env.run(&["completion", "bash"]).ok().stdout;
    assert_eq!(
        ours,
        fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/completions/git-ticket"
        ))
        .unwrap()
    );
    let complete = |line: &str| -> Vec<String> {
        let script = format!(
            "source {git_completion}\nsource {}/completions/git-ticket\n\
             COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; read -ra COMP_WORDS <<< \"$COMP_LINE\"\n\
             [[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=('')\n\
             COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
             __git_wrap__git_main\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
            env!("CARGO_MANIFEST_DIR")
        );
        let mut cmd = Command::new("bash");
        env.hermetic(&mut cmd);
        let path = crate::common::path_with_bin();
        let out = cmd
            .env("PATH", path)
            .current_dir(&env.root)
            .args(["--norc", "-c", &script])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| l.trim().to_owned())
            .collect()
    };
    let subs = complete("git ticket st");
    assert!(
        subs.contains(&"start".to_owned()) && subs.contains(&"status".to_owned()),
        "{subs:?}"
    );
    let flags = complete("git ticket list --st");
    assert_eq!(flags, ["--status="], "{flags:?}");
    let ids = complete("git ticket show ");
    assert_eq!(ids, [id], "{ids:?}");
    let statuses = complete("git ticket list --status=d");
    assert!(
        statuses.contains(&"doing".to_owned()) && statuses.contains(&"done".to_owned()),
        "{statuses:?}"
    );
    // git's own completion still works: our file registers nothing for `git`.
    let git_subs = complete("git chec");
    assert!(git_subs.contains(&"checkout".to_owned()), "{git_subs:?}");
}

#[test]
fn install_man_default_is_found_from_path() {
    // Default: <dir of the executable>/../share/man, where man-db looks for the pages of
    // programs on PATH (here target/share/man for target/debug/git-ticket).
    let env = TestEnv::new();
    env.run(&["install-man"]).ok();
    let page = bin()
        .parent()
        .unwrap()
        .join("../share/man/man1/git-ticket.1");
    assert!(page.is_file(), "{}", page.display());
    let (text, err) = through_man(&env, &["ticket", "--help"], None);
    assert!(text.contains("git-ticket-list"), "{text}{err}");
}

#[test]
fn install_hooks_respects_core_hooks_path() {
    let env = TestEnv::initialized();
    env.git(&["config", "core.hooksPath", ".githooks"]);
    env.run(&["install-hooks"]).ok();
    for hook in ["commit-msg", "post-checkout", "pre-push"] {
        let script = env.read(&format!(".githooks/{hook}"));
        assert!(
            script.contains(&format!("git ticket hook {hook}")),
            "{script}"
        );
    }
    assert!(!env.root.join(".git/hooks/commit-msg").exists());
    // Installing again updates our scripts and chains nothing.
    env.run(&["install-hooks"]).ok();
    assert!(
        !env.root
            .join(".githooks/commit-msg.pre-git-ticket")
            .exists()
    );
}

#[test]
fn plumbing_output_changes_only_with_an_explicit_flag() {
    let env = sample();
    let config = env
        .read(".ticketflow.yaml")
        .replace("default_format: text", "default_format: json");
    env.write(".ticketflow.yaml", config);
    env.commit_all("json by default");
    let id = env.run(&["resolve", "alpha"]).ok().stdout;
    assert!(id.trim().ends_with("-alpha"), "resolve printed {id:?}");
    for vars in [&[][..], &[("TICKETFLOW_OUTPUT_FORMAT", "json")][..]] {
        let run = env.run_with(&env.root, vars, &["resolve", "alpha"]).ok();
        assert_eq!(run.stdout, id, "{vars:?}");
        let run = env
            .run_with(&env.root, vars, &["get", "alpha", "priority"])
            .ok();
        assert_eq!(run.stdout, "2\n", "{vars:?}");
        let run = env
            .run_with(&env.root, vars, &["hook", "post-checkout", "a", "b", "1"])
            .ok();
        assert_eq!(run.stdout, "", "a hook printed: {}", run.stdout);
    }
    // Porcelain follows the config; an explicit flag still rules plumbing.
    env.run(&["list"]).ok().json();
    env.run(&["resolve", "alpha", "-o", "json"]).ok().json();
}

#[test]
fn related_links_name_tickets_by_full_id_one_parent_and_fsck_sees_every_dangling_one() {
    let env = sample();
    let beta = env.run(&["resolve", "beta"]).ok().stdout.trim().to_owned();
    let gamma = env.new_ticket("omega");
    env.run(&["set", "alpha", "related", "--add", "parent:beta"])
        .ok();
    env.run(&["set", "alpha", "related", "--add", "blocked-by:omega"])
        .ok();
    let related = env.run(&["get", "alpha", "related"]).ok().stdout;
    assert!(related.contains(&format!("parent:{beta}")), "{related}");
    assert!(
        related.contains(&format!("blocked-by:{gamma}")),
        "{related}"
    );
    let run = env.run(&[
        "set",
        "alpha",
        "related",
        "--add",
        "parent:gamma",
        "-o",
        "json",
    ]);
    assert_eq!(run.status, 2, "{}", run.snapshot());
    assert!(run.stderr.contains("one"), "{}", run.stderr);
    let run = env.run(&[
        "set",
        "alpha",
        "related",
        "--add",
        "parent:nope",
        "-o",
        "json",
    ]);
    assert_eq!(run.error_code(), "TICKET_NOT_FOUND");
    // Hand edits can still leave links to nothing: fsck names each one.
    let path = env
        .run(&["resolve", "--path", "alpha"])
        .ok()
        .stdout
        .trim()
        .replace("[TMP]", env.dir.path().to_str().unwrap());
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "related:\n",
        "related:\n    - parent:250999-000000-ghost\n    - blocks:250999-000000-phantom\n",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let fsck = env.run(&["fsck"]);
    assert!(
        fsck.stdout.contains("dangling-parent") && fsck.stdout.contains("ghost"),
        "{}",
        fsck.stdout
    );
    assert!(
        fsck.stdout.contains("dangling-reference") && fsck.stdout.contains("phantom"),
        "{}",
        fsck.stdout
    );
}
