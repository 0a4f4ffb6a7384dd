import { DEFAULT_PARAMETERS, Outcome, ParameterBook, RuleCode, RuleFacts, Series } from '../core';

/** An OpenFisca-style case: facts, the parameter book (the test book by default), and what the rule must answer. */
export interface RuleCase<R extends RuleCode> {
  name: string;
  facts: RuleFacts[R];
  book?: ParameterBook;
  expect: {
    outcome: Outcome;
    amount?: number;
    /** Exactly the checks that fail, and exactly those that are unknown (default: none). */
    fail?: string[];
    unknown?: string[];
    relevantDate?: string;
    /** The instalments as [number, amount, payee, status]. */
    instalments?: [number, number, string, 'payable' | 'pending'][];
  };
}

/**
 * The plan's parameters plus, for the values the plan leaves to an administrator, test values (not policy): a J1
 * standard of 1,600 yuan a month, a trainee cap of 30% of staff, the P1 insurance paid to the person.
 */
export const TEST_PARAMETERS: ParameterBook = {
  ...DEFAULT_PARAMETERS,
  publicServicePost: {
    ...DEFAULT_PARAMETERS.publicServicePost,
    insurancePayee: [{ from: '2025-01-01', value: 'person', document: 'test', source: 'test value' }],
  },
  trainee: {
    ...DEFAULT_PARAMETERS.trainee,
    monthlyStandard: [{ from: '2025-01-01', value: 1600, document: 'test', source: 'test value' }],
    maxShareOfStaff: [{ from: '2025-01-01', value: 0.3, document: 'test', source: 'test value' }],
  },
};

/** A series that changes on `from` to `value`: for the mid-year parameter change cases. */
export function changedOn<T>(series: Series<T>, from: string, value: T | null): Series<T> {
  return [...series.filter((e) => e.from < from), { from, value, document: 'test change', source: 'test value' }, ...series.filter((e) => e.from > from)];
}

type Patch<T> = { [K in keyof T]?: T[K] extends readonly unknown[] | string | number | boolean | null | undefined ? T[K] : Patch<T[K]> | T[K] };

/** `base` with `patch` applied one level deep (nested objects merged, arrays and values replaced). */
export function patched<T extends object>(base: T, patch: Patch<T>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current) ? { ...current, ...value } : value;
  }
  return out as T;
}

