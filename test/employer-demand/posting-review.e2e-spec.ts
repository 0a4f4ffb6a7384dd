import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, shanghaiDate } from '@app/clock';
import { PostingRescreenService, Shortage } from '@app/employer-demand';
import { menOnlyPostingForReview } from '@app/employer-demand/testing';
import { RULE_SET_VERSION } from '@app/posting-screen';
import { createTestApp, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

interface QueueItem {
  id: string;
  employerName: string;
  screenResult: { verdict: string; ruleSetVersion: string; findings: { ruleCode: string; matchedText: string; basis: string }[] };
  heldSince: string;
}

/**
 * Postings the screen holds for review (issue 15, part 4): the review queue in the reviewer's scope, decisions with
 * the rule-set version, and a new rule set sending published postings that now fail back to review.
 */
describe('posting review: queue, decisions, re-screening', () => {
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let creator: HttpClient;
  let reviewer: HttpClient;
  let reviewerId: string;
  let outsider: HttpClient;
  let province: HttpClient;
  let sanyaAdmin: HttpClient;
  let employerId: string;
  let employerName: string;

  const posting = (overrides: Record<string, unknown> = {}) => ({
    employerId, industryCode: '0610', headcount: 4, wageMin: 6000, wageMax: 9000, workType: 'full_time', regionCode: '460106',
    address: '海口市龙华区金垦路 8 号', startDate: addDays(shanghaiDate(), 7), deadline: addDays(shanghaiDate(), 60), ...menOnlyPostingForReview(), ...overrides,
  });

  const held = async (overrides: Record<string, unknown> = {}) => {
    const created = await creator.post('/api/shortages', { ...posting(overrides), submit: true });
    expect(created.status).toBe(201);
    return created.body as { id: string; status: string; screenResult: QueueItem['screenResult'] };
  };

  const queue = async (client: HttpClient, query = '') => {
    const response = await client.get(`/api/shortages/review-queue${query ? `?${query}` : ''}`);
    expect(response.status).toBe(200);
    return response.body as { items: QueueItem[]; total: number };
  };
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  beforeAll(async () => {
    t = await createTestApp(HTTP_FEATURES);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const employer = await factories.employer({ name: '海南深井矿业有限公司', regionCode: '460106' });
    employerId = employer.id;
    employerName = employer.name;
    const creatorUser = await factories.user('officer', { regionCode: '460100' });
    const reviewerUser = await factories.user('officer', { regionCode: '460100' });
    reviewerId = reviewerUser.id;
    const outsiderUser = await factories.user('officer', { regionCode: '460100' });
    await factories.pairing(creatorUser.id, employerId);
    await factories.pairing(reviewerUser.id, employerId);
    creator = await http.login(creatorUser.username, TEST_PASSWORD);
    reviewer = await http.login(reviewerUser.username, TEST_PASSWORD);
    outsider = await http.login(outsiderUser.username, TEST_PASSWORD);
    province = await http.login((await factories.user('admin')).username, TEST_PASSWORD);
    sanyaAdmin = await http.login((await factories.user('admin', { regionCode: '460200' })).username, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('a posting that admits men only for underground work is held for review, with the rule, the words and the law', async () => {
    const posted = await held();
    expect(posted.status).toBe('screening');
    expect(posted.screenResult).toMatchObject({ verdict: 'REVIEW', ruleSetVersion: RULE_SET_VERSION });
    const finding = posted.screenResult.findings.find((f) => f.ruleCode === 'G1')!;
    expect(finding.matchedText).toMatch(/男/);
    expect(finding.basis).toMatch(/法|规定/);
  });

  it('the queue shows what the caller may decide: in scope, never their own postings, with the explanation', async () => {
    const posted = await held();
    expect(ids(await queue(creator))).not.toContain(posted.id);
    const page = await queue(reviewer);
    const item = page.items.find((i) => i.id === posted.id)!;
    expect(item).toMatchObject({ employerName, screenResult: { verdict: 'REVIEW', ruleSetVersion: RULE_SET_VERSION } });
    expect(item.screenResult.findings.some((f) => f.ruleCode === 'G1' && f.basis.length > 0 && f.matchedText.length > 0)).toBe(true);
    expect(ids(await queue(province))).toContain(posted.id);
    expect(ids(await queue(outsider))).not.toContain(posted.id);
    expect(ids(await queue(sanyaAdmin))).not.toContain(posted.id);
    const forbidden = await (await http.login((await factories.user('employer', { employerId })).username, TEST_PASSWORD)).get('/api/shortages/review-queue');
    expect(forbidden.status).toBe(403);
  });

  it('the queue is paged (oldest first) and filtered by region, rule and age', async () => {
    const [older, newer] = [await held(), await held({ regionCode: '460107', address: '海口市琼山区府城镇 1 号' })];
    await dataSource.query(
      `UPDATE shortage SET screen_result = jsonb_set(screen_result, '{screenedAt}', to_jsonb((now() - interval '3 days')::text)) WHERE id = $1`,
      [older.id],
    );
    const all = await queue(reviewer, 'limit=200');
    expect(ids(all).indexOf(older.id)).toBeLessThan(ids(all).indexOf(newer.id));
    const first = await queue(reviewer, 'limit=1');
    const second = await queue(reviewer, 'limit=1&offset=1');
    expect(first.total).toBe(all.total);
    expect(first.items).toHaveLength(1);
    expect(ids(second)).not.toEqual(ids(first));

    expect(ids(await queue(reviewer, 'region=460107&limit=200'))).toEqual([newer.id]);
    expect(ids(await queue(reviewer, 'region=460100&limit=200'))).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect(ids(await queue(reviewer, 'rule=G1&limit=200'))).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect((await queue(reviewer, 'rule=F1')).total).toBe(0);
    expect(ids(await queue(reviewer, 'minDays=2&limit=200'))).toEqual([older.id]);
    expect(ids(await queue(reviewer, 'minDays=0&limit=200'))).toEqual(expect.arrayContaining([older.id, newer.id]));

    for (const bad of ['rule=Z9', 'minDays=-1', 'minDays=abc', 'region=12']) {
      const response = await reviewer.get(`/api/shortages/review-queue?${bad}`);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('decisions (approve, reject, ask for changes) record the reviewer, time, reason and rule-set version, show on the detail and are audited', async () => {
    const [approve, reject, change] = [await held(), await held(), await held()];
    expect((await creator.post(`/api/shortages/${approve.id}/review`, { decision: 'approve', reason: '井下作业，符合规定' })).body.code).toBe('REVIEWER_IS_CREATOR');
    expect((await reviewer.post(`/api/shortages/${approve.id}/review`, { decision: 'approve' })).status).toBe(400);
    expect((await reviewer.post(`/api/shortages/${approve.id}/review`, { decision: 'publish', reason: '井下作业' })).status).toBe(400);

    const cases = [
      [approve.id, 'approve', '岗位为矿山井下作业，属女职工禁忌劳动范围，准予发布', 'open'],
      [reject.id, 'reject', '企业无法说明岗位性质，不予发布', 'closed'],
      [change.id, 'request_changes', '请写明井下作业内容，删去与岗位无关的条件', 'draft'],
    ] as const;
    for (const [id, decision, reason, status] of cases) {
      const decided = await reviewer.post(`/api/shortages/${id}/review`, { decision, reason });
      expect(decided.status).toBe(200);
      expect(decided.body.status).toBe(status);
      expect(decided.body.reviewDecisions).toHaveLength(1);
      expect(decided.body.reviewDecisions[0]).toMatchObject({
        decision, reason, reviewerId, verdict: 'REVIEW', ruleSetVersion: RULE_SET_VERSION, ruleCodes: expect.arrayContaining(['G1']),
      });
      expect(decided.body.reviewDecisions[0].reviewerName).toBeTruthy();
      expect(Date.now() - new Date(decided.body.reviewDecisions[0].decidedAt).getTime()).toBeLessThan(3_600_000);
      // The creator reads the same decision on the posting's detail.
      expect((await creator.get(`/api/shortages/${id}`)).body.reviewDecisions[0]).toMatchObject({ decision, ruleSetVersion: RULE_SET_VERSION });
      const audited = await dataSource.query(
        `SELECT status_code FROM audit_log WHERE object_id = $1 AND action LIKE 'POST %review' AND user_id = $2 AND result = 'success'`,
        [id, reviewerId],
      );
      expect(audited).toEqual([{ status_code: 200 }]);
      expect(ids(await queue(reviewer, 'limit=200'))).not.toContain(id);
    }
    const again = await reviewer.post(`/api/shortages/${approve.id}/review`, { decision: 'reject', reason: '重复决定' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOT_AWAITING_REVIEW');
  });

  it('a new rule-set version is adopted once and sends the published postings that now fail back to review, once', async () => {
    const rescreen = t.app.get(PostingRescreenService);
    const repository = dataSource.getRepository(Shortage);
    const stale = { verdict: 'PASS' as const, ruleSetVersion: 'earlier', screenedAt: new Date().toISOString(), findings: [] };
    const failing = await repository.save({ ...posting(), status: 'open', publishedAt: new Date(), screenResult: stale } as Partial<Shortage>);
    const lawful = await repository.save({
      ...posting(), title: '采矿辅助工', description: '负责矿区地面物料搬运与设备清洁，男女不限，包食宿。', status: 'partially_filled', filledHeadcount: 1, screenResult: stale,
    } as Partial<Shortage>);

    await dataSource.query(`INSERT INTO screen_rule_set_adoption (version, adopted_at) VALUES ('earlier', now() - interval '30 days')`);
    const outboxRows = () => dataSource.query(`SELECT aggregate_id FROM outbox_event WHERE topic = 'postings.rescreen_requested'`);
    expect(await rescreen.adoptCurrentRuleSet()).toEqual({ previous: 'earlier', current: RULE_SET_VERSION, rescreenRequested: true });
    expect(await rescreen.adoptCurrentRuleSet()).toEqual({ previous: RULE_SET_VERSION, current: RULE_SET_VERSION, rescreenRequested: false });
    expect(await outboxRows()).toEqual([{ aggregate_id: RULE_SET_VERSION }]);

    const first = await rescreen.rescreenStale();
    expect(first).toEqual({ screened: 2, sentToReview: 1 });
    expect(await rescreen.rescreenStale()).toEqual({ screened: 0, sentToReview: 0 });

    const back = await repository.findOneByOrFail({ id: failing.id });
    expect(back.status).toBe('screening');
    expect(back.screenResult).toMatchObject({ verdict: 'REVIEW', ruleSetVersion: RULE_SET_VERSION });
    const [transition] = await dataSource.query(`SELECT from_status, to_status, reason FROM shortage_transition WHERE shortage_id = $1`, [failing.id]);
    expect(transition).toMatchObject({ from_status: 'open', to_status: 'screening' });
    expect(transition.reason).toContain(RULE_SET_VERSION);
    // Out of search: the index follows the shortage.changed row written with the move.
    expect(await dataSource.query(`SELECT 1 FROM outbox_event WHERE topic = 'shortage.changed' AND aggregate_id = $1`, [failing.id])).toHaveLength(1);
    expect(await repository.findOneByOrFail({ id: lawful.id })).toMatchObject({ status: 'partially_filled', screenResult: { ruleSetVersion: RULE_SET_VERSION } });

    // Back in the queue; the decision records the version that held it.
    expect(ids(await queue(reviewer, 'limit=200'))).toContain(failing.id);
    const decided = await reviewer.post(`/api/shortages/${failing.id}/review`, { decision: 'approve', reason: '经复核，井下作业岗位' });
    expect(decided.body.status).toBe('open');
    expect(decided.body.reviewDecisions.at(-1)).toMatchObject({ ruleSetVersion: RULE_SET_VERSION });
  });
});
