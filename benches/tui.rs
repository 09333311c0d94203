//! The terminal UI's reaction time among 10,000 tickets: one key press through the app's
//! event handler (`Session::key`, as the real terminal calls it) and the next frame drawn
//! into a `TestBackend` of 200×50. The target is 16 ms a key (one frame at 60 Hz).
//!
//!   cargo bench --bench tui

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use git_ticket::env::{Env, GitSearch};
use git_ticket::ops::Project;
use git_ticket::trace::Trace;
use git_ticket::tui::draw::draw;
use git_ticket::tui::session::{Host, Session};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Answers no question, edits nothing.
struct Idle;

impl Host for Idle {
    fn confirm(&mut self, _: &mut git_ticket::tui::app::App) -> bool {
        false
    }
    fn edit(&mut self, _: &Path) -> Result<(), String> {
        Ok(())
    }
    fn suspend(&mut self) {}
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn repo(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::process::Command::new("git")
        .args(["init", "-q", "-b", "main"])
        .current_dir(root)
        .status()
        .unwrap();
    std::fs::write(
        root.join(".ticketflow.yaml"),
        "git:\n    default_branch: main\nworktree:\n    enabled: true\n    init_commands: []\n",
    )
    .unwrap();
    corpus::Corpus::new(n).write(root);
    dir
}

fn keys(c: &mut Criterion) {
    let dir = repo(10_000);
    let root = dir.path().canonicalize().unwrap();
    let env = Env {
        git_search: GitSearch {
            cwd: root.clone(),
            ..GitSearch::default()
        },
        ..Env::default()
    };
    let project = Project::discover(&env, &mut Trace::new(false)).unwrap();
    let mut s = Session::open(&env, &project, true).unwrap();
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut frame = |s: &mut Session<'_>| {
        term.draw(|f| draw(f, &mut s.app)).unwrap();
    };
    let mut group = c.benchmark_group("tui_key_to_frame_10000");
    group.bench_function("down", |b| {
        b.iter(|| {
            s.key(key(KeyCode::Char('j')), &mut Idle);
            frame(&mut s);
        })
    });
    group.bench_function("tab_switch", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            let k = if i % 2 == 0 { '3' } else { 'a' };
            s.key(key(KeyCode::Char(k)), &mut Idle);
            frame(&mut s);
        })
    });
    // The first search key reads every ticket's content once (a one-time cost).
    s.key(key(KeyCode::Char('/')), &mut Idle);
    s.key(key(KeyCode::Char('t')), &mut Idle);
    frame(&mut s);
    // Typing a letter filters the current rows further; erasing it filters the tab again.
    group.bench_function("search_type_letter", |b| {
        b.iter(|| {
            s.key(key(KeyCode::Char('a')), &mut Idle);
            frame(&mut s);
            s.key(key(KeyCode::Backspace), &mut Idle);
        })
    });
    group.bench_function("search_erase_letter", |b| {
        b.iter(|| {
            s.key(key(KeyCode::Char('a')), &mut Idle);
            s.key(key(KeyCode::Backspace), &mut Idle);
            frame(&mut s);
        })
    });
    group.finish();
    c.bench_function("tui_open_10000 (read tickets, first frame)", |b| {
        b.iter(|| {
            let mut s = Session::open(&env, &project, true).unwrap();
            frame(&mut s);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = keys
}
criterion_main!(benches);
