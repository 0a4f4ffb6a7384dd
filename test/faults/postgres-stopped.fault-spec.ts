import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { makeResidentId } from '@app/identifiers';
import { PlatformProcess, PrivatePostgres, reportFigures, sleep, waitFor } from './fault-kit';

/**
 * Fault scenario (release script, `npm run faults`): PostgreSQL stopped for 20 s while registrations keep coming.
 * During the outage every answer is 503 SERVICE_UNAVAILABLE in the error shape (never 500, never a hang); after it
 * the platform serves again without a restart; every acknowledged write (201) is in the database. Runs on a private
 * PostgreSQL cluster on its own port, started and stopped by this scenario (never the shared server).
 * database-outage.e2e-spec.ts covers the short form (one stop, in-process) in CI.
 */
describe('fault: PostgreSQL stopped for 20 s under writes', () => {
  const OUTAGE_MS = 20_000;
  const WRITERS = 4;
  let postgres: PrivatePostgres;
  let platform: PlatformProcess;

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    const admin = new Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE pes_fault');
    await admin.end();
    platform = await PlatformProcess.create({ DATABASE_URL: postgres.url('pes_fault'), QUEUE_PREFIX: `fault-${randomBytes(4).toString('hex')}` });
  }, 120_000);
  afterAll(async () => {
    await platform?.kill();
    postgres?.destroy();
  });

  it('503 during, recovery after, every acknowledged write present', async () => {
    await platform.start(); // applies the migrations to the empty database

    type Phase = 'before' | 'during' | 'after';
    let phase: Phase = 'before';
    let stopping = false;
    let next = 0;
    const acknowledged: { i: number; phase: Phase }[] = [];
    const statuses: Record<Phase, Record<string, number>> = { before: {}, during: {}, after: {} };
    const badBodies: unknown[] = [];
    let firstAcknowledgedAfter: number | null = null;
    const person = (i: number) => ({
      name: `求职者${i}`, residentId: makeResidentId('460106', `19${70 + Math.floor(i / 1000)}-05-06`, i % 1000), phone: `1360000${String(i % 10000).padStart(4, '0')}`,
      regionCode: '460106', desiredOccupations: ['4-10-01-05'], username: `outage-${i}`, password: 'long-enough-pw',
    });
    const writer = async () => {
      while (!stopping) {
        const i = next++;
        const sentIn = phase;
        let key: string;
        try {
          const response = await platform.request('POST', '/api/seekers/register', person(i));
          key = String(response.status);
          if (response.status === 201) {
            acknowledged.push({ i, phase: sentIn });
            if (phase === 'after' && firstAcknowledgedAfter === null) firstAcknowledgedAfter = Date.now();
          } else if (response.status !== 503 || (response.body as { code?: string })?.code !== 'SERVICE_UNAVAILABLE') {
            badBodies.push(response.body);
          }
        } catch (error) {
          key = `error: ${(error as Error).name}`;
        }
        statuses[sentIn][key] = (statuses[sentIn][key] ?? 0) + 1;
        if (phase === 'during') await sleep(100);
      }
    };
    const writers = Promise.all(Array.from({ length: WRITERS }, writer));

    await sleep(5000);
    phase = 'during';
    postgres.stop('fast');
    const stoppedAt = Date.now();
    await sleep(1000);
    const healthDuring = await platform.health();
    await sleep(OUTAGE_MS - (Date.now() - stoppedAt));
    postgres.start();
    const startedAt = Date.now();
    phase = 'after';
    await waitFor('a write to be acknowledged after the outage', () => firstAcknowledgedAfter !== null, 60_000);
    const recoveryMs = firstAcknowledgedAfter! - startedAt;
    await sleep(5000);
    stopping = true;
    await writers;

    const db = new Client({ connectionString: postgres.url('pes_fault') });
    await db.connect();
    const present = new Set(
      (await db.query(`SELECT username FROM app_user WHERE username = ANY($1)`, [acknowledged.map(({ i }) => person(i).username)])).rows.map((r) => r.username),
    );
    const seekers = (await db.query(`SELECT count(*)::int AS n FROM seeker`)).rows[0].n;
    const accounts = (await db.query(`SELECT count(*)::int AS n FROM app_user WHERE username LIKE 'outage-%'`)).rows[0].n;
    await db.end();

    const figures = {
      outageMs: startedAt - stoppedAt,
      writers: WRITERS,
      statuses,
      acknowledged: acknowledged.length,
      acknowledgedPresent: present.size,
      seekersInDatabase: seekers,
      unacknowledgedButCommitted: accounts - acknowledged.length,
      healthDuring,
      recoveryMs,
    };
    reportFigures('PostgreSQL stopped 20 s under writes', figures);
    if (badBodies.length) process.stdout.write(`platform errors:\n${platform.errors.join('\n')}\n`);
    expect(badBodies).toEqual([]);
    expect(Object.keys(statuses.during).filter((status) => status !== '503' && status !== '201')).toEqual([]);
    expect(statuses.during['503']).toBeGreaterThan(0);
    expect(healthDuring).toBe(503);
    expect(present.size).toBe(acknowledged.length);
    expect(seekers).toBe(accounts);
    expect(acknowledged.filter((a) => a.phase === 'after').length).toBeGreaterThan(0);
  }, 240_000);
});
