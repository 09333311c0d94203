//! Output formats and results: the format (text, JSON, NDJSON), the [`Outcome`] every command
//! returns (rendered once by the app through the [`Ui`]), and the hand-written JSON of the hot
//! paths.

use std::io::{self, Write};

use serde::Serialize;

pub use crate::text::{pad, truncate, width};
pub use crate::ui::{Style, Ui};

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

/// A command's result, renderable as text and as JSON.
pub trait Outcome {
    /// Human-readable rendering.
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()>;
    /// Machine rendering: one JSON document.
    fn json(&self, w: &mut dyn Write) -> io::Result<()>;
    /// NDJSON rendering; by default the JSON document on one line.
    fn ndjson(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let mut pretty = Vec::new();
        self.json(&mut pretty)?;
        let value: serde_json::Value = serde_json::from_slice(&pretty).map_err(io::Error::other)?;
        serde_json::to_writer(&mut *out.w, &value)?;
        out.w.write_all(b"\n")
    }
    /// Renders in `format` (a result with one machine form of its own overrides this).
    fn render(&self, format: Format, out: &mut Ui<'_>) -> io::Result<()> {
        match format {
            Format::Text => self.text(out),
            Format::Json => self.json(out.w),
            Format::Ndjson => self.ndjson(out),
        }
    }
    /// Exit status after a successful run (a check that found problems returns 1).
    fn exit_code(&self) -> u8 {
        0
    }
}

/// Writes `value` as pretty JSON (2-space indent) followed by a newline.
pub fn write_json<T: Serialize + ?Sized>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    // Rendered into one buffer first: serde_json writes token by token, and through a
    // `dyn Write` every token would be a dynamic call (a third of a 1,000-ticket listing).
    let mut buf = Vec::with_capacity(16 * 1024);
    serde_json::to_writer_pretty(&mut buf, value)?;
    buf.push(b'\n');
    w.write_all(&buf)
}

/// Hand-written JSON for the hot paths (a listing renders thousands of tickets): the same
/// bytes as `serde_json` — tests compare the two — without its per-token generic machinery.
pub mod json {
    use serde::Serialize;

    pub use crate::text::{pad, truncate, width};
    pub use crate::ui::{Style, Ui};

    /// Writes `s` as a JSON string, escaped exactly as `serde_json` does (control characters,
    /// `"` and `\\`; everything else, DEL and non-ASCII included, as is).
    pub fn string(out: &mut Vec<u8>, s: &str) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            start = i + 1;
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                }
            }
        }
        out.extend_from_slice(&bytes[start..]);
        out.push(b'"');
    }

    /// Writes `value` through `serde_json`, pretty-printed as if nested `depth` levels deep
    /// (JSON strings hold no raw newline, so indenting after each one is exact).
    pub fn nested<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, depth: usize) {
        let start = out.len();
        // Serialising plain data into a vector cannot fail.
        let _ = serde_json::to_writer_pretty(&mut *out, value);
        if depth > 0 {
            let text = out.split_off(start);
            for &b in &text {
                out.push(b);
                if b == b'\n' {
                    out.extend(std::iter::repeat_n(b' ', 2 * depth));
                }
            }
        }
    }

    /// An object being written: compact (`depth` `None`) or pretty at a nesting depth, the
    /// layout of `serde_json::to_writer` / `to_writer_pretty`.
    pub struct Object<'a> {
        out: &'a mut Vec<u8>,
        depth: Option<usize>,
        empty: bool,
    }

    impl<'a> Object<'a> {
        /// Opens an object.
        pub fn new(out: &'a mut Vec<u8>, depth: Option<usize>) -> Self {
            out.push(b'{');
            Object {
                out,
                depth,
                empty: true,
            }
        }

        /// Starts the entry `key` (a plain ASCII key) and returns the buffer for its value.
        pub fn key(&mut self, key: &str) -> &mut Vec<u8> {
            if !self.empty {
                self.out.push(b',');
            }
            self.empty = false;
            if let Some(d) = self.depth {
                newline(self.out, d + 1);
            }
            self.out.push(b'"');
            self.out.extend_from_slice(key.as_bytes());
            self.out.extend_from_slice(if self.depth.is_some() {
                b"\": "
            } else {
                b"\":"
            });
            self.out
        }

        /// The pretty depth of the entries' values (`None` when compact).
        pub fn inner(&self) -> Option<usize> {
            self.depth.map(|d| d + 1)
        }

        /// Closes the object.
        pub fn end(self) {
            if let (Some(d), false) = (self.depth, self.empty) {
                newline(self.out, d);
            }
            self.out.push(b'}');
        }
    }

    /// Writes the strings of `items` as an array nested at `depth` (`None`: compact).
    pub fn strings(out: &mut Vec<u8>, items: &[String], depth: Option<usize>) {
        out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            if let Some(d) = depth {
                newline(out, d + 1);
            }
            string(out, item);
        }
        if let (Some(d), false) = (depth, items.is_empty()) {
            newline(out, d);
        }
        out.push(b']');
    }

    /// A newline and the indentation of `depth`.
    pub fn newline(out: &mut Vec<u8>, depth: usize) {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', 2 * depth));
    }
}
