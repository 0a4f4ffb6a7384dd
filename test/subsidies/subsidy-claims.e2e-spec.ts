import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { addDays, ManualClock, shanghaiDate } from '@app/clock';
import { FieldCipher } from '@app/crypto';
import { Shortage } from '@app/employer-demand';
import { makeResidentId } from '@app/identifiers';
import { Application, Seeker } from '@app/seeker-pool';
import { ClaimEvidence, ClaimsService, EvidenceRecords } from '@app/subsidies';
import { createTestApp, eventually, Factories, HttpClient, TEST_PASSWORD, TestApp } from '@app/testing';
import { MaintenanceProcessor, SUBSIDY_CLAIMS_DAILY } from '../../apps/matcher/src/maintenance.processor';
import { PLATFORM_FEATURES } from '../../apps/platform/src/platform-features';

/**
 * The claim workflow over HTTP with the matcher running (the outbox relays the hire): a candidate claim opened from a
 * hire (免申即享), re-checked against the evidence and offered, confirmed by the employer, passed by a county and a
 * city reviewer (three different people), the notice on the holiday-aware calendar, the notice list exported, the end
 * of the notice and the payment hook; refusals only by a person with reasons, appeals, and the claimant's own view.
 */
describe('subsidy claims: workflow over HTTP', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let http: HttpClient;
  let factories: Factories;
  let dataSource: DataSource;
  let employerId: string;
  let employer: HttpClient;
  let officer: HttpClient;
  let officerId: string;
  let cityA: HttpClient;
  let cityB: HttpClient;
  let cityAId: string;
  let seekerClient: HttpClient;
  const graduateId = makeResidentId('460102', '2002-03-04', '123');
  let creditCode: string;

  /** The evidence an office imported for the graduate: graduated 2024, insured by the employer from June 2025. */
  function loadEvidence() {
    const tables = t.app.get(ClaimEvidence).tables;
    const months = ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
    tables.load('social_insurance', months.map((month) => ({ idNumber: graduateId, employerCode: creditCode, month, amount: 1180.5 })) as EvidenceRecords['social_insurance'][], 'file:社保缴费明细.xlsx');
    tables.load('employment_registration', [{ idNumber: graduateId, type: 'unit', employerCode: creditCode, from: '2025-06-15', to: null }], 'file:就业登记.xlsx');
    tables.load('graduation', [{ idNumber: graduateId, school: '海南大学', schoolProvince: '46', ordinaryHigherEducation: true, graduationDate: '2024-07-01' }], 'file:学历信息.xlsx');
  }

  beforeAll(async () => {
    t = await createTestApp(PLATFORM_FEATURES, {}, async () => undefined, clock);
    http = new HttpClient(t.app);
    factories = new Factories(t.app);
    dataSource = t.app.get(getDataSourceToken());
    const company = await factories.employer({ regionCode: '460106', sizeClass: 'small', ownership: 'private' });
    employerId = company.id;
    creditCode = company.creditCode;
    const login = async (role: 'employer' | 'officer' | 'admin' | 'seeker', fields: Parameters<Factories['user']>[1]) => {
      const user = await factories.user(role, fields);
      return { id: user.id, client: await http.login(user.username, TEST_PASSWORD) };
    };
    employer = (await login('employer', { employerId })).client;
    ({ id: officerId, client: officer } = await login('officer', { regionCode: '460106' }));
    ({ id: cityAId, client: cityA } = await login('admin', { regionCode: '460100' }));
    cityB = (await login('admin', { regionCode: '460100' })).client;
  }, 60_000);
  afterAll(() => t.close());

  it('a hire of a local graduate opens a candidate claim; once month 6 has passed and the evidence holds, the employer confirms it and it goes through review and notice', async () => {
    const cipher = t.app.get(FieldCipher);
    const graduate = await factories.seeker({
      name: '王小明', residentIdEncrypted: cipher.encrypt(graduateId), residentIdHash: cipher.blindIndex(graduateId), regionCode: '460106',
      priorityGroups: [{ group: 'college_graduate', evidence: '毕业证书', school: '海南大学', graduationDate: '2024-07-01' }],
    } as Partial<Seeker>);
    seekerClient = await http.login((await factories.user('seeker', { seekerId: graduate.id })).username, TEST_PASSWORD);
    const shortage = await dataSource.getRepository(Shortage).save({
      employerId, title: '行政助理', occupationCode: '4-10-01-05', industryCode: '8514', headcount: 2, wageMin: 4500, wageMax: 6000, workType: 'full_time',
      regionCode: '460106', address: '海口市龙华区', lat: 20.03, lng: 110.33, startDate: addDays(shanghaiDate(), 7), deadline: addDays(shanghaiDate(), 60),
      description: '负责办公室行政事务，缴纳五险一金。', status: 'open', publishedAt: new Date(),
    } as Partial<Shortage>);
    const application = await dataSource.getRepository(Application).save({
      seekerId: graduate.id, shortageId: shortage.id, status: 'offer', history: [{ status: 'applied', at: new Date().toISOString(), actorId: officerId }],
    });

    // The employer records the hire on the platform: the outbox opens a candidate claim.
    expect((await employer.post(`/api/applications/${application.id}/status`, { status: 'hired' })).status).toBe(200);
    const candidates = await eventually(
      () => employer.get('/api/subsidy-claims?queue=candidates'),
      (r) => r.status === 200 && r.body.items.length === 1,
      30_000,
    );
    const candidate = candidates.body.items[0];
    expect(candidate).toMatchObject({ rule: 'G1', status: 'candidate', origin: 'apply_free', personName: '王小明', personIdMasked: `460***********${graduateId.slice(-4)}`, offeredAt: null });
    // Hired today: month 6 is months away, so it is not offered yet, and confirming it is refused.
    expect(candidate.decision.checks.find((c: { code: string }) => c.code === 'G1_MONTH_SIX_REACHED').verdict).toBe('unknown');
    expect((await employer.post(`/api/subsidy-claims/${candidate.id}/confirm`, {})).status).toBe(409);

    // The hire was in fact recorded in June 2025 (within the policy period) and the evidence has been imported: the re-check offers it.
    await dataSource.query(
      `UPDATE application SET history = (SELECT jsonb_agg(CASE WHEN step ->> 'status' = 'hired' THEN jsonb_set(step, '{at}', '"2025-06-15T02:00:00.000Z"') ELSE step END) FROM jsonb_array_elements(history) step) WHERE id = $1`,
      [application.id],
    );
    loadEvidence();
    const recheck = await officer.post('/api/subsidy-claims/recheck-candidates');
    expect(recheck.status).toBe(200);
    expect(recheck.body.offered).toBe(1);
    const offered = (await employer.get(`/api/subsidy-claims/${candidate.id}`)).body;
    expect(offered.offeredAt).not.toBeNull();
    expect(offered.hireDate).toBe('2025-06-15');

    // The employer confirms, stating an open-ended contract: the automatic checks pass with their evidence, and it waits for county review.
    // A bad account is a 400 in the caller's language.
    const badAccount = await employer.post(`/api/subsidy-claims/${candidate.id}/confirm`, { contractEnd: null, payee: { payeeName: '某公司', account: 'abc', bankName: '某行' } });
    expect(badAccount.status).toBe(400);
    expect(JSON.stringify(badAccount.body.message)).toContain('payee.account');
    const confirmed = await employer.post(`/api/subsidy-claims/${candidate.id}/confirm`, {
      contractEnd: null, dispatch: false, payee: { payeeName: '海南某某科技有限公司', account: '6228 4800 1234 5678 901', bankName: '中国农业银行海口分行' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'county_review', decision: { outcome: 'eligible', amount: 2000 } });
    expect(confirmed.body.decision.evidenceIds).toHaveLength(3);
    // In the same transaction: the payee (encrypted), the fraud facts the decision used, and the fraud check requested.
    const [joined] = await dataSource.query(
      `SELECT p.account <> '6228480012345678901' AS encrypted, f.person_key = c.subject_key AS person, f.hire_date::text AS hire, f.open_ended,
         (SELECT count(*)::int FROM outbox_event WHERE topic = 'subsidy.fraud_check_requested' AND aggregate_id = c.id::text) AS requested
       FROM subsidy_claim c JOIN subsidy_payee p ON p.claim_id = c.id JOIN subsidy_claim_facts f ON f.claim_id = c.id WHERE c.id = $1`, [candidate.id]);
    expect(joined).toEqual({ encrypted: true, person: true, hire: '2025-06-15', open_ended: true, requested: 1 });
    // The employer is not a reviewer.
    expect((await employer.post(`/api/subsidy-claims/${candidate.id}/review`, { decision: 'pass' })).status).toBe(403);

    // County review by the officer; the same person may not do the city review (a city administrator who did the county review).
    const queue = await officer.get('/api/subsidy-claims?queue=county');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(candidate.id);
    expect((await officer.post(`/api/subsidy-claims/${candidate.id}/review`, { decision: 'pass' })).body.status).toBe('city_review');
    expect((await officer.post(`/api/subsidy-claims/${candidate.id}/review`, { decision: 'pass' })).status).toBe(403);

    const passed = await cityA.post(`/api/subsidy-claims/${candidate.id}/review`, { decision: 'pass' });
    expect(passed.status).toBe(200);
    expect(passed.body.status).toBe('notice');
    expect(passed.body.noticeUntil > passed.body.noticeFrom).toBe(true);

    // The notice list: masked, as JSON and as an Excel workbook.
    const list = await cityB.get('/api/subsidy-claims/notice-list');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ claimId: candidate.id, personName: '王*明', personId: `460***********${graduateId.slice(-4)}`, amount: 2000 })]);
    const file = await cityB.get('/api/subsidy-claims/notice-list?format=xlsx');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new Workbook();
    await book.xlsx.load(file.raw as never);
    const sheet = book.getWorksheet('公示名单')!;
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(['王*明', `460***********${graduateId.slice(-4)}`, 2000]));
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain(graduateId);

    // The notice has not ended: the scheduled end approves nothing; the day after its last working day it approves the claim.
    const claims = t.app.get(ClaimsService);
    expect(await runInTx(() => claims.endNotices())).toBe(0);
    clock.set(new Date(`${addDays(passed.body.noticeUntil, 1)}T01:00:00Z`));
    // The daily maintenance job ends it (and re-checks candidates: none left).
    expect(await t.app.get(MaintenanceProcessor).process({ name: SUBSIDY_CLAIMS_DAILY })).toEqual({ noticesEnded: 1, candidatesOffered: 0 });
    expect((await cityA.get(`/api/subsidy-claims/${candidate.id}`)).body.status).toBe('approved');
    // Approving registered what is owed (keyed by claim and number), so a payment batch only picks it.
    expect(await dataSource.query(`SELECT number, amount_fen, status FROM subsidy_payment_instalment WHERE claim_id = $1`, [candidate.id])).toEqual([{ number: 1, amount_fen: 200_000, status: 'due' }]);
    // The payment side marks it paid, once.
    expect((await runInTx(() => claims.settlePayment(candidate.id, 'paid'))).status).toBe('paid');
    expect((await runInTx(() => claims.settlePayment(candidate.id, 'paid'))).status).toBe('paid');

    // The history holds every step, with who took it.
    const detail = (await employer.get(`/api/subsidy-claims/${candidate.id}`)).body;
    expect(detail.transitions.map((s: { event: string }) => s.event)).toEqual(['open', 'offer', 'confirm', 'auto_check', 'queue_county', 'county_pass', 'city_pass', 'notice_end', 'pay']);
    expect(detail.transitions.find((s: { event: string }) => s.event === 'city_pass').actorId).toBe(cityAId);
    expect(detail.evidence.map((e: { port: string }) => e.port).sort()).toEqual(['employment_registration', 'graduation', 'social_insurance']);
    // The person sees the decision about them.
    const mine = await seekerClient.get('/api/subsidy-claims');
    expect(mine.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[candidate.id, 'paid']]);
  }, 120_000);

  it('an officer filing for a walk-in cannot review the same claim; refusal needs reasons and a person; an appeal reopens county review', async () => {
    loadEvidence();
    const idNumber = makeResidentId('460106', '2001-05-06', '234');
    const filed = await officer.post('/api/subsidy-claims', { personName: '李华', idNumber, hireDate: '2025-03-01', contractEnd: '2027-02-28', employerId });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'draft', origin: 'officer' });
    // Filing twice for the same person while the first is live: 409.
    expect((await employer.post('/api/subsidy-claims', { personName: '李华', idNumber, hireDate: '2025-03-01' })).status).toBe(409);
    const submitted = await officer.post(`/api/subsidy-claims/${filed.body.id}/submit`);
    expect(submitted.status).toBe(200);
    // The insurance file has no contributions for this person: the rule proposes a refusal, but the claim waits for a
    // person in county review (the machine never refuses).
    expect(submitted.body).toMatchObject({ status: 'county_review', decision: { outcome: 'ineligible', confirmedBy: null } });
    expect(submitted.body.decision.checks.find((c: { code: string }) => c.code === 'G1_CONTRIBUTIONS').verdict).toBe('fail');

    const same = await officer.post(`/api/subsidy-claims/${filed.body.id}/review`, { decision: 'pass' });
    expect(same.status).toBe(403);
    expect(same.body.code).toBe('SUBSIDY_SAME_PERSON');
    expect(same.body.message).toContain('三个不同的人');
    const english = await officer.request('POST', `/api/subsidy-claims/${filed.body.id}/review`, { decision: 'pass' }, { 'accept-language': 'en' });
    expect(english.body.message).toContain('three different people');

    // A city administrator does the county review here; refusing needs reasons.
    expect((await cityA.post(`/api/subsidy-claims/${filed.body.id}/review`, { decision: 'refuse' })).status).toBe(400);
    const refused = await cityA.post(`/api/subsidy-claims/${filed.body.id}/review`, { decision: 'refuse', reasonsZh: '未提供学历证明', reasonsEn: 'No record of graduation' });
    expect(refused.body).toMatchObject({ status: 'refused', reasonsZh: '未提供学历证明', decision: { confirmedBy: cityAId } });
    // The employer sees the refusal with its reasons, and appeals.
    const own = await employer.get(`/api/subsidy-claims/${filed.body.id}`);
    expect(own.body).toMatchObject({ status: 'refused', reasonsZh: '未提供学历证明', reasonsEn: 'No record of graduation' });
    expect((await employer.post(`/api/subsidy-claims/${filed.body.id}/appeal`, { reasonsZh: '已补充毕业证书' })).body.status).toBe('appealed');
    expect((await officer.post(`/api/subsidy-claims/${filed.body.id}/appeal/decision`, { decision: 'uphold' })).status).toBe(403);
    expect((await cityB.post(`/api/subsidy-claims/${filed.body.id}/appeal/decision`, { decision: 'uphold' })).body.status).toBe('county_review');
  }, 60_000);

  it('an objection during the notice is settled by an administrator; claims of another region are out of reach', async () => {
    const idNumber = makeResidentId('460106', '2001-07-08', '345');
    const filed = await employer.post('/api/subsidy-claims', { personName: '陈晨', idNumber, hireDate: '2025-04-01', contractEnd: null });
    expect(filed.status).toBe(201);
    await employer.post(`/api/subsidy-claims/${filed.body.id}/submit`);
    expect((await officer.post(`/api/subsidy-claims/${filed.body.id}/review`, { decision: 'pass' })).body.status).toBe('city_review');
    expect((await cityA.post(`/api/subsidy-claims/${filed.body.id}/review`, { decision: 'pass' })).body.status).toBe('notice');
    expect((await officer.post(`/api/subsidy-claims/${filed.body.id}/objection`, {})).status).toBe(400);
    expect((await officer.post(`/api/subsidy-claims/${filed.body.id}/objection`, { reasonsZh: '群众反映该员工未实际到岗' })).body.status).toBe('objected');
    const settled = await cityB.post(`/api/subsidy-claims/${filed.body.id}/objection/decision`, { decision: 'uphold', reasonsZh: '经核实未实际到岗' });
    expect(settled.body).toMatchObject({ status: 'refused', reasonsZh: '经核实未实际到岗' });

    const sanya = await http.login((await factories.user('admin', { regionCode: '460200' })).username, TEST_PASSWORD);
    expect((await sanya.get(`/api/subsidy-claims/${filed.body.id}`)).status).toBe(404);
    expect((await sanya.get('/api/subsidy-claims')).body.total).toBe(0);
  }, 60_000);

  /** Runs service calls the way a scheduled job does: in a transaction of their own. */
  function runInTx<T>(fn: () => Promise<T>): Promise<T> {
    return t.app.get(ClsService).run(() => t.app.get(TransactionHost).withTransaction(fn));
  }
});
