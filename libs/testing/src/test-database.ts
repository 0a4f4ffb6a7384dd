import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@app/config';

/** The PostgreSQL server of DATABASE_URL (default: the local one); tests make their own databases on it. */
export const TEST_SERVER_URL = (() => {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = '';
  return url.toString().replace(/\/$/, '');
})();
export const TEMPLATE_DATABASE = 'pes_test_template';
const FILE_DATABASE_PREFIX = 'pes_test_f_';

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
  const name = `${FILE_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Removes databases left behind by test files that crashed in earlier runs. */
export async function dropLeftoverTestDatabases(): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${FILE_DATABASE_PREFIX}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
