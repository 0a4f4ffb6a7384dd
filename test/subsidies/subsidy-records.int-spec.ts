import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decideGraduateHiring, decidePublicServicePost, SubsidyClaim, SubsidyPayees, SubsidyRecordsService } from '@app/subsidies';
import { G1_BASE, P1_BASE, TEST_PARAMETERS } from '@app/subsidies/testing';
import { createTestApp, TestApp } from '@app/testing';

describe('subsidy records', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let records: SubsidyRecordsService;

  beforeAll(async () => {
    t = await createTestApp([]);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    records = t.app.get(SubsidyRecordsService);
  });
  afterAll(() => t.close());

  const claim = (subjectKey: string, rule: 'G1' | 'P1' = 'G1') =>
    dataSource.getRepository(SubsidyClaim).save({ rule, origin: 'apply_free' as const, claimantKind: rule === 'G1' ? ('employer' as const) : ('person' as const), subjectKey, status: 'candidate' as const });

  it('keeps evidence encrypted with the hash of its payload, and refuses a payload that was altered', async () => {
    const payload = { personId: 'p-1', months: ['2025-06', '2025-07'], employer: '91460100MA5T000000' };
    const id = await records.keepEvidence({ port: 'social_insurance', subjectKey: 'p-1', source: 'csv:社保缴费明细.csv', fetchedAt: new Date('2026-03-01T02:00:00Z'), validFrom: '2025-06-01', payload });
    const [row] = await dataSource.query(`SELECT payload, payload_hash, valid_from::text AS valid_from FROM subsidy_evidence_snapshot WHERE id = $1`, [id]);
    expect(row.payload).not.toContain('2025-06');
    expect(row.payload_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.valid_from).toBe('2025-06-01');
    expect(await records.readEvidence(id)).toEqual(payload);
    await dataSource.query(`UPDATE subsidy_evidence_snapshot SET payload_hash = repeat('0', 64) WHERE id = $1`, [id]);
    await expect(records.readEvidence(id)).rejects.toThrow('does not match');
  });

  it('records a decision with its checks, parameters and evidence, and sets the claim’s relevant date', async () => {
    const { id } = await claim('person-a');
    const evidence = await records.keepEvidence({ port: 'graduation', subjectKey: 'person-a', source: 'stub', fetchedAt: new Date(), payload: { school: '海南大学' } });
    const decision = decideGraduateHiring(G1_BASE, TEST_PARAMETERS);
    const saved = await records.recordDecision(id, decision, [evidence]);
    const [row] = await dataSource.query(`SELECT outcome, amount, evidence_ids, checks, parameters, decided_by FROM subsidy_decision WHERE id = $1`, [saved.id]);
    expect(row).toMatchObject({ outcome: 'eligible', amount: '2000.00', evidence_ids: [evidence], decided_by: null });
    expect(row.checks.map((c: { code: string }) => c.code)).toContain('G1_WITHIN_TWO_YEARS');
    expect(row.parameters[0]).toMatchObject({ name: 'g1.amount', at: '2025-06-15', value: 2000, provisional: true });
    expect((await dataSource.getRepository(SubsidyClaim).findOneByOrFail({ id })).relevantDate).toBe('2025-06-15');
  });

  it('holds one live claim per rule and subject; a refused one does not block a new claim', async () => {
    const first = await claim('person-b');
    await expect(claim('person-b')).rejects.toThrow(/subsidy_claim_subject_key/);
    await dataSource.getRepository(SubsidyClaim).update({ id: first.id }, { status: 'refused' });
    await expect(claim('person-b')).resolves.toMatchObject({ subjectKey: 'person-b' });
    await expect(claim('person-b', 'P1')).resolves.toMatchObject({ rule: 'P1' });
  });

  it('registers the payable instalments of an approved claim once, keyed by claim and number; a later decision adds only new numbers', async () => {
    const { id } = await claim('person-c', 'P1');
    await records.recordDecision(id, decidePublicServicePost({ ...P1_BASE, months: [{ confirmed: true }] }, TEST_PARAMETERS), []);
    await t.app.get(SubsidyPayees).record(id, { payeeName: '张三', account: '6217000012345678', bankName: '中国银行海口分行' });
    // Not approved yet: nothing is owed.
    expect(await records.registerInstalments([id])).toBe(0);
    await dataSource.getRepository(SubsidyClaim).update({ id }, { status: 'approved' });
    expect(await records.registerInstalments([id])).toBe(2);
    expect(await records.registerInstalments([id])).toBe(0);
    // Every approved claim has its instalments: the sweep for missing ones adds nothing either.
    expect(await records.registerInstalments()).toBe(0);
    await records.recordDecision(id, decidePublicServicePost(P1_BASE, TEST_PARAMETERS), []);
    expect(await records.registerInstalments([id])).toBe(2);
    const rows = await dataSource.query(`SELECT number, amount_fen, status, account FROM subsidy_payment_instalment WHERE claim_id = $1 ORDER BY number`, [id]);
    expect(rows.map((r: { number: number; amount_fen: number }) => [r.number, r.amount_fen])).toEqual([[1, 201_000], [2, 201_000], [3, 201_000], [4, 10_000]]);
    expect(rows.every((r: { status: string; account: string }) => r.status === 'due' && r.account.startsWith('v1:'))).toBe(true);

    // An approved claim whose latest decision is not payable (no priority group) owes nothing.
    const other = await claim('person-d', 'P1');
    await records.recordDecision(other.id, decidePublicServicePost({ ...P1_BASE, group: null }, TEST_PARAMETERS), []);
    await t.app.get(SubsidyPayees).record(other.id, { payeeName: '李四', account: '6217000087654321', bankName: '中国银行海口分行' });
    await dataSource.getRepository(SubsidyClaim).update({ id: other.id }, { status: 'approved' });
    expect(await records.registerInstalments()).toBe(0);
  });
});
