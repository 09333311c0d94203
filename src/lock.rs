//! The repository lock: every mutation holds it, so several agents running git-ticket in the
//! same repository (any of its worktrees) take turns. It lives in the common git directory and
//! is an OS file lock, released by the kernel when the process ends, so a crashed holder
//! never leaves it stale. The file records the holder for the timeout message. Children
//! started while it is held keep it held until they end.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The lock file's name inside the common git directory.
pub const FILE: &str = "git-ticket.lock";

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct RepoLock {
    _file: File,
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process held it for the whole wait.
    #[error("another git-ticket holds the repository lock {} ({holder})", path.display())]
    Busy {
        /// The lock file.
        path: PathBuf,
        /// Who holds it, as recorded in the file.
        holder: String,
    },
    /// The lock file could not be opened.
    #[error("{}: {source}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// Takes the lock in `common_dir`, waiting up to `wait`; `what` describes this process.
pub fn acquire(common_dir: &Path, what: &str, wait: Duration) -> Result<RepoLock, LockError> {
    let path = common_dir.join(FILE);
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut recorded = String::new();
                let _ = file.read_to_string(&mut recorded);
                let holder = describe_holder(recorded.trim());
                return Err(LockError::Busy { path, holder });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
    }
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = writeln!(file, "pid {}: git ticket {what}", std::process::id());
    // The children started while the lock is held (git commit and its hooks) inherit the
    // descriptor: the kernel releases the lock only when the last of them is gone, so a
    // killed git-ticket whose git child still commits does not let anyone in half-way.
    let _ = rustix::io::fcntl_setfd(&file, rustix::io::FdFlags::empty());
    Ok(RepoLock { _file: file })
}

/// Who holds the lock, from what its last taker recorded (`pid N: git ticket …`): that
/// process if it still runs; otherwise something it started (a git child keeps the lock
/// until it ends) or another program.
fn describe_holder(recorded: &str) -> String {
    let pid = recorded
        .strip_prefix("pid ")
        .and_then(|r| r.split(':').next())
        .and_then(|p| p.trim().parse::<i32>().ok())
        .and_then(rustix::process::Pid::from_raw);
    match pid {
        Some(pid) if rustix::process::test_kill_process(pid).is_ok() => recorded.to_owned(),
        Some(_) => format!(
            "held by another process: the last recorded holder ({recorded}) has exited; a git command it started keeps the lock until it ends"
        ),
        None => "held by another process (no holder recorded)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_waits_then_names_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path(), "start x", Duration::from_secs(1)).unwrap();
        let err = acquire(dir.path(), "close y", Duration::from_millis(50)).unwrap_err();
        assert!(err.to_string().contains("git ticket start x"), "{err}");
        assert!(!err.to_string().contains("another process"), "{err}");
        drop(first);
        acquire(dir.path(), "close y", Duration::from_millis(50)).unwrap();
    }

    #[test]
    fn a_holder_that_has_exited_is_not_named_as_the_holder() {
        // No process has pid i32::MAX - 1 (pid_max is far below).
        let recorded = format!("pid {}: git ticket start x", i32::MAX - 1);
        let said = describe_holder(&recorded);
        assert!(said.starts_with("held by another process"), "{said}");
        assert!(describe_holder("").contains("no holder recorded"));
        let me = format!("pid {}: git ticket new y", std::process::id());
        assert_eq!(describe_holder(&me), me);
    }
}
