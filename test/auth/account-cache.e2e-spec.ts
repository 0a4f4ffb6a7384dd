import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountCache } from '@app/auth';
import { CoreModule } from '@app/core';
import { createHttpApp } from '@app/http';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';

/**
 * Two replicas (A and B) of the API on one database and one Redis: each keeps accounts in its AccountCache for far
 * longer than these tests wait (300 s), so only the announcement through Redis can make B see a change made on A.
 */
describe('account cache across replicas', () => {
  let a: TestApp;
  let b: NestFastifyApplication;
  let onA: HttpClient;
  let onB: HttpClient;
  let factories: Factories;
  let adminOnA: HttpClient;

  beforeAll(async () => {
    a = await createTestApp([DemandApiModule], { ACCOUNT_CACHE_SECONDS: '300' });
    b = await createHttpApp(CoreModule.forRoot(a.config, [DemandApiModule]), a.config, { title: 'test', description: 'test' });
    await b.getHttpAdapter().getInstance().ready();
    onA = new HttpClient(a.app);
    onB = new HttpClient(b);
    factories = new Factories(a.app);
    const admin = await factories.user('admin');
    adminOnA = await onA.login(admin.username, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const me = (client: HttpClient) => client.get('/api/auth/me');
  const tokenOf = async (username: string, password = TEST_PASSWORD): Promise<string> => (await onA.post('/api/auth/login', { username, password })).body.accessToken;

  it('an account disabled on one replica is refused on the other', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const token = await tokenOf(officer.username);
    const session = onA.as(token);
    const onBAsOfficer = onB.as(token);
    expect((await me(onBAsOfficer)).status).toBe(200); // now cached on B
    expect((await me(onBAsOfficer)).status).toBe(200);

    expect((await adminOnA.patch(`/api/users/${officer.id}`, { disabled: true })).status).toBe(200);
    expect((await me(session)).status).toBe(401); // on A at once
    const refused = await eventually(() => me(onBAsOfficer), (r) => r.status === 401, 60_000, 50);
    expect(refused.body.code).toBe('TOKEN_INVALID');

    expect((await adminOnA.patch(`/api/users/${officer.id}`, { disabled: false })).status).toBe(200);
    await eventually(() => me(onBAsOfficer), (r) => r.status === 200, 60_000, 50);
  }, 150_000);

  it('a region or name change on one replica shows on the other', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const onBAsOfficer = onB.as(await tokenOf(officer.username));
    expect((await me(onBAsOfficer)).body.regionCode).toBe('460100');
    await adminOnA.patch(`/api/users/${officer.id}`, { regionCode: '460200', displayName: '符海燕' });
    const moved = await eventually(() => me(onBAsOfficer), (r) => r.body.regionCode === '460200', 60_000, 50);
    expect(moved.body.displayName).toBe('符海燕');
  }, 90_000);

  it('a password changed on one replica ends the older sessions on the other', async () => {
    const officer = await factories.user('officer', { regionCode: '460100' });
    const before = onB.as(await tokenOf(officer.username));
    expect((await me(before)).status).toBe(200);
    const changed = await onA.as(await tokenOf(officer.username)).post('/api/auth/password', {
      currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-2026',
    });
    expect(changed.status).toBe(200);
    await eventually(() => me(before), (r) => r.status === 401, 60_000, 50);
    expect((await me(onB.as(changed.body.accessToken))).status).toBe(200);
  }, 90_000);

  it('does not keep what a read returned when the account changed while it ran', async () => {
    const cache = b.get(AccountCache);
    const officer = await factories.user('officer', { regionCode: '460100' });
    const state = { id: officer.id, role: 'officer' as const, employerId: null, seekerId: null, regionCode: '460100', displayName: 'x', termsVersion: null, disabled: false, tokenVersion: 0 };
    let release!: () => void;
    const reading = cache.get(officer.id, () => new Promise((resolve) => (release = () => resolve(state))));
    cache.invalidate(officer.id);
    release();
    expect(await reading).toBe(state);
    let reads = 0;
    await cache.get(officer.id, async () => (reads++, state));
    await cache.get(officer.id, async () => (reads++, state));
    expect(reads).toBe(1); // not kept from the stale read; kept from the fresh one
  });
});
