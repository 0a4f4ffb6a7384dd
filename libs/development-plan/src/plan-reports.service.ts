import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { isProvinceAdmin, mayReportFor, Principal } from '@app/auth';
import { Clock } from '@app/clock';
import { AppError, OutOfScopeError } from '@app/errors';
import { checkReport, CheckIssue, indicator, platformFigures, prefillFigures, Quarter, ReportFigure } from './core';
import { PlanReport, ReportNarrative, ReportStatus } from './persistence';
import { PlanFiguresService } from './plan-figures.service';
import { PlanTargetsService } from './plan-targets.service';

export const REPORT_STATUS_ZH: Record<ReportStatus, string> = {
  draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已审核通过', locked: '已锁定', superseded: '已被更正版本取代',
};

export interface FigureInput {
  indicator: string;
  quarter: number | null;
  cumulative: number | null;
  note?: string | null;
}

export interface ReportView {
  report: PlanReport;
  /** The balance checks as the report stands (empty: it balances). */
  issues: CheckIssue[];
}

export type ReviewDecision = 'return' | 'accept' | 'lock';

/** The statuses that stand for a quarter's report (one per unit and quarter at a time). */
const CURRENT: ReportStatus[] = ['draft', 'submitted', 'returned', 'accepted', 'locked'];

/**
 * Quarterly reports: prefilled from the platform's counts (read ports of the domains), completed by the unit,
 * checked (平衡公式), submitted, returned or accepted by the province, locked, and corrected after locking as a new
 * version with a reason. Lateness is judged on the first submission of any version.
 */
