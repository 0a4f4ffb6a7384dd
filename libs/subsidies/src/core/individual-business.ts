import { addMonthsToMonth, monthOf } from '@app/clock/shanghai-calendar';
import { BASIS, DecisionBuilder } from './decision';
import { Combinable, endedBy, lookup, ParameterBook } from './parameters';
import { Decision, PriorAward, RuleCode } from './types';

/** Market-registration and tax facts about an individual business (个体工商户). */
export interface BusinessStatus {
  /** 存续 (active), 注销 (deregistered), 吊销 (revoked). */
  status?: 'active' | 'deregistered' | 'revoked';
  /** On the 经营异常名录. */
  abnormalList?: boolean;
  /** Month of the latest tax filing ('YYYY-MM'), null when none is on record. */
  lastTaxFilingMonth?: string | null;
}

/** 就业登记 types. */
export type EmploymentRegistrationType = 'self_employed' | 'unit' | 'flexible';

export interface FirstBusinessFacts {
  asOf: string;
  /** The business's registration date with market regulation. */
  registeredOn?: string;
  /** 个体户 registered earlier under the operator's ID (this one not counted). */
  operatorEarlierBusinesses?: number;
  /** The operator's 就业登记, null when there is none. */
  employmentRegistration?: { type: EmploymentRegistrationType; date: string } | null;
  business: BusinessStatus;
  priorAwards?: readonly PriorAward[];
}

export interface BusinessHiringFacts {
  asOf: string;
  registeredOn?: string;
  /** 就业登记 at this business, the operator's included: from, and to (null while it lasts). */
  registrations?: readonly { personId: string; from: string; to: string | null }[];
  business: BusinessStatus;
  priorAwards?: readonly PriorAward[];
}

export const I1_VERSION = 'I1/2026-12-07';
export const I2_VERSION = 'I2/2026-12-07';

/** 正常运营, by the default definition: 存续, not on the abnormal list, a recent tax filing. */
function operatingChecks(d: DecisionBuilder, prefix: string, facts: { asOf: string; business: BusinessStatus }, book: ParameterBook): void {
  const { status, abnormalList, lastTaxFilingMonth } = facts.business;
  const standing = status === undefined || abnormalList === undefined ? undefined : status === 'active' && !abnormalList;
  d.check(
    `${prefix}_OPERATING`, BASIS.I, standing === undefined ? 'unknown' : standing ? 'pass' : 'fail',
    standing === undefined ? '缺少市场主体登记状态或经营异常名录信息' : standing ? '存续且未列入经营异常名录' : status !== 'active' ? '个体工商户已注销或吊销' : '列入经营异常名录',
    standing === undefined ? 'No registration status or abnormal-list record' : standing ? 'Active and not on the abnormal list' : status !== 'active' ? 'The business is deregistered or revoked' : 'On the abnormal-operations list',
  );
  const within = lookup(d.parameters, 'individualBusiness.taxFilingWithinMonths', book.individualBusiness.taxFilingWithinMonths, facts.asOf);
  const since = within === null ? undefined : addMonthsToMonth(monthOf(facts.asOf), -within);
  const recent = lastTaxFilingMonth && since ? lastTaxFilingMonth >= since : undefined;
  // "正常运营" is undefined in the plan: a missing or old filing goes to a person, never to refusal.
  d.check(
    `${prefix}_TAX_FILING`, BASIS.ADMINISTRATOR, recent ? 'pass' : 'unknown',
    recent ? `最近纳税申报 ${lastTaxFilingMonth}` : lastTaxFilingMonth ? `最近纳税申报 ${lastTaxFilingMonth}，超过 ${within} 个月，需人工判断是否正常运营` : '无纳税申报记录，需人工判断是否正常运营',
    recent ? `Latest tax filing ${lastTaxFilingMonth}` : lastTaxFilingMonth ? `Latest tax filing ${lastTaxFilingMonth}, over ${within} months ago: a person judges normal operation` : 'No tax filing on record: a person judges normal operation',
  );
}

