//! Generated documentation stays in step with the code: the README's command table and
//! environment list, man pages, completions.

use git_ticket::commands::Group;
use git_ticket::registry::COMMANDS;

/// The README table as the registry says it should be.
fn expected_table() -> String {
    let mut s = String::from("| command | group | summary |\n|---|---|---|\n");
    for c in COMMANDS {
        let aliases: Vec<String> = c.aliases.iter().map(|a| format!("`{a}`")).collect();
        let name = if aliases.is_empty() {
            format!("`{}`", c.name)
        } else {
            format!("`{}` ({})", c.name, aliases.join(", "))
        };
        let group = match c.group {
            Group::Porcelain => "porcelain",
            Group::Plumbing => "plumbing",
        };
        s.push_str(&format!("| {name} | {group} | {} |\n", c.summary));
    }
    s
}

/// Checks the README's generated section between `<!-- <name>:start … -->` and
/// `<!-- <name>:end -->` against `expected`; `GIT_TICKET_BLESS=1` rewrites it.
fn check_readme_section(name: &str, expected: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(&format!("<!-- {name}:start"))
        .expect("start marker");
    let body = start + readme[start..].find('\n').unwrap() + 1;
    let end = readme
        .find(&format!("<!-- {name}:end -->"))
        .expect("end marker");
    if std::env::var_os("GIT_TICKET_BLESS").is_some() {
        let updated = format!("{}{expected}{}", &readme[..body], &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[body..end],
        expected,
        "README's {name} section is out of date; run GIT_TICKET_BLESS=1 cargo test --test cli docs"
    );
}

#[test]
fn docs_readme_command_table_matches_the_registry() {
    check_readme_section("commands", &expected_table());
}

/// The README's list of environment variables, from `env::VARIABLES`.
fn expected_environment() -> String {
    git_ticket::env::VARIABLES
        .iter()
        .map(|v| format!("* `{}` — {}\n", v.name, v.meaning))
        .collect()
}

#[test]
fn docs_readme_environment_matches_the_code() {
    check_readme_section("environment", &expected_environment());
}

/// Compares generated files with the committed ones; `GIT_TICKET_BLESS=1` rewrites them.
fn check_generated(dir: &str, files: Vec<(String, Vec<u8>)>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let bless = std::env::var_os("GIT_TICKET_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for (name, contents) in &files {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, contents).unwrap();
        } else if std::fs::read(&path).ok().as_ref() != Some(contents) {
            stale.push(name.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "{} out of date: {stale:?}; run GIT_TICKET_BLESS=1 cargo test --test cli docs",
        dir.display()
    );
    let committed = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        committed,
        files.len(),
        "{} has files the registry does not generate",
        dir.display()
    );
}

#[test]
fn docs_man_pages_match_the_registry() {
    check_generated("man/man1", git_ticket::docs::man_pages(COMMANDS));
}

#[test]
fn docs_completions_match_the_registry() {
    let files = git_ticket::docs::completions(COMMANDS)
        .into_iter()
        .map(|(n, c)| (n, c.into_bytes()))
        .collect();
    check_generated("completions", files);
}

#[test]
fn man_page_renders_with_man() {
    // man-db is installed by .ci/run.
    let out = std::process::Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/man/man1/git-ticket-list.1"
        ))
        .env("MANWIDTH", "80")
        .output()
        .expect("man (man-db) must be installed");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("--status"), "{text}");
}
