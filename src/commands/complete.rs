//! Shell completion, computed in one place for bash, zsh and fish: the scripts of
//! `git ticket completion` call the hidden `git ticket __complete -- <words>` (the words after
//! `ticket`, an alias' words first, the last one the word being completed) and show what it
//! prints, one candidate a line (`<word>\t<description>`), already filtered.
//!
//! The words are walked over the registry's clap commands (global options, the command, its
//! options and their values, its subcommands and positionals); what a place takes comes from
//! clap (possible values) or from its value name: a `TICKET` is completed from the tickets
//! the command can take (`start`: todo ones, and doing ones without a worktree; `close`:
//! doing; `cleanup`, `reopen`: done; others: any), by ID prefix, slug prefix or a word of the slug;
//! `FIELD` from the field table; `for-each-ticket --format` with `%(placeholders)`; `--sort`
//! with the sort keys. Hidden options (TicketFlow's logging flags) are never offered. A place
//! that takes a path prints the single line `:files` (the shell completes file names).

use std::io::{self, Write};

use crate::commands::{Command, Ctx, Group, Spec, find};
use crate::error::Error;
use crate::output::{Outcome, Ui};
use crate::ticket::Status;
use crate::ticket::fields::FIELDS;
use crate::ticket::id::slug_of;

/// Print completion candidates for the words of a command line (for the completion scripts).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The words after `git ticket`; the last is the one being completed
    #[arg(
        value_name = "WORD",
        num_args = 0..,
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    words: Vec<String>,
}

/// The hidden `__complete` command.
pub struct Complete;

impl Command for Complete {
    const NAME: &'static str = "__complete";
    const SUMMARY: &'static str = "Print completion candidates (for the completion scripts)";
    const GROUP: Group = Group::Plumbing;
    const READS_CONFIG: bool = false;
    const HIDDEN: bool = true;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let mut words = args.words;
        let cur = words.pop().unwrap_or_default();
        let place = walk(ctx.commands, &words);
        Ok(Box::new(Reply(candidates(ctx, &place, &cur))))
    }
}

/// One candidate: the word and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The whole word the one being completed becomes.
    pub word: String,
    /// A description (zsh and fish show it).
    pub help: String,
}

fn candidate(word: impl Into<String>, help: impl Into<String>) -> Candidate {
    Candidate {
        word: word.into(),
        help: help.into(),
    }
}

struct Reply(Option<Vec<Candidate>>);

impl Outcome for Reply {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        self.json(out.w)
    }

    /// The same lines whatever the format: the scripts read them.
    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let Some(candidates) = &self.0 else {
            return writeln!(w, ":files");
        };
        for c in candidates {
            let help: String = c.help.chars().filter(|ch| !ch.is_control()).collect();
            writeln!(w, "{}\t{help}", c.word)?;
        }
        Ok(())
    }
}

/// Where the word being completed is.
enum Place {
    /// Before the command (its name or a global option).
    Command,
    /// The value of global option `arg` before the command (`-C`: none, files).
    GlobalValue(Option<clap::Arg>),
    /// The value of option `arg` of `command`'s (sub)command.
    Value {
        spec: &'static Spec,
        cmd: clap::Command,
        arg: clap::Id,
    },
    /// A word of `command`'s (sub)command: an option, a subcommand or positional `index`.
    Word {
        spec: &'static Spec,
        cmd: clap::Command,
        index: usize,
        options_ended: bool,
    },
    /// Nothing to offer (an unknown command).
    Nothing,
}

/// The long option `name` (without dashes) of `cmd`: its own before a global one
/// (`for-each-ticket --format` is not `-o/--format`).
fn long(cmd: &clap::Command, name: &str) -> Option<clap::Arg> {
    let matching = |global: bool| {
        cmd.get_arguments()
            .find(|a| a.get_long() == Some(name) && a.is_global_set() == global)
            .cloned()
    };
    matching(false).or_else(|| matching(true))
}

