#!/usr/bin/env bash
# Every test of the project: lints, Rust tests on SQLite, MariaDB and PostgreSQL,
# the frontend's checks and unit tests, and the browser tests against the real
# server. Installs and starts what it needs (Chromium, npm packages, databases,
# Redis).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

step "services"
ensure_postgres
ensure_mariadb
ensure_redis
ensure_moto
drop_test_databases

step "rust: fmt and clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "rust: tests on SQLite"
# XHSPUB__ variables from the caller's shell would change the defaults under test.
unset $(env | grep -o '^XHSPUB__[A-Z_]*' || true)
TEST_DATABASE=sqlite cargo test --workspace --locked
step "rust: API tests on MariaDB"
TEST_DATABASE=mysql TEST_MYSQL_URL="${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}" cargo test -p xhs-server --test api --locked
step "rust: API tests on PostgreSQL"
TEST_DATABASE=postgres TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432}" cargo test -p xhs-server --test api --locked
drop_test_databases

step "fuzz: schemathesis on PostgreSQL"
bash scripts/fuzz.sh

step "contract: the OpenAPI document linted by Redocly (any error fails)"
npm_install scripts/contract
(cd scripts/contract && npm run --silent lint)

step "frontend: generated types, typecheck, unit tests, build"
npm_install frontend
(cd frontend && npm run check:api && npm test && npm run build)

step "browser tests (Chromium)"
ensure_chromium
npm_install tests/e2e
cargo build -p xhs-server --locked
node --test --test-concurrency=1 tests/e2e/
