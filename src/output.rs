//! Output formats and results: the format (text, JSON, NDJSON), the [`Outcome`] every command
//! returns (rendered once by the app through the [`Ui`]), and the hand-written JSON of the hot
//! paths.

use std::io::{self, Write};

use serde::Serialize;

pub use crate::text::{Escape, escape, escape_control, pad, truncate, width};
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
        to_writer_compact(&mut *out.w, &value)?;
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
    to_writer_pretty(&mut buf, value)?;
    buf.push(b'\n');
    w.write_all(&buf)
}

/// Writes `value` as pretty JSON (2-space indent), strings escaped as Go does ([`GoEscape`]).
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(w: W, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        w,
        GoEscape(serde_json::ser::PrettyFormatter::new()),
    );
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Writes `value` as compact JSON (one line), strings escaped as Go does ([`GoEscape`]).
pub fn to_writer_compact<W: Write, T: Serialize + ?Sized>(w: W, value: &T) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(w, GoEscape(serde_json::ser::CompactFormatter));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// A serde_json formatter that escapes strings as Go's `encoding/json` does by default
/// (TicketFlow's encoder, HTML-safe): on top of serde_json's escapes, `<`, `>` and `&` become
/// `\u003c`, `\u003e`, `\u0026`, and U+2028, U+2029 become `\u2028`, `\u2029`. The layout
/// is the wrapped formatter's. Every JSON document git-ticket writes goes through it (or
/// through [`json::string`], which writes the same bytes).
pub struct GoEscape<F>(pub F);

/// The escape Go writes for the character starting at `bytes[i]`, and its length in bytes,
/// when serde_json would leave it as it is.
fn go_escape(bytes: &[u8], i: usize) -> Option<(&'static [u8], usize)> {
    match bytes[i] {
        b'<' => Some((b"\\u003c", 1)),
        b'>' => Some((b"\\u003e", 1)),
        b'&' => Some((b"\\u0026", 1)),
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0xA8) => Some((b"\\u2028", 3)),
            Some(0xA9) => Some((b"\\u2029", 3)),
            _ => None,
        },
        _ => None,
    }
}

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for GoEscape<F> {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            match go_escape(bytes, i) {
                Some((escape, len)) => {
                    w.write_all(&bytes[start..i])?;
                    w.write_all(escape)?;
                    i += len;
                    start = i;
                }
                None => i += 1,
            }
        }
        w.write_all(&bytes[start..])
    }
}

/// Hand-written JSON for the hot paths (a listing renders thousands of tickets): the same
/// bytes as `serde_json` with [`GoEscape`] — tests compare the two — without its per-token
/// generic machinery.
pub mod json {
    use serde::Serialize;

    pub use crate::text::{Escape, escape, escape_control, pad, truncate, width};
    pub use crate::ui::{Style, Ui};

    /// How each byte is escaped in a JSON string: 0 not at all, `u` as `\u00XX`, `?` maybe
    /// (the first byte of U+2028 and U+2029), else the letter after the backslash.
    static ESCAPE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 0x20 {
            t[b] = b'u';
            b += 1;
        }
        t[b'\n' as usize] = b'n';
        t[b'\r' as usize] = b'r';
        t[b'\t' as usize] = b't';
        t[0x08] = b'b';
        t[0x0c] = b'f';
        t[b'"' as usize] = b'"';
        t[b'\\' as usize] = b'\\';
        t[b'<' as usize] = b'u';
        t[b'>' as usize] = b'u';
        t[b'&' as usize] = b'u';
        t[0xE2] = b'?';
        t
    };

    /// Writes `s` as a JSON string, escaped exactly as [`super::GoEscape`] over `serde_json`
    /// does (Go's `encoding/json`): control characters, `"` and `\` as serde_json escapes
    /// them, `<`, `>`, `&`, U+2028 and U+2029 as `\u003c`…; everything else, DEL and
    /// non-ASCII included, as is.
    pub fn string(out: &mut Vec<u8>, s: &str) {
        out.reserve(s.len() + 2);
        out.push(b'"');
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape = ESCAPE[usize::from(b)];
            if escape == 0 {
                continue;
            }
            if escape == b'?' {
                // U+2028 and U+2029 (E2 80 A8/A9); continuation bytes are never escaped, so
                // the loop passes over theirs.
                if let Some((go, _)) = super::go_escape(bytes, i) {
                    out.extend_from_slice(&bytes[start..i]);
                    out.extend_from_slice(go);
                    start = i + 3;
                }
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            start = i + 1;
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(&[b'\\', escape]);
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
        let _ = super::to_writer_pretty(&mut *out, value);
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Go's escaping done independently: serde_json's output with `<`, `>`, `&`, U+2028 and
    /// U+2029 replaced (they can only stand inside strings there).
    fn go_way(serde: &[u8]) -> String {
        let mut out = String::new();
        for c in std::str::from_utf8(serde).unwrap().chars() {
            match c {
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                c => out.push(c),
            }
        }
        out
    }

    fn value() -> impl Strategy<Value = serde_json::Value> {
        let text = crate::ticket::model::strategies::text;
        let leaf = prop_oneof![
            text().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            Just(serde_json::Value::Null),
        ];
        leaf.prop_recursive(3, 16, 4, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                proptest::collection::btree_map(text(), inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn go_escapes_html_and_line_separators() {
        let mut out = Vec::new();
        to_writer_compact(
            &mut out,
            &["<a href=\"x\">&</a>", "\u{2028}\u{2029}\u{2027}€"],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"["\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e","\u2028\u2029‧€"]"#
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// The Go-escaping formatter writes serde_json's layout with Go's escapes, compact and
        /// pretty, keys included.
        #[test]
        fn go_escape_is_serde_json_escaped_the_go_way(v in value()) {
            let mut compact = Vec::new();
            to_writer_compact(&mut compact, &v).unwrap();
            prop_assert_eq!(String::from_utf8(compact).unwrap(), go_way(&serde_json::to_vec(&v).unwrap()));
            let mut pretty = Vec::new();
            to_writer_pretty(&mut pretty, &v).unwrap();
            prop_assert_eq!(String::from_utf8(pretty).unwrap(), go_way(&serde_json::to_vec_pretty(&v).unwrap()));
        }

        /// The hand-written string writer is the formatter's bytes.
        #[test]
        fn json_string_is_go_escape(s in crate::ticket::model::strategies::text()) {
            let mut hand = Vec::new();
            json::string(&mut hand, &s);
            prop_assert_eq!(String::from_utf8(hand).unwrap(), go_way(&serde_json::to_vec(&s).unwrap()));
        }
    }
}
