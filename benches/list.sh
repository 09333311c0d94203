#!/usr/bin/env bash
# Whole-process benchmark: `git-ticket list --status all --count 0 --format json` against a
# program that only reads the same files (examples/read_floor.rs), at 100 / 1,000 / 10,000
# generated tickets, with hyperfine. Compare the ratios within one run; absolute times vary.
#
#   bash benches/list.sh [sizes…]        (needs hyperfine: apt-get install -y hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "hyperfine is required (apt-get install -y hyperfine)" >&2; exit 1; }
cargo build --release --quiet --bin git-ticket --example read_floor
bin=$PWD/target/release/git-ticket
floor=$PWD/target/release/examples/read_floor
sizes=("${@:-100 1000 10000}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in ${sizes[@]}; do
  repo=$work/repo-$n
  mkdir -p "$repo"
  git -C "$repo" init -q -b main
  (cd "$repo" && "$bin" init >/dev/null)
  python3 - "$repo" "$n" <<'PY'
import sys, os
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    folder = ["todo", "doing", "done", "done"][i % 4]
    created = f"2025-{i%12+1:02}-{i%28+1:02}T{i%24:02}:00:00+09:00"
    started = "null" if i % 4 == 0 else f'"{created}"'
    closed = f'"{created}"' if i % 4 >= 2 else "null"
    tid = f"25{i%12+1:02}{i%28+1:02}-{i%24:02}{i//60%60:02}{i%60:02}-task-{i}"
    with open(os.path.join(root, "tickets", folder, tid + ".md"), "w") as f:
        f.write(f"---\npriority: {i%3+1}\ndescription: Generated ticket number {i}\ncreated_at: \"{created}\"\nstarted_at: {started}\nclosed_at: {closed}\n---\n\n# Summary\n\nBenchmark ticket {i}.\n\n## Tasks\n- [ ] Task 1\n- [ ] Task 2\n\n## Notes\n\nSome notes that make the body a realistic size.\n")
PY
  echo "== $n tickets"
  (cd "$repo" && hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/$n.json" \
      "$floor $repo" \
      "$bin list --status all --count 0 --format json" >/dev/null)
  python3 - "$work/$n.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
floor, tool = r[0]["median"], r[1]["median"]
print(f"floor {floor*1000:.2f} ms   git-ticket {tool*1000:.2f} ms   ratio {tool/floor:.2f}x")
PY
done
