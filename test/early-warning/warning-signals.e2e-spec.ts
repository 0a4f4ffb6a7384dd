import { getDataSourceToken } from '@nestjs/typeorm';
import { Workbook } from 'exceljs';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { addDays, addMonthsToMonth, shanghaiDate } from '@app/clock';
import { WarningAlertsService } from '@app/early-warning';
import { Employer, Shortage } from '@app/employer-demand';
import { makeCreditCode } from '@app/identifiers';
import { WarningMarketService } from '@app/reporting';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { MaintenanceProcessor, WARNING_MARKET } from '../../apps/matcher/src/maintenance.processor';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

function multipart(csv: string, fileName = 'signals.csv'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----warning-signals-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), Buffer.from(csv), Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The early warning's signals that come from the platform itself or from further imports (issue 21, 1(a), (d), (f)):
 * 求人倍率 and new registrations recorded monthly from the demand summary; paired enterprises put on the abnormal list
 * (the platform's own list, or a market-regulation import) or deregistered; the social-insurance 增减员 import that
 * widens the monitored sample. Each reaches the region's indicators, and the market figure an alert.
 */
describe('early-warning signals from the platform and further imports', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;
  let admin: HttpClient;
  let officerId: string;
  let alerts: WarningAlertsService;
  let cls: ClsService;
  const thisMonth = shanghaiDate().slice(0, 7);
  const lastMonth = addMonthsToMonth(thisMonth, -1);

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
    alerts = t.app.get(WarningAlertsService);
    cls = t.app.get(ClsService);
    const adminUser = await factories.user('admin');
    admin = await new HttpClient(t.app).login(adminUser.username, TEST_PASSWORD);
    officerId = (await factories.user('officer', { regionCode: '460107' })).id;
  }, 90_000);
  afterAll(() => t.close());

  const upload = (kind: string, csv: string, headers: Record<string, string> = {}) => {
    const body = multipart(csv);
    return admin.request('POST', `/api/warnings/imports?kind=${kind}`, body.payload, { ...body.headers, ...headers });
  };
  const signals = (region: string) => cls.run(() => alerts.signalsOf(region, new Date()));

  it('records 求人倍率 and new registrations per region each month; two months under 1 raise an alert driven by them', async () => {
    const employer = await factories.employer({ regionCode: '460107', lat: 20.0, lng: 110.35 });
    await dataSource.getRepository(Shortage).save({
      employerId: employer.id, title: '收银员', occupationCode: '4-01-02-03', industryCode: 'F52', headcount: 3, wageMin: 3500, wageMax: 4500, workType: 'full_time',
      regionCode: '460107', address: '海口市琼山区', lat: 20.0, lng: 110.35, startDate: addDays(shanghaiDate(), 7), deadline: addDays(shanghaiDate(), 60), description: '收银',
      status: 'open', publishedAt: new Date(),
    } as Partial<Shortage>);
    for (let i = 0; i < 6; i++) await factories.seeker({ regionCode: '460107' });
    const market = t.app.get(WarningMarketService);
    await cls.run(() => market.snapshot(new Date(`${lastMonth}-15T04:00:00Z`)));
    // This month's, through the matcher's daily job: one figure per district or county (not 海口 as a whole).
    const job = await t.app.get(MaintenanceProcessor).process({ name: WARNING_MARKET });
    expect(job.marketRegions).toBeGreaterThanOrEqual(20);
    const [figure] = await dataSource.query(
      `SELECT region_code AS "regionCode", vacancies, seekers, new_registrations AS "newRegistrations" FROM warning_market_figure WHERE region_code = '460107' AND month = $1`,
      [thisMonth],
    );
    expect(figure).toEqual({ regionCode: '460107', vacancies: 3, seekers: 6, newRegistrations: 6 });
    expect(await dataSource.query(`SELECT 1 FROM warning_market_figure WHERE region_code = '460100'`)).toHaveLength(0);
    const [row] = await dataSource.query(`SELECT vacancies, seekers, new_registrations AS "newRegistrations" FROM warning_market_figure WHERE region_code = '460107' AND month = $1`, [lastMonth]);
    // Last month's figure: the same open demand, but nobody registered in that month.
    expect(row).toEqual({ vacancies: 3, seekers: 6, newRegistrations: 0 });
    expect((await signals('460107')).market.map((m) => m.month).sort()).toEqual([lastMonth, thisMonth]);

    // 0.5 reaches level I's band alone, but one signal source holds it at IV (two signals for III and above).
    const [alert] = (await eventually(
      () => dataSource.query(`SELECT level, drivers, evidence FROM warning_alert WHERE region_code = '460107' AND kind = 'monthly' AND status = 'open'`),
      (rows: unknown[]) => rows.length === 1,
      60_000,
    )) as { level: string; drivers: string[]; evidence: { figures: Record<string, number>; heldBySingleSignal: boolean } }[];
    expect(alert).toMatchObject({ level: 'IV', drivers: ['jobsPerSeeker'] });
    expect(alert.evidence.figures).toMatchObject({ vacancies: 3, seekers: 6, newRegistrations: 6 });
    expect(alert.evidence.heldBySingleSignal).toBe(true);
    // The officer of the district is told.
    expect(await dataSource.query(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'warning_alert'`, [officerId])).toHaveLength(1);
  });

  it('a paired enterprise put on the platform’s abnormal list counts in that month, once; one not paired does not; taken off, it is recorded as restored', async () => {
    const paired = await factories.employer({ regionCode: '460108', industryCode: '1810' });
    const unpaired = await factories.employer({ regionCode: '460108', industryCode: '1810' });
    await factories.pairing(officerId, paired.id);
    for (const employer of [paired, unpaired]) expect((await admin.post(`/api/employers/${employer.id}/abnormal`, { abnormal: true })).status).toBeLessThan(300);
    const statuses = await eventually(
      () => dataSource.query(`SELECT credit_code AS "creditCode", status, month, source FROM warning_firm_status ORDER BY credit_code`),
      (rows: unknown[]) => rows.length === 2,
      60_000,
    );
    expect(statuses).toEqual(
      [paired, unpaired].map((e: Employer) => ({ creditCode: e.creditCode, status: 'abnormal_list', month: thisMonth, source: 'platform' })).sort((a, b) => a.creditCode.localeCompare(b.creditCode)),
    );
    // Another change of the listed enterprise records nothing new.
    expect((await admin.post(`/api/employers/${paired.id}/abnormal`, { abnormal: true })).status).toBeLessThan(300);
    expect((await signals('460108')).firmStatus).toEqual([{ firmId: paired.id, region: '460108', industry: '1810', month: thisMonth, status: 'abnormal_list' }]);

    expect((await admin.post(`/api/employers/${paired.id}/abnormal`, { abnormal: false })).status).toBeLessThan(300);
    await eventually(
      () => dataSource.query(`SELECT 1 FROM warning_firm_status WHERE credit_code = $1 AND status = 'restored'`, [paired.creditCode]),
      (rows: unknown[]) => rows.length === 1,
      60_000,
    );
    expect(await dataSource.query(`SELECT 1 FROM warning_firm_status WHERE credit_code = $1`, [paired.creditCode])).toHaveLength(2);
  });

  it('imports market-regulation records: a paired enterprise deregistered counts; bad rows are reported, not written', async () => {
    const paired = await factories.employer({ regionCode: '460105', industryCode: '5211' });
    // Paired since before the month the record is for: only enterprises paired at the time count.
    await dataSource.query(`INSERT INTO pairing (officer_id, employer_id, started_at) VALUES ($1, $2, now() - interval '90 days')`, [officerId, paired.id]);
    const elsewhere = makeCreditCode('91460000MA5T00001');
    const imported = await upload('firm_status', [
      'creditCode,status,month',
      `${paired.creditCode},注销,${lastMonth}`,
      `${elsewhere},经营异常,${lastMonth}`,
      `91460000MA5T0000X,注销,${lastMonth}`,
      `${paired.creditCode},停业,${lastMonth}`,
      `${paired.creditCode},注销,2099-01`,
    ].join('\n'));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ kind: 'firm_status', rowCount: 5, accepted: 2 });
    expect(imported.body.rowReports.map((r: { problems: string[] }) => r.problems.length)).toEqual([0, 0, 1, 1, 1]);
    expect((await signals('460105')).firmStatus).toEqual([{ firmId: paired.id, region: '460105', industry: '5211', month: lastMonth, status: 'deregistered' }]);
    // The enterprise's region is evaluated after the import (an outbox row for it).
    expect(await dataSource.query(`SELECT 1 FROM outbox_event WHERE topic = 'warning.signals_changed' AND aggregate_id = '460105'`)).not.toHaveLength(0);
  });

  it('imports social-insurance 增减员: every insured enterprise joins the sample, a monitored firm’s own report wins for its month', async () => {
    const monitored = await factories.employer({ regionCode: '460106', industryCode: '1810' });
    await factories.pairing(officerId, monitored.id);
    const officer = await new HttpClient(t.app).login((await dataSource.query(`SELECT username FROM app_user WHERE id = $1`, [officerId]))[0].username, TEST_PASSWORD);
    const filed = await officer.post('/api/warnings/firm-reports', {
      employerId: monitored.id, month: lastMonth, enrolmentHeadcount: 100, previousHeadcount: 100, headcount: 95, additions: 0, reductions: { economic_layoff: 5 },
    });
    expect(filed.status).toBe(201);
    const insured = makeCreditCode('91460100MA5T00002');
    const imported = await upload('social_insurance', [
      'creditCode,region,industry,month,previousHeadcount,additions,reductions',
      `${monitored.creditCode},460106,1810,${lastMonth},100,0,9`,
      `${insured},460106,G54,${addMonthsToMonth(lastMonth, -1)},200,10,0`,
      `${insured},460106,G54,${lastMonth},210,0,21`,
      `${insured},460106,G54,${thisMonth},189,1,200`,
      `${insured},469999,,${lastMonth},x,0,0`,
    ].join('\n'));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ kind: 'social_insurance', rowCount: 5, accepted: 3 });
    expect(imported.body.rowReports[3].problems).toHaveLength(1);
    expect(imported.body.rowReports[4].problems).toHaveLength(3);
    const firms = (await signals('460106')).firms.filter((f) => f.month === lastMonth).sort((a, b) => a.firmId.localeCompare(b.firmId));
    expect(firms).toEqual(
      [
        { firmId: monitored.id, region: '460106', industry: '1810', month: lastMonth, enrolmentHeadcount: 100, previousHeadcount: 100, headcount: 95, additions: 0, reductions: { economic_layoff: 5 } },
        // Enrolment: the enterprise's first insured headcount in the window.
        { firmId: `si:${insured}`, region: '460106', industry: 'G54', month: lastMonth, enrolmentHeadcount: 200, previousHeadcount: 210, headcount: 189, additions: 0, reductions: { other: 21 } },
      ].sort((a, b) => a.firmId.localeCompare(b.firmId)),
    );
    expect((await upload('social_insurance', 'creditCode,region\nx,460106')).status).toBe(400);
    const english = await upload('bogus', 'a\n1', { 'accept-language': 'en' });
    expect(english.status).toBe(400);
  });

  it('exports the monthly workbook: alerts, indicators per region, layoff reports and cases, zh-CN headers or English', async () => {
    const read = async (lang?: string) => {
      const response = await admin.get(`/api/warnings/workbook?month=${thisMonth}${lang ? `&lang=${lang}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const book = new Workbook();
      await book.xlsx.load(response.raw as unknown as ArrayBuffer);
      return book;
    };
    const zh = await read();
    expect(zh.worksheets.map((w) => w.name)).toEqual(['预警', '监测指标', '裁员报告', '应急处置']);
    const cells = (book: Workbook, sheet: number, row: number) => (book.worksheets[sheet].getRow(row).values as unknown[]).slice(1);
    expect(cells(zh, 0, 2)).toEqual(['地区代码', '地区', '类型', '等级', '颜色', '状态', '当前层级', '发出时间', '确认时间', '决定等级的指标', '月份']);
    // The market alert of 琼山区 raised in the first test, with its driver named.
    expect(cells(zh, 0, 3).slice(0, 5)).toEqual(['460107', '琼山区', '月度指标', 'IV', '蓝色']);
    expect(cells(zh, 0, 3)[9]).toBe('求人倍率');
    const indicatorRows = zh.worksheets[1].getRows(3, zh.worksheets[1].rowCount - 2)!.map((r) => (r.values as unknown[]).slice(1));
    const qiongshan = indicatorRows.find((r) => r[0] === '460107')!;
    expect(qiongshan.slice(0, 4)).toEqual(['460107', '琼山区', 'IV', '是']);
    expect(cells(zh, 1, 2)).toContain('求人倍率');
    expect(qiongshan[cells(zh, 1, 2).indexOf('求人倍率')]).toBe(0.5);
    const en = await read('en');
    expect(en.worksheets.map((w) => w.name)).toEqual(['Alerts', 'Indicators', 'Layoff reports', 'Response cases']);
    expect(cells(en, 0, 3).slice(2, 5)).toEqual(['Monthly indicators', 'IV', 'blue']);
    expect((await admin.get('/api/warnings/workbook?month=2026-13')).status).toBe(400);
    expect((await admin.get(`/api/warnings/workbook?month=${thisMonth}&lang=fr`)).status).toBe(400);
  });
});
