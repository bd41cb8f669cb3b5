#!/usr/bin/env bash
# Runs the whole test suite against the local PostgreSQL (database idcard_test, made when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/create-db.sh "${TEST_DB_NAME:-idcard_test}"
exec ./mvnw -B verify "$@"
