import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One atomic step per request: count the hit in a window of `ttl` ms (the window starts with the first hit),
 * and block the key for `blockDuration` ms once the count passes `limit`. While blocked, hits are refused and
 * not counted. Returns { totalHits, msToExpire, blocked (0/1), msToBlockExpire }.
 */
const INCREMENT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, blockDuration = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', blockKey)
if blockLeft > 0 then
  local hits = tonumber(redis.call('GET', hitsKey) or '0')
  return { hits, math.max(redis.call('PTTL', hitsKey), 0), 1, blockLeft }
end
local hits = redis.call('INCR', hitsKey)
local left = redis.call('PTTL', hitsKey)
if left < 0 then
  redis.call('PEXPIRE', hitsKey, ttl)
  left = ttl
end
if hits > limit then
  redis.call('SET', blockKey, '1', 'PX', blockDuration)
  return { hits, left, 1, blockDuration }
end
return { hits, left, 0, 0 }
`;

/**
 * @nestjs/throttler storage in Redis, so every API replica behind a round-robin gateway counts the same hits.
 * Keys live under `<prefix>:throttle:` (the guard's keys are already SHA-256 hashes of route and client address).
 * If Redis does not answer within a second the request is let through (and logged): the per-account lock in
 * PostgreSQL still bounds password guesses, and sign-in does not go down with Redis.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.redis.on('error', () => undefined); // reported per request by increment(), not as an unhandled event
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    try {
      const [totalHits, msToExpire, blocked, msToBlockExpire] = (await this.redis.eval(
        INCREMENT,
        2,
        `${base}:hits`,
        `${base}:block`,
        ttl,
        limit,
        blockDuration,
      )) as [number, number, number, number];
      return { totalHits, timeToExpire: Math.ceil(msToExpire / 1000), isBlocked: blocked === 1, timeToBlockExpire: Math.ceil(msToBlockExpire / 1000) };
    } catch (error) {
      this.logger.warn(`throttle storage unavailable, request let through: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // A lazily connected client that never counted anything has no connection to close politely.
    if (this.redis.status === 'wait' || this.redis.status === 'end') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
