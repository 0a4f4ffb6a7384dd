import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Workbook } from 'exceljs';
import { ClsService } from 'nestjs-cls';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DemoClaims } from '@app/demo-setup';
import { maskName } from '@app/identifiers';
import { ClaimsService, decideGraduateHiring, FraudChecksService, SubsidyClaim, SubsidyPayees, SubsidyRecordsService } from '@app/subsidies';
import { G1_BASE, TEST_PARAMETERS } from '@app/subsidies/testing';
import { HttpClient } from '@app/testing';
import { toast } from './antd';
import { ARTIFACTS, axe, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/** The employer's account that two unrelated claimants already use: confirming with it makes three (a suspicious case). */
const SHARED_ACCOUNT = '6228480088886666';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Issue 19's journey in Debian's Chromium against the real platform with the demo data, from a hire to the money:
 * demo-hr's enterprise hired a local college graduate through the platform in 2025; the platform opened a candidate
 * claim (免申即享) and, the evidence holding, offered it. The employer confirms it on a phone, stating the contract and
 * the account the reward goes to — an account two unrelated claimants already use, so the submission's fraud checks
 * (outbox) raise a shared-account suspicious case. demo-officer passes it at county level; demo-admin resolves the case
 * with a note and passes it at city level (three different people); the notice list is exported. When the notice has
 * run, demo-admin opens a payment batch, downloads the bank file and imports the bank's return: the claim is paid once
 * (one payment, one history step, one message; nothing due for another batch; the replayed return changes nothing),
 * and the employer sees it paid. axe-core finds no serious or critical violation on any page on the way.
 */
describe('a subsidy claim from hire to payment in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let dataSource: DataSource;
  let claim: { id: string; personName: string; employerName: string };
  const dir = mkdtempSync(join(tmpdir(), 'subsidy-journey-'));
  const inCls = <T>(fn: () => Promise<T>) => web.t.app.get(ClsService).run(() => web.t.app.get(TransactionHost).withTransaction(fn));

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const app = web.t.app;
    dataSource = app.get<DataSource>(getDataSourceToken());
    await app.get(DemoClaims).prepare();
    const admin = await http.login('demo-admin', PASSWORD);
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    const candidates = (await (await http.login('demo-hr', PASSWORD)).get('/api/subsidy-claims?queue=candidates')).body.items;
    claim = candidates.find((c: { offeredAt: string | null }) => c.offeredAt);
    expect(claim).toBeDefined();
    // Two claims of two other employers (in 三亚, another county's queue), in review, paid into the account the employer is about to give.
    const others: { id: string }[] = await dataSource.query(
      `SELECT id FROM employer WHERE id <> (SELECT claimant_id FROM subsidy_claim WHERE id = $1) ORDER BY credit_code LIMIT 2`, [claim.id]);
    for (const [k, employer] of others.entries()) {
      const other = await dataSource.getRepository(SubsidyClaim).save({
        rule: 'G1', status: 'county_review', origin: 'applied', claimantKind: 'employer', claimantId: employer.id, subjectKey: `journey-other-${k}`, regionCode: '460200',
      } as Partial<SubsidyClaim>);
      await inCls(async () => {
        await app.get(SubsidyRecordsService).recordDecision(other.id, decideGraduateHiring(G1_BASE, TEST_PARAMETERS), []);
        await app.get(SubsidyPayees).record(other.id, { payeeName: `海南其他企业${k + 1}`, account: SHARED_ACCOUNT, bankName: '中国农业银行海口分行' });
        await app.get(FraudChecksService).recordFacts(other.id, { personKey: `journey-person-${k}` });
      });
    }
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  async function checked(page: Page, name: string): Promise<void> {
    await page.waitForFunction(`!document.querySelector('.ant-spin-spinning, .ant-skeleton')`);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `subsidy-${name}.png`), fullPage: true });
  }

  const cardOf = (page: Page) => page.locator('.ant-card', { has: page.locator(`.ant-card-head-title:has-text("${claim.personName}")`) }).first();
  const casesOfClaim = async () => (await (await http.login('demo-admin', PASSWORD)).get(`/api/subsidies/suspicious-cases?claimId=${claim.id}`)).body.items;

  it('the employer sees the candidate claim for its graduate hire and confirms it with the account to pay', async () => {
    await web.withPage('subsidy-employer', true, async (page) => {
      await web.signIn(page, 'demo-hr', /\/employer$/);
      await page.goto(`${base}/employer/subsidies`);
      await settled(page);
      const card = cardOf(page);
      await card.waitFor();
      expect(await card.innerText()).toContain('可确认');
      expect(await card.innerText()).toContain('符合');
      await checked(page, 'candidates');
      await card.locator('button:has-text("确认申领")').click();
      await page.waitForSelector('.ant-modal input[type=radio]');
      await page.click('.ant-modal label:has-text("无固定期限")');
      expect(await page.inputValue('#payee-payeeName')).toBe(claim.employerName);
      await page.fill('#payee-account', '6228 4800 8888 6666');
      await page.fill('#payee-bankName', '中国农业银行海口分行');
      await checked(page, 'confirm');
      await page.click('.ant-modal-footer button:has-text("确认申领")');
      await toast(page, '已确认，进入审核');
      await page.locator('.ant-table-row', { hasText: '县级初审' }).first().waitFor();
    });
    // The submission's fraud checks run after it commits (outbox) and raise the shared-account case: a person's to resolve, not a refusal.
    const cases = await eventually(casesOfClaim, (items) => items.some((c: { code: string }) => c.code === 'SHARED_ACCOUNT'), 60_000);
    expect(cases?.find((c: { code: string }) => c.code === 'SHARED_ACCOUNT')).toMatchObject({ status: 'open', claimStatus: 'county_review' });
  }, 180_000);

  it('the county reviewer sees the checks and evidence and passes it', async () => {
    await web.withPage('subsidy-county', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.click('a:has-text("补贴审核")');
      await page.waitForURL(/\/officer\/subsidies$/);
      await settled(page);
      const card = cardOf(page);
      await card.waitFor();
      await card.locator('text=社保缴费').first().waitFor();
      expect(await card.innerText()).toContain('县级初审');
      await checked(page, 'county');
      await card.locator('button:has-text("审核通过")').click();
      await toast(page, '已审核通过');
    });
  }, 120_000);

  it('the city reviewer resolves the shared-account case, passes the claim, and the notice list is exported', async () => {
    await web.withPage('subsidy-city', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin$/);
      await page.click('a:has-text("补贴发放与疑点")');
      await page.waitForURL(/\/admin\/subsidy-payments$/);
      await settled(page);
      await page.click('[role=tab]:has-text("疑点清单")');
      const caseRow = page.locator('.suspicious-cases .ant-table-row', { hasText: '多人共用银行账户' }).first();
      await caseRow.waitFor();
      await checked(page, 'cases');
      await caseRow.locator('button:has-text("核实处理")').click();
      await page.fill('#case-note', '已核实：三家企业委托同一代发账户，劳动关系与参保记录属实');
      await page.click('.ant-modal-footer button.ant-btn-primary');
      expect(await eventually(casesOfClaim, (items) => items.every((c: { status: string }) => c.status === 'resolved'), 30_000)).toBeDefined();

      await page.goto(`${base}/admin/subsidies`);
      await settled(page);
      const card = cardOf(page);
      await card.waitFor();
      expect(await card.innerText()).toContain('市级复核');
      await checked(page, 'city');
      await card.locator('button:has-text("审核通过")').click();
      await toast(page, '已审核通过');

      await page.click('a:has-text("补贴公示")');
      await page.waitForURL(/\/admin\/subsidy-notice$/);
      await settled(page);
      const row = page.locator('.ant-table-row', { hasText: maskName(claim.personName) });
      await row.waitFor();
      expect(await row.innerText()).toContain('2000');
      await checked(page, 'notice');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出 Excel")')]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      const text = JSON.stringify(workbook.getWorksheet('公示名单')!.getSheetValues());
      expect(text).toContain(maskName(claim.personName));
      expect(text).not.toContain(claim.personName);
    });
    const detail = (await (await http.login('demo-admin', PASSWORD)).get(`/api/subsidy-claims/${claim.id}`)).body;
    expect(detail.status).toBe('notice');
    expect(new Set([detail.createdBy, detail.countyReviewedBy, detail.cityReviewedBy]).size).toBe(3);
  }, 180_000);

  it('after the notice a payment batch is exported and its return imported: the claim is paid once', async () => {
    // The five working days of the notice pass without an objection; the daily job approves the claim.
    await dataSource.query(`UPDATE subsidy_claim SET notice_from = date '2026-03-02', notice_until = date '2026-03-06' WHERE id = $1`, [claim.id]);
    await inCls(() => web.t.app.get(ClaimsService).endNotices());
    let returnFile = '';
    let batchId = '';
    await web.withPage('subsidy-payments', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin$/);
      await page.goto(`${base}/admin/subsidy-payments`);
      await settled(page);
      await page.click('[role=tab]:has-text("发放批次")');
      await page.click('button:has-text("生成发放批次")');
      const batchRow = page.locator('.payment-batches .ant-table-row', { hasText: '待回盘' }).first();
      await batchRow.waitFor();
      await checked(page, 'batch');
      batchId = (await batchRow.locator('code').innerText()).trim();
      const [download] = await Promise.all([page.waitForEvent('download'), batchRow.locator('button:has-text("导出银行代发文件")').click()]);
      const bankFile = join(dir, 'bank.xlsx');
      await download.saveAs(bankFile);
      const bank = new Workbook();
      await bank.xlsx.load(readFileSync(bankFile) as unknown as ArrayBuffer);
      const sheet = bank.worksheets[0];
      expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['户名', '账号', '开户行', '金额', '用途', '批次号', '流水号']);
      const lines = (sheet.getSheetValues() as unknown[][]).slice(2).filter(Boolean);
      const ours = lines.filter((l) => l[1] === claim.employerName && l[2] === SHARED_ACCOUNT);
      expect(ours).toHaveLength(1);
      expect(ours[0][4]).toBe(2000);
      expect(ours[0][5]).toBe('吸纳高校毕业生就业补贴（第1期）');

      const back = new Workbook();
      const returned = back.addWorksheet('回盘');
      returned.addRow(['流水号', '结果', '失败原因']);
      for (const line of lines) returned.addRow([line[7], '成功', '']);
      returnFile = join(dir, 'return.xlsx');
      writeFileSync(returnFile, Buffer.from(await back.xlsx.writeBuffer()));
      await batchRow.locator('input[type=file]').setInputFiles(returnFile);
      const summary = page.locator('.ant-alert', { hasText: '回盘导入' });
      await summary.waitFor({ timeout: 30_000 });
      expect(await summary.innerText()).toContain(`成功 ${lines.length} 笔，失败 0 笔`);
      await checked(page, 'returned');

      // Nothing of it is due any more: another batch is refused.
      await page.click('button:has-text("生成发放批次")');
      await toast(page, '没有待支付的款项');
      expect(await page.locator('.payment-batches .ant-table-row').count()).toBe(1);

      await page.click('[role=tab]:has-text("资金台账")');
      await page.locator('.fund-ledger .ant-table-row', { hasText: 'G1' }).first().waitFor();
      await checked(page, 'ledger');
    });

    // The bank's return imported again changes nothing.
    const admin = await http.login('demo-admin', PASSWORD);
    const boundary = '----journey-return';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="return.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
      readFileSync(returnFile),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const replay = await admin.request('POST', `/api/subsidies/payment-batches/${batchId}/return`, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(replay.body).toMatchObject({ paid: [], failed: [], rejected: [], claimsPaid: [] });

    const [paid] = await dataSource.query(
      `SELECT (SELECT status FROM subsidy_claim WHERE id = $1) AS status,
         (SELECT count(*)::int FROM subsidy_claim_transition WHERE claim_id = $1 AND to_status = 'paid') AS steps,
         (SELECT count(*)::int FROM subsidy_payment_instalment WHERE claim_id = $1 AND status = 'paid') AS instalments,
         (SELECT coalesce(sum(amount_fen), 0)::int FROM subsidy_fund_movement WHERE claim_id = $1 AND kind = 'paid') AS fen`,
      [claim.id],
    );
    expect(paid).toEqual({ status: 'paid', steps: 1, instalments: 1, fen: 200_000 });
    const hr = await http.login('demo-hr', PASSWORD);
    const notices = await eventually(() => hr.get('/api/notifications'), (r) => r.body.items.some((n: { kind: string }) => n.kind === 'subsidy.claim_paid'), 60_000);
    expect(notices?.body.items.filter((n: { kind: string; title: string }) => n.kind === 'subsidy.claim_paid')).toHaveLength(1);

    await web.withPage('subsidy-employer-paid', true, async (page) => {
      await web.signIn(page, 'demo-hr', /\/employer$/);
      await page.goto(`${base}/employer/subsidies`);
      await settled(page);
      const row = page.locator('.ant-table-row', { hasText: claim.personName });
      await row.waitFor();
      expect(await row.innerText()).toContain('已发放');
      await checked(page, 'employer-paid');
    });
  }, 300_000);
});
