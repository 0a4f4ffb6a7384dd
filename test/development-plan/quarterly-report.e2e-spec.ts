import { getDataSourceToken } from '@nestjs/typeorm';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { addDays, quarterOf, shanghaiDate } from '@app/clock';
import { PlanFiguresService } from '@app/development-plan';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * The quarterly report over HTTP (issue 20): 琼海 sets its targets, starts its report prefilled from the platform
 * (hires by direction and priority group counted from the shortages' direction and region), is refused while a
 * figure far from the platform count has no note, submits; the province returns it once, accepts the correction,
 * locks it; a correction after locking is a new version with a reason; the compile and the workbook carry the
 * figures, and a figure drills down to the hires it counts. Shortages keep only the seven direction codes.
 */
describe('job-development plan: targets, prefilled report, review, versions, compile, workbook, drill-down', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let province: HttpClient;
  let qionghai: HttpClient;
  let officer: HttpClient;
  let admin: HttpClient;
  let factories: Factories;
  let http: HttpClient;
  let provinceName: string;
  let care: string;
  const today = shanghaiDate();
  const year = Number(today.slice(0, 4));
  const quarter = Number(quarterOf(today).slice(-1));

  async function shortage(employerId: string, regionCode: string, headcount: number, policyDirection: string): Promise<string> {
    const created = await officer.post('/api/shortages', {
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount, wageMin: 4500, wageMax: 6500, policyDirection,
      workType: 'full_time', regionCode, address: '海南省某路 8 号', startDate: addDays(today, 7), deadline: addDays(today, 60),
      description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险。', submit: true,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function hire(shortageId: string, groups: string[]): Promise<void> {
    const row = await factories.seeker({ priorityGroups: groups.map((group) => ({ group, evidence: '登记证明' })), consentSensitiveMatching: true } as never);
    const user = await factories.user('seeker', { seekerId: row.id });
    const seeker = await http.login(user.username, TEST_PASSWORD);
    const applied = await seeker.post('/api/applications', { shortageId });
    expect(applied.status).toBe(201);
    for (const status of ['interview', 'offer', 'hired']) expect((await admin.post(`/api/applications/${applied.body.id}/status`, { status })).status).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    provinceName = (await factories.user('admin')).username;
    admin = await http.login(provinceName, TEST_PASSWORD);
    province = admin;
    qionghai = await http.login((await factories.user('admin', { regionCode: '469002' })).username, TEST_PASSWORD);
    const officerUser = await factories.user('officer');
    officer = await http.login(officerUser.username, TEST_PASSWORD);
    const qh = await factories.employer({ regionCode: '469002', address: '琼海市嘉积镇某路 1 号' });
    const hk = await factories.employer({ regionCode: '460106' });
    await factories.pairing(officerUser.id, qh.id);
    await factories.pairing(officerUser.id, hk.id);
    // 琼海: three hires in 民生保障 (two of priority groups), one in 先进制造业; 海口: one in 民生保障.
    care = await shortage(qh.id, '469002', 3, 'livelihood');
    const factory = await shortage(qh.id, '469002', 1, 'advanced_manufacturing');
    const haikou = await shortage(hk.id, '460106', 1, 'livelihood');
    await hire(care, ['college_graduate']);
    await hire(care, ['veteran', 'migrant_worker']);
    await hire(care, []);
    await hire(factory, []);
    await hire(haikou, ['college_graduate']);
  });
  afterAll(() => t.close());

  it('keeps shortages to the seven direction codes', async () => {
    const catalogue = await province.get('/api/plan/catalogue');
    expect(catalogue.body.directions.map((d: { section: string }) => d.section)).toEqual(['二（一）', '二（二）', '二（三）', '二（四）', '二（五）', '二（六）', '二（七）']);
    expect(catalogue.body.indicators.find((i: { code: string }) => i.code === 'D5.community_workers')).toMatchObject({ planGoal: 18, unitZh: '人/万人' });
    const [{ id }] = await dataSource.query(`SELECT id FROM shortage LIMIT 1`);
    await expect(dataSource.query(`UPDATE shortage SET policy_direction = '民生' WHERE id = $1`, [id])).rejects.toThrow(/shortage_policy_direction_check/);
  });

  it('runs a report from targets to a locked, corrected version, and compiles it with the drill-down and the workbook', async () => {
    const targets = await qionghai.request('PUT', `/api/plan/targets?reporter=469002&year=${year}`, {
      targets: [{ indicator: 'D4.hires', annualGoal: 20, milestones: [2, 6, 12, 20] }, { indicator: 'D4.childcare_places', annualGoal: 4.5, attachment: '托位统计表.xlsx' }],
    });
    expect(targets.status).toBe(200);
    expect((await qionghai.request('PUT', `/api/plan/targets?reporter=460100&year=${year}`, { targets: [] })).status).toBe(404); // not 琼海's

    const started = await qionghai.post('/api/plan/reports', { reporter: '469002', year, quarter });
    expect(started.status).toBe(201);
    const id = started.body.id as string;
    const fig = (body: { figures: { indicator: string }[] }, code: string) => body.figures.find((f) => f.indicator === code);
    expect(fig(started.body, 'D4.hires')).toMatchObject({ quarter: 3, cumulative: 3, platformQuarter: 3, platformCumulative: 3 });
    expect(fig(started.body, 'D4.hires_priority')).toMatchObject({ cumulative: 2 });
    expect(fig(started.body, 'D1.hires')).toMatchObject({ cumulative: 1 });
    expect(fig(started.body, 'D4.childcare_places')).toMatchObject({ quarter: null, platformCumulative: null });

    // A figure far from the platform's count needs a note; parts never exceed the whole.
    let edited = await qionghai.patch(`/api/plan/reports/${id}`, {
      figures: [{ indicator: 'D4.hires', quarter: 5, cumulative: 5 }, { indicator: 'D4.childcare_places', quarter: 4.6, cumulative: 4.6 }],
      narrative: { practices: '开展养老护理员定向培训' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.issues.map((i: { code: string }) => i.code)).toEqual(['FAR_FROM_PLATFORM_NEEDS_NOTE']);
    const refused = await qionghai.post(`/api/plan/reports/${id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PLAN_REPORT_UNBALANCED');
    edited = await qionghai.patch(`/api/plan/reports/${id}`, { figures: [{ indicator: 'D4.hires', quarter: 5, cumulative: 5, note: '含两名未在平台登记的园区招聘' }] });
    expect(edited.body.issues).toEqual([]);
    const first = await qionghai.post(`/api/plan/reports/${id}/submit`);
    expect(first.body.status).toBe('submitted');
    expect(first.body.firstSubmittedAt).toEqual(expect.any(String));

    // The province returns it once, then accepts the correction and locks it; the county may not review.
    expect((await qionghai.post(`/api/plan/reports/${id}/review`, { decision: 'accept' })).status).toBe(403);
    expect((await province.post(`/api/plan/reports/${id}/review`, { decision: 'return' })).status).toBe(400);
    const returned = await province.post(`/api/plan/reports/${id}/review`, { decision: 'return', reason: '请补充托位数据来源' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充托位数据来源' });
    expect((await qionghai.patch(`/api/plan/reports/${id}`, { figures: [{ indicator: 'D4.childcare_places', quarter: 4.6, cumulative: 4.6, note: '卫健委托位统计' }] })).status).toBe(200);
    expect((await qionghai.post(`/api/plan/reports/${id}/submit`)).body.status).toBe('submitted');
    expect((await province.post(`/api/plan/reports/${id}/review`, { decision: 'accept' })).body.status).toBe('accepted');
    expect((await qionghai.patch(`/api/plan/reports/${id}`, { narrative: { problems: '改' } })).status).toBe(409);

    const compiled = await province.get(`/api/plan/compile?year=${year}&quarter=${quarter}`);
    expect(compiled.status).toBe(200);
    const row = compiled.body.rows.find((r: { reporter: { code: string } }) => r.reporter.code === '469002');
    expect(row.reportStatus).toBe('accepted');
    const cell = row.cells.find((c: { indicator: string }) => c.indicator === 'D4.hires');
    expect(cell).toMatchObject({ annualGoal: 20, cumulative: 5, completion: 0.25, from: 'report' });
    expect(cell.expected).toBe(quarter === 4 ? 1 : [0.1, 0.3, 0.6][quarter - 1]);
    expect(compiled.body.slow.some((s: { reporter: string; indicator: string }) => s.reporter === '469002' && s.indicator === 'D4.hires')).toBe(cell.status === 'slow');
    const haikouRow = compiled.body.rows.find((r: { reporter: { code: string } }) => r.reporter.code === '460100');
    expect(haikouRow.cells.find((c: { indicator: string }) => c.indicator === 'D4.hires')).toMatchObject({ cumulative: 1, from: 'platform' });
    expect((await qionghai.get(`/api/plan/compile?year=${year}&quarter=${quarter}`)).status).toBe(403);

    // The figure drills down to the hires it counts: 琼海's three in 民生保障, two of them priority groups.
    const drill = await province.get(`/api/plan/drilldown?reporter=469002&year=${year}&quarter=${quarter}&indicator=D4.hires`);
    expect(drill.status).toBe(200);
    expect(drill.body.total).toBe(3);
    expect(drill.body.records.every((r: { regionCode: string; direction: string; seekerName: string }) => r.regionCode === '469002' && r.direction === 'livelihood' && r.seekerName.includes('*'))).toBe(true);
    expect((await qionghai.get(`/api/plan/drilldown?reporter=469002&year=${year}&quarter=${quarter}&indicator=D4.hires_priority`)).body.total).toBe(2);
    expect((await qionghai.get(`/api/plan/drilldown?reporter=460100&year=${year}&quarter=${quarter}&indicator=D4.hires`)).status).toBe(404);

    // The workbook.
    const token = (await http.post('/api/auth/login', { username: provinceName, password: TEST_PASSWORD })).body.accessToken;
    const file = await t.app.inject({ method: 'GET', url: `/api/plan/compile?year=${year}&quarter=${quarter}&format=xlsx`, headers: { authorization: `Bearer ${token}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const raw = file.rawPayload;
    expect(raw.length).toBeLessThan(5 * 1024 * 1024);
    const book = new Workbook();
    await book.xlsx.load(raw as never);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['汇总表', 'D4民生保障', '进度偏慢', '未按时报送', '文字说明']));
    const summary = book.getWorksheet('汇总表')!;
    expect(String(summary.getRow(2).getCell(1).value)).toContain('表号');
    expect(String(summary.getRow(3).getCell(1).value)).toContain(`报告期：${year}年第${quarter}季度`);
    expect(String(summary.getRow(3).getCell(5).value)).toContain('计量单位');
    const qhRow = summary.getRows(5, summary.rowCount - 4)!.find((r) => r.getCell(1).value === '琼海市')!;
    expect(qhRow.getCell(2).value).toBe('已审核');
    expect(qhRow.getCell(3 + 3 * 7).value).toBe(20); // 二（四） annual goal
    // Cumulative: the reported 5 (the platform counts 3, the note explains the rest), linked to the hires the platform counts.
    expect(qhRow.getCell(3 + 3 * 7 + 2).value).toEqual({ formula: expect.stringMatching(/^HYPERLINK\("http:\/\/[^"]+\/admin\/plan\/drilldown\?reporter=469002&year=\d+&quarter=\d&indicator=D4\.hires&span=cumulative",5\)$/), result: 5 });
    // Member units have no region: their figures stay plain numbers.
    const unitRow = summary.getRows(5, summary.rowCount - 4)!.find((r) => r.getCell(1).value === '省人力资源社会保障厅')!;
    expect(unitRow.getCell(3 + 3 * 7 + 2).formula).toBeUndefined();
    const text = book.worksheets.flatMap((s) => s.getSheetValues().flat().map(String)).join('|');
    expect(text).toContain('单位负责人');
    expect(text).toContain('开展养老护理员定向培训');

    // Lock, then a correction is a new version with its reason.
    expect((await province.post(`/api/plan/reports/${id}/review`, { decision: 'lock' })).body.status).toBe('locked');
    expect((await qionghai.post(`/api/plan/reports/${id}/correct`, { reason: '' })).status).toBe(400);
    const corrected = await qionghai.post(`/api/plan/reports/${id}/correct`, { reason: '托位数经复核更正' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ version: 2, status: 'draft', correctionReason: '托位数经复核更正', previousId: id });
    expect(corrected.body.firstSubmittedAt).toBe(first.body.firstSubmittedAt); // lateness stays judged on the first submission
    expect((await qionghai.get(`/api/plan/reports/${id}`)).body.status).toBe('superseded');
    expect((await qionghai.get(`/api/plan/reports?reporter=469002&year=${year}&quarter=${quarter}`)).body.report.id).toBe(corrected.body.id);
  }, 120_000);

  it('drills down to the shortages filled and the events held that a figure counts', async () => {
    // 琼海's care shortage (3 positions) was filled by its three hires; the factory's one position by its hire.
    const filled = await province.get(`/api/plan/drilldown?reporter=469002&year=${year}&quarter=${quarter}&indicator=D4.filled&span=quarter`);
    expect(filled.status).toBe(200);
    expect(filled.body).toMatchObject({ metric: 'shortages_filled', total: 1, records: [], events: [] });
    expect(filled.body.shortages).toEqual([expect.objectContaining({ shortageId: care, title: '养老护理员', headcount: 3, regionCode: '469002', direction: 'livelihood' })]);
    expect((await province.get(`/api/plan/drilldown?reporter=460100&year=${year}&quarter=${quarter}&indicator=D1.filled`)).body.total).toBe(0);

    // A completed event at a 琼海 station that recruited for the care shortage counts under 民生保障, not elsewhere.
    const [station] = await dataSource.query(
      `INSERT INTO station (name, type, region_code, address, lat, lng, capacity, booths) VALUES ('嘉积镇就业驿站', 'employment_station', '469002', '嘉积镇', 19.24, 110.46, 200, 10) RETURNING id`,
    );
    const [event] = await dataSource.query(
      `INSERT INTO recruitment_event (station_id, title, type, status, origin, date, starts_at, ends_at, capacity)
       VALUES ($1, '养老护理专场招聘会', 'on_site', 'completed', 'manual', $2::date, $2::date + time '09:00', $2::date + time '12:00', 100) RETURNING id`,
      [station.id, today],
    );
    const [employer] = await dataSource.query(`SELECT employer_id FROM shortage WHERE id = $1`, [care]);
    await dataSource.query(`INSERT INTO event_employer (event_id, employer_id, shortage_ids) VALUES ($1, $2, ARRAY[$3]::uuid[])`, [event.id, employer.employer_id, care]);
    const held = await qionghai.get(`/api/plan/drilldown?reporter=469002&year=${year}&quarter=${quarter}&indicator=D4.events`);
    expect(held.body).toMatchObject({ metric: 'events_held', total: 1, events: [{ eventId: event.id, title: '养老护理专场招聘会', date: today, stationName: '嘉积镇就业驿站', regionCode: '469002' }] });
    expect((await qionghai.get(`/api/plan/drilldown?reporter=469002&year=${year}&quarter=${quarter}&indicator=D1.events`)).body.total).toBe(0);
    // The same count the compile's platform figures use.
    const facts = await t.app.get(PlanFiguresService).facts(year);
    expect(facts.filter((f) => f.reporter === '469002' && f.metric === 'events_held' && f.direction === 'livelihood').reduce((n, f) => n + f.count, 0)).toBe(1);
    expect(facts.filter((f) => f.reporter === '469002' && f.metric === 'shortages_filled' && f.direction === 'livelihood').reduce((n, f) => n + f.count, 0)).toBe(1);
    // An entered figure has no records to list.
    expect((await province.get(`/api/plan/drilldown?reporter=469002&year=${year}&quarter=${quarter}&indicator=D4.childcare_places`)).status).toBe(400);
  });
});
