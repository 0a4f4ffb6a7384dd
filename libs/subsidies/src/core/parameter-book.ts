import { DatedValue, ParameterBook, Series } from './parameters';

/**
 * The parameters as the provincial plan writes them. Source: 海南省《加力重点领域、重点行业、城乡基层和中小微企业岗位
 * 挖潜扩容 支持重点群体就业创业实施方案》 (implementing 国就劳发〔2025〕2号), clauses quoted in `source`. The plan
 * names no start date and its document number is not in the text we hold: every first entry starts on
 * PROVISIONAL_START, marked provisional, until an administrator enters the date and number. Values the plan leaves
 * open (policy.md section 1) are null: a rule that needs them answers "unknown" and a person decides.
 */
export const PLAN = '海南省岗位挖潜扩容支持重点群体就业创业实施方案';
export const PROVISIONAL_START = '2025-01-01';
/** An administrator's setting where the plan is silent (policy.md: a parameter, never a guess in code). */
export const ADMINISTRATOR = '待管理员设定 (plan silent)';

const start = <T>(value: T | null, source: string): DatedValue<T> => ({ from: PROVISIONAL_START, value, document: PLAN, source, provisional: true });
const ends = <T>(from: string, source: string): DatedValue<T> => ({ from, value: null, document: PLAN, source });
const unset = <T>(source: string): Series<T> => [{ from: PROVISIONAL_START, value: null, document: ADMINISTRATOR, source, provisional: true }];

const G1_CLAUSE =
  '三(二): 中小微企业或社会组织新招用离校2年内未就业本省普通高校毕业生，与招用人员签订1年以上劳动合同并缴纳社会保险费，履行劳动合同满6个月后，按每招用1人给予一次性奖励2000元，政策实施至2025年12月31日';
const I_CLAUSE =
  '二(六): 对首次从事个体经营，处于正常运营状态并进行就业登记的个体工商户，每户发放300元补贴；对吸纳3人以上（含本人）就业并进行就业登记的个体工商户，每户发放1000元补贴，政策实施至2025年12月31日';
const T_CLAUSE =
  '三(五): 个人参加补贴性技能培训取得有效证书，并在6个月内实现就业（参加社会保险或就业登记）的，给予500元/人的就业补助；培训机构组织开展订单式、定向式等项目制培训，按照取得有效证书并按计划上岗的人数给予500元/人的培训补贴';
const P_CLAUSE =
  '二(七): 开发475个非营利性公共服务岗位吸纳“雨露计划”毕业生、脱贫家庭高校毕业生等困难群体就业，给予每人每月补贴2010元和每人一次性人身保险费用100元，补贴期限3个月';
const J_CLAUSE =
  '三(一): 给予见习人员单险种参加工伤保险补贴，补贴可与人身意外伤害保险补贴同时享受，对见习期未满与见习人员签订劳动合同的，给予剩余期限见习补贴，政策实施至2025年12月31日';
const S_CLAUSE = '三(二): 稳定扩大国有企业招聘高校毕业生规模，延续实施国有企业一次性增人增资政策，政策执行至2026年12月31日';

export const DEFAULT_PARAMETERS: ParameterBook = {
  g1: {
    amount: [start(2000, G1_CLAUSE), ends('2026-01-01', G1_CLAUSE)],
    monthsSinceGraduation: [start(24, G1_CLAUSE)],
    minimumContractMonths: [start(12, G1_CLAUSE)],
    monthsFulfilled: [start(6, G1_CLAUSE)],
    soeOfSmeSize: [{ from: PROVISIONAL_START, value: 'review', document: ADMINISTRATOR, source: 'policy.md 1: SOEs of SME size: to settle', provisional: true }],
    priorMonthInsuranceRefuses: [{ from: PROVISIONAL_START, value: false, document: ADMINISTRATOR, source: 'policy.md 1: 未就业 = no 职工社保 the month before (to confirm)', provisional: true }],
    dispatchExcluded: [{ from: PROVISIONAL_START, value: true, document: ADMINISTRATOR, source: 'policy.md 1 edge cases: 劳务派遣 excluded by default', provisional: true }],
    exclusiveWith: [{ from: PROVISIONAL_START, value: ['G1', 'ABSORB'], document: ADMINISTRATOR, source: 'policy.md 1: once per person; exclusive with other 吸纳 subsidies for the same hire', provisional: true }],
    province: [start('46', `${G1_CLAUSE} (本省 = 海南, GB/T 2260 46)`)],
  },
  individualBusiness: {
    i1Amount: [start(300, I_CLAUSE), ends('2026-01-01', I_CLAUSE)],
    i2Amount: [start(1000, I_CLAUSE), ends('2026-01-01', I_CLAUSE)],
    i2MinimumPeople: [start(3, I_CLAUSE)],
    combinable: [{ from: PROVISIONAL_START, value: 'unsettled', document: ADMINISTRATOR, source: 'policy.md 1: whether I1 and I2 add up is unclear; ask the province', provisional: true }],
    taxFilingWithinMonths: [{ from: PROVISIONAL_START, value: 3, document: ADMINISTRATOR, source: 'policy.md 1: 正常运营 default: 存续, not on the abnormal list, a recent tax filing', provisional: true }],
  },
  training: {
    t1Amount: [start(500, T_CLAUSE)],
    t1MonthsToEmployment: [start(6, T_CLAUSE)],
    t2AmountPerPerson: [start(500, T_CLAUSE)],
  },
  publicServicePost: {
    monthly: [start(2010, P_CLAUSE)],
    months: [start(3, P_CLAUSE)],
    insurance: [start(100, P_CLAUSE)],
    insurancePayee: unset('policy.md 1: the 100 yuan insurance payee is a parameter (policy silent)'),
    partialMonth: [{ from: PROVISIONAL_START, value: 'review', document: ADMINISTRATOR, source: 'policy.md 1: partial months are a parameter (policy silent)', provisional: true }],
    groups: [start(['yulu_plan_graduate', 'poverty_household_graduate'], P_CLAUSE)],
  },
  trainee: {
    monthlyStandard: unset('三(一) and policy.md 1: the local monthly 见习 standard'),
    maxShareOfStaff: unset('policy.md 1: cap as a share of staff (Shantou: 30%)'),
    injuryInsuranceReimbursed: [start(true, J_CLAUSE), ends('2026-01-01', J_CLAUSE)],
    remainingMonthsOnContract: [start(true, J_CLAUSE), ends('2026-01-01', J_CLAUSE)],
  },
  soeRegister: {
    active: [start(true, S_CLAUSE), ends('2027-01-01', S_CLAUSE)],
  },
};
