import { addMonths, monthOf, termEnd } from '@app/clock/shanghai-calendar';
import { BASIS, DecisionBuilder, verdictOf } from './decision';
import { lookup, ParameterBook } from './parameters';
import { Decision, PriorAward, Verdict } from './types';

export type EmployerKind = 'enterprise' | 'social_organisation' | 'public_institution' | 'government';
export type EmployerSize = 'micro' | 'small' | 'medium' | 'large';

/** G1 facts. A missing (undefined) fact is missing evidence; null means "none" where the type allows it. */
export interface GraduateHiringFacts {
  /** The decision day (Shanghai date): only used to tell whether month 6 has passed. */
  asOf: string;
  /** The hire (contract start), the legally relevant date. */
  hireDate: string;
  employer: { kind?: EmployerKind; size?: EmployerSize; stateOwned?: boolean };
  /** From 学信网: 普通高校 or not, the school's province (GB/T 2260 two digits), the date of leaving school. */
  graduate: { ordinaryHigherEducation?: boolean; schoolProvince?: string; graduationDate?: string };
  /** 职工社保 in the month before the hire (from the insurance port). */
  insuredMonthBeforeHire?: boolean;
  /** Contract end: null when open-ended (无固定期限); dispatch: 劳务派遣. */
  contract: { end?: string | null; dispatch?: boolean };
  /** Months ('YYYY-MM') this employer paid contributions for the person. */
  contributionMonths?: readonly string[];
  /** End of the employment: null while it lasts. */
  employmentEnd?: string | null;
  /** The person's other awards and claims (not this one). */
  priorAwards?: readonly PriorAward[];
}

export const G1_VERSION = 'G1/2026-12-07';

