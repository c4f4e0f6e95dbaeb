#!/usr/bin/env bash
# The test command under load (issue 23 item 8): RUNS fresh clones of this
# repository's HEAD, one after another, each running `scripts/test.sh` while
# `stress-ng --cpu 2` keeps both cores busy. Not part of `just test`.
#
#   bash scripts/loaded.sh [RUNS] [WORKDIR]     (defaults: 3, /tmp/xhs-loaded)
#
# WORKDIR/runN.log holds each run's output, WORKDIR/summary.log one line per
# run (exit code and seconds). The clones share WORKDIR/target (linked as
# each clone's `target`): the first run builds the dependencies, later ones
# rebuild only the workspace's crates. Stop it with
# `pkill -f scripts/loaded.sh; pkill stress-ng`, and delete WORKDIR after.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
runs="${1:-3}"
work="${2:-/tmp/xhs-loaded}"
repo="$(pwd)"
command -v stress-ng >/dev/null || as_root apt-get install -y stress-ng >/dev/null
mkdir -p "$work/target"
for i in $(seq "$runs"); do
  rm -rf "$work/clone"
  git clone -q "$repo" "$work/clone"
  ln -s "$work/target" "$work/clone/target"
  git -C "$work/clone" log --oneline -1 > "$work/run$i.log"
  stress-ng --cpu 2 --timeout 0 >/dev/null 2>&1 &
  stress=$!
  start=$(date +%s)
  (cd "$work/clone" && CI=true bash scripts/test.sh </dev/null >>"$work/run$i.log" 2>&1)
  rc=$?
  kill "$stress"; wait "$stress" 2>/dev/null
  echo "run $i: rc=$rc, $(( $(date +%s) - start )) s, $(head -c 7 "$work/run$i.log")" | tee -a "$work/summary.log"
done
