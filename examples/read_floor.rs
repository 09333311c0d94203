//! The physical floor for `list --status all`: a plain single-threaded program that only
//! opens and reads the same ticket files (no parsing, no output but a byte count). The
//! whole-process benchmark (`benches/list.sh`) compares git-ticket against it.

use std::io::Read;
use std::path::Path;

fn main() {
    let root = std::env::args_os().nth(1).unwrap_or_else(|| ".".into());
    let mut total = 0usize;
    let mut buf = Vec::new();
    for folder in ["todo", "doing", "done"] {
        let dir = Path::new(&root).join("tickets").join(folder);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            buf.clear();
            if let Ok(mut f) = std::fs::File::open(e.path()) {
                total += f.read_to_end(&mut buf).unwrap_or(0);
            }
        }
    }
    std::process::exit(i32::from(total == 0));
}
