import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { makeCreditCode } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('shortages: intake, posting screen, lifecycle', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let officer: HttpClient;
  let officerId: string;
  let employerId: string;

  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId,
    title: '养老护理员',
    occupationCode: '4-10-01-05',
    industryCode: '8514',
    headcount: 5,
    requiredSkills: [{ name: '生活照料', level: 2 }],
    requiredCertificates: ['SKL-4-10-01-05'],
    wageMin: 4500,
    wageMax: 6500,
    workType: 'full_time',
    regionCode: '460106',
    address: '海口市龙华区金垦路 8 号',
    startDate: inDays(7),
    deadline: inDays(60),
    description: '负责入住老人的生活照料与基础护理，协助康复训练，做好护理记录。包食宿，缴纳五险。',
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { SCREEN_BLOCKS_BEFORE_ABNORMAL: '3' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const officerUser = await factories.user('officer', { regionCode: '460100' });
    officerId = officerUser.id;
    employerId = (await factories.employer()).id;
    await factories.pairing(officerId, employerId);
    officer = await http.login(officerUser.username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('an officer logs a shortage for a paired enterprise; it is screened and published, with its history and an outbox row', async () => {
    const created = await officer.post('/api/shortages', { ...posting(), submit: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', openPositions: 5, filledHeadcount: 0 });
    expect(created.body.screenResult.verdict).toBe('PASS');
    // Published by the one who logged it, at once: no response yet (issue 17: not "首次响应 0 小时").
    expect(created.body).toMatchObject({ firstResponseAt: null, responseHours: null });
    expect(created.body.transitions.map((tr: { toStatus: string }) => tr.toStatus)).toEqual(['draft', 'open']);
    const outbox = await dataSource.query(`SELECT topic FROM outbox_event WHERE aggregate_id = $1`, [created.body.id]);
    expect(outbox.length).toBeGreaterThan(0);
    const listed = await officer.get('/api/shortages?status=open&region=460100&occupation=4-10');
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
  });

  it('lists a page in the sort asked for, with the total of every match, past the end too', async () => {
    // Another officer, so the workload figures of the one the other tests use stay as they are.
    const listingOfficer = await factories.user('officer', { regionCode: '460100' });
    const employer = (await factories.employer()).id;
    await factories.pairing(listingOfficer.id, employer);
    const session = await http.login(listingOfficer.username, TEST_PASSWORD);
    for (const wageMax of [7000, 5000, 6000]) {
      expect((await session.post('/api/shortages', posting({ employerId: employer, wageMax }))).status).toBe(201);
    }
    const list = async (query: string) => (await session.get(`/api/shortages?${query}`)).body;
    const wages = (page: { items: { wageMax: number }[] }) => page.items.map((item) => item.wageMax);
    const first = await list('sort=wageMax&limit=2');
    expect([wages(first), first.total]).toEqual([[5000, 6000], 3]);
    const second = await list('sort=wageMax&limit=2&offset=2');
    expect([wages(second), second.total]).toEqual([[7000], 3]);
    const past = await list('sort=wageMax&limit=2&offset=5');
    expect([wages(past), past.total]).toEqual([[], 3]);
    expect(wages(await list('sort=-wageMax&limit=3'))).toEqual([7000, 6000, 5000]);
    const none = await list('status=closed');
    expect([none.items, none.total]).toEqual([[], 0]);
    expect((await list('limit=1')).items[0]).toMatchObject({ employerId: employer, title: '养老护理员', occupationName: expect.any(String) });
    // Every item says what the detail says (the list hydrates its rows its own way), screened and published ones too.
    // (Of another occupation group than 4-10, whose published demand a later test counts.)
    const published = await session.post('/api/shortages', {
      ...posting({ employerId: employer, title: '中式烹调师', occupationCode: '4-03-02-01', requiredCertificates: [], shifts: '两班倒', trainingOffered: '岗前培训' }),
      submit: true,
    });
    expect(published.body.status).toBe('open');
    for (const item of (await list('limit=10')).items) {
      const { transitions: _transitions, reviewDecisions: _decisions, ...detail } = (await session.get(`/api/shortages/${item.id}`)).body;
      expect(item).toEqual(detail);
    }
  });

  it.each([
    ['限男性', 'G1', '就业促进法'],
    ['入职需交押金200元', 'F1', '劳动合同法'],
  ])('a posting with %s is blocked with rule %s and the law named', async (phrase, rule, law) => {
    const response = await officer.post('/api/shortages', { ...posting({ description: `负责老人照护工作，${phrase}，包食宿。` }), submit: true });
    expect(response.status).toBe(201);
    expect(response.body.status).toBe('draft');
    expect(response.body.screenResult.verdict).toBe('BLOCK');
    const finding = response.body.screenResult.findings.find((f: { ruleCode: string }) => f.ruleCode === rule);
    expect(finding.basis).toContain(law);
    expect(finding.reasonZh).toBeTruthy();
  });

  it('男女不限 and 残疾人优先 pass', async () => {
    const response = await officer.post('/api/shortages', { ...posting({ description: '男女不限，残疾人优先，负责老人生活照料，包食宿。' }), submit: true });
    expect(response.body.status).toBe('open');
    expect(response.body.screenResult.verdict).toBe('PASS');
  });

  it('a WARN finding needs a justification before publishing', async () => {
    const draft = await officer.post('/api/shortages', posting({ description: '年龄35岁以下，负责夜间巡房与老人生活照料。' }));
    const refused = await officer.post(`/api/shortages/${draft.body.id}/submit`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('JUSTIFICATION_REQUIRED');
    expect(refused.body.message).toContain('A1');
    const justified = await officer.post(`/api/shortages/${draft.body.id}/submit`, { justification: '夜班需连续值守，已与企业沟通放宽至45岁' });
    expect(justified.body.status).toBe('open');
    expect(justified.body.screenJustification).toContain('夜班');
  });

  it('a REVIEW finding waits for another officer (not the one who logged it), who approves it with a reason', async () => {
    const held = await officer.post('/api/shortages', { ...posting({ description: '海外高薪，出国务工，柬埔寨酒店护理岗位，包机票。' }), submit: true });
    expect(held.body.status).toBe('screening');
    const own = await officer.post(`/api/shortages/${held.body.id}/review`, { decision: 'approve', reason: '已核实对外劳务合作经营资格' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('REVIEWER_IS_CREATOR');
    const reviewerUser = await factories.user('officer', { regionCode: '460100' });
    await factories.pairing(reviewerUser.id, employerId);
    const reviewer = await http.login(reviewerUser.username, TEST_PASSWORD);
    const approved = await reviewer.post(`/api/shortages/${held.body.id}/review`, { decision: 'approve', reason: '已核实对外劳务合作经营资格' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('open');
    expect(approved.body.transitions.at(-1)).toMatchObject({ toStatus: 'open', actorId: reviewerUser.id });
  });

  it('a closed shortage cannot move again', async () => {
    const open = await officer.post('/api/shortages', { ...posting(), submit: true });
    expect((await officer.post(`/api/shortages/${open.body.id}/close`, { reason: '企业已招满' })).body.status).toBe('closed');
    const again = await officer.post(`/api/shortages/${open.body.id}/submit`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('closed');
  });

  it('repeated BLOCKs put the employer on the abnormal-entity list: no more postings, no re-registration', async () => {
    const employer = await factories.employer();
    await factories.pairing(officerId, employer.id);
    for (let i = 0; i < 3; i++) {
      const blocked = await officer.post('/api/shortages', { ...posting({ employerId: employer.id, description: '只招男性，需交保证金500元，负责搬运。' }), submit: true });
      expect(blocked.body.screenResult.verdict).toBe('BLOCK');
    }
    const refused = await officer.post('/api/shortages', posting({ employerId: employer.id }));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('EMPLOYER_ABNORMAL');
    const admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const reRegister = await admin.post('/api/employers', {
      name: '换个名字有限公司', creditCode: employer.creditCode, industryCode: '8514', sizeClass: 'small', ownership: 'private',
      regionCode: '460106', address: '海口市龙华区某路 1 号',
    });
    expect(reRegister.status).toBe(403);
    expect(reRegister.body.code).toBe('CREDIT_CODE_ABNORMAL');
  });

  it('bad input gets a 4xx naming the problem, never a 5xx', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [posting({ occupationCode: '4-99-99-99' }), /4-99-99-99/],
      [posting({ headcount: -3 }), /headcount/],
      [posting({ deadline: '2020-01-01' }), /deadline/],
      [posting({ wageMax: 3000 }), /wageMax/],
      [posting({ filledHeadcount: 5 }), /filledHeadcount/],
      [posting({ description: undefined }), /description/],
      [posting({ regionCode: '110101' }), /110101/],
    ];
    for (const [body, message] of cases) {
      const response = await officer.post('/api/shortages', body);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
    }
    const huge = await officer.post('/api/shortages', posting({ description: '很长'.repeat(400_000) }));
    expect(huge.status).toBe(413);
  });

  it('scope: an officer cannot log for an unpaired enterprise; employer A cannot see or change B’s shortages', async () => {
    const unpaired = await factories.employer();
    expect((await officer.post('/api/shortages', posting({ employerId: unpaired.id }))).status).toBe(404);

    const employerA = await factories.employer();
    const employerB = await factories.employer();
    const a = await http.login((await factories.user('employer', { employerId: employerA.id })).username, TEST_PASSWORD);
    const b = await http.login((await factories.user('employer', { employerId: employerB.id })).username, TEST_PASSWORD);
    const ofB = await b.post('/api/shortages', posting({ employerId: employerB.id }));
    expect(ofB.status).toBe(201);
    expect((await a.get(`/api/shortages/${ofB.body.id}`)).status).toBe(404);
    expect((await a.request('PATCH', `/api/shortages/${ofB.body.id}`, { headcount: 1 })).status).toBe(404);
    expect((await a.post(`/api/shortages/${ofB.body.id}/close`, { reason: '试图关闭' })).status).toBe(404);
    expect((await a.post('/api/shortages', posting({ employerId: employerB.id }))).status).toBe(404);
    expect((await a.get('/api/shortages')).body.items).toHaveLength(0);
  });

  it('response times: overdue list and officer workload', async () => {
    const waiting = await officer.post('/api/shortages', posting());
    // 30 calendar days: more than the overdue working days even across the National Day week (holidays do not count).
    await dataSource.query(`UPDATE shortage SET created_at = now() - interval '30 days' WHERE id = $1`, [waiting.body.id]);
    const overdue = await officer.get('/api/shortages/overdue');
    expect(overdue.body.items.map((s: { id: string }) => s.id)).toContain(waiting.body.id);
    const workload = await officer.get('/api/pairings/workload');
    expect(workload.body).toMatchObject({ officerId, pairedEmployers: 2 });
    expect(workload.body.overdue).toBeGreaterThanOrEqual(1);
    expect(workload.body.openShortages).toBeGreaterThanOrEqual(3);
    expect(workload.body.medianResponseHours).not.toBeNull();
  });

  it('published demand is public, aggregated, with 求人倍率, and holds no personal data', async () => {
    await factories.seeker({ desiredOccupations: ['4-10-01-05'], regionCode: '460106' });
    const byOccupation = await http.get('/api/demand/summary?by=occupation&level=2');
    expect(byOccupation.status).toBe(200);
    const careGroup = byOccupation.body.groups.find((g: { key: string }) => g.key === '4-10');
    expect(careGroup).toMatchObject({ seekers: 1, employers: 1 });
    expect(careGroup.openPositions).toBeGreaterThan(0);
    expect(careGroup.demandSupplyRatio).toBe(careGroup.openPositions);
    expect(careGroup.medianMonthlyWage).toBe(5500);
    const byRegion = await http.get('/api/demand/summary?by=region');
    expect(byRegion.body.groups[0]).toMatchObject({ key: '460100', name: '海口市' });
    const bySkill = await http.get('/api/demand/summary?by=skill');
    expect(bySkill.body.groups.map((g: { key: string }) => g.key)).toContain('生活照料');
    expect(JSON.stringify([byOccupation.body, byRegion.body])).not.toMatch(/1[3-9]\d{9}/);
    expect((await http.get('/api/demand/summary?by=nothing')).status).toBe(400);
  });

  it('POST /api/screen checks a text without saving it', async () => {
    const before = (await dataSource.query('SELECT count(*)::int AS n FROM shortage'))[0].n;
    const response = await officer.post('/api/screen', { description: '男 性 优 先，押金200元', regionCode: '460100', monthlyWageMin: 1500 });
    expect(response.status).toBe(200);
    expect(response.body.verdict).toBe('BLOCK');
    expect(response.body.findings.map((f: { ruleCode: string }) => f.ruleCode)).toEqual(expect.arrayContaining(['G1', 'F1', 'M2']));
    expect((await dataSource.query('SELECT count(*)::int AS n FROM shortage'))[0].n).toBe(before);
  });

  it('pairings keep their history; an admin pairs and ends them', async () => {
    const admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    const employer = await factories.employer();
    const paired = await admin.post('/api/pairings', { officerId, employerId: employer.id });
    expect(paired.status).toBe(201);
    expect((await admin.post('/api/pairings', { officerId, employerId: employer.id })).status).toBe(409);
    expect((await admin.post(`/api/pairings/${paired.body.id}/end`)).body.endedAt).toBeTruthy();
    const history = await admin.get(`/api/pairings?employerId=${employer.id}&includeEnded=true`);
    expect(history.body).toMatchObject({ total: 1 });
    expect((await admin.get(`/api/pairings?employerId=${employer.id}`)).body.total).toBe(0);
    const notOfficer = await admin.post('/api/pairings', { officerId: (await factories.user('seeker')).id, employerId: employer.id });
    expect(notOfficer.status).toBe(400);
  });

  it('an officer registers an enterprise and is paired with it; a bad credit code is refused by name', async () => {
    const created = await officer.post('/api/employers', {
      name: '海南椰岛家政服务有限公司', creditCode: makeCreditCode('91460100MA5T99999'), industryCode: '8010', sizeClass: 'micro',
      ownership: 'private', regionCode: '460106', address: '海口市龙华区滨海大道 99 号', contactPhone: '13800001234',
    });
    expect(created.status).toBe(201);
    expect(created.body.contactPhone).toBeUndefined();
    expect((await officer.get(`/api/employers/${created.body.id}`)).status).toBe(200);
    const bad = await officer.post('/api/employers', {
      name: '某公司', creditCode: '91460100MA5T99999X', industryCode: '8010', sizeClass: 'micro', ownership: 'private', regionCode: '460106', address: '海口市某路',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('统一社会信用代码');
  });
});
