import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { isProvinceAdmin, mayReportFor, Principal } from '@app/auth';
import { FieldCipher } from '@app/crypto';
import { AppError, OutOfScopeError } from '@app/errors';
import { maskName, maskResidentId, normalizeResidentId } from '@app/identifiers';
import { LedgerPayment, ProjectSummary, summarizeLedger } from './core';
import { WorkReliefPayment, WorkReliefProject } from './persistence';
import { PlanReporters } from './reporters';

export interface ProjectInput {
  reporter: string;
  year: number;
  name: string;
  fundsFen: number;
  keyProject: boolean;
}

export interface PaymentInput {
  workerName: string;
  workerId: string;
  account: string;
  amountFen: number;
  paidOn: string;
}

export interface ProjectView {
  id: string;
  reporter: string;
  year: number;
  name: string;
  fundsFen: number;
  keyProject: boolean;
  summary: ProjectSummary;
}

export interface PaymentView {
  id: string;
  workerName: string;
  workerId: string;
  account: string;
  amountFen: number;
  paidOn: string;
}

/** A bank account shown by its last four digits only. */
const maskAccount = (account: string) => `****${account.slice(-4)}`;

/**
 * 以工代赈 ledger (issue 20, part 6): a city's, county's or 洋浦's projects with their funds and the labour pay
 * actually paid per worker; each project's pay share against the 30% floor, and the workers and accounts found on
 * several projects anywhere in the province (the other projects are not named to a unit that does not own them).
 */
@Injectable()
export class WorkReliefService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly reporters: PlanReporters,
    private readonly cipher: FieldCipher,
  ) {}

  private get projects() {
    return this.txHost.tx.getRepository(WorkReliefProject);
  }

  private get payments() {
    return this.txHost.tx.getRepository(WorkReliefPayment);
  }

  /** A city, county or 洋浦 the caller reports for (member units run no 以工代赈 projects here). */
  assertRegionReporter(principal: Principal, reporter: string): void {
    const ref = this.reporters.get(reporter);
    if (!ref || ref.kind === 'unit') throw new AppError(HttpStatus.NOT_FOUND, 'PLAN_UNKNOWN_REPORTER', { reporter });
    if (!mayReportFor(principal, reporter)) throw new OutOfScopeError('work_relief_project');
  }

  async create(principal: Principal, input: ProjectInput): Promise<ProjectView> {
    this.assertRegionReporter(principal, input.reporter);
    const saved = await this.projects.save(this.projects.create({ ...input, name: input.name.trim(), createdBy: principal.userId }));
    return (await this.views([saved]))[0];
  }

  /** The year's projects the caller may see (one unit's, or every unit's), each with its summary and flags. */
  async list(principal: Principal, year: number, reporter?: string): Promise<ProjectView[]> {
    if (reporter) this.assertRegionReporter(principal, reporter);
    const all = await this.projects.find({ where: { year, ...(reporter ? { reporter } : {}) }, order: { reporter: 'ASC', createdAt: 'ASC' } });
    return this.views(all.filter((p) => isProvinceAdmin(principal) || mayReportFor(principal, p.reporter)));
  }

  async get(principal: Principal, id: string): Promise<ProjectView & { paymentsList: PaymentView[] }> {
    const project = await this.visible(principal, id);
    const rows = await this.payments.find({ where: { projectId: id }, order: { paidOn: 'ASC', createdAt: 'ASC' } });
    const [view] = await this.views([project]);
    return {
      ...view,
      paymentsList: rows.map((p) => ({
        id: p.id, workerName: maskName(p.workerName), workerId: maskResidentId(this.cipher.decrypt(p.workerIdEncrypted)),
        account: maskAccount(this.cipher.decrypt(p.accountEncrypted)), amountFen: p.amountFen, paidOn: p.paidOn,
      })),
    };
  }

  /** Records labour pay paid on a project (a batch from the payroll), then answers the project with its new summary. */
  async addPayments(principal: Principal, id: string, input: PaymentInput[]): Promise<ProjectView> {
    const project = await this.visible(principal, id);
    await this.payments.insert(input.map((p) => {
      const workerId = normalizeResidentId(p.workerId);
      const account = p.account.replace(/\s+/g, '');
      return {
        projectId: project.id, workerName: p.workerName.trim(), workerIdEncrypted: this.cipher.encrypt(workerId), workerIdHash: this.cipher.blindIndex(workerId),
        accountEncrypted: this.cipher.encrypt(account), accountHash: this.cipher.blindIndex(account), amountFen: p.amountFen, paidOn: p.paidOn, createdBy: principal.userId,
      };
    }));
    return (await this.views([project]))[0];
  }

  /** A project the caller reports for; 404 otherwise. */
  async visible(principal: Principal, id: string): Promise<WorkReliefProject> {
    const project = await this.projects.findOneBy({ id });
    if (!project) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND');
    if (!mayReportFor(principal, project.reporter)) throw new OutOfScopeError('work_relief_project');
    return project;
  }

  /** Summaries against every payment of the projects' years, so a worker or account on another unit's project is found. */
  private async views(projects: WorkReliefProject[]): Promise<ProjectView[]> {
    if (projects.length === 0) return [];
    const years = [...new Set(projects.map((p) => p.year))];
    const rows: { project_id: string; worker_id_hash: string; account_hash: string; amount_fen: string }[] = await this.txHost.tx.query(
      `SELECT pay.project_id, pay.worker_id_hash, pay.account_hash, pay.amount_fen
       FROM work_relief_payment pay JOIN work_relief_project p ON p.id = pay.project_id WHERE p.year = ANY($1::int[])`,
      [years],
    );
    const payments: LedgerPayment[] = rows.map((r) => ({ projectId: r.project_id, workerKey: r.worker_id_hash, accountKey: r.account_hash, amountFen: Number(r.amount_fen) }));
    const summaries = summarizeLedger(projects.map((p) => ({ id: p.id, fundsFen: p.fundsFen })), payments);
    return projects.map((p, i) => ({ id: p.id, reporter: p.reporter, year: p.year, name: p.name, fundsFen: p.fundsFen, keyProject: p.keyProject, summary: summaries[i] }));
  }
}
