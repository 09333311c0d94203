//! Flow metrics from the ticket files alone (no git history): work in progress, throughput
//! (tickets closed per week), lead time (created → closed) and cycle time (started → closed)
//! as p50/p85/p95, the oldest doing ticket, the blocked count and the share of tickets closed
//! with a reason (cancelled). A ticket without the timestamp a figure needs is counted as
//! skipped for it, never guessed.
//!
//! Percentiles use the nearest-rank method: of `n` sorted values, the p-th percentile is the
//! value at rank ⌈p/100 · n⌉ (1-based) — always one of the observed durations.
//!
//! [`Stats::openmetrics`] writes the figures in the OpenMetrics text format (a data format,
//! like JSON: gauges and summaries named `ticket_…`, ending with `# EOF`).

use std::fmt::Write as _;

use super::Project;
use crate::error::Error;
use crate::exec::{self, Exec};
use crate::ticket::deps::Deps;
use crate::ticket::store::Problem;
use crate::ticket::{Status, Ticket, Timestamp};
use crate::trace::Trace;

/// Seconds in a week.
pub const WEEK: i64 = 604_800;

/// The percentiles reported, in percent.
pub const PERCENTILES: [u32; 3] = [50, 85, 95];

/// Durations of one kind (lead or cycle time) over the closed tickets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Durations {
    /// The durations in seconds, ascending.
    pub sorted: Vec<i64>,
    /// Closed tickets left out: a timestamp missing, or a duration below zero.
    pub skipped: usize,
}

impl Durations {
    fn from(mut values: Vec<i64>, skipped: usize) -> Self {
        values.sort_unstable();
        Durations {
            sorted: values,
            skipped,
        }
    }

    /// The nearest-rank percentile `p` (0 < p ≤ 100); `None` without values.
    pub fn percentile(&self, p: u32) -> Option<i64> {
        nearest_rank(&self.sorted, p)
    }

    /// The sum of the durations.
    pub fn sum(&self) -> i64 {
        self.sorted.iter().sum()
    }
}

/// The nearest-rank percentile `p` of ascending `sorted`: the value at rank ⌈p·n/100⌉.
pub fn nearest_rank(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (u64::from(p) * n as u64).div_ceil(100).max(1) as usize;
    sorted.get(rank.min(n) - 1).copied()
}

/// The oldest ticket in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Oldest {
    /// Its ID.
    pub id: String,
    /// Seconds since it was started.
    pub age: i64,
}

/// The flow metrics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// The window's length in seconds (`--since`); `None`: all time.
    pub since: Option<u64>,
    /// When the figures were taken.
    pub now: Option<Timestamp>,
    /// The window's start: now − since, or (all time) the earliest creation or close.
    pub from: Option<Timestamp>,
    /// Tickets in progress (doing).
    pub wip: usize,
    /// Tickets to do.
    pub todo: usize,
    /// Tickets closed within the window.
    pub closed: usize,
    /// Closed within the window per week of the window; `None` for an empty window.
    pub throughput_per_week: Option<f64>,
    /// Created → closed, of the tickets closed within the window.
    pub lead_time: Durations,
    /// Started → closed, of the tickets closed within the window.
    pub cycle_time: Durations,
    /// The oldest ticket in progress.
    pub oldest_doing: Option<Oldest>,
    /// Todo tickets waiting on a ticket that is not done.
    pub blocked: usize,
    /// Tickets closed within the window with a closure reason.
    pub cancelled: usize,
    /// Ticket files that could not be read (not counted).
    pub problems: Vec<Problem>,
}

impl Stats {
    /// `cancelled / closed`; `None` when nothing was closed.
    pub fn cancelled_share(&self) -> Option<f64> {
        (self.closed > 0).then(|| self.cancelled as f64 / self.closed as f64)
    }
}

/// Reads every ticket of the project and computes its flow metrics over the last `since`
/// seconds (`None`: all time).
pub fn stats(
    project: &Project,
    since: Option<u64>,
    profile: Exec,
    trace: &mut Trace,
) -> Result<Stats, Error> {
    let listing = exec::list(&project.store, &Status::ALL, profile, trace)?;
    let mut stats = compute(&listing.tickets, since, Timestamp::now_local());
    stats.problems = listing.problems;
    Ok(stats)
}

