//! The layering of `src/` (ARCHITECTURE.md), checked on the import graph of its files: no
//! circle of files, no import from a lower layer to a higher one, no direct use of the
//! standard streams outside the Ui, no libgit2 or process spawning outside the layers that
//! own them. Imports are read from the code (`crate::…`, `super::…`, `use` groups), test
//! modules and comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a file (module path without `crate::`): higher layers may import lower or
/// equal ones, never the reverse.
fn layer(module: &str) -> u8 {
    let top = module.split("::").next().unwrap_or_default();
    match top {
        "" | "main" | "app" => 6,
        "registry" => 5,
        "commands" | "ui" | "output" | "docs" | "tui" => 4,
        "ops" => 3,
        "error" | "exec" => 2,
        "ticket" | "git" | "config" | "trust" => 1,
        "env" | "fsutil" | "journal" | "lock" | "process" | "current" | "text" | "trace" => 0,
        other => panic!("src/{other}: no layer assigned; add it to this test and ARCHITECTURE.md"),
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every source file with its module path (`ticket::store`, `ops`, `` for lib.rs).
fn modules() -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src()).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            out.insert(parts.join("::"), p);
        }
    }
    out
}

/// The code of a file without comments, string contents and its test module.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    let mut out = String::new();
    for line in text.lines() {
        let line = match line.find("//") {
            Some(i) if !line[..i].contains('"') => &line[..i],
            _ => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    // Blank string literals: a message may mention a path like `crate::x`.
    let mut clean = String::with_capacity(out.len());
    let mut in_str = false;
    let mut prev = ' ';
    for c in out.chars() {
        if c == '"' && prev != '\\' && prev != '\'' {
            in_str = !in_str;
            clean.push(c);
        } else if !in_str {
            clean.push(c);
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    clean
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths named in `code`, resolved against module `module` (`super::`, `self::`).
fn imported_paths(module: &str, is_mod_file: bool, code: &str) -> Vec<Vec<String>> {
    let base: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(str::to_owned).collect()
    };
    // `super` of a file `a/b.rs` (module a::b) is `a`; of `a/mod.rs` (module a) also its parent.
    let parent = |b: &[String]| b[..b.len().saturating_sub(1)].to_vec();
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = |w: &str| {
            chars[i..].iter().take(w.len()).copied().eq(w.chars())
                && (i == 0 || !is_ident(chars[i - 1]))
        };
        let (root, skip) = if starts("crate::") {
            (Vec::new(), 7)
        } else if starts("super::") {
            let mut b = parent(&base);
            let mut skip = 7;
            while chars[i + skip..]
                .iter()
                .take(7)
                .copied()
                .eq("super::".chars())
            {
                b = parent(&b);
                skip += 7;
            }
            (b, skip)
        } else if starts("self::") && is_mod_file {
            (base.clone(), 6)
        } else {
            i += 1;
            continue;
        };
        i += skip;
        let (paths, next) = parse_tree(&chars, i, root);
        out.extend(paths);
        i = next;
    }
    out
}

/// Parses `a::b::{c, d::e}` from `i`, prefixed with `prefix`; returns the leaf paths.
fn parse_tree(chars: &[char], mut i: usize, prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut path = prefix;
    loop {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i < chars.len() && chars[i] == '{' {
            i += 1;
            let mut all = Vec::new();
            loop {
                while i < chars.len() && (chars[i].is_whitespace() || chars[i] == ',') {
                    i += 1;
                }
                if i >= chars.len() || chars[i] == '}' {
                    return (all, i + 1);
                }
                let (paths, next) = parse_tree(chars, i, path.clone());
                all.extend(paths);
                i = next;
                // Skip `as x` and anything up to the next separator.
                while i < chars.len() && chars[i] != ',' && chars[i] != '}' {
                    i += 1;
                }
            }
        }
        let start = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        if start == i {
            return (vec![path], i);
        }
        path.push(chars[start..i].iter().collect());
        if chars[i..].starts_with(&[':', ':']) {
            i += 2;
        } else {
            return (vec![path], i);
        }
    }
}

/// The file-level import graph: module → modules it imports.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let mut g = BTreeMap::new();
    for (m, path) in &mods {
        let is_mod = path.ends_with("mod.rs") || path.ends_with("lib.rs");
        let mut deps = BTreeSet::new();
        for p in imported_paths(m, is_mod, &code(path)) {
            // The longest prefix of the path that is a module file.
            let target = (1..=p.len())
                .rev()
                .map(|n| p[..n].join("::"))
                .find(|cand| mods.contains_key(cand));
            if let Some(t) = target
                && t != *m
                && !t.is_empty()
            {
                deps.insert(t);
            }
        }
        g.insert(m.clone(), deps);
    }
    g
}

#[test]
fn architecture_layers_point_one_way() {
    let g = graph();
    let mut upward = Vec::new();
    for (m, deps) in &g {
        for d in deps {
            if layer(d) > layer(m) {
                upward.push(format!(
                    "{m} (layer {}) imports {d} (layer {})",
                    layer(m),
                    layer(d)
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a lower layer up:\n{}",
        upward.join("\n")
    );
    // The graph is not empty: the parser finds the imports it is meant to find.
    assert!(
        g["ops::start"].contains("ops::guard"),
        "{:?}",
        g["ops::start"]
    );
    assert!(g["commands::porcelain::start"].contains("ops::start"));
    assert!(g["ops::recover"].contains("ops::plan"));
}

#[test]
fn architecture_has_no_circle_of_files() {
    let g = graph();
    // Depth-first search with colours; a grey node met again closes a circle.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        White,
        Grey,
        Black,
    }
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        mark: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        mark.insert(n.to_owned(), Mark::Grey);
        stack.push(n.to_owned());
        for d in &g[n] {
            match mark[d.as_str()] {
                Mark::Grey => {
                    let at = stack.iter().position(|s| s == d).unwrap();
                    let mut circle = stack[at..].to_vec();
                    circle.push(d.clone());
                    return Some(circle);
                }
                Mark::White => {
                    if let Some(c) = visit(d, g, mark, stack) {
                        return Some(c);
                    }
                }
                Mark::Black => {}
            }
        }
        stack.pop();
        mark.insert(n.to_owned(), Mark::Black);
        None
    }
    let mut mark: BTreeMap<String, Mark> = g.keys().map(|k| (k.clone(), Mark::White)).collect();
    for n in g.keys() {
        if mark[n.as_str()] == Mark::White
            && let Some(circle) = visit(n, &g, &mut mark, &mut Vec::new())
        {
            panic!("circle of files: {}", circle.join(" → "));
        }
    }
}

/// Files (relative to src/) whose code mentions `needle`, except those in `allowed`.
fn offenders(needles: &[&str], allowed: &[&str]) -> Vec<String> {
    modules()
        .values()
        .filter_map(|p| {
            let rel = p
                .strip_prefix(src())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if allowed.iter().any(|a| rel.starts_with(a)) {
                return None;
            }
            let text = code(p);
            let found: Vec<&str> = needles
                .iter()
                .copied()
                .filter(|n| text.contains(n))
                .collect();
            (!found.is_empty()).then(|| format!("{rel}: {}", found.join(", ")))
        })
        .collect()
}

#[test]
fn architecture_only_the_ui_touches_the_standard_streams() {
    let bad = offenders(
        &[
            "io::stdout(",
            "io::stderr(",
            "io::stdin(",
            "Stdio::inherit(",
            "println!",
            "print!(",
        ],
        // The terminal UI owns the terminal while it runs, in one file.
        &["ui.rs", "main.rs", "tui/terminal.rs"],
    );
    assert!(
        bad.is_empty(),
        "standard streams used outside the Ui:\n{}",
        bad.join("\n")
    );
    // Only that file of the UI: the rest of it draws into a frame and runs operations.
    let bad = offenders(
        &["crossterm::terminal", "crossterm::execute", "io::stdout("],
        &["tui/terminal.rs", "ui.rs", "main.rs"],
    );
    assert!(
        bad.is_empty(),
        "the terminal touched outside tui/terminal.rs:\n{}",
        bad.join("\n")
    );
}

#[test]
fn architecture_the_tui_starts_closes_and_creates_through_the_operations() {
    let g = graph();
    let session = &g["tui::session"];
    for op in ["ops::start", "ops::close", "ops::new"] {
        assert!(
            session.contains(op),
            "tui::session does not call {op}: {session:?}"
        );
    }
    // No git writes of its own: the UI reaches git through ops (reads through git::Repo).
    for m in g.keys().filter(|m| m.starts_with("tui")) {
        assert!(!g[m].contains("ops::tx"), "{m} commits by itself");
        assert!(!g[m].contains("ops::plan"), "{m} starts by itself");
    }
}

#[test]
fn architecture_only_the_git_layer_opens_libgit2_or_runs_git() {
    let bad = offenders(&["git2::"], &["git/"]);
    assert!(
        bad.is_empty(),
        "libgit2 used outside src/git:\n{}",
        bad.join("\n")
    );
    let bad = offenders(
        &["process::Command", "process::{"],
        &["git/", "process.rs", "ops/init_commands.rs"],
    );
    assert!(
        bad.is_empty(),
        "processes spawned outside their owners:\n{}",
        bad.join("\n")
    );
}

#[test]
fn architecture_command_files_stay_small() {
    let mut big = Vec::new();
    for (m, p) in modules() {
        if m.starts_with("commands::porcelain::") || m.starts_with("commands::plumbing::") {
            // The code, not its unit tests (they stay next to what they test).
            let text = fs::read_to_string(&p).unwrap();
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            let lines = code.lines().count();
            if lines > 300 {
                big.push(format!("{m}: {lines} lines"));
            }
        }
    }
    assert!(
        big.is_empty(),
        "command files over ~300 lines (move logic to ops/):\n{}",
        big.join("\n")
    );
}
