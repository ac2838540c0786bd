#!/usr/bin/env bash
# Makes sure HAProxy is installed (Debian's package) for the rolling-restart
# benchmark, and prints the path of its binary. The benchmark writes its own
# configuration and runs HAProxy in the foreground: nothing here starts a
# service or touches /etc/haproxy.
#
#   scripts/haproxy.sh path      # installs it if missing (as root), prints e.g. /usr/sbin/haproxy
#   scripts/haproxy.sh version
set -euo pipefail

find_binary() {
  for candidate in "$(command -v haproxy 2>/dev/null || true)" /usr/sbin/haproxy /usr/local/sbin/haproxy; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

ensure_installed() {
  find_binary >/dev/null && return 0
  echo "HAProxy not found; installing Debian's haproxy package" >&2
  if [ "$(id -u)" = 0 ]; then
    # policy-rc.d keeps the package from starting a system-wide HAProxy on port 80.
    local policy=/usr/sbin/policy-rc.d created=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created=1; fi
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null) >&2 || status=$?
    [ "$created" = 1 ] && rm -f "$policy"
    [ "${status:-0}" = 0 ] || exit "$status"
  else
    echo "run as root or install HAProxy (apt-get install haproxy)" >&2
    exit 1
  fi
  find_binary >/dev/null || { echo "haproxy is still missing after apt-get install" >&2; exit 1; }
}

case "${1:-}" in
  path) ensure_installed; find_binary ;;
  version) ensure_installed; "$(find_binary)" -v | head -n 1 ;;
  *) echo "usage: $0 path|version" >&2; exit 2 ;;
esac
