//! Claims that hold across machines: before a start changes anything here, it claims the
//! ticket on the claims remote (`claims.remote`, or `start --claim-remote`) with one
//! compare-and-swap push ([`crate::git::claim`]); the first clone wins, every other gets
//! `TICKET_CLAIMED` with the holder and the claim's age, and nothing changed.
//!
//! A claim is a lease: it lives `claims.ttl` after it was made or last renewed
//! (`claim --renew`, the pre-push hook when the ticket's branch is pushed). An expired claim
//! may be taken over by anyone, with the same compare-and-swap (the expected value is the
//! expired claim seen), so of a renewal and a takeover racing exactly one wins. A claim is
//! "ours" only when its clone identity is this clone's.
//!
//! The claim of a start is journaled: a process killed between the claim and the local start
//! leaves a record that recovery (the next mutating command, `fsck --fix`) reports — the
//! claim stays ours, so running the start again proceeds, and `release` gives it back.

use super::{Project, Ui, tx};
use crate::env::Env;
use crate::error::{Error, ErrorCode};
use crate::git::claim::{ClaimInfo, FetchedClaim, PushResult, host_name};
use crate::git::{GitError, Repo, is_valid_branch_name};
use crate::journal::{Journal, Op, Record, Step};
use crate::ticket::Timestamp;
use crate::ticket::store::StoreError;
use crate::ticket::time::format_duration;

/// Whether (and where) a start claims its ticket.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimChoice<'a> {
    /// On `claims.remote` when the config sets one.
    #[default]
    Config,
    /// On this remote (`start --claim-remote`).
    Remote(&'a str),
    /// Not at all (`start --no-claim`: working offline on purpose).
    Skip,
}

/// A claim as seen from here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The ticket.
    pub ticket: String,
    /// The claim commit (the value a compare-and-swap expects).
    pub value: String,
    /// Who holds it; `None` when the claim cannot be read.
    pub info: Option<ClaimInfo>,
    /// It was made by this clone.
    pub ours: bool,
    /// Seconds since it was made or last renewed.
    pub age: i64,
    /// Older than `claims.ttl`: anyone may take it over.
    pub expired: bool,
}

impl Claim {
    /// Who holds it, for messages.
    pub fn holder(&self) -> String {
        match &self.info {
            Some(i) => i.holder(),
            None => format!("an unreadable claim (commit {})", &self.value),
        }
    }
}

/// How a claim was obtained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    /// Nobody held it: a new claim.
    New,
    /// It was ours already: renewed.
    Renewed,
    /// Somebody's claim had expired: taken over (that claim, as it was).
    TookOver(Box<Claim>),
}

/// A claim this clone now holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claimed {
    /// The claims remote.
    pub remote: String,
    /// The ticket.
    pub ticket: String,
    /// Our claim commit there.
    pub value: String,
    /// How it was obtained.
    pub taken: Taken,
}

/// The claims remote and the lease.
#[derive(Clone, Debug)]
struct Settings {
    remote: String,
    ttl: u64,
}

fn settings(project: &Project, choice: ClaimChoice<'_>) -> Option<Settings> {
    let remote = match choice {
        ClaimChoice::Skip => return None,
        ClaimChoice::Remote(r) => r.to_owned(),
        ClaimChoice::Config if project.config.claims.remote.is_empty() => return None,
        ClaimChoice::Config => project.config.claims.remote.clone(),
    };
    Some(Settings {
        remote,
        ttl: project.config.claims.ttl_seconds(),
    })
}

fn required(project: &Project, remote: Option<&str>) -> Result<Settings, Error> {
    if let Some(r) = remote {
        check_remote(r)?;
    }
    settings(project, remote.map_or(ClaimChoice::Config, ClaimChoice::Remote)).ok_or_else(|| {
        Error::precondition(
            ErrorCode::ValidationError,
            "No claims remote",
            "This project does not claim tickets: .ticketflow.yaml has no claims.remote".into(),
            &["Name the remote that holds the claims: add 'claims:' with 'remote: origin' to .ticketflow.yaml, or pass --remote <name>"],
        )
    })
}

