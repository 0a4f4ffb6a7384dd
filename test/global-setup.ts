import { register } from 'tsconfig-paths';

/** Once per test run: a migrated template database that every test file clones. */
export default async function globalSetup(): Promise<void> {
  // Global setup runs outside Jest's module map, so resolve the @app/* aliases here.
  const { compilerOptions } = require('../tsconfig.json');
  register({ baseUrl: `${__dirname}/..`, paths: compilerOptions.paths });
  const { migrateDatabase } = require('@app/database') as typeof import('@app/database');
  const testing = require('@app/testing') as typeof import('@app/testing');

  await testing.dropLeftoverTestDatabases();
  await testing.withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${testing.TEMPLATE_DATABASE} WITH (FORCE)`));
  await migrateDatabase({ DATABASE_URL: testing.databaseUrl(testing.TEMPLATE_DATABASE) });
}
