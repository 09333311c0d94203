//! The ticket file format: locating the frontmatter, reading it, writing new tickets, and
//! lossless edits.
//!
//! A ticket file is `---` / YAML / `---` / blank line / Markdown body. Reading uses the YAML
//! parser; rewriting never re-serialises: it edits the changed frontmatter lines as text, so
//! unknown keys, comments, key order, quoting, sub-second times, CRLF line endings, a BOM and
//! the body stay byte for byte. Every edit is re-read by the parser before it is accepted.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;

use super::model::Meta;
use super::time::Timestamp;

/// Canonical key order of TicketFlow's writer; new keys are inserted to respect it.
pub(crate) const KEY_ORDER: [&str; 7] = [
    "priority",
    "description",
    "created_at",
    "started_at",
    "closed_at",
    "closure_reason",
    "related",
];

/// Why a ticket file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{reason}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ParseError {
    /// 1-based line in the file, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub reason: String,
}

impl ParseError {
    fn new(line: Option<usize>, reason: impl Into<String>) -> Self {
        ParseError {
            line,
            reason: reason.into(),
        }
    }
}

/// Where the parts of a ticket file are, as byte ranges of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The YAML between the two `---` lines.
    pub frontmatter: Range<usize>,
    /// 1-based line number of the first frontmatter line.
    pub first_line: usize,
    /// Start of the body (after the closing `---` line and one blank line).
    pub body_start: usize,
    /// The line ending of the opening `---` line: `"\n"` or `"\r\n"`.
    pub newline: &'static str,
}

/// Finds the frontmatter. Accepts what TicketFlow accepts (anything before the first `---`
/// line is ignored) plus CRLF files and a UTF-8 BOM.
pub fn layout(text: &str) -> Result<Layout, ParseError> {
    let mut lines = Lines::new(text);
    let open = loop {
        match lines.next() {
            Some(l) if l.content == "---" && !l.newline.is_empty() => break l,
            Some(_) => {}
            None => {
                return Err(ParseError::new(
                    None,
                    "missing frontmatter: no line '---' starts the YAML header",
                ));
            }
        }
    };
    let first_line = open.number + 1;
    let start = open.end;
    for l in lines.by_ref() {
        if l.content == "---" {
            let mut body_start = l.end;
            let rest = &text[body_start..];
            if rest.starts_with("\r\n") {
                body_start += 2;
            } else if rest.starts_with('\n') {
                body_start += 1;
            }
            return Ok(Layout {
                frontmatter: start..l.start,
                first_line,
                body_start,
                newline: open.newline,
            });
        }
    }
    Err(ParseError::new(
        Some(open.number),
        "missing frontmatter: the YAML header opened here is never closed by a line '---'",
    ))
}

#[derive(Deserialize)]
struct RawMeta {
    #[serde(default)]
    priority: Option<i64>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    started_at: Option<String>,
    #[serde(default)]
    closed_at: Option<String>,
    #[serde(default)]
    closure_reason: Option<String>,
    #[serde(default)]
    related: Option<Vec<String>>,
}

fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_nodes: 100_000,
            max_total_scalar_bytes: 16 * 1024 * 1024,
        },
    }
}

/// Parses the frontmatter of a whole ticket file.
pub fn parse_meta(text: &str) -> Result<Meta, ParseError> {
    let lay = layout(text)?;
    parse_yaml(&text[lay.frontmatter.clone()], lay.first_line)
}

/// Parses a frontmatter YAML block whose first line is line `first_line` of the file: the
/// fast scanner for the usual forms, the full YAML parser for everything else.
pub fn parse_yaml(yaml: &str, first_line: usize) -> Result<Meta, ParseError> {
    match super::fast::scan(yaml) {
        Some(meta) => Ok(meta),
        None => parse_yaml_full(yaml, first_line),
    }
}

/// Parses a frontmatter block with the YAML parser only.
pub fn parse_yaml_full(yaml: &str, first_line: usize) -> Result<Meta, ParseError> {
    if yaml.trim().is_empty() {
        return Ok(Meta::default());
    }
    let raw: RawMeta = serde_saphyr::from_str_with_options(yaml, yaml_options()).map_err(|e| {
        let (line, message) = yaml_error(&e, yaml, first_line);
        ParseError::new(line, message)
    })?;
    let time = |key: &str, v: Option<String>| -> Result<Option<Timestamp>, ParseError> {
        match v.as_deref().map(str::trim) {
            None | Some("" | "null" | "~") => Ok(None),
            Some(s) => Timestamp::parse(s).map(Some).ok_or_else(|| {
                ParseError::new(
                    line_of_key(yaml, key).map(|l| l + first_line - 1),
                    format!("{key}: '{s}' is not an RFC 3339 time (e.g. 2025-01-31T09:00:00Z)"),
                )
            }),
        }
    };
    Ok(Meta {
        priority: raw.priority,
        description: raw.description.unwrap_or_default(),
        created_at: time("created_at", raw.created_at)?,
        started_at: time("started_at", raw.started_at)?,
        closed_at: time("closed_at", raw.closed_at)?,
        closure_reason: raw.closure_reason.filter(|r| !r.is_empty()),
        related: raw.related,
    })
}

