//! The key table of the terminal UI: the one list of what each key does where. The event
//! handler looks keys up here ([`action`]), the help overlay draws it, and the README's key
//! list and the `git-ticket-tui(1)` man page are generated from it ([`markdown`],
//! [`plain`]) — as the command registry drives help, man pages and completions.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Selection (or scroll) one up.
    Up,
    /// Selection (or scroll) one down.
    Down,
    /// Board: the column to the left.
    Left,
    /// Board: the column to the right.
    Right,
    /// First line.
    Top,
    /// Last line.
    Bottom,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Next tab.
    NextTab,
    /// Previous tab.
    PrevTab,
    /// The ALL tab (todo and doing).
    TabAll,
    /// The TODO tab.
    TabTodo,
    /// The DOING tab.
    TabDoing,
    /// The DONE tab.
    TabDone,
    /// The READY tab (todo, nothing blocking, in queue order).
    TabReady,
    /// Open the selected ticket.
    Open,
    /// Search.
    Search,
    /// New ticket.
    New,
    /// Start the selected ticket.
    Start,
    /// Close the selected ticket.
    Close,
    /// Edit the selected ticket in `$EDITOR`.
    Edit,
    /// Claim and start the next ready ticket.
    ClaimNext,
    /// Read the tickets again.
    Reload,
    /// Mark or unmark the selected ticket.
    Mark,
    /// The board view.
    Board,
    /// The worktree view.
    Worktrees,
    /// The help overlay.
    Help,
    /// Back (quit from the list).
    Back,
    /// Quit from anywhere.
    Quit,
    /// Suspend to the shell (`fg` resumes).
    Suspend,
}

/// Where a key works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Views(u8);

impl Views {
    /// The ticket list.
    pub const LIST: Views = Views(1);
    /// A ticket's detail.
    pub const DETAIL: Views = Views(2);
    /// The board.
    pub const BOARD: Views = Views(4);
    /// The worktree view.
    pub const WORKTREES: Views = Views(8);
    /// Everywhere.
    pub const ALL: Views = Views(15);

    const fn or(self, other: Views) -> Views {
        Views(self.0 | other.0)
    }

    /// Whether `self` includes `v`.
    pub fn has(self, v: Views) -> bool {
        self.0 & v.0 != 0
    }
}

/// The help overlay's sections (TicketFlow's, in its order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Moving around.
    Navigation,
    /// Changing tickets.
    Actions,
    /// Views and tabs.
    ViewControls,
    /// Quit, help, suspend.
    General,
    /// Search, the close dialog and the new-ticket form.
    Typing,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 5] = [
        Section::Navigation,
        Section::Actions,
        Section::ViewControls,
        Section::General,
        Section::Typing,
    ];

    /// Its heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Navigation => "Navigation",
            Section::Actions => "Actions",
            Section::ViewControls => "View Controls",
            Section::General => "General",
            Section::Typing => "Search, dialogs and forms",
        }
    }
}

/// One key (a code and its modifiers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

/// A row of the key table.
#[derive(Debug)]
pub struct Binding {
    /// The keys as the help spells them.
    pub label: &'static str,
    /// The keys that trigger it (empty: typing keys, handled by the text field).
    pub keys: &'static [Key],
    /// What it does, or `None` for a row that only documents (typing in a field).
    pub action: Option<Action>,
    /// Where it works.
    pub views: Views,
    /// Its section in the help.
    pub section: Section,
    /// What it does, for people.
    pub help: &'static str,
}

const fn bind(
    label: &'static str,
    keys: &'static [Key],
    action: Action,
    views: Views,
    section: Section,
    help: &'static str,
) -> Binding {
    Binding {
        label,
        keys,
        action: Some(action),
        views,
        section,
        help,
    }
}

const fn doc(label: &'static str, help: &'static str) -> Binding {
    Binding {
        label,
        keys: &[],
        action: None,
        views: Views::ALL,
        section: Section::Typing,
        help,
    }
}

const LISTS: Views = Views::LIST.or(Views::BOARD);
const MOVES: Views = Views::ALL;
const TICKET: Views = Views::LIST.or(Views::DETAIL).or(Views::BOARD);

