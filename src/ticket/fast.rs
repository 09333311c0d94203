//! The fast path of frontmatter parsing: a line scanner for the forms git-ticket and
//! TicketFlow write (`key: value` lines, double-quoted times, a block list for `related`),
//! reading straight from the file buffer. Anything else — or anything it is unsure about —
//! returns `None` and the full YAML parser decides. A property test proves that whatever the
//! scanner accepts, the full parser reads the same way.

use super::model::Meta;
use super::time::Timestamp;

/// Scans a frontmatter block; `None` means "use the full parser".
pub fn scan(yaml: &str) -> Option<Meta> {
    let mut meta = Meta::default();
    // Keys so far (duplicates are the full parser's to report); no allocation.
    let mut seen: [&str; 16] = [""; 16];
    let mut count = 0;
    let mut lines = yaml.lines().peekable();
    while let Some(line) = lines.next() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let trimmed = line.trim_start();
        if trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() == line.len()) {
            continue;
        }
        if line.starts_with([' ', '\t'])
            || line.starts_with([
                '-', '#', '"', '\'', '?', '{', '[', '&', '*', '!', '|', '>', '%', '@', '`',
            ])
        {
            return None;
        }
        let (key, rest) = line.split_once(':')?;
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return None;
        }
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        let value = rest.trim();
        if seen[..count].contains(&key) || count == seen.len() {
            return None;
        }
        seen[count] = key;
        count += 1;
        match key {
            "priority" => meta.priority = Some(int(value)?),
            "description" => meta.description = scalar(value)?.unwrap_or_default().to_owned(),
            "closure_reason" => {
                meta.closure_reason = scalar(value)?.filter(|s| !s.is_empty()).map(str::to_owned)
            }
            "created_at" => meta.created_at = time(value)?,
            "started_at" => meta.started_at = time(value)?,
            "closed_at" => meta.closed_at = time(value)?,
            "related" => {
                if value == "[]" {
                    meta.related = Some(Vec::new());
                    continue;
                }
                if !value.is_empty() {
                    return None;
                }
                let mut items = Vec::new();
                while let Some(next) = lines.peek() {
                    let next = next.strip_suffix('\r').unwrap_or(next);
                    let item = next.trim_start();
                    if !item.starts_with("- ") {
                        break;
                    }
                    items.push(
                        scalar(item[2..].trim())?
                            .filter(|s| !s.is_empty())?
                            .to_owned(),
                    );
                    lines.next();
                }
                if items.is_empty() {
                    // `related:` with nothing: YAML null.
                    continue;
                }
                meta.related = Some(items);
            }
            // Other keys are not read, but their value must be a simple scalar, so that the
            // whole block is surely valid YAML.
            _ => {
                scalar(value)?;
                if lines
                    .peek()
                    .is_some_and(|n| n.starts_with([' ', '\t', '-']))
                {
                    return None;
                }
            }
        }
    }
    Some(meta)
}

/// A YAML decimal integer the scanner is sure of (no sign but `-`, no leading zero).
pub(crate) fn int(v: &str) -> Option<i64> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || (digits.len() > 1 && digits.starts_with('0'))
    {
        return None;
    }
    v.parse().ok()
}

fn time(v: &str) -> Option<Option<Timestamp>> {
    match v {
        "" | "null" | "~" => Some(None),
        _ => match scalar(v)? {
            None | Some("") | Some("null") => Some(None),
            Some(s) => Timestamp::parse(s.trim()).map(Some),
        },
    }
}

