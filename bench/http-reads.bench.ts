import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { hashPassword, User } from '@app/auth';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { generateDataset, Tier } from '@app/demo-data';
import { createHttpApp } from '@app/http';
import { IndexReconcilerService } from '@app/indexing';
import { bufferedLogDestination, LOG_DESTINATION } from '@app/logging';
import { MatchRunsService } from '@app/matching';
import { QUEUES, redisOptions } from '@app/queue';
import { PLATFORM_FEATURES } from '../apps/platform/src/platform-features';
import { elapsedMs, report } from './measure';
import { postgresBackends, postgresCpuMs } from './postgres-cpu';
import { loadTier, withContext } from './rematch.bench';
import { withScratchSearch } from './search-scratch-database';

const PASSWORD = 'bench-B14-password';
/** Seconds of load per route and round; the routes take turns, round after round, so a change in the machine's load hits all alike. */
const SECONDS = 5;
const ROUNDS = 2;
const CONNECTIONS = 10;
const run = promisify(execFile);

/** Request logs go where production sends them (pino, JSON), but to /dev/null instead of the terminal. */
@Global()
@Module({ providers: [{ provide: LOG_DESTINATION, useValue: bufferedLogDestination('/dev/null') }], exports: [LOG_DESTINATION] })
export class DiscardedLogsModule {}

interface Route {
  name: string;
  path: string;
  token?: string;
}

/**
 * B14: the whole platform (`npm start`'s modules, matcher included) on a scratch database holding the tier's
 * employers, shortages and seekers, shortages indexed and one full re-match done, then autocannon (a child
 * process) against the trivial route and four real read routes, in turns. Prints req/s, p50 and p99 per route and
 * each real route's req/s as a ratio to the trivial route's in the same run, and the server's CPU time per request
 * (main thread and its helpers, from process.cpuUsage), which the machine's other load does not change much, and the
 * CPU time of the scratch database's PostgreSQL processes per request (pg_cpu_ms_per_req).
 */
