//! Display-width aware text helpers: terminal columns, truncation that never splits a
//! character, padding (CJK text takes two columns a character).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// How [`escape`] writes control characters (the one visible form, C-style: `\n`, `\t`,
/// `\r`, `\x1b`, `\u0085`, `\u202e`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// One line of text (a description, a path): every control character is escaped, so a
    /// value never splits a line or sends the terminal a command.
    Line,
    /// A block of text (a ticket's body): newlines and tabs stay, every other control
    /// character is escaped (a carriage return too, unless it ends a line).
    Block,
    /// One line that can be read back (`for-each-ticket`): as `Line`, and a backslash is
    /// written `\\`.
    Reversible,
}

/// Whether `c` must not reach a terminal as it is: C0 controls, DEL, C1 controls, the line
/// and paragraph separators and the bidirectional overrides (which reorder what is shown).
fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with its control characters written C-style (see [`Escape`]); borrowed when there is
/// nothing to escape (the usual case).
pub fn escape(s: &str, how: Escape) -> std::borrow::Cow<'_, str> {
    let needs = |c: char| is_control(c) || (how == Escape::Reversible && c == '\\');
    if !s.chars().any(needs) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' if how == Escape::Block => out.push(c),
            '\r' if how == Escape::Block && chars.peek() == Some(&'\n') => out.push(c),
            '\\' if how == Escape::Reversible => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 && is_control(c) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_control(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// `s` as one line for a terminal: [`escape`] with [`Escape::Line`].
pub fn escape_control(s: &str) -> std::borrow::Cow<'_, str> {
    escape(s, Escape::Line)
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

    #[test]
    fn control_characters_are_written_c_style() {
        assert!(matches!(
            escape_control("plain 日本"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_control("a\nb\tc\x1b[31md\x7f"),
            "a\\nb\\tc\\x1b[31md\\x7f"
        );
        assert_eq!(
            escape_control("\u{85}\u{202e}x\u{2028}"),
            "\\u0085\\u202ex\\u2028"
        );
        assert_eq!(escape("a\\b\n", Escape::Line), "a\\b\\n");
        assert_eq!(escape("a\\b\n", Escape::Reversible), "a\\\\b\\n");
        assert_eq!(
            escape("line\r\n\tx\x1b]0;t\x07\rover", Escape::Block),
            "line\r\n\tx\\x1b]0;t\\x07\\rover"
        );
    }
}
