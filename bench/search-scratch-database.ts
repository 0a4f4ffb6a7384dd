import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import { PostgresSearchEngine } from '@app/search';

export interface ScratchSearch {
  engine: PostgresSearchEngine;
  dataSource: DataSource;
  /** Empties the search table (between timed runs). */
  clear(): Promise<void>;
  drop(): Promise<void>;
}

/** A migrated, throw-away database on the server of DATABASE_URL, with the PostgreSQL search engine on it. */
export async function createScratchSearch(): Promise<ScratchSearch> {
  const server = new URL(loadConfig().DATABASE_URL);
  const name = `pes_bench_${randomBytes(5).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateDatabase({ DATABASE_URL: url.toString() });
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: url.toString() }));
  await dataSource.initialize();
  return {
    engine: new PostgresSearchEngine(dataSource),
    dataSource,
    clear: async () => {
      await dataSource.query('TRUNCATE search_document');
    },
    drop: async () => {
      await dataSource.destroy();
      server.pathname = '/postgres';
      const admin = new Client({ connectionString: server.toString() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Runs `fn` on a scratch database and always drops it. */
export async function withScratchSearch<T>(fn: (scratch: ScratchSearch) => Promise<T>): Promise<T> {
  const scratch = await createScratchSearch();
  try {
    return await fn(scratch);
  } finally {
    await scratch.drop();
  }
}
