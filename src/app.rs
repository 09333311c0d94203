//! Dispatch and rendering: finds the command in the registry, parses its arguments, runs it,
//! and renders the outcome or the error (miette diagnostic or JSON object) with one exit-code
//! policy. A closed stdout (`git ticket list | head`) ends quietly with status 0.

use std::ffi::OsString;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use serde::Serialize;

use crate::commands::porcelain::help::unknown_command;
use crate::config::ConfigError;
use crate::context::Ctx;
use crate::env::Env;
use crate::error::{EXIT_USAGE, Error, ErrorInfo};
use crate::output::{Format, Out};
use crate::registry;

/// Runs git-ticket with `args` (without the program name); returns the exit status.
pub fn run(env: &Env, args: &[OsString], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let mut stdout = io::BufWriter::new(stdout);
    let code = dispatch(env, args, &mut stdout, stderr);
    match stdout.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => 1,
        _ => code,
    }
}

fn dispatch(env: &Env, args: &[OsString], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let first = args.first().map(|a| a.to_string_lossy().into_owned());
    let (name, rest) = match first.as_deref() {
        None | Some("-h" | "--help") => ("help", args.get(1..).unwrap_or_default()),
        Some("-v" | "-V" | "--version") => ("version", &args[1..]),
        Some(n) => (n, &args[1..]),
    };
    let early_format = scan_format(env, rest);
    let Some(spec) = registry::find(name) else {
        return report_error(env, early_format, &unknown_command(name), stderr);
    };
    let argv = std::iter::once(OsString::from(spec.name)).chain(rest.iter().cloned());
    let matches = match spec.command().try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => return usage_error(env, early_format, e, stdout, stderr),
    };
    // `for-each-ticket --format` is a format string, not an output format.
    let format_flag = matches
        .try_get_one::<Format>("format")
        .ok()
        .flatten()
        .copied();
    let mut ctx = Ctx::new(env, format_flag);
    ctx.trace.note(|| format!("command: {}", spec.name));
    let result = spec.run(&mut ctx, &matches);
    for e in &ctx.errors {
        let _ = writeln!(stderr, "error: {e}");
    }
    for w in &ctx.warnings {
        let _ = writeln!(stderr, "warning: {w}");
    }
    let format = ctx.format();
    let code = match result {
        Ok(outcome) => {
            let render = std::time::Instant::now();
            let written = match format {
                Format::Text => {
                    let color = env.color(env.stdout_tty);
                    outcome.text(&mut Out { w: stdout, color })
                }
                Format::Json => outcome.json(stdout),
                Format::Ndjson => outcome.ndjson(stdout),
            };
            let _ = stdout.flush();
            let elapsed = render.elapsed();
            ctx.trace
                .note(|| format!("render: {:.3} ms", elapsed.as_secs_f64() * 1000.0));
            match written {
                Ok(()) => outcome.exit_code(),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
                Err(e) => {
                    let _ = writeln!(stderr, "error: cannot write output: {e}");
                    1
                }
            }
        }
        Err(e) => report_error(env, format, &e, stderr),
    };
    ctx.trace.report(stderr);
    code
}

/// The format to use for errors found before the command's own parser has run: `--format`
/// or `-o` as written on the command line, else the environment.
fn scan_format(env: &Env, args: &[OsString]) -> Format {
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
        .or_else(|| env.output_format.as_deref().and_then(Format::parse))
        .unwrap_or(Format::Text)
}

fn usage_error(
    env: &Env,
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
        let details = e.to_string();
        let details = details
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches("error: ");
        let info = ErrorInfo {
            code: "VALIDATION_ERROR",
            message,
            details: Some(details.to_owned()),
            suggestions: vec!["Run the command with -h to see its usage".into()],
            exit: EXIT_USAGE,
        };
        return write_json_error(&info, stderr);
    }
    let rendered = if env.color(env.stderr_tty) {
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
                code: info.code,
                message: &info.message,
                details: info.details.as_deref(),
                suggestions: &info.suggestions,
            },
        },
    );
    info.exit
}

fn report_error(env: &Env, format: Format, e: &Error, stderr: &mut dyn Write) -> u8 {
    let info = e.info();
    if format != Format::Text {
        return write_json_error(&info, stderr);
    }
    let diagnostic = Diag::new(&info, e);
    let theme = if env.color(env.stderr_tty) {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut rendered = String::new();
    match GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .render_report(&mut rendered, &diagnostic)
    {
        Ok(()) => {
            let _ = write!(stderr, "{rendered}");
        }
        Err(_) => {
            let _ = writeln!(stderr, "error: {}", info.message);
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
        if let Some(d) = info.details.as_ref().filter(|d| **d != info.message) {
            message.push_str(": ");
            message.push_str(d);
        }
        let help = (!info.suggestions.is_empty()).then(|| info.suggestions.join("\n"));
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
