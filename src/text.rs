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
