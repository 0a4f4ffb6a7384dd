import { Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { Clock } from '@app/clock';
import { Quarter } from './core';
import { PlanCompileService } from './plan-compile.service';
import { PlanReportsService } from './plan-reports.service';
import { buildPlanWorkbook, DEFAULT_HEADER } from './plan-workbook';
import { PlanReporters } from './reporters';

/** The compiled workbook the province reports upwards (Excel). */
@Injectable()
export class PlanWorkbookService {
  constructor(
    private readonly compiler: PlanCompileService,
    private readonly reports: PlanReportsService,
    private readonly reporters: PlanReporters,
    private readonly clock: Clock,
  ) {}

  /** `origin`: the console's origin the figures link to (their drill-down); without it the figures are plain numbers. */
  async workbook(principal: Principal, year: number, quarter: Quarter, origin?: string): Promise<{ fileName: string; content: Buffer }> {
    const compiled = await this.compiler.compile(principal, year, quarter);
    const reports = await this.reports.currentOf(year, quarter);
    const narratives = reports
      .filter((r) => r.status !== 'draft' && Object.values(r.narrative ?? {}).some((v) => typeof v === 'string' && v.trim()))
      .map((r) => ({
        reporterZh: this.reporters.get(r.reporter)?.nameZh ?? r.reporter,
        practices: r.narrative.practices ?? '', problems: r.narrative.problems ?? '', nextSteps: r.narrative.nextSteps ?? '', examples: r.narrative.examples ?? '',
      }));
    const content = await buildPlanWorkbook(compiled, { ...DEFAULT_HEADER, reportDate: this.clock.today() }, narratives, origin ? { origin, year, quarter } : undefined);
    return { fileName: `岗位开发计划-${year}Q${quarter}.xlsx`, content };
  }
}
