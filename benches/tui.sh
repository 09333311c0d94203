#!/usr/bin/env bash
# Whole-process figures of the terminal UI among 10,000 tickets (issue #13), next to `list`
# in the same run: the first frame drawn (`tui --exit-after-first-frame`, in a pseudo-terminal
# made by script(1), as is `list`, so both pay the same), the CPU an idle UI uses over 10 s,
# and peak memory. The key-to-frame figures are the Criterion bench: cargo bench --bench tui.
#
#   bash benches/tui.sh [count]      (default 10000)
#
# Needs hyperfine, script (util-linux) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine script /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
. benches/build.sh
build_release gen_tickets
bin=$PWD/target/release/git-ticket
gen=$PWD/target/release/examples/gen_tickets
n=${1:-10000}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null TERM=xterm-256color
repo=$work/repo
mkdir -p "$repo" && git -C "$repo" init -q -b main && (cd "$repo" && "$bin" init >/dev/null)
sed -i 's/^    init_commands:$/    init_commands: []/; /^        - git fetch origin$/d' "$repo/.ticketflow.yaml"
"$gen" "$repo" $((n/4)) $((n/4)) $((n - n/2))
cd "$repo"
pty() { echo "script -qfec '$*' /dev/null"; }
median_ms() { python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]['median']*1000, 2))" "$@"; }
ratio() { python3 -c "import sys; print(round(float(sys.argv[1])/float(sys.argv[2]), 2))" "$1" "$2"; }

echo "== first frame among $n tickets (each command in a pseudo-terminal)"
hyperfine --warmup 3 --min-runs 20 --export-json "$work/f.json" \
  "$(pty true)" \
  "$(pty "$bin" tui --exit-after-first-frame)" \
  "$(pty "$bin" --no-pager list --status all)" \
  "$(pty "$bin" --no-pager list --status all --count 0)" >/dev/null 2>&1
p=$(median_ms "$work/f.json" 0); t=$(median_ms "$work/f.json" 1)
l=$(median_ms "$work/f.json" 2); la=$(median_ms "$work/f.json" 3)
tt=$(python3 -c "print(round($t-$p, 2))"); lt=$(python3 -c "print(round($l-$p, 2))"); lat=$(python3 -c "print(round($la-$p, 2))")
echo "script alone $p ms; less that: tui first frame $tt ms, list --status all $lt ms (ratio $(ratio "$tt" "$lt")x), list --status all --count 0 $lat ms (ratio $(ratio "$tt" "$lat")x)"

echo "== peak memory"
script -qfec "/usr/bin/time -f %M -o $work/m-tui $bin tui --exit-after-first-frame" /dev/null >/dev/null
/usr/bin/time -f %M -o "$work/m-json" "$bin" list --status all --format json >/dev/null
/usr/bin/time -f %M -o "$work/m-json0" "$bin" list --status all --count 0 --format json >/dev/null
mt=$(tail -1 "$work/m-tui"); mj=$(tail -1 "$work/m-json"); mj0=$(tail -1 "$work/m-json0")
echo "tui first frame $((mt/1024)) MB ($mt kB); list --status all --format json $((mj/1024)) MB (ratio $(ratio "$mt" "$mj")x); with --count 0 $((mj0/1024)) MB (ratio $(ratio "$mt" "$mj0")x)"

echo "== idle CPU over 10 s"
sleep 20 | script -qfec "$bin tui" /dev/null >/dev/null &
spid=$!
sleep 2
# The UI is script's child (or its shell's): found by parent, never by name.
pid=""
for p in $(pgrep -P "$spid"); do
  if [ "$(cat /proc/$p/comm)" = git-ticket ]; then pid=$p; else pid=$(pgrep -P "$p" -x git-ticket || true); fi
  [ -n "$pid" ] && break
done
[ -n "$pid" ] || { echo "the UI did not start" >&2; exit 1; }
ticks() { awk '{print $14+$15}' "/proc/$pid/stat"; }
a=$(ticks); sleep 10; b=$(ticks)
hz=$(getconf CLK_TCK)
echo "idle: $((b-a)) ticks of 1/$hz s in 10 s = $(python3 -c "print(round(($b-$a)/$hz/10*100, 2))")% of one core"
kill -TERM "$pid"; pid=""
