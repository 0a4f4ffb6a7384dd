import { quarterEnd, quarterOf } from '@app/clock/shanghai-calendar';
import { BASIS, DecisionBuilder, verdictOf } from './decision';
import { lookup, ParameterBook } from './parameters';
import { Decision } from './types';

export interface SoeRegisterFacts {
  hireDate: string;
  stateOwned?: boolean;
  /** A graduate of a higher-education institution (any province), and when they left school. */
  graduate: { higherEducation?: boolean; graduationDate?: string };
}

export const S1_VERSION = 'S1/2026-12-07';

/**
 * S1, the SOE 增人增资 register: no payment, an entry in the register of SOE graduate hires for the quarterly
 * report. "Eligible" means "registered"; the parameter is looked up at the end of the hire's quarter, the report's date.
 */
export function decideSoeRegister(facts: SoeRegisterFacts, book: ParameterBook): Decision & { quarter: string; freshGraduate?: boolean } {
  const d = new DecisionBuilder('S1', S1_VERSION);
  const reportDate = quarterEnd(facts.hireDate);
  const quarter = quarterOf(facts.hireDate);
  const active = lookup(d.parameters, 'soeRegister.active', book.soeRegister.active, reportDate);
  d.check(
    'S1_IN_FORCE', BASIS.S1, active ? 'pass' : 'fail',
    active ? `${quarter} 在增人增资政策执行期内` : `${quarter} 不在增人增资政策执行期内`,
    active ? `${quarter} is within the policy period` : `${quarter} is outside the policy period`,
  );
  const soe = facts.stateOwned;
  d.check(
    'S1_STATE_OWNED', BASIS.S1, verdictOf(soe),
    soe === undefined ? '缺少企业所有制信息' : soe ? '国有企业' : '不是国有企业',
    soe === undefined ? 'The employer’s ownership is not on record' : soe ? 'A state-owned enterprise' : 'Not a state-owned enterprise',
  );
  const graduate = facts.graduate.higherEducation;
  d.check(
    'S1_GRADUATE', BASIS.S1, verdictOf(graduate),
    graduate === undefined ? '缺少学历记录' : graduate ? '高校毕业生' : '不是高校毕业生',
    graduate === undefined ? 'No education record' : graduate ? 'A higher-education graduate' : 'Not a higher-education graduate',
  );
  const left = facts.graduate.graduationDate;
  // 应届: left school in the year of the hire; reported, not a condition.
  return Object.assign(d.finish(0, 'none', reportDate), { quarter, freshGraduate: left === undefined ? undefined : left.slice(0, 4) === facts.hireDate.slice(0, 4) });
}
