//! The block `git ticket init --agents` keeps in `AGENTS.md` (and in `CLAUDE.md` when that
//! file exists): between `<!-- git-ticket:start -->` and `<!-- git-ticket:end -->`, written
//! or replaced as a whole; the text around it is never touched, and writing it again changes
//! nothing. Set-up files: written atomically, without the repository lock.

use std::path::{Path, PathBuf};

use super::prime::RULES;
use crate::error::{Error, ErrorCode};
use crate::fsutil;

/// The line that opens the block.
pub const START: &str = "<!-- git-ticket:start -->";
/// The line that closes it.
pub const END: &str = "<!-- git-ticket:end -->";

/// The files the block goes into: the first always (created if missing), the others only
/// when they exist.
pub const FILES: &[&str] = &["AGENTS.md", "CLAUDE.md"];

/// The block, markers included, without a final newline.
pub fn block() -> String {
    let mut b = format!(
        "{START}\n## Tickets (git-ticket)\n\nThis repository keeps its tickets in Markdown files under `tickets/` (todo, doing, done),\nmanaged with git-ticket. At the start of a session run `git ticket prime`: your current\nticket, the next ready ones and these rules, in under 2 KB.\n\n"
    );
    for r in RULES {
        b.push_str(&format!("- {r}\n"));
    }
    b.push_str("- The whole guide: `git ticket workflow`\n");
    b.push_str(END);
    b
}

/// `text` with the block written in: replaced where the markers are, else appended after a
/// blank line. `Err` names the problem when the markers are not one well-formed pair.
pub fn upsert(text: &str, block: &str) -> Result<String, String> {
    match (text.matches(START).count(), text.matches(END).count()) {
        (0, 0) => {
            let mut out = text.to_owned();
            if !out.is_empty() {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push('\n');
            }
            out.push_str(block);
            out.push('\n');
            Ok(out)
        }
        (1, 1) => match (text.find(START), text.find(END)) {
            (Some(s), Some(e)) if s < e => {
                Ok(format!("{}{block}{}", &text[..s], &text[e + END.len()..]))
            }
            _ => Err(format!("{END} comes before {START}")),
        },
        _ => Err(format!(
            "it must hold one {START} line followed by one {END} line"
        )),
    }
}

/// What happened to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The file did not exist and was created with the block.
    Created,
    /// The block was added or replaced.
    Updated,
    /// The block was there already, as it is.
    Unchanged,
}

impl Action {
    /// `created`, `updated`, `unchanged`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Unchanged => "unchanged",
        }
    }
}

/// Writes the block into the agent files under `root` (see [`FILES`]). Every file is checked
/// before any is written.
pub fn write(root: &Path) -> Result<Vec<(PathBuf, Action)>, Error> {
    let block = block();
    let mut plans = Vec::new();
    for (i, name) in FILES.iter().enumerate() {
        let path = root.join(name);
        let current = match std::fs::read(&path) {
            Ok(bytes) => Some(
                String::from_utf8(bytes)
                    .map_err(|_| agents_error(&path, "it is not UTF-8 text".into()))?,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(Error::Io { path, source }),
        };
        if current.is_none() && i > 0 {
            continue;
        }
        let before = current.clone().unwrap_or_default();
        let after = upsert(&before, &block).map_err(|why| agents_error(&path, why))?;
        let action = match current {
            None => Action::Created,
            Some(c) if c == after => Action::Unchanged,
            Some(_) => Action::Updated,
        };
        plans.push((path, after, action));
    }
    let mut done = Vec::new();
    for (path, after, action) in plans {
        if action != Action::Unchanged {
            fsutil::write_atomic(&path, after.as_bytes()).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
        }
        done.push((path, action));
    }
    Ok(done)
}

fn agents_error(path: &Path, why: String) -> Error {
    Error::precondition(
        ErrorCode::ValidationError,
        "Cannot update the agent instructions",
        format!("{}: {why}; nothing was written", path.display()),
        &[&format!(
            "Fix the git-ticket block of {} by hand (or delete it), then run 'git ticket init --agents' again",
            path.display()
        )],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_replaces_and_leaves_the_rest() {
        let b = block();
        assert_eq!(upsert("", &b).unwrap(), format!("{b}\n"));
        let mine = "# Mine\n\nkeep this";
        let once = upsert(mine, &b).unwrap();
        assert_eq!(once, format!("# Mine\n\nkeep this\n\n{b}\n"));
        assert_eq!(upsert(&once, &b).unwrap(), once);
        let old = format!("top\n{START}\nold text\n{END}\nbottom\n");
        assert_eq!(upsert(&old, &b).unwrap(), format!("top\n{b}\nbottom\n"));
    }

    #[test]
    fn broken_markers_are_refused() {
        let b = block();
        assert!(upsert(&format!("{START}\nno end\n"), &b).is_err());
        assert!(upsert(&format!("{END}\n{START}\n"), &b).is_err());
        assert!(upsert(&format!("{START}\n{END}\n{START}\n{END}\n"), &b).is_err());
    }
}
