//! A compact list of ticket file names: the names of several status folders in one buffer,
//! optionally sorted (streaming lists in name order; reference resolution needs no order).
//! The name and 12 bytes a ticket, instead of a path and an ID each.

use super::Status;
use super::entry::{Entry, Problem, ticket_file};

/// Ticket file names of several folders in one buffer, sorted by name: a compact listing for
/// streaming (the name and 12 bytes a ticket, instead of a path and an ID each).
#[derive(Debug, Default)]
pub struct NameList {
    dirs: Vec<(Status, std::path::PathBuf)>,
    text: String,
    /// (start, end) in `text` and index into `dirs`, sorted by name.
    items: Vec<(u32, u32, u8)>,
}

impl NameList {
    /// Lists the `.md` files (regular files only) of `dirs`, sorted by name.
    pub fn read(
        dirs: Vec<(Status, std::path::PathBuf)>,
    ) -> std::io::Result<(NameList, Vec<Problem>)> {
        Self::read_in_order(dirs, true)
    }

    /// Lists the `.md` files of `dirs`, sorted by name only when `sorted` (reference
    /// resolution does not need the order).
    pub fn read_in_order(
        dirs: Vec<(Status, std::path::PathBuf)>,
        sorted: bool,
    ) -> std::io::Result<(NameList, Vec<Problem>)> {
        let mut list = NameList {
            dirs,
            ..NameList::default()
        };
        let mut spans: Vec<(u32, u32, u8)> = Vec::new();
        let mut problems = Vec::new();
        for (d, (_, dir)) in list.dirs.iter().enumerate() {
            let read = match std::fs::read_dir(dir) {
                Ok(r) => r,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for item in read {
                let id = match ticket_file(&item?) {
                    Some(Ok(id)) => id,
                    Some(Err(p)) => {
                        problems.push(p);
                        continue;
                    }
                    None => continue,
                };
                let start = list.text.len() as u32;
                list.text.push_str(&id);
                spans.push((start, list.text.len() as u32, d as u8));
            }
        }
        let text = &list.text;
        if sorted {
            // One ID in two folders (a broken state fsck reports) comes in folder order.
            spans.sort_unstable_by(|a, b| {
                text[a.0 as usize..a.1 as usize]
                    .cmp(&text[b.0 as usize..b.1 as usize])
                    .then(a.2.cmp(&b.2))
            });
        }
        spans.shrink_to_fit();
        list.text.shrink_to_fit();
        list.items = spans;
        Ok((list, problems))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The ID (file name without `.md`) of the `i`-th file.
    pub fn id(&self, i: usize) -> &str {
        let (start, end, _) = self.items[i];
        &self.text[start as usize..end as usize]
    }

    /// The `i`-th file as an entry.
    pub fn entry(&self, i: usize) -> Entry {
        let d = self.items[i].2;
        let id = self.id(i);
        let (folder, dir) = &self.dirs[d as usize];
        // One allocation for the path: dir + "/" + id + ".md".
        let mut path = std::path::PathBuf::with_capacity(dir.as_os_str().len() + id.len() + 4);
        path.push(dir);
        path.push(id);
        path.as_mut_os_string().push(".md");
        Entry {
            id: id.to_owned(),
            folder: *folder,
            path,
        }
    }
}
