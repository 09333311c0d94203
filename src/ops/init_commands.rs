//! Running `worktree.init_commands` in a new worktree: each with `sh -c` (so `a && b`
//! works) and its own timeout, its output shown as it comes when the [`Ui`] wants it, else
//! captured for the report. Only ever called for a trusted config.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::Ui;
use crate::process::{self, Output};

/// The result of one init command.
#[derive(Debug, Clone, Serialize)]
pub struct InitCommand {
    /// The command line.
    pub command: String,
    /// Whether it exited with status 0.
    pub success: bool,
    /// Its exit status, when it exited.
    pub exit_code: Option<i32>,
    /// Whether it was killed at its deadline.
    pub timed_out: bool,
    /// Its captured output (stdout then stderr), trimmed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub output: String,
}

/// Runs each command with `sh -c` in `dir`, each with its own timeout.
pub fn run(
    commands: &[String],
    dir: &Path,
    timeout: Duration,
    ui: &mut dyn Ui,
) -> Vec<InitCommand> {
    commands
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| {
            let output = match ui.child_output(c) {
                Some((out, err)) => Output::To(out, err),
                None => Output::Capture,
            };
            let mut cmd = std::process::Command::new("sh");
            cmd.arg("-c")
                .arg(c)
                .current_dir(dir)
                .env_remove("GIT_DIR")
                .env_remove("GIT_WORK_TREE")
                .env_remove("GIT_INDEX_FILE");
            match process::run(&mut cmd, timeout, output) {
                Ok(done) => {
                    let mut output = String::from_utf8_lossy(&done.stdout).into_owned();
                    output.push_str(&String::from_utf8_lossy(&done.stderr));
                    InitCommand {
                        command: c.clone(),
                        success: done.success(),
                        exit_code: done.status.and_then(|s| s.code()),
                        timed_out: done.status.is_none(),
                        output: output.trim().to_owned(),
                    }
                }
                Err(e) => InitCommand {
                    command: c.clone(),
                    success: false,
                    exit_code: None,
                    timed_out: false,
                    output: format!("cannot run sh: {e}"),
                },
            }
        })
        .collect()
}
