import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { CoreModule } from '@app/core';
import { generateDataset } from '@app/demo-data';
import { createTestDatabase, Factories, TEST_PASSWORD, TestDatabase, testConfig } from '@app/testing';
import { loadTier } from '../../bench/rematch.bench';
import { PlatformProcess, reportFigures, waitFor } from './fault-kit';

/**
 * Fault scenario (release script, `npm run faults`): the platform process is killed (SIGKILL) while a full re-match
 * is part-way through its shards, then started again. BullMQ finds the flow's jobs stalled (their locks lapse:
 * about 30 s, hence not in CI) and runs them again; the run ends `complete` with the same recommendations a clean
 * run on the same data gives: nothing lost, nothing twice. Tier S data (1,000 shortages, 10,000 seekers) on this
 * scenario's own database and queue prefix.
 */
describe('fault: the platform killed mid-re-match', () => {
  let database: TestDatabase;
  let platform: PlatformProcess;
  let db: Client;
  let admin: { username: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url);
    const seeding = await NestFactory.createApplicationContext(CoreModule.forRoot(config, []), { logger: false });
    try {
      await loadTier(seeding, generateDataset({ seed: 7, tier: 'S', referenceDate: new Date().toISOString().slice(0, 10) }));
      admin = await new Factories(seeding).user('admin');
    } finally {
      await seeding.close();
    }
    platform = await PlatformProcess.create({ DATABASE_URL: database.url, QUEUE_PREFIX: config.QUEUE_PREFIX });
    db = new Client({ connectionString: database.url });
    await db.connect();
  }, 300_000);
  afterAll(async () => {
    await platform?.kill();
    await db?.end();
    await database?.drop();
  });

  const progress = async (token: string, id: string) => (await platform.request('GET', `/api/matching/runs/${id}`, undefined, token)).body;
  const run = async (id: string) => (await db.query(`SELECT status FROM match_run WHERE id = $1`, [id])).rows[0].status as string;
  const pairs = async (id: string) =>
    new Set((await db.query(`SELECT shortage_id || ':' || seeker_id AS pair FROM match_result WHERE run_id = $1`, [id])).rows.map((r) => r.pair as string));

  it('resumes after a restart and gives the recommendations of a clean run', async () => {
    await platform.start();
    let token = await platform.login(admin.username, TEST_PASSWORD);
    const started = await platform.request('POST', '/api/matching/runs', undefined, token);
    expect(started.status).toBe(202);
    const killedRun = started.body.id as string;
    await waitFor('the first shards to finish', async () => {
      const seen = await progress(token, killedRun);
      if (seen.status !== 'running') throw new Error(`the run ended before the kill: ${JSON.stringify(seen)}`);
      return seen.shardsDone >= 1;
    }, 120_000, 50);
    await platform.kill();
    const atKill = (await db.query(`SELECT count(*)::int AS n FROM match_run_shard WHERE run_id = $1`, [killedRun])).rows[0].n;
    const killedAt = Date.now();

    await platform.start();
    token = await platform.login(admin.username, TEST_PASSWORD);
    await waitFor('the killed run to end after the restart', async () => (await run(killedRun)) !== 'running', 300_000, 500);
    const completedAfterKillMs = Date.now() - killedAt;
    const resumed = await progress(token, killedRun);
    expect(resumed.status).toBe('complete');

    // The same data, a clean run: the same recommendations.
    const clean = await platform.request('POST', '/api/matching/runs', undefined, token);
    expect(clean.status).toBe(202);
    await waitFor('the clean run to end', async () => (await run(clean.body.id)) !== 'running', 300_000, 500);
    const reference = await progress(token, clean.body.id);
    expect(reference.status).toBe('complete');
    const [after, expected] = [await pairs(killedRun), await pairs(clean.body.id)];
    const missing = [...expected].filter((pair) => !after.has(pair)).length;
    const extra = [...after].filter((pair) => !expected.has(pair)).length;

    reportFigures('killed mid-re-match', {
      shardsTotal: resumed.shardsTotal,
      shardsScoredAtKill: atKill,
      completedAfterKillMs,
      recommendations: resumed.recommendations,
      cleanRunRecommendations: reference.recommendations,
      missingVersusClean: missing,
      extraVersusClean: extra,
    });
    expect(resumed.shardsDone).toBe(resumed.shardsTotal);
    expect(resumed.recommendations).toBe(reference.recommendations);
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
  }, 600_000);
});
