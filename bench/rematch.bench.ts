import { randomBytes } from 'node:crypto';
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
import { MatcherModule } from '../apps/matcher/src/matcher.module';
import { toRow } from './ingest.bench';
import { elapsedMs, fromTimes, report } from './measure';
import { withScratchSearch } from './search-scratch-database';

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
 * B8: end-to-end full re-match on a scratch database holding the tier's seekers and shortages: the admin's request
 * (run row + outbox row), relay, BullMQ flow (one job per region x occupation group), scoring, one allocation over
 * all shards, results written. Wall time from request to a complete run; stalled jobs counted from queue events.
 */
export async function benchRematch(tier: Tier, seed: number): Promise<void> {
  const dataset = generateDataset({ seed, tier, referenceDate: new Date().toISOString().slice(0, 10) });
  await withScratchSearch(async ({ dataSource: scratch }) => {
    const config = loadConfig(process.env, {
      DATABASE_URL: (scratch.options as { url: string }).url, LOG_LEVEL: 'silent', DEMO_MODE: 'false',
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    });
    const loadStarted = process.hrtime.bigint();
    await withContext(config, [], async (app) => void (await loadTier(app, dataset)));
    console.error(`B8: ${tier} data loaded in ${(elapsedMs(loadStarted) / 1000).toFixed(1)} s`);

    const events = new QueueEvents(QUEUES.matching, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
    let stalled = 0;
    events.on('stalled', () => (stalled += 1));
    await events.waitUntilReady();
    const peak = { rss: process.memoryUsage().rss };
    const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 200);
    try {
      await withContext(config, [MatcherModule], async (app) => {
        const dataSource = app.get<DataSource>(getDataSourceToken());
        const started = process.hrtime.bigint();
        const run = await app.get(MatchRunsService).request('admin', null);
        for (;;) {
          const [{ status }] = await dataSource.query(`SELECT status FROM match_run WHERE id = $1`, [run.id]);
          if (status !== 'running') break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const wall = elapsedMs(started);
        const progress = await app.get(MatchRunsService).progress(run.id);
        console.error(`B8: ${JSON.stringify({ ...progress, stalled })}`);
        const result = fromTimes('B8', tier, seed, progress.shortagesScored, 'shortages/s ranked, allocated and written (end to end)', [wall]);
        report({ ...result, rss_mb: Math.round(peak.rss / 1048576) });
      });
    } finally {
      clearInterval(sampler);
      const queue = new Queue(QUEUES.matching, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
      await queue.obliterate({ force: true });
      // An open queue connection would keep the process alive after the last benchmark.
      await queue.close();
      await events.close();
    }
  });
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
export async function loadTier(app: INestApplicationContext, dataset: ReturnType<typeof generateDataset>): Promise<Map<string, string>> {
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
  for (const seeker of dataset.seekers()) {
    batch.push(toRow(seeker));
    if (batch.length === 5000) await flush();
  }
  if (batch.length) await flush();
  await dataSource.query('TRUNCATE outbox_event');
  await dataSource.query('ANALYZE');
  return employerIds;
}
