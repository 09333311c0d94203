#!/usr/bin/env bash
# Soak test: several agents work one repository at once for a bounded time, the full cycle
# with merges, while a person creates tickets and a reader polls; invariants are checked
# periodically and at the end, and command latencies are printed. Not part of `cargo test`.
#
#   bash benches/soak.sh                     (6 agents, 15 minutes)
#   SOAK_SECONDS=90 SOAK_AGENTS=6 bash benches/soak.sh
#
# Each agent loops: list → pick a todo ticket at random → start → commit work in the worktree
# (now and then a sub-ticket too) → close → `git merge --no-edit <ID>` on main → cleanup. A
# lost start race (TICKET_ALREADY_STARTED) makes the agent pick another ticket; other failures
# are retried a few times and counted by error code.
#
# Everything that writes the main checkout takes turns: git-ticket's commands hold its
# repository lock, and the plain git writes there (the merges, the person's commits of new
# tickets) hold the same lock through flock(1) on <git dir>/git-ticket.lock — what agents
# sharing one checkout must do, since `start` commits on main there too. (Without it, a merge
# running while `start` moves a ticket refuses "Your local changes would be overwritten" or
# stops half done, and a person's `git add` of a ticket that an agent starts at that moment
# can commit it into two folders.) SOAK_MERGE_LOCK=separate uses a lock of the soak's own
# for those git writes instead, to see that happen.
#
# Invariants (periodically, and at the end after a final bulk cleanup):
#   * one folder per ticket, on main (committed) and in the main working tree;
#   * every commit an agent made is reachable from main once its ticket is merged;
#   * `git ticket fsck` is clean (and `git fsck` at the end: run while others write, it takes
#     objects written during its scan for missing);
#   * no merge conflict;
#   * at the end: nothing left behind (no worktree but main, no ticket branch, no ticket in
#     doing, a clean main working tree).
# The periodic check holds the same lock, so that it sees the working tree between
# operations.
#
# Knobs: SOAK_SECONDS (900), SOAK_AGENTS (6), SOAK_TICKETS (initial todo tickets, 2 per
# agent), SOAK_CHECK_EVERY (seconds, 30), SOAK_BIN (binary; default: cargo build --release),
# SOAK_KEEP=1 keeps the work folder. Exit status 0 when every invariant held.
set -uo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
command -v flock >/dev/null || { echo "flock is required (util-linux)" >&2; exit 1; }
seconds=${SOAK_SECONDS:-900}
agents=${SOAK_AGENTS:-6}
initial=${SOAK_TICKETS:-$((agents * 2))}
check_every=${SOAK_CHECK_EVERY:-30}
if [ -n "${SOAK_BIN:-}" ]; then
  bin=$SOAK_BIN
