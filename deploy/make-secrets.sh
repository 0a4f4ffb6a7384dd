#!/bin/sh
# Writes the secret files docker-compose.yml reads, into ./secrets (or the folder given), with fresh random
# values. Never overwrites a file that exists: run it again after adding a secret and only that one is made.
# The folder is 0700, the files 0444 (the services read them as their own users inside the containers).
#   deploy/make-secrets.sh [folder]
# The two database URLs carry the role names of deploy/postgres/roles.sql: employment_migrator (migrations) and
# employment_app (the services). Keep a copy of data_key and blind_index_key: without them the encrypted
# ID numbers and phones in a restored dump cannot be read.
set -eu
dir=${1:-"$(dirname "$0")/../secrets"}
mkdir -p "$dir"
chmod 0700 "$dir"
hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
put() {
  if [ -e "$dir/$1" ]; then echo "kept    $dir/$1"; return; fi
  (umask 077 && printf '%s' "$2" > "$dir/$1")
  chmod 0444 "$dir/$1"
  echo "created $dir/$1"
}
value() { cat "$dir/$1"; }
put postgres_password "$(hex 24)"
put migrator_password "$(hex 24)"
put app_password "$(hex 24)"
put database_url_migrator "postgres://employment_migrator:$(value migrator_password)@postgres:5432/employment"
put database_url_app "postgres://employment_app:$(value app_password)@postgres:5432/employment"
put redis_password "$(hex 24)"
put redis_url "redis://:$(value redis_password)@redis:6379"
put meili_master_key "$(hex 32)"
put jwt_secret "$(hex 32)"
put data_key "$(hex 32)"
put blind_index_key "$(hex 32)"
