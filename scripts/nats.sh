#!/usr/bin/env bash
# Starts or stops a throw-away NATS server with JetStream for the integration
# tests (PEGASE_EVENTS=nats://…). It listens on 127.0.0.1 only, keeps its
# streams in a temporary directory that `stop` removes, and comes from
# Debian's nats-server package. Nothing here is for production.
#
#   scripts/nats.sh start    # prints: export PEGASE_TEST_NATS_URL=…
#   scripts/nats.sh pause    # stops the server, keeping its port and streams (outage test)
#   scripts/nats.sh resume   # starts it again on the same port with the same streams
#   scripts/nats.sh url
#   scripts/nats.sh stop
set -euo pipefail
# shellcheck source=lib/net.sh
source "$(dirname "$0")/lib/net.sh"
# shellcheck source=lib/process.sh
source "$(dirname "$0")/lib/process.sh"

state_dir="$(cd "$(dirname "$0")/.." && pwd)/.tmp/nats"
mkdir -p "$state_dir"

log() { echo "nats: $*" >&2; }

ensure_installed() {
  command -v nats-server >/dev/null 2>&1 && return 0
  [ -x /usr/sbin/nats-server ] && return 0
  log "nats-server not found; installing Debian's nats-server package"
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null) >&2
  else
    log "run as root or install nats-server (apt-get install nats-server)"
    exit 1
  fi
}

binary() { command -v nats-server 2>/dev/null || echo /usr/sbin/nats-server; }

pid_alive() { [ -f "$state_dir/pid" ] && kill -0 "$(cat "$state_dir/pid")" 2>/dev/null; }

# Runs the server on the port and store recorded by start; waits until it answers.
launch() {
  local port store; port="$(cat "$state_dir/port")"; store="$(cat "$state_dir/store")"
  # setsid: the server outlives this script and the test run's process group signals.
  setsid "$(binary)" -a 127.0.0.1 -p "$port" -js -sd "$store/jetstream" >>"$store/nats.log" 2>&1 </dev/null &
  echo $! >"$state_dir/pid"
  for _ in $(seq 1 100); do
    if port_in_use "$port" && grep -q 'Server is ready' "$store/nats.log"; then return 0; fi
    pid_alive || { tail -20 "$store/nats.log" >&2; log "the server exited"; exit 1; }
    sleep 0.1
  done
  tail -20 "$store/nats.log" >&2
  log "not ready after 10 s"
  exit 1
}

halt() { stop_pidfile "$state_dir/pid" 50; }

start() {
  ensure_installed
  stop
  local store; store="$(mktemp -d /tmp/pegase-nats.XXXXXX)"
  echo "$store" >"$state_dir/store"
  echo "${PEGASE_TEST_NATS_PORT:-$(free_port)}" >"$state_dir/port"
  launch
  echo "nats://127.0.0.1:$(cat "$state_dir/port")" >"$state_dir/url"
  echo "export PEGASE_TEST_NATS_URL=$(cat "$state_dir/url")"
}

stop() {
  halt
  if [ -f "$state_dir/store" ]; then rm -rf "$(cat "$state_dir/store")"; fi
  rm -f "$state_dir/store" "$state_dir/port" "$state_dir/url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  pause) halt ;;
  resume) pid_alive || launch ;;
  url) cat "$state_dir/url" ;;
  *) echo "usage: $0 start|stop|pause|resume|url" >&2; exit 2 ;;
esac