else
  cargo build --release --locked --quiet --bin git-ticket || exit 1
  bin=$PWD/target/release/git-ticket
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/git-ticket-soak.XXXXXX")
if [ -z "${SOAK_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; fi
repo=$work/repo
logs=$work/logs
mkdir -p "$repo" "$logs" "$work/home"
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=person GIT_AUTHOR_EMAIL=person@soak
export GIT_COMMITTER_NAME=person GIT_COMMITTER_EMAIL=person@soak
stop=$work/stop

now_us() { echo "${EPOCHREALTIME/./}"; }

# timed NAME LATFILE CMD…: runs CMD, appends "NAME micros exit" to LATFILE, returns CMD's
# exit status.
timed() {
  local name=$1 lat=$2 t0 rc
  shift 2
  t0=$(now_us)
  "$@"
  rc=$?
  echo "$name $(($(now_us) - t0)) $rc" >>"$lat"
  return $rc
}

# The error code of a JSON error on stderr (file), or "none".
code_of() { grep -o '"code": "[A-Z_]*"' "$1" 2>/dev/null | head -1 | cut -d'"' -f4 || true; }

# --- the repository ---------------------------------------------------------------------------
(
  cd "$repo" || exit 1
  git init -q -b main
  "$bin" init >/dev/null
  sed -i 's/^    init_commands:$/    init_commands: []/; /^        - git fetch origin$/d' .ticketflow.yaml
  for k in $(seq 1 "$initial"); do "$bin" new "seed-$k" >/dev/null || exit 1; done
  git add -A && git commit -q -m "Set up tickets"
) || { echo "set-up failed" >&2; exit 1; }
common=$(git -C "$repo" rev-parse --path-format=absolute --git-common-dir)
mainlock=$common/git-ticket.lock
[ "${SOAK_MERGE_LOCK:-}" = separate ] && mainlock=$work/main.lock
touch "$mainlock" "$common/git-ticket.lock"
start_s=$SECONDS
deadline=$((SECONDS + seconds))

# --- an agent ---------------------------------------------------------------------------------
agent() {
  local i=$1 name=agent-$i n=0 id code wt hash ok attempt
  local ev=$logs/agent-$i.events lat=$logs/agent-$i.lat tmp=$work/tmp-agent-$i
  mkdir -p "$tmp"
  export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$name@soak
  export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$name@soak
  while [ "$SECONDS" -lt "$deadline" ]; do
    n=$((n + 1))
    if ! (cd "$repo" && timed list "$lat" "$bin" list --status todo --count 0 -o json) \
      >"$tmp/list.json" 2>"$tmp/list.err"; then
      echo "error list $(code_of "$tmp/list.err")" >>"$ev"
      sleep 1
      continue
    fi
    mapfile -t ids < <(grep -o '"id": "[^"]*"' "$tmp/list.json" | cut -d'"' -f4)
    if [ "${#ids[@]}" -eq 0 ]; then
      echo "idle" >>"$ev"
      sleep 0.5
      continue
    fi
    id=${ids[RANDOM % ${#ids[@]}]}
    # start: a lost race means another ticket; other failures are retried (a start that
    # committed and then failed is completed by the next start, which is ours if the start
    # commit names us).
    ok=""
    for attempt in 1 2 3 4 5; do
      if (cd "$repo" && timed start "$lat" "$bin" start "$id" -o json) >"$tmp/start.json" 2>"$tmp/start.err"; then
        ok=1
        break
      fi
      code=$(code_of "$tmp/start.err")
      case $code in
        TICKET_ALREADY_STARTED)
          if grep -q "started by $name <" "$tmp/start.err"; then ok=1; else echo "lost $id" >>"$ev"; fi
          break
          ;;
        TICKET_ALREADY_CLOSED | TICKET_NOT_FOUND)
          echo "gone $id $code" >>"$ev"
          break
          ;;
        *)
          echo "retry start ${code:-none} $(tr '\n' ' ' <"$tmp/start.err" | cut -c1-300)" >>"$ev"
          sleep "0.$((RANDOM % 5 + 1))"
          ;;
      esac
    done
    [ -n "$ok" ] || continue
    wt=$work/.worktrees/$id
    if [ ! -d "$wt" ]; then
      echo "violation no-worktree $id" >>"$ev"
      continue
    fi
    echo "started $id" >>"$ev"
    # Work, now and then a sub-ticket; every commit is recorded.
    printf 'work on %s by %s (%s)\n' "$id" "$name" "$n" >"$wt/work-$id.txt"
    if git -C "$wt" add "work-$id.txt" && git -C "$wt" commit -q -m "Work on $id by $name"; then
      echo "$(git -C "$wt" rev-parse HEAD) $id" >>"$logs/agent-$i.commits"
    else
      echo "violation work-commit $id" >>"$ev"
    fi
    if [ $((RANDOM % 4)) -eq 0 ]; then
      if (cd "$wt" && timed new "$lat" "$bin" new "sub-a$i-n$n" -o json) >"$tmp/new.json" 2>"$tmp/new.err"; then
        git -C "$wt" add tickets && git -C "$wt" commit -q -m "Add a sub-ticket of $id"
        echo "$(git -C "$wt" rev-parse HEAD) $id" >>"$logs/agent-$i.commits"
        echo "sub $id" >>"$ev"
      else
        echo "retry new $(code_of "$tmp/new.err")" >>"$ev"
      fi
    fi
    ok=""
    for attempt in 1 2 3 4 5; do
      if (cd "$wt" && timed close "$lat" "$bin" close -o json) >"$tmp/close.json" 2>"$tmp/close.err"; then
        ok=1
        break
      fi
      echo "retry close $(code_of "$tmp/close.err") $(tr '\n' ' ' <"$tmp/close.err" | cut -c1-300)" >>"$ev"
      sleep "0.$((RANDOM % 5 + 1))"
    done
    if [ -z "$ok" ]; then
      echo "violation close-failed $id" >>"$ev"
      continue
    fi
    # Merge on main, one agent at a time.
    ok=""
    for attempt in 1 2 3 4 5 6 7 8; do
      (
        flock 9
        timed git-merge "$lat" git -C "$repo" merge -q --no-edit "$id" >"$tmp/merge.out" 2>&1
        rc=$?
        if [ $rc -ne 0 ] && [ -n "$(git -C "$repo" diff --name-only --diff-filter=U)" ]; then
          git -C "$repo" status --short >>"$tmp/merge.out"
          git -C "$repo" merge --abort
          exit 2
        fi
        if [ $rc -ne 0 ] && [ -e "$common/MERGE_HEAD" ]; then
          echo "(merge left half done; aborted)" >>"$tmp/merge.out"
          git -C "$repo" merge --abort
        fi
        exit $rc
      ) 9>>"$mainlock"
      case $? in
        0) ok=1; break ;;
        2) echo "conflict $id $(tr '\n' ' ' <"$tmp/merge.out" | cut -c1-500)" >>"$ev"; break ;;
        *) echo "retry merge $(tr '\n' ' ' <"$tmp/merge.out" | cut -c1-300)" >>"$ev"; sleep "0.$((RANDOM % 5 + 1))" ;;
      esac
    done
    if [ -z "$ok" ]; then
      echo "violation merge-failed $id" >>"$ev"
      continue
    fi
    echo "merged $id" >>"$ev"
    ok=""
    for attempt in 1 2 3 4 5; do
      if (cd "$repo" && timed cleanup "$lat" "$bin" cleanup "$id" --yes -o json) >"$tmp/cleanup.json" 2>"$tmp/cleanup.err"; then
        ok=1
        break
      fi
      echo "retry cleanup $(code_of "$tmp/cleanup.err") $(tr '\n' ' ' <"$tmp/cleanup.err" | cut -c1-300)" >>"$ev"
      sleep "0.$((RANDOM % 5 + 1))"
    done
    if [ -z "$ok" ]; then
      echo "violation cleanup-failed $id" >>"$ev"
      continue
    fi
    echo "cycle $id" >>"$ev"
  done
}

