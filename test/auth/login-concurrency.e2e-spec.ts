import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { User } from '@app/auth';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';
import { Factories, HttpClient, TEST_PASSWORD, createTestApp, TestApp } from '@app/testing';

/** Rejects when `promise` has not settled within `ms`, so a deadlock fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const REFUSALS = new Set([401, 423, 429]);

describe('sign-in under concurrent failures (finding 1: the pool must not deadlock)', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;

  beforeAll(async () => {
    t = await createTestApp([DemandApiModule], { LOGIN_MAX_FAILURES: '5' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
  });

  it('answers 50 simultaneous wrong-password logins for one existing user with refusals, and stays healthy', async () => {
    const user = await factories.user('officer', { regionCode: '460100' });
    const attempts = Array.from({ length: 50 }, () => http.post('/api/auth/login', { username: user.username, password: 'wrong-password' }));
    const responses = await within(Promise.all(attempts), 60_000, '50 simultaneous wrong-password logins');
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => !REFUSALS.has(s))).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);

    const health = await within(http.get('/api/health'), 20_000, 'health after the burst');
    expect(health.status).toBe(200);
    // The pool is free again: nothing is left idle in a transaction.
    const stuck = await t.app
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`);
    expect(stuck[0].n).toBe(0);
  }, 120_000);

  it('still signs the right user in afterwards once the lock is lifted', async () => {
    const user = await factories.user('employer');
    await Promise.all(Array.from({ length: 20 }, () => http.post('/api/auth/login', { username: user.username, password: 'nope-nope' })));
    await t.app.get<DataSource>(getDataSourceToken()).getRepository(User).update(user.id, { lockedUntil: new Date(Date.now() - 1000) });
    const ok = await within(http.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD }), 20_000, 'login');
    expect(ok.status).toBe(200);
  }, 60_000);

  it('shuts down cleanly after the burst', async () => {
    await within(t.close(), 30_000, 'app shutdown');
  }, 60_000);
});
