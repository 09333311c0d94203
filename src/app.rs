//! Dispatch and rendering: finds the command in the registry, parses its arguments, runs it,
//! and renders the outcome or the error (miette diagnostic or JSON object) with one exit-code
//! policy. A closed stdout (`git ticket list | head`) ends quietly with status 0.

use std::ffi::OsString;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use serde::Serialize;

use crate::commands::Logging;
use crate::commands::porcelain::help::unknown_command;
use crate::commands::{Ctx, Group};
use crate::config::{Config, ConfigError};
use crate::env::Env;
use crate::error::{EXIT_USAGE, Error, ErrorCode, ErrorInfo};
use crate::git::settings;
use crate::output::{Format, Ui};
use crate::registry;
use crate::trace::Trace;
use crate::ui::{ColorWhen, Paged, TermFlags, Terminal};

/// Runs git-ticket with `args` (without the program name); returns the exit status.
pub fn run(env: &Env, args: &[OsString], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let mut paged = Paged::new(stdout);
    let mut stdout = io::BufWriter::new(&mut paged);
    let code = dispatch(env, args, &mut stdout, stderr);
    let code = match stdout.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => 1,
        _ => code,
    };
    drop(stdout);
    // The pager has all the output; the run ends when the person quits it.
    paged.finish();
    code
}

type Stdout<'a, 'b> = io::BufWriter<&'a mut Paged<'b>>;

