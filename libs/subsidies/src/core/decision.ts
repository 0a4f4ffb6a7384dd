import { Check, Decision, InstalmentPlan, Outcome, ParameterUse, Payee, RuleCode, Verdict } from './types';

/** Legal bases cited by the checks. */
export const BASIS = {
  G1: '实施方案 三(二)',
  I: '实施方案 二(六)',
  T: '实施方案 三(五)',
  P1: '实施方案 二(七)',
  J1: '实施方案 三(一)',
  S1: '实施方案 三(二) 国有企业一次性增人增资',
  PERIODS: '民法典 第二百零一条、第二百零二条 (期间计算)',
  ADMINISTRATOR: '管理员参数 (方案未明确)',
} as const;

/** A true / false / missing fact as a verdict. */
export const verdictOf = (fact: boolean | undefined): Verdict => (fact === undefined ? 'unknown' : fact ? 'pass' : 'fail');

/** Collects a rule's checks and parameter uses, then settles the outcome. */
export class DecisionBuilder {
  readonly checks: Check[] = [];
  readonly parameters: ParameterUse[] = [];

  constructor(
    readonly rule: RuleCode,
    readonly ruleVersion: string,
  ) {}

  check(code: string, basis: string, verdict: Verdict, zh: string, en: string): Verdict {
    this.checks.push({ code, basis, verdict, zh, en });
    return verdict;
  }

  /**
   * Any failed check: ineligible (a person confirms). Otherwise any unknown: needs review. Otherwise eligible.
   * The amount is the award if every unknown check passes, and 0 when ineligible.
   */
  finish(amount: number, payee: Payee, relevantDate?: string, instalments: InstalmentPlan[] = []): Decision {
    let outcome: Outcome = 'eligible';
    for (const check of this.checks) {
      if (check.verdict === 'fail') {
        outcome = 'ineligible';
        break;
      }
      if (check.verdict === 'unknown') outcome = 'needs_review';
    }
    const award = outcome === 'ineligible' ? 0 : Math.max(0, amount);
    return {
      rule: this.rule,
      ruleVersion: this.ruleVersion,
      outcome,
      amount: award,
      payee,
      relevantDate,
      checks: this.checks,
      parameters: this.parameters,
      instalments: outcome === 'ineligible' ? [] : instalments,
    };
  }
}

/** Yuan rounded to the fen. */
export const yuan = (value: number) => Math.round(value * 100) / 100;
