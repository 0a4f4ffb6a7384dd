import { BASIS, DecisionBuilder, yuan } from './decision';
import { lookup, ParameterBook } from './parameters';
import { Decision, InstalmentPlan, PriorAward } from './types';

export interface PublicServicePostFacts {
  asOf: string;
  /** The person's group code ('yulu_plan_graduate', 'poverty_household_graduate', …), null when in none. */
  group?: string | null;
  /** The post: its start (the relevant date), whether it is one of the quota posts, registered by its host unit. */
  post: { start: string; quotaPost?: boolean; hostRegistered?: boolean };
  /** Service months in order: the host's attendance confirmation, and days served of the month's days when partial. */
  months?: readonly { confirmed: boolean; daysServed?: number; days?: number }[];
  priorAwards?: readonly PriorAward[];
}

export const P1_VERSION = 'P1/2026-12-07';

/** P1, public-service posts (公共服务岗位): 2,010 a month for 3 months paid to the person, each after attendance, plus 100 insurance once. */
export function decidePublicServicePost(facts: PublicServicePostFacts, book: ParameterBook): Decision {
  const d = new DecisionBuilder('P1', P1_VERSION);
  const p = book.publicServicePost;
  const at = facts.post.start;
  const monthly = lookup(d.parameters, 'publicServicePost.monthly', p.monthly, at);
  const count = lookup(d.parameters, 'publicServicePost.months', p.months, at) ?? 0;
  const insurance = lookup(d.parameters, 'publicServicePost.insurance', p.insurance, at) ?? 0;
  const groups = lookup(d.parameters, 'publicServicePost.groups', p.groups, at) ?? [];
  d.check(
    'P1_IN_FORCE', BASIS.P1, monthly === null ? 'fail' : 'pass',
    monthly === null ? `上岗日期 ${at} 不在政策实施期内` : `上岗日期 ${at} 在政策实施期内`,
    monthly === null ? `The post starts on ${at}, outside the policy period` : `The post starts on ${at}, within the policy period`,
  );
  const group = facts.group;
  d.check(
    'P1_TARGET_GROUP', BASIS.P1, group === undefined ? 'unknown' : group !== null && groups.includes(group) ? 'pass' : 'fail',
    group === undefined ? '缺少“雨露计划”或脱贫家庭身份记录' : group !== null && groups.includes(group) ? '属于公共服务岗位吸纳对象' : '不属于公共服务岗位吸纳对象',
    group === undefined ? 'No record of 雨露计划 or poverty-household status' : group !== null && groups.includes(group) ? 'In a group the posts are for' : 'Not in a group the posts are for',
  );
  const { quotaPost, hostRegistered } = facts.post;
  const post = quotaPost === false || hostRegistered === false ? false : quotaPost === undefined || hostRegistered === undefined ? undefined : true;
  d.check(
    'P1_QUOTA_POST', BASIS.P1, post === undefined ? 'unknown' : post ? 'pass' : 'fail',
    post === undefined ? '缺少岗位备案记录' : post ? '岗位属于475个公共服务岗位并由用人单位登记' : '岗位不在公共服务岗位名额内或未登记',
    post === undefined ? 'No record of the post’s registration' : post ? 'One of the quota posts, registered by its host unit' : 'Not a quota post, or not registered by its host unit',
  );
  const prior = facts.priorAwards;
  const before = prior?.find((a) => a.rule === 'P1');
  d.check(
    'P1_ONCE', BASIS.P1, prior === undefined ? 'unknown' : before ? 'fail' : 'pass',
    prior === undefined ? '缺少既往补贴记录' : before ? `此人已享受公共服务岗位补贴（${before.claimId}）` : '此人未享受过该补贴',
    prior === undefined ? 'No record of earlier awards' : before ? `The person already has this award (${before.claimId})` : 'No earlier award of this kind',
  );

  const instalments: InstalmentPlan[] = [];
  let partialReview = false;
  const partialRule = facts.months?.some((m) => m.days !== undefined && m.daysServed !== undefined && m.daysServed < m.days)
    ? lookup(d.parameters, 'publicServicePost.partialMonth', p.partialMonth, at)
    : 'full';
  for (let k = 0; k < count; k++) {
    const month = facts.months?.[k];
    let amount = monthly ?? 0;
    if (month && month.days !== undefined && month.daysServed !== undefined && month.daysServed < month.days) {
      if (partialRule === 'pro_rata') amount = yuan((amount * Math.max(0, month.daysServed)) / month.days);
      else if (partialRule !== 'full') partialReview = true;
    }
    instalments.push({
      number: k + 1, amount, payee: 'person', status: month?.confirmed ? 'payable' : 'pending',
      zh: `第${k + 1}个月岗位补贴`, en: `Post subsidy, month ${k + 1}`,
    });
  }
  if (partialReview) {
    d.check('P1_PARTIAL_MONTH', BASIS.ADMINISTRATOR, 'unknown', '存在不满月的服务月，补贴标准待人工确定', 'A month was served in part: a person sets its amount');
  }
  const payee = lookup(d.parameters, 'publicServicePost.insurancePayee', p.insurancePayee, at);
  d.check(
    'P1_INSURANCE_PAYEE', BASIS.ADMINISTRATOR, payee === null ? 'unknown' : 'pass',
    payee === null ? '一次性人身保险费用的领取方未设定，需人工确定' : `一次性人身保险费用发放给${payee === 'person' ? '本人' : '用人单位'}`,
    payee === null ? 'The payee of the one-off insurance is not set: a person decides' : `The one-off insurance goes to the ${payee === 'person' ? 'person' : 'host unit'}`,
  );
  instalments.push({
    number: count + 1, amount: insurance, payee: payee ?? 'person', status: 'payable',
    zh: '一次性人身保险费用', en: 'One-off personal insurance',
  });
  const amount = yuan(instalments.reduce((sum, i) => sum + i.amount, 0));
  return d.finish(amount, 'person', at, instalments);
}
