import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DemoDataLoader, DemoDataModule } from '@app/demo-setup';
import { createTestApp, eventually, HttpClient, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const PASSWORD = 'Demo@2025-test';

/** The demo holds a district at level III (yellow) from a two-year history, raised through the matcher like any alert. */
describe('early warning demo data', () => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp([...PLATFORM_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: PASSWORD });
    dataSource = t.app.get(getDataSourceToken());
    expect((await t.app.get(DemoDataLoader).loadIfEmpty()).loaded).toBe(true);
  }, 120_000);
  afterAll(() => t.close());

  it('a district is at level III on two signals, with 24 months of history, and the demo administrator sees it', async () => {
    const [alert] = await eventually(
      () => dataSource.query(`SELECT id, region_code AS "regionCode", level, drivers, evidence FROM warning_alert WHERE kind = 'monthly'`),
      (rows: { id: string; regionCode: string; level: string; drivers: string[]; evidence: { history: { published: number }[] } }[]) => rows.length === 1,
      60_000,
    );
    expect(alert.level).toBe('III');
    expect(alert.regionCode).toMatch(/^4601\d\d$/);
    expect(alert.drivers).toEqual(expect.arrayContaining(['jobLossRate', 'registeredRate']));
    expect(alert.evidence.history).toHaveLength(24);
    expect(alert.evidence.history.slice(-3).map((h: { published: number }) => h.published)).toEqual([1, 2, 2]);
    const admin = await new HttpClient(t.app).login('demo-admin', PASSWORD);
    const list = await admin.get('/api/warnings/alerts');
    expect(list.body.items.map((a: { id: string; level: string }) => `${a.id}:${a.level}`)).toEqual([`${alert.id}:III`]);
    const detail = await admin.get(`/api/warnings/alerts/${alert.id}`);
    expect(detail.body.caseId).not.toBeNull();
  }, 90_000);
});
