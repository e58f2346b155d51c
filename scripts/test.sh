#!/usr/bin/env bash
# The whole test run: lint, checks, the suite on SQLite, then on PostgreSQL when one is
# reachable (TEST_DATABASE_URL). REQUIRE_POSTGRES=1 makes an unreachable PostgreSQL a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
# One pytest worker per core (pytest-xdist), each with its own test database.
WORKERS=(-n "${TEST_WORKERS:-auto}")

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .

echo "== manage.py check and makemigrations --check"
DATABASE_URL= $BIN/python manage.py check
DATABASE_URL= $BIN/python manage.py makemigrations --check --dry-run

ran=()
echo "== pytest on SQLite"
DATABASE_URL= $BIN/pytest "${WORKERS[@]}" "$@"
ran+=("SQLite")

if $BIN/python scripts/db_reachable.py "$TEST_DATABASE_URL"; then
    echo "== pytest on PostgreSQL ($TEST_DATABASE_URL)"
    # tests/deploy start their own PostgreSQL cluster whatever the pass: they ran above.
    DATABASE_URL=$TEST_DATABASE_URL $BIN/pytest "${WORKERS[@]}" --ignore=tests/deploy "$@"
    ran+=("PostgreSQL")
elif [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "PostgreSQL at $TEST_DATABASE_URL is not reachable and REQUIRE_POSTGRES=1." >&2
    exit 1
else
    echo "== PostgreSQL at $TEST_DATABASE_URL is not reachable: skipped (set REQUIRE_POSTGRES=1 to fail instead)."
fi

echo
echo "Tests passed on: ${ran[*]}"
