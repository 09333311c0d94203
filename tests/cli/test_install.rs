//! Taking out what the install commands put in: `install-hooks --uninstall` and
//! `install-merge-driver --uninstall` remove only git-ticket's own hooks, lines and config,
//! put back what was there before, and can be run again.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use crate::common::TestEnv;

fn write_hook(env: &TestEnv, rel: &str, body: &str) {
    let path = env.write(rel, body);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn install_hooks_uninstall_removes_its_hooks_and_restores_the_previous_one() {
    let env = TestEnv::initialized();
    let mine = "#!/bin/sh\necho \"$1\" >> my-hook.log\n";
    write_hook(&env, ".git/hooks/commit-msg", mine);
    env.run(&["install-hooks"]).ok();
    assert_eq!(env.read(".git/hooks/commit-msg.pre-git-ticket"), mine);
    assert!(
        env.read(".git/hooks/post-checkout")
            .contains("git ticket hook")
    );

    let run = env.run(&["install-hooks", "--uninstall"]).ok();
    assert!(
        run.stdout
            .contains("commit-msg: removed (the hook that was there before is back)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("post-checkout: removed at "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("pre-push: removed at "),
        "{}",
        run.stdout
    );
    let hooks = env.root.join(".git/hooks");
    assert_eq!(env.read(".git/hooks/commit-msg"), mine);
    let mode = fs::metadata(hooks.join("commit-msg"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o111, 0o111, "the restored hook is still executable");
    assert!(!hooks.join("commit-msg.pre-git-ticket").exists());
    assert!(!hooks.join("post-checkout").exists());
    assert!(!hooks.join("pre-push").exists());
    // git's sample hooks are not git-ticket's: untouched.
    assert!(hooks.join("pre-commit.sample").exists());
    // The restored hook runs again on commit, and git-ticket's does not.
    env.write("f.txt", "f");
    env.git(&["add", "f.txt"]);
    env.git(&["commit", "-q", "-m", "after uninstall"]);
    assert!(env.root.join("my-hook.log").exists());
    let msg = env.git(&["log", "-1", "--format=%B"]);
    assert!(!msg.contains("Ticket:"), "{msg}");

    // Again: nothing of git-ticket's is left, and nothing changes.
    let run = env
        .run(&["install-hooks", "--uninstall", "-o", "json"])
        .ok();
    let json = run.json();
    let results: Vec<&str> = json["hooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["result"].as_str().unwrap())
        .collect();
    assert_eq!(
        results,
        [
            "not git-ticket's, left as it is",
            "not installed",
            "not installed"
        ]
    );
    assert_eq!(env.read(".git/hooks/commit-msg"), mine);
}

#[test]
fn install_hooks_uninstall_leaves_other_hooks_and_finishes_an_interrupted_run() {
    let env = TestEnv::initialized();
    env.git(&["config", "core.hooksPath", ".githooks"]);
    let before = "#!/bin/sh\nexit 0\n";
    write_hook(&env, ".githooks/pre-push", before);
    env.run(&["install-hooks"]).ok();
    // The user replaced git-ticket's post-checkout with a hook of their own.
    let theirs = "#!/bin/sh\necho theirs\n";
    write_hook(&env, ".githooks/post-checkout", theirs);
    // An uninstall interrupted after removing git-ticket's pre-push, before renaming the kept
    // one back.
    fs::remove_file(env.root.join(".githooks/pre-push")).unwrap();

    let run = env.run(&["install-hooks", "--uninstall"]).ok();
    assert!(
        run.stdout
            .contains("post-checkout: not git-ticket's, left as it is"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("pre-push: removed (the hook that was there before is back)"),
        "{}",
        run.stdout
    );
    assert_eq!(env.read(".githooks/post-checkout"), theirs);
    assert_eq!(env.read(".githooks/pre-push"), before);
    assert!(!env.root.join(".githooks/commit-msg").exists());
    assert!(!env.root.join(".githooks/pre-push.pre-git-ticket").exists());
}

#[test]
fn install_merge_driver_uninstall_removes_its_line_and_config_only() {
    let env = TestEnv::initialized();
    let before = "*.png binary\n# keep this comment\n";
    env.write(".gitattributes", before);
    env.git(&["config", "merge.other.driver", "true"]);
    env.run(&["install-merge-driver"]).ok();
    env.write(
        ".gitattributes",
        format!("{}docs/*.md diff=markdown\n", env.read(".gitattributes")),
    );
    assert_eq!(
        env.git(&["check-attr", "merge", "--", "tickets/todo/x.md"])
            .trim(),
        "tickets/todo/x.md: merge: ticket"
    );

    let run = env.run(&["install-merge-driver", "--uninstall"]).ok();
    assert_eq!(
        run.stdout,
        "Removed from .gitattributes: tickets/**/*.md merge=ticket (commit it to share the change)\n\
         Removed merge.ticket from this repository's config\n"
    );
    assert_eq!(
        env.read(".gitattributes"),
        "*.png binary\n# keep this comment\ndocs/*.md diff=markdown\n"
    );
    assert_eq!(
        env.git(&["check-attr", "merge", "--", "tickets/todo/x.md"])
            .trim(),
        "tickets/todo/x.md: merge: unspecified"
    );
    let config = env.read(".git/config");
    assert!(!config.contains("ticket"), "{config}");
    assert!(config.contains("[merge \"other\"]"), "{config}");

    // Again: nothing to remove, nothing changed, success.
    let run = env
        .run(&["install-merge-driver", "--uninstall", "-o", "json"])
        .ok();
    let json = run.json();
    assert_eq!(json["gitattributes_removed"], false);
    assert_eq!(json["config_removed"], false);
    assert_eq!(
        env.read(".gitattributes"),
        "*.png binary\n# keep this comment\ndocs/*.md diff=markdown\n"
    );
}

#[test]
fn install_merge_driver_uninstall_removes_the_file_it_created() {
    let env = TestEnv::initialized();
    env.run(&["install-merge-driver"]).ok();
    assert_eq!(env.read(".gitattributes"), "tickets/**/*.md merge=ticket\n");
    let run = env.run(&["install-merge-driver", "--uninstall"]).ok();
    assert!(run.stdout.starts_with("Removed "), "{}", run.stdout);
    assert!(!env.root.join(".gitattributes").exists());
    let run = env.run(&["install-merge-driver", "--uninstall"]).ok();
    assert!(
        run.stdout
            .starts_with(".gitattributes does not have: tickets/**/*.md merge=ticket"),
        "{}",
        run.stdout
    );
}
