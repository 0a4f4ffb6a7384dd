import { CommandFactory } from 'nest-commander';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { ensureDatabaseExists } from '@app/database';
import { CliModule } from './cli.module';

/** `npm run cli -- <command>`; `npm run cli -- --help` lists the commands. */
async function main(): Promise<void> {
  const config = loadConfig();
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
}

runMain(main);
