import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createTestApp, Factories, runId, TEST_SERVER_URL, TestApp, withAdminClient } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const run = promisify(execFile);
const DEPLOY = join(__dirname, '../../deploy');
/** The server's own client tools when installed the Debian way; otherwise whatever PATH has. */
const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((dir) => existsSync(join(dir, 'pg_dump')));

/** Issue 12, finding 13: deploy/backup.sh and deploy/restore.sh, run against the local PostgreSQL. */
describe('backup and restore scripts', () => {
  let t: TestApp;
  const out = mkdtempSync(join(tmpdir(), 'backup-'));
  const server = new URL(TEST_SERVER_URL);
  const env = () => ({
    PATH: process.env.PATH,
    PGHOST: server.hostname,
    PGPORT: server.port || '5432',
    PGUSER: decodeURIComponent(server.username) || 'postgres',
    PGDATABASE: t.database.name,
    ...(PG_BIN ? { PG_BIN } : {}),
  });
  const scratch = () => `pes_test_${runId()}_${randomBytes(5).toString('hex')}`;
  const databaseExists = (name: string) => withAdminClient(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES);
    const factories = new Factories(t.app);
    for (let i = 0; i < 3; i++) await factories.employer();
    for (let i = 0; i < 5; i++) await factories.seeker();
    await t.app.get<DataSource>(getDataSourceToken()).query(
      `INSERT INTO audit_log (action, result, status_code) SELECT 'GET /api/health', 'ok', 200 FROM generate_series(1, 7)`,
    );
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('dumps in custom format with the per-table row counts of the dump, and a restore reproduces every count', async () => {
    const backup = await run('sh', [join(DEPLOY, 'backup.sh'), out], { env: env() });
    expect(backup.stdout).toMatch(/^backup: .*\.dump \(\d+ tables, \d+ rows\)/);
    const dump = join(out, readdirSync(out).find((file) => file.endsWith('.dump'))!);
    expect(readFileSync(dump).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    const counts = new Map(readFileSync(`${dump}.counts`, 'utf8').trim().split('\n').map((line) => line.split(' ') as [string, string]));
    expect(counts.get('public.audit_log')).toBe('7');
    expect(counts.get('public.seeker')).toBe('5');
    expect(counts.get('public.employer')).toBe('3');

    // The dump's counts are the source's counts (a quiet database).
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    for (const [table, rows] of counts) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect(`${table} ${n}`).toBe(`${table} ${rows}`);
    }

    const target = scratch();
    const restored = await run('sh', [join(DEPLOY, 'restore.sh'), dump, target], { env: env() });
    expect(restored.stdout).toMatch(new RegExp(`-> ${target}: ${counts.size} tables, \\d+ rows, every count matches`));
    expect(await databaseExists(target)).toBe(false); // a scratch copy is dropped again
  }, 120_000);

  it('fails, naming the table, when a restored count differs from the dump', async () => {
    const dump = join(out, readdirSync(out).find((file) => file.endsWith('.dump'))!);
    const counts = readFileSync(`${dump}.counts`, 'utf8');
    writeFileSync(`${dump}.counts`, counts.replace(/^public\.seeker 5$/m, 'public.seeker 6'));
    const target = scratch();
    const failed = await run('sh', [join(DEPLOY, 'restore.sh'), dump, target], { env: env() }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/< public\.seeker 6\n> public\.seeker 5/);
    expect(await databaseExists(target)).toBe(false);
    writeFileSync(`${dump}.counts`, counts);
  }, 120_000);
});
