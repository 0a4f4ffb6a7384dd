import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/crypto';
import { makeResidentId } from '@app/identifiers';
import { createTestApp, Factories, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Issue 12, item 2: registrations under concurrency. Simultaneous self-registrations with one ID number (or one
 * username) make exactly one account; the others get the same refusal a single late attempt gets (the
 * enumeration-safe 400 on `residentId`, or 409 USERNAME_TAKEN), never a bare CONFLICT or a 500. Simultaneous walk-in
 * registrations of one person make one seeker. The racing requests are real parallel HTTP requests over a socket,
 * so each runs in its own transaction on its own pooled connection.
 */
describe('registrations under concurrency', () => {
  const RACERS = 8;
  let t: TestApp;
  let factories: Factories;
  let dataSource: DataSource;
  let cipher: FieldCipher;
  let baseUrl: string;
  let sequence = 500;

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    cipher = t.app.get(FieldCipher);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.close());

  async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  const profile = (residentId: string) => ({
    name: '王芳',
    residentId,
    phone: `1370000${String(sequence++).padStart(4, '0')}`,
    regionCode: '460106',
    desiredOccupations: ['4-10-01-05'],
  });
  const seekersWith = async (residentId: string) =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM seeker WHERE resident_id_hash = $1`, [cipher.blindIndex(residentId)]))[0].n;
  const accountsNamed = async (username: string) => (await dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE username = $1`, [username]))[0].n;
  const seekerAccounts = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'seeker'`))[0].n;

  it(`${RACERS} simultaneous self-registrations with one ID number: one account, the rest refused like a single late attempt`, async () => {
    const residentId = makeResidentId('460106', '1992-04-05', sequence++);
    const accountsBefore = await seekerAccounts();
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => post('/api/seekers/register', { ...profile(residentId), username: `same-id-${i}`, password: 'long-enough-pw' })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(RACERS - 1).fill(400)]);
    for (const refused of results.filter((r) => r.status !== 201)) {
      expect(refused.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'residentId', message: expect.any(String) }] });
    }
    // Indistinguishable from the refusal of an attempt made after the race.
    const late = await post('/api/seekers/register', { ...profile(residentId), username: 'same-id-late', password: 'long-enough-pw' });
    expect(late.status).toBe(400);
    expect(results.find((r) => r.status === 400)!.body).toEqual(late.body);

    expect(await seekersWith(residentId)).toBe(1);
    expect(await seekerAccounts()).toBe(accountsBefore + 1);
  });

  it(`${RACERS} simultaneous self-registrations with one username: one account, the rest 409 USERNAME_TAKEN, no orphan profile`, async () => {
    const username = `racer-${sequence++}`;
    const residentIds = Array.from({ length: RACERS }, () => makeResidentId('460106', '1993-06-07', sequence++));
    const results = await Promise.all(residentIds.map((residentId) => post('/api/seekers/register', { ...profile(residentId), username, password: 'long-enough-pw' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(RACERS - 1).fill(409)]);
    for (const refused of results.filter((r) => r.status !== 201)) expect(refused.body).toMatchObject({ statusCode: 409, code: 'USERNAME_TAKEN' });

    expect(await accountsNamed(username)).toBe(1);
    // The refused attempts left no seeker profile behind (the profile and the account commit together).
    const counts = await Promise.all(residentIds.map(seekersWith));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(counts[results.findIndex((r) => r.status === 201)]).toBe(1);
  });

  it(`${RACERS} simultaneous walk-in registrations of one person by station staff: one seeker, the rest 409 SEEKER_ALREADY_REGISTERED`, async () => {
    const residentId = makeResidentId('460106', '1980-11-12', sequence++);
    const staff = await Promise.all([0, 1].map(async () => {
      const user = await factories.user('station_staff');
      const signedIn = await post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
      expect(signedIn.status).toBe(200);
      return signedIn.body.accessToken as string;
    }));
    const results = await Promise.all(Array.from({ length: RACERS }, (_, i) => post('/api/seekers', profile(residentId), staff[i % 2])));
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(RACERS - 1).fill(409)]);
    for (const refused of results.filter((r) => r.status !== 201)) {
      expect(refused.body).toMatchObject({ statusCode: 409, code: 'SEEKER_ALREADY_REGISTERED' });
    }
    expect(await seekersWith(residentId)).toBe(1);
  });
});
