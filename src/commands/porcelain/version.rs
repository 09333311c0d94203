//! `git ticket version` (also `--version`, `-v`): needs neither a repository nor a config.

use std::io::{self, Write};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::Error;
use crate::output::{Outcome, Ui, write_json};

/// Show version information.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The `version` command.
pub struct Version;

/// The build's version, commit and time (commit and time: `GIT_TICKET_GIT_COMMIT` and
/// `GIT_TICKET_BUILD_TIME`, which `build.rs` takes from the git checkout it builds — the
/// commit, and `SOURCE_DATE_EPOCH` or the commit's time — or from the build's environment;
/// `unknown` when built from outside a checkout).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
const GIT_COMMIT: &str = match option_env!("GIT_TICKET_GIT_COMMIT") {
    Some(c) => c,
    None => "unknown",
};
const BUILD_TIME: &str = match option_env!("GIT_TICKET_BUILD_TIME") {
    Some(t) => t,
    None => "unknown",
};

impl Command for Version {
    const NAME: &'static str = "version";
    const SUMMARY: &'static str = "Show version information";
    const GROUP: Group = Group::Porcelain;
    const READS_CONFIG: bool = false;
    type Args = Args;

    fn run(_ctx: &mut Ctx<'_>, _ui: &mut Ui<'_>, _args: Args) -> Result<Box<dyn Outcome>, Error> {
        Ok(Box::new(VersionInfo))
    }
}

struct VersionInfo;

impl Outcome for VersionInfo {
    fn text(&self, out: &mut Ui<'_>) -> io::Result<()> {
        writeln!(out.w, "git-ticket version {VERSION}")?;
        if GIT_COMMIT != "unknown" {
            writeln!(out.w, "  Git commit: {GIT_COMMIT}")?;
            writeln!(out.w, "  Built at:   {BUILD_TIME}")?;
        }
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({ "build_time": BUILD_TIME, "git_commit": GIT_COMMIT, "version": VERSION }),
        )
    }
}
