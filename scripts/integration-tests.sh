#!/usr/bin/env bash
# The integration run: the whole test suite again, against real servers that
# this script fetches, starts on 127.0.0.1 and stops afterwards:
#   PostgreSQL 15 (Debian package)      scripts/postgres.sh
#   Apereo CAS 6.6 (Maven Central)      scripts/cas.sh
#   Keycloak 26 (Maven Central)         scripts/keycloak.sh
#   NATS with JetStream (Debian package) scripts/nats.sh
#   Kafka 4 in KRaft mode (Maven Central) scripts/kafka.sh
#   Chromium (Debian package)           scripts/chromium.sh, driven by playwright-core
# Tests that need one of them skip themselves in the default `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

cleanup() {
  scripts/kafka.sh stop || true
  scripts/nats.sh stop || true
  scripts/keycloak.sh stop || true
  scripts/cas.sh stop || true
  scripts/postgres.sh stop || true
}
trap cleanup EXIT

mkdir -p .tmp
PEGASE_TEST_CHROMIUM="$(scripts/chromium.sh)"
export PEGASE_TEST_CHROMIUM
eval "$(scripts/postgres.sh start)"
# Downloads one after the other (two Maven runs must not write the local
# repository at once), then the two Java servers start side by side: their
# start-up is most of the wait.
scripts/cas.sh fetch
scripts/keycloak.sh fetch
scripts/kafka.sh fetch
scripts/cas.sh start >.tmp/cas.env &
cas_pid=$!
scripts/keycloak.sh start >.tmp/keycloak.env &
keycloak_pid=$!
scripts/nats.sh start >.tmp/nats.env &
nats_pid=$!
scripts/kafka.sh start >.tmp/kafka.env &
kafka_pid=$!
wait "$cas_pid" || { echo "integration: CAS did not start" >&2; exit 1; }
wait "$keycloak_pid" || { echo "integration: Keycloak did not start" >&2; exit 1; }
wait "$nats_pid" || { echo "integration: NATS did not start" >&2; exit 1; }
wait "$kafka_pid" || { echo "integration: Kafka did not start" >&2; exit 1; }
eval "$(cat .tmp/cas.env .tmp/keycloak.env .tmp/nats.env .tmp/kafka.env)"
export PEGASE_TEST_DATABASE_URL PEGASE_TEST_CAS_URL PEGASE_TEST_KEYCLOAK_URL PEGASE_TEST_NATS_URL PEGASE_TEST_KAFKA_URL
echo "integration: PostgreSQL ${PEGASE_TEST_DATABASE_URL}, CAS ${PEGASE_TEST_CAS_URL}, Keycloak ${PEGASE_TEST_KEYCLOAK_URL}, NATS ${PEGASE_TEST_NATS_URL}, Kafka ${PEGASE_TEST_KAFKA_URL}, Chromium ${PEGASE_TEST_CHROMIUM}"

npx vitest run "$@"
