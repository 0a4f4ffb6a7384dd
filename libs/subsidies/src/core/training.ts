import { addMonths } from '@app/clock/shanghai-calendar';
import { BASIS, DecisionBuilder, verdictOf } from './decision';
import { lookup, ParameterBook } from './parameters';
import { Decision, PriorAward } from './types';

export interface TrainingToJobFacts {
  asOf: string;
  /** subsidised: a 补贴性技能培训 course. */
  course: { subsidised?: boolean; start?: string };
  /** The certificate from the course: its date (the legally relevant date) and whether it is valid. */
  certificate: { date?: string; valid?: boolean };
  /**
   * The first employment after the course (insurance or 就业登记), null when none is on record;
   * insuredBeforeCourse: that employer insured the person before the course.
   */
  employment?: { start: string; evidence: 'insurance' | 'registration'; insuredBeforeCourse?: boolean } | null;
  priorAwards?: readonly PriorAward[];
}

export interface OrderTrainingFacts {
  /** The order-based (订单式、定向式) project: filed with the office, the course start (relevant date), the planned placements. */
  project: { filedOn?: string; courseStart: string; plannedHeadcount?: number };
  /** Trainees: certified, placed with the project's employer, already paid for under T2. */
  trainees?: readonly { personId: string; certified?: boolean; placed?: boolean; paidBefore?: boolean }[];
}

export const T1_VERSION = 'T1/2026-12-07';
export const T2_VERSION = 'T2/2026-12-07';

/** T1, training to job (就业补助), 500 yuan paid to the person. */
export function decideTrainingToJob(facts: TrainingToJobFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('T1', T1_VERSION);
  const certified = facts.certificate.date;
  const amount = lookup(d.parameters, 'training.t1Amount', book.training.t1Amount, certified ?? facts.asOf);
  const months = lookup(d.parameters, 'training.t1MonthsToEmployment', book.training.t1MonthsToEmployment, certified ?? facts.asOf) ?? 6;
  d.check(
    'T1_IN_FORCE', BASIS.T, certified === undefined ? 'unknown' : amount === null ? 'fail' : 'pass',
    certified === undefined ? '缺少证书日期' : amount === null ? `取证日期 ${certified} 不在政策实施期内` : `取证日期 ${certified} 在政策实施期内`,
    certified === undefined ? 'No certificate date on record' : amount === null ? `Certified on ${certified}, outside the policy period` : `Certified on ${certified}, within the policy period`,
  );
  const subsidised = facts.course.subsidised;
  d.check(
    'T1_SUBSIDISED_COURSE', BASIS.T, verdictOf(subsidised),
    subsidised === undefined ? '缺少培训记录' : subsidised ? '参加补贴性职业技能培训' : '所参加培训不是补贴性培训',
    subsidised === undefined ? 'No training record' : subsidised ? 'Took a subsidised skills course' : 'The course was not a subsidised one',
  );
  const { valid } = facts.certificate;
  const start = facts.course.start;
  const beforeCourse = certified !== undefined && start !== undefined && certified < start;
  d.check(
    'T1_VALID_CERTIFICATE', BASIS.T, valid === false || beforeCourse ? 'fail' : valid === undefined || certified === undefined ? 'unknown' : 'pass',
    valid === false ? '证书无效' : beforeCourse ? `证书日期 ${certified} 早于开班 ${start}` : valid === undefined || certified === undefined ? '缺少证书核验结果' : `${certified} 取得有效证书`,
    valid === false ? 'The certificate is not valid' : beforeCourse ? `The certificate (${certified}) predates the course (${start})` : valid === undefined || certified === undefined ? 'The certificate is not verified' : `Valid certificate obtained on ${certified}`,
  );
  const job = facts.employment;
  if (certified === undefined || job === undefined) {
    d.check('T1_EMPLOYED_WITHIN', BASIS.T, 'unknown', '缺少取证日期或就业记录', 'No certificate date or employment record');
  } else {
    const lastDay = addMonths(certified, months);
    if (job === null) {
      const over = facts.asOf > lastDay;
      d.check(
        'T1_EMPLOYED_WITHIN', `${BASIS.T}; ${BASIS.PERIODS}`, over ? 'fail' : 'unknown',
        over ? `${lastDay} 前未实现就业` : `尚未就业，期限至 ${lastDay}`,
        over ? `Not employed by ${lastDay}` : `Not employed yet; the window runs to ${lastDay}`,
      );
    } else {
      const ok = job.start >= certified && job.start <= lastDay;
      d.check(
        'T1_EMPLOYED_WITHIN', `${BASIS.T}; ${BASIS.PERIODS}`, ok ? 'pass' : 'fail',
        ok ? `${job.start} 实现就业（${job.evidence === 'insurance' ? '参加社保' : '就业登记'}），在取证后${months}个月内` : job.start < certified ? `${job.start} 就业，早于取证` : `${job.start} 就业，晚于 ${lastDay}`,
        ok ? `Employed on ${job.start} (${job.evidence}), within ${months} months of the certificate` : job.start < certified ? `Employed on ${job.start}, before the certificate` : `Employed on ${job.start}, after ${lastDay}`,
      );
      const before = job.insuredBeforeCourse;
      d.check(
        'T1_NEW_EMPLOYER', BASIS.T, before === undefined ? 'unknown' : before ? 'fail' : 'pass',
        before === undefined ? '缺少该单位培训前的参保记录' : before ? '该单位在培训前已为其参保' : '该单位在培训前未为其参保',
        before === undefined ? 'No record of that employer’s insurance before the course' : before ? 'That employer insured the person before the course' : 'That employer did not insure the person before the course',
      );
    }
  }
  const prior = facts.priorAwards;
  const before = prior?.find((a) => a.rule === 'T1');
  d.check(
    'T1_ONCE', BASIS.T, prior === undefined ? 'unknown' : before ? 'fail' : 'pass',
    prior === undefined ? '缺少既往补贴记录' : before ? `此人已享受或申领就业补助（${before.claimId}）` : '此人未享受过该补助',
    prior === undefined ? 'No record of earlier awards' : before ? `The person already has this award (${before.claimId})` : 'No earlier award of this kind',
  );
  return d.finish(amount ?? 0, 'person', certified, [
    { number: 1, amount: amount ?? 0, payee: 'person', status: 'payable', zh: '培训后就业补助', en: 'Training-to-job grant' },
  ]);
}

