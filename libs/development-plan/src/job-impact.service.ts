import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { isProvinceAdmin, mayReportFor, Principal } from '@app/auth';
import { Clock } from '@app/clock';
import { AppError, OutOfScopeError } from '@app/errors';
import { Taxonomy } from '@app/taxonomy';
import { EstimateLine, ForecastDemand, forecastDemand } from './core';
import { EstimateStatus, JobImpactEstimate } from './persistence';
import { WorkReliefService } from './work-relief.service';

export interface EstimateInput {
  reporter: string;
  projectName: string;
  projectId?: string | null;
  lines: EstimateLine[];
}

/**
 * 就业影响评估 of major projects (issue 20, part 6): a city, county or 洋浦 submits the jobs a project is expected
 * to create by occupation and quarter; the province approves it or returns it with a reason (the unit then
 * corrects and submits again). Approved estimates add up to forecast demand per unit, occupation and quarter.
 */
@Injectable()
export class JobImpactService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ledger: WorkReliefService,
    private readonly taxonomy: Taxonomy,
    private readonly clock: Clock,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(JobImpactEstimate);
  }

  async submit(principal: Principal, input: EstimateInput): Promise<JobImpactEstimate> {
    this.ledger.assertRegionReporter(principal, input.reporter);
    const lines = await this.checked(principal, input);
    return this.repository.save(this.repository.create({
      reporter: input.reporter, projectName: input.projectName.trim(), projectId: input.projectId ?? null, lines, status: 'submitted', submittedBy: principal.userId,
    }));
  }

  /** The unit corrects a submitted or returned estimate; it goes back to the province as submitted. */
  async update(principal: Principal, id: string, input: Omit<EstimateInput, 'reporter'>): Promise<JobImpactEstimate> {
    const estimate = await this.get(principal, id);
    if (estimate.status === 'approved') throw new AppError(HttpStatus.CONFLICT, 'JOB_IMPACT_APPROVED');
    estimate.lines = await this.checked(principal, { ...input, reporter: estimate.reporter });
    estimate.projectName = input.projectName.trim();
    estimate.projectId = input.projectId ?? null;
    estimate.status = 'submitted';
    estimate.submittedBy = principal.userId;
    return this.repository.save(estimate);
  }

  async get(principal: Principal, id: string): Promise<JobImpactEstimate> {
    const estimate = await this.repository.findOneBy({ id });
    if (!estimate) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    if (!mayReportFor(principal, estimate.reporter)) throw new OutOfScopeError('job_impact_estimate');
    return estimate;
  }

  async list(principal: Principal, status?: EstimateStatus): Promise<JobImpactEstimate[]> {
    const all = await this.repository.find({ where: status ? { status } : {}, order: { createdAt: 'DESC' } });
    return all.filter((e) => mayReportFor(principal, e.reporter));
  }

  /** The province approves a submitted estimate or returns it with a reason. */
  async review(principal: Principal, id: string, decision: 'approve' | 'return', reason: string | null): Promise<JobImpactEstimate> {
    if (!isProvinceAdmin(principal)) throw new AppError(HttpStatus.FORBIDDEN, 'PROVINCE_ADMIN_ONLY');
    const estimate = await this.get(principal, id);
    if (estimate.status !== 'submitted') throw new AppError(HttpStatus.CONFLICT, 'JOB_IMPACT_NOT_SUBMITTED');
    if (decision === 'return' && !reason?.trim()) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_REASON_REQUIRED');
    estimate.status = decision === 'approve' ? 'approved' : 'returned';
    estimate.reviewReason = decision === 'return' ? reason!.trim() : null;
    estimate.reviewedBy = principal.userId;
    estimate.reviewedAt = this.clock.now();
    return this.repository.save(estimate);
  }

  /** Forecast demand from the approved estimates the caller may see, from `year` on. */
  async forecast(principal: Principal, year: number): Promise<ForecastDemand[]> {
    const approved = await this.repository.find({ where: { status: 'approved' } });
    return forecastDemand(approved.filter((e) => mayReportFor(principal, e.reporter)).map((e) => ({ reporter: e.reporter, lines: e.lines.filter((l) => l.year >= year) })));
  }

  private async checked(principal: Principal, input: EstimateInput): Promise<EstimateLine[]> {
    if (input.projectId) {
      const project = await this.ledger.visible(principal, input.projectId);
      if (project.reporter !== input.reporter) throw new AppError(HttpStatus.BAD_REQUEST, 'JOB_IMPACT_PROJECT_ELSEWHERE');
    }
    for (const line of input.lines) {
      if (!this.taxonomy.occupation(line.occupationCode)) throw new AppError(HttpStatus.BAD_REQUEST, 'JOB_IMPACT_UNKNOWN_OCCUPATION', { code: line.occupationCode });
    }
    return input.lines.map((l) => ({ occupationCode: l.occupationCode, year: l.year, quarter: l.quarter, jobs: l.jobs }));
  }
}
