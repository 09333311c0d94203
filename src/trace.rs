//! `GIT_TICKET_TRACE=1`: the strategy and the time of each phase, printed on stderr at the
//! end of a command (like git's `GIT_TRACE_PERFORMANCE`). Recording costs nothing when off.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

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

    /// Adds the time since `since` to the summed read time.
    pub fn add_read(&self, since: Instant) {
        if self.enabled {
            self.read_ns
                .fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
    }

    /// Adds the time since `since` to the summed parse time.
    pub fn add_parse(&self, since: Instant) {
        if self.enabled {
            self.parse_ns
                .fetch_add(since.elapsed().as_nanos() as u64, Ordering::Relaxed);
        }
    }

    /// The trace's messages (nothing when off): the facts and phases noted, the summed read
    /// and parse times, the total time.
    pub fn messages(&self) -> Vec<String> {
        if !self.enabled {
            return Vec::new();
        }
        let mut out = self.lines.clone();
        let read = self.read_ns.load(Ordering::Relaxed);
        let parse = self.parse_ns.load(Ordering::Relaxed);
        if read + parse > 0 {
            out.push(format!(
                "read (summed over threads): {:.3} ms, parse (summed): {:.3} ms",
                read as f64 / 1e6,
                parse as f64 / 1e6
            ));
        }
        if let Some(s) = self.start {
            out.push(format!("total: {:.3} ms", ms(s.elapsed())));
        }
        out
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
