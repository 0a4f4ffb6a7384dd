import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { DemoClaims } from '@app/demo-setup';
import { maskName } from '@app/identifiers';
import { HttpClient } from '@app/testing';
import { toast } from './antd';
import { ARTIFACTS, axe, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/**
 * Issue 19's journey in Debian's Chromium against the real platform with the demo data: demo-hr's enterprise hired a
 * local college graduate through the platform in 2025; the platform opened a candidate claim (免申即享) and, the
 * evidence holding, offered it. The employer confirms it; demo-officer passes it at county level and demo-admin at
 * city level (three different people); the claim is on the public notice list, which is exported to Excel. Every
 * step in the browser (the API only checks results); axe-core finds no serious or critical violation on the way.
 * (The payment part of the journey is joined with the payment batches.)
 */
describe('a subsidy claim in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let claim: { id: string; personName: string };

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    await web.t.app.get(DemoClaims).prepare();
    const admin = await http.login('demo-admin', PASSWORD);
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    const candidates = (await (await http.login('demo-hr', PASSWORD)).get('/api/subsidy-claims?queue=candidates')).body.items;
    expect(candidates.length).toBeGreaterThan(0);
    claim = candidates[0];
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  async function checked(page: Page, name: string): Promise<void> {
    await page.waitForFunction(`!document.querySelector('.ant-spin-spinning, .ant-skeleton')`);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `subsidy-${name}.png`), fullPage: true });
  }

  const cardOf = (page: Page) => page.locator('.ant-card', { has: page.locator(`.ant-card-head-title:has-text("${claim.personName}")`) }).first();

  it('the employer sees the candidate claim for its graduate hire and confirms it', async () => {
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
      await checked(page, 'confirm');
      await page.click('.ant-modal-footer button:has-text("确认申领")');
      await toast(page, '已确认，进入审核');
      await page.locator('.ant-table-row', { hasText: '县级初审' }).first().waitFor();
    });
  }, 120_000);

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

  it('the city reviewer passes it, the notice starts, and the notice list is exported', async () => {
    await web.withPage('subsidy-city', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin$/);
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
  }, 120_000);
});
