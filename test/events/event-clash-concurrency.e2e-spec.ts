import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate, shanghaiInstant } from '@app/clock';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * One event per station per day under concurrency: simultaneous creates (and accepts of proposals) for one
 * station's day used to pass the service's check together and all succeed. The racing requests are real parallel
 * HTTP requests over a socket, so each runs in its own transaction on its own pooled connection.
 */
describe('one event per station per day, under concurrency', () => {
  const RACERS = 6;
  let t: TestApp;
  let dataSource: DataSource;
  let baseUrl: string;
  let stationId: string;
  let tokens: string[];
  const inDays = (n: number) => addDays(shanghaiDate(), n);

  async function post(token: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    const http = new HttpClient(t.app);
    const factories = new Factories(t.app);
    const admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const created = await admin.post('/api/stations', {
      name: '龙华区就业服务站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32,
      capacity: 100, booths: 10, openingHours: '周一至周五 8:30-17:30',
    });
    expect(created.status).toBe(201);
    stationId = created.body.id;
    // Two members of staff of the station, signed in once each, racing each other.
    tokens = [];
    for (let i = 0; i < 2; i++) {
      const user = await factories.user('station_staff', { regionCode: '460100' });
      expect((await admin.post(`/api/stations/${stationId}/staff`, { userId: user.id })).status).toBe(204);
      tokens.push((await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).body.accessToken);
    }
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.close());

  const scheduledOn = async (date: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM recruitment_event WHERE station_id = $1 AND date = $2 AND status IN ('accepted', 'published')`, [stationId, date]))[0].n;

  it(`${RACERS} simultaneous creates on one station's day: one 201, the rest 409 EVENT_DATE_CLASH, one event`, async () => {
    const date = inDays(20);
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        post(tokens[i % 2], '/api/events', { stationId, title: `专场招聘会 ${i}`, type: 'on_site', date, startTime: '09:00', endTime: '12:00' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(RACERS - 1).fill(409)]);
    for (const refused of results.filter((r) => r.status !== 201)) {
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'EVENT_DATE_CLASH', message: expect.stringContaining(date) });
    }
    expect(await scheduledOn(date)).toBe(1);
  });

  it(`${RACERS} simultaneous accepts of different proposals for one day: one 200, the rest 409, one scheduled event`, async () => {
    const date = inDays(21);
    const proposals: string[] = [];
    for (let i = 0; i < RACERS; i++) {
      const [row] = await dataSource.query(
        `INSERT INTO recruitment_event (station_id, title, type, status, origin, date, starts_at, ends_at, occupation_family, capacity)
         VALUES ($1, $2, 'on_site', 'proposed', 'planned', $3, $4, $5, $6, 50) RETURNING id`,
        [stationId, `提议 ${i}`, date, shanghaiInstant(date, '09:00'), shanghaiInstant(date, '12:00'), `family-${i}`],
      );
      proposals.push(row.id);
    }
    const results = await Promise.all(proposals.map((id, i) => post(tokens[i % 2], `/api/events/${id}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(RACERS - 1).fill(409)]);
    for (const refused of results.filter((r) => r.status !== 200)) expect(refused.body).toMatchObject({ statusCode: 409, code: 'EVENT_DATE_CLASH' });
    expect(await scheduledOn(date)).toBe(1);
  });

  it('simultaneous moves of two events onto one free day: one succeeds, the other 409', async () => {
    const date = inDays(30);
    const ids: string[] = [];
    for (const day of [22, 23]) {
      const created = await post(tokens[0], '/api/events', { stationId, title: `第 ${day} 天`, type: 'on_site', date: inDays(day), startTime: '09:00', endTime: '12:00' });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const results = await Promise.all(
      ids.map(async (id, i) => {
        const response = await fetch(`${baseUrl}/api/events/${id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ date }),
        });
        return { status: response.status, body: await response.json() };
      }),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await scheduledOn(date)).toBe(1);
  });
});
