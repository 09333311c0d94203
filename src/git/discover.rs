//! Finding the working-tree root without opening the repository, for commands that only read
//! ticket files: libgit2's open reads and parses every config file (a fifth of a small
//! listing). Only the plain layouts are recognised — a `.git` folder, or the `.git` file of a
//! linked worktree — found the way git searches (upwards, stopping at ceiling directories and
//! at file-system boundaries); anything else (GIT_DIR and friends, `core.worktree`, a bare
//! repository, config includes or extensions, a repository owned by someone else) returns
//! `None` and libgit2 decides. A test compares the answer with libgit2's in many layouts.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

pub use crate::env::GitSearch as Search;

/// The root of the working tree around `search.cwd`, when the layout is plain.
pub fn quick_root(search: &Search) -> Option<PathBuf> {
    if search.explicit {
        return None;
    }
    let cwd = &search.cwd;
    if !cwd.is_absolute() || cwd.components().any(|c| c.as_os_str() == ".git") {
        return None;
    }
    // The search goes no higher than the longest ceiling above the working directory.
    let mut floor = 0;
    for ceiling in &search.ceilings {
        let Ok(ceiling) = ceiling.canonicalize() else {
            continue;
        };
        if cwd != &ceiling && cwd.starts_with(&ceiling) {
            floor = floor.max(ceiling.components().count());
        }
    }
    let device = fs::metadata(cwd).ok()?.dev();
    let mut dir: &Path = cwd;
    loop {
        let meta = fs::metadata(dir).ok()?;
        if meta.dev() != device {
            return None;
        }
        // A folder that is itself a repository (bare, or a git dir) is libgit2's case.
        if is_git_dir(dir) {
            return None;
        }
        let dot_git = dir.join(".git");
        match fs::symlink_metadata(&dot_git) {
            Ok(m) if m.is_dir() => {
                return (is_git_dir(&dot_git)
                    && m.uid() == search.uid
                    && meta.uid() == search.uid
                    && plain_config(&dot_git.join("config"))
                    && !dot_git.join("config.worktree").exists())
                .then(|| dir.to_path_buf());
            }
            Ok(m) if m.is_file() => {
                return (m.uid() == search.uid
                    && meta.uid() == search.uid
                    && linked_worktree(&dot_git, search.uid))
                .then(|| dir.to_path_buf());
            }
            Ok(_) => return None,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(_) => return None,
        }
        dir = dir.parent()?;
        if dir.components().count() <= floor {
            return None;
        }
    }
}

/// `HEAD`, `objects/` and `refs/`: what git requires of a repository folder.
fn is_git_dir(dir: &Path) -> bool {
    dir.join("HEAD").is_file() && dir.join("objects").is_dir() && dir.join("refs").is_dir()
}

/// A `.git` file pointing to a linked worktree's folder in the repository (`gitdir:` then
/// `commondir`), all plain and owned by the user.
fn linked_worktree(dot_git: &Path, uid: u32) -> bool {
    let Ok(text) = fs::read_to_string(dot_git) else {
        return false;
    };
    let Some(target) = text.strip_prefix("gitdir: ").map(str::trim_end) else {
        return false;
    };
    let base = dot_git.parent().unwrap_or(Path::new("/"));
    let git_dir = base.join(target);
    let Ok(common) = fs::read_to_string(git_dir.join("commondir")) else {
        return false;
    };
    let common = git_dir.join(common.trim_end());
    git_dir.join("HEAD").is_file()
        && is_git_dir(&common)
        && fs::metadata(&common).is_ok_and(|m| m.uid() == uid)
        && plain_config(&common.join("config"))
        && !git_dir.join("config.worktree").exists()
}

