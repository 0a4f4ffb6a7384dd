import { loadavg } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { CoreModule } from '@app/core';
import { Tier, TIER_SIZES } from '@app/demo-data';
import {
  buildPlanWorkbook, compileQuarter, CompiledQuarter, DEFAULT_HEADER, INDICATORS, MEMBER_UNITS, PlanCompileService, PlanFiguresService, PlanReporters, PlanTarget, PlatformFact,
  ReportForCompile, ReporterRef,
} from '@app/development-plan';
import { ShortageFigureReads } from '@app/employer-demand';
import { EventFigureReads } from '@app/events';
import { HireFigureReads } from '@app/seeker-pool';
import { SubsidyFigureReads } from '@app/subsidies';
import { POLICY_DIRECTION_CODES, Taxonomy } from '@app/taxonomy';
import { elapsedMs, fromTimes, report } from './measure';
import { withScratchDatabase } from './subsidy-payments.bench';

const REGIONS = ['460100', '460200', '460300', '460400', '469001', '469002', '469005', '469006', '469007', '469021', '469022', '469023', '469024', '469025', '469026', '469027', '469028', '469029', '469030', '460400499'];

/** A seeded linear congruential generator (the benchmark needs reproducible data, not randomness). */
const lcg = (seed: number) => {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
};

/**
 * R2's input, in memory: the province compile's input at a tier: 60 reporters (the 20 regions, the 14 member units and 26 more units),
 * a target for every indicator, a submitted report for each, and the platform's records as one fact each (tier L:
 * 400,000 hires, 200,000 subsidy payments, 10,000 events, 60,000 filled shortages) — the compile aggregates them.
 */
function planInput(tier: Tier, seed: number) {
  const random = lcg(seed);
  const sizes = TIER_SIZES[tier];
  const extraUnits = Array.from({ length: 60 - REGIONS.length - MEMBER_UNITS.length }, (_, i) => ({ code: `unit:x${i}`, nameZh: `成员单位${i + 1}`, nameEn: `Unit ${i + 1}` }));
  const reporters: ReporterRef[] = [
    ...REGIONS.map((code): ReporterRef => ({ code, nameZh: `市县${code}`, nameEn: code, kind: code.length > 6 ? 'zone' : 'county' })),
    ...[...MEMBER_UNITS, ...extraUnits].map((u): ReporterRef => ({ ...u, kind: 'unit' })),
  ];
  const facts: PlatformFact[] = [];
  const quarter = () => (1 + Math.floor(random() * 3)) as 1 | 2 | 3;
  const direction = () => POLICY_DIRECTION_CODES[Math.floor(random() * 7)];
  const region = () => REGIONS[Math.floor(random() * REGIONS.length)];
  const hires = Math.round(sizes.seekers * 0.4);
  for (let i = 0; i < hires; i++) {
    const r = region(), d = direction(), q = quarter();
    facts.push({ reporter: r, metric: 'hires', direction: d, quarter: q, count: 1 });
    if (random() < 0.4) facts.push({ reporter: r, metric: 'hires_priority', direction: d, quarter: q, count: 1 });
  }
  for (let i = 0; i < sizes.shortages; i++) facts.push({ reporter: region(), metric: 'shortages_filled', direction: direction(), quarter: quarter(), count: 1 });
  for (let i = 0; i < sizes.stations * 50; i++) facts.push({ reporter: region(), metric: 'events_held', direction: direction(), quarter: quarter(), count: 1 });
  for (let i = 0; i < Math.round(sizes.seekers * 0.2); i++) facts.push({ reporter: 'unit:hrss', metric: 'subsidies_paid', direction: null, quarter: quarter(), count: 1 });
  const plans = new Map<string, PlanTarget[]>(reporters.map((r) => [r.code, INDICATORS.map((i) => ({ indicator: i.code, annualGoal: Math.round(100 + random() * 10_000), milestones: null, attachment: null }))]));
  const reports = new Map<string, ReportForCompile>(reporters.map((r) => [r.code, {
    reporter: r.code, status: 'accepted', version: 1, firstSubmittedOn: random() < 0.9 ? '2026-10-08' : '2026-10-12',
    figures: INDICATORS.filter(() => random() < 0.5).map((i) => {
      const cumulative = Math.round(random() * 8_000);
      return { indicator: i.code, quarter: Math.round(cumulative / 3), cumulative, platformQuarter: null, platformCumulative: null, note: null };
    }),
  }]));
  return { reporters, facts, plans, reports };
}

