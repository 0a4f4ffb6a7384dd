import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Workbook } from 'exceljs';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { decideGraduateHiring, FraudChecksService, SubsidyClaim, SubsidyPayees, SubsidyRecordsService } from '@app/subsidies';
import { G1_BASE, TEST_PARAMETERS } from '@app/subsidies/testing';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function multipart(file: Buffer) {
  const boundary = `----pay${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="回盘.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The console's path over HTTP: a batch made, exported, its return imported; the ledger; a shared-account case resolved. */
describe('subsidy payments and suspicious cases over HTTP', () => {
  let t: TestApp;
  let province: HttpClient;
  let regional: HttpClient;
  let dataSource: DataSource;
  let token: string;
  const inCls = <T>(fn: () => Promise<T>) => t.app.get(ClsService).run(() => t.app.get(TransactionHost).withTransaction(fn));

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    const factories = new Factories(t.app);
    const http = new HttpClient(t.app);
    const admin = await factories.user('admin');
    province = await http.login(admin.username, TEST_PASSWORD);
    token = (province as unknown as { token: string }).token;
    regional = await http.login((await factories.user('admin', { regionCode: '460200' })).username, TEST_PASSWORD);
    // Three approved claims of three employers paid into one account (a shared-account case) and one more.
    for (let k = 0; k < 3; k++) {
      const claim = await dataSource.getRepository(SubsidyClaim).save({ rule: 'G1', status: 'approved', origin: 'applied', claimantKind: 'employer', claimantId: (await factories.employer()).id, subjectKey: `http-${k}` } as Partial<SubsidyClaim>);
      await inCls(async () => {
        await t.app.get(SubsidyRecordsService).recordDecision(claim.id, decideGraduateHiring(G1_BASE, TEST_PARAMETERS), []);
        await t.app.get(SubsidyPayees).record(claim.id, { payeeName: '王某', account: '6217 0000 1111 2222', bankName: '海南农信' });
        await t.app.get(FraudChecksService).recordFacts(claim.id, { personKey: `person-${k}` });
      });
    }
  });
  afterAll(() => t.close());

  it('creates, exports and settles a batch; the ledger shows it; a regional administrator is refused', async () => {
    expect((await regional.post('/api/subsidies/payment-batches')).status).toBe(403);
    const created = await province.post('/api/subsidies/payment-batches');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ rowCount: 3, totalFen: 600_000, status: 'open' });
    expect((await province.post('/api/subsidies/payment-batches')).body.code).toBe('SUBSIDY_NOTHING_DUE');
    const id = created.body.id;
    expect((await province.get('/api/subsidies/payment-batches')).body).toMatchObject({ total: 1, items: [{ id }] });
    expect((await province.get('/api/subsidies/payment-batches/PB123')).status).toBe(404);

    const exported = await t.app.inject({ method: 'GET', url: `/api/subsidies/payment-batches/${id}/export`, headers: { authorization: `Bearer ${token}` } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const bank = new Workbook();
    await bank.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const serials = bank.worksheets[0].getColumn(7).values.slice(2) as string[];
    expect(serials).toHaveLength(3);
    expect(bank.worksheets[0].getRow(2).getCell(2).value).toBe('6217000011112222');

    const back = new Workbook();
    const sheet = back.addWorksheet('回盘');
    sheet.addRow(['流水号', '结果', '失败原因']);
    serials.forEach((serial, k) => sheet.addRow([serial, k === 0 ? '失败' : '成功', k === 0 ? '户名不符' : '']));
    const { payload, headers } = multipart(Buffer.from(await back.xlsx.writeBuffer()));
    const imported = await province.request('POST', `/api/subsidies/payment-batches/${id}/return`, payload, headers);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ paid: serials.slice(1), failed: [serials[0]], rejected: [] });
    expect(imported.body.claimsPaid).toHaveLength(2);
    expect((await province.request('POST', `/api/subsidies/payment-batches/${id}/return`, payload, headers)).body.unchanged).toHaveLength(3);
    expect((await province.get(`/api/subsidies/payment-batches/${id}`)).body).toMatchObject({ status: 'closed', paid: 2, failed: 1, pending: 0 });

    const month = (await dataSource.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m`))[0].m;
    const ledger = await province.get(`/api/subsidies/fund-ledger?from=${month}&to=${month}`);
    expect(ledger.body.lines).toEqual([{ month, rule: 'G1', paidFen: 400_000, failedFen: 200_000, bouncedFen: 0, recoveredFen: 0, netFen: 400_000 }]);
    expect((await province.get('/api/subsidies/fund-ledger?from=2026-13&to=2026-12')).status).toBe(400);
    expect((await province.get('/api/subsidies/fund-ledger?from=2026-12&to=2026-01')).status).toBe(400);
  });

  it('lists the suspicious cases the nightly checks raised and resolves one with a note', async () => {
    await t.app.get(ClsService).run(() => t.app.get(FraudChecksService).runNightly());
    const list = await province.get('/api/subsidies/suspicious-cases?status=open&code=SHARED_ACCOUNT');
    expect(list.body.total).toBe(3);
    const first = list.body.items[0];
    expect(first).toMatchObject({ code: 'SHARED_ACCOUNT', status: 'open', reasonEn: 'One bank account is used by 3 unrelated claimants' });
    expect((await province.post(`/api/subsidies/suspicious-cases/${first.id}/resolve`, { note: '' })).status).toBe(400);
    const resolved = await province.post(`/api/subsidies/suspicious-cases/${first.id}/resolve`, { note: '已核实：同一集团下属单位共用代发账户' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionNote: '已核实：同一集团下属单位共用代发账户' });
    expect((await province.get('/api/subsidies/suspicious-cases?status=bogus')).status).toBe(400);
    expect((await province.get('/api/subsidies/suspicious-cases?status=open')).body.total).toBe(2);
    const [audit] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE '%suspicious-cases%resolve%' AND result = 'success'`);
    expect(audit.n).toBe(1);
  });
});
