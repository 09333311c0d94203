//! Build information for `git ticket version`: the commit the binary is built from and a build
//! time, as the environment variables `GIT_TICKET_GIT_COMMIT` and `GIT_TICKET_BUILD_TIME`.
//!
//! Set by hand (a packager's build), they are kept as given. Otherwise the commit is
//! `git rev-parse HEAD` when this package is the top of a git checkout (a crate unpacked from
//! a tarball inside some other repository is not), and the time is `SOURCE_DATE_EPOCH` when
//! set, else the commit's time: the same source gives the same binary (reproducible builds),
//! and a rebuild is needed only when HEAD moves. Without git, or outside a checkout, both stay
//! unset and `version` says `unknown`. No dependencies: git is asked through the shell's PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

// A build script has no src/env.rs: cargo hands it its environment.
#[allow(clippy::disallowed_methods)]
fn main() {
    for var in [
        "GIT_TICKET_GIT_COMMIT",
        "GIT_TICKET_BUILD_TIME",
        "SOURCE_DATE_EPOCH",
    ] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    let given = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let checkout = Checkout::open(&dir);
    if let Some(c) = &checkout {
        c.watch();
    }
    let commit = given("GIT_TICKET_GIT_COMMIT").or_else(|| {
        checkout
            .as_ref()
            .and_then(|c| c.git(&["rev-parse", "HEAD"]))
    });
    let time = given("GIT_TICKET_BUILD_TIME")
        .or_else(|| {
            given("SOURCE_DATE_EPOCH")
                .and_then(|s| s.trim().parse::<i64>().ok())
                .map(rfc3339_utc)
        })
        .or_else(|| {
            checkout
                .as_ref()
                .and_then(|c| c.git(&["log", "-1", "--format=%cd", "--date=iso-strict"]))
        });
    if let Some(commit) = commit {
        println!("cargo:rustc-env=GIT_TICKET_GIT_COMMIT={commit}");
    }
    if let Some(time) = time {
        println!("cargo:rustc-env=GIT_TICKET_BUILD_TIME={time}");
    }
}

/// The git checkout whose top is the package's folder.
struct Checkout {
    dir: PathBuf,
}

impl Checkout {
    fn open(dir: &Path) -> Option<Checkout> {
        let c = Checkout {
            dir: dir.to_owned(),
        };
        let top = c.git(&["rev-parse", "--show-toplevel"])?;
        let same = |a: &Path, b: &Path| {
            a.canonicalize()
                .ok()
                .is_some_and(|a| Some(a) == b.canonicalize().ok())
        };
        same(Path::new(&top), dir).then_some(c)
    }

    /// `git args…` in the checkout: its trimmed output, `None` on any failure.
    fn git(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        let text = text.trim();
        (out.status.success() && !text.is_empty()).then(|| text.to_owned())
    }

    /// Asks cargo to run this script again when HEAD moves: a new commit on the branch, a
    /// switch to another branch, a `git pack-refs`.
    fn watch(&self) {
        let path = |args: &[&str]| self.git(args).map(|p| self.dir.join(p));
        if let Some(head) = path(&["rev-parse", "--git-path", "HEAD"]) {
            println!("cargo:rerun-if-changed={}", head.display());
        }
        if let Some(branch) = self.git(&["symbolic-ref", "-q", "HEAD"])
            && let Some(file) = path(&["rev-parse", "--git-path", &branch])
        {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        if let Some(packed) = path(&["rev-parse", "--git-path", "packed-refs"]) {
            println!("cargo:rerun-if-changed={}", packed.display());
        }
    }
}

/// `secs` since the Unix epoch as RFC 3339 in UTC (`2025-01-31T09:00:00Z`).
fn rfc3339_utc(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}