/// The key table.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind("↑/k", &[code(KeyCode::Up), k('k')], Action::Up, MOVES, Section::Navigation, "up (scroll in a ticket)"),
    bind("↓/j", &[code(KeyCode::Down), k('j')], Action::Down, MOVES, Section::Navigation, "down (scroll in a ticket)"),
    bind("←/h", &[code(KeyCode::Left), k('h')], Action::Left, Views::BOARD, Section::Navigation, "board: column left"),
    bind("→/l", &[code(KeyCode::Right), k('l')], Action::Right, Views::BOARD, Section::Navigation, "board: column right"),
    bind("g/home", &[k('g'), code(KeyCode::Home)], Action::Top, MOVES, Section::Navigation, "go to the top"),
    bind("G/end", &[k('G'), code(KeyCode::End)], Action::Bottom, MOVES, Section::Navigation, "go to the bottom"),
    bind("pgup/pgdown", &[code(KeyCode::PageUp)], Action::PageUp, MOVES, Section::Navigation, "one page up / down"),
    bind("", &[code(KeyCode::PageDown)], Action::PageDown, MOVES, Section::Navigation, ""),
    bind("enter", &[code(KeyCode::Enter)], Action::Open, LISTS, Section::Navigation, "open the ticket"),
    bind("/", &[k('/')], Action::Search, Views::LIST, Section::Navigation, "search as you type"),
    bind("s", &[k('s')], Action::Start, TICKET, Section::Actions, "start the ticket"),
    bind("c", &[k('c')], Action::Close, TICKET, Section::Actions, "close the ticket"),
    bind("C", &[k('C')], Action::ClaimNext, LISTS, Section::Actions, "start the next ready one"),
    bind("n", &[k('n')], Action::New, LISTS, Section::Actions, "new ticket"),
    bind("e", &[k('e')], Action::Edit, TICKET, Section::Actions, "edit in $EDITOR"),
    bind("r", &[k('r')], Action::Reload, Views::ALL, Section::Actions, "reload (also automatic)"),
    bind("space", &[k(' ')], Action::Mark, Views::LIST, Section::Actions, "mark / unmark"),
    bind("tab/shift+tab", &[code(KeyCode::Tab)], Action::NextTab, Views::LIST, Section::ViewControls, "next / previous tab"),
    bind("", &[code(KeyCode::BackTab), Key { code: KeyCode::BackTab, mods: KeyModifiers::SHIFT }], Action::PrevTab, Views::LIST, Section::ViewControls, ""),
    bind("a", &[k('a')], Action::TabAll, Views::LIST, Section::ViewControls, "ALL tab (todo and doing)"),
    bind("1", &[k('1')], Action::TabTodo, Views::LIST, Section::ViewControls, "TODO tab"),
    bind("2", &[k('2')], Action::TabDoing, Views::LIST, Section::ViewControls, "DOING tab"),
    bind("3", &[k('3')], Action::TabDone, Views::LIST, Section::ViewControls, "DONE tab"),
    bind("4", &[k('4')], Action::TabReady, Views::LIST, Section::ViewControls, "READY tab (unblocked)"),
    bind("b", &[k('b')], Action::Board, Views::ALL, Section::ViewControls, "board view"),
    bind("w", &[k('w')], Action::Worktrees, Views::ALL, Section::ViewControls, "worktree view"),
    bind("?", &[k('?')], Action::Help, Views::ALL, Section::General, "this help"),
    bind("q/esc", &[k('q'), code(KeyCode::Esc)], Action::Back, Views::ALL, Section::General, "back (quit from list)"),
    bind("ctrl+c", &[ctrl('c')], Action::Quit, Views::ALL, Section::General, "quit (also while typing)"),
    bind("ctrl+z", &[ctrl('z')], Action::Suspend, Views::ALL, Section::General, "suspend (fg resumes)"),
    doc("enter/esc", "search: keep / clear"),
    doc("enter/esc", "dialog: confirm / cancel"),
    doc("tab/shift+tab", "form: next / previous field"),
    doc("ctrl+s/esc", "form: create / cancel"),
    doc("y/n", "question: yes / no"),
];

/// The action of `key` in view `view`, if the table has one.
pub fn action(view: Views, key: &KeyEvent) -> Option<Action> {
    // Shifted letters arrive as uppercase with SHIFT: the character says it all.
    let mods = match key.code {
        KeyCode::Char(_) => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    BINDINGS.iter().find_map(|b| {
        (b.views.has(view) && b.keys.iter().any(|k| k.code == key.code && k.mods == mods))
            .then_some(b.action)
            .flatten()
    })
}

/// Whether `key` is ctrl+c (it quits even while typing).
pub fn is_quit(key: &KeyEvent) -> bool {
    action(Views::ALL, key) == Some(Action::Quit)
}

/// The documented rows (the continuation rows of a pair, with an empty label, left out).
pub fn documented() -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(|b| !b.label.is_empty())
}

/// The key list as Markdown (README).
pub fn markdown() -> String {
    let mut s = String::new();
    for section in Section::ALL {
        s.push_str(&format!("* **{}**: ", section.title()));
        let items: Vec<String> = documented()
            .filter(|b| b.section == section)
            .map(|b| format!("`{}` {}", b.label, b.help))
            .collect();
        s.push_str(&items.join("; "));
        s.push_str(".\n");
    }
    s
}

/// The key list as plain text (the man page).
pub fn plain() -> String {
    let mut s = String::from("Keys:\n");
    for section in Section::ALL {
        s.push_str(&format!("\n{}:\n", section.title()));
        for b in documented().filter(|b| b.section == section) {
            s.push_str(&format!("  {:<14} {}\n", b.label, b.help));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_are_found_in_their_views_only() {
        let list = Views::LIST;
        assert_eq!(
            action(list, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            action(list, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            action(list, &key(KeyCode::Char('C'), KeyModifiers::SHIFT)),
            Some(Action::ClaimNext)
        );
        assert_eq!(
            action(list, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            action(list, &key(KeyCode::Char('h'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action(Views::BOARD, &key(KeyCode::Char('h'), KeyModifiers::NONE)),
            Some(Action::Left)
        );
        assert_eq!(
            action(Views::DETAIL, &key(KeyCode::Char('/'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            action(list, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevTab)
        );
    }

    #[test]
    fn no_key_means_two_things_in_one_view() {
        for v in [Views::LIST, Views::DETAIL, Views::BOARD, Views::WORKTREES] {
            let mut seen = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.views.has(v)) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {v:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn every_section_documents_something() {
        for s in Section::ALL {
            assert!(documented().any(|b| b.section == s), "{s:?}");
        }
        assert!(markdown().contains("`C` start the next ready one"));
        assert!(plain().contains("ctrl+z"));
    }
}
