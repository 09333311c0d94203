//! The command registry: the only list of subcommands. Dispatch, `help`, `help -a`, man
//! pages, completions and the README's command table all come from [`COMMANDS`].
//!
//! Adding a command = its module (an `Args` struct and a `run`) plus one line here.

use clap::{ArgMatches, FromArgMatches};

use crate::commands::{plumbing, porcelain};
use crate::context::Ctx;
use crate::error::Error;
use crate::output::Outcome;

/// Porcelain (people and agents) or plumbing (scripts and hooks), as git splits its commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Human- and agent-facing verbs; text output may change, `--format json` is stable.
    Porcelain,
    /// Small, stable, script-friendly verbs whose output is a documented promise.
    Plumbing,
}

impl Group {
    /// Heading used by `help -a`.
    pub fn heading(self) -> &'static str {
        match self {
            Group::Porcelain => "Main porcelain commands",
            Group::Plumbing => "Low-level commands (plumbing)",
        }
    }
}

/// How a command's work is executed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exec {
    /// One thing after another.
    Sequential,
    /// Work splits per ticket and may run on several threads above a size threshold.
    Parallel,
    /// Results can be written before all input is read.
    Streaming,
}

/// Rough cost class, for choosing an execution strategy and for documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cost {
    /// Constant: no repository or ticket is read.
    Trivial,
    /// A few files (one ticket, the config).
    Single,
    /// Proportional to the number of tickets.
    PerTicket,
}

/// A command's execution profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Strategy.
    pub exec: Exec,
    /// Cost class.
    pub cost: Cost,
}

impl Profile {
    /// Sequential, constant: reads no repository or ticket.
    pub const TRIVIAL: Profile = Profile {
        exec: Exec::Sequential,
        cost: Cost::Trivial,
    };
    /// Sequential, a few files (one ticket, the config).
    pub const SINGLE: Profile = Profile {
        exec: Exec::Sequential,
        cost: Cost::Single,
    };
    /// Sequential, proportional to the number of tickets.
    pub const PER_TICKET: Profile = Profile {
        exec: Exec::Sequential,
        cost: Cost::PerTicket,
    };
}

/// What running a command returns.
pub type RunResult = Result<Box<dyn Outcome>, Error>;

/// A subcommand's definition, implemented by each command module.
pub trait Command {
    /// Name typed after `git ticket`.
    const NAME: &'static str;
    /// Other names (`ls` for `list`).
    const ALIASES: &'static [&'static str] = &[];
    /// One-line summary.
    const SUMMARY: &'static str;
    /// Porcelain or plumbing.
    const GROUP: Group;
    /// Execution profile.
    const PROFILE: Profile;
    /// The clap arguments; their doc comments are the help text.
    type Args: clap::Args + FromArgMatches;
    /// Runs the command.
    fn run(ctx: &mut Ctx<'_>, args: Self::Args) -> Result<Box<dyn Outcome>, Error>;
}

/// A registered command, with its definition erased to plain data and function pointers.
pub struct Spec {
    /// Name typed after `git ticket`.
    pub name: &'static str,
    /// Other names.
    pub aliases: &'static [&'static str],
    /// One-line summary.
    pub summary: &'static str,
    /// Porcelain or plumbing.
    pub group: Group,
    /// Execution profile.
    pub profile: Profile,
    augment: fn(clap::Command) -> clap::Command,
    run: fn(&mut Ctx<'_>, &ArgMatches) -> RunResult,
}

impl Spec {
    /// The clap command of this subcommand (with `git ticket <name>` as its usage name).
    pub fn command(&self) -> clap::Command {
        let cmd = clap::Command::new(self.name)
            .about(self.summary)
            .bin_name(format!("git ticket {}", self.name))
            .display_name(format!("git-ticket-{}", self.name))
            .version(env!("CARGO_PKG_VERSION"))
            .disable_version_flag(true)
            .after_help(self.aliases_line());
        (self.augment)(cmd)
    }

    fn aliases_line(&self) -> String {
        if self.aliases.is_empty() {
            String::new()
        } else {
            format!("Aliases: {}", self.aliases.join(", "))
        }
    }

    /// Parses already-matched arguments and runs the command.
    pub fn run(&self, ctx: &mut Ctx<'_>, matches: &ArgMatches) -> Result<Box<dyn Outcome>, Error> {
        (self.run)(ctx, matches)
    }
}

const fn spec<C: Command>() -> Spec {
    Spec {
        name: C::NAME,
        aliases: C::ALIASES,
        summary: C::SUMMARY,
        group: C::GROUP,
        profile: C::PROFILE,
        augment: <C::Args as clap::Args>::augment_args,
        run: run_erased::<C>,
    }
}

fn run_erased<C: Command>(
    ctx: &mut Ctx<'_>,
    matches: &ArgMatches,
) -> Result<Box<dyn Outcome>, Error> {
    let args = C::Args::from_arg_matches(matches).map_err(|e| Error::Usage(e.to_string()))?;
    C::run(ctx, args)
}

/// Every subcommand, in the order `help` lists them.
pub static COMMANDS: &[Spec] = &[
    spec::<porcelain::init::Init>(),
    spec::<porcelain::new::New>(),
    spec::<porcelain::list::List>(),
    spec::<porcelain::show::Show>(),
    spec::<porcelain::start::Start>(),
    spec::<porcelain::close::Close>(),
    spec::<porcelain::status::StatusCmd>(),
    spec::<porcelain::restore::Restore>(),
    spec::<porcelain::cleanup::Cleanup>(),
    spec::<porcelain::worktree::Worktree>(),
    spec::<porcelain::trust::Trust>(),
    spec::<porcelain::install::InstallHooks>(),
    spec::<porcelain::install::InstallMergeDriver>(),
    spec::<porcelain::install::InstallMan>(),
    spec::<porcelain::install::Completion>(),
    spec::<porcelain::workflow::Workflow>(),
    spec::<porcelain::help::Help>(),
    spec::<porcelain::version::Version>(),
    spec::<plumbing::resolve::Resolve>(),
    spec::<plumbing::for_each_ticket::ForEachTicket>(),
    spec::<plumbing::get::Get>(),
    spec::<plumbing::set::Set>(),
    spec::<plumbing::current::Current>(),
    spec::<plumbing::fsck::Fsck>(),
    spec::<plumbing::hook::Hook>(),
    spec::<plumbing::merge_driver::MergeDriver>(),
];

/// Finds a command by exact name or alias.
pub fn find(name: &str) -> Option<&'static Spec> {
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// The top-level clap command with every subcommand (for man pages and completions).
pub fn cli() -> clap::Command {
    COMMANDS.iter().fold(
        clap::Command::new("git-ticket")
            .bin_name("git ticket")
            .about("Local-first, git-native tickets: Markdown files in your repository")
            .version(env!("CARGO_PKG_VERSION"))
            .disable_help_subcommand(true)
            .subcommand_required(false),
        |cli, spec| cli.subcommand(spec.command().visible_aliases(spec.aliases.iter().copied())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_tree_is_consistent() {
        cli().debug_assert();
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = COMMANDS
            .iter()
            .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
            .collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(n, names.len());
    }
}