fn dispatch(
    env: &Env,
    args: &[OsString],
    stdout: &mut Stdout<'_, '_>,
    stderr: &mut dyn Write,
) -> u8 {
    // Global options may come before the command, as in git (`git ticket -o json list`,
    // `git ticket -C dir list`).
    let all_args = args;
    let (leading, dirs, at) = match split_leading(args) {
        Ok(split) => split,
        Err(msg) => {
            let format = resolve_format(env, scan_format(args), None);
            return report_error(&early(env, args), format, &Error::Usage(msg), stderr);
        }
    };
    let moved;
    let env = if dirs.is_empty() {
        env
    } else {
        match change_dir(env, &dirs) {
            Ok(e) => {
                moved = e;
                &moved
            }
            Err(msg) => {
                let format = resolve_format(env, scan_format(args), None);
                return report_error(&early(env, args), format, &Error::Usage(msg), stderr);
            }
        }
    };
    let args = &args[at..];
    let first = args.first().map(|a| a.to_string_lossy().into_owned());
    let (name, rest) = match first.as_deref() {
        // Bare `git ticket` (or `ticketflow`): the terminal UI on a terminal, else the usage
        // on stderr and a usage error.
        None if env.stdin_tty && env.stdout_tty => ("tui", args),
        None => {
            let help = [OsString::from("help")];
            // The usage goes to stderr: never paged, whatever stdout is.
            let plain = Env {
                stdout_tty: false,
                ..env.clone()
            };
            let mut usage = Vec::new();
            let mut paged = Paged::new(&mut usage);
            let code = dispatch(
                &plain,
                &help,
                &mut io::BufWriter::new(&mut paged),
                &mut io::sink(),
            );
            drop(paged);
            let _ = stderr.write_all(&usage);
            return if code == 0 { EXIT_USAGE } else { code };
        }
        Some("-h" | "--help") => ("help", args.get(1..).unwrap_or_default()),
        Some("-v" | "-V" | "--version") => ("version", &args[1..]),
        Some(n) => (n, &args[1..]),
    };
    let Some(spec) = registry::find(name) else {
        let format = resolve_format(env, scan_format(rest), None);
        return report_error(
            &early(env, args),
            format,
            &unknown_command(registry::COMMANDS, name),
            stderr,
        );
    };
    // One parse of the whole command line: the global options, then the subcommand's.
    let cli = crate::commands::command_line(spec);
    // TicketFlow's `worktree` reads its subcommand's flags only after `--` (`worktree -- list
    // --format json`, its users' only way to get JSON): for a command with subcommands the
    // first `--` is dropped, so that spelling and the plain one both work.
    let mut drop_dash_dash = cli
        .find_subcommand(spec.name)
        .is_some_and(clap::Command::has_subcommands);
    let args = rest.iter().filter(|a| {
        let dropped = drop_dash_dash && *a == "--";
        drop_dash_dash &= !dropped;
        !dropped
    });
    let argv = ["git-ticket", spec.name]
        .into_iter()
        .map(OsString::from)
        .chain(leading.iter().cloned())
        .chain(args.cloned());
    let matches = match cli.try_get_matches_from(argv) {
        Ok(mut m) => m
            .remove_subcommand()
            .map(|(_, sub)| sub)
            .unwrap_or_default(),
        Err(mut e) => {
            // The usage line of the command as its help shows it: clap's names the options
            // given (a global one before the command) in place of `[OPTIONS]`.
            use clap::error::{ContextKind, ContextValue};
            if e.get(ContextKind::Usage).is_some() {
                let mut top = crate::commands::command_line(spec);
                top.build();
                if let Some(sub) = top.find_subcommand_mut(spec.name) {
                    e.insert(
                        ContextKind::Usage,
                        ContextValue::StyledStr(sub.render_usage()),
                    );
                }
            }
            let format = resolve_format(env, scan_format(rest), None);
            return usage_error(&early(env, all_args), format, e, stdout, stderr);
        }
    };
    // `for-each-ticket --format` is a format string of its own, not the global option.
    let flag = matches
        .try_get_one::<Format>("format")
        .ok()
        .flatten()
        .copied();
    let logging = Logging::from_matches(&matches);
    let mut ctx = Ctx::new(env, spec.exec, registry::COMMANDS);
    if logging.trace() {
        ctx.trace = Trace::new(true);
    }
    ctx.trace.note(|| format!("command: {}", spec.name));
    // The format is resolved once, after the config is loaded (its
    // `output.default_format` counts when neither the flag nor the environment decide).
    // Plumbing output is a promise to scripts and hooks: only an explicit flag changes it.
    let env_format = env.output_format.as_deref().and_then(Format::parse);
    ctx.format = if spec.group == Group::Plumbing {
        flag.unwrap_or(Format::Text)
    } else {
        let config = if flag.is_none() && env_format.is_none() && spec.reads_config {
            ctx.try_project().map(|p| &p.config)
        } else {
            None
        };
        resolve_format(env, flag, config)
    };
    let format = ctx.format;
    // Colour and pager, decided once: git config is read only when it can change them.
    let term = {
        let parameters = &env.config_parameters;
        // Commands that read no config (help, version…) do not open the repository for it:
        // the user's and system's git config and `git -c` count there.
        let reads_config = spec.reads_config;
        let mut settings = || {
            let repo = reads_config
                .then(|| ctx.try_project().and_then(|p| p.repo().ok()))
                .flatten();
            settings::term_settings(repo, parameters)
        };
        Terminal::decide(
            env,
            crate::commands::term_flags(&matches),
            format == Format::Text,
            spec.paged,
            &mut settings,
        )
    };
    stdout.get_mut().page_with(term.pager.clone());
    let mut ui = Ui::new(env, &term, format == Format::Text, stdout, stderr);
    let result = spec.run(&mut ctx, &mut ui, &matches);
    ui.flush_messages();
    let code = match result {
        Ok(outcome) => {
            let render = std::time::Instant::now();
            let written = outcome.render(format, &mut ui);
            let _ = ui.w.flush();
            let elapsed = render.elapsed();
            ctx.trace
                .note(|| format!("render: {:.3} ms", elapsed.as_secs_f64() * 1000.0));
            match written {
                Ok(()) => outcome.exit_code(),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
                Err(e) => {
                    let _ = writeln!(ui.stderr(), "error: cannot write output: {e}");
                    1
                }
            }
        }
        Err(e) => report_error(&term, format, &e, ui.stderr()),
    };
    report_trace(&ctx.trace, &logging, ui.stderr());
    code
}

/// Writes the trace (when on) where the logging options say: stderr by default, or appended
/// to the `--log-output` file; `trace: ` lines, or JSON lines with `--log-format json`.
/// Never to stdout.
fn report_trace(trace: &Trace, logging: &Logging, stderr: &mut dyn Write) {
    let messages = trace.messages();
    if messages.is_empty() {
        return;
    }
    #[derive(Serialize)]
    struct Line<'a> {
        level: &'a str,
        msg: &'a str,
    }
    let mut out = Vec::new();
    for msg in &messages {
        if logging.json() {
            let _ = crate::output::to_writer_compact(
                &mut out,
                &Line {
                    level: "DEBUG",
                    msg,
                },
            );
            out.push(b'\n');
        } else {
            let _ = writeln!(out, "trace: {msg}");
        }
    }
    match logging.file() {
        Some(path) => {
            if let Err(e) = crate::fsutil::append(path, &out) {
                let _ = writeln!(
                    stderr,
                    "warning: cannot write the log to {}: {e}",
                    path.display()
                );
            }
        }
        None => {
            let _ = stderr.write_all(&out);
        }
    }
}

