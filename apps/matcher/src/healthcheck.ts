import { heartbeatIsFresh } from './heartbeat-file';

/**
 * The matcher container's health check (docker-compose.yml): `node dist/apps/matcher/src/healthcheck.js <file>`
 * exits 0 when the matcher wrote its heartbeat file within the last minute, 1 otherwise.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: healthcheck.js <heartbeat file>');
    process.exit(2);
  }
  process.exit((await heartbeatIsFresh(file)) ? 0 : 1);
}

void main();
