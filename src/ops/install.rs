//! Setting git-ticket up inside git, and taking it out again: the hook scripts of
//! `install-hooks` (a marker line tells them apart from anyone else's; a hook that was there
//! before is kept next to them and run first) and the merge driver (its `merge.ticket` config
//! and its `.gitattributes` line). Each touches only what is its own, and running one again
//! changes nothing more. Set-up files are written atomically, without the repository lock.

use std::path::{Path, PathBuf};

use super::Project;
use crate::error::{Error, ErrorCode};
use crate::fsutil;

/// The marker that identifies a hook script written by git-ticket.
pub const MARKER: &str = "# git-ticket hook";

/// The suffix an existing hook gets when git-ticket chains to it.
pub const CHAINED: &str = ".pre-git-ticket";

/// The merge driver's config section.
pub const DRIVER_SECTION: &str = "merge.ticket";

/// What happened to one hook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HookResult {
    /// Written; there was no hook.
    Installed,
    /// git-ticket's script was there and was rewritten.
    Updated,
    /// Written; the hook that was there is kept as `<hook>.pre-git-ticket` and runs first.
    Chained,
    /// git-ticket's script was removed.
    Removed,
    /// git-ticket's script was removed and the hook it ran first is back in its place.
    Restored,
    /// The hook is not git-ticket's: left as it is.
    NotOurs,
    /// There was nothing of git-ticket's.
    NotInstalled,
}

impl HookResult {
    /// The words shown for it (and its JSON `result`).
    pub fn note(self) -> &'static str {
        match self {
            HookResult::Installed => "installed",
            HookResult::Updated => "updated",
            HookResult::Chained => "installed (your existing hook runs first)",
            HookResult::Removed => "removed",
            HookResult::Restored => "removed (the hook that was there before is back)",
            HookResult::NotOurs => "not git-ticket's, left as it is",
            HookResult::NotInstalled => "not installed",
        }
    }
}

