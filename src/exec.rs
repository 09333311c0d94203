//! How work on many tickets runs: sequential, parallel (rayon) or streaming, chosen from the
//! execution profile a command registered ([`Exec`]) and the number of tickets. The store
//! knows nothing of this: the choice is made here, above it, and handed down as data.

use std::sync::mpsc::sync_channel;
use std::time::Instant;

use rayon::prelude::*;

use crate::ticket::names::NameList;
use crate::ticket::store::{Entry, Listing, Problem, StoreError, load_with, sort_tickets};
use crate::ticket::{Status, Store, Ticket};
use crate::trace::Trace;

/// How a command's work on many tickets may be executed (declared in the registry).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Exec {
    /// One thing after another.
    #[default]
    Sequential,
    /// Work splits per ticket and may run on several threads above a size threshold.
    Parallel,
    /// Results can be written before all input is read.
    Streaming,
}

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

/// Loads every ticket of `folders` (frontmatter only) with the strategy `profile` allows
/// for their number, sorted by priority ↑, created ↓, ID; records phases and the strategy in
/// `trace`.
pub fn list(
    store: &Store,
    folders: &[Status],
    profile: Exec,
    trace: &mut Trace,
) -> Result<Listing, StoreError> {
    let (entries, mut problems) = trace.phase("discover", || store.entries(folders))?;
    let strategy = choose(profile, entries.len(), false);
    let threads = if strategy == Strategy::Parallel {
        rayon::current_num_threads()
    } else {
        1
    };
    trace.note(|| {
        format!(
            "strategy: {strategy:?} ({} files, {threads} thread(s))",
            entries.len()
        )
    });
    let (mut tickets, failed) = {
        let r = Instant::now();
        let out = load_all(entries, strategy, trace);
        let elapsed = r.elapsed();
        trace.note(|| format!("read+parse: {:.3} ms", elapsed.as_secs_f64() * 1000.0));
        out
    };
    problems.extend(failed);
    trace.phase("sort", || sort_tickets(&mut tickets));
    Ok(Listing { tickets, problems })
}

/// Counts the tickets of `folders` that parse, per status from their timestamps (TicketFlow's
/// summaries), with the strategy `profile` allows for their number; the files that do not
/// parse come back as problems. No ticket is kept: memory stays that of one file a thread.
pub fn count(
    store: &Store,
    folders: &[Status],
    profile: Exec,
    trace: &mut Trace,
) -> Result<([usize; 3], Vec<Problem>), StoreError> {
    type Tally = ([usize; 3], Vec<Problem>);
    let (entries, mut problems) = trace.phase("discover (count)", || store.entries(folders))?;
    let strategy = choose(profile, entries.len(), false);
    trace.note(|| format!("count: {strategy:?} ({} files)", entries.len()));
    let one = |buf: &mut Vec<u8>, e: Entry| load_with(e, buf, false).map(|t| t.status());
    let add = |mut tally: Tally, r: Result<Status, Problem>| {
        match r {
            Ok(status) => tally.0[status.index()] += 1,
            Err(p) => tally.1.push(p),
        }
        tally
    };
    let started = Instant::now();
    let (counts, failed) = match strategy {
        Strategy::Parallel => entries
            .into_par_iter()
            .map_init(Vec::new, one)
            .fold(Tally::default, add)
            .reduce(Tally::default, |mut a, b| {
                for (n, m) in a.0.iter_mut().zip(b.0) {
                    *n += m;
                }
                a.1.extend(b.1);
                a
            }),
        _ => {
            let mut buf = Vec::new();
            entries
                .into_iter()
                .map(|e| one(&mut buf, e))
                .fold(Tally::default(), add)
        }
    };
    let elapsed = started.elapsed();
    trace.note(|| format!("count read+parse: {:.3} ms", elapsed.as_secs_f64() * 1000.0));
    problems.extend(failed);
    Ok((counts, problems))
}

/// [`list`] with the parallel profile and no trace (benches, tests).
pub fn list_all(store: &Store, folders: &[Status]) -> Result<Listing, StoreError> {
    list(store, folders, Exec::Parallel, &mut Trace::new(false))
}

/// Loads tickets (frontmatter only) with a sequential or parallel strategy, keeping their
/// order; problems come back separately (in no particular order).
pub fn load_all(
    entries: Vec<Entry>,
    strategy: Strategy,
    trace: &Trace,
) -> (Vec<Ticket>, Vec<Problem>) {
    let one = |buf: &mut Vec<u8>, e: Entry| -> Result<Ticket, Problem> {
        if !trace.enabled() {
            return load_with(e, buf, false);
        }
        // Split read and parse times: read first, then parse from the same buffer.
        let t = Instant::now();
        let text = crate::ticket::store::read_into(&e.path, buf).map(drop);
        trace.add_read(t);
        text?;
        let t = Instant::now();
        let r = crate::ticket::store::parse_loaded(e, buf, false);
        trace.add_parse(t);
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

/// What a stream hands to its writer, in file order.
pub enum Piece<'a> {
    /// Rendered records.
    Records(&'a [u8]),
    /// A file that could not be used.
    Problem(&'a Problem),
}

enum Sent {
    Records(Vec<u8>),
    Problem(Problem),
}

/// Streams tickets in name order: one reader thread loads them (reusing one buffer), renders
/// them into batches of about [`STREAM_BATCH`] bytes and sends the batches (and the files
/// that could not be used) through a bounded channel (backpressure); `write` receives them in
/// order on the calling thread. Memory stays bounded whatever the count, and the first
/// records are written while the rest is still being read. Stops early when `write` fails
/// (a closed pipe) or after `limit` records (0: no limit). `render` appends one record; it is
/// given the ticket and the text of its file.
pub fn stream(
    names: NameList,
    limit: usize,
    render: impl Fn(&Ticket, &str, &mut Vec<u8>) + Send + Sync,
    mut write: impl FnMut(Piece<'_>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let (tx, rx) = sync_channel::<Sent>(STREAM_BUFFER);
    std::thread::scope(|scope| {
        let render = &render;
        scope.spawn(move || {
            let mut buf = Vec::new();
            let mut batch = Vec::with_capacity(STREAM_BATCH + 1024);
            let mut rendered = 0;
            let new_batch = || Vec::with_capacity(STREAM_BATCH + 1024);
            for i in 0..names.len() {
                if limit > 0 && rendered >= limit {
                    break;
                }
                match load_with(names.entry(i), &mut buf, false) {
                    Ok(t) => {
                        // The file was valid UTF-8: it parsed.
                        render(
                            &t,
                            std::str::from_utf8(&buf).unwrap_or_default(),
                            &mut batch,
                        );
                        rendered += 1;
                    }
                    Err(p) => {
                        // What came before the bad file is written before its warning.
                        if !batch.is_empty()
                            && tx
                                .send(Sent::Records(std::mem::replace(&mut batch, new_batch())))
                                .is_err()
                        {
                            return;
                        }
                        if tx.send(Sent::Problem(p)).is_err() {
                            return;
                        }
                    }
                }
                // The first record goes out at once; then in batches.
                if (rendered == 1 || batch.len() >= STREAM_BATCH) && !batch.is_empty() {
                    let full = std::mem::replace(&mut batch, new_batch());
                    if tx.send(Sent::Records(full)).is_err() {
                        return; // the writer stopped
                    }
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(Sent::Records(batch));
            }
        });
        for sent in rx {
            match &sent {
                Sent::Records(r) => write(Piece::Records(r))?,
                Sent::Problem(p) => write(Piece::Problem(p))?,
            }
        }
        Ok(())
    })
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
