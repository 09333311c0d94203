//! A running terminal UI over one project: the state ([`App`]) and what carries out its
//! commands — the same operations as the CLI (`ops::start::start`, `ops::close::close`,
//! `ops::new::new`), given an [`ops::Ui`](crate::ops::Ui) that shows their notes in the
//! status line and asks their questions in a dialog. The terminal itself is behind [`Host`]
//! (a real one in [`super::terminal`], a test double in the snapshot tests), so that a key
//! press runs the same code with or without a terminal.

use std::path::Path;
use std::process::Stdio;

use ratatui::crossterm::event::KeyEvent;

use super::adapters;
use super::app::{
    App, BoardView, Cmd, Confirm, Detail, NewTicket, Overlay, Screen, Settings, WorktreeView,
};
use super::data::Tickets;
use crate::current;
use crate::env::Env;
use crate::error::Error;
use crate::git::worktree_of_branch;
use crate::ops::close::{CloseInput, close};
use crate::ops::new::{NewInput, new};
use crate::ops::start::{StartInput, Started, start};
use crate::ops::{self, Project};
use crate::ticket::store::{Entry, load};
use crate::trace::Trace;

/// What the UI needs from the terminal it runs in.
pub trait Host {
    /// Shows the question (the app's overlay holds it) and waits for yes or no.
    fn confirm(&mut self, app: &mut App) -> bool;
    /// Runs `$EDITOR` on `path` with the terminal given back to it meanwhile.
    fn edit(&mut self, path: &Path) -> Result<(), String>;
    /// Suspends the process (ctrl+z) with the terminal restored; returns once resumed.
    fn suspend(&mut self);
}

/// The operations' window on the UI: notes go to the status line, questions to a dialog.
struct OpsUi<'a> {
    app: &'a mut App,
    host: &'a mut dyn Host,
    notes: Vec<String>,
}

impl ops::Ui for OpsUi<'_> {
    fn note(&mut self, message: &str) {
        self.notes.push(message.to_owned());
    }

    fn can_ask(&self) -> bool {
        true
    }

    fn confirm(&mut self, lines: &[String], question: &str) -> std::io::Result<bool> {
        let before = std::mem::take(&mut self.app.overlay);
        self.app.overlay = Overlay::Confirm(Confirm {
            lines: lines.to_vec(),
            question: question.to_owned(),
        });
        let yes = self.host.confirm(self.app);
        self.app.overlay = before;
        Ok(yes)
    }

    fn child_output(&mut self, _command: &str) -> Option<(Stdio, Stdio)> {
        // Captured: the screen is the UI's; failures are reported in the status line.
        None
    }
}

/// How an error reads in the status line: message, details, the first next step.
pub fn describe(e: &Error) -> String {
    let info = e.info();
    let mut s = info.message.clone();
    if let Some(d) = info.details.as_ref().filter(|d| **d != info.message) {
        s.push_str(": ");
        s.push_str(d);
    }
    if let Some(first) = info.suggestions.first() {
        s.push_str(" — ");
        s.push_str(first);
    }
    s
}

/// A running UI: project, state, trace.
pub struct Session<'e> {
    /// The process environment.
    pub env: &'e Env,
    /// The project.
    pub project: &'e Project,
    /// The state.
    pub app: App,
    trace: Trace,
}

