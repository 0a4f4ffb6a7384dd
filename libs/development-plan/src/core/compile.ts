import { POLICY_DIRECTIONS, PolicyDirectionCode } from '@app/taxonomy/policy-directions';
import { INDICATORS, indicator, PlatformMetric } from './catalogue';
import { ReportFigure } from './checks';
import { elapsedShare, isLate, Quarter } from './schedule';

export interface PlanTarget {
  indicator: string;
  /** The year's goal, in the indicator's unit; null: no goal set (the figure is reported, not judged). */
  annualGoal: number | null;
  /** Optional cumulative milestones at the end of Q1–Q4 (null where none). */
  milestones: (number | null)[] | null;
  /** The file the unit attached for an entered figure's basis (a name; the file itself stays with the unit). */
  attachment: string | null;
}

export interface ReporterRef {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'city' | 'county' | 'zone' | 'unit';
}

/** One grouped count of platform records: a reporter's records of one metric, direction and quarter of the year. */
export interface PlatformFact {
  reporter: string;
  metric: PlatformMetric;
  direction: PolicyDirectionCode | null;
  quarter: Quarter;
  count: number;
}

export interface ReportForCompile {
  reporter: string;
  status: string;
  version: number;
  figures: ReportFigure[];
  /** Asia/Shanghai day of the first submission of any version; null when never submitted. */
  firstSubmittedOn: string | null;
}

export type CellStatus = 'no_goal' | 'done' | 'on_track' | 'slow' | 'below_level';

export interface CompiledCell {
  indicator: string;
  annualGoal: number | null;
  quarter: number | null;
  cumulative: number | null;
  /** cumulative / annualGoal (4 decimals); null without a goal. */
  completion: number | null;
  /** 时序进度 (or the unit's own milestone share when it set one). */
  expected: number;
  /** completion − expected, in points of share (4 decimals); null without a goal. */
  gap: number | null;
  status: CellStatus;
  /** Where the figure comes from: the unit's report, or the platform's count when no report is in. */
  from: 'report' | 'platform' | 'none';
}

export interface CompiledRow {
  reporter: ReporterRef;
  reportStatus: string;
  version: number | null;
  late: boolean;
  cells: CompiledCell[];
}

export interface SlowItem {
  reporter: string;
  nameZh: string;
  indicator: string;
  completion: number;
  expected: number;
  gap: number;
}

export interface LateItem {
  reporter: string;
  nameZh: string;
  deadline: string;
  submittedOn: string | null;
}

export interface CompiledQuarter {
  year: number;
  quarter: Quarter;
  deadline: string;
  elapsed: number;
  rows: CompiledRow[];
  /** The province: sums of the count indicators over the cities, counties and 洋浦 (member units report beside them). */
  province: CompiledCell[];
  slow: SlowItem[];
  late: LateItem[];
}