fn short(cmd: &clap::Command, c: char) -> Option<clap::Arg> {
    cmd.get_arguments()
        .find(|a| a.get_short() == Some(c))
        .cloned()
}

/// Whether option `a` needs a value in the next word (pflag's booleans take one only after `=`).
fn takes_value(a: &clap::Arg) -> bool {
    a.get_action().takes_values() && a.get_num_args().is_none_or(|n| n.min_values() > 0)
}

/// Walks the words before the one being completed.
fn walk(commands: &'static [Spec], words: &[String]) -> Place {
    let top = crate::commands::cli(&[]);
    let mut words = words.iter();
    // Global options before the command (`-C <dir>` as git's).
    let spec = loop {
        let Some(w) = words.next() else {
            return Place::Command;
        };
        let arg = match w.strip_prefix("--") {
            Some(name) if !name.contains('=') => long(&top, name).filter(takes_value).map(Some),
            Some(_) => None,
            None if w == "-C" => Some(None),
            None if w.len() == 2 && w.starts_with('-') => w[1..]
                .chars()
                .next()
                .and_then(|c| short(&top, c))
                .filter(takes_value)
                .map(Some),
            None => None,
        };
        if let Some(arg) = arg {
            if words.next().is_none() {
                return Place::GlobalValue(arg);
            }
            continue;
        }
        if w.starts_with('-') {
            continue;
        }
        match find(commands, w) {
            Some(spec) => break spec,
            None => return Place::Nothing,
        }
    };
    let mut cmd = spec.command_with_globals();
    let (mut index, mut options_ended, mut in_subcommand) = (0, false, false);
    while let Some(w) = words.next() {
        if !options_ended && w == "--" {
            options_ended = true;
            continue;
        }
        if !options_ended && w.len() > 1 && w.starts_with('-') {
            let arg = match w.strip_prefix("--") {
                Some(name) if !name.contains('=') => long(&cmd, name),
                Some(_) => None,
                None if w.len() == 2 => short(&cmd, w.chars().nth(1).unwrap_or('-')),
                None => None,
            };
            if let Some(arg) = arg.filter(takes_value)
                && words.next().is_none()
            {
                return Place::Value {
                    spec,
                    cmd,
                    arg: arg.get_id().clone(),
                };
            }
            continue;
        }
        if !in_subcommand
            && cmd.has_subcommands()
            && let Some(sub) = cmd.find_subcommand(w).cloned()
        {
            cmd = sub;
            in_subcommand = true;
            options_ended = false;
            continue;
        }
        index += 1;
    }
    Place::Word {
        spec,
        cmd,
        index,
        options_ended,
    }
}

/// The candidates for `cur` at `place`; `None`: complete file names.
fn candidates(ctx: &mut Ctx<'_>, place: &Place, cur: &str) -> Option<Vec<Candidate>> {
    let starting = |list| Some(starting_with(list, cur));
    match place {
        Place::Nothing => Some(Vec::new()),
        Place::GlobalValue(None) => None,
        Place::GlobalValue(Some(arg)) => starting(possible_values(arg)),
        Place::Command if cur.starts_with("--") && cur.contains('=') => {
            let (name, value) = cur[2..].split_once('=').unwrap_or_default();
            let arg = long(&crate::commands::cli(&[]), name)?;
            Some(after_flag(
                name,
                starting_with(possible_values(&arg), value),
            ))
        }
        Place::Command if cur.starts_with('-') => starting(options(&crate::commands::cli(&[]))),
        Place::Command => starting(command_names(ctx.commands)),
        Place::Value { spec, cmd, arg } => {
            let arg = cmd.get_arguments().find(|a| a.get_id() == arg)?;
            values(ctx, spec, arg, cur)
        }
        Place::Word {
            spec,
            cmd,
            index,
            options_ended,
        } => {
            if !options_ended && cur.starts_with("--") && cur.contains('=') {
                let (name, value) = cur[2..].split_once('=').unwrap_or_default();
                let arg = long(cmd, name)?;
                return values(ctx, spec, &arg, value).map(|list| after_flag(name, list));
            }
            if !options_ended && cur.starts_with('-') {
                return starting(options(cmd));
            }
            if cmd.has_subcommands() && *index == 0 {
                let subs = cmd
                    .get_subcommands()
                    .filter(|s| s.get_name() != "help" && !s.is_hide_set())
                    .map(|s| candidate(s.get_name(), about(s)))
                    .collect();
                return starting(subs);
            }
            let mut positionals: Vec<&clap::Arg> =
                cmd.get_positionals().filter(|a| !a.is_hide_set()).collect();
            let arg = if *index < positionals.len() {
                positionals.swap_remove(*index)
            } else {
                // The rest go to a last positional that takes many.
                positionals
                    .pop()
                    .filter(|a| a.get_num_args().is_some_and(|n| n.max_values() > 1))?
            };
            values(ctx, spec, arg, cur)
        }
    }
}