/// Refuses a remote name that cannot name the fetched claims' namespace.
pub fn check_remote(remote: &str) -> Result<(), Error> {
    if crate::config::is_valid_remote_name(remote) {
        return Ok(());
    }
    Err(Error::precondition(
        ErrorCode::ValidationError,
        "Invalid claims remote",
        format!("'{remote}' is not a remote name (letters, digits, '-', '_', '.')"),
        &["Name a remote from 'git remote -v' (add one with: git remote add <name> <url>)"],
    ))
}

/// This clone as a claimant.
struct Me {
    clone: String,
    name: String,
    email: String,
    host: String,
    agent: Option<String>,
}

impl Me {
    fn new(env: &Env, repo: &Repo) -> Result<Me, Error> {
        let clone = repo.clone_id().map_err(|source| Error::Io {
            path: repo.common_dir().join(crate::git::claim::CLONE_ID_FILE),
            source,
        })?;
        let (name, email) = repo.identity();
        Ok(Me {
            clone,
            name: env.author.0.clone().or(name).unwrap_or_default(),
            email: env.author.1.clone().or(email).unwrap_or_default(),
            host: host_name(),
            agent: env.agent.clone(),
        })
    }

    fn info(&self, ticket: &str) -> ClaimInfo {
        ClaimInfo {
            ticket: ticket.to_owned(),
            clone: self.clone.clone(),
            name: self.name.clone(),
            email: self.email.clone(),
            host: self.host.clone(),
            agent: self.agent.clone(),
            time: Timestamp::now_local(),
        }
    }
}

/// Judges a fetched claim: whose, how old, expired.
fn judge(c: FetchedClaim, clone: Option<&str>, ttl: u64, now: &Timestamp) -> Claim {
    let age = c
        .info
        .as_ref()
        .map_or(0, |i| i.time.seconds_until(now).max(0));
    Claim {
        ours: c
            .info
            .as_ref()
            .is_some_and(|i| Some(i.clone.as_str()) == clone),
        expired: c.info.is_some() && age >= i64::try_from(ttl).unwrap_or(i64::MAX),
        age,
        ticket: c.ticket,
        value: c.value,
        info: c.info,
    }
}

/// An age for people: seconds under a minute, else `2d 3h`, `3h 5m`, `45m`.
pub fn age(secs: i64) -> String {
    if (0..60).contains(&secs) {
        format!("{secs}s")
    } else {
        format_duration(secs)
    }
}

fn claimed_error(remote: &str, c: &Claim, ttl: u64, doing: &str) -> Error {
    let left = i64::try_from(ttl).unwrap_or(i64::MAX) - c.age;
    Error::precondition(
        ErrorCode::TicketClaimed,
        "Ticket claimed by another clone",
        format!(
            "Ticket {} is claimed on {remote} by {}, {} ago (the claim expires in {} unless renewed); {doing}",
            c.ticket,
            c.holder(),
            age(c.age),
            age(left.max(0)),
        ),
        &[
            "Take another ticket: git ticket list --status todo",
            "See who holds what: git ticket claims",
        ],
    )
}

fn unreachable_error(remote: &str, why: &str, id: Option<&str>) -> Error {
    let offline = id.map(|id| {
        format!(
            "Working offline on purpose? Start without claiming: git ticket start --no-claim {id}"
        )
    });
    let check = format!("Check the remote: git remote -v, then git ls-remote {remote}");
    let mut suggestions: Vec<&str> = vec![&check];
    if let Some(o) = &offline {
        suggestions.push(o);
    }
    Error::precondition(
        ErrorCode::ClaimUnreachable,
        "Cannot reach the claims remote",
        format!("The claims remote '{remote}' could not be reached ({why}); nothing was changed"),
        &suggestions,
    )
}

fn fetch_error(remote: &str, err: &GitError, id: Option<&str>) -> Error {
    unreachable_error(remote, &err.reason, id)
}

fn ref_error(e: crate::git::ReadError) -> Error {
    Error::Git(e)
}

