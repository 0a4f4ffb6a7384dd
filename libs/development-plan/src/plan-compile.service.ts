import { HttpStatus, Injectable } from '@nestjs/common';
import { isProvinceAdmin, mayReportFor, Principal } from '@app/auth';
import { addDays, Clock, shanghaiDate, shanghaiInstant } from '@app/clock';
import { FilledShortageRecord, ShortageFigureReads } from '@app/employer-demand';
import { EventFigureReads, HeldEventRecord } from '@app/events';
import { AppError, OutOfScopeError } from '@app/errors';
import { HireFigureReads, HireRecord } from '@app/seeker-pool';
import { compileQuarter, CompiledQuarter, deadline, DRILLABLE_METRICS, indicator, PlatformMetric, Quarter, quarterEndDate, ReportForCompile } from './core';
import { PlanFiguresService } from './plan-figures.service';
import { PlanReportsService } from './plan-reports.service';
import { PlanTargetsService } from './plan-targets.service';
import { PlanReporters } from './reporters';

/** Slow: completion below 时序进度 minus 5 points (policy.md §2). */
export const SLOW_TOLERANCE = 0.05;

export interface DrillDownQuery {
  year: number;
  quarter: Quarter;
  reporter: string;
  indicator: string;
  /** quarter: this quarter's records; cumulative: since 1 January. */
  span: 'quarter' | 'cumulative';
  limit: number;
}

/** The records behind a figure: one list filled, by the figure's metric. */
export interface DrillDown {
  metric: PlatformMetric;
  total: number;
  /** Hires (hires, hires_priority). */
  records: HireRecord[];
  /** Shortages filled. */
  shortages: FilledShortageRecord[];
  /** Events held. */
  events: HeldEventRecord[];
}

/** The province's compile of a quarter, and the records behind a figure. */
@Injectable()
export class PlanCompileService {
  constructor(
    private readonly reporters: PlanReporters,
    private readonly targets: PlanTargetsService,
    private readonly reports: PlanReportsService,
    private readonly figures: PlanFiguresService,
    private readonly hires: HireFigureReads,
    private readonly shortages: ShortageFigureReads,
    private readonly events: EventFigureReads,
    private readonly clock: Clock,
  ) {}

  async compile(principal: Principal, year: number, quarter: Quarter): Promise<CompiledQuarter> {
    if (!isProvinceAdmin(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'PROVINCE_ADMIN_ONLY');
    return this.compileFor(year, quarter, this.clock.today());
  }

  /** The compile without an access check (for reminders and benchmarks). */
  async compileFor(year: number, quarter: Quarter, today: string): Promise<CompiledQuarter> {
    const [facts, plans, reports] = await Promise.all([this.figures.facts(year), this.targets.targetsOf(year), this.reports.currentOf(year, quarter)]);
    const byReporter = new Map<string, ReportForCompile>();
    for (const report of reports) {
      byReporter.set(report.reporter, {
        reporter: report.reporter, status: report.status, version: report.version, figures: report.figures,
        firstSubmittedOn: report.firstSubmittedAt ? shanghaiDate(report.firstSubmittedAt) : null,
      });
    }
    return compileQuarter({ year, quarter, deadline: deadline(year, quarter), today, reporters: this.reporters.all(), plans, reports: byReporter, facts, slowTolerance: SLOW_TOLERANCE });
  }

  /**
   * The records a platform figure of a city, county or 洋浦 counts: the hires (of priority groups, for that part;
   * seekers' names masked), the shortages filled, or the events held, in the quarter or since 1 January.
   */
  async drillDown(principal: Principal, query: DrillDownQuery): Promise<DrillDown> {
    if (!this.reporters.get(query.reporter)) throw new AppError(HttpStatus.NOT_FOUND, 'PLAN_UNKNOWN_REPORTER', { reporter: query.reporter });
    if (!mayReportFor(principal, query.reporter)) throw new OutOfScopeError('plan_report');
    const def = indicator(query.indicator);
    if (!def?.metric || !DRILLABLE_METRICS.includes(def.metric)) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_UNKNOWN_INDICATOR', { indicator: query.indicator });
    const metric = def.metric;
    const none: DrillDown = { metric, total: 0, records: [], shortages: [], events: [] };
    const filter = this.reporters.regionFilter(query.reporter);
    if (filter.prefixes.length === 0) return none;
    const startMonth = query.span === 'quarter' ? (query.quarter - 1) * 3 + 1 : 1;
    const fromDay = `${query.year}-${String(startMonth).padStart(2, '0')}-01`;
    const toDay = addDays(quarterEndDate(query.year, query.quarter), 1);
    const where = { regionPrefixes: filter.prefixes, excludeRegions: filter.exclude, direction: def.direction, limit: query.limit };
    const from = shanghaiInstant(fromDay, '00:00');
    const to = shanghaiInstant(toDay, '00:00');
    if (metric === 'shortages_filled') {
      const [shortages, total] = await this.shortages.filledRecords({ ...where, from, to });
      return { ...none, total, shortages };
    }
    if (metric === 'events_held') {
      const [events, total] = await this.events.heldRecords({ ...where, from: fromDay, to: toDay });
      return { ...none, total, events };
    }
    const [records, total] = await this.hires.records({ ...where, from, to, priorityOnly: metric === 'hires_priority' });
    return { ...none, total, records };
  }
}
