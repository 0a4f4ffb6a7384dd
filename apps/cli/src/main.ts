import { CommandFactory } from 'nest-commander';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { ensureDatabaseExists } from '@app/database';
import { ensureDatabase } from '@app/local-services';
import { CliModule } from './cli.module';

/** `npm run cli -- <command>`; `npm run cli -- --help` lists the commands. */
async function main(): Promise<void> {
  const config = loadConfig();
  // The embedded PostgreSQL of `npm start` when the machine has no other (started for this command when not running).
  const local = await ensureDatabase({
    databaseUrl: config.DATABASE_URL, given: config.databaseUrlGiven, mode: config.LOCAL_SERVICES, dataDir: config.EMBEDDED_POSTGRES_DIR,
    log: (message) => console.log(message),
  });
  await ensureDatabaseExists(config.DATABASE_URL);
  await CommandFactory.run(CoreModule.forRoot(config, [CliModule]), {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      console.error(error.message);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      console.error(error.message);
      process.exit(1);
    },
  });
  await local.embedded?.stop();
}

runMain(main);