/// A repository config that moves nothing: no `core.worktree`, not bare, no includes or
/// extensions (libgit2 reads those).
fn plain_config(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    text.lines().all(|line| {
        let line = line.trim().to_ascii_lowercase();
        if line.starts_with('[') {
            return !(line.starts_with("[include") || line.starts_with("[extensions"));
        }
        match line.split_once('=') {
            Some((key, value)) => match key.trim() {
                "worktree" => false,
                "bare" => value.trim() == "false",
                _ => true,
            },
            // A key without a value is `true` (`bare` alone means bare).
            None => !matches!(line.as_str(), "bare" | "worktree"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;
    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) {
        let out = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@e")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@e")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// libgit2's answer for the same search (no environment variables involved).
    fn libgit2_root(cwd: &Path, ceilings: &[PathBuf]) -> Option<PathBuf> {
        let repo = git2::Repository::open_ext(
            cwd,
            git2::RepositoryOpenFlags::empty(),
            ceilings.iter().map(|p| p.as_os_str()),
        )
        .ok()?;
        Some(repo.workdir()?.components().collect())
    }

    #[test]
    fn agrees_with_libgit2_or_defers() {
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path().canonicalize().unwrap();
        let repo = top.join("repo");
        fs::create_dir_all(repo.join("a/b")).unwrap();
        git(&repo, &["init", "-q", "-b", "main"]);
        git(&repo, &["commit", "-q", "--allow-empty", "-m", "x"]);
        git(&repo, &["worktree", "add", "-q", "../wt", "-b", "wt"]);
        fs::create_dir_all(top.join("wt/deep/er")).unwrap();
        // A nested repository, a bare one, one with core.worktree, one with an include.
        let nested = repo.join("a/nested");
        fs::create_dir_all(&nested).unwrap();
        git(&nested, &["init", "-q"]);
        let bare = top.join("bare.git");
        fs::create_dir_all(&bare).unwrap();
        git(&bare, &["init", "-q", "--bare"]);
        let moved = top.join("moved");
        fs::create_dir_all(moved.join("sub")).unwrap();
        git(&moved, &["init", "-q"]);
        git(
            &moved,
            &[
                "config",
                "core.worktree",
                &top.join("elsewhere").to_string_lossy(),
            ],
        );
        let nothing = top.join("nothing");
        fs::create_dir_all(&nothing).unwrap();
        let uid = fs::metadata(&top).unwrap().uid();
        let cases: Vec<(PathBuf, Vec<PathBuf>)> = vec![
            (repo.clone(), vec![]),
            (repo.join("a/b"), vec![]),
            (repo.join("a/b"), vec![repo.join("a")]),
            (repo.join("a/b"), vec![top.clone()]),
            (top.join("wt/deep/er"), vec![]),
            (top.join("wt"), vec![top.clone()]),
            (nested.clone(), vec![]),
            (bare.clone(), vec![]),
            (bare.join("refs"), vec![]),
            (repo.join(".git/refs"), vec![]),
            (moved.join("sub"), vec![]),
            (nothing.clone(), vec![top.clone()]),
        ];
        let mut quick = 0;
        for (cwd, ceilings) in cases {
            let search = Search {
                cwd: cwd.clone(),
                ceilings: ceilings.clone(),
                uid,
                ..Search::default()
            };
            if let Some(root) = quick_root(&search) {
                quick += 1;
                assert_eq!(
                    Some(root),
                    libgit2_root(&cwd, &ceilings),
                    "{cwd:?} {ceilings:?}"
                );
            }
        }
        // The plain layouts took the quick path: repo (3), worktree (2), nested.
        assert_eq!(quick, 6);
        // Someone else's repository, and explicit variables, are libgit2's.
        let other = Search {
            cwd: repo.clone(),
            uid: uid + 1,
            ..Search::default()
        };
        assert_eq!(quick_root(&other), None);
        let explicit = Search {
            cwd: repo.clone(),
            explicit: true,
            uid,
            ..Search::default()
        };
        assert_eq!(quick_root(&explicit), None);
    }

    #[test]
    fn configs_that_move_things_are_not_plain() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("config");
        for (text, plain) in [
            (
                "[core]\n\trepositoryformatversion = 0\n\tbare = false\n",
                true,
            ),
            ("[core]\n\tbare = true\n", false),
            ("[core]\n\tbare\n", false),
            ("[core]\n\tworktree = /x\n", false),
            ("[include]\n\tpath = other\n", false),
            ("[includeIf \"gitdir:~/\"]\n\tpath = x\n", false),
            ("[extensions]\n\tobjectformat = sha256\n", false),
            ("[remote \"origin\"]\n\turl = x\n", true),
        ] {
            crate::fsutil::write_atomic(&path, text.as_bytes()).unwrap();
            assert_eq!(plain_config(&path), plain, "{text}");
        }
    }
}
