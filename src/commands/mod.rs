//! The CLI front end: one module per subcommand (porcelain and plumbing side by side), each an
//! `Args` struct, one call into `crate::ops` (or a read of the store) and its rendering.
//! This module holds what every command shares: the [`Command`] trait a command implements,
//! its erased form [`Spec`] (the registry lists those), the global options parsed once for
//! all commands, and the [`Ctx`] a command runs in.

pub mod complete;
pub mod pflag;
pub mod placeholders;
pub mod plumbing;
pub mod porcelain;
pub mod view;

use clap::{ArgMatches, Args as _, FromArgMatches};

use crate::env::Env;
use crate::error::Error;
use crate::exec::Exec;
use crate::ops::Project;
use crate::output::{Format, Outcome, Ui};
use crate::trace::Trace;

/// Porcelain (people and agents) or plumbing (scripts and hooks), as git splits its commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Human- and agent-facing verbs; text output may change, `--format json` is stable.
    Porcelain,
    /// Small, stable, script-friendly verbs whose output is a documented promise.
    Plumbing,
}

impl Group {
    /// Heading used by `help -a`.
    pub fn heading(self) -> &'static str {
        match self {
            Group::Porcelain => "Main porcelain commands",
            Group::Plumbing => "Low-level commands (plumbing)",
        }
    }
}

/// The options every command takes, declared once on the top-level command (before or
/// after the subcommand name, as clap propagates them).
#[derive(Clone, Debug, Default, clap::Args)]
pub struct GlobalArgs {
    /// Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]
    #[arg(
        short = 'o',
        long,
        value_enum,
        value_name = "FORMAT",
        global = true,
        display_order = 998
    )]
    pub format: Option<Format>,
    /// Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "always",
        global = true,
        display_order = 998
    )]
    pub color: Option<crate::ui::ColorWhen>,
    /// No colour (--color=never)
    #[arg(long, global = true, display_order = 998)]
    pub no_color: bool,
    /// Do not page long output on a terminal
    #[arg(long, global = true, display_order = 998)]
    pub no_pager: bool,
    /// Page the output on a terminal, also of commands that do not by default
    #[arg(long, global = true, display_order = 998, conflicts_with = "no_pager")]
    pub paginate: bool,
    /// TicketFlow's logging flags (`--log-level`, `--log-format`, `--log-output`), accepted
    /// by every command so that TicketFlow's command lines keep working; see [`Logging`].
    #[command(flatten)]
    pub logging: Logging,
}

/// TicketFlow's logging flags, mapped onto git-ticket's diagnostics: `--log-level debug`
/// turns on the trace (`GIT_TICKET_TRACE`), written at the end of the run to stderr or
/// appended to the `--log-output` file, as text lines or, with `--log-format json`, one JSON
/// object a line. The other levels add nothing (warnings and errors always go to stderr).
/// Nothing ever goes to stdout: `--log-output stdout` means stderr, so JSON output stays
/// parseable. Hidden from the help: they exist for TicketFlow's scripts.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct Logging {
    /// Log level: debug turns on the trace; info, warn, error add nothing
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "LEVEL",
        global = true,
        hide = true
    )]
    pub log_level: Option<LogLevel>,
    /// Log format: json writes the trace as JSON lines; anything else, text
    #[arg(long, value_name = "FORMAT", global = true, hide = true)]
    pub log_format: Option<String>,
    /// Where the trace goes: stderr (also for stdout), or a file it is appended to
    #[arg(long, value_name = "OUTPUT", global = true, hide = true)]
    pub log_output: Option<String>,
}

