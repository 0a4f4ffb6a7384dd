import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@app/clock';
import { DemoDataLoader, DemoDataModule } from '@app/demo-setup';
import { EventPlanningService } from '@app/events';
import { distanceKmSql } from '@app/geocoding';
import { findPersonalIdentifiers } from '@app/identifiers';
import { createTestApp, eventually, HttpClient, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const PASSWORD = 'Demo-test-pw';

/**
 * The "done when" on the demo data: a full re-match is followed by event planning; as demo-station you
 * accept a proposal, invitations go out, demo-seeker registers and is checked in by QR token, a hire is recorded
 * and the shortage's filled headcount moves.
 */
describe('recruitment events: the demo journey', () => {
  let t: TestApp;
  let http: HttpClient;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp([...PLATFORM_FEATURES, DemoDataModule], { DEMO_MODE: 'true', DEMO_PASSWORD: PASSWORD });
    http = new HttpClient(t.app);
    dataSource = t.app.get(getDataSourceToken());
    expect((await t.app.get(DemoDataLoader).loadIfEmpty()).loaded).toBe(true);
  }, 120_000);
  afterAll(() => t.close());

  it('re-match, plan, accept, invite, register, check in by QR, record a hire: the shortage fills', async () => {
    const admin = await http.login('demo-admin', PASSWORD);
    const station = await http.login('demo-station', PASSWORD);
    const seeker = await http.login('demo-seeker', PASSWORD);
    const seekerId: string = (await seeker.get('/api/seekers/me')).body.id;

    // A full re-match; its completion writes the planning request to the outbox, and the matcher plans.
    const run = await admin.post('/api/matching/runs');
    expect(run.status).toBe(202);
    await eventually(() => admin.get(`/api/matching/runs/${run.body.id}`), (r) => r.body.status === 'complete', 240_000);
    const planning = await eventually(
      () => dataSource.query(`SELECT proposals FROM event_planning WHERE run_id = $1`, [run.body.id]),
      (rows: { proposals: number }[]) => rows.length === 1,
      90_000,
    );
    expect(planning[0].proposals).toBeGreaterThan(0);

    // Events worth holding: a station near the demand (a live stream pools its county's), a date after the lead time, employers
    // within the booths, invitees within the capacity, the minimums kept, one event per station-day and at most two per week.
    const proposals: {
      id: string; stationId: string; type: string; week: string; date: string; employers: number; booths: number; invitees: number; capacity: number; far: number;
      offFamily: number; unmatched: number; expected: number;
    }[] =
      await dataSource.query(
        `SELECT e.id, e.station_id AS "stationId", e.type, date_trunc('week', e.date)::date::text AS week, e.date::text AS date, st.booths, e.capacity,
                (SELECT count(*)::int FROM event_employer ee WHERE ee.event_id = e.id) AS employers,
                (SELECT count(*)::int FROM event_attendee a WHERE a.event_id = e.id) AS invitees,
                (SELECT count(*)::int FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids) WHERE ee.event_id = e.id
                   AND ${distanceKmSql('st.lat', 'st.lng', 's.lat', 's.lng')} > 30.5) AS far,
                (SELECT count(*)::int FROM event_employer ee JOIN shortage s ON s.id = ANY(ee.shortage_ids) WHERE ee.event_id = e.id
                   AND NOT EXISTS (SELECT 1 FROM unnest(e.occupation_families) f WHERE s.occupation_code LIKE f || '%')) AS "offFamily",
                (SELECT count(*)::int FROM event_attendee a WHERE a.event_id = e.id AND NOT EXISTS (SELECT 1 FROM match_result r
                   WHERE r.run_id = e.source_run_id AND r.seeker_id = a.seeker_id AND r.shortage_id = a.shortage_id)) AS unmatched,
                e.expected_attendance AS expected
         FROM recruitment_event e JOIN station st ON st.id = e.station_id WHERE e.source_run_id = $1`,
        [run.body.id],
      );
    const earliest = addDays(shanghaiDate(), 3);
    for (const p of proposals) {
      expect(p.date >= earliest).toBe(true);
      expect(p.employers).toBeGreaterThanOrEqual(3);
      expect(p.offFamily).toBe(0);
      expect(p.unmatched).toBe(0);
      if (p.type === 'live_stream') continue;
      expect(p.employers).toBeLessThanOrEqual(p.booths);
      expect(p.invitees).toBeLessThanOrEqual(p.capacity);
      expect(p.far).toBe(0);
      expect(p.expected).toBeGreaterThanOrEqual(15);
    }
    const count = (key: (p: (typeof proposals)[number]) => string) => Math.max(...Object.values(proposals.reduce<Record<string, number>>((n, p) => ({ ...n, [key(p)]: (n[key(p)] ?? 0) + 1 }), {})));
    expect(count((p) => `${p.stationId}|${p.date}`)).toBe(1);
    expect(count((p) => `${p.stationId}|${p.week}`)).toBeLessThanOrEqual(2);
    // The limits hold over everything the stations hold, not only this run's proposals (the demo's own events included).
    const held: { perDay: number; perWeek: number }[] = await dataSource.query(
      `SELECT coalesce(max(d.n), 0)::int AS "perDay", (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM recruitment_event
                WHERE status NOT IN ('rejected', 'cancelled') GROUP BY station_id, date_trunc('week', date)) w) AS "perWeek"
         FROM (SELECT count(*) AS n FROM recruitment_event WHERE status NOT IN ('rejected', 'cancelled') GROUP BY station_id, date) d`,
    );
    expect(held[0].perDay).toBe(1);
    expect(held[0].perWeek).toBeLessThanOrEqual(2);
    // Every proposal meets the minimums as the planner counts them (live streams need employers only: the audience is online).
    expect(proposals.filter((p) => p.employers < 3 || (p.type !== 'live_stream' && p.expected < 15))).toEqual([]);

    // The planning is idempotent per match run.
    expect(await t.app.get(EventPlanningService).planForRun(run.body.id)).toMatchObject({ planned: false });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM recruitment_event WHERE source_run_id = $1`, [run.body.id]);
    expect(n).toBe(proposals.length);

    // demo-station's inbox of proposals.
    const inbox = await station.get('/api/events?status=proposed&limit=200');
    expect(inbox.status).toBe(200);
    expect(inbox.body.total).toBeGreaterThan(0);
    const proposal = inbox.body.items[0];
    expect(proposal.reasons.length).toBeGreaterThan(0);
    expect(proposal.reasons[0].zh).toMatch(/[\u4e00-\u9fa5]/);
    expect(proposal.startsAt).toMatch(/T09:00:00\+08:00$/);
    // The public description is written for seekers (jobs, wages, what to bring), not the planner's reasons.
    expect(proposal.description).toMatch(/元\/(月|小时|件)/);
    expect(proposal.description).not.toMatch(/预计到场|重点群体|强匹配/);
    const notified = await station.get('/api/notifications');
    expect(notified.body.items.some((m: { kind: string }) => m.kind === 'event_proposal')).toBe(true);

    // Accept it, make sure demo-seeker is among the invitees, publish, and send the invitations.
    const accepted = await station.post(`/api/events/${proposal.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const edited = await station.request('PATCH', `/api/events/${proposal.id}`, { addInvitees: [seekerId], startTime: '09:30', endTime: '12:00' });
    expect(edited.status).toBe(200);
    expect(edited.body.startsAt).toMatch(/T09:30:00\+08:00$/);
    expect((await station.post(`/api/events/${proposal.id}/publish`)).body.status).toBe('published');
    const sent = await station.post(`/api/events/${proposal.id}/invitations`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.seekersInvited).toBeGreaterThan(0);
    expect(sent.body.employersInvited).toBe(proposal.employers.length);
    const invitations = await station.get(`/api/events/${proposal.id}/invitations`);
    expect(invitations.body.items.filter((i: { kind: string; status: string }) => i.kind === 'employer' && i.status === 'invited')).toHaveLength(proposal.employers.length);
    // The SMS side runs from the outbox in the matcher (logging adapter here).
    await eventually(
      () => dataSource.query(`SELECT count(*) FILTER (WHERE sms_sent_at IS NULL)::int AS waiting FROM event_attendee WHERE event_id = $1 AND invited_at IS NOT NULL`, [proposal.id]),
      (rows: { waiting: number }[]) => rows[0].waiting === 0,
      90_000,
    );

    // demo-seeker finds the invitation in the inbox and accepts by its link; the event is among published events too.
    const messages = await seeker.get('/api/notifications');
    const invitation = messages.body.items.find((m: { kind: string; link: string }) => m.kind === 'event_invitation' && m.link.includes(proposal.id));
    expect(invitation.bodyZh).toContain('诚邀您参加');
    const token = new URL(invitation.link, 'http://localhost').searchParams.get('token')!;
    expect(findPersonalIdentifiers(token)).toEqual([]);
    const answered = await http.post(`/api/events/${proposal.id}/invitations/respond`, { token, answer: 'accept' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ kind: 'seeker', status: 'registered' });
    const published = await seeker.get('/api/events?status=published&limit=200');
    expect(published.body.items.map((e: { id: string }) => e.id)).toContain(proposal.id);
    const mine = await seeker.get(`/api/events/${proposal.id}/registrations/mine`);
    expect(mine.body.status).toBe('registered');

    // Checked in by the QR ticket.
    const checkIn = await station.post(`/api/events/${proposal.id}/checkins`, { ticket: mine.body.ticket });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body).toMatchObject({ seekerId, status: 'attended' });

    // A hire at a booth moves the shortage's filled headcount.
    const shortageId: string = proposal.employers[0].shortageIds[0];
    const before = (await admin.get(`/api/shortages/${shortageId}`)).body;
    const hire = await station.post(`/api/events/${proposal.id}/outcomes`, { seekerId, shortageId, stage: 'hire', note: '现场签约' });
    expect(hire.status).toBe(201);
    expect(hire.body.applicationId).toBeTruthy();
    const after = (await admin.get(`/api/shortages/${shortageId}`)).body;
    expect(after.filledHeadcount).toBe(before.filledHeadcount + 1);
    const applications = await seeker.get('/api/applications');
    expect(applications.body.items.find((a: { shortageId: string }) => a.shortageId === shortageId)?.status).toBe('hired');

    const report = await station.get(`/api/events/${proposal.id}/report`);
    expect(report.body.attendance.attended).toBe(1);
    expect(report.body.outcomes.hires).toBe(1);
  }, 400_000);
});
