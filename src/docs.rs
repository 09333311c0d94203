//! Generated documentation: man pages (`man/man1/`) and shell completions (`completions/`),
//! all from the registry. The committed files are checked against these generators by
//! `tests/cli/test_docs.rs`; regenerate with `GIT_TICKET_BLESS=1 cargo test --test cli docs`.

use std::fmt::Write as _;

use crate::commands::{Spec, cli};

/// Every man page: `git-ticket.1` and `git-ticket-<command>.1`, as (file name, contents).
/// Each has, after clap's NAME, SYNOPSIS, DESCRIPTION and OPTIONS, the sections EXIT STATUS,
/// ENVIRONMENT, FILES, EXAMPLES and SEE ALSO (the order of man-pages(7)).
pub fn man_pages(commands: &[Spec]) -> Vec<(String, Vec<u8>)> {
    let commands: Vec<&Spec> = commands.iter().filter(|c| !c.hidden).collect();
    let top = cli_visible(&commands);
    let mut pages = vec![(
        "git-ticket.1".to_owned(),
        render_page(top, "git-ticket", &Extra::top(&commands)),
    )];
    for spec in &commands {
        let name = format!("git-ticket-{}", spec.name);
        let cmd = spec
            .command_with_globals()
            .name(name.clone())
            .bin_name(format!("git ticket {}", spec.name))
            .after_help(None::<&str>);
        pages.push((
            format!("{name}.1"),
            render_page(cmd, &name, &Extra::command(spec, &commands)),
        ));
    }
    pages
}

/// The top-level command with the commands that are not hidden.
fn cli_visible(commands: &[&Spec]) -> clap::Command {
    let owned: Vec<clap::Command> = commands
        .iter()
        .map(|spec| spec.command().visible_aliases(spec.aliases.iter().copied()))
        .collect();
    cli(&[]).subcommands(owned)
}

/// The sections git-ticket adds to clap's.
struct Extra {
    aliases: Vec<&'static str>,
    exit_note: Option<&'static str>,
    examples: Vec<(&'static str, &'static str)>,
    see_also: Vec<String>,
}

impl Extra {
    /// The main page: the quick start as examples, the git pages as see-also.
    fn top(commands: &[&Spec]) -> Extra {
        Extra {
            aliases: Vec::new(),
            exit_note: None,
            examples: TOP_EXAMPLES.to_vec(),
            see_also: [
                "git(1)",
                "git-worktree(1)",
                "githooks(5)",
                "gitattributes(5)",
            ]
            .iter()
            .map(|s| (*s).to_owned())
            .chain(commands.iter().map(|c| format!("git-ticket-{}(1)", c.name)))
            .collect(),
        }
    }

    /// A command's page: its examples, git-ticket(1), the pages of the other commands its
    /// examples use, its own see-also pages, git(1).
    fn command(spec: &Spec, commands: &[&Spec]) -> Extra {
        let mut see_also = vec!["git-ticket(1)".to_owned()];
        for (line, _) in spec.examples {
            let words: Vec<&str> = line
                .split(|c: char| c.is_whitespace() || "\"'$()|;&`".contains(c))
                .filter(|w| !w.is_empty())
                .collect();
            for w in words.windows(3) {
                let other = match w {
                    ["git", "ticket", name] => commands.iter().find(|c| c.name == *name),
                    _ => None,
                };
                if let Some(other) = other.filter(|o| o.name != spec.name) {
                    let page = format!("git-ticket-{}(1)", other.name);
                    if !see_also.contains(&page) {
                        see_also.push(page);
                    }
                }
            }
        }
        see_also.extend(spec.see_also.iter().map(|s| (*s).to_owned()));
        see_also.push("git(1)".to_owned());
        see_also.dedup();
        Extra {
            aliases: spec.aliases.to_vec(),
            exit_note: spec.exit_note,
            examples: spec.examples.to_vec(),
            see_also,
        }
    }
}

/// The main page's examples: the README's quick start.
const TOP_EXAMPLES: &[(&str, &str)] = &[
    (
        "git ticket init",
        "set up ticket folders and .ticketflow.yaml in this repository",
    ),
    ("git ticket new fix-login-timeout", "create a todo ticket"),
    (
        "git ticket list",
        "todo and doing tickets, most important first",
    ),
    (
        "git ticket start login",
        "commit the move to doing, make its branch and worktree",
    ),
    (
        "git ticket close",
        "in the ticket's worktree: commit the move to done",
    ),
    (
        "git ticket cleanup fix-login-timeout",
        "after the merge: remove its worktree and branch",
    ),
    (
        "git ticket help -a",
        "every command, porcelain and plumbing",
    ),
];

