//! The fast path of `.ticketflow.yaml` parsing: a line scanner for the block-style form
//! `init` writes and people edit (sections of `key: value` lines, `- item` lists, `|`/`|-`
//! literal blocks). Anything else — or anything it is unsure about — returns `None` and the
//! YAML parser decides. A property test proves that whatever the scanner accepts, the YAML
//! parser reads the same way. Parsing the config with the YAML parser was the largest fixed
//! cost of a read-only command.

use super::Config;
use crate::ticket::fast::int;

/// The sections and their keys, in the order of [`Config`].
const KEYS: [(&str, &[&str]); 6] = [
    ("git", &["default_branch"]),
    ("worktree", &["enabled", "base_dir", "init_commands"]),
    (
        "tickets",
        &["dir", "todo_dir", "doing_dir", "done_dir", "template"],
    ),
    ("output", &["default_format", "json_pretty"]),
    ("timeouts", &["git", "init_commands"]),
    ("claims", &["remote", "ttl"]),
];

/// Scans config text (without BOM); `None` means "use the YAML parser".
pub fn scan(text: &str) -> Option<Config> {
    // Tabs, carriage returns and non-ASCII (YAML 1.1 line breaks such as U+2028) are the
    // YAML parser's; so is a file whose last line has no line break.
    if !text.is_ascii() || text.contains(['\t', '\r']) || !(text.is_empty() || text.ends_with('\n'))
    {
        return None;
    }
    let mut config = Config::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut seen = [0u8; KEYS.len()];
    let mut sections_seen = 0u8;
    // The open section and the indentation of its keys.
    let mut section: Option<usize> = None;
    let mut indent: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let content = line.trim_start_matches(' ');
        let ind = line.len() - content.len();
        if content.is_empty() || (content.starts_with('#') && ind == 0) {
            continue;
        }
        let (key, rest) = content.split_once(':')?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        let value = rest.trim_matches(' ');
        if ind == 0 {
            // A section header; the previous section must have had keys (`git:` alone is
            // null, the YAML parser's case).
            if section.is_some() && indent.is_none() {
                return None;
            }
            let s = KEYS.iter().position(|(name, _)| *name == key)?;
            if !value.is_empty() || sections_seen & (1 << s) != 0 {
                return None;
            }
            sections_seen |= 1 << s;
            section = Some(s);
            indent = None;
            continue;
        }
        let s = section?;
        if *indent.get_or_insert(ind) != ind {
            return None;
        }
        let k = KEYS[s].1.iter().position(|name| *name == key)?;
        if seen[s] & (1 << k) != 0 {
            return None;
        }
        seen[s] |= 1 << k;
        match (s, key) {
            (0, _) => config.git.default_branch = string(value)?.to_owned(),
            (1, "enabled") => config.worktree.enabled = boolean(value)?,
            (1, "base_dir") => config.worktree.base_dir = string(value)?.to_owned(),
            (1, _) => {
                config.worktree.init_commands = if value == "[]" {
                    Vec::new()
                } else if value.is_empty() {
                    let mut items = Vec::new();
                    while let Some(next) = lines.get(i) {
                        let item = next.trim_start_matches(' ');
                        if next.len() - item.len() < ind {
                            break;
                        }
                        let Some(item) = item.strip_prefix("- ") else {
                            break;
                        };
                        items.push(string(item.trim_matches(' '))?.to_owned());
                        i += 1;
                    }
                    if items.is_empty() {
                        return None;
                    }
                    items
                } else {
                    return None;
                }
            }
            (2, "template") => {
                config.tickets.template = match value {
                    "|" | "|-" => {
                        let (block, used) = literal(&lines[i..], ind, value == "|")?;
                        i += used;
                        block
                    }
                    _ => string(value)?.to_owned(),
                }
            }
            (2, _) => {
                let v = string(value)?.to_owned();
                match key {
                    "dir" => config.tickets.dir = v,
                    "todo_dir" => config.tickets.todo_dir = v,
                    "doing_dir" => config.tickets.doing_dir = v,
                    _ => config.tickets.done_dir = v,
                }
            }
            (3, "default_format") => config.output.default_format = string(value)?.to_owned(),
            (3, _) => config.output.json_pretty = boolean(value)?,
            (4, "git") => config.timeouts.git = int(value)?,
            (4, _) => config.timeouts.init_commands = int(value)?,
            (_, "remote") => config.claims.remote = string(value)?.to_owned(),
            (_, _) => config.claims.ttl = duration(value).or_else(|| string(value))?.to_owned(),
        }
    }
    if section.is_some() && indent.is_none() {
        return None;
    }
    Some(config)
}

