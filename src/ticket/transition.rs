//! The life-cycle edits of a ticket file (pure): start sets `started_at`; close sets
//! `closed_at` and, with a reason, `closure_reason` plus the closure note at the end of the
//! body, exactly as TicketFlow writes them; reopen unsets `closed_at` (and `started_at` when
//! it goes back to todo) and removes `closure_reason`, leaving the closure note in the body as
//! history. Everything else in the file stays byte for byte.

use super::format::{Change, EditError, Value, apply, layout};
use super::model::{Meta, Status};
use super::time::Timestamp;

/// Why a transition is not allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// `start` of a ticket that is already in progress.
    #[error("ticket already started")]
    AlreadyStarted,
    /// `start` or `close` of a closed ticket.
    #[error("ticket already closed")]
    AlreadyClosed,
    /// `close` without a reason of a ticket that was never started.
    #[error("ticket not started")]
    NotStarted,
    /// `reopen` of a ticket that is not done.
    #[error("ticket not done")]
    NotDone,
    /// A reason made only of whitespace.
    #[error("reason cannot be empty or just whitespace")]
    EmptyReason,
    /// The file could not be edited.
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// The text of a ticket after `start` at `now`.
pub fn start(text: &str, meta: &Meta, now: &Timestamp) -> Result<String, TransitionError> {
    match meta.status() {
        Status::Done => Err(TransitionError::AlreadyClosed),
        Status::Doing => Err(TransitionError::AlreadyStarted),
        Status::Todo => Ok(apply(
            text,
            &[Change::Set("started_at".into(), Value::Time(*now))],
        )?),
    }
}

/// The text of a ticket after `close` at `now` (local time), with an optional reason.
pub fn close(
    text: &str,
    meta: &Meta,
    now: &Timestamp,
    reason: Option<&str>,
) -> Result<String, TransitionError> {
    if meta.status() == Status::Done {
        return Err(TransitionError::AlreadyClosed);
    }
    let reason = match reason {
        None | Some("") => None,
        Some(r) if r.trim().is_empty() => return Err(TransitionError::EmptyReason),
        Some(r) => Some(r.trim()),
    };
    let Some(reason) = reason else {
        if meta.started_at.is_none() {
            return Err(TransitionError::NotStarted);
        }
        return Ok(apply(
            text,
            &[Change::Set("closed_at".into(), Value::Time(*now))],
        )?);
    };
    let lay = layout(text).map_err(EditError::from)?;
    let nl = lay.newline;
    let body = text[lay.body_start..].trim_end_matches(['\n', '\r']);
    let note = format!(
        "{body}{nl}{nl}## Closure Note{nl}**Closed on**: {}{nl}**Reason**: {reason}{nl}",
        now.date()
    );
    Ok(apply(
        text,
        &[
            Change::Set("closed_at".into(), Value::Time(*now)),
            Change::Set("closure_reason".into(), Value::Str(reason.to_owned())),
            Change::Body(note),
        ],
    )?)
}