/// The terminal options of a parsed command line (`--color`, `--no-color`, `--no-pager`,
/// `--paginate`); the last of `--color`/`--no-color` given wins.
pub fn term_flags(matches: &ArgMatches) -> crate::ui::TermFlags {
    use crate::ui::ColorWhen;
    let flag = |id: &str| matches.try_get_one::<bool>(id).ok().flatten().copied() == Some(true);
    let index = |id: &str| matches.index_of(id).unwrap_or(0);
    let color = matches
        .try_get_one::<ColorWhen>("color")
        .ok()
        .flatten()
        .copied();
    let color = match (color, flag("no_color")) {
        (Some(c), true) if index("color") > index("no_color") => Some(c),
        (_, true) => Some(ColorWhen::Never),
        (c, false) => c,
    };
    let pager = if flag("no_pager") {
        Some(false)
    } else if flag("paginate") {
        Some(true)
    } else {
        None
    };
    crate::ui::TermFlags { color, pager }
}

/// TicketFlow's log levels (`--log-level`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogLevel {
    /// Everything: git-ticket's trace.
    Debug,
    /// Informational messages (nothing more than usual).
    Info,
    /// Warnings (always shown anyway).
    #[value(alias = "warning")]
    Warn,
    /// Errors (always shown anyway).
    Error,
}

impl Logging {
    /// The logging options of a parsed command line.
    pub fn from_matches(matches: &ArgMatches) -> Logging {
        let text = |id: &str| matches.try_get_one::<String>(id).ok().flatten().cloned();
        Logging {
            log_level: matches
                .try_get_one::<LogLevel>("log_level")
                .ok()
                .flatten()
                .copied(),
            log_format: text("log_format"),
            log_output: text("log_output"),
        }
    }

    /// Whether the trace is asked for.
    pub fn trace(&self) -> bool {
        self.log_level == Some(LogLevel::Debug)
    }

    /// Whether the trace is written as JSON lines.
    pub fn json(&self) -> bool {
        self.log_format.as_deref() == Some("json")
    }

    /// The file the trace is appended to (`None`: stderr).
    pub fn file(&self) -> Option<&std::path::Path> {
        match self.log_output.as_deref() {
            None | Some("" | "stderr" | "stdout") => None,
            Some(path) => Some(std::path::Path::new(path)),
        }
    }
}

/// The top-level clap command with the global options and no subcommand yet. clap's own
/// `help` subcommand is left out where it would clash with ours (`with_help`); leaving it
/// out is a global setting, which would take `worktree help` away too.
fn top(with_help: bool) -> clap::Command {
    // The arguments first: deriving `Args` would set their doc comment as the about text.
    GlobalArgs::augment_args(clap::Command::new("git-ticket"))
        .bin_name("git ticket")
        .about("Local-first, git-native tickets: Markdown files in your repository")
        .version(env!("CARGO_PKG_VERSION"))
        .disable_help_subcommand(with_help)
        .subcommand_required(false)
}

/// The top-level clap command with every command of `commands` as a subcommand.
pub fn cli(commands: &[Spec]) -> clap::Command {
    commands.iter().fold(top(true), |cli, spec| {
        cli.subcommand(spec.command().visible_aliases(spec.aliases.iter().copied()))
    })
}

/// The top-level clap command with only `spec` as subcommand: what one run parses (building
/// every subcommand's arguments would cost more than the run of a small command).
pub fn command_line(spec: &Spec) -> clap::Command {
    let top = top(spec.name == "help");
    let top = match spec.openmetrics {
        true => top,
        false => top.mut_arg("format", |a| {
            a.value_parser(FormatParser { command: spec.name })
        }),
    };
    top.subcommand(spec.command())
}

/// `-o` of a command without an OpenMetrics form: its help, completion and errors name only
/// text, json and ndjson; `-o openmetrics` says which command has it.
#[derive(Clone)]
struct FormatParser {
    command: &'static str,
}

impl FormatParser {
    fn values() -> impl Iterator<Item = clap::builder::PossibleValue> {
        use clap::ValueEnum;
        Format::value_variants()
            .iter()
            .filter(|f| **f != Format::Openmetrics)
            .filter_map(Format::to_possible_value)
    }
}

