import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TERMS_VERSION } from '@app/auth';
import { makeResidentId } from '@app/identifiers';
import { HttpClient } from '@app/testing';
import { toast } from './antd';
import { ARTIFACTS, axe, FIRST_LOAD_BUDGET_MS, FIRST_LOAD_LIMIT_MS, PageCheck, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/** The job seeker of this journey (her account exists; signing up is web-console.e2e-spec.ts's journey). */
const SEEKER = { username: 'web-job-seeker', password: 'Job-seeker-pw-17', name: '吴海燕', phone: '13800171717' };

/**
 * Issue 17's journey in Debian's Chromium against the real platform with the demo data. An anonymous visitor opens
 * the console and lands on job search, finds the demo employer's job, reads its page (description, place, employer,
 * events, similar jobs) and is asked to sign in only when she applies; signed in, she is back on the job and applies,
 * and the page still says so after a reload. The employer sees the new application in the inbox, opens the applicant
 * (phone masked) and moves her to interview with a note; she sees the notice in her inbox and the step in her
 * applications. Every step in the browser (the API only creates her account, looks up the job and checks results);
 * axe-core on each page and drawer; first loads logged against the 2 s budget like the other browser tests.
 */
describe('job journey in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  const checks: PageCheck[] = [];
  const job: { id?: string; title?: string; employerName?: string } = {};

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    // The startup match run keeps both cores busy: let it finish (or fail) so that the pages answer promptly.
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    const employerClient = await http.login('demo-employer', PASSWORD);
    const employer = (await employerClient.get('/api/employers?limit=1')).body.items[0] as { id: string; name: string };
    const open = (await employerClient.get('/api/shortages?status=open&limit=50')).body.items as { id: string; title: string }[];
    // A title that finds few other jobs, so the search is a real one.
    const target = open.find((s) => s.title.length >= 3) ?? open[0];
    Object.assign(job, { id: target.id, title: target.title, employerName: employer.name });
    const registered = await http.post('/api/seekers/register', {
      name: SEEKER.name, residentId: makeResidentId('460106', '1994-05-20', '717'), phone: SEEKER.phone, regionCode: '460106',
      username: SEEKER.username, password: SEEKER.password, desiredOccupations: ['4-10-01-05'], education: 'senior_high',
      termsVersion: TERMS_VERSION, acceptTerms: true, // registered with the privacy policy and terms agreed (issue 17)
    });
    expect(registered.status).toBe(201);
    await web.launchBrowser();
  }, 360_000);

  afterAll(async () => {
    if (checks.length) {
      console.log(
        `job journey pages (first load budget ${FIRST_LOAD_BUDGET_MS} ms):\n` +
          checks.map((c) => `  ${c.role.padEnd(9)} ${c.page.padEnd(22)} ${(c.firstLoadMs ? String(c.firstLoadMs) : '—').padStart(5)} ms  axe serious/critical: ${c.violations.length}`).join('\n'),
      );
    }
    await web.close();
  }, 120_000);

  /** The page at rest (no dropdown, spinner or skeleton), checked with axe and photographed; `firstLoadMs` 0 for a step. */
  async function check(page: Page, role: string, name: string, firstLoadMs = 0): Promise<void> {
    await page.waitForFunction(`!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-spin-spinning, .ant-skeleton, .page-loading')`);
    // Let drawers, modals and toasts finish their entrance animation before axe reads colours.
    await page.waitForTimeout(400);
    const violations = await axe(page);
    await page.screenshot({ path: join(ARTIFACTS, `job-${role}-${name}.png`), fullPage: true });
    checks.push({ role, page: name, firstLoadMs, violations });
    expect(violations).toEqual([]);
  }

  /** Navigation start to a settled page, by the browser's clock. */
  async function timeLoad(page: Page, path: string): Promise<number> {
    await page.goto(`${base}${path}`);
    await settled(page);
    return Math.round(Number(await page.evaluate('performance.now()')));
  }

  /** A cold load (new browser context, empty cache) of `path`, signed in the way the console keeps a sign-in, or not. */
  async function coldLoad(path: string, user: { username: string; password: string } | null): Promise<number> {
    const { context, page } = await web.newPage();
    if (user) {
      const login = (await http.post('/api/auth/login', { username: user.username, password: user.password })).body;
      await context.addInitScript(
        ([token, principal, name]) => {
          const storage = (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage;
          storage.setItem('pes.token', token);
          storage.setItem('pes.principal', principal);
          storage.setItem('pes.username', name);
        },
        [login.accessToken, JSON.stringify(login.principal), user.username],
      );
    }
    try {
      return await timeLoad(page, path);
    } finally {
      await context.close();
    }
  }

  /**
   * Opens `path` fresh in this tab and times it; the 2 cores are shared with other test files, so a load over the
   * budget is repeated twice, cold, and the best of three counts (all are logged). Fails only past the gross limit.
   */
  async function firstLoad(page: Page, path: string, user: { username: string; password: string } | null): Promise<number> {
    const attempts = [await timeLoad(page, path)];
    while (Math.min(...attempts) >= FIRST_LOAD_BUDGET_MS && attempts.length < 3) attempts.push(await coldLoad(path, user));
    if (attempts.length > 1) console.log(`${path}: first loads ${attempts.join(', ')} ms (budget ${FIRST_LOAD_BUDGET_MS} ms)`);
    const best = Math.min(...attempts);
    expect(best).toBeLessThan(FIRST_LOAD_LIMIT_MS);
    return best;
  }

  it('an anonymous visitor lands on job search, reads a job’s page, is asked to sign in only to apply, and applies', async () => {
    await web.withPage('job-visitor', true, async (page) => {
      // The console's front door is job search, not the sign-in page.
      const landing = await firstLoad(page, '/', null);
      expect(new URL(page.url()).pathname).toBe('/jobs');
      await check(page, 'visitor', 'search', landing);

      await page.fill('#q', `${job.title} ${job.employerName}`);
      await page.click('button[type=submit]');
      const result = page.locator(`a[href="/jobs/${job.id}"]`).first();
      await result.waitFor({ timeout: 30_000 });
      await result.click();
      await page.waitForURL(new RegExp(`/jobs/${job.id}$`));
      await settled(page);
      const jobLoad = await firstLoad(page, `/jobs/${job.id}`, null);
      const text = await page.locator('#main').innerText();
      for (const shown of [job.title!, job.employerName!, '岗位详情', '任职要求', '工作地点', '招聘单位', '相似岗位', '截止日期', '学历要求', '班次']) expect(text).toContain(shown);
      await check(page, 'visitor', 'job', jobLoad);
      // Reading needs no account; applying does.
      expect(new URL(page.url()).pathname).toBe(`/jobs/${job.id}`);
      await page.click('button:has-text("登录后投递")');
      await page.waitForURL(/\/login$/);
      await page.fill('#username', SEEKER.username);
      await page.fill('#password', SEEKER.password);
      await page.click('button[type=submit]');
      // Back on the job she wanted, now inside her console.
      await page.waitForURL(new RegExp(`/seeker/jobs/${job.id}$`));
      await settled(page);
      await page.click('button:has-text("投递")');
      await toast(page, '投递成功');
      await page.locator('button:has-text("已投递")').first().waitFor();
      await check(page, 'seeker', 'job-applied');
      // Applied state is the server's: it survives a reload.
      await page.reload();
      await settled(page);
      await page.locator('button:has-text("已投递")').first().waitFor();
    });
    const mine = (await (await http.login(SEEKER.username, SEEKER.password)).get('/api/applications')).body.items;
    expect(mine).toEqual([expect.objectContaining({ shortageId: job.id, status: 'applied', employerName: job.employerName })]);
  }, 240_000);

  it('the employer sees the application in the inbox, opens the applicant and moves her to interview', async () => {
    await web.withPage('job-employer', false, async (page) => {
      await web.signIn(page, 'demo-employer', /\/employer$/);
      const notice = page.locator('.ant-card', { hasText: `收到新的投递：${job.title}` }).first();
      const arrived = await eventually(
        async () => {
          await page.goto(`${base}/employer/inbox`);
          await settled(page);
          return notice.count();
        },
        (n) => n > 0,
        60_000,
      );
      expect(arrived).toBeGreaterThan(0);
      await check(page, 'employer', 'inbox', await firstLoad(page, '/employer/inbox', { username: 'demo-employer', password: PASSWORD }));
      await notice.locator('a:has-text("查看")').click();
      await page.waitForURL(/\/employer\/applicants$/);
      await settled(page);
      await page.click(`button[aria-label="查看 ${SEEKER.name} 的资料"]`);
      const drawer = page.locator('.ant-drawer');
      await drawer.locator(`text=${job.title}`).first().waitFor();
      const profile = await drawer.innerText();
      expect(profile).toContain('138****1717');
      expect(profile).toContain('高中');
      expect(profile).not.toContain(SEEKER.phone);
      await check(page, 'employer', 'applicant');
      await drawer.locator('button:has-text("面试")').click();
      await page.fill('#move-note', '请于周三上午 9 点到公司面试');
      await check(page, 'employer', 'move-dialog');
      await page.click('.ant-modal button:has-text("确定")');
      await toast(page, '已完成');
    });
  }, 240_000);

  it('she is told: the notice in her inbox and the step, with the note, in her applications', async () => {
    await web.withPage('job-seeker-told', true, async (page) => {
      await web.signIn(page, SEEKER.username, /\/seeker\/jobs$/, SEEKER.password);
      const notice = page.locator('.ant-card', { hasText: `投递进展：${job.title}（邀请面试）` }).first();
      const arrived = await eventually(
        async () => {
          await page.goto(`${base}/seeker/inbox`);
          await settled(page);
          return notice.count();
        },
        (n) => n > 0,
        60_000,
      );
      expect(arrived).toBeGreaterThan(0);
      await check(page, 'seeker', 'inbox');
      await notice.locator('a:has-text("查看")').click();
      await page.waitForURL(/\/seeker\/applications$/);
      await settled(page);
      const card = page.locator('.ant-card', { hasText: job.title! }).first();
      const said = await card.innerText();
      expect(said).toContain(job.employerName!);
      expect(said).toContain('请于周三上午 9 点到公司面试');
      expect(said).toContain('面试');
      await check(page, 'seeker', 'applications', await firstLoad(page, '/seeker/applications', SEEKER));
    });
    const [application] = (await (await http.login(SEEKER.username, SEEKER.password)).get('/api/applications')).body.items;
    expect(application.history.map((h: { status: string }) => h.status)).toEqual(['applied', 'interview']);
  }, 240_000);
});
