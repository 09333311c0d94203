//! Set-up on a fresh machine: the README's test command is one script that installs (or
//! names) the tools the tests drive, CI runs that same command, and a test that needs a
//! missing tool is skipped with a notice outside CI and fails with `CI=true`.

use std::path::Path;
use std::process::Command;

use crate::common::TOOLS;

fn repo_file(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

#[test]
fn setup_readme_test_command_is_the_script_ci_runs() {
    let readme = repo_file("README.md");
    let setup = &readme[readme.find("## Set-up").unwrap()..];
    let setup = &setup[..setup[3..].find("\n## ").unwrap()];
    assert!(setup.contains("```sh\nscripts/test.sh\n```"), "{setup}");
    let ci = repo_file(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == "scripts/test.sh"),
        ".ci/run must run the README's test command:\n{ci}"
    );
    let test = repo_file("scripts/test.sh");
    assert!(test.contains("scripts/install-test-deps.sh"), "{test}");
    // The script installs every package of the tools the tests check for.
    let deps = repo_file("scripts/install-test-deps.sh");
    for (name, probe, package) in TOOLS {
        assert!(
            deps.contains(&format!("missing+=({package})")) && deps.contains(probe),
            "scripts/install-test-deps.sh does not install {package} ({name}, {probe})"
        );
    }
}

/// The dependency script without installing (`GIT_TICKET_TEST_DEPS=check`), on a PATH where
/// valgrind is missing: a notice outside CI, a failure with CI=true.
#[test]
fn setup_missing_tool_is_named_and_fails_only_in_ci() {
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("PATH").unwrap();
    for tool in [
        "bash", "cargo", "cc", "git", "man", "zsh", "fish", "sort", "id", "env",
    ] {
        if let Some(found) = std::env::split_paths(&path)
            .map(|d| d.join(tool))
            .find(|p| p.is_file())
        {
            std::os::unix::fs::symlink(found, dir.path().join(tool)).unwrap();
        }
    }
    let run = |ci: Option<&str>| {
        let mut cmd = Command::new(dir.path().join("bash"));
        cmd.arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/install-test-deps.sh"
        ))
        .env("PATH", dir.path())
        .env("GIT_TICKET_TEST_DEPS", "check")
        .env_remove("CI");
        if let Some(ci) = ci {
            cmd.env("CI", ci);
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(None);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("install-test-deps: missing "), "{stderr}");
    assert!(stderr.contains("valgrind"), "{stderr}");
    assert!(stderr.contains("skipped"), "{stderr}");
    assert!(stderr.contains("apt-get install "), "{stderr}");
    let (code, stderr) = run(Some("true"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("CI=true and missing: "), "{stderr}");
    assert!(stderr.contains("valgrind"), "{stderr}");
}
