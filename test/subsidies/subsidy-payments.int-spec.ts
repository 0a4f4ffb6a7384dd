import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Workbook } from 'exceljs';
import fc from 'fast-check';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import {
  BANK_FILE_COLUMNS, ClaimsService, decideGraduateHiring, decidePublicServicePost, PaymentLedger, SubsidyClaim, SubsidyPayees, SubsidyPaymentsService, SubsidyRecordsService,
} from '@app/subsidies';
import { G1_BASE, P1_BASE, TEST_PARAMETERS } from '@app/subsidies/testing';
import { createTestApp, TestApp } from '@app/testing';

/** A bank's return file: 流水号, 结果, 失败原因 (and the batch number and amount as banks send them back). */
async function returnFile(lines: { serial: string; result: string; reason?: string; batch?: string; amount?: string }[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('回盘');
  sheet.addRow(['批次号', '流水号', '金额', '结果', '失败原因']);
  for (const l of lines) sheet.addRow([l.batch ?? '', l.serial, l.amount ?? '', l.result, l.reason ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readBankFile(file: Buffer): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('subsidy payment batches (database path)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let payments: SubsidyPaymentsService;
  let records: SubsidyRecordsService;
  let made = 0;

  const inCls = <T>(fn: () => Promise<T>) => t.app.get(ClsService).run(() => t.app.get(TransactionHost).withTransaction(fn));

  beforeAll(async () => {
    t = await createTestApp([]);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    payments = t.app.get(SubsidyPaymentsService);
    records = t.app.get(SubsidyRecordsService);
  });
  afterAll(() => t.close());

  /** An approved claim with its eligible decision and payee (what the workflow leaves behind). */
  async function approvedClaim(rule: 'G1' | 'P1' = 'G1'): Promise<string> {
    made++;
    const claim = await dataSource.getRepository(SubsidyClaim).save({ rule, status: 'approved', origin: 'applied', claimantKind: rule === 'G1' ? 'employer' : 'person', subjectKey: `pay-${made}-${Math.random()}` } as Partial<SubsidyClaim>);
    const decision = rule === 'G1' ? decideGraduateHiring(G1_BASE, TEST_PARAMETERS) : decidePublicServicePost({ ...P1_BASE, months: [{ confirmed: true }, { confirmed: true }, { confirmed: true }] }, TEST_PARAMETERS);
    await inCls(async () => {
      await records.recordDecision(claim.id, decision, []);
      await t.app.get(SubsidyPayees).record(claim.id, { payeeName: `海南某公司${made}`, account: `62170000${String(made).padStart(8, '0')}`, bankName: '中国银行海口分行' });
    });
    return claim.id;
  }

  const clear = async () => {
    await dataSource.query(`DELETE FROM subsidy_fund_movement; DELETE FROM subsidy_payment_batch_row; DELETE FROM subsidy_payment_instalment; DELETE FROM subsidy_payment_batch;`);
    await dataSource.query(`UPDATE subsidy_claim SET status = 'withdrawn' WHERE status IN ('approved', 'payment_failed', 'paid')`);
  };
  const serials = async (batchId: string) => (await dataSource.query(`SELECT serial FROM subsidy_payment_batch_row WHERE batch_id = $1 ORDER BY serial`, [batchId])).map((r: { serial: string }) => r.serial);
  const claimStatus = async (id: string) => (await dataSource.getRepository(SubsidyClaim).findOneByOrFail({ id })).status;

  it('exports a batch in the bank layout, imports the return, retries a failure in a later batch and pays each claim once', async () => {
    await clear();
    const [a, b] = [await approvedClaim(), await approvedClaim()];
    const batch = (await inCls(() => payments.createBatch(null)))!;
    expect(batch).toMatchObject({ rowCount: 2, totalFen: 400_000, status: 'open', pending: 2 });
    const sheet = await readBankFile(await inCls(() => payments.exportBatch(batch.id)));
    expect(sheet[0]).toEqual([...BANK_FILE_COLUMNS]);
    expect(sheet).toHaveLength(3);
    expect(sheet[1]).toEqual([expect.stringMatching(/^海南某公司/), expect.stringMatching(/^62170000\d{8}$/), '中国银行海口分行', '2000', '吸纳高校毕业生就业补贴（第1期）', batch.id, `${batch.id}-000001`]);
    // Nothing is due while the batch is out: a second batch is not made.
    expect(await inCls(() => payments.createBatch(null))).toBeNull();

    const [first, second] = await serials(batch.id);
    const rowClaim = async (serial: string) => (await dataSource.query(`SELECT claim_id FROM subsidy_payment_batch_row WHERE serial = $1`, [serial]))[0].claim_id as string;
    const paidClaim = await rowClaim(first);
    const failedClaim = await rowClaim(second);
    expect([paidClaim, failedClaim].sort()).toEqual([a, b].sort());
    const file = await returnFile([
      { serial: first, result: '成功', batch: batch.id, amount: '2000.00' },
      { serial: second, result: '失败', reason: '账户已销户' },
      { serial: 'PBOTHER-000001', result: '成功' },
    ]);
    const report = await inCls(() => payments.importReturn(batch.id, file));
    expect(report).toMatchObject({ paid: [first], failed: [second], bounced: [], unchanged: [], claimsPaid: [paidClaim] });
    expect(report.rejected).toEqual([expect.objectContaining({ serial: 'PBOTHER-000001', why: 'not in this batch' })]);
    expect(await claimStatus(paidClaim)).toBe('paid');
    expect(await claimStatus(failedClaim)).toBe('payment_failed');
    expect((await inCls(() => payments.summary(batch.id))).status).toBe('closed');

    // The same file again changes nothing.
    const replay = await inCls(() => payments.importReturn(batch.id, file));
    expect(replay).toMatchObject({ paid: [], failed: [], unchanged: [first, second], claimsPaid: [] });

    // The failure goes into the next batch (after the account is corrected) and is paid there.
    await inCls(() => t.app.get(SubsidyPayees).record(failedClaim, { payeeName: '海南某公司', account: '6217000099999999', bankName: '中国银行海口分行' }));
    await dataSource.query(`UPDATE subsidy_payment_instalment SET account = (SELECT account FROM subsidy_payee WHERE claim_id = $1) WHERE claim_id = $1`, [failedClaim]);
    const retry = (await inCls(() => payments.createBatch(null)))!;
    expect(retry.rowCount).toBe(1);
    const [retried] = await serials(retry.id);
    expect(await rowClaim(retried)).toBe(failedClaim);
    const retryReport = await inCls(async () => payments.importReturn(retry.id, await returnFile([{ serial: retried, result: 'paid' }])));
    expect(retryReport.claimsPaid).toEqual([failedClaim]);
    const [{ paid_rows }] = await dataSource.query(`SELECT count(*)::int AS paid_rows FROM subsidy_payment_batch_row WHERE result = 'paid' AND claim_id = ANY($1)`, [[a, b]]);
    expect(paid_rows).toBe(2);
    expect(await inCls(() => payments.createBatch(null))).toBeNull();

    const month = (await dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m`))[0].m;
    const ledger = await inCls(() => payments.ledger(month, month));
    expect(ledger).toEqual([{ month, rule: 'G1', paidFen: 400_000, failedFen: 200_000, bouncedFen: 0, recoveredFen: 0, netFen: 400_000 }]);

    // Money recovered from a paid claim shows in the ledger and ends the claim as recovered.
    const auditor = { userId: '00000000-0000-4000-8000-000000000019', role: 'admin' as const, employerId: null, seekerId: null, regionCode: null };
    await inCls(() => payments.recover(auditor, paidClaim, { zh: '虚构劳动关系，已追回' }));
    expect(await claimStatus(paidClaim)).toBe('recovered');
    expect((await inCls(() => payments.ledger(month, month)))[0]).toMatchObject({ recoveredFen: 200_000, netFen: 200_000 });
  });

  it('approving a claim registers its instalments in that transaction; a claim approved without them is registered by the next batch', async () => {
    await clear();
    const earlier = await approvedClaim();
    const [now, undone] = [await approvedClaim(), await approvedClaim()];
    await dataSource.query(`UPDATE subsidy_claim SET status = 'notice', notice_from = '2026-03-02', notice_until = '2026-03-06' WHERE id = ANY($1)`, [[now, undone]]);
    const instalments = async (id: string) => dataSource.query(`SELECT number, amount_fen, status FROM subsidy_payment_instalment WHERE claim_id = $1`, [id]);
    // An approval rolled back leaves no instalment behind.
    await dataSource.query(`UPDATE subsidy_claim SET notice_until = '2999-12-31' WHERE id = $1`, [now]);
    await expect(inCls(async () => {
      expect(await t.app.get(ClaimsService).endNotices()).toBe(1);
      const inTx = t.app.get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost).tx;
      expect(await inTx.query(`SELECT count(*)::int AS n FROM subsidy_payment_instalment WHERE claim_id = $1`, [undone])).toEqual([{ n: 1 }]);
      throw new Error('the job failed after approving');
    })).rejects.toThrow('the job failed');
    expect([await claimStatus(undone), await instalments(undone)]).toEqual(['notice', []]);
    await dataSource.query(`UPDATE subsidy_claim SET notice_until = '2026-03-06' WHERE id = $1`, [now]);
    expect(await inCls(() => t.app.get(ClaimsService).endNotices())).toBe(2);
    expect(await instalments(now)).toEqual([{ number: 1, amount_fen: 200_000, status: 'due' }]);
    expect(await instalments(undone)).toEqual([{ number: 1, amount_fen: 200_000, status: 'due' }]);
    expect(await instalments(earlier)).toEqual([]);

    const batch = (await inCls(() => payments.createBatch(null)))!;
    expect(batch.rowCount).toBe(3);
    const [{ claims }] = await dataSource.query(`SELECT array_agg(claim_id ORDER BY claim_id) AS claims FROM subsidy_payment_batch_row WHERE batch_id = $1`, [batch.id]);
    expect(claims).toEqual([earlier, now, undone].sort());
    expect(await inCls(() => payments.createBatch(null))).toBeNull();
    // The bank file keeps the account as text and the amount in yuan with two decimals.
    const book = new Workbook();
    await book.xlsx.load((await inCls(() => payments.exportBatch(batch.id))) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect([sheet.getCell('B2').numFmt, sheet.getCell('D2').numFmt, sheet.getCell('D2').value]).toEqual(['@', '0.00', 2000]);
  });

  it('a bounced payment is owed again; lines that contradict the row, name another batch or cannot be read are rejected', async () => {
    await clear();
    const claim = await approvedClaim('P1');
    const batch = (await inCls(() => payments.createBatch(null)))!;
    expect(batch.rowCount).toBe(4);
    const lines = await serials(batch.id);
    await inCls(async () => payments.importReturn(batch.id, await returnFile(lines.map((serial: string) => ({ serial, result: 'paid' })))));
    expect(await claimStatus(claim)).toBe('paid');
    const report = await inCls(async () => payments.importReturn(batch.id, await returnFile([
      { serial: lines[0], result: '退回', reason: '账户冻结' },
      { serial: lines[1], result: '失败' },
      { serial: lines[2], result: '成功', batch: 'PB-ANOTHER' },
      { serial: lines[3], result: '成功', amount: '99.00' },
      { serial: lines[3], result: '不知道' },
    ])));
    expect(report.bounced).toEqual([lines[0]]);
    expect(report.rejected.map((r) => r.why)).toEqual(['failed by this batch but paid', 'batch number PB-ANOTHER is not ' + batch.id, 'amount 99.00 is not 100.00', 'result not understood']);
    const [{ status }] = await dataSource.query(`SELECT status FROM subsidy_payment_instalment WHERE claim_id = $1 AND number = 1`, [claim]);
    expect(status).toBe('failed');
    const again = (await inCls(() => payments.createBatch(null)))!;
    expect(again.rowCount).toBe(1);
    await expect(inCls(() => payments.importReturn(batch.id, Buffer.from('not a workbook')))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
    const noColumns = new Workbook();
    noColumns.addWorksheet('x').addRow(['户名', '金额']);
    noColumns.worksheets[0].addRow(['张三', '1']);
    await expect(inCls(async () => payments.importReturn(batch.id, Buffer.from(await noColumns.xlsx.writeBuffer())))).rejects.toMatchObject({ code: 'IMPORT_COLUMNS_MISSING' });
  });

  it('a cancelled batch gives its instalments back; two batch creations at once never take the same instalment', async () => {
    await clear();
    const claims = await Promise.all(Array.from({ length: 30 }, () => approvedClaim()));
    const cancelled = (await inCls(() => payments.createBatch(null)))!;
    expect(cancelled.rowCount).toBe(30);
    await inCls(() => payments.cancelBatch(cancelled.id));
    const made = await Promise.all([inCls(() => payments.createBatch(null, 20)), inCls(() => payments.createBatch(null, 20)), inCls(() => payments.createBatch(null, 20))]);
    const batches = made.filter((b) => b !== null);
    expect(batches.reduce((sum, b) => sum + b.rowCount, 0)).toBe(30);
    const rows = await dataSource.query(`SELECT instalment_id, count(*)::int AS n FROM subsidy_payment_batch_row WHERE result = 'pending' GROUP BY 1`);
    expect(rows).toHaveLength(30);
    expect(rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    const [{ claims: inBatches }] = await dataSource.query(`SELECT count(DISTINCT claim_id)::int AS claims FROM subsidy_payment_batch_row WHERE result = 'pending'`);
    expect(inBatches).toBe(claims.length);
    // The database itself refuses a second live row for an instalment.
    const [row] = await dataSource.query(`SELECT * FROM subsidy_payment_batch_row WHERE result = 'pending' LIMIT 1`);
    await expect(dataSource.query(
      `INSERT INTO subsidy_payment_batch_row (batch_id, serial, instalment_id, claim_id, rule, amount_fen, payee_name, account, bank_name, purpose) VALUES ($1, 'dup', $2, $3, 'G1', 1, 'x', 'x', 'x', 'x')`,
      [cancelled.id, row.instalment_id, row.claim_id],
    )).rejects.toThrow(/subsidy_payment_batch_row_live/);
  });

  it('property: any sequence of batches, returns, replays, bounces and cancellations pays each instalment at most once, as the pure ledger does', async () => {
    type Op = { kind: 'batch'; max: number } | { kind: 'return'; pick: number; results: ('paid' | 'failed' | 'bounced')[] } | { kind: 'replay' } | { kind: 'cancel' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('batch' as const), max: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('return' as const), pick: fc.nat(), results: fc.array(fc.constantFrom('paid' as const, 'failed' as const, 'bounced' as const), { minLength: 1, maxLength: 6 }) }),
      fc.record({ kind: fc.constant('replay' as const) }),
      fc.record({ kind: fc.constant('cancel' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (ops) => {
        await clear();
        const claims = [await approvedClaim(), await approvedClaim('P1')];
        await inCls(() => records.registerInstalments());
        const model = new PaymentLedger();
        const due: { claim_id: string; number: number; amount_fen: number }[] = await dataSource.query(`SELECT claim_id, number, amount_fen FROM subsidy_payment_instalment WHERE claim_id = ANY($1)`, [claims]);
        model.registerDue(due.map((d) => ({ claimId: d.claim_id, number: d.number, amountFen: d.amount_fen, account: 'a' })));
        const batches: string[] = [];
        let lastReturn: { batch: string; file: Buffer; lines: { key: string; result: 'paid' | 'failed' | 'bounced' }[] } | null = null;
        for (const o of ops) {
          if (o.kind === 'batch') {
            const made = await inCls(() => payments.createBatch(null, o.max));
            const expected = model.openBatch(`m${batches.length}`, o.max);
            expect(made?.rowCount ?? 0).toBe(expected.rows.length);
            if (made) batches.push(made.id);
            else model.cancelBatch(`m${batches.length}`);
          } else if (o.kind === 'cancel' && batches.length) {
            const id = batches[batches.length - 1];
            const pending = (await inCls(() => payments.summary(id)));
            if (pending.status === 'open' && pending.paid + pending.failed === 0) {
              await inCls(() => payments.cancelBatch(id));
              expect(model.cancelBatch(`m${batches.length - 1}`)).toBe(true);
            }
          } else if (o.kind === 'return' && batches.length) {
            const index = o.pick % batches.length;
            const rows: { serial: string; claim_id: string; number: number }[] = await dataSource.query(
              `SELECT r.serial, r.claim_id, i.number FROM subsidy_payment_batch_row r JOIN subsidy_payment_instalment i ON i.id = r.instalment_id WHERE r.batch_id = $1 ORDER BY r.serial`, [batches[index]]);
            const lines = rows.slice(0, o.results.length).map((r, k) => ({ serial: r.serial, key: `${r.claim_id}#${r.number}`, result: o.results[k] }));
            const file = await returnFile(lines.map((l) => ({ serial: l.serial, result: l.result })));
            await inCls(() => payments.importReturn(batches[index], file));
            model.applyReturn(`m${index}`, lines);
            lastReturn = { batch: batches[index], file, lines };
          } else if (o.kind === 'replay' && lastReturn) {
            const { batch, file, lines } = lastReturn;
            const report = await inCls(() => payments.importReturn(batch, file));
            expect(report.paid).toEqual([]);
            model.applyReturn(`m${batches.indexOf(batch)}`, lines);
          }
        }
        const net: { key: string; fen: string }[] = await dataSource.query(`
          SELECT r.claim_id || '#' || i.number AS key, sum(CASE m.kind WHEN 'paid' THEN m.amount_fen WHEN 'bounced' THEN -m.amount_fen ELSE 0 END) AS fen
          FROM subsidy_fund_movement m JOIN subsidy_payment_batch_row r ON r.id = m.batch_row_id JOIN subsidy_payment_instalment i ON i.id = r.instalment_id GROUP BY 1`);
        const dbNet = new Map(net.map((r) => [r.key, Number(r.fen)]).filter(([, fen]) => fen !== 0) as [string, number][]);
        const modelNet = new Map([...model.netPaid()].filter(([, fen]) => fen !== 0));
        expect(dbNet).toEqual(modelNet);
        const [{ twice }] = await dataSource.query(`SELECT count(*)::int AS twice FROM (SELECT instalment_id FROM subsidy_payment_batch_row WHERE result IN ('pending', 'paid') GROUP BY 1 HAVING count(*) > 1) x`);
        expect(twice).toBe(0);
        for (const d of due) expect(dbNet.get(`${d.claim_id}#${d.number}`) ?? 0).toBeLessThanOrEqual(d.amount_fen);
      }),
      { numRuns: 12, seed: 19 },
    );
  });
});
