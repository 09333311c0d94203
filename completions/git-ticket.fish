# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_git_ticket_global_optspecs
    string join \n o/format= log-level= log-format= log-output= h/help V/version
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
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_needs_command" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
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
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "status" -d 'Show the current branch, the active ticket, and a summary of all tickets'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "restore" -d 'Restore the current-ticket.md link of this worktree or branch'
complete -c git-ticket -n "__fish_git_ticket_needs_command" -f -a "cleanup" -d 'Remove the worktree and branch of finished tickets'
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
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s p -l parent -d 'Parent ticket: an ID, ID prefix, slug or words of a slug' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l blocked-by -d 'A ticket this one waits on (repeatable): written as blocked-by:<ID> in related' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand new" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
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
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand list" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
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
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -s f -l force -d 'Repair the ticket\'s worktree: recreate it if its folder is gone (a healthy one is left as it is)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -s c -l count -d 'Maximum number of tickets to show; 0 shows all' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand ready" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -s c -l count -d 'Maximum number of tickets to show; 0 shows all' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand blocked" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l start -d 'Start the ticket (branch, worktree) instead of only showing it' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand next" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "add" -d 'Make TICKET wait on each BLOCKER (writes blocked-by:<ID> into its related)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "remove" -d 'Stop TICKET waiting on each BLOCKER (removes blocked-by:BLOCKER and BLOCKER\'s blocks:TICKET)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "rm" -d 'Stop TICKET waiting on each BLOCKER (removes blocked-by:BLOCKER and BLOCKER\'s blocks:TICKET)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and not __fish_seen_subcommand_from add remove rm tree" -f -a "tree" -d 'Show what TICKET waits on, recursively (done blockers included)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand dep; and __fish_seen_subcommand_from tree" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand prime" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l reason -d 'Why the ticket is closed (recorded in the file and the commit message)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -s f -l force -d 'Close even with uncommitted changes in the working tree (they stay uncommitted)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -s f -l force -d 'Replace a regular file named current-ticket.md' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l dry-run -d 'Show what would be removed; change nothing' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s f -l force -d 'Also remove unmerged branches and worktrees with uncommitted changes' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s y -l yes -d 'Do not ask for confirmation (safety checks still apply)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -f -a "list" -d 'List all worktrees (path, branch, HEAD)'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and not __fish_seen_subcommand_from list clean" -f -a "clean" -d 'Remove worktrees under worktree.base_dir whose ticket is done and merged'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l dry-run -d 'Show what would be removed; change nothing' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand worktree; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l check -d 'Only show whether the current config is trusted (exit 1 if not)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l revoke -d 'Forget every trusted config of this repository' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand trust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-hooks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand install-man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand workflow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -s a -l all -d 'List every command, porcelain and plumbing' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l path -d 'Print the ticket file\'s absolute path instead of its ID' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -s s -l status -d 'Status folders to read (repeatable) [default: all]' -r -f -a "todo\t'Not started'
doing\t'In progress'
done\t'Closed'
all\t'Todo, doing and done'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l format -d 'Format string with %(field) placeholders' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l sort -d 'Sort key: id, priority, created_at, started_at, closed_at, status; prefix - for descending' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -s z -d 'End each record with NUL instead of newline' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand for-each-ticket" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l add -d 'Add an entry to a list field (related)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l remove -d 'Remove an entry from a list field (related)' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand current" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l fix -d 'Repair what is safe to repair' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand fsck" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand hook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -s o -l format -d 'Output format [default: $TICKETFLOW_OUTPUT_FORMAT, else output.default_format, else text]' -r -f -a "text\t'Human-readable text'
json\t'One pretty-printed JSON document (2-space indent)'
ndjson\t'One JSON object per line (listings stream one ticket per line, in ID order)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l log-level -d 'Log level: debug turns on the trace; info, warn, error add nothing' -r -f -a "debug\t'Everything: git-ticket\'s trace'
info\t'Informational messages (nothing more than usual)'
warn\t'Warnings (always shown anyway)'
error\t'Errors (always shown anyway)'"
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l log-format -d 'Log format: json writes the trace as JSON lines; anything else, text' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -l log-output -d 'Where the trace goes: stderr (also for stdout), or a file it is appended to' -r
complete -c git-ticket -n "__fish_git_ticket_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
