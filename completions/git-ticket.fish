# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_git_ticket_global_optspecs
    string join \n o/format= color= no-color no-pager paginate log-level= log-format= log-output= h/help V/version
end

function __fish_git_ticket_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_git_ticket_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_git_ticket_using_subcommand
    set -l cmd (__fish_git_ticket_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c git-ticket -n "__fish_git_ticket_needs_command" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -s V -l version -d 'Print version'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "init" -d 'Initialize git-ticket (TicketFlow) in the current working tree'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "new" -d 'Create a new ticket in tickets/todo'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "list" -d 'List tickets (todo and doing by default)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "ls" -d 'List tickets (todo and doing by default)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "show" -d 'Show a ticket\'s details and body'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "start" -d 'Start work on a ticket: branch, worktree, current-ticket.md'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "ready" -d 'List the todo tickets ready to take, in the order to take them'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "blocked" -d 'List the todo and doing tickets that wait on a blocker, and what they wait on'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "next" -d 'Show the first ticket ready to take, or take it (--start)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "dep" -d 'Add, remove or show dependencies between tickets'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "prime" -d 'Print at most 2 KB of context for an AI agent\'s session: current ticket, ready ones, rules'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "close" -d 'Close a ticket: the current one, or another by reference'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "reopen" -d 'Reopen a done ticket: back to doing, or to todo'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "status" -d 'Show the current branch, the active ticket, and a summary of all tickets'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "restore" -d 'Restore the current-ticket.md link of this worktree or branch'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "cleanup" -d 'Remove the worktree and branch of finished tickets'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "claim" -d 'Claim a ticket on the claims remote, or renew our claim'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "claims" -d 'List the claims on the claims remote (ticket, holder, age)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "release" -d 'Release our claim on a ticket (--force: break another clone\'s claim)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "worktree" -d 'List the repository\'s worktrees, or clean those of done tickets'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "trust" -d 'Trust this repository\'s .ticketflow.yaml, so `start` runs its init commands'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "install-hooks" -d 'Install git hooks that call `git ticket hook` (commit-msg, post-checkout, pre-push)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "install-merge-driver" -d 'Install the ticket merge driver: a .gitattributes line and the merge.ticket config'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "install-man" -d 'Install the man pages, so `git ticket --help` and `git help ticket` show them'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh or fish)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "workflow" -d 'Print the git-ticket workflow guide (Markdown) for people and AI agents'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "help" -d 'Show help for git-ticket or one of its commands'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "version" -d 'Show version information'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "resolve" -d 'Print the full ID of each ticket reference'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "for-each-ticket" -d 'Print one line per ticket, in a chosen format (for scripts, prompts and completion)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "get" -d 'Print one field of a ticket'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "set" -d 'Set one field of a ticket (only that line of the file changes)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "current" -d 'Print the ID of the current ticket (exit 1 if there is none)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "fsck" -d 'Check tickets, folders, links, branches and worktrees for consistency'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "hook" -d 'Run a git hook\'s git-ticket part (called by the scripts install-hooks writes)'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "merge-driver" -d 'Merge three versions of a ticket file (git merge driver)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l agents -d 'Also write the git-ticket block of AGENTS.md (and CLAUDE.md if it exists)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s p -l parent -d 'Parent ticket: an ID, ID prefix, slug or words of a slug' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s d -l description -d 'The one-line description' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s y -l priority -d 'The priority: a whole number from 0 (most urgent) up [default: 2] (-y as in jira-cli: -p is --parent, as in TicketFlow)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s e -l edit -d 'Open the new ticket in your editor' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l blocked-by -d 'A ticket this one waits on (repeatable): written as blocked-by:<ID> in related' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -s s -l status -d 'Status to show [default: todo and doing]' -r -f -a "todo\t'Not started'
doing\t'In progress'
done\t'Closed'
all\t'Todo, doing and done'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -s c -l count -d 'Maximum number of tickets to show; 0 shows all (Go literals: 010 is 8, 0x10 is 16)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l ready -d 'Only todo tickets ready to take: every blocker done, not claimed elsewhere' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l blocked -d 'Only tickets waiting on a blocker that is not done (todo and doing)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -s s -l status -d 'Status to show [default: todo and doing]' -r -f -a "todo\t'Not started'
doing\t'In progress'
done\t'Closed'
all\t'Todo, doing and done'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -s c -l count -d 'Maximum number of tickets to show; 0 shows all (Go literals: 010 is 8, 0x10 is 16)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l ready -d 'Only todo tickets ready to take: every blocker done, not claimed elsewhere' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l blocked -d 'Only tickets waiting on a blocker that is not done (todo and doing)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -s f -l force -d 'Repair the ticket\'s worktree: recreate it if its folder is gone (a healthy one is left as it is)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l claim-remote -d 'Claim the ticket on this remote first (default: claims.remote of .ticketflow.yaml)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l no-claim -d 'Start without claiming the ticket on the claims remote (working offline on purpose)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -s c -l count -d 'Maximum number of tickets to show; 0 shows all' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l fetch -d 'Fetch the claims of claims.remote first (otherwise the claims last fetched are used)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -s c -l count -d 'Maximum number of tickets to show; 0 shows all' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l start -d 'Start the ticket (branch, worktree) instead of only showing it' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l fetch -d 'Fetch the claims of claims.remote first (otherwise the claims last fetched are used)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "add" -d 'Make TICKET wait on each BLOCKER (writes blocked-by:<ID> into its related)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "remove" -d 'Stop TICKET waiting on each BLOCKER (removes blocked-by:BLOCKER and BLOCKER\'s blocks:TICKET)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "rm" -d 'Stop TICKET waiting on each BLOCKER (removes blocked-by:BLOCKER and BLOCKER\'s blocks:TICKET)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "tree" -d 'Show what TICKET waits on, recursively (done blockers included)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l reason -d 'Why the ticket is closed (recorded in the file and the commit message)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -s f -l force -d 'Close even with uncommitted changes in the working tree (they stay uncommitted)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l todo -d 'Back to todo (clears started_at too), even if it had been started' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -s f -l force -d 'Replace a regular file named current-ticket.md' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l dry-run -d 'Show what would be removed; change nothing' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s f -l force -d 'Also remove unmerged branches and worktrees with uncommitted changes' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s y -l yes -d 'Do not ask for confirmation (safety checks still apply)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l renew -d 'Renew our claim (expecting the value we hold)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l remote -d 'The claims remote (default: claims.remote of .ticketflow.yaml)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claim" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l stale -d 'Only claims at least this old (90m, 12h, 2d, 1h30m)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l no-fetch -d 'List the claims as last fetched, without fetching them first' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l remote -d 'The claims remote (default: claims.remote of .ticketflow.yaml)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand claims" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -s f -l force -d 'Break another clone\'s claim (only when its holder has stopped working on it)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l remote -d 'The claims remote (default: claims.remote of .ticketflow.yaml)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -f -a "list" -d 'List all worktrees (path, branch, HEAD)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -f -a "clean" -d 'Remove worktrees under worktree.base_dir whose ticket is done and merged'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l dry-run -d 'Show what would be removed; change nothing' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l check -d 'Only show whether the current config is trusted (exit 1 if not)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l revoke -d 'Forget every trusted config of this repository' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -s a -l all -d 'List every command, porcelain and plumbing' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l path -d 'Print the ticket file\'s absolute path instead of its ID' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -s s -l status -d 'Status folders to read (repeatable) [default: all]' -r -f -a "todo\t'Not started'
doing\t'In progress'
done\t'Closed'
all\t'Todo, doing and done'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l format -d 'Format string with %(field) placeholders' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l sort -d 'Sort key: id, priority, created_at, started_at, closed_at, status; prefix - for descending' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -s z -d 'End each record with NUL instead of newline' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l add -d 'Add an entry to a list field (related)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l remove -d 'Remove an entry from a list field (related)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l custom -d 'FIELD is a key of your own (stored as a string), not one of git-ticket\'s fields' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -s q -l quiet -d 'Without a current ticket, print nothing (no error message); the exit status (1) says it' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l fix -d 'Repair what is safe to repair' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l marker-size -d 'Length of the conflict markers (%L)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l label-base -d 'Label of the common ancestor in conflict markers (%S)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l label-ours -d 'Label of our side in conflict markers (%X)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l label-theirs -d 'Label of their side in conflict markers (%Y)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l color -d 'Colour: always, never or auto [default: git config color.ticket, else color.ui, else auto; NO_COLOR turns auto off]' -r -f -a "always\t'Always, also into a file or a pipe'
never\t'Never'
auto\t'On a terminal, unless `NO_COLOR` is set or `TERM=dumb`'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l no-color -d 'No colour (--color=never)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l no-pager -d 'Do not page long output on a terminal'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l paginate -d 'Page the output on a terminal, also of commands that do not by default'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
