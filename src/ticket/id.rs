//! Ticket IDs (`YYMMDD-HHMMSS-slug`), slugs, and the checks a user-typed reference must pass
//! before it may touch the filesystem.

use super::time::Timestamp;

/// Whether `slug` is a valid slug: non-empty, only `[a-z0-9-]` (TicketFlow's rule).
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The longest slug: its ticket file (`YYMMDD-HHMMSS-<slug>.md`) and the temporary file it is
/// written through (`.<file>.git-ticket-<pid>-<n>.tmp`) must both fit in a 255-byte name.
pub const MAX_SLUG_LEN: usize = 200;

/// The ID a ticket created at `at` with `slug` gets.
pub fn new_id(at: &Timestamp, slug: &str) -> String {
    format!("{}-{slug}", at.id_prefix())
}

/// The slug part of an ID in the `YYMMDD-HHMMSS-slug` form, or `None` for hand-named files.
pub fn slug_of(id: &str) -> Option<&str> {
    let b = id.as_bytes();
    let dated = b.len() > 14
        && b[..6].iter().all(u8::is_ascii_digit)
        && b[6] == b'-'
        && b[7..13].iter().all(u8::is_ascii_digit)
        && b[13] == b'-';
    dated.then(|| &id[14..])
}

/// Why a reference was refused before any lookup.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadReference {
    /// Nothing was given.
    #[error("the ticket reference is empty")]
    Empty,
    /// The reference looks like a path (separators, `..`, NUL).
    #[error("'{0}' looks like a path; a ticket reference is an ID, an ID prefix or a slug")]
    PathLike(String),
}

/// Refuses references that could name something outside the ticket folders.
pub fn check_reference(reference: &str) -> Result<(), BadReference> {
    if reference.is_empty() {
        return Err(BadReference::Empty);
    }
    if reference.contains(['/', '\\', '\0']) || reference.contains("..") {
        return Err(BadReference::PathLike(reference.escape_debug().to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_valid_slug("fix-issue-42"));
        assert!(is_valid_slug("-x"));
        assert!(is_valid_slug("123"));
        for bad in ["", "Fix", "a_b", "a.b", "a/b", "a b", "é"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn ids() {
        let t = Timestamp::parse("2026-11-27T01:38:54Z").unwrap();
        assert_eq!(new_id(&t, "first"), "261127-013854-first");
        assert_eq!(slug_of("261127-013854-first-ticket"), Some("first-ticket"));
        assert_eq!(slug_of("261127-013854--x"), Some("-x"));
        assert_eq!(slug_of("README"), None);
        assert_eq!(slug_of("261127-013854-"), None);
    }

    #[test]
    fn references() {
        assert!(check_reference("2611").is_ok());
        assert!(check_reference("fix-issue").is_ok());
        assert_eq!(check_reference(""), Err(BadReference::Empty));
        for bad in ["../x", "a/b", "a\\b", "..", "a\0b", "x..y"] {
            assert!(check_reference(bad).is_err(), "{bad:?}");
        }
    }
}
