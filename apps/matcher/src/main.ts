import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { PostingRescreenService } from '@app/employer-demand';
import { MatcherModule } from './matcher.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, [MatcherModule]), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGINT/SIGTERM workers stop taking jobs and wait for those in flight; unfinished ones are retried.
  app.enableShutdownHooks();
  await app.init();
  // A new posting-screen rule set screens the published postings again (through the outbox).
  await app.get(PostingRescreenService).adoptCurrentRuleSet();
}

runMain(main);
