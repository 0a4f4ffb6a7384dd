import { Quarter } from './schedule';

/** The plan's floor for 以工代赈: labour pay at least 30% of a project's 以工代赈 funds (二（三）). */
export const MIN_LABOUR_PAY_SHARE = 0.3;

export interface LedgerProject {
  id: string;
  fundsFen: number;
}

/** One labour-pay payment: the worker and account as blind indexes (never the numbers themselves). */
export interface LedgerPayment {
  projectId: string;
  workerKey: string;
  accountKey: string;
  amountFen: number;
}

export type LedgerFlag = 'pay_share_below_30' | 'worker_on_several_projects' | 'account_on_several_projects' | 'account_shared_by_workers';

export interface ProjectSummary {
  projectId: string;
  paidFen: number;
  /** Labour pay actually paid / the project's 以工代赈 funds (4 decimals). */
  payShare: number;
  workers: number;
  payments: number;
  flags: LedgerFlag[];
  /** Workers of this project also paid on another project (anywhere in the province). */
  workersOnOtherProjects: number;
  /** Accounts of this project also paid on another project, or by more than one worker. */
  accountsShared: number;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * The ledger's checks, per project: labour pay share against the 30% floor; a worker paid on several projects; a
 * bank account paid on several projects or for several workers. `payments` are every payment of the year (any
 * project), so a worker on another unit's project is found too.
 */
export function summarizeLedger(projects: readonly LedgerProject[], payments: readonly LedgerPayment[]): ProjectSummary[] {
  const projectsOf = (key: (p: LedgerPayment) => string) => {
    const map = new Map<string, Set<string>>();
    for (const p of payments) {
      const k = key(p);
      if (!map.has(k)) map.set(k, new Set());
      map.get(k)!.add(p.projectId);
    }
    return map;
  };
  const workerProjects = projectsOf((p) => p.workerKey);
  const accountProjects = projectsOf((p) => p.accountKey);
  const accountWorkers = new Map<string, Set<string>>();
  for (const p of payments) {
    if (!accountWorkers.has(p.accountKey)) accountWorkers.set(p.accountKey, new Set());
    accountWorkers.get(p.accountKey)!.add(p.workerKey);
  }
  const byProject = new Map<string, LedgerPayment[]>();
  for (const p of payments) {
    if (!byProject.has(p.projectId)) byProject.set(p.projectId, []);
    byProject.get(p.projectId)!.push(p);
  }
  return projects.map((project) => {
    const own = byProject.get(project.id) ?? [];
    const paidFen = own.reduce((sum, p) => sum + p.amountFen, 0);
    const workers = new Set(own.map((p) => p.workerKey));
    const accounts = new Set(own.map((p) => p.accountKey));
    const workersOnOtherProjects = [...workers].filter((w) => workerProjects.get(w)!.size > 1).length;
    const accountsOnOther = [...accounts].filter((a) => accountProjects.get(a)!.size > 1);
    const accountsByWorkers = [...accounts].filter((a) => accountWorkers.get(a)!.size > 1);
    const payShare = round4(paidFen / project.fundsFen);
    const flags: LedgerFlag[] = [];
    if (paidFen < MIN_LABOUR_PAY_SHARE * project.fundsFen) flags.push('pay_share_below_30'); // on the exact share, not the rounded one
    if (workersOnOtherProjects > 0) flags.push('worker_on_several_projects');
    if (accountsOnOther.length > 0) flags.push('account_on_several_projects');
    if (accountsByWorkers.length > 0) flags.push('account_shared_by_workers');
    return {
      projectId: project.id, paidFen, payShare, workers: workers.size, payments: own.length, flags, workersOnOtherProjects,
      accountsShared: new Set([...accountsOnOther, ...accountsByWorkers]).size,
    };
  });
}

/** One line of a job-impact estimate: jobs expected in an occupation in a quarter. */
export interface EstimateLine {
  occupationCode: string;
  year: number;
  quarter: Quarter;
  jobs: number;
}

export interface ForecastDemand {
  reporter: string;
  occupationCode: string;
  year: number;
  quarter: Quarter;
  jobs: number;
  /** The approved estimates it adds up. */
  estimates: number;
}

/** Approved estimates as forecast demand: jobs per unit, occupation and quarter, summed over the estimates. */
export function forecastDemand(approved: readonly { reporter: string; lines: readonly EstimateLine[] }[]): ForecastDemand[] {
  const byKey = new Map<string, ForecastDemand>();
  for (const estimate of approved) {
    const seen = new Set<string>();
    for (const line of estimate.lines) {
      const key = `${estimate.reporter}|${line.occupationCode}|${line.year}|${line.quarter}`;
      const row = byKey.get(key) ?? { reporter: estimate.reporter, occupationCode: line.occupationCode, year: line.year, quarter: line.quarter, jobs: 0, estimates: 0 };
      row.jobs += line.jobs;
      if (!seen.has(key)) row.estimates += 1;
      seen.add(key);
      byKey.set(key, row);
    }
  }
  return [...byKey.values()].sort((a, b) => a.year - b.year || a.quarter - b.quarter || a.reporter.localeCompare(b.reporter) || a.occupationCode.localeCompare(b.occupationCode));
}
