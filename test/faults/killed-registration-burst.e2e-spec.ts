import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { makeResidentId } from '@app/identifiers';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { PlatformProcess, reportFigures } from './fault-kit';

/**
 * Fault scenario: the platform process is killed (SIGKILL) in the middle of a burst of self-registrations, then
 * started again. Nothing acknowledged is lost (every 201 has its profile, its account and its outbox row), nothing
 * is half-written (no profile without its account) and nothing is duplicated: re-sending every unacknowledged
 * registration either registers it now or finds it already registered (committed, only the answer was lost), and
 * then each person is registered exactly once. The platform runs as a real child process on this test's own database
 * (on the shared server, which is never stopped) and queue prefix.
 */
describe('fault: the platform killed mid-registration burst', () => {
  const PEOPLE = 80;
  const CONCURRENCY = 12;
  const KILL_AFTER_ACKNOWLEDGED = 30;
  let database: TestDatabase;
  let platform: PlatformProcess;
  let db: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await PlatformProcess.create({ DATABASE_URL: database.url, QUEUE_PREFIX: `fault-${randomBytes(4).toString('hex')}` });
    db = new Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await platform?.kill();
    await db?.end();
    await database?.drop();
  });

  const person = (i: number) => ({
    name: `求职者${i}`,
    residentId: makeResidentId('460106', '1991-03-04', i),
    phone: `1350000${String(i).padStart(4, '0')}`,
    regionCode: '460106',
    desiredOccupations: ['4-10-01-05'],
    username: `burst-${i}`,
    password: 'long-enough-pw',
  });
  const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;

  it(`${PEOPLE} registrations, ${CONCURRENCY} at a time, killed after ${KILL_AFTER_ACKNOWLEDGED} answers: nothing lost, nothing duplicated`, async () => {
    const firstStartMs = await platform.start();

    const outcome = new Map<number, 'acknowledged' | 'refused' | 'unanswered'>();
    let next = 0;
    let killing: Promise<void> | null = null;
    const sender = async () => {
      while (!killing && next < PEOPLE) {
        const i = next++;
        try {
          const response = await platform.request('POST', '/api/seekers/register', person(i));
          outcome.set(i, response.status === 201 ? 'acknowledged' : 'refused');
          if (response.status !== 201) throw new Error(`registration ${i} refused before the kill: ${response.status} ${JSON.stringify(response.body)}`);
        } catch (error) {
          if (!killing) throw error;
          outcome.set(i, 'unanswered');
        }
        if (!killing && [...outcome.values()].filter((o) => o === 'acknowledged').length >= KILL_AFTER_ACKNOWLEDGED) killing = platform.kill();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    await killing;
    const acknowledged = [...outcome].filter(([, o]) => o === 'acknowledged').map(([i]) => i);
    const unanswered = [...outcome].filter(([, o]) => o === 'unanswered').map(([i]) => i);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);

    // Right after the kill, before any restart: what was acknowledged is committed, whole.
    const usernames = acknowledged.map((i) => person(i).username);
    expect(await count(`SELECT count(*)::int AS n FROM app_user u JOIN seeker s ON s.id = u.seeker_id WHERE u.username = ANY($1)`, [usernames])).toBe(acknowledged.length);
    expect(await count(`SELECT count(*)::int AS n FROM seeker s WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.seeker_id = s.id)`)).toBe(0);
    const committedAtKill = await count(`SELECT count(*)::int AS n FROM seeker`);

    const restartMs = await platform.start();
    // Every registration not acknowledged is sent again, as a person whose page showed an error would.
    const again = new Map<number, number>();
    const resend = [...unanswered, ...Array.from({ length: PEOPLE }, (_, i) => i).filter((i) => !outcome.has(i))];
    for (let k = 0; k < resend.length; k += CONCURRENCY) {
      await Promise.all(resend.slice(k, k + CONCURRENCY).map(async (i) => again.set(i, (await platform.request('POST', '/api/seekers/register', person(i))).status)));
    }
    const foundRegistered = [...again].filter(([, status]) => status === 400).map(([i]) => i);
    expect([...again.values()].every((status) => status === 201 || status === 400)).toBe(true);
    // A registration found already registered was committed before the kill: its account works.
    for (const i of foundRegistered) expect(unanswered).toContain(i);
    for (const i of foundRegistered.slice(0, 5)) await platform.login(person(i).username, person(i).password);

    // Each person once: a profile, an account tied to it, an outbox row for the index.
    expect(await count(`SELECT count(*)::int AS n FROM seeker`)).toBe(PEOPLE);
    expect(await count(`SELECT count(DISTINCT resident_id_hash)::int AS n FROM seeker`)).toBe(PEOPLE);
    expect(await count(`SELECT count(*)::int AS n FROM app_user WHERE role = 'seeker' AND username LIKE 'burst-%'`)).toBe(PEOPLE);
    expect(await count(`SELECT count(*)::int AS n FROM seeker s WHERE NOT EXISTS (SELECT 1 FROM app_user u WHERE u.seeker_id = s.id)`)).toBe(0);
    expect(await count(`SELECT count(DISTINCT aggregate_id)::int AS n FROM outbox_event WHERE topic = 'seeker.changed'`)).toBe(PEOPLE);

    reportFigures('killed mid-registration burst', {
      people: PEOPLE,
      concurrency: CONCURRENCY,
      acknowledgedBeforeKill: acknowledged.length,
      unansweredAtKill: unanswered.length,
      committedAtKill,
      foundAlreadyRegisteredOnResend: foundRegistered.length,
      registeredAfter: PEOPLE,
      firstStartMs,
      restartMs,
    });
  }, 180_000);
});
