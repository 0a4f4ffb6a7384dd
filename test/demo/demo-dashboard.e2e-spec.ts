import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@app/clock';
import { DemoDataLoader, DemoDataModule } from '@app/demo-setup';
import { ShortageExpiryService } from '@app/employer-demand';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { expectDashboardFiguresMatchCounts } from '../reporting/dashboard-figures';

const PASSWORD = 'Demo-test-pw';

/** The administrators' dashboard on the demo data set (the demo tier, as `npm start` loads it), some of it expired. */
describe('dashboard figures add up (demo data)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await createTestApp([...HTTP_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: PASSWORD });
    dataSource = t.app.get(getDataSourceToken());
    expect((await t.app.get(DemoDataLoader).loadIfEmpty()).loaded).toBe(true);
    // Every seventh published demo shortage reaches its deadline and expires, as it would on a later day.
    const today = shanghaiDate();
    await dataSource.query(
      `UPDATE shortage SET deadline = $1 WHERE id IN (SELECT id FROM shortage WHERE published_at IS NOT NULL ORDER BY id LIMIT (SELECT count(*) / 7 FROM shortage))`,
      [addDays(today, -1)],
    );
    expect((await t.app.get(ShortageExpiryService).expireDue(today)).length).toBeGreaterThan(0);
    admin = await new HttpClient(t.app).login('demo-admin', PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  it('counts every demo seeker, not only those where demand is open', async () => {
    const summary = await admin.get('/api/demand/summary?by=region');
    const [{ n }]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM seeker`);
    expect(summary.body.totals.seekers).toBe(n);
    expect(n).toBeGreaterThanOrEqual(2000);
  });

  it('every headline figure equals a direct count, for the province and for 海口', async () => {
    await expectDashboardFiguresMatchCounts(admin, dataSource);
    await expectDashboardFiguresMatchCounts(admin, dataSource, '460100');
  });

  it('the fill rate leaves the expired demo shortages out', async () => {
    const outcomes = await admin.get('/api/demand/outcomes');
    const [{ n }]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM shortage WHERE status = 'expired'`);
    expect(outcomes.body.fillRate.expired).toBe(n);
    expect(n).toBeGreaterThan(0);
  });
});
