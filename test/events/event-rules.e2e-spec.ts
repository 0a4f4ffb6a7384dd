import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage } from '@app/employer-demand';
import { addDays, shanghaiDate } from '@app/clock';
import { EventNoticesService, EventRemindersService, EventTokens } from '@app/events';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** The rules of events that must hold: places under concurrency, tickets, scope, bad input. */
describe('recruitment events: capacity, tickets, scope and bad input', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let admin: HttpClient;
  let staffA: HttpClient;
  let staffB: HttpClient;
  let stationA: string;
  let stationB: string;
  let employerId: string;
  let shortageId: string;
  let employerClient: HttpClient;
  const tomorrow = () => addDays(shanghaiDate(), 1);
  const inDays = (n: number) => addDays(shanghaiDate(), n);

  async function station(name: string, capacity = 100, booths = 10): Promise<string> {
    const created = await admin.post('/api/stations', {
      name, type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32, capacity, booths, openingHours: '周一至周五 8:30-17:30',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function staffFor(stationId: string): Promise<HttpClient> {
    const user = await factories.user('station_staff', { regionCode: '460100' });
    expect((await admin.post(`/api/stations/${stationId}/staff`, { userId: user.id })).status).toBe(204);
    return http.login(user.username, TEST_PASSWORD);
  }

  async function seekerClient(fields: Record<string, unknown> = {}): Promise<{ id: string; client: HttpClient }> {
    const seeker = await factories.seeker({ lat: 20.03, lng: 110.33, ...fields } as never);
    const user = await factories.user('seeker', { seekerId: seeker.id });
    return { id: seeker.id, client: await http.login(user.username, TEST_PASSWORD) };
  }

  async function publishedEvent(client: HttpClient, stationId: string, fields: Record<string, unknown> = {}): Promise<string> {
    const created = await client.post('/api/events', {
      stationId, title: '养老护理员专场招聘会', type: 'on_site', date: tomorrow(), startTime: '09:00', endTime: '12:00', capacity: 20,
      employers: [{ employerId, booth: 'A1', shortageIds: [shortageId] }], ...fields,
    });
    expect(created.status).toBe(201);
    expect((await client.post(`/api/events/${created.body.id}/publish`)).status).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    stationA = await station('龙华区金贸街道就业驿站');
    stationB = await station('美兰区白龙街道就业驿站');
    staffA = await staffFor(stationA);
    staffB = await staffFor(stationB);
    const employer = await factories.employer({ name: '海南康养护理服务有限公司' });
    employerId = employer.id;
    employerClient = await http.login((await factories.user('employer', { employerId })).username, TEST_PASSWORD);
    const shortage = await dataSource.getRepository(Shortage).save({
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 3, wageMin: 4500, wageMax: 6000,
      workType: 'full_time' as const, regionCode: '460106', address: '海口市龙华区', lat: 20.02, lng: 110.32, startDate: inDays(5), deadline: inDays(60),
      description: '生活照料', status: 'open' as const,
    });
    shortageId = shortage.id;
  });
  afterAll(() => t.close());

  it('50 simultaneous registrations for the last 10 places: exactly 10 succeed, the rest are told the event is full', async () => {
    const eventId = await publishedEvent(staffA, stationA, { capacity: 15, date: inDays(3) });
    const seekers: { id: string; client: HttpClient }[] = [];
    for (let i = 0; i < 55; i += 5) seekers.push(...(await Promise.all([0, 1, 2, 3, 4].map(() => seekerClient()))));
    for (const s of seekers.slice(0, 5)) expect((await s.client.post(`/api/events/${eventId}/registrations`)).status).toBe(201);

    const results = await Promise.all(seekers.slice(5).map((s) => s.client.post(`/api/events/${eventId}/registrations`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'EVENT_FULL', message: '活动名额已满（共 15 个名额），无法报名' });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM event_attendee WHERE event_id = $1 AND status = 'registered'`, [eventId]);
    expect(n).toBe(15);
    const event = await staffA.get(`/api/events/${eventId}`);
    expect(event.body).toMatchObject({ registered: 15, placesLeft: 0 });

    // Registering again returns the same registration; withdrawing frees a place.
    const again = await seekers[0].client.post(`/api/events/${eventId}/registrations`);
    expect(again.status).toBe(200);
    expect((await seekers[0].client.post(`/api/events/${eventId}/registrations/mine/cancel`)).body.status).toBe('excused');
    const loser = seekers.slice(5).find((_, i) => results[i].status === 409)!;
    expect((await loser.client.post(`/api/events/${eventId}/registrations`)).status).toBe(201);
  });

  it('checks in by QR ticket once; a second scan, an expired, a forged or another event’s ticket is refused in Chinese', async () => {
    const eventId = await publishedEvent(staffA, stationA, { date: inDays(4) });
    const otherEventId = await publishedEvent(staffA, stationA, { date: inDays(5) });
    const seeker = await seekerClient();
    const registration = await seeker.client.post(`/api/events/${eventId}/registrations`);
    expect(registration.status).toBe(201);
    const ticket: string = registration.body.ticket;
    expect(ticket).toMatch(/^v1\.t\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]+$/);
    expect(ticket).not.toContain(seeker.id);
    const png = await seeker.client.request('GET', `/api/events/${eventId}/registrations/mine/ticket.png`);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');

    const first = await staffA.post(`/api/events/${eventId}/checkins`, { ticket });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'attended', seekerId: seeker.id, walkIn: false });
    const second = await staffA.post(`/api/events/${eventId}/checkins`, { ticket });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_CHECKED_IN');
    expect(second.body.message).toMatch(/^该参会人已于 \d{2}:\d{2} 签到，请勿重复签到$/);

    const tokens = t.app.get(EventTokens);
    const attendeeId = ticket.split('.')[2];
    const expired = await staffA.post(`/api/events/${eventId}/checkins`, { ticket: tokens.sign('t', attendeeId, new Date(Date.now() - 60_000)) });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('TICKET_EXPIRED');
    expect(expired.body.message).toMatch(/^入场凭证已过期（有效期至 \d{4}年\d+月\d+日 \d{2}:\d{2}），请在服务台现场登记$/);

    const forged = `${ticket.slice(0, -2)}${ticket.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [forged, ticket.replace(attendeeId, '00000000-0000-4000-8000-000000000000'), 'not-a-ticket', 'v1.i.' + ticket.slice(5)]) {
      const refused = await staffA.post(`/api/events/${eventId}/checkins`, { ticket: bad });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'TICKET_INVALID', message: '入场凭证无效：二维码不是本平台签发或已被篡改，请出示平台发放的入场二维码' });
    }
    const wrongEvent = await staffA.post(`/api/events/${otherEventId}/checkins`, { ticket });
    expect(wrongEvent.status).toBe(400);
    expect(wrongEvent.body.message).toBe('该入场凭证不属于本场活动，请核对活动');
  });

  it('desk lookup by name or phone, and a walk-in registered on the spot', async () => {
    const eventId = await publishedEvent(staffA, stationA, { date: inDays(6) });
    const phone = '13912340001';
    const seeker = await factories.seeker({ name: '林海燕', lat: 20.03, lng: 110.33 } as never, phone);
    const user = await factories.user('seeker', { seekerId: seeker.id });
    const client = await http.login(user.username, TEST_PASSWORD);
    expect((await client.post(`/api/events/${eventId}/registrations`)).status).toBe(201);

    const found = await staffA.get(`/api/events/${eventId}/registrations?q=${encodeURIComponent('海燕')}`);
    expect(found.body.items.map((a: { seekerId: string }) => a.seekerId)).toEqual([seeker.id]);
    const byPhone = await staffA.post(`/api/events/${eventId}/checkins`, { phone });
    expect(byPhone.status).toBe(201);
    expect(byPhone.body).toMatchObject({ seekerId: seeker.id, status: 'attended' });
    expect(JSON.stringify(byPhone.body)).not.toContain(phone);

    const unknownPhone = await staffA.post(`/api/events/${eventId}/checkins`, { phone: '13912349999' });
    expect(unknownPhone.status).toBe(404);
    expect(unknownPhone.body.code).toBe('ATTENDEE_NOT_FOUND');

    const walkIn = await factories.seeker({ name: '符明' } as never);
    const checked = await staffA.post(`/api/events/${eventId}/checkins`, { seekerId: walkIn.id });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({ seekerId: walkIn.id, status: 'attended', source: 'walk_in', walkIn: true });
    const attended = await staffA.get(`/api/events/${eventId}/checkins`);
    expect(attended.body.total).toBe(2);

    const none = await staffA.post(`/api/events/${eventId}/checkins`, {});
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('CHECKIN_TARGET_REQUIRED');
  });

  it('staff act only on their own stations’ events: another station’s event answers 404', async () => {
    const eventId = await publishedEvent(staffA, stationA, { date: inDays(7) });
    const proposal = await staffA.post('/api/events', {
      stationId: stationA, title: '家政服务专场', type: 'hybrid', date: inDays(8), startTime: '14:00', endTime: '17:00', streamUrl: 'https://live.example.gov.cn/room/7',
    });
    expect(proposal.status).toBe(201);
    const seeker = await seekerClient();
    const ticket = (await seeker.client.post(`/api/events/${eventId}/registrations`)).body.ticket;

    for (const [method, url, body] of [
      ['GET', `/api/events/${eventId}`, undefined],
      ['PATCH', `/api/events/${eventId}`, { capacity: 5 }],
      ['POST', `/api/events/${eventId}/cancel`, {}],
      ['POST', `/api/events/${eventId}/invitations`, {}],
      ['GET', `/api/events/${eventId}/registrations`, undefined],
      ['POST', `/api/events/${eventId}/checkins`, { ticket }],
      ['POST', `/api/events/${eventId}/outcomes`, { seekerId: seeker.id, shortageId, stage: 'talked' }],
      ['GET', `/api/events/${eventId}/report`, undefined],
      ['POST', `/api/events/${proposal.body.id}/publish`, undefined],
    ] as const) {
      const response = await staffB.request(method, url, body);
      expect(`${method} ${url} ${response.status}`).toBe(`${method} ${url} 404`);
      expect(response.body.message).toBe('记录不存在或无权访问');
    }
    const listed = await staffB.get('/api/events?limit=200');
    expect(listed.body.items.map((e: { id: string }) => e.id)).not.toContain(eventId);
    const foreignStation = await staffB.post('/api/events', { stationId: stationA, title: '越权活动', type: 'on_site', date: inDays(9), startTime: '09:00', endTime: '11:00' });
    expect(foreignStation.status).toBe(404);
    expect((await staffB.get(`/api/stations/${stationA}`)).status).toBe(404);
    expect((await staffA.get(`/api/events/${eventId}`)).status).toBe(200);
    // Officers read; they do not run events.
    const officer = await http.login((await factories.user('officer', { regionCode: '460100' })).username, TEST_PASSWORD);
    expect((await officer.get(`/api/events/${eventId}`)).status).toBe(200);
    expect((await officer.post(`/api/events/${eventId}/cancel`, {})).status).toBe(403);
  });

  it('seekers see published events; employers the events they take part in', async () => {
    const published = await publishedEvent(staffA, stationA, { date: inDays(10) });
    const draft = await staffA.post('/api/events', { stationId: stationA, title: '未发布活动', type: 'on_site', date: inDays(11), startTime: '09:00', endTime: '11:00' });
    const seeker = await seekerClient();
    const seen = (await seeker.client.get('/api/events?status=published&limit=200')).body.items.map((e: { id: string }) => e.id);
    expect(seen).toContain(published);
    expect((await seeker.client.get(`/api/events/${draft.body.id}`)).status).toBe(404);
    expect((await seeker.client.post(`/api/events/${draft.body.id}/registrations`)).status).toBe(404);
    expect((await employerClient.get(`/api/events/${published}`)).status).toBe(200);
    expect((await employerClient.get(`/api/events/${draft.body.id}`)).status).toBe(404);
    const other = await http.login((await factories.user('employer', { employerId: (await factories.employer()).id })).username, TEST_PASSWORD);
    expect((await other.get(`/api/events/${published}`)).status).toBe(404);
  });

  it('a proposal is rejected with a reason; invitation links expire and cannot be forged', async () => {
    const created = await staffA.post('/api/events', { stationId: stationA, title: '厨师专场', type: 'on_site', date: inDays(12), startTime: '09:00', endTime: '11:00' });
    const eventId = created.body.id;
    const seeker = await seekerClient();
    expect((await staffA.post(`/api/events/${eventId}/invitations`, { seekerIds: [seeker.id] })).body).toMatchObject({ seekersInvited: 1 });
    const inbox = await seeker.client.get('/api/notifications');
    const invitation = inbox.body.items.find((n: { kind: string }) => n.kind === 'event_invitation');
    expect(invitation.titleZh).toContain('厨师专场');
    const token = decodeURIComponent(new URL(invitation.link, 'http://x').searchParams.get('token')!);
    expect(token).not.toContain(seeker.id);

    const forged = await http.post(`/api/events/${eventId}/invitations/respond`, { token: `${token.slice(0, -2)}xx`, answer: 'accept' });
    expect(forged.status).toBe(400);
    expect(forged.body.message).toBe('邀请链接无效，请使用短信或站内信中的原始链接');
    const attendeeId = token.split('.')[2];
    const expired = await http.post(`/api/events/${eventId}/invitations/respond`, { token: t.app.get(EventTokens).sign('i', attendeeId, new Date(Date.now() - 1000)), answer: 'accept' });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toBe('邀请已过期，无法再回复，请直接报名或联系驿站');
    const declined = await http.post(`/api/events/${eventId}/invitations/respond`, { token, answer: 'decline' });
    expect(declined.body).toMatchObject({ kind: 'seeker', status: 'declined', ticket: null });
    const twice = await http.post(`/api/events/${eventId}/invitations/respond`, { token, answer: 'accept' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe('您已回复过该邀请（已谢绝），无需重复操作');

    expect((await staffA.post(`/api/events/${eventId}/cancel`, { reason: '台风预警，活动取消' })).body).toMatchObject({ status: 'cancelled', rejectionReason: '台风预警，活动取消' });
    const again = await staffA.post(`/api/events/${eventId}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('活动当前状态为“已取消”，不能发布');
  });

  it('bad input gets a 4xx with a Chinese message, never a 5xx', async () => {
    const base = { stationId: stationA, title: '测试活动', type: 'on_site', date: inDays(20), startTime: '09:00', endTime: '11:00' };
    const cases: [string, 'GET' | 'POST' | 'PATCH', string, unknown, number, RegExp][] = [
      ['bad time', 'POST', '/api/events', { ...base, startTime: '9点' }, 400, /startTime：时间格式应为 HH:mm/],
      ['end before start', 'POST', '/api/events', { ...base, startTime: '15:00', endTime: '10:00' }, 400, /结束时间（10:00）必须晚于开始时间（15:00）/],
      ['past date', 'POST', '/api/events', { ...base, date: '2020-01-01' }, 400, /活动日期 2020-01-01 已过去/],
      ['bad date', 'POST', '/api/events', { ...base, date: '2026-02-30' }, 400, /date/],
      ['bad type', 'POST', '/api/events', { ...base, type: 'party' }, 400, /type：必须是以下值之一/],
      ['too many people', 'POST', '/api/events', { ...base, capacity: 5000 }, 400, /活动人数 5000 超过驿站可容纳人数 100/],
      ['extra field', 'POST', '/api/events', { ...base, hacker: true }, 400, /不允许的字段/],
      ['bad id', 'GET', '/api/events/not-a-uuid', undefined, 400, /编号格式不正确/],
      ['bad status filter', 'GET', '/api/events?status=nope', undefined, 400, /status：必须是以下值之一/],
      ['to before from', 'GET', `/api/events?from=${inDays(5)}&to=${inDays(1)}`, undefined, 400, /to：不能小于 from/],
      ['unknown event', 'GET', '/api/events/00000000-0000-4000-8000-000000000000', undefined, 404, /记录不存在或无权访问/],
      ['bad outcome stage', 'POST', `/api/events/00000000-0000-4000-8000-000000000000/outcomes`, { seekerId: shortageId, shortageId, stage: 'married' }, 400, /stage：必须是以下值之一/],
      ['bad phone', 'POST', `/api/events/00000000-0000-4000-8000-000000000000/checkins`, { phone: '12345' }, 400, /手机号码应为 11 位数字/],
      ['reject without reason', 'POST', `/api/events/00000000-0000-4000-8000-000000000000/reject`, {}, 400, /reason/],
      ['bad report format', 'GET', `/api/events/00000000-0000-4000-8000-000000000000/report?format=pdf`, undefined, 400, /format：必须是以下值之一/],
      ['malformed json', 'POST', '/api/events', '{"stationId":', 400, /JSON/],
    ];
    for (const [name, method, url, body, status, message] of cases) {
      const response = await staffA.request(method, url, body, typeof body === 'string' ? { 'content-type': 'application/json' } : {});
      expect(`${name}: ${response.status}`).toBe(`${name}: ${status}`);
      expect(response.body.message).toMatch(message);
    }
    await staffA.post('/api/events', { ...base, date: inDays(21) });
    const clash = await staffA.post('/api/events', { ...base, date: inDays(21) });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toBe(`该驿站在 ${inDays(21)} 已有其他招聘活动，请换一天`);
  });

  it('outcomes need a checked-in seeker and move forward only; a hire fills the shortage through its application', async () => {
    const eventId = await publishedEvent(staffA, stationA, { date: inDays(13) });
    const seeker = await seekerClient();
    const notYet = await staffA.post(`/api/events/${eventId}/outcomes`, { seekerId: seeker.id, shortageId, stage: 'talked' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.message).toBe('该求职者未在本场活动签到，不能记录洽谈结果');
    const ticket = (await seeker.client.post(`/api/events/${eventId}/registrations`)).body.ticket;
    await staffA.post(`/api/events/${eventId}/checkins`, { ticket });

    expect((await employerClient.post(`/api/events/${eventId}/outcomes`, { seekerId: seeker.id, shortageId, stage: 'intention' })).body).toMatchObject({ stage: 'intention' });
    const back = await staffA.post(`/api/events/${eventId}/outcomes`, { seekerId: seeker.id, shortageId, stage: 'talked' });
    expect(back.status).toBe(409);
    expect(back.body.message).toBe('已记录到“达成意向”，不能退回“已洽谈”');
    const before = await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortageId });
    const hire = await employerClient.post(`/api/events/${eventId}/outcomes`, { seekerId: seeker.id, shortageId, stage: 'hire', note: '现场录用' });
    expect(hire.status).toBe(201);
    expect(hire.body.history.map((h: { stage: string }) => h.stage)).toEqual(['intention', 'hire']);
    const after = await dataSource.getRepository(Shortage).findOneByOrFail({ id: shortageId });
    expect(after.filledHeadcount).toBe(before.filledHeadcount + 1);
    const [application] = await dataSource.query(`SELECT status, history FROM application WHERE seeker_id = $1 AND shortage_id = $2`, [seeker.id, shortageId]);
    expect(application.status).toBe('hired');
    expect(application.history.map((h: { status: string }) => h.status)).toEqual(['applied', 'interview', 'offer', 'hired']);

    const report = await staffA.get(`/api/events/${eventId}/report`);
    expect(report.body.outcomes).toMatchObject({ talked: 1, intentions: 1, offers: 1, hires: 1 });
    expect(report.body.byEmployer[0]).toMatchObject({ employerId, hires: 1 });
    expect(report.body.byOccupation[0]).toMatchObject({ occupationCode: '4-10-01-05', name: '养老护理员', hires: 1 });
    const xlsx = await staffA.request('GET', `/api/events/${eventId}/report?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ics = await seeker.client.request('GET', `/api/events/${eventId}/calendar`);
    expect(ics.status).toBe(200);
    expect(String(ics.body)).toContain('BEGIN:VEVENT');
    expect(String(ics.body)).toContain('T010000Z'); // 09:00 Asia/Shanghai
  });

  it('tells invitees, registrants and invited employers once when an event moves, and again when it is cancelled', async () => {
    const created = await staffA.post('/api/events', {
      stationId: stationA, title: '家政服务员专场', type: 'on_site', date: inDays(15), startTime: '09:00', endTime: '12:00', capacity: 20,
      employers: [{ employerId, booth: 'B2', shortageIds: [shortageId] }],
    });
    expect(created.status).toBe(201);
    const eventId: string = created.body.id;
    const [invitee, decliner, registrant, bystander] = [await seekerClient(), await seekerClient(), await seekerClient(), await seekerClient()];
    expect((await staffA.post(`/api/events/${eventId}/invitations`, { seekerIds: [invitee.id, decliner.id] })).body.seekersInvited).toBe(2);
    const changes = () => dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE topic = 'event.changed' AND aggregate_id = $1`, [eventId]).then((r) => r[0].n);
    const kinds = async (client: HttpClient) => ((await client.get('/api/notifications')).body.items as { kind: string }[]).map((n) => n.kind).filter((k) => k.startsWith('event_') && k !== 'event_invitation');
    const notices = t.app.get(EventNoticesService);

    // Renaming is no news; a new time is, in the same transaction as the change.
    await staffA.patch(`/api/events/${eventId}`, { title: '家政服务员专场招聘会' });
    expect(await changes()).toBe(0);
    const moved = await staffA.patch(`/api/events/${eventId}`, { startTime: '14:00', endTime: '17:00' });
    expect(moved.status).toBe(200);
    expect(await changes()).toBe(1);
    expect(await notices.noticeChange(eventId)).toBe(2);
    expect(await notices.noticeChange(eventId)).toBe(0); // a redelivered job tells nobody twice
    const [movedNotice] = ((await invitee.client.get('/api/notifications')).body.items as { kind: string; bodyZh: string }[]).filter((n) => n.kind === 'event_moved');
    expect(movedNotice.bodyZh).toContain('14:00');
    expect(await kinds(employerClient)).toContain('event_moved');

    const token = decodeURIComponent(new URL(((await decliner.client.get('/api/notifications')).body.items as { kind: string; link: string }[]).find((n) => n.kind === 'event_invitation')!.link, 'http://x').searchParams.get('token')!);
    expect((await http.post(`/api/events/${eventId}/invitations/respond`, { token, answer: 'decline' })).status).toBe(200);
    expect((await staffA.post(`/api/events/${eventId}/publish`)).status).toBe(200);
    expect((await registrant.client.post(`/api/events/${eventId}/registrations`)).status).toBe(201);
    // Each seeker reads where they stand; staff read no such field.
    expect((await registrant.client.get(`/api/events/${eventId}`)).body.myStatus).toBe('registered');
    expect((await decliner.client.get(`/api/events/${eventId}`)).body.myStatus).toBe('declined');
    expect((await bystander.client.get('/api/events?status=published&limit=100')).body.items.find((e: { id: string }) => e.id === eventId).myStatus).toBeNull();
    expect((await staffA.get(`/api/events/${eventId}`)).body).not.toHaveProperty('myStatus');
    expect((await staffA.post(`/api/events/${eventId}/cancel`, { reason: '场地维修' })).status).toBe(200);
    expect(await changes()).toBe(2);
    expect(await notices.noticeChange(eventId)).toBe(2);
    expect(await notices.noticeChange(eventId)).toBe(0);

    expect(await kinds(invitee.client)).toEqual(['event_cancelled', 'event_moved']);
    expect(await kinds(registrant.client)).toEqual(['event_cancelled']);
    expect(await kinds(decliner.client)).toEqual(['event_moved']);
    expect(await kinds(bystander.client)).toEqual([]);
    const [cancelled] = ((await registrant.client.get('/api/notifications')).body.items as { bodyZh: string }[]);
    expect(cancelled.bodyZh).toContain('已取消（原因：场地维修）');
    expect((await kinds(employerClient)).filter((k) => k === 'event_cancelled')).toHaveLength(1);
  });

  it('the day before, registered seekers get a reminder in their inbox', async () => {
    const eventId = await publishedEvent(staffA, stationA, { title: '明日招聘会', date: tomorrow() });
    const seeker = await seekerClient();
    expect((await seeker.client.post(`/api/events/${eventId}/registrations`)).status).toBe(201);
    expect(await t.app.get(EventRemindersService).sendDayBefore()).toBeGreaterThanOrEqual(1);
    expect(await t.app.get(EventRemindersService).sendDayBefore()).toBe(0);
    const inbox = await seeker.client.get('/api/notifications');
    expect(inbox.body.items.filter((n: { kind: string }) => n.kind === 'event_reminder')).toHaveLength(1);
    expect(inbox.body.items[0].titleZh).toMatch(/^活动提醒：明天 09:00 明日招聘会$/);
  });
});
