import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@app/config';

/** The PostgreSQL server of DATABASE_URL (default: the local one); tests make their own databases on it. */
export const TEST_SERVER_URL = (() => {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = '';
  return url.toString().replace(/\/$/, '');
})();
/**
 * Every `npm test` run has its own template and file databases, named after the run's process id, so runs
 * on one machine never touch each other's databases. Global setup sets the id; workers inherit it.
 */
const RUN_ENV = 'PES_TEST_RUN';
const DATABASE_PREFIX = 'pes_test_';
export const runId = (): string => process.env[RUN_ENV] ?? String(process.pid);
export const startRun = (): void => {
  process.env[RUN_ENV] = String(process.pid);
};
export const templateDatabase = (): string => `${DATABASE_PREFIX}${runId()}_template`;

export const databaseUrl = (name: string) => `${TEST_SERVER_URL}/${name}`;

export async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A private database for one test file, cloned from the migrated template (made once per run in global setup). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${DATABASE_PREFIX}${runId()}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Removes databases of earlier runs whose process is gone (crashed or interrupted), and of this run when `own`. */
export async function dropTestDatabases(own = false): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'pes\\_test\\_%'`);
    for (const { datname } of rows) {
      const pid = datname.slice(DATABASE_PREFIX.length).split('_')[0];
      if ((own && pid === runId()) || (!own && !isAlive(Number(pid)))) {
        await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      }
    }
  });
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
