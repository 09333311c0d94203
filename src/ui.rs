//! The one owner of the terminal (in the spirit of jj's `cli/src/ui.rs`): standard output,
//! standard error, standard input, colour, warnings, prompts and where child processes
//! write. Commands render through it; operations reach it through the [`crate::ops::Ui`]
//! trait. No other module touches the process's standard streams (a test audits `src/`).

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::Stdio;

use crate::env::Env;
use crate::git::settings::TermSettings;

/// The terminal of one command run.
pub struct Ui<'a> {
    /// Standard output (buffered by the caller): results are written here.
    pub w: &'a mut dyn Write,
    err: &'a mut dyn Write,
    /// Whether ANSI colour may be used on standard output.
    pub color: bool,
    err_color: bool,
    /// The width to fit lines to: standard output is a terminal (or git's pager) this wide.
    columns: Option<usize>,
    interactive: bool,
    /// Child output is shown as it comes (text output on a terminal).
    live: bool,
    warnings: Vec<String>,
    errors: Vec<String>,
}

/// The few text styles git-ticket uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// No styling.
    Plain,
    /// Bold (headers).
    Bold,
    /// Yellow (in progress).
    Yellow,
    /// Green (done).
    Green,
    /// Dim (secondary information).
    Dim,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Plain => "0",
            Style::Bold => "1",
            Style::Yellow => "33",
            Style::Green => "32",
            Style::Dim => "2",
        }
    }
}

impl<'a> Ui<'a> {
    /// The terminal of a run writing to `out` and `err`; `text` when its output is text (the
    /// output of child processes is then shown as it comes on a terminal).
    pub fn new(
        env: &Env,
        term: &Terminal,
        text: bool,
        out: &'a mut dyn Write,
        err: &'a mut dyn Write,
    ) -> Self {
        Ui {
            w: out,
            err,
            color: term.color_out,
            err_color: term.color_err,
            columns: (env.stdout_tty || env.pager_in_use)
                .then(|| env.columns.or(env.stdout_columns))
                .flatten(),
            interactive: env.interactive(),
            live: text && env.stdout_tty,
            warnings: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Writes `s` in the given ANSI style when colour is on.
    pub fn styled(&mut self, style: Style, s: &str) -> io::Result<()> {
        if self.color && style != Style::Plain {
            write!(self.w, "\x1b[{}m{s}\x1b[0m", style.code())
        } else {
            self.w.write_all(s.as_bytes())
        }
    }

    /// Whether colour may be used on standard error.
    pub fn err_color(&self) -> bool {
        self.err_color
    }

    /// The width of the terminal standard output goes to (`COLUMNS`, else the terminal's
    /// own); `None` when it is not a terminal (a file, a pipe: nothing is fitted).
    pub fn columns(&self) -> Option<usize> {
        self.columns
    }

    /// Standard output and standard error together (a stream that reports bad files as it
    /// writes).
    pub fn streams(&mut self) -> (&mut dyn Write, &mut dyn Write) {
        (&mut *self.w, &mut *self.err)
    }

    /// Standard error, for diagnostics rendered by the app.
    pub fn stderr(&mut self) -> &mut dyn Write {
        &mut *self.err
    }

    /// A non-fatal problem, printed on stderr once the command has run (before its output).
    pub fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }

    /// A problem that made the result incomplete, printed on stderr once the command has run
    /// (before the warnings).
    pub fn error(&mut self, message: impl Into<String>) {
        self.errors.push(message.into());
    }

    /// A warning printed now (while output is being written: a bad file met by a stream).
    pub fn warn_now(&mut self, message: &dyn std::fmt::Display) {
        let _ = writeln!(self.err, "warning: {}", safe(&message.to_string()));
    }

    /// Prints the errors, then the warnings, collected while the command ran.
    pub fn flush_messages(&mut self) {
        for e in std::mem::take(&mut self.errors) {
            let _ = writeln!(self.err, "error: {}", safe(&e));
        }
        for w in std::mem::take(&mut self.warnings) {
            let _ = writeln!(self.err, "warning: {}", safe(&w));
        }
    }

    /// An editor's standard input, output and error: the terminal, except that its output
    /// goes to standard error when standard output is not a terminal (an editor's screen must
    /// never land in JSON piped to a program). What was written so far is flushed first.
    pub fn editor_stdio(&mut self) -> io::Result<(Stdio, Stdio, Stdio)> {
        self.w.flush()?;
        self.err.flush()?;
        let err = || -> io::Result<Stdio> {
            use std::os::fd::AsFd;
            Ok(Stdio::from(io::stderr().as_fd().try_clone_to_owned()?))
        };
        let out = if io::stdout().is_terminal() {
            Stdio::inherit()
        } else {
            err()?
        };
        Ok((Stdio::inherit(), out, Stdio::inherit()))
    }

    /// Reads all of standard input (hooks get their data there).
    pub fn read_stdin(&mut self) -> io::Result<String> {
        let mut input = String::new();
        io::stdin().read_to_string(&mut input)?;
        Ok(input)
    }
}

/// A message for the terminal: its lines kept, every other control character that ticket
/// text or a file name may have brought in written C-style (`\x1b`), never sent as it is.
pub fn safe(message: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape(message, crate::text::Escape::Block)
}

/// Records in `env` which of the process's standard streams are terminals, and the width of
/// standard output's.
pub fn detect_terminals(env: &mut Env) {
    env.stdout_tty = io::stdout().is_terminal();
    env.stderr_tty = io::stderr().is_terminal();
    env.stdin_tty = io::stdin().is_terminal();
    if env.stdout_tty {
        env.stdout_columns = rustix::termios::tcgetwinsize(io::stdout())
            .ok()
            .map(|w| usize::from(w.ws_col))
            .filter(|c| *c > 0);
    }
}

/// When to colour: `--color=<when>`, and git's `color.ticket`/`color.ui` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// Always, also into a file or a pipe.
    Always,
    /// Never.
    Never,
    /// On a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
    Auto,
}

