//! The state of the terminal UI and its key handling: which view is open, the selection,
//! the tabs, the search, the dialogs and the status line. Pure: a key changes the state and
//! may ask for a [`Cmd`] (start, close, new, edit…), which [`super::session`] carries out
//! through the operations; nothing here touches the terminal, the files or git.

use std::collections::HashSet;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use super::adapters::Board;
use super::data::{Tab, Tickets};
use super::keys::{self, Action, Views};
use crate::git::WorktreeInfo;
use crate::ticket::{Status, Ticket};

/// Longest close reason the dialog takes (TicketFlow's limit).
pub const REASON_MAX: usize = 200;
/// Longest slug the form takes (TicketFlow's limit).
pub const SLUG_MAX: usize = 50;

/// What the state asks the session to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cmd {
    /// Open the detail of ticket `id` (reads its file).
    Open(String),
    /// Start ticket `id` (`ops::start`).
    Start(String),
    /// Open the close dialog for ticket `id` (the session knows whether a reason is needed).
    AskClose(String),
    /// Close ticket `id` (`ops::close`).
    Close {
        /// The ticket.
        id: String,
        /// The reason, if one was given.
        reason: Option<String>,
    },
    /// Create a ticket (`ops::new`).
    New(NewTicket),
    /// Start the next ready ticket.
    ClaimNext,
    /// Read the tickets again.
    Reload,
    /// Edit ticket `id`'s file in `$EDITOR`.
    Edit(String),
    /// Open the board.
    Board,
    /// Open the worktree view.
    Worktrees,
    /// Suspend to the shell.
    Suspend,
}

/// The new-ticket form's values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewTicket {
    /// The slug.
    pub slug: String,
    /// The priority.
    pub priority: i64,
    /// The description (one line).
    pub description: String,
    /// The content (replaces the template when not empty).
    pub content: String,
}

/// A ticket's detail.
#[derive(Debug)]
pub struct Detail {
    /// The ticket, with its body.
    pub ticket: Ticket,
    /// Its content, line by line.
    pub lines: Vec<String>,
    /// The first content line shown.
    pub scroll: usize,
    /// What it waits on (not done yet), as people read it.
    pub waits_on: Vec<String>,
    /// Everything it is blocked by, done or not.
    pub blocked_by: Vec<String>,
    /// The tickets it blocks.
    pub blocks: Vec<String>,
    /// Its worktree, when it has one.
    pub worktree: Option<PathBuf>,
}

/// The board view.
#[derive(Debug, Default)]
pub struct BoardView {
    /// The board.
    pub board: Board,
    /// The selected column.
    pub column: usize,
    /// The selected card of each column.
    pub rows: [usize; 4],
}

/// The worktree view.
#[derive(Debug, Default)]
pub struct WorktreeView {
    /// The repository's working trees, the main one first.
    pub items: Vec<WorktreeInfo>,
    /// The commit each one's HEAD points to (by position in `items`).
    pub heads: Vec<Option<String>>,
    /// The selected one.
    pub selected: usize,
}

/// A view the screen shows; views stack (a detail opened from the board goes back to it).
#[derive(Debug)]
pub enum Screen {
    /// A ticket's detail.
    Detail(Box<Detail>),
    /// The board.
    Board(BoardView),
    /// The worktrees.
    Worktrees(WorktreeView),
}

/// The close dialog.
#[derive(Debug)]
pub struct CloseDialog {
    /// The ticket.
    pub id: String,
    /// A reason is needed (not the current ticket, branch not merged).
    pub required: bool,
    /// The reason typed.
    pub input: TextArea<'static>,
    /// Why the last try was refused.
    pub error: Option<String>,
}

/// The new-ticket form.
#[derive(Debug)]
pub struct NewForm {
    /// Slug, priority, description, content.
    pub fields: [TextArea<'static>; 4],
    /// The field being typed in.
    pub focus: usize,
    /// Why the last try was refused.
    pub error: Option<String>,
}

/// The names of the form's fields.
pub const FORM_FIELDS: [&str; 4] = ["Slug", "Priority (1-3)", "Description", "Content"];

/// A question an operation asks (yes or no).
#[derive(Debug)]
pub struct Confirm {
    /// What to read before answering.
    pub lines: Vec<String>,
    /// The question.
    pub question: String,
}

/// What is drawn over the view.
#[derive(Debug, Default)]
pub enum Overlay {
    /// Nothing.
    #[default]
    None,
    /// The key help.
    Help,
    /// The close dialog.
    Close(Box<CloseDialog>),
    /// The new-ticket form.
    New(Box<NewForm>),
    /// An operation's question.
    Confirm(Confirm),
}

/// The status line: the last thing that happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusLine {
    /// The text.
    pub text: String,
    /// It is an error.
    pub error: bool,
}

