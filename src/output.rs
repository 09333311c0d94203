//! All output goes through here: the format (text or JSON), colour, and display-width aware
//! text helpers. Commands return an [`Outcome`]; `main` renders it once.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Output format of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// One pretty-printed JSON document (2-space indent).
    Json,
    /// One JSON object per line (listings stream one ticket per line, in ID order).
    Ndjson,
}

impl Format {
    /// Parses `text`/`json` exactly (TicketFlow's accepted values).
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "ndjson" => Some(Format::Ndjson),
            _ => None,
        }
    }
}

/// The `--format/-o` option every command has.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct FormatArg {
    /// Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]
    #[arg(short = 'o', long, value_enum, value_name = "FORMAT", global = true)]
    pub format: Option<Format>,
}

/// Where a command's result is written, with the terminal facts rendering needs.
pub struct Out<'a> {
    /// The destination (standard output, buffered).
    pub w: &'a mut dyn Write,
    /// Whether ANSI colour may be used.
    pub color: bool,
}

impl Out<'_> {
    /// Writes `s` in the given ANSI style when colour is on.
    pub fn styled(&mut self, style: Style, s: &str) -> io::Result<()> {
        if self.color && style != Style::Plain {
            write!(self.w, "\x1b[{}m{s}\x1b[0m", style.code())
        } else {
            self.w.write_all(s.as_bytes())
        }
    }
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

/// A command's result, renderable as text and as JSON.
pub trait Outcome {
    /// Human-readable rendering.
    fn text(&self, out: &mut Out<'_>) -> io::Result<()>;
    /// Machine rendering: one JSON document.
    fn json(&self, w: &mut dyn Write) -> io::Result<()>;
    /// NDJSON rendering; by default the JSON document on one line.
    fn ndjson(&self, w: &mut dyn Write) -> io::Result<()> {
        let mut pretty = Vec::new();
        self.json(&mut pretty)?;
        let value: serde_json::Value = serde_json::from_slice(&pretty).map_err(io::Error::other)?;
        serde_json::to_writer(&mut *w, &value)?;
        w.write_all(b"\n")
    }
    /// Exit status after a successful run (a check that found problems returns 1).
    fn exit_code(&self) -> u8 {
        0
    }
}

/// Writes `value` as pretty JSON (2-space indent) followed by a newline.
pub fn write_json<T: Serialize + ?Sized>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    w.write_all(b"\n")
}

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with `...` when cut; never splits a character.
pub fn truncate(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width(s) <= max {
        return s.into();
    }
    let budget = max.saturating_sub(3);
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    format!("{}...", &s[..end]).into()
}

/// Pads `s` with spaces to `cols` display columns.
pub fn pad(s: &str, cols: usize) -> String {
    let w = width(s);
    let mut p = String::with_capacity(s.len() + cols.saturating_sub(w));
    p.push_str(s);
    p.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_by_display_width() {
        assert_eq!(truncate("short", 50), "short");
        let long = "a".repeat(60);
        assert_eq!(truncate(&long, 50), format!("{}...", "a".repeat(47)));
        // Japanese characters are two columns wide: never cut inside one.
        let jp = "日本語".repeat(10);
        let t = truncate(&jp, 50);
        assert!(width(&t) <= 50, "{t}");
        assert!(t.ends_with("..."));
        assert_eq!(t.chars().filter(|c| *c == '�').count(), 0);
        assert_eq!(pad("日本", 6), "日本  ");
    }
}
