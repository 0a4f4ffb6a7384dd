import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { MatcherModule } from './matcher.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, [MatcherModule]), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGINT/SIGTERM workers stop taking jobs and wait for those in flight; unfinished ones are retried.
  app.enableShutdownHooks();
  await app.init();
}

runMain(main);
