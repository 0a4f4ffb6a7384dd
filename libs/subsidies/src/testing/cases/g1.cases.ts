import { shanghaiDate } from '@app/clock/shanghai-calendar';
import { GraduateHiringFacts } from '../../core';
import { changedOn, patched, RuleCase, TEST_PARAMETERS } from '../case';

/** A hire that meets every G1 condition: an SME hires a 2024 Hainan graduate on 2025-06-15, decided 2026-03-01. */
export const G1_BASE: GraduateHiringFacts = {
  asOf: '2026-03-01',
  hireDate: '2025-06-15',
  employer: { kind: 'enterprise', size: 'small', stateOwned: false },
  graduate: { ordinaryHigherEducation: true, schoolProvince: '46', graduationDate: '2024-07-01' },
  insuredMonthBeforeHire: false,
  contract: { end: null, dispatch: false },
  contributionMonths: ['2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'],
  employmentEnd: null,
  priorAwards: [],
};

const g1 = (patch: Parameters<typeof patched<GraduateHiringFacts>>[1]) => patched(G1_BASE, patch);
const raised = { ...TEST_PARAMETERS, g1: { ...TEST_PARAMETERS.g1, amount: changedOn(TEST_PARAMETERS.g1.amount, '2025-07-01', 2500) } };