export interface CompileInput {
  year: number;
  quarter: Quarter;
  deadline: string;
  today: string;
  reporters: readonly ReporterRef[];
  plans: ReadonlyMap<string, readonly PlanTarget[]>;
  reports: ReadonlyMap<string, ReportForCompile>;
  facts: readonly PlatformFact[];
  /** Slow: completion below the expected share minus this many points (0.05 = 5 points). */
  slowTolerance: number;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** Platform figures per reporter and indicator: this quarter's count and the count since 1 January. */
export function platformFigures(facts: readonly PlatformFact[], quarter: Quarter): Map<string, Map<string, { quarter: number; cumulative: number }>> {
  const shortOf = new Map(POLICY_DIRECTIONS.map((d) => [d.code as string, d.short]));
  const codeOf = (metric: PlatformMetric, direction: string | null): string | undefined => {
    if (metric === 'subsidies_paid') return 'D6.subsidies_paid';
    const short = direction ? shortOf.get(direction) : undefined;
    if (!short) return undefined;
    return `${short}.${metric === 'hires' ? 'hires' : metric === 'hires_priority' ? 'hires_priority' : metric === 'shortages_filled' ? 'filled' : 'events'}`;
  };
  const out = new Map<string, Map<string, { quarter: number; cumulative: number }>>();
  for (const fact of facts) {
    if (fact.quarter > quarter) continue;
    const code = codeOf(fact.metric, fact.direction);
    if (!code) continue;
    let byIndicator = out.get(fact.reporter);
    if (!byIndicator) out.set(fact.reporter, (byIndicator = new Map()));
    const cell = byIndicator.get(code) ?? { quarter: 0, cumulative: 0 };
    cell.cumulative += fact.count;
    if (fact.quarter === quarter) cell.quarter += fact.count;
    byIndicator.set(code, cell);
  }
  return out;
}

/** A prefilled figure list for a unit's report: platform counts where the platform counts, empty elsewhere. */
export function prefillFigures(platform: ReadonlyMap<string, { quarter: number; cumulative: number }> | undefined, targets: readonly PlanTarget[]): ReportFigure[] {
  const targeted = new Set(targets.map((t) => t.indicator));
  return INDICATORS.filter((i) => i.source === 'platform' || targeted.has(i.code)).map((i) => {
    const counted = i.source === 'platform' ? (platform?.get(i.code) ?? { quarter: 0, cumulative: 0 }) : null;
    return { indicator: i.code, quarter: counted?.quarter ?? null, cumulative: counted?.cumulative ?? null, platformQuarter: counted?.quarter ?? null, platformCumulative: counted?.cumulative ?? null, note: null };
  });
}

function judge(def: { kind: 'count' | 'ratio' }, goal: number | null, cumulative: number | null, expected: number, tolerance: number): Pick<CompiledCell, 'completion' | 'gap' | 'status'> {
  if (goal === null || goal <= 0 || cumulative === null) return { completion: null, gap: null, status: 'no_goal' };
  const completion = round4(cumulative / goal);
  const gap = round4(completion - expected);
  if (def.kind === 'ratio') return { completion, gap, status: completion >= 1 ? 'done' : 'below_level' };
  if (completion >= 1) return { completion, gap, status: 'done' };
  return { completion, gap, status: completion < expected - tolerance ? 'slow' : 'on_track' };
}

/**
 * The province's compile of one quarter: per reporter and indicator the annual goal, this quarter, the cumulative,
 * the completion rate against 时序进度 (or the unit's milestone), the gap and a status; the slow list (completion
 * below the expected share minus the tolerance, as 人社部 reports provinces) and the late list (no submission by
 * the deadline). A unit without a report in is shown with the platform's own counts, marked as such.
 */
export function compileQuarter(input: CompileInput): CompiledQuarter {
  const elapsed = elapsedShare(input.quarter);
  const platform = platformFigures(input.facts, input.quarter);
  const slow: SlowItem[] = [];
  const late: LateItem[] = [];
  const rows = input.reporters.map((reporter): CompiledRow => {
    const report = input.reports.get(reporter.code);
    const targets = new Map((input.plans.get(reporter.code) ?? []).map((t) => [t.indicator, t]));
    const reported = new Map((report?.figures ?? []).map((f) => [f.indicator, f]));
    const counted = platform.get(reporter.code);
    const lateNow = isLate(report?.firstSubmittedOn ?? null, input.deadline, input.today);
    if (lateNow) late.push({ reporter: reporter.code, nameZh: reporter.nameZh, deadline: input.deadline, submittedOn: report?.firstSubmittedOn ?? null });
    const cells = INDICATORS.map((def): CompiledCell => {
      const target = targets.get(def.code);
      const figure = reported.get(def.code);
      const fromPlatform = !figure && def.source === 'platform' ? counted?.get(def.code) ?? { quarter: 0, cumulative: 0 } : undefined;
      const quarterValue = figure?.quarter ?? fromPlatform?.quarter ?? null;
      const cumulative = figure?.cumulative ?? fromPlatform?.cumulative ?? null;
      const goal = target?.annualGoal ?? null;
      const milestone = target?.milestones?.[input.quarter - 1] ?? null;
      const expected = goal && milestone !== null ? round4(milestone / goal) : elapsed;
      const verdict = judge(def, goal, cumulative, expected, input.slowTolerance);
      if (verdict.status === 'slow') slow.push({ reporter: reporter.code, nameZh: reporter.nameZh, indicator: def.code, completion: verdict.completion!, expected, gap: verdict.gap! });
      return { indicator: def.code, annualGoal: goal, quarter: quarterValue, cumulative, expected, ...verdict, from: figure ? 'report' : fromPlatform ? 'platform' : 'none' };
    });
    return { reporter, reportStatus: report?.status ?? 'missing', version: report?.version ?? null, late: lateNow, cells };
  });
  const regional = rows.filter((r) => r.reporter.kind !== 'unit');
  const province = INDICATORS.map((def, index): CompiledCell => {
    if (def.kind !== 'count') return { indicator: def.code, annualGoal: null, quarter: null, cumulative: null, completion: null, expected: elapsed, gap: null, status: 'no_goal', from: 'none' };
    const sum = (pick: (c: CompiledCell) => number | null) => regional.reduce((acc, r) => acc + (pick(r.cells[index]) ?? 0), 0);
    const goals = regional.some((r) => r.cells[index].annualGoal !== null) ? sum((c) => c.annualGoal) : null;
    const cumulative = sum((c) => c.cumulative);
    return { indicator: def.code, annualGoal: goals, quarter: sum((c) => c.quarter), cumulative, expected: elapsed, ...judge(def, goals, cumulative, elapsed, input.slowTolerance), from: 'report' };
  });
  return { year: input.year, quarter: input.quarter, deadline: input.deadline, elapsed, rows, province, slow, late };
}

/** The indicator definition of a compiled cell (for labels). */
export const cellIndicator = (cell: CompiledCell) => indicator(cell.indicator)!;
