#!/usr/bin/env bash
# Starts or stops a throw-away Apache Kafka broker in KRaft mode (one process,
# broker and controller together) for the integration tests
# (PEGASE_EVENTS=kafka://…). It listens on 127.0.0.1 only, keeps its log in a
# temporary directory that `stop` removes, and runs the broker jars of
# org.apache.kafka:kafka_2.13 fetched from Maven Central with Maven (package
# registries are all this project can download from). Nothing here is for
# production.
#
#   scripts/kafka.sh fetch    # the jars into .tmp/kafka/libs-<version> (cached)
#   scripts/kafka.sh start    # prints: export PEGASE_TEST_KAFKA_URL=…
#   scripts/kafka.sh pause    # stops the broker, keeping its ports and log (outage test)
#   scripts/kafka.sh resume   # starts it again on the same ports with the same log
#   scripts/kafka.sh url
#   scripts/kafka.sh stop
#
# Environment: PEGASE_TEST_KAFKA_PORT (default: a free port), PEGASE_KAFKA_VERSION.
set -euo pipefail
# shellcheck source=lib/net.sh
source "$(dirname "$0")/lib/net.sh"
# shellcheck source=lib/process.sh
source "$(dirname "$0")/lib/process.sh"

root="$(cd "$(dirname "$0")/.." && pwd)"
state_dir="$root/.tmp/kafka"
# Kafka 4 brokers run on Java 17, the Java of the machines.
version="${PEGASE_KAFKA_VERSION:-4.1.1}"
libs="$state_dir/libs-$version"
mkdir -p "$state_dir"

log() { echo "kafka: $*" >&2; }

# Resolves the broker and its dependencies once; later starts reuse them.
fetch() {
  [ -f "$libs/.complete" ] && return 0
  command -v mvn >/dev/null || { log "mvn is needed to fetch Kafka from Maven Central"; exit 1; }
  command -v java >/dev/null || { log "java (17 or later) is needed to run Kafka"; exit 1; }
  local tmp="$state_dir/download-$version"
  rm -rf "$tmp" && mkdir -p "$tmp"
  cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>pegase</groupId>
  <artifactId>kafka-test-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$version</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$version</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
POM
  log "fetching org.apache.kafka:kafka_2.13:$version and its dependencies from Maven Central"
  local t0; t0=$(date +%s)
  (cd "$tmp" && mvn -q -B dependency:copy-dependencies -DoutputDirectory="$tmp/libs" -DincludeScope=runtime 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2)
  log "got $(find "$tmp/libs" -name '*.jar' | wc -l) jars in $(($(date +%s) - t0)) s"
  touch "$tmp/libs/.complete"
  # Moved into place only once complete, so an interrupted download is retried.
  rm -rf "$libs" && mv "$tmp/libs" "$libs"
  rm -rf "$tmp"
}

pid_alive() { [ -f "$state_dir/pid" ] && kill -0 "$(cat "$state_dir/pid")" 2>/dev/null; }

java_run() {
  java -Xms256m -Xmx512m -XX:+UseSerialGC -Dlog4j.configuration="file:$(cat "$state_dir/store")/log4j.properties" -cp "$libs/*" "$@"
}

launch() {
  local store port; store="$(cat "$state_dir/store")"; port="$(cat "$state_dir/port")"
  setsid java -Xms256m -Xmx512m -XX:+UseSerialGC -Dlog4j.configuration="file:$store/log4j.properties" \
    -cp "$libs/*" kafka.Kafka "$store/server.properties" >>"$store/kafka.log" 2>&1 </dev/null &
  echo $! >"$state_dir/pid"
  for _ in $(seq 1 600); do
    if grep -q 'Kafka Server started' "$store/kafka.log" && port_in_use "$port"; then return 0; fi
    pid_alive || { tail -30 "$store/kafka.log" >&2; log "the broker exited"; exit 1; }
    sleep 0.1
  done
  tail -30 "$store/kafka.log" >&2
  log "not ready after 60 s"
  exit 1
}

halt() { stop_pidfile "$state_dir/pid" 150; }

start() {
  fetch
  stop
  local store; store="$(mktemp -d /tmp/pegase-kafka.XXXXXX)"
  local port controller
  port="${PEGASE_TEST_KAFKA_PORT:-$(free_port)}"
  controller="$(free_port)"
  while [ "$controller" = "$port" ]; do controller="$(free_port)"; done
  echo "$store" >"$state_dir/store"
  echo "$port" >"$state_dir/port"
  # One node, broker and controller; one replica of everything; groups
  # rebalance at once (no initial delay) since tests start consumers often.
  cat >"$store/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$store/log
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  cat >"$store/log4j.properties" <<'LOG'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
LOG
  java_run kafka.tools.StorageTool format -t "$(java_run kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
    -c "$store/server.properties" --standalone >"$store/format.log" 2>&1 \
    || java_run kafka.tools.StorageTool format -t "$(java_run kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
      -c "$store/server.properties" >>"$store/format.log" 2>&1 \
    || { cat "$store/format.log" >&2; log "formatting the storage failed"; exit 1; }
  launch
  echo "kafka://127.0.0.1:$port" >"$state_dir/url"
  echo "export PEGASE_TEST_KAFKA_URL=$(cat "$state_dir/url")"
}

stop() {
  halt
  if [ -f "$state_dir/store" ]; then rm -rf "$(cat "$state_dir/store")"; fi
  rm -f "$state_dir/store" "$state_dir/port" "$state_dir/url"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  pause) halt ;;
  resume) pid_alive || launch ;;
  url) cat "$state_dir/url" ;;
  *) echo "usage: $0 fetch|start|stop|pause|resume|url" >&2; exit 2 ;;
esac
