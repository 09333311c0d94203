//! Worktrees ready to run: the ignored files a build needs (`.env`, local configs) copied or
//! linked from the checkout `start` runs in into the new worktree.
//!
//! `.worktreeinclude` at the repository root (the convention of Claude Code, Codex,
//! Conductor and worktrunk; gitignore syntax) and the config's `worktree.include` name the
//! files: a file is copied only if it matches a pattern **and** git ignores it. Regular files
//! only, never through a symbolic link, never over a file the worktree already has. Folders
//! listed in `worktree.discardable` (build output such as `target/`, `node_modules/`) are not
//! searched unless a pattern names the folder itself. `worktree.link` symlinks a path into
//! the worktree instead (one shared copy). A pattern or path that leaves the repository
//! (`..`) is refused before anything changes. These are data, not commands: no trust needed.
//!
//! What was provisioned is recorded, with content hashes, in the worktree's git directory
//! ([`MANIFEST`]): cleanup may discard those files without `--force` while they are unchanged.

use std::path::{Component, Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::Project;
use crate::error::{Error, ErrorCode};
use crate::fsutil;
use crate::git::{Repo, blob_id};

/// The file at the repository root that names the ignored files to copy.
pub const INCLUDE_FILE: &str = ".worktreeinclude";

/// The record of what was provisioned, in a worktree's git directory: one line a path,
/// `copy <blob id> <path>` or `link <target> <path>` (tab-separated).
pub const MANIFEST: &str = "git-ticket-provisioned";

/// What to provision, checked before anything changes.
pub struct Rules {
    include: Option<Gitignore>,
    links: Vec<PathBuf>,
    source: PathBuf,
    discardable: Vec<String>,
}

/// What was provisioned into a worktree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provisioned {
    /// Files copied (relative paths).
    pub copied: Vec<PathBuf>,
    /// Paths symlinked to the source checkout's copy.
    pub linked: Vec<PathBuf>,
    /// Matching paths left out, and why (the worktree already has them, a link, …).
    pub skipped: Vec<(PathBuf, String)>,
}

/// Whether a relative path or pattern leaves the repository (`..`, an absolute path is
/// anchored at the root in gitignore syntax and stays inside).
fn escapes(path: &str) -> bool {
    Path::new(path.trim_start_matches('/'))
        .components()
        .any(|c| matches!(c, Component::ParentDir))
}

fn refuse(origin: &str, entry: &str) -> Error {
    Error::precondition(
        ErrorCode::ConfigInvalid,
        "Pattern leaves the repository",
        format!(
            "{origin}: '{entry}' names a path outside the repository; only files of this checkout are copied into a worktree"
        ),
        &[&format!(
            "Remove or fix that line of {origin} (patterns are relative to the repository root), then run the command again"
        )],
    )
}

/// Reads and checks `.worktreeinclude`, `worktree.include` and `worktree.link` of the
/// checkout at `project.root`; refuses an entry that leaves the repository.
pub fn rules(project: &Project) -> Result<Rules, Error> {
    let root = &project.root;
    let config = &project.config.worktree;
    let mut lines: Vec<(String, String)> = Vec::new();
    let file = root.join(INCLUDE_FILE);
    if let Ok(text) = std::fs::read_to_string(&file) {
        for (n, line) in text.lines().enumerate() {
            lines.push((format!("{INCLUDE_FILE}:{}", n + 1), line.to_owned()));
        }
    }
    for p in &config.include {
        lines.push(("worktree.include".into(), p.clone()));
    }
    let mut builder = GitignoreBuilder::new(root);
    for (origin, line) in &lines {
        let pattern = line.trim_end();
        if pattern.is_empty() || pattern.starts_with('#') {
            continue;
        }
        if escapes(pattern.trim_start_matches('!')) {
            return Err(refuse(origin, pattern));
        }
        builder
            .add_line(None, pattern)
            .map_err(|e| refuse(origin, &format!("{pattern} ({e})")))?;
    }
    let include = if lines.is_empty() {
        None
    } else {
        Some(
            builder
                .build()
                .map_err(|e| refuse(INCLUDE_FILE, &e.to_string()))?,
        )
    };
    let mut links = Vec::new();
    for l in &config.link {
        let rel = l.trim().trim_end_matches('/');
        if rel.is_empty() || Path::new(rel).is_absolute() || escapes(rel) {
            return Err(refuse("worktree.link", l));
        }
        links.push(PathBuf::from(rel));
    }
    Ok(Rules {
        include,
        links,
        source: root.clone(),
        discardable: config.discardable.clone(),
    })
}

