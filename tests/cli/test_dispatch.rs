//! Dispatch: through git's own subcommand mechanism, under the name `ticketflow`, help and
//! version, usage errors and their exit codes.

use std::process::Command;

use crate::common::{TestEnv, assert_usage_error, bin};
use crate::snap;

#[test]
fn runs_as_a_git_subcommand() {
    let env = TestEnv::initialized();
    let id = env.new_ticket("via-git");
    env.commit_all("ticket");
    let out = env
        .git_with_bin(&env.root)
        .args(["ticket", "list"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(&id));
    std::fs::create_dir_all(env.root.join("sub")).unwrap();
    let out = env
        .git_with_bin(&env.root)
        .args(["-C", "sub", "ticket", "resolve", "via-git"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), id);
    env.git(&["config", "alias.tl", "ticket list -o json"]);
    let out = env
        .git_with_bin(&env.root)
        .current_dir(env.root.join("sub"))
        .args(["tl"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["tickets"][0]["id"], id.as_str());
    let dir = env.dir.path().join("elsewhere");
    std::fs::create_dir_all(&dir).unwrap();
    let out = env
        .git_with_bin(&env.root)
        .current_dir(&dir)
        .args(["--git-dir", env.root.join(".git").to_str().unwrap()])
        .args([
            "--work-tree",
            env.root.to_str().unwrap(),
            "ticket",
            "resolve",
            "via",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), id, "{out:?}");
}

#[test]
fn behaves_the_same_as_ticketflow() {
    let env = TestEnv::initialized();
    env.new_ticket("same");
    let link = env.dir.path().join("ticketflow");
    std::os::unix::fs::symlink(bin(), &link).unwrap();
    let mut cmd = Command::new(&link);
    env.hermetic(&mut cmd);
    let out = cmd
        .current_dir(&env.root)
        .args(["list", "-o", "json"])
        .output()
        .unwrap();
    let run = env.to_run(out).ok();
    assert_eq!(run.stdout, env.run(&["list", "-o", "json"]).stdout);
}

#[test]
fn help_and_version() {
    let env = TestEnv::new();
    snap!("help_overview", env.run(&["help"]).ok().snapshot());
    snap!("help_all", env.run(&["help", "-a"]).ok().snapshot());
    // Bare `git ticket` without a terminal (DECISIONS "Bare invocation"): the usage on
    // stderr, nothing on stdout, exit 2. On a terminal it opens the UI (tests/cli/test_tui.rs).
    let bare = env.run(&[]);
    assert_eq!(bare.status, 2, "{}", bare.snapshot());
    assert_eq!(bare.stdout, "");
    assert_eq!(bare.stderr, env.run(&["help"]).stdout);
    assert_eq!(env.run(&["-h"]).ok().stdout, env.run(&["help"]).stdout);
    snap!("help_list", env.run(&["help", "ls"]).ok().snapshot());
    let run = env.run(&["list", "--help"]).ok();
    assert!(
        run.stdout.contains("Usage: git ticket list"),
        "{}",
        run.stdout
    );
    assert_eq!(env.run(&["show", "-h"]).status, 0);
    snap!("version_text", env.run(&["version"]).ok().snapshot());
    snap!(
        "version_json",
        env.run(&["--version", "-o", "json"]).ok().snapshot()
    );
    assert_eq!(env.run(&["-v"]).ok().stdout, env.run(&["version"]).stdout);
    let v = env.run(&["help", "-a", "-o", "json"]).ok().json();
    let names: Vec<&str> = v["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    // Every command but the hidden ones (`__complete`, for the completion scripts).
    let registered: Vec<&str> = git_ticket::registry::COMMANDS
        .iter()
        .filter(|c| !c.hidden)
        .map(|c| c.name)
        .collect();
    assert_eq!(names, registered);
    let text = env.run(&["help", "-a"]).ok().stdout;
    assert!(!text.contains("__complete"), "{text}");
}

#[test]
fn workflow_guide() {
    let env = TestEnv::new();
    let run = env.run(&["workflow"]).ok();
    assert!(run.stdout.starts_with("# Working with git-ticket\n"));
    assert_eq!(run.stdout, git_ticket::commands::porcelain::workflow::GUIDE);
}

#[test]
fn usage_errors() {
    let env = TestEnv::initialized();
    let run = env.run(&["lsit"]);
    assert_eq!(run.status, 2);
    snap!("unknown_command", run.snapshot());
    let run = env.run(&["list", "--bogus", "-o", "json"]);
    assert_eq!(run.status, 2);
    snap!("unknown_flag_json", run.snapshot());
    let run = env.run(&["list", "-o", "yaml"]);
    assert_eq!(run.status, 2);
    snap!("invalid_format", run.snapshot());
    // The usage line is the command's, whatever options came before it.
    let run = env.run(&["--no-color", "list", "--bogus"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("\nUsage: git ticket list [OPTIONS]\n"),
        "{}",
        run.stderr
    );
    let run = env.run(&["help", "nope", "-o", "json"]);
    assert_usage_error(&run, "VALIDATION_ERROR");
}

#[test]
fn flags_may_come_anywhere() {
    let env = TestEnv::initialized();
    let a = env.run(&["new", "--format", "json", "one"]).ok().json();
    let b = env.run(&["new", "two", "-ojson"]).ok().json();
    assert!(a["ticket"]["id"].is_string() && b["ticket"]["id"].is_string());
    let run = env.run(&["show", "-o=json", "--", "one"]).ok();
    assert!(run.json()["ticket"]["id"].is_string());
}

#[test]
fn global_options_before_the_command_as_in_git() {
    let env = TestEnv::initialized();
    env.new_ticket("alpha");
    // -o before the command.
    let v = env.run(&["-o", "json", "list"]).ok().json();
    assert_eq!(v["tickets"].as_array().unwrap().len(), 1);
    env.run(&["--format=json", "list"]).ok().json();
    // -C like git's: from outside the repository, relative folders composed.
    let outside = env.dir.path();
    let run = env
        .run_in(outside, &["-C", "repo", "list", "-o", "json"])
        .ok();
    assert_eq!(run.json()["tickets"].as_array().unwrap().len(), 1);
    env.run_in(outside, &["-C", ".", "-C", "repo", "-o", "json", "status"])
        .ok()
        .json();
    // Mistakes say what is wrong, with a full stop.
    let run = env.run_in(outside, &["-C", "nowhere", "list"]);
    assert_eq!(run.status, 2, "{}", run.snapshot());
    assert!(run.stderr.contains("cannot change to"), "{}", run.stderr);
    let run = env.run(&["--bogus", "list"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("unknown option '--bogus' before the command."),
        "{}",
        run.stderr
    );
    let run = env.run(&["nope"]);
    assert!(
        run.stderr
            .contains("'nope' is not a git-ticket command. See"),
        "{}",
        run.stderr
    );
}
