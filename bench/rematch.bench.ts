import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { FieldCipher } from '@app/crypto';
import { generateDataset, Tier } from '@app/demo-data';
import { Employer, Shortage } from '@app/employer-demand';
import { MatchRunsService } from '@app/matching';
import { MATCH_JOB_OPTIONS, MATCH_JOBS, QUEUES, redisOptions } from '@app/queue';
import { ingestSeekers, SeekerIngestRow } from '@app/seeker-pool';
import { Taxonomy } from '@app/taxonomy';
import { cpuScaling } from './cpu-scaling';
import { toRow } from './ingest.bench';
import { elapsedMs, fromTimes, report } from './measure';
import { PostgresCpuSamples } from './postgres-cpu';
import { withTierDatabase } from './tier-database';

/** B6: enqueue id-only match jobs with addBulk (deterministic job ids), into a private queue prefix. */
export async function benchEnqueue(tier: Tier, seed: number): Promise<void> {
  const n = tier === 'S' ? 20_000 : tier === 'M' ? 60_000 : 200_000;
  const config = loadConfig(process.env, { QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}` });
  const queue = new Queue(QUEUES.matching, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      for (let start = 0; start < n; start += 1000) {
        await queue.addBulk(
          Array.from({ length: Math.min(1000, n - start) }, (_, i) => ({
            name: MATCH_JOBS.scoreShard,
            data: { runId: `run-${run}`, regionCode: '460106', group: `g-${start + i}` },
            opts: { ...MATCH_JOB_OPTIONS, jobId: `bench-${run}-${start + i}` },
          })),
        );
      }
      times.push(elapsedMs(started));
    }
    report(fromTimes('B6', tier, seed, n, 'jobs/s enqueued (addBulk, 1,000 per call)', times));
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/**
 * B8 (and B16): end-to-end full re-match on a database holding the tier's seekers and shortages (kept between runs at
 * L: tier-database.ts): the admin's request (run row + outbox row), relay, BullMQ flow (one job per region x
 * occupation group), scoring, one allocation over all shards, results written. The work is done by N separate
 * matcher processes (matcher-process.ts) consuming the same queue, for each N of `BENCH_B8_WORKERS` (default 1,2 at
 * S and M, 2 at L), one after the other on the same data; wall time from request to a complete run; stalled jobs
 * counted from queue events. Each figure is printed with the load average and its ratio to the first N's time; with
 * several N, beside the bound this machine's cores set on that ratio (`cpuScaling`, measured first).
 */
export async function benchRematch(tier: Tier, seed: number): Promise<void> {
  const referenceDate = new Date().toISOString().slice(0, 10);
  const workerCounts = (process.env.BENCH_B8_WORKERS ?? (tier === 'L' ? '2' : '1,2')).split(',').map(Number);
  await withTierDatabase(
    { purpose: 'rematch', tier, seed, version: `rematch-1:${referenceDate}` },
    async (url) => {
      const dataset = generateDataset({ seed, tier, referenceDate });
      const config = benchConfig(url);
      const loadStarted = process.hrtime.bigint();
      await withContext(config, [], async (app) => void (await loadTier(app, dataset, (done) => console.error(`B8: ${tier} loading: ${done}`))));
      console.error(`B8: ${tier} data loaded in ${(elapsedMs(loadStarted) / 1000).toFixed(1)} s`);
    },
    async (url) => {
      // What two cores give here, measured before the runs it qualifies (B16).
      const cores = workerCounts.length > 1 ? await cpuScaling() : undefined;
      if (cores) console.error(`B8: this machine's cores, a CPU loop in one and in two processes at once (ms): ${JSON.stringify(cores)}`);
      let baseline: number | undefined;
      for (const workers of workerCounts) {
        const wall = await rematchWithWorkers(tier, seed, url, workers, baseline, cores?.parallel_bound);
        baseline ??= wall;
      }
    },
  );
}

