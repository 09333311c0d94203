//! `git ticket fsck [--fix]`: checks that tickets, folders, links, branches and worktrees
//! agree, and repairs what is safe to repair.
//!
//! Output format (stable): one line per finding, `<kind>\t<subject>\t<message>`, where kind is
//! one of `invalid-file`, `wrong-folder`, `duplicate-id`, `dangling-parent`,
//! `dangling-current`, `orphan-branch`, `orphan-worktree`, `stale-worktree`, `leftover-temp`,
//! `interrupted-operation`;
//! with `--fix`, repaired findings end with `\t(fixed)`. Exit 1 when a finding is left
//! unrepaired, 0 otherwise.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::commands::porcelain::flow::{self, Tree};
use crate::context::{Ctx, Project};
use crate::current;
use crate::error::Error;
use crate::git;
use crate::output::{FormatArg, Out, Outcome, write_json};
use crate::registry::{Command, Cost, Exec, Group, Profile};
use crate::ticket::id::slug_of;
use crate::ticket::store::load;
use crate::ticket::{Status, Ticket};

/// Check tickets, folders, links, branches and worktrees for consistency.
///
/// Finds: unreadable ticket files, tickets in the wrong folder for their timestamps, the same
/// ID in two folders, parent links to missing tickets, a current-ticket.md pointing nowhere,
/// ticket branches and worktrees without a ticket, worktrees whose folder is gone, and
/// temporary files left by an interrupted write. --fix moves tickets to their status folder,
/// removes dangling links, stale worktree records and leftover temporary files.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Repair what is safe to repair
    #[arg(long)]
    fix: bool,
    #[command(flatten)]
    format: FormatArg,
}

/// The `fsck` command.
pub struct Fsck;

impl Command for Fsck {
    const NAME: &'static str = "fsck";
    const SUMMARY: &'static str = "Check (and --fix) ticket consistency";
    const GROUP: Group = Group::Plumbing;
    const PROFILE: Profile = Profile {
        exec: Exec::Parallel,
        cost: Cost::PerTicket,
    };
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let env = ctx.env;
        let project = ctx.project()?;
        let common = project.repo()?.commondir().to_owned();
        let interrupted = crate::journal::pending(&common);
        // With --fix, taking the lock finishes interrupted operations (see flow::lock).
        let _lock = if args.fix {
            Some(flow::lock(env, project, "fsck --fix")?)
        } else {
            None
        };
        let still = crate::journal::pending(&common);
        let mut findings = check(project, args.fix)?;
        for found in interrupted {
            let (subject, message) = match &found {
                Ok((_, r)) => (
                    r.ticket.clone(),
                    format!(
                        "{:?} interrupted at step {:?} (pid {})",
                        r.op, r.step, r.pid
                    )
                    .to_lowercase(),
                ),
                Err(p) => (p.display().to_string(), "unreadable journal record".into()),
            };
            let fixed = !still.iter().any(|s| match (s, &found) {
                (Ok((a, _)), Ok((b, _))) | (Err(a), Err(b)) => a == b,
                _ => false,
            });
            findings.push(Finding {
                kind: "interrupted-operation",
                subject,
                message,
                fixed,
            });
        }
        findings.sort_by(|a, b| (a.kind, &a.subject).cmp(&(b.kind, &b.subject)));
        let report = Report { findings };
        if report.unfixed() > 0 {
            ctx.warnings.push(format!(
                "{} problem(s) found; {}",
                report.unfixed(),
                if args.fix {
                    "repair the remaining ones by hand (see each line)"
                } else {
                    "repair what is safe automatically with: git ticket fsck --fix"
                }
            ));
        }
        Ok(Box::new(report))
    }
}

/// One inconsistency.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable kind name.
    pub kind: &'static str,
    /// The file, ticket, branch or worktree concerned.
    pub subject: String,
    /// What is wrong (and what was done).
    pub message: String,
    /// Whether `--fix` repaired it.
    pub fixed: bool,
}