/// Claims `id` on `s.remote`: a new claim, a renewal of ours, or the takeover of an expired
/// one — each one compare-and-swap push; a refused push fetches the claims and decides again.
fn take(env: &Env, repo: &Repo, s: &Settings, id: &str, start: bool) -> Result<Claimed, Error> {
    let me = Me::new(env, repo)?;
    let hint = start.then_some(id);
    let mut seen = repo.fetched_claim(&s.remote, id);
    let mut fetched = false;
    let mut refused = String::new();
    for _ in 0..4 {
        let now = Timestamp::now_local();
        let view = seen.take().map(|c| judge(c, Some(&me.clone), s.ttl, &now));
        let (expected, taken) = match view {
            None => (None, Taken::New),
            Some(c) if c.ours => (Some(c.value.clone()), Taken::Renewed),
            Some(c) if c.expired => (Some(c.value.clone()), Taken::TookOver(Box::new(c))),
            // Someone else's live claim, as last fetched: it may be gone by now.
            Some(c) if fetched => {
                return Err(claimed_error(&s.remote, &c, s.ttl, "nothing was changed"));
            }
            Some(_) => (None, Taken::New),
        };
        match push_ours(repo, &me, s, id, expected.as_deref())? {
            (PushResult::Done, value) => return Ok(claimed(s, id, taken, value)),
            (PushResult::Unreachable(why), _) => {
                return Err(unreachable_error(&s.remote, &why, hint));
            }
            (PushResult::Rejected(why), _) => {
                refused = why;
                repo.fetch_claims(&s.remote)
                    .map_err(|e| fetch_error(&s.remote, &e, hint))?;
                fetched = true;
                seen = repo.fetched_claim(&s.remote, id);
            }
        }
    }
    Err(unreachable_error(
        &s.remote,
        &format!("it refused the claim of {id} again and again: {refused}"),
        hint,
    ))
}

/// Writes a new claim of ours on `id` and pushes it, expecting `expected` there; a claim
/// that went through is recorded here as the value we hold.
fn push_ours(
    repo: &Repo,
    me: &Me,
    s: &Settings,
    id: &str,
    expected: Option<&str>,
) -> Result<(PushResult, String), Error> {
    let value = repo.write_claim(&me.info(id)).map_err(ref_error)?;
    let result = repo
        .push_claim(&s.remote, id, Some(&value), expected)
        .map_err(Error::GitMissing)?;
    if result == PushResult::Done {
        repo.record_claim(&s.remote, id, Some(&value))
            .map_err(ref_error)?;
    }
    Ok((result, value))
}

/// The claim `value` just pushed.
fn claimed(s: &Settings, id: &str, taken: Taken, value: String) -> Claimed {
    Claimed {
        remote: s.remote.clone(),
        ticket: id.to_owned(),
        value,
        taken,
    }
}

/// The claim of a start in progress: released again when the local start fails, unless it
/// was ours before.
#[derive(Debug)]
pub struct StartClaim {
    claimed: Claimed,
    journal: Journal,
}

/// Claims ticket `id` for a start (under the repository lock, before anything changes
/// here), when claims are on: `None` when they are off.
pub fn for_start(
    env: &Env,
    project: &Project,
    id: &str,
    choice: ClaimChoice<'_>,
) -> Result<Option<StartClaim>, Error> {
    if let ClaimChoice::Remote(r) = choice {
        check_remote(r)?;
    }
    let Some(s) = settings(project, choice) else {
        return Ok(None);
    };
    let repo = project.repo_with_git()?;
    let mut journal = tx::journal(
        project,
        Record {
            claim_remote: Some(s.remote.clone()),
            ..Record::new(Op::Claim, id, &project.root)
        },
    )?;
    tx::crash_point(env, "claim:planned");
    let claimed = match take(env, repo, &s, id, true) {
        Ok(c) => c,
        Err(e) => {
            let _ = journal.finish();
            return Err(e);
        }
    };
    journal.record.claim_value = Some(claimed.value.clone());
    tx::journal_step(&mut journal, Step::Claimed)?;
    tx::crash_point(env, "start:claimed");
    Ok(Some(StartClaim { claimed, journal }))
}

