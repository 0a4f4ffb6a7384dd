import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { makeResidentId, maskPhone } from '@app/identifiers';
import { HttpClient, TestApp } from '@app/testing';
import { choose, closePopup, openTab, pickRegion, pickTree, toast } from './antd';
import { ARTIFACTS, axe, FIRST_LOAD_BUDGET_MS, FIRST_LOAD_LIMIT_MS, launchWithQrCamera, PageCheck, settled } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/** Page-side globals, for code that runs in the browser. */
declare const document: {
  documentElement: { lang: string; classList: { contains(name: string): boolean } };
  querySelector(selector: string): { naturalWidth: number; complete: boolean; src: string } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
};
const checks: PageCheck[] = [];

/** The seeker who signs up in the browser, and the person registered at the door. */
const SEEKER = { username: 'web-seeker', password: 'Seeker-pw-2025', name: '林晓梅', phone: '13876543210', residentId: makeResidentId('460108', '1995-05-06', 124) };
const WALK_IN = { name: '王建国', phone: '13912345678', residentId: makeResidentId('460107', '1988-03-12', 5) };

interface EventRow {
  id: string;
  title: string;
  date: string;
  status: string;
  station: { id: string };
  employers: { employerId: string; name: string; shortageIds: string[]; invitationStatus: string }[];
}

/**
 * The web console in Debian's Chromium against the real platform (both APIs, the matcher, demo data) on a private
 * database: one journey per role, every step done in the browser (the API only looks up ids and checks results),
 * screenshots in test/artifacts/web, axe-core on every main page (no serious or critical violations) and each
 * page's first load logged against the 2 s budget.
 *
 * The journeys meet: the seeker who signs up applies to the demo employer's job; station staff publish the event
 * with that employer and invite her; she accepts from her inbox and shows her ticket; staff check her in, register a
 * walk-in and record her hire; the employer confirms the event, sees her application (phone masked) hired, and
 * moves the walk-in on. The tests therefore run in order and share what they made.
 */