function householdChecks(d: DecisionBuilder, rule: RuleCode, other: RuleCode, prior: readonly PriorAward[] | undefined, combinable: Combinable | null): void {
  if (prior === undefined) {
    d.check(`${rule}_ONCE`, BASIS.I, 'unknown', '缺少既往补贴记录', 'No record of earlier awards');
    d.check(`${rule}_WITH_${other}`, BASIS.ADMINISTRATOR, 'unknown', '缺少既往补贴记录', 'No record of earlier awards');
    return;
  }
  const before = prior.find((a) => a.rule === rule);
  d.check(
    `${rule}_ONCE`, BASIS.I, before ? 'fail' : 'pass',
    before ? `该户已享受或申领此项补贴（${before.claimId}）` : '该户未享受过此项补贴',
    before ? `The household already has this award (${before.claimId})` : 'The household has no earlier award of this kind',
  );
  const both = prior.find((a) => a.rule === other);
  const verdict = !both || combinable === 'yes' ? 'pass' : combinable === 'no' ? 'fail' : 'unknown';
  d.check(
    `${rule}_WITH_${other}`, BASIS.ADMINISTRATOR, verdict,
    !both ? `该户未享受 ${other}` : verdict === 'pass' ? `该户已享受 ${other}，两项可叠加` : verdict === 'fail' ? `该户已享受 ${other}，两项不可叠加` : `该户已享受 ${other}，能否叠加未明确，需人工判断`,
    !both ? `The household has no ${other} award` : verdict === 'pass' ? `The household has ${other}; the two add up` : verdict === 'fail' ? `The household has ${other}; the two do not add up` : `The household has ${other}; whether the two add up is unsettled: a person decides`,
  );
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

/** I1, first individual business (首次从事个体经营), 300 yuan per household. */
export function decideFirstBusiness(facts: FirstBusinessFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('I1', I1_VERSION);
  const registration = facts.employmentRegistration;
  // The conditions are met when both the business and the 就业登记 exist: the later of the two dates.
  const relevant = later(facts.registeredOn, registration?.date);
  const amount = lookup(d.parameters, 'individualBusiness.i1Amount', book.individualBusiness.i1Amount, relevant ?? facts.asOf);
  // With one of the two dates missing, the later one is unknown: only a policy over for good by the known one refuses.
  const bothDates = facts.registeredOn !== undefined && registration !== undefined && registration !== null;
  const inForce = relevant === undefined ? 'unknown' : amount !== null ? 'pass' : bothDates || endedBy(book.individualBusiness.i1Amount, relevant) ? 'fail' : 'unknown';
  d.check(
    'I1_IN_FORCE', BASIS.I, inForce,
    relevant === undefined ? '缺少登记日期' : inForce === 'unknown' ? `缺少另一登记日期，${relevant} 不在实施期内，需人工核实` : amount === null ? `条件满足日 ${relevant} 不在政策实施期内` : `条件满足日 ${relevant} 在政策实施期内`,
    relevant === undefined ? 'No registration dates on record' : inForce === 'unknown' ? `One registration date is missing and ${relevant} is outside the policy period: a person checks` : amount === null ? `The conditions were met on ${relevant}, outside the policy period` : `The conditions were met on ${relevant}, within the policy period`,
  );
  const earlier = facts.operatorEarlierBusinesses;
  d.check(
    'I1_FIRST_BUSINESS', BASIS.I, earlier === undefined ? 'unknown' : earlier === 0 ? 'pass' : 'fail',
    earlier === undefined ? '缺少经营者名下登记历史' : earlier === 0 ? '经营者首次从事个体经营' : `经营者名下此前已有 ${earlier} 个个体工商户`,
    earlier === undefined ? 'No registration history under the operator’s ID' : earlier === 0 ? 'The operator’s first individual business' : `The operator had ${earlier} earlier individual business(es)`,
  );
  d.check(
    'I1_EMPLOYMENT_REGISTERED', BASIS.I, registration === undefined ? 'unknown' : registration?.type === 'self_employed' ? 'pass' : 'fail',
    registration === undefined ? '缺少就业登记记录' : registration === null ? '经营者无就业登记' : registration.type === 'self_employed' ? `${registration.date} 已按个体经营进行就业登记` : '就业登记类型不是个体经营',
    registration === undefined ? 'No employment-registration record' : registration === null ? 'The operator has no employment registration' : registration.type === 'self_employed' ? `Registered as self-employed on ${registration.date}` : 'The employment registration is not as self-employed',
  );
  operatingChecks(d, 'I1', facts, book);
  const combinable = facts.priorAwards?.some((a) => a.rule === 'I2') ? lookup(d.parameters, 'individualBusiness.combinable', book.individualBusiness.combinable, relevant ?? facts.asOf) : null;
  householdChecks(d, 'I1', 'I2', facts.priorAwards, combinable);
  return d.finish(amount ?? 0, 'household', relevant, [
    { number: 1, amount: amount ?? 0, payee: 'household', status: 'payable', zh: '个体工商户实际运营奖励（首次）', en: 'First individual business award' },
  ]);
}

/** The first date on which at least `minimum` registrations at the business overlap, and the most that ever do. */
export function registeredTogether(registrations: readonly { from: string; to: string | null }[], minimum: number): { first?: string; most: number } {
  let most = 0;
  let first: string | undefined;
  const starts = [...new Set(registrations.map((r) => r.from))].sort();
  for (const day of starts) {
    let count = 0;
    for (const r of registrations) if (r.from <= day && (r.to === null || r.to >= day)) count++;
    most = Math.max(most, count);
    if (first === undefined && count >= minimum) first = day;
  }
  return { first, most };
}

/** I2, an individual business employing 3 or more (operator included), 1,000 yuan per household. */
export function decideBusinessHiring(facts: BusinessHiringFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('I2', I2_VERSION);
  const probe = facts.registrations?.length ? [...facts.registrations].sort((a, b) => (a.from < b.from ? -1 : 1))[0].from : facts.registeredOn ?? facts.asOf;
  const minimum = lookup(d.parameters, 'individualBusiness.i2MinimumPeople', book.individualBusiness.i2MinimumPeople, probe) ?? 3;
  const together = facts.registrations ? registeredTogether(facts.registrations, minimum) : undefined;
  const relevant = together?.first;
  const amount = lookup(d.parameters, 'individualBusiness.i2Amount', book.individualBusiness.i2Amount, relevant ?? facts.asOf);
  d.check(
    'I2_IN_FORCE', BASIS.I, relevant === undefined ? (together ? 'pass' : 'unknown') : amount === null ? 'fail' : 'pass',
    relevant === undefined ? (together ? '未达到人数条件，无需判断实施期' : '缺少就业登记记录') : amount === null ? `${relevant} 达到人数条件，不在政策实施期内` : `${relevant} 达到人数条件，在政策实施期内`,
    relevant === undefined ? (together ? 'The headcount was never reached: no period to test' : 'No employment-registration record') : amount === null ? `The headcount was reached on ${relevant}, outside the policy period` : `The headcount was reached on ${relevant}, within the policy period`,
  );
  d.check(
    'I2_HEADCOUNT', BASIS.I, together === undefined ? 'unknown' : relevant ? 'pass' : 'fail',
    together === undefined ? '缺少就业登记记录' : relevant ? `${relevant} 起 ${minimum} 人以上（含本人）同时在本户就业登记` : `同时就业登记最多 ${together.most} 人，不足 ${minimum} 人`,
    together === undefined ? 'No employment-registration record' : relevant ? `${minimum} or more people (operator included) registered there together from ${relevant}` : `At most ${together.most} people registered there together, fewer than ${minimum}`,
  );
  operatingChecks(d, 'I2', facts, book);
  const combinable = facts.priorAwards?.some((a) => a.rule === 'I1') ? lookup(d.parameters, 'individualBusiness.combinable', book.individualBusiness.combinable, relevant ?? facts.asOf) : null;
  householdChecks(d, 'I2', 'I1', facts.priorAwards, combinable);
  return d.finish(amount ?? 0, 'household', relevant, [
    { number: 1, amount: amount ?? 0, payee: 'household', status: 'payable', zh: '个体工商户吸纳就业奖励', en: 'Individual business hiring award' },
  ]);
}
