//! The performance machinery, tested for behaviour (timings live in benches/): NDJSON
//! streaming, GIT_TICKET_TRACE, the adaptive strategy, and Ctrl-C during a long listing.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::TestEnv;
use crate::corpus::{Corpus, Text};

fn many(n: usize) -> TestEnv {
    let env = TestEnv::initialized();
    Corpus::new(n)
        .folders(&["todo"])
        .ids(|i| format!("250101-000000-t{i:05}"))
        .text(Text::Small)
        .write(&env.root);
    env
}

#[test]
fn ndjson_streams_one_ticket_per_line_in_id_order() {
    let env = many(50);
    env.write("tickets/todo/250101-000000-t00025x.md", "broken");
    let run = env
        .run(&["list", "--count", "0", "--format", "ndjson"])
        .ok();
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 50);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(lines[0]["status"], "todo");
    assert!(run.stderr.contains("t00025x.md"), "{}", run.stderr);
    let run = env.run(&["list", "-c", "3", "-o", "ndjson"]).ok();
    assert_eq!(run.stdout.lines().count(), 3);
    // Other commands answer NDJSON as one line.
    let run = env.run(&["version", "-o", "ndjson"]).ok();
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(serde_json::from_str::<serde_json::Value>(&run.stdout).is_ok());
}

#[test]
fn trace_reports_strategy_and_phases() {
    let env = many(600);
    let mut cmd = env.command_in(&env.root);
    cmd.args(["list", "--status", "all", "--count", "0", "-o", "json"])
        .env("GIT_TICKET_TRACE", "1");
    let run = env.to_run(cmd.output().unwrap()).ok();
    for phase in [
        "trace: strategy: Parallel (600 files",
        "trace: discover:",
        "trace: read+parse:",
        "trace: read (summed",
        "trace: sort:",
        "trace: render:",
        "trace: total:",
    ] {
        assert!(
            run.stderr.contains(phase),
            "{phase} missing:\n{}",
            run.stderr
        );
    }
    let small = many(5);
    let mut cmd = small.command_in(&small.root);
    cmd.args(["list"]).env("GIT_TICKET_TRACE", "1");
    let run = small.to_run(cmd.output().unwrap()).ok();
    assert!(
        run.stderr.contains("strategy: Sequential (5 files"),
        "{}",
        run.stderr
    );
    let run = small.run(&["list"]).ok();
    assert!(!run.stderr.contains("trace:"));
}

#[test]
fn ctrl_c_stops_a_streaming_listing_quickly() {
    let env = many(3000);
    let mut child = env
        .command_in(&env.root)
        .args(["list", "--count", "0", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Read the first line, then stop reading: the writer blocks on the full pipe, mid-stream.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.contains("\"id\""), "{first}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(child.try_wait().unwrap().is_none(), "still streaming");
    let sent = Instant::now();
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(sent.elapsed() < Duration::from_secs(5), "did not stop");
        std::thread::sleep(Duration::from_millis(2));
    };
    let took = sent.elapsed();
    // Killed by SIGINT (the shell reports 130), within 100 ms.
    use std::os::unix::process::ExitStatusExt;
    assert!(
        status.signal() == Some(2) || status.code() == Some(130),
        "{status:?}"
    );
    assert!(took < Duration::from_millis(100), "took {took:?}");
}
