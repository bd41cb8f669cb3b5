#!/usr/bin/env bash
# Regenerates the committed contract from the code: the build writes target/openapi/openapi.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
cp target/openapi/openapi.yaml openapi.yaml
echo "openapi.yaml updated; review and commit it"
