//! The git config settings that shape git-ticket's terminal — `color.ticket`, `color.ui`,
//! `pager.ticket`, `core.pager` — read like git reads them: the repository's config (all
//! levels) when a repository is open, else the user's and the system's, then the `git -c`
//! settings git hands its subcommands in the environment (libgit2 does not read those).

use super::Repo;

/// The terminal settings of git config (raw values; `ui` interprets them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermSettings {
    /// `color.ticket`.
    pub color_ticket: Option<String>,
    /// `color.ui`.
    pub color_ui: Option<String>,
    /// `pager.ticket` (a boolean, or a pager command).
    pub pager_ticket: Option<String>,
    /// `core.pager`.
    pub core_pager: Option<String>,
}

/// Reads the settings from `repo`'s config (or, without one, the user's and the system's),
/// with `parameters` (`git -c`, keys lower-cased, in order) on top. A key given without a
/// value is `true`.
pub fn term_settings(repo: Option<&Repo>, parameters: &[(String, Option<String>)]) -> TermSettings {
    let config = match repo {
        Some(r) => r.repo.config().ok(),
        None => git2::Config::open_default().ok(),
    };
    let get = |key: &str| -> Option<String> {
        let given = parameters
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone().unwrap_or_else(|| "true".to_owned()));
        given.or_else(|| config.as_ref()?.get_string(key).ok())
    };
    TermSettings {
        color_ticket: get("color.ticket"),
        color_ui: get("color.ui"),
        pager_ticket: get("pager.ticket"),
        core_pager: get("core.pager"),
    }
}