/// One hook's path and what happened to it.
#[derive(Clone, Debug)]
pub struct HookChange {
    /// The hook's name (`commit-msg`).
    pub hook: &'static str,
    /// Its file.
    pub path: PathBuf,
    /// What happened.
    pub result: HookResult,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error {
    let path = path.to_owned();
    move |source| Error::Io { path, source }
}

/// The script git-ticket writes for hook `name`.
fn hook_script(name: &str) -> String {
    let chained = format!("\"$hook_dir/{name}{CHAINED}\"");
    let body = if name == "pre-push" {
        format!(
            "input=$(cat)\nfeed() {{ if [ -n \"$input\" ]; then printf '%s\\n' \"$input\"; fi; }}\nif [ -x {chained} ]; then\n\tfeed | {chained} \"$@\" || exit $?\nfi\nfeed | git ticket hook {name} \"$@\"\n"
        )
    } else {
        format!(
            "if [ -x {chained} ]; then\n\t{chained} \"$@\" || exit $?\nfi\ngit ticket hook {name} \"$@\"\n"
        )
    };
    format!(
        "#!/bin/sh\n{MARKER} (git ticket install-hooks); runs {name}{CHAINED} first if present.\nhook_dir=$(dirname \"$0\")\ncommand -v git-ticket >/dev/null 2>&1 || exec true\n{body}"
    )
}

fn is_ours(path: &Path) -> Option<bool> {
    std::fs::read_to_string(path)
        .ok()
        .map(|text| text.contains(MARKER))
}

/// Writes the scripts of `hooks` into the repository's hooks folder (core.hooksPath is
/// honoured). A hook that is not git-ticket's is renamed to `<hook>.pre-git-ticket` and run
/// first by the new script; git-ticket's own scripts are rewritten.
pub fn install_hooks(project: &Project, hooks: &[&'static str]) -> Result<Vec<HookChange>, Error> {
    let hooks_dir = project.repo()?.hooks_dir()?;
    std::fs::create_dir_all(&hooks_dir).map_err(io_err(&hooks_dir))?;
    let mut changes = Vec::new();
    for &name in hooks {
        let path = hooks_dir.join(name);
        let result = match is_ours(&path) {
            Some(true) => HookResult::Updated,
            None => HookResult::Installed,
            Some(false) => {
                let kept = hooks_dir.join(format!("{name}{CHAINED}"));
                if kept.exists() {
                    return Err(Error::precondition(
                        ErrorCode::ValidationError,
                        "Cannot chain hook",
                        format!(
                            "{} exists and {} is taken too",
                            path.display(),
                            kept.display()
                        ),
                        &["Merge those two hooks by hand, then run install-hooks again"],
                    ));
                }
                std::fs::rename(&path, &kept).map_err(io_err(&path))?;
                HookResult::Chained
            }
        };
        fsutil::write_atomic(&path, hook_script(name).as_bytes()).map_err(io_err(&path))?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(io_err(&path))?;
        changes.push(HookChange {
            hook: name,
            path,
            result,
        });
    }
    Ok(changes)
}

/// Removes git-ticket's scripts of `hooks` and puts back the hooks they ran first (by one
/// rename each, so a hook is never missing in between). Hooks that are not git-ticket's are
/// left alone. An interrupted run is finished by running it again.
pub fn uninstall_hooks(
    project: &Project,
    hooks: &[&'static str],
) -> Result<Vec<HookChange>, Error> {
    let hooks_dir = project.repo()?.hooks_dir()?;
    let mut changes = Vec::new();
    for &name in hooks {
        let path = hooks_dir.join(name);
        let kept = hooks_dir.join(format!("{name}{CHAINED}"));
        let present = std::fs::symlink_metadata(&path).is_ok();
        let result = match (is_ours(&path), kept.exists()) {
            (Some(false), _) => HookResult::NotOurs,
            // git-ticket's script, or nothing left of it (an interrupted run): the kept
            // hook takes its place in one rename.
            (Some(true), true) => {
                std::fs::rename(&kept, &path).map_err(io_err(&kept))?;
                HookResult::Restored
            }
            (None, true) if !present => {
                std::fs::rename(&kept, &path).map_err(io_err(&kept))?;
                HookResult::Restored
            }
            (Some(true), _) => {
                std::fs::remove_file(&path).map_err(io_err(&path))?;
                HookResult::Removed
            }
            _ => HookResult::NotInstalled,
        };
        changes.push(HookChange {
            hook: name,
            path,
            result,
        });
    }
    Ok(changes)
}

/// The `.gitattributes` line of the merge driver for the project's ticket folder.
pub fn attributes_line(project: &Project) -> String {
    let dir = project.config.tickets.dir.trim_end_matches('/');
    format!("{dir}/**/*.md merge=ticket")
}

/// What `install-merge-driver --uninstall` removed.
#[derive(Clone, Debug)]
pub struct DriverRemoval {
    /// The `.gitattributes` line looked for.
    pub line: String,
    /// The `.gitattributes` file.
    pub path: PathBuf,
    /// The line was there and is gone.
    pub line_removed: bool,
    /// It was the file's only content: the file is gone too.
    pub file_removed: bool,
    /// The `merge.ticket` config section was there and is gone.
    pub config_removed: bool,
}

/// Removes the merge driver: its line from `.gitattributes` (every other line stays as it
/// was; a file left empty is removed) and the `merge.ticket` keys from the repository's own
/// config.
pub fn uninstall_merge_driver(project: &Project) -> Result<DriverRemoval, Error> {
    let line = attributes_line(project);
    let path = project.root.join(".gitattributes");
    let current = match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_err(&path)(e)),
    };
    let mut line_removed = false;
    let mut file_removed = false;
    if let Some(current) = current {
        let kept: String = current
            .split_inclusive('\n')
            .filter(|l| l.trim() != line)
            .collect();
        if kept.len() != current.len() {
            line_removed = true;
            if kept.trim().is_empty() {
                std::fs::remove_file(&path).map_err(io_err(&path))?;
                file_removed = true;
            } else {
                fsutil::write_atomic(&path, kept.as_bytes()).map_err(io_err(&path))?;
            }
        }
    }
    let config_removed = project
        .repo_with_git()?
        .remove_local_config_section(DRIVER_SECTION)
        .map_err(|err| Error::GitCommand {
            code: ErrorCode::RepositoryError,
            err,
            state: if line_removed {
                format!("The line was removed from {}", path.display())
            } else {
                "Nothing was changed".into()
            },
        })?;
    Ok(DriverRemoval {
        line,
        path,
        line_removed,
        file_removed,
        config_removed,
    })
}