@Injectable()
export class PlanReportsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly targets: PlanTargetsService,
    private readonly figures: PlanFiguresService,
    private readonly clock: Clock,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(PlanReport);
  }

  /** The unit's current report for the quarter, or null. */
  async current(principal: Principal, reporter: string, year: number, quarter: Quarter): Promise<ReportView | null> {
    this.targets.assertReporter(principal, reporter);
    const report = await this.repository.findOne({ where: { reporter, year, quarter, status: In(CURRENT) }, order: { version: 'DESC' } });
    return report ? this.view(report) : null;
  }

  /** Every current report of a quarter (for the compile). */
  currentOf(year: number, quarter: Quarter): Promise<PlanReport[]> {
    return this.repository.find({ where: { year, quarter, status: In(CURRENT) } });
  }

  /** Starts the quarter's report, prefilled from the platform; answers the existing one when there is one. */
  async prefill(principal: Principal, reporter: string, year: number, quarter: Quarter): Promise<ReportView> {
    this.targets.assertReporter(principal, reporter);
    const existing = await this.repository.findOne({ where: { reporter, year, quarter, status: In(CURRENT) }, order: { version: 'DESC' } });
    if (existing) return this.view(existing);
    const [facts, targetsByUnit] = await Promise.all([this.figures.facts(year), this.targets.targetsOf(year)]);
    const platform = platformFigures(facts.filter((f) => f.reporter === reporter), quarter).get(reporter);
    const now = this.clock.now();
    const report = this.repository.create({
      reporter, year, quarter, version: 1, status: 'draft', figures: prefillFigures(platform, targetsByUnit.get(reporter) ?? []), narrative: {},
      history: [{ status: 'draft', at: now.toISOString(), by: principal.userId }], prefilledAt: now, createdBy: principal.userId,
    });
    // Two starts at once: the second insert is ignored on the version key and both answer the one report.
    await this.repository.createQueryBuilder().insert().values(report).orIgnore().execute();
    return this.view(await this.repository.findOneOrFail({ where: { reporter, year, quarter, status: In(CURRENT) }, order: { version: 'DESC' } }));
  }

  async get(principal: Principal, id: string): Promise<ReportView> {
    return this.view(await this.load(principal, id));
  }

  /** Edits figures (the platform's counts stay as prefilled) and the narrative of a draft or returned report. */
  async update(principal: Principal, id: string, input: { figures?: FigureInput[]; narrative?: Partial<ReportNarrative> }): Promise<ReportView> {
    const report = await this.load(principal, id);
    if (report.status !== 'draft' && report.status !== 'returned') throw this.notEditable(report);
    if (input.figures) {
      const byCode = new Map(report.figures.map((f) => [f.indicator, f]));
      for (const change of input.figures) {
        if (!indicator(change.indicator)) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_UNKNOWN_INDICATOR', { indicator: change.indicator });
        const figure: ReportFigure = byCode.get(change.indicator) ?? { indicator: change.indicator, quarter: null, cumulative: null, platformQuarter: null, platformCumulative: null, note: null };
        byCode.set(change.indicator, { ...figure, quarter: change.quarter, cumulative: change.cumulative, note: change.note === undefined ? figure.note : change.note?.trim() || null });
      }
      report.figures = [...byCode.values()];
    }
    if (input.narrative) report.narrative = { ...report.narrative, ...input.narrative };
    return this.view(await this.repository.save(report));
  }

  async submit(principal: Principal, id: string): Promise<ReportView> {
    const report = await this.load(principal, id);
    if (report.status !== 'draft' && report.status !== 'returned') throw this.badTransition(report);
    const issues = checkReport(report.figures, await this.previousCumulative(report));
    if (issues.length) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'PLAN_REPORT_UNBALANCED', {
        count: issues.length, issuesZh: issues.map((i) => i.messageZh).join('；'), issuesEn: issues.map((i) => i.messageEn).join('; '),
      });
    }
    const now = this.clock.now();
    report.firstSubmittedAt ??= now;
    return this.view(await this.step(report, 'submitted', principal, now));
  }

  /** The province's review: return (with a reason) or accept a submitted report; lock an accepted one. */
  async review(principal: Principal, id: string, decision: ReviewDecision, reason: string | null): Promise<ReportView> {
    if (!isProvinceAdmin(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'PROVINCE_ADMIN_ONLY');
    const report = await this.load(principal, id);
    const from: Record<ReviewDecision, ReportStatus> = { return: 'submitted', accept: 'submitted', lock: 'accepted' };
    if (report.status !== from[decision]) throw this.badTransition(report);
    if (decision === 'return' && !reason?.trim()) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_REASON_REQUIRED');
    if (decision === 'return') report.returnReason = reason!.trim();
    const to: Record<ReviewDecision, ReportStatus> = { return: 'returned', accept: 'accepted', lock: 'locked' };
    return this.view(await this.step(report, to[decision], principal, this.clock.now(), reason?.trim() || undefined));
  }

  /** A correction after locking: a new draft version with the reason; the locked version is superseded. */
  async correct(principal: Principal, id: string, reason: string): Promise<ReportView> {
    const report = await this.load(principal, id);
    if (report.status !== 'locked') throw this.badTransition(report);
    if (!reason.trim()) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_REASON_REQUIRED');
    const now = this.clock.now();
    await this.step(report, 'superseded', principal, now, reason.trim());
    const next = this.repository.create({
      reporter: report.reporter, year: report.year, quarter: report.quarter, version: report.version + 1, status: 'draft',
      figures: report.figures, narrative: report.narrative, prefilledAt: report.prefilledAt, firstSubmittedAt: report.firstSubmittedAt,
      correctionReason: reason.trim(), previousId: report.id, createdBy: principal.userId,
      history: [{ status: 'draft', at: now.toISOString(), by: principal.userId, reason: reason.trim() }],
    });
    return this.view(await this.repository.save(next));
  }

  private async step(report: PlanReport, status: ReportStatus, principal: Principal, now: Date, reason?: string): Promise<PlanReport> {
    report.status = status;
    report.history = [...report.history, { status, at: now.toISOString(), by: principal.userId, ...(reason ? { reason } : {}) }];
    return this.repository.save(report);
  }

  private async previousCumulative(report: PlanReport): Promise<Map<string, number>> {
    if (report.quarter <= 1) return new Map();
    const previous = await this.repository.findOne({
      where: { reporter: report.reporter, year: report.year, quarter: report.quarter - 1, status: In(['submitted', 'accepted', 'locked']) },
      order: { version: 'DESC' },
    });
    return new Map((previous?.figures ?? []).filter((f) => f.cumulative !== null).map((f) => [f.indicator, f.cumulative!]));
  }

  private async view(report: PlanReport): Promise<ReportView> {
    return { report, issues: checkReport(report.figures, await this.previousCumulative(report)) };
  }

  private async load(principal: Principal, id: string): Promise<PlanReport> {
    const report = await this.repository.findOne({ where: { id } });
    if (!report || !mayReportFor(principal, report.reporter)) throw new OutOfScopeError('plan_report');
    return report;
  }

  private notEditable(report: PlanReport): AppError {
    return new AppError(HttpStatus.CONFLICT, 'PLAN_REPORT_NOT_EDITABLE', { status: report.status, statusZh: REPORT_STATUS_ZH[report.status] });
  }

  private badTransition(report: PlanReport): AppError {
    return new AppError(HttpStatus.CONFLICT, 'PLAN_REPORT_BAD_TRANSITION', { status: report.status, statusZh: REPORT_STATUS_ZH[report.status] });
  }
}