/// Ends the claim of a start with the start's `result`: kept when the start succeeded
/// (returned for the report), released again when it failed and the claim was made for it.
pub fn settle<T>(
    project: &Project,
    claim: Option<StartClaim>,
    result: Result<T, Error>,
    ui: &mut dyn Ui,
) -> Result<(T, Option<Claimed>), Error> {
    let Some(StartClaim { claimed, journal }) = claim else {
        return result.map(|t| (t, None));
    };
    match result {
        Ok(t) => {
            tx::journal_finish(journal)?;
            Ok((t, Some(claimed)))
        }
        Err(e) => {
            if claimed.taken != Taken::Renewed
                && let Some(note) = give_back(project, &claimed)
            {
                ui.note(&note);
            }
            let _ = journal.finish();
            Err(e)
        }
    }
}

/// Deletes our claim `c` (expecting our value); a note when that failed.
fn give_back(project: &Project, c: &Claimed) -> Option<String> {
    let repo = project.repo().ok()?;
    let result = repo.push_claim(&c.remote, &c.ticket, None, Some(&c.value));
    match result {
        Ok(PushResult::Done) => {
            let _ = repo.record_claim(&c.remote, &c.ticket, None);
            None
        }
        // Somebody took it over meanwhile: it is not ours to delete.
        Ok(PushResult::Rejected(_)) => None,
        Ok(PushResult::Unreachable(why)) => Some(format!(
            "the claim of {} on {} could not be released ({why}): run 'git ticket release {}' (or let it expire)",
            c.ticket, c.remote, c.ticket
        )),
        Err(e) => Some(format!(
            "the claim of {} on {} could not be released ({e}): run 'git ticket release {}'",
            c.ticket, c.remote, c.ticket
        )),
    }
}

