import { Tier, TIER_SIZES } from '@app/demo-data';
import { buildPlanWorkbook, compileQuarter, CompiledQuarter, DEFAULT_HEADER, INDICATORS, MEMBER_UNITS, PlanTarget, PlatformFact, ReportForCompile, ReporterRef } from '@app/development-plan';
import { POLICY_DIRECTION_CODES } from '@app/taxonomy';
import { elapsedMs, fromTimes, report } from './measure';

const REGIONS = ['460100', '460200', '460300', '460400', '469001', '469002', '469005', '469006', '469007', '469021', '469022', '469023', '469024', '469025', '469026', '469027', '469028', '469029', '469030', '460400499'];

/** A seeded linear congruential generator (the benchmark needs reproducible data, not randomness). */
const lcg = (seed: number) => {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
};

/**
 * The province compile's input at a tier: 60 reporters (the 20 regions, the 14 member units and 26 more units),
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

/**
 * R1 (policy.md §6): the province compile of 60 reporters × every indicator of the catalogue from the tier's
 * platform records (target ≤ 10 s at tier L). Measured in memory: the aggregation of every record into figures
 * and the compile; the SQL that groups the records in PostgreSQL (PlanFiguresService) is not part of the figure.
 */
export function benchPlanCompile(tier: Tier, seed: number): void {
  const input = planInput(tier, seed);
  const times: number[] = [];
  let slow = 0;
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    slow = compile(input).slow.length;
    times.push(elapsedMs(started));
  }
  const result = fromTimes('R1-PLAN-COMPILE', tier, seed, input.facts.length, 'records/s', times);
  report({ ...result, reporters: input.reporters.length, indicators: INDICATORS.length, slow });
}

/** R2 (policy.md §6): the compiled workbook for the same compile (target ≤ 5 s and < 5 MB). */
export async function benchPlanWorkbook(tier: Tier, seed: number): Promise<void> {
  const compiled = compile(planInput(tier, seed));
  const narratives = compiled.rows.map((r) => ({ reporterZh: r.reporter.nameZh, practices: '开展重点群体专场招聘。'.repeat(20), problems: '部分指标进度偏慢。'.repeat(10), nextSteps: '加强调度。'.repeat(10), examples: '园区用工对接。'.repeat(10) }));
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 3; run++) {
    const started = process.hrtime.bigint();
    bytes = (await buildPlanWorkbook(compiled, { ...DEFAULT_HEADER, reportDate: '2026-10-20' }, narratives)).length;
    times.push(elapsedMs(started));
  }
  const result = fromTimes('R2-PLAN-WORKBOOK', tier, seed, compiled.rows.length, 'reporters/s', times);
  report({ ...result, bytes, mb: Math.round((bytes / 1024 / 1024) * 100) / 100 });
}
