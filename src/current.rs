//! `current-ticket.md`: a relative symbolic link at the root of a working tree naming the
//! ticket being worked on there. Written atomically (a new link renamed over the old one).

use std::io;
use std::path::{Path, PathBuf};

/// The link's file name.
pub const LINK: &str = "current-ticket.md";

/// What the link says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Current {
    /// The ticket ID (the target's file name without `.md`).
    pub id: String,
    /// The target as stored in the link.
    pub target: PathBuf,
}

/// Why the link could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CurrentError {
    /// The file exists but is not a symbolic link.
    #[error("{} is not a symbolic link", path.display())]
    NotALink {
        /// The file.
        path: PathBuf,
    },
    /// Reading failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
}

/// Reads the link at `root`; `None` when there is none.
pub fn read(root: &Path) -> Result<Option<Current>, CurrentError> {
    let path = root.join(LINK);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(CurrentError::Io { path, source }),
        Ok(m) if !m.file_type().is_symlink() => return Err(CurrentError::NotALink { path }),
        Ok(_) => {}
    }
    let target = std::fs::read_link(&path).map_err(|source| CurrentError::Io {
        path: path.clone(),
        source,
    })?;
    let id = target
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".md"))
        .unwrap_or_default()
        .to_owned();
    Ok(Some(Current { id, target }))
}

/// Points the link at `root` to `ticket_path` (relative when it lies under `root`).
pub fn write(root: &Path, ticket_path: &Path) -> io::Result<PathBuf> {
    let target = ticket_path
        .strip_prefix(root)
        .map(Path::to_owned)
        .unwrap_or_else(|_| ticket_path.to_owned());
    let tmp = root.join(format!(".{LINK}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(&target, &tmp)?;
    if let Err(e) = std::fs::rename(&tmp, root.join(LINK)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(target)
}

/// Removes the link at `root` if it names ticket `id`; returns whether it did.
pub fn remove_if(root: &Path, id: &str) -> io::Result<bool> {
    match read(root) {
        Ok(Some(c)) if c.id == id => {
            std::fs::remove_file(root.join(LINK))?;
            Ok(true)
        }
        _ => Ok(false),
    }
}
