//! Claims on a shared remote: the git half. A claim on ticket `<ID>` is the ref
//! `refs/ticket-claims/<ID>` on the remote, pointing to a small commit (empty tree, no
//! parent, on no branch) whose message records who holds it ([`ClaimInfo`]). It is written
//! as an object only — no branch, no index, no working tree is touched — and pushed with a
//! compare-and-swap: `git push --force-with-lease=<ref>:<expected>`, where an empty expected
//! value means "only if the ref does not exist". git's receive-pack applies the update in a
//! ref transaction that checks the old value under the ref's lock, so of any number of
//! racing pushes exactly one wins (`test_claims.rs` races 8 clones).
//!
//! Claims fetched from remote `<name>` live in this repository under
//! `refs/ticket-claims/<name>/<ID>` — never under `refs/heads`, `refs/tags` or
//! `refs/remotes`, so `git fetch` and `git push` of branches never touch them — and are read
//! back with libgit2 (no git process): [`Repo::fetched_claims`].

use std::io::Read;

use git2::{Oid, Signature};

use super::{GitError, ReadError, Repo};
use crate::ticket::Timestamp;

/// The namespace of claims, on the remote and (with the remote's name added) here.
pub const NAMESPACE: &str = "refs/ticket-claims/";

/// The file in the common git directory that holds this clone's identity.
pub const CLONE_ID_FILE: &str = "git-ticket-clone-id";

/// Who holds a claim, as recorded in its commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimInfo {
    /// The ticket claimed.
    pub ticket: String,
    /// The claiming clone's identity (random, kept in its common git directory).
    pub clone: String,
    /// git `user.name` of the claimant.
    pub name: String,
    /// git `user.email` of the claimant.
    pub email: String,
    /// The claimant's host name.
    pub host: String,
    /// `GIT_TICKET_AGENT` of the claimant, when set.
    pub agent: Option<String>,
    /// When the claim was made or last renewed.
    pub time: Timestamp,
}

/// One line of a claim's message: no line breaks inside a value.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ").trim().to_owned()
}

impl ClaimInfo {
    /// The claim commit's message.
    pub fn message(&self) -> String {
        let mut m = format!(
            "Claim ticket {}\n\nTicket: {}\nClone: {}\nName: {}\nEmail: {}\nHost: {}\n",
            one_line(&self.ticket),
            one_line(&self.ticket),
            one_line(&self.clone),
            one_line(&self.name),
            one_line(&self.email),
            one_line(&self.host),
        );
        if let Some(agent) = &self.agent {
            m.push_str(&format!("Agent: {}\n", one_line(agent)));
        }
        m.push_str(&format!("Time: {}\n", self.time.to_rfc3339_seconds()));
        m
    }

    /// Reads a claim commit's message back; `None` when it is not one (no ticket, clone or
    /// time).
    pub fn parse(message: &str) -> Option<ClaimInfo> {
        let field = |key: &str| {
            message.lines().find_map(|l| {
                l.strip_prefix(key)
                    .and_then(|r| r.strip_prefix(": "))
                    .map(|v| v.trim().to_owned())
            })
        };
        Some(ClaimInfo {
            ticket: field("Ticket")?,
            clone: field("Clone").filter(|c| !c.is_empty())?,
            name: field("Name").unwrap_or_default(),
            email: field("Email").unwrap_or_default(),
            host: field("Host").unwrap_or_default(),
            agent: field("Agent").filter(|a| !a.is_empty()),
            time: Timestamp::parse(&field("Time")?)?,
        })
    }

    /// `Name <email> on host (agent X)`, the parts that are known, control characters escaped.
    pub fn holder(&self) -> String {
        let mut s = match (self.name.is_empty(), self.email.is_empty()) {
            (false, false) => format!("{} <{}>", self.name, self.email),
            (false, true) => self.name.clone(),
            (true, false) => format!("<{}>", self.email),
            (true, true) => "someone".to_owned(),
        };
        if !self.host.is_empty() {
            s.push_str(&format!(" on {}", self.host));
        }
        if let Some(agent) = &self.agent {
            s.push_str(&format!(" (agent {agent})"));
        }
        // What another clone wrote never reaches a terminal raw.
        crate::text::escape_control(&s).into_owned()
    }
}

