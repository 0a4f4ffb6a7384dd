import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { mayReportFor, Principal } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { AppError, OutOfScopeError } from '@app/errors';
import { indicator, PlanTarget } from './core';
import { DevelopmentPlan } from './persistence';
import { PlanReporters } from './reporters';

export interface PlanInput {
  targets: PlanTarget[];
  contactName?: string | null;
  /** A mobile number for SMS reminders; stored encrypted. */
  contactPhone?: string | null;
}

export interface PlanView {
  reporter: string;
  year: number;
  targets: PlanTarget[];
  contactName: string | null;
  /** Whether an SMS number is on file (the number itself is never returned). */
  hasContactPhone: boolean;
  updatedAt: Date | null;
}

/** 岗位开发计划: a unit's targets for a year, one row per unit and year, replaced as a whole. */
@Injectable()
export class PlanTargetsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly reporters: PlanReporters,
    private readonly cipher: FieldCipher,
  ) {}

  /** @throws 404 when the unit is unknown or not the caller's */
  assertReporter(principal: Principal, reporter: string): void {
    if (!this.reporters.get(reporter)) throw new AppError(HttpStatus.NOT_FOUND, 'PLAN_UNKNOWN_REPORTER', { reporter });
    if (!mayReportFor(principal, reporter)) throw new OutOfScopeError('development_plan');
  }

  async get(principal: Principal, reporter: string, year: number): Promise<PlanView> {
    this.assertReporter(principal, reporter);
    const plan = await this.txHost.tx.getRepository(DevelopmentPlan).findOne({ where: { reporter, year } });
    return this.view(reporter, year, plan);
  }

  /** Targets of all units for a year, by unit (for the compile). */
  async targetsOf(year: number): Promise<Map<string, PlanTarget[]>> {
    const plans = await this.txHost.tx.getRepository(DevelopmentPlan).find({ where: { year }, select: ['reporter', 'targets'] });
    return new Map(plans.map((p) => [p.reporter, p.targets]));
  }

  async put(principal: Principal, reporter: string, year: number, input: PlanInput): Promise<PlanView> {
    this.assertReporter(principal, reporter);
    const seen = new Set<string>();
    const targets: PlanTarget[] = [];
    for (const target of input.targets) {
      const def = indicator(target.indicator);
      if (!def) throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_UNKNOWN_INDICATOR', { indicator: target.indicator });
      if (seen.has(def.code)) continue;
      seen.add(def.code);
      const milestones = target.milestones?.length ? [0, 1, 2, 3].map((i) => target.milestones?.[i] ?? null) : null;
      if (def.kind === 'count' && target.annualGoal !== null && milestones?.some((m) => m !== null && m > target.annualGoal!)) {
        throw new AppError(HttpStatus.BAD_REQUEST, 'PLAN_MILESTONE_ABOVE_GOAL', { indicator: def.code });
      }
      targets.push({ indicator: def.code, annualGoal: target.annualGoal, milestones, attachment: target.attachment ?? null });
    }
    const repository = this.txHost.tx.getRepository(DevelopmentPlan);
    const existing = await repository.findOne({ where: { reporter, year } });
    const plan = existing ?? repository.create({ reporter, year });
    plan.targets = targets;
    if (input.contactName !== undefined) plan.contactName = input.contactName?.trim() || null;
    if (input.contactPhone !== undefined) plan.contactPhoneEncrypted = input.contactPhone ? this.cipher.encrypt(input.contactPhone) : null;
    plan.updatedBy = principal.userId;
    const saved = await repository.save(plan);
    return this.view(reporter, year, saved);
  }

  /** The unit's SMS contact, decrypted; null when none is on file. */
  async contactOf(reporter: string, year: number): Promise<{ name: string; phone: string } | null> {
    const plan = await this.txHost.tx.getRepository(DevelopmentPlan).findOne({ where: { reporter, year }, select: ['id', 'contactName', 'contactPhoneEncrypted'] });
    if (!plan?.contactPhoneEncrypted) return null;
    return { name: plan.contactName ?? '', phone: this.cipher.decrypt(plan.contactPhoneEncrypted) };
  }

  private view(reporter: string, year: number, plan: DevelopmentPlan | null): PlanView {
    return {
      reporter, year, targets: plan?.targets ?? [], contactName: plan?.contactName ?? null, hasContactPhone: Boolean(plan?.contactPhoneEncrypted), updatedAt: plan?.updatedAt ?? null,
    };
  }
}
