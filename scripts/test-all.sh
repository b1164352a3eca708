#!/usr/bin/env bash
# Every test: type check, unit and integration tests, production build, and
# end-to-end tests; the integration and end-to-end suites run once on SQLite
# and once on PostgreSQL. PostgreSQL comes from TEST_POSTGRES_URL, or is
# started here from the installed binaries (scripts/pg-temp.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
summary_log="$(mktemp)"
# Every suite's output also goes to a log, so the closing line can add them up.
exec > >(tee "$summary_log") 2>&1
export NEXT_TELEMETRY_DISABLED=1
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-test-secret-not-for-production}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://127.0.0.1:3100}"

started_pg=0
cleanup() { if [ "$started_pg" = 1 ]; then bash scripts/pg-temp.sh stop || true; fi; }
trap cleanup EXIT

if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    TEST_POSTGRES_URL="$(bash scripts/pg-temp.sh start)"
    started_pg=1
  else
    echo "!! PostgreSQL binaries not found: running the SQLite suites only." >&2
  fi
fi

echo "== type check"
npx tsc --noEmit

echo "== unit and integration tests (SQLite)"
DATABASE_URL= npx vitest run

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== integration tests (PostgreSQL)"
  DATABASE_URL="$TEST_POSTGRES_URL" npx vitest run lib
fi

echo "== production build (lib/db refuses any read during the build: nothing is baked in)"
rm -rf "${NEXT_DIST_DIR:-.next}"
npm run build

run_e2e() {
  # Each run starts from an empty page cache so no page rendered from the other database is served
  # (Next 16 keeps rendered pages in cache/ and in server/route-cache/).
  rm -rf "${NEXT_DIST_DIR:-.next}/cache" "${NEXT_DIST_DIR:-.next}/server/route-cache"
  local url="$1"
  shift
  E2E_DATABASE_URL="$url" npx playwright test "$@"
}

echo "== end-to-end tests (SQLite)"
run_e2e "file:/tmp/news-e2e-$$.db"
rm -f /tmp/news-e2e-$$.db*

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== end-to-end tests (PostgreSQL)"
  e2e_db="news_e2e_$$"
  psql "$TEST_POSTGRES_URL" -q -c "drop database if exists $e2e_db with (force)" -c "create database $e2e_db"
  # Every spec that reads or writes data runs again on PostgreSQL; the pure rendering checks
  # (axe, the printed PDF, the XSS corpus, response headers) do not depend on the database and
  # ran above, and the drills that start their own servers (faults: its own PostgreSQL too;
  # shutdown, https-deployment) ran above as well.
  mapfile -t data_specs < <(ls e2e/*.spec.ts | grep -v -E 'accessibility|print-pdf|security-xss|security-headers|faults|shutdown|https-deployment')
  run_e2e "${TEST_POSTGRES_URL%/*}/$e2e_db" "${data_specs[@]}"
  psql "$TEST_POSTGRES_URL" -q -c "drop database if exists $e2e_db with (force)"
fi
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$summary_log" | awk '/^ *Tests +[0-9]+ passed/ {n+=$2} /^ +[0-9]+ passed \(/ {n+=$1} END {print n+0}')
rm -f "$summary_log"
echo "== all tests passed"
echo "$passed passed, 0 failed"
