//! The performance regression guard that cannot flake: instructions executed by
//! `list --status all --count 0 --format json` over 1,000 generated tickets, counted by
//! valgrind's callgrind (scripts/install-test-deps.sh installs it) on one thread, against the committed baseline
//! `benches/baseline/list-1000.instructions` with a 10% tolerance. Change the baseline on
//! purpose: `GIT_TICKET_BLESS=1 cargo test --test cli perf_guard`.

use std::path::Path;
use std::process::Command;

use crate::common::{TestEnv, bin, require_tool};
use crate::corpus::{Corpus, Text};

const TOLERANCE: f64 = 0.10;

#[test]
fn perf_guard_list_1000_instructions() {
    if !require_tool("valgrind") {
        return;
    }
    let env = TestEnv::initialized();
    Corpus::new(1000)
        .folders(&["todo", "done", "done", "done"])
        .ids(|i| format!("250101-{i:06}-task-{i}"))
        .text(Text::Small)
        .write(&env.root);
    let out_file = env.dir.path().join("callgrind.out");
    let mut cmd = Command::new("valgrind");
    env.hermetic(&mut cmd);
    let out = cmd
        .current_dir(&env.root)
        .env("RAYON_NUM_THREADS", "1")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(bin())
        .args([
            "list", "--status", "all", "--count", "0", "--format", "json",
        ])
        .output()
        .expect("valgrind runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let measured: u64 = stderr
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count in:\n{stderr}"));
    let baseline_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/baseline/list-1000.instructions");
    if std::env::var_os("GIT_TICKET_BLESS").is_some() {
        std::fs::write(&baseline_path, format!("{measured}\n")).unwrap();
        return;
    }
    let baseline: u64 = std::fs::read_to_string(&baseline_path)
        .expect("baseline missing: GIT_TICKET_BLESS=1 cargo test --test cli perf_guard")
        .trim()
        .parse()
        .unwrap();
    let ratio = measured as f64 / baseline as f64;
    assert!(
        (1.0 - TOLERANCE..=1.0 + TOLERANCE).contains(&ratio),
        "list of 1,000 tickets executed {measured} instructions, {:.1}% of the baseline {baseline}; \
         if this change is intended, update the baseline: GIT_TICKET_BLESS=1 cargo test --test cli perf_guard",
        ratio * 100.0
    );
}
