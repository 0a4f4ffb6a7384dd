import { protectApiDocs } from '@app/auth';
import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { createHttpApp } from '@app/http';
import { SeekerApiModule } from './seeker-api.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(CoreModule.forRoot(config, [SeekerApiModule]), config, {
    title: '求职者服务 Job-seeker API',
    description: 'Seeker profiles, job search, applications.',
  });
  await protectApiDocs(app); // production: /docs for signed-in users only
  await app.listen(config.PORT, config.HOST);
}

runMain(main);
