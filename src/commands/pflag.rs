//! Flag values as TicketFlow's parser (Go's pflag) reads them, so that command lines written
//! for TicketFlow mean the same here: a boolean flag takes an optional `=value` in the
//! spellings of Go's `strconv.ParseBool` (`--force=false`, `-f=1`; never the next argument,
//! so `--force X` leaves X a positional).

use clap::{Arg, ArgAction, Command};

/// Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!("strconv.ParseBool: parsing {s:?}: invalid syntax")),
    }
}

/// Gives every boolean flag of `cmd` and of its subcommands pflag's optional value: `--flag`,
/// `--flag=<BOOL>`, `-f=<BOOL>`, grouped short flags (`-fo json`) as before.
pub fn bool_values(cmd: Command) -> Command {
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let cmd = cmd.mut_args(|a| {
        if matches!(a.get_action(), ArgAction::SetTrue) {
            bool_arg(a)
        } else {
            a
        }
    });
    subcommands
        .iter()
        .fold(cmd, |cmd, name| cmd.mut_subcommand(name, bool_values))
}

fn bool_arg(a: Arg) -> Arg {
    a.action(ArgAction::Set)
        .num_args(0..=1)
        // A value only after `=`: `--force X` leaves X a positional, as pflag does.
        .require_equals(true)
        .default_missing_value("true")
        .default_value("false")
        .hide_default_value(true)
        .value_name("BOOL")
        .value_parser(parse_bool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_are_go_parse_bool() {
        for s in ["1", "t", "T", "TRUE", "true", "True"] {
            assert_eq!(parse_bool(s), Ok(true), "{s}");
        }
        for s in ["0", "f", "F", "FALSE", "false", "False"] {
            assert_eq!(parse_bool(s), Ok(false), "{s}");
        }
        for s in ["", "yes", "tRUE", "2", " true"] {
            assert!(parse_bool(s).is_err(), "{s}");
        }
    }
}