impl clap::builder::TypedValueParser for FormatParser {
    type Value = Format;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Format, clap::Error> {
        use clap::ValueEnum;
        if value == "openmetrics" {
            let msg = format!(
                "'{}' has no OpenMetrics output (-o openmetrics is for stats); use text, json or ndjson\n",
                self.command
            );
            return Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, msg).with_cmd(cmd));
        }
        let name =
            clap::builder::PossibleValuesParser::new(Self::values()).parse_ref(cmd, arg, value)?;
        Ok(Format::from_str(&name, false).expect("one of Format's values"))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(Self::values()))
    }
}

/// Finds a command of `commands` by exact name or alias.
pub fn find<'c>(commands: &'c [Spec], name: &str) -> Option<&'c Spec> {
    commands
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// What running a command returns.
pub type RunResult = Result<Box<dyn Outcome>, Error>;

/// A subcommand's definition, implemented by each command module.
pub trait Command {
    /// Name typed after `git ticket`.
    const NAME: &'static str;
    /// Other names (`ls` for `list`).
    const ALIASES: &'static [&'static str] = &[];
    /// One-line summary.
    const SUMMARY: &'static str;
    /// Porcelain or plumbing.
    const GROUP: Group;
    /// How its work on many tickets may run (handed to it as `ctx.exec`).
    const EXEC: Exec = Exec::Sequential;
    /// Whether it reads the project's config: its `output.default_format` then applies
    /// (commands that never open a repository keep the cost of an empty process).
    const READS_CONFIG: bool = true;
    /// Left out of help, man pages, the README and completion (internal plumbing such as
    /// the completion scripts' `__complete`).
    const HIDDEN: bool = false;
    /// Whether its text output goes through the pager on a terminal (long output to read:
    /// list, show, help, workflow), as git pages log and show.
    const PAGED: bool = false;
    /// Text after the options in the help and the man page (e.g. the UI's keys).
    const AFTER_HELP: fn() -> String = String::new;
    /// Whether it can write the OpenMetrics format (`-o openmetrics`).
    const OPENMETRICS: bool = false;
    /// The clap arguments; their doc comments are the help text.
    type Args: clap::Args + FromArgMatches;
    /// Runs the command.
    fn run(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Self::Args) -> RunResult;
}

/// A registered command, with its definition erased to plain data and function pointers.
pub struct Spec {
    /// Name typed after `git ticket`.
    pub name: &'static str,
    /// Other names.
    pub aliases: &'static [&'static str],
    /// One-line summary.
    pub summary: &'static str,
    /// Porcelain or plumbing.
    pub group: Group,
    /// Execution profile.
    pub exec: Exec,
    /// Whether it reads the project's config.
    pub reads_config: bool,
    /// Left out of help, man pages, the README and completion.
    pub hidden: bool,
    /// Examples for its man page: (command line, what it does), declared in the registry.
    pub examples: &'static [(&'static str, &'static str)],
    /// Other man pages worth reading (`git-worktree(1)`); the git-ticket pages its examples
    /// use are added by the generator.
    pub see_also: &'static [&'static str],
    /// When it exits with 1 although it ran (a check that found problems), for EXIT STATUS.
    pub exit_note: Option<&'static str>,
    /// Whether its text output is paged on a terminal.
    pub paged: bool,
    after_help: fn() -> String,
    /// Whether it can write the OpenMetrics format.
    pub openmetrics: bool,
    augment: fn(clap::Command) -> clap::Command,
    run: fn(&mut Ctx<'_>, &mut Ui<'_>, &ArgMatches) -> RunResult,
}

impl Spec {
    /// The erased form of command `C`.
    pub const fn of<C: Command>() -> Spec {
        Spec {
            name: C::NAME,
            aliases: C::ALIASES,
            summary: C::SUMMARY,
            group: C::GROUP,
            exec: C::EXEC,
            reads_config: C::READS_CONFIG,
            hidden: C::HIDDEN,
            examples: &[],
            see_also: &[],
            exit_note: None,
            paged: C::PAGED,
            after_help: C::AFTER_HELP,
            openmetrics: C::OPENMETRICS,
            augment: <C::Args as clap::Args>::augment_args,
            run: run_erased::<C>,
        }
    }

