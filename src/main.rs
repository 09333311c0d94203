//! The `git-ticket` binary: argv → registry → run → render → exit code (see `app::run`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut env = git_ticket::env::Env::from_process();
    git_ticket::ui::detect_terminals(&mut env);
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let stdout = std::io::stdout();
    // stderr is not held locked: streaming readers on other threads report bad files too.
    let mut stderr = std::io::stderr();
    ExitCode::from(git_ticket::app::run(
        &env,
        &args,
        &mut stdout.lock(),
        &mut stderr,
    ))
}
