import { getDataSourceToken } from '@nestjs/typeorm';
import { FlowProducer, Job, Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { Employer, Shortage } from '@app/employer-demand';
import { MatchRunsService } from '@app/matching';
import { MATCH_JOBS, QUEUES, redisOptions, redriveDeadLetters } from '@app/queue';
import { createTestApp, Factories, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';
import { MatchRunFlow } from '../../apps/matcher/src/match-run.flow';
import { handleMatchingJob } from '../../apps/matcher/src/matching.processor';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function until(check: () => Promise<boolean>, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The matching flow under failure, with workers this test controls (the app here runs no processors):
 * a worker killed in the middle of a shard, and a shard that crashes on every attempt until redriven.
 */
describe('matching jobs survive killed workers and repeated crashes', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let runs: MatchRunsService;
  let flows: FlowProducer;
  let queue: Queue;
  let flow: MatchRunFlow;
  const workers: Worker[] = [];

  const connection = () => ({ connection: redisOptions(t.config.REDIS_URL), prefix: t.config.QUEUE_PREFIX });
  const worker = (handler: (job: Job) => Promise<unknown>) => {
    const w = new Worker(QUEUES.matching, handler, { ...connection(), lockDuration: 1000, stalledInterval: 500, maxStalledCount: 2 });
    workers.push(w);
    return w;
  };
  const runStatus = async (runId: string) => (await dataSource.query(`SELECT status FROM match_run WHERE id = $1`, [runId]))[0].status;
  const results = (runId: string) =>
    dataSource.query(`SELECT shortage_id, seeker_id, round(score::numeric, 6) AS score FROM match_result WHERE run_id = $1 ORDER BY 1, 2`, [runId]);

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    runs = t.app.get(MatchRunsService);
    flows = new FlowProducer(connection());
    queue = new Queue(QUEUES.matching, connection());
    flow = new MatchRunFlow(flows, queue, runs, t.config);
    const factories = new Factories(t.app);
    const employer: Employer = await factories.employer();
    // Two regions x one trade: one shard (a full run's shard is an occupation group across the province).
    for (const [regionCode, lat, lng] of [['460106', 20.02, 110.32], ['460202', 18.25, 109.51]] as const) {
      for (let i = 0; i < 3; i++) {
        await factories.seeker({
          regionCode, lat: lat + i * 0.01, lng, travelRadiusKm: 20, desiredOccupations: ['4-10-01-05'], skills: [{ name: '生活照料', level: 3 }],
          skillLevel: 3, wageExpectation: 5000, workTypes: ['full_time'], availableFrom: inDays(0),
        } as never);
      }
      await dataSource.getRepository(Shortage).save({
        employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 4500, wageMax: 6000,
        workType: 'full_time', regionCode, address: '护理院', lat, lng, startDate: inDays(7), deadline: inDays(60), description: '生活照料', status: 'open',
        requiredSkills: [{ name: '生活照料', level: 2 }],
      });
    }
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close(true)));
    await flows.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await t.close();
  });

  it('a worker killed after a shard wrote its results: the job runs again elsewhere and the effect happens once', async () => {
    const clean = await runs.request('admin', null);
    await flow.start(clean.id);
    const cleanWorker = worker((job) => handleMatchingJob(runs, job));
    await until(async () => (await runStatus(clean.id)) === 'complete');
    await cleanWorker.close();

    const run = await runs.request('admin', null);
    const shards = await flow.start(run.id);
    expect(shards).toBe(1);
    // A change while the run scores: it must be replayed into the new version when the run completes.
    const [{ id: changedSeeker }] = await dataSource.query(`SELECT id FROM seeker LIMIT 1`);
    await dataSource.query(`INSERT INTO outbox_event (topic, aggregate_id) VALUES ('seeker.changed', $1)`, [changedSeeker]);
    const starts = new Map<string, number>();
    let killed!: () => void;
    const killedAfterEffect = new Promise<void>((resolve) => (killed = resolve));
    const doomed = worker(async (job) => {
      starts.set(job.id!, (starts.get(job.id!) ?? 0) + 1);
      await handleMatchingJob(runs, job);
      if (job.name === MATCH_JOBS.scoreShard) {
        killed();
        await new Promise(() => undefined); // dies here: the effect is written, the job is never acknowledged
      }
    });
    await killedAfterEffect;
    await doomed.close(true); // like a killed process: no completion, no lock renewal
    worker(async (job) => {
      starts.set(job.id!, (starts.get(job.id!) ?? 0) + 1);
      return handleMatchingJob(runs, job);
    });
    await until(async () => (await runStatus(run.id)) === 'complete');

    expect([...starts.values()].some((count) => count === 2)).toBe(true); // the killed shard ran twice
    const replayed = await dataSource.query(`SELECT id FROM outbox_event WHERE topic = 'seeker.changed' AND aggregate_id = $1`, [changedSeeker]);
    expect(replayed).toHaveLength(2);
    const [{ shards: counted }] = await dataSource.query(`SELECT count(*)::int AS shards FROM match_run_shard WHERE run_id = $1`, [run.id]);
    expect(counted).toBe(1);
    const progress = await runs.progress(run.id);
    expect(progress).toMatchObject({ status: 'complete', shardsTotal: 1, shardsDone: 1 });
    const [after, before] = [await results(run.id), await results(clean.id)];
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((r: { seeker_id: string }) => r.seeker_id)).toEqual(before.map((r: { seeker_id: string }) => r.seeker_id));
    await Promise.all(workers.splice(0).map((w) => w.close(true)));
  });

  it('a shard that crashes twice lands in the dead-letter list; redriving it completes the run', async () => {
    const run = await runs.request('admin', null);
    await flow.start(run.id, { attempts: 2, backoff: { type: 'fixed', delay: 50 } });
    let crashes = 0;
    let healthy = false;
    worker(async (job) => {
      if (job.name === MATCH_JOBS.scoreShard && job.data.group === '4-10' && !healthy) {
        crashes++;
        throw new Error('simulated crash in shard 4-10');
      }
      return handleMatchingJob(runs, job);
    });
    await until(async () => (await queue.getFailedCount()) === 1);
    expect(crashes).toBe(2);
    const [failed] = await queue.getFailed();
    expect(failed.failedReason).toBe('simulated crash in shard 4-10');
    expect(failed.attemptsMade).toBe(2);
    expect(await runStatus(run.id)).toBe('running'); // the parent waits for its child

    healthy = true;
    expect(await redriveDeadLetters(queue)).toBe(1);
    await until(async () => (await runStatus(run.id)) === 'complete');
    expect(await queue.getFailedCount()).toBe(0);
    expect((await runs.progress(run.id)).shardsDone).toBe(1);
  });

  it("a failed run's referrals (its shards write them as they go) are deleted when the next run completes", async () => {
    const [{ id: failedRun }] = await dataSource.query(`INSERT INTO match_run (status, trigger, finished_at, error) VALUES ('failed', 'admin', now(), 'lost') RETURNING id`);
    const [{ id: shortageId, occupation_code, region_code }] = await dataSource.query(`SELECT id, occupation_code, region_code FROM shortage LIMIT 1`);
    const [{ id: seekerId }] = await dataSource.query(`SELECT id FROM seeker LIMIT 1`);
    await dataSource.query(
      `INSERT INTO training_referral (run_id, shortage_id, seeker_id, occupation_code, region_code, score, gaps) VALUES ($1, $2, $3, $4, $5, 50, '[]')`,
      [failedRun, shortageId, seekerId, occupation_code, region_code],
    );
    const run = await runs.request('admin', null);
    await flow.start(run.id);
    worker((job) => handleMatchingJob(runs, job));
    await until(async () => (await runStatus(run.id)) === 'complete');
    expect(await dataSource.query(`SELECT 1 FROM training_referral WHERE run_id = $1`, [failedRun])).toHaveLength(0);
  });
});
