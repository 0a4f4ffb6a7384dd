import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { hashPassword, User } from '@app/auth';
import { addDays, addMonthsToMonth, shanghaiDate } from '@app/clock';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { generateDataset, Tier } from '@app/demo-data';
import { Station } from '@app/events';
import { createHttpApp } from '@app/http';
import { QUEUES, redisOptions } from '@app/queue';
import { Taxonomy } from '@app/taxonomy';
import { PLATFORM_FEATURES } from '../apps/platform/src/platform-features';
import { DiscardedLogsModule } from './http-reads.bench';
import { elapsedMs, fromTimes, report } from './measure';
import { loadTier, withContext } from './rematch.bench';
import { withScratchSearch } from './search-scratch-database';

const PASSWORD = 'bench-warning-password';
/** Regions with a monitored-firm, claims and rate history (the first 20 of Hainan's districts and counties). */
const REGIONS = 20;
const INDUSTRIES = 20;
const FIRMS_PER_CELL = 10;
const HISTORY_MONTHS = 24;
/** W2: imports, and regions newly crossing a level in each. */
const IMPORTS = 5;
const CROSSING_PER_IMPORT = 4;
/** W3: layoff reports filed one after another, then a burst filed at once. */
const SEQUENTIAL_REPORTS = 10;
const BURST_REPORTS = 10;
const POLL_MS = 25;
const GIVE_UP_MS = 600_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const load = () => Math.round(loadavg()[0] * 100) / 100;