/// A YAML parser error as a whole sentence for a person: the line in the file (`yaml` starts
/// at line `first_line`), and `invalid YAML: <key>: expected <what>, found <what> (column
/// <n>)` — the key the error is under, what was found there (an alias is followed to the
/// line of its anchor), never the crate's advice to programmers.
pub fn yaml_error(
    e: &serde_saphyr::Error,
    yaml: &str,
    first_line: usize,
) -> (Option<usize>, String) {
    let raw = e.to_string();
    let raw = raw.lines().next().unwrap_or_default();
    if raw.starts_with("budget breached") {
        let line = e.location().map(|l| l.line() as usize).filter(|l| *l > 0);
        return (
            line.map(|l| l + first_line - 1),
            "invalid YAML: exceeds the parser's limits (too many nodes, aliases or nesting)"
                .to_owned(),
        );
    }
    let (text, positions) = split_positions(raw);
    // Where the value was met (an alias: where it is used), and where an alias's anchor is.
    let at = positions
        .used
        .or(positions.at)
        .or(positions.defined)
        .or_else(|| {
            e.location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .filter(|(l, _)| *l > 0)
        });
    let file_line = |l: usize| l + first_line - 1;
    let mut msg = String::from("invalid YAML: ");
    if let Some((line, _)) = at
        && let Some(key) = key_path_at(yaml, line)
    {
        msg.push_str(&key);
        msg.push_str(": ");
    }
    let (what, expects) = plain_words(text);
    msg.push_str(&what);
    if let Some((line, column)) = at {
        if expects && let Some(found) = found_at(yaml, line, column) {
            msg.push_str(", found ");
            msg.push_str(&found);
            if let Some((dl, dc)) = positions.defined.filter(|_| found.starts_with("alias"))
                && let Some(value) = found_at(yaml, dl, dc)
            {
                msg.push_str(&format!(
                    ", whose anchor at line {}, column {dc} is {value}",
                    file_line(dl)
                ));
            }
        }
        msg.push_str(&format!(" (column {column})"));
    }
    (at.map(|(l, _)| file_line(l)), msg)
}

/// A YAML error message for a file whose lines are numbered from 1 (the config file).
pub fn yaml_error_message(e: &serde_saphyr::Error, yaml: &str) -> (Option<usize>, String) {
    yaml_error(e, yaml, 1)
}

/// The positions serde-saphyr appends to its messages: ` (defined at line L, column C)`,
/// ` (used at line L, column C)` and ` at line L, column C`; returns the message without them.
fn split_positions(raw: &str) -> (&str, Positions) {
    fn line_col(s: &str) -> Option<(usize, usize)> {
        let (l, c) = s.split_once(", column ")?;
        Some((l.trim().parse().ok()?, c.trim().parse().ok()?))
    }
    let mut p = Positions::default();
    let mut text = raw;
    if let Some(i) = text.rfind(" at line ")
        && let Some(lc) = line_col(&text[i + 9..])
    {
        p.at = Some(lc);
        text = &text[..i];
    }
    for (tag, slot) in [
        (" (used at line ", &mut p.used),
        (" (defined at line ", &mut p.defined),
    ] {
        if let Some(i) = text.find(tag) {
            let rest = &text[i + tag.len()..];
            if let Some(end) = rest.find(')') {
                *slot = line_col(&rest[..end]);
                text = &text[..i];
            }
        }
    }
    (text, p)
}

#[derive(Default)]
struct Positions {
    at: Option<(usize, usize)>,
    used: Option<(usize, usize)>,
    defined: Option<(usize, usize)>,
}

