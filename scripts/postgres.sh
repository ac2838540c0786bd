#!/usr/bin/env bash
# Starts or stops a scratch PostgreSQL cluster for the integration tests.
# It listens on 127.0.0.1 only, trusts local connections, and lives in a
# temporary directory that `stop` removes. Nothing here is for production.
#
#   scripts/postgres.sh start   # prints: export PEGASE_TEST_DATABASE_URL=…
#   scripts/postgres.sh stop
set -euo pipefail
# shellcheck source=lib/net.sh
source "$(dirname "$0")/lib/net.sh"

state_dir="$(cd "$(dirname "$0")/.." && pwd)/.tmp/postgres"
mkdir -p "$state_dir"

find_bindir() {
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return 0; fi
  return 1
}

ensure_installed() {
  if ! find_bindir >/dev/null; then
    echo "PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
    else
      echo "run as root or install PostgreSQL 15 (apt-get install postgresql)" >&2
      exit 1
    fi
  fi
}

# initdb refuses to run as root: use the postgres system account then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  ensure_installed
  local bindir; bindir="$(find_bindir)"
  stop >/dev/null 2>&1 || true
  local data; data="$(mktemp -d /tmp/pegase-pg.XXXXXX)"
  local port; port="${PEGASE_TEST_PG_PORT:-$(free_port)}"
  [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres; chown postgres "$data"; }
  as_owner "$bindir/initdb" -D "$data/cluster" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$state_dir/initdb.log" 2>&1 \
    || { cat "$state_dir/initdb.log" >&2; exit 1; }
  # Tuned for a throw-away test cluster: durability off, enough connections
  # for several processes with their pools.
  as_owner "$bindir/pg_ctl" -D "$data/cluster" -w -t 60 -l "$data/postgres.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  echo "$data" >"$state_dir/data-dir"
  echo "$bindir" >"$state_dir/bindir"
  local url="postgres://postgres@127.0.0.1:$port/postgres"
  echo "$url" >"$state_dir/url"
  echo "export PEGASE_TEST_DATABASE_URL=$url"
}

stop() {
  [ -f "$state_dir/data-dir" ] || return 0
  local data bindir; data="$(cat "$state_dir/data-dir")"; bindir="$(cat "$state_dir/bindir")"
  as_owner "$bindir/pg_ctl" -D "$data/cluster" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$data" "$state_dir/data-dir" "$state_dir/url"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) cat "$state_dir/url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
