import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuditLog } from '@app/audit';
import { User } from '@app/auth';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';
import { Factories, HttpClient, TEST_PASSWORD, createTestApp, TestApp } from '@app/testing';

const wrong = (http: HttpClient, username: string) => http.post('/api/auth/login', { username, password: 'wrong-password' });

describe('failure counting is atomic (finding 5)', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], { LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    db = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  it('counts four simultaneous wrong passwords (below the threshold) as four failures', async () => {
    const user = await factories.user('seeker');
    const statuses = (await Promise.all(Array.from({ length: 4 }, () => wrong(http, user.username)))).map((r) => r.status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect((await db.getRepository(User).findOneByOrFail({ id: user.id })).failedLoginCount).toBe(4);
  });

  it('evaluates no more than LOGIN_MAX_FAILURES guesses before the lock, however they are bunched', async () => {
    const user = await factories.user('officer', { regionCode: '460100' });
    const statuses: number[] = [];
    for (let burst = 0; burst < 4; burst++) {
      statuses.push(...(await Promise.all(Array.from({ length: 8 }, () => wrong(http, user.username)))).map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 423)).toHaveLength(32 - 5);
    // Locked even for the right password.
    expect((await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(423);
  });

  it('a successful sign-in after fewer failures than the threshold resets the count', async () => {
    const user = await factories.user('employer');
    await Promise.all(Array.from({ length: 4 }, () => wrong(http, user.username)));
    expect((await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
    expect((await db.getRepository(User).findOneByOrFail({ id: user.id })).failedLoginCount).toBe(0);
  });

  it('a lock that has run out allows a fresh count', async () => {
    const user = await factories.user('employer');
    await Promise.all(Array.from({ length: 6 }, () => wrong(http, user.username)));
    await db.getRepository(User).update(user.id, { lockedUntil: new Date(Date.now() - 1000) });
    expect((await wrong(http, user.username)).status).toBe(401);
    expect((await db.getRepository(User).findOneByOrFail({ id: user.id })).failedLoginCount).toBe(1);
    expect((await http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('nine simultaneous failures count as nine (finding 5)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], { LOGIN_MAX_FAILURES: '20' });
  });
  afterAll(() => t.close());

  it('stores a failure count of 9 after 9 simultaneous wrong passwords', async () => {
    const http = new HttpClient(t.app);
    const user = await new Factories(t.app).user('seeker');
    const statuses = (await Promise.all(Array.from({ length: 9 }, () => wrong(http, user.username)))).map((r) => r.status);
    expect(statuses).toEqual(Array(9).fill(401));
    const stored = await t.app.get<DataSource>(getDataSourceToken()).getRepository(User).findOneByOrFail({ id: user.id });
    expect(stored.failedLoginCount).toBe(9);
  });
});

/** Login attempts from a chosen peer address with a chosen X-Forwarded-For. */
async function loginFrom(t: TestApp, remoteAddress: string, forwardedFor: string, username: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username, password: 'wrong-password' },
  });
  return response.statusCode;
}

async function sourceIps(t: TestApp): Promise<string[]> {
  const rows = await t.app.get<DataSource>(getDataSourceToken()).getRepository(AuditLog).findBy({ action: 'POST /api/auth/login' });
  return [...new Set(rows.map((row) => row.sourceIp ?? ''))].sort();
}

describe('X-Forwarded-For is believed only from configured proxies (finding 5)', () => {
  describe('with no trusted proxy (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp([DemandApiModule], { LOGIN_THROTTLE_PER_MINUTE: '5' });
    });
    afterAll(() => t.close());

    it('a rotating X-Forwarded-For neither defeats the throttle nor lands in the audit log', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push(await loginFrom(t, '198.51.100.9', `203.0.113.${i + 1}`, `nobody-${i}`));
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      expect(await sourceIps(t)).toEqual(['198.51.100.9']);
    });
  });

  describe('with TRUSTED_PROXIES set to the gateway', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp([DemandApiModule], { LOGIN_THROTTLE_PER_MINUTE: '5', TRUSTED_PROXIES: '10.20.0.0/16' });
    });
    afterAll(() => t.close());

    it("believes the gateway's X-Forwarded-For and no one else's", async () => {
      expect(await loginFrom(t, '10.20.0.2', '203.0.113.50', 'nobody-a')).toBe(401);
      expect(await loginFrom(t, '192.0.2.77', '203.0.113.51', 'nobody-b')).toBe(401);
      // A client that forges a chain through the gateway is still seen as itself (the right-most untrusted hop).
      expect(await loginFrom(t, '10.20.0.2', '203.0.113.99, 203.0.113.52', 'nobody-c')).toBe(401);
      expect(await sourceIps(t)).toEqual(['192.0.2.77', '203.0.113.50', '203.0.113.52']);
    });

    it('throttles the client behind the gateway, not the gateway', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push(await loginFrom(t, '10.20.0.2', '203.0.113.60', `x${i}`));
      expect(statuses.slice(-1)).toEqual([429]);
      expect(await loginFrom(t, '10.20.0.2', '203.0.113.61', 'y')).toBe(401);
    });
  });
});