/// A scalar the scanner is sure of, borrowed from the line: `Some(None)` for null,
/// `Some(Some(text))` otherwise.
fn scalar(v: &str) -> Option<Option<&str>> {
    if v.is_empty() || v == "null" || v == "~" {
        return Some(None);
    }
    if let Some(inner) = v.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        if inner.contains(['"', '\\']) {
            return None;
        }
        return Some(Some(inner));
    }
    if let Some(inner) = v.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'')?;
        if inner.contains('\'') {
            return None;
        }
        return Some(Some(inner));
    }
    let first = v.chars().next()?;
    let plain_ok = first.is_alphabetic()
        && !v.contains(": ")
        && !v.contains(" #")
        && !v.ends_with(':')
        && !v.contains('\t')
        && !matches!(
            v.to_ascii_lowercase().as_str(),
            "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".nan" | ".inf"
        );
    plain_ok.then_some(Some(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::format::{parse_yaml_full, render_new};
    use proptest::prelude::*;

    #[test]
    fn reads_what_ticketflow_writes() {
        let t = Timestamp::parse("2026-11-27T10:38:54+09:00").unwrap();
        let text = render_new(&t, Some("250101-000000-parent"), "body");
        let yaml = &text[4..text.find("\n---\n").unwrap() + 1];
        let fast = scan(yaml).expect("the fast path takes new tickets");
        assert_eq!(Ok(fast), parse_yaml_full(yaml, 2));
    }

    #[test]
    fn takes_every_ticket_of_the_corpus() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/ticketflow-corpus/tickets"
        );
        let mut total = 0;
        let mut fast = 0;
        for folder in ["todo", "doing", "done"] {
            for e in std::fs::read_dir(format!("{dir}/{folder}")).unwrap() {
                let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
                let lay = crate::ticket::format::layout(&text).unwrap();
                let yaml = &text[lay.frontmatter];
                total += 1;
                if let Some(m) = scan(yaml) {
                    fast += 1;
                    assert_eq!(Ok(m), parse_yaml_full(yaml, 1));
                }
            }
        }
        assert_eq!(total, 101);
        // A few hand-written headers use forms the scanner leaves to the parser.
        assert!(fast >= 90, "only {fast} of {total} on the fast path");
    }

    #[test]
    fn defers_what_it_does_not_know() {
        for yaml in [
            "priority: 0x10\n",
            "description: \"a\\\"b\"\n",
            "description: a # comment\n",
            "related: [a, b]\n",
            "meta:\n  nested: 1\n",
            "priority: 1\npriority: 2\n",
            "description: 12\n",
            "description: |\n  block\n",
            "  indented: 1\n",
            "created_at: \"2025-01-01\"\n",
        ] {
            assert_eq!(scan(yaml), None, "{yaml:?}");
        }
    }

    fn line() -> impl Strategy<Value = String> {
        let scalar = prop_oneof![
            "[a-zA-Z][a-zA-Z0-9 .,:#'\"{}\\[\\]-]{0,20}",
            "\"[a-zA-Z0-9 :#,.-]{0,20}\"",
            "'[a-zA-Z0-9 :#,.\"-]{0,20}'",
            Just(String::new()),
            Just("null".to_owned()),
            Just("~".to_owned()),
            "-?[0-9]{1,20}",
            Just("\"2025-01-02T03:04:05+09:00\"".to_owned()),
            Just("2025-01-02T03:04:05Z".to_owned()),
            Just("\"2025-01-02T03:04:05.5Z\"".to_owned()),
            Just("\"2025-01-02\"".to_owned()),
            Just("yes".to_owned()),
            Just("[]".to_owned()),
        ];
        let key = prop_oneof![
            Just("priority"),
            Just("description"),
            Just("created_at"),
            Just("started_at"),
            Just("closed_at"),
            Just("closure_reason"),
            Just("related"),
            Just("owner"),
        ];
        prop_oneof![
            8 => (key, scalar).prop_map(|(k, v)| format!("{k}: {v}\n")),
            1 => "[ -~]{0,12}".prop_map(|s| format!("    - {s}\n")),
            1 => Just("# comment\n".to_owned()),
            1 => Just("\n".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Whatever the fast path accepts, the full parser reads identically.
        #[test]
        fn fast_path_agrees_with_the_yaml_parser(lines in proptest::collection::vec(line(), 0..10)) {
            let yaml: String = lines.concat();
            if let Some(fast) = scan(&yaml) {
                prop_assert_eq!(Ok(fast), parse_yaml_full(&yaml, 1), "{:?}", yaml);
            }
        }
    }
}
