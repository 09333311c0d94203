//! The ticket store: the status folders of one working tree.
//!
//! Listing reads only file names; loading reads one file and parses only what is asked for
//! (frontmatter for listings, the body for `show`). Invalid files never stop a listing: they
//! come back as [`Problem`]s next to the good tickets. New tickets are created exclusively and
//! atomically.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use super::entry::{Entry, Problem, Severity, ticket_file};
use super::format;
use super::id::{BadReference, check_reference};
use super::model::{Status, Ticket};
use super::names::NameList;
use super::resolve::{Resolution, Stage, resolve};
use crate::config::Config;
use crate::fsutil;

/// Largest ticket file read (as TicketFlow).
pub const MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;

/// The empty file that keeps each status folder in git. Without it, a folder that becomes
/// empty on one side of a merge (the last doing ticket closed on its branch) looks renamed to
/// git's directory-rename detection, which then conflicts or moves the other side's new
/// tickets into the wrong folder. Never a ticket: hidden, and not `.md`.
pub const PLACEHOLDER: &str = ".gitkeep";

/// A candidate of an ambiguous reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Its ID.
    pub id: String,
    /// Status from its timestamps (folder status if the file is invalid).
    pub status: Status,
    /// Its description.
    pub description: String,
}

/// Store failures.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A filesystem operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// A ticket file is unusable.
    #[error(transparent)]
    Invalid(#[from] Problem),
    /// A reference was refused before lookup.
    #[error(transparent)]
    BadReference(#[from] BadReference),
    /// No ticket matches.
    #[error("no ticket matches '{reference}'")]
    NotFound {
        /// What the user typed.
        reference: String,
    },
    /// Several tickets match.
    #[error("'{reference}' is ambiguous: it matches {} tickets by {}", candidates.len(), stage.describe())]
    Ambiguous {
        /// What the user typed.
        reference: String,
        /// How they matched.
        stage: Stage,
        /// The matching tickets.
        candidates: Vec<Candidate>,
    },
    /// A ticket with this ID already exists.
    #[error("ticket {id} already exists at {}", path.display())]
    Exists {
        /// The ID.
        id: String,
        /// The existing file.
        path: PathBuf,
    },
}

/// The result of a listing: good tickets and the problems met.
#[derive(Debug, Default)]
pub struct Listing {
    /// Loaded tickets (sorted by [`sort_tickets`] order).
    pub tickets: Vec<Ticket>,
    /// Files that could not be loaded.
    pub problems: Vec<Problem>,
}

/// The status folders of one working tree.
#[derive(Clone, Debug)]
pub struct Store {
    dirs: [PathBuf; 3],
}

/// `<dir>/<id>.md`, built as bytes: `Path::join` parses the name's components first, a
/// tenth of a large listing's time.
fn child(dir: &Path, id: &str) -> PathBuf {
    let mut path = std::ffi::OsString::with_capacity(dir.as_os_str().len() + id.len() + 4);
    path.push(dir.as_os_str());
    let bytes = dir.as_os_str().as_encoded_bytes();
    if !bytes.is_empty() && !bytes.ends_with(b"/") {
        path.push("/");
    }
    path.push(id);
    path.push(".md");
    PathBuf::from(path)
}

impl Store {
    /// The store of the project at `root` with `config`.
    pub fn new(root: &Path, config: &Config) -> Self {
        let base = config.tickets_dir(root);
        let [a, b, c] = config.status_dirs();
        Store {
            dirs: [base.join(a), base.join(b), base.join(c)],
        }
    }

    /// The folders of `statuses`, for a [`NameList`].
    pub fn dirs(&self, statuses: &[Status]) -> Vec<(Status, PathBuf)> {
        statuses
            .iter()
            .map(|s| (*s, self.dir(*s).to_owned()))
            .collect()
    }

    /// The folder of a status.
    pub fn dir(&self, status: Status) -> &Path {
        &self.dirs[status.index()]
    }

    /// The ticket files in the given folders, in directory order (callers sort as they need).
    pub fn entries(&self, folders: &[Status]) -> Result<(Vec<Entry>, Vec<Problem>), StoreError> {
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        for &folder in folders {
            let dir = self.dir(folder);
            let read = match fs::read_dir(dir) {
                Ok(r) => r,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => {
                    return Err(StoreError::Io {
                        path: dir.to_owned(),
                        source,
                    });
                }
            };
            for item in read {
                let item = item.map_err(|source| StoreError::Io {
                    path: dir.to_owned(),
                    source,
                })?;
                match ticket_file(&item) {
                    Some(Ok(id)) => entries.push(Entry {
                        path: child(dir, &id),
                        id,
                        folder,
                    }),
                    Some(Err(p)) => problems.push(p),
                    None => {}
                }
            }
        }
        Ok((entries, problems))
    }

    /// Resolves a user reference to one ticket file, across all folders.
    pub fn resolve(&self, reference: &str) -> Result<Entry, StoreError> {
        check_reference(reference)?;
        // Fast path: an exact ID in exactly one folder needs three stats, no listing.
        let exact: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| {
                // Not following symbolic links: they are never tickets.
                std::fs::symlink_metadata(self.dir(*s).join(format!("{reference}.md")))
                    .is_ok_and(|m| m.is_file())
            })
            .collect();
        if let [folder] = exact[..] {
            return Ok(Entry {
                id: reference.to_owned(),
                folder,
                path: self.dir(folder).join(format!("{reference}.md")),
            });
        }
        let (names, _) =
            NameList::read_in_order(self.dirs(&Status::ALL), false).map_err(|source| {
                StoreError::Io {
                    path: self.dir(Status::Todo).to_owned(),
                    source,
                }
            })?;
        let ids: Vec<&str> = (0..names.len()).map(|i| names.id(i)).collect();
        let entries = |i: usize| names.entry(i);
        match resolve(&ids, reference) {
            Resolution::Found(i, _) => Ok(entries(i)),
            Resolution::NotFound => Err(StoreError::NotFound {
                reference: reference.to_owned(),
            }),
            Resolution::Ambiguous(mut hits, stage) => Err(StoreError::Ambiguous {
                reference: reference.to_owned(),
                stage,
                candidates: {
                    hits.sort_by(|a, b| ids[*a].cmp(ids[*b]));
                    hits
                }
                .into_iter()
                .map(|i| {
                    let e = &entries(i);
                    match load(e, false) {
                        Ok(t) => Candidate {
                            id: t.id,
                            status: t.meta.status(),
                            description: t.meta.description,
                        },
                        Err(_) => Candidate {
                            id: e.id.clone(),
                            status: e.folder,
                            description: "(invalid ticket file)".into(),
                        },
                    }
                })
                .collect(),
            }),
        }
    }

    /// The placeholder file of a status folder ([`PLACEHOLDER`]).
    pub fn placeholder(&self, status: Status) -> PathBuf {
        self.dir(status).join(PLACEHOLDER)
    }

    /// Creates the folder and the empty placeholder of `status` when missing; whether the
    /// placeholder was created now (an existing file, whatever it holds, is kept).
    pub fn create_placeholder(&self, status: Status) -> Result<bool, StoreError> {
        let dir = self.dir(status);
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| StoreError::Io { path, source }
        };
        fs::create_dir_all(dir).map_err(io(dir))?;
        let path = self.placeholder(status);
        match fsutil::create_exclusive(&path, b"") {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(io(&path)(e)),
        }
    }

    /// The file of `id` if it exists in any folder (exact ID, no prefix matching).
    pub fn find_exact(&self, id: &str) -> Option<Entry> {
        check_reference(id).ok()?;
        Status::ALL.iter().find_map(|&folder| {
            let path = self.dir(folder).join(format!("{id}.md"));
            path.symlink_metadata().is_ok().then(|| Entry {
                id: id.to_owned(),
                folder,
                path,
            })
        })
    }

    /// Creates a new todo ticket file. Never overwrites: an existing ticket with the same ID in
    /// any folder is [`StoreError::Exists`].
    pub fn create(&self, id: &str, contents: &str) -> Result<PathBuf, StoreError> {
        check_reference(id)?;
        if let Some(e) = self.find_exact(id) {
            return Err(StoreError::Exists {
                id: id.to_owned(),
                path: e.path,
            });
        }
        let dir = self.dir(Status::Todo);
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let path = dir.join(format!("{id}.md"));
        match fsutil::create_exclusive(&path, contents.as_bytes()) {
            Ok(()) => Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(StoreError::Exists {
                id: id.to_owned(),
                path,
            }),
            Err(source) => Err(StoreError::Io { path, source }),
        }
    }
}

