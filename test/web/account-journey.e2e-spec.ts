import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from '@app/audit';
import { TERMS_VERSION } from '@app/auth';
import { makeResidentId } from '@app/identifiers';
import { LoggingSmsSender, SmsSender } from '@app/notifications';
import { HttpClient } from '@app/testing';
import { choose, toast } from './antd';
import { ARTIFACTS, axe, FIRST_LOAD_BUDGET_MS, FIRST_LOAD_LIMIT_MS, PageCheck, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/** The seeker of this journey: registered (through the API) with a phone, on an older version of the terms. */
const SEEKER = { name: '陈秀兰', phone: '13876540021', username: 'chen-xiulan', password: 'Xiulan-first-pw', newPassword: 'Xiulan-second-pw' };

/**
 * Issue 17's account journey on a phone, in Debian's Chromium against the real platform with the demo data: a seeker
 * signs in with an SMS code (read from the offline SMS adapter's outbox), is asked to agree to the changed privacy
 * policy and terms, changes her password, completes her education and work history, job-seeking status and
 * self-introduction, reveals her masked numbers, exports her data as Excel, and deletes her account. Every step in the
 * browser (the API only sets her up and checks results); axe-core finds no serious or critical violation on the pages
 * on the way, and each page's first load is logged against the 2 s budget (failing only past 6 s).
 */
describe('account journey in a browser', () => {
  const web = new WebHarness();
  let http: HttpClient;
  let base: string;
  let db: DataSource;
  let sms: LoggingSmsSender;
  const residentId = makeResidentId('460106', '1990-05-17', 421);
  const checks: PageCheck[] = [];
  let seekerId: string;

  beforeAll(async () => {
    const runId = await web.start();
    ({ http, base } = web);
    db = web.t.app.get<DataSource>(getDataSourceToken());
    sms = web.t.app.get(SmsSender) as LoggingSmsSender;
    const admin = await http.login('demo-admin', PASSWORD);
    // The startup match run keeps both cores busy: let it finish (or fail) so that the pages answer promptly.
    await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    const registered = await http.post('/api/seekers/register', {
      name: SEEKER.name, residentId, phone: SEEKER.phone, regionCode: '460106', desiredOccupations: ['4-10-01-05'],
      username: SEEKER.username, password: SEEKER.password, termsVersion: TERMS_VERSION, acceptTerms: true,
    });
    expect(registered.status).toBe(201);
    seekerId = registered.body.id;
    // She agreed to an earlier text: the console must ask again after she signs in.
    await db.query(`UPDATE app_user SET terms_version = '2026-01-01' WHERE username = $1`, [SEEKER.username]);
    await web.launchBrowser();
  }, 360_000);

  afterAll(async () => {
    if (checks.length) {
      console.log(
        `account journey pages (first load budget ${FIRST_LOAD_BUDGET_MS} ms):\n` +
          checks.map((c) => `  ${c.page.padEnd(22)} ${(c.firstLoadMs ? String(c.firstLoadMs) : '—').padStart(5)} ms  axe serious/critical: ${c.violations.length}`).join('\n'),
      );
    }
    await web.close();
  }, 120_000);

  /** Navigation start to a settled page, by the browser's clock. */
  async function timeLoad(page: Page, path: string): Promise<number> {
    await page.goto(`${base}${path}`);
    await settled(page);
    return Math.round(Number(await page.evaluate('performance.now()')));
  }

  /**
   * A cold first load (new browser context, empty cache) of `path`, signed in the way the console keeps a sign-in
   * (the tab's session storage) when `password` is given, else signed out.
   */
  async function coldLoad(path: string, password?: string): Promise<number> {
    const { context, page } = await web.newPage(true);
    if (password) {
      const login = (await http.post('/api/auth/login', { username: SEEKER.username, password })).body;
      await context.addInitScript(
        ([token, principal, name]) => {
          const storage = (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage;
          storage.setItem('pes.token', token);
          storage.setItem('pes.principal', principal);
          storage.setItem('pes.username', name);
        },
        [login.accessToken, JSON.stringify(login.principal), SEEKER.username],
      );
    }
    try {
      return await timeLoad(page, path);
    } finally {
      await context.close();
    }
  }

  /**
   * Opens a page fresh, checks it with axe and records its first load. The 2 cores are shared with other test files:
   * a page over the budget is loaded twice more, cold, and the best of the three counts (all are logged).
   */
  async function visit(page: Page, name: string, path: string, password?: string): Promise<void> {
    const attempts = [await timeLoad(page, path)];
    await audit(page, name, attempts[0]);
    while (Math.min(...attempts) >= FIRST_LOAD_BUDGET_MS && attempts.length < 3) attempts.push(await coldLoad(path, password));
    if (attempts.length > 1) console.log(`account/${name}: first loads ${attempts.join(', ')} ms`);
    checks[checks.length - 1].firstLoadMs = Math.min(...attempts);
  }

  async function audit(page: Page, name: string, firstLoadMs = 0): Promise<void> {
    await page.waitForFunction(`!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-spin-spinning, .ant-skeleton')`);
    // Let colour transitions finish (a button just enabled fades in) before axe reads contrast, as the job journey does.
    await page.waitForTimeout(400);
    checks.push({ role: 'seeker', page: name, firstLoadMs, violations: await axe(page) });
    await page.screenshot({ path: join(ARTIFACTS, `account-${name}.png`), fullPage: true });
  }

  function lastCode(): string {
    const kept = sms.outbox(SEEKER.phone).filter((m) => m.template === 'SIGN_IN_CODE');
    expect(kept).toHaveLength(1);
    return /验证码为(\d{6})/.exec(kept[0].text)![1];
  }

  it('a seeker signs in by phone code, agrees to the changed terms, changes her password, completes her history and deletes her account', async () => {
    const [{ id: userId }] = await db.query(`SELECT id FROM app_user WHERE username = $1`, [SEEKER.username]);
    await web.withPage('account-journey', true, async (page) => {
      // Sign-in by SMS code.
      await visit(page, 'login', '/login');
      await page.click('.ant-segmented-item:has-text("验证码登录")');
      await page.fill('#phone', SEEKER.phone);
      await page.click('#send-sign-in-code');
      await toast(page, '验证码已发送');
      expect(await page.locator('#send-sign-in-code').innerText()).toMatch(/秒后重发/);
      await audit(page, 'login-code');
      await page.fill('#code', lastCode());
      await page.click('button[type=submit]');
      await page.waitForURL(/\/seeker\/jobs$/);

      // The terms changed since she agreed: asked before anything else.
      const agree = page.locator('#consent-agree');
      await agree.waitFor();
      await page.locator('.ant-modal .terms-text').first().waitFor();
      expect(await page.locator('.ant-modal').innerText()).toContain('隐私政策');
      await audit(page, 'consent');
      await agree.click();
      await page.locator('.ant-modal').waitFor({ state: 'detached' });
      const [consent] = await db.query(`SELECT terms_version, terms_accepted_at FROM app_user WHERE id = $1`, [userId]);
      expect(consent.terms_version).toBe(TERMS_VERSION);

      // Password change.
      await visit(page, 'account', '/account', SEEKER.password);
      await page.fill('#currentPassword', SEEKER.password);
      await page.fill('#newPassword', SEEKER.newPassword);
      await page.fill('#confirmPassword', SEEKER.newPassword);
      await page.click('#change-password');
      await toast(page, '密码已修改');
      expect((await http.post('/api/auth/login', { username: SEEKER.username, password: SEEKER.password })).status).toBe(401);
      expect((await http.post('/api/auth/login', { username: SEEKER.phone, password: SEEKER.newPassword })).status).toBe(200);

      // Her profile: the numbers masked, a reveal (audited); education and work history, status, introduction.
      await visit(page, 'profile', '/seeker/profile', SEEKER.newPassword);
      expect(await page.locator('#resident-id').innerText()).toBe(`${residentId.slice(0, 3)}***********${residentId.slice(-4)}`);
      expect(await page.locator('#phone-number').innerText()).toBe('138****0021');
      await page.click('#reveal');
      await page.locator('#resident-id', { hasText: residentId }).waitFor();
      expect(await page.locator('#phone-number').innerText()).toBe(SEEKER.phone);
      expect(await db.getRepository(AuditLog).countBy({ userId, action: 'POST /api/seekers/me/reveal', result: 'success' })).toBe(1);
      await page.click('#reveal');
      await page.locator('#resident-id', { hasText: '***' }).waitFor();

      await page.click('#add-education');
      await page.fill('#educationHistory_0_school', '海南职业技术学院');
      await page.fill('#educationHistory_0_major', '护理');
      await choose(page, 'educationHistory_0_level', '大专');
      await page.fill('#educationHistory_0_from', '2008-09');
      await page.fill('#educationHistory_0_to', '2011-07');
      await page.click('#add-work');
      await page.fill('#workHistory_0_employer', '海口市颐养中心');
      await page.fill('#workHistory_0_title', '护理员');
      await page.fill('#workHistory_0_from', '2019-03');
      await page.fill('#workHistory_0_description', '负责失能老人的生活照料和康复协助');
      await choose(page, 'jobSeekingStatus', '正在找工作');
      await page.fill('#selfIntroduction', '有六年养老护理经验，持养老护理员证书，做事细心。');
      await audit(page, 'profile-history');
      await page.click('button[type=submit]:has-text("保存")');
      await toast(page, '已保存');
      const client = await http.login(SEEKER.username, SEEKER.newPassword);
      const me = (await client.get('/api/seekers/me')).body;
      expect(me).toMatchObject({
        educationHistory: [{ school: '海南职业技术学院', major: '护理', level: 'college', from: '2008-09', to: '2011-07' }],
        workHistory: [{ employer: '海口市颐养中心', title: '护理员', from: '2019-03', to: null, description: '负责失能老人的生活照料和康复协助' }],
        jobSeekingStatus: 'actively_looking',
        selfIntroduction: '有六年养老护理经验，持养老护理员证书，做事细心。',
      });

      // Her data as Excel.
      const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-excel')]);
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);

      // Deletion, after confirming by typing the word.
      await visit(page, 'account-again', '/account', SEEKER.newPassword);
      await page.click('#delete-account');
      const confirm = page.locator('#delete-account-confirm');
      await confirm.waitFor();
      expect(await confirm.isDisabled()).toBe(true);
      await page.fill('#delete-confirm-text', '注销');
      await audit(page, 'delete-confirm');
      await confirm.click();
      await page.waitForURL(/\/login$/);
      await toast(page, '账号已注销');
    });
    expect(await db.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM seeker WHERE id = $1`, [seekerId])).toHaveLength(0);
    expect((await http.post('/api/auth/login', { username: SEEKER.phone, password: SEEKER.newPassword })).status).toBe(401);
    expect(await db.getRepository(AuditLog).countBy({ userId })).toBeGreaterThan(0);

    expect(checks.filter((c) => c.violations.length).map((c) => ({ page: c.page, violations: c.violations }))).toEqual([]);
    expect(checks.filter((c) => c.firstLoadMs >= FIRST_LOAD_LIMIT_MS).map((c) => `${c.page}: ${c.firstLoadMs} ms`)).toEqual([]);
  }, 300_000);
});
