//! Setting git-ticket up inside git: `install-hooks`, `install-merge-driver`, `install-man`
//! and `completion`. Each writes only what is its own and never overwrites a user's file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::plumbing::hook::HOOKS;
use crate::commands::plumbing::merge_driver::DRIVER;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::fsutil;
use crate::ops::install;
use crate::output::{Outcome, Ui, write_json};

/// What an install command did, one line each.
struct Done {
    lines: Vec<String>,
    json: serde_json::Value,
}

impl Outcome for Done {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        for l in &self.lines {
            writeln!(out.w, "{l}")?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &self.json)
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> Error {
    let path = path.to_owned();
    move |source| Error::Io { path, source }
}

/// Install git hooks that call `git ticket hook` (commit-msg, post-checkout, pre-push).
///
/// Respects core.hooksPath. An existing hook that is not git-ticket's is kept: it is renamed
/// to <hook>.pre-git-ticket and called first by the new script. Running it again updates the
/// scripts. --uninstall removes git-ticket's scripts (recognised by their marker line) and puts
/// back the hooks that were there before.
#[derive(Debug, clap::Args)]
pub struct HooksArgs {
    /// Remove git-ticket's hooks, restoring the ones they ran first
    #[arg(long)]
    uninstall: bool,
}

/// The `install-hooks` command.
pub struct InstallHooks;

impl Command for InstallHooks {
    const NAME: &'static str = "install-hooks";
    const SUMMARY: &'static str = "Install git hooks that call git ticket hook";
    const GROUP: Group = Group::Porcelain;
    type Args = HooksArgs;

    fn run(
        ctx: &mut Ctx<'_>,
        _ui: &mut Ui<'_>,
        args: HooksArgs,
    ) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let changes = if args.uninstall {
            install::uninstall_hooks(project, &HOOKS)?
        } else {
            install::install_hooks(project, &HOOKS)?
        };
        let lines = changes
            .iter()
            .map(|c| format!("{}: {} at {}", c.hook, c.result.note(), c.path.display()))
            .collect();
        let hooks: Vec<serde_json::Value> = changes
            .iter()
            .map(|c| json!({ "hook": c.hook, "path": c.path.display().to_string(), "result": c.result.note() }))
            .collect();
        Ok(Box::new(Done {
            lines,
            json: json!({ "hooks": hooks, "success": true }),
        }))
    }
}

/// Install the ticket merge driver: a .gitattributes line and the merge.ticket config.
///
/// With it, `git merge` combines two versions of a ticket field by field (later times win
/// for started_at/closed_at, related is a union) and merges the body as text. A field changed
/// to different values on both sides, or body lines changed on both, are a conflict: git
/// stops, with markers labelled by the branch names around those lines only. Running it
/// again updates a driver set up by an older version. --uninstall removes the line and the
/// merge.ticket config again (other .gitattributes lines stay as they are).
#[derive(Debug, clap::Args)]
pub struct MergeDriverArgs {
    /// Remove the merge driver's .gitattributes line and merge.ticket config
    #[arg(long)]
    uninstall: bool,
}

/// The `install-merge-driver` command.
pub struct InstallMergeDriver;

impl Command for InstallMergeDriver {
    const NAME: &'static str = "install-merge-driver";
    const SUMMARY: &'static str = "Set up the field-by-field ticket merge driver";
    const GROUP: Group = Group::Porcelain;
    type Args = MergeDriverArgs;

    fn run(
        ctx: &mut Ctx<'_>,
        _ui: &mut Ui<'_>,
        args: MergeDriverArgs,
    ) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        if args.uninstall {
            return Ok(uninstalled_driver(install::uninstall_merge_driver(
                project,
            )?));
        }
        let line = install::attributes_line(project);
        let path = project.root.join(".gitattributes");
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        let mut lines = Vec::new();
        if current.lines().any(|l| l.trim() == line) {
            lines.push(format!(".gitattributes already has: {line}"));
        } else {
            let mut updated = current.clone();
            if !updated.is_empty() && !updated.ends_with('\n') {
                updated.push('\n');
            }
            updated.push_str(&line);
            updated.push('\n');
            fsutil::write_atomic(&path, updated.as_bytes()).map_err(io_err(&path))?;
            lines.push(format!(
                "Added to .gitattributes: {line} (commit it to share the setting)"
            ));
        }
        let repo = project.repo()?;
        repo.set_local_config(
            "merge.ticket.name",
            "git-ticket field-by-field ticket merge",
        )?;
        repo.set_local_config("merge.ticket.driver", DRIVER)?;
        lines.push("Set merge.ticket.driver in this repository's config".into());
        Ok(Box::new(Done {
            lines,
            json: json!({ "gitattributes": line, "success": true }),
        }))
    }
}