/// The ID a claim command names: a ticket here, or an ID that only the claims know.
fn ticket_id(project: &Project, remote: &str, reference: &str) -> Result<String, Error> {
    match project.store.resolve(reference) {
        Ok(entry) => Ok(entry.id),
        Err(e @ StoreError::NotFound { .. }) => {
            let repo = project.repo()?;
            if is_valid_branch_name(reference) && repo.fetched_claim(remote, reference).is_some() {
                Ok(reference.to_owned())
            } else {
                Err(e.into())
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// `claim <ticket>`: claims a ticket without starting it (new, renewed or taken over).
pub fn claim(
    env: &Env,
    project: &Project,
    ticket: &str,
    remote: Option<&str>,
) -> Result<Claimed, Error> {
    let s = required(project, remote)?;
    let id = ticket_id(project, &s.remote, ticket)?;
    take(env, project.repo_with_git()?, &s, &id, false)
}

/// `claim --renew <ticket>`: renews our claim (expecting the value we hold). A claim that
/// somebody took over is `TICKET_CLAIMED`; no claim at all is `TICKET_NOT_CLAIMED`.
pub fn renew(
    env: &Env,
    project: &Project,
    ticket: &str,
    remote: Option<&str>,
) -> Result<Claimed, Error> {
    let s = required(project, remote)?;
    let id = ticket_id(project, &s.remote, ticket)?;
    let repo = project.repo_with_git()?;
    renew_id(env, repo, &s, &id)
}

fn renew_id(env: &Env, repo: &Repo, s: &Settings, id: &str) -> Result<Claimed, Error> {
    let me = Me::new(env, repo)?;
    let mut fetched = false;
    loop {
        let now = Timestamp::now_local();
        let view = repo
            .fetched_claim(&s.remote, id)
            .map(|c| judge(c, Some(&me.clone), s.ttl, &now));
        let ours = match view {
            Some(c) if c.ours => c,
            _ if !fetched => {
                repo.fetch_claims(&s.remote)
                    .map_err(|e| fetch_error(&s.remote, &e, None))?;
                fetched = true;
                continue;
            }
            Some(c) => {
                return Err(claimed_error(
                    &s.remote,
                    &c,
                    s.ttl,
                    "our claim was taken over and is not renewed",
                ));
            }
            None => return Err(not_claimed(&s.remote, id)),
        };
        match push_ours(repo, &me, s, id, Some(&ours.value))? {
            (PushResult::Done, value) => return Ok(claimed(s, id, Taken::Renewed, value)),
            (PushResult::Unreachable(why), _) => {
                return Err(unreachable_error(&s.remote, &why, None));
            }
            (PushResult::Rejected(why), _) if fetched => {
                return Err(unreachable_error(
                    &s.remote,
                    &format!("it refused the renewal: {why}"),
                    None,
                ));
            }
            (PushResult::Rejected(_), _) => {
                repo.fetch_claims(&s.remote)
                    .map_err(|e| fetch_error(&s.remote, &e, None))?;
                fetched = true;
            }
        }
    }
}

fn not_claimed(remote: &str, id: &str) -> Error {
    Error::precondition(
        ErrorCode::TicketNotClaimed,
        "No claim to renew",
        format!(
            "Ticket {id} has no claim on {remote}: it expired and was taken and released, or somebody broke it"
        ),
        &[&format!(
            "Claim it again if it is still yours to work on: git ticket claim {id}"
        )],
    )
}

/// What `release` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Released {
    /// The claims remote.
    pub remote: String,
    /// The ticket.
    pub ticket: String,
    /// The claim deleted; `None` when there was none.
    pub claim: Option<Claim>,
}

/// `release <ticket>`: deletes our claim (expecting our value); `force` breaks somebody
/// else's, expecting the value last seen (a claim renewed since is not broken).
pub fn release(
    project: &Project,
    ticket: &str,
    remote: Option<&str>,
    force: bool,
) -> Result<Released, Error> {
    let s = required(project, remote)?;
    let id = ticket_id(project, &s.remote, ticket)?;
    let repo = project.repo_with_git()?;
    let clone = repo.clone_id().ok();
    let mut fetched = false;
    loop {
        let now = Timestamp::now_local();
        let view = repo
            .fetched_claim(&s.remote, &id)
            .map(|c| judge(c, clone.as_deref(), s.ttl, &now));
        let c = match view {
            Some(c) if c.ours || force => c,
            _ if !fetched => {
                repo.fetch_claims(&s.remote)
                    .map_err(|e| fetch_error(&s.remote, &e, None))?;
                fetched = true;
                continue;
            }
            None => {
                return Ok(Released {
                    remote: s.remote.clone(),
                    ticket: id,
                    claim: None,
                });
            }
            Some(c) => {
                let mut e = claimed_error(&s.remote, &c, s.ttl, "it is not ours to release");
                if let Error::Precondition(info) = &mut e {
                    info.suggestions = vec![format!(
                        "If its holder has stopped working on it, break the claim: git ticket release --force {id}"
                    )];
                }
                return Err(e);
            }
        };
        match repo
            .push_claim(&s.remote, &id, None, Some(&c.value))
            .map_err(Error::GitMissing)?
        {
            PushResult::Done => {
                repo.record_claim(&s.remote, &id, None).map_err(ref_error)?;
                return Ok(Released {
                    remote: s.remote.clone(),
                    ticket: id,
                    claim: Some(c),
                });
            }
            PushResult::Unreachable(why) => return Err(unreachable_error(&s.remote, &why, None)),
            PushResult::Rejected(why) if fetched || force => {
                repo.fetch_claims(&s.remote)
                    .map_err(|e| fetch_error(&s.remote, &e, None))?;
                let now = Timestamp::now_local();
                return Err(match repo.fetched_claim(&s.remote, &id) {
                    Some(now_seen) => {
                        let now_seen = judge(now_seen, clone.as_deref(), s.ttl, &now);
                        claimed_error(
                            &s.remote,
                            &now_seen,
                            s.ttl,
                            "the claim changed since it was seen (renewed or taken over), so it was not released",
                        )
                    }
                    None => unreachable_error(
                        &s.remote,
                        &format!("it refused the release: {why}; the claim is gone now"),
                        None,
                    ),
                });
            }
            PushResult::Rejected(_) => {
                repo.fetch_claims(&s.remote)
                    .map_err(|e| fetch_error(&s.remote, &e, None))?;
                fetched = true;
            }
        }
    }
}

/// The claims of a remote, for `claims`.
#[derive(Clone, Debug)]
pub struct ClaimList {
    /// The claims remote.
    pub remote: String,
    /// `claims.ttl` in seconds.
    pub ttl: u64,
    /// The claims, by ticket.
    pub claims: Vec<Claim>,
}

/// `claims`: the remote's claims (fetched first unless `fetch` is false), only those at
/// least `stale` seconds old when given.
pub fn list(
    project: &Project,
    remote: Option<&str>,
    fetch: bool,
    stale: Option<u64>,
) -> Result<ClaimList, Error> {
    let s = required(project, remote)?;
    let repo = project.repo_with_git()?;
    if fetch {
        repo.fetch_claims(&s.remote)
            .map_err(|e| fetch_error(&s.remote, &e, None))?;
    }
    let clone = repo.existing_clone_id();
    let now = Timestamp::now_local();
    let claims = repo
        .fetched_claims(&s.remote)
        .into_iter()
        .map(|c| judge(c, clone.as_deref(), s.ttl, &now))
        .filter(|c| stale.is_none_or(|min| c.age >= i64::try_from(min).unwrap_or(i64::MAX)))
        .collect();
    Ok(ClaimList {
        remote: s.remote,
        ttl: s.ttl,
        claims,
    })
}

/// The live claims of the claims remote as last fetched (no git process; empty when the
/// project has no `claims.remote`). `ready` and `next` skip the tickets others hold.
#[derive(Clone, Debug, Default)]
pub struct LiveClaims {
    /// Live claims (ours and others'), by ticket.
    pub claims: Vec<Claim>,
}

impl LiveClaims {
    /// The live claim of another clone on `id`, if any.
    pub fn held_by_other(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.ticket == id && !c.ours)
    }

    /// The live claim on `id`, ours or not.
    pub fn get(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.ticket == id)
    }
}

/// Reads the live claims last fetched from `claims.remote` (see [`LiveClaims`]).
pub fn live_claims(project: &Project) -> Result<LiveClaims, Error> {
    let Some(s) = settings(project, ClaimChoice::Config) else {
        return Ok(LiveClaims::default());
    };
    let repo = project.repo()?;
    let clone = repo.existing_clone_id();
    let now = Timestamp::now_local();
    Ok(LiveClaims {
        claims: repo
            .fetched_claims(&s.remote)
            .into_iter()
            .map(|c| judge(c, clone.as_deref(), s.ttl, &now))
            .filter(|c| !c.expired)
            .collect(),
    })
}

/// Refreshes the claims last fetched (`ready --fetch`, `next --fetch`): one `git fetch` of
/// `refs/ticket-claims/*` from `remote` (default `claims.remote`; nothing to do without one).
pub fn fetch_claims(project: &Project, remote: Option<&str>) -> Result<(), Error> {
    if let Some(r) = remote {
        check_remote(r)?;
    }
    let Some(s) = settings(
        project,
        remote.map_or(ClaimChoice::Config, ClaimChoice::Remote),
    ) else {
        return Ok(());
    };
    project
        .repo_with_git()?
        .fetch_claims(&s.remote)
        .map_err(|e| fetch_error(&s.remote, &e, None))
}

/// Releases our claim on the done ticket `id` after cleanup removed its merged work: a note
/// when it could not be released (never an error: the cleanup is done).
pub fn release_done(project: &Project, id: &str) -> Option<String> {
    let s = settings(project, ClaimChoice::Config)?;
    let repo = project.repo().ok()?;
    let clone = repo.existing_clone_id()?;
    let seen = repo.fetched_claim(&s.remote, id)?;
    if seen.info.as_ref().is_none_or(|i| i.clone != clone) {
        return None;
    }
    give_back(
        project,
        &Claimed {
            remote: s.remote,
            ticket: id.to_owned(),
            value: seen.value,
            taken: Taken::New,
        },
    )
}

/// Renews our claims on the tickets whose branches are being pushed (the pre-push hook):
/// warnings for claims that were taken over or could not be renewed; never an error, so a
/// push is never stopped by a claim.
pub fn renew_pushed(env: &Env, project: &Project, branches: &[String]) -> Vec<String> {
    let Some(s) = settings(project, ClaimChoice::Config) else {
        return Vec::new();
    };
    let Ok(repo) = project.repo_with_git() else {
        return Vec::new();
    };
    let Some(clone) = repo.existing_clone_id() else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for id in branches {
        let ours = repo
            .fetched_claim(&s.remote, id)
            .is_some_and(|c| c.info.is_some_and(|i| i.clone == clone));
        if !ours {
            continue;
        }
        if let Err(e) = renew_id(env, repo, &s, id) {
            let info = e.info();
            warnings.push(format!(
                "the claim of {id} on {} was not renewed: {}",
                s.remote,
                info.details.unwrap_or(info.message)
            ));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetched(clone: &str, secs_ago: i64) -> (FetchedClaim, Timestamp) {
        let now = Timestamp::parse("2026-01-02T03:04:05Z").unwrap();
        let time = Timestamp {
            unix: now.unix - secs_ago,
            ..now
        };
        (
            FetchedClaim {
                ticket: "t".into(),
                value: "abc".into(),
                info: Some(ClaimInfo {
                    ticket: "t".into(),
                    clone: clone.into(),
                    name: "A".into(),
                    email: "a@x".into(),
                    host: "h".into(),
                    agent: None,
                    time,
                }),
            },
            now,
        )
    }

    /// A project claiming on `origin` (a remote that does not exist), with claims of
    /// another clone recorded as if fetched: one fresh, one a day old.
    fn project_with_claims(config: &str) -> (tempfile::TempDir, Project) {
        let dir = tempfile::tempdir().unwrap();
        git2::Repository::init(dir.path()).unwrap();
        crate::fsutil::write_atomic(&dir.path().join(".ticketflow.yaml"), config.as_bytes())
            .unwrap();
        let project = Project::open_at(dir.path()).unwrap();
        let repo = project.repo().unwrap();
        for (ticket, secs_ago) in [("250101-000000-fresh", 10), ("250101-000000-old", 86_400)] {
            let (mut c, now) = fetched("other", secs_ago);
            let info = c.info.as_mut().unwrap();
            info.ticket = ticket.into();
            info.time.unix += Timestamp::now_local().unix - now.unix;
            let value = repo.write_claim(info).unwrap();
            repo.record_claim("origin", ticket, Some(&value)).unwrap();
        }
        (dir, project)
    }

    #[test]
    fn live_claims_are_the_unexpired_ones_last_fetched() {
        let (_dir, project) = project_with_claims("claims:\n  remote: origin\n  ttl: 1h\n");
        let live = live_claims(&project).unwrap();
        assert_eq!(live.claims.len(), 1);
        assert!(live.held_by_other("250101-000000-fresh").is_some());
        assert!(live.held_by_other("250101-000000-old").is_none());
        assert!(live.get("250101-000000-old").is_none());
        // Reading them created no clone identity.
        assert!(project.repo().unwrap().existing_clone_id().is_none());
        assert_eq!(
            fetch_claims(&project, None).unwrap_err().info().code,
            ErrorCode::ClaimUnreachable
        );
        // No claims remote: nothing is claimed, nothing to fetch.
        let (_dir, project) = project_with_claims("");
        assert!(live_claims(&project).unwrap().claims.is_empty());
        fetch_claims(&project, None).unwrap();
    }

    #[test]
    fn ours_only_by_clone_identity_and_expired_after_the_ttl() {
        let (c, now) = fetched("me", 59);
        let j = judge(c, Some("me"), 60, &now);
        assert!(j.ours && !j.expired && j.age == 59);
        let (c, now) = fetched("me", 60);
        assert!(judge(c, Some("me"), 60, &now).expired);
        let (c, now) = fetched("other", 10);
        assert!(!judge(c, Some("me"), 60, &now).ours);
        let (c, now) = fetched("me", 10);
        assert!(!judge(c, None, 60, &now).ours);
        let (mut c, now) = fetched("me", 10_000);
        c.info = None;
        let j = judge(c, Some("me"), 60, &now);
        assert!(
            !j.ours && !j.expired,
            "an unreadable claim is somebody's, live"
        );
        assert_eq!(age(59), "59s");
        assert_eq!(age(3 * 3600 + 5 * 60), "3h 5m");
    }
}
