import { BusinessHiringFacts, FirstBusinessFacts } from '../../core';
import { changedOn, patched, RuleCase, TEST_PARAMETERS } from '../case';

/** A first business registered 2025-05-10, its operator registered as self-employed on 2025-05-20, decided 2025-09-10. */
export const I1_BASE: FirstBusinessFacts = {
  asOf: '2025-09-10',
  registeredOn: '2025-05-10',
  operatorEarlierBusinesses: 0,
  employmentRegistration: { type: 'self_employed', date: '2025-05-20' },
  business: { status: 'active', abnormalList: false, lastTaxFilingMonth: '2025-08' },
  priorAwards: [],
};

const i1 = (patch: Parameters<typeof patched<FirstBusinessFacts>>[1]) => patched(I1_BASE, patch);
const ib = TEST_PARAMETERS.individualBusiness;
const withBusiness = (patch: Partial<typeof ib>) => ({ ...TEST_PARAMETERS, individualBusiness: { ...ib, ...patch } });
const combinable = (value: 'yes' | 'no') => withBusiness({ combinable: changedOn(ib.combinable, '2025-01-01', value) });

export const I1_CASES: RuleCase<'I1'>[] = [
  { name: 'every condition met', facts: I1_BASE, expect: { outcome: 'eligible', amount: 300, relevantDate: '2025-05-20' } },
  {
    name: 'registered on the policy’s last day',
    facts: i1({ registeredOn: '2025-12-01', employmentRegistration: { type: 'self_employed', date: '2025-12-31' }, asOf: '2026-01-05', business: { lastTaxFilingMonth: '2025-12' } }),
    expect: { outcome: 'eligible', amount: 300, relevantDate: '2025-12-31' },
  },
  {
    name: 'employment registration the day after the policy ended',
    facts: i1({ registeredOn: '2025-12-01', employmentRegistration: { type: 'self_employed', date: '2026-01-01' }, asOf: '2026-01-05', business: { lastTaxFilingMonth: '2025-12' } }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['I1_IN_FORCE'] },
  },
  {
    name: 'business registered after the deadline, employment registered before it',
    facts: i1({ registeredOn: '2026-01-02', employmentRegistration: { type: 'self_employed', date: '2025-12-20' }, asOf: '2026-02-05', business: { lastTaxFilingMonth: '2026-01' } }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['I1_IN_FORCE'] },
  },
  { name: 'the operator had an earlier business', facts: i1({ operatorEarlierBusinesses: 1 }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_FIRST_BUSINESS'] } },
  { name: 'registration history not on record', facts: i1({ operatorEarlierBusinesses: undefined }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_FIRST_BUSINESS'] } },
  { name: 'registered as a unit employee, not self-employed', facts: i1({ employmentRegistration: { type: 'unit', date: '2025-05-20' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_EMPLOYMENT_REGISTERED'] } },
  { name: 'no employment registration', facts: i1({ employmentRegistration: null }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_EMPLOYMENT_REGISTERED'] } },
  { name: 'employment registration not checked yet', facts: i1({ employmentRegistration: undefined }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_EMPLOYMENT_REGISTERED'], relevantDate: '2025-05-10' } },
  { name: 'deregistered (注销)', facts: i1({ business: { status: 'deregistered' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_OPERATING'] } },
  { name: 'revoked (吊销)', facts: i1({ business: { status: 'revoked' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_OPERATING'] } },
  { name: 'on the abnormal-operations list', facts: i1({ business: { abnormalList: true } }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_OPERATING'] } },
  { name: 'registration status not on record', facts: i1({ business: { status: undefined } }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_OPERATING'] } },
  { name: 'tax filed exactly 3 months before the decision month', facts: i1({ business: { lastTaxFilingMonth: '2025-06' } }), expect: { outcome: 'eligible', amount: 300 } },
  { name: 'tax filed 4 months before: a person judges normal operation', facts: i1({ business: { lastTaxFilingMonth: '2025-05' } }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_TAX_FILING'] } },
  { name: 'no tax filing on record', facts: i1({ business: { lastTaxFilingMonth: null } }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_TAX_FILING'] } },
  { name: 'the household already has I1', facts: i1({ priorAwards: [{ rule: 'I1', claimId: 'C-9' }] }), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_ONCE'] } },
  { name: 'the household has I2, combination unsettled', facts: i1({ priorAwards: [{ rule: 'I2', claimId: 'C-8' }] }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_WITH_I2'] } },
  { name: 'the household has I2, the two add up', facts: i1({ priorAwards: [{ rule: 'I2', claimId: 'C-8' }] }), book: combinable('yes'), expect: { outcome: 'eligible', amount: 300 } },
  { name: 'the household has I2, the two do not add up', facts: i1({ priorAwards: [{ rule: 'I2', claimId: 'C-8' }] }), book: combinable('no'), expect: { outcome: 'ineligible', amount: 0, fail: ['I1_WITH_I2'] } },
  { name: 'earlier awards not on record', facts: i1({ priorAwards: undefined }), expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_ONCE', 'I1_WITH_I2'] } },
  {
    name: 'amount changed mid-year: conditions met the day before the change',
    facts: i1({ employmentRegistration: { type: 'self_employed', date: '2025-06-30' } }),
    book: withBusiness({ i1Amount: changedOn(ib.i1Amount, '2025-07-01', 400) }),
    expect: { outcome: 'eligible', amount: 300 },
  },
  {
    name: 'amount changed mid-year: conditions met on the change day',
    facts: i1({ employmentRegistration: { type: 'self_employed', date: '2025-07-01' } }),
    book: withBusiness({ i1Amount: changedOn(ib.i1Amount, '2025-07-01', 400) }),
    expect: { outcome: 'eligible', amount: 400 },
  },
  {
    name: 'no dates on record',
    facts: i1({ registeredOn: undefined, employmentRegistration: undefined }),
    expect: { outcome: 'needs_review', amount: 300, unknown: ['I1_IN_FORCE', 'I1_EMPLOYMENT_REGISTERED'] },
  },
];

/** A business with its operator (from 2025-03-01) and two employees (2025-04-01, 2025-05-10), decided 2025-09-10. */
export const I2_BASE: BusinessHiringFacts = {
  asOf: '2025-09-10',
  registeredOn: '2025-03-01',
  registrations: [
    { personId: 'operator', from: '2025-03-01', to: null },
    { personId: 'a', from: '2025-04-01', to: null },
    { personId: 'b', from: '2025-05-10', to: null },
  ],
  business: { status: 'active', abnormalList: false, lastTaxFilingMonth: '2025-08' },
  priorAwards: [],
};

const i2 = (patch: Parameters<typeof patched<BusinessHiringFacts>>[1]) => patched(I2_BASE, patch);
const people = (...rows: [string, string, string | null][]) => rows.map(([personId, from, to]) => ({ personId, from, to }));

export const I2_CASES: RuleCase<'I2'>[] = [
  { name: 'three registered together from 2025-05-10', facts: I2_BASE, expect: { outcome: 'eligible', amount: 1000, relevantDate: '2025-05-10' } },
  { name: 'two people only', facts: i2({ registrations: people(['operator', '2025-03-01', null], ['a', '2025-04-01', null]) }), expect: { outcome: 'ineligible', amount: 0, fail: ['I2_HEADCOUNT'] } },
  {
    name: 'three people, never on one date',
    facts: i2({ registrations: people(['operator', '2025-03-01', null], ['a', '2025-04-01', '2025-05-09'], ['b', '2025-05-10', null]) }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['I2_HEADCOUNT'] },
  },
  {
    name: 'three people overlapping on exactly one day',
    facts: i2({ registrations: people(['operator', '2025-03-01', null], ['a', '2025-04-01', '2025-05-10'], ['b', '2025-05-10', null]) }),
    expect: { outcome: 'eligible', amount: 1000, relevantDate: '2025-05-10' },
  },
  {
    name: 'the third registered the day after the policy ended',
    facts: i2({ asOf: '2026-02-01', registrations: people(['operator', '2025-03-01', null], ['a', '2025-04-01', null], ['b', '2026-01-01', null]), business: { lastTaxFilingMonth: '2026-01' } }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['I2_IN_FORCE'] },
  },
  {
    name: 'the third registered on the policy’s last day',
    facts: i2({ asOf: '2026-02-01', registrations: people(['operator', '2025-03-01', null], ['a', '2025-04-01', null], ['b', '2025-12-31', null]), business: { lastTaxFilingMonth: '2026-01' } }),
    expect: { outcome: 'eligible', amount: 1000, relevantDate: '2025-12-31' },
  },
  { name: 'registrations not on record', facts: i2({ registrations: undefined }), expect: { outcome: 'needs_review', amount: 1000, unknown: ['I2_IN_FORCE', 'I2_HEADCOUNT'] } },
  {
    name: 'five people',
    facts: i2({ registrations: people(['operator', '2025-03-01', null], ['a', '2025-04-01', null], ['b', '2025-05-10', null], ['c', '2025-06-01', null], ['d', '2025-06-02', null]) }),
    expect: { outcome: 'eligible', amount: 1000, relevantDate: '2025-05-10' },
  },
  {
    name: 'three employees after the operator stopped',
    facts: i2({ registrations: people(['operator', '2025-03-01', '2025-03-31'], ['a', '2025-04-01', null], ['b', '2025-05-10', null], ['c', '2025-06-01', null]) }),
    expect: { outcome: 'eligible', amount: 1000, relevantDate: '2025-06-01' },
  },
  {
    name: 'the administrator raised the minimum to 4',
    facts: I2_BASE,
    book: withBusiness({ i2MinimumPeople: changedOn(ib.i2MinimumPeople, '2025-01-01', 4) }),
    expect: { outcome: 'ineligible', amount: 0, fail: ['I2_HEADCOUNT'] },
  },
  { name: 'deregistered', facts: i2({ business: { status: 'deregistered' } }), expect: { outcome: 'ineligible', amount: 0, fail: ['I2_OPERATING'] } },
  { name: 'on the abnormal-operations list', facts: i2({ business: { abnormalList: true } }), expect: { outcome: 'ineligible', amount: 0, fail: ['I2_OPERATING'] } },
  { name: 'abnormal list not checked', facts: i2({ business: { abnormalList: undefined } }), expect: { outcome: 'needs_review', amount: 1000, unknown: ['I2_OPERATING'] } },
  { name: 'no recent tax filing', facts: i2({ business: { lastTaxFilingMonth: '2025-01' } }), expect: { outcome: 'needs_review', amount: 1000, unknown: ['I2_TAX_FILING'] } },
  { name: 'the household already has I2', facts: i2({ priorAwards: [{ rule: 'I2', claimId: 'C-7' }] }), expect: { outcome: 'ineligible', amount: 0, fail: ['I2_ONCE'] } },
  { name: 'the household has I1, combination unsettled', facts: i2({ priorAwards: [{ rule: 'I1', claimId: 'C-6' }] }), expect: { outcome: 'needs_review', amount: 1000, unknown: ['I2_WITH_I1'] } },
  { name: 'the household has I1, the two add up', facts: i2({ priorAwards: [{ rule: 'I1', claimId: 'C-6' }] }), book: combinable('yes'), expect: { outcome: 'eligible', amount: 1000 } },
  { name: 'the household has I1, the two do not add up', facts: i2({ priorAwards: [{ rule: 'I1', claimId: 'C-6' }] }), book: combinable('no'), expect: { outcome: 'ineligible', amount: 0, fail: ['I2_WITH_I1'] } },
  { name: 'earlier awards not on record', facts: i2({ priorAwards: undefined }), expect: { outcome: 'needs_review', amount: 1000, unknown: ['I2_ONCE', 'I2_WITH_I1'] } },
  {
    name: 'amount changed mid-year on the day the headcount was reached',
    facts: I2_BASE,
    book: withBusiness({ i2Amount: changedOn(ib.i2Amount, '2025-05-10', 1200) }),
    expect: { outcome: 'eligible', amount: 1200 },
  },
  {
    name: 'amount changed mid-year the day after the headcount was reached',
    facts: I2_BASE,
    book: withBusiness({ i2Amount: changedOn(ib.i2Amount, '2025-05-11', 1200) }),
    expect: { outcome: 'eligible', amount: 1000 },
  },
];
