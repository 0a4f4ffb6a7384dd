import { HttpStatus, Injectable } from '@nestjs/common';
import { isProvinceAdmin, mayReportFor, Principal } from '@app/auth';
import { Clock, shanghaiDate } from '@app/clock';
import { AppError, OutOfScopeError } from '@app/errors';
import { HireFigureReads, HireRecord } from '@app/seeker-pool';
import { POLICY_DIRECTIONS } from '@app/taxonomy';
import { compileQuarter, CompiledQuarter, deadline, indicator, Quarter, quarterEndDate, ReportForCompile } from './core';
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

/** The province's compile of a quarter, and the records behind a figure. */
@Injectable()
export class PlanCompileService {
  constructor(
    private readonly reporters: PlanReporters,
    private readonly targets: PlanTargetsService,
    private readonly reports: PlanReportsService,
    private readonly figures: PlanFiguresService,
    private readonly hires: HireFigureReads,
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

  /** The hires a platform figure counts (hires, and hires of priority groups), the seekers' names masked. */
  async drillDown(principal: Principal, query: DrillDownQuery): Promise<{ total: number; records: HireRecord[] }> {
    if (!this.reporters.get(query.reporter)) throw new AppError(HttpStatus.NOT_FOUND, 'PLAN_UNKNOWN_REPORTER', { reporter: query.reporter });
    if (!mayReportFor(principal, query.reporter)) throw new OutOfScopeError('plan_report');
    const def = indicator(query.indicator);
    if (!def || (def.metric !== 'hires' && def.metric !== 'hires_priority')) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_UNKNOWN_INDICATOR', { indicator: query.indicator });
    const filter = this.reporters.regionFilter(query.reporter);
    if (filter.prefixes.length === 0) return { total: 0, records: [] };
    const end = quarterEndDate(query.year, query.quarter);
    const startMonth = query.span === 'quarter' ? (query.quarter - 1) * 3 + 1 : 1;
    const from = new Date(`${query.year}-${String(startMonth).padStart(2, '0')}-01T00:00:00+08:00`);
    const to = new Date(new Date(`${end}T00:00:00+08:00`).getTime() + 86_400_000);
    const direction = POLICY_DIRECTIONS.find((d) => d.code === def.direction)!.code;
    const [records, total] = await this.hires.records({
      from, to, regionPrefixes: filter.prefixes, excludeRegions: filter.exclude, direction, priorityOnly: def.metric === 'hires_priority', limit: query.limit,
    });
    return { total, records };
  }
}