/// Loads one ticket; the body is kept only when `with_body`.
pub fn load(entry: &Entry, with_body: bool) -> Result<Ticket, Problem> {
    load_with(entry.clone(), &mut Vec::new(), with_body)
}

/// Loads one ticket, taking over its entry and reading through `buf` (reused between files).
pub fn load_with(entry: Entry, buf: &mut Vec<u8>, with_body: bool) -> Result<Ticket, Problem> {
    read_into(&entry.path, buf)?;
    parse_loaded(entry, buf, with_body)
}

/// Parses a ticket whose file [`read_into`] has just read into `buf`.
pub fn parse_loaded(entry: Entry, buf: &[u8], with_body: bool) -> Result<Ticket, Problem> {
    let text =
        std::str::from_utf8(buf).map_err(|_| Problem::other(&entry.path, "invalid UTF-8"))?;
    let lay = format::layout(text).map_err(|e| Problem::parse(&entry.path, e))?;
    let meta = format::parse_yaml(&text[lay.frontmatter.clone()], lay.first_line)
        .map_err(|e| Problem::parse(&entry.path, e))?;
    let body = with_body.then(|| text[lay.body_start..].to_owned());
    Ok(Ticket {
        id: entry.id,
        path: entry.path,
        folder: entry.folder,
        meta,
        body,
    })
}

