//! The terminal UI in a real pseudo-terminal (portable-pty: no system package needed): bare
//! `git ticket` opens it, a search, a ticket's detail, a start, quit; git then shows exactly
//! what `git ticket start` makes in a twin repository. Also: a signal ends it with the
//! terminal restored.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::common::{TestEnv, bin};
use crate::test_tui::corpus_repo;

/// The UI running in a pseudo-terminal.
struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    screen: Arc<Mutex<vt100::Parser>>,
    _pair: portable_pty::PtyPair,
}

impl Pty {
    /// Runs the binary with `args` in `t`'s repository, hermetic environment, 120×40.
    fn spawn(t: &TestEnv, args: &[&str]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(bin());
        cmd.args(args);
        cmd.cwd(&t.root);
        cmd.env_clear();
        let home = t.dir.path().join("home");
        for (k, v) in [
            ("PATH", std::env::var("PATH").unwrap_or_default()),
            ("HOME", home.display().to_string()),
            ("GIT_CONFIG_NOSYSTEM", "1".into()),
            ("GIT_CONFIG_GLOBAL", "/dev/null".into()),
            ("GIT_AUTHOR_NAME", "Test".into()),
            ("GIT_AUTHOR_EMAIL", "test@example.com".into()),
            ("GIT_COMMITTER_NAME", "Test".into()),
            ("GIT_COMMITTER_EMAIL", "test@example.com".into()),
            ("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z".into()),
            ("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z".into()),
            (
                "GIT_CEILING_DIRECTORIES",
                t.dir.path().display().to_string(),
            ),
            ("TZ", t.tz.into()),
            ("LC_ALL", "C.UTF-8".into()),
            ("TERM", "xterm-256color".into()),
        ] {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let (sink, term) = (Arc::clone(&output), Arc::clone(&screen));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
                term.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            child,
            writer,
            output,
            screen,
            _pair: pair,
        }
    }

    /// The screen as the terminal shows it now.
    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle` (10 s at most).
    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if self.text().contains(needle) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "'{needle}' never appeared; the screen drew:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys` and waits for the screen to show `needle`.
    fn send(&mut self, keys: &str, needle: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        self.wait_for(needle);
    }

    /// Waits for the process to end (10 s at most); its exit code.
    fn exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "the UI did not end:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the output ends by giving the terminal back (main screen, cursor shown),
    /// waiting up to 5 s for the last bytes to be read.
    fn restored(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let out = String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned();
            let left = out.rfind("\x1b[?1049l");
            let entered = out.rfind("\x1b[?1049h");
            if left.is_some() && left > entered && out.rfind("\x1b[?25h") > out.rfind("\x1b[?25l") {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// What git knows of ticket `id`'s start in `t`: main's subjects, the branch's tip relative
/// to main, the files of main's tip, the worktrees' branches, the start commit's files and
/// the ticket file without its start time.
fn started_state(t: &TestEnv, id: &str) -> Vec<String> {
    let wt = t.dir.path().join("ticketflow.worktrees").join(id);
    let ticket = t
        .read(&format!("tickets/doing/{id}.md"))
        .lines()
        .filter(|l| !l.starts_with("started_at"))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        t.git(&["log", "--format=%s%n%b", "main"]),
        (t.git(&["rev-parse", id]) == t.git(&["rev-parse", "main"])).to_string(),
        t.git(&["show", "--name-status", "--format=%s", "main"]),
        t.git(&["worktree", "list", "--porcelain"])
            .lines()
            .filter(|l| l.starts_with("branch"))
            .collect::<Vec<_>>()
            .join("\n"),
        t.git(&["status", "--porcelain"]),
        std::fs::read_link(wt.join("current-ticket.md"))
            .unwrap()
            .display()
            .to_string(),
        ticket,
    ]
}

#[test]
fn tui_pty_search_open_start_quit_makes_the_cli_start() {
    let t = corpus_repo();
    let twin = corpus_repo();
    let id = "250806-172904-add-troubleshooting-docs";
    // Bare `git ticket` on a terminal opens the UI.
    let mut ui = Pty::spawn(&t, &[]);
    ui.wait_for("1-5 of 5");
    ui.send("/troubleshoot", "Search: troubleshoot");
    ui.send("\r", "1-1 of 1");
    ui.send("\r", &format!("Ticket: {id}"));
    ui.send("s", &format!("Started {id}"));
    ui.send("q", "ALL");
    ui.writer.write_all(b"q").unwrap();
    assert_eq!(ui.exit(), 0, "{}", ui.text());
    assert!(ui.restored(), "the terminal was not given back");

    twin.run(&["start", id]).ok();
    assert_eq!(started_state(&t, id), started_state(&twin, id));
}

#[test]
fn tui_pty_follows_changes_on_disk_and_signals_end_it_with_the_terminal_restored() {
    let t = corpus_repo();
    let mut ui = Pty::spawn(&t, &["tui"]);
    ui.wait_for("1-5 of 5");
    // Another agent changes the tickets: the view follows by itself (no key pressed).
    t.run(&["new", "made-by-another"]).ok();
    ui.wait_for("made-by-another");
    ui.wait_for("1-6 of 6");
    let pid = ui.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(ui.exit(), 128 + 15);
    assert!(
        ui.restored(),
        "the terminal was not given back after SIGTERM"
    );
    // A resize redraws at the new size (the ID column narrows with the width).
    let mut ui = Pty::spawn(&t, &["tui"]);
    ui.wait_for("1-6 of 6");
    ui.screen.lock().unwrap().screen_mut().set_size(24, 80);
    ui._pair
        .master
        .resize(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    ui.wait_for("250811-215424-progres...");
    // ctrl+z suspends with the terminal given back; SIGCONT (the shell's `fg`) resumes.
    ui.writer.write_all(b"\x1a").unwrap();
    let pid = ui.child.process_id().unwrap();
    let stopped = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| s.rsplit(") ").next().unwrap_or("").starts_with('T'))
            .unwrap_or(false)
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while !stopped() {
        assert!(Instant::now() < deadline, "ctrl+z did not suspend");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        ui.restored(),
        "the terminal was not given back before suspending"
    );
    std::process::Command::new("kill")
        .args(["-CONT", &pid.to_string()])
        .status()
        .unwrap();
    ui.wait_for("1-6 of 6");
    // ctrl+c quits.
    ui.writer.write_all(b"\x03").unwrap();
    assert_eq!(ui.exit(), 0);
    assert!(ui.restored());
}
