#!/usr/bin/env bash
# Whole-process figures of the board issue (#12): `board` and `stats` next to
# `list --status all` of the same repository (ratios within one hyperfine run), `status` on
# the default branch with tickets in progress elsewhere, and the cost of the dirty check in a
# repository of 50,000 files with 50 worktrees. The tickets come from examples/gen_tickets.rs;
# the ticket branches are made with git fast-import (each changes 1-3 ticket files), the
# worktrees with git worktree add. Needs hyperfine and python3.
#
#   bash benches/board.sh            (all of it; the 50,000-file part writes 2.5 M empty files)
#   SKIP_DIRTY=1 bash benches/board.sh
#   BIN=/path/git-ticket GEN=/path/gen_tickets bash benches/board.sh   (no build)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install -y hyperfine)" >&2; exit 1; }
if [ -z "${BIN:-}" ]; then
  . benches/build.sh
  build_release gen_tickets
fi
bin=${BIN:-$PWD/target/release/git-ticket}
gen=${GEN:-$PWD/target/release/examples/gen_tickets}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

median_ms() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median']*1000, 2))" "$@"; }
ratio() { python3 -c "import sys; print(round(float(sys.argv[1])/float(sys.argv[2]), 2))" "$1" "$2"; }

# make_repo DIR TODO DOING DONE: a committed repository of generated tickets.
make_repo() {
  mkdir -p "$1" && git -C "$1" init -q -b main && (cd "$1" && "$bin" init >/dev/null)
  sed -i 's/^    init_commands:$/    init_commands: []/; /^        - git fetch origin$/d' "$1/.ticketflow.yaml"
  "$gen" "$@"
  git -C "$1" add -A && git -C "$1" commit -qm tickets
}

# branches DIR FROM TO: ticket branches for the doing tickets FROM..TO-1 (in name order),
# each one commit on main changing 1-3 ticket files (its own, then the next ones).
branches() {
  python3 - "$1" "$2" "$3" <<'EOF' | git -C "$1" fast-import --quiet
import os, sys
root, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
doing = sorted(os.listdir(os.path.join(root, "tickets/doing")))
doing = [d for d in doing if d.endswith(".md")]
out = sys.stdout.buffer
for i in range(lo, hi):
    ticket = doing[i][:-3]
    out.write(f"commit refs/heads/{ticket}\n".encode())
    out.write(b"committer bench <bench@example.com> 1767225600 +0000\n")
    msg = f"work on {ticket}".encode()
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    out.write(b"from refs/heads/main\n")
    for j in range(1 + i % 3):
        name = doing[(i + j) % len(doing)]
        path = os.path.join(root, "tickets/doing", name)
        data = open(path, "rb").read() + f"\nwork {i}\n".encode()
        out.write(f"M 100644 inline tickets/doing/{name}\n".encode())
        out.write(b"data %d\n%s\n" % (len(data), data))
    out.write(b"\n")
EOF
}

# worktrees DIR N: worktrees of the first N ticket branches, next to the repository.
worktrees() {
  local n=0
  for b in $(git -C "$1" for-each-ref --format='%(refname:short)' refs/heads | grep -v '^main$'); do
    [ "$n" -ge "$2" ] && break
    git -C "$1" worktree add -q "$1/../wt/$b" "$b"
    n=$((n + 1))
  done
}

echo "== board and stats among 10,000 tickets vs list --status all (same hyperfine run)"
repo=$work/k10/repo
make_repo "$repo" 2500 2500 5000
branches "$repo" 0 50
worktrees "$repo" 50
cd "$repo"
hyperfine -N --warmup 3 --min-runs 20 --export-json "$work/b50.json" \
  "$bin list --status all --count 0" "$bin board" "$bin stats" "$bin board --dirty" \
  "$bin status" >/dev/null 2>&1
l=$(median_ms "$work/b50.json" 0); b=$(median_ms "$work/b50.json" 1); s=$(median_ms "$work/b50.json" 2)
bd=$(median_ms "$work/b50.json" 3); st=$(median_ms "$work/b50.json" 4)
echo "50 branches, 50 worktrees: list $l ms, board $b ms ($(ratio "$b" "$l")x), stats $s ms ($(ratio "$s" "$l")x)"
echo "  board --dirty (every worktree checked, 50 x 10,000 files): $bd ms; status on main: $st ms"
branches "$repo" 50 500
cache=$(git rev-parse --git-common-dir)/git-ticket-board-cache
# The third command runs with its lookup cache removed before each run: the first board after
# 450 new branches (each branch's changed ticket folder opened once).
hyperfine -N --warmup 3 --min-runs 10 --export-json "$work/b500.json" \
  --prepare true --prepare true --prepare "rm -f $cache" \
  "$bin list --status all --count 0" "$bin board" "$bin board --recent 5" >/dev/null 2>&1
l=$(median_ms "$work/b500.json" 0); b=$(median_ms "$work/b500.json" 1); c=$(median_ms "$work/b500.json" 2)
echo "500 branches, 50 worktrees: list $l ms, board $b ms ($(ratio "$b" "$l")x)"
echo "  board with nothing cached (the first after 450 new branches): $c ms ($(ratio "$c" "$l")x)"
cd - >/dev/null

echo "== status on the default branch with 50 tickets in progress (50 tickets, 50 worktrees)"
repo=$work/s50/repo
make_repo "$repo" 50 0 0
(cd "$repo" && for id in $(ls tickets/todo | grep '\.md$' | sed 's/\.md$//'); do "$bin" start "$id" >/dev/null; done)
(cd "$repo" && hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/st.json" "$bin status" "$bin status -o json" >/dev/null 2>&1)
echo "status: $(median_ms "$work/st.json" 0) ms, status -o json: $(median_ms "$work/st.json" 1) ms"

[ -n "${SKIP_DIRTY:-}" ] && exit 0
echo "== dirty check: 50,000 files, 50 worktrees"
repo=$work/big/repo
make_repo "$repo" 0 50 0
python3 - "$repo" <<'EOF'
import os, sys
root = sys.argv[1]
for d in range(500):
    os.makedirs(os.path.join(root, "src", f"d{d:03}"), exist_ok=True)
    for f in range(100):
        open(os.path.join(root, "src", f"d{d:03}", f"f{f:03}.rs"), "w").close()
EOF
git -C "$repo" add -A && git -C "$repo" commit -qm "50,000 files"
branches "$repo" 0 50
worktrees "$repo" 50
cd "$repo"
hyperfine -N --warmup 2 --min-runs 5 --export-json "$work/dirty.json" \
  "$bin board" "$bin board --no-dirty" "$bin board --dirty" >/dev/null 2>&1
a=$(median_ms "$work/dirty.json" 0); n=$(median_ms "$work/dirty.json" 1); d=$(median_ms "$work/dirty.json" 2)
echo "board (default: over the budget, not checked) $a ms, --no-dirty $n ms, --dirty $d ms (the check: $(python3 -c "print(round($d-$n, 1))") ms for 50 x 50,000 files on $(nproc) cores)"
cd - >/dev/null
