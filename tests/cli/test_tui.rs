//! The terminal UI without a terminal: key events go through the app's event handler (the
//! same `Session::key` the real terminal calls), frames are drawn into ratatui's
//! `TestBackend` and snapshotted at 80×24 and 200×50, over TicketFlow's own corpus (CJK
//! descriptions). Start, close and new run the real operations in a scratch repository.

use std::path::{Path, PathBuf};

use git_ticket::env::{Env, GitSearch};
use git_ticket::ops::Project;
use git_ticket::trace::Trace;
use git_ticket::tui::app::{Confirm, Overlay};
use git_ticket::tui::draw::draw;
use git_ticket::tui::session::{Host, Session};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::common::TestEnv;

/// A ticket that waits on a todo ticket of the corpus (for READY, the board and the detail).
pub const BLOCKED: &str = "260101-000000-blocked-example";

/// Copies `from` into `to`, folders included.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A repository with TicketFlow's corpus (todo, doing, done; no init commands) plus one
/// blocked ticket, committed on `main`.
pub fn corpus_repo() -> TestEnv {
    let env = TestEnv::new();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ticketflow-corpus");
    for folder in ["todo", "doing", "done"] {
        copy_dir(
            &corpus.join("tickets").join(folder),
            &env.root.join("tickets").join(folder),
        );
    }
    let config = std::fs::read_to_string(corpus.join(".ticketflow.yaml")).unwrap();
    let start = config.find("    init_commands:").unwrap();
    let end = config.find("    auto_operations:").unwrap();
    let config = format!(
        "{}    init_commands: []\n{}",
        &config[..start],
        &config[end..]
    );
    env.write(".ticketflow.yaml", config);
    env.ticket(
        "todo",
        BLOCKED,
        "priority: 1\ndescription: \"ブロックされたチケットの例: 進捗表示を待つ\"\ncreated_at: \"2026-01-01T00:00:00Z\"\nstarted_at: null\nclosed_at: null\nrelated:\n    - \"blocked-by:250811-215424-progress-indicators-large-operations\"\n",
        "# 例\n\n進捗表示が終わるまで待つ。\n",
    );
    // The operations run git in this process's environment: the identity comes from the
    // repository's own config.
    env.git(&["config", "user.name", "Test"]);
    env.git(&["config", "user.email", "test@example.com"]);
    env.commit_all("corpus");
    env
}

/// The process environment of a UI run in `root` (what `main` would read).
pub fn env_at(env: &TestEnv, root: &Path) -> Env {
    use std::os::unix::fs::MetadataExt;
    Env {
        git_search: GitSearch {
            cwd: root.canonicalize().unwrap(),
            explicit: false,
            ceilings: vec![env.dir.path().to_owned()],
            uid: std::fs::metadata(root).unwrap().uid(),
        },
        ..Env::default()
    }
}

/// A host with no terminal: answers questions with `answer`, "edits" files by appending a
/// line, never suspends.
#[derive(Default)]
pub struct NoTerminal {
    pub answer: bool,
    pub asked: Vec<String>,
    pub edited: Vec<PathBuf>,
}

impl Host for NoTerminal {
    fn confirm(&mut self, app: &mut git_ticket::tui::app::App) -> bool {
        if let Overlay::Confirm(c) = &app.overlay {
            self.asked.push(c.question.clone());
        }
        self.answer
    }

    fn edit(&mut self, path: &Path) -> Result<(), String> {
        let mut text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        text.push_str("\nEdited in the editor.\n");
        std::fs::write(path, text).map_err(|e| e.to_string())?;
        self.edited.push(path.to_owned());
        Ok(())
    }

    fn suspend(&mut self) {}
}

/// A UI session over `project`.
pub fn session<'e>(env: &'e Env, project: &'e Project) -> Session<'e> {
    Session::open(env, project, false).unwrap()
}

pub fn open(env: &Env) -> Project {
    Project::discover(env, &mut Trace::new(false)).unwrap()
}