const benchConfig = (url: string) =>
  loadConfig(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false', QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}` });

const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function rematchWithWorkers(tier: Tier, seed: number, url: string, workers: number, baseline: number | undefined, parallelBound?: number): Promise<number> {
  const config = benchConfig(url);
  await withContext(config, [], async (app) => {
    // Earlier runs' rows (and their follow-up outbox rows) out of the way: every measurement starts from the same state.
    const dataSource = app.get<DataSource>(getDataSourceToken());
    await dataSource.query(`TRUNCATE match_candidate, match_result, training_referral, match_run_shard, outbox_event`);
    await dataSource.query(`TRUNCATE match_run CASCADE`);
    await dataSource.query(`VACUUM ANALYZE match_candidate`);
  });
  const events = new QueueEvents(QUEUES.matching, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  let stalled = 0;
  events.on('stalled', () => (stalled += 1));
  await events.waitUntilReady();
  const children = Array.from({ length: workers }, () =>
    fork(join(__dirname, 'matcher-process.js'), [], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false', QUEUE_PREFIX: config.QUEUE_PREFIX },
      execArgv: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const ask = <T>(child: ChildProcess, message: string, answer: (m: unknown) => boolean) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if (!answer(m)) return;
        child.off('message', onMessage);
        resolve(m as T);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`B8: a matcher process exited with ${code}`)));
      if (message) child.send(message);
    });
  let wall = 0;
  try {
    await Promise.all(children.map((child) => ask(child, '', (m) => m === 'ready')));
    const loadBefore = loadAverage();
    await withContext(config, [], async (app) => {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const started = process.hrtime.bigint();
      const requestedAt = Date.now();
      const run = await app.get(MatchRunsService).request('admin', null);
      // PostgreSQL's own CPU through the run (its backends for this database), to split by phase below.
      const postgres = new PostgresCpuSamples();
      await postgres.sample(dataSource);
      let lastReport = Date.now();
      let lastSample = Date.now();
      for (;;) {
        const [{ status }] = await dataSource.query(`SELECT status FROM match_run WHERE id = $1`, [run.id]);
        if (status !== 'running') break;
        if (Date.now() - lastReport > 30_000) {
          lastReport = Date.now();
          const progress = await app.get(MatchRunsService).progress(run.id);
          console.error(`B8: ${workers} worker(s), ${Math.round(elapsedMs(started) / 1000)} s: ${progress.shardsDone}/${progress.shardsTotal} shards; load ${loadAverage().join(' ')}`);
        }
        if (Date.now() - lastSample >= 500) {
          lastSample = Date.now();
          await postgres.sample(dataSource);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await postgres.sample(dataSource);
      wall = elapsedMs(started);
      const progress = await app.get(MatchRunsService).progress(run.id);
      type Step = { ms: number; calls: number; first: number; last: number; cpuMs: number };
      type Stats = { stats: Record<string, Step>; cpuMs: number; peakRssMb: number };
      const stats = await Promise.all(children.map((child) => ask<Stats>(child, 'stats', (m) => typeof m === 'object' && m !== null && 'stats' in m)));
      console.error(`B8: ${workers} worker(s): ${JSON.stringify({ ...progress, stalled })}`);
      console.error(`B8: ${workers} worker(s), time in steps per process (ms, summed over concurrent jobs): ${JSON.stringify(stats)}`);
      const shardSteps = stats.map((s) => s.stats['shard total']).filter(Boolean);
      const finalize = stats.map((s) => s.stats.finalize).find(Boolean);
      const firstShard = Math.min(...shardSteps.map((s) => s.first));
      const lastShard = Math.max(...shardSteps.map((s) => s.last));
      // Wall time of the run's phases from the request: until the first shard starts (outbox relay, plan, flow), from
      // the first shard's start to the last one's end, until finalize starts, finalize (and its process's CPU); and
      // PostgreSQL's CPU in the shards and in finalize (sampled every half second, so to ±0.5 s of each boundary).
      console.error(
        `B8: ${workers} worker(s), phases (ms): ${JSON.stringify({
          requested_at: requestedAt,
          to_first_shard: firstShard - requestedAt,
          shards: lastShard - firstShard,
          to_finalize: finalize ? finalize.first - lastShard : null,
          finalize: finalize ? finalize.last - finalize.first : null,
          finalize_cpu: finalize ? Math.round(finalize.cpuMs) : null,
          shards_postgres_cpu: postgres.between(firstShard, lastShard),
          finalize_postgres_cpu: finalize ? postgres.between(finalize.first, Date.now()) : null,
        })}`,
      );
      const result = fromTimes('B8', tier, seed, progress.shortagesScored, 'shortages/s ranked, allocated and written (end to end)', [wall]);
      report({
        ...result,
        rss_mb: Math.max(...stats.map((s) => s.peakRssMb)),
        workers,
        jobs_per_process: config.MATCH_JOBS_PER_PROCESS,
        status: progress.status,
        shards: progress.shardsTotal,
        pairs: progress.pairsScored,
        stalled,
        worker_cpu_ms: stats.map((s) => s.cpuMs),
        ratio_to_first: baseline ? Math.round((wall / baseline) * 1000) / 1000 : 1,
        ...(baseline && parallelBound ? { cpu_loop_parallel_bound: parallelBound } : {}),
        load_before: loadBefore,
        load_after: loadAverage(),
      });
    });
  } finally {
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null ? undefined : new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.send('stop');
        }),
      ),
    );
    const queue = new Queue(QUEUES.matching, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
    await queue.obliterate({ force: true });
    // An open queue connection would keep the process alive after the last benchmark.
    await queue.close();
    await events.close();
  }
  return wall;
}

