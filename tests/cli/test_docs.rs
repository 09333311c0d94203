//! Generated documentation stays in step with the code: the README's command table and
//! environment list, man pages, completions.

use git_ticket::commands::Group;
use git_ticket::registry::COMMANDS;

/// The README table as the registry says it should be.
fn expected_table() -> String {
    let mut s = String::from("| command | group | summary |\n|---|---|---|\n");
    for c in COMMANDS.iter().filter(|c| !c.hidden) {
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

/// Checks the README's generated section between `<!-- {marker}:start…` and
/// `<!-- {marker}:end -->` against `expected`; `GIT_TICKET_BLESS=1` rewrites it.
fn check_readme_section(marker: &str, expected: &str, what: &str) {
    // The README is one file for several tests: with GIT_TICKET_BLESS, one rewriting it
    // while another reads it lost sections; one at a time.
    static README: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = README.lock().unwrap_or_else(|e| e.into_inner());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(&format!("<!-- {marker}:start"))
        .expect("start marker");
    let body = start + readme[start..].find('\n').unwrap() + 1;
    let end = readme
        .find(&format!("<!-- {marker}:end -->"))
        .expect("end marker");
    if std::env::var_os("GIT_TICKET_BLESS").is_some() {
        let updated = format!("{}{expected}{}", &readme[..body], &readme[end..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[body..end],
        expected,
        "README's {what} is out of date; run GIT_TICKET_BLESS=1 cargo test --test cli docs"
    );
}

#[test]
fn docs_readme_command_table_matches_the_registry() {
    check_readme_section("commands", &expected_table(), "command table");
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
    check_readme_section("environment", &expected_environment(), "environment list");
}

#[test]
fn docs_readme_tui_keys_match_the_key_table() {
    check_readme_section("tui-keys", &git_ticket::tui::keys::markdown(), "key list");
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
fn docs_man_pages_have_examples_environment_files_exit_status_see_also() {
    let pages = git_ticket::docs::man_pages(COMMANDS);
    assert_eq!(
        pages.len(),
        1 + COMMANDS.iter().filter(|c| !c.hidden).count()
    );
    for (name, page) in &pages {
        let page = String::from_utf8_lossy(page);
        let headings: Vec<&str> = page
            .lines()
            .filter_map(|l| l.strip_prefix(".SH "))
            .map(|h| h.trim_matches('"'))
            .collect();
        for wanted in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "EXIT STATUS",
            "ENVIRONMENT",
            "FILES",
            "EXAMPLES",
            "SEE ALSO",
        ] {
            assert!(
                headings.contains(&wanted),
                "{name}: no {wanted} in {headings:?}"
            );
        }
        assert!(!headings.contains(&"EXTRA"), "{name}: {headings:?}");
        let see_also = page.split(".SH \"SEE ALSO\"").nth(1).unwrap();
        assert!(see_also.contains("\\fBgit\\fR(1)"), "{name}: {see_also}");
        if name != "git-ticket.1" {
            assert!(
                see_also.contains("\\fBgit\\-ticket\\fR(1)"),
                "{name}: {see_also}"
            );
        }
    }
    // Every example the registry declares is on its command's page, and the pages of the
    // other commands it uses are in SEE ALSO.
    let start = pages
        .iter()
        .find(|(n, _)| n == "git-ticket-start.1")
        .unwrap();
    let start = String::from_utf8_lossy(&start.1);
    assert!(
        start.contains("\\fBgit ticket start fix\\-login\\-timeout\\fR"),
        "{start}"
    );
    assert!(start.contains("\\fBgit\\-worktree\\fR(1)"), "{start}");
    let get = pages.iter().find(|(n, _)| n == "git-ticket-get.1").unwrap();
    let get = String::from_utf8_lossy(&get.1);
    assert!(get.contains("\\fBgit\\-ticket\\-current\\fR(1)"), "{get}");
    // EXIT STATUS names 0, 1 and 2, and the commands that exit 1 after running say when.
    let fsck = pages
        .iter()
        .find(|(n, _)| n == "git-ticket-fsck.1")
        .unwrap();
    let fsck = String::from_utf8_lossy(&fsck.1);
    let exit = fsck.split(".SH \"EXIT STATUS\"").nth(1).unwrap();
    let exit = &exit[..exit.find(".SH ").unwrap()];
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR", "problems are found"] {
        assert!(exit.contains(code), "{exit}");
    }
}

/// Every variable `src/env.rs` reads is in its `VARIABLES` table (the man pages'
/// ENVIRONMENT), and the table names each variable once.
#[test]
fn docs_environment_names_every_variable_read() {
    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/env.rs")).unwrap();
    // The code that reads them: the file without its comments and the table itself.
    let table = source.find("pub const VARIABLES").unwrap();
    let table_end = table + source[table..].find("\n];").unwrap();
    let code: String = format!("{}{}", &source[..table], &source[table_end..])
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    let documented: Vec<&str> = git_ticket::env::VARIABLES
        .iter()
        .flat_map(|v| v.name.split(", "))
        .collect();
    let mut seen = documented.clone();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen.len(),
        documented.len(),
        "a variable is listed twice: {documented:?}"
    );
    let mut read = Vec::new();
    for (i, part) in code.split('"').enumerate() {
        let name_like = !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && part.len() > 1;
        if i % 2 == 1 && name_like {
            read.push(part);
        }
    }
    assert!(
        read.contains(&"TICKETFLOW_OUTPUT_FORMAT") && read.contains(&"TZ"),
        "{read:?}"
    );
    let missing: Vec<&&str> = read.iter().filter(|n| !documented.contains(n)).collect();
    assert!(
        missing.is_empty(),
        "read but not in env::VARIABLES: {missing:?}"
    );
}

#[test]
fn man_page_renders_with_man() {
    if !crate::common::require_tool("man") {
        return;
    }
    let out = std::process::Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/man/man1/git-ticket-list.1"
        ))
        .env("MANWIDTH", "80")
        .output()
        .expect("man runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("--status"), "{text}");
    // git-ticket's sections render as sections, the examples as commands.
    for heading in [
        "\nEXIT STATUS\n",
        "\nENVIRONMENT\n",
        "\nFILES\n",
        "\nEXAMPLES\n",
        "\nSEE ALSO\n",
    ] {
        assert!(text.contains(heading), "{heading:?} in:\n{text}");
    }
    assert!(!text.contains("EXTRA"), "{text}");
    assert!(
        text.contains("       git ticket ls --status done --count 0\n"),
        "{text}"
    );
    assert!(text.contains("Aliases: ls"), "{text}");
    assert!(text.contains("git-ticket(1), git(1)"), "{text}");
}
