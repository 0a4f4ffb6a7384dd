import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, ManualClock, shanghaiInstant } from '@app/clock';
import { PlanRemindersService, reminderSchedule } from '@app/development-plan';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * R3 (policy.md §6): on a controlled clock, across the 2026 Q3 report season, whose nominal due date (5 October)
 * falls in the National Day holiday (1–7 October; deadline 8 October; 25 September is 中秋, 10 October a 调休
 * working Saturday): every reminder goes out on its scheduled working day at the 09:00 run, in-app to the unit's
 * administrators and by SMS (the real webhook adapter, to a gateway in this test) to the plan's contact, stops
 * once the unit has submitted, and every late unit is flagged in the compile; a slow unit gets its notice.
 */
describe('plan report reminders and late units across a quarter that ends before a holiday (R3)', () => {
  let t: TestApp;
  let gateway: Server;
  const sms: { to: string; template: string; text: string }[] = [];
  const clock = new ManualClock(shanghaiInstant('2026-09-15', '09:00'));
  let dataSource: DataSource;
  let province: HttpClient;
  const regional: Record<string, HttpClient> = {};
  const adminIds: Record<string, string> = {};

  // 三亚 submits early, 琼海 on the deadline day after the 09:00 run, 五指山 late; nobody else submits.
  const EARLY = '460200';
  const ON_TIME = '469002';
  const LATE = '469001';
  const PHONES: Record<string, string> = { [EARLY]: '13800000001', [ON_TIME]: '13800000002', [LATE]: '13800000003' };
  const SUBMIT_ON: Record<string, string> = { [EARLY]: '2026-09-29', [ON_TIME]: '2026-10-08', [LATE]: '2026-10-12' };

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        sms.push(JSON.parse(body));
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    t = await createTestApp(HTTP_FEATURES, { SMS_SENDER: 'webhook', SMS_WEBHOOK_URL: url }, undefined, clock);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    const http = new HttpClient(t.app);
    const factories = new Factories(t.app);
    province = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    for (const code of [EARLY, ON_TIME, LATE]) {
      const user = await factories.user('admin', { regionCode: code });
      adminIds[code] = user.id;
      regional[code] = await http.login(user.username, TEST_PASSWORD);
      const targets = code === ON_TIME ? [{ indicator: 'D4.hires', annualGoal: 100 }] : [];
      const saved = await regional[code].request('PUT', `/api/plan/targets?reporter=${code}&year=2026`, { targets, contactName: '填表人', contactPhone: PHONES[code] });
      expect(saved.status).toBe(200);
      expect(saved.body.hasContactPhone).toBe(true);
    }
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('sends every reminder on schedule, stops at submission, flags every late unit and notices the slow one', async () => {
    const reminders = t.app.get(PlanRemindersService);
    const catalogue = await province.get('/api/plan/catalogue');
    const allReporters: string[] = catalogue.body.reporters.map((r: { code: string }) => r.code);
    expect(allReporters).toHaveLength(20 + 14);

    const runs = new Map<string, Date>();
    for (let day = '2026-09-15'; day <= '2026-10-20'; day = addDays(day, 1)) {
      clock.set(shanghaiInstant(day, '09:00'));
      runs.set(day, clock.now());
      await reminders.run();
      expect(await reminders.run()).toEqual([]); // a repeated run sends nothing twice
      for (const [code, submitDay] of Object.entries(SUBMIT_ON)) {
        if (submitDay !== day) continue;
        clock.set(shanghaiInstant(day, '10:00'));
        const started = await regional[code].post('/api/plan/reports', { reporter: code, year: 2026, quarter: 3 });
        expect(started.status).toBe(201);
        const submitted = await regional[code].post(`/api/plan/reports/${started.body.id}/submit`);
        expect(submitted.status).toBe(200);
      }
    }

    // The schedule itself: before the holiday, on the moved deadline, then every working day (the 调休 Saturday too).
    const schedule = reminderSchedule(2026, 3).filter((r) => r.date <= '2026-10-20');
    expect(schedule.map((r) => r.date)).toEqual([
      '2026-09-23', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-19', '2026-10-20',
    ]);
    const expectedRows = allReporters.flatMap((code) =>
      schedule.filter((r) => !SUBMIT_ON[code] || r.date <= SUBMIT_ON[code]).map((r) => `${code} ${r.kind} ${r.date}`),
    );
    expectedRows.push(`${ON_TIME} slow 2026-10-09`);
    const rows: { reporter: string; kind: string; date: string; sent_at: Date; in_app: number; sms: number }[] = await dataSource.query(
      `SELECT reporter, kind, to_char(date, 'YYYY-MM-DD') AS date, sent_at, in_app, sms FROM plan_reminder WHERE year = 2026 AND quarter = 3`,
    );
    expect(rows.map((r) => `${r.reporter} ${r.kind} ${r.date}`).sort()).toEqual(expectedRows.sort());
    // Each went out at its day's 09:00 run: within a minute of the schedule.
    for (const row of rows) expect(Math.abs(new Date(row.sent_at).getTime() - runs.get(row.date)!.getTime())).toBeLessThanOrEqual(60_000);

    // In-app to the unit's administrators, SMS to the plan's contact: one each per reminder of the three units.
    for (const code of [EARLY, ON_TIME, LATE]) {
      const mine = rows.filter((r) => r.reporter === code);
      expect(mine.every((r) => r.in_app === 1 && r.sms === 1)).toBe(true);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND kind IN ('plan_report_reminder', 'plan_slow_notice')`, [adminIds[code]]);
      expect(count).toBe(mine.length);
      expect(sms.filter((m) => m.to === PHONES[code])).toHaveLength(mine.length);
    }
    expect(sms.filter((m) => m.to === PHONES[ON_TIME] && m.template === 'PLAN_SLOW_NOTICE')).toHaveLength(1);
    expect(sms.find((m) => m.to === PHONES[LATE] && m.template === 'PLAN_REPORT_OVERDUE')?.text).toContain('2026-10-08');

    // Every late unit flagged: all units but the two that submitted by the deadline.
    const compiled = await province.get('/api/plan/compile?year=2026&quarter=3');
    expect(compiled.status).toBe(200);
    expect(compiled.body.deadline).toBe('2026-10-08');
    const late: { reporter: string; submittedOn: string | null }[] = compiled.body.late;
    expect(late.map((l) => l.reporter).sort()).toEqual(allReporters.filter((c) => c !== EARLY && c !== ON_TIME).sort());
    expect(late.find((l) => l.reporter === LATE)?.submittedOn).toBe('2026-10-12');
    expect(compiled.body.slow.map((s: { reporter: string }) => s.reporter)).toEqual([ON_TIME]);
  }, 180_000);
});
