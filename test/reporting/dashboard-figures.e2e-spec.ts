import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@app/clock';
import { ShortageExpiryService } from '@app/employer-demand';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { expectDashboardFiguresMatchCounts } from './dashboard-figures';

/**
 * The dashboard's headline figures on a hand-built data set, by hand and against direct counts.
 * Seekers: 3 in 海口 (龙华区), 2 in 琼海, 4 in 儋州 (where nothing is open).
 * Shortages: 海口 A 3 places open, B 2 places expired; 琼海 C 4 places with 1 hire, D 1 place filled, E 2 places closed.
 */
describe('dashboard figures add up (hand-built data)', () => {
  let t: TestApp;
  let http: HttpClient;
  let admin: HttpClient;
  let officer: HttpClient;
  let dataSource: DataSource;
  const today = shanghaiDate();
  const ids: Record<string, string> = {};

  async function shortage(employerId: string, regionCode: string, headcount: number): Promise<string> {
    const created = await officer.post('/api/shortages', {
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount, wageMin: 4500, wageMax: 6500,
      workType: 'full_time', regionCode, address: '海南省某路 8 号', startDate: addDays(today, 7), deadline: addDays(today, 60),
      description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险。', submit: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('open');
    return created.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    const factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const officerUser = await factories.user('officer');
    officer = await http.login(officerUser.username, TEST_PASSWORD);
    const haikou = await factories.employer({ regionCode: '460106' });
    const qionghai = await factories.employer({ regionCode: '469002', address: '琼海市嘉积镇某路 1 号' });
    await factories.pairing(officerUser.id, haikou.id);
    await factories.pairing(officerUser.id, qionghai.id);

    for (let i = 0; i < 3; i++) await factories.seeker({ regionCode: '460106' });
    for (let i = 0; i < 4; i++) await factories.seeker({ regionCode: '460400' });
    const hired: HttpClient[] = [];
    for (let i = 0; i < 2; i++) {
      const row = await factories.seeker({ regionCode: '469002' });
      hired.push(await http.login((await factories.user('seeker', { seekerId: row.id })).username, TEST_PASSWORD));
    }

    ids.a = await shortage(haikou.id, '460106', 3);
    ids.b = await shortage(haikou.id, '460106', 2);
    ids.c = await shortage(qionghai.id, '469002', 4);
    ids.d = await shortage(qionghai.id, '469002', 1);
    ids.e = await shortage(qionghai.id, '469002', 2);
    await dataSource.query(`UPDATE shortage SET deadline = $2 WHERE id = $1`, [ids.b, addDays(today, -1)]);
    expect(await t.app.get(ShortageExpiryService).expireDue(today)).toEqual([ids.b]);
    expect((await officer.post(`/api/shortages/${ids.e}/close`, { reason: '岗位调整，暂停招聘' })).status).toBe(200);
    for (const [who, shortageId] of [[hired[0], ids.c], [hired[1], ids.d]] as const) {
      const applied = await who.post('/api/applications', { shortageId });
      expect(applied.status).toBe(201);
      for (const status of ['interview', 'offer', 'hired']) {
        expect((await admin.post(`/api/applications/${applied.body.id}/status`, { status })).status).toBe(200);
      }
    }
    const statuses: { status: string; n: number }[] = await dataSource.query(`SELECT status, count(*)::int AS n FROM shortage GROUP BY status ORDER BY status`);
    expect(statuses).toEqual([
      { status: 'closed', n: 1 }, { status: 'expired', n: 1 }, { status: 'filled', n: 1 }, { status: 'open', n: 1 }, { status: 'partially_filled', n: 1 },
    ]);
  }, 120_000);
  afterAll(() => t.close());

  it('seekers are counted province-wide, also where nothing is open; the ratio is of those', async () => {
    const summary = await http.get('/api/demand/summary?by=region');
    expect(summary.status).toBe(200);
    expect(summary.body.totals).toEqual({ openPositions: 6, shortages: 2, employers: 2, medianMonthlyWage: 5500, seekers: 9, demandSupplyRatio: 0.67 });
    const byKey = Object.fromEntries(summary.body.groups.map((g: { key: string; openPositions: number; seekers: number; demandSupplyRatio: number | null }) => [
      g.key, [g.openPositions, g.seekers, g.demandSupplyRatio],
    ]));
    expect(byKey).toEqual({ '460100': [3, 3, 1], '469002': [3, 2, 1.5], '460400': [0, 4, 0] });
    expect(summary.body.groups.find((g: { key: string }) => g.key === '460400').name).toBe('儋州市');

    const danzhou = await http.get('/api/demand/summary?by=region&region=460400');
    expect(danzhou.body.totals).toMatchObject({ openPositions: 0, shortages: 0, seekers: 4, demandSupplyRatio: 0 });
    expect(danzhou.body.groups).toEqual([expect.objectContaining({ key: '460400', openPositions: 0, seekers: 4 })]);
  });

  it('the fill rate leaves expired shortages out', async () => {
    const outcomes = await admin.get('/api/demand/outcomes');
    // A 0 of 3, C 1 of 4, D 1 of 1, E (closed) 0 of 2; B (expired) left out.
    expect(outcomes.body.fillRate).toEqual({ shortages: 4, headcount: 10, filledHeadcount: 2, rate: 0.2, expired: 1 });
    expect(outcomes.body.hires.total).toBe(2);
  });

  it('every headline figure equals a direct count, for the province and for a city', async () => {
    await expectDashboardFiguresMatchCounts(admin, dataSource);
    await expectDashboardFiguresMatchCounts(admin, dataSource, '460100');
    await expectDashboardFiguresMatchCounts(admin, dataSource, '469002');
  });

  it('with no open demand every place with seekers is still a group (the map stays)', async () => {
    for (const id of [ids.a, ids.c]) expect((await officer.post(`/api/shortages/${id}/close`, { reason: '岗位调整，暂停招聘' })).status).toBe(200);
    const summary = await http.get('/api/demand/summary?by=region');
    expect(summary.body.totals).toMatchObject({ openPositions: 0, shortages: 0, seekers: 9, demandSupplyRatio: 0 });
    expect(summary.body.groups.map((g: { key: string; openPositions: number }) => [g.key, g.openPositions])).toEqual([['460100', 0], ['460400', 0], ['469002', 0]]);
    await expectDashboardFiguresMatchCounts(admin, dataSource);
  });
});
