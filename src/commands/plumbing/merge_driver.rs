//! `git ticket merge-driver %O %A %B %P --marker-size %L --label-base %S --label-ours %X
//! --label-theirs %Y`: git's merge driver for ticket files (set up by
//! `git ticket install-merge-driver`). Writes the merge into %A; exit 0 when clean, 1 when
//! something needs a person (git then stops with a conflict in the file).
//!
//! The frontmatter merges field by field (each by its rule in the table of
//! [`crate::ticket::fields`]), starting from our side's text so its formatting is kept: a
//! field changed on one side only takes that side; `started_at`/`closed_at` changed on
//! both take the later time; `related` is the union (minus entries either side removed); any
//! other field changed to different values on both sides is a conflict: git's markers around
//! that line, ours then theirs, labelled as git labels them (`%X`, `%Y`: `HEAD` and the
//! branch merged). The body merges as text with `git merge-file`: conflict markers only where
//! both sides changed the same lines. Files that do not parse fall back to a plain text merge
//! of the whole file. Without the labels (a driver installed by an older git-ticket, or a git
//! older than 2.44 that does not know `%S`/`%X`/`%Y`) the sides are called ours and theirs.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::commands::Ctx;
use crate::commands::{Command, Group};
use crate::error::{Error, ErrorCode};
use crate::fsutil;
use crate::git::{MergeFileError, MergeLabels};
use crate::output::{Outcome, Ui, write_json};
use crate::ticket::Meta;
use crate::ticket::fields::{FIELDS, Merge};
use crate::ticket::format::{
    Change, Markers, Value, apply, key_lines, layout, mark_conflict, parse_meta,
};

/// The driver command `install-merge-driver` configures (`merge.ticket.driver`): git puts
/// the files, the path, the marker size and the conflict labels in place of the `%`s. A
/// driver set up before the labels existed (`… %O %A %B %P`) keeps working.
pub const DRIVER: &str = "git ticket merge-driver %O %A %B %P --marker-size %L --label-base %S --label-ours %X --label-theirs %Y";

/// Merge three versions of a ticket file (git merge driver).
///
/// Configured by install-merge-driver as `git ticket merge-driver %O %A %B %P --marker-size
/// %L --label-base %S --label-ours %X --label-theirs %Y`. A field changed to different values
/// on both sides is a conflict: markers around its line, exit 1.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common ancestor's version (%O)
    #[arg(value_name = "BASE")]
    base: PathBuf,
    /// Our version (%A); the result is written here
    #[arg(value_name = "OURS")]
    ours: PathBuf,
    /// Their version (%B)
    #[arg(value_name = "THEIRS")]
    theirs: PathBuf,
    /// The path in the repository (%P), for messages
    #[arg(value_name = "PATH")]
    path: Option<String>,
    /// Length of the conflict markers (%L)
    #[arg(long, value_name = "N", default_value_t = 7)]
    marker_size: usize,
    /// Label of the common ancestor in conflict markers (%S)
    #[arg(long, value_name = "LABEL", allow_hyphen_values = true)]
    label_base: Option<String>,
    /// Label of our side in conflict markers (%X)
    #[arg(long, value_name = "LABEL", allow_hyphen_values = true)]
    label_ours: Option<String>,
    /// Label of their side in conflict markers (%Y)
    #[arg(long, value_name = "LABEL", allow_hyphen_values = true)]
    label_theirs: Option<String>,
}

/// A label git gave, or `default` when it gave none: empty, or the placeholder itself
/// (`%X`), which a git older than 2.44 passes through as it is.
fn label<'a>(given: Option<&'a str>, default: &'a str) -> &'a str {
    match given {
        Some(l) if !(l.is_empty() || l.len() == 2 && l.starts_with('%')) => l,
        _ => default,
    }
}

/// The `merge-driver` command.
pub struct MergeDriver;

impl Command for MergeDriver {
    const NAME: &'static str = "merge-driver";
    const SUMMARY: &'static str = "Merge driver for ticket files (field by field)";
    const GROUP: Group = Group::Plumbing;
    const READS_CONFIG: bool = false;
    type Args = Args;

    fn run(_ctx: &mut Ctx<'_>, ui: &mut Ui<'_>, args: Args) -> Result<Box<dyn Outcome>, Error> {
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|source| Error::Io {
                path: p.to_owned(),
                source,
            })
        };
        let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
        let labels = MergeLabels {
            ours: label(args.label_ours.as_deref(), "ours"),
            base: label(args.label_base.as_deref(), "base"),
            theirs: label(args.label_theirs.as_deref(), "theirs"),
            marker_size: args.marker_size.clamp(1, 1024),
        };
        let scratch = tempfile_dir(&args.ours)?;
        let text_merge = |o: &str, a: &str, b: &str| merge_text(&scratch, &labels, o, a, b);
        let merged = merge(&base, &ours, &theirs, &labels, &text_merge);
        let _ = std::fs::remove_dir_all(&scratch);
        let merged = merged?;
        fsutil::write_atomic(&args.ours, merged.text.as_bytes()).map_err(|source| Error::Io {
            path: args.ours.clone(),
            source,
        })?;
        let path = args.path.unwrap_or_else(|| args.ours.display().to_string());
        for field in &merged.conflicting_fields {
            ui.warn(format!(
                "{path}: '{field}' changed on both sides ({} and {}): conflict; keep one of the two lines between the markers",
                labels.ours, labels.theirs
            ));
        }
        Ok(Box::new(merged))
    }
}