impl ColorWhen {
    /// A git config colour value: `always`; `never`, `false`…; `auto`, `true`… (git's
    /// booleans; `true` means auto since git 1.8.4). Anything else is not a choice.
    pub fn from_config(value: &str) -> Option<ColorWhen> {
        match value.trim().to_ascii_lowercase().as_str() {
            "always" => Some(ColorWhen::Always),
            "never" | "false" | "no" | "off" | "0" => Some(ColorWhen::Never),
            "auto" | "true" | "yes" | "on" | "1" | "" => Some(ColorWhen::Auto),
            _ => None,
        }
    }
}

/// The terminal options of the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TermFlags {
    /// `--color[=<when>]` (`--no-color` is `never`).
    pub color: Option<ColorWhen>,
    /// `--paginate` (`Some(true)`) or `--no-pager` (`Some(false)`).
    pub pager: Option<bool>,
}

/// A pager to start: a shell command and the variables it gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PagerCommand {
    /// Run with `sh -c`.
    pub command: String,
    /// Set for it: `LESS=FRX` and `LV=-c` unless the user set them (git's defaults).
    pub env: Vec<(&'static str, &'static str)>,
}

/// The terminal decisions of one run, made in one place ([`Terminal::decide`]): colour on
/// standard output and standard error, and the pager.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Terminal {
    /// Colour on standard output.
    pub color_out: bool,
    /// Colour on standard error.
    pub color_err: bool,
    /// The pager standard output goes through, if any.
    pub pager: Option<PagerCommand>,
}

impl Terminal {
    /// Decides colour and pager. Colour: `--color`/`--no-color`, else git config
    /// `color.ticket`, else `color.ui` (`always`, `never`, or `auto`), else auto — on a
    /// terminal (or in git's pager) unless `NO_COLOR` or `TERM=dumb`. Pager (text output of a
    /// command that pages — `paged` — or any with `--paginate`, and only when standard output
    /// is a terminal and git is not paging already): none with `--no-pager` or
    /// `pager.ticket=false`; else `GIT_PAGER`, a `pager.ticket` command, `core.pager`,
    /// `PAGER`, `less`, as git chooses (empty or `cat`: none). `settings` is called at most
    /// once, only when git config can change the answer.
    pub fn decide(
        env: &Env,
        flags: TermFlags,
        text: bool,
        paged: bool,
        settings: &mut dyn FnMut() -> TermSettings,
    ) -> Terminal {
        let mut config = Lazy {
            read: settings,
            value: None,
        };
        let pick = |when: Option<ColorWhen>, tty: bool| match when {
            Some(ColorWhen::Always) => true,
            Some(ColorWhen::Never) => false,
            Some(ColorWhen::Auto) | None => env.color(tty),
        };
        let when = flags.color.or_else(|| {
            // JSON output has no colour and its errors are JSON too: the git config (a
            // libgit2 open, a third of a small listing's time) is not read for it.
            if !text {
                return None;
            }
            let s = config.get();
            [&s.color_ticket, &s.color_ui]
                .into_iter()
                .find_map(|v| ColorWhen::from_config(v.as_deref()?))
        });
        // Colour matters on stdout for text only; stderr's is for error reports.
        let color_out = text && pick(when, env.stdout_tty || env.pager_in_use);
        let color_err = pick(when, env.stderr_tty);
        let candidate = text && env.stdout_tty && !env.pager_in_use;
        let pager = match flags.pager {
            Some(false) => None,
            _ if !candidate => None,
            Some(true) => pager_command(env, config.get()),
            None => {
                let s = config.get();
                let off = s
                    .pager_ticket
                    .as_deref()
                    .is_some_and(|v| ColorWhen::from_config(v) == Some(ColorWhen::Never));
                let on = s
                    .pager_ticket
                    .as_deref()
                    .is_some_and(|v| !matches!(ColorWhen::from_config(v), Some(ColorWhen::Never)));
                if (paged || on) && !off {
                    pager_command(env, s)
                } else {
                    None
                }
            }
        };
        Terminal {
            color_out,
            color_err,
            pager,
        }
    }
}