impl Rules {
    /// Whether there is anything to provision.
    pub fn is_empty(&self) -> bool {
        self.include.is_none() && self.links.is_empty()
    }

    /// Copies and links into the worktree at `worktree` (see the module documentation) and
    /// records what it did there. `repo` is the source checkout's repository.
    pub fn apply(&self, repo: &Repo, worktree: &Path) -> Provisioned {
        let mut done = Provisioned::default();
        if self.is_empty() {
            return done;
        }
        let mut manifest = String::new();
        if let Some(include) = &self.include {
            for rel in self.candidates(repo, include) {
                match copy(&self.source, worktree, &rel) {
                    Ok(hash) => {
                        manifest.push_str(&format!("copy\t{hash}\t{}\n", rel.display()));
                        done.copied.push(rel);
                    }
                    Err(why) => done.skipped.push((rel, why)),
                }
            }
        }
        for rel in &self.links {
            match link(&self.source, worktree, rel) {
                Ok(target) => {
                    manifest.push_str(&format!("link\t{}\t{}\n", target.display(), rel.display()));
                    done.linked.push(rel.clone());
                }
                Err(why) => done.skipped.push((rel.clone(), why)),
            }
        }
        if !manifest.is_empty()
            && let Ok(wt) = Repo::open_path(worktree)
        {
            let _ = fsutil::write_atomic(&wt.git_dir().join(MANIFEST), manifest.as_bytes());
        }
        done
    }

    /// The ignored regular files of the source checkout that match the include patterns.
    fn candidates(&self, repo: &Repo, include: &Gitignore) -> Vec<PathBuf> {
        let matches =
            |rel: &Path, dir: bool| include.matched_path_or_any_parents(rel, dir).is_ignore();
        let mut out = Vec::new();
        for entry in repo.ignored_files().unwrap_or_default() {
            let is_dir = entry.ends_with('/');
            let rel = PathBuf::from(entry.trim_end_matches('/'));
            let Ok(meta) = std::fs::symlink_metadata(self.source.join(&rel)) else {
                continue;
            };
            if meta.is_file() {
                if matches(&rel, false) {
                    out.push(rel);
                }
            } else if is_dir && meta.is_dir() {
                let named = include.matched(&rel, true).is_ignore();
                if named || !self.discardable.iter().any(|d| discardable(d, &entry)) {
                    walk(&self.source, &rel, &mut |f| {
                        if named || matches(f, false) {
                            out.push(f.to_owned());
                        }
                    });
                }
            }
        }
        out.sort();
        out
    }
}

/// Calls `found` with every regular file under `dir` (relative to `root`), never following a
/// symbolic link and never entering another repository or worktree (a `.git` inside).
fn walk(root: &Path, dir: &Path, found: &mut dyn FnMut(&Path)) {
    let abs = root.join(dir);
    if abs.join(".git").exists() {
        return;
    }
    let Ok(read) = std::fs::read_dir(&abs) else {
        return;
    };
    let mut entries: Vec<_> = read.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let rel = dir.join(e.file_name());
        match e.file_type() {
            Ok(t) if t.is_file() => found(&rel),
            Ok(t) if t.is_dir() => walk(root, &rel, found),
            _ => {}
        }
    }
}

/// Whether some folder of `rel` inside `root` is a symbolic link (or not a folder).
fn through_link(root: &Path, rel: &Path) -> bool {
    let mut at = root.to_owned();
    for c in rel.parent().into_iter().flat_map(Path::components) {
        at.push(c);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return true,
            Err(_) => return false,
        }
    }
    false
}

/// Copies the regular file `rel` from `source` into `worktree`; its blob id.
fn copy(source: &Path, worktree: &Path, rel: &Path) -> Result<String, String> {
    if through_link(source, rel) || through_link(worktree, rel) {
        return Err("a folder on its path is a symbolic link".into());
    }
    let from = source.join(rel);
    let to = worktree.join(rel);
    if std::fs::symlink_metadata(&to).is_ok() {
        return Err("the worktree already has it".into());
    }
    let mut bytes = Vec::new();
    let mut file = fsutil::open_regular(&from, false).map_err(|e| e.to_string())?;
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| e.to_string())?;
    let mode = file.metadata().map_err(|e| e.to_string())?.permissions();
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    fsutil::create_exclusive(&to, &bytes).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => "the worktree already has it".to_owned(),
        _ => e.to_string(),
    })?;
    let _ = std::fs::set_permissions(&to, mode);
    Ok(blob_id(&bytes))
}

