import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@app/clock';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

type Groups = Record<string, number>;

/**
 * GET /api/demand/outcomes on known data: five shortages in 海口 (龙华区) and 琼海 published 1–30 days ago, five hires
 * (one of them at a recruitment event) of seekers with known priority groups, three completed fills, and events.
 */
describe('demand outcomes: time to fill, fill rate, hires by priority group, events held', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let admin: HttpClient;
  let officer: HttpClient;
  let staff: HttpClient;
  const today = shanghaiDate();

  const byGroup = (body: { hires: { byPriorityGroup: { group: string; hires: number }[] } }): Groups =>
    Object.fromEntries(body.hires.byPriorityGroup.map((g) => [g.group, g.hires]));
  const noHires: Groups = {
    college_graduate: 0, poverty_alleviated: 0, migrant_worker: 0, veteran: 0, registered_unemployed: 0, hard_to_employ: 0, disabled: 0, none: 0,
  };

  async function shortage(employerId: string, regionCode: string, headcount: number, publishedDaysAgo: number): Promise<string> {
    const created = await officer.post('/api/shortages', {
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount, wageMin: 4500, wageMax: 6500,
      workType: 'full_time', regionCode, address: '海南省某路 8 号', startDate: addDays(today, 7), deadline: addDays(today, 60),
      description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险。', submit: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('open');
    await dataSource.query(`UPDATE shortage SET published_at = now() - make_interval(days => $2) WHERE id = $1`, [created.body.id, publishedDaysAgo]);
    return created.body.id;
  }

  async function seeker(priorityGroups: string[], consent: boolean): Promise<{ id: string; client: HttpClient }> {
    const row = await factories.seeker({
      priorityGroups: priorityGroups.map((group) => ({ group, evidence: '登记证明' })),
      consentSensitiveMatching: consent,
    } as never);
    const user = await factories.user('seeker', { seekerId: row.id });
    return { id: row.id, client: await http.login(user.username, TEST_PASSWORD) };
  }

  /** Applies and is taken through interview and offer to hired by the admin. */
  async function hire(who: { client: HttpClient }, shortageId: string): Promise<void> {
    const applied = await who.client.post('/api/applications', { shortageId });
    expect(applied.status).toBe(201);
    for (const status of ['interview', 'offer', 'hired']) {
      expect((await admin.post(`/api/applications/${applied.body.id}/status`, { status })).status).toBe(200);
    }
  }

  async function station(name: string, regionCode: string): Promise<string> {
    const created = await admin.post('/api/stations', {
      name, type: 'employment_station', regionCode, address: '海南省某路 1 号', lat: 19.5, lng: 110.3, capacity: 100, booths: 10, openingHours: '周一至周五 8:30-17:30',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function publishedEvent(stationId: string, employerId: string, shortageIds: string[]): Promise<string> {
    const created = await admin.post('/api/events', {
      stationId, title: '养老护理员专场招聘会', type: 'on_site', date: addDays(today, 1), startTime: '09:00', endTime: '12:00', capacity: 20,
      employers: [{ employerId, booth: 'A1', shortageIds }],
    });
    expect(created.status).toBe(201);
    expect((await admin.post(`/api/events/${created.body.id}/publish`)).status).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const officerUser = await factories.user('officer');
    officer = await http.login(officerUser.username, TEST_PASSWORD);
    const haikou = await factories.employer({ regionCode: '460106' });
    const qionghai = await factories.employer({ regionCode: '469002', address: '琼海市嘉积镇某路 1 号' });
    await factories.pairing(officerUser.id, haikou.id);
    await factories.pairing(officerUser.id, qionghai.id);
    const staffUser = await factories.user('station_staff');
    staff = await http.login(staffUser.username, TEST_PASSWORD);

    // 海口 (龙华区): S1 2 places, 10 days ago; S2 1 place, 4 days ago; S3 5 places, 2 days ago.
    // 琼海: S4 1 place, 30 days ago; S5 4 places, yesterday.
    const s1 = await shortage(haikou.id, '460106', 2, 10);
    const s2 = await shortage(haikou.id, '460106', 1, 4);
    const s3 = await shortage(haikou.id, '460106', 5, 2);
    const s4 = await shortage(qionghai.id, '469002', 1, 30);
    const s5 = await shortage(qionghai.id, '469002', 4, 1);

    // Hires: S1 fills with A (graduate and veteran) and B (graduate); S3 takes D (disabled, but no consent to use
    // it: counts as none); S4 fills with F (migrant worker); S2 fills at a recruitment event with C (no group).
    const a = await seeker(['college_graduate', 'veteran'], true);
    const b = await seeker(['college_graduate'], true);
    const c = await seeker([], true);
    const d = await seeker(['disabled'], false);
    const f = await seeker(['migrant_worker'], true);
    await hire(a, s1);
    await hire(b, s1);
    await hire(d, s3);
    await hire(f, s4);

    // Events: one completed in 海口 (C walks in, is hired at the booth), one completed in 琼海 with nobody, one still published.
    const haikouStation = await station('龙华区金贸街道就业驿站', '460106');
    const qionghaiStation = await station('琼海市嘉积镇就业驿站', '469002');
    const held = await publishedEvent(haikouStation, haikou.id, [s2]);
    const checkin = await admin.post(`/api/events/${held}/checkins`, { seekerId: c.id });
    expect(checkin.status).toBe(201);
    expect(checkin.body).toMatchObject({ status: 'attended', walkIn: true });
    const outcome = await admin.post(`/api/events/${held}/outcomes`, { seekerId: c.id, shortageId: s2, stage: 'hire' });
    expect(outcome.status).toBe(201);
    expect((await admin.post(`/api/events/${held}/complete`)).status).toBe(200);
    const empty = await publishedEvent(qionghaiStation, qionghai.id, [s5]);
    expect((await admin.post(`/api/events/${empty}/complete`)).status).toBe(200);
    await publishedEvent(haikouStation, haikou.id, [s3]);

    const statuses: { status: string; n: number }[] = await dataSource.query(`SELECT status, count(*)::int AS n FROM shortage GROUP BY status ORDER BY status`);
    expect(statuses).toEqual([{ status: 'filled', n: 3 }, { status: 'open', n: 1 }, { status: 'partially_filled', n: 1 }]);
  }, 120_000);
  afterAll(() => t.close());

  it('the whole province: exact figures', async () => {
    const response = await admin.get('/api/demand/outcomes');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      region: null, from: null, to: null,
      // Filled after 10, 4 and 30 days: median 10; p90 interpolates 10 + 0.8 × (30 − 10).
      timeToFill: { filled: 3, medianDays: 10, p90Days: 26 },
      // 5 of 2 + 1 + 5 + 1 + 4 positions.
      fillRate: { shortages: 5, headcount: 13, filledHeadcount: 5, rate: 0.3846 },
      hires: { total: 5 },
      events: { held: 2, attended: 1, hires: 1 },
    });
    expect(byGroup(response.body)).toEqual({ ...noHires, college_graduate: 2, veteran: 1, migrant_worker: 1, none: 2 });
    expect(response.body.hires.byPriorityGroup.find((g: { group: string }) => g.group === 'college_graduate').name).toBe('高校毕业生');
  });

  it('a region: 海口 covers its districts; 琼海 alone', async () => {
    const haikou = await officer.get('/api/demand/outcomes?region=460100');
    expect(haikou.status).toBe(200);
    expect(haikou.body).toMatchObject({
      region: '460100',
      timeToFill: { filled: 2, medianDays: 7, p90Days: 9.4 },
      fillRate: { shortages: 3, headcount: 8, filledHeadcount: 4, rate: 0.5 },
      hires: { total: 4 },
      events: { held: 1, attended: 1, hires: 1 },
    });
    expect(byGroup(haikou.body)).toEqual({ ...noHires, college_graduate: 2, veteran: 1, none: 2 });

    const qionghai = await staff.get('/api/demand/outcomes?region=469002');
    expect(qionghai.status).toBe(200);
    expect(qionghai.body).toMatchObject({
      timeToFill: { filled: 1, medianDays: 30, p90Days: 30 },
      fillRate: { shortages: 2, headcount: 5, filledHeadcount: 1, rate: 0.2 },
      hires: { total: 1 },
      events: { held: 1, attended: 0, hires: 0 },
    });
    expect(byGroup(qionghai.body)).toEqual({ ...noHires, migrant_worker: 1 });

    const sanya = await admin.get('/api/demand/outcomes?region=460200');
    expect(sanya.body).toMatchObject({
      timeToFill: { filled: 0, medianDays: null, p90Days: null },
      fillRate: { shortages: 0, headcount: 0, filledHeadcount: 0, rate: null },
      hires: { total: 0 },
      events: { held: 0, attended: 0, hires: 0 },
    });
    expect(byGroup(sanya.body)).toEqual(noHires);
  });

  it('a period: fills and hires by when they happened, fill rate by publication, events by their day', async () => {
    const weekAgo = addDays(today, -7);
    const recent = await admin.get(`/api/demand/outcomes?from=${weekAgo}`);
    expect(recent.body).toMatchObject({
      from: weekAgo,
      timeToFill: { filled: 3, medianDays: 10, p90Days: 26 },
      // Published in the last week: S2, S3, S5.
      fillRate: { shortages: 3, headcount: 10, filledHeadcount: 2, rate: 0.2 },
      hires: { total: 5 },
      events: { held: 2 },
    });

    const before = await admin.get(`/api/demand/outcomes?to=${weekAgo}`);
    expect(before.body).toMatchObject({
      timeToFill: { filled: 0, medianDays: null, p90Days: null },
      // Published earlier: S1 and S4, both filled.
      fillRate: { shortages: 2, headcount: 3, filledHeadcount: 3, rate: 1 },
      hires: { total: 0 },
      events: { held: 0, attended: 0, hires: 0 },
    });
    expect(byGroup(before.body)).toEqual(noHires);

    const both = await admin.get(`/api/demand/outcomes?region=460100&from=${addDays(today, -3)}&to=${addDays(today, 1)}`);
    expect(both.body).toMatchObject({ fillRate: { shortages: 1, headcount: 5, filledHeadcount: 1, rate: 0.2 }, hires: { total: 4 }, events: { held: 0 } });
  });

  it('bad parameters get a 400 in Chinese (English on request), never a 5xx', async () => {
    const cases: [string, RegExp][] = [
      ['region=110101', /110101/],
      ['from=2025-13-01', /from：必须是日期，格式 YYYY-MM-DD/],
      ['from=2025-07-01T00:00:00Z', /from：格式不正确/],
      ['from=2025-07-10&to=2025-07-01', /to：不能小于 from/],
      ['unknown=1', /unknown/],
    ];
    for (const [query, message] of cases) {
      const response = await admin.get(`/api/demand/outcomes?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(response.body)).toMatch(message);
    }
    const english = await admin.get('/api/demand/outcomes?from=yesterday', { 'accept-language': 'en' });
    expect(english.status).toBe(400);
    expect(english.body.details).toEqual([{ field: 'from', message: 'from must be a valid ISO 8601 date string' }]);
  });

  it('seekers and employers may not read it; nobody anonymous', async () => {
    const { client } = await seeker([], true);
    const refused = await client.get('/api/demand/outcomes');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(refused.body.hires).toBeUndefined();
    const employer = await http.login((await factories.user('employer', { employerId: (await factories.employer()).id })).username, TEST_PASSWORD);
    expect((await employer.get('/api/demand/outcomes')).status).toBe(403);
    expect((await http.get('/api/demand/outcomes')).status).toBe(401);
  });
});
