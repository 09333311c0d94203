//! Generated documentation stays in step with the registry: the README's command table.

use git_ticket::registry::{COMMANDS, Group};

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

#[test]
fn readme_command_table_matches_the_registry() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("<!-- commands:start").expect("start marker");
    let table_start = start + readme[start..].find('\n').unwrap() + 1;
    let end = readme.find("<!-- commands:end -->").expect("end marker");
    assert_eq!(
        &readme[table_start..end],
        expected_table(),
        "README's command table is out of date; paste the expected table above"
    );
}