/// Symlinks `rel` of `worktree` to the same path of `source`; the link's target.
fn link(source: &Path, worktree: &Path, rel: &Path) -> Result<PathBuf, String> {
    let target = source.join(rel);
    let real = target
        .canonicalize()
        .map_err(|_| "it does not exist in this checkout".to_owned())?;
    let root = source.canonicalize().map_err(|e| e.to_string())?;
    if !real.starts_with(&root) {
        return Err("it leads out of the repository".into());
    }
    if through_link(worktree, rel) {
        return Err("a folder on its path is a symbolic link".into());
    }
    let to = worktree.join(rel);
    if std::fs::symlink_metadata(&to).is_ok() {
        return Err("the worktree already has it".into());
    }
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::os::unix::fs::symlink(&target, &to).map_err(|e| e.to_string())?;
    Ok(target)
}

/// Whether ignored path `path` (a folder ends with `/`) matches pattern `pattern`: a folder
/// (`target/`) anywhere, a path (`web/dist/`) from the root, or `*.ext` on the file name.
pub fn discardable(pattern: &str, path: &str) -> bool {
    if let Some(ext) = pattern.strip_prefix('*') {
        return path.trim_end_matches('/').ends_with(ext);
    }
    let name_matches = |p: &str| p == pattern || p.starts_with(pattern) && pattern.ends_with('/');
    if pattern.trim_end_matches('/').contains('/') {
        return name_matches(path);
    }
    // A bare name matches at any depth.
    let mut rest = path;
    loop {
        if name_matches(rest) {
            return true;
        }
        match rest.split_once('/') {
            Some((_, tail)) if !tail.is_empty() => rest = tail,
            _ => return false,
        }
    }
}

/// Whether the path `rel` (a file, or a folder ending in `/`) of the worktree at `worktree`
/// holds only what start provisioned, unchanged since: copies with the recorded content,
/// links to the recorded target. Cleanup discards those without `--force`.
pub fn unchanged(repo: &Repo, worktree: &Path, rel: &str) -> bool {
    let Ok(text) = std::fs::read_to_string(repo.git_dir().join(MANIFEST)) else {
        return false;
    };
    let records: Vec<(&str, &str, &str)> = text
        .lines()
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            Some((parts.next()?, parts.next()?, parts.next()?))
        })
        .collect();
    let same = |path: &str| {
        records.iter().any(|(kind, what, p)| {
            *p == path
                && match *kind {
                    "copy" => {
                        std::fs::read(worktree.join(p)).is_ok_and(|b| blob_id(&b) == *what)
                            && std::fs::symlink_metadata(worktree.join(p))
                                .is_ok_and(|m| m.is_file())
                    }
                    "link" => {
                        std::fs::read_link(worktree.join(p)).is_ok_and(|t| t == Path::new(what))
                    }
                    _ => false,
                }
        })
    };
    match rel.strip_suffix('/') {
        None => same(rel),
        Some(dir) => {
            if same(dir) {
                return true;
            }
            let mut all = true;
            let mut any = false;
            walk(worktree, Path::new(dir), &mut |f| {
                any = true;
                all &= same(&f.display().to_string());
            });
            any && all
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{discardable, escapes};

    #[test]
    fn patterns_that_leave_the_repository() {
        assert!(escapes("../secrets/.env"));
        assert!(escapes("config/../../x"));
        assert!(escapes("/../x"));
        assert!(!escapes(".env"));
        assert!(!escapes("/config/local.yaml"));
        assert!(!escapes("**/.env.*"));
        assert!(!escapes("a..b"));
    }

    #[test]
    fn discardable_patterns() {
        assert!(discardable("target/", "target/"));
        assert!(discardable("target/", "crates/x/target/"));
        assert!(discardable("node_modules/", "web/node_modules/"));
        assert!(discardable("*.pyc", "a/b.pyc"));
        assert!(discardable("web/dist/", "web/dist/"));
        assert!(!discardable("web/dist/", "other/web/dist/"));
        assert!(!discardable("target/", ".env"));
        assert!(!discardable("target/", "targets/"));
        assert!(!discardable("build/", "src/build.rs"));
    }
}
