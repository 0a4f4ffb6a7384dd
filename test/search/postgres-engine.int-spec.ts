import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { PostgresSearchEngine } from '@app/search';
import { describeSearchEngineContract } from '@app/search/testing';
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