/// The flow metrics of `tickets` at `now` over the last `since` seconds (pure).
pub fn compute(tickets: &[Ticket], since: Option<u64>, now: Timestamp) -> Stats {
    let from = match since {
        Some(s) => Some(Timestamp {
            unix: now
                .unix
                .saturating_sub(i64::try_from(s).unwrap_or(i64::MAX)),
            ..now
        }),
        None => tickets
            .iter()
            .flat_map(|t| [t.meta.created_at, t.meta.closed_at])
            .flatten()
            .min(),
    };
    let in_window = |t: &Timestamp| from.is_none_or(|f| t.unix >= f.unix) && t.unix <= now.unix;
    let mut stats = Stats {
        since,
        now: Some(now),
        from,
        ..Stats::default()
    };
    let (mut lead, mut cycle) = (Vec::new(), Vec::new());
    let (mut lead_skipped, mut cycle_skipped) = (0, 0);
    let deps = Deps::of(tickets);
    for t in tickets {
        let m = &t.meta;
        match t.status() {
            Status::Todo => {
                stats.todo += 1;
                if !deps.unsatisfied(&t.id).is_empty() {
                    stats.blocked += 1;
                }
            }
            Status::Doing => {
                stats.wip += 1;
                if let Some(started) = m.started_at {
                    let age = started.seconds_until(&now);
                    if stats.oldest_doing.as_ref().is_none_or(|o| age > o.age) {
                        stats.oldest_doing = Some(Oldest {
                            id: t.id.clone(),
                            age,
                        });
                    }
                }
            }
            Status::Done => {
                let Some(closed) = m.closed_at.filter(in_window) else {
                    continue;
                };
                stats.closed += 1;
                if m.closure_reason
                    .as_deref()
                    .is_some_and(|r| !r.trim().is_empty())
                {
                    stats.cancelled += 1;
                }
                let span = |start: Option<Timestamp>, into: &mut Vec<i64>| match start {
                    Some(s) if s.seconds_until(&closed) >= 0 => {
                        into.push(s.seconds_until(&closed));
                        false
                    }
                    _ => true,
                };
                lead_skipped += usize::from(span(m.created_at, &mut lead));
                cycle_skipped += usize::from(span(m.started_at, &mut cycle));
            }
        }
    }
    stats.lead_time = Durations::from(lead, lead_skipped);
    stats.cycle_time = Durations::from(cycle, cycle_skipped);
    let window = from.map_or(0, |f| f.seconds_until(&now));
    stats.throughput_per_week =
        (window > 0).then(|| stats.closed as f64 * WEEK as f64 / window as f64);
    stats
}

impl Stats {
    /// The metrics in the OpenMetrics text format (ends with `# EOF`): gauges and summaries
    /// named `ticket_…`.
    pub fn openmetrics(&self) -> String {
        let s = self;
        let mut out = String::new();
        let mut gauge = |name: &str, unit: Option<&str>, help: &str, value: String| {
            let _ = writeln!(out, "# TYPE {name} gauge");
            if let Some(u) = unit {
                let _ = writeln!(out, "# UNIT {name} {u}");
            }
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "{name} {value}");
        };
        gauge(
            "ticket_wip",
            None,
            "Tickets in progress (doing).",
            s.wip.to_string(),
        );
        gauge("ticket_todo", None, "Tickets to do.", s.todo.to_string());
        gauge(
            "ticket_blocked",
            None,
            "Todo tickets waiting on a ticket that is not done.",
            s.blocked.to_string(),
        );
        gauge(
            "ticket_closed",
            None,
            "Tickets closed in the window.",
            s.closed.to_string(),
        );
        gauge(
            "ticket_cancelled",
            None,
            "Tickets closed in the window with a closure reason.",
            s.cancelled.to_string(),
        );
        if let Some(t) = s.throughput_per_week {
            gauge(
                "ticket_throughput_per_week",
                None,
                "Tickets closed per week over the window.",
                float(t),
            );
        }
        if let Some(c) = s.cancelled_share() {
            gauge(
                "ticket_cancelled_ratio",
                Some("ratio"),
                "Share of the closed tickets closed with a reason.",
                float(c),
            );
        }
        if let Some(o) = &s.oldest_doing {
            gauge(
                "ticket_oldest_doing_age_seconds",
                Some("seconds"),
                "Age of the oldest ticket in progress.",
                o.age.to_string(),
            );
        }
        for (name, help, d) in [
            (
                "ticket_lead_time_seconds",
                "Created to closed, tickets closed in the window (nearest-rank quantiles).",
                &s.lead_time,
            ),
            (
                "ticket_cycle_time_seconds",
                "Started to closed, tickets closed in the window (nearest-rank quantiles).",
                &s.cycle_time,
            ),
        ] {
            let _ = writeln!(out, "# TYPE {name} summary");
            let _ = writeln!(out, "# UNIT {name} seconds");
            let _ = writeln!(out, "# HELP {name} {help}");
            for p in PERCENTILES {
                if let Some(v) = d.percentile(p) {
                    let _ = writeln!(out, "{name}{{quantile=\"{}\"}} {v}", f64::from(p) / 100.0);
                }
            }
            let _ = writeln!(out, "{name}_sum {}", d.sum());
            let _ = writeln!(out, "{name}_count {}", d.sorted.len());
        }
        let _ = writeln!(out, "# TYPE ticket_skipped gauge");
        let _ = writeln!(
            out,
            "# HELP ticket_skipped Closed tickets left out of a duration for a missing timestamp."
        );
        let _ = writeln!(
            out,
            "ticket_skipped{{metric=\"lead_time\"}} {}",
            s.lead_time.skipped
        );
        let _ = writeln!(
            out,
            "ticket_skipped{{metric=\"cycle_time\"}} {}",
            s.cycle_time.skipped
        );
        out.push_str("# EOF\n");
        out
    }
}