export const G1_CASES: RuleCase<'G1'>[] = [
  { name: 'every condition met', facts: G1_BASE, expect: { outcome: 'eligible', amount: 2000, relevantDate: '2025-06-15' } },
  { name: 'hired exactly 2 years after leaving school', facts: g1({ graduate: { graduationDate: '2023-06-15' } }), expect: { outcome: 'eligible', amount: 2000 } },
  { name: 'hired 2 years and 1 day after leaving school', facts: g1({ graduate: { graduationDate: '2023-06-14' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_WITHIN_TWO_YEARS'] } },
  {
    name: 'left school on 28 February: 2 years end on 28 February',
    facts: g1({ hireDate: '2025-02-28', graduate: { graduationDate: '2023-02-28' }, contributionMonths: ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'] }),
    expect: { outcome: 'eligible', amount: 2000 },
  },
  {
    name: 'left school on 28 February: hired on 1 March 2 years later',
    facts: g1({ hireDate: '2025-03-01', graduate: { graduationDate: '2023-02-28' }, contributionMonths: ['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08'] }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['G1_WITHIN_TWO_YEARS'] },
  },
  { name: 'hired before leaving school: a person checks', facts: g1({ graduate: { graduationDate: '2025-07-01' } }), expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_WITHIN_TWO_YEARS'] } },
  {
    name: 'decided on the last day of month 6 (23:59 in Shanghai): not yet',
    facts: g1({ asOf: shanghaiDate(new Date('2025-12-14T15:59:59Z')) }),
    expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_MONTH_SIX_REACHED'] },
  },
  {
    name: 'decided at 00:00 in Shanghai the day after month 6 (still the 14th in UTC)',
    facts: g1({ asOf: shanghaiDate(new Date('2025-12-14T16:00:00Z')) }),
    expect: { outcome: 'eligible', amount: 2000 },
  },
  {
    name: 'hired in December, month 6 falls in the next year: keyed on the hire date',
    facts: g1({ hireDate: '2025-12-20', asOf: '2026-06-20', graduate: { graduationDate: '2025-07-01' }, contributionMonths: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'] }),
    expect: { outcome: 'eligible', amount: 2000, relevantDate: '2025-12-20' },
  },
  {
    name: 'hired on the policy’s last day',
    facts: g1({ hireDate: '2025-12-31', asOf: '2026-07-01', contributionMonths: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] }),
    expect: { outcome: 'eligible', amount: 2000 },
  },
  {
    name: 'hired the day after the policy ended',
    facts: g1({ hireDate: '2026-01-01', asOf: '2026-07-02', contributionMonths: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['G1_IN_FORCE'] },
  },
  { name: 'amount changed mid-year: a hire the day before the change keeps the old amount', facts: g1({ hireDate: '2025-06-30' }), book: raised, expect: { outcome: 'eligible', amount: 2000 } },
  {
    name: 'amount changed mid-year: a hire on the change day gets the new amount',
    facts: g1({ hireDate: '2025-07-01', contributionMonths: ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'] }),
    book: raised,
    expect: { outcome: 'eligible', amount: 2500 },
  },
  { name: 'a large enterprise', facts: g1({ employer: { size: 'large' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_EMPLOYER_SME'] } },
  { name: 'a social organisation', facts: g1({ employer: { kind: 'social_organisation', size: undefined } }), expect: { outcome: 'eligible', amount: 2000 } },
  { name: 'an SOE of SME size: unsettled, a person decides', facts: g1({ employer: { stateOwned: true } }), expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_EMPLOYER_SME'] } },
  { name: 'a government office', facts: g1({ employer: { kind: 'government' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_EMPLOYER_SME'] } },
  { name: 'employer size not on record', facts: g1({ employer: { size: undefined } }), expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_EMPLOYER_SME'] } },
  { name: 'a graduate from another province', facts: g1({ graduate: { schoolProvince: '44' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_LOCAL_GRADUATE'] } },
  { name: 'not an ordinary college', facts: g1({ graduate: { ordinaryHigherEducation: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_LOCAL_GRADUATE'] } },
  {
    name: 'a foreign degree with no 学信网 record',
    facts: g1({ graduate: { ordinaryHigherEducation: undefined, schoolProvince: undefined, graduationDate: undefined } }),
    expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_LOCAL_GRADUATE', 'G1_WITHIN_TWO_YEARS'] },
  },
  { name: 'insured the month before the hire: the test is not settled', facts: g1({ insuredMonthBeforeHire: true }), expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_NOT_EMPLOYED_AT_HIRE'] } },
  {
    name: 'insured the month before the hire, where the administrator made it refuse',
    facts: g1({ insuredMonthBeforeHire: true }),
    book: { ...TEST_PARAMETERS, g1: { ...TEST_PARAMETERS.g1, priorMonthInsuranceRefuses: changedOn(TEST_PARAMETERS.g1.priorMonthInsuranceRefuses, '2025-01-01', true) } },
    expect: { outcome: 'ineligible', amount: 0, fail: ['G1_NOT_EMPLOYED_AT_HIRE'] },
  },
  { name: 'a contract of exactly 12 months', facts: g1({ contract: { end: '2026-06-14' } }), expect: { outcome: 'eligible', amount: 2000 } },
  { name: 'a contract one day short of 12 months', facts: g1({ contract: { end: '2026-06-13' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_CONTRACT_TERM'] } },
  { name: 'contract term not on record', facts: g1({ contract: { end: undefined } }), expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_CONTRACT_TERM'] } },
  { name: 'a labour-dispatch hire', facts: g1({ contract: { dispatch: true } }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_NOT_DISPATCH'] } },
  { name: 'left on the day month 6 ends', facts: g1({ employmentEnd: '2025-12-14' }), expect: { outcome: 'eligible', amount: 2000 } },
  { name: 'left the day before month 6 ends', facts: g1({ employmentEnd: '2025-12-13' }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_STILL_EMPLOYED'] } },
  {
    name: 'a gap in contributions',
    facts: g1({ contributionMonths: ['2025-06', '2025-07', '2025-08', '2025-10', '2025-11', '2025-12'] }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['G1_CONTRIBUTIONS'] },
  },
  {
    name: 'contributions starting the month after the hire',
    facts: g1({ contributionMonths: ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'] }),
    expect: { outcome: 'eligible', amount: 2000 },
  },
  { name: 'no contribution record yet', facts: g1({ contributionMonths: undefined }), expect: { outcome: 'needs_review', amount: 2000, unknown: ['G1_CONTRIBUTIONS'] } },
  { name: 'the person already has G1', facts: g1({ priorAwards: [{ rule: 'G1', claimId: 'C-1' }] }), expect: { outcome: 'ineligible', amount: 0, fail: ['G1_ONCE'] } },
  {
    name: 'the same hire has an exclusive hiring subsidy',
    facts: g1({ priorAwards: [{ rule: 'ABSORB', claimId: 'C-2', sameHire: true }] }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['G1_ONCE'] },
  },
  { name: 'an exclusive subsidy for another hire does not count', facts: g1({ priorAwards: [{ rule: 'ABSORB', claimId: 'C-3', sameHire: false }] }), expect: { outcome: 'eligible', amount: 2000 } },
  {
    name: 'nothing but the hire on record',
    facts: { asOf: '2026-03-01', hireDate: '2025-06-15', employer: {}, graduate: {}, contract: {} },
    expect: {
      outcome: 'needs_review',
      amount: 2000,
      unknown: ['G1_EMPLOYER_SME', 'G1_LOCAL_GRADUATE', 'G1_WITHIN_TWO_YEARS', 'G1_NOT_EMPLOYED_AT_HIRE', 'G1_CONTRACT_TERM', 'G1_NOT_DISPATCH', 'G1_STILL_EMPLOYED', 'G1_CONTRIBUTIONS', 'G1_ONCE'],
    },
  },
];