/// What `install-merge-driver --uninstall` says.
fn uninstalled_driver(r: install::DriverRemoval) -> Box<dyn Outcome> {
    let mut lines = vec![match (r.line_removed, r.file_removed) {
        (true, true) => format!(
            "Removed {} (its only line was: {})",
            r.path.display(),
            r.line
        ),
        (true, false) => format!(
            "Removed from .gitattributes: {} (commit it to share the change)",
            r.line
        ),
        (false, _) => format!(".gitattributes does not have: {}", r.line),
    }];
    lines.push(if r.config_removed {
        "Removed merge.ticket from this repository's config".to_owned()
    } else {
        "merge.ticket is not set in this repository's config".to_owned()
    });
    Box::new(Done {
        lines,
        json: json!({
            "gitattributes": r.line,
            "gitattributes_removed": r.line_removed,
            "config_removed": r.config_removed,
            "success": true,
        }),
    })
}

/// Install the man pages, so `git ticket --help` and `git help ticket` show them.
///
/// DIR defaults to <dir of the git-ticket executable>/../share/man, where man finds pages
/// for programs on PATH (~/.cargo/share/man after cargo install).
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The man directory (pages go to DIR/man1)
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// The `install-man` command.
pub struct InstallMan;

impl Command for InstallMan {
    const NAME: &'static str = "install-man";
    const SUMMARY: &'static str = "Install the man pages (for git ticket --help)";
    const GROUP: Group = Group::Porcelain;
    const READS_CONFIG: bool = false;
    type Args = ManArgs;

    fn run(ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: ManArgs) -> Result<Box<dyn Outcome>, Error> {
        let dir = match args.dir {
            Some(d) => d,
            None => {
                let exe = std::env::current_exe().map_err(io_err(Path::new("git-ticket")))?;
                let exe = exe.canonicalize().unwrap_or(exe);
                exe.parent()
                    .and_then(Path::parent)
                    .map(|p| p.join("share/man"))
                    .unwrap_or_else(|| PathBuf::from("share/man"))
            }
        };
        let man1 = dir.join("man1");
        std::fs::create_dir_all(&man1).map_err(io_err(&man1))?;
        let pages = crate::docs::man_pages(ctx.commands);
        for (name, contents) in &pages {
            let path = man1.join(name);
            fsutil::write_atomic(&path, contents).map_err(io_err(&path))?;
        }
        Ok(Box::new(Done {
            lines: vec![
                format!("Installed {} man pages in {}", pages.len(), man1.display()),
                format!(
                    "If 'git ticket --help' does not find them, add {} to MANPATH",
                    dir.display()
                ),
            ],
            json: json!({ "count": pages.len(), "dir": man1.display().to_string(), "success": true }),
        }))
    }
}

/// Print a shell completion script (bash, zsh or fish).
///
/// bash: save as ~/.local/share/bash-completion/completions/git-ticket (git's completion
/// calls its _git_ticket for `git ticket <TAB>` and git aliases of it); zsh: save as
/// _git-ticket in a folder on your fpath; fish: save as
/// ~/.config/fish/conf.d/git-ticket.fish. The scripts ask `git ticket` for the candidates:
/// tickets by ID, slug or slug word (those the command can take), option values, fields,
/// placeholders.
#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell
    #[arg(value_name = "SHELL", value_parser = ["bash", "zsh", "fish"])]
    shell: String,
}

/// The `completion` command.
pub struct Completion;

impl Command for Completion {
    const NAME: &'static str = "completion";
    const SUMMARY: &'static str = "Print a shell completion script";
    const GROUP: Group = Group::Porcelain;
    const READS_CONFIG: bool = false;
    type Args = CompletionArgs;

    fn run(
        ctx: &mut Ctx<'_>,
        _ui: &mut Ui<'_>,
        args: CompletionArgs,
    ) -> Result<Box<dyn Outcome>, Error> {
        let file = match args.shell.as_str() {
            "bash" => "git-ticket",
            "zsh" => "_git-ticket",
            _ => "git-ticket.fish",
        };
        let script = crate::docs::completions(ctx.commands)
            .into_iter()
            .find(|(name, _)| name == file)
            .map(|(_, s)| s)
            .unwrap_or_default();
        Ok(Box::new(Script(script)))
    }
}

struct Script(String);

impl Outcome for Script {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        out.w.write_all(self.0.as_bytes())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(w, &json!({ "script": self.0 }))
    }
}
