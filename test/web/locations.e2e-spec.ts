import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { makeResidentId } from '@app/identifiers';
import { Taxonomy } from '@app/taxonomy';
import { HttpClient, TestApp } from '@app/testing';
import { choose, pickRegion, pickTree } from './antd';
import { ARTIFACTS } from './browser';
import { eventually, PASSWORD, WebHarness } from './browser-harness';

/** Issue 13's first Done-when line: candidates within 10 s of the save (measured here: 2–3 s). */
const CANDIDATES_WITHIN_MS = 10_000;
/** How long the page is watched, so that a slow run fails with its time measured rather than a bare timeout. */
const CANDIDATES_WATCH_MS = 30_000;

/** YYYY-MM-DD, `days` from today (Asia/Shanghai). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Precision as the matcher's reasons name it (libs/matching reasons: 位置精确到镇街/区县/市县，距离为估算). */
const PRECISION_IN_REASONS = /位置精确到(镇街|区县|市县)，距离为估算/;

/**
 * Issue 13, Done-when 1, in Debian's Chromium against the real platform (both APIs and the matcher in process, the
 * demo data, one full match run) on a private database. Records are made with an address or a township only, never
 * coordinates, each through the console:
 * - the officer saves a shortage through the form with only an address: the form shows “定位到：…” as she types,
 *   and the candidate list shows candidates whose reasons name the location's precision;
 * - an Excel row with an address and no coordinates is imported (the report says where it was placed), published
 *   from its page and matched;
 * - a seeker who registers with a home township and no coordinates gets recommendations.
 * The occupation is taken from the demo data (the one with the most recommendations in 海口 in the start-up run), so the
 * journey does not depend on one generator detail. The tests run in order and share what they made (the seeker's
 * recommendations include the two postings made before her). About 2–3 minutes, most of it the platform's start and the run.
 */
