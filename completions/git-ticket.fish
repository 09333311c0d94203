# fish completion for git-ticket. Generated; do not edit.
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