/// How the UI looks and what the project allows.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Colours may be used.
    pub color: bool,
    /// `worktree.enabled`.
    pub worktrees: bool,
    /// `git.default_branch`.
    pub default_branch: String,
    /// The main working tree (paths are shown relative to it).
    pub main_root: PathBuf,
}

/// The whole state of the UI.
#[derive(Debug)]
pub struct App {
    /// The tickets.
    pub tickets: Tickets,
    /// Look and project settings.
    pub settings: Settings,
    /// The list's tab.
    pub tab: Tab,
    /// The search text (kept after `enter`).
    pub query: String,
    /// The search field, while typing.
    pub search: Option<TextArea<'static>>,
    /// The list's rows (indices into `tickets.all`).
    pub rows: Vec<u32>,
    /// The tab and query `rows` were computed for (a longer query filters them further).
    rows_for: (Tab, String),
    /// The selected row.
    pub selected: usize,
    /// Rows shown by the last frame (for page keys).
    pub page: usize,
    /// The first list row shown by the last frame.
    pub offset: usize,
    /// Marked tickets (space).
    pub marks: HashSet<String>,
    /// The views over the list, innermost last.
    pub screens: Vec<Screen>,
    /// What is drawn over the view.
    pub overlay: Overlay,
    /// The status line.
    pub status: Option<StatusLine>,
    /// The UI should end.
    pub quit: bool,
}

fn text_field(placeholder: &str, wrap: bool) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder.to_owned());
    t.set_cursor_line_style(ratatui::style::Style::default());
    if wrap {
        t.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    t
}

