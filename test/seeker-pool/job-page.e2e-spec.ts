import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate, shanghaiInstant } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { Employer } from '@app/employer-demand';
import { menOnlyPostingForReview } from '@app/employer-demand/testing';
import { EventEmployer, RecruitmentEvent, SmsSender, Station } from '@app/events';
import { makeResidentId } from '@app/identifiers';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/** How long a follow-up through the outbox (index, notices, SMS) may take on a busy machine. */
const WAIT_MS = 30_000;
jest.setTimeout(120_000);

/**
 * Issue 17, parts 1, 2 and 7 over HTTP, with the matcher in this process (outbox follow-ups run): the public job page,
 * applications with their conversation (in-app notices both ways, the employer's SMS where it opted in), the employer
 * side's view of its own applicants only, and the officers' bulk submit, copy and response time.
 */
describe('job page, applications and officer conveniences', () => {
  let t: TestApp;
  let http: HttpClient;
  let dataSource: DataSource;
  let factories: Factories;
  let employer: Employer;
  let employerUserId: string;
  let employerClient: HttpClient;
  let officer: HttpClient;
  let sent: { to: string; template: string; params: Record<string, string> }[];
  const today = shanghaiDate();
  const employerPhone = '13900001717';

  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId: employer.id, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 3, wageMin: 4500, wageMax: 6500,
    workType: 'full_time', regionCode: '460106', address: '海口市龙华区城西镇椰海大道 8 号', startDate: addDays(today, 7), deadline: addDays(today, 60),
    shifts: '两班倒，白班 8:00-20:00', education: 'junior_high', experienceYears: 1, trainingOffered: '岗前护理培训 2 周',
    description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险一金。',
    ...overrides,
  });

  const notices = async (userId: string, kind: string): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = $2`, [userId, kind]))[0].n;

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES);
    http = new HttpClient(t.app);
    dataSource = t.app.get(getDataSourceToken());
    factories = new Factories(t.app);
    // The SMS port's development adapter stays in place; the test only records what it is handed.
    sent = [];
    const sms = t.app.get(SmsSender, { strict: false });
    const send = sms.send.bind(sms);
    jest.spyOn(sms, 'send').mockImplementation(async (message) => {
      sent.push(message);
      await send(message);
    });
    employer = await factories.employer({
      name: '海南椰林康养服务有限公司', regionCode: '460106', contactName: '林经理',
      contactPhoneEncrypted: t.app.get(FieldCipher).encrypt(employerPhone),
    });
    const employerUser = await factories.user('employer', { employerId: employer.id });
    employerUserId = employerUser.id;
    employerClient = await http.login(employerUser.username, TEST_PASSWORD);
    const officerUser = await factories.user('officer', { regionCode: '460100' });
    await factories.pairing(officerUser.id, employer.id);
    officer = await http.login(officerUser.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  let jobId: string;
  let similarId: string;

  it('anyone reads a published job’s page: the whole posting, the named place, the employer’s card, events and similar jobs; nothing personal', async () => {
    const job = await employerClient.post('/api/shortages', { ...posting(), submit: true });
    expect(job.status).toBe(201);
    expect(job.body.status).toBe('open');
    jobId = job.body.id;
    const similar = await employerClient.post('/api/shortages', { ...posting({ title: '护理员（夜班）', occupationCode: '4-10-01-05' }), submit: true });
    similarId = similar.body.id;
    const draft = await employerClient.post('/api/shortages', posting({ title: '养老护理员（草稿）' }));
    expect(draft.body.status).toBe('draft');

    const station = await dataSource.getRepository(Station).save({
      name: '城西镇就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区城西镇1号', lat: 20.0, lng: 110.3, capacity: 80, booths: 10,
    } as Partial<Station>);
    const eventDate = addDays(today, 10);
    const event = await dataSource.getRepository(RecruitmentEvent).save({
      stationId: station.id, title: '养老护理专场招聘会', type: 'on_site', status: 'published', origin: 'manual', date: eventDate,
      startsAt: shanghaiInstant(eventDate, '09:00'), endsAt: shanghaiInstant(eventDate, '12:00'), capacity: 50,
    } as Partial<RecruitmentEvent>);
    await dataSource.getRepository(EventEmployer).save({ eventId: event.id, employerId: employer.id, booth: 'A3', shortageIds: [jobId], invitationStatus: 'accepted' });

    // The similar posting reaches search through the outbox.
    await eventually(() => http.get(`/api/jobs/search?occupation=4-10-01`), (r) => r.body.hits.some((h: { id: string }) => h.id === similarId), WAIT_MS);

    const page = await http.get(`/api/jobs/${jobId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id: jobId, title: '养老护理员', shifts: '两班倒，白班 8:00-20:00', education: 'junior_high', experienceYears: 1, wageMin: 4500, wageMax: 6500,
      headcount: 3, openPositions: 3, deadline: addDays(today, 60), trainingOffered: '岗前护理培训 2 周', address: '海口市龙华区城西镇椰海大道 8 号',
      employer: { id: employer.id, name: '海南椰林康养服务有限公司', industryCode: '8514', openPostings: 2 },
      events: [{ id: event.id, title: '养老护理专场招聘会', stationName: '城西镇就业驿站', booth: 'A3', date: eventDate }],
      myApplication: null,
    });
    expect(page.body.description).toContain('包食宿');
    expect(page.body.place).toContain('城西镇');
    expect(page.body.similar.map((s: { id: string }) => s.id)).toContain(similarId);
    expect(page.body.similar.map((s: { id: string }) => s.id)).not.toContain(jobId);
    const text = JSON.stringify(page.body);
    for (const secret of [employer.creditCode, employerPhone, '林经理', 'createdBy', 'screenResult']) expect(text).not.toContain(secret);

    expect((await http.get(`/api/jobs/${draft.body.id}`)).status).toBe(404);
    expect((await http.get('/api/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await http.get('/api/jobs/not-a-uuid')).status).toBe(400);
  });

  let applicationId: string;
  let seekerUserId: string;
  let seeker: HttpClient;
  const seekerPhone = '13700001717';

  it('a seeker applies from the page: the page shows her application; the employer is told in the inbox and by SMS (opted in)', async () => {
    expect((await officer.patch(`/api/employers/${employer.id}`, { smsOnApplication: true })).body.smsOnApplication).toBe(true);
    const registered = await http.post('/api/seekers/register', {
      name: '符小梅', residentId: makeResidentId('460106', '1996-04-12', '171'), phone: seekerPhone, regionCode: '460106', username: 'fu-xiaomei',
      password: 'long-enough-pw', desiredOccupations: ['4-10-01-05'], education: 'senior_high', experience: [{ occupationCode: '4-10-01-05', years: 2 }],
    });
    expect(registered.status).toBe(201);
    seeker = await http.login('fu-xiaomei', 'long-enough-pw');
    seekerUserId = (await seeker.get('/api/auth/me')).body.userId;

    const applied = await seeker.post('/api/applications', { shortageId: jobId });
    expect(applied.status).toBe(201);
    applicationId = applied.body.id;
    expect((await seeker.get(`/api/jobs/${jobId}`)).body.myApplication).toMatchObject({ id: applicationId, status: 'applied' });

    const mine = await seeker.get('/api/applications');
    expect(mine.body.items[0]).toMatchObject({
      id: applicationId, shortageId: jobId, employerName: '海南椰林康养服务有限公司', wageMin: 4500, wageMax: 6500, payBasis: 'monthly', shortageOpen: true,
      history: [{ status: 'applied' }],
    });
    expect(mine.body.items[0].applicant).toBeUndefined();

    await eventually(() => notices(employerUserId, 'application_received'), (n) => n === 1, WAIT_MS);
    await eventually(async () => sent.filter((m) => m.template === 'NEW_APPLICATION').length, (n) => n === 1, WAIT_MS);
    const sms = sent.find((m) => m.template === 'NEW_APPLICATION')!;
    expect(sms.to).toBe(employerPhone);
    expect(sms.params).toEqual({ name: '海南椰林康养服务有限公司', title: '养老护理员' });
    const [row] = await dataSource.query(`SELECT employer_sms_at FROM application WHERE id = $1`, [applicationId]);
    expect(row.employer_sms_at).not.toBeNull();
  });

  it('the employer opens the applicant (masked phone until she shares it) and moves her to interview; she is told; no second SMS', async () => {
    const opened = await employerClient.get(`/api/applications/${applicationId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.applicant).toMatchObject({ name: '符小梅', phone: '137****1717', regionCode: '460106', education: 'senior_high', experience: [{ occupationCode: '4-10-01-05', years: 2 }] });
    for (const hidden of ['residentId', 'birthDate', 'gender', 'priorityGroups', 'address']) expect(opened.body.applicant[hidden]).toBeUndefined();

    const moved = await employerClient.post(`/api/applications/${applicationId}/status`, { status: 'interview', note: '周三上午 9 点面试' });
    expect(moved.status).toBe(200);
    await eventually(() => notices(seekerUserId, 'application_status'), (n) => n === 1, WAIT_MS);
    const [notice] = await dataSource.query(`SELECT title_zh FROM notification WHERE user_id = $1 AND kind = 'application_status'`, [seekerUserId]);
    expect(notice.title_zh).toContain('邀请面试');
    const history = (await seeker.get(`/api/applications/${applicationId}`)).body.history.map((h: { status: string }) => h.status);
    expect(history).toEqual(['applied', 'interview']);

    expect((await seeker.post(`/api/applications/${applicationId}/share-contact`)).status).toBe(200);
    expect((await employerClient.get(`/api/applications/${applicationId}`)).body.applicant.phone).toBe(seekerPhone);
    expect(sent.filter((m) => m.template === 'NEW_APPLICATION')).toHaveLength(1);
  });

  it('an employer sees only its own applicants', async () => {
    const other = await factories.employer({ name: '三亚海韵酒店管理有限公司', regionCode: '460203' });
    const otherClient = await http.login((await factories.user('employer', { employerId: other.id })).username, TEST_PASSWORD);
    const list = await otherClient.get('/api/applications');
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(applicationId);
    expect((await otherClient.get(`/api/applications/${applicationId}`)).status).toBe(404);
    expect((await otherClient.post(`/api/applications/${applicationId}/status`, { status: 'rejected' })).status).toBe(404);
    expect((await employerClient.get('/api/applications')).body.items.map((a: { id: string }) => a.id)).toEqual([applicationId]);
  });

  it('officers submit imported drafts in bulk, each screened, with an outcome per row', async () => {
    const clean = (await officer.post('/api/shortages', posting({ title: '保洁员', occupationCode: '4-11-01-01' }))).body;
    const held = (await officer.post('/api/shortages', posting({ ...menOnlyPostingForReview(), title: '井下采矿工' }))).body;
    const foreign = await factories.employer({ regionCode: '460203' });
    const foreignDraft = (await http.login((await factories.user('employer', { employerId: foreign.id })).username, TEST_PASSWORD).then((c) =>
      c.post('/api/shortages', posting({ employerId: foreign.id, regionCode: '460203', address: '三亚市吉阳区迎宾路 1 号' })))).body;
    const closed = (await officer.post('/api/shortages', posting({ title: '厨师' }))).body;
    expect((await officer.post(`/api/shortages/${closed.id}/close`, { reason: '不再招聘' })).status).toBe(200);
    expect([clean.status, held.status, foreignDraft.status]).toEqual(['draft', 'draft', 'draft']);

    const result = await officer.post('/api/shortages/submit-many', { ids: [clean.id, held.id, closed.id, foreignDraft.id] }, { 'accept-language': 'en' });
    expect(result.status).toBe(200);
    expect(result.body.items).toEqual([
      expect.objectContaining({ id: clean.id, title: '保洁员', status: 'open', verdict: 'PASS', error: null }),
      expect.objectContaining({ id: held.id, status: 'screening', verdict: 'REVIEW', error: null }),
      expect.objectContaining({ id: closed.id, title: '厨师', status: null, error: expect.objectContaining({ code: 'TRANSITION_NOT_ALLOWED' }) }),
      expect.objectContaining({ id: foreignDraft.id, title: null, status: null, error: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    expect(result.body.items[3].error.message).toMatch(/^[\x20-\x7e]+$/);
    expect(result.body).toMatchObject({ published: 1, held: 1, blocked: 0, failed: 2 });
    // The rows that failed changed nothing; the foreign draft is still a draft.
    expect((await dataSource.query(`SELECT status FROM shortage WHERE id = $1`, [foreignDraft.id]))[0].status).toBe('draft');
    expect((await employerClient.post('/api/shortages/submit-many', { ids: [] })).status).toBe(400);
  });

  it('a closed posting is copied into a new draft with its fields and dates moved ahead', async () => {
    const old = (await officer.post('/api/shortages', { ...posting({ title: '康复护理员', startDate: today, deadline: addDays(today, 3), externalRef: 'HR-17' }), submit: true })).body;
    expect((await officer.post(`/api/shortages/${old.id}/close`, { reason: '招聘暂停' })).body.status).toBe('closed');
    const copy = await officer.post(`/api/shortages/${old.id}/copy`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: '康复护理员', status: 'draft', employerId: employer.id, headcount: 3, shifts: '两班倒，白班 8:00-20:00', externalRef: null,
      filledHeadcount: 0, publishedAt: null, screenResult: null, deadline: addDays(today, 30),
    });
    expect(copy.body.id).not.toBe(old.id);
    expect(copy.body.startDate >= today).toBe(true);
    const other = await http.login((await factories.user('employer', { employerId: (await factories.employer()).id })).username, TEST_PASSWORD);
    expect((await other.post(`/api/shortages/${old.id}/copy`)).status).toBe(404);
  });

  it('response time shows only once someone responded: not for a posting its author published at once', async () => {
    const own = (await employerClient.get(`/api/shortages/${jobId}`)).body;
    expect(own).toMatchObject({ firstResponseAt: null, responseHours: null });
    const draft = (await employerClient.post('/api/shortages', posting({ title: '护工' }))).body;
    const submitted = await officer.post(`/api/shortages/${draft.id}/submit`, {});
    expect(submitted.body.status).toBe('open');
    expect(submitted.body.firstResponseAt).not.toBeNull();
    expect(typeof submitted.body.responseHours).toBe('number');
  });
});