/// A claim as last fetched from a remote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchedClaim {
    /// The ticket (the ref's last component).
    pub ticket: String,
    /// The claim commit (hex): the value a compare-and-swap expects.
    pub value: String,
    /// What the claim records; `None` when the commit is not a readable claim.
    pub info: Option<ClaimInfo>,
}

/// How a push of a claim ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PushResult {
    /// The remote took the update.
    Done,
    /// The remote (or git, from what the remote advertised) refused it: the ref's value was
    /// not the one expected. git's words.
    Rejected(String),
    /// The remote could not be reached (missing, offline, timed out). git's words.
    Unreachable(String),
}

/// The local ref that holds the claim on `ticket` last seen on `remote`.
fn fetched_ref(remote: &str, ticket: &str) -> String {
    format!("{NAMESPACE}{remote}/{ticket}")
}

impl Repo {
    /// This clone's identity, created on first use: 32 random hex digits in the common git
    /// directory (shared by all worktrees of the clone; another clone has its own).
    pub fn clone_id(&self) -> std::io::Result<String> {
        if let Some(id) = self.existing_clone_id() {
            return Ok(id);
        }
        let path = self.common_dir().join(CLONE_ID_FILE);
        let read = |p: &std::path::Path| std::fs::read_to_string(p).map(|s| s.trim().to_owned());
        let mut bytes = [0u8; 16];
        std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        // Two processes creating it at once: the first link wins, the other reads it.
        match crate::fsutil::create_exclusive(&path, format!("{id}\n").as_bytes()) {
            Ok(()) => Ok(id),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read(&path),
            Err(e) => Err(e),
        }
    }

    /// This clone's identity when it has one already (reads create nothing).
    pub fn existing_clone_id(&self) -> Option<String> {
        std::fs::read_to_string(self.common_dir().join(CLONE_ID_FILE))
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    }

    /// The git identity (`user.name`, `user.email`) from this repository's config.
    pub fn identity(&self) -> (Option<String>, Option<String>) {
        (
            self.config_string("user.name"),
            self.config_string("user.email"),
        )
    }

    /// Writes the claim commit recording `info` (an object only: no ref, no index, no
    /// working tree changes) and returns its id.
    pub fn write_claim(&self, info: &ClaimInfo) -> Result<String, ReadError> {
        let tree = self.repo.treebuilder(None)?.write()?;
        let tree = self.repo.find_tree(tree)?;
        let (name, email) = (
            one_line(&info.name),
            one_line(&info.email).replace(['<', '>'], ""),
        );
        let name = if name.is_empty() { "git-ticket" } else { &name };
        let email = if email.is_empty() {
            "git-ticket@localhost"
        } else {
            &email
        };
        let when = git2::Time::new(info.time.unix, info.time.offset / 60);
        let sig = Signature::new(name, email, &when)
            .or_else(|_| Signature::new("git-ticket", "git-ticket@localhost", &when))?;
        let oid = self
            .repo
            .commit(None, &sig, &sig, &info.message(), &tree, &[])?;
        Ok(oid.to_string())
    }

    /// Pushes the claim on `ticket` to `remote` in one `git push`: sets it to `new` (`None`
    /// deletes it) only if its value there is `expected` (`None`: only if it does not
    /// exist). The user's pre-push hook does not run for claims.
    pub fn push_claim(
        &self,
        remote: &str,
        ticket: &str,
        new: Option<&str>,
        expected: Option<&str>,
    ) -> Result<PushResult, GitError> {
        let refname = format!("{NAMESPACE}{ticket}");
        let lease = format!("--force-with-lease={refname}:{}", expected.unwrap_or(""));
        let spec = format!("{}:{refname}", new.unwrap_or(""));
        let git = self.git()?;
        let ended = git.run_ended(
            self.target(),
            &["push", "--porcelain", "--no-verify", &lease, remote, &spec],
        )?;
        Ok(match ended.code {
            None => PushResult::Unreachable(format!(
                "git push timed out after {}s (timeouts.git)",
                git.timeout().as_secs()
            )),
            Some(0) => PushResult::Done,
            Some(_) => {
                let refused = ended
                    .stdout
                    .lines()
                    .find(|l| l.starts_with("!\t"))
                    .map(|l| l.rsplit('\t').next().unwrap_or(l).trim().to_owned());
                match refused {
                    Some(why) => PushResult::Rejected(why),
                    None => PushResult::Unreachable(first_lines(&ended.stderr)),
                }
            }
        })
    }

