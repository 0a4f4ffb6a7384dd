import type { Page } from 'playwright-core';
import { menOnlyPostingForReview } from '@app/employer-demand/testing';
import { RULE_SET_VERSION } from '@app/posting-screen';
import { HttpClient } from '@app/testing';
import { choose, pickRegion, pickTree } from './antd';
import { checkAtRest, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/** The second officer who serves the demo employer and reviews what the demo officer logs. */
const REVIEWER = { username: 'web-reviewer', password: 'Reviewer-pw-2025', displayName: '复核专员林海' };

/**
 * Issue 15's journey in Debian's Chromium against the real platform with the demo data: the demo officer saves a
 * posting that admits men only (underground mining, where the law sends it to review) and sees REVIEW with the law;
 * another officer serving the same employer finds it in the review queue and approves it; the decision shows the
 * rule-set version. Every step in the browser (the API only sets up the reviewer and checks results); axe-core finds
 * no serious or critical violation on the pages on the way.
 */
describe('posting review in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let employer: { id: string; name: string };
  const posting = menOnlyPostingForReview();
  const made: { shortageId?: string } = {};

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    // The startup match run keeps both cores busy: let it finish (or fail) so that the pages answer promptly.
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    // The demo employer, whom the demo officer serves (paired).
    employer = (await (await http.login('demo-employer', PASSWORD)).get('/api/employers?limit=1')).body.items[0];
    const reviewer = await admin.post('/api/users', { ...REVIEWER, role: 'officer', regionCode: '460100' });
    expect(reviewer.status).toBe(201);
    expect((await admin.post('/api/pairings', { officerId: reviewer.body.id, employerId: employer.id })).status).toBe(201);
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  // At rest also means the screen panel has finished re-checking the text (it does for a moment after each change).
  const checked = (page: Page, name: string) => checkAtRest(page, `review-${name}`, ['.ant-card-extra [role=status]']);

  it('officer: saves a posting that admits men only and sees REVIEW with the law', async () => {
    await web.withPage('review-officer', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.goto(`${base}/officer/shortages/new`);
      await settled(page);
      await choose(page, 'employerId', employer.name, employer.name.slice(-5));
      await page.fill('#title', posting.title);
      await pickTree(page, 'occupationCode', '井下采矿', '井下采矿工');
      await pickTree(page, 'industryCode', '烟煤', '烟煤和无烟煤开采洗选');
      await page.fill('#headcount', '6');
      await choose(page, 'workType', '全职');
      await page.fill('#wageMin', '7000');
      await page.fill('#wageMax', '9500');
      await choose(page, 'payBasis', '月薪');
      await page.fill('#startDate', '2027-01-11');
      await page.fill('#deadline', '2027-03-31');
      await pickRegion(page, 'regionCode', ['海口市', '龙华区']);
      await page.fill('#address', '海口市龙华区金贸路 8 号');
      await page.fill('#description', posting.description);
      // The screen's verdict as the officer types: REVIEW, with the words it matched and the law.
      await page.waitForSelector('.verdict-REVIEW', { timeout: 15_000 });
      await checked(page, 'form');
      await page.click('button:has-text("保存并提交发布")');
      await page.waitForURL(/\/officer\/shortages\/[0-9a-f-]{36}$/);
      // The detail page (the form's own panel showed REVIEW too): its title carries the status.
      await page.locator('h1', { hasText: '审核中' }).waitFor({ timeout: 60_000 });
      await page.waitForSelector('.verdict-REVIEW');
      const panel = page.locator('.verdict-REVIEW');
      expect(await panel.locator('.screen-hit').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/男/)]));
      expect(await panel.innerText()).toMatch(/依据：.*(法|规定)/);
      expect(await panel.innerText()).toContain(`规则版本 ${RULE_SET_VERSION}`);
      await checked(page, 'held');
      made.shortageId = page.url().split('/').pop();
      // Not in the officer's own queue: someone else decides.
      await page.goto(`${base}/officer/reviews`);
      await settled(page);
      expect(await page.locator(`a[href$="/officer/shortages/${made.shortageId}"]`).count()).toBe(0);
    });
  }, 240_000);

  it('a second officer finds it in the review queue, approves it with a reason, and the decision shows the rule-set version', async () => {
    expect(made.shortageId).toBeDefined();
    await web.withPage('review-reviewer', false, async (page) => {
      await web.signIn(page, REVIEWER.username, /\/officer$/, REVIEWER.password);
      await page.click('a:has-text("招聘信息复核")');
      await page.waitForURL(/\/officer\/reviews$/);
      await settled(page);
      const row = page.locator('.ant-table-row', { has: page.locator(`a[href$="/officer/shortages/${made.shortageId}"]`) });
      await row.waitFor();
      expect(await row.innerText()).toContain('G1');
      expect(await row.innerText()).toContain(employer.name);
      await choose(page, 'review-rule', 'G1');
      await row.waitFor();
      await checked(page, 'queue');

      await row.locator('a').first().click();
      await page.waitForURL(new RegExp(`/officer/shortages/${made.shortageId}$`));
      await page.waitForSelector('.verdict-REVIEW');
      await page.click('button:has-text("复核决定")');
      await page.waitForSelector('.ant-modal input[type=radio]');
      await page.click('.ant-modal label:has-text("准予发布")');
      await page.fill('#action-reason', '岗位为矿山井下作业，属女职工禁忌从事的劳动，限招男性有法律依据，准予发布。');
      await checked(page, 'decision-form');
      await page.click('.ant-modal button:has-text("确定")');
      await page.locator('h1', { hasText: '招聘中' }).waitFor({ timeout: 60_000 });
      const decision = page.locator('.review-decision').first();
      await decision.waitFor();
      expect(await decision.innerText()).toContain('准予发布');
      expect(await decision.innerText()).toContain(REVIEWER.displayName);
      expect(await decision.locator('.review-version').innerText()).toContain(`复核时规则版本 ${RULE_SET_VERSION}`);
      await checked(page, 'decided');
    });
    const detail = (await (await http.login('demo-officer', PASSWORD)).get(`/api/shortages/${made.shortageId}`)).body;
    expect(detail.status).toBe('open');
    expect(detail.reviewDecisions).toEqual([expect.objectContaining({ decision: 'approve', ruleSetVersion: RULE_SET_VERSION, reviewerName: REVIEWER.displayName })]);
  }, 240_000);
});
