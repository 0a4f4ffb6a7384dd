import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { redisOptions } from '@app/config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Against the machine's Redis, under a private key prefix that is removed afterwards. */
describe('RedisThrottlerStorage', () => {
  const prefix = `test-throttle-${randomBytes(4).toString('hex')}`;
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let a: RedisThrottlerStorage;
  let b: RedisThrottlerStorage;
  let admin: Redis;

  beforeAll(() => {
    admin = new Redis(redisOptions(url));
    a = new RedisThrottlerStorage(new Redis(redisOptions(url)), prefix);
    b = new RedisThrottlerStorage(new Redis(redisOptions(url)), prefix);
  });
  afterAll(async () => {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length) await admin.del(...keys);
    await Promise.all([a.onApplicationShutdown(), b.onApplicationShutdown(), admin.quit()]);
  });

  it('counts simultaneous hits from two clients exactly once each', async () => {
    const records = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).increment('k1', 60_000, 1000, 60_000, 'login')));
    expect(records.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(records.every((r) => !r.isBlocked && r.timeToExpire > 0 && r.timeToExpire <= 60)).toBe(true);
  });

  it('blocks once the limit is passed, for the block duration, across clients', async () => {
    const records = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).increment('k2', 60_000, 5, 30_000, 'login')));
    expect(records.filter((r) => r.isBlocked)).toHaveLength(3);
    const next = await a.increment('k2', 60_000, 5, 30_000, 'login');
    expect(next.isBlocked).toBe(true);
    expect(next.timeToBlockExpire).toBeGreaterThan(0);
    expect(next.timeToBlockExpire).toBeLessThanOrEqual(30);
  });

  it('keeps separate counts per key and per throttler name, and forgets after the window', async () => {
    expect((await a.increment('k3', 3000, 10, 3000, 'login')).totalHits).toBe(1);
    expect((await a.increment('k3', 3000, 10, 3000, 'other')).totalHits).toBe(1);
    expect((await b.increment('k3', 3000, 10, 3000, 'login')).totalHits).toBe(2);
    const deadline = Date.now() + 30_000;
    let hits = 0;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      hits = (await admin.exists(`${prefix}:throttle:login:k3:hits`)) ? -1 : 0;
    } while (hits !== 0 && Date.now() < deadline);
    expect((await a.increment('k3', 3000, 10, 3000, 'login')).totalHits).toBe(1);
  });

  it('lets the request through when Redis does not answer', async () => {
    const dead = new RedisThrottlerStorage(
      new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null }),
      prefix,
    );
    const record = await dead.increment('k4', 60_000, 1, 60_000, 'login');
    expect(record.isBlocked).toBe(false);
    await dead.onApplicationShutdown();
  });
});
