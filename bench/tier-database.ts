import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { migrateDatabase } from '@app/database';

/**
 * A generated tier kept between benchmark runs: loading tier L (1M seekers) takes minutes, a benchmark's run far
 * less. The database is named by purpose, tier, seed and a key of everything the data depends on (the generator's
 * sources, the reference date, the caller's own version string), so a changed generator makes a new one and the
 * stale ones of the same purpose and tier are dropped. Pending migrations are applied on every reuse.
 * `BENCH_FRESH=1` rebuilds it; `BENCH_KEEP_DB=0` drops it after the run (the default keeps only tier L).
 */
export async function withTierDatabase<T>(
  options: { purpose: string; tier: string; seed: number; version: string },
  fill: (url: string) => Promise<void>,
  fn: (url: string, reused: boolean) => Promise<T>,
): Promise<T> {
  const key = createHash('sha256').update(`${generatorVersion()}\n${options.version}`).digest('hex').slice(0, 10);
  const prefix = `pes_bench_cache_${options.purpose}_${options.tier}_${options.seed}_`.toLowerCase();
  const name = `${prefix}${key}`;
  const server = new URL(loadConfig().DATABASE_URL);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const keep = process.env.BENCH_KEEP_DB ? process.env.BENCH_KEEP_DB !== '0' : options.tier === 'L';

  const reused = await admin(server, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const { datname } of rows) {
      if (datname !== name) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    if (!rows.some((row) => row.datname === name)) return false;
    if (process.env.BENCH_FRESH === '1' || !(await isComplete(url))) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return false;
    }
    return true;
  });
  await migrateDatabase({ DATABASE_URL: url.toString() });
  if (reused) {
    console.error(`${options.purpose} ${options.tier}: reusing the generated database ${name}`);
  } else {
    const started = Date.now();
    await fill(url.toString());
    await withClient(url, (client) => client.query(`CREATE TABLE bench_cache_complete (filled_at timestamptz NOT NULL DEFAULT now()); INSERT INTO bench_cache_complete DEFAULT VALUES`));
    console.error(`${options.purpose} ${options.tier}: generated ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  try {
    return await fn(url.toString(), reused);
  } finally {
    if (!keep) await admin(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

async function isComplete(url: URL): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT to_regclass('bench_cache_complete') IS NOT NULL AS complete`);
    return rows[0].complete as boolean;
  });
}

async function admin<T>(server: URL, fn: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(server);
  url.pathname = '/postgres';
  return withClient(url, fn);
}

async function withClient<T>(url: URL, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let cachedGeneratorVersion: string | undefined;

/** A hash of the data generator's sources (libs/demo-data/src, specs excluded): the generator's version. */
export function generatorVersion(): string {
  if (cachedGeneratorVersion) return cachedGeneratorVersion;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.spec.ts')) hash.update(entry).update(readFileSync(path));
    }
  };
  // Run from dist-bench/bench: the sources are two levels up.
  walk(join(__dirname, '../../libs/demo-data/src'));
  return (cachedGeneratorVersion = hash.digest('hex').slice(0, 12));
}
