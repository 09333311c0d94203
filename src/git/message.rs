//! The commit-message protocol: the subjects git-ticket writes for its own commits
//! ("Start ticket: <ID>", "Close ticket: <ID>", "Close ticket: <ID> (<reason>)",
//! "Reopen ticket: <ID>") and how
//! they are read back (recovery checks whether an operation's commit was made; the merged
//! check ignores a branch that holds nothing but its start commit). Written and parsed only
//! here.

/// What a git-ticket commit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The ticket moved to doing.
    Start,
    /// The ticket moved to done.
    Close,
    /// The ticket moved from done back to doing or todo.
    Reopen,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Start => "Start ticket: ",
            Kind::Close => "Close ticket: ",
            Kind::Reopen => "Reopen ticket: ",
        }
    }
}

/// The subject of the commit that starts ticket `id`.
pub fn start(id: &str) -> String {
    format!("{}{id}", Kind::Start.prefix())
}

/// The subject of the commit that closes ticket `id`, with the reason when there is one: its
/// first line only (control characters as spaces, `...` when more follows), so the subject
/// stays one line; [`close_message`] adds the whole reason as the body.
pub fn close(id: &str, reason: Option<&str>) -> String {
    let Some(r) = reason else {
        return format!("{}{id}", Kind::Close.prefix());
    };
    if !r.chars().any(char::is_control) {
        // One line: as given (TicketFlow's subject).
        return format!("{}{id} ({r})", Kind::Close.prefix());
    }
    let r = r.trim();
    let mut lines = r.lines().map(str::trim).filter(|l| !l.is_empty());
    let first: String = lines
        .next()
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let more = if lines.next().is_some() { "..." } else { "" };
    format!("{}{id} ({first}{more})", Kind::Close.prefix())
}

/// The whole message of the commit that closes ticket `id`: the [`close`] subject, and a
/// reason of several lines as the body.
pub fn close_message(id: &str, reason: Option<&str>) -> String {
    let subject = close(id, reason);
    match reason.map(str::trim).filter(|r| r.contains(['\n', '\r'])) {
        Some(r) => format!("{subject}\n\n{r}\n"),
        None => subject,
    }
}

/// The subject of the commit that reopens ticket `id`.
pub fn reopen(id: &str) -> String {
    format!("{}{id}", Kind::Reopen.prefix())
}

/// Whether `summary` is the subject of a `kind` commit of ticket `id` (with or without a
/// reason).
pub fn is(summary: &str, kind: Kind, id: &str) -> bool {
    summary
        .strip_prefix(kind.prefix())
        .and_then(|rest| rest.strip_prefix(id))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(" ("))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_round_trip() {
        let id = "250101-000000-x";
        assert_eq!(start(id), "Start ticket: 250101-000000-x");
        assert_eq!(close(id, None), "Close ticket: 250101-000000-x");
        assert_eq!(
            close(id, Some("dup")),
            "Close ticket: 250101-000000-x (dup)"
        );
        assert!(is(&start(id), Kind::Start, id));
        assert!(is(&close(id, None), Kind::Close, id));
        assert!(is(&close(id, Some("dup")), Kind::Close, id));
        assert!(!is(&start(id), Kind::Close, id));
        assert_eq!(reopen(id), "Reopen ticket: 250101-000000-x");
        assert!(is(&reopen(id), Kind::Reopen, id));
        assert!(!is(&reopen(id), Kind::Close, id));
        assert!(!is("Start ticket: 250101-000000-xy", Kind::Start, id));
        assert!(!is("Start ticket: 250101-000000", Kind::Start, id));
    }

    #[test]
    fn a_reason_of_several_lines_keeps_the_subject_on_one_line() {
        let id = "250101-000000-x";
        let reason = "duplicate of y\nsee the thread\n";
        assert_eq!(
            close(id, Some(reason)),
            "Close ticket: 250101-000000-x (duplicate of y...)"
        );
        assert_eq!(
            close_message(id, Some(reason)),
            "Close ticket: 250101-000000-x (duplicate of y...)\n\nduplicate of y\nsee the thread\n"
        );
        assert_eq!(close_message(id, Some("dup")), close(id, Some("dup")));
        assert_eq!(
            close(id, Some("a\tb\r")),
            "Close ticket: 250101-000000-x (a b)"
        );
        // Read back as a close of the ticket (recovery reads subjects).
        assert!(is(&close(id, Some(reason)), Kind::Close, id));
    }
}
