import type { Page } from 'playwright-core';
import { makeResidentId } from '@app/identifiers';
import { checkAtRest, settled } from './browser';
import { WebHarness } from './browser-harness';

/**
 * The 以工代赈 ledger page in Debian's Chromium (issue 20, part 6): the province administrator registers a project
 * of 海口 with its funds, records one worker's labour pay, and sees the pay share flagged under 30% and the payment
 * with the ID number and account masked; an estimate of the project's jobs, once approved, shows as forecast demand;
 * the page passes axe.
 */
describe('以工代赈 ledger in a browser', () => {
  const web = new WebHarness();

  beforeAll(async () => {
    await web.start();
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  const checked = (page: Page, name: string) => checkAtRest(page, `ledger-${name}`);

  it('registers a project, records labour pay, flags the project under 30%, and forecasts an approved estimate', async () => {
    await web.withPage('ledger', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin/);
      await page.goto(`${web.base}/admin/plan/ledger?year=2026`);
      await settled(page);
      await page.fill('#ledger-name', '南渡江堤防加固以工代赈项目');
      await page.fill('#ledger-funds', '100000');
      await page.click('button:has-text("登记项目")');
      const row = page.locator('.ant-table-row', { hasText: '南渡江堤防加固以工代赈项目' });
      await row.waitFor();
      await row.locator('text=劳务报酬占比低于30%').waitFor();
      await checked(page, 'projects');

      await row.locator('.ant-table-row-expand-icon').click();
      await page.fill('input[aria-label="务工人员"]', '符小梅');
      await page.fill('input[aria-label="身份证号"]', makeResidentId('460106', '1988-08-08', '123'));
      await page.fill('input[aria-label="银行卡号"]', '6228480012345678901');
      await page.fill('input[aria-label="金额（元）"]', '3600');
      await page.click('button:has-text("录入")');
      await page.locator('.ant-table-row', { hasText: '****8901' }).waitFor();
      await row.locator('text=3.6%').waitFor();
      expect(await page.locator('body').innerText()).not.toContain('6228480012345678901');
      await checked(page, 'payments');

      // A job-impact estimate of the project, approved by the province, becomes forecast demand.
      await page.fill('#estimate-project', '南渡江堤防加固工程');
      await page.fill('input[aria-label="职业代码 1"]', '6-29-01-01');
      await page.fill('input[aria-label="预计岗位 1"]', '12');
      await page.click('button:has-text("报送评估")');
      const estimate = page.locator('.ant-table-row', { hasText: '南渡江堤防加固工程' });
      await estimate.locator('text=已报送').waitFor();
      await estimate.locator('button:has-text("审核通过")').click();
      await estimate.locator('text=已审核通过').waitFor();
      await page.locator('.ant-table-row', { hasText: '6-29-01-01' }).filter({ hasText: '2027Q1' }).filter({ hasText: '12' }).waitFor();
      await checked(page, 'estimates');
    });
  }, 240_000);
});