/// The parser's phrase in plain words, and whether it says what was expected (then what was
/// found is worth adding).
fn plain_words(text: &str) -> (String, bool) {
    let text = text
        .find(", set DuplicateKeyPolicy")
        .map_or(text, |i| &text[..i]);
    let expected = |what: &str| (format!("expected {what}"), true);
    match text {
        "expected sequence start" => expected("a list"),
        "expected mapping start" => expected("a mapping (key: value lines)"),
        "expected string scalar" => expected("a single value"),
        "alias references unknown anchor" => (
            "an alias (*name) that no anchor (&name) before it defines".to_owned(),
            false,
        ),
        t if t.starts_with("invalid i") || t.starts_with("invalid u") => expected("an integer"),
        t if t.starts_with("duplicate mapping key: ") => {
            ("this key is given twice".to_owned(), false)
        }
        t if t.starts_with("expected ") || t.starts_with("invalid ") => (t.to_owned(), true),
        t => (t.to_owned(), false),
    }
}

/// What the YAML text holds at 1-based `line`, `column`: an alias, a list, a mapping, a
/// quoted or plain value (shown, cut to 40 columns).
fn found_at(yaml: &str, line: usize, column: usize) -> Option<String> {
    let l = yaml.lines().nth(line.checked_sub(1)?)?;
    let rest: String = l.chars().skip(column.saturating_sub(1)).collect();
    let rest = rest.trim();
    let token = rest.split([' ', ',', ']', '}']).next().unwrap_or_default();
    Some(match rest.chars().next()? {
        '*' => format!("alias {token}"),
        '[' => "a list".to_owned(),
        '{' => "a mapping".to_owned(),
        '|' | '>' => "a block of text".to_owned(),
        '-' if rest.starts_with("- ") || rest == "-" => "a list item".to_owned(),
        _ => format!(
            "'{}'",
            crate::text::truncate(&crate::text::escape_control(rest), 40)
        ),
    })
}

/// The dotted key path (`worktree.init_commands`) of the YAML mapping entry that holds
/// 1-based `line`: that line's key and the keys of the lines with less indentation above it.
fn key_path_at(yaml: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = yaml.lines().take(line).collect();
    let mut path: Vec<&str> = Vec::new();
    let mut limit = usize::MAX;
    for l in lines.iter().rev() {
        let content = l.trim_start();
        let indent = l.len() - content.len();
        if content.is_empty() || content.starts_with('#') || indent >= limit {
            continue;
        }
        let content = content.strip_prefix("- ").unwrap_or(content);
        if let Some((key, _)) = content.split_once(':')
            && !key.is_empty()
            && !key.contains([' ', '"', '\'', '[', '{'])
        {
            path.push(key);
            limit = indent;
        } else if indent < limit && path.is_empty() {
            limit = indent + 1;
        }
        if indent == 0 {
            break;
        }
    }
    (!path.is_empty()).then(|| {
        path.reverse();
        path.join(".")
    })
}

/// 1-based line (within `yaml`) of the top-level `key:`.
fn line_of_key(yaml: &str, key: &str) -> Option<usize> {
    Lines::new(yaml)
        .find(|l| key_value_start(l.content, key).is_some())
        .map(|l| l.number)
}

/// The contents of a new ticket, byte-identical to what TicketFlow writes at the same instant.
pub fn render_new(created: &Timestamp, parent: Option<&str>, template: &str) -> String {
    let mut s = String::with_capacity(160 + template.len());
    s.push_str("---\npriority: 2\ndescription: \"\"\ncreated_at: \"");
    s.push_str(&created.to_rfc3339_seconds());
    s.push_str("\"\nstarted_at: null\nclosed_at: null\n");
    if let Some(p) = parent {
        s.push_str("related:\n    - ");
        s.push_str(&yaml_string(&format!("parent:{p}")));
        s.push('\n');
    }
    s.push_str("---\n\n");
    s.push_str(template);
    s
}

/// A typed value for a frontmatter field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// YAML `null`.
    Null,
    /// An integer.
    Int(i64),
    /// A string (quoted only when YAML needs it).
    Str(String),
    /// A time, always written double-quoted with second precision.
    Time(Timestamp),
    /// A list of strings, written as a block sequence.
    List(Vec<String>),
}

impl Value {
    fn render_scalar(&self) -> Option<String> {
        match self {
            Value::Null => Some("null".to_owned()),
            Value::Int(i) => Some(i.to_string()),
            Value::Str(s) => Some(yaml_string(s)),
            Value::Time(t) => Some(format!("\"{}\"", t.to_rfc3339_seconds())),
            Value::List(_) => None,
        }
    }
}

