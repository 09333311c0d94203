//! `git ticket stats [--since <duration>]`: flow metrics from the ticket files
//! ([`crate::ops::stats`]) as text, JSON (durations in seconds) or the OpenMetrics text format
//! (gauges and summaries named `ticket_…`, for node_exporter's textfile collector or any
//! Prometheus scrape).

use std::io::{self, Write};

use serde::Serialize;

use crate::commands::{Command, Ctx, Group};
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::stats::{self, Durations, PERCENTILES, Stats, round3};
use crate::output::{Outcome, Ui, write_json};
use crate::ticket::time::{format_duration, parse_duration};

/// Show flow metrics: work in progress, throughput, lead and cycle time.
///
/// From the ticket files alone (no git history): work in progress (doing), throughput
/// (tickets closed per week), lead time (created → closed) and cycle time (started → closed)
/// as p50/p85/p95 (nearest-rank), the oldest doing ticket and its age, the blocked count and
/// the share of tickets closed with a reason (cancelled). Tickets without the timestamps a
/// figure needs are counted as skipped, not guessed. -o openmetrics writes the OpenMetrics
/// text format.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only tickets closed within this long ago (90m, 12h, 28d, 4w) [default: all time]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    since: Option<u64>,
}

/// The `stats` command.
pub struct StatsCmd;

impl Command for StatsCmd {
    const NAME: &'static str = "stats";
    const SUMMARY: &'static str = "Show flow metrics (throughput, lead and cycle time)";
    const GROUP: Group = Group::Porcelain;
    const EXEC: Exec = Exec::Parallel;
    const OPENMETRICS: bool = true;
    type Args = Args;

    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let exec = ctx.exec;
        let (project, trace) = ctx.project_and_trace()?;
        let stats = stats::stats(project, args.since, exec, trace)?;
        for p in &stats.problems {
            ui.warn(p.to_string());
        }
        Ok(Box::new(Report(stats)))
    }
}

struct Report(Stats);

#[derive(Serialize)]
struct DurationsJson {
    count: usize,
    skipped: usize,
    p50: Option<i64>,
    p85: Option<i64>,
    p95: Option<i64>,
}

impl From<&Durations> for DurationsJson {
    fn from(d: &Durations) -> Self {
        DurationsJson {
            count: d.sorted.len(),
            skipped: d.skipped,
            p50: d.percentile(50),
            p85: d.percentile(85),
            p95: d.percentile(95),
        }
    }
}

fn percentiles_text(d: &Durations) -> String {
    if d.sorted.is_empty() {
        return "no closed ticket with the timestamps".into();
    }
    let parts: Vec<String> = PERCENTILES
        .iter()
        .map(|p| format!("p{p} {}", format_duration(d.percentile(*p).unwrap_or(0))))
        .collect();
    format!("{}  ({} tickets)", parts.join("  "), d.sorted.len())
}

impl Outcome for Report {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        let s = &self.0;
        let window = match s.since {
            Some(secs) => format!("closed in the last {}", format_duration(secs as i64)),
            None => "all time".into(),
        };
        writeln!(out.w, "Flow metrics ({window})")?;
        writeln!(
            out.w,
            "  Work in progress:  {} doing, {} todo",
            s.wip, s.todo
        )?;
        let rate = s
            .throughput_per_week
            .map(|t| format!(" ({t:.1} per week)"))
            .unwrap_or_default();
        writeln!(out.w, "  Closed:            {}{rate}", s.closed)?;
        writeln!(
            out.w,
            "  Lead time:         {}",
            percentiles_text(&s.lead_time)
        )?;
        writeln!(
            out.w,
            "  Cycle time:        {}",
            percentiles_text(&s.cycle_time)
        )?;
        match &s.oldest_doing {
            Some(o) => writeln!(
                out.w,
                "  Oldest doing:      {} (started {} ago)",
                o.id,
                format_duration(o.age)
            )?,
            None => writeln!(out.w, "  Oldest doing:      none")?,
        }
        writeln!(out.w, "  Blocked:           {}", s.blocked)?;
        let share = s
            .cancelled_share()
            .map(|c| format!(" ({:.1}%)", c * 100.0))
            .unwrap_or_default();
        writeln!(
            out.w,
            "  Cancelled:         {} of {} closed with a reason{share}",
            s.cancelled, s.closed
        )?;
        if s.lead_time.skipped + s.cycle_time.skipped > 0 {
            writeln!(
                out.w,
                "  Skipped:           {} without created_at (lead time), {} without started_at (cycle time)",
                s.lead_time.skipped, s.cycle_time.skipped
            )?;
        }
        writeln!(out.w, "  (percentiles: nearest rank)")
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Oldest<'a> {
            id: &'a str,
            age: i64,
        }
        #[derive(Serialize)]
        struct Json<'a> {
            since: Option<u64>,
            from: Option<String>,
            to: Option<String>,
            wip: usize,
            todo: usize,
            closed: usize,
            throughput_per_week: Option<f64>,
            lead_time: DurationsJson,
            cycle_time: DurationsJson,
            oldest_doing: Option<Oldest<'a>>,
            blocked: usize,
            cancelled: usize,
            cancelled_share: Option<f64>,
            percentile_method: &'static str,
        }
        let s = &self.0;
        write_json(
            w,
            &Json {
                since: s.since,
                from: s.from.map(|t| t.to_rfc3339()),
                to: s.now.map(|t| t.to_rfc3339()),
                wip: s.wip,
                todo: s.todo,
                closed: s.closed,
                throughput_per_week: s.throughput_per_week.map(round3),
                lead_time: (&s.lead_time).into(),
                cycle_time: (&s.cycle_time).into(),
                oldest_doing: s.oldest_doing.as_ref().map(|o| Oldest {
                    id: &o.id,
                    age: o.age,
                }),
                blocked: s.blocked,
                cancelled: s.cancelled,
                cancelled_share: s.cancelled_share().map(round3),
                percentile_method: "nearest-rank",
            },
        )
    }

    fn openmetrics(&self, w: &mut dyn Write) -> io::Result<()> {
        w.write_all(self.0.openmetrics().as_bytes())
    }
}
