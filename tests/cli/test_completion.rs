//! Completion as people type, through the real completion functions of bash (git's
//! completion script calling our `_git_ticket`), zsh (zsh's `_git` calling our `_git-ticket`,
//! driven in a pseudo-terminal) and fish (`complete -C` with our file in `conf.d`): ticket
//! references by slug and slug words, the tickets each command can take, option values,
//! subcommands, fields, placeholders, git aliases, and no hidden options.

use std::process::Command;

use crate::common::{TestEnv, path_with_bin, require_tool};

const COMPLETIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/completions");

/// A repository with tickets in every state, and `git ts` = `git ticket start`.
struct Repo {
    env: TestEnv,
    /// Todo.
    fix_dup_login: String,
    dup_check: String,
    other: String,
    /// Doing, with its worktree.
    busy: String,
    /// Doing, its worktree gone (start makes one).
    stalled: String,
    /// Done.
    finished: String,
}

fn repo() -> Repo {
    let env = TestEnv::without_init_commands();
    let fix_dup_login = env.new_ticket("fix-dup-login");
    let dup_check = env.new_ticket("dup-check");
    let other = env.new_ticket("other");
    let busy = env.new_ticket("busy");
    let fm = |started: &str, closed: &str| {
        format!(
            "priority: 2\ndescription: ''\ncreated_at: \"2025-01-01T00:00:00Z\"\nstarted_at: {started}\nclosed_at: {closed}\n"
        )
    };
    let at = "\"2025-01-02T00:00:00Z\"";
    let stalled = "250101-000001-stalled".to_owned();
    env.ticket("doing", &stalled, &fm(at, "null"), "");
    let finished = "250101-000002-finished".to_owned();
    env.ticket("done", &finished, &fm(at, at), "");
    env.commit_all("tickets");
    env.run(&["start", &busy]).ok();
    env.git(&["config", "alias.ts", "ticket start"]);
    Repo {
        env,
        fix_dup_login,
        dup_check,
        other,
        busy,
        stalled,
        finished,
    }
}

fn sorted(mut words: Vec<String>) -> Vec<String> {
    words.sort();
    words.dedup();
    words
}

