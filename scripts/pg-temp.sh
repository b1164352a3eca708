#!/usr/bin/env bash
# Starts (start) or stops (stop) a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-55432}
# from the installed binaries, for tests. Prints the DATABASE_URL on start.
# pause stops the server and keeps its data; resume starts it again (fault drills).
# initdb refuses to run as root, so the cluster belongs to an unprivileged user.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGDIR="${PGDIR:-/tmp/news-pg-$PGPORT}"
PGUSER_OS="${PGUSER_OS:-postgres}"
BIN="$(dirname "$(readlink -f "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")")"

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}

pg_start() {
  as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
}

case "${1:-start}" in
  start)
    if [ "$(id -u)" = "0" ] && ! id "$PGUSER_OS" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS"
    fi
    rm -rf "$PGDIR"
    mkdir -p "$PGDIR"
    [ "$(id -u)" = "0" ] && chown "$PGUSER_OS" "$PGDIR"
    as_pg "$BIN/initdb" -D "$PGDIR/data" -U news --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
      || as_pg "$BIN/initdb" -D "$PGDIR/data" -U news --auth=trust -E UTF8 --locale=C >"$PGDIR/initdb.log" 2>&1
    pg_start
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U news news
    echo "postgres://news@127.0.0.1:$PGPORT/news"
    ;;
  stop)
    [ -d "$PGDIR/data" ] && as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
    ;;
  pause)
    as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
    ;;
  resume)
    pg_start
    ;;
  *) echo "usage: $0 start|stop|pause|resume" >&2; exit 2 ;;
esac
