#!/bin/sh
# Validates docker-compose.yml the way Compose reads it: `docker compose config` where the Compose plugin is
# installed, else the standalone `docker-compose` (Debian/Ubuntu package docker-compose, which is what the
# development machines and CI have: there is no Docker engine there). Also validates deploy/Caddyfile with
# `caddy validate` where a caddy binary exists (Debian package caddy). Exits non-zero on any error.
# Run by test/deploy/compose-shape.spec.ts (so by `npm test`).
set -eu
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then
  validator="docker compose"
elif command -v docker-compose >/dev/null 2>&1; then
  validator="docker-compose"
else
  echo "compose-validate: neither 'docker compose' nor 'docker-compose' is installed (apt-get install docker-compose)" >&2
  exit 3
fi
# Values for the variables the file reads (all have defaults; set here so that none is reported missing).
SITE_ADDRESS=${SITE_ADDRESS:-localhost} $validator -f docker-compose.yml config -q
echo "compose-validate: docker-compose.yml is valid ($validator, $($validator version --short 2>/dev/null || $validator version | head -1))"
if command -v caddy >/dev/null 2>&1; then
  SITE_ADDRESS=localhost TLS=internal caddy validate --config deploy/Caddyfile --adapter caddyfile >/dev/null 2>&1 ||
    { SITE_ADDRESS=localhost TLS=internal caddy validate --config deploy/Caddyfile --adapter caddyfile >&2; exit 1; }
  echo "compose-validate: deploy/Caddyfile is valid (caddy $(caddy version | cut -d' ' -f1))"
else
  echo "compose-validate: no caddy binary here: deploy/Caddyfile not validated (apt-get install caddy)"
fi