/// One change to a ticket file.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Set a top-level key (inserted in TicketFlow's key order when missing).
    Set(Cow<'static, str>, Value),
    /// Remove a top-level key if present.
    Remove(Cow<'static, str>),
    /// Replace the body.
    Body(String),
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The file does not parse before the edit.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The edit would not read back as intended (e.g. the key is written in a form the text
    /// editor does not recognise, such as a quoted key).
    #[error("cannot safely rewrite '{key}' in this file; edit it by hand")]
    Unsafe {
        /// The key that could not be edited.
        key: String,
    },
}

/// Applies `changes` to a ticket file's text, touching only the changed lines, and checks
/// that the result parses to the intended values.
pub fn apply(text: &str, changes: &[Change]) -> Result<String, EditError> {
    let mut out = text.to_owned();
    for change in changes {
        let lay = layout(&out)?;
        out = match change {
            Change::Set(key, value) => set_key(&out, &lay, key, value),
            Change::Remove(key) => match find_key(&out, &lay, key) {
                Some(k) => format!("{}{}", &out[..k.line_start], &out[k.extent_end..]),
                None => out,
            },
            Change::Body(body) => format!("{}{}", &out[..lay.body_start], body),
        };
    }
    let meta = parse_meta(&out)?;
    for change in changes {
        if let Change::Set(key, value) = change
            && !reads_back(&meta, key, value)
        {
            return Err(EditError::Unsafe {
                key: key.to_string(),
            });
        }
    }
    Ok(out)
}

fn reads_back(meta: &Meta, key: &str, value: &Value) -> bool {
    let time = |t: &Option<Timestamp>| match value {
        Value::Null => t.is_none(),
        Value::Time(v) => t.is_some_and(|t| t.unix == v.unix),
        _ => false,
    };
    match key {
        "priority" => match value {
            Value::Int(i) => meta.priority == Some(*i),
            Value::Null => meta.priority.is_none(),
            _ => false,
        },
        "description" => matches!(value, Value::Str(s) if *s == meta.description),
        "created_at" => time(&meta.created_at),
        "started_at" => time(&meta.started_at),
        "closed_at" => time(&meta.closed_at),
        "closure_reason" => match value {
            Value::Str(s) => meta.closure_reason.as_deref() == Some(s.as_str()),
            Value::Null => meta.closure_reason.is_none(),
            _ => false,
        },
        "related" => match value {
            Value::List(l) => meta.related.as_ref() == Some(l),
            Value::Null => meta.related.is_none(),
            _ => false,
        },
        _ => true,
    }
}

/// The lines of the top-level `key` (with its continuation lines and their line endings) in
/// a ticket file's text; `None` when the key is not there or the file has no frontmatter.
pub fn key_lines<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let lay = layout(text).ok()?;
    find_key(text, &lay, key).map(|k| &text[k.line_start..k.extent_end])
}

/// The labels and marker size of a conflict, as git gives them to a merge driver.
#[derive(Clone, Copy, Debug)]
pub struct Markers<'a> {
    /// Our side's label (`%X`: `HEAD`, a branch name).
    pub ours: &'a str,
    /// Their side's label (`%Y`).
    pub theirs: &'a str,
    /// The length of the markers (`%L`, 7 by default).
    pub size: usize,
}

/// Puts git's conflict markers around the lines of the top-level `key` in `text` (ours),
/// with `theirs` (their lines of that key, possibly empty) as the other side. When `text`
/// lacks the key, our side is empty and the conflict goes at the end of the frontmatter. The
/// result no longer parses: a person chooses, as with any conflict.
pub fn mark_conflict(text: &str, key: &str, theirs: &str, m: Markers<'_>) -> String {
    let Ok(lay) = layout(text) else {
        return text.to_owned();
    };
    let nl = lay.newline;
    let (start, end) = find_key(text, &lay, key)
        .map_or((lay.frontmatter.end, lay.frontmatter.end), |k| {
            (k.line_start, k.extent_end)
        });
    let line = |s: &str| {
        if s.is_empty() || s.ends_with('\n') {
            s.to_owned()
        } else {
            format!("{s}{nl}")
        }
    };
    let ours = &text[start..end];
    format!(
        "{}{} {}{nl}{}{}{nl}{}{} {}{nl}{}",
        &text[..start],
        "<".repeat(m.size),
        m.ours,
        line(ours),
        "=".repeat(m.size),
        line(theirs),
        ">".repeat(m.size),
        m.theirs,
        &text[end..]
    )
}

/// Where a top-level key and its value are.
struct KeyExtent {
    line_start: usize,
    value: Range<usize>,
    /// End of the key's last line including its line ending (continuation lines included).
    extent_end: usize,
    /// Whether the value continues on further (indented) lines.
    multiline: bool,
}

