import { protectApiDocs } from '@app/auth';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { migrateDatabase } from '@app/database';
import { createHttpApp, findWebBuild, serveWebConsole } from '@app/http';
import { DemoDataLoader, DemoDataModule } from '@app/demo-data';
import { IndexReconcilerService } from '@app/indexing';
import { MatchRunsService } from '@app/matching';
import { mountQueueDashboard } from '@app/queue';
import { SEARCH_INDEXES } from '@app/search';
import { PLATFORM_FEATURES } from './platform-features';

/**
 * `npm start`: the whole platform in one process on one machine. Applies migrations, loads the demo data set
 * into an empty database (demo mode), and serves both APIs and the docs on one origin while the matcher
 * works in the same process. For scale-out run each service alone (`npm run start:<app>`).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await migrateDatabase(config);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);

  const app = await createHttpApp(CoreModule.forRoot(config, [...PLATFORM_FEATURES, DemoDataModule]), config, {
    title: '海南公共就业服务平台 Public employment service API',
    description: 'Employer demand, job-seeker pool, matching and recruitment events. Sign in at POST /api/auth/login.',
  });
  if (config.DEMO_MODE && (await app.get(DemoDataLoader).loadIfEmpty()).loaded) {
    // Demo rows are written in bulk, without outbox rows: index them in one pass.
    for (const index of SEARCH_INDEXES) await app.get(IndexReconcilerService).rebuild(index);
    // ... and match them once, so candidates and recommendations are there to explore.
    await app.get(MatchRunsService).request('startup', null);
  }
  await protectApiDocs(app); // production: /docs for signed-in users only
  await mountQueueDashboard(app);
  const web = findWebBuild();
  if (web) await serveWebConsole(app, web);
  else console.warn('web console not built (npm run build:web): serving the API and docs only');
  await app.listen(config.PORT, config.HOST);
  console.log(`platform ready: http://localhost:${config.PORT}/ (web console /, API /api, docs /docs, health /api/health, queues /admin/queues)`);
}

runMain(main);
