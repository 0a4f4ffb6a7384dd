import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { makeResidentId } from '@app/identifiers';
import { SEARCH_ENGINE, SearchEngine } from '@app/search';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Issue 12, finding 13: Redis with a password and append-only persistence, started the way docker-compose.yml
 * starts it (the password in a config file, never on the command line), on a private port; the platform's
 * queues, outbox relay and workers run through it.
 */
describe('the platform on a password-protected Redis with AOF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redis-auth-'));
  const password = randomBytes(24).toString('hex');
  let port: number;
  let redis: ChildProcess;
  let t: TestApp;

  beforeAll(async () => {
    port = await freePort();
    writeFileSync(join(dir, 'auth.conf'), `requirepass "${password}"\n`, { mode: 0o600 });
    redis = spawn(
      'redis-server',
      [join(dir, 'auth.conf'), '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec',
        '--maxmemory', '384mb', '--maxmemory-policy', 'noeviction', '--save', '300 10'],
      { stdio: 'ignore' },
    );
    const probe = () => new Redis({ port, host: '127.0.0.1', password, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    await eventually(async () => {
      const client = probe();
      try {
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    }, 'redis-server up', 10_000);
    t = await createTestApp(PLATFORM_FEATURES, { REDIS_URL: `redis://:${password}@127.0.0.1:${port}` });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    redis?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a client without the password', async () => {
    const anonymous = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    anonymous.on('error', () => undefined);
    try {
      await expect(anonymous.ping()).rejects.toThrow(/NOAUTH/);
    } finally {
      anonymous.disconnect();
    }
  });

  it('serves health and runs the outbox through queues and workers; the append-only file is written', async () => {
    const http = new HttpClient(t.app);
    const health = await http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.info.redis.status).toBe('up');

    const registered = await http.post('/api/seekers/register', {
      name: '陈美玲', residentId: makeResidentId('460106', '1994-05-06', 21), phone: '13976541234', regionCode: '460106',
      desiredOccupations: ['4-10-01-05'], username: 'chen-meiling', password: 'long-enough-pw',
    });
    expect(registered.status).toBe(201);
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    await eventually(async () => (await engine.get('seekers', registered.body.id)) !== null, 'seeker indexed through the queue');
    // Redis 7 keeps its append-only files in appendonlydir/, Redis 6 in appendonly.aof.
    expect(existsSync(join(dir, 'appendonlydir')) || existsSync(join(dir, 'appendonly.aof'))).toBe(true);
  }, 90_000);
});