fn field_text(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

impl NewForm {
    fn new() -> NewForm {
        let mut priority = text_field("2", false);
        priority.insert_str("2");
        NewForm {
            fields: [
                text_field("feature-name", false),
                priority,
                text_field("Brief description of the ticket...", true),
                text_field("Detailed ticket content (markdown)...", true),
            ],
            focus: 0,
            error: None,
        }
    }

    /// The form's values, checked.
    fn values(&self) -> Result<NewTicket, String> {
        let slug = field_text(&self.fields[0]).trim().to_owned();
        if slug.is_empty() {
            return Err("slug is required".into());
        }
        let priority = match field_text(&self.fields[1]).trim() {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => return Err("priority must be 1, 2, or 3".into()),
        };
        Ok(NewTicket {
            slug,
            priority,
            // A description is one line in the frontmatter.
            description: field_text(&self.fields[2])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            content: field_text(&self.fields[3]),
        })
    }
}

impl App {
    /// The UI over `tickets`, on the ALL tab.
    pub fn new(tickets: Tickets, settings: Settings) -> App {
        let mut app = App {
            tickets,
            settings,
            tab: Tab::All,
            query: String::new(),
            search: None,
            rows: Vec::new(),
            rows_for: (Tab::All, String::new()),
            selected: 0,
            page: 10,
            offset: 0,
            marks: HashSet::new(),
            screens: Vec::new(),
            overlay: Overlay::None,
            status: None,
            quit: false,
        };
        app.refilter(true);
        if let (n @ 1.., Some(first)) = &app.tickets.problems {
            app.error(format!(
                "{n} ticket file(s) could not be read (git ticket fsck lists them): {first}"
            ));
        }
        app
    }

    /// Shows `text` in the status line as an error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            error: true,
        });
    }

    /// Shows `text` in the status line.
    pub fn note(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            error: false,
        });
    }

    /// The ticket of the selected list row.
    pub fn selected_ticket(&self) -> Option<&Ticket> {
        let i = *self.rows.get(self.selected)?;
        self.tickets.all.get(i as usize)
    }

    /// Replaces the tickets (after a change on disk or an operation), keeping the selection
    /// on the same ticket where it still shows.
    pub fn replace_tickets(&mut self, tickets: Tickets) {
        let keep = self.selected_ticket().map(|t| t.id.clone());
        self.tickets = tickets;
        self.refilter(true);
        if let Some(id) = keep
            && let Some(at) = self
                .rows
                .iter()
                .position(|&i| self.tickets.all[i as usize].id == id)
        {
            self.selected = at;
        }
        if let Some(Screen::Board(b)) = self.screens.last_mut() {
            // The board is rebuilt by the session; keep the selection in range.
            for (r, col) in b.rows.iter_mut().zip(&b.board.columns) {
                *r = (*r).min(col.len().saturating_sub(1));
            }
        }
    }

    /// Recomputes the list's rows from the tab and the query (`full`: from scratch; else a
    /// query that only grew filters the current rows further).
    fn refilter(&mut self, full: bool) {
        let query = self.live_query();
        let grew = !full
            && self.rows_for.0 == self.tab
            && query.starts_with(&self.rows_for.1)
            && !self.rows_for.1.is_empty();
        let base = if grew {
            std::mem::take(&mut self.rows)
        } else {
            self.tickets.tab(self.tab)
        };
        self.rows = self.tickets.search(&base, &query);
        self.rows_for = (self.tab, query);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The search text now: the field while typing, else the kept query.
    pub fn live_query(&self) -> String {
        match &self.search {
            Some(t) => field_text(t),
            None => self.query.clone(),
        }
    }

    /// The view the keys go to.
    fn views(&self) -> Views {
        match self.screens.last() {
            None => Views::LIST,
            Some(Screen::Detail(_)) => Views::DETAIL,
            Some(Screen::Board(_)) => Views::BOARD,
            Some(Screen::Worktrees(_)) => Views::WORKTREES,
        }
    }

    /// Handles one key; returns what the session must do, if anything.
    pub fn on_key(&mut self, key: KeyEvent) -> Option<Cmd> {
        if keys::is_quit(&key) {
            self.quit = true;
            return None;
        }
        match &mut self.overlay {
            Overlay::None => {}
            Overlay::Help => {
                if matches!(key.code, KeyCode::Char('?' | 'q') | KeyCode::Esc) {
                    self.overlay = Overlay::None;
                }
                return None;
            }
            Overlay::Close(_) => return self.close_key(key),
            Overlay::New(_) => return self.form_key(key),
            // Answered by the session, which waits for it.
            Overlay::Confirm(_) => return None,
        }
        if self.search.is_some() {
            return self.search_key(key);
        }
        let action = keys::action(self.views(), &key)?;
        match action {
            Action::Quit => {
                self.quit = true;
                None
            }
            Action::Suspend => Some(Cmd::Suspend),
            Action::Help => {
                self.overlay = Overlay::Help;
                None
            }
            Action::Back => {
                if self.screens.pop().is_none() {
                    if key.code == KeyCode::Esc {
                        // esc in the list clears a kept search; q quits.
                        if !self.query.is_empty() {
                            self.query.clear();
                            self.refilter(true);
                        }
                    } else {
                        self.quit = true;
                    }
                }
                None
            }
            Action::Reload => Some(Cmd::Reload),
            Action::Board => Some(Cmd::Board),
            Action::Worktrees => Some(Cmd::Worktrees),
            Action::New => {
                self.overlay = Overlay::New(Box::new(NewForm::new()));
                None
            }
            Action::ClaimNext => Some(Cmd::ClaimNext),
            _ => match self.screens.last_mut() {
                None => self.list_action(action),
                Some(Screen::Detail(d)) => detail_action(d, action, self.page),
                Some(Screen::Board(b)) => board_action(b, action, self.page),
                Some(Screen::Worktrees(w)) => {
                    w.selected = step(w.selected, w.items.len(), action, self.page);
                    None
                }
            },
        }
    }

    fn list_action(&mut self, action: Action) -> Option<Cmd> {
        let id = self.selected_ticket().map(|t| t.id.clone());
        match action {
            Action::NextTab | Action::PrevTab => {
                self.set_tab(self.tab.cycle(action == Action::NextTab));
            }
            Action::TabAll => self.set_tab(Tab::All),
            Action::TabTodo => self.set_tab(Tab::Todo),
            Action::TabDoing => self.set_tab(Tab::Doing),
            Action::TabDone => self.set_tab(Tab::Done),
            Action::TabReady => self.set_tab(Tab::Ready),
            Action::Search => {
                let mut field = text_field("", false);
                field.insert_str(&self.query);
                self.search = Some(field);
            }
            Action::Mark => {
                if let Some(id) = id
                    && !self.marks.remove(&id)
                {
                    self.marks.insert(id);
                }
            }
            Action::Open => return id.map(Cmd::Open),
            Action::Start => return self.start(id?),
            Action::Close => return self.close(id?),
            Action::Edit => return id.map(Cmd::Edit),
            _ => self.selected = step(self.selected, self.rows.len(), action, self.page),
        }
        None
    }

    fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
        self.selected = 0;
        self.refilter(true);
    }

    /// Asks to start `id`, unless its status says it cannot be.
    pub fn start(&mut self, id: String) -> Option<Cmd> {
        match self.tickets.find(&id).map(Ticket::status) {
            Some(Status::Done) => {
                self.error(format!("{id} is done; it cannot be started again"));
                None
            }
            _ => Some(Cmd::Start(id)),
        }
    }

    /// Asks to close `id`, unless it is done.
    pub fn close(&mut self, id: String) -> Option<Cmd> {
        match self.tickets.find(&id).map(Ticket::status) {
            Some(Status::Done) => {
                self.error(format!("{id} is already done"));
                None
            }
            _ => Some(Cmd::AskClose(id)),
        }
    }

    /// Opens the close dialog.
    pub fn open_close_dialog(&mut self, id: String, required: bool) {
        self.overlay = Overlay::Close(Box::new(CloseDialog {
            id,
            required,
            input: text_field(
                if required {
                    "why (required)"
                } else {
                    "why (optional)"
                },
                false,
            ),
            error: None,
        }));
    }

    fn search_key(&mut self, key: KeyEvent) -> Option<Cmd> {
        let field = self.search.as_mut()?;
        match key.code {
            KeyCode::Enter => {
                self.query = field_text(field);
                self.search = None;
            }
            KeyCode::Esc => {
                self.query.clear();
                self.search = None;
                self.refilter(true);
            }
            KeyCode::Up | KeyCode::Down => {
                let action = if key.code == KeyCode::Up {
                    Action::Up
                } else {
                    Action::Down
                };
                self.selected = step(self.selected, self.rows.len(), action, self.page);
            }
            _ => {
                let before = self.rows_for.1.clone();
                if field.input(key) {
                    let now = field_text(field);
                    self.selected = 0;
                    self.refilter(!now.starts_with(&before));
                }
            }
        }
        None
    }

    fn close_key(&mut self, key: KeyEvent) -> Option<Cmd> {
        let Overlay::Close(d) = &mut self.overlay else {
            return None;
        };
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Enter => {
                let reason = field_text(&d.input);
                if reason.is_empty() && d.required {
                    d.error = Some("reason is required for abandoned tickets".into());
                } else if !reason.is_empty() && reason.trim().is_empty() {
                    d.error = Some("reason cannot be only whitespace".into());
                } else {
                    let id = d.id.clone();
                    self.overlay = Overlay::None;
                    return Some(Cmd::Close {
                        id,
                        reason: (!reason.is_empty()).then_some(reason),
                    });
                }
            }
            _ => {
                d.input.input(key);
                limit(&mut d.input, REASON_MAX);
            }
        }
        None
    }

    fn form_key(&mut self, key: KeyEvent) -> Option<Cmd> {
        let Overlay::New(f) = &mut self.overlay else {
            return None;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Char('s') if ctrl => match f.values() {
                Ok(values) => {
                    self.overlay = Overlay::None;
                    return Some(Cmd::New(values));
                }
                Err(e) => f.error = Some(e),
            },
            KeyCode::Tab => f.focus = (f.focus + 1) % f.fields.len(),
            KeyCode::BackTab => f.focus = (f.focus + f.fields.len() - 1) % f.fields.len(),
            // Slug and priority are one line: enter moves on.
            KeyCode::Enter if f.focus < 2 => f.focus += 1,
            _ => {
                let field = &mut f.fields[f.focus];
                field.input(key);
                if f.focus == 0 {
                    limit(field, SLUG_MAX);
                }
            }
        }
        None
    }
}