interface Platform {
  app: NestFastifyApplication;
  dataSource: DataSource;
  employerIds: Map<string, string>;
  dataset: ReturnType<typeof generateDataset>;
  token(username: string): Promise<string>;
  request(method: 'GET' | 'POST', url: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
}

/**
 * The whole platform (`npm start`'s modules, matcher included, production settings, logs discarded) on a scratch
 * database holding the tier's employers, shortages, seekers and stations, and a warning history for 20 regions:
 * 24 months of monitored-firm reports (20 industries x 10 firms), claims per industry and registered rates, all
 * clear. Requests go through Fastify's inject (the whole HTTP pipeline, no socket).
 */
async function withWarningPlatform(tier: Tier, seed: number, name: string, fn: (platform: Platform) => Promise<void>): Promise<void> {
  const dataset = generateDataset({ seed, tier, referenceDate: shanghaiDate() });
  await withScratchSearch(async ({ dataSource: scratch }) => {
    const config = loadConfig(process.env, {
      DATABASE_URL: (scratch.options as { url: string }).url, DEMO_MODE: 'false', LOG_LEVEL: 'info', QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    });
    const setupStarted = process.hrtime.bigint();
    let employerIds = new Map<string, string>();
    // Loaded without the matcher: it would otherwise work off the load's outbox rows.
    await withContext(config, [], async (context) => {
      employerIds = await loadTier(context, dataset);
      const dataSource = context.get<DataSource>(getDataSourceToken());
      await dataSource.getRepository(Station).insert([...dataset.stations()].map((s) => ({
        name: s.name, type: s.type, regionCode: s.regionCode, address: s.address, lat: s.lat, lng: s.lng, locationPrecision: 'point' as const,
        capacity: s.capacity, booths: s.booths, openingHours: s.openingHours, park: s.park,
      })));
      await loadWarningHistory(dataSource, regions(), shanghaiDate().slice(0, 7), seed);
      await dataSource.query('ANALYZE');
    });
    const app = await createHttpApp(CoreModule.forRoot(config, [DiscardedLogsModule, ...PLATFORM_FEATURES]), config, { title: name, description: name });
    await app.getHttpAdapter().getInstance().ready();
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      console.error(`${name}: ${tier} and the warning history loaded in ${(elapsedMs(setupStarted) / 1000).toFixed(1)} s`);
      const request: Platform['request'] = async (method, url, token, body, headers = {}) => {
        const response = await app.inject({
          method, url, headers: { authorization: `Bearer ${token}`, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null };
      };
      const token = async (username: string) => {
        const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
        if (response.statusCode !== 200) throw new Error(`${name}: sign-in of ${username} answered ${response.statusCode}`);
        return (JSON.parse(response.body) as { accessToken: string }).accessToken;
      };
      await fn({ app, dataSource, employerIds, dataset, token, request });
    } finally {
      await app.close();
      for (const queueName of Object.values(QUEUES)) {
        const queue = new Queue(queueName, { connection: redisOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }
  });
}

/** Districts of the cities that have them, else cities and counties (the regions signals carry; 洋浦's 9-digit code aside). */
const regions = () => {
  const taxonomy = Taxonomy.shared();
  return taxonomy.counties()
    .flatMap((r) => {
      const districts = taxonomy.regionChildren(r.code).filter((c) => c.kind === 'district');
      return districts.length ? districts : [r];
    })
    .map((r) => r.code)
    .filter((code) => /^46\d{4}$/.test(code))
    .slice(0, REGIONS);
};

/**
 * A clear history: each firm loses and gains about 0.5% a month, claims are flat on a year before, the registered
 * rate is 3%. Firm ids are stable per region, industry and firm (the same enterprise every month).
 */
async function loadWarningHistory(dataSource: DataSource, codes: string[], thisMonth: string, seed: number): Promise<void> {
  const months = Array.from({ length: HISTORY_MONTHS }, (_, k) => addMonthsToMonth(thisMonth, k - HISTORY_MONTHS));
  const industries = Array.from({ length: INDUSTRIES }, (_, k) => String.fromCharCode(65 + k));
  await dataSource.query(`SELECT setseed($1)`, [((seed % 1000) / 1000) * 2 - 1]);
  await dataSource.query(
    `INSERT INTO warning_firm_report (employer_id, region_code, industry_code, month, enrolment_headcount, previous_headcount, headcount, additions, reductions, filed_via)
     SELECT md5(r || i || f)::uuid, r, i, m, 300, 300, 300, x, jsonb_build_object('natural', x), 'officer'
       FROM unnest($1::text[]) r, unnest($2::text[]) i, generate_series(1, $3::int) f, unnest($4::text[]) m, LATERAL (SELECT 1 + (random() * 2)::int + 0 * f AS x) n`,
    [codes, industries, FIRMS_PER_CELL, months],
  );
  await dataSource.query(
    `INSERT INTO warning_claims_figure (region_code, industry_code, month, claims, weekly)
     SELECT r, i, m, 20, '{5,5,5,5}' FROM unnest($1::text[]) r, unnest($2::text[]) i, unnest($3::text[]) m`,
    [codes, industries, months],
  );
  await dataSource.query(
    `INSERT INTO warning_rate_figure (region_code, month, registered_rate, surveyed_rate) SELECT r, m, 3.0, 4.8 FROM unnest($1::text[]) r, unnest($2::text[]) m`,
    [codes, months],
  );
}

async function createUser(dataSource: DataSource, user: Partial<User>): Promise<User> {
  return dataSource.getRepository(User).save({ passwordHash: await hashPassword(PASSWORD), displayName: user.username, ...user });
}

function multipart(content: string, fileName: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----bench-warning-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Polls until `done` answers true for every key, and returns each key's milliseconds from its start. */
async function waitEach(keys: string[], startedAt: Map<string, bigint>, done: (pending: string[]) => Promise<string[]>): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const giveUp = Date.now() + GIVE_UP_MS;
  while (seen.size < keys.length && Date.now() < giveUp) {
    const pending = keys.filter((k) => !seen.has(k));
    for (const k of await done(pending)) if (!seen.has(k)) seen.set(k, elapsedMs(startedAt.get(k)!));
    if (seen.size < keys.length) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (seen.size < keys.length) throw new Error(`${keys.length - seen.size} of ${keys.length} did not finish within ${GIVE_UP_MS / 1000} s`);
  return seen;
}

/**
 * W2 (policy.md 3): an import committed → the region's alert raised and its notification written, p95, target
 * <= 60 s. Five rate imports, each a province file for 20 regions and the last two months (every region's alert
 * evaluated through the outbox, the matcher's worker and PostgreSQL), in which 4 more regions reach level IV for
 * the second month running (hysteresis: on after 2). Timed per crossing region, from the import's answer (its
 * transaction committed) to its alert and the notification row both being visible.
 */
export async function benchImportToAlert(tier: Tier, seed: number): Promise<void> {
  await withWarningPlatform(tier, seed, 'W2', async ({ dataSource, token, request }) => {
    await createUser(dataSource, { username: 'bench-admin', role: 'admin' });
    const admin = await token('bench-admin');
    const codes = regions();
    const thisMonth = shanghaiDate().slice(0, 7);
    const times: number[] = [];
    const allEvaluated: number[] = [];
    const requestMs: number[] = [];
    for (let run = 0; run < IMPORTS; run++) {
      const high = new Set(codes.slice(0, (run + 1) * CROSSING_PER_IMPORT));
      const crossing = codes.slice(run * CROSSING_PER_IMPORT, (run + 1) * CROSSING_PER_IMPORT);
      const lines = ['region,month,registeredRate,surveyedRate,youthSurveyedRate'];
      for (const code of codes) for (const month of [addMonthsToMonth(thisMonth, -1), thisMonth]) lines.push(`${code},${month},${high.has(code) ? '4.4' : '3.0'},4.8,`);
      const { payload, headers } = multipart(lines.join('\n'), `rates-${run}.csv`);
      const [{ lastOutboxId }] = await dataSource.query(`SELECT coalesce(max(id), 0)::text AS "lastOutboxId" FROM outbox_event`);
      const sent = process.hrtime.bigint();
      const imported = await request('POST', '/api/warnings/imports?kind=rates', admin, payload, headers);
      if (imported.status !== 200 || imported.body.accepted !== codes.length * 2) throw new Error(`W2: the import answered ${imported.status} ${JSON.stringify(imported.body).slice(0, 300)}`);
      const committed = process.hrtime.bigint();
      requestMs.push(Number(committed - sent) / 1e6);
      const seen = await waitEach(crossing, new Map(crossing.map((c) => [c, committed])), async (pending) =>
        (await dataSource.query(
          `SELECT DISTINCT a.region_code AS code FROM warning_alert a JOIN notification n ON n.link = '/warnings/' || a.id
            WHERE a.kind = 'monthly' AND a.status = 'open' AND a.region_code = ANY($1)`,
          [pending],
        )).map((r: { code: string }) => r.code),
      );
      times.push(...seen.values());
      // Every region of the file evaluated (its outbox row worked off), not only those that crossed.
      const done = await waitEach(['all'], new Map([['all', committed]]), async () => {
        const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE id > $1 AND processed_at IS NULL`, [lastOutboxId]);
        return n === 0 ? ['all'] : [];
      });
      allEvaluated.push(done.get('all')!);
    }
    const [{ alerts }] = await dataSource.query(`SELECT count(*)::int AS alerts FROM warning_alert WHERE kind = 'monthly' AND status = 'open'`);
    const result = fromTimes('W2', tier, seed, times.length, 'crossing regions (import committed → alert and notification)', times);
    report({
      ...result,
      target: 'p95 <= 60000 ms',
      import_request_ms_median: Math.round(median(requestMs)),
      all_regions_evaluated_ms_max: Math.round(Math.max(...allEvaluated)),
      regions_per_import: codes.length,
      history_firm_reports: REGIONS * INDUSTRIES * FIRMS_PER_CELL * HISTORY_MONTHS,
      open_alerts: alerts,
      load_1m: load(),
    });
  });
}

/**
 * W3 (policy.md 3): a §41 layoff report → a rapid-response case with matched open jobs and an event proposed at
 * the nearest station, target <= 5 min. 60-person reports for paired enterprises of the tier, filed by an officer
 * over HTTP, ten one after another and then ten at once; each timed from its 201 (transaction committed) to its
 * case answered (matched shortages, the event, the training gaps, the tasks), the alert raised before it.
 */
export async function benchLayoffToEvent(tier: Tier, seed: number): Promise<void> {
  await withWarningPlatform(tier, seed, 'W3', async ({ dataSource, employerIds, dataset, token, request }) => {
    // Enterprises with a place whose city has open shortages, each laying off people of the occupations most asked for there.
    const shortages = [...dataset.shortages()];
    const byCity = new Map<string, Map<string, number>>();
    for (const s of shortages) {
      const city = s.regionCode.slice(0, 4);
      const counts = byCity.get(city) ?? new Map<string, number>();
      counts.set(s.occupationCode, (counts.get(s.occupationCode) ?? 0) + s.headcount);
      byCity.set(city, counts);
    }
    const employers = [...dataset.employers()]
      .filter((e) => e.lat !== null && (byCity.get(e.regionCode.slice(0, 4))?.size ?? 0) >= 3)
      .slice(0, SEQUENTIAL_REPORTS + BURST_REPORTS);
    if (employers.length < SEQUENTIAL_REPORTS + BURST_REPORTS) throw new Error(`W3: only ${employers.length} employers with a place in a city with shortages`);
    const officer = await createUser(dataSource, { username: 'bench-officer', role: 'officer', regionCode: '460000' });
    await dataSource.query(`INSERT INTO pairing (officer_id, employer_id) SELECT $1, unnest($2::uuid[])`, [officer.id, employers.map((e) => employerIds.get(e.key)!)]);
    const officerToken = await token('bench-officer');
    const today = shanghaiDate();
    const file = async (employerKey: string, city: string) => {
      const occupations = [...byCity.get(city)!.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([code]) => code);
      const filed = await request('POST', '/api/warnings/layoff-reports', officerToken, {
        employerId: employerIds.get(employerKey), ground: 'serious_difficulty', count: 60, staff: 400, occupations,
        noticeDate: addDays(today, 1), effectiveDate: addDays(today, 35), unionConsulted: true,
      });
      if (filed.status !== 201) throw new Error(`W3: the report answered ${filed.status} ${JSON.stringify(filed.body).slice(0, 300)}`);
      return { id: filed.body.id as string, committed: process.hrtime.bigint() };
    };
    const answered = (pending: string[]) =>
      dataSource.query(`SELECT layoff_report_id AS id FROM warning_response_case WHERE layoff_report_id = ANY($1) AND responded_at IS NOT NULL`, [pending])
        .then((rows: { id: string }[]) => rows.map((r) => r.id));

    const sequential: number[] = [];
    for (const e of employers.slice(0, SEQUENTIAL_REPORTS)) {
      const { id, committed } = await file(e.key, e.regionCode.slice(0, 4));
      sequential.push((await waitEach([id], new Map([[id, committed]]), answered)).get(id)!);
    }
    const burst = await Promise.all(employers.slice(SEQUENTIAL_REPORTS).map((e) => file(e.key, e.regionCode.slice(0, 4))));
    const burstTimes = [...(await waitEach(burst.map((b) => b.id), new Map(burst.map((b) => [b.id, b.committed])), answered)).values()];

    const [outcome] = await dataSource.query(
      `SELECT count(*)::int AS cases, count(*) FILTER (WHERE c.event_id IS NOT NULL)::int AS "withEvent",
              count(*) FILTER (WHERE jsonb_array_length(c.matched_shortages) > 0)::int AS "withJobs",
              count(*) FILTER (WHERE c.alert_id IS NOT NULL)::int AS "withAlert",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY jsonb_array_length(c.matched_shortages)) AS "jobsMedian"
         FROM warning_response_case c WHERE c.layoff_report_id IS NOT NULL`,
    );
    report({
      ...fromTimes('W3', tier, seed, sequential.length, 'layoff reports (filed → case with matched jobs and a proposed event)', sequential),
      target: '<= 300000 ms',
      burst_reports: burstTimes.length,
      burst_max_ms: Math.round(Math.max(...burstTimes)),
      cases: outcome.cases,
      cases_with_event: outcome.withEvent,
      cases_with_matched_jobs: outcome.withJobs,
      cases_with_alert: outcome.withAlert,
      matched_jobs_median: outcome.jobsMedian,
      load_1m: load(),
    });
  });
}
