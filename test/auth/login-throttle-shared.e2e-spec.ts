import { randomBytes } from 'node:crypto';
import { DemandApiModule } from '../../apps/demand-api/src/demand-api.module';
import { HttpClient, createTestApp, TestApp } from '@app/testing';

/** Two API replicas behind a round-robin gateway: the login throttle is counted in Redis, shared by both. */
describe('login throttling shared through Redis', () => {
  const shared = `test-${randomBytes(4).toString('hex')}`;
  let one: TestApp;
  let two: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    [one, two, other] = await Promise.all([
      createTestApp([DemandApiModule], { LOGIN_THROTTLE_PER_MINUTE: '5', QUEUE_PREFIX: shared }),
      createTestApp([DemandApiModule], { LOGIN_THROTTLE_PER_MINUTE: '5', QUEUE_PREFIX: shared }),
      createTestApp([DemandApiModule], { LOGIN_THROTTLE_PER_MINUTE: '5' }),
    ]);
  });
  afterAll(() => Promise.all([one?.close(), two?.close(), other?.close()]));

  it('two instances on the same Redis prefix share one count per client', async () => {
    const replicas = [new HttpClient(one.app), new HttpClient(two.app)];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await replicas[i % 2].post('/api/auth/login', { username: `nobody-${i}`, password: 'x-x-x-x' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // An instance under another prefix (another deployment) keeps its own count.
    expect((await new HttpClient(other.app).post('/api/auth/login', { username: 'nobody', password: 'x-x-x-x' })).status).toBe(401);
  });
});
