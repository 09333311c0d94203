//! The error every command returns, and its stable description: a TicketFlow error code, a
//! short message, details, and suggestions naming the next step. `main` turns it into a
//! miette diagnostic or a JSON error object and an exit code.

use std::path::PathBuf;

use crate::config::ConfigError;
use crate::git::OpenError;
use crate::text;
use crate::ticket::format::EditError;
use crate::ticket::store::{Problem, StoreError};

/// Exit status for errors.
pub const EXIT_ERROR: u8 = 1;
/// Exit status for command-line usage errors.
pub const EXIT_USAGE: u8 = 2;

/// What went wrong, as scripts see it: TicketFlow's code where TicketFlow had the failure,
/// a code of git-ticket's own otherwise (`as_str` is the stable text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// Not in a git working tree.
    NotGitRepo,
    /// No `.ticketflow.yaml`.
    ConfigNotFound,
    /// `.ticketflow.yaml` is invalid.
    ConfigInvalid,
    /// The OS refused access to a file or folder.
    PermissionDenied,
    /// A value or the command line is wrong; a required confirmation or reason is missing.
    ValidationError,
    /// No ticket matches the reference.
    TicketNotFound,
    /// A ticket with that ID exists.
    TicketExists,
    /// A ticket file or reference is unusable.
    TicketInvalid,
    /// The ticket was never started (or no ticket is active).
    TicketNotStarted,
    /// The ticket is already in progress.
    TicketAlreadyStarted,
    /// The ticket is already done.
    TicketAlreadyClosed,
    /// The ticket is not done.
    TicketNotDone,
    /// A working tree has uncommitted changes.
    GitDirtyWorkspace,
    /// A branch could not be created or switched to.
    GitBranchExists,
    /// A git command failed (TicketFlow's code for every failed git command).
    GitMergeFailed,
    /// `git commit` failed (a hook refused, signing failed, a timeout…).
    GitCommitFailed,
    /// Another git process holds the index lock (or a killed one left it).
    GitIndexLocked,
    /// A worktree is in the way.
    WorktreeExists,
    /// A worktree could not be created.
    WorktreeCreateFailed,
    /// A worktree could not be removed.
    WorktreeRemoveFailed,
    /// The command was run in the wrong place (branch, worktree).
    InvalidContext,
    /// Another git-ticket holds the repository lock.
    RepositoryLocked,
    /// The git executable is not on PATH.
    GitNotFound,
    /// The repository could not be read (libgit2).
    RepositoryError,
    /// A file or folder could not be read or written.
    FilesystemError,
    /// The editor could not be started or failed (`new --edit`).
    EditorFailed,
    /// Another clone holds a live claim on the ticket (on the claims remote).
    TicketClaimed,
    /// The claims remote could not be reached (or refused the claim for another reason).
    ClaimUnreachable,
    /// There is no claim of ours to renew.
    TicketNotClaimed,
    /// No todo ticket is ready (every one is blocked or claimed, or there is none).
    NoReadyTicket,
    /// A dependency would close a cycle (nothing was written).
    DependencyCycle,
}