/** T2, order-based training (项目制培训补贴), 500 yuan per trainee certified and placed as planned, paid to the institution. */
export function decideOrderTraining(facts: OrderTrainingFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('T2', T2_VERSION);
  const { filedOn, courseStart, plannedHeadcount } = facts.project;
  const perPerson = lookup(d.parameters, 'training.t2AmountPerPerson', book.training.t2AmountPerPerson, courseStart);
  d.check(
    'T2_IN_FORCE', BASIS.T, perPerson === null ? 'fail' : 'pass',
    perPerson === null ? `开班日期 ${courseStart} 不在政策实施期内` : `开班日期 ${courseStart} 在政策实施期内`,
    perPerson === null ? `The course starts on ${courseStart}, outside the policy period` : `The course starts on ${courseStart}, within the policy period`,
  );
  d.check(
    'T2_FILED_BEFORE_COURSE', BASIS.T, filedOn === undefined ? 'unknown' : filedOn < courseStart ? 'pass' : 'fail',
    filedOn === undefined ? '缺少项目备案记录' : filedOn < courseStart ? `项目于 ${filedOn} 备案，早于开班` : `项目于 ${filedOn} 备案，未早于开班 ${courseStart}`,
    filedOn === undefined ? 'No record of the project’s filing' : filedOn < courseStart ? `Project filed on ${filedOn}, before the course` : `Project filed on ${filedOn}, not before the course (${courseStart})`,
  );
  let placed = 0;
  let open = 0;
  for (const t of facts.trainees ?? []) {
    if (t.certified === false || t.placed === false || t.paidBefore === true) continue;
    if (t.certified && t.placed && t.paidBefore === false) placed++;
    else open++;
  }
  const trainees = facts.trainees;
  d.check(
    'T2_PLACED', BASIS.T, trainees === undefined ? 'unknown' : placed + open === 0 ? 'fail' : open > 0 ? 'unknown' : 'pass',
    trainees === undefined ? '缺少学员取证和上岗记录' : `取证并按计划上岗 ${placed} 人${open ? `，待核实 ${open} 人` : ''}`,
    trainees === undefined ? 'No record of trainees’ certificates and placements' : `${placed} trainees certified and placed as planned${open ? `, ${open} to be verified` : ''}`,
  );
  const counted = placed + open;
  const payable = plannedHeadcount === undefined ? counted : Math.min(counted, plannedHeadcount);
  d.check(
    'T2_WITHIN_PLAN', BASIS.T, plannedHeadcount === undefined ? 'unknown' : plannedHeadcount > 0 ? 'pass' : 'fail',
    plannedHeadcount === undefined ? '缺少项目计划人数' : plannedHeadcount <= 0 ? '项目计划无上岗人数' : counted > plannedHeadcount ? `按计划人数 ${plannedHeadcount} 人计（上岗 ${counted} 人）` : `计划 ${plannedHeadcount} 人，计 ${counted} 人`,
    plannedHeadcount === undefined ? 'No planned headcount on record' : plannedHeadcount <= 0 ? 'The project plans no placements' : counted > plannedHeadcount ? `Capped at the plan's ${plannedHeadcount} (${counted} placed)` : `Plan ${plannedHeadcount}, counted ${counted}`,
  );
  const amount = (perPerson ?? 0) * payable;
  return d.finish(amount, 'institution', courseStart, [
    { number: 1, amount, payee: 'institution', status: 'payable', zh: `项目制培训补贴 ${payable} 人`, en: `Order-based training grant for ${payable}` },
  ]);
}
