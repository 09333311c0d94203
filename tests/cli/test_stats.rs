//! `stats`: flow metrics from the ticket files, checked against figures computed by hand on a
//! fixed corpus (nearest-rank percentiles), on TicketFlow's own tickets, and the OpenMetrics
//! text format.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::common::TestEnv;
use crate::test_corpus::corpus_env;

const DAY: i64 = 86_400;

/// 2026-01-01T00:00:00Z.
const JAN_1: i64 = 1_767_225_600;

/// Seven tickets with known timestamps (see each line for its lead and cycle time).
fn fixed_corpus() -> TestEnv {
    let env = TestEnv::without_init_commands();
    let t = |folder: &str, id: &str, fm: &str| {
        env.ticket(
            folder,
            id,
            &format!("priority: 2\ndescription: {id}\n{fm}"),
            "x\n",
        );
    };
    // lead 1d, cycle 12h
    t(
        "done",
        "260101-000000-t1",
        "created_at: 2026-01-01T00:00:00Z\nstarted_at: 2026-01-01T12:00:00Z\nclosed_at: 2026-01-02T00:00:00Z\n",
    );
    // lead 3d, cycle 2d
    t(
        "done",
        "260101-000001-t2",
        "created_at: 2026-01-01T00:00:00Z\nstarted_at: 2026-01-02T00:00:00Z\nclosed_at: 2026-01-04T00:00:00Z\n",
    );
    // lead 7d, cycle 5d, cancelled; written in another offset (+02:00)
    t(
        "done",
        "260101-000002-t3",
        "created_at: 2026-01-01T02:00:00+02:00\nstarted_at: 2026-01-03T00:00:00Z\nclosed_at: 2026-01-08T00:00:00Z\nclosure_reason: won't fix\n",
    );
    // lead 1d, no started_at: skipped for the cycle time
    t(
        "done",
        "260105-000000-t4",
        "created_at: 2026-01-05T00:00:00Z\nclosed_at: 2026-01-06T00:00:00Z\n",
    );
    // doing since 2026-01-03
    t(
        "doing",
        "260101-000003-t5",
        "created_at: 2026-01-01T00:00:00Z\nstarted_at: 2026-01-03T00:00:00Z\n",
    );
    // todo, blocked by t5; todo, free
    t(
        "todo",
        "260101-000004-t6",
        "created_at: 2026-01-01T00:00:00Z\nrelated:\n    - blocked-by:260101-000003-t5\n",
    );
    t(
        "todo",
        "260101-000005-t7",
        "created_at: 2026-01-01T00:00:00Z\n",
    );
    env.commit_all("corpus");
    env
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[test]
fn stats_on_a_fixed_corpus_equal_the_hand_computed_figures() {
    let env = fixed_corpus();
    let before = now();
    let v = env.run(&["stats", "-o", "json"]).ok().json();
    let after = now();
    assert_eq!(v["wip"], 1);
    assert_eq!(v["todo"], 2);
    assert_eq!(v["blocked"], 1);
    assert_eq!(v["closed"], 4);
    assert_eq!(v["cancelled"], 1);
    assert_eq!(v["cancelled_share"], 0.25);
    assert_eq!(v["percentile_method"], "nearest-rank");
    // Lead times 1d, 1d, 3d, 7d: ranks ⌈0.5·4⌉ = 2, ⌈0.85·4⌉ = 4, ⌈0.95·4⌉ = 4.
    assert_eq!(
        v["lead_time"],
        json!({"count": 4, "skipped": 0, "p50": DAY, "p85": 7 * DAY, "p95": 7 * DAY})
    );
    // Cycle times 12h, 2d, 5d (t4 skipped): ranks 2, 3, 3.
    assert_eq!(
        v["cycle_time"],
        json!({"count": 3, "skipped": 1, "p50": 2 * DAY, "p85": 5 * DAY, "p95": 5 * DAY})
    );
    let age = v["oldest_doing"]["age"].as_i64().unwrap();
    let started = JAN_1 + 2 * DAY;
    assert!((before - started..=after - started).contains(&age), "{age}");
    assert_eq!(v["oldest_doing"]["id"], "260101-000003-t5");
    // Throughput: 4 closed over the weeks since the first creation (2026-01-01).
    let tp = v["throughput_per_week"].as_f64().unwrap();
    let weeks = |t: i64| (t - JAN_1) as f64 / (7 * DAY) as f64;
    assert!(
        tp <= 4.0 / weeks(before) + 0.001 && tp >= 4.0 / weeks(after + 1) - 0.001,
        "{tp}"
    );

    // A window that holds none of the closes.
    let v = env
        .run(&["stats", "--since", "1h", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["closed"], 0);
    assert_eq!(v["since"], 3600);
    assert_eq!(v["lead_time"]["p50"], serde_json::Value::Null);
    assert_eq!(v["throughput_per_week"], 0.0);
    assert_eq!(v["wip"], 1, "work in progress is now, whatever the window");
    let bad = env.run(&["stats", "--since", "4 weeks"]);
    assert_eq!(bad.status, 2, "{}", bad.snapshot());
    assert!(bad.stderr.contains("invalid duration"), "{}", bad.stderr);

    let text = env.run(&["stats"]).ok().stdout;
    assert!(
        text.contains("Lead time:         p50 1d  p85 7d  p95 7d  (4 tickets)"),
        "{text}"
    );
    assert!(
        text.contains("Cycle time:        p50 2d  p85 5d  p95 5d  (3 tickets)"),
        "{text}"
    );
    assert!(
        text.contains("Cancelled:         1 of 4 closed with a reason (25.0%)"),
        "{text}"
    );
    assert!(text.contains("1 without started_at (cycle time)"), "{text}");
}

#[test]
fn stats_openmetrics_is_the_openmetrics_text_format() {
    let env = fixed_corpus();
    let run = env.run(&["stats", "-o", "openmetrics"]).ok();
    let text = run.stdout;
    assert!(text.ends_with("# EOF\n"), "{text}");
    assert_eq!(text.matches("# EOF").count(), 1);
    let mut families: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').unwrap();
            assert!(name.starts_with("ticket_"), "{line}");
            assert!(matches!(kind, "gauge" | "summary"), "{line}");
            families.push((name.to_owned(), kind.to_owned()));
        } else if let Some(rest) = line.strip_prefix("# UNIT ") {
            let (name, unit) = rest.split_once(' ').unwrap();
            assert!(name.ends_with(&format!("_{unit}")), "{line}");
        } else if !line.starts_with("# ") {
            // A sample of the family declared last, with a number.
            let (family, _) = families.last().expect("a sample after its # TYPE");
            let (name, value) = line.rsplit_once(' ').unwrap();
            assert!(name.starts_with(family.as_str()), "{line} outside {family}");
            value.parse::<f64>().unwrap_or_else(|_| panic!("{line}"));
        }
    }
    for needed in [
        "ticket_wip 1\n",
        "ticket_blocked 1\n",
        "ticket_closed 4\n",
        "ticket_cancelled_ratio 0.25\n",
        "ticket_lead_time_seconds{quantile=\"0.5\"} 86400\n",
        "ticket_lead_time_seconds{quantile=\"0.85\"} 604800\n",
        "ticket_lead_time_seconds_sum 1036800\n",
        "ticket_lead_time_seconds_count 4\n",
        "ticket_cycle_time_seconds{quantile=\"0.95\"} 432000\n",
        "ticket_skipped{metric=\"cycle_time\"} 1\n",
        "# TYPE ticket_lead_time_seconds summary\n",
    ] {
        assert!(text.contains(needed), "{needed} missing in\n{text}");
    }
    // Only stats has an OpenMetrics form.
    let other = env.run(&["list", "-o", "openmetrics"]);
    assert_eq!(other.status, 2, "{}", other.snapshot());
    assert!(
        other.stderr.contains("'list' has no OpenMetrics output"),
        "{}",
        other.stderr
    );
    // And other commands do not offer it among their values.
    let yaml = env.run(&["list", "-o", "yaml"]);
    assert_eq!(yaml.status, 2);
    assert!(
        yaml.stderr
            .contains("[possible values: text, json, ndjson]"),
        "{}",
        yaml.stderr
    );
    let stats_yaml = env.run(&["stats", "-o", "yaml"]);
    assert!(
        stats_yaml.stderr.contains("ndjson, openmetrics]"),
        "{}",
        stats_yaml.stderr
    );
}

#[test]
fn stats_on_the_ticketflow_corpus_are_plausible() {
    let env = corpus_env();
    let v = env.run(&["stats", "-o", "json"]).ok().json();
    // 97 done; the 20 in tickets/cancelled are in no status folder and not counted.
    assert_eq!(v["closed"], 97, "{v:#}");
    assert_eq!(v["wip"], 1);
    assert_eq!(v["todo"], 3);
    for kind in ["lead_time", "cycle_time"] {
        let d = &v[kind];
        assert_eq!(
            d["count"].as_u64().unwrap() + d["skipped"].as_u64().unwrap(),
            97,
            "{kind}: {d}"
        );
        let (p50, p85, p95) = (
            d["p50"].as_i64().unwrap(),
            d["p85"].as_i64().unwrap(),
            d["p95"].as_i64().unwrap(),
        );
        assert!(0 <= p50 && p50 <= p85 && p85 <= p95, "{kind}: {d}");
    }
    assert!(v["lead_time"]["p50"].as_i64() >= v["cycle_time"]["p50"].as_i64());
    assert!(v["throughput_per_week"].as_f64().unwrap() > 0.0);
    let share = v["cancelled_share"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&share));
}
