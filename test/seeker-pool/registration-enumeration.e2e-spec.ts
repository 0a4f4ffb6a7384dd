import { findPersonalIdentifiers, makeResidentId } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** Finding 11: anonymous registration must not tell whether an ID number is registered; errors do not echo identifiers. */
describe('registration does not tell who is registered', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let sequence = 300;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
  });
  afterAll(() => t.close());

  const profile = (residentId: string) => ({
    name: '李明',
    residentId,
    phone: `1390000${String(sequence++).padStart(4, '0')}`,
    regionCode: '460106',
    desiredOccupations: ['4-10-01-05'],
  });
  const register = (residentId: string) =>
    http.post('/api/seekers/register', { ...profile(residentId), username: `person-${sequence++}`, password: 'long-enough-pw' });

  it('answers an anonymous registration with a taken ID number like a field refusal, never "already registered"', async () => {
    const taken = makeResidentId('460106', '1990-02-03', sequence++);
    expect((await register(taken)).status).toBe(201);

    const again = await register(taken);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('VALIDATION_FAILED');
    expect(again.body.details).toEqual([{ field: 'residentId', message: expect.any(String) }]);
    const text = JSON.stringify(again.body);
    expect(text).not.toMatch(/SEEKER_ALREADY_REGISTERED|已登记|already registered|409/);
    expect(findPersonalIdentifiers(text)).toEqual([]);

    // Same shape as the refusal of an unusable ID number (a wrong check digit).
    const wrongCheck = taken.slice(0, 17) + (taken[17] === '0' ? '1' : '0');
    const invalid = await register(wrongCheck);
    expect(invalid.status).toBe(again.status);
    expect(invalid.body.code).toBe(again.body.code);
    expect(Object.keys(invalid.body).sort()).toEqual(Object.keys(again.body).sort());
    expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual(['residentId']);

    // English too, and no account was made for the second attempt.
    const english = await http.post('/api/seekers/register', { ...profile(taken), username: 'person-en', password: 'long-enough-pw' }, { 'accept-language': 'en' });
    expect(english.status).toBe(400);
    expect(JSON.stringify(english.body)).not.toMatch(/already registered/i);
    expect((await http.post('/api/auth/login', { username: 'person-en', password: 'long-enough-pw' })).status).toBe(401);
  });

  it('staff registering a walk-in are still told that the person is registered', async () => {
    const taken = makeResidentId('460106', '1985-07-08', sequence++);
    expect((await register(taken)).status).toBe(201);
    const staff = await http.login((await factories.user('station_staff')).username, TEST_PASSWORD);
    const walkIn = await staff.post('/api/seekers', profile(taken));
    expect(walkIn.status).toBe(409);
    expect(walkIn.body.code).toBe('SEEKER_ALREADY_REGISTERED');
  });

  it('error messages do not echo a phone or ID number sent in a path or as a username', async () => {
    const staff = await http.login((await factories.user('officer', { regionCode: '460100' })).username, TEST_PASSWORD);
    const id = makeResidentId('460106', '1979-12-31', sequence++);
    for (const value of ['13812345678', '138-1234-5678', id, encodeURIComponent('１３８１２３４５６７８')]) {
      const response = await staff.get(`/api/seekers/${value}`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_ID');
      expect(findPersonalIdentifiers(JSON.stringify(response.body))).toEqual([]);
    }
    // A username may not be a mobile number (phone sign-in, issue 17): refused without echoing it.
    const phoneLike = await http.post('/api/seekers/register', { ...profile(makeResidentId('460106', '1991-01-01', sequence++)), username: '13812345678', password: 'long-enough-pw' });
    expect(phoneLike.status).toBe(400);
    expect(findPersonalIdentifiers(JSON.stringify(phoneLike.body))).toEqual([]);
    // A username already taken: 409, and the answer names neither the username's digits nor her ID number.
    const first = await http.post('/api/seekers/register', { ...profile(makeResidentId('460106', '1991-01-01', sequence++)), username: 'u-13812345678', password: 'long-enough-pw' });
    expect(first.status).toBe(201);
    const second = await http.post('/api/seekers/register', { ...profile(makeResidentId('460106', '1991-01-01', sequence++)), username: 'u-13812345678', password: 'long-enough-pw' });
    expect(second.status).toBe(409);
    expect(findPersonalIdentifiers(JSON.stringify(second.body))).toEqual([]);
  });
});

describe('anonymous registration is throttled per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { LOGIN_THROTTLE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 once a client exceeds the per-minute limit', async () => {
    const http = new HttpClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await http.post('/api/seekers/register', { username: `u-${i}` })).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});
