import { makeResidentId } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** Scope rules (libs/auth/src/scope.policy.ts) seen from outside: foreign ids answer 404, lists hold only what is in scope. */
describe('record scope', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
  });
  afterAll(() => t.close());

  const signIn = (username: string) => http.login(username, TEST_PASSWORD);

  it('an employer sees its own enterprise and gets 404 for another', async () => {
    const own = await factories.employer();
    const other = await factories.employer();
    const user = await factories.user('employer', { employerId: own.id });
    const client = await signIn(user.username);

    expect((await client.get(`/api/employers/${own.id}`)).status).toBe(200);
    const foreign = await client.get(`/api/employers/${other.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const list = await client.get('/api/employers');
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([own.id]);
  });

  it('an officer sees paired enterprises only, and loses sight of one when the pairing ends', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const paired = await factories.employer();
    const unpaired = await factories.employer();
    const pairing = await factories.pairing(officer.id, paired.id);
    const client = await signIn(officer.username);

    expect((await client.get(`/api/employers/${paired.id}`)).status).toBe(200);
    expect((await client.get(`/api/employers/${unpaired.id}`)).status).toBe(404);
    expect((await client.get('/api/employers')).body.items.map((e: { id: string }) => e.id)).toEqual([paired.id]);

    await factories.endPairing(pairing.id);
    expect((await client.get(`/api/employers/${paired.id}`)).status).toBe(404);
  });

  it('a city admin sees its region and not another city’s', async () => {
    const admin = await factories.user('admin', { regionCode: '460200' });
    const sanya = await factories.employer({ regionCode: '460203' });
    const haikou = await factories.employer({ regionCode: '460106' });
    const client = await signIn(admin.username);
    expect((await client.get(`/api/employers/${sanya.id}`)).status).toBe(200);
    expect((await client.get(`/api/employers/${haikou.id}`)).status).toBe(404);
  });

  it('a seeker sees only itself; another seeker’s id answers 404', async () => {
    const me = await factories.seeker();
    const other = await factories.seeker();
    const user = await factories.user('seeker', { seekerId: me.id });
    const client = await signIn(user.username);

    const own = await client.get('/api/seekers/me');
    expect(own.status).toBe(200);
    expect(own.body.id).toBe(me.id);
    expect((await client.get(`/api/seekers/${me.id}`)).status).toBe(200);
    expect((await client.get(`/api/seekers/${other.id}`)).status).toBe(404);
  });

  it('roles without a rule for a record type are refused (403), and a missing id is a plain 404', async () => {
    const employerUser = await factories.user('employer', { employerId: (await factories.employer()).id });
    const client = await signIn(employerUser.username);
    const seeker = await factories.seeker();
    expect((await client.get(`/api/seekers/${seeker.id}`)).status).toBe(403);
    const admin = await signIn((await factories.user('admin')).username);
    expect((await admin.get('/api/employers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('an officer sees seekers masked: no full ID number or phone', async () => {
    const seeker = await factories.seeker({}, '13912345678');
    const officer = await signIn((await factories.user('officer')).username);
    const response = await officer.get(`/api/seekers/${seeker.id}`);
    expect(response.status).toBe(200);
    expect(response.body.residentId).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(response.body.phone).toBe('139****5678');
  });

  it('no role but the seeker gets the birth date or gender beside the masked ID number (issue 12, finding 8)', async () => {
    const seeker = await factories.seeker({ regionCode: '460106' });
    const self = await signIn((await factories.user('seeker', { seekerId: seeker.id })).username);
    expect((await self.get('/api/seekers/me')).body).toMatchObject({ birthDate: '1995-03-15', gender: expect.any(String) });

    const viewers = [
      await signIn((await factories.user('officer', { regionCode: '460100' })).username),
      await signIn((await factories.user('admin')).username),
      await signIn((await factories.user('admin', { regionCode: '460100' })).username),
    ];
    for (const viewer of viewers) {
      const response = await viewer.get(`/api/seekers/${seeker.id}`);
      expect(response.status).toBe(200);
      expect(response.body.residentId).toMatch(/^\d{3}\*+[\dX]{4}$/);
      expect(response.body).not.toHaveProperty('birthDate');
      expect(response.body).not.toHaveProperty('gender');
      expect(JSON.stringify(response.body)).not.toContain('1995');
    }

    // A walk-in registered by station staff: the answer to the staff member is masked the same way.
    const staff = await signIn((await factories.user('station_staff', { regionCode: '460100' })).username);
    const walkIn = await staff.post('/api/seekers', {
      name: '符小梅', residentId: makeResidentId('460106', '1988-11-02', '417'), phone: '13700004417', regionCode: '460106', desiredOccupations: ['4-10-01-05'],
    });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body.residentId).toMatch(/^\d{3}\*+[\dX]{4}$/);
    expect(walkIn.body).not.toHaveProperty('birthDate');
    expect(walkIn.body).not.toHaveProperty('gender');
    expect(JSON.stringify(walkIn.body)).not.toContain('1988');
  });
});