export async function benchHttpReads(tier: Tier, seed: number): Promise<void> {
  // The issue defines B14 on tier M data: at L, loading the tier into a scratch database (~15 min) would dominate a
  // combined `--tier L` run, and the per-request cost of these routes hardly depends on it. Its JSON lines say which.
  const dataTier: Tier = tier === 'L' ? 'M' : tier;
  const dataset = generateDataset({ seed, tier: dataTier, referenceDate: new Date().toISOString().slice(0, 10) });
  await withScratchSearch(async ({ dataSource: scratch }) => {
    const config = loadConfig(process.env, {
      DATABASE_URL: (scratch.options as { url: string }).url, DEMO_MODE: 'false', LOG_LEVEL: 'info',
      QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    });
    const setupStarted = process.hrtime.bigint();
    // Loaded without the matcher: it would otherwise work off the load's outbox rows (index and re-match each seeker).
    let employerIds = new Map<string, string>();
    await withContext(config, [], async (context) => void (employerIds = await loadTier(context, dataset)));
    const app = await createHttpApp(CoreModule.forRoot(config, [DiscardedLogsModule, ...PLATFORM_FEATURES]), config, { title: 'B14', description: 'B14' });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      await app.get(IndexReconcilerService).rebuild('shortages');
      const run = await app.get(MatchRunsService).request('admin', null);
      for (;;) {
        const [{ status }] = await dataSource.query(`SELECT status FROM match_run WHERE id = $1`, [run.id]);
        if (status === 'failed') throw new Error(`B14: the re-match failed`);
        if (status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      // The officer with the most paired enterprises, and the seeker with the most recommendations.
      const officers = [...dataset.officers()];
      const pairings = [...dataset.pairings()];
      const paired = (key: string) => pairings.filter((p) => p.officerKey === key).length;
      const officer = officers.reduce((best, o) => (paired(o.key) > paired(best.key) ? o : best));
      const [{ seeker_id: seekerId }] = await dataSource.query(
        `SELECT seeker_id FROM match_result WHERE run_id = $1 GROUP BY seeker_id ORDER BY count(*) DESC, seeker_id LIMIT 1`,
        [run.id],
      );
      const passwordHash = await hashPassword(PASSWORD);
      const users = dataSource.getRepository(User);
      const officerUser = await users.save({ username: 'bench-officer', passwordHash, role: 'officer' as const, displayName: officer.displayName, regionCode: officer.regionCode });
      await users.save({ username: 'bench-seeker', passwordHash, role: 'seeker' as const, displayName: 'bench seeker', seekerId });
      await dataSource.query(
        `INSERT INTO pairing (officer_id, employer_id) SELECT $1, unnest($2::uuid[])`,
        [officerUser.id, pairings.filter((p) => p.officerKey === officer.key).map((p) => employerIds.get(p.employerKey)!)],
      );
      const shortage = [...dataset.shortages()].find((s) => s.regionCode.startsWith('4601') && s.requiredSkills.length)!;
      console.error(`B14: ${dataTier} loaded, shortages indexed and re-matched in ${(elapsedMs(setupStarted) / 1000).toFixed(1)} s; officer pairs ${paired(officer.key)} enterprises`);

      await app.listen(0, '127.0.0.1');
      const base = await app.getUrl();
      const signIn = async (username: string) => {
        const response = await fetch(`${base}/api/auth/login`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }),
        });
        if (!response.ok) throw new Error(`B14: sign-in of ${username} answered ${response.status}`);
        return ((await response.json()) as { accessToken: string }).accessToken;
      };
      const officerToken = await signIn('bench-officer');
      const seekerToken = await signIn('bench-seeker');
      const search = new URLSearchParams({ q: shortage.requiredSkills[0].name, region: '460100' });
      const routes: Route[] = [
        { name: 'GET /api/health (trivial)', path: '/api/health' },
        { name: 'GET /api/auth/me (officer)', path: '/api/auth/me', token: officerToken },
        { name: 'GET /api/jobs/search (anonymous)', path: `/api/jobs/search?${search}` },
        { name: 'GET /api/shortages (officer)', path: '/api/shortages?limit=20', token: officerToken },
        { name: 'GET /api/seekers/me/recommendations (seeker)', path: '/api/seekers/me/recommendations?limit=20', token: seekerToken },
      ];
      for (const route of routes) await load(base, route, 1); // warm-up: JIT, connection pools, plan caches

      const totals = new Map<string, { requests: number; seconds: number; p50: number[]; p99: number[]; failed: number; cpuMicros: number; pgCpuMs: number | null }>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const route of routes) {
          const backends = await postgresBackends(dataSource);
          const pgBefore = postgresCpuMs(backends);
          const cpuBefore = process.cpuUsage();
          const result = await load(base, route, SECONDS);
          const cpu = process.cpuUsage(cpuBefore);
          const pgAfter = postgresCpuMs(backends);
          const total = totals.get(route.name) ?? { requests: 0, seconds: 0, p50: [], p99: [], failed: 0, cpuMicros: 0, pgCpuMs: 0 };
          total.cpuMicros += cpu.user + cpu.system;
          total.pgCpuMs = pgBefore === null || pgAfter === null || total.pgCpuMs === null ? null : total.pgCpuMs + pgAfter - pgBefore;
          total.requests += result.requests.total;
          total.seconds += result.duration;
          total.p50.push(result.latency.p50);
          total.p99.push(result.latency.p99);
          total.failed += result.non2xx + result.errors + result.timeouts;
          totals.set(route.name, total);
        }
      }
      const rate = (name: string) => totals.get(name)!.requests / totals.get(name)!.seconds;
      const trivial = rate(routes[0].name);
      for (const route of routes) {
        const total = totals.get(route.name)!;
        report({
          id: 'B14', tier, data_tier: dataTier, seed, route: route.name, connections: CONNECTIONS, seconds: Math.round(total.seconds),
          n: total.requests, req_per_s: Math.round(rate(route.name)),
          // Autocannon's percentiles per round; the worse round is shown.
          p50_ms: Math.max(...total.p50), p99_ms: Math.max(...total.p99),
          ratio_to_trivial: Math.round((rate(route.name) / trivial) * 100) / 100,
          cpu_ms_per_req: Math.round((total.cpuMicros / 1000 / total.requests) * 1000) / 1000,
          pg_cpu_ms_per_req: total.pgCpuMs === null ? null : Math.round((total.pgCpuMs / total.requests) * 1000) / 1000,
          failed: total.failed, rss_mb: Math.round(process.memoryUsage().rss / 1e6),
        });
        if (total.failed) console.error(`B14: ${route.name} had ${total.failed} failed requests (non-2xx, errors or timeouts)`);
      }
      const profiles = process.env.B14_CPU_PROFILE;
      if (profiles) await profileRoutes(base, routes, profiles);
    } finally {
      await app.close();
      const queue = new Queue(QUEUES.matching, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
}

/**
 * With B14_CPU_PROFILE=<directory>: after the timed rounds (so their figures are not slowed), one more load per
 * route with the server's CPU profiler on, written as `<directory>/B14-<route>.cpuprofile` (Chrome DevTools format).
 */
async function profileRoutes(base: string, routes: Route[], directory: string): Promise<void> {
  mkdirSync(directory, { recursive: true });
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    for (const route of routes) {
      await session.post('Profiler.start');
      await load(base, route, SECONDS);
      const { profile } = await session.post('Profiler.stop');
      const file = join(directory, `B14-${route.path.split('?')[0].replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.error(`B14: CPU profile of ${route.name} written to ${file}`);
    }
  } finally {
    session.disconnect();
  }
}

/**
 * One autocannon run in a child process, so the load generator neither shares the server's event loop nor counts in
 * its CPU time.
 */
async function load(base: string, route: Route, seconds: number): Promise<autocannon.Result> {
  const args = [require.resolve('autocannon/autocannon.js'), '--json', '-c', String(CONNECTIONS), '-d', String(seconds)];
  if (route.token) args.push('-H', `authorization=Bearer ${route.token}`);
  const { stdout } = await run(process.execPath, [...args, `${base}${route.path}`], { maxBuffer: 16 << 20 });
  return JSON.parse(stdout) as autocannon.Result;
}
