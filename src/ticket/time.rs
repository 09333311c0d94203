//! RFC 3339 timestamps as TicketFlow reads and writes them.
//!
//! A ticket's times keep the UTC offset they were written with (TicketFlow writes local time),
//! and JSON output prints them the way Go's `time.Time` marshals: RFC 3339 with a fraction only
//! when there is one, and `Z` for a zero offset. Parsing and formatting are pure; only
//! [`Timestamp::now_local`] looks at the clock and the time zone.

use std::cmp::Ordering;

/// An instant together with the UTC offset it was expressed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Seconds since the Unix epoch (UTC).
    pub unix: i64,
    /// Nanoseconds within the second, `0..1_000_000_000`.
    pub nanos: u32,
    /// Offset from UTC in seconds (east positive).
    pub offset: i32,
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.unix, self.nanos).cmp(&(other.unix, other.nanos))
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Calendar fields of a timestamp in its own offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    /// Full year, e.g. 2026.
    pub year: i64,
    /// Month 1–12.
    pub month: u32,
    /// Day of month 1–31.
    pub day: u32,
    /// Hour 0–23.
    pub hour: u32,
    /// Minute 0–59.
    pub minute: u32,
    /// Second 0–59.
    pub second: u32,
}

impl Timestamp {
    /// The current instant, to the second (the precision ticket files store), in the
    /// process's local time zone (honours `TZ`).
    pub fn now_local() -> Self {
        let now = jiff::Timestamp::now();
        let (tz, tzdir) = crate::env::time_zone();
        // The zone's TZif file read directly; jiff's system lookup first indexes the whole
        // zoneinfo database (a walk of some twenty folders), which cost more than the rest
        // of `new`. Anything unusual (a POSIX rule, TZDIR) is left to jiff.
        let offset = zone_file(tz.as_deref(), tzdir)
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|data| jiff::tz::TimeZone::tzif("Local", &data).ok())
            .unwrap_or_else(jiff::tz::TimeZone::system)
            .to_offset(now);
        Timestamp {
            unix: now.as_second(),
            nanos: 0,
            offset: offset.seconds(),
        }
    }

    /// Parses RFC 3339 (`2025-01-02T03:04:05[.fff…](Z|±hh:mm)`), as Go's `time.RFC3339` does on
    /// read: a fraction of any length up to nanoseconds is accepted.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() < 20 {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            Some(part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
        };
        let year = num(0..4)?;
        let month = num(5..7)?;
        let day = num(8..10)?;
        let hour = num(11..13)?;
        let minute = num(14..16)?;
        let second = num(17..19)?;
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' {
            return None;
        }
        if b[16] != b':' {
            return None;
        }
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(i64::from(year), month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let mut i = 19;
        let mut nanos = 0u32;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &b[start..i];
            if digits.is_empty() || digits.len() > 9 {
                return None;
            }
            for d in digits {
                nanos = nanos * 10 + u32::from(d - b'0');
            }
            nanos *= 10u32.pow(9 - digits.len() as u32);
        }
        let offset = match b.get(i)? {
            b'Z' | b'z' if i + 1 == b.len() => 0,
            sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
                let oh = num(i + 1..i + 3)?;
                let om = num(i + 4..i + 6)?;
                if oh > 23 || om > 59 {
                    return None;
                }
                let o = (oh * 3600 + om * 60) as i32;
                if *sign == b'-' { -o } else { o }
            }
            _ => return None,
        };
        let days = days_from_civil(i64::from(year), month, day);
        let local = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
        Some(Timestamp {
            unix: local - i64::from(offset),
            nanos,
            offset,
        })
    }

    /// Calendar fields in the timestamp's own offset.
    pub fn civil(&self) -> Civil {
        let local = self.unix + i64::from(self.offset);
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }

    /// RFC 3339 the way Go marshals a `time.Time`: fraction only if non-zero, trailing zeros
    /// trimmed, `Z` for a zero offset.
    pub fn to_rfc3339(&self) -> String {
        self.format(true)
    }

    /// RFC 3339 with second precision: the form TicketFlow writes into ticket files.
    pub fn to_rfc3339_seconds(&self) -> String {
        self.format(false)
    }

    /// Writes Go's RFC 3339 form (as [`Timestamp::to_rfc3339`]) into `buf` without allocating.
    pub fn write_rfc3339<'b>(&self, buf: &'b mut [u8; 40]) -> &'b str {
        self.write(buf, true)
    }

    fn format(&self, with_fraction: bool) -> String {
        self.write(&mut [0; 40], with_fraction).to_owned()
    }

    /// The one RFC 3339 writer, digit by digit (through `fmt` it was a third of the time of
    /// rendering a JSON listing).
    fn write<'b>(&self, buf: &'b mut [u8; 40], with_fraction: bool) -> &'b str {
        let c = self.civil();
        let mut len = 0;
        let mut put = |bytes: &[u8]| {
            buf[len..len + bytes.len()].copy_from_slice(bytes);
            len += bytes.len();
        };
        if (0..=9999).contains(&c.year) {
            put(&digits4(c.year as u32));
        } else {
            // Outside RFC 3339's range (only reachable by arithmetic, never by parsing).
            put(format!("{:04}", c.year).as_bytes());
        }
        let [m, d, h, mi, sec] = [c.month, c.day, c.hour, c.minute, c.second].map(digits2);
        put(&[b'-', m[0], m[1], b'-', d[0], d[1], b'T']);
        put(&[h[0], h[1], b':', mi[0], mi[1], b':', sec[0], sec[1]]);
        if with_fraction && self.nanos != 0 {
            let mut frac = [b'.', 0, 0, 0, 0, 0, 0, 0, 0, 0];
            let mut n = self.nanos;
            for slot in frac[1..].iter_mut().rev() {
                *slot = b'0' + (n % 10) as u8;
                n /= 10;
            }
            let used = frac.iter().rposition(|&b| b != b'0').unwrap_or(0) + 1;
            put(&frac[..used]);
        }
        if self.offset == 0 {
            put(b"Z");
        } else {
            let sign = if self.offset < 0 { b'-' } else { b'+' };
            let o = self.offset.unsigned_abs();
            let (h, m) = (digits2(o / 3600 % 100), digits2(o / 60 % 60));
            put(&[sign, h[0], h[1], b':', m[0], m[1]]);
        }
        std::str::from_utf8(&buf[..len]).unwrap_or_default()
    }

    /// `YYMMDD-HHMMSS` in the timestamp's own offset: the prefix of a ticket ID.
    pub fn id_prefix(&self) -> String {
        let c = self.civil();
        format!(
            "{:02}{:02}{:02}-{:02}{:02}{:02}",
            c.year.rem_euclid(100),
            c.month,
            c.day,
            c.hour,
            c.minute,
            c.second
        )
    }

    /// `YYYY-MM-DD` in the timestamp's own offset (the closure note's date).
    pub fn date(&self) -> String {
        let c = self.civil();
        format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
    }

    /// Whole seconds from `self` to `later` (negative when `later` is earlier).
    pub fn seconds_until(&self, later: &Timestamp) -> i64 {
        later.unix - self.unix
    }
}

