//! Trust of a repository's config on this machine. `worktree.init_commands` are code from
//! whoever wrote `.ticketflow.yaml`; they run only when this exact config content (its git
//! blob id) was trusted with `git ticket trust`. The record lives in the common git directory:
//! never in the working tree, never pushed.

use std::path::{Path, PathBuf};

/// The trust record's name inside the common git directory.
pub const FILE: &str = "git-ticket-trusted";

/// The content id (git blob id) of a config text.
pub fn content_id(config: &[u8]) -> String {
    crate::git::blob_id(config)
}

fn record_path(common_dir: &Path) -> PathBuf {
    common_dir.join(FILE)
}

/// Whether `config` (the bytes of `.ticketflow.yaml`) is trusted.
pub fn is_trusted(common_dir: &Path, config: &[u8]) -> bool {
    let id = content_id(config);
    std::fs::read_to_string(record_path(common_dir))
        .is_ok_and(|s| s.lines().any(|l| l.trim() == id))
}

/// Records `config` as trusted; returns its content id.
pub fn trust(common_dir: &Path, config: &[u8]) -> std::io::Result<String> {
    let id = content_id(config);
    if is_trusted(common_dir, config) {
        return Ok(id);
    }
    let path = record_path(common_dir);
    let mut text = std::fs::read_to_string(&path).unwrap_or_default();
    text.push_str(&id);
    text.push('\n');
    crate::fsutil::write_atomic(&path, text.as_bytes())?;
    Ok(id)
}

/// Forgets every trusted config of this repository.
pub fn revoke(common_dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(record_path(common_dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