/** The longest run of consecutive months in `months` ('YYYY-MM') that lies within [first, last]. */
function longestRun(months: readonly string[], first: string, last: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  const inWindow = months.filter((m) => m >= first && m <= last).map(index).sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (let k = 0; k < inWindow.length; k++) {
    if (k > 0 && inWindow[k] === inWindow[k - 1]) continue;
    run = k > 0 && inWindow[k] === inWindow[k - 1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** G1, the graduate hiring reward (一次性吸纳就业奖励), paid to the employer once per person. */
export function decideGraduateHiring(facts: GraduateHiringFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('G1', G1_VERSION);
  const p = book.g1;
  const hire = facts.hireDate;
  const amount = lookup(d.parameters, 'g1.amount', p.amount, hire);
  const sinceGraduation = lookup(d.parameters, 'g1.monthsSinceGraduation', p.monthsSinceGraduation, hire) ?? 24;
  const contractMonths = lookup(d.parameters, 'g1.minimumContractMonths', p.minimumContractMonths, hire) ?? 12;
  const fulfilled = lookup(d.parameters, 'g1.monthsFulfilled', p.monthsFulfilled, hire) ?? 6;

  d.check(
    'G1_IN_FORCE', BASIS.G1, amount === null ? 'fail' : 'pass',
    amount === null ? `招用日期 ${hire} 不在政策实施期内` : `招用日期 ${hire} 在政策实施期内`,
    amount === null ? `Hire date ${hire} is outside the policy period` : `Hire date ${hire} is within the policy period`,
  );

  const { kind, size, stateOwned } = facts.employer;
  let employerVerdict: Verdict;
  let employerZh: string;
  let employerEn: string;
  if (kind === 'social_organisation') {
    [employerVerdict, employerZh, employerEn] = ['pass', '用人单位为社会组织', 'The employer is a social organisation'];
  } else if (kind !== undefined && kind !== 'enterprise') {
    [employerVerdict, employerZh, employerEn] = ['fail', '用人单位不是企业或社会组织', 'The employer is neither an enterprise nor a social organisation'];
  } else if (kind === undefined || size === undefined) {
    [employerVerdict, employerZh, employerEn] = ['unknown', '缺少用人单位类型或规模', 'The employer’s kind or size is not on record'];
  } else if (size === 'large') {
    [employerVerdict, employerZh, employerEn] = ['fail', '用人单位为大型企业，不属于中小微企业', 'The employer is a large enterprise, not an SME'];
  } else if (stateOwned === undefined) {
    [employerVerdict, employerZh, employerEn] = ['unknown', '中小微企业，是否国有未知', 'An SME; whether it is state-owned is not on record'];
  } else if (stateOwned) {
    const soe = lookup(d.parameters, 'g1.soeOfSmeSize', p.soeOfSmeSize, hire);
    employerVerdict = soe === 'eligible' ? 'pass' : soe === 'excluded' ? 'fail' : 'unknown';
    [employerZh, employerEn] = ['中小微规模的国有企业，按参数处理', 'A state-owned enterprise of SME size, handled as the parameter says'];
  } else {
    [employerVerdict, employerZh, employerEn] = ['pass', '用人单位为中小微企业', 'The employer is an SME'];
  }
  d.check('G1_EMPLOYER_SME', BASIS.G1, employerVerdict, employerZh, employerEn);

  const { ordinaryHigherEducation, schoolProvince, graduationDate } = facts.graduate;
  const province = lookup(d.parameters, 'g1.province', p.province, hire);
  const local = ordinaryHigherEducation === false || (schoolProvince !== undefined && schoolProvince !== province)
    ? false
    : ordinaryHigherEducation === undefined || schoolProvince === undefined ? undefined : true;
  d.check(
    'G1_LOCAL_GRADUATE', BASIS.G1, verdictOf(local),
    local === undefined ? '缺少学籍记录（普通高校、院校所在省）' : local ? '本省普通高校毕业生' : '不是本省普通高校毕业生',
    local === undefined ? 'No graduation record (ordinary college, school province)' : local ? 'A graduate of an ordinary college in this province' : 'Not a graduate of an ordinary college in this province',
  );

  if (graduationDate === undefined) {
    d.check('G1_WITHIN_TWO_YEARS', BASIS.G1, 'unknown', '缺少离校日期', 'The date of leaving school is not on record');
  } else if (hire < graduationDate) {
    d.check('G1_WITHIN_TWO_YEARS', BASIS.G1, 'unknown', `招用日期早于离校日期 ${graduationDate}，需人工核实`, `Hired before leaving school on ${graduationDate}: a person checks`);
  } else {
    const lastDay = addMonths(graduationDate, sinceGraduation);
    const within = hire <= lastDay;
    d.check(
      'G1_WITHIN_TWO_YEARS', `${BASIS.G1}; ${BASIS.PERIODS}`, within ? 'pass' : 'fail',
      within ? `离校 ${graduationDate}，${lastDay} 前招用` : `离校 ${graduationDate}，招用晚于 ${lastDay}`,
      within ? `Left school ${graduationDate}, hired by ${lastDay}` : `Left school ${graduationDate}, hired after ${lastDay}`,
    );
  }

  const insured = facts.insuredMonthBeforeHire;
  const refuses = insured ? lookup(d.parameters, 'g1.priorMonthInsuranceRefuses', p.priorMonthInsuranceRefuses, hire) : false;
  d.check(
    'G1_NOT_EMPLOYED_AT_HIRE', BASIS.G1, insured === undefined ? 'unknown' : !insured ? 'pass' : refuses ? 'fail' : 'unknown',
    insured === undefined ? '缺少招用前一个月的社保记录' : insured ? '招用前一个月已参加职工社保' : '招用前一个月未参加职工社保',
    insured === undefined ? 'No insurance record for the month before the hire' : insured ? 'Insured as an employee in the month before the hire' : 'Not insured as an employee in the month before the hire',
  );

  const end = facts.contract.end;
  const termLast = termEnd(hire, contractMonths);
  d.check(
    'G1_CONTRACT_TERM', BASIS.G1, end === undefined ? 'unknown' : end === null || end >= termLast ? 'pass' : 'fail',
    end === undefined ? '缺少劳动合同期限' : end === null ? '无固定期限劳动合同' : end >= termLast ? `劳动合同至 ${end}，满${contractMonths}个月` : `劳动合同至 ${end}，不满${contractMonths}个月`,
    end === undefined ? 'The contract term is not on record' : end === null ? 'An open-ended contract' : end >= termLast ? `Contract to ${end}: ${contractMonths} months or more` : `Contract to ${end}: under ${contractMonths} months`,
  );

  const dispatch = facts.contract.dispatch;
  const dispatchExcluded = dispatch ? lookup(d.parameters, 'g1.dispatchExcluded', p.dispatchExcluded, hire) : false;
  d.check(
    'G1_NOT_DISPATCH', BASIS.ADMINISTRATOR, dispatch === undefined ? 'unknown' : dispatch && dispatchExcluded !== false ? 'fail' : 'pass',
    dispatch === undefined ? '未知是否劳务派遣用工' : dispatch ? '劳务派遣用工' : '非劳务派遣用工',
    dispatch === undefined ? 'Whether the hire is labour dispatch is not on record' : dispatch ? 'A labour-dispatch hire' : 'Not a labour-dispatch hire',
  );

  const fulfilledOn = termEnd(hire, fulfilled);
  const reached = facts.asOf > fulfilledOn;
  d.check(
    'G1_MONTH_SIX_REACHED', `${BASIS.G1}; ${BASIS.PERIODS}`, reached ? 'pass' : 'unknown',
    reached ? `劳动合同已于 ${fulfilledOn} 履行满${fulfilled}个月` : `${fulfilledOn} 履行满${fulfilled}个月，届时复核`,
    reached ? `The contract was fulfilled for ${fulfilled} months on ${fulfilledOn}` : `${fulfilled} months are fulfilled on ${fulfilledOn}: re-checked then`,
  );

  const left = facts.employmentEnd;
  d.check(
    'G1_STILL_EMPLOYED', BASIS.G1, left === undefined ? 'unknown' : left === null || left >= fulfilledOn ? 'pass' : 'fail',
    left === undefined ? '缺少在职记录' : left === null ? '仍在职' : left >= fulfilledOn ? `${left} 离职，已履行满${fulfilled}个月` : `${left} 离职，未履行满${fulfilled}个月`,
    left === undefined ? 'No record of the employment’s end' : left === null ? 'Still employed' : left >= fulfilledOn ? `Left on ${left}, after ${fulfilled} months` : `Left on ${left}, before ${fulfilled} months`,
  );

  const months = facts.contributionMonths;
  if (months === undefined) {
    d.check('G1_CONTRIBUTIONS', BASIS.G1, 'unknown', '缺少本单位社保缴费记录', 'No contribution record from this employer');
  } else {
    const run = longestRun(months, monthOf(hire), monthOf(fulfilledOn));
    const enough = run >= fulfilled;
    d.check(
      'G1_CONTRIBUTIONS', BASIS.G1, enough ? 'pass' : reached ? 'fail' : 'unknown',
      enough ? `本单位连续缴费 ${run} 个月` : `本单位连续缴费 ${run} 个月，不足${fulfilled}个月`,
      enough ? `${run} consecutive months of contributions from this employer` : `${run} consecutive months of contributions from this employer, fewer than ${fulfilled}`,
    );
  }

  const prior = facts.priorAwards;
  if (prior === undefined) {
    d.check('G1_ONCE', BASIS.G1, 'unknown', '缺少既往补贴记录', 'No record of earlier awards');
  } else {
    const exclusive = lookup(d.parameters, 'g1.exclusiveWith', p.exclusiveWith, hire) ?? [];
    const before = prior.find((a) => a.rule === 'G1');
    const clash = prior.find((a) => a.rule !== 'G1' && a.sameHire && exclusive.includes(a.rule));
    d.check(
      'G1_ONCE', BASIS.G1, before || clash ? 'fail' : 'pass',
      before ? `此人已享受或申领吸纳就业奖励（${before.claimId}）` : clash ? `同一招用已享受互斥补贴 ${clash.rule}（${clash.claimId}）` : '此人未享受过该奖励或互斥补贴',
      before ? `The reward was already claimed for this person (${before.claimId})` : clash ? `The same hire has the exclusive award ${clash.rule} (${clash.claimId})` : 'No earlier reward or exclusive award for this person',
    );
  }

  return d.finish(amount ?? 0, 'employer', hire, [
    { number: 1, amount: amount ?? 0, payee: 'employer', status: 'payable', zh: '一次性吸纳就业奖励', en: 'One-off graduate hiring reward' },
  ]);
}
