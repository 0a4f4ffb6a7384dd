import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { PostgresSearchEngine } from '@app/search';
import { describeSearchEngineContract, SEEKERS, SHORTAGES } from '@app/search/testing';
import { createTestDatabase } from '@app/testing';

describeSearchEngineContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: database.url }));
  await dataSource.initialize();
  return {
    engine: new PostgresSearchEngine(dataSource),
    cleanup: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
});

describe('PostgreSQL engine: settling after a bulk load', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: database.url }));
    await dataSource.initialize();
    // Only settle may clean the pending lists here: no autovacuum run in between, wherever the tests run.
    await dataSource.query(`ALTER TABLE search_document SET (autovacuum_enabled = false)`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('moves the GIN indexes’ pending entries into their trees and refreshes the planner statistics', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    await engine.upsert('shortages', SHORTAGES.map((doc, i) => ({ ...doc, id: `bulk-${i}` })));
    await engine.upsert('seekers', SEEKERS);
    const cleanPending = async (): Promise<number> => {
      const [{ pages }] = await dataSource.query(
        `SELECT sum(gin_clean_pending_list(i.indexrelid))::int AS pages
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
         WHERE i.indrelid = 'search_document'::regclass AND am.amname = 'gin'`,
      );
      return pages;
    };

    await engine.settle('shortages');

    expect(await cleanPending()).toBe(0);
    const [{ reltuples }] = await dataSource.query(`SELECT reltuples::int AS reltuples FROM pg_class WHERE oid = 'search_document'::regclass`);
    expect(reltuples).toBe(SHORTAGES.length + SEEKERS.length);
    // A later bulk load fills the pending lists again (what settle is there for).
    await engine.upsert('shortages', SHORTAGES.map((doc, i) => ({ ...doc, id: `more-${i}` })));
    expect(await cleanPending()).toBeGreaterThan(0);
  });
});

describe('PostgreSQL engine: relevance', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let engine: PostgresSearchEngine;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: database.url }));
    await dataSource.initialize();
    engine = new PostgresSearchEngine(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('a term in the title ranks above the same term only in the description, even where the description repeats it', async () => {
    const [electrician] = SHORTAGES.filter((d) => d.occupationNames.includes('电工'));
    await engine.upsert('shortages', [
      { ...electrician, id: 'in-description', title: '园区配电维护电工', description: '负责配电设施巡检，每日巡检两次，巡检记录交值班长。' },
      { ...electrician, id: 'in-title', title: '配电巡检电工', description: '负责配电设施维护，做好值班记录。' },
    ]);
    const { hits } = await engine.search('shortages', { q: '巡检' });
    expect(hits.map((h) => h.id)).toEqual(['in-title', 'in-description']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score!);
  });
});
