import { termEnd } from '@app/clock/shanghai-calendar';
import { BASIS, DecisionBuilder, yuan } from './decision';
import { lookup, ParameterBook } from './parameters';
import { Decision, PriorAward } from './types';

export interface TraineeFacts {
  asOf: string;
  /** The traineeship: start (the relevant date), planned months, full months served, and a labour contract signed with the trainee (null: none). */
  traineeship: { start: string; plannedMonths: number; monthsServed?: number; contractSignedOn?: string | null };
  /** The trainee already had a contract and insurance at the host before the traineeship. */
  contractedAndInsuredBefore?: boolean;
  /** The host unit's staff, and its trainees at the start (this one included). */
  host: { staff?: number; trainees?: number };
  /** The single-risk injury insurance premium paid for the trainee (yuan), null when none. */
  injuryPremium?: number | null;
  priorAwards?: readonly PriorAward[];
}

export const J1_VERSION = 'J1/2026-12-07';

/** J1, traineeship subsidy (见习补贴), paid to the host unit: the monthly standard, the injury-insurance premium, the remaining months on an early contract. */
export function decideTrainee(facts: TraineeFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('J1', J1_VERSION);
  const p = book.trainee;
  const { start, plannedMonths, monthsServed, contractSignedOn } = facts.traineeship;
  const standard = lookup(d.parameters, 'trainee.monthlyStandard', p.monthlyStandard, start);
  d.check(
    'J1_STANDARD', BASIS.J1, standard === null ? 'unknown' : 'pass',
    standard === null ? `${start} 适用的见习补贴标准未设定，需人工确定` : `见习补贴标准每月 ${standard} 元`,
    standard === null ? `No monthly traineeship standard is set for ${start}: a person decides` : `Traineeship standard ${standard} yuan a month`,
  );
  const before = facts.contractedAndInsuredBefore;
  d.check(
    'J1_NOT_ALREADY_EMPLOYED', BASIS.J1, before === undefined ? 'unknown' : before ? 'fail' : 'pass',
    before === undefined ? '缺少见习前在该单位的合同和参保记录' : before ? '见习前已与该单位签订劳动合同并参保' : '见习前未在该单位签订合同参保',
    before === undefined ? 'No record of a contract and insurance at the host before the traineeship' : before ? 'Already contracted and insured at the host before the traineeship' : 'Not contracted and insured at the host before',
  );
  const share = lookup(d.parameters, 'trainee.maxShareOfStaff', p.maxShareOfStaff, start);
  const { staff, trainees } = facts.host;
  const cap = share === null || staff === undefined ? undefined : Math.floor(staff * share + 1e-9);
  d.check(
    'J1_STAFF_CAP', BASIS.ADMINISTRATOR, cap === undefined || trainees === undefined ? 'unknown' : trainees <= cap ? 'pass' : 'fail',
    share === null ? '见习人数比例上限未设定' : cap === undefined || trainees === undefined ? '缺少单位职工或见习人数' : `见习 ${trainees} 人，上限 ${cap} 人`,
    share === null ? 'No cap on trainees per staff is set' : cap === undefined || trainees === undefined ? 'No staff or trainee count for the host' : `${trainees} trainees, cap ${cap}`,
  );

  const plannedEnd = termEnd(start, plannedMonths);
  const early = contractSignedOn !== undefined && contractSignedOn !== null && contractSignedOn >= start && contractSignedOn <= plannedEnd;
  const remaining = early ? lookup(d.parameters, 'trainee.remainingMonthsOnContract', p.remainingMonthsOnContract, contractSignedOn) : null;
  let months: number;
  if (early && remaining) {
    months = plannedMonths;
    d.check('J1_MONTHS', BASIS.J1, 'pass', `${contractSignedOn} 见习期内签订劳动合同，给予剩余期限见习补贴，共 ${plannedMonths} 个月`, `Contract signed on ${contractSignedOn} during the traineeship: the remaining months are paid, ${plannedMonths} in all`);
  } else if (monthsServed === undefined) {
    months = plannedMonths;
    d.check('J1_MONTHS', BASIS.J1, 'unknown', '缺少实际见习月数', 'No record of the months served');
  } else {
    months = Math.max(0, Math.min(monthsServed, plannedMonths));
    d.check(
      'J1_MONTHS', BASIS.J1, months > 0 ? 'pass' : 'fail',
      `实际见习 ${monthsServed} 个月，计 ${months} 个月${early ? '（签订合同时剩余期限补贴政策已结束）' : ''}`,
      `${monthsServed} months served, ${months} counted${early ? ' (the remaining-months measure had ended when the contract was signed)' : ''}`,
    );
  }

  const reimbursed = lookup(d.parameters, 'trainee.injuryInsuranceReimbursed', p.injuryInsuranceReimbursed, start);
  const premium = facts.injuryPremium;
  d.check(
    'J1_INJURY_INSURANCE', BASIS.J1, reimbursed && premium === undefined ? 'unknown' : 'pass',
    !reimbursed ? '见习开始时工伤保险补贴政策不在实施期内' : premium === undefined ? '缺少工伤保险缴费记录' : premium === null ? '未单险种参加工伤保险' : `补贴单险种工伤保险费 ${premium} 元（可与人身意外伤害保险补贴同时享受）`,
    !reimbursed ? 'The injury-insurance subsidy was not in force at the start' : premium === undefined ? 'No injury-insurance payment on record' : premium === null ? 'No single-risk injury insurance' : `Injury-insurance premium of ${premium} yuan reimbursed (combinable with accident insurance)`,
  );
  const prior = facts.priorAwards;
  const again = prior?.find((a) => a.rule === 'J1' && a.sameHire);
  d.check(
    'J1_ONCE', BASIS.J1, prior === undefined ? 'unknown' : again ? 'fail' : 'pass',
    prior === undefined ? '缺少既往补贴记录' : again ? `该见习已申领补贴（${again.claimId}）` : '该见习未申领过补贴',
    prior === undefined ? 'No record of earlier awards' : again ? `This traineeship was already claimed (${again.claimId})` : 'No earlier claim for this traineeship',
  );

  const wage = yuan((standard ?? 0) * months);
  const insurance = reimbursed && premium ? yuan(Math.max(0, premium)) : 0;
  return d.finish(yuan(wage + insurance), 'host_unit', start, [
    { number: 1, amount: wage, payee: 'host_unit', status: 'payable', zh: `见习补贴 ${months} 个月`, en: `Traineeship subsidy, ${months} months` },
    ...(insurance ? [{ number: 2, amount: insurance, payee: 'host_unit' as const, status: 'payable' as const, zh: '工伤保险补贴', en: 'Injury-insurance subsidy' }] : []),
  ]);
}
