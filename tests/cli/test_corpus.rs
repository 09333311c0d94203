//! TicketFlow's own 121 tickets (fixtures/ticketflow-corpus): every ticket in todo, doing and
//! done lists with the right status, `show` works on each, and nothing is modified.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::TestEnv;

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn snapshot_files(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            snapshot_files(&e.path(), out);
        } else {
            out.insert(e.path(), fs::read(e.path()).unwrap());
        }
    }
}

/// A repository holding a copy of TicketFlow's tickets and config (nothing committed).
pub(crate) fn corpus_env() -> TestEnv {
    let env = TestEnv::new();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ticketflow-corpus");
    copy_dir(&corpus.join("tickets"), &env.root.join("tickets"));
    fs::copy(
        corpus.join(".ticketflow.yaml"),
        env.root.join(".ticketflow.yaml"),
    )
    .unwrap();
    env
}

#[test]
fn corpus_lists_and_shows_every_ticket_without_changing_files() {
    let env = corpus_env();
    let mut before = BTreeMap::new();
    snapshot_files(&env.root, &mut before);

    let run = env
        .run(&[
            "list", "--status", "all", "--count", "0", "--format", "json",
        ])
        .ok();
    assert_eq!(run.stderr, "", "no ticket of the corpus is invalid");
    let v = run.json();
    let tickets = v["tickets"].as_array().unwrap();
    assert_eq!(tickets.len(), 101);
    assert_eq!(
        v["summary"],
        serde_json::json!({"todo": 3, "doing": 1, "done": 97, "total": 101})
    );
    for t in tickets {
        let path = Path::new(t["path"].as_str().unwrap());
        let folder = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        assert_eq!(t["status"], folder, "{}", t["id"]);
        assert!(!path.starts_with("[TMP]/repo/tickets/cancelled"));
        let id = t["id"].as_str().unwrap();
        let shown = env.run(&["show", id, "-o", "json"]).ok().json();
        assert_eq!(shown["ticket"]["id"], id);
        assert_eq!(shown["ticket"]["status"], t["status"]);
        let text = env.run(&["show", id]).ok();
        assert!(text.stdout.starts_with(&format!("ID: {id}\n")));
    }
    let text = env.run(&["list", "--status", "all", "--count", "0"]).ok();
    assert_eq!(text.stdout.lines().count(), 103);

    let mut after = BTreeMap::new();
    snapshot_files(&env.root, &mut after);
    assert!(before == after, "a command changed a file of the corpus");
}
