#!/usr/bin/env bash
# Builds the console and starts everything on one port (default 8080) with an
# SQLite database under ./data, created and migrated on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
step "frontend: build"
npm_install frontend
(cd frontend && npm run build)
step "server"
ensure_libheif
ensure_cjk_font
exec cargo run --release -p xhs-server --locked -- serve "$@"