    /// Fetches every claim of `remote` into `refs/ticket-claims/<remote>/` (one `git
    /// fetch`; claims released there are removed here). Fails when the remote cannot be
    /// reached.
    pub fn fetch_claims(&self, remote: &str) -> Result<(), GitError> {
        let spec = format!("+{NAMESPACE}*:{NAMESPACE}{remote}/*");
        let git = self.git()?;
        let args = [
            "fetch",
            "--quiet",
            "--no-tags",
            "--no-write-fetch-head",
            "--no-recurse-submodules",
            "--prune",
            remote,
            &spec,
        ];
        let ended = git.run_ended(self.target(), &args)?;
        match ended.code {
            Some(0) => Ok(()),
            code => Err(GitError {
                command: format!("fetch {remote} {spec}"),
                reason: if code.is_none() {
                    format!(
                        "timed out after {}s (timeouts.git)",
                        git.timeout().as_secs()
                    )
                } else {
                    first_lines(&ended.stderr)
                },
            }),
        }
    }

    /// The claims of `remote` as last fetched (or pushed from here), by ticket.
    pub fn fetched_claims(&self, remote: &str) -> Vec<FetchedClaim> {
        let prefix = format!("{NAMESPACE}{remote}/");
        let Ok(refs) = self.repo.references_glob(&format!("{prefix}*")) else {
            return Vec::new();
        };
        let mut out: Vec<FetchedClaim> = refs
            .flatten()
            .filter_map(|r| {
                let ticket = r.name().ok()?.strip_prefix(&prefix)?.to_owned();
                let oid = r.target()?;
                Some(self.fetched(ticket, oid))
            })
            .collect();
        out.sort_by(|a, b| a.ticket.cmp(&b.ticket));
        out
    }

    /// The claim on `ticket` of `remote` as last fetched (or pushed from here).
    pub fn fetched_claim(&self, remote: &str, ticket: &str) -> Option<FetchedClaim> {
        let oid = self
            .repo
            .find_reference(&fetched_ref(remote, ticket))
            .ok()?
            .target()?;
        Some(self.fetched(ticket.to_owned(), oid))
    }

    fn fetched(&self, ticket: String, oid: Oid) -> FetchedClaim {
        let info = self
            .repo
            .find_commit(oid)
            .ok()
            .and_then(|c| ClaimInfo::parse(&String::from_utf8_lossy(c.message_bytes())));
        FetchedClaim {
            ticket,
            value: oid.to_string(),
            info,
        }
    }

    /// Records what a push of ours left on `remote` for `ticket` (`None`: no claim), so that
    /// the next renewal or release expects it.
    pub fn record_claim(
        &self,
        remote: &str,
        ticket: &str,
        value: Option<&str>,
    ) -> Result<(), ReadError> {
        let name = fetched_ref(remote, ticket);
        match value {
            Some(v) => self
                .repo
                .reference(&name, Oid::from_str(v)?, true, "git-ticket: claim")
                .map(drop),
            None => match self.repo.find_reference(&name) {
                Ok(mut r) => r.delete(),
                Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(()),
                Err(e) => Err(e),
            },
        }
    }
}

/// git's message without its advice: the first three non-empty lines.
fn first_lines(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect();
    if lines.is_empty() {
        "git gave no reason".to_owned()
    } else {
        lines.join("; ")
    }
}

