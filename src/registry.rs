//! The command registry: the only list of subcommands. Dispatch, `help`, `help -a`, man
//! pages, completions and the README's command table all come from [`COMMANDS`].
//!
//! Adding a command = its module (an `Args` struct and a `run`) plus one line here. The types
//! (`Command`, `Spec`, `Group`) live in `crate::commands`, so that no command depends on
//! this list.

use crate::commands::{Spec, plumbing, porcelain};

const fn spec<C: crate::commands::Command>() -> Spec {
    Spec::of::<C>()
}

/// Every subcommand, in the order `help` lists them.
pub static COMMANDS: &[Spec] = &[
    spec::<porcelain::init::Init>(),
    spec::<porcelain::new::New>(),
    spec::<porcelain::list::List>(),
    spec::<porcelain::show::Show>(),
    spec::<porcelain::start::Start>(),
    spec::<porcelain::ready::Ready>(),
    spec::<porcelain::blocked::Blocked>(),
    spec::<porcelain::next::Next>(),
    spec::<porcelain::dep::Dep>(),
    spec::<porcelain::prime::PrimeCmd>(),
    spec::<porcelain::close::Close>(),
    spec::<porcelain::reopen::Reopen>(),
    spec::<porcelain::status::StatusCmd>(),
    spec::<porcelain::restore::Restore>(),
    spec::<porcelain::cleanup::Cleanup>(),
    spec::<porcelain::claim::ClaimCmd>(),
    spec::<porcelain::claims::Claims>(),
    spec::<porcelain::release::Release>(),
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
    crate::commands::find(COMMANDS, name)
}

/// The top-level clap command with every subcommand (for man pages and completions).
pub fn cli() -> clap::Command {
    crate::commands::cli(COMMANDS)
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
