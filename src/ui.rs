//! The one owner of the terminal (in the spirit of jj's `cli/src/ui.rs`): standard output,
//! standard error, standard input, colour, warnings, prompts and where child processes
//! write. Commands render through it; operations reach it through the [`crate::ops::Ui`]
//! trait. No other module touches the process's standard streams (a test audits `src/`).

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::Stdio;

use crate::env::Env;

/// The terminal of one command run.
pub struct Ui<'a> {
    /// Standard output (buffered by the caller): results are written here.
    pub w: &'a mut dyn Write,
    err: &'a mut dyn Write,
    /// Whether ANSI colour may be used on standard output.
    pub color: bool,
    err_color: bool,
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
    pub fn new(env: &Env, text: bool, out: &'a mut dyn Write, err: &'a mut dyn Write) -> Self {
        Ui {
            w: out,
            err,
            color: env.color(env.stdout_tty),
            err_color: env.color(env.stderr_tty),
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
        let _ = writeln!(self.err, "warning: {message}");
    }

    /// Prints the errors, then the warnings, collected while the command ran.
    pub fn flush_messages(&mut self) {
        for e in std::mem::take(&mut self.errors) {
            let _ = writeln!(self.err, "error: {e}");
        }
        for w in std::mem::take(&mut self.warnings) {
            let _ = writeln!(self.err, "warning: {w}");
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

/// Records in `env` which of the process's standard streams are terminals.
pub fn detect_terminals(env: &mut Env) {
    env.stdout_tty = io::stdout().is_terminal();
    env.stderr_tty = io::stderr().is_terminal();
    env.stdin_tty = io::stdin().is_terminal();
}

impl crate::ops::Ui for Ui<'_> {
    fn note(&mut self, message: &str) {
        let _ = writeln!(self.err, "note: {message}");
    }

    fn can_ask(&self) -> bool {
        self.interactive
    }

    fn confirm(&mut self, lines: &[String], question: &str) -> io::Result<bool> {
        for l in lines {
            let _ = writeln!(self.err, "{l}");
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
