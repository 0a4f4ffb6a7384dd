#!/bin/sh
# Brings the production shape of docker-compose.yml up on this machine, waits until every service is healthy
# (and every one-shot step has exited 0), checks it from outside and inside, and tears it all down again
# (volumes included). Needs a Docker engine; exits 3 without one (the development machines have none: see
# README.md, "Production shape"). Uses ./secrets if it exists, else makes throw-away ones in a temporary folder.
#   deploy/compose-smoke.sh            HTTPS on https://localhost:${HTTPS_PORT:-8443}
# Environment: HTTP_PORT/HTTPS_PORT (default 8080/8443), SMOKE_TIMEOUT (seconds to become healthy, default 900).
set -eu
cd "$(dirname "$0")/.."
if ! docker info >/dev/null 2>&1; then
  echo "compose-smoke: no Docker engine reachable (docker info failed): nothing was verified" >&2
  exit 3
fi
if docker compose version >/dev/null 2>&1; then compose="docker compose"; else compose="docker-compose"; fi
export COMPOSE_PROJECT_NAME="employment-smoke-$$"
export HTTP_PORT="${HTTP_PORT:-8080}" HTTPS_PORT="${HTTPS_PORT:-8443}" SITE_ADDRESS=localhost TLS=internal
timeout="${SMOKE_TIMEOUT:-900}"
made_secrets=""
if [ ! -d secrets ]; then
  sh deploy/make-secrets.sh secrets >/dev/null
  made_secrets=yes
fi
failures=0
pass() { echo "  ok    $1"; }
fail() { echo "  FAIL  $1" >&2; failures=$((failures + 1)); }
cleanup() {
  echo "compose-smoke: tearing down"
  $compose logs --no-color --tail=50 > "/tmp/$COMPOSE_PROJECT_NAME.log" 2>&1 || true
  $compose down -v --remove-orphans >/dev/null 2>&1 || true
  if [ -n "$made_secrets" ]; then rm -rf secrets; fi
}
trap cleanup EXIT

echo "compose-smoke: building and starting ($compose, project $COMPOSE_PROJECT_NAME)"
$compose up -d --build

echo "compose-smoke: waiting up to ${timeout}s for health"
one_shot="db-roles migrate db-grants meili-key"
deadline=$(( $(date +%s) + timeout ))
while :; do
  waiting=""
  for id in $(docker ps -a -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"); do
    name=$(docker inspect -f '{{ index .Config.Labels "com.docker.compose.service" }}' "$id")
    state=$(docker inspect -f '{{ .State.Status }} {{ .State.ExitCode }} {{ if .State.Health }}{{ .State.Health.Status }}{{ else }}none{{ end }}' "$id")
    case " $one_shot " in
      *" $name "*)
        case "$state" in
          "exited 0 "*) ;;
          exited*) echo "compose-smoke: one-shot step $name failed ($state)" >&2; $compose logs --no-color "$name" >&2; exit 1 ;;
          *) waiting="$waiting $name" ;;
        esac ;;
      *)
        case "$state" in
          *" healthy") ;;
          "running 0 none") [ "$name" = backup ] || waiting="$waiting $name" ;;
          *) waiting="$waiting $name($state)" ;;
        esac ;;
    esac
  done
  [ -z "$waiting" ] && break
  if [ "$(date +%s)" -gt "$deadline" ]; then echo "compose-smoke: not healthy in time:$waiting" >&2; $compose ps >&2; exit 1; fi
  sleep 5
done
$compose ps
echo "compose-smoke: every service healthy; checking"

base="https://localhost:$HTTPS_PORT"
code() { curl -k -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(code "$base/api/health")" = 200 ] && pass "GET /api/health through the gateway (HTTPS) is 200" || fail "GET /api/health through the gateway"
[ "$(code "$base/api/jobs/search")" = 200 ] && pass "GET /api/jobs/search (seeker API) is 200" || fail "GET /api/jobs/search"
headers=$(curl -k -s -D - -o /dev/null "$base/")
echo "$headers" | grep -qi '^strict-transport-security: max-age=' && pass "HSTS header" || fail "HSTS header"
echo "$headers" | grep -qi '^x-content-type-options: nosniff' && pass "X-Content-Type-Options" || fail "X-Content-Type-Options"
echo "$headers" | grep -qi '^content-security-policy:' && pass "Content-Security-Policy" || fail "Content-Security-Policy"
redirect=$(code "http://localhost:$HTTP_PORT/api/health")
case "$redirect" in 301|302|307|308) pass "plain HTTP redirects to HTTPS ($redirect)" ;; *) fail "plain HTTP answered $redirect" ;; esac
[ "$(code "$base/docs/openapi.json")" = 401 ] && pass "/docs refused anonymously" || fail "/docs is open"
[ "$(code "$base/admin/queues")" = 401 ] && pass "/admin/queues refused anonymously" || fail "/admin/queues is open"
$compose exec -T matcher node dist/apps/matcher/src/healthcheck.js /tmp/matcher-heartbeat && pass "matcher heartbeat fresh" || fail "matcher heartbeat"
$compose exec -T redis redis-cli ping 2>&1 | grep -q NOAUTH && pass "Redis refuses clients without the password" || fail "Redis answers without a password"
$compose exec -T redis sh -c 'REDISCLI_AUTH="$(cat /run/secrets/redis_password)" redis-cli config get appendonly' | grep -q yes && pass "Redis AOF on" || fail "Redis AOF"
$compose exec -T demand-api node -e "
  const key = require('fs').readFileSync('/run/meili-app-key/key', 'utf8');
  fetch('http://meilisearch:7700/keys', { headers: { authorization: 'Bearer ' + key } }).then((r) => process.exit(r.status === 403 ? 0 : 1), () => process.exit(1));
" && pass "the apps' Meilisearch key cannot manage keys" || fail "the apps' Meilisearch key can manage keys"
app_url=$(sed 's/@postgres:/@127.0.0.1:/' secrets/database_url_app)
if $compose exec -T postgres psql "$app_url" -c 'DROP TRIGGER audit_log_append_only ON audit_log' >/dev/null 2>&1; then
  fail "the runtime role dropped the audit trigger"
else pass "the runtime role cannot drop the audit trigger"; fi
if $compose exec -T postgres psql "$app_url" -c "UPDATE audit_log SET result = 'x'" >/dev/null 2>&1; then
  fail "the runtime role updated audit rows"
else pass "the runtime role cannot update audit rows"; fi
$compose exec -T backup sh -c 'sh /deploy/backup.sh /tmp/smoke-backup && sh /deploy/restore.sh "$(ls /tmp/smoke-backup/*.dump | head -1)" smoke_restore_check' \
  && pass "backup.sh and restore.sh (scratch restore, counts match)" || fail "backup/restore"

if [ "$failures" -gt 0 ]; then echo "compose-smoke: $failures check(s) failed (last logs in /tmp/$COMPOSE_PROJECT_NAME.log)" >&2; exit 1; fi
echo "compose-smoke: all checks passed"
