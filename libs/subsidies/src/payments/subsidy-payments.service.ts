import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { stream, Style } from 'exceljs';
import type { Principal } from '@app/auth';
import { Clock, shanghaiDate } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { OutboxService } from '@app/database';
import { AppError } from '@app/errors';
import { ClaimsService } from '../claims/claims.service';
import { fenToYuan, parseReturnResult, paymentPurpose, returnTransition, BankRowResult, ReturnResult } from '../core';
import { headerKey, readWorkbook } from '../evidence/tables';
import { SubsidyPaymentBatch } from '../persistence/payment.entity';
import { PAYABLE_CLAIM_STATUSES, SubsidyRecordsService } from '../persistence/subsidy-records.service';
import { FundMovementKind } from './payment-records.entity';

/** The bank file's columns, in order (the layout the county's bank takes). */
export const BANK_FILE_COLUMNS = ['户名', '账号', '开户行', '金额', '用途', '批次号', '流水号'] as const;
/**
 * The bank file's cell styles by column: the account stays text (a long digit string as a number loses its last
 * digits in Excel); amounts in yuan with two decimals. One object per column, shared by every row: exceljs registers
 * a style object it has seen once by identity, where a fresh object per cell (a column style copied into each cell)
 * is serialised and looked up again, 700k times for a 100k-row file.
 */
const BANK_FILE_STYLES: readonly Partial<Style>[] = BANK_FILE_COLUMNS.map((_, k) => (k === 1 ? { numFmt: '@' } : k === 3 ? { numFmt: '0.00' } : {}));
/** A return file names the line by 流水号 and says 结果 (成功 / 失败 / 退回), with 失败原因 when it failed. */
export const RETURN_FILE_COLUMNS = { serial: ['流水号', '交易流水号', '业务流水号'], result: ['结果', '处理结果', '交易结果', '状态'], reason: ['失败原因', '原因', '备注'], batch: ['批次号'], amount: ['金额', '交易金额'] };
/** Largest batch by default (a bank file of 100k rows is the S7 target). */
export const MAX_BATCH_ROWS = 200_000;

export interface BatchSummary {
  id: string;
  status: SubsidyPaymentBatch['status'];
  rowCount: number;
  totalFen: number;
  createdAt: Date;
  paid: number;
  failed: number;
  pending: number;
}

export interface ReturnImportReport {
  batchId: string;
  paid: string[];
  failed: string[];
  bounced: string[];
  unchanged: string[];
  rejected: { serial: string; row: number; why: string }[];
  claimsPaid: string[];
}

export interface LedgerLine {
  month: string;
  rule: string;
  paidFen: number;
  failedFen: number;
  bouncedFen: number;
  recoveredFen: number;
  /** Paid − bounced − recovered. */
  netFen: number;
}

/**
 * Payment batches for approved claims (issue 19, policy.md section 1): the instalments of each claim's latest eligible
 * decision, registered once per claim and number when the claim is approved (`SubsidyRecordsService.registerInstalments`,
 * in the approving transaction), are collected into a batch (locked with SKIP LOCKED, so two batches
 * made at once never share an instalment; a partial unique index holds one pending or paid bank-file row per
 * instalment whatever happens), exported as the bank's Excel layout, and settled by the bank's return file. Failed and
 * bounced instalments go into a later batch; a claim is paid once all its instalments are; the fund ledger sums the
 * movements by month and rule.
 */
