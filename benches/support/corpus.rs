//! Generated ticket repositories for benches: realistic frontmatter (the forms TicketFlow
//! writes), a few hundred bytes of body, spread over todo/doing/done like a real project.

#![allow(dead_code)]

use std::fs;

/// The ID of generated ticket `i`.
pub fn ticket_id(i: usize) -> String {
    format!(
        "25{:02}{:02}-{:02}{:02}{:02}-task-{i}",
        i % 12 + 1,
        i % 28 + 1,
        i % 24,
        i / 60 % 60,
        i % 60
    )
}

/// The text of generated ticket `i` (status cycles todo, doing, done, done).
pub fn ticket_text(i: usize) -> String {
    let created = format!(
        "2025-{:02}-{:02}T{:02}:00:00+09:00",
        i % 12 + 1,
        i % 28 + 1,
        i % 24
    );
    let (started, closed) = match i % 4 {
        0 => ("null".to_owned(), "null".to_owned()),
        1 => (format!("\"{created}\""), "null".to_owned()),
        _ => (format!("\"{created}\""), format!("\"{created}\"")),
    };
    let related = if i % 4 == 3 {
        format!(
            "related:\n    - parent:{}\n    - blocked-by:{}\n",
            ticket_id(i / 2),
            ticket_id(i / 3)
        )
    } else {
        String::new()
    };
    format!(
        "---\npriority: {}\ndescription: Generated ticket number {i} for benchmarks\ncreated_at: \"{created}\"\nstarted_at: {started}\nclosed_at: {closed}\n{related}---\n\n# Summary\n\nBenchmark ticket {i}.\n\n## Tasks\n- [ ] Task 1\n- [ ] Task 2\n- [ ] Task 3\n\n## Notes\n\nSome notes that make the body a realistic size for a ticket file in a repository.\n",
        i % 3 + 1
    )
}

/// The folder of generated ticket `i`.
pub fn folder(i: usize) -> &'static str {
    match i % 4 {
        0 => "todo",
        1 => "doing",
        _ => "done",
    }
}

/// A temporary project root with `n` tickets under `tickets/`.
pub fn generate(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["todo", "doing", "done"] {
        fs::create_dir_all(dir.path().join("tickets").join(f)).unwrap();
    }
    for i in 0..n {
        let path = dir
            .path()
            .join(format!("tickets/{}/{}.md", folder(i), ticket_id(i)));
        fs::write(path, ticket_text(i)).unwrap();
    }
    dir
}