fn find_key(text: &str, lay: &Layout, key: &str) -> Option<KeyExtent> {
    let fm = lay.frontmatter.clone();
    let mut lines = Lines::new(&text[fm.clone()]).peekable();
    while let Some(l) = lines.next() {
        let Some(vstart) = key_value_start(l.content, key) else {
            continue;
        };
        let rel = value_token(&l.content[vstart..]);
        let base = fm.start + l.start;
        let mut extent_end = fm.start + l.end;
        let mut multiline = false;
        while let Some(next) = lines.peek() {
            let c = next.content;
            if c.starts_with([' ', '\t']) && !c.trim().is_empty() || c == "-" || c.starts_with("- ")
            {
                multiline = true;
                extent_end = fm.start + next.end;
            } else if !c.trim().is_empty() {
                break;
            }
            lines.next();
        }
        return Some(KeyExtent {
            line_start: base,
            value: base + vstart + rel.start..base + vstart + rel.end,
            extent_end,
            multiline,
        });
    }
    None
}

/// If `line` is the top-level `key:` line, the byte offset just after the colon.
fn key_value_start(line: &str, key: &str) -> Option<usize> {
    let rest = line.strip_prefix(key)?;
    let after = rest.strip_prefix(':')?;
    (after.is_empty() || after.starts_with([' ', '\t'])).then_some(key.len() + 1)
}

/// The range of the scalar value token in the text after `key:` (leading blanks, trailing
/// blanks and comments excluded).
fn value_token(s: &str) -> Range<usize> {
    let start = s.len() - s.trim_start_matches([' ', '\t']).len();
    let b = s.as_bytes();
    let end = match b.get(start) {
        Some(b'"') => {
            let mut i = start + 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            (i + 1).min(b.len())
        }
        Some(b'\'') => {
            let mut i = start + 1;
            loop {
                match b.get(i) {
                    Some(b'\'') if b.get(i + 1) == Some(&b'\'') => i += 2,
                    Some(b'\'') => break i + 1,
                    Some(_) => i += 1,
                    None => break b.len(),
                }
            }
        }
        _ => {
            let comment = s[start..]
                .match_indices('#')
                .find(|(i, _)| *i > 0 && matches!(b[start + i - 1], b' ' | b'\t'))
                .map_or(s.len(), |(i, _)| start + i);
            start + s[start..comment].trim_end().len()
        }
    };
    start..end
}

fn set_key(text: &str, lay: &Layout, key: &str, value: &Value) -> String {
    let nl = lay.newline;
    let rendered_block = |indent: &str| -> String {
        match value {
            Value::List(items) if !items.is_empty() => {
                let mut s = format!("{key}:{nl}");
                for item in items {
                    s.push_str(indent);
                    s.push_str("- ");
                    s.push_str(&yaml_string(item));
                    s.push_str(nl);
                }
                s
            }
            Value::List(_) => format!("{key}: []{nl}"),
            scalar => format!("{key}: {}{nl}", scalar.render_scalar().unwrap_or_default()),
        }
    };
    match find_key(text, lay, key) {
        Some(k) => {
            if let (Some(scalar), false) = (value.render_scalar(), k.multiline) {
                return format!(
                    "{}{}{}",
                    &text[..k.value.start],
                    scalar,
                    &text[k.value.end..]
                );
            }
            let indent = list_indent(&text[k.line_start..k.extent_end]);
            let mut block = rendered_block(&indent);
            let line_has_newline = text[..k.extent_end].ends_with('\n');
            if !line_has_newline {
                block.truncate(block.len() - nl.len());
            }
            format!(
                "{}{}{}",
                &text[..k.line_start],
                block,
                &text[k.extent_end..]
            )
        }
        None => {
            let pos = KEY_ORDER.iter().position(|k| *k == key);
            let after = pos.and_then(|p| {
                KEY_ORDER[..p]
                    .iter()
                    .rev()
                    .find_map(|prev| find_key(text, lay, prev))
            });
            // No key that comes before it: before the first that comes after it (priority
            // goes first), else at the end.
            let before = || {
                pos.and_then(|p| {
                    KEY_ORDER[p + 1..]
                        .iter()
                        .find_map(|next| find_key(text, lay, next))
                })
            };
            let at = match after {
                Some(k) => k.extent_end,
                None => before().map_or(lay.frontmatter.end, |k| k.line_start),
            };
            let mut insert = rendered_block("    ");
            // A frontmatter whose last line lacks a newline cannot occur (the closing `---`
            // follows), but a key found at the very end of the header can end without one.
            if !text[..at].ends_with('\n') && at > lay.frontmatter.start {
                insert.insert_str(0, nl);
                insert.truncate(insert.len() - nl.len());
            }
            format!("{}{}{}", &text[..at], insert, &text[at..])
        }
    }
}

