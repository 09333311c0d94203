#!/usr/bin/env bash
# Whole-process benchmark of `git ticket status` in a repository with 50 ticket worktrees
# (and with none), next to `git worktree list` for scale. Needs hyperfine. The tickets come
# from examples/gen_tickets.rs (the generator of benches/support/corpus.rs).
#
#   bash benches/status.sh [worktrees]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install -y hyperfine)" >&2; exit 1; }
. benches/build.sh
build_release gen_tickets
bin=$PWD/target/release/git-ticket
gen=$PWD/target/release/examples/gen_tickets
n=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
repo=$work/repo
mkdir -p "$repo" && cd "$repo"
git init -q -b main
"$bin" init >/dev/null
sed -i 's/^    init_commands:$/    init_commands: []/; /^        - git fetch origin$/d' .ticketflow.yaml
"$gen" . "$n" 0 0
git add -A && git commit -qm tickets
hyperfine -N --warmup 5 --min-runs 30 "$bin status" "$bin status --format json" 2>/dev/null | grep -E "Time|±" | sed 's/^/no worktrees: /'
for id in $(ls tickets/todo | sed 's/\.md$//'); do "$bin" start "$id" >/dev/null 2>&1; done
echo "worktrees: $(git worktree list | wc -l)"
one=$(ls -d "$work"/.worktrees/* | head -1)
hyperfine -N --warmup 5 --min-runs 30 \
  "$bin status" \
  "$bin status --format json" \
  "git worktree list" 2>/dev/null | grep -E "Benchmark|Time"
(cd "$one" && hyperfine -N --warmup 5 --min-runs 30 "$bin status" 2>/dev/null | grep -E "Time" | sed 's/^/inside a worktree: /')
