import { protectApiDocs } from '@app/auth';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { createHttpApp, findWebBuild, serveWebConsole } from '@app/http';
import { mountQueueDashboard } from '@app/queue';
import { DemandApiModule } from './demand-api.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(CoreModule.forRoot(config, [DemandApiModule]), config, {
    title: '缺工需求服务 Employer-demand API',
    description: 'Employers, service officers and pairings, shortages, posting screen, published demand.',
  });
  // Behind the gateway of docker-compose.yml, the demand API answers everything that is not the seeker API's,
  // so it also serves the queue dashboard and, when it has been built, the web console.
  await protectApiDocs(app); // production: /docs for signed-in users only
  await mountQueueDashboard(app);
  const web = findWebBuild();
  if (web) await serveWebConsole(app, web);
  await app.listen(config.PORT, config.HOST);
}

runMain(main);
