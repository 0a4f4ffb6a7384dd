import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Workbook } from 'exceljs';
import { ClsService } from 'nestjs-cls';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { decideGraduateHiring, FraudChecksService, SubsidyClaim, SubsidyPaymentsService, SubsidyRecordsService } from '@app/subsidies';
import { G1_BASE, TEST_PARAMETERS } from '@app/subsidies/testing';
import { ARTIFACTS, axe, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/**
 * The province administrator's payment journey in Debian's Chromium: three approved claims of three employers share
 * one bank account; the nightly checks raise a suspicious case on each; the administrator resolves one with a note,
 * opens a payment batch, downloads the bank file, imports the bank's return (one line failed) and sees the fund
 * ledger. axe-core finds no serious or critical violation on the way; the tabs work on a phone.
 */
describe('subsidy payments in a browser', () => {
  const web = new WebHarness();
  let dataSource: DataSource;
  const dir = mkdtempSync(join(tmpdir(), 'pay-web-'));

  beforeAll(async () => {
    const runId = await web.start();
    const admin = await web.http.login('demo-admin', PASSWORD);
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    const app = web.t.app;
    dataSource = app.get<DataSource>(getDataSourceToken());
    const inCls = <T>(fn: () => Promise<T>) => app.get(ClsService).run(() => app.get(TransactionHost).withTransaction(fn));
    const employers: { id: string }[] = await dataSource.query(`SELECT id FROM employer ORDER BY id LIMIT 3`);
    for (const [k, employer] of employers.entries()) {
      const claim = await dataSource.getRepository(SubsidyClaim).save({ rule: 'G1', status: 'approved', origin: 'applied', claimantKind: 'employer', claimantId: employer.id, subjectKey: `web-pay-${k}` } as Partial<SubsidyClaim>);
      await inCls(async () => {
        await app.get(SubsidyRecordsService).recordDecision(claim.id, decideGraduateHiring(G1_BASE, TEST_PARAMETERS), []);
        await app.get(SubsidyPaymentsService).setPayee(claim.id, { payeeName: `海南演示企业${k + 1}`, account: '6228480088886666', bankName: '中国农业银行海口分行' });
        await app.get(FraudChecksService).recordFacts(claim.id, { personKey: `web-person-${k}` });
      });
    }
    await app.get(ClsService).run(() => app.get(FraudChecksService).runNightly());
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  async function checked(page: Page, name: string): Promise<void> {
    await page.waitForFunction(`!document.querySelector('.ant-spin-spinning, .ant-skeleton')`);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `subsidy-payments-${name}.png`), fullPage: true });
  }

  it('resolves a shared-account case, pays a batch through the bank file and its return, and shows the ledger', async () => {
    await web.withPage('subsidy-payments', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin$/);
      await page.click('a:has-text("补贴发放与疑点")');
      await page.waitForURL(/\/admin\/subsidy-payments$/);
      await settled(page);

      await page.click('[role=tab]:has-text("疑点清单")');
      const caseRow = page.locator('.suspicious-cases .ant-table-row', { hasText: '多人共用银行账户' }).first();
      await caseRow.waitFor();
      expect(await page.locator('.suspicious-cases .ant-table-row', { hasText: '多人共用银行账户' }).count()).toBe(3);
      await checked(page, 'cases');
      await caseRow.locator('button:has-text("核实处理")').click();
      await page.fill('#case-note', '已核实：三家企业为同一集团，共用代发账户，情况属实');
      await page.click('.ant-modal-footer button.ant-btn-primary');
      expect(await eventually(async () => page.locator('.suspicious-cases .ant-table-row', { hasText: '多人共用银行账户' }).count(), (n) => n === 2, 30_000)).toBe(2);

      await page.click('[role=tab]:has-text("发放批次")');
      await page.click('button:has-text("生成发放批次")');
      const batchRow = page.locator('.payment-batches .ant-table-row', { hasText: '待回盘' }).first();
      await batchRow.waitFor();
      expect(await batchRow.innerText()).toContain('6,000.00');
      await checked(page, 'batch');
      const [download] = await Promise.all([page.waitForEvent('download'), batchRow.locator('button:has-text("导出银行代发文件")').click()]);
      const bankFile = join(dir, 'bank.xlsx');
      await download.saveAs(bankFile);
      const bank = new Workbook();
      await bank.xlsx.load(readFileSync(bankFile) as unknown as ArrayBuffer);
      const header = bank.worksheets[0].getRow(1).values as string[];
      expect(header.slice(1)).toEqual(['户名', '账号', '开户行', '金额', '用途', '批次号', '流水号']);
      const serials = (bank.worksheets[0].getColumn(7).values as string[]).slice(2);
      expect(serials).toHaveLength(3);

      const back = new Workbook();
      const sheet = back.addWorksheet('回盘');
      sheet.addRow(['流水号', '结果', '失败原因']);
      serials.forEach((serial, k) => sheet.addRow([serial, k === 2 ? '失败' : '成功', k === 2 ? '账户状态异常' : '']));
      const returnFile = join(dir, 'return.xlsx');
      writeFileSync(returnFile, Buffer.from(await back.xlsx.writeBuffer()));
      await batchRow.locator('input[type=file]').setInputFiles(returnFile);
      const summary = page.locator('.ant-alert', { hasText: '回盘导入' });
      await summary.waitFor({ timeout: 30_000 });
      expect(await summary.innerText()).toContain('成功 2 笔，失败 1 笔');
      await checked(page, 'returned');

      await page.click('[role=tab]:has-text("资金台账")');
      const ledgerRow = page.locator('.fund-ledger .ant-table-row', { hasText: 'G1' }).first();
      await ledgerRow.waitFor();
      expect(await ledgerRow.innerText()).toContain('4,000.00');
      await checked(page, 'ledger');
    });
    const [{ paid }] = await dataSource.query(`SELECT count(*)::int AS paid FROM subsidy_claim WHERE subject_key LIKE 'web-pay-%' AND status = 'paid'`);
    expect(paid).toBe(2);
  }, 300_000);

  it('works on a phone', async () => {
    await web.withPage('subsidy-payments-phone', true, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin$/);
      await page.goto(`${web.base}/admin/subsidy-payments`);
      await settled(page);
      await page.click('[role=tab]:has-text("疑点清单")');
      await page.locator('.suspicious-cases .ant-table-row').first().waitFor();
      await checked(page, 'phone');
    });
  }, 180_000);
});