/// The files git-ticket reads and writes, for FILES.
fn files() -> Vec<(String, &'static str)> {
    vec![
        (
            ".ticketflow.yaml".into(),
            "The project's configuration (TicketFlow's format), at the root of the working tree; written by init.",
        ),
        (
            "tickets/todo/, tickets/doing/, tickets/done/".into(),
            "The tickets, one <ID>.md file each: YAML front matter and a Markdown body (the folder is tickets.dir of the configuration).",
        ),
        (
            crate::current::LINK.into(),
            "In a ticket's worktree or on its branch: a link to its ticket file (ignored by git; see restore).",
        ),
        (
            "../.worktrees/<ID>".into(),
            "The worktree of a started ticket (worktree.base_dir of the configuration, relative to the repository root).",
        ),
        (
            ".gitattributes".into(),
            "The merge=ticket line of install-merge-driver.",
        ),
        (
            format!("$GIT_COMMON_DIR/{}", crate::lock::FILE),
            "The repository lock every change to tickets, branches or worktrees holds (shared by all worktrees).",
        ),
        (
            format!("$GIT_COMMON_DIR/{}/", crate::journal::DIR),
            "The journal of multi-step changes: an interrupted change is finished or undone by the next command that takes the lock.",
        ),
        (
            format!("$GIT_COMMON_DIR/{}", crate::trust::FILE),
            "The trust store: content ids of the configurations whose worktree.init_commands may run on this machine (see trust).",
        ),
        (
            "$GIT_DIR/hooks/commit-msg, post-checkout, pre-push".into(),
            "The hooks of install-hooks (core.hooksPath is honoured); a hook that was there before is kept as <hook>.pre-git-ticket and run first.",
        ),
    ]
}