/// Cuts a one-line field to `max` characters.
fn limit(field: &mut TextArea<'static>, max: usize) {
    let text = field_text(field);
    if text.chars().count() > max {
        let cut: String = text.chars().take(max).collect();
        *field = {
            let mut t = TextArea::new(vec![cut]);
            t.set_cursor_line_style(ratatui::style::Style::default());
            t.move_cursor(ratatui_textarea::CursorMove::End);
            t
        };
    }
}

/// A selection moved by `action` among `len` rows.
fn step(at: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => (at + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => at.saturating_sub(page.max(1)),
        Action::PageDown => (at + page.max(1)).min(last),
        _ => at,
    }
}

fn detail_action(d: &mut Detail, action: Action, page: usize) -> Option<Cmd> {
    let id = d.ticket.id.clone();
    match action {
        Action::Start => Some(Cmd::Start(id)),
        Action::Close => Some(Cmd::AskClose(id)),
        Action::Edit => Some(Cmd::Edit(id)),
        _ => {
            d.scroll = step(d.scroll, d.lines.len(), action, page);
            None
        }
    }
}

fn board_action(b: &mut BoardView, action: Action, page: usize) -> Option<Cmd> {
    let col = b.column;
    let card = b.board.columns[col].get(b.rows[col]).map(|c| c.id.clone());
    match action {
        Action::Left => b.column = col.saturating_sub(1),
        Action::Right => b.column = (col + 1).min(3),
        Action::Open => return card.map(Cmd::Open),
        Action::Start => return card.map(Cmd::Start),
        Action::Close => return card.map(Cmd::AskClose),
        Action::Edit => return card.map(Cmd::Edit),
        _ => b.rows[col] = step(b.rows[col], b.board.columns[col].len(), action, page),
    }
    None
}
