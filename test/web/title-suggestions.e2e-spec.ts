import type { Page } from 'playwright-core';
import { HttpClient } from '@app/testing';
import { checkAtRest, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

const OCCUPATION_CODE = /\b\d-\d\d(-\d\d){0,2}\b/;

/**
 * Issue 14 in Debian's Chromium against the real platform with the demo data: the shortage form suggests the 2022
 * occupation for an everyday title (厨师 → 中式烹调师, 程序员 and java开发 → 计算机软件工程技术人员, 月嫂 → 家政服务员), a
 * seeker's job search for 程序员 finds the software postings, and the employer's list and the seeker's profile show
 * occupation names, not codes. axe-core finds no serious or critical violation on the pages on the way.
 */
describe('job titles understood as people write them, in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  const software = { id: '', title: 'Java后端（订单系统）' };

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    // The startup match run keeps both cores busy: let it finish (or fail) so that the pages answer promptly.
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    // A software posting of the demo employer whose title says neither 程序员 nor the occupation's name.
    const employer = (await (await http.login('demo-employer', PASSWORD)).get('/api/employers?limit=1')).body.items[0];
    const officer = await http.login('demo-officer', PASSWORD);
    const posted = await officer.post('/api/shortages', {
      employerId: employer.id, title: software.title, occupationCode: '2-02-10-03', industryCode: '6513', headcount: 2, wageMin: 8000, wageMax: 12000,
      workType: 'full_time', payBasis: 'monthly', regionCode: '460106', address: '海口市龙华区国贸路 1 号', startDate: '2027-01-11', deadline: '2027-03-31',
      description: '负责订单系统接口开发与维护，熟悉 Spring Boot 和 PostgreSQL。', submit: true,
    });
    expect(posted.body.status).toBe('open');
    software.id = posted.body.id;
    const indexed = await eventually(
      () => http.get(`/api/jobs/search?q=${encodeURIComponent(software.title)}`),
      (r) => (r.body.hits ?? []).some((h: { id: string }) => h.id === software.id),
      60_000,
    );
    expect(indexed).toBeDefined();
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  const checked = (page: Page, name: string) => checkAtRest(page, `titles-${name}`);

  /** Types a title into the shortage form and returns the suggested occupations once they are shown for it. */
  async function suggestionsFor(page: Page, title: string, first: string): Promise<string[]> {
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/taxonomy/occupations/suggest') && new URL(r.url()).searchParams.get('title') === title),
      page.fill('#title', title),
    ]);
    const buttons = page.locator('[data-testid=occupation-suggestions] button');
    // The list re-renders after the answer: wait for its first button to settle on the expected name (or time out and show what it is).
    await page
      .waitForFunction(`document.querySelector('[data-testid=occupation-suggestions] button')?.textContent?.trim() === ${JSON.stringify(first)}`, undefined, { timeout: 10_000 })
      .catch(() => undefined);
    return (await buttons.allInnerTexts()).map((text) => text.trim());
  }

  it('officer: the shortage form suggests 中式烹调师 first for 厨师, 计算机软件工程技术人员 for 程序员 and java开发, 家政服务员 for 月嫂', async () => {
    await web.withPage('titles-form', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.goto(`${base}/officer/shortages/new`);
      await settled(page);
      expect((await suggestionsFor(page, '厨师', '中式烹调师'))[0]).toBe('中式烹调师');
      expect((await suggestionsFor(page, '程序员', '计算机软件工程技术人员'))[0]).toBe('计算机软件工程技术人员');
      expect((await suggestionsFor(page, 'java开发', '计算机软件工程技术人员'))[0]).toBe('计算机软件工程技术人员');
      expect((await suggestionsFor(page, '月嫂', '家政服务员'))[0]).toBe('家政服务员');
      // One click picks it: the occupation field then shows the name (not the code), and the button is marked.
      await page.click('[data-testid=occupation-suggestions] button:has-text("家政服务员")');
      const field = page.locator('.ant-select', { has: page.locator('#occupationCode') }).first();
      await field.filter({ hasText: '家政服务员' }).waitFor();
      expect(await field.innerText()).not.toMatch(OCCUPATION_CODE);
      // A generic title gets no guess.
      await page.fill('#title', '技术员');
      await page.locator('[data-testid=occupation-suggestions]', { hasText: /笼统|too general/ }).waitFor();
      expect(await page.locator('[data-testid=occupation-suggestions] button').count()).toBe(0);
      await checked(page, 'form');
    });
  }, 180_000);

  it('seeker (on a phone): job search for 程序员 finds the software postings', async () => {
    await web.withPage('titles-jobs', true, async (page) => {
      await web.signIn(page, 'demo-seeker', /\/seeker\/jobs$/);
      await settled(page);
      await page.fill('#q', '程序员');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/jobs/search') && new URL(r.url()).searchParams.get('q') === '程序员'),
        page.click('button[type=submit]'),
      ]);
      const body = (await response.json()) as { total: number; hits: { id: string; document: { occupationCodes: string[] } }[] };
      expect(body.hits.map((h) => h.id)).toContain(software.id);
      // 程序员 names 计算机软件工程技术人员 and also finds the demo's 计算机程序设计员 postings (a search synonym).
      const programmers = ['2-02-10-03', '4-04-05-01'];
      expect(body.hits.filter((h) => !h.document.occupationCodes.some((code) => programmers.includes(code)))).toEqual([]);
      const card = page.locator('.ant-card', { has: page.locator('.job-title', { hasText: software.title }) });
      await card.waitFor();
      expect(await card.innerText()).toContain('计算机软件工程技术人员');
      await checked(page, 'jobs');
    });
  }, 120_000);

  it('the employer’s own list and the seeker’s wanted occupations show names, never codes', async () => {
    await web.withPage('titles-employer', false, async (page) => {
      await web.signIn(page, 'demo-employer', /\/employer$/);
      await settled(page);
      const row = page.locator('.ant-table-row', { hasText: software.title });
      await row.waitFor();
      expect(await row.innerText()).toContain('计算机软件工程技术人员');
      for (const text of await page.locator('.ant-table-row').allInnerTexts()) expect(text).not.toMatch(OCCUPATION_CODE);
      await checked(page, 'employer-list');
    });
    const me = (await (await http.login('demo-seeker', PASSWORD)).get('/api/seekers/me')).body as { desiredOccupations: string[]; desiredOccupationNames: string[] };
    expect(me.desiredOccupationNames.length).toBeGreaterThan(0);
    await web.withPage('titles-profile', true, async (page) => {
      await web.signIn(page, 'demo-seeker', /\/seeker\/jobs$/);
      await page.goto(`${base}/seeker/profile`);
      await settled(page);
      const field = page.locator('.ant-select', { has: page.locator('#desiredOccupations') }).first();
      await field.filter({ hasText: me.desiredOccupationNames[0] }).waitFor();
      const shown = await field.innerText();
      for (const name of me.desiredOccupationNames) expect(shown).toContain(name);
      expect(shown).not.toMatch(OCCUPATION_CODE);
      await checked(page, 'profile');
    });
  }, 180_000);
});
