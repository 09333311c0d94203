//! What a listing finds in a status folder before reading anything: the ticket files
//! ([`Entry`], by the one rule of [`ticket_file`]) and the files it cannot use
//! ([`Problem`], with a [`Severity`]). Shared by the store and the compact name list.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::format::ParseError;
use super::model::Status;

/// A ticket file found in a status folder (not yet read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// File name without `.md`.
    pub id: String,
    /// Folder it sits in.
    pub folder: Status,
    /// Absolute path.
    pub path: PathBuf,
}

/// A file that could not be used, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {reason}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct Problem {
    /// The file.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong, and what to do.
    pub reason: String,
    /// How serious it is.
    pub severity: Severity,
}

/// How serious a problem with one file is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file could not be read at all (permissions, I/O error): the listing is incomplete.
    Critical,
    /// A passing condition (interrupted, busy): trying again may work.
    Retryable,
    /// The file's content is not a valid ticket; it is skipped.
    #[default]
    Warning,
}

impl Problem {
    /// A file whose text does not parse as a ticket.
    pub fn parse(path: &Path, e: ParseError) -> Self {
        Problem {
            path: path.to_owned(),
            line: e.line,
            reason: e.reason,
            severity: Severity::Warning,
        }
    }

    /// A symbolic link where a ticket file should be.
    pub fn symlink(path: &Path) -> Self {
        Problem::other(
            path,
            "is a symbolic link; ticket files must be regular files (skipped)",
        )
    }

    pub(super) fn other(path: &Path, reason: impl Into<String>) -> Self {
        Problem {
            path: path.to_owned(),
            line: None,
            reason: reason.into(),
            severity: Severity::Warning,
        }
    }

    pub(super) fn io(path: &Path, e: &io::Error) -> Self {
        let severity = match e.kind() {
            // NotFound: moved by a concurrent start/close between listing and reading.
            io::ErrorKind::Interrupted
            | io::ErrorKind::WouldBlock
            | io::ErrorKind::TimedOut
            | io::ErrorKind::NotFound => Severity::Retryable,
            _ => Severity::Critical,
        };
        Problem {
            path: path.to_owned(),
            line: None,
            reason: format!("cannot read: {e}"),
            severity,
        }
    }
}

/// Which directory entries are ticket files — the one rule for every listing: a regular file
/// `<ID>.md` (not hidden). Gives its ID, a problem for a symbolic link (never followed), or
/// `None` for anything else.
pub fn ticket_file(item: &fs::DirEntry) -> Option<Result<String, Problem>> {
    // One allocation for the name, reused as the ID.
    let mut id = item.file_name().into_string().ok()?;
    if !id.ends_with(".md") || id.len() == 3 || id.starts_with('.') {
        return None;
    }
    id.truncate(id.len() - 3);
    match item.file_type() {
        Ok(t) if t.is_file() => Some(Ok(id)),
        Ok(t) if t.is_symlink() => Some(Err(Problem::symlink(&item.path()))),
        _ => None,
    }
}
