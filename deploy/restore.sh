#!/bin/sh
# Restores a dump made by backup.sh into a new database and compares the row count of every table with the
# counts the dump holds (<dump>.counts, or read from the dump when that file is missing). Exits 1 on any
# difference, naming the tables.
#   restore.sh <dump> <new-database> [--keep]
# Without --keep the database is a scratch copy and is dropped afterwards (a restore test). With --keep it
# stays: a real restore. Then hand it to the two roles: deploy/postgres/db-access.sh roles and grants
# (the dump is restored without owners and privileges, so roles of another cluster do not matter).
# Environment: libpq variables for the server (PGHOST, PGPORT, PGUSER, PGPASSWORD_FILE) as a role that may
# create databases; PG_BIN as in backup.sh.
set -eu
dump=${1:?usage: restore.sh <dump> <new-database> [--keep]}
target=${2:?usage: restore.sh <dump> <new-database> [--keep]}
keep=${3:-}
bin=${PG_BIN:+$PG_BIN/}
if [ -n "${PGPASSWORD_FILE:-}" ]; then PGPASSWORD=$(cat "$PGPASSWORD_FILE"); export PGPASSWORD; fi
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  if [ "$keep" != "--keep" ]; then "${bin}dropdb" --if-exists --force "$target" 2>/dev/null || true; fi
}
trap cleanup EXIT

"${bin}createdb" "$target"
"${bin}pg_restore" --dbname="$target" --no-owner --no-acl --exit-on-error "$dump"

if [ -f "$dump.counts" ]; then cp "$dump.counts" "$work/expected"; else
  "${bin}pg_restore" --data-only --file=- "$dump" | awk '
    /^COPY / { table = $2; rows = 0; inside = 1; next }
    inside && $0 == "\\." { print table, rows; inside = 0; next }
    inside { rows++ }
  ' | LC_ALL=C sort > "$work/expected"
fi

# The same "<schema>.<table> <rows>" lines from the restored database (identifiers quoted as pg_dump quotes them).
query=$("${bin}psql" -X -A -t -d "$target" -c "
  SELECT string_agg(format('SELECT %L, count(*) FROM %I.%I', format('%I.%I', table_schema, table_name), table_schema, table_name), ' UNION ALL ')
  FROM information_schema.tables
  WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'")
if [ -n "$query" ]; then "${bin}psql" -X -A -t -F ' ' -d "$target" -c "$query" | LC_ALL=C sort > "$work/restored"; else : > "$work/restored"; fi

if diff "$work/expected" "$work/restored" > "$work/diff"; then
  echo "restore: $dump -> $target: $(wc -l < "$work/restored") tables, $(awk '{ n += $2 } END { print n + 0 }' "$work/restored") rows, every count matches"
else
  echo "restore: $dump -> $target: row counts differ (< in the dump, > restored):" >&2
  grep '^[<>]' "$work/diff" >&2
  exit 1
fi