/// Formats a duration in seconds as TicketFlow does: `2d 3h`, `3h 5m`, `45m`, `0m`; negative
/// durations print as `0s`.
pub fn format_duration(secs: i64) -> String {
    if secs < 0 {
        return "0s".to_owned();
    }
    let days = secs / 86_400;
    let hours = secs % 86_400 / 3600;
    let minutes = secs % 3600 / 60;
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 || parts.is_empty() {
        parts.push(format!("{minutes}m"));
    }
    parts.join(" ")
}

/// Parses a duration as written in flags and config (`--since`, `--stale`, `claims.ttl`): one
/// or more `<number><unit>` parts with units `s`, `m`, `h`, `d`, `w` (`90m`, `12h`, `28d`, `4w`,
/// `1h30m`). Returns seconds, or a message saying what is valid.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let invalid = || {
        format!(
            "invalid duration {text:?}: expected a number and a unit (s, m, h, d, w), \
             such as 90m, 12h, 28d or 4w"
        )
    };
    let s = text.trim();
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(invalid());
        }
        let n: u64 = rest[..digits].parse().map_err(|_| invalid())?;
        let unit = match rest.as_bytes().get(digits) {
            Some(b's') => 1,
            Some(b'm') => 60,
            Some(b'h') => 3600,
            Some(b'd') => 86_400,
            Some(b'w') => 604_800,
            _ => return Err(invalid()),
        };
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(invalid)?;
        rest = &rest[digits + 1..];
    }
    Ok(total)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The TZif file of the local zone, for `TZ` (`None`: unset) when it names one plainly:
/// `/etc/localtime` when unset, an absolute path, or a zone name under
/// `/usr/share/zoneinfo` (not when `TZDIR` moves the database).
fn zone_file(tz: Option<&std::ffi::OsStr>, tzdir: bool) -> Option<std::path::PathBuf> {
    let Some(tz) = tz else {
        return Some("/etc/localtime".into());
    };
    let tz = tz.to_str()?;
    let tz = tz.strip_prefix(':').unwrap_or(tz);
    if tz.starts_with('/') {
        return Some(tz.into());
    }
    let plain = !tz.is_empty()
        && tz.split('/').all(|part| {
            !part.is_empty()
                && part != ".."
                && part != "."
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_-+".contains(&b))
        });
    (plain && !tzdir).then(|| std::path::Path::new("/usr/share/zoneinfo").join(tz))
}

/// Two ASCII digits of `n % 100`.
fn digits2(n: u32) -> [u8; 2] {
    [b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8]
}