fn check(project: &Project, fix: bool) -> Result<Vec<Finding>, Error> {
    let mut out = Vec::new();
    let mut push = |kind, subject: String, message: String, fixed| {
        out.push(Finding {
            kind,
            subject,
            message,
            fixed,
        })
    };
    let store = &project.store;
    let (entries, problems) = store.entries(&Status::ALL)?;
    for p in problems {
        push(
            "invalid-file",
            p.path.display().to_string(),
            p.reason,
            false,
        );
    }
    // Leftover temporary files of interrupted atomic writes.
    for folder in Status::ALL {
        let Ok(read) = std::fs::read_dir(store.dir(folder)) else {
            continue;
        };
        for e in read.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                let fixed = fix && std::fs::remove_file(e.path()).is_ok();
                push(
                    "leftover-temp",
                    e.path().display().to_string(),
                    "temporary file of an interrupted write".into(),
                    fixed,
                );
            }
        }
    }
    let mut tickets: Vec<Ticket> = Vec::new();
    for e in &entries {
        match load(e, false) {
            Ok(t) => tickets.push(t),
            Err(p) => push(
                "invalid-file",
                p.path.display().to_string(),
                format!(
                    "{}{}",
                    p.line.map(|l| format!("line {l}: ")).unwrap_or_default(),
                    p.reason
                ),
                false,
            ),
        }
    }
    let mut by_id: HashMap<&str, Vec<&Ticket>> = HashMap::new();
    for t in &tickets {
        by_id.entry(t.id.as_str()).or_default().push(t);
    }
    for (id, same) in &by_id {
        if same.len() > 1 {
            let folders: Vec<&str> = same.iter().map(|t| t.folder.as_str()).collect();
            push(
                "duplicate-id",
                (*id).to_owned(),
                format!("in several folders: {}", folders.join(", ")),
                false,
            );
        }
    }
    for t in &tickets {
        let status = t.status();
        if status != t.folder && by_id[t.id.as_str()].len() == 1 {
            let to = store.dir(status).join(format!("{}.md", t.id));
            let fixed = fix
                && !to.exists()
                && std::fs::create_dir_all(store.dir(status)).is_ok()
                && std::fs::rename(&t.path, &to).is_ok();
            push(
                "wrong-folder",
                t.id.clone(),
                format!(
                    "in {}/ but its timestamps say {status}{}",
                    t.folder,
                    if fixed {
                        format!("; moved to {status}/ (commit the move)")
                    } else {
                        String::new()
                    }
                ),
                fixed,
            );
        }
        if let Some(p) = t.meta.parent()
            && !by_id.contains_key(p)
        {
            push(
                "dangling-parent",
                t.id.clone(),
                format!("parent {p} does not exist"),
                false,
            );
        }
    }
    match current::read(&project.root) {
        Ok(Some(c)) => {
            let target = project.root.join(&c.target);
            if !target.exists() {
                let fixed = fix && std::fs::remove_file(project.root.join(current::LINK)).is_ok();
                push(
                    "dangling-current",
                    current::LINK.into(),
                    format!(
                        "points to {} which does not exist (git ticket restore recreates it)",
                        c.target.display()
                    ),
                    fixed,
                );
            }
        }
        Ok(None) => {}
        Err(e) => push(
            "dangling-current",
            current::LINK.into(),
            e.to_string(),
            false,
        ),
    }
    let repo = project.repo()?;
    let is_ticket_name = |b: &str| slug_of(b).is_some();
    // Where a ticket's file would be, relative to a working tree's root.
    let rel_paths = |id: &str| -> Vec<PathBuf> {
        Status::ALL
            .iter()
            .map(|s| flow::rel(&project.root, store.dir(*s)).join(format!("{id}.md")))
            .collect()
    };
    // A ticket created on a branch (a sub-ticket) exists there even if not here.
    let on_branch = |b: &str| -> bool {
        let Some(tree) = git::branch_tip(repo, b)
            .and_then(|oid| repo.find_commit(oid).ok())
            .and_then(|c| c.tree().ok())
        else {
            return false;
        };
        rel_paths(b).iter().any(|p| tree.get_path(p).is_ok())
    };
    let in_worktree = |root: &Path, b: &str| rel_paths(b).iter().any(|p| root.join(p).exists());
    let worktrees = git::worktrees(repo);
    let mut stale = false;
    for w in worktrees.iter().filter(|w| !w.main) {
        let subject = w.path.display().to_string();
        if w.missing {
            stale = true;
            push(
                "stale-worktree",
                subject,
                "registered, but its folder is gone".into(),
                fix,
            );
            continue;
        }
        if let Some(b) = &w.branch
            && is_ticket_name(b)
            && !by_id.contains_key(b.as_str())
            && !in_worktree(&w.path, b)
        {
            push(
                "orphan-worktree",
                subject,
                format!("branch {b} looks like a ticket, but there is no such ticket here"),
                false,
            );
        }
    }
    if stale && fix {
        let git = flow::git(project)?;
        let tree = Tree {
            repo,
            root: &project.root,
        };
        git.run(tree.target(), &["worktree", "prune"])
            .map_err(|err| Error::GitCommand {
                code: "GIT_MERGE_FAILED",
                err,
                state: "The other repairs were done".into(),
            })?;
    }
    for b in repo.branches(Some(git2::BranchType::Local))?.flatten() {
        let Some(name) = b.0.name().ok().flatten().map(str::to_owned) else {
            continue;
        };
        if is_ticket_name(&name) && !by_id.contains_key(name.as_str()) && !on_branch(&name) {
            push(
                "orphan-branch",
                name,
                "looks like a ticket branch, but there is no such ticket here".into(),
                false,
            );
        }
    }
    out.sort_by(|a, b| (a.kind, &a.subject).cmp(&(b.kind, &b.subject)));
    Ok(out)
}

struct Report {
    findings: Vec<Finding>,
}

impl Report {
    fn unfixed(&self) -> usize {
        self.findings.iter().filter(|f| !f.fixed).count()
    }

    fn lines(&self) -> String {
        self.findings
            .iter()
            .map(|f| {
                format!(
                    "{}\t{}\t{}{}",
                    f.kind,
                    f.subject,
                    f.message,
                    if f.fixed { "\t(fixed)" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Outcome for Report {
    fn text(&self, out: &mut Out<'_>) -> io::Result<()> {
        if self.findings.is_empty() {
            return Ok(());
        }
        writeln!(out.w, "{}", self.lines())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            findings: &'a [Finding],
            ok: bool,
        }
        write_json(
            w,
            &Json {
                findings: &self.findings,
                ok: self.unfixed() == 0,
            },
        )
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.unfixed() > 0)
    }
}