/// Presses the keys of `keys`: characters as typed, `<enter>`, `<esc>`, `<tab>`, `<down>`,
/// `<c-s>` … as named.
pub fn press(s: &mut Session<'_>, host: &mut NoTerminal, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (key, len) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let code = match name {
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "down" => KeyCode::Down,
                "up" => KeyCode::Up,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "bs" => KeyCode::Backspace,
                "end" => KeyCode::End,
                "home" => KeyCode::Home,
                "pgdown" => KeyCode::PageDown,
                n if n.starts_with("c-") => KeyCode::Char(n[2..].chars().next().unwrap()),
                n => panic!("unknown key <{n}>"),
            };
            let mods = if name.starts_with("c-") {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            (KeyEvent::new(code, mods), end + 1)
        } else {
            let mods = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyEvent::new(KeyCode::Char(c), mods), c.len_utf8())
        };
        s.key(key, host);
        rest = &rest[len..];
    }
}

/// The frame the session draws at `w`×`h`, as text.
pub fn frame(s: &mut Session<'_>, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| draw(f, &mut s.app)).unwrap();
    let tmp = s
        .project
        .root
        .parent()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    text(term.backend().buffer()).replace(&tmp, "[TMP]")
}

/// A buffer as the terminal shows it: the cells after a wide character are its right half.
pub fn text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut hidden = 0;
        for x in 0..buf.area.width {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            hidden = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Snapshots the frame at 80×24 and at 200×50.
fn snap_both(name: &str, s: &mut Session<'_>) {
    for (w, h) in [(80, 24), (200, 50)] {
        let text = frame(s, w, h);
        // Times are redacted; the corpus's IDs are fixed and stay.
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})",
            "[TIME]",
        );
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(format!("tui_{name}_{w}x{h}"), text));
    }
}

#[test]
fn tui_every_view_and_dialog() {
    let t = corpus_repo();
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let mut host = NoTerminal::default();
    let mut s = session(&env, &project);
    snap_both("list_all", &mut s);
    press(&mut s, &mut host, "3");
    snap_both("list_done_cjk", &mut s);
    press(&mut s, &mut host, "<end>");
    snap_both("list_done_end", &mut s);
    press(&mut s, &mut host, "4");
    snap_both("list_ready", &mut s);
    press(&mut s, &mut host, "a/pflag");
    snap_both("search_typing", &mut s);
    press(&mut s, &mut host, "<enter>");
    snap_both("search_kept", &mut s);
    press(&mut s, &mut host, "<enter>");
    snap_both("detail", &mut s);
    press(&mut s, &mut host, "jjjj");
    snap_both("detail_scrolled", &mut s);
    press(&mut s, &mut host, "q<esc>/zzzz-nothing");
    snap_both("search_no_match", &mut s);
    press(&mut s, &mut host, "<esc>2");
    snap_both("list_doing", &mut s);
    press(&mut s, &mut host, "a?");
    snap_both("help", &mut s);
    press(&mut s, &mut host, "?n");
    snap_both("new_form", &mut s);
    press(&mut s, &mut host, "<tab><bs>7<c-s>");
    snap_both("new_form_error", &mut s);
    press(&mut s, &mut host, "<esc>1");
    let selected = s.app.selected_ticket().unwrap().id.clone();
    assert_eq!(selected, BLOCKED, "priority 1 sorts first");
    press(&mut s, &mut host, "c");
    snap_both("close_dialog_reason_required", &mut s);
    press(&mut s, &mut host, "<enter>");
    snap_both("close_dialog_error", &mut s);
    press(&mut s, &mut host, "<esc><enter>");
    snap_both("detail_blocked", &mut s);
    press(&mut s, &mut host, "qb");
    snap_both("board", &mut s);
    press(&mut s, &mut host, "lj");
    snap_both("board_moved", &mut s);
    press(&mut s, &mut host, "qw");
    snap_both("worktrees", &mut s);
    press(&mut s, &mut host, "q");
    s.app.overlay = Overlay::Confirm(Confirm {
        lines: vec!["Remove worktree ../ticketflow.worktrees/x and branch x?".into()],
        question: "Continue? [y/N] ".into(),
    });
    snap_both("confirm", &mut s);
}

#[test]
fn tui_empty_states_and_disabled_worktrees() {
    let t = TestEnv::new();
    t.run(&["init"]).ok();
    let config = t
        .read(".ticketflow.yaml")
        .replace("    enabled: true", "    enabled: false");
    t.write(".ticketflow.yaml", config);
    t.commit_all("init");
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let mut host = NoTerminal::default();
    let mut s = session(&env, &project);
    snap_both("empty", &mut s);
    press(&mut s, &mut host, "3");
    let f = frame(&mut s, 80, 24);
    assert!(f.contains("No done tickets found."), "{f}");
    press(&mut s, &mut host, "w");
    snap_both("worktrees_disabled", &mut s);
}

