//! `init`: exact config bytes, folders, .gitignore, idempotence, errors outside a repository.

use std::fs;

use crate::common::{TestEnv, assert_error};
use crate::snap;

#[test]
fn init_writes_ticketflow_default_config_and_gitignore() {
    let env = TestEnv::new();
    let run = env.run(&["init"]).ok();
    snap!("init_text", run.snapshot());
    let config = env.read(".ticketflow.yaml");
    assert_eq!(config, git_ticket::config::DEFAULT_YAML);
    assert_eq!(config.len(), 613);
    for d in ["todo", "doing", "done"] {
        assert!(env.root.join("tickets").join(d).is_dir(), "{d} missing");
        // The placeholder that keeps the folder in git: empty.
        assert_eq!(env.read(&format!("tickets/{d}/.gitkeep")), "", "{d}");
    }
    assert_eq!(
        env.read(".gitignore"),
        "\n# TicketFlow\ncurrent-ticket.md\n.worktrees/\n"
    );
    // Nothing is committed or staged.
    assert_eq!(
        env.git(&["status", "--porcelain", "--untracked-files=no"]),
        ""
    );
}

#[test]
fn init_appends_to_an_existing_gitignore_once() {
    let env = TestEnv::new();
    env.write(".gitignore", "target/\n");
    env.run(&["init"]).ok();
    assert_eq!(
        env.read(".gitignore"),
        "target/\n\n# TicketFlow\ncurrent-ticket.md\n.worktrees/\n"
    );
    fs::remove_file(env.root.join(".ticketflow.yaml")).unwrap();
    env.run(&["init"]).ok();
    assert_eq!(
        env.read(".gitignore").matches("current-ticket.md").count(),
        1
    );
}

#[test]
fn init_twice_changes_nothing() {
    let env = TestEnv::new();
    env.write(".ticketflow.yaml", "not: [valid");
    let run = env.run(&["init", "-o", "json"]).ok();
    let v = run.json();
    assert_eq!(v["initialized"], false);
    assert_eq!(env.read(".ticketflow.yaml"), "not: [valid");
    assert!(!env.root.join("tickets").exists());
}

#[test]
fn init_from_a_subfolder_initializes_the_root() {
    let env = TestEnv::new();
    let sub = env.root.join("src/deep");
    fs::create_dir_all(&sub).unwrap();
    env.run_in(&sub, &["init"]).ok();
    assert!(env.root.join(".ticketflow.yaml").is_file());
    assert!(!sub.join(".ticketflow.yaml").exists());
}

#[test]
fn outside_a_repository_is_a_clear_error() {
    let env = TestEnv::new();
    let outside = env.dir.path().join("elsewhere");
    fs::create_dir_all(&outside).unwrap();
    let run = env.run_in(&outside, &["init"]);
    assert_eq!(run.status, 1);
    snap!("init_not_a_repo", run.snapshot());
    let run = env.run_in(&outside, &["list", "--format", "json"]);
    assert_error(&run, "NOT_GIT_REPO");
    assert_eq!(run.stdout, "");
}

#[test]
fn missing_config_says_to_run_init() {
    let env = TestEnv::new();
    let run = env.run(&["list"]);
    assert_eq!(run.status, 1);
    snap!("list_without_config", run.snapshot());
}

#[test]
fn invalid_config_names_file_line_and_key() {
    let env = TestEnv::initialized();
    let config = env
        .read(".ticketflow.yaml")
        .replace("default_format: text", "default_format: yaml");
    env.write(".ticketflow.yaml", config);
    let run = env.run(&["list"]);
    assert_eq!(run.status, 1);
    snap!("config_invalid_text", run.snapshot());
    let run = env.run(&["list", "-o", "json"]);
    assert_error(&run, "CONFIG_INVALID");
    let err = run.json_err();
    let details = err["error"]["details"].as_str().unwrap();
    assert!(
        details.ends_with(
            ".ticketflow.yaml:31: output.default_format: must be \"text\" or \"json\", not \"yaml\""
        ),
        "{details}"
    );
}

#[test]
fn partial_config_takes_defaults() {
    let env = TestEnv::initialized();
    env.write(".ticketflow.yaml", "git:\n  default_branch: trunk\n");
    let id = env.new_ticket("partial");
    assert!(env.root.join(format!("tickets/todo/{id}.md")).is_file());
    let body = env.read(&format!("tickets/todo/{id}.md"));
    assert!(body.ends_with(git_ticket::config::DEFAULT_TEMPLATE));
}

#[test]
fn placeholders_are_not_tickets() {
    let env = TestEnv::initialized();
    assert_eq!(
        env.git(&["ls-files", "tickets"]),
        "tickets/doing/.gitkeep\ntickets/done/.gitkeep\ntickets/todo/.gitkeep\n"
    );
    let id = env.new_ticket("only-one");
    let v = env
        .run(&["list", "--status", "all", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["tickets"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["tickets"][0]["id"], id.as_str());
    assert_eq!(v["summary"]["total"], 1, "{v}");
    let run = env.run(&["list", "--status", "all"]).ok();
    assert_eq!(run.stderr, "", "no warning about the placeholders");
    let v = env.run(&["status", "-o", "json"]).ok().json();
    assert_eq!(v["summary"]["total"], 1, "{v}");
    assert_eq!(
        env.run(&["for-each-ticket", "--format=%(id)"]).ok().stdout,
        format!("{id}\n")
    );
    assert_eq!(env.run(&["resolve", "gitkeep"]).status, 1);
    assert_eq!(env.run(&["fsck"]).ok().stdout, "");
}

#[test]
fn init_writes_the_repository_s_own_default_branch() {
    for (setup, expected) in [
        (&["init", "-q", "-b", "master"][..], "master"),
        (&["init", "-q", "-b", "trunk"][..], "trunk"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let env = TestEnv::new();
        let root = dir.path().join("r");
        fs::create_dir_all(&root).unwrap();
        env.git_in(&root, setup);
        env.run_in(&root, &["init"]).ok();
        let config = fs::read_to_string(root.join(".ticketflow.yaml")).unwrap();
        assert!(
            config.contains(&format!("    default_branch: {expected}\n")),
            "{config}"
        );
        // The rest is TicketFlow's default, byte for byte.
        assert_eq!(
            config.replace(
                &format!("default_branch: {expected}"),
                "default_branch: main"
            ),
            git_ticket::config::DEFAULT_YAML
        );
        let v = env.run_in(&root, &["new", "x", "-o", "json"]).ok().json();
        assert!(v["ticket"]["id"].is_string());
    }
}

#[test]
fn init_trusts_the_config_it_writes_and_the_guide_says_the_real_default() {
    let env = TestEnv::initialized();
    env.run(&["trust", "--check"]).ok();
    let id = env.new_ticket("first");
    env.commit_all("ticket");
    let run = env.run(&["start", &id]).ok();
    assert!(!run.stderr.contains("not trusted"), "{}", run.stderr);
    // The guide's configuration is what a missing key means.
    let guide = env.run(&["workflow"]).ok().stdout;
    assert!(guide.contains("- git fetch origin"), "{guide}");
    let defaults = git_ticket::config::Config::default();
    assert_eq!(defaults.worktree.init_commands, ["git fetch origin"]);
    // An edited config is not trusted until trusted again.
    let config = env
        .read(".ticketflow.yaml")
        .replace("git fetch origin", "make setup");
    env.write(".ticketflow.yaml", config);
    assert_eq!(env.run(&["trust", "--check"]).status, 1);
}
