import { addDays, addMonthsToMonth, monthOf } from '@app/clock/shanghai-calendar';
import fc from 'fast-check';
import { PriorAward, RuleCode, RuleFacts } from '../core';

/** A Shanghai date between 2024-01-01 and 2027-06-30. */
export const dateArb = fc.integer({ min: 0, max: 1276 }).map((d) => addDays('2024-01-01', d));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const priorArb: fc.Arbitrary<PriorAward[]> = fc.array(
  fc.record({ rule: fc.constantFrom('G1', 'I1', 'I2', 'T1', 'P1', 'J1', 'ABSORB'), claimId: fc.string({ minLength: 1, maxLength: 4 }), sameHire: fc.boolean() }),
  { maxLength: 2 },
);
const monthsFrom = (date: string) =>
  fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 9 }).map((offsets) => offsets.map((k) => addMonthsToMonth(monthOf(date), k)));

const g1: fc.Arbitrary<RuleFacts['G1']> = dateArb.chain((hireDate) =>
  fc.record({
    asOf: fc.integer({ min: 0, max: 400 }).map((d) => addDays(hireDate, d)),
    hireDate: fc.constant(hireDate),
    employer: fc.record({
      kind: maybe(fc.constantFrom('enterprise', 'social_organisation', 'public_institution', 'government') as fc.Arbitrary<'enterprise'>),
      size: maybe(fc.constantFrom('micro', 'small', 'medium', 'large') as fc.Arbitrary<'small'>),
      stateOwned: maybe(fc.boolean()),
    }),
    graduate: fc.record({
      ordinaryHigherEducation: maybe(fc.boolean()),
      schoolProvince: maybe(fc.constantFrom('46', '44')),
      graduationDate: maybe(fc.integer({ min: -900, max: 30 }).map((d) => addDays(hireDate, d))),
    }),
    insuredMonthBeforeHire: maybe(fc.boolean()),
    contract: fc.record({ end: maybe(orNull(fc.integer({ min: 100, max: 800 }).map((d) => addDays(hireDate, d)))), dispatch: maybe(fc.boolean()) }),
    contributionMonths: maybe(monthsFrom(hireDate)),
    employmentEnd: maybe(orNull(fc.integer({ min: 0, max: 400 }).map((d) => addDays(hireDate, d)))),
    priorAwards: maybe(priorArb),
  }),
);

const businessArb = fc.record({
  status: maybe(fc.constantFrom('active', 'active', 'deregistered', 'revoked') as fc.Arbitrary<'active'>),
  abnormalList: maybe(fc.boolean()),
  lastTaxFilingMonth: maybe(orNull(dateArb.map(monthOf))),
});

const i1: fc.Arbitrary<RuleFacts['I1']> = fc.record({
  asOf: dateArb,
  registeredOn: maybe(dateArb),
  operatorEarlierBusinesses: maybe(fc.nat(2)),
  employmentRegistration: maybe(orNull(fc.record({ type: fc.constantFrom('self_employed', 'unit', 'flexible') as fc.Arbitrary<'self_employed'>, date: dateArb }))),
  business: businessArb,
  priorAwards: maybe(priorArb),
});

const registrationArb = fc.record({
  personId: fc.string({ maxLength: 3 }),
  from: dateArb,
  to: orNull(dateArb),
}).map((r) => (r.to !== null && r.to < r.from ? { ...r, to: r.from } : r));

const i2: fc.Arbitrary<RuleFacts['I2']> = fc.record({
  asOf: dateArb,
  registeredOn: maybe(dateArb),
  registrations: maybe(fc.array(registrationArb, { maxLength: 6 })),
  business: businessArb,
  priorAwards: maybe(priorArb),
});

const t1: fc.Arbitrary<RuleFacts['T1']> = dateArb.chain((start) =>
  fc.record({
    asOf: fc.integer({ min: 0, max: 500 }).map((d) => addDays(start, d)),
    course: fc.record({ subsidised: maybe(fc.boolean()), start: maybe(fc.constant(start)) }),
    certificate: fc.record({ date: maybe(fc.integer({ min: -10, max: 120 }).map((d) => addDays(start, d))), valid: maybe(fc.boolean()) }),
    employment: maybe(orNull(fc.record({
      start: fc.integer({ min: 0, max: 400 }).map((d) => addDays(start, d)),
      evidence: fc.constantFrom('insurance', 'registration') as fc.Arbitrary<'insurance'>,
      insuredBeforeCourse: maybe(fc.boolean()),
    }))),
    priorAwards: maybe(priorArb),
  }),
);