/// A float as OpenMetrics writes it (no exponent for the small values here).
fn float(x: f64) -> String {
    let r = round3(x);
    if r.fract() == 0.0 {
        format!("{r:.1}")
    } else {
        r.to_string()
    }
}

/// `x` rounded to three decimals (shares and rates as shown).
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::model::strategies::blank;

    fn at(s: &str) -> Option<Timestamp> {
        Some(Timestamp::parse(s).unwrap())
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        assert_eq!(nearest_rank(&v, 50), Some(5));
        assert_eq!(nearest_rank(&v, 85), Some(9));
        assert_eq!(nearest_rank(&v, 95), Some(10));
        assert_eq!(nearest_rank(&[7], 50), Some(7));
        assert_eq!(nearest_rank(&[3, 9], 50), Some(3));
        assert_eq!(nearest_rank(&[3, 9], 85), Some(9));
        assert_eq!(nearest_rank(&[], 50), None);
    }

    #[test]
    fn figures_of_a_small_corpus() {
        let mut a = blank("a");
        a.meta.created_at = at("2026-01-01T00:00:00Z");
        a.meta.started_at = at("2026-01-02T00:00:00Z");
        a.meta.closed_at = at("2026-01-04T00:00:00Z");
        let mut b = blank("b");
        b.meta.created_at = at("2026-01-01T00:00:00Z");
        b.meta.closed_at = at("2026-01-08T00:00:00Z");
        b.meta.closure_reason = Some("duplicate".into());
        let mut c = blank("c");
        c.meta.started_at = at("2026-01-10T00:00:00Z");
        let mut d = blank("d");
        d.meta.related = Some(vec!["blocked-by:c".into()]);
        let now = Timestamp::parse("2026-01-15T00:00:00Z").unwrap();
        let s = compute(&[a, b, c, d], None, now);
        assert_eq!(
            (s.wip, s.todo, s.closed, s.blocked, s.cancelled),
            (1, 1, 2, 1, 1)
        );
        assert_eq!(s.lead_time.sorted, vec![3 * 86_400, 7 * 86_400]);
        assert_eq!(s.cycle_time.sorted, vec![2 * 86_400]);
        assert_eq!(s.cycle_time.skipped, 1);
        assert_eq!(
            s.oldest_doing,
            Some(Oldest {
                id: "c".into(),
                age: 5 * 86_400
            })
        );
        // 2 closed over the 14 days since the first creation: 1 a week.
        assert_eq!(s.throughput_per_week, Some(1.0));
        // The last 10 days hold only b's close.
        let s = compute(&[], Some(10 * 86_400), now);
        assert_eq!(s.closed, 0);
        assert_eq!(s.throughput_per_week, Some(0.0));
    }
}
