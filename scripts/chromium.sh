#!/usr/bin/env bash
# Prints the path of Debian's Chromium for the browser tests, installing the
# package when it is missing (as root). No browser is ever downloaded by a test
# tool: playwright-core drives this one.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Chromium not found; installing Debian's chromium package" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2
  else
    echo "install Debian's chromium package (apt-get install chromium)" >&2
    exit 1
  fi
fi
command -v chromium
