#!/usr/bin/env bash
# Quick start: builds the service and runs it with the sandbox profile at http://localhost:8080
# (Swagger UI at /q/swagger-ui). Needs only Java 17+ and a PostgreSQL; see README.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/create-db.sh "${DB_NAME:-idcard}"
# Maven shows its progress: the first build downloads the dependencies (a few minutes), later ones take about a minute.
./mvnw -B package -DskipTests
exec env QUARKUS_PROFILE=sandbox java -jar target/quarkus-app/quarkus-run.jar
