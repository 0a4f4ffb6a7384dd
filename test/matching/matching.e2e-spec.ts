import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findPersonalIdentifiers } from '@app/identifiers';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const CARE_CERT = 'SKL-4-10-01-05';

async function eventually(read: () => Promise<any>, ok: (value: any) => boolean, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('matching: candidates with reasons, referrals, decisions, full runs', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let officer: HttpClient;
  let employer: HttpClient;
  let admin: HttpClient;
  let employerId: string;

  /** A 海口 seeker who wants 养老护理员; `fields` change the fit. */
  const careSeeker = (fields: Record<string, unknown> = {}) =>
    factories.seeker({
      regionCode: '460106', lat: 20.03, lng: 110.33, travelRadiusKm: 15, desiredOccupations: ['4-10-01-05'],
      skills: [{ name: '生活照料', level: 3 }, { name: '基础护理', level: 2 }],
      certificates: [{ code: CARE_CERT, number: 'A123', issuedOn: '2023-05-01' }],
      skillLevel: 3, education: 'vocational', experience: [{ occupationCode: '4-10-01-05', years: 3 }], wageExpectation: 5000,
      availableFrom: inDays(0), workTypes: ['full_time'], ...fields,
    } as never);

  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 1,
    requiredSkills: [{ name: '生活照料', level: 2 }], requiredCertificates: [CARE_CERT], wageMin: 4500, wageMax: 6500,
    workType: 'full_time', regionCode: '460106', address: '海口市龙华区金垦路 8 号', lat: 20.02, lng: 110.32,
    startDate: inDays(7), deadline: inDays(60), description: '负责入住老人的生活照料与基础护理，做好护理记录。包食宿，缴纳五险。', submit: true,
    ...overrides,
  });

  const seekerClient = async (seekerId: string) => http.login((await factories.user('seeker', { seekerId })).username, TEST_PASSWORD);
  const candidateIds = async (client: HttpClient, shortageId: string) =>
    ((await client.get(`/api/shortages/${shortageId}/candidates?limit=200`)).body.items ?? []).map((c: { seekerId: string }) => c.seekerId);

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES, { MATCH_MAX_RECOMMENDATIONS: '2' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const officerUser = await factories.user('officer', { regionCode: '460100' });
    employerId = (await factories.employer({ name: '海南康养护理服务有限公司' })).id;
    await factories.pairing(officerUser.id, employerId);
    officer = await http.login(officerUser.username, TEST_PASSWORD);
    employer = await http.login((await factories.user('employer', { employerId })).username, TEST_PASSWORD);
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('a published shortage gets ranked candidates with readable reasons; a near-fit gets a referral naming the missing certificate', async () => {
    const strong = await careSeeker();
    const nearFit = await careSeeker({ certificates: [] });
    const faraway = await careSeeker({ regionCode: '460200', lat: 18.25, lng: 109.51 }); // 三亚
    const otherTrade = await careSeeker({ desiredOccupations: ['6-29-01-02'], experience: [], skills: [{ name: '钢筋绑扎', level: 3 }], certificates: [] });

    const created = await officer.post('/api/shortages', posting({ headcount: 2 }));
    expect(created.status).toBe(201);
    const shortageId = created.body.id;

    const ids = await eventually(() => candidateIds(officer, shortageId), (list) => list.includes(strong.id));
    expect(ids).not.toContain(nearFit.id);
    expect(ids).not.toContain(faraway.id);
    expect(ids).not.toContain(otherTrade.id);

    const list = await officer.get(`/api/shortages/${shortageId}/candidates`);
    const top = list.body.items.find((c: { seekerId: string }) => c.seekerId === strong.id);
    expect(top.status).toBe('proposed');
    expect(top.explanation.reasons.length).toBeGreaterThanOrEqual(3);
    const reasonText = top.explanation.reasons.map((r: { zh: string }) => r.zh).join(' ');
    expect(reasonText).toContain('养老护理员职业技能等级证书');
    expect(reasonText).toMatch(/距离 \d+(\.\d)? 公里/);
    expect(top.explanation.reasons.every((r: { en: string }) => r.en.length > 0)).toBe(true);
    expect(top.explanation.factors.reduce((sum: number, f: { contribution: number }) => sum + f.contribution, 0)).toBeCloseTo(top.score, 0);
    expect(top.explanation.distanceKm).toEqual(expect.any(Number));
    expect(findPersonalIdentifiers(JSON.stringify(list.body))).toEqual([]);
    // Stored as reason codes with parameters (no text): the text above was rendered for this response.
    const [stored] = await dataSource.query(`SELECT explanation FROM match_result WHERE shortage_id = $1 AND seeker_id = $2`, [shortageId, strong.id]);
    expect(stored.explanation).toMatchObject({ v: 2, f: expect.any(Array), r: expect.any(Array) });
    expect(JSON.stringify(stored.explanation)).not.toMatch(/公里|km away|养老护理员职业技能等级证书|"zh"|"en"/);

    const referrals = await eventually(
      async () => (await (await seekerClient(nearFit.id)).get('/api/seekers/me/training-referrals')).body.items,
      (items: { shortageId: string }[]) => items.some((item) => item.shortageId === shortageId),
    );
    const referral = referrals.find((item: { shortageId: string }) => item.shortageId === shortageId);
    expect(referral.gaps).toEqual([expect.objectContaining({ kind: 'certificate', code: CARE_CERT, name: '养老护理员职业技能等级证书' })]);

    const needs = await http.get('/api/demand/training-needs?region=460100');
    expect(needs.body.items).toContainEqual(expect.objectContaining({ occupationCode: '4-10-01-05', kind: 'certificate', gap: CARE_CERT }));

    // An explanation stored before the compact form (already rendered) is shown as it was.
    const legacy = { factors: [], reasons: [{ code: 'DISTANCE', kind: 'fit', zh: '距离 1.0 公里', en: '1.0 km away' }], gaps: [], distanceKm: 1 };
    await dataSource.query(`UPDATE match_result SET explanation = $3 WHERE shortage_id = $1 AND seeker_id = $2`, [shortageId, strong.id, JSON.stringify(legacy)]);
    const again = (await officer.get(`/api/shortages/${shortageId}/candidates`)).body.items.find((c: { seekerId: string }) => c.seekerId === strong.id);
    expect(again.explanation).toEqual(legacy);
  });

  it('sending a candidate notifies the employer once; the employer sees sent candidates only, names masked', async () => {
    const seeker = await careSeeker({ name: '王秀兰' });
    const other = await careSeeker();
    const shortageId = (await officer.post('/api/shortages', posting({ headcount: 3 }))).body.id;
    await eventually(() => candidateIds(officer, shortageId), (ids) => ids.includes(seeker.id) && ids.includes(other.id));

    expect((await employer.get(`/api/shortages/${shortageId}/candidates`)).body.items).toEqual([]);
    const sent = await officer.post(`/api/shortages/${shortageId}/candidates/${seeker.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.decision).toBe('sent');
    expect((await officer.post(`/api/shortages/${shortageId}/candidates/${seeker.id}/send`, {})).status).toBe(200);

    const seen = await employer.get(`/api/shortages/${shortageId}/candidates`);
    expect(seen.body.items.map((c: { seekerId: string }) => c.seekerId)).toEqual([seeker.id]);
    expect(seen.body.items[0].name).toBe('王*兰');
    expect(seen.body.items[0].explanation.reasons.length).toBeGreaterThanOrEqual(3);

    const inbox = await employer.get('/api/notifications');
    const about = inbox.body.items.filter((n: { link: string }) => n.link === `/api/shortages/${shortageId}/candidates`);
    expect(about).toHaveLength(1);
    expect(about[0].titleZh).toContain('推荐了一位候选人');

    const dismissSent = await officer.post(`/api/shortages/${shortageId}/candidates/${seeker.id}/dismiss`, { reason: '不合适' });
    expect(dismissSent.status).toBe(409);
    expect(dismissSent.body.message).toBe('该候选人已推荐给用人单位，不能再忽略');

    const dismissed = await officer.post(`/api/shortages/${shortageId}/candidates/${other.id}/dismiss`, { reason: '已在其他单位就业' });
    expect(dismissed.status).toBe(200);
    expect(await candidateIds(officer, shortageId)).not.toContain(other.id);
    const [row] = await dataSource.query(`SELECT decision, reason FROM match_decision WHERE shortage_id = $1 AND seeker_id = $2`, [shortageId, other.id]);
    expect(row).toEqual({ decision: 'dismissed', reason: '已在其他单位就业' });

    const unknown = await officer.post(`/api/shortages/${shortageId}/candidates/${(await careSeeker({ lat: 18.25, lng: 109.51 })).id}/dismiss`, { reason: '不合适' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('该求职者不在此缺工需求的当前推荐名单中');
    expect((await officer.post(`/api/shortages/${shortageId}/candidates/${other.id}/dismiss`, {})).status).toBe(400);
  });

  it('candidates stay in scope: another officer and another employer get 404; a seeker may not list them', async () => {
    const shortageId = (await officer.post('/api/shortages', posting())).body.id;
    const stranger = await http.login((await factories.user('officer', { regionCode: '460100' })).username, TEST_PASSWORD);
    expect((await stranger.get(`/api/shortages/${shortageId}/candidates`)).status).toBe(404);
    expect((await stranger.post(`/api/shortages/${shortageId}/candidates/${(await careSeeker()).id}/send`, {})).status).toBe(404);
    const otherEmployerId = (await factories.employer()).id;
    const otherEmployer = await http.login((await factories.user('employer', { employerId: otherEmployerId })).username, TEST_PASSWORD);
    expect((await otherEmployer.get(`/api/shortages/${shortageId}/candidates`)).status).toBe(404);
    const seeker = await seekerClient((await careSeeker()).id);
    expect((await seeker.get(`/api/shortages/${shortageId}/candidates`)).status).toBe(403);
  });

  it('a seeker sees recommendations with reasons, and "not interested" takes one out for good', async () => {
    const seeker = await careSeeker();
    const client = await seekerClient(seeker.id);
    const shortageId = (await officer.post('/api/shortages', posting({ headcount: 5, title: '护理员（夜班）' }))).body.id;
    const recommended = await eventually(
      async () => (await client.get('/api/seekers/me/recommendations')).body.items,
      (items: { shortageId: string }[]) => items.some((item) => item.shortageId === shortageId),
    );
    const item = recommended.find((r: { shortageId: string }) => r.shortageId === shortageId);
    expect(item).toMatchObject({ title: '护理员（夜班）', employerName: '海南康养护理服务有限公司', occupationCode: '4-10-01-05' });
    expect(item.explanation.reasons.length).toBeGreaterThanOrEqual(3);

    const declined = await client.post(`/api/seekers/me/recommendations/${shortageId}/not-interested`, { reason: '夜班不方便' });
    expect(declined.status).toBe(200);
    expect((await client.get('/api/seekers/me/recommendations')).body.items.map((r: { shortageId: string }) => r.shortageId)).not.toContain(shortageId);
    expect(await candidateIds(officer, shortageId)).not.toContain(seeker.id);
    expect((await client.post(`/api/seekers/me/recommendations/${shortageId}/not-interested`, {})).status).toBe(404);
  });

  it('a full run (admin) reports progress, respects shortlist sizes and each seeker’s limit, and keeps decisions', async () => {
    // Only these three compete, so each shortlist fills: more seekers (with their limits) than places.
    const earlier = (await officer.get('/api/shortages?status=open,partially_filled&limit=200')).body.items;
    for (const { id } of earlier) expect((await officer.post(`/api/shortages/${id}/close`, { reason: '企业已通过其他渠道招满' })).status).toBe(200);
    const seekers = await Promise.all([1, 2, 3, 4, 5].map(() => careSeeker()));
    const nearFit = await careSeeker({ certificates: [] });
    const shortageIds: string[] = [];
    for (const title of ['养老护理员（白班）', '养老护理员（康复）', '养老护理员（长期）']) {
      shortageIds.push((await officer.post('/api/shortages', posting({ headcount: 1, title }))).body.id);
    }
    const started = await admin.post('/api/matching/runs', {});
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('running');
    const run = await eventually(
      async () => (await admin.get(`/api/matching/runs/${started.body.id}`)).body,
      (body: { status: string }) => body.status !== 'running',
      40_000,
    );
    expect(run.status).toBe('complete');
    expect(run.shardsTotal).toBeGreaterThan(0);
    expect(run.shardsDone).toBe(run.shardsTotal);
    expect(run.recommendations).toBeGreaterThan(0);

    for (const shortageId of shortageIds) {
      const ids = await candidateIds(officer, shortageId);
      expect(ids).toHaveLength(3); // one open position x MATCH_SHORTLIST_FACTOR 3
    }
    const [{ most }] = await dataSource.query(
      `SELECT max(n)::int AS most FROM (SELECT count(*) AS n FROM match_result WHERE run_id = $1 GROUP BY seeker_id) counts`,
      [run.id],
    );
    expect(most).toBeLessThanOrEqual(2); // MATCH_MAX_RECOMMENDATIONS in this test
    const [{ declined }] = await dataSource.query(
      `SELECT count(*)::int AS declined FROM match_result r JOIN match_decision d USING (shortage_id, seeker_id)
       WHERE r.run_id = $1 AND d.decision IN ('dismissed', 'not_interested')`,
      [run.id],
    );
    expect(declined).toBe(0);
    expect(seekers.length).toBe(5);
    // The run's training referrals carry the gaps of the stored explanations (certificates by code, named when read).
    const referred = await dataSource.query(`SELECT gaps FROM training_referral WHERE run_id = $1 AND seeker_id = $2`, [run.id, nearFit.id]);
    expect(referred.length).toBeGreaterThan(0);
    for (const { gaps } of referred) expect(gaps).toEqual([{ kind: 'certificate', code: CARE_CERT }]);
    const shown = (await (await seekerClient(nearFit.id)).get('/api/seekers/me/training-referrals')).body.items;
    expect(shown[0].gaps).toEqual([{ kind: 'certificate', code: CARE_CERT, name: '养老护理员职业技能等级证书' }]);

    const runs = await admin.get('/api/matching/runs');
    expect(runs.body.items[0]).toMatchObject({ id: run.id, status: 'complete' });
    expect((await officer.post('/api/matching/runs', {})).status).toBe(403);
  });
});