/// Four ASCII digits of `n % 10000`.
fn digits4(n: u32) -> [u8; 4] {
    let [a, b] = digits2(n / 100);
    let [c, d] = digits2(n);
    [a, b, c, d]
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_like_go() {
        for (input, go) in [
            ("2025-08-09T11:58:10+09:00", "2025-08-09T11:58:10+09:00"),
            (
                "2025-01-01T12:00:00.123456789+09:00",
                "2025-01-01T12:00:00.123456789+09:00",
            ),
            (
                "2025-01-01T12:00:00.120+09:00",
                "2025-01-01T12:00:00.12+09:00",
            ),
            ("2025-01-01T12:00:00+00:00", "2025-01-01T12:00:00Z"),
            ("2025-01-01T12:00:00Z", "2025-01-01T12:00:00Z"),
            ("1999-12-31T23:59:59-05:30", "1999-12-31T23:59:59-05:30"),
            ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ] {
            let t = Timestamp::parse(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(t.to_rfc3339(), go);
            assert_eq!(t.write_rfc3339(&mut [0; 40]), go);
        }
    }

    proptest::proptest! {
        /// The digit-by-digit writer says what `format!` says, and parsing reads it back.
        #[test]
        fn writer_agrees_with_fmt_and_round_trips(
            unix in -62_135_596_800i64..253_402_300_799,
            nanos in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..1_000_000_000],
            offset_min in -(23 * 60 + 59)..=(23 * 60 + 59),
        ) {
            let t = Timestamp { unix, nanos, offset: offset_min * 60 };
            let c = t.civil();
            let mut want = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                c.year, c.month, c.day, c.hour, c.minute, c.second
            );
            let seconds = want.clone();
            if nanos != 0 {
                want.push_str(format!(".{nanos:09}").trim_end_matches('0'));
            }
            let zone = match t.offset {
                0 => "Z".to_owned(),
                o => format!(
                    "{}{:02}:{:02}",
                    if o < 0 { '-' } else { '+' },
                    o.unsigned_abs() / 3600,
                    o.unsigned_abs() / 60 % 60
                ),
            };
            let mut buf = [0; 40];
            proptest::prop_assert_eq!(t.write_rfc3339(&mut buf), format!("{want}{zone}"));
            proptest::prop_assert_eq!(t.to_rfc3339_seconds(), format!("{seconds}{zone}"));
            proptest::prop_assert_eq!(Timestamp::parse(&t.to_rfc3339()), Some(t));
        }
    }

    #[test]
    fn local_zone_files() {
        let file = |tz: Option<&str>, tzdir| {
            zone_file(tz.map(std::ffi::OsStr::new), tzdir).map(|p| p.to_string_lossy().into_owned())
        };
        assert_eq!(file(None, false).as_deref(), Some("/etc/localtime"));
        assert_eq!(
            file(Some("Asia/Tokyo"), false).as_deref(),
            Some("/usr/share/zoneinfo/Asia/Tokyo")
        );
        assert_eq!(
            file(Some(":/etc/zone"), false).as_deref(),
            Some("/etc/zone")
        );
        assert_eq!(file(Some("Asia/Tokyo"), true), None);
        for left_to_jiff in ["", "../etc/passwd", "a//b", "JST-9,M3", "UTC0 "] {
            assert_eq!(file(Some(left_to_jiff), false), None, "{left_to_jiff}");
        }
    }

    #[test]
    fn now_local_agrees_with_jiff() {
        let ours = Timestamp::now_local();
        let theirs = jiff::ZonedDateTime::now();
        assert_eq!(ours.offset, theirs.offset().seconds());
        assert!((theirs.timestamp().as_second() - ours.unix).abs() <= 1);
    }

    #[test]
    fn rejects_what_go_rejects() {
        for bad in [
            "2025-01-01",
            "2025-01-01 12:00:00Z",
            "2025-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2025-01-01T12:00:00",
            "2025-01-01T12:00:00.Z",
            "2025-01-01T12:00:00+0900",
            "2025-08-09T...",
            "",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn instant_and_offsets() {
        let a = Timestamp::parse("2025-01-01T09:00:00+09:00").unwrap();
        let b = Timestamp::parse("2025-01-01T00:00:00Z").unwrap();
        assert_eq!(a.cmp(&b), Ordering::Equal);
        assert_eq!(a.unix, 1_735_689_600);
        assert_eq!(a.id_prefix(), "250101-090000");
        assert_eq!(b.date(), "2025-01-01");
        assert_eq!(a.to_rfc3339_seconds(), "2025-01-01T09:00:00+09:00");
    }

    #[test]
    fn parse_durations() {
        assert_eq!(parse_duration("90m"), Ok(5400));
        assert_eq!(parse_duration("12h"), Ok(43_200));
        assert_eq!(parse_duration("28d"), Ok(28 * 86_400));
        assert_eq!(parse_duration("4w"), Ok(4 * 604_800));
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration(" 10s "), Ok(10));
        for bad in ["", "h", "10", "10x", "-1h", "1.5h", "99999999999999999999w"] {
            let e = parse_duration(bad).unwrap_err();
            assert!(e.contains("such as 90m"), "{bad}: {e}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(-5), "0s");
        assert_eq!(format_duration(30), "0m");
        assert_eq!(format_duration(45 * 60), "45m");
        assert_eq!(format_duration(3 * 3600 + 5 * 60), "3h 5m");
        assert_eq!(format_duration(2 * 86_400 + 3 * 3600), "2d 3h");
    }
}
