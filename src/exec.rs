//! How work runs: sequential, parallel (rayon) or streaming, chosen from the command's
//! registered execution profile and the number of tickets; and `GIT_TICKET_TRACE=1`, which
//! prints the strategy and the time of each phase on stderr (like git's
//! `GIT_TRACE_PERFORMANCE`).

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::registry::Exec;
use crate::ticket::Ticket;
use crate::ticket::store::{Entry, Problem, load_with};

/// From this many files on, reading and parsing runs on all cores. Measured with
/// `cargo bench --bench store -- list_strategy` on the 2-core machine: sequential and parallel
/// are equal at 200 files (0.47 ms), parallel is 17% faster at 400 and 19% at 1,600; below
/// 200 the thread start-up costs more than it saves.
pub const PARALLEL_THRESHOLD: usize = 300;

/// Batches in flight between the reader and the writer of a streaming listing.
pub const STREAM_BUFFER: usize = 8;

/// Bytes of rendered records sent to the writer at a time.
pub const STREAM_BATCH: usize = 16 * 1024;

/// A strategy for one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// One thread.
    Sequential,
    /// All cores (rayon), results collected in order.
    Parallel,
    /// A reader thread feeding the writer through a bounded channel; output starts at once
    /// and memory stays bounded whatever the count.
    Streaming,
}

/// Chooses a strategy from a command's profile, the number of items, and whether the output
/// can be written in file order as it comes.
pub fn choose(profile: Exec, count: usize, streamable: bool) -> Strategy {
    match profile {
        Exec::Streaming | Exec::Parallel if streamable => Strategy::Streaming,
        Exec::Parallel if count >= PARALLEL_THRESHOLD => Strategy::Parallel,
        _ => Strategy::Sequential,
    }
}

/// Phase timings for `GIT_TICKET_TRACE`.
#[derive(Debug, Default)]
pub struct Trace {
    enabled: bool,
    start: Option<Instant>,
    lines: Vec<String>,
    read_ns: AtomicU64,
    parse_ns: AtomicU64,
}

impl Trace {
    /// A trace that records only when `enabled`.
    pub fn new(enabled: bool) -> Trace {
        Trace {
            enabled,
            start: enabled.then(Instant::now),
            ..Trace::default()
        }
    }

    /// Whether tracing is on.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Notes a fact (the strategy, a count).
    pub fn note(&mut self, what: impl FnOnce() -> String) {
        if self.enabled {
            self.lines.push(what());
        }
    }

    /// Times `f` as phase `name`.
    pub fn phase<T>(&mut self, name: &str, f: impl FnOnce() -> T) -> T {
        if !self.enabled {
            return f();
        }
        let t = Instant::now();
        let out = f();
        self.lines
            .push(format!("{name}: {:.3} ms", ms(t.elapsed())));
        out
    }

    fn add(&self, counter: &AtomicU64, since: Instant) {
        counter.fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }

