import { ParameterUse } from './types';

/**
 * One dated value of a parameter, OpenFisca-style: it applies from `from` (a Shanghai date) until the next entry;
 * `value: null` ends the policy. `document` is the document number or title an administrator cites.
 */
export interface DatedValue<T> {
  from: string;
  value: T | null;
  document: string;
  /** Where the value is written (document and clause), and the clause quoted where short. */
  source: string;
  /** The plan gives no start date: the entry's `from` stands until an administrator sets it with the document number. */
  provisional?: boolean;
}

/** A parameter's history, oldest first. */
export type Series<T> = readonly DatedValue<T>[];

/** Whether two I-rules for the same household add up: the plan is silent ("ask the province"). */
export type Combinable = 'yes' | 'no' | 'unsettled';

/** SOEs of SME size for G1: the plan says 中小微企业 and is silent on ownership. */
export type SoeOfSmeSize = 'eligible' | 'excluded' | 'review';

/** P1 months served in part: the plan is silent. */
export type PartialMonth = 'full' | 'pro_rata' | 'review';

export interface ParameterBook {
  g1: {
    /** Yuan per person; looked up at the hire date; null after the deadline. */
    amount: Series<number>;
    /** Months after leaving school within which the hire falls (离校2年内). */
    monthsSinceGraduation: Series<number>;
    /** Minimum contract term in months (1年以上). */
    minimumContractMonths: Series<number>;
    /** Months of contract fulfilled and contributed before the claim opens (履行劳动合同满6个月). */
    monthsFulfilled: Series<number>;
    soeOfSmeSize: Series<SoeOfSmeSize>;
    /** Whether 职工社保 in the month before the hire refuses the claim ("not employed at hire": to confirm). */
    priorMonthInsuranceRefuses: Series<boolean>;
    /** 劳务派遣 hires are excluded. */
    dispatchExcluded: Series<boolean>;
    /** Rule codes exclusive with G1 for the same hire (other 吸纳 subsidies). */
    exclusiveWith: Series<string[]>;
    /** Province code (GB/T 2260, first two digits) whose 普通高校 graduates qualify. */
    province: Series<string>;
  };
  individualBusiness: {
    i1Amount: Series<number>;
    i2Amount: Series<number>;
    i2MinimumPeople: Series<number>;
    combinable: Series<Combinable>;
    /** "正常运营" by default: a tax filing within this many months of the decision. */
    taxFilingWithinMonths: Series<number>;
  };
  training: {
    t1Amount: Series<number>;
    t1MonthsToEmployment: Series<number>;
    t2AmountPerPerson: Series<number>;
  };
  publicServicePost: {
    monthly: Series<number>;
    months: Series<number>;
    insurance: Series<number>;
    /** Who receives the one-off 100 yuan insurance: unset (null value) until an administrator decides. */
    insurancePayee: Series<'person' | 'host_unit'>;
    partialMonth: Series<PartialMonth>;
    /** Groups that qualify ("雨露计划"毕业生、脱贫家庭高校毕业生等: a list an administrator extends). */
    groups: Series<string[]>;
  };
  trainee: {
    /** Yuan per month, the local standard: unset until an administrator enters it. */
    monthlyStandard: Series<number>;
    /** Trainees at a host as a share of its staff. */
    maxShareOfStaff: Series<number>;
    injuryInsuranceReimbursed: Series<boolean>;
    remainingMonthsOnContract: Series<boolean>;
  };
  soeRegister: {
    /** The 增人增资 policy's period: true while it runs. */
    active: Series<boolean>;
  };
}

/** The entry in force on a date, or undefined before the first one. */
export function entryAt<T>(series: Series<T>, date: string): DatedValue<T> | undefined {
  let found: DatedValue<T> | undefined;
  for (const entry of series) {
    if (entry.from <= date) found = entry;
    else break;
  }
  return found;
}

/**
 * Looks a parameter up at a date and records the use. The value is null when the policy has ended or is not in
 * force yet, or when the parameter has not been set.
 */
export function lookup<T>(uses: ParameterUse[], name: string, series: Series<T>, date: string): T | null {
  const entry = entryAt(series, date);
  const value = entry ? entry.value : null;
  uses.push({ name, at: date, from: entry?.from, value, document: entry?.document, provisional: entry?.provisional });
  return value;
}

/** True when the policy is over on `date` for good: no value then, and none from any later entry. */
export function endedBy<T>(series: Series<T>, date: string): boolean {
  const entry = entryAt(series, date);
  return entry !== undefined && entry.value === null && series.every((e) => e.from <= date || e.value === null);
}