/// One man page: clap's sections, then git-ticket's.
fn render_page(cmd: clap::Command, title: &str, extra: &Extra) -> Vec<u8> {
    let top = title == "git-ticket";
    let subcommands: Vec<(String, String)> = cmd
        .get_subcommands()
        .map(|c| {
            (
                c.get_name().to_owned(),
                c.get_about().map(|a| a.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let man = clap_mangen::Man::new(cmd)
        .title(title.to_uppercase())
        .section("1")
        .source(format!("git-ticket {}", env!("CARGO_PKG_VERSION")))
        .manual("Git Manual");
    type Part = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    let mut parts: Vec<Part> = vec![
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
    ];
    // The title by hand: clap_mangen leaves out an empty date, which shifts the source and
    // manual into the wrong fields.
    let mut out = format!(
        ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.TH {} 1 \"\" \"git-ticket {}\" \"Git Manual\"\n",
        title.to_uppercase(),
        env!("CARGO_PKG_VERSION")
    );
    let render = |parts: &[Part], out: &mut String| {
        for part in parts {
            let mut buf = Vec::new();
            part(&man, &mut buf).expect("rendering to memory cannot fail");
            let text = String::from_utf8(buf).expect("man pages are UTF-8");
            // Each part starts with the roff crate's preamble: keep the first only.
            out.push_str(&text[text.find(".SH ").unwrap_or(0)..]);
        }
    };
    render(&parts, &mut out);
    if !extra.aliases.is_empty() {
        let _ = writeln!(
            out,
            ".PP
Aliases: {}",
            roff(&extra.aliases.join(", "))
        );
    }
    parts = vec![clap_mangen::Man::render_options_section];
    if top {
        // The commands, each with its own page.
        parts.push(clap_mangen::Man::render_subcommands_section);
    }
    render(&parts, &mut out);
    if !top && !subcommands.is_empty() {
        // A command's subcommands have no page of their own: described here.
        out.push_str(".SH COMMANDS\n");
        for (name, about) in &subcommands {
            let _ = writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(name), roff(about));
        }
    }
    out.push_str(".SH \"EXIT STATUS\"\n");
    out.push_str(".TP\n\\fB0\\fR\nSuccess.\n.TP\n\\fB1\\fR\n");
    out.push_str(&roff(
        "An error: the message says what failed and what to do next (with -o json, a JSON object with a stable error code).",
    ));
    out.push('\n');
    if let Some(note) = extra.exit_note {
        let _ = writeln!(out, "Also {}.", roff(note));
    }
    out.push_str(".TP\n\\fB2\\fR\nA usage error: an unknown command or option, a missing or invalid argument.\n");
    out.push_str(".SH ENVIRONMENT\n");
    for v in crate::env::VARIABLES {
        let (names, what) = (v.name, v.meaning);
        let bold: Vec<String> = names
            .split(", ")
            .map(|n| format!("\\fB{}\\fR", roff(n)))
            .collect();
        let _ = writeln!(out, ".TP\n{}\n{}", bold.join(", "), roff(what));
    }
    out.push_str(".PP\n");
    out.push_str(&roff(
        "The git commands git-ticket runs read git's own variables (GIT_AUTHOR_NAME, GIT_COMMITTER_DATE and the others of git(1)).",
    ));
    out.push('\n');
    out.push_str(".SH FILES\n");
    for (path, what) in files() {
        let _ = writeln!(out, ".TP\n\\fI{}\\fR\n{}", roff(&path), roff(what));
    }
    out.push_str(".SH EXAMPLES\n");
    for (line, what) in &extra.examples {
        let _ = writeln!(
            out,
            ".PP\n{}:\n.PP\n.RS 4\n.nf\n\\fB{}\\fR\n.fi\n.RE",
            roff(&capitalised(what)),
            roff(line)
        );
    }
    out.push_str(".SH \"SEE ALSO\"\n");
    let pages: Vec<String> = extra
        .see_also
        .iter()
        .map(|p| match p.split_once('(') {
            Some((name, section)) => format!("\\fB{}\\fR({section}", roff(name)),
            None => roff(p),
        })
        .collect();
    let _ = writeln!(out, "{}", pages.join(", "));
    out.into_bytes()
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Text as roff: backslashes, dashes and apostrophes escaped, no line read as a request.
fn roff(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\e")
        .replace('-', "\\-")
        .replace('\'', "\\*(Aq");
    if escaped.starts_with('.') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The completion files: (file name, contents) for bash, zsh and fish. Each is a thin
/// adapter: the candidates come from `git ticket __complete` (`commands::complete`), so the
/// three shells offer the same words.
pub fn completions(_commands: &[Spec]) -> Vec<(String, String)> {
    vec![
        ("git-ticket".to_owned(), BASH.to_owned()),
        ("_git-ticket".to_owned(), ZSH.to_owned()),
        ("git-ticket.fish".to_owned(), FISH.to_owned()),
    ]
}

/// Bash: `_git_ticket`, which git's own completion calls for `git ticket <TAB>` and for an
/// alias whose command is `ticket` (`git config alias.ts 'ticket start'`: its words after
/// `ticket` come first). It registers nothing for `git` itself.
const BASH: &str = r#"# bash completion for git-ticket. Generated; do not edit.
# git's completion calls _git_ticket for `git ticket <TAB>` and for git aliases of it.
# Install as ~/.local/share/bash-completion/completions/git-ticket

_git_ticket ()
{
	# The line up to the cursor, split into words as the shell will (quotes and backslashes
	# removed; git's own words are split at = and : too). Nothing in it is evaluated.
	local line="${COMP_LINE:0:COMP_POINT}" typed=() w= q= c j started= i=1
	for ((j = 0; j < ${#line}; j++)); do
		c="${line:j:1}"
		if [ -n "$q" ]; then
			if [ "$c" = "$q" ]; then
				q=
			elif [ "$q$c" = '"\' ]; then
				((j++))
				w+="${line:j:1}"
			else
				w+="$c"
			fi
		else
			case "$c" in
			[[:blank:]]) [ -n "$started" ] && typed+=("$w"); w= started= ;;
			\'|\") q="$c" started=1 ;;
			\\) ((j++)); w+="${line:j:1}" started=1 ;;
			*) w+="$c" started=1 ;;
			esac
		fi
	done
	typed+=("$w")
	# The command's name, as __git_main finds it: "ticket" or an alias of git ticket
	# (`git config alias.ts 'ticket start'`), whose words after `ticket` come first.
	while [ $i -lt $((${#typed[@]} - 1)) ]; do
		case "${typed[i]}" in
		-C|-c|--git-dir|--work-tree|--namespace) ((i += 2)) ;;
		-*) ((i++)) ;;
		*) break ;;
		esac
	done
	local args=() seen=
	if [ "${typed[i]}" != ticket ]; then
		for w in $(__git config --get "alias.${typed[i]}"); do
			if [ -n "$seen" ]; then
				args+=("$w")
			elif [ "$w" = ticket ]; then
				seen=1
			fi
		done
	fi
	args+=("${typed[@]:i+1}")
	# Readline replaces the part of the word after the last word-break character (= : ( and
	# quotes among them): the candidates lose what comes before it.
	local word="${typed[${#typed[@]}-1]}"
	local keep="${line##*[$COMP_WORDBREAKS]}"
	local out
	out="$(__git ticket __complete -- "${args[@]}")"
	# File names: bash's default completion (git's is registered with -o default).
	[ "$out" = ":files" ] && return
	local drop=$((${#word} - ${#keep})) IFS=$'\n' cand
	COMPREPLY=()
	for line in $out; do
		cand="${line%%$'\t'*}"
		[ "${cand:0:drop}" = "${word:0:drop}" ] && cand="${cand:drop}"
		case "$cand" in
		*=|*:|*\)) COMPREPLY+=("$cand") ;;
		*) COMPREPLY+=("$cand ") ;;
		esac
	done
}
"#;

/// Zsh: `_git-ticket`, which zsh's `_git` calls for `git ticket <TAB>` (after expanding git
/// aliases itself), and the completion of `git-ticket`.
const ZSH: &str = r#"#compdef git-ticket
# zsh completion for git-ticket. Generated; do not edit.
# Save as _git-ticket in a folder on your fpath (before compinit): zsh's git completion calls
# it for `git ticket <TAB>` and for git aliases of it.

local -a lines words_ descs nospace nospace_descs
local line word help
# The words after the command, unquoted, then quoted again for _call_program's eval.
local -a args
args=("${(@Q)words[2,CURRENT]}")
lines=("${(@f)$(_call_program candidates git ticket __complete -- "${(@q)args}" 2>/dev/null)}")
if [[ $lines[1] == :files ]]; then
  _files
  return
fi
for line in $lines; do
  [[ -z $line ]] && continue
  word=${line%%$'\t'*}
  help=${line#*$'\t'}
  if [[ $word == *= ]]; then
    nospace+=("$word")
    nospace_descs+=("$word${help:+  -- $help}")
  else
    words_+=("$word")
    descs+=("$word${help:+  -- $help}")
  fi
done
(( $#words_ + $#nospace )) || return 1
(( $#words_ )) && compadd -U -l -d descs -a words_
(( $#nospace )) && compadd -U -l -S '' -d nospace_descs -a nospace
return 0
"#;

/// Fish: completion of `git ticket …`, of git aliases of it and of `git-ticket …`.
const FISH: &str = r#"# fish completion for git-ticket. Generated; do not edit.
# Save as ~/.config/fish/conf.d/git-ticket.fish (loaded at start, so that `git ticket <TAB>`
# and git aliases of it complete; fish's git completion does not load it for them).

# The words for `git ticket __complete` when the command line is git-ticket's: the words
# after `ticket` (an alias' words first); nothing (status 1) otherwise.
function __fish_git_ticket_words
    set -l tokens (commandline -opc)
    if test "$tokens[1]" = git-ticket
        string join \n -- $tokens[2..-1]
        return 0
    end
    test "$tokens[1]" = git; or return 1
    set -l i 2
    while set -q tokens[$i]
        switch $tokens[$i]
            case -C -c --git-dir --work-tree --namespace
                set i (math $i + 2)
            case '-*'
                set i (math $i + 1)
            case ticket
                string join \n -- $tokens[(math $i + 1)..-1]
                return 0
            case '*'
                # An alias whose command is `ticket`: its words after `ticket` first.
                set -l expansion (string split ' ' -- (command git config --get alias.$tokens[$i] 2>/dev/null))
                set -l at (contains -i -- ticket $expansion); or return 1
                string join \n -- $expansion[(math $at + 1)..-1] $tokens[(math $i + 1)..-1]
                return 0
        end
    end
    return 1
end

function __fish_git_ticket_complete
    set -l words (__fish_git_ticket_words)
    # The token being completed, without its quotes.
    set -l cur (commandline -ct | string replace -ra '[\'"]' '')
    set -l out (command git ticket __complete -- $words "$cur" 2>/dev/null)
    if test "$out[1]" = :files
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\n' $out
end

complete -c git -f -n '__fish_git_ticket_words >/dev/null' -a '(__fish_git_ticket_complete)'
complete -c git-ticket -f -a '(__fish_git_ticket_complete)'
"#;
