import type { Page } from 'playwright-core';
import { addDays } from '@app/clock';
import { Factories, HttpClient, TEST_PASSWORD } from '@app/testing';
import { choose, pickTree } from './antd';
import { checkAtRest, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * Issue 21's journey in Debian's Chromium against the real platform with the demo data: the demo officer files a
 * 60-person §41 layoff report for a paired enterprise through the form and sees the legal checks; the alert is raised
 * and the rapid-response case shows the event proposed at the nearest station and the matched shortages; the officer
 * acknowledges the alert for the lead department; after a laid-off person's hire is recorded, the case shows one
 * person re-employed. Every step of the officer's in the browser (the API sets up the hire and checks results);
 * axe-core finds no serious or critical violation on the pages on the way.
 */
describe('early warning in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let employer: { id: string; name: string };
  const made: { caseId?: string; alertId?: string } = {};

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    employer = (await (await http.login('demo-employer', PASSWORD)).get('/api/employers?limit=1')).body.items[0];
    // The journey files for a paired enterprise: the demo employer is one of the demo officer's pairings in force.
    const pairings = (await (await http.login('demo-officer', PASSWORD)).get('/api/pairings?limit=100')).body.items as { employerId: string }[];
    expect(pairings.map((p) => p.employerId)).toContain(employer.id);
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  const checked = (page: Page, name: string) => checkAtRest(page, `warning-${name}`);

  it('officer: files a 60-person layoff report, sees the checks, the proposed event and the matched shortages, and acknowledges the alert', async () => {
    await web.withPage('warning-officer', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.click('a:has-text("裁员报告")');
      await page.waitForURL(/\/officer\/layoffs\/new$/);
      await settled(page);
      await choose(page, 'employerId', employer.name, employer.name.slice(-5));
      await choose(page, 'ground', '生产经营发生严重困难');
      await page.fill('#count', '60');
      await page.fill('#staff', '400');
      await pickTree(page, 'occupations', '养老护理员', '养老护理员');
      await page.fill('#effectiveDate', addDays(today(), 35));
      await checked(page, 'layoff-form');
      await page.click('button:has-text("提交裁员报告")');
      const checks = page.locator('.ant-card', { hasText: '法定要件核验' });
      await checks.waitFor();
      expect(await checks.innerText()).toContain('达到报告标准');
      expect(await checks.locator('.ant-tag', { hasText: '不符合' }).count()).toBe(0);
      await page.click('a:has-text("查看快速响应")', { timeout: 60_000 });
      await page.waitForURL(/\/officer\/warnings\/cases\/[0-9a-f-]{36}$/);
      made.caseId = page.url().split('/').pop();
      await settled(page);
      const event = page.locator('.case-event');
      await event.locator('span[translate="no"]', { hasText: '专场招聘会（快速响应）' }).waitFor();
      expect(await event.innerText()).toContain('待驿站确认');
      const matched = page.locator('.ant-card', { hasText: '附近的缺工岗位' }).locator('.ant-table-row');
      expect(await matched.count()).toBeGreaterThan(0);
      await checked(page, 'case');
      // A task of the case carried out: marked done on the page.
      const tasks = page.locator('.ant-card', { hasText: '处置任务' });
      const open = await tasks.locator('button:has-text("标记完成")').count();
      await tasks.locator('button:has-text("标记完成")').first().click();
      await tasks.locator('.ant-table-row', { hasText: '已完成' }).first().waitFor();
      expect(await tasks.locator('button:has-text("标记完成")').count()).toBe(open - 1);

      // The alert the layoff raised: its evidence, then the lead department acknowledges it.
      await page.click('a[href*="/officer/warnings/"]:not([href*="/cases/"])');
      await page.waitForURL(/\/officer\/warnings\/[0-9a-f-]{36}$/);
      made.alertId = page.url().split('/').pop();
      await settled(page);
      expect(await page.locator('.ant-card', { hasText: '预警依据' }).innerText()).toContain('单一企业裁员人数');
      await checked(page, 'alert');
      await page.click('button:has-text("确认收到")');
      await page.locator('.ant-list-item', { hasText: '人力资源和社会保障局' }).waitFor();
      await page.locator('.ant-descriptions', { hasText: '已确认' }).waitFor();
      await checked(page, 'acknowledged');

      await page.click('a:has-text("失业预警")');
      await page.waitForURL(/\/officer\/warnings$/);
      await settled(page);
      // The alert just acknowledged is listed.
      await page.locator(`.ant-table-row a[href$="/warnings/${made.alertId}"]`).first().waitFor();
      await checked(page, 'alerts');
      // The month's workbook, downloaded from the list.
      const [workbook] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("下载月报")')]);
      expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    });
    const officer = await http.login('demo-officer', PASSWORD);
    const alert = (await officer.get(`/api/warnings/alerts/${made.alertId}`)).body;
    expect(alert.alert).toMatchObject({ kind: 'layoff', level: 'IV', status: 'acknowledged' });
    expect(alert.caseId).toBe(made.caseId);
  }, 300_000);

  it('after the hires of two people laid off are recorded, the case shows two people re-employed', async () => {
    expect(made.caseId).toBeDefined();
    const admin = await http.login('demo-admin', PASSWORD);
    const employerClient = await http.login('demo-employer', PASSWORD);
    // The demo seeker and a second person laid off, each with a seeker account of their own.
    const factories = new Factories(web.t.app);
    const other = await factories.seeker({ regionCode: '460106' });
    const otherUser = await factories.user('seeker', { seekerId: other.id });
    const seekers = [await http.login('demo-seeker', PASSWORD), await http.login(otherUser.username, TEST_PASSWORD)];
    const ids = [(await seekers[0].get('/api/seekers/me')).body.id as string, other.id];
    expect((await admin.post(`/api/warnings/cases/${made.caseId}/people`, { seekerIds: ids, laidOffOn: today() })).status).toBe(200);
    const shortages = (await employerClient.get('/api/shortages?status=open&limit=20')).body.items as { id: string }[];
    for (const seekerClient of seekers) {
      let hired = false;
      for (const shortage of shortages) {
        const applied = await seekerClient.post('/api/applications', { shortageId: shortage.id });
        if (applied.status !== 201) continue;
        for (const status of ['interview', 'offer', 'hired']) {
          expect((await employerClient.post(`/api/applications/${applied.body.id}/status`, { status })).status).toBeLessThan(300);
        }
        hired = true;
        break;
      }
      expect(hired).toBe(true);
    }
    await web.withPage('warning-reemployed', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.goto(`${base}/officer/warnings/cases/${made.caseId}`);
      await settled(page);
      const reemployed = page.locator('.case-reemployed');
      await reemployed.waitFor();
      expect(await reemployed.locator('.ant-statistic-content-value').innerText()).toBe('2');
      await checked(page, 'reemployed');
    });
  }, 180_000);
});
