import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Workbook } from 'exceljs';
import { shanghaiInstant } from '@app/clock';
import { PlanRemindersService } from '@app/development-plan';
import { HttpClient } from '@app/testing';
import { POLICY_DIRECTIONS, Taxonomy } from '@app/taxonomy';
import { ARTIFACTS, checkAtRest, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

const COUNTY_ADMIN = { username: 'web-county-admin', password: 'County-pw-2025', displayName: '琼海市就业局填报员' };

/**
 * Issue 20's journey in Debian's Chromium against the real platform with the demo data: a county administrator
 * enters the county's targets, receives the deadline reminder in the inbox, starts the report prefilled from the
 * platform, notes one figure and submits; the province returns it once, accepts the correction, compiles the
 * quarter and exports the workbook; the county's hires figure drills down to the hires it counts. Every step in the
 * browser (the API only sets up the account and a hire, runs the day's reminder job and checks results).
 */
describe('quarterly report of the job-development plan in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let county: string;
  let countyName: string;
  let indicator: string;
  let direction: number;
  let hiredTitle: string;
  const year = 2026;
  const quarter = 4;

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    // A hire in a county: the demo seeker applies to an open demo shortage in a county with a direction; the admin hires her.
    const seeker = await http.login('demo-seeker', PASSWORD);
    const open = (await admin.get('/api/shortages?status=open&limit=200')).body.items as { id: string; title: string; regionCode: string; policyDirection: string | null }[];
    const target = open.find((s) => s.regionCode.startsWith('4690') && s.policyDirection) ?? open.find((s) => s.policyDirection)!;
    county = target.regionCode.startsWith('4690') ? target.regionCode : `${target.regionCode.slice(0, 4)}00`;
    countyName = web.t.app.get(Taxonomy).region(county)!.name;
    direction = POLICY_DIRECTIONS.findIndex((d) => d.code === target.policyDirection);
    indicator = `${POLICY_DIRECTIONS[direction].short}.hires`;
    hiredTitle = target.title;
    const applied = await seeker.post('/api/applications', { shortageId: target.id });
    expect(applied.status).toBe(201);
    for (const status of ['interview', 'offer', 'hired']) expect((await admin.post(`/api/applications/${applied.body.id}/status`, { status })).status).toBe(200);
    const user = await admin.post('/api/users', { ...COUNTY_ADMIN, role: 'admin', regionCode: county });
    expect(user.status).toBe(201);
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  const checked = (page: Page, name: string) => checkAtRest(page, `plan-${name}`);

  async function status(page: Page, text: string): Promise<void> {
    await page.locator('[data-testid=report-status]', { hasText: text }).waitFor({ timeout: 30_000 });
  }

  it('the county enters its targets, receives a reminder, and submits a prefilled report with a note on one figure', async () => {
    await web.withPage('plan-county', false, async (page) => {
      await web.signIn(page, COUNTY_ADMIN.username, /\/admin/, COUNTY_ADMIN.password);
      await page.goto(`${base}/admin/plan?year=${year}&quarter=${quarter}`);
      await settled(page);
      await page.locator(`input[aria-label="年度目标 ${indicator}"]`).fill('40');
      await page.fill('#plan-phone', '13800000009');
      await page.fill('#plan-contact', '王海燕');
      await checked(page, 'targets');
      await page.click('button:has-text("保存目标")');
      await page.locator('text=目标已保存').waitFor();
    });
    const countyApi = await http.login(COUNTY_ADMIN.username, COUNTY_ADMIN.password);
    expect((await countyApi.get(`/api/plan/targets?reporter=${county}&year=${year}`)).body.targets).toEqual([expect.objectContaining({ indicator, annualGoal: 40 })]);

    // The day's reminder run on the deadline day (5 January 2027 is a working day): the county's inbox gets it.
    const sent = await web.t.app.get(PlanRemindersService).run(shanghaiInstant('2027-01-05', '09:00'));
    expect(sent).toEqual(expect.arrayContaining([expect.objectContaining({ reporter: county, kind: 'due_today', inApp: 1, sms: 1 })]));

    await web.withPage('plan-county-report', false, async (page) => {
      await web.signIn(page, COUNTY_ADMIN.username, /\/admin/, COUNTY_ADMIN.password);
      await page.goto(`${base}/admin/inbox`);
      await settled(page);
      await page.locator('text=报送提醒').first().waitFor();
      await checked(page, 'inbox');
      await page.goto(`${base}/admin/plan?year=${year}&quarter=${quarter}`);
      await settled(page);
      await page.click('button:has-text("开始填报")');
      await status(page, '草稿');
      const cumulative = page.locator(`input[aria-label="cumulative ${indicator}"]`);
      expect(Number(await cumulative.inputValue())).toBeGreaterThanOrEqual(1);
      await page.locator(`input[aria-label="说明 ${indicator}"]`).fill('另有 2 人在园区招聘会录用，尚未在平台登记');
      await checked(page, 'report');
      await page.click('button:has-text("报送")');
      await status(page, '已报送');
    });
  }, 240_000);

  it('the province returns it once, accepts the correction, compiles, exports the workbook and drills down to the hires', async () => {
    const url = `${base}/admin/plan?reporter=${county}&year=${year}&quarter=${quarter}`;
    await web.withPage('plan-province-return', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin/);
      await page.goto(url);
      await settled(page);
      await status(page, '已报送');
      await page.click('button:has-text("退回")');
      await page.fill('#plan-reason', '请补充园区招聘会的录用名单');
      await checked(page, 'return');
      await page.click('.ant-modal button.ant-btn-primary');
      await status(page, '已退回');
    });
    await web.withPage('plan-county-correct', false, async (page) => {
      await web.signIn(page, COUNTY_ADMIN.username, /\/admin/, COUNTY_ADMIN.password);
      await page.goto(`${base}/admin/plan?year=${year}&quarter=${quarter}`);
      await settled(page);
      await status(page, '已退回');
      await page.locator('text=请补充园区招聘会的录用名单').waitFor();
      await page.locator(`input[aria-label="说明 ${indicator}"]`).fill('另有 2 人在园区招聘会录用，名单已附');
      await page.click('button:has-text("报送")');
      await status(page, '已报送');
    });
    await web.withPage('plan-province-compile', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin/);
      await page.goto(url);
      await settled(page);
      await page.click('button:has-text("审核通过")');
      await status(page, '已审核');
      await page.goto(`${base}/admin/plan/compile?year=${year}&quarter=${quarter}`);
      await settled(page);
      const figure = page.locator(`a[href*="reporter=${county}"][href*="indicator=${indicator}"]`);
      await figure.waitFor();
      const shown = Number(await figure.innerText());
      await checked(page, 'compile');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出汇总表")')]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = join(ARTIFACTS, 'plan-workbook.xlsx');
      await download.saveAs(file);
      const book = new Workbook();
      await book.xlsx.load(readFileSync(file) as never);
      expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['汇总表', '进度偏慢', '未按时报送', '文字说明']));
      // The county's cumulative hires in the workbook's 汇总表 (columns: unit, status, then 7 per direction) is the figure
      // on the page, and it links to the console's list of the hires it counts.
      const summary = book.getWorksheet('汇总表')!;
      let cell: { formula: string; result: number } | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === countyName) cell = row.getCell(3 + direction * 7 + 2).value as { formula: string; result: number };
      });
      expect(cell?.result).toBe(shown);
      const link = /^HYPERLINK\("([^"]+)",/.exec(cell!.formula)?.[1];
      expect(link).toContain('/admin/plan/drilldown?');
      expect(link).toContain(`reporter=${county}`);
      expect(link).toContain(`indicator=${indicator}`);
      await page.goto(link!);
      await page.waitForURL(/\/admin\/plan\/drilldown/);
      await settled(page);
      await page.locator('[data-testid=drilldown-total]', { hasText: `共 ${shown} 条` }).waitFor();
      expect(await page.locator('.ant-table-row').count()).toBe(Math.min(shown, 20));
      await page.locator('.ant-table-row', { hasText: hiredTitle }).first().waitFor();
      await checked(page, 'drilldown');
      // The page's own link leads to the same list.
      await page.goto(`${base}/admin/plan/compile?year=${year}&quarter=${quarter}`);
      await settled(page);
      await figure.click();
      await page.waitForURL(/\/admin\/plan\/drilldown/);
      await settled(page);
      await page.locator('[data-testid=drilldown-total]', { hasText: `共 ${shown} 条` }).waitFor();
    });
    const admin = await http.login('demo-admin', PASSWORD);
    const report = (await admin.get(`/api/plan/reports?reporter=${county}&year=${year}&quarter=${quarter}`)).body.report;
    expect(report.status).toBe('accepted');
    expect(report.history.map((h: { status: string }) => h.status)).toEqual(['draft', 'submitted', 'returned', 'submitted', 'accepted']);
    expect(report.figures.find((f: { indicator: string }) => f.indicator === indicator).note).toContain('名单已附');
  }, 300_000);
});
