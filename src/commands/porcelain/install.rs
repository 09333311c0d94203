//! Setting git-ticket up inside git: `install-hooks`, `install-merge-driver`, `install-man`
//! and `completion`. Each writes only what is its own and never overwrites a user's file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::plumbing::hook::HOOKS;
use crate::commands::plumbing::merge_driver::DRIVER;
use crate::commands::{Command, Group};
use crate::error::{Error, ErrorCode};
use crate::fsutil;
use crate::output::{Outcome, Ui, write_json};

/// The marker that identifies a hook script written by git-ticket.
const MARKER: &str = "# git-ticket hook";

/// The suffix an existing hook gets when git-ticket chains to it.
pub const CHAINED: &str = ".pre-git-ticket";

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
/// scripts.
#[derive(Debug, clap::Args)]
pub struct HooksArgs {}

/// The `install-hooks` command.
pub struct InstallHooks;

fn hook_script(name: &str) -> String {
    let chained = format!("\"$hook_dir/{name}{CHAINED}\"");
    let body = if name == "pre-push" {
        format!(
            "input=$(cat)\nfeed() {{ if [ -n \"$input\" ]; then printf '%s\\n' \"$input\"; fi; }}\nif [ -x {chained} ]; then\n\tfeed | {chained} \"$@\" || exit $?\nfi\nfeed | git ticket hook {name} \"$@\"\n"
        )
    } else {
        format!(
            "if [ -x {chained} ]; then\n\t{chained} \"$@\" || exit $?\nfi\ngit ticket hook {name} \"$@\"\n"
        )
    };
    format!(
        "#!/bin/sh\n{MARKER} (git ticket install-hooks); runs {name}{CHAINED} first if present.\nhook_dir=$(dirname \"$0\")\ncommand -v git-ticket >/dev/null 2>&1 || exec true\n{body}"
    )
}

impl Command for InstallHooks {
    const NAME: &'static str = "install-hooks";
    const SUMMARY: &'static str = "Install git hooks that call git ticket hook";
    const GROUP: Group = Group::Porcelain;
    type Args = HooksArgs;

    fn run(
        ctx: &mut Ctx<'_>,
        _ui: &mut Ui<'_>,
        _args: HooksArgs,
    ) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let hooks_dir = project.repo()?.hooks_dir()?;
        std::fs::create_dir_all(&hooks_dir).map_err(io_err(&hooks_dir))?;
        let mut lines = Vec::new();
        let mut installed = Vec::new();
        for name in HOOKS {
            let path = hooks_dir.join(name);
            let existing = std::fs::read_to_string(&path).ok();
            let ours = existing.as_deref().is_some_and(|e| e.contains(MARKER));
            let mut note = if ours { "updated" } else { "installed" };
            if existing.is_some() && !ours {
                let kept = hooks_dir.join(format!("{name}{CHAINED}"));
                if kept.exists() {
                    return Err(Error::precondition(
                        ErrorCode::ValidationError,
                        "Cannot chain hook",
                        format!(
                            "{} exists and {} is taken too",
                            path.display(),
                            kept.display()
                        ),
                        &["Merge those two hooks by hand, then run install-hooks again"],
                    ));
                }
                std::fs::rename(&path, &kept).map_err(io_err(&path))?;
                note = "installed (your existing hook runs first)";
            }
            fsutil::write_atomic(&path, hook_script(name).as_bytes()).map_err(io_err(&path))?;
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                .map_err(io_err(&path))?;
            lines.push(format!("{name}: {note} at {}", path.display()));
            installed
                .push(json!({ "hook": name, "path": path.display().to_string(), "result": note }));
        }
        Ok(Box::new(Done {
            lines,
            json: json!({ "hooks": installed, "success": true }),
        }))
    }
}

/// Install the ticket merge driver: a .gitattributes line and the merge.ticket config.
///
/// With it, `git merge` combines two versions of a ticket field by field (later times win
/// for started_at/closed_at, related is a union) and merges the body as text. A field changed
/// to different values on both sides, or body lines changed on both, are a conflict: git
/// stops, with markers labelled by the branch names around those lines only. Running it
/// again updates a driver set up by an older version.
#[derive(Debug, clap::Args)]
pub struct MergeDriverArgs {}

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
        _args: MergeDriverArgs,
    ) -> Result<Box<dyn Outcome>, Error> {
        let project = ctx.project()?;
        let dir = project.config.tickets.dir.trim_end_matches('/');
        let line = format!("{dir}/**/*.md merge=ticket");
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
/// calls its _git_ticket for `git ticket <TAB>`); zsh: save as _git-ticket on your fpath;
/// fish: save as ~/.config/fish/completions/git-ticket.fish.
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
