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

/// Every subcommand, in the order `help` lists them, with the examples of its man page.
pub static COMMANDS: &[Spec] = &[
    spec::<porcelain::init::Init>().examples(&[
        ("git ticket init", "set up tickets in this repository"),
        (
            "git ticket init && git add -A && git commit -m 'Set up tickets'",
            "set up and commit the configuration, so worktrees read it",
        ),
    ]),
    spec::<porcelain::new::New>().examples(&[
        ("git ticket new fix-login-timeout", "create a todo ticket"),
        (
            "git ticket new add-retry --parent login-timeout",
            "create a sub-ticket of the ticket whose slug has the words login and timeout",
        ),
        (
            "git ticket new fix-login-timeout -d 'Login times out after 30s' -y 1",
            "with a description and priority 1",
        ),
        (
            "git ticket new fix-login-timeout --edit",
            "create a ticket and open it in your editor",
        ),
    ]),
    spec::<porcelain::list::List>()
        .examples(&[
            (
                "git ticket list",
                "todo and doing tickets, most important first",
            ),
            ("git ticket ls --status done --count 0", "every done ticket"),
            (
                "git ticket list --status all -o json",
                "every ticket as JSON, with a summary of the counts",
            ),
        ])
        .exit_note(
            "when a ticket file cannot be read (it is named on standard error and left out)",
        ),
    spec::<porcelain::show::Show>().examples(&[
        (
            "git ticket show login",
            "the ticket whose slug has the word login",
        ),
        (
            "git ticket show 2611 -o json",
            "the ticket whose ID begins with 2611, as JSON",
        ),
    ]),
    spec::<porcelain::start::Start>()
        .examples(&[
            (
                "git ticket start fix-login-timeout",
                "commit the move to doing, create the branch and worktree",
            ),
            (
                "cd \"$(git ticket start login -o json | jq -r .worktree_path)\"",
                "start a ticket and go to its worktree",
            ),
            (
                "git ticket start login --force",
                "recreate the worktree of a started ticket whose folder was removed",
            ),
        ])
        .see_also(&["git-worktree(1)"]),
    spec::<porcelain::ready::Ready>().examples(&[
        ("git ticket ready", "what can be taken now, in the order to take it"),
        (
            "git ticket ready --fetch --count 0 -o json",
            "all of it as JSON, after fetching the claims",
        ),
    ]),
    spec::<porcelain::blocked::Blocked>().examples(&[
        ("git ticket blocked", "todo and doing tickets and what each waits on"),
        ("git ticket blocked -o json", "the same as JSON (blocked_by per ticket)"),
    ]),
    spec::<porcelain::next::Next>()
        .examples(&[
            ("git ticket next", "the first ready ticket"),
            (
                "git ticket next --start -o json",
                "take it: pick and start in one step (agents racing get different tickets)",
            ),
        ])
        .exit_note("when no ticket is ready (NO_READY_TICKET)"),
    spec::<porcelain::dep::Dep>().examples(&[
        (
            "git ticket dep add login schema",
            "login waits on schema (blocked-by:<ID> in its related)",
        ),
        ("git ticket dep tree login", "what login waits on, recursively"),
        ("git ticket dep remove login schema", "login no longer waits on schema"),
    ]),
    spec::<porcelain::prime::PrimeCmd>().examples(&[
        (
            "git ticket prime",
            "at most 2 KB of context for an agent's session start",
        ),
        (
            "git ticket init --agents",
            "write the rules into AGENTS.md (and CLAUDE.md) once",
        ),
    ]),
    spec::<porcelain::close::Close>().examples(&[
        (
            "git ticket close",
            "in a ticket's worktree: commit the move to done",
        ),
        (
            "git ticket close old-idea --reason 'superseded by the new design'",
            "from anywhere: cancel another ticket, with the reason in its file",
        ),
    ]),
    spec::<porcelain::reopen::Reopen>().examples(&[
        (
            "git ticket reopen fix-login-timeout",
            "back to doing (or todo if it was never started), committed like a close",
        ),
        (
            "git ticket reopen old-idea --todo",
            "back to the queue, even if it had been started",
        ),
    ]),
    spec::<porcelain::status::StatusCmd>().examples(&[
        (
            "git ticket status",
            "the current ticket, how long it has been worked on, the worktrees",
        ),
        ("git ticket status -o json", "the same as JSON"),
    ]),
    spec::<porcelain::board::BoardCmd>().examples(&[
        (
            "git ticket board",
            "every open ticket and where its work lives: branches, worktrees, other clones",
        ),
        (
            "git fetch && git ticket board -o json",
            "the same with what other clones pushed, as JSON",
        ),
        ("git ticket board --dirty", "check every worktree for uncommitted changes"),
    ]),
    spec::<porcelain::stats::StatsCmd>().examples(&[
        ("git ticket stats --since 4w", "flow metrics of the last four weeks"),
        (
            "git ticket stats -o openmetrics > /var/lib/node_exporter/ticket.prom",
            "for node_exporter's textfile collector",
        ),
    ]),
    spec::<porcelain::restore::Restore>().examples(&[
        (
            "git ticket restore",
            "on a ticket branch: recreate current-ticket.md",
        ),
        (
            "git ticket restore --force",
            "replace a regular file named current-ticket.md",
        ),
    ]),
    spec::<porcelain::cleanup::Cleanup>()
        .examples(&[
            (
                "git ticket cleanup fix-login-timeout",
                "after the merge: remove the ticket's worktree and branch",
            ),
            (
                "git ticket cleanup --dry-run",
                "what cleaning up every done ticket would remove",
            ),
            (
                "git ticket cleanup --yes",
                "clean up every done ticket without asking",
            ),
        ])
        .exit_note("when some worktree or branch could not be removed (the others are)")
        .see_also(&["git-worktree(1)", "git-branch(1)"]),
    spec::<porcelain::claim::ClaimCmd>().examples(&[
        (
            "git ticket claim login",
            "claim a ticket on the claims remote without starting it",
        ),
        (
            "git ticket claim --renew login",
            "renew our lease while working on it (pushing its branch does it too)",
        ),
    ]),
    spec::<porcelain::claims::Claims>().examples(&[
        (
            "git ticket claims",
            "fetch and list who holds which ticket, and how old each claim is",
        ),
        (
            "git ticket claims --stale 2d -o json",
            "claims older than two days, as JSON",
        ),
    ]),
    spec::<porcelain::release::Release>().examples(&[
        (
            "git ticket release login",
            "give our claim back without finishing the ticket",
        ),
        (
            "git ticket release --force login",
            "break another clone's claim (only the claim we saw)",
        ),
    ]),
    spec::<porcelain::worktree::Worktree>()
        .examples(&[
            (
                "git ticket worktree list",
                "every worktree with its branch and HEAD",
            ),
            (
                "git ticket worktree clean",
                "remove the worktrees of done tickets that are merged",
            ),
            (
                "git ticket worktree -- list -o json",
                "TicketFlow's way: the list as JSON",
            ),
        ])
        .exit_note("when some worktree could not be removed (the others are)")
        .see_also(&["git-worktree(1)"]),
    spec::<porcelain::tui::Tui>().examples(&[
        ("git ticket tui", "browse, search, start, close and create tickets"),
        (
            "git ticket",
            "the same on a terminal (bare git ticket, like bare ticketflow)",
        ),
    ]),
    spec::<porcelain::trust::Trust>()
        .examples(&[
            (
                "git ticket trust",
                "print the init commands and trust this config",
            ),
            (
                "git ticket trust --check",
                "whether this config is trusted (exit 1 if not)",
            ),
            (
                "git ticket trust --revoke",
                "forget every trusted config of this repository",
            ),
        ])
        .exit_note("with --check when the config is not trusted"),
    spec::<porcelain::install::InstallHooks>()
        .examples(&[
            (
                "git ticket install-hooks",
                "install the commit-msg, post-checkout and pre-push hooks",
            ),
            (
                "git ticket install-hooks --uninstall",
                "remove them, putting back the hooks that were there before",
            ),
        ])
        .see_also(&["githooks(5)"]),
    spec::<porcelain::install::InstallMergeDriver>()
        .examples(&[
            (
                "git ticket install-merge-driver && git add .gitattributes",
                "merge tickets field by field, and share the setting",
            ),
            (
                "git ticket install-merge-driver --uninstall",
                "remove the merge.ticket config and the .gitattributes line",
            ),
        ])
        .see_also(&["gitattributes(5)", "git-merge(1)"]),
    spec::<porcelain::install::InstallMan>().examples(&[
        (
            "git ticket install-man",
            "next to the binary, where man finds them",
        ),
        (
            "git ticket install-man ~/.local/share/man",
            "in a man directory of your own",
        ),
    ]),
    spec::<porcelain::install::Completion>().examples(&[
        (
            "git ticket completion bash > ~/.local/share/bash-completion/completions/git-ticket",
            "bash: completion of git ticket and of git aliases of it",
        ),
        (
            "git ticket completion zsh > ~/.zfunc/_git-ticket",
            "zsh: save on your fpath (fpath+=~/.zfunc before compinit)",
        ),
        (
            "git ticket completion fish > ~/.config/fish/conf.d/git-ticket.fish",
            "fish: loaded at start, so that git ticket and git aliases complete",
        ),
    ]),
    spec::<porcelain::workflow::Workflow>().examples(&[
        ("git ticket workflow", "read the guide"),
        (
            "git ticket workflow > AGENTS.md",
            "give it to your coding agent",
        ),
    ]),
    spec::<porcelain::help::Help>().examples(&[
        (
            "git ticket help -a",
            "every command, porcelain and plumbing",
        ),
        ("git ticket help start", "the options of start"),
    ]),
    spec::<porcelain::version::Version>().examples(&[
        ("git ticket version", "the version"),
        (
            "git ticket version -o json",
            "the version, commit and build time as JSON",
        ),
    ]),
    spec::<plumbing::resolve::Resolve>().examples(&[
        ("git ticket resolve login", "the full ID of a reference"),
        ("git ticket resolve --path login", "the path of its file"),
    ]),
    spec::<plumbing::for_each_ticket::ForEachTicket>().examples(&[
        (
            "git ticket for-each-ticket --status todo --format '%(priority) %(id)' --sort priority",
            "todo tickets, most important first",
        ),
        (
            "git ticket for-each-ticket -z --format '%(path)' | xargs -0 grep -l TODO",
            "ticket files that mention TODO",
        ),
    ]),
    spec::<plumbing::get::Get>().examples(&[
        ("git ticket get login priority", "one field"),
        (
            "git ticket get \"$(git ticket current)\" parent",
            "the parent of the current ticket",
        ),
    ]),
    spec::<plumbing::set::Set>().examples(&[
        (
            "git ticket set login priority 1",
            "make a ticket the most important",
        ),
        (
            "git ticket set login related --add blocked-by:schema",
            "record a blocker",
        ),
        (
            "git ticket set login description 'Login times out after 30s'",
            "change its description",
        ),
    ]),
    spec::<plumbing::current::Current>().examples(&[
        (
            "git ticket current",
            "the ID of this worktree's or branch's ticket",
        ),
        (
            "id=$(git ticket current) && git ticket show \"$id\"",
            "use it in a script",
        ),
    ]),
    spec::<plumbing::fsck::Fsck>()
        .examples(&[
            (
                "git ticket fsck",
                "check tickets, links, branches and worktrees",
            ),
            ("git ticket fsck --fix", "repair what is safe to repair"),
        ])
        .exit_note("when problems are found that are not fixed"),
    spec::<plumbing::hook::Hook>()
        .examples(&[(
            "git ticket hook post-checkout \"$@\"",
            "what the post-checkout script of install-hooks runs",
        )])
        .see_also(&["githooks(5)"]),
    spec::<plumbing::merge_driver::MergeDriver>()
        .examples(&[(
            "git config merge.ticket.driver 'git ticket merge-driver %O %A %B %P --marker-size %L --label-base %S --label-ours %X --label-theirs %Y'",
            "what install-merge-driver configures",
        )])
        .exit_note("when a conflict is left (conflict markers in the file)")
        .see_also(&["gitattributes(5)"]),
    // Hidden: what the completion scripts call.
    spec::<crate::commands::complete::Complete>(),
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
    fn every_command_has_examples_of_itself() {
        for c in COMMANDS.iter().filter(|c| !c.hidden) {
            assert!(!c.examples.is_empty(), "{}: no examples", c.name);
            let own = [c.name]
                .into_iter()
                .chain(c.aliases.iter().copied())
                .any(|n| {
                    c.examples
                        .iter()
                        .any(|(line, _)| line.contains(&format!("git ticket {n}")))
                });
            // The merge driver is run by git, from the config its example sets.
            assert!(
                own || c.name == "merge-driver",
                "{}: no example runs it",
                c.name
            );
        }
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
