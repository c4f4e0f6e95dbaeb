#!/usr/bin/env bash
# `just bench [--postgres]`: builds the release server and the console, then
# runs scripts/bench.mjs (100 000 notes, 100 000 events, wrk at 64
# connections on each path; figures in BENCHMARKS.md's format).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
if ! command -v wrk >/dev/null; then
  step "wrk (Debian's package)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null
fi
if [[ " $* " == *" --postgres "* ]]; then ensure_postgres; fi
step "frontend: build"
npm_install frontend
(cd frontend && npm run build >/dev/null)
step "server: release build"
cargo build --release -p xhs-server --locked
step "bench"
node scripts/bench.mjs "$@"
