import { DEFAULT_PARAMETERS, PublicServicePostFacts, SoeRegisterFacts, TraineeFacts } from '../../core';
import { changedOn, patched, RuleCase, TEST_PARAMETERS } from '../case';

const confirmed = (n: number) => Array.from({ length: n }, () => ({ confirmed: true }));

/** A 雨露计划 graduate in a quota post from 2025-07-01, three months confirmed by the host. */
export const P1_BASE: PublicServicePostFacts = {
  asOf: '2025-10-15',
  group: 'yulu_plan_graduate',
  post: { start: '2025-07-01', quotaPost: true, hostRegistered: true },
  months: confirmed(3),
  priorAwards: [],
};

const p1 = (patch: Parameters<typeof patched<PublicServicePostFacts>>[1]) => patched(P1_BASE, patch);
const ps = TEST_PARAMETERS.publicServicePost;
const withPosts = (patch: Partial<typeof ps>) => ({ ...TEST_PARAMETERS, publicServicePost: { ...ps, ...patch } });
const all = (status: 'payable' | 'pending'): [number, number, string, 'payable' | 'pending'][] => [
  [1, 2010, 'person', status], [2, 2010, 'person', status], [3, 2010, 'person', status], [4, 100, 'person', 'payable'],
];

export const P1_CASES: RuleCase<'P1'>[] = [
  { name: 'three months confirmed', facts: P1_BASE, expect: { outcome: 'eligible', amount: 6130, relevantDate: '2025-07-01', instalments: all('payable') } },
  { name: 'a graduate of a poverty-alleviated household', facts: p1({ group: 'poverty_household_graduate' }), expect: { outcome: 'eligible', amount: 6130 } },
  { name: 'in none of the groups', facts: p1({ group: null }), expect: { outcome: 'ineligible', amount: 0, fail: ['P1_TARGET_GROUP'], instalments: [] } },
  { name: 'in a group the list does not name', facts: p1({ group: 'veteran' }), expect: { outcome: 'ineligible', amount: 0, fail: ['P1_TARGET_GROUP'] } },
  { name: 'group status not on record', facts: p1({ group: undefined }), expect: { outcome: 'needs_review', amount: 6130, unknown: ['P1_TARGET_GROUP'] } },
  {
    name: 'the administrator extends the list ("等")',
    facts: p1({ group: 'low_income_household_graduate' }),
    book: withPosts({ groups: changedOn(ps.groups, '2025-06-01', ['yulu_plan_graduate', 'poverty_household_graduate', 'low_income_household_graduate']) }),
    expect: { outcome: 'eligible', amount: 6130 },
  },
  { name: 'not one of the quota posts', facts: p1({ post: { quotaPost: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['P1_QUOTA_POST'] } },
  { name: 'post not registered by its host unit', facts: p1({ post: { hostRegistered: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['P1_QUOTA_POST'] } },
  { name: 'post registration not on record', facts: p1({ post: { quotaPost: undefined } }), expect: { outcome: 'needs_review', amount: 6130, unknown: ['P1_QUOTA_POST'] } },
  {
    name: 'one month confirmed so far: the others wait',
    facts: p1({ months: confirmed(1) }),
    expect: { outcome: 'eligible', amount: 6130, instalments: [[1, 2010, 'person', 'payable'], [2, 2010, 'person', 'pending'], [3, 2010, 'person', 'pending'], [4, 100, 'person', 'payable']] },
  },
  { name: 'no month confirmed yet', facts: p1({ months: undefined }), expect: { outcome: 'eligible', amount: 6130, instalments: all('pending') } },
  {
    name: 'left during month 3: partial months unsettled by default',
    facts: p1({ months: [...confirmed(2), { confirmed: true, daysServed: 15, days: 30 }] }),
    expect: { outcome: 'needs_review', amount: 6130, unknown: ['P1_PARTIAL_MONTH'] },
  },
  {
    name: 'left during month 3, paid pro rata',
    facts: p1({ months: [...confirmed(2), { confirmed: true, daysServed: 15, days: 30 }] }),
    book: withPosts({ partialMonth: changedOn(ps.partialMonth, '2025-01-01', 'pro_rata') }),
    expect: { outcome: 'eligible', amount: 5125, instalments: [[1, 2010, 'person', 'payable'], [2, 2010, 'person', 'payable'], [3, 1005, 'person', 'payable'], [4, 100, 'person', 'payable']] },
  },
  {
    name: 'left during month 3, paid in full',
    facts: p1({ months: [...confirmed(2), { confirmed: true, daysServed: 15, days: 30 }] }),
    book: withPosts({ partialMonth: changedOn(ps.partialMonth, '2025-01-01', 'full') }),
    expect: { outcome: 'eligible', amount: 6130 },
  },
  {
    name: 'a month not served at all, pro rata',
    facts: p1({ months: [...confirmed(2), { confirmed: true, daysServed: 0, days: 31 }] }),
    book: withPosts({ partialMonth: changedOn(ps.partialMonth, '2025-01-01', 'pro_rata') }),
    expect: { outcome: 'eligible', amount: 4120 },
  },
  { name: 'insurance payee not set (the plan is silent)', facts: P1_BASE, book: DEFAULT_PARAMETERS, expect: { outcome: 'needs_review', amount: 6130, unknown: ['P1_INSURANCE_PAYEE'] } },
  {
    name: 'insurance paid to the host unit',
    facts: P1_BASE,
    book: withPosts({ insurancePayee: changedOn(ps.insurancePayee, '2025-01-01', 'host_unit') }),
    expect: { outcome: 'eligible', amount: 6130, instalments: [[1, 2010, 'person', 'payable'], [2, 2010, 'person', 'payable'], [3, 2010, 'person', 'payable'], [4, 100, 'host_unit', 'payable']] },
  },
  { name: 'the person already has P1', facts: p1({ priorAwards: [{ rule: 'P1', claimId: 'C-4' }] }), expect: { outcome: 'ineligible', amount: 0, fail: ['P1_ONCE'] } },
  { name: 'earlier awards not on record', facts: p1({ priorAwards: undefined }), expect: { outcome: 'needs_review', amount: 6130, unknown: ['P1_ONCE'] } },
  {
    name: 'monthly amount changed mid-year: a post from the day before keeps the old amount',
    facts: p1({ post: { start: '2025-06-30' } }),
    book: withPosts({ monthly: changedOn(ps.monthly, '2025-07-01', 2100) }),
    expect: { outcome: 'eligible', amount: 6130 },
  },
  {
    name: 'monthly amount changed mid-year: a post from the change day',
    facts: P1_BASE,
    book: withPosts({ monthly: changedOn(ps.monthly, '2025-07-01', 2100) }),
    expect: { outcome: 'eligible', amount: 6400 },
  },
  { name: 'a post from December: its months run into the next year', facts: p1({ post: { start: '2025-12-15' }, asOf: '2026-03-20' }), expect: { outcome: 'eligible', amount: 6130, relevantDate: '2025-12-15' } },
];

/** A 6-month traineeship from 2025-03-01 served in full at a host of 20 staff with 6 trainees; injury premium 120 yuan. */
export const J1_BASE: TraineeFacts = {
  asOf: '2025-12-01',
  traineeship: { start: '2025-03-01', plannedMonths: 6, monthsServed: 6, contractSignedOn: null },
  contractedAndInsuredBefore: false,
  host: { staff: 20, trainees: 6 },
  injuryPremium: 120,
  priorAwards: [],
};

const j1 = (patch: Parameters<typeof patched<TraineeFacts>>[1]) => patched(J1_BASE, patch);
const tn = TEST_PARAMETERS.trainee;

export const J1_CASES: RuleCase<'J1'>[] = [
  { name: 'six months served', facts: J1_BASE, expect: { outcome: 'eligible', amount: 9720, relevantDate: '2025-03-01', instalments: [[1, 9600, 'host_unit', 'payable'], [2, 120, 'host_unit', 'payable']] } },
  { name: 'trainees exactly at the cap (30% of 20)', facts: j1({ host: { trainees: 6 } }), expect: { outcome: 'eligible', amount: 9720 } },
  { name: 'one trainee over the cap', facts: j1({ host: { trainees: 7 } }), expect: { outcome: 'ineligible', amount: 0, fail: ['J1_STAFF_CAP'] } },
  { name: 'staff count not on record', facts: j1({ host: { staff: undefined } }), expect: { outcome: 'needs_review', amount: 9720, unknown: ['J1_STAFF_CAP'] } },
  { name: 'standard and cap not set by the administrator', facts: J1_BASE, book: DEFAULT_PARAMETERS, expect: { outcome: 'needs_review', amount: 120, unknown: ['J1_STANDARD', 'J1_STAFF_CAP'] } },
  { name: 'already contracted and insured at the host', facts: j1({ contractedAndInsuredBefore: true }), expect: { outcome: 'ineligible', amount: 0, fail: ['J1_NOT_ALREADY_EMPLOYED'] } },
  { name: 'earlier contract not checked', facts: j1({ contractedAndInsuredBefore: undefined }), expect: { outcome: 'needs_review', amount: 9720, unknown: ['J1_NOT_ALREADY_EMPLOYED'] } },
  { name: 'left after 4 months without a contract', facts: j1({ traineeship: { monthsServed: 4 } }), expect: { outcome: 'eligible', amount: 6520 } },
  { name: 'left within the first month', facts: j1({ traineeship: { monthsServed: 0 } }), expect: { outcome: 'ineligible', amount: 0, fail: ['J1_MONTHS'] } },
  { name: 'months served not on record', facts: j1({ traineeship: { monthsServed: undefined } }), expect: { outcome: 'needs_review', amount: 9720, unknown: ['J1_MONTHS'] } },
  { name: 'more months served than planned', facts: j1({ traineeship: { monthsServed: 8 } }), expect: { outcome: 'eligible', amount: 9720 } },
  { name: 'contract signed in month 3: the remaining months are paid', facts: j1({ traineeship: { monthsServed: 2, contractSignedOn: '2025-05-15' } }), expect: { outcome: 'eligible', amount: 9720 } },
  { name: 'contract signed on the traineeship’s last day', facts: j1({ traineeship: { monthsServed: 5, contractSignedOn: '2025-08-31' } }), expect: { outcome: 'eligible', amount: 9720 } },
  { name: 'contract signed the day after the traineeship', facts: j1({ traineeship: { monthsServed: 5, contractSignedOn: '2025-09-01' } }), expect: { outcome: 'eligible', amount: 8120 } },
  {
    name: 'contract signed after the remaining-months measure ended',
    facts: j1({ traineeship: { start: '2025-10-01', monthsServed: 3, contractSignedOn: '2026-01-15' }, asOf: '2026-04-01' }),
    expect: { outcome: 'eligible', amount: 4920 },
  },
  {
    name: 'a traineeship from 2026: no injury-insurance subsidy',
    facts: j1({ traineeship: { start: '2026-01-05' }, asOf: '2026-08-01' }),
    expect: { outcome: 'eligible', amount: 9600, instalments: [[1, 9600, 'host_unit', 'payable']] },
  },
  {
    name: 'a traineeship from December: its months run into the next year, keyed on the start',
    facts: j1({ traineeship: { start: '2025-12-15' }, asOf: '2026-07-01' }),
    expect: { outcome: 'eligible', amount: 9720, relevantDate: '2025-12-15' },
  },
  { name: 'injury premium not on record', facts: j1({ injuryPremium: undefined }), expect: { outcome: 'needs_review', amount: 9600, unknown: ['J1_INJURY_INSURANCE'] } },
  { name: 'no single-risk injury insurance', facts: j1({ injuryPremium: null }), expect: { outcome: 'eligible', amount: 9600 } },
  {
    name: 'standard changed mid-year: a start the day before keeps the old standard',
    facts: j1({ traineeship: { start: '2025-06-30' } }),
    book: { ...TEST_PARAMETERS, trainee: { ...tn, monthlyStandard: changedOn(tn.monthlyStandard, '2025-07-01', 1700) } },
    expect: { outcome: 'eligible', amount: 9720 },
  },
  {
    name: 'standard changed mid-year: a start on the change day',
    facts: j1({ traineeship: { start: '2025-07-01' } }),
    book: { ...TEST_PARAMETERS, trainee: { ...tn, monthlyStandard: changedOn(tn.monthlyStandard, '2025-07-01', 1700) } },
    expect: { outcome: 'eligible', amount: 10320 },
  },
  { name: 'this traineeship already claimed', facts: j1({ priorAwards: [{ rule: 'J1', claimId: 'C-3', sameHire: true }] }), expect: { outcome: 'ineligible', amount: 0, fail: ['J1_ONCE'] } },
  { name: 'another traineeship claimed earlier', facts: j1({ priorAwards: [{ rule: 'J1', claimId: 'C-2', sameHire: false }] }), expect: { outcome: 'eligible', amount: 9720 } },
  { name: 'earlier claims not on record', facts: j1({ priorAwards: undefined }), expect: { outcome: 'needs_review', amount: 9720, unknown: ['J1_ONCE'] } },
];

/** A state-owned enterprise hires a 2025 graduate on 2026-05-10. */
export const S1_BASE: SoeRegisterFacts = {
  hireDate: '2026-05-10',
  stateOwned: true,
  graduate: { higherEducation: true, graduationDate: '2025-07-01' },
};

const s1 = (patch: Parameters<typeof patched<SoeRegisterFacts>>[1]) => patched(S1_BASE, patch);
const endedMidYear = { ...TEST_PARAMETERS, soeRegister: { active: changedOn(TEST_PARAMETERS.soeRegister.active, '2026-07-01', null) } };
const registered = (relevantDate: string) => ({ outcome: 'eligible' as const, amount: 0, relevantDate });

export const S1_CASES: RuleCase<'S1'>[] = [
  { name: 'an SOE graduate hire', facts: S1_BASE, expect: registered('2026-06-30') },
  { name: 'hired on the policy’s last day', facts: s1({ hireDate: '2026-12-31' }), expect: registered('2026-12-31') },
  { name: 'hired in the quarter after the policy ended', facts: s1({ hireDate: '2027-01-01' }), expect: { outcome: 'ineligible', amount: 0, fail: ['S1_IN_FORCE'], relevantDate: '2027-03-31' } },
  { name: 'hired in 2025', facts: s1({ hireDate: '2025-03-01' }), expect: registered('2025-03-31') },
  { name: 'hired before the (provisional) start', facts: s1({ hireDate: '2024-12-31' }), expect: { outcome: 'ineligible', amount: 0, fail: ['S1_IN_FORCE'] } },
  { name: 'hired on the first day of a quarter', facts: s1({ hireDate: '2026-10-01' }), expect: registered('2026-12-31') },
  { name: 'hired on the last day of a quarter', facts: s1({ hireDate: '2026-03-31' }), expect: registered('2026-03-31') },
  { name: 'hired in February', facts: s1({ hireDate: '2026-02-28' }), expect: registered('2026-03-31') },
  { name: 'not state-owned', facts: s1({ stateOwned: false }), expect: { outcome: 'ineligible', amount: 0, fail: ['S1_STATE_OWNED'] } },
  { name: 'ownership not on record', facts: s1({ stateOwned: undefined }), expect: { outcome: 'needs_review', amount: 0, unknown: ['S1_STATE_OWNED'] } },
  { name: 'not a higher-education graduate', facts: s1({ graduate: { higherEducation: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['S1_GRADUATE'] } },
  { name: 'education not on record', facts: s1({ graduate: { higherEducation: undefined } }), expect: { outcome: 'needs_review', amount: 0, unknown: ['S1_GRADUATE'] } },
  { name: 'neither on record', facts: s1({ stateOwned: undefined, graduate: { higherEducation: undefined } }), expect: { outcome: 'needs_review', amount: 0, unknown: ['S1_STATE_OWNED', 'S1_GRADUATE'] } },
  { name: 'neither an SOE nor a graduate', facts: s1({ stateOwned: false, graduate: { higherEducation: false } }), expect: { outcome: 'ineligible', amount: 0, fail: ['S1_STATE_OWNED', 'S1_GRADUATE'] } },
  { name: 'an unknown graduate at a private firm: the failure decides', facts: s1({ stateOwned: false, graduate: { higherEducation: undefined } }), expect: { outcome: 'ineligible', amount: 0, fail: ['S1_STATE_OWNED'], unknown: ['S1_GRADUATE'] } },
  { name: 'a graduate who left school years before still counts', facts: s1({ graduate: { graduationDate: '2020-07-01' } }), expect: registered('2026-06-30') },
  { name: 'policy ended mid-year: a hire in the last quarter in force', facts: s1({ hireDate: '2026-06-30' }), book: endedMidYear, expect: registered('2026-06-30') },
  { name: 'policy ended mid-year: a hire in the next quarter', facts: s1({ hireDate: '2026-07-01' }), book: endedMidYear, expect: { outcome: 'ineligible', amount: 0, fail: ['S1_IN_FORCE'] } },
  { name: 'hired in December of the last year', facts: s1({ hireDate: '2026-12-15' }), expect: registered('2026-12-31') },
  { name: 'graduation date unknown: still registered', facts: s1({ graduate: { graduationDate: undefined } }), expect: registered('2026-06-30') },
];
