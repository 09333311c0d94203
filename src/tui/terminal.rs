//! The real terminal: raw mode and the alternate screen, always given back (normal end,
//! error, panic, ctrl+c, SIGTERM/SIGHUP, ctrl+z and `fg`); the event loop, fed without hot
//! polling by three threads — keys and resizes (crossterm), changes of ticket files
//! (`notify`), signals (`signal-hook`) — over one channel; `$EDITOR` with the terminal given
//! back meanwhile. The one file of the UI that touches the process's terminal (the
//! architecture test allows it here only).

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use super::app::App;
use super::draw::draw;
use super::session::{Host, Session};
use crate::ticket::Status;

/// What wakes the loop.
enum Wake {
    /// A key, a resize.
    Term(Event),
    /// The terminal cannot be read any more.
    InputGone(String),
    /// A ticket file changed.
    Changed,
    /// A signal arrived.
    Signal(i32),
}

/// Puts the terminal in the UI's mode: raw, alternate screen, no cursor.
fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        cursor::Hide,
        terminal::SetTitle("git ticket")
    )
}

/// Gives the terminal back as it was. Safe to call more than once.
fn leave() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
    let _ = io::stdout().flush();
}

/// A full-screen terminal over a cleared screen: the first frame draws everything. (Not
/// `Terminal::new`/`clear`, which ask the terminal where its cursor is and wait for the
/// answer.)
fn fresh() -> io::Result<Terminal<CrosstermBackend<io::Stdout>>> {
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fullscreen,
        },
    )
}

/// Restores the terminal when dropped (any way out of [`run`]).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        leave();
    }
}

/// Stops catching the signals when dropped (their default actions apply again).
struct Unregister(signal_hook::iterator::Handle);

impl Drop for Unregister {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// The key-reading thread, which can be parked while another program owns the terminal.
#[derive(Default)]
struct Input {
    /// (parking asked, parked, gone)
    state: Mutex<(bool, bool, bool)>,
    cv: Condvar,
}

impl Input {
    fn spawn(tx: Sender<Wake>) -> Arc<Input> {
        let input = Arc::new(Input::default());
        let me = Arc::clone(&input);
        std::thread::spawn(move || {
            loop {
                {
                    let mut s = me.state.lock().unwrap_or_else(|e| e.into_inner());
                    if s.0 {
                        s.1 = true;
                        me.cv.notify_all();
                        while s.0 {
                            s = me.cv.wait(s).unwrap_or_else(|e| e.into_inner());
                        }
                        s.1 = false;
                    }
                }
                // A bounded wait, so that a request to park is seen within it; no busy loop.
                let got = event::poll(Duration::from_millis(250)).and_then(|ready| {
                    if ready {
                        event::read().map(Some)
                    } else {
                        Ok(None)
                    }
                });
                let sent = match got {
                    Ok(Some(ev)) => tx.send(Wake::Term(ev)),
                    Ok(None) => Ok(()),
                    Err(e) => {
                        let _ = tx.send(Wake::InputGone(e.to_string()));
                        break;
                    }
                };
                if sent.is_err() {
                    break;
                }
            }
            let mut s = me.state.lock().unwrap_or_else(|e| e.into_inner());
            s.2 = true;
            me.cv.notify_all();
        });
        input
    }

    /// Stops reading keys (returns once the thread is parked or gone).
    fn park(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 = true;
        while !s.1 && !s.2 {
            s = self.cv.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Reads keys again.
    fn unpark(&self) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.0 = false;
        self.cv.notify_all();
    }
}

/// The real terminal as the session's [`Host`].
struct Real {
    terminal: Terminal<CrosstermBackend<io::Stdout>>,
    rx: Receiver<Wake>,
    input: Arc<Input>,
    editor: String,
    /// A signal that ends the UI arrived while an operation waited (exit 128 + signal).
    ended_by: Option<i32>,
}

impl Real {
    /// Gives the terminal to another program while `f` runs.
    fn handed_over<T>(&mut self, f: impl FnOnce() -> T) -> T {
        self.input.park();
        leave();
        let out = f();
        let _ = enter();
        if let Ok(t) = fresh() {
            self.terminal = t;
        }
        self.input.unpark();
        out
    }
}

impl Host for Real {
    fn confirm(&mut self, app: &mut App) -> bool {
        loop {
            let _ = self.terminal.draw(|f| draw(f, app));
            match self.rx.recv() {
                Ok(Wake::Term(Event::Key(k))) if k.kind != KeyEventKind::Release => match k.code {
                    KeyCode::Char('y' | 'Y') => return true,
                    KeyCode::Char('n' | 'N') | KeyCode::Esc | KeyCode::Enter => return false,
                    KeyCode::Char('c') if k.modifiers.contains(event::KeyModifiers::CONTROL) => {
                        return false;
                    }
                    _ => {}
                },
                Ok(Wake::Signal(s @ (SIGTERM | SIGINT | SIGHUP))) => {
                    self.ended_by = Some(s);
                    return false;
                }
                Ok(Wake::InputGone(_)) | Err(_) => return false,
                Ok(_) => {}
            }
        }
    }