const compile = (input: ReturnType<typeof planInput>): CompiledQuarter =>
  compileQuarter({ year: 2026, quarter: 3, deadline: '2026-10-08', today: '2026-10-20', slowTolerance: 0.05, ...input });

/** Platform records per tier for R1: policy.md's tier L has 1M seekers, 400k hires and 200k subsidy claims. */
const recordsOf = (tier: Tier) => {
  const sizes = TIER_SIZES[tier];
  return {
    ...sizes,
    hires: Math.round(sizes.seekers * 0.4),
    /** Applications that did not (yet) end in a hire: scanned by the hires query, never counted. */
    otherApplications: Math.round(sizes.seekers * 0.6),
    events: sizes.stations * 45,
    claims: Math.round(sizes.seekers * 0.2),
  };
};

/**
 * R1 (policy.md §6): the province compile of a quarter from the tier's platform records, on a scratch database
 * (created, migrated and dropped here) seeded set-based with generate_series: the tier's employers, seekers (a
 * tenth in a priority group, most with consent), shortages with their transitions (half filled), applications
 * (40% of the seekers hired, the hire's time in the application's history, a fifth of them in the year before),
 * stations and completed events with their employers' shortages, subsidy claims with paid instalments, and every
 * unit's targets and accepted Q3 report. Timed: `PlanCompileService.compileFor` end to end — the grouping of every
 * record in PostgreSQL through the domains' read ports (set-based, in parallel), then the compile in memory.
 * Target ≤ 10 s at tier L.
 */