describe('web console in a browser', () => {
  const web = new WebHarness();
  let t: TestApp;
  let http: HttpClient;
  let base: string;
  let matched = false;
  const clients = new Map<string, HttpClient>();

  /** What the journeys made, for the ones after them. */
  const made: { seekerId?: string; appliedShortageId?: string; event?: EventRow; secondEvent?: EventRow; employerId?: string; employerName?: string } = {};

  beforeAll(async () => {
    const runId = await web.start();
    ({ t, http, base } = web);
    const admin = await as('demo-admin');
    matched = !!(await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000))?.body && (await admin.get(`/api/matching/runs/${runId}`)).body.status === 'complete';
    // After a full run the matcher plans events (the station staff's proposals); let it finish so that page
    // timings measure the console, not that.
    if (matched) {
      await eventually(() => t.app.get(DataSource).query(`SELECT 1 FROM event_planning WHERE run_id = $1`, [runId]), (rows: unknown[]) => rows.length > 0, 60_000);
    }
    if (!matched) console.warn('web console test: the match run did not complete in time; candidate and recommendation pages are checked in their empty state');
    const employer = (await (await as('demo-employer')).get('/api/employers?limit=1')).body.items[0] as { id: string; name: string };
    made.employerId = employer.id;
    made.employerName = employer.name;
    await web.launchBrowser();
  }, 360_000);

  afterAll(async () => {
    if (checks.length) {
      console.log(
        `web console pages (first load budget ${FIRST_LOAD_BUDGET_MS} ms):\n` +
          checks.map((c) => `  ${c.role.padEnd(8)} ${c.page.padEnd(26)} ${(c.firstLoadMs ? String(c.firstLoadMs) : '—').padStart(5)} ms  axe serious/critical: ${c.violations.length}`).join('\n'),
      );
    }
    await web.close();
  }, 120_000);

  /** An API client signed in as `username` (to look up ids and check results, never to do a journey's step). */
  async function as(username: string, password = PASSWORD): Promise<HttpClient> {
    if (!clients.has(username)) clients.set(username, await http.login(username, password));
    return clients.get(username)!;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** The time from navigation start to a settled page, in a page that is already signed in. */
  async function timeLoad(page: Page, path: string): Promise<number> {
    await page.goto(`${base}${path}`);
    await settled(page);
    // The browser's own clock: HTML, scripts, API calls and rendering until nothing is loading any more.
    const ms = Math.round(Number(await page.evaluate('performance.now()')));
    if (ms >= FIRST_LOAD_BUDGET_MS) {
      const apis = await page.evaluate(`performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).map(e => e.name.replace(/^https?:[/][/][^/]+/, '') + ' @' + Math.round(e.startTime) + ' +' + Math.round(e.duration))`);
      console.log(`${path} took ${ms} ms; API calls: ${JSON.stringify(apis)}`);
    }
    return ms;
  }

  /**
   * A cold first load (new browser context, empty cache) of `path`, signed in as `username` the way the console
   * keeps a sign-in (the tab's session storage), or signed out when `username` is null.
   */
  async function coldLoad(username: string | null, password: string, path: string): Promise<number> {
    const { context, page } = await web.newPage();
    if (username) {
      const login = (await http.post('/api/auth/login', { username, password })).body;
      await context.addInitScript(
        ([token, principal, name]) => {
          const storage = (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage;
          storage.setItem('pes.token', token);
          storage.setItem('pes.principal', principal);
          storage.setItem('pes.username', name);
        },
        [login.accessToken, JSON.stringify(login.principal), username],
      );
    }
    try {
      return await timeLoad(page, path);
    } finally {
      await context.close();
    }
  }

  /**
   * Opens a page fresh (as after a reload), waits until it is ready, checks it with axe and records its load
   * time. The machine has 2 cores shared with other test files: a page over the budget is loaded twice more,
   * cold, and the best of the three counts (all are logged). `username` null: a page for people not signed in.
   */
  async function visit(page: Page, role: string, name: string, path: string, username: string | null = `demo-${role}`, password = PASSWORD): Promise<void> {
    const attempts = [await timeLoad(page, path)];
    const violations = await axe(page);
    await shot(page, `${role}-${name}`);
    while (Math.min(...attempts) >= FIRST_LOAD_BUDGET_MS && attempts.length < 3) attempts.push(await coldLoad(username, password, path));
    if (attempts.length > 1) console.log(`${role}/${name}: first loads ${attempts.join(', ')} ms`);
    checks.push({ role, page: name, firstLoadMs: Math.min(...attempts), violations });
  }

  /** The page as it rests: no dropdown still open, or closing from the last pick. */
  async function popupsClosed(page: Page): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
  }

  /** axe on a page reached by the journey itself (a dialog, a page only a link leads to); no load time. */
  async function audit(page: Page, role: string, name: string): Promise<void> {
    await popupsClosed(page);
    const violations = await axe(page);
    await shot(page, `${role}-${name}`);
    checks.push({ role, page: name, firstLoadMs: 0, violations });
  }

  function expectChecked(role: string): void {
    const mine = checks.filter((c) => c.role === role);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((c) => c.violations.length).map((c) => ({ page: c.page, violations: c.violations }))).toEqual([]);
    expect(mine.filter((c) => c.firstLoadMs >= FIRST_LOAD_LIMIT_MS).map((c) => `${c.page}: ${c.firstLoadMs} ms`)).toEqual([]);
  }

  /** Nothing that identifies the seeker (ID number, phone) in the page's address or anywhere in its document. */
  async function expectNoPersonalData(page: Page, who: { residentId: string; phone: string }): Promise<void> {
    // No ID number or mobile number of anyone in the address (ids and signed tokens are not personal data).
    expect(decodeURIComponent(page.url())).not.toMatch(/(?<![\w-])(\d{17}[\dX]|1[3-9]\d{9})(?![\w-])/);
    const html = await page.content();
    expect(html).not.toContain(who.residentId);
    expect(html).not.toContain(who.phone);
  }

  async function ticketShown(page: Page): Promise<void> {
    await page.waitForSelector('.ant-modal img.ticket-qr');
    // The QR code is a PNG the console fetched with the seeker's token: it has really loaded and has a size.
    await page.waitForFunction(() => {
      const img = document.querySelector('.ant-modal img.ticket-qr');
      return !!img && img.complete && img.naturalWidth > 100;
    });
    expect(await page.evaluate(() => document.querySelector('.ant-modal img.ticket-qr')!.src)).toMatch(/^blob:/);
  }

  it('serves the console at / with deep links, and leaves /api and /docs to the server', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(`${base}/seeker/jobs`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    const missing = await fetch(`${base}/api/no-such-route`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code?: string }).code).toBeDefined();
    expect((await fetch(`${base}/docs/openapi.json`)).status).toBe(200);
    const taxonomy = (await (await fetch(`${base}/api/taxonomy/occupations?q=ylhly`)).json()) as { items: { name: string }[] };
    expect(taxonomy.items.map((o: { name: string }) => o.name)).toContain('养老护理员');
  });

  it('seeker (on a phone): signs up, fills the profile with skills and a certificate, searches jobs, applies, follows the application', async () => {
    await web.withPage('seeker-signup', true, async (page) => {
      await visit(page, 'seeker', 'login', '/login', null);
      await page.click('a[href="/register"]');
      await page.waitForSelector('#residentId');
      await visit(page, 'seeker', 'register', '/register', null);

      // Registration: an account and the profile the matcher starts from.
      await page.fill('#username', SEEKER.username);
      await page.fill('#password', SEEKER.password);
      await page.fill('#residentId', SEEKER.residentId);
      await page.fill('#name', SEEKER.name);
      await page.fill('#phone', SEEKER.phone);
      await pickRegion(page, 'regionCode', ['海口市', '美兰区']);
      await page.fill('#travelRadiusKm', '15');
      await pickTree(page, 'desiredOccupations', 'ylhly', '养老护理员');
      await choose(page, 'workTypes', '全职');
      await closePopup(page);
      await page.fill('#wageExpectation', '4500');
      await choose(page, 'skillLevel', '四级/中级工');
      await page.check('#consentSensitiveMatching');
      await page.check('#accept-terms'); // the privacy policy and terms (issue 17)
      await shot(page, 'seeker-register-filled');
      await page.click('button[type=submit]');
      await page.waitForURL(/\/seeker\/profile$/);

      // The profile: skills and a certificate (found by name in the certificate catalogue).
      await visit(page, 'seeker', 'profile', '/seeker/profile', SEEKER.username, SEEKER.password);
      await page.click('button:has-text("添加技能")');
      await page.fill('#skills_0_name', '失能老人照护');
      await choose(page, 'skills_0_level', '三级/高级工');
      await page.click('button:has-text("添加技能")');
      // Everyday words offer the canonical skill (洗澡 → 助浴); the seeker picks it.
      await choose(page, 'skills_1_name', '助浴（又称 洗澡）', '洗澡', false);
      expect(await page.inputValue('#skills_1_name')).toBe('助浴');
      await page.click('button:has-text("添加证书")');
      await choose(page, 'certificates_0_code', '养老护理员', '养老');
      await page.fill('#certificates_0_number', 'HN2024-0601-118');
      await page.fill('#certificates_0_issuedOn', '2024-06-01');
      await page.click('button[type=submit]');
      await toast(page, '已保存');
      await shot(page, 'seeker-profile-saved');
      const seeker = await as(SEEKER.username, SEEKER.password);
      const me = (await seeker.get('/api/seekers/me')).body;
      made.seekerId = me.id;
      expect(me).toMatchObject({
        name: SEEKER.name,
        regionCode: '460108',
        travelRadiusKm: 15,
        desiredOccupations: ['4-10-01-05'],
        workTypes: ['full_time'],
        wageExpectation: 4500,
        skillLevel: 2,
        consentSensitiveMatching: true,
        skills: [{ name: '失能老人照护', level: 3 }, { name: '助浴', level: 1 }],
        certificates: [{ code: 'SKL-4-10-01-05', number: 'HN2024-0601-118', issuedOn: '2024-06-01' }],
      });

      // Job search: the demo employer's elderly-care jobs (words and the occupation tree by pinyin initials), apply.
      await visit(page, 'seeker', 'jobs', '/seeker/jobs', SEEKER.username, SEEKER.password);
      await page.fill('#q', made.employerName!);
      // On a phone the results come first; the other filters wait in a drawer.
      await page.click('.jobs-filters-button');
      await pickTree(page, 'occupation', 'ylhly', '养老护理员');
      // The results of this search (not the first page of all jobs shown before it).
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/jobs/search') && r.url().includes('occupation=4-10-01-05')),
        page.click('.jobs-filters-drawer button:has-text("查看岗位")'),
      ]);
      const job = page.locator('.ant-card', { hasText: made.employerName! }).filter({ has: page.locator('.job-title') }).first();
      await job.waitFor();
      await job.locator('button:has-text("投递")').click();
      await toast(page, '投递成功');
      await job.locator('button:has-text("已投递")').waitFor();
      await shot(page, 'seeker-jobs-applied');

      await page.click('a[href="/seeker/applications"]');
      await page.waitForSelector('.ant-card .ant-tag:has-text("已投递")');
      await visit(page, 'seeker', 'applications', '/seeker/applications', SEEKER.username, SEEKER.password);
      const applications = (await seeker.get('/api/applications')).body.items as { shortageId: string; shortageTitle: string; status: string }[];
      expect(applications).toHaveLength(1);
      expect(applications[0].status).toBe('applied');
      made.appliedShortageId = applications[0].shortageId;
      expect(await page.locator('.ant-card', { hasText: applications[0].shortageTitle }).count()).toBe(1);
      await expectNoPersonalData(page, SEEKER);
    });
  }, 180_000);

  it('seeker (on a phone): recommendations with reasons, not interested, training referrals (the demo seeker, matched at start)', async () => {
    await web.withPage('seeker-recommendations', true, async (page) => {
      await web.signIn(page, 'demo-seeker', /\/seeker\/jobs$/);
      await visit(page, 'seeker', 'recommendations', '/seeker/recommendations');
      if (matched) {
        await page.waitForSelector('.job-title');
        const demoSeeker = await as('demo-seeker');
        const before = (await demoSeeker.get('/api/seekers/me/recommendations')).body.total as number;
        await page.locator('button:has-text("不感兴趣")').first().click();
        await page.fill('#not-interested-reason', '通勤太远');
        await page.click('.ant-modal-footer .ant-btn-primary');
        await toast(page, '已从推荐中移除');
        expect((await demoSeeker.get('/api/seekers/me/recommendations')).body.total).toBe(before - 1);
      }
      await page.click('[role=tab]:has-text("培训推荐")');
      await shot(page, 'seeker-training-referrals');
    });
  }, 120_000);

  it('officer: enterprises, the shortage form filled completely with its screen verdict, saved; candidates sent and dismissed; Excel import with row errors', async () => {
    await web.withPage('officer', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await visit(page, 'officer', 'enterprises', '/officer');
      expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
      await visit(page, 'officer', 'shortages', '/officer/shortages');

      // The shortage form, every field, with the posting screen's verdict shown as the officer types.
      await visit(page, 'officer', 'shortage-form', '/officer/shortages/new');
      await choose(page, 'employerId', made.employerName!, made.employerName!.slice(-5));
      await page.fill('#title', '养老护理员（夜班）');
      await pickTree(page, 'occupationCode', 'ylhly', '养老护理员');
      await pickTree(page, 'industryCode', '老年', '老年人、残疾人养护服务');
      await page.fill('#headcount', '3');
      await choose(page, 'workType', '全职');
      await page.fill('#wageMin', '4200');
      await page.fill('#wageMax', '5800');
      await choose(page, 'payBasis', '月薪');
      await choose(page, 'urgency', '紧急');
      await page.fill('#startDate', '2027-01-04');
      await page.fill('#deadline', '2027-02-28');
      await pickRegion(page, 'regionCode', ['海口市', '琼山区']);
      await page.fill('#address', '海口市琼山区云龙镇椰风路157号');
      // Geocoded as the officer types: the township is recognised; no township has its own point yet, so the precision is the county's.
      await page.waitForSelector('[data-testid="location-preview"]:has-text("定位到：海口市琼山区云龙镇（区县级）")', { timeout: 10_000 });
      await page.fill('#description', '限男性，35岁以下，入职需交押金500元。负责老人夜间照护。');
      await page.waitForSelector('.verdict-BLOCK', { timeout: 10_000 });
      expect(await page.locator('.screen-hit').allInnerTexts()).toEqual(expect.arrayContaining(['限男性', '押金']));
      expect(await page.locator('button:has-text("保存并提交发布")').isDisabled()).toBe(true);
      await shot(page, 'officer-shortage-form-screened');
      await page.fill('#description', '负责失能老人夜间生活照料和巡视，协助康复训练；提供岗前培训，包食宿，月休4天。');
      await page.waitForSelector('.verdict-PASS', { timeout: 10_000 });
      await page.click('button:has-text("添加技能")');
      await page.fill('#requiredSkills_0_name', '失能老人照护');
      await choose(page, 'requiredSkills_0_level', '四级/中级工');
      await choose(page, 'requiredCertificates', '养老护理员', '养老');
      await closePopup(page);
      await choose(page, 'minSkillLevel', '四级/中级工');
      await choose(page, 'education', '初中');
      await page.fill('#experienceYears', '1');
      await choose(page, 'policyDirection', '民生保障');
      await page.fill('#shifts', '夜班 20:00–次日 8:00，做一休一');
      await page.fill('#trainingOffered', '岗前培训 2 周，可考取养老护理员证书');
      await page.check('#acceptsTrainees');
      await page.check('#openToDisabled');
      await shot(page, 'officer-shortage-form-filled');
      await page.click('button:has-text("保存并提交发布")');
      await page.waitForURL(/\/officer\/shortages\/[0-9a-f-]{36}$/);
      await page.waitForSelector('h1 .ant-tag:has-text("招聘中")');
      await shot(page, 'officer-shortage-saved');
      const officer = await as('demo-officer');
      const saved = (await officer.get(`/api/shortages/${page.url().split('/').pop()}`)).body;
      expect(saved).toMatchObject({
        employerId: made.employerId,
        title: '养老护理员（夜班）',
        occupationCode: '4-10-01-05',
        industryCode: '8514',
        headcount: 3,
        workType: 'full_time',
        wageMin: 4200,
        wageMax: 5800,
        payBasis: 'monthly',
        urgency: 'urgent',
        startDate: '2027-01-04',
        deadline: '2027-02-28',
        regionCode: '460107',
        address: '海口市琼山区云龙镇椰风路157号',
        locationPrecision: 'district',
        requiredSkills: [{ name: '失能老人照护', level: 2 }],
        requiredCertificates: ['SKL-4-10-01-05'],
        minSkillLevel: 2,
        education: 'junior_high',
        experienceYears: 1,
        policyDirection: 'livelihood',
        shifts: '夜班 20:00–次日 8:00，做一休一',
        trainingOffered: '岗前培训 2 周，可考取养老护理员证书',
        acceptsTrainees: true,
        openToDisabled: true,
        status: 'open',
        screenResult: { verdict: 'PASS' },
      });

      await visit(page, 'officer', 'overdue', '/officer/overdue');
      await visit(page, 'officer', 'import', '/officer/import');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("下载模板")')]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      const sheet = workbook.worksheets[0];
      sheet.getRow(2).values = ['91460000MA5TXXXX0X', 'X-1', '不存在的岗位', '9-99-99-99'];
      const file = join(ARTIFACTS, 'bad-import.xlsx');
      await workbook.xlsx.writeFile(file);
      await page.setInputFiles('input[type=file]', file);
      await page.waitForSelector('text=导入结果');
      expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
      await shot(page, 'officer-import-errors');

      const open = (await officer.get('/api/shortages?status=open,partially_filled&limit=50')).body.items as { id: string }[];
      expect(open.length).toBeGreaterThan(0);
      let withCandidates: string | undefined;
      for (const s of open) {
        if ((await officer.get(`/api/shortages/${s.id}/candidates?limit=2`)).body.items?.length >= 2) {
          withCandidates = s.id;
          break;
        }
      }
      await visit(page, 'officer', 'candidates', `/officer/shortages/${withCandidates ?? open[0].id}/candidates`);
      if (matched && withCandidates) {
        await page.locator('button:has-text("推荐给单位")').first().click();
        await toast(page, '已推荐给单位');
        await page.locator('button:has-text("不合适")').first().click();
        await page.fill('#dismiss-reason', '已在其他单位就业');
        await page.click('.ant-modal-footer .ant-btn-primary');
        await toast(page, '已排除');
        await shot(page, 'officer-candidates-after');
      }
      await visit(page, 'officer', 'shortage-detail', `/officer/shortages/${open[0].id}`);
    });
    expectChecked('officer');
  }, 180_000);

  it('station staff: proposals inbox → accept → edit → publish → send invitations and invite the new seeker; a second proposal accepted and published', async () => {
    const station = await as('demo-station');
    const proposals = (await station.get('/api/events?status=proposed&limit=100')).body.items as EventRow[];
    // The planner proposes events where demand clusters; demo-station manages several stations in 海口.
    expect(proposals.length).toBeGreaterThan(1);
    const withEmployer = (e: EventRow) => e.employers.some((x) => x.employerId === made.employerId);
    const event =
      proposals.find((e) => e.employers.some((x) => x.shortageIds.includes(made.appliedShortageId!))) ?? proposals.find(withEmployer) ?? proposals[0];
    const second = proposals.find((e) => e.id !== event.id && (e.station.id !== event.station.id || e.date !== event.date))!;
    made.event = event;
    made.secondEvent = second;

    await web.withPage('station-publish', false, async (page) => {
      await web.signIn(page, 'demo-station', /\/station$/);
      await visit(page, 'station', 'proposals', '/station');
      await page.click(`a[href="/station/events/${event.id}"]`);
      await page.waitForSelector('h1 .ant-tag:has-text("待处理提议")');
      await visit(page, 'station', 'proposal', `/station/events/${event.id}`);

      // Accept, edit (title, start, capacity, description), publish.
      await page.click('h1 ~ * button:has-text("接受")');
      await page.waitForSelector('h1 .ant-tag:has-text("已接受")');
      await page.click('button:has-text("编辑")');
      const title = `${event.title}（网页测试）`;
      await page.fill('#event_title', title);
      await page.fill('#event_startTime', '09:30');
      await page.fill('#event_capacity', '80');
      // The generated public description (jobs with wages) is there to edit; the planner's reasons are not in it.
      expect(await page.inputValue('#event_description')).toMatch(/元\/(月|小时|件)/);
      await page.fill('#event_description', '养老护理、母婴护理岗位现场洽谈，请携带身份证和职业资格证书。');
      await shot(page, 'station-event-edit');
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.waitForSelector(`h1:has-text("${title}")`);
      // Publishing and sending invitations ask first; the invitation question says how many messages go out.
      await page.click('#event-publish');
      await page.click('.ant-popconfirm .ant-btn-primary');
      await page.waitForSelector('h1 .ant-tag:has-text("已发布")');
      made.event = { ...event, title };

      // Invitations: the planned invitees and the employers, then the seeker who just signed up, found by name.
      const unsent = (await station.get(`/api/events/${event.id}`)).body.unsentInvitations as number;
      await page.click('#event-invite');
      await page.waitForSelector(`.ant-popconfirm:has-text("将向 ${unsent} 名求职者")`);
      await page.click('.ant-popconfirm .ant-btn-primary');
      await toast(page, '邀请已发送');
      await openTab(page, '邀请');
      await page.waitForSelector('.ant-table-row');
      await eventually(async () => (await station.get(`/api/seekers/search?q=${encodeURIComponent(SEEKER.name)}`)).body.hits as { id: string }[], (hits) => hits.some((h) => h.id === made.seekerId), 30_000);
      await choose(page, 'invite-seekers', SEEKER.name, SEEKER.name);
      await closePopup(page);
      await page.click('.ant-card:has(#invite-seekers) button.ant-btn-primary');
      await toast(page, '邀请已发送');
      await page.fill('#invitations-filter', SEEKER.name);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.ant-table-row:has-text("${SEEKER.name}"):has-text("已邀请")`);
      await audit(page, 'station', 'event-invitations');
      const invitations = (await station.get(`/api/events/${event.id}/invitations`)).body.items as { kind: string; name: string; status: string }[];
      expect(invitations.find((i) => i.kind === 'seeker' && i.name === SEEKER.name)?.status).toBe('invited');
      expect(invitations.filter((i) => i.kind === 'employer').every((i) => i.status === 'invited')).toBe(true);

      // A second proposal, accepted from the inbox, found under events by its status and published.
      await page.click('a[href="/station"]');
      const row = page.locator('.ant-table-row', { has: page.locator(`a[href="/station/events/${second.id}"]`) });
      await row.locator('button:has-text("接受")').click();
      await toast(page, '已接受');
      await row.waitFor({ state: 'detached' });
      await page.click('nav a[href="/station/events"]');
      await choose(page, 'event-status', '已接受');
      await page.click(`a[href="/station/events/${second.id}"]`);
      await page.click('#event-publish');
      await page.click('.ant-popconfirm .ant-btn-primary');
      await page.waitForSelector('h1 .ant-tag:has-text("已发布")');
      await visit(page, 'station', 'events', '/station/events');
      expect((await station.get(`/api/events/${second.id}`)).body.status).toBe('published');
    });
  }, 180_000);

  it('seeker (on a phone): answers the invitation from her inbox, shows the QR ticket, registers for another event; no personal data in URL or page; large text, English', async () => {
    const event = made.event!;
    await web.withPage('seeker-invitation', true, async (page) => {
      await web.signIn(page, SEEKER.username, /\/seeker\/jobs$/, SEEKER.password);
      await page.click('a[href="/seeker/inbox"]');
      const invitation = page.locator('.ant-card', { hasText: `招聘活动邀请：${event.title}` });
      await invitation.waitFor();
      await visit(page, 'seeker', 'inbox', '/seeker/inbox', SEEKER.username, SEEKER.password);

      // The signed link (no personal data in it) leads to the invitation page; accepting registers her.
      await invitation.locator('a').click();
      await page.waitForURL(new RegExp(`/events/${event.id}/invitation\\?token=v1\\.i\\.`));
      await page.waitForSelector('button:has-text("接受邀请")');
      await expectNoPersonalData(page, SEEKER);
      await audit(page, 'seeker', 'invitation');
      await page.click('button:has-text("接受邀请")');
      await page.waitForSelector('.ant-result-title:has-text("已接受邀请，报名成功")');
      await shot(page, 'seeker-invitation-accepted');
      await page.click('a:has-text("查看入场码")');
      await page.waitForURL(new RegExp(`/seeker/events/${event.id}$`));
      // The event lists its jobs with wages, and goes into her calendar as an .ics file.
      await page.locator(`#event-${event.id} .ant-table-row`).first().waitFor();
      expect(await page.locator(`#event-${event.id} .ant-table`).innerText()).toMatch(/元\/(月|小时|件)/);
      const [ics] = await Promise.all([page.waitForEvent('download'), page.click(`#event-calendar-${event.id}`)]);
      expect(ics.suggestedFilename()).toMatch(/\.ics$/);
      await page.locator(`#event-${event.id} button:has-text("我的入场码")`).click();
      await ticketShown(page);
      await expectNoPersonalData(page, SEEKER);
      await audit(page, 'seeker', 'ticket');
      await page.click('.ant-modal-close');

      // Another published event: register, and the ticket opens at once.
      await visit(page, 'seeker', 'events', '/seeker/events', SEEKER.username, SEEKER.password);
      await page.locator(`#event-${made.secondEvent!.id} button:has-text("报名")`).click();
      await toast(page, '报名成功');
      await ticketShown(page);
      await expectNoPersonalData(page, SEEKER);
      await shot(page, 'seeker-ticket');
      await page.click('.ant-modal-close');
      // Registered: the card says so and offers the ticket, not another registration.
      await page.locator(`#event-${made.secondEvent!.id} .ant-tag:has-text("已报名")`).waitFor();
      expect(await page.locator(`#event-${made.secondEvent!.id} button:has-text("报名")`).count()).toBe(0);
      const seeker = await as(SEEKER.username, SEEKER.password);
      expect((await seeker.get(`/api/events/${event.id}/registrations/mine`)).body).toMatchObject({ status: 'registered', source: 'invitation' });
      expect((await seeker.get(`/api/events/${made.secondEvent!.id}/registrations/mine`)).body).toMatchObject({ status: 'registered', source: 'self' });

      await page.click('a[href="/seeker/profile"]');
      await page.waitForSelector('#name');
      await page.click('#large-text');
      expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
      await shot(page, 'seeker-profile-large-text');
      await page.click('text=EN');
      await page.waitForSelector('text=My profile');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await shot(page, 'seeker-profile-english');
    });
    expectChecked('seeker');
  }, 180_000);

  it('station staff: check-in by ticket and by name, a walk-in, outcomes (a hire), closing the event, report and Excel export', async () => {
    const event = made.event!;
    const seeker = await as(SEEKER.username, SEEKER.password);
    // The ticket her QR code holds, as a handheld scanner types it into the check-in field.
    const ticket = (await seeker.get(`/api/events/${event.id}/registrations/mine`)).body.ticket as string;
    await web.withPage('station-check-in', false, async (page) => {
      await web.signIn(page, 'demo-station', /\/station$/);
      await visit(page, 'station', 'event', `/station/events/${event.id}`);

      await openTab(page, '签到');
      await page.fill('#checkin-ticket', ticket);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.ant-alert-success:has-text("${SEEKER.name} 已签到")`);
      await audit(page, 'station', 'check-in');

      await openTab(page, '现场登记');
      await page.fill('#walkin_name', WALK_IN.name);
      await page.fill('#walkin_residentId', WALK_IN.residentId);
      await page.fill('#walkin_phone', WALK_IN.phone);
      await pickRegion(page, 'walkin_regionCode', ['海口市', '龙华区']);
      await page.click('button:has-text("登记并签到")');
      await toast(page, `${WALK_IN.name} 已登记并签到`);
      await audit(page, 'station', 'walk-in');

      // Outcomes: her hire at the demo employer's job she applied to, and a first talk with the walk-in.
      await openTab(page, '洽谈结果');
      const participant = event.employers.find((e) => e.employerId === made.employerId) ?? event.employers[0];
      const jobLabel = `${participant.name} · 岗位 ${Math.max(1, participant.shortageIds.indexOf(made.appliedShortageId!) + 1)}`;
      await choose(page, 'outcome_seekerId', SEEKER.name);
      await choose(page, 'outcome_shortageId', jobLabel);
      await choose(page, 'outcome_stage', '入职');
      await page.click('#outcome button[type=submit]');
      await page.waitForSelector(`.ant-table-row:has-text("${SEEKER.name}"):has-text("入职")`);
      await choose(page, 'outcome_seekerId', WALK_IN.name);
      await choose(page, 'outcome_shortageId', jobLabel);
      await choose(page, 'outcome_stage', '洽谈');
      await page.click('#outcome button[type=submit]');
      await page.waitForSelector(`.ant-table-row:has-text("${WALK_IN.name}"):has-text("洽谈")`);
      await audit(page, 'station', 'outcomes');

      await page.click('button:has-text("结束活动")');
      await page.waitForSelector('h1 .ant-tag:has-text("已结束")');
      await openTab(page, '活动报告');
      const statistic = (title: string) => page.locator('.ant-statistic', { has: page.locator(`.ant-statistic-title:text-is("${title}")`) }).locator('.ant-statistic-content');
      await statistic('到场').waitFor();
      expect(await statistic('到场').innerText()).toBe('2');
      expect(await statistic('现场登记').innerText()).toBe('1');
      expect(await statistic('入职').innerText()).toBe('1');
      await audit(page, 'station', 'report');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出 Excel 报告")')]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = join(ARTIFACTS, 'station-event-report.xlsx');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      const report = new Workbook();
      await report.xlsx.readFile(file);
      expect(report.worksheets.length).toBeGreaterThan(0);
      expect(JSON.stringify(report.worksheets.map((w) => w.getSheetValues()))).toContain(participant.name);

      // The second event: the desk finds her by name.
      await visit(page, 'station', 'event-2', `/station/events/${made.secondEvent!.id}`);
      await openTab(page, '签到');
      await page.fill('#checkin-name', SEEKER.name);
      await page.keyboard.press('Enter');
      await page.locator('.ant-table-row', { hasText: SEEKER.name }).locator('button:has-text("签到")').click();
      await page.waitForSelector(`.ant-alert-success:has-text("${SEEKER.name} 已签到")`);
      await shot(page, 'station-check-in-by-name');

      const station = await as('demo-station');
      const attended = (await station.get(`/api/events/${event.id}/checkins?limit=50`)).body.items as { name: string; source: string }[];
      expect(attended.map((a) => a.name).sort()).toEqual([SEEKER.name, WALK_IN.name].sort());
      expect((await station.get(`/api/events/${made.secondEvent!.id}/checkins`)).body.items.map((a: { name: string }) => a.name)).toEqual([SEEKER.name]);
      await visit(page, 'station', 'inbox', '/station/inbox');
    });
    expectChecked('station');
  }, 180_000);

  it('station staff: the desk camera reads a QR ticket and checks the seeker in', async () => {
    const event = made.secondEvent!;
    const demoSeeker = await as('demo-seeker');
    const name = (await demoSeeker.get('/api/seekers/me')).body.name as string;
    const registration = await demoSeeker.post(`/api/events/${event.id}/registrations`);
    expect([200, 201]).toContain(registration.status);
    const camera = await launchWithQrCamera(registration.body.ticket);
    const context = await camera.newContext({ viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
    await context.grantPermissions(['camera'], { origin: base });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await web.signIn(page, 'demo-station', /\/station$/);
      await page.goto(`${base}/station/events/${event.id}`);
      await settled(page);
      await openTab(page, '签到');
      await page.click('#checkin-camera');
      await page.waitForSelector(`.ant-alert-success:has-text("${name} 已签到")`, { timeout: 30_000 });
      await shot(page, 'station-check-in-by-camera');
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'FAILED-station-camera.png'), fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await camera.close();
    }
    expect((await demoSeeker.get(`/api/events/${event.id}/registrations/mine`)).body.status).toBe('attended');
  }, 120_000);

  it('employer: confirms the event invitation, own shortages, applicants with phones masked, outcomes moved on', async () => {
    const event = made.event!;
    const employer = await as('demo-employer');
    await web.withPage('employer', false, async (page) => {
      await web.signIn(page, 'demo-employer', /\/employer$/);
      if (event.employers.some((e) => e.employerId === made.employerId)) {
        await page.click('a[href="/employer/inbox"]');
        const invitation = page.locator('.ant-card', { hasText: `参会邀请：${event.title}` });
        await invitation.waitFor();
        await visit(page, 'employer', 'inbox', '/employer/inbox');
        await invitation.locator('a').click();
        await page.waitForSelector('button:has-text("接受邀请")');
        await audit(page, 'employer', 'invitation');
        await page.click('button:has-text("接受邀请")');
        await page.waitForSelector('.ant-result-title:has-text("已确认参会")');
        const row = (await (await as('demo-station')).get(`/api/events/${event.id}`)).body.employers.find((e: { employerId: string }) => e.employerId === made.employerId);
        expect(row.invitationStatus).toBe('accepted');
      }

      await visit(page, 'employer', 'shortages', '/employer');
      await page.waitForSelector('.ant-table-row:has-text("养老护理员（夜班）")');

      // Applicants: her application, hired at the event; the phone masked (she has not shared it), no ID number.
      await visit(page, 'employer', 'applicants', '/employer/applicants');
      const applicant = page.locator('.ant-table-row', { hasText: SEEKER.name });
      await applicant.waitFor();
      expect(await applicant.innerText()).toContain(maskPhone(SEEKER.phone));
      expect(await applicant.innerText()).toContain('已入职');
      await expectNoPersonalData(page, SEEKER);

      // Outcomes: the employer moves the walk-in on from the first talk to an interview.
      await visit(page, 'employer', 'outcomes', '/employer/outcomes');
      const outcomes = (await employer.get(`/api/events/${event.id}/outcomes`)).body.items as { id: string; seekerName: string; stage: string }[];
      const walkIn = outcomes.find((o) => o.seekerName === WALK_IN.name)!;
      expect(walkIn.stage).toBe('talked');
      await choose(page, `stage-${walkIn.id}`, '面试', undefined, false);
      await toast(page, '已完成');
      await page.waitForSelector(`.ant-table-row:has-text("${WALK_IN.name}") .ant-tag:has-text("面试")`);
      await popupsClosed(page);
      await shot(page, 'employer-outcomes-after');
      expect((await employer.get(`/api/events/${event.id}/outcomes`)).body.items.find((o: { id: string }) => o.id === walkIn.id).stage).toBe('interview');

      const own = (await employer.get('/api/shortages?limit=1')).body.items as { id: string }[];
      await visit(page, 'employer', 'shortage-detail', `/employer/shortages/${own[0].id}`);
      await visit(page, 'employer', 'candidates', `/employer/shortages/${own[0].id}/candidates`);
    });
    expectChecked('employer');
  }, 180_000);

  it('administrator: dashboard with charts, a user created, disabled and enabled, station staff and hours changed, audit log filtered', async () => {
    await web.withPage('admin', false, async (page) => {
      await web.signIn(page, 'demo-admin', /\/admin$/);
      await visit(page, 'admin', 'dashboard', '/admin');
      await page.waitForSelector('canvas');
      expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
      await shot(page, 'admin-dashboard');

      await visit(page, 'admin', 'users', '/admin/users');
      await page.click('button:has-text("新建用户")');
      await page.fill('#username', 'web-station-2');
      await page.fill('#displayName', '符海燕');
      await page.fill('#password', 'Station-pw-2025');
      await choose(page, 'role', '驿站工作人员');
      await audit(page, 'admin', 'new-user');
      await pickRegion(page, 'regionCode', ['海口市']);
      await page.click('.ant-modal-footer .ant-btn-primary');
      await toast(page, '用户已创建');
      await page.waitForSelector('.ant-table-row:has-text("web-station-2")');
      const admin = await as('demo-admin');
      const users = (await admin.get('/api/users?role=station_staff&limit=100')).body.items as { id: string; username: string; displayName: string; regionCode: string }[];
      expect(users.find((u) => u.username === 'web-station-2')).toMatchObject({ displayName: '符海燕', regionCode: '460100' });

      // Disable the new account (it can no longer sign in), then enable it again.
      const created = users.find((u) => u.username === 'web-station-2')!;
      const row = page.locator('.ant-table-row', { hasText: 'web-station-2' });
      await row.locator('button:has-text("停用")').click();
      await page.click('.ant-popconfirm .ant-btn-primary');
      await row.locator('.ant-tag:has-text("已停用")').waitFor();
      expect((await http.post('/api/auth/login', { username: 'web-station-2', password: 'Station-pw-2025' })).status).toBe(403);
      await row.locator('button:has-text("启用")').click();
      await row.locator('.ant-tag:has-text("正常")').waitFor();

      // The new account joins a station's staff; the station's opening hours change.
      await visit(page, 'admin', 'stations', '/admin/stations');
      const stationRow = page.locator('.ant-table-row').first();
      // The row's key is the station's id (names need not be unique).
      const station = { id: (await stationRow.getAttribute('data-row-key'))! };
      await stationRow.locator('button:has-text("工作人员")').click();
      await choose(page, 'station-staff-account', '符海燕（web-station-2）', '符海燕');
      await page.click('.ant-drawer button:has-text("添加工作人员")');
      await page.waitForSelector('.ant-drawer .ant-list-item:has-text("web-station-2")');
      await audit(page, 'admin', 'station-staff');
      expect(((await admin.get(`/api/stations/${station.id}/staff`)).body.items as { userId: string }[]).map((m) => m.userId)).toContain(created.id);
      await page.click('.ant-drawer-close');
      await stationRow.locator('button:has-text("编辑")').click();
      await page.fill('#station_openingHours', '周一至周六 8:00-18:00');
      await page.click('.ant-modal-footer .ant-btn-primary');
      await toast(page, '已完成');
      expect((await admin.get(`/api/stations/${station.id}`)).body.openingHours).toBe('周一至周六 8:00-18:00');

      await visit(page, 'admin', 'audit', '/admin/audit');
      expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
      // Successful actions only, then one person's.
      await choose(page, 'audit-result', '成功');
      await page.waitForFunction(() => {
        const tags = Array.from(document.querySelectorAll('.ant-table-row .ant-tag'));
        return tags.length > 0 && tags.every((tag) => tag.textContent === '成功');
      });
      const stationUser = (await (await as('demo-station')).get('/api/auth/me')).body.userId as string;
      await page.fill('#audit-user', stationUser);
      await page.keyboard.press('Enter');
      await page.waitForFunction((prefix) => {
        const cells = Array.from(document.querySelectorAll('.ant-table-row code'));
        return cells.length > 0 && cells.every((c) => c.textContent === prefix);
      }, stationUser.slice(0, 8));
      await shot(page, 'admin-audit-filtered');
    });
    expectChecked('admin');
  }, 180_000);
});