/// The text of a done ticket after `reopen`: back to doing when it had been started (unless
/// `to_todo`), else to todo.
pub fn reopen(text: &str, meta: &Meta, to_todo: bool) -> Result<String, TransitionError> {
    if meta.status() != Status::Done {
        return Err(TransitionError::NotDone);
    }
    let mut changes = vec![
        Change::Set("closed_at".into(), Value::Null),
        Change::Remove("closure_reason".into()),
    ];
    if to_todo && meta.started_at.is_some() {
        changes.push(Change::Set("started_at".into(), Value::Null));
    }
    Ok(apply(text, &changes)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ticket::format::{parse_meta, render_new};

    fn t(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    #[test]
    fn start_then_close_like_ticketflow() {
        let new = render_new(
            &t("2026-11-27T01:38:54Z"),
            None,
            "[Additional notes or remarks]",
        );
        let started = start(&new, &parse_meta(&new).unwrap(), &t("2026-11-27T01:39:13Z")).unwrap();
        assert_eq!(
            started,
            new.replace("started_at: null", "started_at: \"2026-11-27T01:39:13Z\"")
        );
        let meta = parse_meta(&started).unwrap();
        assert_eq!(
            start(&started, &meta, &t("2026-11-28T00:00:00Z")),
            Err(TransitionError::AlreadyStarted)
        );
        let closed = close(
            &started,
            &meta,
            &t("2026-11-27T02:00:00Z"),
            Some("  not needed "),
        )
        .unwrap();
        assert_eq!(
            closed,
            "---\npriority: 2\ndescription: \"\"\ncreated_at: \"2026-11-27T01:38:54Z\"\nstarted_at: \"2026-11-27T01:39:13Z\"\nclosed_at: \"2026-11-27T02:00:00Z\"\nclosure_reason: not needed\n---\n\n[Additional notes or remarks]\n\n## Closure Note\n**Closed on**: 2026-11-27\n**Reason**: not needed\n"
        );
        assert_eq!(
            close(
                &closed,
                &parse_meta(&closed).unwrap(),
                &t("2026-11-28T00:00:00Z"),
                None
            ),
            Err(TransitionError::AlreadyClosed)
        );
    }

    #[test]
    fn close_rules() {
        let new = render_new(&t("2026-11-27T01:38:54Z"), None, "body\n\n\n");
        let meta = parse_meta(&new).unwrap();
        let now = t("2026-11-27T02:00:00+09:00");
        assert_eq!(
            close(&new, &meta, &now, None),
            Err(TransitionError::NotStarted)
        );
        assert_eq!(
            close(&new, &meta, &now, Some("  ")),
            Err(TransitionError::EmptyReason)
        );
        assert_eq!(
            close(&new, &meta, &now, Some("")),
            Err(TransitionError::NotStarted)
        );
        let cancelled = close(&new, &meta, &now, Some("dup")).unwrap();
        assert!(
            cancelled
                .ends_with("body\n\n## Closure Note\n**Closed on**: 2026-11-27\n**Reason**: dup\n")
        );
        assert!(cancelled.contains("closed_at: \"2026-11-27T02:00:00+09:00\"\n"));
    }

    #[test]
    fn reopen_undoes_close_and_keeps_the_note() {
        let new = render_new(&t("2026-11-27T01:38:54Z"), None, "body\n");
        let started = start(&new, &parse_meta(&new).unwrap(), &t("2026-11-27T01:39:13Z")).unwrap();
        let meta = parse_meta(&started).unwrap();
        assert_eq!(
            reopen(&started, &meta, false),
            Err(TransitionError::NotDone)
        );
        let closed = close(&started, &meta, &t("2026-11-27T02:00:00Z"), Some("dup")).unwrap();
        let meta = parse_meta(&closed).unwrap();
        let doing = reopen(&closed, &meta, false).unwrap();
        assert_eq!(
            doing,
            "---\npriority: 2\ndescription: \"\"\ncreated_at: \"2026-11-27T01:38:54Z\"\nstarted_at: \"2026-11-27T01:39:13Z\"\nclosed_at: null\n---\n\nbody\n\n## Closure Note\n**Closed on**: 2026-11-27\n**Reason**: dup\n"
        );
        assert_eq!(parse_meta(&doing).unwrap().status(), Status::Doing);
        let todo = reopen(&closed, &meta, true).unwrap();
        assert_eq!(
            todo,
            doing.replace("started_at: \"2026-11-27T01:39:13Z\"", "started_at: null")
        );
        // A ticket cancelled before it was started goes back to todo.
        let cancelled = close(
            &new,
            &parse_meta(&new).unwrap(),
            &t("2026-11-27T02:00:00Z"),
            Some("x"),
        )
        .unwrap();
        let back = reopen(&cancelled, &parse_meta(&cancelled).unwrap(), false).unwrap();
        assert_eq!(parse_meta(&back).unwrap().status(), Status::Todo);
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let text = "---\r\npriority: 1\r\nstarted_at: \"2025-01-01T00:00:00Z\"\r\nclosed_at: null\r\n---\r\n\r\nbody\r\n";
        let closed = close(
            text,
            &parse_meta(text).unwrap(),
            &t("2025-01-02T00:00:00Z"),
            Some("x"),
        )
        .unwrap();
        assert!(!closed.replace("\r\n", "").contains('\n'), "{closed:?}");
        assert!(closed.ends_with(
            "body\r\n\r\n## Closure Note\r\n**Closed on**: 2025-01-02\r\n**Reason**: x\r\n"
        ));
    }
}
