/** A check's verdict: unknown means the evidence is missing or the policy is unsettled, and a person decides. */
export type Verdict = 'pass' | 'fail' | 'unknown';

/**
 * What a rule proposes. `ineligible` only when a check fails on certain facts, and even then the workflow asks a
 * person to confirm the refusal; `needs_review` whenever a check is unknown and none fails.
 */
export type Outcome = 'eligible' | 'ineligible' | 'needs_review';

export type RuleCode = 'G1' | 'I1' | 'I2' | 'T1' | 'T2' | 'P1' | 'J1' | 'S1';

/** Who receives the money (S1 is a register and pays nobody). */
export type Payee = 'employer' | 'person' | 'household' | 'institution' | 'host_unit' | 'none';

export interface Check {
  code: string;
  /** The legal basis, as a citation ('…实施方案 三(二)'). */
  basis: string;
  verdict: Verdict;
  zh: string;
  en: string;
}

/** A parameter value a decision used, with where it came from: kept in the decision record. */
export interface ParameterUse {
  name: string;
  /** The legally relevant date it was looked up at. */
  at: string;
  /** Start of the dated entry that applied, or undefined when none did (before the first entry). */
  from?: string;
  value: unknown;
  document?: string;
  /** True when the entry's start date awaits an administrator's confirmation. */
  provisional?: boolean;
}

/** One payable part of an award (P1 pays monthly; the others pay one instalment). */
export interface InstalmentPlan {
  number: number;
  /** Yuan. */
  amount: number;
  payee: Payee;
  /** Payable now, or waiting for a condition (the host unit's attendance confirmation). */
  status: 'payable' | 'pending';
  zh: string;
  en: string;
}

export interface Decision {
  rule: RuleCode;
  ruleVersion: string;
  outcome: Outcome;
  /**
   * Yuan. Eligible: the award. Needs review: the award if every unknown check passes (what a reviewer confirms).
   * Ineligible: 0. S1 is a register: always 0.
   */
  amount: number;
  payee: Payee;
  /** The legally relevant date the rule's parameters were looked up at, when the facts give one. */
  relevantDate?: string;
  checks: Check[];
  parameters: ParameterUse[];
  instalments: InstalmentPlan[];
}

/** Awards a person or household already has (or has claimed), for the once-only and exclusivity checks. */
export interface PriorAward {
  rule: RuleCode | string;
  claimId: string;
  /** For the same hire (employer and person) as the claim being decided. */
  sameHire?: boolean;
}