    /// Writes the trace to `w` (stderr).
    pub fn report(&self, w: &mut dyn Write) {
        if !self.enabled {
            return;
        }
        let read = self.read_ns.load(Ordering::Relaxed);
        let parse = self.parse_ns.load(Ordering::Relaxed);
        for l in &self.lines {
            let _ = writeln!(w, "trace: {l}");
        }
        if read + parse > 0 {
            let _ = writeln!(
                w,
                "trace: read (summed over threads): {:.3} ms, parse (summed): {:.3} ms",
                read as f64 / 1e6,
                parse as f64 / 1e6
            );
        }
        if let Some(s) = self.start {
            let _ = writeln!(w, "trace: total: {:.3} ms", ms(s.elapsed()));
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Loads tickets (frontmatter only) with a sequential or parallel strategy, keeping their
/// order; problems come back separately (in no particular order).
pub fn load_all(
    entries: Vec<Entry>,
    strategy: Strategy,
    trace: &Trace,
) -> (Vec<Ticket>, Vec<Problem>) {
    let one = |buf: &mut Vec<u8>, e: Entry| -> Result<Ticket, Problem> {
        if !trace.enabled {
            return load_with(e, buf, false);
        }
        // Split read and parse times: read first, then parse from the same buffer.
        let t = Instant::now();
        let text = crate::ticket::store::read_into(&e.path, buf).map(drop);
        trace.add(&trace.read_ns, t);
        text?;
        let t = Instant::now();
        let r = crate::ticket::store::parse_loaded(e, buf, false);
        trace.add(&trace.parse_ns, t);
        r
    };
    // Tickets are collected straight into their vector (no intermediate vector of results:
    // at 100,000 tickets that copy alone would double the peak memory).
    let problems = std::sync::Mutex::new(Vec::new());
    let keep = |r: Result<Ticket, Problem>| match r {
        Ok(t) => Some(t),
        Err(p) => {
            problems.lock().unwrap_or_else(|e| e.into_inner()).push(p);
            None
        }
    };
    let tickets = match strategy {
        Strategy::Parallel => {
            // Collect with a known length (rayon fills the vector in place), then drop the
            // holes in place: Option<Ticket> has the same size as Ticket, and `filter_map`
            // (unlike `flatten`) collects into the same allocation — at 100,000 tickets a
            // second vector would add 28 MB to the peak.
            let slots: Vec<Option<Ticket>> = entries
                .into_par_iter()
                .map_init(Vec::new, |buf, e| keep(one(buf, e)))
                .collect();
            #[allow(clippy::filter_map_identity)]
            slots
                .into_iter()
                .filter_map(std::convert::identity)
                .collect()
        }
        _ => {
            let mut buf = Vec::new();
            entries
                .into_iter()
                .filter_map(|e| keep(one(&mut buf, e)))
                .collect()
        }
    };
    (
        tickets,
        problems.into_inner().unwrap_or_else(|e| e.into_inner()),
    )
}

/// Streams tickets in name order: one reader thread loads them (reusing one buffer), renders
/// them into batches of about [`STREAM_BATCH`] bytes and sends the batches through a bounded
/// channel (backpressure); `write` receives them in order on the calling thread. Memory stays
/// bounded whatever the count, and the first records are written while the rest is still
/// being read. Stops early when `write` fails (a closed pipe) or after `limit` records (0: no
/// limit). `render` appends one record to the batch and says whether it did.
pub fn stream(
    names: NameList,
    limit: usize,
    render: impl Fn(Result<Ticket, Problem>, &mut Vec<u8>) -> bool + Send + Sync,
    mut write: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (tx, rx) = sync_channel::<Vec<u8>>(STREAM_BUFFER);
    std::thread::scope(|scope| {
        let render = &render;
        scope.spawn(move || {
            let mut buf = Vec::new();
            let mut batch = Vec::with_capacity(STREAM_BATCH + 1024);
            let mut rendered = 0;
            for i in 0..names.len() {
                if limit > 0 && rendered >= limit {
                    break;
                }
                if render(load_with(names.entry(i), &mut buf, false), &mut batch) {
                    rendered += 1;
                }
                // The first record goes out at once; then in batches.
                if (rendered == 1 || batch.len() >= STREAM_BATCH) && !batch.is_empty() {
                    let full =
                        std::mem::replace(&mut batch, Vec::with_capacity(STREAM_BATCH + 1024));
                    if tx.send(full).is_err() {
                        return; // the writer stopped
                    }
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        for batch in rx {
            write(&batch)?;
        }
        Ok(())
    })
}

/// Ticket file names of several folders in one buffer, sorted by name: a compact listing for
/// streaming (the name and 12 bytes a ticket, instead of a path and an ID each).
#[derive(Debug, Default)]
pub struct NameList {
    dirs: Vec<(crate::ticket::Status, std::path::PathBuf)>,
    text: String,
    /// (start, end) in `text` and index into `dirs`, sorted by name.
    items: Vec<(u32, u32, u8)>,
}

impl NameList {
    /// Lists the `.md` files (regular files only) of `dirs`, sorted by name.
    pub fn read(
        dirs: Vec<(crate::ticket::Status, std::path::PathBuf)>,
    ) -> std::io::Result<(NameList, Vec<Problem>)> {
        Self::read_in_order(dirs, true)
    }

    /// Lists the `.md` files of `dirs`, sorted by name only when `sorted` (counting and
    /// reference resolution do not need the order).
    pub fn read_in_order(
        dirs: Vec<(crate::ticket::Status, std::path::PathBuf)>,
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
                let id = match crate::ticket::store::ticket_file(&item?) {
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
            spans.sort_unstable_by(|a, b| {
                text[a.0 as usize..a.1 as usize].cmp(&text[b.0 as usize..b.1 as usize])
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

    /// How many files each status has.
    pub fn counts(&self) -> [usize; 3] {
        let mut counts = [0; 3];
        for &(_, _, d) in &self.items {
            counts[self.dirs[d as usize].0.index()] += 1;
        }
        counts
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategy_follows_profile_and_size() {
        assert_eq!(choose(Exec::Parallel, 10, false), Strategy::Sequential);
        assert_eq!(
            choose(Exec::Parallel, PARALLEL_THRESHOLD, false),
            Strategy::Parallel
        );
        assert_eq!(choose(Exec::Parallel, 5, true), Strategy::Streaming);
        assert_eq!(
            choose(Exec::Sequential, 100_000, false),
            Strategy::Sequential
        );
        assert_eq!(choose(Exec::Streaming, 3, true), Strategy::Streaming);
    }
}
