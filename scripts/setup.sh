#!/usr/bin/env bash
# Everything a fresh Debian/Ubuntu machine needs before `npm start`, `npm test` or `npm run bench`:
# Debian's Chromium and sqlite3, and the npm packages. With --with-postgresql also Debian's
# PostgreSQL, which the sync tests start on their own (a kiosk does not need it: only the clinic's
# collector does).
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

# Debian's Chromium (the browser shell's window, the test browser) and sqlite3 (the export
# benchmark's reference, `npm run bench`): only those missing.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/sqlite3 ] || missing="$missing sqlite3"
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing from Debian's packages:$missing …"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
[ -x /usr/bin/chromium ] || echo "warning: /usr/bin/chromium is missing: the browser tests need it, and the kiosk will only print its URL." >&2
[ -x /usr/bin/sqlite3 ] || echo "warning: /usr/bin/sqlite3 is missing: npm run bench needs it for the export reference." >&2

# npm ci only when the installed tree is older than the lock file (better-sqlite3 compiles: ~1 minute).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
