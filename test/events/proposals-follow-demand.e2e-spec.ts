import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { DataSource } from 'typeorm';
import { Employer, Shortage, ShortageExpiryService, ShortagesService } from '@app/employer-demand';
import { addDays, shanghaiDate } from '@app/clock';
import { EventDemandService, Station, StationStaff } from '@app/events';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * Proposals follow demand, through the real path: the shortage's change writes its outbox row in the same transaction,
 * the matcher in this process relays it, and the handler re-plans or withdraws the proposals that recruit for it
 * and tells the station's staff in-app.
 */
describe('event proposals follow demand', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let factories: Factories;
  let staffId: string;
  let employer: Employer;
  let stationId: string;
  const shortage: Record<'a' | 'b' | 'c', Shortage> = {} as never;
  let proposalId: string;
  let acceptedId: string;
  const eventDate = addDays(shanghaiDate(), 10);

  const notices = (kind: string): Promise<{ titleZh: string; bodyZh: string; link: string }[]> =>
    dataSource.query(`SELECT title_zh AS "titleZh", body_zh AS "bodyZh", link FROM notification WHERE user_id = $1 AND kind = $2`, [staffId, kind]);
  const drained = () =>
    eventually(() => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL`), (rows: { n: number }[]) => rows[0].n === 0);

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES);
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
    employer = await factories.employer();
    const station = await dataSource.getRepository(Station).save({
      name: '龙华区就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.33, capacity: 80, booths: 10,
    } as Partial<Station>);
    stationId = station.id;
    const staff = await factories.user('station_staff', { regionCode: '460106' });
    staffId = staff.id;
    await dataSource.getRepository(StationStaff).insert({ stationId, userId: staffId });
    for (const [key, headcount] of [['a', 3], ['b', 2], ['c', 1]] as const) {
      shortage[key] = await dataSource.getRepository(Shortage).save({
        employerId: employer.id, title: `养老护理员${key.toUpperCase()}`, occupationCode: '4-10-01-05', industryCode: '8514', headcount, wageMin: 4500, wageMax: 6000,
        workType: 'full_time', regionCode: '460106', address: '护理院', lat: 20.03, lng: 110.33, startDate: addDays(shanghaiDate(), 7),
        deadline: addDays(shanghaiDate(), 60), description: '生活照料', status: 'open',
      } as Partial<Shortage>);
    }
    const seekers = await Promise.all([0, 1, 2].map(() => factories.seeker({ regionCode: '460106', lat: 20.03, lng: 110.33 } as never)));
    const event = async (status: string, shortageIds: string[], invitees: [string, string][]) => {
      const [row] = await dataSource.query(
        `INSERT INTO recruitment_event (station_id, title, type, status, origin, date, starts_at, ends_at, occupation_family, capacity, headcount_addressed, expected_attendance, reasons)
         VALUES ($1, '养老护理专场招聘会', 'on_site', $2, 'planned', $3, $4, $5, '4-10-01', 80, 5, 4, '[{"code":"DEMAND_GAP","zh":"缺口","en":"gap"}]') RETURNING id`,
        [stationId, status, eventDate, new Date(`${eventDate}T09:00:00+08:00`), new Date(`${eventDate}T12:00:00+08:00`)],
      );
      await dataSource.query(`INSERT INTO event_employer (event_id, employer_id, booth, shortage_ids) VALUES ($1, $2, '1', $3)`, [row.id, employer.id, shortageIds]);
      for (const [seekerId, shortageId] of invitees) {
        await dataSource.query(
          `INSERT INTO event_attendee (event_id, seeker_id, shortage_id, score, status, source) VALUES ($1, $2, $3, 0.8, 'invited', 'invitation')`,
          [row.id, seekerId, shortageId],
        );
      }
      return row.id as string;
    };
    proposalId = await event('proposed', [shortage.a.id, shortage.b.id], [[seekers[0].id, shortage.a.id], [seekers[1].id, shortage.b.id]]);
    acceptedId = await event('accepted', [shortage.c.id], [[seekers[2].id, shortage.c.id]]);
  }, 60_000);
  afterAll(() => t.close());

  it('a shortage of a proposal expires: the proposal is re-planned without it and the staff are told', async () => {
    await dataSource.query(`UPDATE shortage SET deadline = $2 WHERE id = $1`, [shortage.a.id, addDays(shanghaiDate(), -1)]);
    expect(await t.app.get(ShortageExpiryService).expireDue()).toEqual([shortage.a.id]);
    const [replanned] = await eventually(() => notices('event_proposal_replanned'), (rows: unknown[]) => rows.length === 1);
    expect(replanned).toMatchObject({ link: `/events/${proposalId}` });
    expect(replanned.bodyZh).toContain('“养老护理员A”已过招聘截止日期');

    const [event] = await dataSource.query(`SELECT status, headcount_addressed AS headcount, reasons FROM recruitment_event WHERE id = $1`, [proposalId]);
    expect(event.status).toBe('proposed');
    expect(event.headcount).toBe(2);
    expect(event.reasons.map((r: { code: string }) => r.code)).toEqual(['DEMAND_GAP', 'DEMAND_CHANGED']);
    const [booth] = await dataSource.query(`SELECT shortage_ids AS ids FROM event_employer WHERE event_id = $1`, [proposalId]);
    expect(booth.ids).toEqual([shortage.b.id]);
    const invitees = await dataSource.query(`SELECT shortage_id AS "shortageId" FROM event_attendee WHERE event_id = $1`, [proposalId]);
    expect(invitees).toEqual([{ shortageId: shortage.b.id }]);
  });

  it('its last shortage is closed: the proposal is withdrawn and the staff are told', async () => {
    const admin = await new HttpClient(t.app).login((await factories.user('admin')).username, TEST_PASSWORD);
    expect((await admin.post(`/api/shortages/${shortage.b.id}/close`, { reason: '岗位已由内部调剂解决' })).status).toBe(200);
    const [withdrawn] = await eventually(() => notices('event_proposal_withdrawn'), (rows: unknown[]) => rows.length === 1);
    expect(withdrawn.bodyZh).toContain('已自动撤回');
    const [event] = await dataSource.query(`SELECT status, rejection_reason AS reason FROM recruitment_event WHERE id = $1`, [proposalId]);
    expect(event.status).toBe('cancelled');
    expect(event.reason).toContain('“养老护理员B”已关闭');
    // The withdrawal itself went through the outbox (the event's notices handler) and was processed.
    await drained();
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'event.changed' AND aggregate_id = $1`, [proposalId]);
    expect(n).toBe(1);
  });

  it('a shortage of an accepted event fills: the event stays as it is (people may be invited) and the staff are told', async () => {
    const txHost = t.app.get(TransactionHost);
    await txHost.withTransaction(() => t.app.get(ShortagesService).recordHire(shortage.c.id, staffId));
    const [told] = await eventually(() => notices('event_demand_changed'), (rows: unknown[]) => rows.length === 1);
    expect(told.bodyZh).toContain('“养老护理员C”已招满');
    const [event] = await dataSource.query(`SELECT status FROM recruitment_event WHERE id = $1`, [acceptedId]);
    expect(event.status).toBe('accepted');
  });

  it('repeated deliveries change nothing and tell nobody twice', async () => {
    await drained();
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [staffId]);
    const service = t.app.get(EventDemandService);
    for (const s of [shortage.a, shortage.b, shortage.c]) {
      const again = await service.followShortage(s.id);
      expect(again.withdrawn).toEqual([]);
      expect(again.replanned).toEqual([]);
      expect(again.flagged).toEqual([]);
    }
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [staffId])).toEqual(before);
  });
});