/// A literal block scalar (`|` keeps one final line break, `|-` none) whose key is indented
/// `key_indent`: its text and the number of lines it used.
fn literal(lines: &[&str], key_indent: usize, clip: bool) -> Option<(String, usize)> {
    let first = lines
        .iter()
        .find(|l| !l.trim_start_matches(' ').is_empty())?;
    let indent = first.len() - first.trim_start_matches(' ').len();
    if indent <= key_indent {
        return None;
    }
    let mut used = 0;
    let mut kept = 0; // lines up to the last non-empty one
    for line in lines {
        let content = line.trim_start_matches(' ');
        if content.is_empty() {
            // A blank line with more spaces than the block's indentation has content.
            if line.len() > indent {
                return None;
            }
        } else if line.len() - content.len() < indent {
            break;
        } else {
            kept = used + 1;
        }
        used += 1;
    }
    let mut text = String::new();
    for (n, line) in lines[..kept].iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text.push_str(line.get(indent..).unwrap_or(""));
    }
    if clip {
        text.push('\n');
    }
    Some((text, used))
}

/// A scalar that is surely a string: quoted without escapes, or plain and not a YAML null,
/// boolean or number.
fn string(v: &str) -> Option<&str> {
    if let Some(inner) = v.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (!inner.contains(['"', '\\'])).then_some(inner);
    }
    if let Some(inner) = v.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'')?;
        return (!inner.contains('\'')).then_some(inner);
    }
    let first = *v.as_bytes().first()?;
    let dot_word = first == b'.' && !v.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
    let plain = (first.is_ascii_alphabetic() || first == b'/' || first == b'_' || dot_word)
        && !v.contains(": ")
        && !v.contains(" #")
        && !v.ends_with(':')
        && v.bytes().all(|b| b == b' ' || b.is_ascii_graphic());
    let special = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", ".inf", ".nan",
    ]
    .iter()
    .any(|w| v.eq_ignore_ascii_case(w));
    (plain && !special).then_some(v)
}

/// A plain duration (`24h`, `1h30m`): digits and unit letters, which YAML reads as a string.
fn duration(v: &str) -> Option<&str> {
    let b = v.as_bytes();
    (b.first()?.is_ascii_digit()
        && matches!(b.last()?, b's' | b'm' | b'h' | b'd' | b'w')
        && b.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b's' | b'm' | b'h' | b'd' | b'w')))
    .then_some(v)
}

