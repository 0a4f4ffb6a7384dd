/**
 * Payment batches, pure: instalments are keyed by claim and instalment number, and a key is put in a batch only
 * while nothing of it is paid or on its way, so no instalment is ever paid twice, whatever is replayed (the same
 * batch opened again, a return file imported twice or for the wrong batch, a payment bounced and retried).
 * Amounts are in fen (integers).
 */

export interface DueInstalment {
  claimId: string;
  number: number;
  amountFen: number;
  /** The payee's account (a 社保卡 financial account), as the bank file carries it. */
  account: string;
}

export type InstalmentStatus = 'due' | 'in_batch' | 'paid' | 'failed';

export interface InstalmentState extends DueInstalment {
  key: string;
  status: InstalmentStatus;
  /** The batch holding it while in_batch, or that paid it. */
  batchId?: string;
  /** Batches it was sent in. */
  attempts: number;
  failureReason?: string;
}

export interface BatchRow {
  key: string;
  claimId: string;
  number: number;
  amountFen: number;
  account: string;
}

export interface Batch {
  id: string;
  rows: readonly BatchRow[];
  totalFen: number;
  status: 'open' | 'closed' | 'cancelled';
}

/** One line of a bank's return file: the row was paid, failed, or (later) bounced back after being paid. */
export interface ReturnLine {
  key: string;
  result: 'paid' | 'failed' | 'bounced';
  reason?: string;
}

/** What importing a return file did, line by line. */
export interface ReturnReport {
  paid: string[];
  failed: string[];
  bounced: string[];
  /** Lines already applied (a replayed file): nothing done. */
  unchanged: string[];
  /** Lines for rows not in this batch, or that contradict what happened: nothing done, a person looks. */
  rejected: { key: string; why: string }[];
}

/** A money movement: paid out (+) or bounced back (−). The ledger's sum per key is 0 or the instalment's amount. */
export interface Movement {
  key: string;
  batchId: string;
  amountFen: number;
}

export const instalmentKey = (claimId: string, number: number) => `${claimId}#${number}`;

export class PaymentLedger {
  private readonly instalments = new Map<string, InstalmentState>();
  private readonly batches = new Map<string, Batch>();
  private readonly movementLog: Movement[] = [];

  /** Adds instalments that became due; one already known (same key) is left as it is. Returns the keys added and those that differ from the known one. */
  registerDue(due: readonly DueInstalment[]): { added: string[]; conflicts: string[] } {
    const added: string[] = [];
    const conflicts: string[] = [];
    for (const instalment of due) {
      if (!Number.isInteger(instalment.amountFen) || instalment.amountFen <= 0) throw new Error(`instalment ${instalmentKey(instalment.claimId, instalment.number)}: amount must be a positive number of fen`);
      const key = instalmentKey(instalment.claimId, instalment.number);
      const known = this.instalments.get(key);
      if (known) {
        if (known.amountFen !== instalment.amountFen || known.account !== instalment.account) conflicts.push(key);
        continue;
      }
      this.instalments.set(key, { ...instalment, key, status: 'due', attempts: 0 });
      added.push(key);
    }
    return { added, conflicts };
  }

  /** Changes the account of an instalment not on its way (after a failure for a closed account). */
  changeAccount(key: string, account: string): boolean {
    const state = this.instalments.get(key);
    if (!state || (state.status !== 'due' && state.status !== 'failed')) return false;
    state.account = account;
    return true;
  }