@Injectable()
export class SubsidyPaymentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cipher: FieldCipher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly claims: ClaimsService,
    private readonly records: SubsidyRecordsService,
  ) {}

  /**
   * Opens a batch of every instalment due or failed (a retry) of a payable claim with a payee, up to `maxRows`, in
   * claim and number order, after registering those of payable claims that have none yet (approved before
   * instalments were registered at approval). Returns null when nothing is due (no empty batch is kept).
   */
  createBatch(createdBy: string | null, maxRows = MAX_BATCH_ROWS): Promise<BatchSummary | null> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      await this.records.registerInstalments();
      const id = `PB${shanghaiDate(this.clock.now()).replace(/-/g, '')}${randomBytes(4).toString('hex').toUpperCase()}`;
      await tx.query(`INSERT INTO subsidy_payment_batch (id, status, row_count, total_fen, created_by) VALUES ($1, 'open', 0, 0, $2)`, [id, createdBy]);
      // One statement: the due instalments locked (SKIP LOCKED: a concurrent batch takes others) with their claim's rule
      // and payee, written as numbered bank-file rows (the partial unique index on a row's instalment refuses a second
      // pending or paid row whatever happens), and marked as in this batch.
      const inserted: { n: number; total: string | null }[] = await tx.query(`
        WITH picked AS (
          SELECT i.id, i.claim_id, i.number, i.amount_fen, c.rule, p.payee_name, p.account, p.bank_name
          FROM subsidy_payment_instalment i JOIN subsidy_claim c ON c.id = i.claim_id JOIN subsidy_payee p ON p.claim_id = i.claim_id
          WHERE i.status IN ('due', 'failed') AND c.status IN ${PAYABLE_CLAIM_STATUSES}
          ORDER BY i.claim_id, i.number
          LIMIT $2
          FOR UPDATE OF i SKIP LOCKED
        ), rows AS (
          INSERT INTO subsidy_payment_batch_row (batch_id, serial, instalment_id, claim_id, rule, amount_fen, payee_name, account, bank_name, purpose)
          SELECT $1, $1 || '-' || lpad((row_number() OVER (ORDER BY claim_id, number))::text, 6, '0'), id, claim_id, rule, amount_fen, payee_name, account, bank_name,
                 ${purposeSql('rule', 'number')}
          FROM picked
          ON CONFLICT (instalment_id) WHERE result IN ('pending', 'paid') DO NOTHING
          RETURNING instalment_id, amount_fen
        ), moved AS (
          UPDATE subsidy_payment_instalment i SET status = 'in_batch', batch_id = $1, attempts = i.attempts + 1, failure_reason = NULL
          FROM rows WHERE i.id = rows.instalment_id RETURNING 1
        )
        SELECT (SELECT count(*)::int FROM moved) AS n, (SELECT sum(amount_fen) FROM rows) AS total`, [id, maxRows]);
      const n = inserted[0].n;
      if (n === 0) {
        await tx.query(`DELETE FROM subsidy_payment_batch WHERE id = $1`, [id]);
        return null;
      }
      await tx.query(`UPDATE subsidy_payment_batch SET row_count = $2, total_fen = $3 WHERE id = $1`, [id, n, Number(inserted[0].total)]);
      return this.summary(id);
    });
  }

  /** A batch never sent: its rows are cancelled and their instalments due again. */
  cancelBatch(batchId: string): Promise<BatchSummary> {
    return this.txHost.withTransaction(async () => {
      const batch = await this.lockBatch(batchId);
      if (batch.status !== 'open') throw new AppError(HttpStatus.CONFLICT, 'TRANSITION_NOT_ALLOWED', { from: batch.status, to: 'cancelled' });
      const [{ n }] = await this.txHost.tx.query(`SELECT count(*)::int AS n FROM subsidy_payment_batch_row WHERE batch_id = $1 AND result <> 'pending'`, [batchId]);
      if (n > 0) throw new AppError(HttpStatus.CONFLICT, 'TRANSITION_NOT_ALLOWED', { from: 'returned', to: 'cancelled' });
      await this.txHost.tx.query(`UPDATE subsidy_payment_instalment SET status = 'due', batch_id = NULL WHERE batch_id = $1 AND status = 'in_batch'`, [batchId]);
      await this.txHost.tx.query(`UPDATE subsidy_payment_batch_row SET result = 'cancelled' WHERE batch_id = $1`, [batchId]);
      await this.txHost.tx.query(`UPDATE subsidy_payment_batch SET status = 'cancelled' WHERE id = $1`, [batchId]);
      return this.summary(batchId);
    });
  }

  async summary(batchId: string): Promise<BatchSummary> {
    const rows: (BatchSummary & { total_fen: string; row_count: number; created_at: Date })[] = await this.txHost.tx.query(`
      SELECT b.id, b.status, b.row_count, b.total_fen, b.created_at, r.paid, r.failed, r.pending
      FROM subsidy_payment_batch b, LATERAL (
        SELECT count(*) FILTER (WHERE result = 'paid')::int AS paid, count(*) FILTER (WHERE result IN ('failed', 'bounced'))::int AS failed,
          count(*) FILTER (WHERE result = 'pending')::int AS pending
        FROM subsidy_payment_batch_row WHERE batch_id = b.id
      ) r WHERE b.id = $1`, [batchId]);
    if (!rows[0]) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'payment batch' });
    const r = rows[0];
    return { id: r.id, status: r.status, rowCount: r.row_count, totalFen: Number(r.total_fen), createdAt: r.created_at, paid: r.paid, failed: r.failed, pending: r.pending };
  }

  async listBatches(offset: number, limit: number): Promise<[BatchSummary[], number]> {
    const ids: { id: string }[] = await this.txHost.tx.query(`SELECT id FROM subsidy_payment_batch ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT $2`, [offset, limit]);
    const [{ n }] = await this.txHost.tx.query(`SELECT count(*)::int AS n FROM subsidy_payment_batch`);
    return [await Promise.all(ids.map((r) => this.summary(r.id))), n];
  }

  /** The batch as the bank's Excel file: 户名, 账号, 开户行, 金额 (yuan), 用途, 批次号, 流水号; cancelled rows left out. */
  async exportBatch(batchId: string): Promise<Buffer> {
    const [batch] = await this.txHost.tx.query(`SELECT id FROM subsidy_payment_batch WHERE id = $1`, [batchId]);
    if (!batch) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'payment batch' });
    const rows: { payee_name: string; account: string; bank_name: string; amount_fen: number; purpose: string; serial: string }[] = await this.txHost.tx.query(
      `SELECT payee_name, account, bank_name, amount_fen, purpose, serial FROM subsidy_payment_batch_row WHERE batch_id = $1 AND result <> 'cancelled' ORDER BY serial`,
      [batchId],
    );
    // Streamed (rows committed as they are written): a 100k-row bank file never holds the whole sheet model in memory.
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => (sink.on('end', resolve), sink.on('error', reject)));
    const workbook = new stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('代发明细');
    sheet.columns = BANK_FILE_COLUMNS.map((header) => ({ header, width: header === '用途' ? 30 : header === '账号' || header === '流水号' ? 26 : 16 }));
    for (const r of rows) {
      const row = sheet.addRow([this.cipher.decrypt(r.payee_name), this.cipher.decrypt(r.account), r.bank_name, r.amount_fen / 100, r.purpose, batchId, r.serial]);
      for (let k = 0; k < BANK_FILE_STYLES.length; k++) row.getCell(k + 1).style = BANK_FILE_STYLES[k];
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
    await done;
    return Buffer.concat(chunks);
  }

  /**
   * Imports the bank's return file for a batch. Each line is matched by 流水号 to a row of this batch and applied once
   * (`returnTransition`): paid, failed with its reason (the instalment is retried in a later batch) or bounced after
   * payment; a replayed file changes nothing; lines of another batch, unknown serials or contradictions are rejected
   * for a person. Claims whose instalments are all paid become `paid`; a failed one makes the claim `payment_failed`
   * until a retry pays it.
   */
  async importReturn(batchId: string, file: Buffer): Promise<ReturnImportReport> {
    let table;
    try {
      table = await readWorkbook(file);
    } catch {
      throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_UNREADABLE');
    }
    if (!table.length) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_EMPTY');
    const pick = (cells: Record<string, string>, names: string[]) => names.map((h) => cells[headerKey(h)]).find((v) => v !== undefined);
    const missing = (['serial', 'result'] as const).filter((k) => !table.some((r) => pick(r.cells, RETURN_FILE_COLUMNS[k]) !== undefined));
    if (missing.length) throw new AppError(HttpStatus.BAD_REQUEST, 'IMPORT_COLUMNS_MISSING', { columns: missing.map((k) => RETURN_FILE_COLUMNS[k][0]).join('、') });
    const lines = table.map((r) => ({
      row: r.row,
      serial: pick(r.cells, RETURN_FILE_COLUMNS.serial) ?? '',
      result: parseReturnResult(pick(r.cells, RETURN_FILE_COLUMNS.result) ?? ''),
      reason: pick(r.cells, RETURN_FILE_COLUMNS.reason) ?? null,
      batch: pick(r.cells, RETURN_FILE_COLUMNS.batch) ?? null,
      amount: pick(r.cells, RETURN_FILE_COLUMNS.amount) ?? null,
    }));
    return this.applyReturn(batchId, lines);
  }

  /** Applies return lines (already read) to a batch; see `importReturn`. */
  applyReturn(batchId: string, lines: readonly { row: number; serial: string; result: ReturnResult | null; reason?: string | null; batch?: string | null; amount?: string | null }[]): Promise<ReturnImportReport> {
    return this.txHost.withTransaction(async () => {
      const tx = this.txHost.tx;
      const batch = await this.lockBatch(batchId);
      const report: ReturnImportReport = { batchId, paid: [], failed: [], bounced: [], unchanged: [], rejected: [], claimsPaid: [] };
      const serials = lines.map((l) => l.serial).filter(Boolean);
      const rows: { id: string; serial: string; instalment_id: string; claim_id: string; rule: string; amount_fen: number; result: BankRowResult }[] = await tx.query(
        `SELECT id, serial, instalment_id, claim_id, rule, amount_fen, result FROM subsidy_payment_batch_row WHERE batch_id = $1 AND serial = ANY($2) FOR UPDATE`,
        [batchId, serials],
      );
      const bySerial = new Map(rows.map((r) => [r.serial, r]));
      const now = this.clock.now();
      const month = `${shanghaiDate(now).slice(0, 7)}-01`;
      const touchedClaims = new Set<string>();
      for (const line of lines) {
        const row = bySerial.get(line.serial);
        const reject = (why: string) => report.rejected.push({ serial: line.serial, row: line.row, why });
        if (!line.serial) { reject('no serial'); continue; }
        if (!row) { reject(batch.status === 'cancelled' ? 'cancelled batch' : 'not in this batch'); continue; }
        if (line.batch && line.batch !== batchId) { reject(`batch number ${line.batch} is not ${batchId}`); continue; }
        if (!line.result) { reject('result not understood'); continue; }
        if (line.amount && Math.round(Number(line.amount.replace(/[,，\s]/g, '')) * 100) !== row.amount_fen) { reject(`amount ${line.amount} is not ${fenToYuan(row.amount_fen)}`); continue; }
        const verdict = returnTransition(row.result, line.result);
        if (verdict.action === 'unchanged') { report.unchanged.push(line.serial); continue; }
        if (verdict.action === 'reject') { reject(verdict.why); continue; }
        const reason = line.reason?.slice(0, 500) ?? null;
        await tx.query(`UPDATE subsidy_payment_batch_row SET result = $2, failure_reason = $3, returned_at = $4 WHERE id = $1`, [row.id, verdict.to, verdict.to === 'paid' ? null : (reason ?? (verdict.to === 'bounced' ? '退回' : '失败')), now]);
        if (verdict.to === 'paid') {
          await tx.query(`UPDATE subsidy_payment_instalment SET status = 'paid', paid_at = $2, failure_reason = NULL WHERE id = $1`, [row.instalment_id, now]);
          report.paid.push(line.serial);
        } else {
          await tx.query(`UPDATE subsidy_payment_instalment SET status = 'failed', batch_id = NULL, paid_at = NULL, failure_reason = $2 WHERE id = $1`, [row.instalment_id, reason ?? (verdict.to === 'bounced' ? '退回' : '失败')]);
          (verdict.to === 'failed' ? report.failed : report.bounced).push(line.serial);
        }
        row.result = verdict.to;
        await this.movement(verdict.to, month, row.rule, row.claim_id, row.id, row.amount_fen, reason);
        touchedClaims.add(row.claim_id);
      }
      if (touchedClaims.size) report.claimsPaid = await this.settleClaims([...touchedClaims]);
      await tx.query(`UPDATE subsidy_payment_batch SET status = 'closed' WHERE id = $1 AND status = 'open'
        AND NOT EXISTS (SELECT 1 FROM subsidy_payment_batch_row WHERE batch_id = $1 AND result = 'pending')`, [batchId]);
      return report;
    });
  }

  /**
   * Money recovered (追回) from a paid claim: the claim becomes `recovered` through the claim workflow (a city
   * reviewer's move with reasons, under the three-people rule, with its history row) and the fund ledger gets a line
   * of the amount recovered (by default what was paid).
   */
  recover(principal: Principal, claimId: string, reasons: { zh: string; en?: string } | null, amountFen?: number): Promise<void> {
    return this.txHost.withTransaction(async () => {
      const claim = await this.claims.act(principal, claimId, 'recover', reasons);
      const [{ paid }]: { paid: string | null }[] = await this.txHost.tx.query(
        `SELECT sum(amount_fen) AS paid FROM subsidy_payment_instalment WHERE claim_id = $1 AND status = 'paid'`, [claimId]);
      const fen = amountFen ?? Number(paid ?? 0);
      if (fen > 0) await this.movement('recovered', `${shanghaiDate(this.clock.now()).slice(0, 7)}-01`, claim.rule, claimId, null, fen, reasons?.zh ?? null, principal.userId);
    });
  }

  /** The monthly fund ledger: per Shanghai month and rule, fen paid, failed, bounced back and recovered. */
  async ledger(fromMonth: string, toMonth: string): Promise<LedgerLine[]> {
    const rows: { month: string; rule: string; kind: FundMovementKind; fen: string }[] = await this.txHost.tx.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, rule, kind, sum(amount_fen) AS fen FROM subsidy_fund_movement
       WHERE month BETWEEN $1::date AND $2::date GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [`${fromMonth}-01`, `${toMonth}-01`],
    );
    const lines = new Map<string, LedgerLine>();
    for (const r of rows) {
      const key = `${r.month}|${r.rule}`;
      const line = lines.get(key) ?? { month: r.month, rule: r.rule, paidFen: 0, failedFen: 0, bouncedFen: 0, recoveredFen: 0, netFen: 0 };
      line[`${r.kind}Fen` as 'paidFen'] = Number(r.fen);
      line.netFen = line.paidFen - line.bouncedFen - line.recoveredFen;
      lines.set(key, line);
    }
    return [...lines.values()];
  }

  /**
   * Claims whose every instalment of the latest decision is paid are paid; those with a failed (or bounced) one are
   * `payment_failed` until a retry pays it. The claims move through the claim workflow (`ClaimsService.settlePayments`:
   * the state machine and a history row each), so a claim shows paid once however often a return is imported.
   * Returns the claims newly paid.
   */
  private async settleClaims(claimIds: string[]): Promise<string[]> {
    const rows: { id: string; settled: 'paid' | 'payment_failed' | null }[] = await this.txHost.tx.query(`
      WITH latest AS (
        SELECT DISTINCT ON (d.claim_id) d.claim_id, d.instalments FROM subsidy_decision d
        WHERE d.claim_id = ANY($1) ORDER BY d.claim_id, d.decided_at DESC, d.id DESC
      ), owed AS (
        SELECT l.claim_id, count(*) FILTER (WHERE (i->>'amount')::numeric > 0) AS n FROM latest l, jsonb_array_elements(l.instalments) i GROUP BY l.claim_id
      )
      SELECT owed.claim_id AS id, CASE
        WHEN EXISTS (SELECT 1 FROM subsidy_payment_instalment i WHERE i.claim_id = owed.claim_id AND i.status = 'failed') THEN 'payment_failed'
        WHEN owed.n > 0 AND owed.n = (SELECT count(*) FROM subsidy_payment_instalment i WHERE i.claim_id = owed.claim_id AND i.status = 'paid') THEN 'paid'
      END AS settled
      FROM owed`, [claimIds]);
    await this.claims.settlePayments(rows.filter((r) => r.settled === 'payment_failed').map((r) => r.id), 'payment_failed');
    const paid = await this.claims.settlePayments(rows.filter((r) => r.settled === 'paid').map((r) => r.id), 'paid');
    if (paid.length) await this.outbox.recordMany('subsidy.claim_paid', paid);
    return paid;
  }

  private async movement(kind: FundMovementKind, month: string, rule: string, claimId: string, batchRowId: string | null, amountFen: number, note: string | null, recordedBy: string | null = null) {
    await this.txHost.tx.query(
      `INSERT INTO subsidy_fund_movement (kind, month, rule, claim_id, batch_row_id, amount_fen, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (batch_row_id, kind) WHERE batch_row_id IS NOT NULL DO NOTHING`,
      [kind, month, rule, claimId, batchRowId, amountFen, note, recordedBy],
    );
  }

  private async lockBatch(batchId: string): Promise<{ id: string; status: SubsidyPaymentBatch['status'] }> {
    const [batch] = await this.txHost.tx.query(`SELECT id, status FROM subsidy_payment_batch WHERE id = $1 FOR UPDATE`, [batchId]);
    if (!batch) throw new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', { objectType: 'payment batch' });
    return batch;
  }
}

/** The 用途 text in SQL (the same words as `paymentPurpose`). */
function purposeSql(rule: string, number: string): string {
  const rules = ['G1', 'I1', 'I2', 'T1', 'T2', 'P1', 'J1'];
  const cases = rules.map((r) => `WHEN '${r}' THEN '${paymentPurpose(r, 0).replace(/（第0期）$/, '')}'`).join(' ');
  return `(CASE ${rule} ${cases} ELSE ${rule} END) || '（第' || ${number} || '期）'`;
}