/// Values as words `--<name>=<value>`.
fn after_flag(name: &str, list: Vec<Candidate>) -> Vec<Candidate> {
    list.into_iter()
        .map(|c| candidate(format!("--{name}={}", c.word), c.help))
        .collect()
}

/// The candidates of `list` that begin with `cur`.
fn starting_with(list: Vec<Candidate>, cur: &str) -> Vec<Candidate> {
    list.into_iter()
        .filter(|c| c.word.starts_with(cur))
        .collect()
}

fn about(cmd: &clap::Command) -> String {
    cmd.get_about().map(|a| a.to_string()).unwrap_or_default()
}

fn command_names(commands: &[Spec]) -> Vec<Candidate> {
    commands
        .iter()
        .filter(|c| !c.hidden)
        .flat_map(|c| {
            std::iter::once(c.name)
                .chain(c.aliases.iter().copied())
                .map(|n| candidate(n, c.summary))
        })
        .collect()
}

/// The long options of `cmd` that are not hidden (`--status=` when a value must follow).
fn options(cmd: &clap::Command) -> Vec<Candidate> {
    let mut list: Vec<Candidate> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| {
            let name = a.get_long()?;
            let eq = if takes_value(a) { "=" } else { "" };
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            Some(candidate(format!("--{name}{eq}"), help))
        })
        .collect();
    if !list.iter().any(|c| c.word == "--help") {
        list.push(candidate("--help", "Print help"));
    }
    list.sort_by(|a, b| a.word.cmp(&b.word));
    list.dedup_by(|a, b| a.word == b.word);
    list
}

/// The values of `arg` of command `spec` for `cur`; `None`: file names.
fn values(ctx: &mut Ctx<'_>, spec: &Spec, arg: &clap::Arg, cur: &str) -> Option<Vec<Candidate>> {
    let starting = |list| Some(starting_with(list, cur));
    let possible = possible_values(arg);
    if !possible.is_empty() {
        return starting(possible);
    }
    let value_name = arg
        .get_value_names()
        .and_then(|n| n.first())
        .map(|n| n.as_str())
        .unwrap_or_default();
    match (spec.name, value_name) {
        (_, "TICKET") => Some(tickets(ctx, spec.name, cur)),
        ("get", "FIELD") => starting(fields(false)),
        ("set", "FIELD") => starting(fields(true)),
        ("help", "COMMAND") => starting(command_names(ctx.commands)),
        ("for-each-ticket", "FORMAT") => Some(placeholders(cur)),
        ("for-each-ticket", "KEY") => {
            let keys = FIELDS.iter().filter(|f| f.sort.is_some());
            let descending = keys
                .clone()
                .map(|f| candidate(format!("-{}", f.name), f.doc));
            starting(
                keys.map(|f| candidate(f.name, f.doc))
                    .chain(descending)
                    .collect(),
            )
        }
        (_, "DIR" | "PATH" | "BASE" | "OURS" | "THEIRS" | "FILE") => None,
        _ => Some(Vec::new()),
    }
}