  /**
   * Opens a batch of every instalment due or failed (a retry), up to `maxRows`, in key order. Opening a batch id
   * that exists returns that batch unchanged: a replayed request adds nothing.
   */
  openBatch(id: string, maxRows = Infinity): Batch {
    const existing = this.batches.get(id);
    if (existing) return existing;
    const rows: BatchRow[] = [];
    for (const state of [...this.instalments.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      if (rows.length >= maxRows) break;
      if (state.status !== 'due' && state.status !== 'failed') continue;
      state.status = 'in_batch';
      state.batchId = id;
      state.attempts++;
      rows.push({ key: state.key, claimId: state.claimId, number: state.number, amountFen: state.amountFen, account: state.account });
    }
    const batch: Batch = { id, rows, totalFen: rows.reduce((sum, r) => sum + r.amountFen, 0), status: 'open' };
    this.batches.set(id, batch);
    return batch;
  }

  /** A batch never sent to the bank: its rows are due again. */
  cancelBatch(id: string): boolean {
    const batch = this.batches.get(id);
    if (!batch || batch.status !== 'open') return false;
    for (const row of batch.rows) {
      const state = this.instalments.get(row.key)!;
      if (state.status === 'in_batch' && state.batchId === id) {
        state.status = 'due';
        state.batchId = undefined;
      }
    }
    this.batches.set(id, { ...batch, status: 'cancelled' });
    return true;
  }

  /** Imports a bank's return file for a batch. Every line is checked against the row's state; replays change nothing. */
  applyReturn(batchId: string, lines: readonly ReturnLine[]): ReturnReport {
    const report: ReturnReport = { paid: [], failed: [], bounced: [], unchanged: [], rejected: [] };
    const batch = this.batches.get(batchId);
    for (const line of lines) {
      const state = this.instalments.get(line.key);
      if (!batch || batch.status === 'cancelled' || !state || !batch.rows.some((r) => r.key === line.key)) {
        report.rejected.push({ key: line.key, why: !batch ? 'unknown batch' : batch.status === 'cancelled' ? 'cancelled batch' : 'not in this batch' });
        continue;
      }
      const mine = state.batchId === batchId;
      if (line.result === 'paid') {
        if (state.status === 'in_batch' && mine) {
          state.status = 'paid';
          this.movementLog.push({ key: state.key, batchId, amountFen: state.amountFen });
          report.paid.push(line.key);
        } else if (state.status === 'paid' && mine) report.unchanged.push(line.key);
        else report.rejected.push({ key: line.key, why: `paid by this batch but ${state.status}${mine ? '' : ` in ${state.batchId ?? 'no batch'}`}` });
      } else if (line.result === 'failed') {
        if (state.status === 'in_batch' && mine) {
          state.status = 'failed';
          state.failureReason = line.reason;
          report.failed.push(line.key);
        } else if (state.status === 'failed' || !mine) report.unchanged.push(line.key);
        else report.rejected.push({ key: line.key, why: `failed by this batch but ${state.status}` });
      } else if (state.status === 'paid' && mine) {
        state.status = 'failed';
        state.failureReason = line.reason ?? 'bounced';
        this.movementLog.push({ key: state.key, batchId, amountFen: -state.amountFen });
        report.bounced.push(line.key);
      } else if (!mine || state.status === 'failed' || state.status === 'due') report.unchanged.push(line.key);
      else report.rejected.push({ key: line.key, why: `bounced from this batch but ${state.status}` });
    }
    if (batch && batch.status === 'open' && batch.rows.every((r) => this.instalments.get(r.key)!.batchId !== batchId || this.instalments.get(r.key)!.status !== 'in_batch')) {
      this.batches.set(batchId, { ...batch, status: 'closed' });
    }
    return report;
  }

  instalment(key: string): InstalmentState | undefined {
    const state = this.instalments.get(key);
    return state && { ...state };
  }

  batch(id: string): Batch | undefined {
    return this.batches.get(id);
  }

  /** Money paid out and bounced back, in order. */
  movements(): readonly Movement[] {
    return this.movementLog;
  }

  /** Net fen paid per key. */
  netPaid(): Map<string, number> {
    const net = new Map<string, number>();
    for (const m of this.movementLog) net.set(m.key, (net.get(m.key) ?? 0) + m.amountFen);
    return net;
  }
}

/** The instalments of a decision ready to pay, in fen. */
export function dueInstalments(claimId: string, account: string, instalments: readonly { number: number; amount: number; status: 'payable' | 'pending' }[]): DueInstalment[] {
  return instalments
    .filter((i) => i.status === 'payable' && i.amount > 0)
    .map((i) => ({ claimId, number: i.number, amountFen: Math.round(i.amount * 100), account }));
}