/// Git config settings read on first use.
struct Lazy<'a> {
    read: &'a mut dyn FnMut() -> TermSettings,
    value: Option<TermSettings>,
}

impl Lazy<'_> {
    fn get(&mut self) -> &TermSettings {
        self.value.get_or_insert_with(&mut *self.read)
    }
}

/// Standard output, through a pager once one is chosen: the pager starts at the first byte
/// written (a command that fails before printing anything never opens it), and
/// [`Paged::finish`] waits until the person quits it. A pager quit early makes writes fail
/// with `BrokenPipe`, which the app takes as a quiet end.
pub struct Paged<'a> {
    out: &'a mut dyn Write,
    start: Option<PagerCommand>,
    pager: Option<crate::process::Pager>,
}

impl<'a> Paged<'a> {
    /// Standard output `out`, not paged yet.
    pub fn new(out: &'a mut dyn Write) -> Self {
        Paged {
            out,
            start: None,
            pager: None,
        }
    }

    /// Sends what is written from now on through `pager`.
    pub fn page_with(&mut self, pager: Option<PagerCommand>) {
        self.start = pager;
    }

    /// Waits for the pager, if one was started.
    pub fn finish(&mut self) {
        if let Some(p) = self.pager.take() {
            p.finish();
        }
    }

    fn target(&mut self) -> &mut dyn Write {
        if let Some(cmd) = self.start.take() {
            // A pager that cannot start leaves the output on the terminal.
            self.pager = crate::process::Pager::start(&cmd.command, &cmd.env).ok();
        }
        match &mut self.pager {
            Some(p) => p,
            None => &mut *self.out,
        }
    }
}

impl Write for Paged<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.target().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.pager {
            Some(p) => p.flush(),
            None => self.out.flush(),
        }
    }
}

/// The pager git would run (see [`Terminal::decide`]).
fn pager_command(env: &Env, settings: &TermSettings) -> Option<PagerCommand> {
    // `pager.ticket` names a command unless it is a boolean.
    let for_ticket = settings
        .pager_ticket
        .clone()
        .filter(|v| ColorWhen::from_config(v).is_none() && v != "always");
    let command = env
        .git_pager
        .clone()
        .or(for_ticket)
        .or_else(|| settings.core_pager.clone())
        .or_else(|| env.pager.clone())
        .unwrap_or_else(|| "less".to_owned());
    let command = command.trim();
    if command.is_empty() || command == "cat" {
        return None;
    }
    let mut vars = Vec::new();
    if !env.less_set {
        vars.push(("LESS", "FRX"));
    }
    if !env.lv_set {
        vars.push(("LV", "-c"));
    }
    Some(PagerCommand {
        command: command.to_owned(),
        env: vars,
    })
}

impl crate::ops::Ui for Ui<'_> {
    fn note(&mut self, message: &str) {
        let _ = writeln!(self.err, "note: {}", safe(message));
    }

    fn can_ask(&self) -> bool {
        self.interactive
    }

    fn confirm(&mut self, lines: &[String], question: &str) -> io::Result<bool> {
        for l in lines {
            let _ = writeln!(self.err, "{}", safe(l));
        }
        let _ = write!(self.err, "{question}");
        let _ = self.err.flush();
        let mut answer = String::new();
        io::stdin().lock().read_line(&mut answer)?;
        Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
    }

    fn child_output(&mut self, command: &str) -> Option<(Stdio, Stdio)> {
        if !self.live {
            return None;
        }
        let _ = writeln!(self.err, "  $ {command}");
        let _ = self.err.flush();
        Some((Stdio::inherit(), Stdio::inherit()))
    }
}