#[test]
fn tui_columns_are_cut_by_display_width_never_inside_a_character() {
    let t = corpus_repo();
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let mut host = NoTerminal::default();
    let mut s = session(&env, &project);
    press(&mut s, &mut host, "3");
    for w in [60u16, 73, 80, 81, 97, 120] {
        let f = frame(&mut s, w, 120);
        for line in f.lines() {
            // TestBackend shows a cell's text; a cut inside a character would leave U+FFFD
            // or a half of a wide character.
            assert!(!line.contains('\u{FFFD}'), "{line}");
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= w as usize,
                "{w}: {line}"
            );
        }
        assert!(
            f.contains("チケット内"),
            "the CJK description shows at {w}:\n{f}"
        );
    }
}

#[test]
fn tui_no_color_draws_no_colour() {
    let t = corpus_repo();
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let draw_colors = |color: bool| {
        let mut s = Session::open(&env, &project, color).unwrap();
        let mut host = NoTerminal::default();
        press(&mut s, &mut host, "3");
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| draw(f, &mut s.app)).unwrap();
        term.backend()
            .buffer()
            .content
            .iter()
            .filter(|c| {
                c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset
            })
            .count()
    };
    assert!(draw_colors(true) > 0, "colour is used when allowed");
    assert_eq!(draw_colors(false), 0, "no colour at all without it");
    // Whether colour is allowed (NO_COLOR, color.ui, --color) is the one decision of
    // `ui::Terminal`, tested in test_terminal.rs; the UI gets it from the Ui.
}

/// The list of commits of `branch` (subjects) and the files of its tip.
fn history(t: &TestEnv, branch: &str) -> (String, String) {
    (
        t.git(&["log", "--format=%s", branch]),
        t.git(&["ls-tree", "-r", "--name-only", branch]),
    )
}

