//! The journal of multi-step operations (start, close, cleanup, reopen). Before changing anything an
//! operation records what it is about to do in `<common git dir>/git-ticket-journal/`, moves
//! the record forward after each step, and removes it when done. A record left behind means
//! the process died part-way: the next mutating command (which holds the repository lock, so
//! the writer cannot still be running) or `fsck --fix` completes or rolls back that operation
//! (`ops::recover`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil;

/// The journal folder's name inside the common git directory.
pub const DIR: &str = "git-ticket-journal";

/// Which operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// `start`.
    Start,
    /// `close`.
    Close,
    /// `cleanup <ticket>`.
    Cleanup,
    /// `reopen`.
    Reopen,
    /// The claim a start makes on the claims remote before it changes anything here.
    Claim,
}

/// How far an operation got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Nothing committed yet; the ticket file may have been moved or rewritten.
    Planned,
    /// The ticket change is committed.
    Committed,
    /// (start) The worktree exists.
    WorktreeAdded,
    /// (cleanup) The worktree is removed.
    WorktreeRemoved,
    /// (claim) The claim is on the remote.
    Claimed,
}

/// One operation in progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The operation.
    pub op: Op,
    /// The ticket ID.
    pub ticket: String,
    /// The working tree it runs in.
    pub root: PathBuf,
    /// HEAD of that working tree before the operation's commit.
    pub head_before: Option<String>,
    /// The ticket file before the change.
    pub from: Option<PathBuf>,
    /// The ticket file after the change.
    pub to: Option<PathBuf>,
    /// The ticket file's contents before the change.
    pub original: Option<String>,
    /// (start/cleanup) The ticket's worktree.
    pub worktree: Option<PathBuf>,
    /// (start) The branch the ticket branch starts from.
    pub branch_from: Option<String>,
    /// (cleanup) Whether uncommitted work and unmerged commits may be discarded.
    pub force: bool,
    /// (cleanup) The ticket branch's tip when the cleanup began: recovery deletes nothing
    /// that moved since.
    #[serde(default)]
    pub branch_tip: Option<String>,
    /// (branch-mode start) The branch to switch back to when the start is undone.
    #[serde(default)]
    pub return_to: Option<String>,
    /// How far it got.
    pub step: Step,
    /// The process that wrote it.
    pub pid: u32,
    /// (claim) The claims remote.
    #[serde(default)]
    pub claim_remote: Option<String>,
    /// (claim) The claim commit pushed there, once the push succeeded.
    #[serde(default)]
    pub claim_value: Option<String>,
}

impl Record {
    /// A record of `op` on `ticket` in the working tree `root`, at its first step, written by
    /// this process; the operation fills in what it needs.
    pub fn new(op: Op, ticket: &str, root: &Path) -> Record {
        Record {
            op,
            ticket: ticket.to_owned(),
            root: root.to_owned(),
            head_before: None,
            from: None,
            to: None,
            original: None,
            worktree: None,
            branch_from: None,
            force: false,
            branch_tip: None,
            return_to: None,
            step: Step::Planned,
            pid: std::process::id(),
            claim_remote: None,
            claim_value: None,
        }
    }
}

/// An open journal record; removed when [`Journal::finish`] is called.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    /// The record as last written.
    pub record: Record,
}

fn dir(common: &Path) -> PathBuf {
    common.join(DIR)
}

impl Journal {
    /// Records the start of an operation.
    pub fn begin(common: &Path, record: Record) -> std::io::Result<Journal> {
        let dir = dir(common);
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{:?}-{}.json", record.op, record.ticket).to_lowercase());
        let j = Journal { path, record };
        j.write()?;
        Ok(j)
    }

    fn write(&self) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(&self.record).map_err(std::io::Error::other)?;
        fsutil::write_atomic_unsynced(&self.path, &json)
    }

    /// Records that the operation got to `step`.
    pub fn step(&mut self, step: Step) -> std::io::Result<()> {
        self.record.step = step;
        self.write()
    }

    /// The operation is complete: forget it.
    pub fn finish(self) -> std::io::Result<()> {
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Reopens a record found on disk (for recovery).
    pub fn reopen(path: PathBuf, record: Record) -> Journal {
        Journal { path, record }
    }

    /// The record's file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Removes the temporary files of record writes that were killed half way (call it only
/// under the repository lock: no record is being written then).
pub fn sweep_temps(common: &Path) {
    let Ok(read) = std::fs::read_dir(dir(common)) else {
        return;
    };
    for e in read.flatten() {
        if fsutil::is_temp(&e.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Records left behind by operations that did not finish, with their files; unreadable
/// records are returned as errors with their path.
pub fn pending(common: &Path) -> Vec<Result<(PathBuf, Record), PathBuf>> {
    let Ok(read) = std::fs::read_dir(dir(common)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            std::fs::read(&p)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .map(|r| (p.clone(), r))
                .ok_or(p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_finish() {
        let dir = tempfile::tempdir().unwrap();
        let record = Record {
            head_before: Some("abc".into()),
            from: Some("/r/tickets/todo/x.md".into()),
            to: Some("/r/tickets/doing/x.md".into()),
            original: Some("---\n---\n".into()),
            ..Record::new(Op::Start, "250101-000000-x", Path::new("/r"))
        };
        let mut j = Journal::begin(dir.path(), record.clone()).unwrap();
        j.step(Step::Committed).unwrap();
        let found = pending(dir.path());
        assert_eq!(found.len(), 1);
        let (_, r) = found[0].as_ref().unwrap();
        assert_eq!(r.step, Step::Committed);
        assert_eq!(r.ticket, record.ticket);
        j.finish().unwrap();
        assert!(pending(dir.path()).is_empty());
    }
}