/// The indentation of the first `-` item of an existing block list, or four spaces.
fn list_indent(block: &str) -> String {
    block
        .lines()
        .skip(1)
        .find(|l| l.trim_start().starts_with('-'))
        .map(|l| l[..l.len() - l.trim_start().len()].to_owned())
        .unwrap_or_else(|| "    ".to_owned())
}

/// A YAML scalar for `s`: plain when YAML reads it back as the same string, else
/// double-quoted with escapes.
pub fn yaml_string(s: &str) -> String {
    if is_plain_safe(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !(first == '-' && s.len() > 1 && !s[1..].starts_with(' '))
    {
        return false;
    }
    if s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.ends_with(':')
        || s.contains(": ")
        || s.contains(" #")
        || s.chars().any(char::is_control)
    {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    let reserved = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
        "+.inf",
    ];
    if reserved.contains(&lower.as_str()) {
        return false;
    }
    // Anything that starts like a number, a date or a time is quoted.
    let numeric = |c: char| c.is_ascii_digit() || c == '.';
    let looks_numeric = s.starts_with(|c: char| numeric(c) || c == '+')
        || s.strip_prefix('-').is_some_and(|r| r.starts_with(numeric));
    !looks_numeric
}

/// One line of a text, with its line ending split off.
struct Line<'a> {
    number: usize,
    start: usize,
    end: usize,
    content: &'a str,
    newline: &'static str,
}