/// Global options before the command name: those handed on to the command's parse, the
/// folders of `-C` (in order), and the index of the command name.
fn split_leading(
    args: &[OsString],
) -> Result<(Vec<OsString>, Vec<std::path::PathBuf>, usize), String> {
    const WITH_VALUE: [&str; 5] = [
        "-o",
        "--format",
        "--log-level",
        "--log-format",
        "--log-output",
    ];
    const FLAGS: [&str; 4] = ["--color", "--no-color", "--no-pager", "--paginate"];
    let (mut pass, mut dirs, mut i) = (Vec::new(), Vec::new(), 0);
    while let Some(arg) = args.get(i) {
        let a = arg.to_string_lossy();
        if !a.starts_with('-') || matches!(a.as_ref(), "-h" | "--help" | "-v" | "-V" | "--version")
        {
            break;
        }
        let value = || {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("option '{a}' needs a value. See 'git ticket help'."))
        };
        if a == "-C" {
            dirs.push(std::path::PathBuf::from(value()?));
            i += 2;
        } else if let Some(dir) = a.strip_prefix("-C") {
            dirs.push(std::path::PathBuf::from(dir));
            i += 1;
        } else if FLAGS.contains(&a.as_ref()) || a.starts_with("--color=") {
            pass.push(arg.clone());
            i += 1;
        } else if WITH_VALUE.contains(&a.as_ref()) {
            pass.extend([arg.clone(), value()?]);
            i += 2;
        } else if WITH_VALUE
            .iter()
            .any(|o| a.starts_with(&format!("{o}=")) || (o.len() == 2 && a.starts_with(o)))
        {
            pass.push(arg.clone());
            i += 1;
        } else {
            return Err(format!(
                "unknown option '{a}' before the command. See 'git ticket help'."
            ));
        }
    }
    Ok((pass, dirs, i))
}

/// Runs in the folder `-C` names (each relative to the one before, as in git): the process
/// changes its working directory, as git does for `git -C`.
fn change_dir(env: &Env, dirs: &[std::path::PathBuf]) -> Result<Env, String> {
    let target = dirs
        .iter()
        .fold(env.git_search.cwd.clone(), |at, d| at.join(d));
    std::env::set_current_dir(&target)
        .map_err(|e| format!("cannot change to '{}': {e}", target.display()))?;
    let mut moved = env.clone();
    moved.git_search.cwd = target.canonicalize().unwrap_or(target);
    Ok(moved)
}

/// The output format: the flag, else `TICKETFLOW_OUTPUT_FORMAT`, else the config's
/// `output.default_format`, else text. The one place the format is decided.
fn resolve_format(env: &Env, flag: Option<Format>, config: Option<&Config>) -> Format {
    flag.or_else(|| env.output_format.as_deref().and_then(Format::parse))
        .or_else(|| Format::parse(&config?.output.default_format))
        .unwrap_or(Format::Text)
}

/// `--format` or `-o` as written on a command line that could not be parsed (for the
/// format of the error that says so).
fn scan_format(args: &[OsString]) -> Option<Format> {
    let mut found = None;
    let mut iter = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = iter.next() {
        let value = match a.as_ref() {
            "--" => break,
            "--format" | "-o" => iter.next().map(|v| v.into_owned()),
            s => s
                .strip_prefix("--format=")
                .or_else(|| s.strip_prefix("-o="))
                .or_else(|| s.strip_prefix("-o"))
                .map(str::to_owned),
        };
        if let Some(f) = value.as_deref().and_then(Format::parse) {
            found = Some(f);
        }
    }
    found
}

fn usage_error(
    term: &Terminal,
    format: Format,
    e: clap::Error,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = write!(stdout, "{}", e.render());
        return 0;
    }
    if format == Format::Json {
        let message = e
            .kind()
            .as_str()
            .map_or_else(|| e.to_string(), str::to_owned);
        // clap's first paragraph, on one line: "the following required arguments were not
        // provided: <TICKET>" (its first line alone ends with a colon).
        let text = e.to_string();
        let paragraph: Vec<&str> = text
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .map(str::trim)
            .collect();
        let details = paragraph.join(" ");
        let details = details.trim_start_matches("error: ");
        let info = ErrorInfo {
            code: ErrorCode::ValidationError,
            message,
            details: Some(details.to_owned()),
            suggestions: vec!["Run the command with -h to see its usage".into()],
            exit: EXIT_USAGE,
        };
        return write_json_error(&info, stderr);
    }
    let rendered = if term.color_err {
        e.render().ansi().to_string()
    } else {
        e.render().to_string()
    };
    let _ = write!(stderr, "{rendered}");
    EXIT_USAGE
}

