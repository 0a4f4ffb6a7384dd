#!/bin/sh
# Sets up the database roles of the production shape (see roles.sql and grants.sql beside this file).
#   db-access.sh roles    before the migrations: create/refresh the migration and runtime roles
#   db-access.sh grants   after the migrations: the runtime role's rights on every table
# Runs psql as the cluster's superuser. Environment (docker-compose.yml sets these for the db-roles and
# db-grants services; the test test/deploy/database-roles.e2e-spec.ts sets them for the local PostgreSQL):
#   PGHOST, PGPORT, PGUSER       the superuser connection (PGPASSWORD_FILE: a file holding its password)
#   MIGRATOR_DATABASE_URL_FILE   postgres://<migrator role>:<password>@host:port/<database>
#   APP_DATABASE_URL_FILE        postgres://<runtime role>:<password>@host:port/<database>
# The role names, passwords and database come from the two URL files (the same files the migrate service and
# the apps read as DATABASE_URL_FILE), so each password exists in one place. Passwords must be URL-safe
# (e.g. `openssl rand -hex 24`).
set -eu
here=$(dirname "$0")
step=${1:?usage: db-access.sh roles|grants}

if [ -n "${PGPASSWORD_FILE:-}" ]; then PGPASSWORD=$(cat "$PGPASSWORD_FILE"); export PGPASSWORD; fi

# postgres://user:password@host[:port]/database[?options] -> one field
url_part() {
  sed -E 's#^postgres(ql)?://([^:@/]+):([^@]*)@[^/]*/([^?]+).*$#\'"$2"'#' "$1"
}
migrator_role=$(url_part "${MIGRATOR_DATABASE_URL_FILE:?}" 2)
migrator_password=$(url_part "$MIGRATOR_DATABASE_URL_FILE" 3)
app_role=$(url_part "${APP_DATABASE_URL_FILE:?}" 2)
app_password=$(url_part "$APP_DATABASE_URL_FILE" 3)
db=$(url_part "$APP_DATABASE_URL_FILE" 4)
if [ "$db" != "$(url_part "$MIGRATOR_DATABASE_URL_FILE" 4)" ]; then echo "db-access: the two URLs name different databases" >&2; exit 1; fi
if [ "$migrator_role" = "$app_role" ]; then echo "db-access: the migration and runtime roles must differ" >&2; exit 1; fi

case "$step" in
  roles)
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v db="$db" -v migrator_role="$migrator_role" -v migrator_password="$migrator_password" \
      -v app_role="$app_role" -v app_password="$app_password" -f "$here/roles.sql"
    ;;
  grants)
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v migrator_role="$migrator_role" -v app_role="$app_role" -f "$here/grants.sql"
    ;;
  *) echo "usage: db-access.sh roles|grants" >&2; exit 2 ;;
esac
echo "db-access: $step done for database $db (migrator $migrator_role, runtime $app_role)"
