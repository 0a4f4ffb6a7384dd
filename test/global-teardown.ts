import { register } from 'tsconfig-paths';

/** Drops this run's template and any file database a crashed test left behind. */
export default async function globalTeardown(): Promise<void> {
  const { compilerOptions } = require('../tsconfig.json');
  register({ baseUrl: `${__dirname}/..`, paths: compilerOptions.paths });
  const testing = require('@app/testing') as typeof import('@app/testing');
  await testing.dropTestDatabases(true);
}
