import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate, shanghaiInstant } from '@app/clock';
import { Shortage } from '@app/employer-demand';
import { EventEmployer, EventsService, EventStationService, RecruitmentEvent } from '@app/events';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** The station's proposal inbox as a tool: filters, sorting, paging, bulk reject; and what seekers read of an event. */
describe('the station inbox', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let admin: HttpClient;
  let staff: HttpClient;
  let stationA: string;
  let stationB: string;
  let employerId: string;
  let shortageId: string;
  const inDays = (n: number) => addDays(shanghaiDate(), n);

  async function station(name: string): Promise<string> {
    const created = await admin.post('/api/stations', {
      name, type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32, capacity: 100, booths: 10,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function proposal(
    stationId: string, days: number, families: string[], expected: number, status: RecruitmentEvent['status'] = 'proposed', offered = { employerId, shortageId },
  ): Promise<string> {
    const date = inDays(days);
    const event = await dataSource.getRepository(RecruitmentEvent).save({
      stationId, title: families.length > 1 ? '综合招聘会' : '养老护理员专场招聘会', type: 'on_site', status, origin: 'planned', date,
      startsAt: shanghaiInstant(date, '09:00'), endsAt: shanghaiInstant(date, '12:00'), capacity: 60, occupationFamily: families[0], occupationFamilies: families,
      expectedAttendance: expected, reasons: [{ code: 'INVITEES', zh: `预计到场 ${expected} 人`, en: `${expected} expected` }],
      description: '综合招聘会：海口康养护理服务有限公司招聘养老护理员 3 人，月薪 4500–6000 元/月。',
    } as Partial<RecruitmentEvent>);
    await dataSource.getRepository(EventEmployer).save({ eventId: event.id, employerId: offered.employerId, booth: '1', shortageIds: [offered.shortageId] });
    return event.id;
  }

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    stationA = await station('龙华区金贸街道就业驿站');
    stationB = await station('美兰区白龙街道就业驿站');
    const user = await factories.user('station_staff', { regionCode: '460100' });
    expect((await admin.post(`/api/stations/${stationA}/staff`, { userId: user.id })).status).toBe(204);
    staff = await http.login(user.username, TEST_PASSWORD);
    employerId = (await factories.employer({ name: '海口康养护理服务有限公司' })).id;
    shortageId = (
      await dataSource.getRepository(Shortage).save({
        employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 3, wageMin: 4500, wageMax: 6000,
        workType: 'full_time' as const, regionCode: '460106', address: '海口市龙华区', lat: 20.02, lng: 110.32, startDate: inDays(5), deadline: inDays(60),
        description: '生活照料', status: 'open' as const,
      })
    ).id;
  });
  afterAll(() => t.close());

  it('filters by station, dates and occupation family, sorts by expected attendance or date, and pages', async () => {
    const care = await proposal(stationA, 5, ['4-10-01'], 20);
    const general = await proposal(stationA, 6, ['4-03-02', '4-10-01'], 40);
    const cook = await proposal(stationA, 12, ['4-03-02'], 16);
    await proposal(stationB, 7, ['4-10-01'], 30);
    const ids = async (query: string) => {
      const response = await staff.get(`/api/events?status=proposed&${query}`);
      expect(response.status).toBe(200);
      return { ids: response.body.items.map((e: { id: string }) => e.id), total: response.body.total };
    };
    // The staff member serves station A only: B's proposal is not in the inbox.
    expect(await ids('')).toEqual({ ids: [care, general, cook], total: 3 });
    expect((await ids(`station=${stationA}&family=4-10-01`)).ids).toEqual([care, general]);
    expect((await ids(`from=${inDays(6)}&to=${inDays(8)}`)).ids).toEqual([general]);
    expect((await ids('sort=expectedAttendance')).ids).toEqual([general, care, cook]);
    expect(await ids('sort=expectedAttendance&limit=2&offset=2')).toEqual({ ids: [cook], total: 3 });

    const bad = await staff.get('/api/events?family=养老');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/职业小类编码格式/);
    expect((await staff.get('/api/events?sort=random')).status).toBe(400);
  });

  it('rejects several proposals with one reason, all or none', async () => {
    const first = await proposal(stationA, 20, ['4-10-01'], 20);
    const second = await proposal(stationA, 21, ['4-10-01'], 20);
    const foreign = await proposal(stationB, 22, ['4-10-01'], 20);

    const refused = await staff.post('/api/events/reject', { ids: [first, foreign], reason: '本周场地已另有安排' });
    expect(refused.status).toBe(404);
    expect((await dataSource.getRepository(RecruitmentEvent).findOneByOrFail({ id: first })).status).toBe('proposed');

    const rejected = await staff.post('/api/events/reject', { ids: [first, second], reason: '本周场地已另有安排' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.items.map((e: { id: string; status: string; rejectionReason: string }) => [e.id, e.status, e.rejectionReason])).toEqual([
      [first, 'rejected', '本周场地已另有安排'],
      [second, 'rejected', '本周场地已另有安排'],
    ]);
    expect((await staff.post('/api/events/reject', { ids: [], reason: '本周场地已另有安排' })).status).toBe(400);
    expect((await staff.post('/api/events/reject', { ids: [second], reason: '无' })).status).toBe(400);
  });

  it('merges proposals of one week into a 综合招聘会 and accepts it: employers, families and invitees joined, a new public description, the others rejected', async () => {
    // Days from today to a Monday five weeks on, so that Monday and Wednesday share a week and the next Tuesday does not.
    const weekday = new Date(`${inDays(35)}T00:00:00Z`).getUTCDay();
    const monday = 35 + ((8 - weekday) % 7);
    const cookEmployer = (await factories.employer({ name: '海口椰风餐饮管理有限公司' })).id;
    const cookShortage = (
      await dataSource.getRepository(Shortage).save({
        employerId: cookEmployer, title: '中式烹调师', occupationCode: '4-03-02-01', industryCode: '6210', headcount: 2, wageMin: 5000, wageMax: 7000,
        workType: 'full_time' as const, regionCode: '460106', address: '海口市龙华区', lat: 20.02, lng: 110.32, startDate: inDays(5), deadline: inDays(80),
        description: '中餐热菜', status: 'open' as const,
      })
    ).id;
    const care = await proposal(stationA, monday, ['4-10-01'], 20);
    const cook = await proposal(stationA, monday + 2, ['4-03-02'], 16, 'proposed', { employerId: cookEmployer, shortageId: cookShortage });
    const nextWeek = await proposal(stationA, monday + 8, ['4-03-02'], 16, 'proposed', { employerId: cookEmployer, shortageId: cookShortage });
    const foreign = await proposal(stationB, monday + 1, ['4-10-01'], 30);
    const invitee = await factories.seeker({ lat: 20.03, lng: 110.33 } as never);
    await dataSource.query(`INSERT INTO event_attendee (event_id, seeker_id, shortage_id, score, status, source) VALUES ($1, $2, $3, 0.8, 'invited', 'invitation')`, [cook, invitee.id, cookShortage]);

    expect((await staff.post('/api/events/merge', { ids: [care, foreign] })).status).toBe(404);
    const otherWeek = await staff.post('/api/events/merge', { ids: [care, nextWeek] });
    expect(otherWeek.status).toBe(400);
    expect(otherWeek.body.code).toBe('EVENT_MERGE_OTHER_WEEK');
    expect((await staff.post('/api/events/merge', { ids: [care] })).body.code).toBe('EVENT_MERGE_TOO_FEW');
    // Malformed bodies are refused with the error shape, never a 500.
    for (const body of [{ ids: ['养老'] }, {}, { ids: null }, { ids: [care, cook], into: 'x' }, { ids: Array.from({ length: 21 }, () => care) }, { ids: [care, cook], extra: 1 }]) {
      const refused = await staff.post('/api/events/merge', body);
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }

    const merged = await staff.post('/api/events/merge', { ids: [cook, care] });
    expect(merged.status).toBe(200);
    // The venue proposal expecting the most people stays: its day, now a 综合招聘会 of both families, accepted.
    expect(merged.body.merged).toMatchObject({ id: care, status: 'accepted', title: '综合招聘会', date: inDays(monday), expectedAttendance: 36 });
    expect(merged.body.merged.occupationFamilies).toEqual(['4-03-02', '4-10-01']);
    expect(merged.body.merged.employers.map((e: { employerId: string; booth: string; shortageIds: string[] }) => [e.employerId, e.booth, e.shortageIds])).toEqual([
      [employerId, '1', [shortageId]],
      [cookEmployer, '2', [cookShortage]],
    ]);
    expect(merged.body.merged.description).toContain('综合招聘会');
    expect(merged.body.merged.description).toContain('月薪 4500–6000 元/月');
    expect(merged.body.merged.description).toContain('中式烹调师 2 人，月薪 5000–7000 元/月');
    expect(merged.body.merged.reasons.map((r: { code: string }) => r.code)).toContain('MERGED_BY_STAFF');
    expect(merged.body.merged.unsentInvitations).toBe(1);
    expect(merged.body.rejected.map((e: { id: string; status: string; rejectionReason: string }) => [e.id, e.status])).toEqual([[cook, 'rejected']]);
    expect(merged.body.rejected[0].rejectionReason).toContain(`已合并入 ${inDays(monday)} 综合招聘会`);
    const moved: { eventId: string }[] = await dataSource.query(`SELECT event_id AS "eventId" FROM event_attendee WHERE seeker_id = $1`, [invitee.id]);
    expect(moved).toEqual([{ eventId: care }]);
    // Done is done: merging again is refused, nothing changes.
    const again = await staff.post('/api/events/merge', { ids: [care, nextWeek] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVENT_MERGE_NOT_PROPOSED');
    expect((await dataSource.getRepository(RecruitmentEvent).findOneByOrFail({ id: nextWeek })).status).toBe('proposed');
  });

  it('job search shows a job’s published events still to come, soonest first', async () => {
    const events = t.app.get(EventsService);
    const later = await proposal(stationA, 50, ['4-10-01'], 20, 'published');
    const sooner = await proposal(stationA, 45, ['4-10-01'], 20, 'published');
    await proposal(stationA, 40, ['4-10-01'], 20, 'proposed');
    await proposal(stationA, 41, ['4-10-01'], 20, 'cancelled');
    const found = await events.upcomingForShortages([shortageId, employerId]);
    expect(found.get(employerId)).toBeUndefined();
    // Events of the other tests' days may come first: this test's two are among the ones listed, in date order.
    const all = await events.upcomingForShortages([shortageId], 50);
    const ids = all.get(shortageId)!.map((e) => e.id);
    expect(ids.indexOf(sooner)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    expect(all.get(shortageId)!.find((e) => e.id === sooner)).toMatchObject({ date: inDays(45), startsAt: `${inDays(45)}T09:00:00+08:00`, stationName: '龙华区金贸街道就业驿站', type: 'on_site' });
    for (const e of all.get(shortageId)!) expect((await dataSource.getRepository(RecruitmentEvent).findOneByOrFail({ id: e.id })).status).toBe('published');
    expect(found.get(shortageId)!.length).toBeLessThanOrEqual(2);
  });

  it('staff read the planner’s reasons and the count of invitations to send; seekers read the jobs, wages and the public description', async () => {
    const id = await proposal(stationA, 30, ['4-10-01'], 20, 'published');
    const seeker = await factories.seeker({ lat: 20.03, lng: 110.33 } as never);
    await dataSource.query(`INSERT INTO event_attendee (event_id, seeker_id, status, source) VALUES ($1, $2, 'invited', 'invitation')`, [id, seeker.id]);

    const forStaff = await staff.get(`/api/events/${id}`);
    expect(forStaff.body.reasons.map((r: { code: string }) => r.code)).toEqual(['INVITEES']);
    expect(forStaff.body.unsentInvitations).toBe(1);

    const user = await factories.user('seeker', { seekerId: seeker.id });
    const forSeeker = await (await http.login(user.username, TEST_PASSWORD)).get(`/api/events/${id}`);
    expect(forSeeker.status).toBe(200);
    expect(forSeeker.body.reasons).toEqual([]);
    expect(forSeeker.body.unsentInvitations).toBeUndefined();
    expect(forSeeker.body.description).toContain('月薪 4500–6000 元/月');
    expect(forSeeker.body.jobs).toEqual([
      {
        shortageId, employerId, employerName: '海口康养护理服务有限公司', title: '养老护理员', occupationCode: '4-10-01-05', openHeadcount: 3,
        wageMin: 4500, wageMax: 6000, payBasis: 'monthly',
      },
    ]);
  });

  it('a station’s change re-plans its upcoming events: a day it no longer opens moves, fewer places trim planned invitees', async () => {
    const changing = await station('龙华区城西镇就业驿站');
    // The next Sunday at least a week ahead, and a proposal on it with three planned invitees.
    let sunday = inDays(7);
    while (new Date(`${sunday}T00:00:00Z`).getUTCDay() !== 0) sunday = addDays(sunday, 1);
    const date = sunday;
    const event = await dataSource.getRepository(RecruitmentEvent).save({
      stationId: changing, title: '养老护理员专场招聘会', type: 'on_site', status: 'proposed', origin: 'planned', date,
      startsAt: shanghaiInstant(date, '09:30'), endsAt: shanghaiInstant(date, '12:00'), capacity: 100, occupationFamily: '4-10-01', occupationFamilies: ['4-10-01'],
    } as Partial<RecruitmentEvent>);
    for (const score of [0.9, 0.8, 0.5]) {
      const seeker = await factories.seeker({ lat: 20.03, lng: 110.33 } as never);
      await dataSource.query(`INSERT INTO event_attendee (event_id, seeker_id, status, source, score) VALUES ($1, $2, 'invited', 'invitation', $3)`, [event.id, seeker.id, score]);
    }
    const rows = () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'station.changed' AND aggregate_id = $1`, [changing]).then((r) => r[0].n);

    const bad = await admin.patch(`/api/stations/${changing}`, { closedUntil: inDays(9) });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/闭馆结束日期/);
    expect((await admin.patch(`/api/stations/${changing}`, { openingHours: '周一至周五 9:00-17:00' })).status).toBe(200);
    expect(await rows()).toBe(0);
    const patched = await admin.patch(`/api/stations/${changing}`, { openWeekdays: [1, 2, 3, 4, 5], capacity: 2 });
    expect(patched.status).toBe(200);
    expect(patched.body.openWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(await rows()).toBe(1);

    const result = await t.app.get(EventStationService).followStation(changing);
    expect(result).toEqual({ moved: [event.id], trimmed: [event.id], withdrawn: [] });
    const moved = await dataSource.getRepository(RecruitmentEvent).findOneByOrFail({ id: event.id });
    expect(moved.date).toBe(addDays(date, 1));
    expect(moved.startsAt.toISOString()).toBe(shanghaiInstant(addDays(date, 1), '09:30').toISOString());
    expect(moved.capacity).toBe(2);
    expect(moved.reasons.map((r) => r.code)).toContain('STATION_CHANGED');
    const left: { score: number }[] = await dataSource.query(`SELECT score FROM event_attendee WHERE event_id = $1 ORDER BY score DESC`, [event.id]);
    expect(left.map((a) => a.score)).toEqual([0.9, 0.8]);
    // Nothing left to change: a repeated job does nothing.
    expect(await t.app.get(EventStationService).followStation(changing)).toEqual({ moved: [], trimmed: [], withdrawn: [] });
  });
});
