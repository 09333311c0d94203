//! `git ticket init`: writes TicketFlow's default `.ticketflow.yaml`, creates the ticket
//! folders with their `.gitkeep` placeholders and adds `current-ticket.md` to `.gitignore`.
//! Commits nothing.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::config::{self, Config};
use crate::error::Error;
use crate::fsutil;
use crate::ops::agents::Action;
use crate::output::{Outcome, Ui, write_json};
use crate::ticket::Status;
use crate::ticket::store::Store;

/// Initialize git-ticket (TicketFlow) in the current working tree.
///
/// Writes the default `.ticketflow.yaml`, creates tickets/todo, tickets/doing and tickets/done,
/// each with an empty `.gitkeep` (so that git never sees a ticket folder that became empty as
/// renamed when merging), and adds `current-ticket.md` to `.gitignore`. Nothing is committed:
/// commit `.ticketflow.yaml`, `.gitignore` and the folders yourself, since worktrees read the
/// committed config. Running it again changes nothing.
///
/// With --agents it also writes the instructions for AI agents (run `git ticket prime` at the
/// start of a session, and the rules of the work) as one block between
/// `<!-- git-ticket:start -->` and `<!-- git-ticket:end -->` in AGENTS.md (created if needed)
/// and in CLAUDE.md when that file exists. Text outside the block is never touched; running
/// it again changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Also write the git-ticket block of AGENTS.md (and CLAUDE.md if it exists)
    #[arg(long)]
    agents: bool,
}

/// The `init` command.
pub struct Init;

impl Command for Init {
    const NAME: &'static str = "init";
    const SUMMARY: &'static str = "Initialize ticket management in this repository";
    const GROUP: Group = Group::Porcelain;
    const READS_CONFIG: bool = false;
    type Args = Args;

    fn run(_ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let repo = crate::git::Repo::discover()?;
        let root = repo.root();
        let config_path = root.join(config::FILE_NAME);
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Io { path, source }
        };
        // The branch work is merged into: the current one (born or unborn), else git's
        // `init.defaultBranch`, else main.
        let branch = repo
            .current_branch()
            .or_else(|| repo.config_string("init.defaultBranch"))
            .unwrap_or_else(|| "main".into());
        let text = config::DEFAULT_YAML.replacen(
            "    default_branch: main\n",
            &format!("    default_branch: {}\n", yaml_scalar(&branch)),
            1,
        );
        match fsutil::create_exclusive(&config_path, text.as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return with_agents(
                    args.agents,
                    root,
                    Initialized {
                        created: false,
                        config_path,
                        tickets_dir: None,
                        agents: None,
                    },
                );
            }
            other => other.map_err(io(&config_path))?,
        }
        // The config init just wrote is this person's own: its init commands may run here.
        crate::trust::trust(repo.common_dir(), text.as_bytes()).map_err(io(&config_path))?;
        let config = Config::default();
        let tickets_dir = config.tickets_dir(root);
        let store = Store::new(root, &config);
        for status in Status::ALL {
            store.create_placeholder(status)?;
        }
        let gitignore = root.join(".gitignore");
        let current = match std::fs::read(&gitignore) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io(&gitignore)(e)),
        };
        if !contains(&current, b"current-ticket.md") {
            let mut updated = current;
            updated.extend_from_slice(b"\n# TicketFlow\ncurrent-ticket.md\n.worktrees/\n");
            fsutil::write_atomic(&gitignore, &updated).map_err(io(&gitignore))?;
        }
        with_agents(
            args.agents,
            root,
            Initialized {
                created: true,
                config_path,
                tickets_dir: Some(tickets_dir),
                agents: None,
            },
        )
    }
}

/// `done`, after writing the agent files under `root` when `agents` (`--agents`).
fn with_agents(
    agents: bool,
    root: &Path,
    mut done: Initialized,
) -> Result<Box<dyn Outcome>, Error> {
    if agents {
        done.agents = Some(crate::ops::agents::write(root)?);
    }
    Ok(Box::new(done))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

struct Initialized {
    created: bool,
    config_path: PathBuf,
    tickets_dir: Option<PathBuf>,
    /// `--agents`: each agent file and what was done to it.
    agents: Option<Vec<(PathBuf, Action)>>,
}

impl Outcome for Initialized {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        self.text_init(out)?;
        for (path, action) in self.agents.iter().flatten() {
            let action = action.as_str();
            writeln!(out.w, "Agent instructions {action}: {}", path.display())?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut v = json!({
            "config_path": self.config_path.display().to_string(),
            "initialized": self.created,
            "message": if self.created { "Initialized ticket system successfully" } else { "Ticket system already initialized" },
            "success": true,
            "tickets_dir": self.tickets_dir.as_ref().map(|d| d.display().to_string()),
        });
        if let Some(files) = &self.agents {
            v["agent_files"] = files
                .iter()
                .map(|(p, a)| json!({ "action": a.as_str(), "path": p.display().to_string() }))
                .collect();
        }
        write_json(w, &v)
    }
}

impl Initialized {
    fn text_init(&self, out: &mut Ui<'_>) -> io::Result<()> {
        if !self.created {
            return writeln!(out.w, "Ticket system already initialized");
        }
        writeln!(out.w, "Initialized ticket system successfully")?;
        writeln!(
            out.w,
            "Configuration saved to: {}",
            self.config_path.display()
        )?;
        if let Some(dir) = &self.tickets_dir {
            writeln!(out.w, "Tickets directory: {}", dir.display())?;
        }
        writeln!(
            out.w,
            "Next: commit .ticketflow.yaml, .gitignore and tickets/, then 'git ticket new <slug>'"
        )
    }
}

/// `s` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
fn yaml_scalar(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
    }
}