export async function withContext(config: AppConfig, features: Type<unknown>[], fn: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, features), { logger: false });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * Employers, open shortages and seekers of the tier; outbox rows of the load are dropped (only the run is timed).
 * Returns the database id of each generated employer key.
 */
export async function loadTier(
  app: INestApplicationContext,
  dataset: ReturnType<typeof generateDataset>,
  progress: (done: string) => void = () => undefined,
): Promise<Map<string, string>> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const employerIds = new Map<string, string>();
  const employers = [...dataset.employers()];
  for (let i = 0; i < employers.length; i += 1000) {
    const chunk = employers.slice(i, i + 1000);
    const result = await dataSource.getRepository(Employer).insert(chunk.map(({ key: _key, ...e }) => e as Partial<Employer>));
    chunk.forEach((employer, j) => employerIds.set(employer.key, result.identifiers[j].id as string));
  }
  const shortages = [...dataset.shortages()];
  for (let i = 0; i < shortages.length; i += 1000) {
    await dataSource.getRepository(Shortage).insert(
      shortages.slice(i, i + 1000).map(({ key: _key, employerKey, ...s }) => ({ ...s, employerId: employerIds.get(employerKey)!, title: s.occupationCode, status: 'open' as const })),
    );
  }
  const cipher = app.get(FieldCipher);
  const taxonomy = Taxonomy.shared();
  let batch: SeekerIngestRow[] = [];
  const flush = async () => {
    await dataSource.transaction((manager) => ingestSeekers(manager, batch, cipher, taxonomy));
    batch = [];
  };
  let loaded = 0;
  let reported = Date.now();
  for (const seeker of dataset.seekers()) {
    batch.push(toRow(seeker));
    if (batch.length === 5000) {
      loaded += batch.length;
      await flush();
      if (Date.now() - reported > 15_000) {
        reported = Date.now();
        progress(`${loaded} of ${dataset.counts.seekers} seekers`);
      }
    }
  }
  if (batch.length) await flush();
  await dataSource.query('TRUNCATE outbox_event');
  await dataSource.query('ANALYZE');
  return employerIds;
}
