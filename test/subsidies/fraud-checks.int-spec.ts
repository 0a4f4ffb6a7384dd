import { getDataSourceToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import {
  DEFAULT_FRAUD_PARAMETERS, FraudChecksService, FraudEvidenceService, FraudFacts, SubsidyClaim, SubsidyPayees,
} from '@app/subsidies';
import { createTestApp, TestApp } from '@app/testing';

/** Low burst limits so a handful of claims makes a burst. */
const P = { ...DEFAULT_FRAUD_PARAMETERS, issuerWeeklyLimit: 2, officerDailyLimit: 2 };
const identity = (id: string) => id;

describe('fraud checks on submission and nightly (database path)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let fraud: FraudChecksService;
  let evidence: FraudEvidenceService;
  let payees: SubsidyPayees;
  let n = 0;
  const claims: Record<string, string> = {};

  const inCls = <T>(fn: () => Promise<T>) => t.app.get(ClsService).run(() => t.app.get(TransactionHost).withTransaction(fn));

  /** A submitted claim with its facts (and payee when given), as the claims workflow leaves it. */
  async function submitted(name: string, rule: string, facts: FraudFacts, extra: { claimant?: string; account?: string; status?: SubsidyClaim['status'] } = {}) {
    n++;
    const claim = await dataSource.getRepository(SubsidyClaim).save({
      rule, status: extra.status ?? 'submitted', origin: 'applied', claimantKind: 'employer', claimantId: extra.claimant ?? null, subjectKey: `${name}-${n}`,
    } as Partial<SubsidyClaim>);
    await inCls(async () => {
      await fraud.recordFacts(claim.id, { employerKey: `E-${name}`, hireDate: '2025-06-15', contractStart: '2025-06-15', contractMonths: 24, graduationDate: '2025-06-01', personKey: `P-${name}`, ...facts });
      if (extra.account) await payees.record(claim.id, { payeeName: '某某', account: extra.account, bankName: '农业银行' });
    });
    claims[name] = claim.id;
    return claim.id;
  }

  const uuid = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

  beforeAll(async () => {
    t = await createTestApp([]);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    fraud = t.app.get(FraudChecksService);
    evidence = t.app.get(FraudEvidenceService);
    payees = t.app.get(SubsidyPayees);

    await submitted('clean', 'G1', {});
    await submitted('dup-a', 'G1', { personKey: 'P-dup' }, { claimant: uuid(1) });
    await submitted('dup-b', 'G1', { personKey: 'P-dup' }, { claimant: uuid(2) });
    await submitted('excl-g1', 'G1', { personKey: 'P-excl' });
    await submitted('excl-p1', 'P1', { personKey: 'P-excl' });
    await submitted('t1-same-person', 'T1', { personKey: 'P-t1', contractMonths: 3 });
    await submitted('t1-same-person-g1', 'G1', { personKey: 'P-t1' });
    await submitted('dates', 'G1', { contractStart: '2025-05-20', graduationDate: '2025-06-01', insuranceStart: '2025-04-01' });
    await submitted('short', 'G1', { contractMonths: 11 });
    await submitted('rehire', 'G1', { employerKey: 'E-R' });
    await submitted('rehire-related', 'G1', { employerKey: 'E-R2', legalRepKey: 'rep-R2' });
    await submitted('sister', 'T1', { employerKey: 'E-R3', legalRepKey: 'rep-R2', hireDate: null });
    for (const k of [1, 2, 3]) await submitted(`acct-${k}`, 'T1', { hireDate: null }, { claimant: uuid(10 + k), account: '6228480000000001' });
    for (const k of [1, 2]) await submitted(`acct2-${k}`, 'T1', { hireDate: null }, { claimant: uuid(20 + k), account: '6228480000000002' });
    for (const k of [1, 2, 3]) await submitted(`hc-${k}`, 'G1', { employerKey: 'E-H', personKey: `P-hc-${k}` });
    await submitted('hc-ok', 'G1', { employerKey: 'E-OK' });
    await submitted('party', 'G1', { personKey: 'P-boss', legalRepKey: 'P-boss' });
    await submitted('payroll', 'G1', { personKey: 'P-payroll' });
    await submitted('twice', 'G1', { personKey: 'P-twice' });
    for (const k of [1, 2, 3]) await submitted(`issuer-${k}`, 'T1', { hireDate: null, certificateIssuer: '某职业培训学校', certificateDate: `2025-06-0${k + 1}` });
    await submitted('issuer-other-week', 'T1', { hireDate: null, certificateIssuer: '某职业培训学校', certificateDate: '2025-06-09' });
    const officer = uuid(99);
    for (const k of [1, 2, 3]) await submitted(`officer-${k}`, 'T1', { hireDate: null, officerId: officer });
    await submitted('draft-dup', 'G1', { personKey: 'P-clean-draft' }, { status: 'draft' });
    await submitted('refused-dup', 'G1', { personKey: 'P-clean-draft' }, { status: 'refused' });

    await inCls(async () => {
      const si = (idNumber: string, employerCode: string, month: string) => ({ idNumber, employerCode, month, amount: null });
      await evidence.projectInsuredMonths([
        si('P-rehire', 'E-R', '2024-12'), si('P-rehire-related', 'E-R3', '2025-04'), si('P-clean', 'E-clean', '2024-11'),
        // E-H: 5 insured a year before the hires, 6 in the hire month: grew by 1, 3 hires claimed.
        ...[1, 2, 3, 4, 5].map((k) => si(`W-${k}`, 'E-H', '2024-06')), ...[1, 2, 3, 4, 5, 6].map((k) => si(`W-${k}`, 'E-H', '2025-06')),
        // E-OK grew by 2 and claims 1.
        si('V-1', 'E-OK', '2025-06'), si('V-2', 'E-OK', '2025-06'),
        si('P-twice', 'E-twice', '2025-07'), si('P-twice', 'E-other', '2025-07'), si('P-twice', 'E-twice', '2025-08'),
        si('P-twice', 'E-twice', '2025-07'),
      ], identity);
      await evidence.projectExclusions([{ idNumber: 'P-payroll', list: 'public_payroll', from: '2019-03-01' }, { idNumber: 'P-clean', list: 'student', from: '2025-07-01' }], identity);
    });
  });
  afterAll(() => t.close());

  const casesByClaim = async () => {
    const rows: { claim_id: string; code: string }[] = await dataSource.query(`SELECT claim_id, code FROM subsidy_suspicious_case WHERE code <> 'POST_PAYMENT_SAMPLE' ORDER BY code`);
    const names = Object.fromEntries(Object.entries(claims).map(([name, id]) => [id, name]));
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[names[r.claim_id]] ??= []).push(r.code);
    return out;
  };

  const EXPECTED: Record<string, string[]> = {
    'dup-a': ['DUPLICATE_PERSON'], 'dup-b': ['DUPLICATE_PERSON'],
    'excl-g1': ['EXCLUSIVE_RULES'], 'excl-p1': ['EXCLUSIVE_RULES'],
    't1-same-person': [],
    dates: ['CONTRACT_BEFORE_GRADUATION', 'INSURANCE_BEFORE_CONTRACT'], short: ['CONTRACT_TOO_SHORT'],
    rehire: ['REHIRE'], 'rehire-related': ['REHIRE'],
    'acct-1': ['SHARED_ACCOUNT'], 'acct-2': ['SHARED_ACCOUNT'], 'acct-3': ['SHARED_ACCOUNT'],
    'hc-1': ['HEADCOUNT_GROWTH'], 'hc-2': ['HEADCOUNT_GROWTH'], 'hc-3': ['HEADCOUNT_GROWTH'],
    party: ['RELATED_PARTY'], payroll: ['PUBLIC_PAYROLL'], twice: ['INSURED_TWICE'],
    'issuer-1': ['ISSUER_BURST'], 'issuer-2': ['ISSUER_BURST'], 'issuer-3': ['ISSUER_BURST'],
    'officer-1': ['OFFICER_BURST'], 'officer-2': ['OFFICER_BURST'], 'officer-3': ['OFFICER_BURST'],
  };
  const expected = () => Object.fromEntries(Object.entries(EXPECTED).filter(([, codes]) => codes.length).map(([k, v]) => [k, [...v].sort()]));

  it('on submission: each check raises its case on the claims it concerns, and none on clean claims', async () => {
    for (const id of Object.values(claims)) await inCls(() => fraud.checkClaims([id], P));
    const found = await casesByClaim();
    expect(found).toEqual(expected());
    for (const clean of ['clean', 'hc-ok', 'acct2-1', 'sister', 'issuer-other-week', 't1-same-person', 'draft-dup', 'refused-dup']) expect(found[clean]).toBeUndefined();
    // Checking again raises nothing new; no claim was refused or held by a check.
    const again = await inCls(() => fraud.checkClaims([claims['acct-1']], P));
    expect(again.map((f) => f.code)).toEqual(['SHARED_ACCOUNT']);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM subsidy_suspicious_case WHERE claim_id = $1`, [claims['acct-1']]))[0].n).toBe(1);
    const statuses = await dataSource.query(`SELECT DISTINCT status FROM subsidy_claim`);
    expect(statuses.map((s: { status: string }) => s.status).sort()).toEqual(['draft', 'refused', 'submitted']);
  });

  it('nightly, set-based over every live claim, raises the same cases, and a second night raises none', async () => {
    await dataSource.query(`DELETE FROM subsidy_suspicious_case`);
    const report = await t.app.get(ClsService).run(() => fraud.runNightly(P));
    expect(await casesByClaim()).toEqual(expected());
    expect(report.raised).toBe(Object.values(expected()).flat().length);
    const second = await t.app.get(ClsService).run(() => fraud.runNightly(P));
    expect(second).toMatchObject({ raised: 0, findings: report.findings });
  });

  it('a person resolves a case with a note; the list shows open cases first', async () => {
    const [open] = await inCls(() => fraud.list({ status: 'open', code: 'SHARED_ACCOUNT' }, 0, 10));
    expect(open).toHaveLength(3);
    expect(open[0]).toMatchObject({ code: 'SHARED_ACCOUNT', status: 'open', source: 'nightly', reasonZh: expect.stringContaining('3 个互不相关的申领人') });
    const resolved = await inCls(() => fraud.resolve(open[0].id, '已核实：三人为同一家庭成员，共用账户属实', uuid(7)));
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: uuid(7), resolutionNote: expect.stringContaining('已核实') });
    await expect(inCls(() => fraud.resolve(open[0].id, 'again', uuid(7)))).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    await expect(inCls(() => fraud.resolve(uuid(12345), 'x', uuid(7)))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [all, total] = await inCls(() => fraud.list({}, 0, 100));
    expect(total).toBe(Object.values(expected()).flat().length);
    expect(all[all.length - 1].status).toBe('resolved');
  });

  it('draws a seeded post-payment sample of paid claims and raises each drawn claim once', async () => {
    const employers = [uuid(501), uuid(502), uuid(503), uuid(504)];
    for (const [k, employer] of employers.entries()) for (let j = 0; j < 5; j++) await submitted(`paid-${k}-${j}`, 'G1', { personKey: `P-paid-${k}-${j}` }, { claimant: employer, status: 'paid' });
    const drawn = await inCls(() => fraud.sampleAfterPayment('2026-12'));
    expect(drawn).toHaveLength(1);
    expect(await inCls(() => fraud.sampleAfterPayment('2026-12'))).toEqual(drawn);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM subsidy_suspicious_case WHERE code = 'POST_PAYMENT_SAMPLE'`);
    expect(n).toBe(1);
    const wide = await inCls(() => fraud.sampleAfterPayment('2026-12-wide', { minClaims: 2, employerShare: 1, claimShare: 0.4, maxPerEmployer: 20 }));
    expect(wide).toHaveLength(8);
  });
});
