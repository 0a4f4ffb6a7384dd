#!/bin/sh
# A PostgreSQL backup: pg_dump in custom format, written atomically, with the row count of every table as
# the dump holds it (<dump>.counts, read from the dump itself, so it is the dump's own snapshot).
#   backup.sh [output-dir]            (default $BACKUP_DIR, else ./backups)
# Environment: the usual libpq variables for the source (PGHOST, PGPORT, PGUSER, PGDATABASE; PGPASSWORD_FILE
# for a password file), PG_BIN (folder of pg_dump/pg_restore, e.g. /usr/lib/postgresql/15/bin; default: PATH),
# BACKUP_KEEP_DAYS (delete dumps older than this; default 14, 0 keeps all).
# Check a dump with restore.sh (restores it into a scratch database and compares the counts).
# docker-compose.yml runs this daily in the `backup` service; `npm test` runs it (test/deploy/backup-restore.e2e-spec.ts).
set -eu
out_dir=${1:-${BACKUP_DIR:-./backups}}
bin=${PG_BIN:+$PG_BIN/}
if [ -n "${PGPASSWORD_FILE:-}" ]; then PGPASSWORD=$(cat "$PGPASSWORD_FILE"); export PGPASSWORD; fi
database=${PGDATABASE:?set PGDATABASE}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$out_dir/$database-$stamp.dump"
mkdir -p "$out_dir"

"${bin}pg_dump" --format=custom --compress=6 --file="$file.partial" "$database"
# One line per table: "<schema>.<table> <rows>", from the COPY blocks of the dump (one row per line in COPY text).
"${bin}pg_restore" --data-only --file=- "$file.partial" | awk '
  /^COPY / { table = $2; rows = 0; inside = 1; next }
  inside && $0 == "\\." { print table, rows; inside = 0; next }
  inside { rows++ }
' | LC_ALL=C sort > "$file.counts.partial"
mv "$file.counts.partial" "$file.counts"
mv "$file.partial" "$file"

keep=${BACKUP_KEEP_DAYS:-14}
if [ "$keep" -gt 0 ]; then
  find "$out_dir" -maxdepth 1 -name "$database-*.dump*" -mtime +"$keep" -exec rm -f {} +
fi
echo "backup: $file ($(wc -l < "$file.counts") tables, $(awk '{ n += $2 } END { print n + 0 }' "$file.counts") rows)"