struct Lines<'a> {
    text: &'a str,
    pos: usize,
    number: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Lines {
            text,
            pos,
            number: 0,
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;
    fn next(&mut self) -> Option<Line<'a>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (len, end) = match rest.find('\n') {
            Some(i) => (i, start + i + 1),
            None => (rest.len(), self.text.len()),
        };
        let mut content = &rest[..len];
        let newline = if end > start + len {
            if content.ends_with('\r') {
                content = &content[..content.len() - 1];
                "\r\n"
            } else {
                "\n"
            }
        } else {
            ""
        };
        self.pos = end;
        self.number += 1;
        Some(Line {
            number: self.number,
            start,
            end,
            content,
            newline,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "---\npriority: 2\ndescription: \"\"\ncreated_at: \"2026-11-27T01:38:54Z\"\nstarted_at: null\nclosed_at: null\n---\n\n# Summary";

    fn t(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn new_ticket_bytes_match_ticketflow() {
        let created = t("2026-11-27T01:38:54Z");
        assert_eq!(render_new(&created, None, "# Summary"), SAMPLE);
        let sub = render_new(
            &t("2026-11-27T10:38:54+09:00"),
            Some("261127-013854-first"),
            "",
        );
        assert_eq!(
            sub,
            "---\npriority: 2\ndescription: \"\"\ncreated_at: \"2026-11-27T10:38:54+09:00\"\nstarted_at: null\nclosed_at: null\nrelated:\n    - parent:261127-013854-first\n---\n\n"
        );
    }

    #[test]
    fn parses_sample() {
        let m = parse_meta(SAMPLE).unwrap();
        assert_eq!(m.priority, Some(2));
        assert_eq!(m.description, "");
        assert_eq!(m.created_at, Some(t("2026-11-27T01:38:54Z")));
        assert_eq!(m.started_at, None);
        assert_eq!(m.related, None);
        let lay = layout(SAMPLE).unwrap();
        assert_eq!(&SAMPLE[lay.body_start..], "# Summary");
    }

    #[test]
    fn crlf_bom_and_preamble() {
        let crlf = SAMPLE.replace('\n', "\r\n");
        let m = parse_meta(&crlf).unwrap();
        assert_eq!(m.priority, Some(2));
        let lay = layout(&crlf).unwrap();
        assert_eq!(lay.newline, "\r\n");
        assert_eq!(&crlf[lay.body_start..], "# Summary");
        let bom = format!("\u{feff}{SAMPLE}");
        assert_eq!(parse_meta(&bom).unwrap().priority, Some(2));
        let pre = format!("ignored\n{SAMPLE}");
        assert_eq!(parse_meta(&pre).unwrap().priority, Some(2));
    }

    #[test]
    fn body_separator_lines_are_kept() {
        let text = "---\npriority: 1\n---\n\nbody\n---\nmore\n";
        let lay = layout(text).unwrap();
        assert_eq!(&text[lay.body_start..], "body\n---\nmore\n");
    }

    #[test]
    fn parse_errors_name_lines() {
        let e = parse_meta("no header\n").unwrap_err();
        assert!(e.reason.contains("missing frontmatter"), "{e}");
        let e = parse_meta("---\npriority: 1\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse_meta("---\npriority: 1\ncreated_at: \"2025-01-01\"\n---\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = parse_meta("---\npriority: [\n---\n").unwrap_err();
        assert!(e.line.is_some(), "{e}");
        let e = parse_meta("---\npriority: high\n---\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn null_forms_and_fractions() {
        let m = parse_meta(
            "---\ncreated_at: 2025-01-01T12:00:00.5+09:00\nstarted_at: \"null\"\nclosed_at: ~\nrelated: [a, 'b']\n---\n",
        )
        .unwrap();
        assert_eq!(m.created_at.unwrap().nanos, 500_000_000);
        assert_eq!(m.started_at, None);
        assert_eq!(m.closed_at, None);
        assert_eq!(m.related, Some(vec!["a".into(), "b".into()]));
        assert_eq!(m.priority, None);
        assert_eq!(m.priority(), 2);
    }

    #[test]
    fn edit_changes_only_the_changed_line() {
        let text = "---\n# keep me\npriority: 1 # high\nowner: bob\ndescription: 'It''s: fine'\ncreated_at: \"2025-01-01T12:00:00.123+09:00\"\nstarted_at: null   # later\nclosed_at: null\n---\n\nbody\n";
        let out = apply(
            text,
            &[Change::Set(
                "started_at".into(),
                Value::Time(t("2025-02-01T00:00:00+09:00")),
            )],
        )
        .unwrap();
        assert_eq!(
            out,
            text.replace(
                "started_at: null",
                "started_at: \"2025-02-01T00:00:00+09:00\""
            )
        );
    }

    #[test]
    fn edit_keeps_crlf_and_bom() {
        let text = format!("\u{feff}{}", SAMPLE.replace('\n', "\r\n"));
        let out = apply(
            &text,
            &[
                Change::Set("closed_at".into(), Value::Time(t("2026-11-28T00:00:00Z"))),
                Change::Set("closure_reason".into(), Value::Str("not needed".into())),
            ],
        )
        .unwrap();
        assert!(out.starts_with('\u{feff}'));
        assert!(out.contains(
            "closed_at: \"2026-11-28T00:00:00Z\"\r\nclosure_reason: not needed\r\n---\r\n"
        ));
        assert!(!out.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn edit_inserts_in_ticketflow_order_and_replaces_lists() {
        let out = apply(
            SAMPLE,
            &[Change::Set(
                "related".into(),
                Value::List(vec!["parent:x".into()]),
            )],
        )
        .unwrap();
        assert!(
            out.contains("closed_at: null\nrelated:\n    - parent:x\n---\n"),
            "{out}"
        );
        let out = apply(
            &out,
            &[Change::Set(
                "closure_reason".into(),
                Value::Str("a: b".into()),
            )],
        )
        .unwrap();
        assert!(
            out.contains("closed_at: null\nclosure_reason: \"a: b\"\nrelated:"),
            "{out}"
        );
        let two = apply(
            "---\nrelated:\n  - a  # first\n\n  - b\nx: 1\n---\n",
            &[Change::Set(
                "related".into(),
                Value::List(vec!["a".into(), "c".into()]),
            )],
        )
        .unwrap();
        assert_eq!(two, "---\nrelated:\n  - a\n  - c\nx: 1\n---\n");
    }

    #[test]
    fn edit_body_and_remove() {
        let out = apply(
            SAMPLE,
            &[
                Change::Body("new body\n".into()),
                Change::Remove("closed_at".into()),
            ],
        )
        .unwrap();
        assert!(
            out.ends_with("started_at: null\n---\n\nnew body\n"),
            "{out}"
        );
    }

    #[test]
    fn unsafe_edits_are_refused() {
        let text = "---\n\"priority\": 1\n---\n";
        assert!(matches!(
            apply(text, &[Change::Set("priority".into(), Value::Int(3))]),
            Err(EditError::Parse(_) | EditError::Unsafe { .. })
        ));
    }

    #[test]
    fn yaml_strings_round_trip() {
        for s in [
            "plain words",
            "",
            "a: b",
            "#x",
            "yes",
            "null",
            "123",
            "-1",
            "2025-01-01",
            "it's",
            "say \"hi\"",
            "line\nbreak",
            " lead",
            "trail ",
            "- item",
            "parent:x",
            "日本語",
            "x #y",
        ] {
            let yaml = format!("---\ndescription: {}\n---\n", yaml_string(s));
            assert_eq!(parse_meta(&yaml).unwrap().description, s, "{yaml}");
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn text_value() -> impl Strategy<Value = String> {
        "[ -~\u{e9}\u{65e5}\t]{0,40}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// The parser never panics, whatever the bytes.
        #[test]
        fn parser_never_panics(s in "\\PC{0,400}", prefix in prop_oneof![Just(""), Just("---\n"), Just("\u{feff}---\r\n")]) {
            let _ = parse_meta(&format!("{prefix}{s}"));
        }

        /// Any string field written by the editor reads back exactly, and no other line of the
        /// file changes.
        #[test]
        fn string_edits_round_trip(description in text_value(), reason in text_value(), body in "\\PC{0,80}") {
            let created = Timestamp::parse("2026-01-02T03:04:05+09:00").unwrap();
            let original = render_new(&created, Some("250101-000000-parent"), &body);
            let edited = apply(&original, &[
                Change::Set("description".into(), Value::Str(description.clone())),
                Change::Set("closure_reason".into(), Value::Str(reason.clone())),
            ]);
            let edited = match edited {
                Ok(e) => e,
                // Refusing is allowed (never silently wrong); reading back wrong is not.
                Err(EditError::Unsafe { .. }) => return Ok(()),
                Err(e) => panic!("{e}"),
            };
            let meta = parse_meta(&edited).unwrap();
            prop_assert_eq!(&meta.description, &description);
            prop_assert_eq!(meta.closure_reason.as_deref().unwrap_or(""), reason.as_str());
            prop_assert_eq!(meta.parent(), Some("250101-000000-parent"));
            let lay = layout(&edited).unwrap();
            prop_assert_eq!(&edited[lay.body_start..], body.as_str());
            let changed: Vec<&str> = edited.lines().filter(|l| !original.lines().any(|o| o == *l)).collect();
            prop_assert!(changed.len() <= 2, "{:?}", changed);
        }

        /// Integers and times round-trip through the editor.
        #[test]
        fn typed_edits_round_trip(priority in any::<i64>(), secs in 0i64..4_000_000_000, offset_min in -720i32..=840) {
            let t = Timestamp { unix: secs, nanos: 0, offset: offset_min * 60 };
            let original = render_new(&t, None, "body");
            let edited = apply(&original, &[
                Change::Set("priority".into(), Value::Int(priority)),
                Change::Set("started_at".into(), Value::Time(t)),
            ]).unwrap();
            let meta = parse_meta(&edited).unwrap();
            prop_assert_eq!(meta.priority, Some(priority));
            prop_assert_eq!(meta.started_at, Some(t));
            prop_assert_eq!(meta.created_at, Some(t));
        }
    }

    fn yaml_message(yaml: &str) -> String {
        let e = parse_yaml_full(yaml, 2).unwrap_err();
        format!("line {}: {}", e.line.unwrap(), e.reason)
    }

    #[test]
    fn yaml_errors_are_whole_sentences() {
        // An alias of a text where a list belongs: the message names the key, the alias and
        // its anchor's line (file lines: the frontmatter starts at line 2).
        assert_eq!(
            yaml_message("priority: 2\ndescription: &a \"x\"\nrelated: *a\n"),
            "line 4: invalid YAML: related: expected a list, found alias *a, whose anchor at \
             line 3, column 17 is '\"x\"' (column 10)"
        );
        assert_eq!(
            yaml_message("priority: 2\nrelated: x\n"),
            "line 3: invalid YAML: related: expected a list, found 'x' (column 10)"
        );
        assert_eq!(
            yaml_message("priority: x\n"),
            "line 2: invalid YAML: priority: expected an integer, found 'x' (column 11)"
        );
        assert_eq!(
            yaml_message("related:\n    - [1]\n"),
            "line 3: invalid YAML: related: expected a single value, found a list (column 7)"
        );
        assert_eq!(
            yaml_message("priority: 2\npriority: 3\n"),
            "line 3: invalid YAML: priority: this key is given twice (column 1)"
        );
        assert_eq!(
            yaml_message("related: *a\n"),
            "line 2: invalid YAML: related: an alias (*name) that no anchor (&name) before it \
             defines (column 10)"
        );
        assert_eq!(
            yaml_message("description: \"\x1b[31m\n"),
            "line 2: invalid YAML: description: unexpected character: `\\u{1b}' (column 15)"
        );
    }
}
