import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ManualClock } from '@app/clock';
import { DEMO_REF_PREFIX, DemoDataLoader, DemoDataModule, DemoRefreshService } from '@app/demo-setup';
import { ShortageExpiryService } from '@app/employer-demand';
import { createTestApp, TestApp } from '@app/testing';
import { RefreshDemoCommand } from '../../apps/cli/src/commands/refresh-demo.command';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const DAY_MS = 86_400_000;

/**
 * `demo:refresh` on a database whose demo data went stale, as the issue found it: loaded by the older version (no
 * demo_state row, no demo references), every shortage expired. The command takes the old demo over, tops open demand
 * back up with new shortages whose deadlines lie ahead of today, and a user's own shortage is never touched.
 */
describe('demo:refresh on stale demo data', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp([...HTTP_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: 'Demo-test-pw' }, undefined, clock);
    dataSource = t.app.get(getDataSourceToken());
    expect((await t.app.get(DemoDataLoader).loadIfEmpty()).loaded).toBe(true);
  }, 120_000);
  afterAll(() => t.close());

  it('adopts demo data of the older version, moves dates forward and tops up open shortages; a user’s shortage stays as it is', async () => {
    // What the older version left: no demo_state row, no references, and a user's own shortage (created_by set).
    await dataSource.query(`DELETE FROM demo_state`);
    await dataSource.query(`UPDATE shortage SET external_ref = NULL`);
    const [user] = await dataSource.query(`SELECT id FROM app_user WHERE username = 'demo-employer'`);
    const [own] = await dataSource.query(
      `INSERT INTO shortage (employer_id, title, occupation_code, industry_code, headcount, wage_min, wage_max, work_type, region_code, address,
                             start_date, deadline, status, created_by)
       SELECT employer_id, '自己登记的岗位', occupation_code, industry_code, 1, 4000, 5000, 'full_time', region_code, address, start_date, $1::date, 'open', $2
       FROM shortage LIMIT 1 RETURNING id`,
      [new Date(clock.now().getTime() + 20 * DAY_MS).toISOString().slice(0, 10), user.id],
    );
    // Months later, with no refresh: everything expires.
    clock.set(new Date(clock.now().getTime() + 120 * DAY_MS));
    const expired = await t.app.get(ShortageExpiryService).expireDue();
    expect(expired.length).toBeGreaterThanOrEqual(300);
    expect(await t.app.get(DemoRefreshService).refreshedOn()).toBeNull();

    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await new RefreshDemoCommand(t.app.get(DemoRefreshService)).run();
    const printed = log.mock.calls.map((call) => String(call[0])).join('\n');
    log.mockRestore();
    expect(printed).toMatch(/demo refreshed for \d{4}-\d{2}-\d{2}: \d+ deadlines moved forward, 270 open shortages added, 300 shortages of older demo data adopted/);

    const today = clock.today();
    const [demand] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, min(deadline) FILTER (WHERE status = 'open')::text AS "firstDeadline",
              count(*) FILTER (WHERE status = 'open' AND published_at > $2::timestamptz - interval '1 day')::int AS fresh
       FROM shortage WHERE external_ref LIKE $1`,
      [`${DEMO_REF_PREFIX}%`, clock.now()],
    );
    expect(demand.open).toBe(270);
    expect(demand.fresh).toBe(270);
    expect(demand.firstDeadline > today).toBe(true);
    const [mine] = await dataSource.query(`SELECT status, external_ref AS ref FROM shortage WHERE id = $1`, [own.id]);
    expect(mine).toEqual({ status: 'expired', ref: null });
    // New demand reaches search and matching through the outbox.
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'shortage.changed' AND processed_at IS NULL`);
    expect(n).toBeGreaterThanOrEqual(270);
    // The next run on the same day does nothing (the scheduler's refresh is once a day).
    expect((await t.app.get(DemoRefreshService).refresh()).skipped).toBe('already-today');
  }, 120_000);
});