fn tempfile_dir(near: &Path) -> Result<PathBuf, Error> {
    let parent = near
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = parent.join(format!(".git-ticket-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

/// Three-way text merge with `git merge-file`: (result, had conflicts).
fn merge_text(
    dir: &Path,
    labels: &MergeLabels<'_>,
    o: &str,
    a: &str,
    b: &str,
) -> Result<(String, bool), Error> {
    for (name, text) in [("base", o), ("ours", a), ("theirs", b)] {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|source| Error::Io { path: p, source })?;
    }
    crate::git::merge_file(dir, labels, std::time::Duration::from_secs(60)).map_err(|e| match e {
        MergeFileError::GitMissing(err) => Error::GitMissing(err),
        MergeFileError::Failed(err) => Error::GitCommand {
            code: ErrorCode::GitMergeFailed,
            err,
            state: "The file was not merged".into(),
        },
    })
}

/// A three-way text merge: (base, ours, theirs) → (merged text, had conflicts).
pub type TextMerge<'a> = &'a dyn Fn(&str, &str, &str) -> Result<(String, bool), Error>;

/// The merged file.
#[derive(Debug)]
pub struct Merged {
    /// The merged text.
    pub text: String,
    /// Fields changed differently on both sides (between conflict markers).
    pub conflicting_fields: Vec<String>,
    /// Whether the body has conflict markers.
    pub body_conflict: bool,
}

/// Merges three versions of a ticket; `text_merge(base, ours, theirs)` merges plain text.
pub fn merge(
    base: &str,
    ours: &str,
    theirs: &str,
    labels: &MergeLabels<'_>,
    text_merge: TextMerge<'_>,
) -> Result<Merged, Error> {
    let parsed = (parse_meta(base), parse_meta(ours), parse_meta(theirs));
    let (Ok(mo), Ok(ma), Ok(mb)) = parsed else {
        let (text, conflict) = text_merge(base, ours, theirs)?;
        return Ok(Merged {
            text,
            conflicting_fields: Vec::new(),
            body_conflict: conflict,
        });
    };
    let body = |t: &str| {
        layout(t)
            .map(|l| t[l.body_start..].to_owned())
            .unwrap_or_default()
    };
    let (body_text, body_conflict) = text_merge(&body(base), &body(ours), &body(theirs))?;
    let (changes, conflicting_fields) = field_changes(&mo, &ma, &mb);
    let mut all = changes;
    all.push(Change::Body(body_text));
    let mut text = apply(ours, &all)?;
    // Last: the markers make the header unreadable, so nothing is applied after them.
    let markers = Markers {
        ours: labels.ours,
        theirs: labels.theirs,
        size: labels.marker_size,
    };
    for key in &conflicting_fields {
        let their_lines = key_lines(theirs, key).unwrap_or_default();
        text = mark_conflict(&text, key, their_lines, markers);
    }
    Ok(Merged {
        text,
        conflicting_fields,
        body_conflict,
    })
}

/// The changes to apply to our text, and the fields in conflict (pure). Each stored field
/// merges by its rule in [`FIELDS`].
pub fn field_changes(o: &Meta, a: &Meta, b: &Meta) -> (Vec<Change>, Vec<String>) {
    let mut changes = Vec::new();
    let mut conflicts = Vec::new();
    for def in FIELDS {
        let Some(rule) = def.merge else { continue };
        let key = def.name;
        let [vo, va, vb] = [o, a, b].map(|m| def.yaml(m).unwrap_or(Value::Null));
        if rule == Merge::Union {
            let list = |v: Value| match v {
                Value::List(items) => items,
                _ => Vec::new(),
            };
            let (lo, la, lb) = (list(vo), list(va), list(vb));
            let removed = |x: &String| lo.contains(x) && (!la.contains(x) || !lb.contains(x));
            let mut union: Vec<String> = la.iter().filter(|x| !removed(x)).cloned().collect();
            for x in &lb {
                if !union.contains(x) && !removed(x) {
                    union.push(x.clone());
                }
            }
            if union != la {
                changes.push(if union.is_empty() {
                    Change::Remove(key.into())
                } else {
                    Change::Set(key.into(), Value::List(union))
                });
            }
            continue;
        }
        if va == vb || vb == vo {
            continue;
        }
        if va == vo {
            changes.push(Change::Set(key.into(), vb));
            continue;
        }
        if rule == Merge::LaterTime {
            let later = match (&va, &vb) {
                (Value::Time(x), Value::Time(y)) if y > x => Some(vb.clone()),
                (Value::Null, Value::Time(_)) => Some(vb.clone()),
                _ => None,
            };
            if let Some(v) = later {
                changes.push(Change::Set(key.into(), v));
            }
            continue;
        }
        conflicts.push(key.to_owned());
    }
    (changes, conflicts)
}

impl Outcome for Merged {
    fn text(&self, _out: &mut Ui<'_>) -> io::Result<()> {
        Ok(())
    }

    fn json(&self, w: &mut dyn Write) -> io::Result<()> {
        write_json(
            w,
            &json!({
                "body_conflict": self.body_conflict,
                "conflicting_fields": self.conflicting_fields,
                "success": self.exit_code() == 0,
            }),
        )
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.body_conflict || !self.conflicting_fields.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_text_merge(o: &str, a: &str, b: &str) -> Result<(String, bool), Error> {
        // Bodies in these tests change on at most one side.
        Ok(if a == o {
            (b.to_owned(), false)
        } else {
            (a.to_owned(), false)
        })
    }

    const LABELS: MergeLabels<'static> = MergeLabels {
        ours: "HEAD",
        base: "base",
        theirs: "feature",
        marker_size: 7,
    };

    const BASE: &str = "---\npriority: 2\ndescription: x\ncreated_at: \"2025-01-01T00:00:00Z\"\nstarted_at: null\nclosed_at: null\nrelated:\n    - a\n    - b\n---\n\nbody\n";

    #[test]
    fn one_sided_changes_combine() {
        let ours = BASE.replace("priority: 2", "priority: 1");
        let theirs = BASE
            .replace("started_at: null", "started_at: \"2025-01-02T00:00:00Z\"")
            .replace("    - b\n", "    - b\n    - c\n")
            .replace("body\n", "body\nmore\n");
        let m = merge(BASE, &ours, &theirs, &LABELS, &no_text_merge).unwrap();
        assert!(m.conflicting_fields.is_empty());
        assert_eq!(
            m.text,
            "---\npriority: 1\ndescription: x\ncreated_at: \"2025-01-01T00:00:00Z\"\nstarted_at: \"2025-01-02T00:00:00Z\"\nclosed_at: null\nrelated:\n    - a\n    - b\n    - c\n---\n\nbody\nmore\n"
        );
    }

    #[test]
    fn both_sided_changes() {
        let ours = BASE
            .replace("closed_at: null", "closed_at: \"2025-03-01T00:00:00Z\"")
            .replace("description: x", "description: mine")
            .replace("    - a\n", "");
        let theirs = BASE
            .replace("closed_at: null", "closed_at: \"2025-04-01T00:00:00Z\"")
            .replace("description: x", "description: theirs")
            .replace("    - b\n", "    - b\n    - d\n");
        let m = merge(BASE, &ours, &theirs, &LABELS, &no_text_merge).unwrap();
        assert_eq!(m.conflicting_fields, vec!["description".to_owned()]);
        assert!(
            m.text.contains("closed_at: \"2025-04-01T00:00:00Z\""),
            "{}",
            m.text
        );
        // Both values, between git's markers with git's labels: a person chooses.
        assert!(
            m.text.contains(
                "priority: 2\n<<<<<<< HEAD\ndescription: mine\n=======\ndescription: theirs\n>>>>>>> feature\ncreated_at:"
            ),
            "{}",
            m.text
        );
        assert!(parse_meta(&m.text).is_err(), "the header no longer parses");
        assert!(
            m.text.contains("related:\n    - b\n    - d\n"),
            "{}",
            m.text
        );
        assert_eq!(m.exit_code(), 1);
    }

    #[test]
    fn a_field_removed_on_one_side_and_changed_on_the_other_is_a_conflict() {
        let ours = BASE.replace("description: x\n", "");
        let theirs = BASE.replace("description: x", "description: y");
        let m = merge(BASE, &ours, &theirs, &LABELS, &no_text_merge).unwrap();
        assert_eq!(m.conflicting_fields, ["description"]);
        assert!(
            m.text
                .contains("<<<<<<< HEAD\n=======\ndescription: y\n>>>>>>> feature\n"),
            "{}",
            m.text
        );
    }

    #[test]
    fn labels_fall_back_when_git_gives_none() {
        assert_eq!(label(Some("main"), "ours"), "main");
        assert_eq!(label(Some("%X"), "ours"), "ours");
        assert_eq!(label(Some(""), "ours"), "ours");
        assert_eq!(label(None, "theirs"), "theirs");
    }
}
