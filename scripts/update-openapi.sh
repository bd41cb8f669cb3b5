#!/usr/bin/env bash
# Regenerates the committed contract from the code: runs the contract test in update mode, which
# writes the document the service serves (sandbox included, as in the test profile) to openapi.yaml.
# Extra arguments go to Maven (e.g. -Dquarkus.http.test-port=8091).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/create-db.sh "${TEST_DB_NAME:-idcard_test}" >/dev/null
./mvnw -B -q test -Dtest=OpenApiContractTest -Dopenapi.update=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "openapi.yaml updated; review and commit it"
