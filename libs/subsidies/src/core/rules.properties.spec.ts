import { addDays, addMonthsToMonth, monthOf } from '@app/clock/shanghai-calendar';
import { changedOn, EVIDENCE_PATHS, FACTS_ARBITRARIES, G1_BASE, T2_BASE, TEST_PARAMETERS, withoutEvidence } from '@app/subsidies/testing';
import fc from 'fast-check';
import { decide, decideBusinessHiring, decideGraduateHiring, decideOrderTraining, DEFAULT_PARAMETERS, RuleCode, RuleFacts } from './index';

const RULE_CODES: RuleCode[] = ['G1', 'I1', 'I2', 'T1', 'T2', 'P1', 'J1', 'S1'];
const BOOKS = [TEST_PARAMETERS, DEFAULT_PARAMETERS];
const failing = (rule: RuleCode, facts: unknown, book = TEST_PARAMETERS) =>
  new Set(decide(rule, facts as RuleFacts[typeof rule], book).checks.filter((c) => c.verdict === 'fail').map((c) => c.code));

describe.each(RULE_CODES)('%s properties', (rule) => {
  const facts = FACTS_ARBITRARIES[rule] as fc.Arbitrary<RuleFacts[typeof rule]>;

  it('the outcome follows the checks; amounts are never negative; refusals pay nothing', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...BOOKS), (f, book) => {
        const decision = decide(rule, f, book);
        const fails = decision.checks.some((c) => c.verdict === 'fail');
        const unknown = decision.checks.some((c) => c.verdict === 'unknown');
        expect(decision.outcome).toBe(fails ? 'ineligible' : unknown ? 'needs_review' : 'eligible');
        expect(decision.amount).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(decision.amount)).toBe(true);
        for (const instalment of decision.instalments) expect(instalment.amount).toBeGreaterThanOrEqual(0);
        if (decision.outcome === 'ineligible') {
          expect(decision.amount).toBe(0);
          expect(decision.instalments).toEqual([]);
        }
        for (const check of decision.checks) expect(Boolean(check.zh && check.en && check.basis)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('missing evidence is never a refusal: removing evidence fails no check that passed', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...EVIDENCE_PATHS[rule]), (f, path) => {
        const before = failing(rule, f);
        const after = failing(rule, withoutEvidence(f, path));
        for (const code of after) expect(before.has(code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is pure: the same facts give the same decision and are not changed', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const frozen = structuredClone(f);
        expect(decide(rule, f, TEST_PARAMETERS)).toEqual(decide(rule, f, TEST_PARAMETERS));
        expect(f).toEqual(frozen);
      }),
      { numRuns: 100 },
    );
  });
});

describe('monotonicity', () => {
  /** Hires like the case file's base (mostly eligible), at any date of 2025, decided any day in the next 400. */
  const likelyEligible = fc.record({ hire: fc.nat(364), decided: fc.nat(400), graduated: fc.nat(700) }).map(({ hire, decided, graduated }) => {
    const hireDate = addDays('2025-01-01', hire);
    return {
      ...G1_BASE,
      hireDate,
      asOf: addDays(hireDate, decided),
      graduate: { ...G1_BASE.graduate, graduationDate: addDays(hireDate, -graduated) },
      contributionMonths: Array.from({ length: 8 }, (_, k) => addMonthsToMonth(monthOf(hireDate), k)),
    };
  });

  it('G1: an eligible decision stays eligible when decided later', () => {
    let eligible = 0;
    fc.assert(
      fc.property(fc.oneof(likelyEligible, FACTS_ARBITRARIES.G1), fc.nat(400), (f, later) => {
        if (decideGraduateHiring(f, TEST_PARAMETERS).outcome !== 'eligible') return;
        eligible++;
        expect(decideGraduateHiring({ ...f, asOf: addDays(f.asOf, later) }, TEST_PARAMETERS).outcome).toBe('eligible');
      }),
    );
    expect(eligible).toBeGreaterThan(10);
  });

  it('G1: more contribution months never fail a claim that passed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2, max: 9 }), { maxLength: 12 }), fc.array(fc.integer({ min: -2, max: 9 }), { maxLength: 4 }), (months, extra) => {
        const toMonths = (offsets: number[]) => offsets.map((k) => addMonthsToMonth(monthOf(G1_BASE.hireDate), k));
        const base = decideGraduateHiring({ ...G1_BASE, contributionMonths: toMonths(months) }, TEST_PARAMETERS).outcome;
        const more = decideGraduateHiring({ ...G1_BASE, contributionMonths: toMonths([...months, ...extra]) }, TEST_PARAMETERS).outcome;
        if (base === 'eligible') expect(more).toBe('eligible');
        if (more === 'ineligible') expect(base).toBe('ineligible');
      }),
    );
  });

  it('G1: a higher amount parameter never lowers the award', () => {
    fc.assert(
      fc.property(FACTS_ARBITRARIES.G1, fc.integer({ min: 0, max: 3000 }), (f, raise) => {
        const book = { ...TEST_PARAMETERS, g1: { ...TEST_PARAMETERS.g1, amount: TEST_PARAMETERS.g1.amount.map((e) => (e.value === null ? e : { ...e, value: e.value + raise })) } };
        expect(decideGraduateHiring(f, book).amount).toBeGreaterThanOrEqual(decideGraduateHiring(f, TEST_PARAMETERS).amount);
      }),
    );
  });

  it('T2: another placed trainee never lowers the grant, which never exceeds the plan', () => {
    fc.assert(
      fc.property(FACTS_ARBITRARIES.T2, (f) => {
        const trainees = [...(f.trainees ?? []), { personId: 'new', certified: true, placed: true, paidBefore: false }];
        const before = decideOrderTraining(f, TEST_PARAMETERS);
        const after = decideOrderTraining({ ...f, trainees }, TEST_PARAMETERS);
        if (before.outcome !== 'ineligible' && f.trainees !== undefined) expect(after.amount).toBeGreaterThanOrEqual(before.amount);
        if (f.project.plannedHeadcount !== undefined) expect(after.amount).toBeLessThanOrEqual(500 * f.project.plannedHeadcount);
      }),
    );
    expect(decideOrderTraining(T2_BASE, TEST_PARAMETERS).amount).toBe(4000);
  });

  it('I2: another registration never turns a passing headcount into a failing one', () => {
    fc.assert(
      fc.property(FACTS_ARBITRARIES.I2, FACTS_ARBITRARIES.I2, (f, g) => {
        if (!f.registrations || !g.registrations?.length) return;
        const headcount = (facts: RuleFacts['I2']) => decideBusinessHiring(facts, TEST_PARAMETERS).checks.find((c) => c.code === 'I2_HEADCOUNT')!.verdict;
        if (headcount(f) === 'pass') expect(headcount({ ...f, registrations: [...f.registrations, g.registrations[0]] })).toBe('pass');
      }),
    );
  });

  it('a parameter changed mid-year applies from its date only', () => {
    const book = { ...TEST_PARAMETERS, g1: { ...TEST_PARAMETERS.g1, amount: changedOn(TEST_PARAMETERS.g1.amount, '2025-07-01', 2500) } };
    fc.assert(
      fc.property(FACTS_ARBITRARIES.G1, (f) => {
        const changed = decideGraduateHiring(f, book);
        const unchanged = decideGraduateHiring(f, TEST_PARAMETERS);
        if (f.hireDate < '2025-07-01' || f.hireDate > '2025-12-31') expect(changed).toEqual(unchanged);
        else if (unchanged.outcome !== 'ineligible') expect(changed.amount).toBe(2500);
      }),
    );
  });
});