/// The host name of this machine (`uname`).
pub fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(agent: Option<&str>) -> ClaimInfo {
        ClaimInfo {
            ticket: "250101-000000-a".into(),
            clone: "0123abcd".into(),
            name: "Ann\nEx".into(),
            email: "ann@example.com".into(),
            host: "box".into(),
            agent: agent.map(str::to_owned),
            time: Timestamp::parse("2026-01-02T03:04:05Z").unwrap(),
        }
    }

    #[test]
    fn claim_messages_round_trip() {
        for agent in [None, Some("claude-1")] {
            let info = sample(agent);
            let back = ClaimInfo::parse(&info.message()).unwrap();
            assert_eq!(back.name, "Ann Ex");
            assert_eq!(
                ClaimInfo {
                    name: info.name.replace('\n', " "),
                    ..info
                },
                back
            );
            let back = ClaimInfo::parse(&back.message()).unwrap();
            assert_eq!(back.name, "Ann Ex");
        }
        assert_eq!(
            sample(Some("claude-1")).holder(),
            "Ann\\nEx <ann@example.com> on box (agent claude-1)"
        );
        assert!(ClaimInfo::parse("Claim ticket x\n\nTicket: x\n").is_none());
        assert!(ClaimInfo::parse("hello").is_none());
    }

    #[test]
    fn a_missing_remote_is_unreachable_and_a_taken_ref_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let bare = dir.path().join("remote.git");
        let clone = dir.path().join("clone");
        git2::Repository::init_bare(&bare).unwrap();
        git2::Repository::init(&clone).unwrap();
        let repo = Repo::open_path(&clone).unwrap();
        let id = repo.clone_id().unwrap();
        assert_eq!(id.len(), 32);
        assert_eq!(repo.clone_id().unwrap(), id);
        let info = ClaimInfo {
            clone: id,
            ..sample(None)
        };
        let value = repo.write_claim(&info).unwrap();
        let remote = bare.to_str().unwrap();
        let t = "250101-000000-a";
        let missing = dir.path().join("missing").display().to_string();
        assert!(matches!(
            repo.push_claim(&missing, t, Some(&value), None).unwrap(),
            PushResult::Unreachable(_)
        ));
        assert_eq!(
            repo.push_claim(remote, t, Some(&value), None).unwrap(),
            PushResult::Done
        );
        // The same value again is "up to date"; another one finds the ref taken.
        assert_eq!(
            repo.push_claim(remote, t, Some(&value), None).unwrap(),
            PushResult::Done
        );
        let other = repo
            .write_claim(&ClaimInfo {
                clone: "other".into(),
                ..info.clone()
            })
            .unwrap();
        assert!(matches!(
            repo.push_claim(remote, t, Some(&other), None).unwrap(),
            PushResult::Rejected(_)
        ));
        assert!(matches!(
            repo.push_claim(remote, t, Some(&other), Some(&other))
                .unwrap(),
            PushResult::Rejected(_)
        ));
        assert!(repo.fetch_claims(&missing).is_err());
        // The path is not a valid ref component; a named remote is what start uses.
        repo.set_local_config("remote.shared.url", remote).unwrap();
        repo.fetch_claims("shared").unwrap();
        let got = repo.fetched_claims("shared");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].value, value);
        assert_eq!(
            got[0].info.as_ref(),
            Some(&ClaimInfo {
                name: "Ann Ex".into(),
                ..info.clone()
            })
        );
        assert_eq!(
            repo.push_claim("shared", t, None, Some(&value)).unwrap(),
            PushResult::Done
        );
        repo.fetch_claims("shared").unwrap();
        assert!(repo.fetched_claims("shared").is_empty());
        assert!(repo.fetched_claim("shared", t).is_none());
        repo.record_claim("shared", t, Some(&value)).unwrap();
        assert_eq!(repo.fetched_claim("shared", t).unwrap().value, value);
        repo.record_claim("shared", t, None).unwrap();
        repo.record_claim("shared", t, None).unwrap();
        assert!(repo.fetched_claim("shared", t).is_none());
    }
}
