import { register } from 'tsconfig-paths';

/** Once per test run: a migrated template database (of this run only) that every test file clones. */
export default async function globalSetup(): Promise<void> {
  // Global setup runs outside Jest's module map, so resolve the @app/* aliases here.
  const { compilerOptions } = require('../tsconfig.json');
  register({ baseUrl: `${__dirname}/..`, paths: compilerOptions.paths });
  const { migrateDatabase } = require('@app/database') as typeof import('@app/database');
  const testing = require('@app/testing') as typeof import('@app/testing');

  testing.startRun();
  await testing.dropTestDatabases();
  await migrateDatabase({ DATABASE_URL: testing.databaseUrl(testing.templateDatabase()) });
}