export async function benchPlanCompile(tier: Tier, seed: number): Promise<void> {
  const n = recordsOf(tier);
  await withScratchDatabase(async (url) => {
    const config = loadConfig(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', DEMO_MODE: 'false' });
    const app = await NestFactory.createApplicationContext(CoreModule.forRoot(config, []), { logger: false });
    try {
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const reporters = app.get(PlanReporters);
      const taxonomy = app.get(Taxonomy);
      const seedStarted = process.hrtime.bigint();
      await seedPlatform(dataSource, n, seed, taxonomy);
      await seedPlans(dataSource, reporters.all().map((r) => r.code), seed);
      console.error(`R1: seeded tier ${tier} (${n.seekers} seekers, ${n.hires} hires, ${n.shortages} shortages, ${n.events} events, ${n.claims} claims) in ${Math.round(elapsedMs(seedStarted) / 1000)} s`);

      const inCls = <T>(fn: () => Promise<T>) => app.get(ClsService).run(fn);
      const compiler = app.get(PlanCompileService);
      const figures = app.get(PlanFiguresService);
      const parts = { hires: app.get(HireFigureReads), shortages: app.get(ShortageFigureReads), events: app.get(EventFigureReads), subsidies: app.get(SubsidyFigureReads) };
      const times: number[] = [];
      const breakdown: Record<string, number[]> = { facts: [], hires: [], shortages_filled: [], events_held: [], subsidies_paid: [] };
      let compiled: CompiledQuarter | undefined;
      for (let run = 0; run < 5; run++) {
        const started = process.hrtime.bigint();
        compiled = await inCls(() => compiler.compileFor(2026, 3, '2026-10-20'));
        times.push(elapsedMs(started));
        // Each read alone (sequential), to show where the time goes.
        const timed = async (key: string, fn: () => Promise<unknown>) => {
          const t = process.hrtime.bigint();
          await inCls(fn);
          breakdown[key].push(elapsedMs(t));
        };
        await timed('facts', () => figures.facts(2026));
        await timed('hires', () => parts.hires.byRegionDirectionQuarter(2026));
        await timed('shortages_filled', () => parts.shortages.filledByRegionDirectionQuarter(2026));
        await timed('events_held', () => parts.events.heldByRegionDirectionQuarter(2026));
        await timed('subsidies_paid', () => parts.subsidies.paidByRuleQuarter(2026));
      }
      const platformHires = (await inCls(() => figures.facts(2026))).filter((f) => f.metric === 'hires' && f.quarter <= 3).reduce((sum, f) => sum + f.count, 0);
      const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
      report({
        ...fromTimes('R1-PLAN-COMPILE', tier, seed, n.hires + n.otherApplications + n.shortages + n.events + n.claims, 'records/s', times),
        target: '<= 10 s at tier L', met: median(times) <= 10_000,
        first_run_ms: Math.round(times[0]), reporters: compiled!.rows.length, indicators: INDICATORS.length,
        slow: compiled!.slow.length, late: compiled!.late.length,
        platform_hires_2026_to_q3: platformHires,
        median_ms_alone: Object.fromEntries(Object.entries(breakdown).map(([key, values]) => [key, median(values)])),
        load_average: loadavg().map((l) => Math.round(l * 100) / 100),
      });
    } finally {
      await app.close();
    }
  }, 'pes_bench_plan');
}

/** The tier's platform records, set-based; `seed` fixes the random draws (setseed). */
async function seedPlatform(dataSource: DataSource, n: ReturnType<typeof recordsOf>, seed: number, taxonomy: Taxonomy): Promise<void> {
  const regions = taxonomy.counties().flatMap((c) => [c.code, ...taxonomy.regionChildren(c.code).filter((r) => r.kind === 'district').map((r) => r.code)]);
  const directions = [...POLICY_DIRECTION_CODES, null];
  await dataSource.query(`SELECT setseed($1)`, [((seed % 1000) / 1000) * 2 - 1]);
  const region = (g: string) => `($1::text[])[1 + (${g}) % ${regions.length}]`;
  await dataSource.query(`
    INSERT INTO employer (id, name, credit_code, industry_code, size_class, ownership, region_code, address)
    SELECT md5('e' || g)::uuid, '海南用人单位' || g, lpad(g::text, 18, '0'), 'C', 'small', 'private', ${region('g')}, ''
    FROM generate_series(1, ${n.employers}) g`, [regions]);
  await dataSource.query(`
    INSERT INTO seeker (id, name, resident_id_encrypted, resident_id_hash, gender, birth_date, region_code, priority_groups, consent_sensitive_matching)
    SELECT md5('s' || g)::uuid, '求职者' || g, 'x', lpad(g::text, 64, '0'), CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END,
      date '1970-01-01' + (g % 12000), ${region('g * 7')},
      CASE WHEN random() < 0.1 THEN '[{"group":"hard_to_employ"}]'::jsonb ELSE '[]'::jsonb END, random() < 0.9
    FROM generate_series(1, ${n.seekers}) g`, [regions]);
  // Shortages: headcount skewed to 1-20; the region of their employer; half filled at a day from October 2025 to September 2026.
  await dataSource.query(`
    INSERT INTO shortage (id, employer_id, title, occupation_code, industry_code, headcount, wage_min, wage_max, work_type, region_code, address,
      start_date, deadline, policy_direction, status, published_at)
    SELECT md5('sh' || g)::uuid, md5('e' || (1 + g % ${n.employers}))::uuid, '岗位' || g, '4-10-01-01', 'C', 1 + floor(19 * random() ^ 3)::int,
      3000, 6000, 'full_time', ${region('1 + g % ' + n.employers)}, '', date '2025-09-01', date '2026-12-31',
      ($2::text[])[1 + floor(random() * ${directions.length})::int], CASE WHEN g % 2 = 0 THEN 'filled' ELSE 'open' END, timestamptz '2025-09-01 09:00+08'
    FROM generate_series(1, ${n.shortages}) g`, [regions, directions]);
  await dataSource.query(`
    INSERT INTO shortage_transition (shortage_id, from_status, to_status, reason, at)
    SELECT md5('sh' || g)::uuid, 'draft', 'open', 'published', timestamptz '2025-09-01 09:00+08' FROM generate_series(1, ${n.shortages}) g
    UNION ALL
    SELECT md5('sh' || g)::uuid, 'open', 'filled', 'filled', timestamptz '2025-10-01 10:00+08' + floor(random() * 365) * interval '1 day'
    FROM generate_series(2, ${n.shortages}, 2) g`);
  // Applications: the first 40% of the seekers hired (the hire's time in the history), the rest applied, interviewed or turned down.
  await dataSource.query(`
    INSERT INTO application (seeker_id, shortage_id, status, history)
    SELECT md5('s' || g)::uuid, md5('sh' || (1 + g % ${n.shortages}))::uuid, 'hired',
      jsonb_build_array(jsonb_build_object('status', 'applied', 'at', t - interval '9 days'), jsonb_build_object('status', 'interview', 'at', t - interval '4 days'),
                        jsonb_build_object('status', 'offer', 'at', t - interval '2 days'), jsonb_build_object('status', 'hired', 'at', t))
    FROM generate_series(1, ${n.hires}) g, LATERAL (SELECT timestamptz '2025-10-01 10:00+08' + floor(random() * 365 + 0 * g) * interval '1 day' AS t) d`);
  await dataSource.query(`
    INSERT INTO application (seeker_id, shortage_id, status, history)
    SELECT md5('s' || (${n.hires} + 1 + g % ${n.seekers - n.hires}))::uuid, md5('sh' || (1 + (g * 7) % ${n.shortages}))::uuid, s.status,
      jsonb_build_array(jsonb_build_object('status', 'applied', 'at', t), jsonb_build_object('status', s.status, 'at', t + interval '3 days'))
    FROM generate_series(1, ${n.otherApplications}) g,
      LATERAL (SELECT (ARRAY['applied', 'viewed', 'interview', 'rejected', 'withdrawn'])[1 + g % 5] AS status, timestamptz '2025-10-01 10:00+08' + floor(random() * 365) * interval '1 day' AS t) s
    ON CONFLICT DO NOTHING`);
  // Stations and their events: one a week per station, 90% completed; three employers each, two shortages each.
  await dataSource.query(`
    INSERT INTO station (id, name, type, region_code, address, lat, lng, capacity, booths)
    SELECT md5('st' || g)::uuid, '驿站' || g, 'station', ${region('g * 3')}, '', 20.0, 110.3, 200, 20 FROM generate_series(0, ${n.stations - 1}) g`, [regions]);
  await dataSource.query(`
    INSERT INTO recruitment_event (id, station_id, title, type, status, origin, date, starts_at, ends_at, capacity)
    SELECT md5('ev' || g)::uuid, md5('st' || (g % ${n.stations}))::uuid, '招聘会' || g, 'fair', CASE WHEN g % 10 = 0 THEN 'cancelled' ELSE 'completed' END, 'planned',
      d, d + time '09:00', d + time '12:00', 100
    FROM generate_series(0, ${n.events - 1}) g, LATERAL (SELECT date '2025-10-06' + (g / ${n.stations}) * 7 AS d) x`);
  await dataSource.query(`
    INSERT INTO event_employer (event_id, employer_id, shortage_ids, invitation_status)
    SELECT md5('ev' || g)::uuid, md5('e' || (1 + (g * 3 + k) % ${n.employers}))::uuid,
      ARRAY[md5('sh' || (1 + (g * 6 + 2 * k) % ${n.shortages}))::uuid, md5('sh' || (1 + (g * 6 + 2 * k + 1) % ${n.shortages}))::uuid], 'accepted'
    FROM generate_series(0, ${n.events - 1}) g, generate_series(0, 2) k`);
  // Subsidy claims, each with one instalment, 90% paid at a day from October 2025 to September 2026.
  await dataSource.query(`
    INSERT INTO subsidy_claim (id, rule, status, origin, claimant_kind, subject_key)
    SELECT md5('cl' || g)::uuid, (ARRAY['G1', 'T1', 'I1', 'P1', 'J1'])[1 + g % 5], 'paid', 'applied', 'employer', 'r1-' || g FROM generate_series(1, ${n.claims}) g`);
  await dataSource.query(`
    INSERT INTO subsidy_payment_instalment (claim_id, number, amount_fen, account, status, paid_at)
    SELECT md5('cl' || g)::uuid, 1, 200000, 'x', CASE WHEN g % 10 = 0 THEN 'due' ELSE 'paid' END,
      CASE WHEN g % 10 <> 0 THEN timestamptz '2025-10-01 10:00+08' + floor(random() * 365) * interval '1 day' END
    FROM generate_series(1, ${n.claims}) g`);
  await dataSource.query(`ANALYZE`);
}

/** Every unit's targets for 2026 (each indicator) and its accepted Q3 report (half of the indicators entered). */
async function seedPlans(dataSource: DataSource, reporters: string[], seed: number): Promise<void> {
  const random = lcg(seed);
  const plans = reporters.map((reporter) => ({
    reporter, targets: INDICATORS.map((i): PlanTarget => ({ indicator: i.code, annualGoal: Math.round(100 + random() * 10_000), milestones: null, attachment: null })),
  }));
  const reports = reporters.map((reporter) => ({
    reporter, submitted: random() < 0.9 ? '2026-10-08T10:00:00+08:00' : '2026-10-12T10:00:00+08:00',
    figures: INDICATORS.filter(() => random() < 0.5).map((i) => {
      const cumulative = Math.round(random() * 8_000);
      return { indicator: i.code, quarter: Math.round(cumulative / 3), cumulative, platformQuarter: null, platformCumulative: null, note: null };
    }),
  }));
  await dataSource.query(`INSERT INTO development_plan (reporter, year, targets) SELECT p ->> 'reporter', 2026, p -> 'targets' FROM jsonb_array_elements($1::jsonb) p`, [JSON.stringify(plans)]);
  await dataSource.query(`
    INSERT INTO plan_report (reporter, year, quarter, version, status, figures, first_submitted_at)
    SELECT r ->> 'reporter', 2026, 3, 1, 'accepted', r -> 'figures', (r ->> 'submitted')::timestamptz FROM jsonb_array_elements($1::jsonb) r`, [JSON.stringify(reports)]);
}

/** R2 (policy.md §6): the compiled workbook of an in-memory compile at the tier, its figures linked to their drill-down as exported (target ≤ 5 s and < 5 MB). */
export async function benchPlanWorkbook(tier: Tier, seed: number): Promise<void> {
  const compiled = compile(planInput(tier, seed));
  const narratives = compiled.rows.map((r) => ({ reporterZh: r.reporter.nameZh, practices: '开展重点群体专场招聘。'.repeat(20), problems: '部分指标进度偏慢。'.repeat(10), nextSteps: '加强调度。'.repeat(10), examples: '园区用工对接。'.repeat(10) }));
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint();
    bytes = (await buildPlanWorkbook(compiled, { ...DEFAULT_HEADER, reportDate: '2026-10-20' }, narratives, { origin: 'https://jiuye.hainan.example', year: 2026, quarter: 3 })).length;
    times.push(elapsedMs(started));
  }
  const result = fromTimes('R2-PLAN-WORKBOOK', tier, seed, compiled.rows.length, 'reporters/s', times);
  report({ ...result, bytes, mb: Math.round((bytes / 1024 / 1024) * 100) / 100 });
}