const traineeRowArb = fc.record({ personId: fc.string({ maxLength: 3 }), certified: maybe(fc.boolean()), placed: maybe(fc.boolean()), paidBefore: maybe(fc.boolean()) });
const t2: fc.Arbitrary<RuleFacts['T2']> = dateArb.chain((courseStart) =>
  fc.record({
    project: fc.record({ filedOn: maybe(fc.integer({ min: -60, max: 10 }).map((d) => addDays(courseStart, d))), courseStart: fc.constant(courseStart), plannedHeadcount: maybe(fc.nat(15)) }),
    trainees: maybe(fc.array(traineeRowArb, { maxLength: 20 })),
  }),
);

const p1: fc.Arbitrary<RuleFacts['P1']> = fc.record({
  asOf: dateArb,
  group: maybe(orNull(fc.constantFrom('yulu_plan_graduate', 'poverty_household_graduate', 'veteran'))),
  post: fc.record({ start: dateArb, quotaPost: maybe(fc.boolean()), hostRegistered: maybe(fc.boolean()) }),
  months: maybe(fc.array(fc.record({ confirmed: fc.boolean(), daysServed: maybe(fc.nat(31)), days: maybe(fc.integer({ min: 28, max: 31 })) }), { maxLength: 3 })),
  priorAwards: maybe(priorArb),
});

const j1: fc.Arbitrary<RuleFacts['J1']> = dateArb.chain((start) =>
  fc.record({
    asOf: fc.constant(addDays(start, 400)),
    traineeship: fc.record({
      start: fc.constant(start),
      plannedMonths: fc.integer({ min: 1, max: 12 }),
      monthsServed: maybe(fc.nat(13)),
      contractSignedOn: maybe(orNull(fc.integer({ min: -5, max: 400 }).map((d) => addDays(start, d)))),
    }),
    contractedAndInsuredBefore: maybe(fc.boolean()),
    host: fc.record({ staff: maybe(fc.nat(200)), trainees: maybe(fc.nat(60)) }),
    injuryPremium: maybe(orNull(fc.integer({ min: 0, max: 500 }))),
    priorAwards: maybe(priorArb),
  }),
);

const s1: fc.Arbitrary<RuleFacts['S1']> = fc.record({
  hireDate: dateArb,
  stateOwned: maybe(fc.boolean()),
  graduate: fc.record({ higherEducation: maybe(fc.boolean()), graduationDate: maybe(dateArb) }),
});

/** Facts for each rule, every piece of evidence sometimes missing. */
export const FACTS_ARBITRARIES: { [R in RuleCode]: fc.Arbitrary<RuleFacts[R]> } = { G1: g1, I1: i1, I2: i2, T1: t1, T2: t2, P1: p1, J1: j1, S1: s1 };

/**
 * The evidence a rule reads, as paths into its facts: removing any of them is "evidence missing". The claim's
 * own identity (hire date, course start, post start, traineeship plan) and the decision day are not evidence.
 */
export const EVIDENCE_PATHS: { [R in RuleCode]: string[] } = {
  G1: ['employer.kind', 'employer.size', 'employer.stateOwned', 'graduate.ordinaryHigherEducation', 'graduate.schoolProvince', 'graduate.graduationDate', 'insuredMonthBeforeHire', 'contract.end', 'contract.dispatch', 'contributionMonths', 'employmentEnd', 'priorAwards'],
  I1: ['registeredOn', 'operatorEarlierBusinesses', 'employmentRegistration', 'business.status', 'business.abnormalList', 'business.lastTaxFilingMonth', 'priorAwards'],
  I2: ['registrations', 'business.status', 'business.abnormalList', 'business.lastTaxFilingMonth', 'priorAwards'],
  T1: ['course.subsidised', 'course.start', 'certificate.date', 'certificate.valid', 'employment', 'priorAwards'],
  T2: ['project.filedOn', 'project.plannedHeadcount', 'trainees'],
  P1: ['group', 'post.quotaPost', 'post.hostRegistered', 'priorAwards'],
  J1: ['traineeship.monthsServed', 'contractedAndInsuredBefore', 'host.staff', 'host.trainees', 'injuryPremium', 'priorAwards'],
  S1: ['stateOwned', 'graduate.higherEducation', 'graduate.graduationDate'],
};

/** A copy of `facts` with the evidence at `path` removed. */
export function withoutEvidence<T>(facts: T, path: string): T {
  const [head, tail] = path.split('.');
  const copy = { ...(facts as Record<string, unknown>) };
  if (tail === undefined) copy[head] = undefined;
  else copy[head] = { ...(copy[head] as Record<string, unknown>), [tail]: undefined };
  return copy as T;
}
