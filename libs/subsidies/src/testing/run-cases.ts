import { decide, RuleCode } from '../core';
import { RuleCase, TEST_PARAMETERS } from './case';

/** Runs a rule's cases as one test each, and checks every decision's shape (bases, both languages, no negative amount). */
export function runCases<R extends RuleCode>(rule: R, cases: RuleCase<R>[]): void {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const decision = decide(rule, c.facts, c.book ?? TEST_PARAMETERS);
    const codes = (verdict: string) => decision.checks.filter((check) => check.verdict === verdict).map((check) => check.code).sort();
    expect({ outcome: decision.outcome, fail: codes('fail'), unknown: codes('unknown') }).toEqual({
      outcome: c.expect.outcome,
      fail: [...(c.expect.fail ?? [])].sort(),
      unknown: [...(c.expect.unknown ?? [])].sort(),
    });
    if (c.expect.amount !== undefined) expect(decision.amount).toBe(c.expect.amount);
    if (c.expect.relevantDate !== undefined) expect(decision.relevantDate).toBe(c.expect.relevantDate);
    if (c.expect.instalments) expect(decision.instalments.map((i) => [i.number, i.amount, i.payee, i.status])).toEqual(c.expect.instalments);
    expect(decision.rule).toBe(rule);
    for (const check of decision.checks) {
      expect(check.basis.length * check.zh.length * check.en.length).toBeGreaterThan(0);
      expect(check.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(decision.amount).toBeGreaterThanOrEqual(0);
  });
}