    fn edit(&mut self, path: &Path) -> Result<(), String> {
        let editor = self.editor.clone();
        let status = self.handed_over(|| {
            crate::process::edit(
                &editor,
                path,
                (
                    std::process::Stdio::inherit(),
                    std::process::Stdio::inherit(),
                    std::process::Stdio::inherit(),
                ),
            )
        });
        // A ctrl+c typed in the editor reached this process too: it was the editor's.
        while let Ok(w) = self.rx.try_recv() {
            if !matches!(w, Wake::Signal(SIGINT) | Wake::Changed) {
                break;
            }
        }
        match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => Err(format!(
                "{editor} ended with {s}; the file is as the editor left it"
            )),
            Err(e) => Err(format!("cannot run the editor '{editor}': {e}")),
        }
    }

    fn suspend(&mut self) {
        self.handed_over(|| {
            // SIGSTOP cannot be caught: the shell sees a stopped job, `fg` sends SIGCONT.
            let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
        });
    }
}

/// Watches the ticket folders; a change wakes the loop (nothing is polled).
fn watch(session: &Session<'_>, tx: Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    let mut w = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res
            && !matches!(ev.kind, EventKind::Access(_))
        {
            let _ = tx.send(Wake::Changed);
        }
    })
    .ok()?;
    let store = &session.project.store;
    let base = store.dir(Status::Todo).parent().map(Path::to_owned);
    match base.filter(|b| b.is_dir()) {
        Some(b) => w.watch(&b, RecursiveMode::Recursive).ok()?,
        None => {
            for s in Status::ALL {
                let _ = w.watch(store.dir(s), RecursiveMode::NonRecursive);
            }
        }
    }
    Some(w)
}

/// Runs the UI on the process's terminal until it quits; the exit status (128 + signal when
/// a signal ended it). With `first_frame_only`, draws one frame and returns (for timing).
pub fn run(mut session: Session<'_>, editor: String, first_frame_only: bool) -> io::Result<u8> {
    // Signals are caught before the terminal changes: from then on they end the loop, which
    // gives the terminal back.
    let (tx, rx) = channel();
    let signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGTSTP, SIGCONT])?;
    let handle = signals.handle();
    let sig_tx = tx.clone();
    let mut signals = signals;
    std::thread::spawn(move || {
        for s in signals.forever() {
            if sig_tx.send(Wake::Signal(s)).is_err() {
                break;
            }
        }
    });
    let _unregister = Unregister(handle);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    enter()?;
    let _restore = Restore;
    let mut host = Real {
        terminal: fresh()?,
        rx,
        input: Input::spawn(tx.clone()),
        editor,
        ended_by: None,
    };
    host.terminal.draw(|f| draw(f, &mut session.app))?;
    if first_frame_only {
        return Ok(0);
    }
    let _watcher = watch(&session, tx.clone());
    drop(tx);
    let mut pending = None;
    loop {
        if let Some(s) = host.ended_by {
            return Ok(128 + s as u8);
        }
        if session.app.quit {
            return Ok(0);
        }
        let wake = match pending.take() {
            Some(w) => w,
            None => match host.rx.recv() {
                Ok(w) => w,
                Err(_) => return Ok(0),
            },
        };
        match wake {
            Wake::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                session.key(k, &mut host);
            }
            Wake::Term(_) => {}
            Wake::InputGone(e) => {
                return Err(io::Error::other(format!("cannot read the terminal: {e}")));
            }
            Wake::Changed => {
                // Coalesce a burst (a start moves a file and commits): one reload.
                loop {
                    match host.rx.recv_timeout(Duration::from_millis(60)) {
                        Ok(Wake::Changed) => {}
                        Ok(other) => {
                            pending = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                session.changed();
            }
            Wake::Signal(SIGTSTP) => host.suspend(),
            Wake::Signal(SIGCONT) => {
                let _ = enter();
                host.terminal = fresh()?;
            }
            Wake::Signal(s) => return Ok(128 + s as u8),
        }
        host.terminal.draw(|f| draw(f, &mut session.app))?;
    }
}
