import fc from 'fast-check';
import {
  checkBursts, checkExclusions, checkHeadcountGrowth, checkImpossibleDates, checkRehire, checkRelatedParty, checkSamePerson, checkSharedContacts,
  DEFAULT_FRAUD_PARAMETERS as P, drawPostPaymentSample, FraudClaim, graduateHiringFraudFacts, runFraudChecks, termMonths, weekStart,
} from './fraud-checks';
import { G1_BASE } from '../testing/cases/g1.cases';

const claim = (patch: Partial<FraudClaim> = {}): FraudClaim => ({
  claimId: 'c-1', rule: 'G1', claimantKey: 'employer-1', personKey: 'person-1', employerKey: 'E1', legalRepKey: 'rep-1',
  hireDate: '2025-06-15', contractStart: '2025-06-15', contractMonths: 24, graduationDate: '2025-06-10', insuranceStart: '2025-06-01',
  ...patch,
});
const other = (id: string, patch: Partial<FraudClaim> = {}) => claim({ claimId: id, ...patch });
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('fraud checks (pure)', () => {
  describe('same person twice or under exclusive rules', () => {
    it('hit: another G1 claim for the same person', () => {
      const [f] = checkSamePerson(claim(), { samePerson: [other('c-2', { claimantKey: 'employer-2' })] }, P);
      expect(f).toMatchObject({ code: 'DUPLICATE_PERSON', fingerprint: 'c-1:DUPLICATE_PERSON', related: ['c-2'] });
    });
    it('hit: G1 and P1 for the same person are exclusive', () => {
      expect(codes(checkSamePerson(claim(), { samePerson: [other('c-3', { rule: 'P1' })] }, P))).toEqual(['EXCLUSIVE_RULES']);
    });
    it('miss: the same person under a rule that combines (T1), or nobody else', () => {
      expect(checkSamePerson(claim(), { samePerson: [other('c-4', { rule: 'T1' })] }, P)).toEqual([]);
      expect(checkSamePerson(claim(), { samePerson: [] }, P)).toEqual([]);
      expect(checkSamePerson(claim({ personKey: null }), { samePerson: [other('c-2')] }, P)).toEqual([]);
    });
  });

  describe('impossible dates', () => {
    it('hit: a contract before graduation', () => {
      expect(codes(checkImpossibleDates(claim({ contractStart: '2025-06-01', graduationDate: '2025-06-30', insuranceStart: '2025-06-01' }), {}, P))).toEqual(['CONTRACT_BEFORE_GRADUATION']);
    });
    it('hit: insurance in a month before the contract', () => {
      expect(codes(checkImpossibleDates(claim({ insuranceStart: '2025-05-01' }), {}, P))).toEqual(['INSURANCE_BEFORE_CONTRACT']);
    });
    it('hit: a G1 contract under 12 months', () => {
      expect(codes(checkImpossibleDates(claim({ contractMonths: 11 }), {}, P))).toEqual(['CONTRACT_TOO_SHORT']);
    });
    it('miss: exactly 12 months, open-ended, insurance in the contract month, contract on graduation day; unknown dates', () => {
      expect(checkImpossibleDates(claim({ contractMonths: 12 }), {}, P)).toEqual([]);
      expect(checkImpossibleDates(claim({ contractMonths: null, openEnded: true }), {}, P)).toEqual([]);
      expect(checkImpossibleDates(claim({ contractStart: '2025-06-10', insuranceStart: '2025-06-01' }), {}, P)).toEqual([]);
      expect(checkImpossibleDates(claim({ graduationDate: null, insuranceStart: null, contractMonths: null }), {}, P)).toEqual([]);
      expect(checkImpossibleDates(claim({ rule: 'T1', contractMonths: 3 }), {}, P)).toEqual([]);
    });
  });

  describe('rehire', () => {
    it('hit: insured at the same employer 6 months before the hire', () => {
      const [f] = checkRehire(claim(), { insured: [{ month: '2024-12', employerKey: 'E1' }] }, P);
      expect(f.code).toBe('REHIRE');
      expect(f.zh).toContain('本单位');
    });
    it('hit: insured at an employer with the same legal representative', () => {
      const [f] = checkRehire(claim(), { insured: [{ month: '2025-05', employerKey: 'E9' }], relatedEmployers: ['E9'] }, P);
      expect(f.zh).toContain('关联单位');
    });
    it('miss: 7 months before, the hire month itself, or an unrelated employer', () => {
      expect(checkRehire(claim(), { insured: [{ month: '2024-11', employerKey: 'E1' }, { month: '2025-06', employerKey: 'E1' }, { month: '2025-05', employerKey: 'E7' }] }, P)).toEqual([]);
    });
  });

  describe('one bank account, phone or address for several unrelated claimants', () => {
    const sharing = [other('c-2', { claimantKey: 'employer-2' }), other('c-3', { claimantKey: 'employer-3' })];
    it('hit: an account used by 3 claimants', () => {
      const [f] = checkSharedContacts(claim({ accountIndex: 'acct' }), { sameAccount: sharing }, P);
      expect(f).toMatchObject({ code: 'SHARED_ACCOUNT', related: ['c-2', 'c-3'] });
    });
    it('hit: a phone and an address', () => {
      expect(codes(checkSharedContacts(claim({ phoneIndex: 'ph', addressKey: 'ad' }), { samePhone: sharing, sameAddress: sharing }, P))).toEqual(['SHARED_PHONE', 'SHARED_ADDRESS']);
    });
    it('miss: 2 claimants, or many claims of one claimant (an employer paid into its own account)', () => {
      expect(checkSharedContacts(claim({ accountIndex: 'acct' }), { sameAccount: sharing.slice(0, 1) }, P)).toEqual([]);
      expect(checkSharedContacts(claim({ accountIndex: 'acct' }), { sameAccount: [other('c-2'), other('c-3'), other('c-4')] }, P)).toEqual([]);
    });
  });

  describe('claimed hires beyond insured headcount growth', () => {
    it('hit: 5 claimed, headcount grew by 2', () => {
      expect(codes(checkHeadcountGrowth(claim(), { headcount: { before: 10, after: 12, claimed: 5 } }, P))).toEqual(['HEADCOUNT_GROWTH']);
    });
    it('hit: headcount fell', () => {
      expect(codes(checkHeadcountGrowth(claim(), { headcount: { before: 10, after: 8, claimed: 1 } }, P))).toEqual(['HEADCOUNT_GROWTH']);
    });
    it('miss: claimed equals growth; not a hiring rule; unknown', () => {
      expect(checkHeadcountGrowth(claim(), { headcount: { before: 10, after: 15, claimed: 5 } }, P)).toEqual([]);
      expect(checkHeadcountGrowth(claim({ rule: 'T1' }), { headcount: { before: 10, after: 8, claimed: 5 } }, P)).toEqual([]);
      expect(checkHeadcountGrowth(claim(), {}, P)).toEqual([]);
      expect(checkHeadcountGrowth(claim(), { headcount: { before: 0, after: 0, claimed: 4 } }, P)).toEqual([]);
    });
  });

  describe('related party', () => {
    it('hit: the person is the legal representative', () => {
      expect(codes(checkRelatedParty(claim({ personKey: 'rep-1' })))).toEqual(['RELATED_PARTY']);
    });
    it('miss: someone else, or no representative known', () => {
      expect(checkRelatedParty(claim())).toEqual([]);
      expect(checkRelatedParty(claim({ personKey: 'rep-1', legalRepKey: null }))).toEqual([]);
    });
  });

  describe('public payroll, deceased, in school, insured twice', () => {
    it('hit: on the public payroll, in school and deceased on the hire date', () => {
      const found = checkExclusions(claim(), { exclusions: [
        { list: 'public_payroll', validFrom: '2020-01-01' }, { list: 'student', validFrom: '2021-09-01', validTo: '2025-06-15' }, { list: 'deceased', validFrom: '2025-06-15' },
      ] }, P);
      expect(codes(found)).toEqual(['PUBLIC_PAYROLL', 'DECEASED', 'IN_SCHOOL']);
    });
    it('hit: insured at two employers in the same month after the hire', () => {
      const [f] = checkExclusions(claim(), { insured: [{ month: '2025-08', employerKey: 'E1' }, { month: '2025-08', employerKey: 'E5' }, { month: '2025-09', employerKey: 'E1' }] }, P);
      expect(f).toMatchObject({ code: 'INSURED_TWICE' });
      expect(f.en).toContain('2025-08');
    });
    it('miss: a student list that ended the day before the hire, payroll from the day after; two employers in different months or before the hire', () => {
      expect(checkExclusions(claim(), { exclusions: [{ list: 'student', validFrom: '2021-09-01', validTo: '2025-06-14' }, { list: 'public_payroll', validFrom: '2025-06-16' }] }, P)).toEqual([]);
      expect(checkExclusions(claim(), { insured: [{ month: '2025-05', employerKey: 'E1' }, { month: '2025-05', employerKey: 'E5' }, { month: '2025-07', employerKey: 'E1' }, { month: '2025-08', employerKey: 'E5' }] }, P)).toEqual([]);
      expect(checkExclusions(claim(), { insured: [{ month: '2025-12', employerKey: 'E1' }, { month: '2025-12', employerKey: 'E5' }] }, P)).toEqual([]);
    });
  });

  describe('bursts by certificate issuer or officer', () => {
    it('hit: 201 certificates from one issuer in a week; 41 claims by one officer in a day', () => {
      const found = checkBursts(claim(), { issuerWeek: { issuer: '某培训学校', week: '2025-06-09', count: 201 }, officerDay: { officerId: 'o-1', day: '2025-06-15', count: 41 } }, P);
      expect(found.map((f) => f.fingerprint)).toEqual(['c-1:ISSUER_BURST:2025-06-09', 'c-1:OFFICER_BURST:2025-06-15']);
    });
    it('miss: exactly at the limits', () => {
      expect(checkBursts(claim(), { issuerWeek: { issuer: 'x', week: '2025-06-09', count: 200 }, officerDay: { officerId: 'o-1', day: '2025-06-15', count: 40 } }, P)).toEqual([]);
    });
    it('weeks start on Monday', () => {
      expect(weekStart('2025-06-15')).toBe('2025-06-09');
      expect(weekStart('2025-06-09')).toBe('2025-06-09');
      expect(weekStart('2026-01-01')).toBe('2025-12-29');
    });
  });

  it('a claim with nothing known raises nothing, and every finding names its claim (property)', () => {
    expect(runFraudChecks({ claimId: 'x', rule: 'G1', claimantKey: 'k' }, {})).toEqual([]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (before, after, claimed) => {
      const found = runFraudChecks(claim(), { headcount: { before, after, claimed } });
      expect(found.length > 0).toBe(claimed > Math.max(0, after - before) && before + after > 0);
      for (const f of found) expect(f.fingerprint.startsWith('c-1:')).toBe(true);
    }));
  });

  describe('post-payment sample', () => {
    const paid = Array.from({ length: 200 }, (_, k) => ({ claimId: `claim-${String(k).padStart(3, '0')}`, claimantKey: `employer-${k % 40}` }));
    it('is the same for a seed whatever the order, and differs for another seed', () => {
      const a = drawPostPaymentSample(paid, 'seed-2026-12');
      expect(drawPostPaymentSample([...paid].reverse(), 'seed-2026-12')).toEqual(a);
      expect(drawPostPaymentSample(paid, 'seed-2027-01')).not.toEqual(a);
    });
    it('draws 30% of claimants with ≥ 2 paid claims, then 20% (at least one) of their claims', () => {
      const drawn = drawPostPaymentSample([...paid, { claimId: 'lonely', claimantKey: 'employer-single' }], 's');
      const claimants = new Set(drawn.map((id) => paid.find((c) => c.claimId === id)!.claimantKey));
      expect(claimants.size).toBe(12);
      expect(drawn).toHaveLength(12);
      expect(drawn).not.toContain('lonely');
    });
    it('caps the claims per claimant', () => {
      const big = Array.from({ length: 300 }, (_, k) => ({ claimId: `b-${k}`, claimantKey: k < 150 ? 'A' : 'B' }));
      expect(drawPostPaymentSample(big, 's', { minClaims: 2, employerShare: 1, claimShare: 0.2, maxPerEmployer: 20 })).toHaveLength(40);
    });
  });

  describe('a G1 claim\'s fraud facts, from the facts its decision used', () => {
    it('a contract of exactly 12 months counts 12, one day less 11 (the decisions\' term rule)', () => {
      expect(termMonths('2025-06-15', '2026-06-14')).toBe(12);
      expect(termMonths('2025-06-15', '2026-06-13')).toBe(11);
      expect(termMonths('2025-12-20', '2026-06-19')).toBe(6);
      expect(termMonths('2025-01-31', '2025-02-27')).toBe(0);
      expect(termMonths('2025-01-31', '2025-02-28')).toBe(1);
      expect(termMonths('2025-06-15', '2025-06-01')).toBe(0);
    });
    it('agree with the rule: a term G1 passes is never a CONTRACT_TOO_SHORT finding, one it fails always is', () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 800 }), (days) => {
        const end = new Date(Date.parse('2025-06-15T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
        const facts = graduateHiringFraudFacts({ ...G1_BASE, contract: { end, dispatch: false } }, { personKey: 'p', employerKey: 'E1' });
        const short = checkImpossibleDates(claim({ ...facts, openEnded: false }), {}, P).some((f) => f.code === 'CONTRACT_TOO_SHORT');
        expect(short).toBe(end < '2026-06-14');
      }));
    });
    it('the hire starts the contract; open-ended, graduation and the first insured month carried over', () => {
      expect(graduateHiringFraudFacts({ ...G1_BASE, contract: { end: null }, contributionMonths: ['2025-08', '2025-06', '2025-07'] }, { personKey: 'p', employerKey: 'E1', officerId: null }))
        .toEqual({
          personKey: 'p', employerKey: 'E1', legalRepKey: null, hireDate: G1_BASE.hireDate, contractStart: G1_BASE.hireDate, contractMonths: null, openEnded: true,
          graduationDate: G1_BASE.graduate.graduationDate, insuranceStart: '2025-06-01', officerId: null,
        });
      expect(graduateHiringFraudFacts({ ...G1_BASE, contract: {}, contributionMonths: undefined, graduate: {} }, { personKey: 'p' }))
        .toMatchObject({ contractMonths: null, openEnded: false, graduationDate: null, insuranceStart: null, employerKey: null });
    });
  });
});