describe('locations in the browser: form, Excel and registration without coordinates are matched', () => {
  const web = new WebHarness();
  let t: TestApp;
  let http: HttpClient;
  let base: string;
  const taxonomy = Taxonomy.shared();
  /** The demo posting the journeys copy their occupation and district from, and the names the pickers show. */
  const ref = {} as {
    occupationCode: string;
    occupationName: string;
    regionCode: string;
    districtName: string;
    townshipCode: string;
    townshipName: string;
    employerName: string;
    employerCredit: string;
  };
  const made: { formShortageId?: string } = {};

  beforeAll(async () => {
    const runId = await web.start();
    ({ t, http, base } = web);
    const admin = await http.login('demo-admin', PASSWORD);
    const finished = await eventually(() => admin.get(`/api/matching/runs/${runId}`), (r) => r.body.status === 'complete' || r.body.status === 'failed', 180_000);
    expect(finished?.body.status).toBe('complete');

    // The demo employer, whom the demo officer serves (paired).
    const employer = (await (await http.login('demo-employer', PASSWORD)).get('/api/employers?limit=1')).body.items[0] as { name: string; creditCode: string };
    // The occupation with the most recommendations in 海口 in this run; the journeys place their records in 龙华区
    // (central 海口; the demo files its 海口 postings and seekers at city level with their own coordinates).
    const [top] = (await t.app.get(DataSource).query(
      `SELECT s.occupation_code, '460106' AS region_code, count(*)::int AS n FROM match_result r JOIN shortage s ON s.id = r.shortage_id
        WHERE r.run_id = $1 AND s.status IN ('open', 'partially_filled') AND s.region_code LIKE '4601%'
        GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1`,
      [runId],
    )) as { occupation_code: string; region_code: string; n: number }[];
    expect(top).toBeDefined();
    const township = taxonomy.townships(top.region_code).find((x) => x.name.endsWith('镇')) ?? taxonomy.townships(top.region_code)[0];
    Object.assign(ref, {
      occupationCode: top.occupation_code,
      occupationName: taxonomy.occupation(top.occupation_code)!.name,
      regionCode: top.region_code,
      districtName: taxonomy.region(top.region_code)!.name,
      townshipCode: township.code,
      townshipName: township.name,
      employerName: employer.name,
      employerCredit: employer.creditCode,
    });
    await web.launchBrowser();
  }, 360_000);

  afterAll(() => web.close(), 120_000);

  /** The candidate page of a shortage, until it lists candidates; the reason tags of the first ones. */
  async function candidateReasons(page: Page, shortageId: string, timeoutMs: number): Promise<string[]> {
    await page.goto(`${base}/officer/shortages/${shortageId}/candidates`);
    // The page reads the list again by itself while matching is pending (EmptyReasonState).
    await page.locator('.ant-card .ant-progress').first().waitFor({ timeout: timeoutMs });
    return page.locator('.ant-card .ant-tag').allInnerTexts();
  }

  it('officer: a shortage saved through the form with only an address shows “定位到” while typing, and candidates whose reasons name the precision', async () => {
    await web.withPage('locations-form', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.goto(`${base}/officer/shortages/new`);
      await choose(page, 'employerId', ref.employerName, ref.employerName.slice(-5));
      await page.fill('#title', `${ref.occupationName}（地址定位）`);
      await pickTree(page, 'occupationCode', ref.occupationCode, ref.occupationName);
      await page.fill('#headcount', '50');
      await choose(page, 'workType', '全职');
      await page.fill('#wageMin', '3500');
      await page.fill('#wageMax', '6000');
      await page.fill('#startDate', dayFromToday(14));
      await page.fill('#deadline', dayFromToday(60));
      await pickRegion(page, 'regionCode', ['海口市', ref.districtName]);
      const address = `海口市${ref.districtName}${ref.townshipName}椰林路18号`;
      await page.fill('#address', address);
      // As the officer types: the township is recognised; townships have no points of their own yet, so 区县级.
      await page.waitForSelector(`[data-testid="location-preview"]:has-text("定位到：海口市${ref.districtName}${ref.townshipName}（区县级）")`, { timeout: 10_000 });
      await page.fill('#description', '负责日常工作，提供岗前培训，包工作餐，月休4天，按时足额发放工资。');
      await page.waitForSelector('.verdict-PASS', { timeout: 10_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'locations-form-filled.png'), fullPage: true });
      await page.click('button:has-text("保存并提交发布")');
      await page.waitForURL(/\/officer\/shortages\/[0-9a-f-]{36}$/);
      const savedAt = Date.now();
      const id = page.url().split('/').pop()!;
      made.formShortageId = id;
      const officer = await http.login('demo-officer', PASSWORD);
      const saved = (await officer.get(`/api/shortages/${id}`)).body;
      expect(saved).toMatchObject({ address, regionCode: ref.regionCode, status: 'open', locationPrecision: 'district' });
      expect(saved.lat).toEqual(expect.any(Number));

      const reasons = await candidateReasons(page, id, CANDIDATES_WATCH_MS);
      const tookMs = Date.now() - savedAt;
      console.log(`locations: the form's shortage listed candidates ${tookMs} ms after the save (issue 13: within ${CANDIDATES_WITHIN_MS} ms)`);
      await page.screenshot({ path: join(ARTIFACTS, 'locations-form-candidates.png'), fullPage: true });
      expect(reasons.some((r) => PRECISION_IN_REASONS.test(r))).toBe(true);
      expect(reasons.join(' ')).toContain('位置精确到区县');
      expect(tookMs).toBeLessThanOrEqual(CANDIDATES_WITHIN_MS);
    });
  }, 180_000);

  it('officer: an Excel row with an address and no coordinates is placed (the report says how), published and matched', async () => {
    await web.withPage('locations-import', false, async (page) => {
      await web.signIn(page, 'demo-officer', /\/officer$/);
      await page.goto(`${base}/officer/import`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("下载模板")')]);
      const workbook = new Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const cells: Record<string, string | number> = {
        需求编号: 'LOC-E2E-1',
        统一社会信用代码: ref.employerCredit,
        岗位名称: `${ref.occupationName}（表格导入）`,
        职业编码: ref.occupationCode,
        行业编码: '8514',
        招聘人数: 50,
        '工资下限（元/月）': 3500,
        '工资上限（元/月）': 6000,
        用工形式: '全职',
        工作地区编码: ref.regionCode,
        工作地点: `${ref.districtName}${ref.townshipName}椰林路20号`,
        到岗日期: dayFromToday(14),
        截止日期: dayFromToday(60),
        岗位描述: '负责日常工作，提供岗前培训，包工作餐，月休4天。',
      };
      const row = sheet.getRow(2);
      headers.forEach((header, column) => {
        if (column > 0) row.getCell(column).value = header in cells ? cells[header] : null;
      });
      row.commit();
      const file = join(ARTIFACTS, 'locations-import.xlsx');
      await workbook.xlsx.writeFile(file);
      await page.setInputFiles('input[type=file]', file);
      await page.waitForSelector('text=导入结果');
      // The row report: where the row without coordinates was placed, and how precisely.
      await page.waitForSelector(`[data-testid="import-locations"]:has-text("定位到：海口市${ref.districtName}${ref.townshipName}（区县级）")`);
      await page.screenshot({ path: join(ARTIFACTS, 'locations-import-report.png'), fullPage: true });

      const officer = await http.login('demo-officer', PASSWORD);
      const imported = ((await officer.get('/api/shortages?status=draft&limit=100')).body.items as { id: string; title: string }[]).find((s) => s.title === cells['岗位名称']);
      expect(imported).toBeDefined();
      expect((await officer.get(`/api/shortages/${imported!.id}`)).body).toMatchObject({ locationPrecision: 'district', lat: expect.any(Number), lng: expect.any(Number) });

      // Published from its page (imports are drafts), then matched.
      await page.goto(`${base}/officer/shortages/${imported!.id}`);
      await page.click('button:has-text("提交审核")');
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.waitForSelector('h1 .ant-tag:has-text("招聘中")');
      const reasons = await candidateReasons(page, imported!.id, 60_000);
      await page.screenshot({ path: join(ARTIFACTS, 'locations-import-candidates.png'), fullPage: true });
      expect(reasons.some((r) => PRECISION_IN_REASONS.test(r))).toBe(true);
    });
  }, 180_000);

  it('seeker: registers in the browser with a home township and no coordinates, and gets recommendations', async () => {
    const seeker = { username: 'loc-seeker', password: 'Seeker-pw-2026', name: '符海燕', phone: '13876500001', residentId: makeResidentId(ref.regionCode, '1992-08-16', 37) };
    await web.withPage('locations-seeker', false, async (page) => {
      await page.goto(`${base}/register`);
      await page.fill('#username', seeker.username);
      await page.fill('#password', seeker.password);
      await page.fill('#residentId', seeker.residentId);
      await page.fill('#name', seeker.name);
      await page.fill('#phone', seeker.phone);
      await pickRegion(page, 'regionCode', ['海口市', ref.districtName]);
      await choose(page, 'townshipCode', ref.townshipName, ref.townshipName.slice(0, 2));
      await page.fill('#travelRadiusKm', '20');
      await pickTree(page, 'desiredOccupations', ref.occupationCode, ref.occupationName);
      await choose(page, 'workTypes', '全职');
      await page.keyboard.press('Escape');
      await page.fill('#wageExpectation', '4000');
      await choose(page, 'skillLevel', '四级/中级工');
      await page.check('#accept-terms'); // the privacy policy and terms (issue 17)
      await page.click('button[type=submit]');
      await page.waitForURL(/\/seeker\/profile$/);

      const api = await http.login(seeker.username, seeker.password);
      const me = (await api.get('/api/seekers/me')).body;
      expect(me).toMatchObject({ regionCode: ref.regionCode, desiredOccupations: [ref.occupationCode] });
      // The picked township is kept as its county's point (no township has a point of its own yet): 区县级.
      const [stored] = await t.app.get(DataSource).query(`SELECT lat, lng, location_precision FROM seeker WHERE id = $1`, [me.id]);
      expect(stored).toMatchObject({ location_precision: 'district', lat: expect.any(Number), lng: expect.any(Number) });

      // Matched incrementally after the registration (the outbox, then the matcher): wait for it through the API, then
      // the page shows what the seeker sees.
      const answered = await eventually(() => api.get('/api/seekers/me/recommendations?limit=20'), (r) => r.body.items?.length > 0, 90_000);
      if (!answered) console.log(`locations: no recommendations; the API says ${JSON.stringify((await api.get('/api/seekers/me/recommendations?limit=20')).body.emptyReason)}`);
      expect(answered).toBeDefined();
      await page.goto(`${base}/seeker/recommendations`);
      const found = await page.locator('.job-title').first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
      await page.screenshot({ path: join(ARTIFACTS, 'locations-seeker-recommendations.png'), fullPage: true });
      expect(found).toBe(true);
      const titles = await page.locator('.job-title').allInnerTexts();
      expect(titles.length).toBeGreaterThan(0);
      expect((await page.locator('.ant-card .ant-tag').allInnerTexts()).some((r) => PRECISION_IN_REASONS.test(r))).toBe(true);
    });
  }, 180_000);
});
