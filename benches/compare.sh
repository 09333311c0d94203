#!/usr/bin/env bash
# Whole-process figures of git-ticket next to the physical floor (examples/read_floor.rs: a
# plain single-threaded program that only opens and reads the same files) and next to git.
# The tickets come from examples/gen_tickets.rs (the generator of benches/support/corpus.rs).
# Prints one line per target of the performance issue. Needs hyperfine; strace for the
# NDJSON first-line check. Compare the ratios within one run: absolute times vary.
#
#   bash benches/compare.sh [sizes…]      (default 100 1000 10000 100000)
#
# BASELINE=/path/to/an/older/git-ticket measures that binary in the same hyperfine runs and
# prints its figures next to each line ("before"): a before/after comparison in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install -y hyperfine)" >&2; exit 1; }
. benches/build.sh
build_release read_floor gen_tickets
bin=$PWD/target/release/git-ticket
floor=$PWD/target/release/examples/read_floor
gen=$PWD/target/release/examples/gen_tickets
sizes=("${@:-100 1000 10000 100000}")
base=${BASELINE:-}
# before N JSON CMD…: " (before: X ms, Y×)" for the baseline's result N of a run, else "".
before() {
  [ -n "$base" ] || return 0
  local b; b=$(median_ms "$2" "$1")
  echo " (before: $b ms)"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

# make_repo DIR TODO DOING DONE: a repository with generated tickets (ticket i, counting
# todo, then doing, then done, is 25MMDD-HHMMSS-task-i).
make_repo() {
  mkdir -p "$1" && git -C "$1" init -q -b main && (cd "$1" && "$bin" init >/dev/null)
  sed -i 's/^    init_commands:$/    init_commands: []/; /^        - git fetch origin$/d' "$1/.ticketflow.yaml"
  "$gen" "$@"
}

median_ms() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median']*1000, 3))" "$@"; }
ratio() { python3 -c "import sys; print(round(float(sys.argv[1])/float(sys.argv[2]), 2))" "$1" "$2"; }

echo "== list --status all --count 0 --format json vs the read-only floor"
for n in ${sizes[@]}; do
  repo=$work/list-$n
  make_repo "$repo" $((n/4)) $((n/4)) $((n - n/2))
  runs=30; [ "$n" -ge 100000 ] && runs=5
  extra=(); [ -n "$base" ] && extra=("$base list --status all --count 0 --format json")
  (cd "$repo" && hyperfine -N --warmup 3 --min-runs $runs --export-json "$work/l$n.json" \
     "$floor $repo" "$bin list --status all --count 0 --format json" "${extra[@]}" >/dev/null 2>&1)
  f=$(median_ms "$work/l$n.json" 0); t=$(median_ms "$work/l$n.json" 1)
  b=""; [ -n "$base" ] && { bt=$(median_ms "$work/l$n.json" 2); b=" (before: $bt ms, ratio $(ratio "$bt" "$f")x)"; }
  echo "$n tickets: floor $f ms, git-ticket $t ms, ratio $(ratio "$t" "$f")x$b"
done

if [ -d "$work/list-100000" ]; then
  cd "$work/list-100000"
  rss=$( { /usr/bin/time -f "%M" "$bin" list --status all --count 0 --format json >/dev/null; } 2>&1 | tail -1)
  echo "100000 tickets, --format json: peak RSS $((rss/1024)) MB"
  rss=$( { /usr/bin/time -f "%M" "$bin" list --status all --count 0 --format ndjson >/dev/null; } 2>&1 | tail -1)
  echo "100000 tickets, --format ndjson: peak RSS $((rss/1024)) MB"
  if command -v strace >/dev/null; then
    # Files opened before the first write to stdout.
    strace -f -e trace=open,openat,write -o "$work/trace" "$bin" list --status all --count 0 --format ndjson >/dev/null
    before=$(awk '/write\(1,/{exit} /open(at)?\(.*\.md"/{n++} END{print n+0}' "$work/trace")
    echo "100000 tickets, --format ndjson: first line written after $before of 100000 files were opened ($(python3 -c "print(round($before/1000, 2))")%)"
  fi
  cd - >/dev/null
fi

echo "== default list: 10,000 done + 50 active vs 50 active"
make_repo "$work/active" 25 25 0
make_repo "$work/with-done" 25 25 10000
extra=(); [ -n "$base" ] && extra=("$base list")
(cd "$work/active" && hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/a.json" "$bin list" "${extra[@]}" >/dev/null 2>&1)
(cd "$work/with-done" && hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/d.json" "$bin list" "${extra[@]}" >/dev/null 2>&1)
a=$(median_ms "$work/a.json" 0); d=$(median_ms "$work/d.json" 0)
b=""; [ -n "$base" ] && { ba=$(median_ms "$work/a.json" 1); bd=$(median_ms "$work/d.json" 1); b=" (before: $ba / $bd ms, ratio $(ratio "$bd" "$ba")x)"; }
echo "50 active: $a ms, with 10,000 done: $d ms, ratio $(ratio "$d" "$a")x$b"

echo "== small commands (among 10,050 tickets unless said otherwise)"
extra=(); [ -n "$base" ] && extra=("$base status")
(cd "$work/active" &&
  hyperfine -N --warmup 5 --min-runs 50 --export-json "$work/st.json" "$bin status" "${extra[@]}" >/dev/null 2>&1)
echo "git-ticket status (50 tickets, single worktree): $(median_ms "$work/st.json" 0) ms$(before 1 "$work/st.json")"
cd "$work/with-done"
git add -A && git commit -qm tickets
first_done=$(python3 -c "import os; print(sorted(f for f in os.listdir('tickets/done') if f.endswith('.md'))[0][:-3])")
# The summaries of status and list --format json count the tickets that parse, as
# TicketFlow's do: they read every ticket file, and the read-only floor over the same files
# is their floor.
small=("--version" "help" "status" "list --format json" "show task-10049" "show $first_done")
n=${#small[@]}
cmds=(); for c in "${small[@]}"; do cmds+=("$bin $c"); done
cmds+=("$floor $work/with-done")
[ -n "$base" ] && for c in "${small[@]}"; do cmds+=("$base $c"); done
hyperfine -N --warmup 5 --min-runs 50 --export-json "$work/s.json" "${cmds[@]}" >/dev/null 2>&1
for i in $(seq 0 $((n - 1))); do
  echo "git-ticket ${small[$i]}: $(median_ms "$work/s.json" $i) ms$(before $((i + n + 1)) "$work/s.json")"
done
echo "read-only floor (10,050 files): $(median_ms "$work/s.json" $n) ms"
extra=(); [ -n "$base" ] && extra=("$base new bench-new")
hyperfine -N --warmup 3 --min-runs 30 --export-json "$work/new.json" --prepare "sh -c 'rm -f tickets/todo/*-bench-new.md'" \
  "$bin new bench-new" "${extra[@]}" >/dev/null 2>&1
echo "git-ticket new: $(median_ms "$work/new.json" 0) ms$(before 1 "$work/new.json")"

echo "== start vs the git commands it needs (git commit + git worktree add)"
cd "$work/active"
git add -A && git commit -qm tickets
ids=($(python3 -c "import os; print(' '.join(sorted(f[:-3] for f in os.listdir('tickets/todo') if f.endswith('.md'))))"))
# Interleaved (one start, then one bare commit + worktree add) so that drifts of the machine
# hit both sides alike.
start_runs=()
git_runs=()
base_runs=()
rounds=20; [ -n "$base" ] && rounds=12  # 25 todo tickets: 12 for each binary
for k in $(seq 0 $((rounds - 1))); do
  s=$(date +%s%N); "$bin" start "${ids[$k]}" >/dev/null; e=$(date +%s%N)
  start_runs+=($(( (e - s) / 1000 )))
  if [ -n "$base" ]; then
    s=$(date +%s%N); "$base" start "${ids[$((k + rounds))]}" >/dev/null; e=$(date +%s%N)
    base_runs+=($(( (e - s) / 1000 )))
  fi
  echo "$k" > "bare-$k.txt"; git add "bare-$k.txt"
  s=$(date +%s%N); git commit -qm "bare $k" && git worktree add -q "../bare-wt-$k" -b "bare-$k"; e=$(date +%s%N)
  git_runs+=($(( (e - s) / 1000 )))
done
python3 - "${start_runs[*]}" "${git_runs[*]}" "${base_runs[*]:-}" <<'PY'
import statistics, sys
s = statistics.median(map(int, sys.argv[1].split())) / 1000
g = statistics.median(map(int, sys.argv[2].split())) / 1000
b = f" (before: {statistics.median(map(int, sys.argv[3].split())) / 1000:.1f} ms, ratio {statistics.median(map(int, sys.argv[3].split())) / 1000 / g:.2f}x)" if sys.argv[3].strip() else ""
print(f"git-ticket start: {s:.1f} ms, git commit + git worktree add: {g:.1f} ms, ratio {s/g:.2f}x{b}")
PY

echo "== claimed start (local bare remote) vs start + 1.3x a bare git push of one ref"
# One hyperfine run, three commands, each reset before every run (--prepare, not timed): a
# start without claims, a start that claims on a local bare remote first, and a bare
# compare-and-swap push of one new ref to the same remote.
claims=$work/claims
make_repo "$claims" 2 0 0
# Its worktrees in a folder of its own: the start section's worktrees have the same IDs.
sed -i 's|base_dir: ../.worktrees$|base_dir: ../.worktrees-claims|' "$claims/.ticketflow.yaml"
cd "$claims"
git add -A && git commit -qm tickets
git init -q --bare -b main "$work/claims-remote.git"
git remote add origin "$work/claims-remote.git"
git push -q origin main
git tag bench-base
cids=($(python3 -c "import os; print(' '.join(sorted(f[:-3] for f in os.listdir('tickets/todo') if f.endswith('.md'))))"))
reset() { # reset ID: undo a start of ID (worktree, branch, start commit, claim)
  echo "git worktree remove --force ../.worktrees-claims/$1 2>/dev/null; git branch -q -D $1 2>/dev/null; git reset -q --hard bench-base; git push -q origin :refs/ticket-claims/$1 2>/dev/null; git update-ref -d refs/ticket-claims/origin/$1; true"
}
hyperfine -N --warmup 3 --min-runs 30 --export-json "$work/claim.json" \
  --prepare "sh -c '$(reset "${cids[0]}")'" "$bin start --no-claim ${cids[0]}" \
  --prepare "sh -c '$(reset "${cids[1]}")'" "$bin start --claim-remote origin ${cids[1]}" \
  --prepare "sh -c 'git push -q origin :refs/bench/one 2>/dev/null; true'" \
  "git push -q --force-with-lease=refs/bench/one: origin HEAD:refs/bench/one" >/dev/null 2>&1
s=$(median_ms "$work/claim.json" 0); c=$(median_ms "$work/claim.json" 1); p=$(median_ms "$work/claim.json" 2)
echo "start: $s ms, claimed start: $c ms, bare git push of one ref: $p ms; claimed start - start = $(python3 -c "print(round($c - $s, 1))") ms = $(ratio "$(python3 -c "print($c - $s)")" "$p")x the push (target <= 1.3x)"
cd - >/dev/null

echo "== the work queue: ready among 10,000 tickets (9,000 done, 1,000 todo in dependency chains of 5) vs list --status all"
# The baseline may predate ready/next: they are measured for this binary only.
make_repo "$work/queue" 1000 0 9000 5
(cd "$work/queue" && hyperfine -N --warmup 3 --min-runs 30 --export-json "$work/q.json" \
   "$bin ready" "$bin list --status all" "$bin ready --format json" "$bin list --status all --format json" \
   "$bin blocked" >/dev/null 2>&1)
r=$(median_ms "$work/q.json" 0); l=$(median_ms "$work/q.json" 1)
rj=$(median_ms "$work/q.json" 2); lj=$(median_ms "$work/q.json" 3)
echo "ready: $r ms, list --status all: $l ms, ratio $(ratio "$r" "$l")x (target <= 1.5x)"
echo "ready --format json: $rj ms, list --status all --format json: $lj ms, ratio $(ratio "$rj" "$lj")x"
echo "blocked: $(median_ms "$work/q.json" 4) ms"

echo "== next --start vs start (25 todo + 25 doing; two identical repositories, interleaved)"
make_repo "$work/start-a" 25 25 0
make_repo "$work/start-b" 25 25 0
# Their worktrees in folders of their own (both take the same tickets as the start section).
sed -i 's|base_dir: ../.worktrees$|base_dir: ../.worktrees-a|' "$work/start-a/.ticketflow.yaml"
sed -i 's|base_dir: ../.worktrees$|base_dir: ../.worktrees-b|' "$work/start-b/.ticketflow.yaml"
for r in start-a start-b; do (cd "$work/$r" && git add -A && git commit -qm tickets); done
ids=($(cd "$work/start-a" && python3 -c "import os; print(' '.join(sorted(f[:-3] for f in os.listdir('tickets/todo') if f.endswith('.md'))))"))
start_runs=()
next_runs=()
for k in $(seq 0 19); do
  s=$(date +%s%N); (cd "$work/start-a" && "$bin" start "${ids[$k]}" >/dev/null); e=$(date +%s%N)
  start_runs+=($(( (e - s) / 1000 )))
  s=$(date +%s%N); (cd "$work/start-b" && "$bin" next --start >/dev/null); e=$(date +%s%N)
  next_runs+=($(( (e - s) / 1000 )))
done
compare_starts() {
python3 - "$1" "${start_runs[*]}" "${next_runs[*]}" <<'PY'
import statistics, sys
s = statistics.median(map(int, sys.argv[2].split())) / 1000
n = statistics.median(map(int, sys.argv[3].split())) / 1000
print(f"{sys.argv[1]}: git-ticket start: {s:.1f} ms, next --start: {n:.1f} ms, difference {n - s:+.1f} ms (target <= +5 ms)")
PY
}
compare_starts "50 tickets"

# The same among the 10,000 tickets of the queue repository (two copies; start takes the
# tickets next --start would take, in the same order).
# No automatic gc: it would repack the 10,000 new objects in the background while cp reads them.
(cd "$work/queue" && git add -A && git -c gc.auto=0 -c maintenance.auto=false commit -qm tickets)
cp -r "$work/queue" "$work/queue-a" && cp -r "$work/queue" "$work/queue-b"
sed -i 's|base_dir: ../.worktrees$|base_dir: ../.worktrees-qa|' "$work/queue-a/.ticketflow.yaml"
sed -i 's|base_dir: ../.worktrees$|base_dir: ../.worktrees-qb|' "$work/queue-b/.ticketflow.yaml"
for r in queue-a queue-b; do (cd "$work/$r" && git commit -qam "own worktree folder"); done
ids=($(cd "$work/queue-a" && "$bin" ready --count 10 --format json | python3 -c "import json,sys; print(' '.join(t['id'] for t in json.load(sys.stdin)['tickets']))"))
start_runs=()
next_runs=()
for k in $(seq 0 9); do
  s=$(date +%s%N); (cd "$work/queue-a" && "$bin" start "${ids[$k]}" >/dev/null); e=$(date +%s%N)
  start_runs+=($(( (e - s) / 1000 )))
  s=$(date +%s%N); (cd "$work/queue-b" && "$bin" next --start >/dev/null); e=$(date +%s%N)
  next_runs+=($(( (e - s) / 1000 )))
done
compare_starts "10,000 tickets"
