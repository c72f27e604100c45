#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for ilpcore's store tests and benchmarks.
#
#   export $(.ci/postgres.sh)        # install if needed, start, export ILPCORE_TEST_POSTGRES_URL
#   .ci/postgres.sh stop             # stop it
#
# Prints one KEY=VALUE line on stdout, `ILPCORE_TEST_POSTGRES_URL=postgresql://...` (the format
# .ci/run reads from its service scripts); progress goes to stderr.  Idempotent: a server this script started earlier (in $ILPCORE_PG_DIR, default
# /tmp/ilpcore-pg) is reused while it runs.  When no PostgreSQL server binaries are found and we
# are root, installs the Debian package `postgresql`.  The server listens on 127.0.0.1 only, on a
# free port, with trust authentication for the local user `ilpcore`; fsync is off (test data).
# As root, the server runs as the `postgres` user (or a created `ilpcore-pg` user): initdb
# refuses to run as root.
set -euo pipefail

PGDIR=${ILPCORE_PG_DIR:-/tmp/ilpcore-pg}
DB=ilpcore_test
log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

BINDIR=$(find_bindir || true)

if [ "${1:-start}" = "stop" ]; then
  if [ -n "$BINDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    owner=$(stat -c %U "$PGDIR/data")
    if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then
      runuser -u "$owner" -- "$BINDIR/pg_ctl" -D "$PGDIR/data" -m fast -w stop >&2
    else
      "$BINDIR/pg_ctl" -D "$PGDIR/data" -m fast -w stop >&2
    fi
  fi
  exit 0
fi

if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "no PostgreSQL server binaries found; install the postgresql package (or run as root)"
    exit 1
  fi
  log "installing the Debian package postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BINDIR=$(find_bindir)
fi

# As root, run the server as an unprivileged user.
as_user=()
if [ "$(id -u)" = 0 ]; then
  if id postgres >/dev/null 2>&1; then
    user=postgres
  else
    id ilpcore-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin ilpcore-pg
    user=ilpcore-pg
  fi
  as_user=(runuser -u "$user" --)
fi

# Reuse a running server from an earlier call.
if [ -f "$PGDIR/url" ] && "${as_user[@]}" "$BINDIR/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
  url=$(cat "$PGDIR/url")
  port=${url##*:}; port=${port%%/*}
  if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    log "reusing the server at $url"
    echo "ILPCORE_TEST_POSTGRES_URL=$url"
    exit 0
  fi
fi

if [ -f "$PGDIR/data/postmaster.pid" ]; then
  "${as_user[@]}" "$BINDIR/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$PGDIR"
mkdir -p "$PGDIR"
[ ${#as_user[@]} -gt 0 ] && chown "$user" "$PGDIR"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log "initialising a cluster in $PGDIR/data ($BINDIR)"
"${as_user[@]}" "$BINDIR/initdb" -D "$PGDIR/data" -U ilpcore --auth=trust -E UTF8 --no-sync >/dev/null
log "starting on 127.0.0.1:$port"
"${as_user[@]}" "$BINDIR/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
  start >&2
"${as_user[@]}" "$BINDIR/createdb" -h 127.0.0.1 -p "$port" -U ilpcore "$DB"
url="postgresql://ilpcore@127.0.0.1:$port/$DB"
echo "$url" > "$PGDIR/url"
log "ready: $url"
echo "ILPCORE_TEST_POSTGRES_URL=$url"