fn lines(out: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

/// bash: git's completion and ours sourced, `COMP_WORDS` split as readline splits them
/// (at blanks and at `=`, `:` and `(`), `__git_main` called; the `COMPREPLY` words.
fn bash(env: &TestEnv, line: &str) -> Vec<String> {
    let script = format!(
        "source /usr/share/bash-completion/completions/git\nsource {COMPLETIONS}/git-ticket\n\
         COMP_LINE=\"$1\"; COMP_POINT=${{#COMP_LINE}}\n\
         read -ra COMP_WORDS <<< \"$(sed 's/\\([=:(]\\)/ \\1 /g' <<< \"$COMP_LINE\")\"\n\
         [[ \"$COMP_LINE\" == *[\\ =:\\(] ]] && COMP_WORDS+=('')\n\
         COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
         __git_wrap__git_main\nprintf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let mut cmd = Command::new("bash");
    env.hermetic(&mut cmd);
    let out = cmd
        .env("PATH", path_with_bin())
        .current_dir(&env.root)
        .args(["--norc", "-c", &script, "bash", line])
        .output()
        .unwrap();
    sorted(lines(&out.stdout))
}

/// The zsh harness: an interactive `zsh -f` in a pseudo-terminal with our folder on `fpath`
/// and `compinit`; `compadd` prints each match it is given; the line is typed with a TAB.
const ZSH_HARNESS: &str = r#"zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='' PROMPT='' RPROMPT=''; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd () { local -a __m; builtin compadd -O __m "$@"; local __x; for __x in $__m; do print -r -- "<<$__x>>"; done; builtin compadd "$@" }'
zpty -w z 'zstyle ":completion:*" list-prompt ""; zstyle ":completion:*" menu no; LISTMAX=1000'
zpty -w z 'print -r -- __READY__'
while zpty -r z line; do [[ $line == *__READY__* && $line != *print* ]] && break; done
zpty -w z 'tab-then-mark () { zle complete-word; print -r -- "@@END@@" >/dev/tty }; zle -N tab-then-mark; bindkey "^I" tab-then-mark'
zpty -n -w z "$2"$'\t'
# Wait for the completion to finish before typing on: zsh drops a completion's output when
# keys are already waiting (typeahead), so typing at once would race a slow completion.
out=""
end=$((SECONDS + 15))
while (( SECONDS < end )); do
  if zpty -r -t z line 2>/dev/null; then
    out+=$line
    [[ $line == *@@END@@* && $line != *print* ]] && break
  else
    sleep 0.05
  fi
done
zpty -n -w z $'\C-u'"print -r -- __DONE__"$'\n'
while zpty -r -t z line 2>/dev/null || sleep 0.05; do
  [[ $line == *__DONE__* && $line != *print* ]] && break
  out+=$line
done
print -r -- $out | tr -d '\r' | grep -ao '<<[^<>]*>>' | sed 's/^<<//; s/>>$//'
zpty -d z
"#;

fn zsh(env: &TestEnv, line: &str) -> Vec<String> {
    let harness = env.dir.path().join("harness.zsh");
    std::fs::write(&harness, ZSH_HARNESS).unwrap();
    let mut cmd = Command::new("timeout");
    env.hermetic(&mut cmd);
    let out = cmd
        .env("PATH", path_with_bin())
        .env("TERM", "dumb")
        .current_dir(&env.root)
        .args(["20", "zsh", "-f"])
        .arg(&harness)
        .args([COMPLETIONS, line])
        .output()
        .unwrap();
    assert!(out.status.success(), "zsh harness: {out:?}");
    sorted(lines(&out.stdout))
}

/// fish: our file in `conf.d` (where the README installs it), `complete -C`.
fn fish(env: &TestEnv, line: &str) -> Vec<String> {
    let conf = env.dir.path().join("home/.config/fish/conf.d");
    std::fs::create_dir_all(&conf).unwrap();
    std::fs::copy(
        format!("{COMPLETIONS}/git-ticket.fish"),
        conf.join("git-ticket.fish"),
    )
    .unwrap();
    let mut cmd = Command::new("fish");
    env.hermetic(&mut cmd);
    let out = cmd
        .env("PATH", path_with_bin())
        .current_dir(&env.root)
        .args(["-c", "complete -C $argv[1]", line])
        .output()
        .unwrap();
    sorted(lines(&out.stdout))
}

fn has(words: &[String], wanted: &[&str]) -> bool {
    wanted.iter().all(|w| words.iter().any(|x| x == w))
}

/// What every shell must offer (with each shell's way of showing a value after `=`/`(`).
fn check_common(r: &Repo, shell: &str, complete: &dyn Fn(&TestEnv, &str) -> Vec<String>) {
    let env = &r.env;
    let c = |line: &str| complete(env, line);
    let ids = |v: &[&String]| sorted(v.iter().map(|s| (*s).clone()).collect());
    // A word of a slug, not the start of an ID.
    assert_eq!(c("git ticket start login"), ["fix-dup-login"], "{shell}");
    assert_eq!(c("git ticket show fix-d"), ["fix-dup-login"], "{shell}");
    // start: todo tickets and doing ones without a worktree; not busy (worktree) nor done.
    assert_eq!(
        c("git ticket start "),
        ids(&[&r.fix_dup_login, &r.dup_check, &r.other, &r.stalled]),
        "{shell}"
    );
    // close: doing ones; cleanup: done ones; new --parent: any.
    assert_eq!(
        c("git ticket close "),
        ids(&[&r.busy, &r.stalled]),
        "{shell}"
    );
    assert_eq!(c("git ticket cleanup "), ids(&[&r.finished]), "{shell}");
    assert_eq!(
        c("git ticket new x --parent "),
        ids(&[
            &r.fix_dup_login,
            &r.dup_check,
            &r.other,
            &r.busy,
            &r.stalled,
            &r.finished
        ]),
        "{shell}"
    );
    // Through a git alias: `git ts` is `git ticket start`.
    assert_eq!(c("git ts login"), ["fix-dup-login"], "{shell}");
    assert!(!c("git ts ").contains(&r.busy), "{shell}");
    // Option values, subcommands and positionals with fixed values.
    assert!(
        has(&c("git ticket list -o "), &["text", "json", "ndjson"]),
        "{shell}"
    );
    assert!(has(&c("git ticket -o "), &["ndjson"]), "{shell}");
    let colour = c("git ticket --color=");
    assert!(
        colour.iter().any(|w| w.ends_with("always")),
        "{shell}: {colour:?}"
    );
    assert_eq!(c("git ticket worktree "), ["clean", "list"], "{shell}");
    assert_eq!(
        c("git ticket completion "),
        ["bash", "fish", "zsh"],
        "{shell}"
    );
    assert_eq!(
        c("git ticket hook "),
        ["commit-msg", "post-checkout", "pre-push"],
        "{shell}"
    );
    // Fields of get.
    let fields = c("git ticket get login ");
    assert!(
        has(&fields, &["priority", "closed_at", "related"]),
        "{shell}: {fields:?}"
    );
    // Commands, and options without the hidden logging flags.
    assert!(has(&c("git ticket st"), &["start", "status"]), "{shell}");
    let options = c("git ticket list --");
    assert!(
        has(&options, &["--status=", "--count="]),
        "{shell}: {options:?}"
    );
    assert!(
        !options.iter().any(|o| o.starts_with("--log")),
        "{shell}: {options:?}"
    );
    assert!(c("git ticket list --log").is_empty(), "{shell}");
}

#[test]
fn completion_bash_through_gits_completion() {
    if !require_tool("git-bash-completion") {
        return;
    }
    let r = repo();
    check_common(&r, "bash", &bash);
    let c = |line: &str| bash(&r.env, line);
    // Slug prefix and slug words together.
    assert_eq!(c("git ticket start dup"), ["dup-check", "fix-dup-login"]);
    // Readline replaces what follows `=` or `(`: the value, the placeholder's rest.
    assert_eq!(c("git ticket list --status=d"), ["doing", "done"]);
    assert_eq!(
        c("git ticket for-each-ticket --format=%(cl"),
        ["closed_at)", "closure_reason)"]
    );
    assert_eq!(
        c("git ticket for-each-ticket --format='%(id) %(st"),
        ["started_at)", "status)"]
    );
    // git's own completion is left alone.
    assert!(c("git chec").contains(&"checkout".to_owned()));
}

#[test]
fn completion_zsh_through_zshs_git_completion() {
    if !require_tool("zsh") {
        return;
    }
    let r = repo();
    check_common(&r, "zsh", &zsh);
    let c = |line: &str| zsh(&r.env, line);
    assert_eq!(c("git ticket start dup"), ["dup-check", "fix-dup-login"]);
    assert_eq!(
        c("git ticket list --status=d"),
        ["--status=doing", "--status=done"]
    );
    assert_eq!(
        c("git ticket for-each-ticket --format=%(cl"),
        ["--format=%(closed_at)", "--format=%(closure_reason)"]
    );
    // git-ticket on its own.
    assert_eq!(c("git-ticket start login"), ["fix-dup-login"]);
}

#[test]
fn completion_fish_complete_command() {
    if !require_tool("fish") {
        return;
    }
    let r = repo();
    check_common(&r, "fish", &fish);
    let c = |line: &str| fish(&r.env, line);
    // fish shows prefix matches before (and instead of) matches inside a word.
    assert_eq!(c("git ticket start dup"), ["dup-check"]);
    assert_eq!(
        c("git ticket list --status=d"),
        ["--status=doing", "--status=done"]
    );
    // In fish a `(` starts a command substitution: the format is quoted.
    assert_eq!(
        c("git ticket for-each-ticket --format='%(cl"),
        ["--format=%(closed_at)", "--format=%(closure_reason)"]
    );
    assert_eq!(c("git-ticket start login"), ["fix-dup-login"]);
}
