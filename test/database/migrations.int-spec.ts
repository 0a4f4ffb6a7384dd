import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '@app/database';
import { createTestApp, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

describe('migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES);
  });
  afterAll(() => t.close());

  it('the committed migrations produce exactly the schema the entities describe (no drift)', async () => {
    const drift = await pendingSchemaChanges(t.app.get<DataSource>(getDataSourceToken()));
    expect(drift).toEqual([]);
  });

  it('every migration is applied and none is pending', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    expect(await dataSource.showMigrations()).toBe(false);
  });
});
