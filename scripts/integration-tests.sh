#!/usr/bin/env bash
# The integration run: the whole test suite again, against real servers that
# this script starts on 127.0.0.1 and stops afterwards (today: PostgreSQL 15).
# Tests that need a real server skip themselves in the default `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

trap 'scripts/postgres.sh stop' EXIT
eval "$(scripts/postgres.sh start)"
echo "integration: PostgreSQL at ${PEGASE_TEST_DATABASE_URL}"
export PEGASE_TEST_DATABASE_URL

npx vitest run "$@"
