import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CoreModule } from '@app/core';
import { Shortage } from '@app/employer-demand';
import { migrateDatabase } from '@app/database';
import { makeResidentId } from '@app/identifiers';
import { createHttpApp } from '@app/http';
import { MatchRunsService } from '@app/matching';
import { createTestDatabase, Factories, HttpClient, runId, TEST_SERVER_URL, testConfig, withAdminClient } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const run = promisify(execFile);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SCRIPT = join(__dirname, '../../deploy/postgres/db-access.sh');

/**
 * Issue 12, finding 13: the services connect as a runtime role that cannot touch the audit trail's trigger or
 * rows; the migrations run as a separate, non-superuser migration role. Runs deploy/postgres/db-access.sh (the
 * script docker-compose.yml runs) against the local PostgreSQL, on a fresh database with roles of its own.
 */
describe('database roles of the production shape', () => {
  const name = `pes_test_${runId()}_${randomBytes(5).toString('hex')}`;
  const migratorRole = `${name}_mig`;
  const appRole = `${name}_app`;
  const server = new URL(TEST_SERVER_URL);
  const urlFor = (role: string) => `postgres://${role}:${randomBytes(12).toString('hex')}@${server.hostname}:${server.port || 5432}/${name}`;
  const migratorUrl = urlFor(migratorRole);
  const appUrl = urlFor(appRole);
  const secrets = mkdtempSync(join(tmpdir(), 'db-roles-'));
  let app: Client;

  const dbAccess = (step: string) => {
    writeFileSync(join(secrets, 'migrator'), `${migratorUrl}\n`);
    writeFileSync(join(secrets, 'app'), `${appUrl}\n`);
    return run('sh', [SCRIPT, step], {
      env: { ...dbAccessEnv(), MIGRATOR_DATABASE_URL_FILE: join(secrets, 'migrator'), APP_DATABASE_URL_FILE: join(secrets, 'app') },
    });
  };
  const dbAccessEnv = () => ({
    PATH: process.env.PATH,
    PGHOST: server.hostname,
    PGPORT: server.port || '5432',
    PGUSER: decodeURIComponent(server.username) || 'postgres',
  });

  beforeAll(async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    await dbAccess('roles');
    await migrateDatabase({ DATABASE_URL: migratorUrl });
    await dbAccess('grants');
    // Run twice: every `docker compose up` does.
    await dbAccess('roles');
    await dbAccess('grants');
    app = new Client({ connectionString: appUrl });
    await app.connect();
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await withAdminClient(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${appRole}`);
      await client.query(`DROP ROLE IF EXISTS ${migratorRole}`);
    });
    rmSync(secrets, { recursive: true, force: true });
  });

  it('the migrations ran as the migration role, which owns every table and is no superuser', async () => {
    const rows = await app.query(
      `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    expect(rows.rows).toEqual([{ owner: migratorRole }]);
    const roles = await app.query(`SELECT rolname, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname IN ($1, $2) ORDER BY rolname`, [appRole, migratorRole]);
    expect(roles.rows.map((r) => [r.rolsuper, r.rolcreaterole, r.rolcreatedb])).toEqual([[false, false, false], [false, false, false]]);
  });

  it('the runtime role appends and reads audit rows but cannot change, delete or truncate them, nor touch the trigger', async () => {
    await app.query(`INSERT INTO audit_log (action, result, status_code) VALUES ('GET /api/health', 'ok', 200)`);
    expect(Number((await app.query(`SELECT count(*) FROM audit_log`)).rows[0].count)).toBeGreaterThanOrEqual(1);

    const refusals: [string, RegExp][] = [
      [`UPDATE audit_log SET result = 'forged'`, /permission denied/],
      [`DELETE FROM audit_log`, /permission denied/],
      [`TRUNCATE audit_log`, /permission denied/],
      [`DROP TRIGGER audit_log_append_only ON audit_log`, /must be owner/],
      [`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`, /must be owner/],
      [`ALTER TABLE audit_log DISABLE TRIGGER ALL`, /must be owner/],
      [`CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`, /must be owner|permission denied/],
      [`DROP FUNCTION audit_log_guard() CASCADE`, /must be owner/],
      [`DROP TABLE audit_log`, /must be owner/],
      [`SET session_replication_role = replica`, /permission denied/],
      [`CREATE TABLE shadow (id int)`, /permission denied/],
      [`DELETE FROM schema_migrations`, /permission denied/],
    ];
    for (const [sql, refused] of refusals) {
      const error = await app.query(sql).then(() => null, (e: Error) => e);
      expect(`${sql}: ${error?.message ?? 'succeeded'}`).toMatch(refused);
    }
    const triggers = await app.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgenabled = 'O' ORDER BY tgname`);
    expect(triggers.rows.map((r) => r.tgname)).toEqual(['audit_log_append_only', 'audit_log_no_truncate']);
  });

  it('hands a database first migrated by the superuser (older deployments) over to the migration role', async () => {
    const old = await createTestDatabase();
    const oldMigrator = `${old.name}_mig`;
    const oldApp = `${old.name}_app`;
    const files = mkdtempSync(join(tmpdir(), 'db-roles-old-'));
    const oldUrl = (role: string) => `postgres://${role}:pw${randomBytes(6).toString('hex')}@${server.hostname}:${server.port || 5432}/${old.name}`;
    writeFileSync(join(files, 'migrator'), oldUrl(oldMigrator));
    writeFileSync(join(files, 'app'), oldUrl(oldApp));
    const env = { ...dbAccessEnv(), MIGRATOR_DATABASE_URL_FILE: join(files, 'migrator'), APP_DATABASE_URL_FILE: join(files, 'app') };
    let client: Client | undefined;
    try {
      await run('sh', [SCRIPT, 'roles'], { env });
      await run('sh', [SCRIPT, 'grants'], { env });
      client = new Client({ connectionString: oldUrl(oldApp) });
      await client.connect();
      const owners = await client.query(
        `SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v')`,
      );
      expect(owners.rows).toEqual([{ owner: oldMigrator }]);
      const drop = await client.query(`DROP TRIGGER audit_log_append_only ON audit_log`).then(() => 'dropped', (e: Error) => e.message);
      expect(drop).toMatch(/must be owner/);
    } finally {
      await client?.end();
      await old.drop();
      await withAdminClient(async (admin) => {
        await admin.query(`DROP ROLE IF EXISTS ${oldApp}`);
        await admin.query(`DROP ROLE IF EXISTS ${oldMigrator}`);
      });
      rmSync(files, { recursive: true, force: true });
    }
  }, 60_000);

  it('the platform works as the runtime role: registration, sign-in and their audit rows', async () => {
    const config = testConfig(appUrl);
    let platform: NestFastifyApplication | undefined;
    try {
      platform = await createHttpApp(CoreModule.forRoot(config, PLATFORM_FEATURES), config, { title: 'test', description: 'test' });
      await platform.getHttpAdapter().getInstance().ready();
      const http = new HttpClient(platform);
      expect((await http.get('/api/health')).status).toBe(200);
      const registered = await http.post('/api/seekers/register', {
        name: '李晓雯', residentId: makeResidentId('460106', '1992-03-04', 12), phone: '13976549876', regionCode: '460106', desiredOccupations: ['4-10-01-05'],
        username: 'li-xiaowen', password: 'long-enough-pw',
      });
      expect(registered.status).toBe(201);
      expect((await http.post('/api/auth/login', { username: 'li-xiaowen', password: 'long-enough-pw' })).status).toBe(200);
      const audit = await app.query(`SELECT count(*) FROM audit_log WHERE action LIKE 'POST /api/%'`);
      expect(Number(audit.rows[0].count)).toBeGreaterThanOrEqual(1);
    } finally {
      await platform?.close();
    }
  }, 60_000);

  it('a full re-match completes as the runtime role, and a seeker’s deletion erases their recommendations', async () => {
    const config = testConfig(appUrl);
    let platform: NestFastifyApplication | undefined;
    try {
      platform = await createHttpApp(CoreModule.forRoot(config, PLATFORM_FEATURES), config, { title: 'test', description: 'test' });
      const factories = new Factories(platform);
      const employer = await factories.employer();
      const seeker = await factories.seeker({
        regionCode: '460106', lat: 20.02, lng: 110.32, travelRadiusKm: 20, desiredOccupations: ['4-10-01-05'], skills: [{ name: '生活照料', level: 3 }],
        skillLevel: 3, wageExpectation: 5000, workTypes: ['full_time'], availableFrom: inDays(0),
      } as never);
      await platform.get<DataSource>(getDataSourceToken()).getRepository(Shortage).save({
        employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 4500, wageMax: 6000,
        workType: 'full_time', regionCode: '460106', address: '护理院', lat: 20.02, lng: 110.32, startDate: inDays(7), deadline: inDays(60), description: '生活照料', status: 'open',
        requiredSkills: [{ name: '生活照料', level: 2 }],
      });
      // The steps the matcher's jobs take (apps/matcher), run here in order.
      const runs = platform.get(MatchRunsService);
      const run = await runs.request('admin', null);
      for (const shard of await runs.plan(run.id, 2)) await runs.scoreShard(run.id, shard);
      await runs.finalize(run.id);
      expect(await runs.progress(run.id)).toMatchObject({ status: 'complete', recommendations: 1 });
      // The scratch pairs were emptied (TRUNCATE, granted on that table only).
      expect(Number((await app.query(`SELECT count(*) FROM match_candidate`)).rows[0].count)).toBe(0);
      await app.query(`DELETE FROM seeker WHERE id = $1`, [seeker.id]);
      expect(Number((await app.query(`SELECT count(*) FROM match_result WHERE seeker_id = $1`, [seeker.id])).rows[0].count)).toBe(0);
    } finally {
      await platform?.close();
    }
  }, 60_000);
});
