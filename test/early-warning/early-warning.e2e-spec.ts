import { getDataSourceToken } from '@nestjs/typeorm';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { addDays, addMonthsToMonth, ManualClock, shanghaiDate } from '@app/clock';
import { WarningAlert, WarningAlertsService } from '@app/early-warning';
import { Employer, Shortage } from '@app/employer-demand';
import { Station, StationStaff } from '@app/events';
import { Application } from '@app/seeker-pool';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/** One file as multipart/form-data in the field `file`. */
function multipart(file: Buffer, fileName: string, type: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----warning-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (client: HttpClient, fileName: string, content: Buffer, type: string) => {
  const { payload, headers } = multipart(content, fileName, type);
  return client.request('POST', '/api/warnings/imports?kind=rates', payload, headers);
};

/**
 * Early warning through the real path (HTTP, the outbox, the matcher in this process, PostgreSQL and Redis): an officer's
 * §41 report for a paired enterprise raises an alert and a rapid-response case with matched shortages and an event
 * proposed at the nearest station; departments acknowledge; people on the case are followed to their hire;
 * imports are reported row by row and end in an alert with its notification; escalation runs on a controlled clock
 * (W4). The speed of these paths (W2, W3) is measured in bench/early-warning-flow.bench.ts, not here.
 */
describe('early warning', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;
  let officer: HttpClient;
  let admin: HttpClient;
  let adminId: string;
  let officerId: string;
  let employer: Employer;
  let stationId: string;
  let staffId: string;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES, {}, undefined, clock);
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
    const http = new HttpClient(t.app);
    employer = await factories.employer({ regionCode: '460106', industryCode: '1810', lat: 20.02, lng: 110.3, name: '海口服装制造有限公司' });
    const officerUser = await factories.user('officer', { regionCode: '460106' });
    officerId = officerUser.id;
    await factories.pairing(officerUser.id, employer.id);
    const adminUser = await factories.user('admin');
    adminId = adminUser.id;
    officer = await http.login(officerUser.username, TEST_PASSWORD);
    admin = await http.login(adminUser.username, TEST_PASSWORD);
    const near = await dataSource.getRepository(Station).save({
      name: '龙华区就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.31, capacity: 80, booths: 10,
    } as Partial<Station>);
    await dataSource.getRepository(Station).save({
      name: '美兰区就业驿站', type: 'employment_station', regionCode: '460108', address: '海口市美兰区', lat: 20.06, lng: 110.4, capacity: 80, booths: 10,
    } as Partial<Station>);
    stationId = near.id;
    const staff = await factories.user('station_staff', { regionCode: '460106' });
    staffId = staff.id;
    await dataSource.getRepository(StationStaff).insert({ stationId, userId: staffId });
    const hiring = await factories.employer({ regionCode: '460106', lat: 20.0, lng: 110.32 });
    const open = (title: string, occupationCode: string, headcount: number, lat: number, lng: number) =>
      dataSource.getRepository(Shortage).save({
        employerId: hiring.id, title, occupationCode, industryCode: '1810', headcount, wageMin: 4000, wageMax: 6000, workType: 'full_time', regionCode: '460106',
        address: '海口市龙华区', lat, lng, startDate: addDays(shanghaiDate(), 7), deadline: addDays(shanghaiDate(), 60), description: '缝纫', status: 'open',
        publishedAt: new Date(),
      } as Partial<Shortage>);
    await open('缝纫工', '6-05-01-01', 10, 20.01, 110.31);
    await open('养老护理员', '4-10-01-05', 8, 20.0, 110.33);
    await open('远方的岗位', '6-05-01-01', 5, 18.25, 109.51); // 三亚: out of reach
  }, 90_000);
  afterAll(() => t.close());

  let reportId: string;
  let caseId: string;
  let alertId: string;

  it('an officer files a 60-person §41 report for a paired enterprise: checked, alert raised, jobs matched and an event proposed', async () => {
    const effective = addDays(shanghaiDate(), 35);
    const filed = await officer.post('/api/warnings/layoff-reports', {
      employerId: employer.id, ground: 'serious_difficulty', count: 60, staff: 400, occupations: ['6-05-01-01'], noticeDate: addDays(shanghaiDate(), 1),
      effectiveDate: effective, unionConsulted: true,
    });
    expect(filed.status).toBe(201);
    reportId = filed.body.id;
    expect(filed.body.check).toMatchObject({ reportable: true, reachedBy: 'count', windowTotal: 60, noticeDays: 34 });
    expect(filed.body.check.checks.map((c: { code: string; verdict: string }) => `${c.code}:${c.verdict}`)).toEqual(['THRESHOLD:pass', 'NOTICE:pass', 'GROUND:pass', 'UNION:pass']);

    const [found] = await eventually(
      () => dataSource.query(`SELECT id, responded_at AS "respondedAt", alert_id AS "alertId" FROM warning_response_case WHERE layoff_report_id = $1`, [reportId]),
      (rows: { id: string; alertId: string; respondedAt: Date | null }[]) => rows.length === 1 && rows[0].respondedAt !== null,
      60_000,
    );
    caseId = found.id;
    alertId = found.alertId;
    const view = await officer.get(`/api/warnings/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.alert).toMatchObject({ level: 'IV', kind: 'layoff', regionCode: '460106', status: 'open' });
    expect(view.body.matchedShortages.map((m: { title: string; fit: string }) => `${m.title}:${m.fit}`)).toEqual(['缝纫工:same_occupation', '养老护理员:nearby']);
    expect(view.body.event).toMatchObject({ status: 'proposed', stationName: '龙华区就业驿站' });
    expect(view.body.trainingGaps).toEqual([{ occupationCode: '6-05-01-01', people: 60, openNearby: 10, suggestedOccupations: ['4-10-01-05'] }]);
    expect(view.body.tasks.map((task: { code: string }) => task.code)).toEqual(expect.arrayContaining(['register_people', 'hold_event', 'training', 'measure:monitor_weekly']));
    const [proposal] = await dataSource.query(`SELECT station_id AS "stationId", expected_attendance AS n FROM recruitment_event WHERE id = $1`, [view.body.event.id]);
    expect(proposal).toEqual({ stationId, n: 60 });
    const inbox = await dataSource.query(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'event_proposal'`, [staffId]);
    expect(inbox).toHaveLength(1);
    // The region's officer is told of the alert.
    expect(await dataSource.query(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'warning_alert'`, [officerId])).toHaveLength(1);
  });

  it('a layoff split into parts under the threshold is summed over 90 days', async () => {
    const base = addDays(shanghaiDate(), 40);
    const split = await factories.employer({ regionCode: '460106', lat: 20.02, lng: 110.3 });
    await factories.pairing(officerId, split.id);
    const first = await officer.post('/api/warnings/layoff-reports', { employerId: split.id, count: 12, staff: 500, occupations: ['6-05-01-01'], effectiveDate: base });
    expect(first.body.check).toMatchObject({ reportable: false, reachedBy: null });
    const second = await officer.post('/api/warnings/layoff-reports', { employerId: split.id, count: 12, staff: 500, occupations: ['6-05-01-01'], effectiveDate: addDays(base, 60) });
    expect(second.status).toBe(201);
    expect(second.body.check).toMatchObject({ reportable: true, reachedBy: 'split', windowTotal: 24 });
    expect(second.body.check.windowReportIds).toHaveLength(2);
  });

  it('bad input is a 4xx, never a 500; another officer’s enterprise reads as missing', async () => {
    expect((await officer.post('/api/warnings/layoff-reports', { employerId: employer.id, count: -1, occupations: [], effectiveDate: 'soon' })).status).toBe(400);
    expect((await officer.post('/api/warnings/layoff-reports', { employerId: employer.id, count: 5, occupations: ['6-05-01-01'], effectiveDate: '2026-01-01', noticeDate: '2026-02-01' })).status).toBe(422);
    const other = await factories.employer({ regionCode: '460106' });
    expect((await officer.post('/api/warnings/layoff-reports', { employerId: other.id, count: 30, occupations: ['6-05-01-01'], effectiveDate: '2026-01-01' })).status).toBe(404);
    const month = addMonthsToMonth(shanghaiDate().slice(0, 7), -1);
    const body = { employerId: employer.id, month, enrolmentHeadcount: 420, previousHeadcount: 410, headcount: 400, additions: 2, reductions: { natural: 2, economic_layoff: 10 } };
    expect((await officer.post('/api/warnings/firm-reports', { ...body, headcount: 399 })).status).toBe(422);
    const report = await officer.post('/api/warnings/firm-reports', body);
    expect(report.status).toBe(201);
    expect(report.body.jobLossRate).toBeCloseTo(2.93, 2);
    expect((await officer.get(`/api/warnings/firm-reports?employerId=${employer.id}`)).body.items).toHaveLength(1);
  });

  it('departments acknowledge the alert; the lead department stops the clock', async () => {
    const byFinance = await officer.post(`/api/warnings/alerts/${alertId}/acknowledge`, { department: 'finance' });
    expect(byFinance.status).toBe(200);
    expect(byFinance.body.alert.status).toBe('open');
    const byLead = await officer.post(`/api/warnings/alerts/${alertId}/acknowledge`, { department: 'hrss', note: '已派专员进驻企业' });
    expect(byLead.body.alert).toMatchObject({ status: 'acknowledged', nextEscalationAt: null });
    expect(byLead.body.acknowledgements.map((a: { department: string }) => a.department)).toEqual(['finance', 'hrss']);
    expect(byLead.body.caseId).toBe(caseId);
    const list = await admin.get('/api/warnings/alerts?status=acknowledged');
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(alertId);
  });

  it('people laid off are followed to their first hire: the case counts them re-employed', async () => {
    const seekers = await Promise.all([0, 1, 2].map(() => factories.seeker({ regionCode: '460106' })));
    const added = await officer.post(`/api/warnings/cases/${caseId}/people`, { seekerIds: seekers.map((s) => s.id), laidOffOn: shanghaiDate() });
    expect(added.status).toBe(200);
    expect(added.body.reemployment).toEqual({ people: 3, reemployed: 0, medianDays: null, within30Days: 0 });
    const [shortage] = await dataSource.query(`SELECT id FROM shortage WHERE title = '缝纫工'`);
    const hiredAt = new Date(Date.now() + 1000).toISOString();
    await dataSource.getRepository(Application).save({
      seekerId: seekers[0].id, shortageId: shortage.id, status: 'hired',
      history: [{ status: 'applied', at: new Date().toISOString(), actorId: officerId }, { status: 'hired', at: hiredAt, actorId: officerId }],
    } as Partial<Application>);
    const view = await officer.get(`/api/warnings/cases/${caseId}`);
    expect(view.body.reemployment).toMatchObject({ people: 3, reemployed: 1, within30Days: 1 });
  });

  it('an import of rates is reported row by row and ends in an alert with its notification', async () => {
    const regions = ['460105', '460107', '460108', '460202', '460203'];
    const month = shanghaiDate().slice(0, 7);
    for (const region of regions) {
      const lines = ['region,month,registeredRate,surveyedRate,youthSurveyedRate'];
      for (const back of [3, 2, 1]) lines.push(`${region},${addMonthsToMonth(month, -back)},4.4,,`);
      lines.push('469999,2026-13,abc,,');
      const imported = await upload(admin, `${region}.csv`, Buffer.from(lines.join('\n')), 'text/csv');
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ rowCount: 4, accepted: 3 });
      expect(imported.body.rowReports[3].problems).toHaveLength(3);
      await eventually(
        () => dataSource.query(
          `SELECT 1 FROM warning_alert a JOIN notification n ON n.link = '/warnings/' || a.id WHERE a.region_code = $1 AND a.kind = 'monthly' AND a.level = 'IV'`,
          [region],
        ),
        (rows: unknown[]) => rows.length > 0,
        60_000,
      );
    }
    expect((await upload(admin, 'x.txt', Buffer.from('hello'), 'text/plain')).status).toBe(415);
  });

  it('W4: unacknowledged alerts escalate on the controlled clock (2 h for II, 12 h for III); an acknowledgement stops it', async () => {
    const alerts = t.app.get(WarningAlertsService);
    const cls = t.app.get(ClsService);
    const start = new Date('2027-03-01T02:00:00Z');
    clock.set(start);
    const raise = async (region: string, level: WarningAlert['level']) => {
      const [row] = await dataSource.query(
        `INSERT INTO warning_alert (key, kind, region_code, month, level, status, tier, raised_tier, evidence, raised_at, next_escalation_at)
         VALUES ($1, 'monthly', $2, '2027-02', $3, 'open', 'county', 'county', '{"indicators":[],"figures":{},"drivers":[],"heldBySingleSignal":false,"history":[]}', $4, $5) RETURNING id`,
        [`w4:${region}`, region, level, start, new Date(start.getTime() + (level === 'III' ? 12 : 2) * 3_600_000)],
      );
      return row.id as string;
    };
    const orange = await raise('460201', 'II');
    const yellow = await raise('460204', 'III');
    const tierOf = async (id: string) => (await dataSource.query(`SELECT tier FROM warning_alert WHERE id = $1`, [id]))[0].tier;
    const run = (minutes: number) => {
      clock.set(new Date(start.getTime() + minutes * 60_000));
      return cls.run(() => alerts.escalateDue(clock.now()));
    };
    expect(await run(119)).toBe(0);
    expect(await tierOf(orange)).toBe('county');
    expect(await run(120)).toBe(1);
    expect(await tierOf(orange)).toBe('city');
    expect(await run(120)).toBe(0);
    expect(await run(239)).toBe(0);
    expect(await run(240)).toBe(1);
    expect(await tierOf(orange)).toBe('province');
    expect(await run(719)).toBe(0);
    expect(await tierOf(yellow)).toBe('county');
    // Acknowledged before its 12 h: the yellow alert never escalates.
    clock.set(new Date(start.getTime() + 700 * 60_000));
    const regional = await factories.user('admin', { regionCode: '460204' });
    const client = await new HttpClient(t.app).login(regional.username, TEST_PASSWORD);
    expect((await client.post(`/api/warnings/alerts/${yellow}/acknowledge`, { department: 'hrss' })).status).toBe(200);
    expect(await run(720)).toBe(0);
    expect(await run(72 * 60)).toBe(0);
    expect(await tierOf(yellow)).toBe('county');
    const steps = await dataSource.query(`SELECT from_tier AS "from", to_tier AS "to", due_at AS "dueAt" FROM warning_escalation WHERE alert_id = $1 ORDER BY due_at`, [orange]);
    expect(steps).toEqual([
      { from: 'county', to: 'city', dueAt: new Date(start.getTime() + 2 * 3_600_000) },
      { from: 'city', to: 'province', dueAt: new Date(start.getTime() + 4 * 3_600_000) },
    ]);
    // The province's administrators were told of the escalation.
    expect(await dataSource.query(`SELECT 1 FROM notification WHERE user_id = $1 AND link = $2`, [adminId, `/warnings/${orange}`])).not.toHaveLength(0);
  });
});
