//! The one place files are written: atomically (temp file in the same folder, fsync, rename)
//! and, for new files, exclusively (never replacing an existing file); logs by appending.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// What marks a temporary file as git-ticket's: `.<name>.git-ticket-<pid>-<n>.tmp`.
const TEMP_TAG: &str = "git-ticket-";

/// Whether `file_name` is a temporary file git-ticket writes (and may remove when its
/// writer is gone); a user's own `.notes.tmp` is not.
pub fn is_temp(file_name: &str) -> bool {
    file_name.starts_with('.')
        && file_name.ends_with(".tmp")
        && file_name.contains(&format!(".{TEMP_TAG}"))
}

/// Removes the temporary files an interrupted write of `target` left next to it (only call
/// this when their writer is gone: under the repository lock, from recovery).
pub fn remove_temps_of(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let prefix = format!(".{name}.{TEMP_TAG}");
    let Ok(read) = fs::read_dir(parent_dir(target)) else {
        return;
    };
    for e in read.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&prefix) && n.ends_with(".tmp") {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes `bytes` to a fresh temporary file next to `target` (fsynced when `sync`) and
/// returns its path.
fn write_temp(target: &Path, bytes: &[u8], sync: bool) -> io::Result<PathBuf> {
    let dir = parent_dir(target);
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    loop {
        let tmp = dir.join(format!(
            ".{name}.{TEMP_TAG}{}-{}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let mut file = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let result = file
            .write_all(bytes)
            .and_then(|()| if sync { file.sync_all() } else { Ok(()) });
        if let Err(e) = result {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        return Ok(tmp);
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Atomically replaces (or creates) `target` with `bytes`.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_temp(target, bytes, true)?;
    if let Err(e) = fs::rename(&tmp, target) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(parent_dir(target))
}

/// Atomically creates `target` with `bytes`; fails with `AlreadyExists` if it exists, even
/// when another process creates it at the same moment (the final step is a hard link, which
/// never replaces).
pub fn create_exclusive(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_temp(target, bytes, true)?;
    let linked = fs::hard_link(&tmp, target);
    let _ = fs::remove_file(&tmp);
    linked?;
    sync_dir(parent_dir(target))
}

/// Atomically replaces `target` without fsync: survives the crash of this process (the
/// kernel has the data) but not of the machine. For the operation journal, which must be
/// cheap and only has to outlive a killed process.
pub fn write_atomic_unsynced(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_temp(target, bytes, false)?;
    fs::rename(&tmp, target).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Opens `path` for reading only if it is a regular file: never blocks on a FIFO, never
/// reads a device (`/dev/zero` reads for ever), and, unless `follow`, never goes through a
/// symbolic link at the last component. Reads from it must still be bounded by the bytes
/// actually read (`Read::take`): the size a file claims is not a limit.
pub fn open_regular(path: &Path, follow: bool) -> io::Result<std::fs::File> {
    let file = open_listed(path, follow)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is not a regular file",
        ));
    }
    Ok(file)
}

/// Opens a file a directory listing already found to be a regular file (`d_type`), without
/// the `fstat` of [`open_regular`] (one system call less per ticket of a listing): a FIFO or
/// device swapped in since cannot block (non-blocking) or go through a link (unless
/// `follow`), and reads stay bounded by the bytes read.
pub fn open_listed(path: &Path, follow: bool) -> io::Result<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let mut flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    if !follow {
        flags |= OFlags::NOFOLLOW;
    }
    let fd = rustix::fs::open(path, flags, Mode::empty()).map_err(|e| {
        if e == rustix::io::Errno::LOOP {
            io::Error::new(io::ErrorKind::InvalidInput, "is a symbolic link")
        } else {
            io::Error::from(e)
        }
    })?;
    Ok(std::fs::File::from(fd))
}

/// Appends `bytes` to `target`, creating it readable by its owner only. For a log file
/// (`--log-output`): whole lines appended at once, never a ticket or a state file.
pub fn append(target: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(target)?
        .write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusive_create_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        create_exclusive(&p, b"one").unwrap();
        let err = create_exclusive(&p, b"two").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"three").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"three");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "temporary files left behind");
    }
}