fn boolean(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn yaml(text: &str) -> Option<Config> {
        let options = serde_saphyr::options! { strict_booleans: true, with_snippet: false };
        serde_saphyr::from_str_with_options(text, options).ok()
    }

    #[test]
    fn default_config_takes_the_fast_path() {
        assert_eq!(scan(super::super::DEFAULT_YAML), Some(Config::default()));
        assert_eq!(scan(""), Some(Config::default()));
    }

    #[test]
    fn edited_configs_take_the_fast_path() {
        let text = "# project config\ngit:\n  default_branch: \"trunk\"\nworktree:\n  enabled: false\n  base_dir: ../wt\n  init_commands: []\ntickets:\n  dir: .tickets\n  template: |\n    # Summary\n\n    ## Tasks\n      - indented\n\noutput:\n  default_format: json\ntimeouts:\n  git: 5\nclaims:\n  remote: origin\n  ttl: 2h\n";
        let c = scan(text).expect("fast path");
        assert_eq!(
            (c.claims.remote.as_str(), c.claims.ttl.as_str()),
            ("origin", "2h")
        );
        assert_eq!(Some(&c), yaml(text).as_ref());
        assert_eq!(c.tickets.template, "# Summary\n\n## Tasks\n  - indented\n");
        assert_eq!(c.timeouts.git, 5);
        assert!(!c.worktree.enabled);
    }

    #[test]
    fn unsure_forms_go_to_the_yaml_parser() {
        for text in [
            "git:\n  default_branch: 123\n",
            "git:\n  default_branch: yes\n",
            "git: {default_branch: x}\n",
            "git:\n",
            "git:\n  default_branch: a # comment\n",
            "git:\n  default_branch: a\n   continued\n",
            "worktree:\n  init_commands:\n",
            "tickets:\n  template: |+\n    x\n",
            "tickets:\n  template: >\n    x\n",
            "unknown:\n  a: b\n",
            "git:\n  default_branch: main",
            "git:\r\n  default_branch: main\r\n",
            "git:\n  default_branch: &a main\n",
        ] {
            assert_eq!(scan(text), None, "{text:?}");
        }
    }

    /// A value from a pool of ordinary and tricky scalars.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("main".to_owned()),
            Just("../.worktrees".to_owned()),
            Just("\"quoted\"".to_owned()),
            Just("'single'".to_owned()),
            Just("git fetch origin".to_owned()),
            Just("true".to_owned()),
            Just("false".to_owned()),
            Just("null".to_owned()),
            Just("~".to_owned()),
            Just("0".to_owned()),
            Just("30".to_owned()),
            Just("-1".to_owned()),
            Just("007".to_owned()),
            Just("1.5".to_owned()),
            Just(".inf".to_owned()),
            Just(".NaN".to_owned()),
            Just(".5".to_owned()),
            Just(".tickets".to_owned()),
            Just("[]".to_owned()),
            Just("24h".to_owned()),
            Just("1h30m".to_owned()),
            Just("1s".to_owned()),
            Just("10".to_owned()),
            "[0-9][0-9smhdw]{0,4}",
            Just("origin".to_owned()),
            Just("{}".to_owned()),
            Just("a: b".to_owned()),
            Just("a #b".to_owned()),
            Just("a#b".to_owned()),
            Just("x:".to_owned()),
            Just("Yes".to_owned()),
            Just("|".to_owned()),
            Just("|-".to_owned()),
            Just(String::new()),
            "[a-z./_ -]{1,8}",
        ]
    }

    /// A line: a section, a key at some indentation, a list item, a block line, a comment.
    fn line() -> impl Strategy<Value = String> {
        let section = proptest::sample::select(
            &[
                "git", "worktree", "tickets", "output", "timeouts", "claims", "other",
            ][..],
        );
        let key = proptest::sample::select(
            &[
                "default_branch",
                "enabled",
                "base_dir",
                "init_commands",
                "dir",
                "todo_dir",
                "doing_dir",
                "done_dir",
                "template",
                "default_format",
                "json_pretty",
                "git",
                "remote",
                "ttl",
                "unknown",
            ][..],
        );
        prop_oneof![
            2 => section.prop_map(|s| format!("{s}:")),
            6 => (proptest::sample::select(&[2usize, 4][..]), key, value())
                .prop_map(|(i, k, v)| format!("{}{k}: {v}", " ".repeat(i))),
            2 => (proptest::sample::select(&[2usize, 4, 6][..]), value())
                .prop_map(|(i, v)| format!("{}- {v}", " ".repeat(i))),
            2 => (0usize..9, "[a-z# -]{0,6}").prop_map(|(i, t)| format!("{}{t}", " ".repeat(i))),
            1 => Just("# comment".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        /// Whatever the scanner accepts, the YAML parser reads identically.
        #[test]
        fn fast_path_agrees_with_the_yaml_parser(lines in proptest::collection::vec(line(), 0..12)) {
            let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
            if let Some(fast) = scan(&text) {
                prop_assert_eq!(Some(fast), yaml(&text), "{}", text);
            }
        }

        /// The fast path is taken for well-formed configs (so the property above is not
        /// vacuous): sections with their own keys and ordinary values.
        #[test]
        fn well_formed_configs_are_accepted(
            branch in "[a-z][a-z0-9/_-]{0,10}",
            enabled: bool,
            git in 0i64..3600,
            template in proptest::collection::vec("[a-z#\\[\\] -]{0,10}", 1..6),
            indent in proptest::sample::select(&[2usize, 4][..]),
        ) {
            let pad = " ".repeat(indent);
            let body: String = template.iter().map(|l| {
                if l.trim().is_empty() { "\n".to_owned() } else { format!("{pad}{pad}{l}\n") }
            }).collect();
            let text = format!(
                "git:\n{pad}default_branch: {branch}\nworktree:\n{pad}enabled: {enabled}\n{pad}init_commands:\n{pad}{pad}- make setup\ntickets:\n{pad}template: |-\n{pad}{pad}start\n{body}timeouts:\n{pad}git: {git}\nclaims:\n{pad}remote: origin\n{pad}ttl: {git}s\n"
            );
            let special = ["y", "n", "yes", "no", "on", "off", "null", "true", "false"].contains(&branch.as_str());
            let fast = scan(&text);
            prop_assert!(fast.is_some() || special, "{}", text);
            if fast.is_some() {
                prop_assert_eq!(fast, yaml(&text), "{}", text);
            }
        }
    }
}
