import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { ExplanationLog, ScoredPair } from '@app/matching';
import { createTestApp, Factories, TestApp } from '@app/testing';
import { copyReferrals, insertResults, lockPairWrites, sweepErasedReferrals } from '../../libs/matching/src/match-writer';

/**
 * A seeker's deletion erases their recommendations and training referrals in every version of the results, without
 * a foreign key (migration MatchPairsErasedWithSeeker…): by trigger, and against writers that read the seeker before
 * the deletion and write after it (the advisory lock writers hold until they commit).
 */
describe('match pairs leave with their seeker', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;
  const open: QueryRunner[] = [];

  const explanations = { json: () => '{"v":2,"f":[],"r":[],"g":[]}', reasons: () => [] } as unknown as ExplanationLog;
  const pair = (seekerId: string, shortageId = randomUUID()): ScoredPair => ({ shortageId, seekerId, score: 0.8, kind: 'eligible', explanations, explanationAt: 0 });
  const newRun = async (): Promise<string> => (await dataSource.query(`INSERT INTO match_run (status, trigger) VALUES ('complete', 'admin') RETURNING id`))[0].id;
  const pairsOf = async (seekerId: string) => {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM match_result WHERE seeker_id = $1)::int AS results, (SELECT count(*) FROM training_referral WHERE seeker_id = $1)::int AS referrals`,
      [seekerId],
    );
    return row as { results: number; referrals: number };
  };
  const transaction = async () => {
    const runner = dataSource.createQueryRunner();
    open.push(runner);
    await runner.connect();
    await runner.startTransaction();
    return runner;
  };
  /** Until some session waits for an advisory lock (the deletion's trigger). */
  const waitingForLock = async () => {
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      if (n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no session waits for the pair-write lock');
  };

  beforeAll(async () => {
    t = await createTestApp([]);
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
  });
  afterEach(async () => {
    for (const runner of open.splice(0)) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });
  afterAll(() => t.close());

  it('deleting a seeker deletes their pairs in every run, and no one else’s', async () => {
    const [leaving, staying] = [await factories.seeker(), await factories.seeker()];
    for (const runId of [await newRun(), await newRun()]) {
      const runner = await transaction();
      await insertResults(runner.manager, runId, [pair(leaving.id), pair(staying.id)]);
      const referral = { ...pair(leaving.id), kind: 'near_fit' as const };
      await copyReferrals(runner.manager, runId, [referral], new Map([[referral.shortageId, { occupationCode: '4-10-01-05', regionCode: '460106' }]]));
      await runner.commitTransaction();
    }
    expect(await pairsOf(leaving.id)).toEqual({ results: 2, referrals: 2 });
    await dataSource.query(`DELETE FROM seeker WHERE id = $1`, [leaving.id]);
    expect(await pairsOf(leaving.id)).toEqual({ results: 0, referrals: 0 });
    expect(await pairsOf(staying.id)).toEqual({ results: 2, referrals: 0 });
  });

  it('a deletion waits for a writer that read the seeker before it, then erases what the writer wrote', async () => {
    const seeker = await factories.seeker();
    const runId = await newRun();
    const writer = await transaction();
    await lockPairWrites(writer.manager);
    const deletion = await transaction();
    const deleted = deletion.query(`DELETE FROM seeker WHERE id = $1`, [seeker.id]);
    await waitingForLock();
    // The deletion is not committed: the writer still sees the seeker and writes the pair.
    await insertResults(writer.manager, runId, [pair(seeker.id)]);
    await writer.commitTransaction();
    await deleted;
    await deletion.commitTransaction();
    expect(await pairsOf(seeker.id)).toEqual({ results: 0, referrals: 0 });
  });

  it('a writer that starts after a deletion writes nothing for that seeker', async () => {
    const seeker = await factories.seeker();
    const runId = await newRun();
    await dataSource.query(`DELETE FROM seeker WHERE id = $1`, [seeker.id]);
    const writer = await transaction();
    await lockPairWrites(writer.manager);
    await insertResults(writer.manager, runId, [pair(seeker.id)]);
    await writer.commitTransaction();
    expect(await pairsOf(seeker.id)).toEqual({ results: 0, referrals: 0 });
  });

  it('finalize sweeps a referral a shard wrote for a seeker deleted meanwhile', async () => {
    const seeker = await factories.seeker();
    const runId = await newRun();
    const shard = await transaction();
    const referral = { ...pair(seeker.id), kind: 'near_fit' as const };
    await copyReferrals(shard.manager, runId, [referral], new Map([[referral.shortageId, { occupationCode: '4-10-01-05', regionCode: '460106' }]]));
    // A shard holds no lock: the deletion commits first and cannot see the shard's uncommitted row.
    await dataSource.query(`DELETE FROM seeker WHERE id = $1`, [seeker.id]);
    await shard.commitTransaction();
    expect(await pairsOf(seeker.id)).toEqual({ results: 0, referrals: 1 });
    const finalize = await transaction();
    await lockPairWrites(finalize.manager);
    await sweepErasedReferrals(finalize.manager, runId);
    await finalize.commitTransaction();
    expect(await pairsOf(seeker.id)).toEqual({ results: 0, referrals: 0 });
  });

  it('emptying the seekers empties the pairs', async () => {
    const seeker = await factories.seeker();
    const writer = await transaction();
    await insertResults(writer.manager, await newRun(), [pair(seeker.id)]);
    await writer.commitTransaction();
    await dataSource.query(`TRUNCATE seeker CASCADE`);
    expect(await pairsOf(seeker.id)).toEqual({ results: 0, referrals: 0 });
  });
});
