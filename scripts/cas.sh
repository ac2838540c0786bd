#!/usr/bin/env bash
# Starts or stops a throw-away Apereo CAS server for the integration tests.
# It listens on 127.0.0.1 only, over plain HTTP, with three fixed test
# accounts and their SupAnn attributes (scripts/cas/). Nothing here is for
# production.
#
#   scripts/cas.sh start   # prints: export PEGASE_TEST_CAS_URL=http://127.0.0.1:<port>/cas
#   scripts/cas.sh stop
#   scripts/cas.sh url
#
# Environment: PEGASE_TEST_CAS_PORT (default: a free port),
# PEGASE_TEST_CAS_JAVA (default: java, Java 11 or later),
# PEGASE_TEST_CAS_JAVA_OPTS (added last, so they win),
# PEGASE_TEST_CAS_START_TIMEOUT (seconds, default 240).
#
# Accounts: cas-staff / cas-staff-password, cas-student / cas-student-password,
# cas-teacher / cas-teacher-password. Any http://127.0.0.1 or http://localhost
# service URL is accepted and gets every attribute.
set -euo pipefail
# shellcheck source=lib/net.sh
source "$(dirname "$0")/lib/net.sh"

root="$(cd "$(dirname "$0")/.." && pwd)"
conf_dir="$root/scripts/cas"
cache_dir="$root/.tmp/cas"
run_dir="$cache_dir/run"

# 6.6.12 is the newest cas-server-webapp-tomcat war on Maven Central: later
# 6.6.x patches (up to 6.6.15.2) and 7.x have libraries there but no war, and
# 7.x needs Java 21 (6.6 needs Java 11; this machine has 17).
cas_version="6.6.12"
war="$cache_dir/cas-server-webapp-tomcat-$cas_version.war"
app_dir="$cache_dir/cas-server-webapp-tomcat-$cas_version"
java_bin="${PEGASE_TEST_CAS_JAVA:-java}"
start_timeout="${PEGASE_TEST_CAS_START_TIMEOUT:-240}"

log() { echo "cas.sh: $*" >&2; }

# The war from Maven Central is a plain war (no Spring Boot launcher, so no
# `java -jar`), but it carries embedded Tomcat and CAS's main class: it is
# unpacked once and run from its WEB-INF. Cached under .tmp/cas/.
fetch() {
  [ -f "$app_dir/.complete" ] && return 0
  mkdir -p "$cache_dir"
  local t0=$SECONDS
  if [ ! -f "$war" ]; then
    log "downloading cas-server-webapp-tomcat $cas_version from Maven Central (113 MiB)"
    # Maven 3.8's -q still prints bare colour resets: drop them.
    mvn -B -q dependency:copy \
      -Dartifact="org.apereo.cas:cas-server-webapp-tomcat:$cas_version:war" \
      -DoutputDirectory="$cache_dir" 2>&1 | sed 's/\x1b\[0m//g' >&2
    log "downloaded in $((SECONDS - t0))s"
  fi
  rm -rf "$app_dir" "$app_dir.partial"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$war" -d "$app_dir.partial"
  else
    python3 -m zipfile -e "$war" "$app_dir.partial"
  fi
  # The marker makes a half-unpacked tree (interrupted start) count as absent.
  touch "$app_dir.partial/.complete"
  mv "$app_dir.partial" "$app_dir"
  log "unpacked $(basename "$war") into $app_dir"
}

http_status() {
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

# The recorded pid, only if it is still our CAS JVM (pids get reused).
running_pid() {
  [ -f "$run_dir/pid" ] || return 1
  local pid; pid="$(cat "$run_dir/pid")"
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.apereo.cas.web.CasWebApplication' || return 1
  echo "$pid"
}

start() {
  stop
  fetch
  mkdir -p "$run_dir/tmp"
  local port; port="${PEGASE_TEST_CAS_PORT:-$(free_port)}"
  local url="http://127.0.0.1:$port/cas"

  # Small heap and serial GC: CI has 2 cores shared with other servers.
  # C1 only (TieredStopAtLevel=1) starts faster; peak speed does not matter.
  local -a java_opts=(
    -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -Xss512k -XX:ReservedCodeCacheSize=64m
    -Djava.io.tmpdir="$run_dir/tmp"
    -Dlog4j2.configurationFile="$conf_dir/log4j2.xml"
    # Read by the ${...} placeholders in scripts/cas/config/cas.properties.
    -Dpegase.cas.home="$conf_dir"
    -Dpegase.cas.run="$run_dir"
  )
  # shellcheck disable=SC2206 # word splitting of user-given options is intended
  java_opts+=(${PEGASE_TEST_CAS_JAVA_OPTS:-})

  log "starting CAS $cas_version on $url (log: $run_dir/cas.log)"
  # Own session (setsid) and no inherited stdout: `eval "$(cas.sh start)"`
  # must not wait for the JVM, and a Ctrl-C in the caller is left to `stop`.
  (
    cd "$run_dir"
    exec setsid "$java_bin" "${java_opts[@]}" \
      -cp "$app_dir/WEB-INF/lib/*" \
      org.apereo.cas.web.CasWebApplication \
      --cas.standalone.configuration-directory="$conf_dir/config" \
      --logging.config="file:$conf_dir/log4j2.xml" \
      --server.port="$port" \
      </dev/null >"$run_dir/cas.log" 2>&1
  ) &
  local pid=$!
  echo "$pid" >"$run_dir/pid"

  local started=$SECONDS
  until [ "$(http_status "$url/login")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "CAS exited during start-up; last log lines:"
      tail -n 50 "$run_dir/cas.log" >&2 || true
      exit 1
    fi
    if [ $((SECONDS - started)) -ge "$start_timeout" ]; then
      log "CAS did not answer $url/login within ${start_timeout}s; last log lines:"
      tail -n 50 "$run_dir/cas.log" >&2 || true
      # Keep the run dir (and its log) for a look; the next start wipes it.
      terminate "$pid"
      exit 1
    fi
    sleep 0.5
  done
  log "CAS ready in $((SECONDS - started))s"
  echo "$url" >"$run_dir/url"
  echo "export PEGASE_TEST_CAS_URL=$url"
}

# SIGTERM, then SIGKILL if the JVM is still there after 20 s.
terminate() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  log "CAS (pid $pid) still running after 20s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  # Wait until it is gone, so that its port is free again.
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
}

stop() {
  local pid
  if pid="$(running_pid)"; then terminate "$pid"; fi
  rm -rf "$run_dir"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  url)
    [ -f "$run_dir/url" ] || { log "not running (no $run_dir/url)"; exit 1; }
    cat "$run_dir/url" ;;
  *) echo "usage: $0 fetch|start|stop|url" >&2; exit 2 ;;
esac
