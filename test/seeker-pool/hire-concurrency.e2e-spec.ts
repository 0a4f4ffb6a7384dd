import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage } from '@app/employer-demand';
import { addDays, shanghaiDate } from '@app/clock';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Issue 12, finding 2: a hire is counted once and never past the headcount, whatever the path (an application
 * moved to hired, an outcome recorded at an event) and however many requests race. The racing requests are real
 * parallel HTTP requests over a socket, so each runs in its own transaction on its own pooled connection.
 */
describe('hires under concurrency: bounded by the headcount', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.close());

  async function post(token: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  async function shortageOf(headcount: number, employerId: string): Promise<Shortage> {
    return dataSource.getRepository(Shortage).save({
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount, wageMin: 4500, wageMax: 6000,
      workType: 'full_time' as const, regionCode: '460106', address: '海口市龙华区', lat: 20.02, lng: 110.32,
      startDate: addDays(shanghaiDate(), 5), deadline: addDays(shanghaiDate(), 60), description: '生活照料', status: 'open' as const,
    });
  }

  async function offeredApplication(shortageId: string, employer: HttpClient): Promise<string> {
    const seeker = await factories.seeker();
    const client = await http.login((await factories.user('seeker', { seekerId: seeker.id })).username, TEST_PASSWORD);
    const applied = await client.post('/api/applications', { shortageId });
    expect(applied.status).toBe(201);
    for (const status of ['viewed', 'interview', 'offer']) {
      expect((await employer.post(`/api/applications/${applied.body.id}/status`, { status })).status).toBe(200);
    }
    return applied.body.id;
  }

  it('8 simultaneous hires of one offer: exactly one 200, filled 1 of 1; a second applicant is refused with 409', async () => {
    const employer = await factories.employer();
    const shortage = await shortageOf(1, employer.id);
    const employerUser = await factories.user('employer', { employerId: employer.id });
    const employerClient = await http.login(employerUser.username, TEST_PASSWORD);
    const token = (await http.post('/api/auth/login', { username: employerUser.username, password: TEST_PASSWORD })).body.accessToken as string;
    const first = await offeredApplication(shortage.id, employerClient);
    const second = await offeredApplication(shortage.id, employerClient);

    const results = await Promise.all(Array.from({ length: 8 }, () => post(token, `/api/applications/${first}/status`, { status: 'hired' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    for (const refused of results.filter((r) => r.status === 409)) expect(refused.body).toMatchObject({ statusCode: 409, code: 'APPLICATION_MOVE_NOT_ALLOWED' });

    const filled = await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortage.id });
    expect(filled).toMatchObject({ filledHeadcount: 1, status: 'filled' });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM shortage_transition WHERE shortage_id = $1 AND reason LIKE '录用%'`, [shortage.id]);
    expect(n).toBe(1);

    const beyond = await post(token, `/api/applications/${second}/status`, { status: 'hired' });
    expect(beyond.status).toBe(409);
    expect(beyond.body).toEqual({ statusCode: 409, code: 'SHORTAGE_FILLED', message: '该岗位招聘人数已满（已录用 1/1 人），不能再录用' });
    const english = await fetch(`${baseUrl}/api/applications/${second}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ status: 'hired' }),
    });
    expect(((await english.json()) as { message: string }).message).toBe('All positions are filled (1 of 1 hired); no further hire can be recorded');

    // The refused hire changed nothing: the application is still an offer, the shortage still 1 of 1.
    const [application] = await dataSource.query(`SELECT status FROM application WHERE id = $1`, [second]);
    expect(application.status).toBe('offer');
    expect((await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortage.id })).filledHeadcount).toBe(1);
  });

  it('simultaneous hires of different applicants for the last 2 places: exactly 2 succeed', async () => {
    const employer = await factories.employer();
    const shortage = await shortageOf(2, employer.id);
    const employerUser = await factories.user('employer', { employerId: employer.id });
    const employerClient = await http.login(employerUser.username, TEST_PASSWORD);
    const token = (await http.post('/api/auth/login', { username: employerUser.username, password: TEST_PASSWORD })).body.accessToken as string;
    const applications: string[] = [];
    for (let i = 0; i < 5; i++) applications.push(await offeredApplication(shortage.id, employerClient));

    const results = await Promise.all(applications.map((id) => post(token, `/api/applications/${id}/status`, { status: 'hired' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(['SHORTAGE_FILLED', 'SHORTAGE_FILLED', 'SHORTAGE_FILLED']);
    expect(await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortage.id })).toMatchObject({ filledHeadcount: 2, status: 'filled' });
    const [{ hired }] = await dataSource.query(`SELECT count(*)::int AS hired FROM application WHERE shortage_id = $1 AND status = 'hired'`, [shortage.id]);
    expect(hired).toBe(2);
  });

  it('a hire recorded as an event outcome follows the same bound', async () => {
    const admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const employer = await factories.employer();
    const shortage = await shortageOf(1, employer.id);
    const employerClient = await http.login((await factories.user('employer', { employerId: employer.id })).username, TEST_PASSWORD);

    const station = await admin.post('/api/stations', {
      name: '龙华区金贸街道就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32,
      capacity: 100, booths: 10, openingHours: '周一至周五 8:30-17:30',
    });
    expect(station.status).toBe(201);
    const event = await admin.post('/api/events', {
      stationId: station.body.id, title: '养老护理员专场招聘会', type: 'on_site', date: addDays(shanghaiDate(), 1), startTime: '09:00', endTime: '12:00', capacity: 20,
      employers: [{ employerId: employer.id, booth: 'A1', shortageIds: [shortage.id] }],
    });
    expect(event.status).toBe(201);
    expect((await admin.post(`/api/events/${event.body.id}/publish`)).status).toBe(200);
    const walkIn = await factories.seeker();
    expect((await admin.post(`/api/events/${event.body.id}/checkins`, { seekerId: walkIn.id })).status).toBe(201);

    // The walk-in gets an offer at the booth (an application at offer), then the only place is filled through the application path.
    const offer = await admin.post(`/api/events/${event.body.id}/outcomes`, { seekerId: walkIn.id, shortageId: shortage.id, stage: 'offer' });
    expect(offer.status).toBe(201);
    const offered = await offeredApplication(shortage.id, employerClient);
    expect((await employerClient.post(`/api/applications/${offered}/status`, { status: 'hired' })).status).toBe(200);
    expect((await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortage.id })).filledHeadcount).toBe(1);

    const hire = await admin.post(`/api/events/${event.body.id}/outcomes`, { seekerId: walkIn.id, shortageId: shortage.id, stage: 'hire' });
    expect(hire.status).toBe(409);
    expect(hire.body.code).toBe('SHORTAGE_FILLED');
    expect((await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortage.id })).filledHeadcount).toBe(1);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM application WHERE shortage_id = $1 AND status = 'hired'`, [shortage.id]);
    expect(n).toBe(1);
    const [outcome] = await dataSource.query(`SELECT stage FROM event_outcome WHERE shortage_id = $1`, [shortage.id]);
    expect(outcome.stage).toBe('offer');
  });
});