#[test]
fn tui_start_close_and_new_run_the_cli_operations() {
    let t = corpus_repo();
    let twin = corpus_repo();
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let mut host = NoTerminal::default();
    let mut s = session(&env, &project);
    // Start the oldest todo ticket from the TODO tab.
    let id = "250806-172904-add-troubleshooting-docs";
    press(&mut s, &mut host, "1/troubleshooting<enter>");
    assert_eq!(s.app.selected_ticket().unwrap().id, id);
    press(&mut s, &mut host, "s");
    let status = s.app.status.clone().unwrap();
    assert!(!status.error, "{status:?}");
    assert!(
        status.text.starts_with(&format!("Started {id}: worktree ")),
        "{status:?}"
    );
    twin.run(&["start", id]).ok();
    assert_eq!(history(&t, "main"), history(&twin, "main"));
    assert_eq!(history(&t, id), history(&twin, id));
    let wt = |e: &TestEnv| e.dir.path().join("ticketflow.worktrees").join(id);
    assert!(wt(&t).join("current-ticket.md").exists());
    assert_eq!(
        std::fs::read_link(wt(&t).join("current-ticket.md")).unwrap(),
        std::fs::read_link(wt(&twin).join("current-ticket.md")).unwrap()
    );
    // The search is kept, the ticket is now doing: the ALL tab shows it as such.
    press(&mut s, &mut host, "a");
    let f = frame(&mut s, 80, 24);
    assert!(f.contains("doing"), "{f}");

    // Close another ticket with a reason (by ID, from main), as `close <id> --reason`.
    let other = "250801-003401-optimize-performance";
    press(&mut s, &mut host, "<esc>1");
    let at = s
        .app
        .rows
        .iter()
        .position(|&i| s.app.tickets.all[i as usize].id == other)
        .unwrap();
    s.app.selected = at;
    press(&mut s, &mut host, "cnot needed any more<enter>");
    assert!(!s.app.status.as_ref().unwrap().error, "{:?}", s.app.status);
    twin.run(&["close", other, "--reason", "not needed any more"])
        .ok();
    assert_eq!(
        t.git(&["log", "-1", "--format=%B", "main"]),
        twin.git(&["log", "-1", "--format=%B", "main"])
    );
    let done = |e: &TestEnv| {
        let text = e.read(&format!("tickets/done/{other}.md"));
        text.lines()
            .filter(|l| !l.starts_with("closed_at"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(done(&t), done(&twin));

    // New: the form's values land in the file `new` writes.
    press(
        &mut s,
        &mut host,
        "nfrom-the-tui<tab><bs>1<tab>説明 テキスト<tab>本文<c-s>",
    );
    let status = s.app.status.clone().unwrap();
    assert!(!status.error, "{status:?}");
    let created = s.app.selected_ticket().unwrap().clone();
    assert!(created.id.ends_with("-from-the-tui"), "{}", created.id);
    let text = std::fs::read_to_string(&created.path).unwrap();
    assert!(
        text.starts_with("---\npriority: 1\ndescription: 説明 テキスト\ncreated_at: \""),
        "{text}"
    );
    assert!(text.ends_with("---\n\n本文\n"), "{text}");
    // Nothing staged or committed by new, as the CLI.
    assert!(t.git(&["status", "--porcelain"]).contains("from-the-tui"));
}

#[test]
fn tui_errors_go_to_the_status_line_and_the_ui_keeps_working() {
    let t = corpus_repo();
    t.git(&["checkout", "-q", "-b", "elsewhere"]);
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let mut host = NoTerminal::default();
    let mut s = session(&env, &project);
    press(&mut s, &mut host, "1s");
    let status = s.app.status.clone().unwrap();
    assert!(status.error, "{status:?}");
    assert!(
        status.text.contains("Invalid branch for starting ticket"),
        "{status:?}"
    );
    snap_both("error_status_line", &mut s);
    // Still working: the keys move on and open things.
    press(&mut s, &mut host, "j<enter>");
    assert!(frame(&mut s, 80, 24).contains("Ticket: "));
    // Nothing was changed.
    assert_eq!(t.git(&["status", "--porcelain"]), "");
    // Starting a done ticket is refused before any operation.
    press(&mut s, &mut host, "q3s");
    assert!(s.app.status.as_ref().unwrap().text.contains("is done"));
}

#[test]
fn tui_claim_next_edit_marks_and_refresh() {
    let t = corpus_repo();
    let env = env_at(&t, &t.root);
    let project = open(&env);
    let mut host = NoTerminal::default();
    let mut s = session(&env, &project);
    // READY's first ticket is what C starts (the blocked one waits).
    press(&mut s, &mut host, "4");
    let first = s.app.selected_ticket().unwrap().id.clone();
    assert_ne!(first, BLOCKED);
    press(&mut s, &mut host, "C");
    let status = s.app.status.clone().unwrap();
    assert!(
        status.text.starts_with(&format!("Started {first}")),
        "{status:?}"
    );
    assert!(
        t.git(&["log", "-1", "--format=%s", "main"])
            .contains(&first)
    );
    // e runs the editor on the selected ticket's file, then reloads.
    press(&mut s, &mut host, "2e");
    assert_eq!(host.edited.len(), 1);
    assert!(
        std::fs::read_to_string(&host.edited[0])
            .unwrap()
            .contains("Edited in the editor.")
    );
    // space marks; a change on disk shows after `changed` (what the watcher calls).
    press(&mut s, &mut host, "1 ");
    assert!(frame(&mut s, 80, 24).contains(">*"));
    let id = t.new_ticket("made-elsewhere");
    s.changed();
    assert!(s.app.tickets.find(&id).is_some());
    press(&mut s, &mut host, "/made-elsewhere<enter>");
    assert!(frame(&mut s, 80, 24).contains("made-elsewhere"));
    // ctrl+c quits from anywhere, also while typing.
    press(&mut s, &mut host, "/abc<c-c>");
    assert!(s.app.quit);
}

#[test]
fn tui_without_a_terminal_is_a_clear_error() {
    let t = TestEnv::initialized();
    let run = t.run(&["tui"]);
    assert_eq!(run.status, 1, "{}", run.snapshot());
    assert!(run.stderr.contains("Not a terminal"), "{}", run.snapshot());
    crate::common::assert_error(&t.run(&["tui", "-o", "json"]), "INVALID_CONTEXT");
    // The first-frame timing flag needs a terminal too.
    assert_eq!(t.run(&["tui", "--exit-after-first-frame"]).status, 1);
}