# --- a person creating tickets ------------------------------------------------------------------
person() {
  local k=0 id path attempt ev=$logs/person.events lat=$logs/person.lat tmp=$work/tmp-person
  mkdir -p "$tmp"
  while [ ! -e "$stop" ]; do
    if [ "$(find "$repo/tickets/todo" -name '*.md' | wc -l)" -ge $((agents * 2)) ]; then
      sleep 0.5
      continue
    fi
    k=$((k + 1))
    if ! (cd "$repo" && timed new "$lat" "$bin" new "task-p$k" -o json) >"$tmp/new.json" 2>"$tmp/new.err"; then
      echo "retry new $(code_of "$tmp/new.err")" >>"$ev"
      sleep 0.5
      continue
    fi
    id=$(grep -o '"id": "[^"]*"' "$tmp/new.json" | head -1 | cut -d'"' -f4)
    path=tickets/todo/$id.md
    for attempt in 1 2 3 4 5; do
      (
        flock 9
        [ -e "$repo/$path" ] || exit 3
        git -C "$repo" add -- "$path" && timed git-commit "$lat" git -C "$repo" commit -q -m "Add ticket: $id" -- "$path"
      ) 9>>"$mainlock" >"$tmp/commit.out" 2>&1
      case $? in
        0) echo "created $id" >>"$ev"; break ;;
        3) echo "taken-before-commit $id" >>"$ev"; break ;;
        *) echo "retry commit $(tr '\n' ' ' <"$tmp/commit.out" | cut -c1-300)" >>"$ev"; sleep 0.3 ;;
      esac
    done
    sleep "0.$((RANDOM % 5 + 1))"
  done
}

