//! Flag values as TicketFlow's parser (Go's pflag) reads them, so that command lines written
//! for TicketFlow mean the same here: a boolean flag takes an optional `=value` in the
//! spellings of Go's `strconv.ParseBool` (`--force=false`, `-f=1`; never the next argument,
//! so `--force X` leaves X a positional), and integer flags are Go literals read by
//! `strconv.ParseInt(s, 0, 64)` (`0x10` is 16, `010` is 8, `0b11` is 3, `1_000` is 1000).

use clap::{Arg, ArgAction, Command};

/// Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!("strconv.ParseBool: parsing {s:?}: invalid syntax")),
    }
}

/// Go's `strconv.ParseInt(s, 0, 64)`: an optional sign, then a decimal, `0x` hexadecimal,
/// `0b` binary, `0o` or leading-`0` octal literal, with `_` between digits.
pub fn parse_int(s: &str) -> Result<i64, String> {
    let error = |what: &str| format!("strconv.ParseInt: parsing {s:?}: {what}");
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let magnitude = parse_uint_base0(digits).map_err(error)?;
    let limit = 1u64 << 63;
    match (negative, magnitude) {
        (false, m) if m < limit => Ok(m as i64),
        (true, m) if m <= limit => Ok((m as i64).wrapping_neg()),
        _ => Err(error("value out of range")),
    }
}

/// Go's `strconv.ParseUint(s, 0, 64)`, with Go's reason on failure.
fn parse_uint_base0(s: &str) -> Result<u64, &'static str> {
    const SYNTAX: &str = "invalid syntax";
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return Err(SYNTAX);
    }
    let (base, digits): (u64, &[u8]) = match bytes {
        [b'0', p, _, ..] if p.eq_ignore_ascii_case(&b'b') => (2, &bytes[2..]),
        [b'0', p, _, ..] if p.eq_ignore_ascii_case(&b'o') => (8, &bytes[2..]),
        [b'0', p, _, ..] if p.eq_ignore_ascii_case(&b'x') => (16, &bytes[2..]),
        [b'0', ..] => (8, &bytes[1..]),
        _ => (10, bytes),
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    for &c in digits {
        let d = match c {
            b'_' => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            c if c.is_ascii_alphabetic() => c.to_ascii_lowercase() - b'a' + 10,
            _ => return Err(SYNTAX),
        };
        if u64::from(d) >= base {
            return Err(SYNTAX);
        }
        // Go stops at the first overflow, before looking at the rest.
        n = n
            .checked_mul(base)
            .and_then(|n| n.checked_add(u64::from(d)))
            .ok_or("value out of range")?;
    }
    if underscores && !underscore_ok(s) {
        return Err(SYNTAX);
    }
    Ok(n)
}

/// Go's `underscoreOK`: underscores only between digits (or after a base prefix).
fn underscore_ok(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    // The class of the last character: '^' start, '0' digit or base prefix, '_', '!' other.
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1].eq_ignore_ascii_case(&b'x');
    }
    for &c in &s[i..] {
        if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
    }
    saw != b'_'
}

/// `list --count`: a Go integer literal that is not negative (TicketFlow's message).
pub fn parse_count(s: &str) -> Result<usize, String> {
    let n = parse_int(s)?;
    usize::try_from(n).map_err(|_| format!("count must be non-negative, got {n}"))
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

    #[test]
    fn integers_are_go_parse_int_base_0() {
        let ok = [
            ("0", 0),
            ("20", 20),
            ("010", 8),
            ("0o7", 7),
            ("0O17", 15),
            ("0x3", 3),
            ("0X1f", 31),
            ("0b11", 3),
            ("0B101", 5),
            ("+5", 5),
            ("-1", -1),
            ("-0x10", -16),
            ("1_000", 1000),
            ("0x_1F", 31),
            ("0_7", 7),
            ("00", 0),
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
        ];
        for (s, n) in ok {
            assert_eq!(parse_int(s), Ok(n), "{s}");
        }
        let syntax = [
            "", "abc", "08", "0x", "0b", "0b2", "0o8", "1__0", "_1", "1_", "0x_", "--1", "+-1",
            " 1", "1.0", "0xg", "1e3",
        ];
        for s in syntax {
            assert_eq!(
                parse_int(s),
                Err(format!("strconv.ParseInt: parsing {s:?}: invalid syntax")),
                "{s}"
            );
        }
        for s in [
            "9223372036854775808",
            "-9223372036854775809",
            "0x1_0000_0000_0000_0000",
        ] {
            assert_eq!(
                parse_int(s),
                Err(format!(
                    "strconv.ParseInt: parsing {s:?}: value out of range"
                )),
                "{s}"
            );
        }
    }

    #[test]
    fn count_is_not_negative() {
        assert_eq!(parse_count("0x3"), Ok(3));
        assert_eq!(
            parse_count("-1"),
            Err("count must be non-negative, got -1".into())
        );
    }
}
