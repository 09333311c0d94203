//! Generated documentation: man pages (`man/man1/`) and shell completions (`completions/`),
//! all from the registry. The committed files are checked against these generators by
//! `tests/cli/test_docs.rs`; regenerate with `GIT_TICKET_BLESS=1 cargo test --test cli docs`.

use std::fmt::Write as _;

use clap_complete::Shell;

use crate::commands::{Spec, cli};

/// Every man page: `git-ticket.1` and `git-ticket-<command>.1`, as (file name, contents).
pub fn man_pages(commands: &[Spec]) -> Vec<(String, Vec<u8>)> {
    let source = format!("git-ticket {}", env!("CARGO_PKG_VERSION"));
    let render = |cmd: clap::Command, title: &str| {
        let mut out = Vec::new();
        clap_mangen::Man::new(cmd)
            .title(title.to_uppercase())
            .section("1")
            .source(source.clone())
            .manual("Git Manual")
            .render(&mut out)
            .expect("rendering to memory cannot fail");
        out
    };
    let mut pages = vec![(
        "git-ticket.1".to_owned(),
        render(cli(commands), "git-ticket"),
    )];
    for spec in commands {
        let name = format!("git-ticket-{}", spec.name);
        let cmd = spec
            .command_with_globals()
            .name(name.clone())
            .bin_name(format!("git ticket {}", spec.name));
        pages.push((format!("{name}.1"), render(cmd, &name)));
    }
    pages
}

/// The completion files: (file name, contents) for bash, zsh and fish.
pub fn completions(commands: &[Spec]) -> Vec<(String, String)> {
    let static_for = |shell: Shell| {
        let mut out = Vec::new();
        let mut cmd = cli(commands);
        clap_complete::generate(shell, &mut cmd, "git-ticket", &mut out);
        String::from_utf8(out).expect("completion scripts are UTF-8")
    };
    vec![
        ("git-ticket".to_owned(), bash(commands)),
        ("_git-ticket".to_owned(), static_for(Shell::Zsh)),
        ("git-ticket.fish".to_owned(), static_for(Shell::Fish)),
    ]
}

fn long_flags(spec: &Spec) -> Vec<String> {
    let cmd = spec.command_with_globals();
    let mut flags: Vec<String> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| {
            let long = a.get_long()?;
            // A flag whose value is optional (pflag's booleans) completes as a flag.
            let takes_value = a.get_action().takes_values()
                && a.get_num_args().is_none_or(|n| n.min_values() > 0);
            Some(format!("--{long}{}", if takes_value { "=" } else { "" }))
        })
        .collect();
    flags.push("--help".to_owned());
    flags.sort();
    flags.dedup();
    flags
}

/// Bash: a `_git_ticket` function that git's own completion calls for `git ticket <TAB>`.
/// It never registers completion for `git` itself.
fn bash(commands: &[Spec]) -> String {
    let names: Vec<&str> = commands
        .iter()
        .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
        .collect();
    let mut s = String::new();
    s.push_str(
        "# bash completion for git-ticket. Generated from the registry; do not edit.\n\
         # git's completion calls _git_ticket for `git ticket <TAB>`. Install as\n\
         # ~/.local/share/bash-completion/completions/git-ticket\n\n",
    );
    s.push_str("_git_ticket ()\n{\n");
    let _ = writeln!(s, "\tlocal subcommands=\"{}\"", names.join(" "));
    s.push_str(
        "\tlocal subcommand=\"$(__git_find_on_cmdline \"$subcommands\")\"\n\
         \tif [ -z \"$subcommand\" ]; then\n\
         \t\t__gitcomp \"$subcommands --version --help\"\n\
         \t\treturn\n\
         \tfi\n\
         \tcase \"$prev\" in\n\
         \t-s|--status) __gitcomp \"todo doing done all\"; return ;;\n\
         \t-o|--format) __gitcomp \"text json\"; return ;;\n\
         \tesac\n\
         \tcase \"$cur\" in\n\
         \t--status=*) __gitcomp \"todo doing done all\" \"\" \"${cur##--status=}\"; return ;;\n\
         \t--format=*) __gitcomp \"text json\" \"\" \"${cur##--format=}\"; return ;;\n\
         \tesac\n\
         \tcase \"$subcommand,$cur\" in\n",
    );
    for spec in commands {
        let mut pattern = spec.name.to_owned();
        for a in spec.aliases {
            pattern.push_str(&format!(",--*|{a}"));
        }
        let _ = writeln!(
            s,
            "\t{pattern},--*) __gitcomp \"{}\" ;;",
            long_flags(spec).join(" ")
        );
    }
    let takes_ticket: Vec<String> = commands
        .iter()
        .filter(|c| {
            c.command()
                .get_positionals()
                .next()
                .and_then(|a| a.get_value_names()?.first().map(|n| n == "TICKET"))
                .unwrap_or(false)
        })
        .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
        .map(|n| format!("{n},*"))
        .collect();
    s.push_str("\thelp,*) __gitcomp \"$subcommands\" ;;\n");
    let _ = writeln!(
        s,
        "\t{}) __gitcomp_nl \"$(git ticket for-each-ticket --format='%(id)' 2>/dev/null)\" ;;",
        takes_ticket.join("|")
    );
    s.push_str("\tesac\n}\n");
    s
}