impl ErrorCode {
    /// The code as printed (`TICKET_NOT_FOUND`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotGitRepo => "NOT_GIT_REPO",
            ErrorCode::ConfigNotFound => "CONFIG_NOT_FOUND",
            ErrorCode::ConfigInvalid => "CONFIG_INVALID",
            ErrorCode::PermissionDenied => "PERMISSION_DENIED",
            ErrorCode::ValidationError => "VALIDATION_ERROR",
            ErrorCode::TicketNotFound => "TICKET_NOT_FOUND",
            ErrorCode::TicketExists => "TICKET_EXISTS",
            ErrorCode::TicketInvalid => "TICKET_INVALID",
            ErrorCode::TicketNotStarted => "TICKET_NOT_STARTED",
            ErrorCode::TicketAlreadyStarted => "TICKET_ALREADY_STARTED",
            ErrorCode::TicketAlreadyClosed => "TICKET_ALREADY_CLOSED",
            ErrorCode::TicketNotDone => "TICKET_NOT_DONE",
            ErrorCode::GitDirtyWorkspace => "GIT_DIRTY_WORKSPACE",
            ErrorCode::GitBranchExists => "GIT_BRANCH_EXISTS",
            ErrorCode::GitMergeFailed => "GIT_MERGE_FAILED",
            ErrorCode::GitCommitFailed => "GIT_COMMIT_FAILED",
            ErrorCode::GitIndexLocked => "GIT_INDEX_LOCKED",
            ErrorCode::WorktreeExists => "WORKTREE_EXISTS",
            ErrorCode::WorktreeCreateFailed => "WORKTREE_CREATE_FAILED",
            ErrorCode::WorktreeRemoveFailed => "WORKTREE_REMOVE_FAILED",
            ErrorCode::InvalidContext => "INVALID_CONTEXT",
            ErrorCode::RepositoryLocked => "REPOSITORY_LOCKED",
            ErrorCode::GitNotFound => "GIT_NOT_FOUND",
            ErrorCode::RepositoryError => "REPOSITORY_ERROR",
            ErrorCode::FilesystemError => "FILESYSTEM_ERROR",
            ErrorCode::EditorFailed => "EDITOR_FAILED",
            ErrorCode::TicketClaimed => "TICKET_CLAIMED",
            ErrorCode::ClaimUnreachable => "CLAIM_UNREACHABLE",
            ErrorCode::TicketNotClaimed => "TICKET_NOT_CLAIMED",
            ErrorCode::NoReadyTicket => "NO_READY_TICKET",
            ErrorCode::DependencyCycle => "DEPENDENCY_CYCLE",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything that can make a command fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Not inside a git working tree.
    #[error("{reason}")]
    NotGitRepo {
        /// libgit2's explanation.
        reason: String,
    },
    /// Inside a bare repository (no working tree for ticket files).
    #[error("this is a bare repository; tickets live in a working tree")]
    BareRepo,
    /// Configuration missing or invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The ticket store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A parent given with `--parent` could not be used.
    #[error("parent ticket: {0}")]
    Parent(StoreError),
    /// A slug with characters outside `[a-z0-9-]`.
    #[error("invalid slug '{0}'")]
    InvalidSlug(String),
    /// A ticket named as its own parent.
    #[error("a ticket cannot be its own parent ('{0}')")]
    SelfParent(String),
    /// A rewrite that could not be done losslessly.
    #[error(transparent)]
    Edit(#[from] EditError),
    /// A filesystem operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Reading the repository failed (libgit2).
    #[error("git: {0}")]
    Git(#[from] crate::git::ReadError),
    /// The git executable could not be found.
    #[error("{0}")]
    GitMissing(crate::git::GitError),
    /// The command line is wrong.
    #[error("{0}")]
    Usage(String),
    /// An option's value is not one of those accepted; the message lists the valid ones
    /// (so no "see the help" suggestion).
    #[error("{0}")]
    BadValue(String),
    /// A git command failed; `state` says what that left behind.
    #[error("{err}")]
    GitCommand {
        /// The code naming the failed step.
        code: ErrorCode,
        /// The failure.
        err: crate::git::GitError,
        /// What the repository looks like now, and how to go on.
        state: String,
    },
    /// A ticket cannot make this transition.
    #[error("{id}: {err}")]
    Transition {
        /// The ticket.
        id: String,
        /// Why not.
        err: crate::ticket::transition::TransitionError,
    },
    /// `current-ticket.md` could not be written; `state` says what that left behind.
    #[error("{}: {source}", path.display())]
    Link {
        /// The link.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
        /// What the repository looks like now, and how to go on.
        state: String,
    },
    /// An interrupted operation that recovery could not finish or undo: what is left, and the
    /// way out.
    #[error("{0}")]
    Unrecovered(String),
    /// The repository lock is held by someone else.
    #[error(transparent)]
    Lock(#[from] crate::lock::LockError),
    /// `current-ticket.md` is unreadable.
    #[error(transparent)]
    Current(#[from] crate::current::CurrentError),
    /// A command's precondition does not hold (dirty tree, wrong branch, reason required…).
    #[error("{}", .0.details.as_deref().unwrap_or(&.0.message))]
    Precondition(Box<ErrorInfo>),
}

impl Error {
    /// A precondition failure with TicketFlow's code, message, details and suggestions.
    pub fn precondition(
        code: ErrorCode,
        message: &str,
        details: String,
        suggestions: &[&str],
    ) -> Error {
        Error::Precondition(Box::new(ErrorInfo {
            code,
            message: message.to_owned(),
            details: Some(details),
            suggestions: suggestions.iter().map(|s| (*s).to_owned()).collect(),
            exit: EXIT_ERROR,
        }))
    }
}

impl From<OpenError> for Error {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::NotRepo(reason) => Error::NotGitRepo { reason },
            OpenError::Bare => Error::BareRepo,
            OpenError::Lib(e) => Error::Git(e),
        }
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Self {
        Error::Store(p.into())
    }
}

/// The stable, renderable description of an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The error code.
    pub code: ErrorCode,
    /// Short message.
    pub message: String,
    /// The underlying reason.
    pub details: Option<String>,
    /// Next steps.
    pub suggestions: Vec<String>,
    /// Process exit status.
    pub exit: u8,
}

impl Error {
    /// The error's code, message, details, suggestions and exit status.
    pub fn info(&self) -> ErrorInfo {
        let info = |code, message: &str, details: Option<String>, suggestions: &[&str]| ErrorInfo {
            code,
            message: message.to_owned(),
            details,
            suggestions: suggestions.iter().map(|s| (*s).to_owned()).collect(),
            exit: EXIT_ERROR,
        };
        let text = Some(self.to_string());
        match self {
            Error::NotGitRepo { .. } => info(
                ErrorCode::NotGitRepo,
                "Not in a git repository",
                text,
                &[
                    "Navigate to your project root directory",
                    "Initialize a new git repository with 'git init'",
                ],
            ),
            Error::BareRepo => info(
                ErrorCode::NotGitRepo,
                "Not in a git working tree",
                text,
                &["Run git ticket in a working tree (a clone or 'git worktree add')"],
            ),
            Error::Config(ConfigError::NotFound { .. }) => info(
                ErrorCode::ConfigNotFound,
                "Ticket system not initialized",
                text,
                &[
                    "Run 'git ticket init' to initialize",
                    "Navigate to the project root directory",
                ],
            ),
            Error::Config(ConfigError::Io { .. }) => info(
                ErrorCode::ConfigInvalid,
                "Configuration error",
                text,
                &["Check the file's permissions"],
            ),
            Error::Config(ConfigError::Invalid { .. }) => info(
                ErrorCode::ConfigInvalid,
                "Configuration error",
                text,
                &[
                    "Fix the key named above in .ticketflow.yaml (see 'git ticket help init' for the defaults)",
                ],
            ),
            Error::Store(e) => store_info(e, false),
            Error::Parent(e) => store_info(e, true),
            Error::InvalidSlug(slug) if slug.trim().is_empty() => info(
                ErrorCode::TicketInvalid,
                "Invalid slug format",
                Some(if slug.is_empty() {
                    "The slug is empty".into()
                } else {
                    "The slug is empty (only spaces)".into()
                }),
                &["Give the ticket a slug: git ticket new fix-login-timeout"],
            ),
            Error::InvalidSlug(slug) if slug.len() > crate::ticket::id::MAX_SLUG_LEN => info(
                ErrorCode::TicketInvalid,
                "Slug too long",
                Some(format!(
                    "The slug is {} characters; the maximum is {} (the ticket file and its temporary file must fit in a 255-byte file name)",
                    slug.len(),
                    crate::ticket::id::MAX_SLUG_LEN
                )),
                &["Use a shorter slug; the description holds the long form"],
            ),
            Error::InvalidSlug(slug) => info(
                ErrorCode::TicketInvalid,
                "Invalid slug format",
                Some(format!("Slug '{slug}' contains invalid characters")),
                &[
                    "Use only lowercase letters (a-z)",
                    "Use only numbers (0-9)",
                    "Use only hyphens (-) for separation",
                ],
            ),
            Error::SelfParent(_) => info(
                ErrorCode::TicketInvalid,
                "Invalid parent relationship",
                Some("A ticket cannot be its own parent".into()),
                &[
                    "Choose a different parent ticket",
                    "Or create a top-level ticket without --parent",
                ],
            ),
            Error::Edit(_) => info(
                ErrorCode::TicketInvalid,
                "Ticket operation failed: rewrite",
                text,
                &["Fix the ticket file by hand, then run the command again"],
            ),
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => {
                info(
                    ErrorCode::PermissionDenied,
                    "Permission denied",
                    text,
                    &["Check the permissions of the file or folder named above"],
                )
            }
            Error::Io { .. } => info(
                ErrorCode::FilesystemError,
                "Filesystem operation failed",
                text,
                &["Check the file or folder named above, then run the command again"],
            ),
            Error::Git(_) => info(
                ErrorCode::RepositoryError,
                "Cannot read the repository",
                text,
                &["Check the repository with 'git status'"],
            ),
            Error::GitMissing(_) => info(
                ErrorCode::GitNotFound,
                "Git not found",
                text,
                &["Nothing was changed. Install git or put it on PATH"],
            ),
            Error::GitCommand { code, err, state } => {
                let mut suggestions = crate::git::cli::suggestions(err);
                suggestions.insert(0, state.clone());
                ErrorInfo {
                    code: *code,
                    message: format!(
                        "Git operation failed: {}",
                        err.command.split(' ').next().unwrap_or("git")
                    ),
                    details: text,
                    suggestions,
                    exit: EXIT_ERROR,
                }
            }
            Error::Unrecovered(_) => info(
                ErrorCode::GitMergeFailed,
                "Interrupted operation not recovered",
                text,
                &["Fix the cause named above, then run 'git ticket fsck --fix'"],
            ),
            Error::Link { state, source, .. } => ErrorInfo {
                code: if source.kind() == std::io::ErrorKind::PermissionDenied {
                    ErrorCode::PermissionDenied
                } else {
                    ErrorCode::FilesystemError
                },
                message: format!("Cannot write {}", crate::current::LINK),
                details: text,
                suggestions: vec![state.clone()],
                exit: EXIT_ERROR,
            },
            Error::Transition { id, err } => {
                use crate::ticket::transition::TransitionError as T;
                match err {
                    T::AlreadyStarted => info(
                        ErrorCode::TicketAlreadyStarted,
                        "Ticket already started",
                        Some(format!("Ticket {id} is already in progress")),
                        &[
                            "Take another ticket: git ticket list --status todo",
                            "Use 'git ticket status' to see the current ticket",
                        ],
                    ),
                    T::AlreadyClosed => info(
                        ErrorCode::TicketAlreadyClosed,
                        "Ticket already closed",
                        Some(format!("Ticket '{id}' is already closed")),
                        &[],
                    ),
                    T::NotStarted => info(
                        ErrorCode::TicketNotStarted,
                        "Ticket not started",
                        Some(format!(
                            "Ticket {id} was never started; closing it needs a reason"
                        )),
                        &["Cancel it with a reason: git ticket close <ticket> --reason \"why\""],
                    ),
                    T::NotDone => info(
                        ErrorCode::TicketNotDone,
                        "Ticket not done",
                        Some(format!(
                            "Ticket {id} is not done: there is nothing to reopen"
                        )),
                        &[&format!("See its status: git ticket show {id}")],
                    ),
                    T::EmptyReason => info(
                        ErrorCode::ValidationError,
                        "Empty reason",
                        Some("Reason cannot be empty or just whitespace".into()),
                        &["Provide a meaningful reason for closing the ticket"],
                    ),
                    T::Edit(_) => info(
                        ErrorCode::TicketInvalid,
                        "Ticket operation failed: rewrite",
                        text,
                        &["Fix the ticket file by hand, then run the command again"],
                    ),
                }
            }
            Error::Lock(crate::lock::LockError::Busy { .. }) => info(
                ErrorCode::RepositoryLocked,
                "Repository is busy",
                text,
                &[
                    "Another git-ticket command is changing this repository; run yours again when it is done",
                ],
            ),
            Error::Lock(_) => info(
                ErrorCode::PermissionDenied,
                "Cannot take the repository lock",
                text,
                &["Check the permissions of the git directory"],
            ),
            Error::Current(_) => info(
                ErrorCode::TicketNotStarted,
                "Failed to read current ticket",
                text,
                &[
                    "Try restoring the current ticket link: git ticket restore",
                    "Or start a ticket: git ticket start <ticket>",
                ],
            ),
            Error::Precondition(info) => (**info).clone(),
            Error::Usage(msg) => ErrorInfo {
                code: ErrorCode::ValidationError,
                message: msg.clone(),
                details: None,
                suggestions: vec![
                    "Run 'git ticket help' to see the commands and their usage".into(),
                ],
                exit: EXIT_USAGE,
            },
            Error::BadValue(msg) => ErrorInfo {
                code: ErrorCode::ValidationError,
                message: msg.clone(),
                details: None,
                suggestions: Vec::new(),
                exit: EXIT_USAGE,
            },
        }
    }
}

/// `parent`: the reference was a `--parent` (changes the wording).
fn store_info(e: &StoreError, parent: bool) -> ErrorInfo {
    let list = if parent {
        "Check the parent reference; 'git ticket list --status all' shows every ticket"
    } else {
        "Use 'git ticket list --status all' to see available tickets"
    };
    let (code, message, suggestions): (ErrorCode, String, Vec<String>) = match e {
        StoreError::NotFound { .. } => (
            ErrorCode::TicketNotFound,
            if parent {
                "Parent ticket not found"
            } else {
                "Ticket not found"
            }
            .into(),
            vec![
                "Check the ticket ID is correct (an ID, ID prefix, slug, or words of a slug)"
                    .into(),
                list.into(),
            ],
        ),
        StoreError::Ambiguous { candidates, .. } => {
            // One candidate a line, in columns: ID, [status], description.
            let id_width = candidates.iter().map(|c| text::width(&c.id)).max();
            let line = |c: &crate::ticket::store::Candidate| {
                let status = format!("[{}]", c.status);
                format!(
                    "  {}  {}  {}",
                    text::pad(&text::escape_control(&c.id), id_width.unwrap_or(0)),
                    text::pad(&status, "[doing]".len()),
                    text::truncate(&text::escape_control(&c.description), 50)
                )
                .trim_end()
                .to_owned()
            };
            (
                ErrorCode::TicketInvalid,
                "Ambiguous ticket reference".into(),
                std::iter::once("Use a longer prefix or the full ID of one of:".to_owned())
                    .chain(candidates.iter().map(line))
                    .collect(),
            )
        }
        StoreError::BadReference(_) => (
            ErrorCode::ValidationError,
            "Invalid ticket reference".into(),
            vec![list.into()],
        ),
        StoreError::Exists { .. } => (
            ErrorCode::TicketExists,
            "Ticket already exists".into(),
            vec![
                "Use a different slug, or wait a second: IDs include the creation time".into(),
                "Check existing tickets with 'git ticket list --status all'".into(),
            ],
        ),
        StoreError::Invalid(Problem { .. }) => (
            ErrorCode::TicketInvalid,
            "Invalid ticket file".into(),
            vec![
                "Fix the file at the line named above (its YAML header between '---' lines)".into(),
            ],
        ),
        StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => (
            ErrorCode::PermissionDenied,
            "Permission denied".into(),
            vec!["Check the permissions of the file or folder named above".into()],
        ),
        StoreError::Io { .. } => (
            ErrorCode::FilesystemError,
            "Filesystem operation failed".into(),
            vec!["Check the file or folder named above, then run the command again".into()],
        ),
    };
    ErrorInfo {
        code,
        message,
        details: Some(e.to_string()),
        suggestions,
        exit: EXIT_ERROR,
    }
}
