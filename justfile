# Recipes for xhs-publisher. `just run` and `just test` are the README's two commands.

# Build the console and serve API + console on :8080 with SQLite under ./data
run *ARGS:
    bash scripts/run.sh {{ARGS}}

# Every test: lints, Rust on SQLite/MariaDB/PostgreSQL, the document linted, frontend, browser
test:
    bash scripts/test.sh

# Regenerate openapi/openapi.json and the frontend's types from the code
openapi:
    cargo run -q -p xhs-server -- openapi > openapi/openapi.json
    cd frontend && npm run gen:api

# The integrator scenario through a Python client generated from openapi/openapi.json
client:
    bash scripts/client/run.sh

# Formatting and lints only
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings
    cd frontend && npm run typecheck

# The test command from fresh clones with both cores kept busy by stress-ng (issue 23): RUNS in a row
loaded RUNS="3" WORKDIR="/tmp/xhs-loaded":
    bash scripts/loaded.sh {{RUNS}} {{WORKDIR}}

# Release server under wrk at 64 connections: 100 000 notes, 100 000 events; figures per path (BENCHMARKS.md)
bench *ARGS:
    bash scripts/bench.sh {{ARGS}}

# Upload a 300 MB video to the real release binary; prints its peak memory and throughput
bench-upload MB="300":
    cargo build --release -p xhs-server
    cargo run --release -p xhs-media --example upload_bench {{MB}}

# Lighthouse (mobile preset) on the share page with a 6 MB photo, with and without credentials
lighthouse RUNS="3":
    cargo build --release -p xhs-server --locked
    (cd frontend && npm run build >/dev/null)
    (cd tests/e2e && npm ci --no-audit --no-fund >/dev/null) && (cd scripts/lighthouse && npm ci --no-audit --no-fund >/dev/null)
    node scripts/lighthouse/run.mjs --runs {{RUNS}}