/// The values clap knows for `arg` (value enums, fixed lists), hidden ones left out.
fn possible_values(arg: &clap::Arg) -> Vec<Candidate> {
    arg.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let help = v.get_help().map(|h| h.to_string()).unwrap_or_default();
            candidate(v.get_name(), help)
        })
        .collect()
}

/// The fields `get` prints, or those `set` changes.
fn fields(settable: bool) -> Vec<Candidate> {
    FIELDS
        .iter()
        .filter(|f| !settable || f.edit.is_some())
        .map(|f| candidate(f.name, f.doc))
        .collect()
}

/// `cur` (a `--format` value) with a placeholder completed after its last `%(`.
fn placeholders(cur: &str) -> Vec<Candidate> {
    let Some(open) = cur.rfind("%(") else {
        return Vec::new();
    };
    let (head, name) = (&cur[..open], &cur[open + 2..]);
    if name.contains(')') {
        return Vec::new();
    }
    FIELDS
        .iter()
        .map(|f| (f.name, f.doc))
        .chain(
            crate::commands::placeholders::GRAPH_PLACEHOLDERS
                .iter()
                .map(|(n, _, doc)| (*n, *doc)),
        )
        .chain([("field:", "Any frontmatter key: %(field:<key>)")])
        .filter(|(n, _)| n.starts_with(name))
        .map(|(n, doc)| {
            let close = if n.ends_with(':') { "" } else { ")" };
            candidate(format!("{head}%({n}{close}"), doc)
        })
        .collect()
}

/// The tickets command `command` can take, matching `cur` by ID prefix (offered as the ID),
/// slug prefix or a word of the slug (offered as the slug, or the ID when another ticket has
/// the same slug). Nothing when the repository cannot be read.
fn tickets(ctx: &mut Ctx<'_>, command: &str, cur: &str) -> Vec<Candidate> {
    let Ok(project) = ctx.project() else {
        return Vec::new();
    };
    let Ok((entries, _)) = project
        .store
        .entries(&[Status::Todo, Status::Doing, Status::Done])
    else {
        return Vec::new();
    };
    let with_worktree: Vec<String> = if command == "start" {
        project
            .repo()
            .map(|r| {
                r.worktrees()
                    .into_iter()
                    .filter(|w| !w.missing)
                    .filter_map(|w| w.branch)
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let worktrees = project.config.worktree.enabled;
    let takes = |e: &crate::ticket::entry::Entry| match command {
        "start" => {
            e.folder == Status::Todo
                || (worktrees && e.folder == Status::Doing && !with_worktree.contains(&e.id))
        }
        "close" => e.folder == Status::Doing,
        "cleanup" | "reopen" => e.folder == Status::Done,
        _ => true,
    };
    let slug = |id: &str| slug_of(id).unwrap_or(id).to_owned();
    let needle = cur.to_lowercase();
    let mut out: Vec<(String, &crate::ticket::entry::Entry)> = Vec::new();
    for e in entries.iter().filter(|e| takes(e)) {
        let s = slug(&e.id);
        let word = if e.id.starts_with(cur) {
            e.id.clone()
        } else if s.starts_with(&needle) || s.split('-').any(|w| w.starts_with(&needle)) {
            let shared = entries.iter().filter(|o| slug(&o.id) == s).count() > 1;
            if shared { e.id.clone() } else { s }
        } else {
            continue;
        };
        out.push((word, e));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter()
        .map(|(word, e)| {
            let description = crate::ticket::store::load(e, false)
                .map(|t| t.meta.description)
                .unwrap_or_default();
            let status = e.folder.as_str();
            candidate(word, format!("[{status}] {description}"))
        })
        .collect()
}