#[derive(Serialize)]
struct JsonError<'a> {
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    suggestions: &'a [String],
}

fn write_json_error(info: &ErrorInfo, stderr: &mut dyn Write) -> u8 {
    #[derive(Serialize)]
    struct Wrapper<'a> {
        error: JsonError<'a>,
    }
    let _ = crate::output::write_json(
        stderr,
        &Wrapper {
            error: JsonError {
                code: info.code.as_str(),
                message: &info.message,
                details: info.details.as_deref(),
                suggestions: &info.suggestions,
            },
        },
    );
    info.exit
}

/// The terminal of a run that failed before its command line was parsed: the colour options
/// found in `args`, `git -c` and the user's git config.
fn early(env: &Env, args: &[OsString]) -> Terminal {
    let flags = TermFlags {
        color: scan_color(args),
        pager: None,
    };
    let mut settings = || settings::term_settings(None, &env.config_parameters);
    Terminal::decide(env, flags, true, false, &mut settings)
}

/// `--color[=<when>]` or `--no-color` as written on a command line that could not be parsed
/// (the last one counts).
fn scan_color(args: &[OsString]) -> Option<ColorWhen> {
    let mut found = None;
    for a in args.iter().map(|a| a.to_string_lossy()) {
        match a.as_ref() {
            "--" => break,
            "--no-color" => found = Some(ColorWhen::Never),
            "--color" => found = Some(ColorWhen::Always),
            s => {
                if let Some(v) = s.strip_prefix("--color=") {
                    found = <ColorWhen as clap::ValueEnum>::from_str(v, false)
                        .ok()
                        .or(found);
                }
            }
        }
    }
    found
}

fn report_error(term: &Terminal, format: Format, e: &Error, stderr: &mut dyn Write) -> u8 {
    let info = e.info();
    if matches!(format, Format::Json | Format::Ndjson) {
        return write_json_error(&info, stderr);
    }
    let diagnostic = Diag::new(&info, e);
    let theme = if term.color_err {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut rendered = String::new();
    // Lines are not wrapped (as git's messages): a suggested command stays on one line, whole
    // for copying; the terminal folds what is wider than itself.
    match GraphicalReportHandler::new_themed(theme)
        .with_wrap_lines(false)
        .render_report(&mut rendered, &diagnostic)
    {
        Ok(()) => {
            let _ = write!(stderr, "{rendered}");
        }
        Err(_) => {
            let _ = writeln!(stderr, "error: {}", crate::ui::safe(&info.message));
        }
    }
    info.exit
}

/// An error as a miette diagnostic: message and details, code, suggestions as help, and a
/// source snippet for configuration errors.
#[derive(Debug)]
struct Diag {
    message: String,
    /// Shown as the diagnostic's header: `error[CODE]`.
    code: String,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    label: Option<LabeledSpan>,
}

impl Diag {
    fn new(info: &ErrorInfo, e: &Error) -> Diag {
        let mut message = info.message.clone();
        if let Some(d) = &info.details {
            // Details that repeat the message ("ticket system not initialized: …") say it once.
            let lower = info.message.to_lowercase();
            let d_lower = d.to_lowercase();
            let d = match d_lower.strip_prefix(&lower) {
                Some("") => "",
                Some(rest) if rest.starts_with(": ") => {
                    d.get(info.message.len() + 2..).unwrap_or(d)
                }
                _ => d,
            };
            if !d.is_empty() {
                message.push_str(": ");
                message.push_str(d);
            }
        }
        let message = crate::ui::safe(&message).into_owned();
        let help = (!info.suggestions.is_empty())
            .then(|| crate::ui::safe(&info.suggestions.join("\n")).into_owned());
        let (mut source, mut label) = (None, None);
        if let Error::Config(ConfigError::Invalid {
            path,
            line: Some(line),
            reason,
            text,
            ..
        }) = e
            && let Some(span) = line_span(text, *line)
        {
            source = Some(NamedSource::new(path.display().to_string(), text.clone()));
            label = Some(LabeledSpan::at(span, reason.clone()));
        }
        Diag {
            message,
            code: format!("error[{}]", info.code),
            help,
            source,
            label,
        }
    }
}

fn line_span(text: &str, line: usize) -> Option<std::ops::Range<usize>> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let len = text.get(start..)?.lines().next()?.len();
    Some(start..start + len)
}

impl std::fmt::Display for Diag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
}
