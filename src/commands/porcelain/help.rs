//! `git ticket help [-a] [<command>]`: the command overview, grouped like `git help -a`, or
//! one command's help. Everything comes from the registry.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::commands::Ctx;
use crate::commands::{Command, Group, Spec, find};
use crate::error::Error;
use crate::output::{Outcome, Style, Ui, pad, write_json};

/// Show help for git-ticket or one of its commands.
///
/// Without arguments, lists the common commands; with -a, every command grouped into
/// porcelain and plumbing; with a command name, that command's options (the same as
/// `git ticket <command> --help`; `git ticket --help` opens the man page through git).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// List every command, porcelain and plumbing
    #[arg(short, long)]
    all: bool,
    /// The command to describe
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
}

/// The `help` command.
pub struct Help;

impl Command for Help {
    const NAME: &'static str = "help";
    const SUMMARY: &'static str = "Show help for git-ticket or one of its commands";
    const GROUP: Group = Group::Porcelain;
    const PAGED: bool = true;
    const READS_CONFIG: bool = false;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let commands = ctx.commands;
        let page = match args.command {
            Some(name) => match find(commands, &name) {
                Some(spec) => Page::Command(spec),
                None => return Err(unknown_command(commands, &name)),
            },
            None if args.all => Page::All,
            None => Page::Overview,
        };
        Ok(Box::new(HelpPage { commands, page }))
    }
}

/// The error for a command name that is not registered, with the closest names.
pub fn unknown_command(commands: &[Spec], name: &str) -> Error {
    let close: Vec<&str> = commands
        .iter()
        .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
        .filter(|c| {
            let limit = if name.len() <= 4 { 1 } else { 2 };
            edit_distance(c, name) <= limit || (name.len() >= 2 && c.starts_with(name))
        })
        .collect();
    let hint = match close.as_slice() {
        [] => ".".to_owned(),
        [one] => format!("; did you mean '{one}'?"),
        many => format!("; did you mean one of: {}?", many.join(", ")),
    };
    Error::Usage(format!(
        "'{name}' is not a git-ticket command{hint} See 'git ticket help -a'."
    ))
}

/// Optimal string alignment distance (a swap of two neighbours counts as one edit).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// What `help` prints, from the registered commands.
pub struct HelpPage {
    commands: &'static [Spec],
    page: Page,
}

/// Which page.
enum Page {
    /// Common commands.
    Overview,
    /// Every command, grouped.
    All,
    /// One command's options.
    Command(&'static Spec),
}

fn command_json(c: &Spec) -> Value {
    json!({
        "aliases": c.aliases,
        "group": match c.group { Group::Porcelain => "porcelain", Group::Plumbing => "plumbing" },
        "name": c.name,
        "summary": c.summary,
    })
}

fn write_group(out: &mut Ui<'_>, commands: &[Spec], group: Group, width: usize) -> io::Result<()> {
    for c in commands.iter().filter(|c| c.group == group) {
        let mut name = c.name.to_owned();
        for a in c.aliases {
            name.push_str(", ");
            name.push_str(a);
        }
        writeln!(out.w, "   {}{}", pad(&name, width), c.summary)?;
    }
    Ok(())
}

impl Outcome for HelpPage {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let width = self
            .commands
            .iter()
            .map(|c| c.name.len() + c.aliases.iter().map(|a| a.len() + 2).sum::<usize>())
            .max()
            .unwrap_or(0)
            + 3;
        match &self.page {
            Page::Overview => {
                writeln!(out.w, "usage: git ticket <command> [<args>]")?;
                writeln!(out.w)?;
                writeln!(
                    out.w,
                    "Local-first, git-native tickets: Markdown files in tickets/todo, doing and done."
                )?;
                writeln!(out.w)?;
                out.styled(Style::Bold, "These are the common git-ticket commands:")?;
                writeln!(out.w)?;
                write_group(out, self.commands, Group::Porcelain, width)?;
                writeln!(out.w)?;
                writeln!(
                    out.w,
                    "'git ticket help -a' lists every command, porcelain and plumbing."
                )?;
                writeln!(
                    out.w,
                    "'git ticket help <command>' or 'git ticket <command> -h' shows a command's options."
                )
            }
            Page::All => {
                writeln!(
                    out.w,
                    "See 'git ticket help <command>' to read about a specific subcommand"
                )?;
                for group in [Group::Porcelain, Group::Plumbing] {
                    writeln!(out.w)?;
                    out.styled(Style::Bold, group.heading())?;
                    writeln!(out.w)?;
                    write_group(out, self.commands, group, width)?;
                }
                Ok(())
            }
            Page::Command(spec) => {
                write!(out.w, "{}", spec.command_with_globals().render_long_help())
            }
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        match &self.page {
            Page::Overview | Page::All => {
                let commands: Vec<Value> = self
                    .commands
                    .iter()
                    .filter(|c| matches!(self.page, Page::All) || c.group == Group::Porcelain)
                    .map(command_json)
                    .collect();
                write_json(w, &json!({ "commands": commands }))
            }
            Page::Command(spec) => {
                let mut v = command_json(spec);
                v["usage"] = json!(spec.command_with_globals().render_usage().to_string());
                v["help"] = json!(spec.command_with_globals().render_long_help().to_string());
                write_json(w, &json!({ "command": v }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("lsit", "list"), 1);
        assert_eq!(edit_distance("init", "lsit"), 2);
        let msg = unknown_command(crate::registry::COMMANDS, "lst").to_string();
        assert!(msg.contains("'list'") || msg.contains("list"), "{msg}");
        let msg = unknown_command(crate::registry::COMMANDS, "zzzzzz").to_string();
        assert!(!msg.contains("did you mean"), "{msg}");
    }
}
