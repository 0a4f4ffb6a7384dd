#!/usr/bin/env bash
# `npm start` on a machine without PostgreSQL or Redis, shown end to end: the built platform starts with DATABASE_URL
# unset and its default port (LOCAL_POSTGRES_PORT) and REDIS_URL pointed at free ports, so nothing answers there. It must
# start the embedded PostgreSQL 18 and a redis-server child, load the demo, answer /api/health and show open demand in job
# search; on SIGTERM it must stop both. Everything lives in a temporary folder and on private ports: the machine's own
# PostgreSQL and Redis are not touched. Usage: scripts/start-without-services.sh   (builds first when dist/ is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
NODE=node_modules/.bin/node
[ -x "$NODE" ] || NODE=node
free_port() { "$NODE" -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PG_PORT=$(free_port); REDIS_PORT=$(free_port); HTTP_PORT=$(free_port)
WORK=$(mktemp -d /tmp/start-without-services-XXXXXX)
chmod 755 "$WORK" # as root the cluster runs as the postgres user, which must reach its data folder
LOG="$WORK/platform.log"
[ -f dist/apps/platform/src/main.js ] || npm run build --silent

started=$(date +%s%N)
env -u DATABASE_URL LOCAL_POSTGRES_PORT="$PG_PORT" REDIS_URL="redis://127.0.0.1:$REDIS_PORT" EMBEDDED_POSTGRES_DIR="$WORK/postgres" \
  PORT="$HTTP_PORT" HOST=127.0.0.1 QUEUE_PREFIX="bare-$$" DEMO_MODE=true LOG_LEVEL=warn \
  "$NODE" dist/apps/platform/src/main.js >"$LOG" 2>&1 &
PID=$!
cleanup() {
  kill -TERM "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- platform log (last 40 lines) ---"; tail -40 "$LOG"; exit 1; }

for _ in $(seq 1 360); do
  grep -q 'platform ready' "$LOG" && break
  kill -0 "$PID" 2>/dev/null || fail "the platform exited"
  sleep 0.5
done
grep -q 'platform ready' "$LOG" || fail "not ready within 180 s"
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
grep -q "started the embedded PostgreSQL 18 (embedded-postgres) on 127.0.0.1:$PG_PORT" "$LOG" || fail "no embedded PostgreSQL in the log"
grep -q "started redis-server (pid [0-9]*) on 127.0.0.1:$REDIS_PORT" "$LOG" || fail "no redis-server child in the log"

health=$(curl -sf "http://127.0.0.1:$HTTP_PORT/api/health") || fail "/api/health did not answer 200"
echo "$health" | grep -q '"status":"ok"' || fail "/api/health: $health"
open=$(curl -sf "http://127.0.0.1:$HTTP_PORT/api/jobs/search?limit=1" | "$NODE" -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).total))")
[ "$open" -ge 250 ] || fail "only $open open shortages in job search"

kill -TERM "$PID"
for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
kill -0 "$PID" 2>/dev/null && fail "the platform did not stop within 30 s"
sleep 1
if "$NODE" -e "require('net').connect($PG_PORT,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then fail "the embedded PostgreSQL still runs"; fi
if "$NODE" -e "require('net').connect($REDIS_PORT,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; then fail "redis-server still runs"; fi
grep -h 'embedded PostgreSQL\|redis-server' "$LOG"
echo "OK: ready in ${ready_ms} ms on the embedded PostgreSQL and a redis-server child; /api/health ok; $open open shortages in job search; both stopped with the platform"