# --- a reader polling ---------------------------------------------------------------------------
reader() {
  local ev=$logs/reader.events lat=$logs/reader.lat tmp=$work/tmp-reader id
  mkdir -p "$tmp"
  while [ ! -e "$stop" ]; do
    for what in list status; do
      if ! (cd "$repo" && timed "read-$what" "$lat" "$bin" "$what" -o json) >"$tmp/$what.json" 2>"$tmp/$what.err"; then
        echo "error $what $(tr '\n' ' ' <"$tmp/$what.err" | cut -c1-300)" >>"$ev"
      fi
    done
    id=$(grep -o '"id": "[^"]*"' "$tmp/list.json" | cut -d'"' -f4 | shuf -n1 2>/dev/null)
    if [ -n "$id" ] && ! (cd "$repo" && timed read-show "$lat" "$bin" show "$id" -o json) >/dev/null 2>"$tmp/show.err"; then
      echo "error show $id $(tr '\n' ' ' <"$tmp/show.err" | cut -c1-300)" >>"$ev"
    fi
    echo "poll" >>"$ev"
    sleep 0.2
  done
}

# --- invariants ---------------------------------------------------------------------------------
# check WHEN: appends one line per broken invariant to $logs/violations.
check() {
  local when=$1 out=$logs/violations dup c id
  (
    flock -w 300 8 || { echo "$when: lock not obtained" >>"$out"; exit; }
    if [ "$mainlock" != "$common/git-ticket.lock" ]; then
      flock -w 300 9 || { echo "$when: git-ticket lock not obtained" >>"$out"; exit; }
    fi
    dup=$(git -C "$repo" ls-tree -r --name-only main -- tickets |
      awk -F/ '$NF ~ /\.md$/ { id = $NF; sub(/\.md$/, "", id); n[id]++; f[id] = f[id] " " $(NF-1) }
               END { for (i in n) if (n[i] > 1) print i ":" f[i] }')
    [ -z "$dup" ] || echo "$when: ticket in two folders on main: $dup" >>"$out"
    dup=$(cd "$repo/tickets" && ls todo doing done 2>/dev/null | grep '\.md$' | sort | uniq -d)
    [ -z "$dup" ] || echo "$when: ticket in two folders in the working tree: $dup" >>"$out"
    if ! (cd "$repo" && "$bin" fsck) >"$logs/fsck.out" 2>&1; then
      echo "$when: git ticket fsck: $(tr '\n' ' ' <"$logs/fsck.out")" >>"$out"
    fi
  ) 8>>"$mainlock" 9>>"$common/git-ticket.lock"
  # git fsck only when nothing runs: it reports objects written during its scan as missing.
  if [ "$when" = end ] && ! git -C "$repo" fsck --no-dangling --no-progress >"$logs/gitfsck.out" 2>&1; then
    echo "$when: git fsck: $(tr '\n' ' ' <"$logs/gitfsck.out" | cut -c1-500)" >>"$out"
  fi
  # Every commit of a merged ticket is reachable from main.
  cat "$logs"/agent-*.events 2>/dev/null | awk '$1 == "merged" { print $2 }' | sort -u >"$logs/merged.ids"
  cat "$logs"/agent-*.commits 2>/dev/null | sort -k2 >"$logs/commits.all"
  join -1 2 -2 1 "$logs/commits.all" "$logs/merged.ids" 2>/dev/null | while read -r id c; do
    git -C "$repo" merge-base --is-ancestor "$c" main || echo "$when: commit $c of $id is not reachable from main"
  done >>"$out"
  c=$(cat "$logs"/agent-*.events 2>/dev/null | grep -c '^conflict' || true)
  [ "$c" -eq 0 ] || echo "$when: $c merge conflict(s)" >>"$out"
  c=$(cat "$logs"/agent-*.events 2>/dev/null | grep -c '^violation' || true)
  [ "$c" -eq 0 ] || echo "$when: $c failed step(s): $(cat "$logs"/agent-*.events | grep '^violation' | sort | uniq -c | head -5 | tr '\n' ';')" >>"$out"
}

checker() {
  local next=$((SECONDS + check_every))
  while [ ! -e "$stop" ]; do
    if [ "$SECONDS" -ge "$next" ]; then
      check "t+$((SECONDS - start_s))s"
      next=$((SECONDS + check_every))
    fi
    sleep 1
  done
}

echo "soak: $agents agents, ${seconds}s, $initial initial tickets, in $work"
pids=()
for i in $(seq 1 "$agents"); do
  agent "$i" &
  pids+=($!)
done
person &
others=($!)
reader &
others+=($!)
checker &
others+=($!)
wait "${pids[@]}"
touch "$stop"
wait "${others[@]}"
elapsed=$((SECONDS - start_s))

# Final cleanup (bulk), then the end state.
(cd "$repo" && "$bin" cleanup -o json) >"$logs/final-cleanup.json" 2>&1 || echo "end: final cleanup failed: $(tr '\n' ' ' <"$logs/final-cleanup.json" | cut -c1-300)" >>"$logs/violations"
check end
extra=$(git -C "$repo" worktree list --porcelain | grep -c '^worktree ')
[ "$extra" -eq 1 ] || echo "end: $((extra - 1)) worktree(s) left: $(git -C "$repo" worktree list | tail -n +2 | tr '\n' ';')" >>"$logs/violations"
branches=$(git -C "$repo" branch --format='%(refname:short)' | grep -vx main | tr '\n' ' ')
[ -z "$branches" ] || echo "end: branch(es) left: $branches" >>"$logs/violations"
doing=$(find "$repo/tickets/doing" -name '*.md' | wc -l)
[ "$doing" -eq 0 ] || echo "end: $doing ticket(s) left in doing" >>"$logs/violations"
dirty=$(git -C "$repo" status --porcelain | tr '\n' ' ')
[ -z "$dirty" ] || echo "end: main working tree not clean: $dirty" >>"$logs/violations"
journal=$(find "$common/git-ticket-journal" -type f 2>/dev/null | wc -l)
[ "$journal" -eq 0 ] || echo "end: $journal journal record(s) left" >>"$logs/violations"

# --- report -------------------------------------------------------------------------------------
events() { cat "$logs"/agent-*.events 2>/dev/null; }
cnt() { local n; n=$(grep -c "$1" "$2" 2>/dev/null); echo "${n:-0}"; }
count() { events | grep -c "^$1" || true; }
echo
echo "== soak: $agents agents, ${elapsed}s (deadline ${seconds}s; agents finish their cycle)"
echo "cycles completed: $(count cycle) ($(for i in $(seq 1 "$agents"); do printf '%s ' "$(cnt '^cycle' "$logs/agent-$i.events")"; done)per agent)"
echo "merges: $(count merged), merge conflicts: $(count conflict), sub-tickets: $(count sub)"
echo "lost start races (TICKET_ALREADY_STARTED, another ticket taken): $(count lost), tickets gone before start: $(count gone)"
echo "agent commits recorded: $(cat "$logs"/agent-*.commits 2>/dev/null | wc -l)"
echo "tickets created by the person: $(cnt '^created' "$logs/person.events") (started before their commit: $(cnt '^taken' "$logs/person.events"))"
echo "reader polls: $(cnt '^poll' "$logs/reader.events"), reader errors: $(cnt '^error' "$logs/reader.events") (not an invariant: listed below)"
retries=$(cat "$logs"/*.events 2>/dev/null | grep -E '^(retry|error)' | awk '{print $1, $2, $3}' | sort | uniq -c | sort -rn)
if [ -n "$retries" ]; then
  echo "retried or failed steps (count, step, error code):"
  echo "$retries" | sed 's/^/  /'
  echo "  first messages:"
  cat "$logs"/*.events | grep -E '^(retry|error)' | sort | awk '{k=$1" "$2" "$3} !seen[k]++' | cut -c1-240 | sed 's/^/    /'
fi
echo
echo "latency (ms) per command:"
cat "$logs"/*.lat | awk '{ print $1, $2 / 1000 }' | sort -k1,1 -k2,2n | awk '
  function report(name, n) {
    if (n == 0) return
    printf "  %-12s n=%-6d p50=%8.1f p95=%8.1f p99=%8.1f max=%8.1f\n", name, n,
      v[int((n - 1) * 0.50) + 1], v[int((n - 1) * 0.95) + 1], v[int((n - 1) * 0.99) + 1], v[n]
  }
  $1 != cur { report(cur, n); cur = $1; n = 0 }
  { v[++n] = $2 }
  END { report(cur, n) }'
echo
if [ -s "$logs/violations" ]; then
  echo "INVARIANTS BROKEN:"
  sed 's/^/  /' "$logs/violations"
  [ -n "${SOAK_KEEP:-}" ] && echo "(work folder kept: $work)"
  exit 1
fi
echo "invariants: all held (checked every ${check_every}s and at the end): one folder per ticket on main and in the working tree, agent commits reachable from main, git ticket fsck clean (git fsck at the end), no merge conflict, nothing left behind"