    /// With man-page examples: (command line, what it does).
    pub const fn examples(mut self, examples: &'static [(&'static str, &'static str)]) -> Spec {
        self.examples = examples;
        self
    }

    /// With other man pages to read (`git-worktree(1)`).
    pub const fn see_also(mut self, pages: &'static [&'static str]) -> Spec {
        self.see_also = pages;
        self
    }

    /// With the case in which it exits with 1 after running (for EXIT STATUS).
    pub const fn exit_note(mut self, note: &'static str) -> Spec {
        self.exit_note = Some(note);
        self
    }

    /// The clap command of this subcommand (with `git ticket <name>` as its usage name).
    pub fn command(&self) -> clap::Command {
        let cmd = clap::Command::new(self.name)
            .about(self.summary)
            .bin_name(format!("git ticket {}", self.name))
            .display_name(format!("git-ticket-{}", self.name))
            .version(env!("CARGO_PKG_VERSION"))
            .disable_version_flag(true)
            .after_help(self.aliases_line());
        pflag::bool_values((self.augment)(cmd))
    }

    /// [`Spec::command`] with the global options, as a run parses it (for help, man pages
    /// and completions).
    pub fn command_with_globals(&self) -> clap::Command {
        let mut top = command_line(self);
        top.build();
        top.find_subcommand(self.name)
            .cloned()
            .expect("the subcommand was just added")
    }

    fn aliases_line(&self) -> String {
        let extra = (self.after_help)();
        match (self.aliases.is_empty(), extra.is_empty()) {
            (true, _) => extra,
            (false, true) => format!("Aliases: {}", self.aliases.join(", ")),
            (false, false) => format!("Aliases: {}\n\n{extra}", self.aliases.join(", ")),
        }
    }

    /// Parses already-matched arguments and runs the command.
    pub fn run(&self, ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, matches: &ArgMatches) -> RunResult {
        (self.run)(ctx, ui, matches)
    }
}

fn run_erased<C: Command>(ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, matches: &ArgMatches) -> RunResult {
    let args = C::Args::from_arg_matches(matches).map_err(|e| Error::Usage(e.to_string()))?;
    C::run(ctx, ui, args)
}

/// Per-invocation state handed to every command.
pub struct Ctx<'e> {
    /// The process environment.
    pub env: &'e Env,
    /// The output format, resolved once: flag, `TICKETFLOW_OUTPUT_FORMAT`,
    /// `output.default_format`, text.
    pub format: Format,
    /// The command's registered execution profile.
    pub exec: Exec,
    /// Every registered command (for `help`).
    pub commands: &'static [Spec],
    project: Option<Project>,
    /// Why the project could not be opened, kept for the command when the app tried first.
    project_error: Option<Error>,
    /// `GIT_TICKET_TRACE` timings.
    pub trace: Trace,
}

impl<'e> Ctx<'e> {
    /// A context with nothing opened yet.
    pub fn new(env: &'e Env, exec: Exec, commands: &'static [Spec]) -> Self {
        Ctx {
            env,
            format: Format::Text,
            exec,
            commands,
            project: None,
            project_error: None,
            trace: Trace::new(env.trace),
        }
    }

    /// The project, opened on first use: repository root, then config.
    pub fn project(&mut self) -> Result<&Project, Error> {
        if let Some(e) = self.project_error.take() {
            return Err(e);
        }
        if self.project.is_none() {
            self.project = Some(Project::discover(self.env, &mut self.trace)?);
        }
        Ok(self.project.as_ref().expect("project was just opened"))
    }

    /// Opens the project if it can be (the app does, for `output.default_format`); a
    /// failure is kept and returned when the command asks for the project.
    pub fn try_project(&mut self) -> Option<&Project> {
        if let Err(e) = self.project() {
            self.project_error = Some(e);
        }
        self.project.as_ref()
    }

    /// The project and the trace, borrowed together.
    pub fn project_and_trace(&mut self) -> Result<(&Project, &mut Trace), Error> {
        self.project()?;
        let project = self.project.as_ref().expect("project was just opened");
        Ok((project, &mut self.trace))
    }
}
