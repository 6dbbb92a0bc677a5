#!/usr/bin/env bash
# Everything a fresh Debian/Ubuntu machine needs before `npm start` or `npm test`:
# Debian's Chromium (the browser shell's window, and the test browser) and the npm packages.
# With --with-postgresql also Debian's PostgreSQL, which the sync tests start on their own
# (a kiosk does not need it: only the clinic's collector does).
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"

# Debian keeps PostgreSQL's programs under /usr/lib/postgresql/<version>/bin.
if [ "${1:-}" = "--with-postgresql" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PostgreSQL from Debian's packages (for the sync tests) …"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi

if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages …"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
[ -x /usr/bin/chromium ] || echo "warning: /usr/bin/chromium is missing: the browser tests need it, and the kiosk will only print its URL." >&2

# npm ci only when the installed tree is older than the lock file (better-sqlite3 compiles: ~1 minute).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
