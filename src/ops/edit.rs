//! Opening a ticket in the person's editor, chosen as git chooses it: `GIT_EDITOR`, then
//! `core.editor`, then `VISUAL`, then `EDITOR`, then `vi`. The editor runs through the shell,
//! so `EDITOR="code -w"` works. Never under the repository lock: a person may edit for an
//! hour while other commands run.

use std::path::Path;
use std::process::Stdio;

use super::Project;
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::ticket::format::parse_meta;

/// The editor command line, as git picks it.
pub fn editor(env: &Env, project: &Project) -> String {
    let config = || {
        project
            .repo()
            .ok()
            .and_then(|r| r.config_string("core.editor"))
    };
    env.git_editor
        .clone()
        .or_else(config)
        .or_else(|| env.visual.clone())
        .or_else(|| env.editor.clone())
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Opens ticket `id`'s file `path` in the editor, with the standard streams `stdio`. A
/// failing editor is an error that says the ticket is there and how to edit it by hand. A
/// file that no longer parses afterwards is reported in the returned warning.
pub fn edit(
    env: &Env,
    project: &Project,
    id: &str,
    path: &Path,
    stdio: (Stdio, Stdio, Stdio),
) -> Result<Option<String>, Error> {
    let editor = editor(env, project);
    let failed = |why: String| {
        Error::precondition(
            ErrorCode::EditorFailed,
            "Editor failed",
            format!(
                "ticket {id} is created at {}, but the editor '{editor}' {why}",
                path.display()
            ),
            &[
                &format!("Edit the ticket by hand: $EDITOR {}", path.display()),
                "Choose the editor with GIT_EDITOR, git config core.editor, VISUAL or EDITOR",
            ],
        )
    };
    match crate::process::edit(&editor, path, stdio) {
        Err(e) => return Err(failed(format!("could not be started ({e})"))),
        Ok(status) if !status.success() => {
            let how = status
                .code()
                .map_or("was killed by a signal".to_owned(), |c| {
                    format!("exited with status {c}")
                });
            return Err(failed(how));
        }
        Ok(_) => {}
    }
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(parse_meta(&text).err().map(|e| {
        format!(
            "{}: {e}; the ticket is skipped by list until the header is fixed (git ticket fsck shows it)",
            path.display()
        )
    }))
}
