#!/usr/bin/env bash
# Starts or stops a throw-away Keycloak (OIDC provider) for the integration
# tests. It listens on 127.0.0.1 only, over plain HTTP, in dev mode, with the
# realm `pegase` imported fresh from scripts/keycloak/pegase-realm.json at each
# start (clients pegase-web and pegase-integration, users kc-admin, kc-staff,
# kc-student; see that file). Nothing here is for production.
#
#   scripts/keycloak.sh start   # prints: export PEGASE_TEST_KEYCLOAK_URL=…
#   scripts/keycloak.sh url     # the realm URL of the running server
#   scripts/keycloak.sh stop
#
# About the realm file (JSON has no comments):
# - the claims pegase_roles, pegase_structures and learner_code come from user
#   attributes; the user profile declares them, editable by admins only, since
#   the "unmanaged attributes: ENABLED" policy would let users set their own
#   roles from the account console (other ad hoc attributes: ADMIN_EDIT);
# - the audience and claim mappers sit on each client rather than in a shared
#   client scope: a realm file that lists clientScopes gets none of Keycloak's
#   built-in ones (profile, basic, roles…), which would then all need copying;
# - the service account user of pegase-integration has pegase_roles=service;
# - passwords are hashed with 1000 rounds of PBKDF2 instead of Argon2, which
#   takes a password-grant login from ~250 ms to ~40 ms here.
#
# Environment: PEGASE_TEST_KEYCLOAK_PORT (default: a free port),
# PEGASE_TEST_KEYCLOAK_ADMIN / _ADMIN_PASSWORD (master admin, default
# admin/admin), PEGASE_KEYCLOAK_VERSION, JAVA_OPTS_KC_HEAP.
set -euo pipefail
# shellcheck source=lib/net.sh
source "$(dirname "$0")/lib/net.sh"

root="$(cd "$(dirname "$0")/.." && pwd)"
realm_file="$root/scripts/keycloak/pegase-realm.json"
state_dir="$root/.tmp/keycloak"
run_dir="$state_dir/run"

# The server is the zip org.keycloak:keycloak-quarkus-dist from Maven Central,
# fetched with Maven: package registries are all this project can download
# from. 26.7.3 is the newest release there, and it starts and passes our
# checks on the Java 17 that the machines have (Keycloak 26 deprecates Java 17
# but still runs on it), so nothing older is needed. If a later release
# refuses Java 17, pin here the newest one that accepts it.
version="${PEGASE_KEYCLOAK_VERSION:-26.7.3}"
dist="$state_dir/dist-$version"

log() { echo "keycloak: $*" >&2; }

# Downloads and unpacks the distribution once; later starts reuse it.
ensure_dist() {
  [ -x "$dist/bin/kc.sh" ] && return 0
  command -v mvn >/dev/null || { log "mvn is needed to fetch Keycloak from Maven Central"; exit 1; }
  local tmp="$state_dir/download-$version"
  rm -rf "$tmp" && mkdir -p "$tmp"
  log "fetching org.keycloak:keycloak-quarkus-dist:$version:zip from Maven Central"
  local t0; t0=$(date +%s)
  # Output to stderr (stdout carries only the export line), minus the colour
  # codes Maven 3.8 prints even with -q -B.
  mvn -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
    -DoutputDirectory="$tmp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
  local zip="$tmp/keycloak-quarkus-dist-$version.zip"
  log "got $(($(stat -c %s "$zip") / 1048576)) MiB in $(($(date +%s) - t0)) s, unpacking"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$tmp/x"
  else
    # No unzip on the machine: Python's zipfile loses the exec bits, put them back.
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$tmp/x"
    chmod +x "$tmp/x/keycloak-$version/bin/"*.sh
  fi
  # Moved into place only once complete, so an interrupted download is retried.
  rm -rf "$dist" && mv "$tmp/x/keycloak-$version" "$dist"
  rm -rf "$tmp"
}

# The pid is also the process group id (see setsid below): alive while any
# process of the group is, even a JVM whose kc.sh wrapper died.
pid_alive() { [ -f "$state_dir/pid" ] && kill -0 -- "-$(cat "$state_dir/pid")" 2>/dev/null; }

