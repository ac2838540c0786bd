# Shared by the scripts that start test servers: stopping the one whose
# pid a file holds.
# shellcheck shell=bash

# Stops the process of pid file $1: TERM, then up to $2 tenths of a second
# for it to go, then KILL; removes the file. Nothing to do when it is gone.
stop_pidfile() {
  local file="$1" tenths="$2" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 "$tenths"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}
