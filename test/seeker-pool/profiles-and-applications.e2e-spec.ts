import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage } from '@app/employer-demand';
import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

describe('seeker profiles and applications', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
  });
  afterAll(() => t.close());

  let sequence = 100;
  const profile = (overrides: Record<string, unknown> = {}) => ({
    name: '王小燕',
    residentId: makeResidentId('460106', '1996-04-12', sequence++),
    phone: `1370000${String(sequence).padStart(4, '0')}`,
    regionCode: '460106',
    desiredOccupations: ['4-10-01-05'],
    skills: [{ name: '生活照料', level: 3 }],
    priorityGroups: [{ group: 'poverty_alleviated', evidence: '脱贫人口信息系统登记' }],
    ...overrides,
  });

  async function openShortage(headcount: number) {
    const employer = await factories.employer();
    const shortage = await dataSource.getRepository(Shortage).save({
      employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount, wageMin: 4500, wageMax: 6000,
      workType: 'full_time' as const, regionCode: '460106', address: '海口市龙华区', startDate: '2026-12-01', deadline: '2099-12-31',
      description: '生活照料', status: 'open' as const,
    });
    const employerUser = await factories.user('employer', { employerId: employer.id });
    return { shortage, employer: await http.login(employerUser.username, TEST_PASSWORD) };
  }

  async function registeredSeeker(overrides: Record<string, unknown> = {}) {
    const body = profile(overrides);
    const username = `seeker-${sequence}`;
    const registered = await http.post('/api/seekers/register', { ...body, username, password: 'long-enough-pw' });
    expect(registered.status).toBe(201);
    return { body, client: await http.login(username, 'long-enough-pw'), id: registered.body.id as string };
  }

  it('a seeker registers, sees their own full data, and cannot register the same ID twice', async () => {
    const { body, client } = await registeredSeeker();
    const me = await client.get('/api/seekers/me');
    // Masked on her own page too; the full values come from the audited reveal (account-profile.e2e-spec.ts).
    expect(me.body).toMatchObject({ residentId: `${body.residentId.slice(0, 3)}***********${body.residentId.slice(-4)}`, gender: 'female', birthDate: '1996-04-12' });
    expect((await client.post('/api/seekers/me/reveal')).body).toEqual({ residentId: body.residentId, phone: body.phone });
    // Anonymous callers are not told that the ID number is registered (finding 11; see registration-enumeration.e2e-spec.ts).
    const again = await http.post('/api/seekers/register', { ...body, username: 'another-name', password: 'long-enough-pw' });
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual([{ field: 'residentId', message: '该身份证号码无法在线登记，请核对后重试，或携带身份证到就业服务站办理' }]);
    const badId = await http.post('/api/seekers/register', { ...profile({ residentId: '460106199604120001' }), username: 'x-name', password: 'long-enough-pw' });
    expect(badId.status).toBe(400);
    expect(badId.body.message).toContain('身份证');
    const stored = await dataSource.query('SELECT resident_id_encrypted FROM seeker WHERE resident_id_encrypted LIKE $1', [`%${body.residentId}%`]);
    expect(stored).toHaveLength(0);
  });

  it('station staff register a walk-in; the staff member is recorded', async () => {
    const staff = await http.login((await factories.user('station_staff')).username, TEST_PASSWORD);
    const walkIn = await staff.post('/api/seekers', profile());
    expect(walkIn.status).toBe(201);
    expect(walkIn.body.residentId).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    const [row] = await dataSource.query('SELECT registered_by FROM seeker WHERE id = $1', [walkIn.body.id]);
    expect(row.registered_by).toBeTruthy();
  });

  it('applying twice returns the same application; the employer sees the applicant masked until the seeker shares', async () => {
    const { shortage, employer } = await openShortage(3);
    const { client } = await registeredSeeker();
    const first = await client.post('/api/applications', { shortageId: shortage.id });
    const second = await client.post('/api/applications', { shortageId: shortage.id });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);

    const seen = await employer.get(`/api/applications?shortageId=${shortage.id}`);
    expect(seen.body.total).toBe(1);
    expect(seen.body.items[0].applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(findPersonalIdentifiers(JSON.stringify(seen.body))).toEqual([]);
    expect(JSON.stringify(seen.body)).not.toMatch(/residentId|priorityGroups|poverty/);

    await client.post(`/api/applications/${first.body.id}/share-contact`);
    const shared = await employer.get(`/api/applications/${first.body.id}`);
    expect(shared.body.applicant.phone).toMatch(/^1\d{10}$/);
  });

  it('the employer moves an application to hired; the hire fills the shortage and closes it when full', async () => {
    const { shortage, employer } = await openShortage(1);
    const { client } = await registeredSeeker();
    const applied = await client.post('/api/applications', { shortageId: shortage.id });
    expect((await client.post(`/api/applications/${applied.body.id}/status`, { status: 'hired' })).status).toBe(409);
    for (const status of ['viewed', 'interview', 'offer', 'hired']) {
      const moved = await employer.post(`/api/applications/${applied.body.id}/status`, { status });
      expect(moved.status).toBe(200);
      expect(moved.body.status).toBe(status);
    }
    const filled = await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortage.id });
    expect(filled).toMatchObject({ filledHeadcount: 1, status: 'filled' });
    const mine = await client.get(`/api/applications/${applied.body.id}`);
    expect(mine.body.history.map((step: { status: string }) => step.status)).toEqual(['applied', 'viewed', 'interview', 'offer', 'hired']);
  });

  it('another employer cannot see or move the application; a seeker can withdraw their own', async () => {
    const { shortage } = await openShortage(2);
    const { employer: other } = await openShortage(2);
    const { client } = await registeredSeeker();
    const applied = await client.post('/api/applications', { shortageId: shortage.id });
    expect((await other.get(`/api/applications/${applied.body.id}`)).status).toBe(404);
    expect((await other.post(`/api/applications/${applied.body.id}/status`, { status: 'rejected' })).status).toBe(404);
    expect((await client.post(`/api/applications/${applied.body.id}/status`, { status: 'withdrawn' })).body.status).toBe('withdrawn');
  });

  it('a closed shortage takes no applications', async () => {
    const { shortage } = await openShortage(1);
    await dataSource.getRepository(Shortage).update(shortage.id, { status: 'closed' });
    const { client } = await registeredSeeker();
    const refused = await client.post('/api/applications', { shortageId: shortage.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SHORTAGE_NOT_OPEN');
  });

  it('consent, export and deletion', async () => {
    const { body, client, id } = await registeredSeeker({ consentSensitiveMatching: true });
    expect((await client.request('PUT', '/api/seekers/me/consent', { consentSensitiveMatching: false })).body.consentSensitiveMatching).toBe(false);
    const exported = await client.get('/api/seekers/me/export');
    expect(exported.body.profile.residentId).toBe(body.residentId);
    expect((await client.request('DELETE', '/api/seekers/me')).status).toBe(204);
    expect(await dataSource.query('SELECT 1 FROM seeker WHERE id = $1', [id])).toHaveLength(0);
    const outbox = await dataSource.query(`SELECT 1 FROM outbox_event WHERE topic = 'seeker.changed' AND aggregate_id = $1`, [id]);
    expect(outbox.length).toBeGreaterThan(0);
    expect((await client.get('/api/seekers/me')).status).toBe(401);
  });
});
