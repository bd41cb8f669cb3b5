#!/usr/bin/env bash
# Creates the service's PostgreSQL database when it is missing. Reads the same variables as the
# service: DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_NAME (or the name given as $1).
set -euo pipefail
name="${1:-${DB_NAME:-idcard}}"
export PGHOST="${DB_HOST:-127.0.0.1}" PGPORT="${DB_PORT:-5432}" PGUSER="${DB_USER:-postgres}"
[ -n "${DB_PASSWORD:-}" ] && export PGPASSWORD="$DB_PASSWORD"

if ! command -v psql >/dev/null 2>&1; then
  echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2
  exit 1
fi
if ! pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null && ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
  echo "PostgreSQL is not reachable at $PGHOST:$PGPORT as $PGUSER" >&2
  exit 1
fi
if [ "$(psql -d postgres -Atc "select 1 from pg_database where datname = '$name'")" != "1" ]; then
  psql -d postgres -qc "create database \"$name\"" && echo "created database $name"
fi
