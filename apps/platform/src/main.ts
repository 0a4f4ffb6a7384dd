import { protectApiDocs } from '@app/auth';
import { AppConfig, loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { migrateDatabase } from '@app/database';
import { createHttpApp, findWebBuild, serveWebConsole } from '@app/http';
import { DemoDataModule } from '@app/demo-setup';
import { PostingRescreenService } from '@app/employer-demand';
import { ensureDatabase, ensureRedis, RedisUnavailableError } from '@app/local-services';
import { mountQueueDashboard } from '@app/queue';
import { API_DESCRIPTION, API_TITLE } from './openapi-document';
import { prepareDemo } from './demo-startup';
import { PLATFORM_FEATURES } from './platform-features';

/**
 * `npm start`: the whole platform in one process on one machine. Stands in for PostgreSQL and Redis when the machine
 * has none (an embedded PostgreSQL, a redis-server child), applies migrations, loads the demo data set into an empty
 * database (demo mode) or brings stale demo data forward to today, and serves both APIs and the docs on one origin
 * while the matcher works in the same process. Scheduled jobs start only once the demo data is there.
 * For scale-out run each service alone (`npm run start:<app>`).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureLocalServices(config);
  const applied = await migrateDatabase(config);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);

  const app = await createHttpApp(CoreModule.forRoot(config, [...PLATFORM_FEATURES, DemoDataModule]), config, {
    title: API_TITLE,
    description: API_DESCRIPTION,
  });
  if (config.DEMO_MODE) await prepareDemo(app);
  // A new posting-screen rule set screens the published postings again (through the outbox).
  await app.get(PostingRescreenService).adoptCurrentRuleSet();
  await protectApiDocs(app); // production: /docs for signed-in users only
  await mountQueueDashboard(app);
  const web = findWebBuild();
  if (web) await serveWebConsole(app, web);
  else console.warn('web console not built (npm run build:web): serving the API and docs only');
  await app.listen(config.PORT, config.HOST);
  console.log(`platform ready: http://localhost:${config.PORT}/ (web console /, API /api, docs /docs, health /api/health, queues /admin/queues)`);
}

/** On a machine without PostgreSQL or Redis: the embedded PostgreSQL and a redis-server child (LOCAL_SERVICES=auto). */
async function ensureLocalServices(config: AppConfig): Promise<void> {
  const log = (message: string) => console.log(message);
  await ensureDatabase({
    databaseUrl: config.DATABASE_URL, given: config.databaseUrlGiven, mode: config.LOCAL_SERVICES, dataDir: config.EMBEDDED_POSTGRES_DIR, log,
  });
  try {
    await ensureRedis({ redisUrl: config.REDIS_URL, mode: config.LOCAL_SERVICES, log });
  } catch (error) {
    if (!(error instanceof RedisUnavailableError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

runMain(main);
