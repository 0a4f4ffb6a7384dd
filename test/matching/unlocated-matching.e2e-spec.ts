import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Shortage } from '@app/employer-demand';
import { EventPlanningService } from '@app/events';
import { IncrementalMatchingService, MatchRunsService } from '@app/matching';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const CARE_CERT = 'SKL-4-10-01-05';

interface Reason {
  code: string;
  zh: string;
  en: string;
}
interface Candidate {
  seekerId: string;
  explanation: { reasons: Reason[]; distanceKm: number | null; distanceBasis?: string };
}

/**
 * Issue 13 (item 3): no matching or planning path skips a record for lack of coordinates. The app runs no
 * workers, so the test drives the matcher's own services in the order its processors would (an unprocessed
 * change is what "matching pending" means), and every step is observable.
 */
describe('matching and planning never skip a record without coordinates', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let officer: HttpClient;
  let admin: HttpClient;
  let employerId: string;
  let incremental: IncrementalMatchingService;
  const seekers: Record<string, string> = {};
  let unlocatedShortage: string;
  let townshipShortage: string;

  /** A 养老护理员 seeker of 龙华区 (460106) without coordinates unless given. */
  const careSeeker = (fields: Record<string, unknown> = {}) =>
    factories.seeker({
      regionCode: '460106', lat: null, lng: null, locationPrecision: null, travelRadiusKm: 15, desiredOccupations: ['4-10-01-05'],
      skills: [{ name: '生活照料', level: 3 }], skillLevel: 3, experience: [{ occupationCode: '4-10-01-05', years: 2 }],
      wageExpectation: 5000, availableFrom: inDays(0), workTypes: ['full_time'], ...fields,
    } as never);

  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 5,
    requiredSkills: [{ name: '生活照料', level: 2 }], wageMin: 4500, wageMax: 6500, workType: 'full_time', regionCode: '460106',
    address: '海口市龙华区（门牌待补充）', startDate: inDays(7), deadline: inDays(60),
    description: '负责入住老人的生活照料与基础护理，做好护理记录。包食宿，缴纳五险。', submit: true, ...overrides,
  });

  /** What the matcher's domain-event processor does for each unprocessed shortage or seeker change. */
  const processChanges = async () => {
    const rows: { id: string; topic: string; aggregate_id: string }[] = await dataSource.query(
      `SELECT id, topic, aggregate_id FROM outbox_event WHERE processed_at IS NULL AND topic IN ('shortage.changed', 'seeker.changed') ORDER BY id`,
    );
    for (const row of rows) {
      if (row.topic === 'shortage.changed') await incremental.rematchShortage(row.aggregate_id);
      else await incremental.rematchSeeker(row.aggregate_id);
      await dataSource.query(`UPDATE outbox_event SET processed_at = now(), sent_at = coalesce(sent_at, now()) WHERE id = $1`, [row.id]);
    }
  };
  const candidates = async (shortageId: string) => {
    const response = await officer.get(`/api/shortages/${shortageId}/candidates?limit=100`);
    expect(response.status).toBe(200);
    return response.body as { items: Candidate[]; total: number; emptyReason: { code: string; zh: string; en: string; params: Record<string, unknown> } | null };
  };
  const reasonOf = (list: Candidate[], seekerId: string, prefix: RegExp) => list.find((c) => c.seekerId === seekerId)?.explanation.reasons.find((r) => prefix.test(r.code));
  const saveShortage = (fields: Partial<Shortage>) =>
    dataSource.getRepository(Shortage).save({
      employerId, title: '养老护理员', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 3, wageMin: 4500, wageMax: 6500,
      workType: 'full_time', regionCode: '460106', address: '海口市龙华区', startDate: inDays(7), deadline: inDays(60),
      description: '生活照料', status: 'open', requiredSkills: [{ name: '生活照料', level: 2 }], ...fields,
    } as Shortage);

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES, { EVENT_MIN_EXPECTED_ATTENDANCE: '1', EVENT_MIN_EMPLOYERS: '1', MATCH_MAX_RECOMMENDATIONS: '5' });
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    incremental = t.app.get(IncrementalMatchingService);
    const officerUser = await factories.user('officer', { regionCode: '460100' });
    employerId = (await factories.employer({ name: '海南康养护理服务有限公司' })).id;
    await factories.pairing(officerUser.id, employerId);
    officer = await http.login(officerUser.username, TEST_PASSWORD);
    admin = await http.login((await factories.user('admin')).username, TEST_PASSWORD);

    seekers.located = (await careSeeker({ lat: 20.03, lng: 110.33, locationPrecision: 'point' })).id;
    for (const name of ['county1', 'county2', 'county3']) seekers[name] = (await careSeeker()).id;
    seekers.city = (await careSeeker({ regionCode: '460100' })).id; // 海口市, district unknown
    seekers.otherCounty = (await careSeeker({ regionCode: '460105' })).id; // 秀英区: another county
  });
  afterAll(() => t.close());

  it('API: a shortage saved without coordinates says matching is pending, then lists its county’s seekers with a reason saying it was matched by region', async () => {
    const created = await officer.post('/api/shortages', posting());
    expect(created.status).toBe(201);
    unlocatedShortage = created.body.id;
    const pending = await candidates(unlocatedShortage);
    expect(pending.items).toEqual([]);
    expect(pending.emptyReason?.code).toBe('matching_pending');
    expect(pending.emptyReason?.zh).toMatch(/匹配正在进行或尚未运行/);

    await processChanges(); // incremental match on create
    const [stored] = await dataSource.query(`SELECT lat, lng, location_precision FROM shortage WHERE id = $1`, [unlocatedShortage]);
    const { items, emptyReason } = await candidates(unlocatedShortage);
    expect(emptyReason).toBeNull();
    const ids = items.map((c) => c.seekerId);
    for (const name of ['located', 'county1', 'county2', 'county3', 'city']) expect(ids).toContain(seekers[name]);
    expect(ids).not.toContain(seekers.otherCounty);
    // Seekers without coordinates are matched by region whatever the shortage's location.
    expect(reasonOf(items, seekers.county1, /^REGION_SAME_COUNTY$/)?.zh).toMatch(/未定位，按所在区县匹配：同一区县（距离未知）$/);
    expect(reasonOf(items, seekers.city, /^REGION_SAME_CITY$/)?.zh).toMatch(/同属海口市（区县不详，距离未知）/);
    if (stored.lat === null) {
      // Today's write path stores no coordinates: both sides by region.
      expect(reasonOf(items, seekers.county1, /^REGION_SAME_COUNTY$/)?.zh).toBe('岗位和求职者均未定位，按所在区县匹配：同一区县（距离未知）');
      expect(reasonOf(items, seekers.located, /^REGION_SAME_COUNTY$/)?.zh).toBe('岗位未定位，按所在区县匹配：同一区县（距离未知）');
      expect(items.find((c) => c.seekerId === seekers.located)!.explanation.distanceBasis).toBe('region');
    } else {
      // A geocoding write path located it: the located seeker's distance is measured or estimated, and says which.
      expect(reasonOf(items, seekers.located, /^DISTANCE/)).toBeDefined();
    }
  });

  it('a township-precision shortage gives an estimated distance and says so', async () => {
    townshipShortage = (await saveShortage({ lat: 20.05, lng: 110.3, locationPrecision: 'township', title: '养老护理员（镇街）' } as Partial<Shortage>)).id;
    await incremental.rematchShortage(townshipShortage);
    const { items } = await candidates(townshipShortage);
    const estimate = reasonOf(items, seekers.located, /^DISTANCE_ESTIMATED$/);
    expect(estimate?.zh).toMatch(/^距离约 \d+\.\d 公里（位置精确到镇街，距离为估算）$/);
    expect(estimate?.en).toMatch(/distance estimated/);
    expect(items.find((c) => c.seekerId === seekers.located)!.explanation).toMatchObject({ distanceBasis: 'estimated' });
    expect(reasonOf(items, seekers.county2, /^REGION_SAME_COUNTY$/)?.zh).toBe('求职者未定位，按所在区县匹配：同一区县（距离未知）');
  });

  it('a seeker without coordinates, re-matched on change, gets recommendations of their county with the region reason', async () => {
    const seeker = await careSeeker();
    await incremental.rematchSeeker(seeker.id);
    const client = await http.login((await factories.user('seeker', { seekerId: seeker.id })).username, TEST_PASSWORD);
    const response = await client.get('/api/seekers/me/recommendations');
    expect(response.status).toBe(200);
    expect(response.body.emptyReason).toBeNull();
    const shortageIds = response.body.items.map((r: { shortageId: string }) => r.shortageId);
    expect(shortageIds).toEqual(expect.arrayContaining([unlocatedShortage, townshipShortage]));
    const byRegion = response.body.items.find((r: { shortageId: string }) => r.shortageId === townshipShortage);
    expect(byRegion.explanation.reasons.map((r: Reason) => r.code)).toContain('REGION_SAME_COUNTY');
  });

  it('empty lists say why: nobody of the occupation within reach, no location to reach anyone by, nobody eligible', async () => {
    const sanya = (await officer.post('/api/shortages', posting({ regionCode: '460202', address: '三亚市吉阳区迎宾路', lat: 18.25, lng: 109.51 }))).body.id;
    const qiongzhong = (await officer.post('/api/shortages', posting({ regionCode: '469030', address: '琼中黎族苗族自治县（门牌待补充）' }))).body.id;
    const needsCertificate = (await officer.post('/api/shortages', posting({ lat: 20.03, lng: 110.33, requiredCertificates: [CARE_CERT] }))).body.id;
    await processChanges();

    expect((await candidates(sanya)).emptyReason).toMatchObject({ code: 'none_in_reach' });
    const [{ lat }] = await dataSource.query(`SELECT lat FROM shortage WHERE id = $1`, [qiongzhong]);
    const missing = (await candidates(qiongzhong)).emptyReason!;
    // Without coordinates only its county could be matched; a geocoding write path may since have located it.
    if (lat === null) {
      expect(missing.code).toBe('location_missing');
      expect(missing.zh).toMatch(/岗位未定位.*请补充详细工作地址/);
    } else expect(missing.code).toBe('none_in_reach');
    const ineligible = (await candidates(needsCertificate)).emptyReason!;
    expect(ineligible.code).toBe('none_eligible');
    expect(ineligible.params).toMatchObject({ inReach: 6, nearFit: 6 });
    expect(ineligible.zh).toMatch(/^通勤范围内有 6 名该职业的求职者，但都不满足必需的技能或证书要求（其中 6 人只差一两项/);

    // A seeker's side: no coordinates and no job in the county; located with no job within reach.
    const baoting = await careSeeker({ regionCode: '469029' });
    const wuzhishan = await careSeeker({ regionCode: '469001', lat: 18.78, lng: 109.52, locationPrecision: 'point' });
    for (const seeker of [baoting, wuzhishan]) await incremental.rematchSeeker(seeker.id);
    const reasonFor = async (seekerId: string) => {
      const client = await http.login((await factories.user('seeker', { seekerId })).username, TEST_PASSWORD);
      return (await client.get('/api/seekers/me/recommendations')).body.emptyReason;
    };
    expect(await reasonFor(baoting.id)).toMatchObject({ code: 'location_missing', zh: expect.stringMatching(/您的位置未定位.*填写居住地址或所在镇街/) });
    expect(await reasonFor(wuzhishan.id)).toMatchObject({ code: 'none_in_reach' });
  });

  it('a full re-match includes records without coordinates, and event planning places their demand at the county’s station', async () => {
    const station = await admin.post('/api/stations', {
      name: '龙华区金贸街道就业驿站', type: 'employment_station', regionCode: '460106', address: '海口市龙华区金贸西路 8 号', lat: 20.02, lng: 110.32,
      capacity: 100, booths: 10, openingHours: '周一至周五 8:30-17:30',
    });
    expect(station.status).toBe(201);
    const runs = t.app.get(MatchRunsService);
    const run = await runs.request('admin', null);
    for (const shard of await runs.plan(run.id, 1)) await runs.scoreShard(run.id, shard);
    await runs.finalize(run.id);
    expect((await runs.progress(run.id)).status).toBe('complete');

    const pairs: { shortage_id: string; seeker_id: string; explanation: { r: (string | number)[] } }[] = await dataSource.query(
      `SELECT shortage_id, seeker_id, explanation FROM match_result WHERE run_id = $1`,
      [run.id],
    );
    const found = (shortageId: string, seekerId: string) => pairs.some((p) => p.shortage_id === shortageId && p.seeker_id === seekerId);
    expect(found(unlocatedShortage, seekers.county1)).toBe(true);
    expect(found(unlocatedShortage, seekers.city)).toBe(true);
    expect(found(townshipShortage, seekers.county3)).toBe(true);
    expect(pairs.some((p) => p.seeker_id === seekers.otherCounty)).toBe(false);

    const [{ lat }] = await dataSource.query(`SELECT lat FROM shortage WHERE id = $1`, [unlocatedShortage]);
    const summary = await t.app.get(EventPlanningService).planForRun(run.id);
    expect(summary).toMatchObject({ planned: true });
    expect(summary.proposals).toBeGreaterThan(0);
    const events: { id: string; reasons: Reason[]; shortage_ids: string[] }[] = await dataSource.query(
      `SELECT e.id, e.reasons, ee.shortage_ids FROM recruitment_event e JOIN event_employer ee ON ee.event_id = e.id
       WHERE e.source_run_id = $1 AND e.station_id = $2`,
      [run.id, station.body.id],
    );
    const planned = events.find((e) => e.shortage_ids.includes(unlocatedShortage));
    expect(planned).toBeDefined();
    if (lat === null) expect(planned!.reasons.find((r) => r.code === 'LOCATED_BY_REGION')?.zh).toMatch(/个岗位未定位，按所在区县（驿站或县城）纳入规划/);
    const invited: { seeker_id: string }[] = await dataSource.query(`SELECT seeker_id FROM event_attendee WHERE event_id = $1`, [planned!.id]);
    expect(invited.map((i) => i.seeker_id)).toEqual(expect.arrayContaining([seekers.county1]));
  });
});