start() {
  ensure_dist
  stop
  local port; port="${PEGASE_TEST_KEYCLOAK_PORT:-$(free_port)}"
  # Otherwise the readiness check below could be answered by whatever holds it.
  if port_in_use "$port"; then log "port $port on 127.0.0.1 is already in use"; exit 1; fi
  local url="http://127.0.0.1:$port/realms/pegase"

  # Keycloak keeps its transaction logs, temporary files and realm imports in
  # <home>/data and has no option to move that: make it a link into the run
  # dir, which is wiped at each start (and the database is in memory), so
  # every start gets a fresh realm.
  rm -rf "$run_dir" "$state_dir/failed-start.log" && mkdir -p "$run_dir/data/import"
  rm -rf "$dist/data" && ln -s "$run_dir/data" "$dist/data"
  cp "$realm_file" "$run_dir/data/import/"

  # Master admin: Keycloak 26 reads KC_BOOTSTRAP_ADMIN_*, older ones KEYCLOAK_ADMIN*.
  local admin="${PEGASE_TEST_KEYCLOAK_ADMIN:-admin}" admin_pw="${PEGASE_TEST_KEYCLOAK_ADMIN_PASSWORD:-admin}"
  if [ "${version%%.*}" -ge 26 ]; then
    export KC_BOOTSTRAP_ADMIN_USERNAME="$admin" KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_pw"
  else
    export KEYCLOAK_ADMIN="$admin" KEYCLOAK_ADMIN_PASSWORD="$admin_pw"
  fi
  # A small JVM: CI has 2 cores and shares them with PostgreSQL, the app and
  # the tests. C1-only JIT (TieredStopAtLevel=1) cut start-up CPU by a third
  # and RSS by ~90 MiB here, and a test IdP never runs long enough to need
  # C2; the serial GC saves another ~50 MiB over G1. kc.sh appends its own
  # -XX:+UseG1GC unless JAVA_OPTS is set, so this is its default JAVA_OPTS
  # with those changes (and then kc.sh ignores JAVA_OPTS_KC_HEAP: the heap
  # goes here too).
  local heap="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx384m}"
  export JAVA_OPTS="${JAVA_OPTS:--XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError \
-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
-Dstderr.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom -Djdk.tls.rejectClientInitiatedRenegotiation=true \
-XX:+UseSerialGC -XX:TieredStopAtLevel=1 $heap}"

  # --hostname pins the issuer to the URL we print, whether a test calls
  # 127.0.0.1 or localhost. --db=dev-mem: an in-memory H2, nothing to wipe and
  # a faster realm import than the default H2 file. Health sits on the main
  # port (/health/ready), so no management port (9000 by default) is opened:
  # one port to pick, none to collide with another run.
  # setsid: the server gets its own process group, which `stop` can kill whole.
  local started; started=$(date +%s)
  setsid "$dist/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$port" --hostname="http://127.0.0.1:$port" \
    --health-enabled=true --http-management-health-enabled=false \
    --import-realm --db=dev-mem \
    </dev/null >"$run_dir/keycloak.log" 2>&1 &
  echo $! >"$state_dir/pid"
  echo "$url" >"$state_dir/url"

  log "starting Keycloak $version on 127.0.0.1:$port (log: $run_dir/keycloak.log)"
  local deadline=$((started + 180))
  until [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$url/.well-known/openid-configuration")" = 200 ]; do
    if ! pid_alive || [ "$(date +%s)" -ge "$deadline" ]; then
      log "Keycloak did not come up (exited or 180 s timeout); last log lines:"
      tail -n 50 "$run_dir/keycloak.log" >&2 || true
      # Kept out of the run dir, which stop removes, for a later look.
      cp "$run_dir/keycloak.log" "$state_dir/failed-start.log" 2>/dev/null || true
      stop
      exit 1
    fi
    sleep 0.5
  done
  log "ready in $(($(date +%s) - started)) s"
  echo "export PEGASE_TEST_KEYCLOAK_URL=$url"
}

stop() {
  if pid_alive; then
    local pid; pid="$(cat "$state_dir/pid")"
    # The whole group: the JVM is either kc.sh itself (exec) or its child.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do pid_alive || break; sleep 0.5; done
    if pid_alive; then
      log "still running after 20 s, killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$state_dir/pid" "$state_dir/url"
  rm -rf "$run_dir"
  # Leave no dangling link to the run dir in the cached distribution.
  [ -L "$dist/data" ] && rm -f "$dist/data"
  return 0
}

case "${1:-}" in
  fetch) ensure_dist ;;
  start) start ;;
  stop) stop ;;
  url) if pid_alive; then cat "$state_dir/url"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|url" >&2; exit 2 ;;
esac