impl<'e> Session<'e> {
    /// Reads the tickets of `project` and opens the list.
    pub fn open(env: &'e Env, project: &'e Project, color: bool) -> Result<Session<'e>, Error> {
        let mut trace = Trace::new(false);
        let tickets = Tickets::load(project, &mut trace)?;
        let settings = Settings {
            color,
            worktrees: project.config.worktree.enabled,
            default_branch: project.config.git.default_branch.clone(),
            main_root: project
                .repo()
                .map(|r| r.main_root())
                .unwrap_or_else(|_| project.root.clone()),
        };
        Ok(Session {
            env,
            project,
            app: App::new(tickets, settings),
            trace,
        })
    }

    /// Handles one key press.
    pub fn key(&mut self, key: KeyEvent, host: &mut dyn Host) {
        if let Some(cmd) = self.app.on_key(key) {
            self.run(cmd, host);
        }
    }

    /// Ticket files changed on disk: reads them again.
    pub fn changed(&mut self) {
        self.reload();
    }

    /// Carries out `cmd`; a failure goes to the status line.
    pub fn run(&mut self, cmd: Cmd, host: &mut dyn Host) {
        let result = match cmd {
            Cmd::Open(id) => self.open_detail(&id),
            Cmd::Start(id) => self.start(&id, host),
            Cmd::AskClose(id) => {
                let required = !self.closes_without_reason(&id);
                self.app.open_close_dialog(id, required);
                Ok(())
            }
            Cmd::Close { id, reason } => self.close(&id, reason.as_deref(), host),
            Cmd::New(t) => self.create(&t, host),
            Cmd::ClaimNext => self.claim_next(host),
            Cmd::Reload => {
                self.reload();
                self.app.note("Reloaded");
                Ok(())
            }
            Cmd::Edit(id) => self.edit(&id, host),
            Cmd::Board => adapters::board(self.project).map(|board| {
                self.app.screens.push(Screen::Board(BoardView {
                    board,
                    ..BoardView::default()
                }));
            }),
            Cmd::Worktrees => {
                let items = self.worktrees();
                let heads = self.heads(&items);
                self.app.screens.push(Screen::Worktrees(WorktreeView {
                    items,
                    heads,
                    selected: 0,
                }));
                Ok(())
            }
            Cmd::Suspend => {
                host.suspend();
                Ok(())
            }
        };
        if let Err(e) = result {
            self.app.error(describe(&e));
        }
    }

    fn worktrees(&self) -> Vec<crate::git::WorktreeInfo> {
        if !self.project.config.worktree.enabled {
            return Vec::new();
        }
        self.project
            .repo()
            .map(|r| r.worktrees())
            .unwrap_or_default()
    }

    /// The commit each working tree's HEAD points to.
    fn heads(&self, items: &[crate::git::WorktreeInfo]) -> Vec<Option<String>> {
        let repo = self.project.repo().ok();
        items
            .iter()
            .map(|w| repo.and_then(|r| r.head_commit(&w.head)))
            .collect()
    }

    /// Reads the tickets again and refreshes the open views.
    pub fn reload(&mut self) {
        match Tickets::load(self.project, &mut self.trace) {
            Ok(t) => self.app.replace_tickets(t),
            Err(e) => return self.app.error(describe(&e)),
        }
        let detail_id = self.app.screens.iter().find_map(|s| match s {
            Screen::Detail(d) => Some(d.ticket.id.clone()),
            _ => None,
        });
        let detail = detail_id.and_then(|id| self.detail(&id).ok());
        let worktrees = self.worktrees();
        let heads = self.heads(&worktrees);
        // The board reads every branch: only when it is on screen; a failed read keeps the
        // last one.
        let board = self
            .app
            .screens
            .iter()
            .any(|s| matches!(s, Screen::Board(_)))
            .then(|| adapters::board(self.project).ok())
            .flatten();
        for screen in &mut self.app.screens {
            match screen {
                Screen::Detail(d) => {
                    if let Some(new) = &detail {
                        let scroll = d.scroll.min(new.lines.len().saturating_sub(1));
                        **d = Detail {
                            ticket: new.ticket.clone(),
                            lines: new.lines.clone(),
                            scroll,
                            waits_on: new.waits_on.clone(),
                            blocked_by: new.blocked_by.clone(),
                            blocks: new.blocks.clone(),
                            worktree: new.worktree.clone(),
                        };
                    }
                }
                Screen::Board(b) => {
                    let Some(board) = &board else { continue };
                    b.board = board.clone();
                    for (r, col) in b.rows.iter_mut().zip(&b.board.columns) {
                        *r = (*r).min(col.len().saturating_sub(1));
                    }
                }
                Screen::Worktrees(w) => {
                    w.items = worktrees.clone();
                    w.heads = heads.clone();
                    w.selected = w.selected.min(w.items.len().saturating_sub(1));
                }
            }
        }
    }

    fn detail(&self, id: &str) -> Result<Detail, Error> {
        let t = self.app.tickets.find(id).ok_or_else(|| {
            Error::Store(crate::ticket::store::StoreError::NotFound {
                reference: id.to_owned(),
            })
        })?;
        let entry = Entry {
            id: t.id.clone(),
            folder: t.folder,
            path: t.path.clone(),
        };
        let ticket = load(&entry, true).map_err(crate::ticket::store::StoreError::from)?;
        let deps = &self.app.tickets.deps;
        let lines = ticket
            .body
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(|l| l.replace('\t', "    "))
            .collect();
        let worktrees = self.worktrees();
        let worktree = worktree_of_branch(&worktrees, id)
            .filter(|w| !w.main)
            .map(|w| w.path.clone());
        Ok(Detail {
            lines,
            scroll: 0,
            waits_on: deps.unsatisfied(id).iter().map(|b| b.describe()).collect(),
            blocked_by: deps.blockers(id).iter().map(|b| b.describe()).collect(),
            blocks: deps.blocks(id).to_vec(),
            worktree,
            ticket,
        })
    }

    fn open_detail(&mut self, id: &str) -> Result<(), Error> {
        let d = self.detail(id)?;
        self.app.screens.push(Screen::Detail(Box::new(d)));
        Ok(())
    }

    /// Runs an operation with the UI's [`ops::Ui`]; its notes join the status line.
    fn with_ui<T>(
        &mut self,
        host: &mut dyn Host,
        op: impl FnOnce(&Env, &Project, &mut dyn ops::Ui) -> Result<T, Error>,
    ) -> (Result<T, Error>, Vec<String>) {
        let (env, project) = (self.env, self.project);
        let mut ui = OpsUi {
            app: &mut self.app,
            host,
            notes: Vec::new(),
        };
        let result = op(env, project, &mut ui);
        (result, ui.notes)
    }

    fn start(&mut self, id: &str, host: &mut dyn Host) -> Result<(), Error> {
        let input = StartInput {
            ticket: id,
            force: false,
            claim: Default::default(),
            from: None,
        };
        let (result, notes) = self.with_ui(host, |env, p, ui| start(env, p, &input, ui));
        let started = result?;
        self.reload();
        self.app.note(started_message(&started, &notes));
        Ok(())
    }

    fn claim_next(&mut self, host: &mut dyn Host) -> Result<(), Error> {
        let (result, notes) = self.with_ui(host, adapters::next_ready);
        let started = result?;
        self.reload();
        self.app.note(started_message(&started, &notes));
        Ok(())
    }

    /// Whether `id` may be closed without a reason: it is the current ticket, or its branch
    /// is merged into the default branch (as `ops::close` decides).
    fn closes_without_reason(&self, id: &str) -> bool {
        let current = match current::read(&self.project.root) {
            Ok(Some(c)) => Some(c.id),
            _ => self.project.repo().ok().and_then(|r| r.current_branch()),
        };
        current.as_deref() == Some(id)
            || self
                .project
                .repo()
                .is_ok_and(|r| r.is_merged(id, &self.project.config.git.default_branch))
    }

    fn close(&mut self, id: &str, reason: Option<&str>, host: &mut dyn Host) -> Result<(), Error> {
        let input = CloseInput {
            ticket: Some(id),
            reason,
            force: false,
        };
        let (result, notes) = self.with_ui(host, |env, p, ui| close(env, p, &input, ui));
        let closed = result?;
        self.reload();
        let mut msg = format!("Closed {}: committed \"{}\"", closed.id, closed.message);
        if let Some(w) = &closed.worktree {
            msg.push_str(&format!(
                "; its worktree stays at {} until git ticket cleanup {}",
                w.display(),
                closed.id
            ));
        }
        self.app.note(with_notes(msg, &notes));
        Ok(())
    }

    fn create(&mut self, t: &NewTicket, host: &mut dyn Host) -> Result<(), Error> {
        let mut content = t.content.clone();
        if !content.is_empty() && !content.ends_with('\n') {
            content.push('\n');
        }
        let input = NewInput {
            slug: &t.slug,
            parent: None,
            priority: Some(t.priority),
            description: Some(&t.description),
            content: Some(&content),
            ..NewInput::default()
        };
        let (result, notes) = self.with_ui(host, |env, p, ui| new(env, p, &input, ui));
        let created = result?;
        self.reload();
        // Show the new ticket: its tab, selected.
        if let Some(at) = self
            .app
            .rows
            .iter()
            .position(|&i| self.app.tickets.all[i as usize].id == created.id)
        {
            self.app.selected = at;
        }
        let msg = format!(
            "Created {} ({})",
            created.id,
            self.project.rel(&created.path).display()
        );
        self.app.note(with_notes(msg, &notes));
        Ok(())
    }

    fn edit(&mut self, id: &str, host: &mut dyn Host) -> Result<(), Error> {
        let path = match self.app.tickets.find(id) {
            Some(t) => t.path.clone(),
            None => self.project.store.resolve(id)?.path,
        };
        let result = host.edit(&path);
        self.reload();
        match result {
            Ok(()) => self.app.note(format!("Edited {id}")),
            Err(e) => self.app.error(e),
        }
        Ok(())
    }
}

fn with_notes(mut msg: String, notes: &[String]) -> String {
    for n in notes {
        msg.push_str(" · ");
        msg.push_str(n);
    }
    msg
}

/// The status line after a start: what `git ticket start` says first.
fn started_message(s: &Started, notes: &[String]) -> String {
    let id = &s.id;
    let mut msg = if s.done.nothing_to_repair {
        format!("Nothing to repair: {id} is already started")
    } else if s.done.branch_mode {
        format!("Started {id}: switched to branch {id}")
    } else {
        format!(
            "Started {id}: worktree {} (branch {id})",
            s.done.worktree_path.display()
        )
    };
    let failed = s.init_commands.iter().filter(|c| !c.success).count();
    if failed > 0 {
        msg.push_str(&format!(
            " · ⚠ {failed} init command(s) failed: {}",
            s.init_commands
                .iter()
                .filter(|c| !c.success)
                .map(|c| c.command.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(w) = &s.warning {
        msg.push_str(" · ⚠ ");
        msg.push_str(w);
    }
    with_notes(msg, notes)
}
