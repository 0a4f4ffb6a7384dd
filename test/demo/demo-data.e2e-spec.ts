import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DemoDataLoader, DemoDataModule } from '@app/demo-setup';
import { isValidCreditCode } from '@app/identifiers';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

describe('demo data', () => {
  let t: TestApp;
  let http: HttpClient;

  beforeAll(async () => {
    t = await createTestApp([...HTTP_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: 'Demo-test-pw' });
    http = new HttpClient(t.app);
  });
  afterAll(() => t.close());

  it('loads a believable Hainan into an empty database, once', async () => {
    const first = await t.app.get(DemoDataLoader).loadIfEmpty();
    expect(first.loaded).toBe(true);
    expect(first.counts).toMatchObject({ employers: 200, seekers: 2000, shortages: 300, demoAccounts: 5 });
    expect((await t.app.get(DemoDataLoader).loadIfEmpty()).loaded).toBe(false);

    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const codes: { credit_code: string }[] = await dataSource.query('SELECT credit_code FROM employer');
    expect(codes.every((row) => isValidCreditCode(row.credit_code))).toBe(true);
    const counties: { n: number }[] = await dataSource.query(
      `SELECT count(DISTINCT CASE WHEN region_code LIKE '4601%' THEN '460100' WHEN region_code LIKE '4602%' THEN '460200'
              WHEN region_code LIKE '4603%' THEN '460300' ELSE region_code END)::int AS n FROM station`,
    );
    expect(counties[0].n).toBeGreaterThanOrEqual(19);
    const plain: unknown[] = await dataSource.query(`SELECT 1 FROM seeker WHERE resident_id_encrypted ~ '^[0-9]{17}[0-9X]$' LIMIT 1`);
    expect(plain).toHaveLength(0);
  });

  it('each of the five demo accounts signs in and sees its own world', async () => {
    const sign = (username: string) => http.login(username, 'Demo-test-pw');
    const officer = await sign('demo-officer');
    const paired = await officer.get('/api/employers?limit=200');
    expect(paired.body.total).toBeGreaterThan(0);
    expect(paired.body.total).toBeLessThan(200);

    const employer = await sign('demo-employer');
    const own = await employer.get('/api/employers');
    expect(own.body.total).toBe(1);
    expect(paired.body.items.map((e: { id: string }) => e.id)).toContain(own.body.items[0].id);

    const seeker = await sign('demo-seeker');
    const me = await seeker.get('/api/seekers/me');
    expect(me.status).toBe(200);
    expect(me.body.desiredOccupations).toContain('4-10-01-05');

    expect((await (await sign('demo-admin')).get('/api/employers')).body.total).toBe(200);
    expect((await (await sign('demo-station')).get('/api/auth/me')).body.role).toBe('station_staff');
  });
});