/// Reads a ticket file and parses its frontmatter: the text to edit and what it says.
pub fn read_ticket(path: &Path) -> Result<(String, super::Meta), Problem> {
    let text = read_text(path)?;
    let meta = format::parse_meta(&text).map_err(|e| Problem::parse(path, e))?;
    Ok((text, meta))
}

/// Reads a ticket file as text, refusing huge, binary and non-UTF-8 files with a reason.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    let mut buf = Vec::new();
    read_into(path, &mut buf)?;
    // read_into checked the bytes are UTF-8.
    String::from_utf8(buf).map_err(|_| Problem::other(path, "invalid UTF-8"))
}

/// Reads a ticket file into `buf` (reused between files) and returns it as text, refusing
/// huge, binary and non-UTF-8 files with a reason.
pub fn read_into<'b>(path: &Path, buf: &'b mut Vec<u8>) -> Result<&'b str, Problem> {
    let io_problem = |e: io::Error| Problem::io(path, &e);
    let file = fsutil::open_listed(path, false).map_err(|e| match e.kind() {
        io::ErrorKind::InvalidInput => Problem::other(
            path,
            format!("{e}; ticket files must be regular files (skipped)"),
        ),
        _ => io_problem(e),
    })?;
    buf.clear();
    // No stat: read at most one byte past the limit and judge by what came.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(buf)
        .map_err(io_problem)?;
    let bytes = &buf[..];
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Problem::other(
            path,
            "file is too large (the limit is 50 MiB)",
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Problem::other(
            path,
            "file is UTF-16; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)",
        ));
    }
    if bytes.is_empty() {
        return Err(Problem::other(
            path,
            "file is empty; a ticket needs a '---' YAML header",
        ));
    }
    if bytes.contains(&0) {
        return Err(Problem::other(
            path,
            "file is binary (contains NUL bytes), not a ticket",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let before = &bytes[..e.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        Problem {
            path: path.to_owned(),
            line: Some(line),
            reason: "invalid UTF-8; ticket files must be UTF-8 text".into(),
            severity: Severity::Warning,
        }
    })
}

/// Listing order: priority ascending, created_at descending (unknown last), ID, folder — a
/// total order, so the (allocation-free) unstable sort gives the same result every time.
pub fn sort_tickets(tickets: &mut [Ticket]) {
    tickets.sort_unstable_by(|a, b| {
        a.meta
            .priority()
            .cmp(&b.meta.priority())
            .then_with(|| b.meta.created_at.cmp(&a.meta.created_at))
            .then_with(|| a.id.cmp(&b.id))
            .then_with(|| a.folder.cmp(&b.folder))
    });
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn child_paths_are_those_of_join() {
        for dir in [
            "/r/tickets/todo",
            "/r/tickets/todo/",
            "tickets/done",
            "",
            "/",
        ] {
            assert_eq!(
                super::child(Path::new(dir), "250101-000000-a"),
                Path::new(dir).join("250101-000000-a.md"),
                "{dir:?}"
            );
        }
    }
}
