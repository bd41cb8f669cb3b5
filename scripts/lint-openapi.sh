#!/usr/bin/env bash
# Lints the committed contract (openapi.yaml) with Spectral: its OpenAPI rules and the OWASP API
# Security Top 10 ruleset, as configured in .spectral.yaml. Any warning fails. Installs the pinned
# tools from package-lock.json (npm ci) only when node_modules is missing or older than the lock.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: install Node.js 18 or later (apt-get install nodejs npm)" >&2
  exit 1
fi
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  # --ignore-scripts: nothing here needs an install script (one dependency's would only phone home).
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi
exec node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity=warn openapi.yaml "$@"
