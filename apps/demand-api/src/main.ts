import { loadConfig } from '@app/config';
import { CoreModule, runMain } from '@app/core';
import { createHttpApp } from '@app/http';
import { DemandApiModule } from './demand-api.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp(CoreModule.forRoot(config, [DemandApiModule]), config, {
    title: '缺工需求服务 Employer-demand API',
    description: 'Employers, service officers and pairings, shortages, posting screen, published demand.',
  });
  await app.listen(config.PORT, config.HOST);
}

runMain(main);
