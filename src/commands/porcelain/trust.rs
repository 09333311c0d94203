//! `git ticket trust`: allows this repository's `worktree.init_commands` to run on this
//! machine. The trust is for the exact content of `.ticketflow.yaml`: any change to the file
//! needs a new `trust`. Stored in the common git directory, never committed.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::{Error, ErrorCode};
use crate::output::{Outcome, Ui, write_json};

/// Trust this repository's .ticketflow.yaml, so `start` runs its init commands.
///
/// Init commands are shell commands from the repository's config: whoever wrote the config
/// chooses what runs on your machine. Read them (they are printed) before trusting. Trust
/// covers this exact file content; after any change, run trust again.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only show whether the current config is trusted (exit 1 if not)
    #[arg(long, conflicts_with = "revoke")]
    check: bool,
    /// Forget every trusted config of this repository
    #[arg(long)]
    revoke: bool,
}

/// The `trust` command.
pub struct Trust;

impl Command for Trust {
    const NAME: &'static str = "trust";
    const SUMMARY: &'static str = "Allow this config's init commands to run on this machine";
    const GROUP: Group = Group::Porcelain;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let common = project.repo()?.common_dir();
        let path = project.root.join(crate::config::FILE_NAME);
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let io = |source| Error::Io {
            path: common.join(crate::trust::FILE),
            source,
        };
        let commands = project.config.worktree.init_commands.clone();
        let id = crate::trust::content_id(&bytes);
        let trusted = if args.revoke {
            crate::trust::revoke(common).map_err(io)?;
            false
        } else if args.check {
            let trusted = crate::trust::is_trusted(common, &bytes);
            if !trusted {
                return Err(Error::precondition(
                    ErrorCode::ValidationError,
                    "Config not trusted",
                    format!(
                        "{} (content {id}) is not trusted on this machine",
                        path.display()
                    ),
                    &["Review worktree.init_commands, then run: git ticket trust"],
                ));
            }
            true
        } else {
            crate::trust::trust(common, &bytes).map_err(io)?;
            true
        };
        Ok(Box::new(Trusted {
            trusted,
            revoked: args.revoke,
            content_id: id,
            commands,
        }))
    }
}

struct Trusted {
    trusted: bool,
    revoked: bool,
    content_id: String,
    commands: Vec<String>,
}

impl Outcome for Trusted {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        if self.revoked {
            return writeln!(
                out.w,
                "Trust revoked: init commands will not run until 'git ticket trust'"
            );
        }
        writeln!(
            out.w,
            "Trusted .ticketflow.yaml (content {}).",
            &self.content_id[..12.min(self.content_id.len())]
        )?;
        if self.commands.is_empty() {
            writeln!(out.w, "It has no init commands.")
        } else {
            writeln!(out.w, "These init commands will run in each new worktree:")?;
            for c in &self.commands {
                writeln!(out.w, "  $ {c}")?;
            }
            Ok(())
        }
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({
                "content_id": self.content_id,
                "init_commands": self.commands,
                "trusted": self.trusted,
            }),
        )
    }
}
