import { BENEFITS } from './catalog/names';
import { Rng } from './prng';
import { Education, PayBasis, Skill, WorkType } from './types';

const EDUCATION_TEXT: Record<Education, string> = {
  primary: '学历不限',
  junior_high: '初中及以上学历',
  senior_high: '高中或中专及以上学历',
  vocational: '中专、技校及以上学历',
  college: '大专及以上学历',
  bachelor: '本科及以上学历',
  master: '硕士研究生及以上学历',
};

const WORK_TYPE_TEXT: Record<WorkType, string> = { full_time: '全职', part_time: '兼职', seasonal: '季节性用工', gig: '灵活用工（零工）' };
const PAY_TEXT: Record<PayBasis, string> = { monthly: '月薪', hourly: '按小时计薪，折合月收入', piece: '计件工资，折合月收入' };

/**
 * Posting phrases that are welcome: lawful preferences for priority groups and neutral statements.
 * Nothing here may trip the posting screen (no gender, age, hukou, health or fee conditions).
 */
const WELCOME = ['男女不限', '欢迎退役军人报名', '欢迎高校毕业生报名', '脱贫劳动力优先', '欢迎返乡人员报名', '年龄不限，身体能适应岗位要求即可'];

/** Follow-up tasks with words that are hard for segmenters: 处理 inside 待处理, compounds, near-homophones. */
const ROUTINE = [
  '及时跟进待处理事项并做好交接记录',
  '做好岗位台账和日常记录，协助处理客户反馈',
  '配合班组长完成每日待办事项',
  '参加公司组织的安全教育和技能提升活动',
  '按标准流程处理突发情况并及时上报',
];

export const TRAINING_OFFERS = [
  '公司出资的免费岗前培训3天，培训期间照发工资',
  '师傅带教，一个月内可独立上岗',
  '提供职业技能等级认定培训，费用由公司承担',
  '企业新型学徒制培养，培训期间工资照发',
  '入职后参加免费安全生产培训',
];

export interface ShortageTextFacts {
  employerName: string;
  occupationName: string;
  headcount: number;
  requiredSkills: Skill[];
  preferredSkills: Skill[];
  certificateNames: string[];
  education: Education;
  experienceYears: number;
  wageMin: number;
  wageMax: number;
  payBasis: PayBasis;
  workType: WorkType;
  shifts: string;
  address: string;
  trainingOffered: string | null;
  openToDisabled: boolean;
  acceptsTrainees: boolean;
}

/** A posting in the style of public employment service notices. */
export function shortageDescription(rng: Rng, f: ShortageTextFacts): string {
  const duties = f.requiredSkills.map((s) => s.name).join('、');
  const requirements = [
    EDUCATION_TEXT[f.education],
    f.experienceYears > 0 ? `${f.experienceYears}年以上相关工作经验` : '无经验亦可，入职有师傅带教',
    `熟悉${duties}`,
    ...(f.preferredSkills.length ? [`掌握${f.preferredSkills.map((s) => s.name).join('、')}者优先`] : []),
    ...(f.certificateNames.length ? [`持有${f.certificateNames.join('、')}`] : []),
  ];
  const welcome = rng.sample(WELCOME, rng.int(1, 2));
  if (f.openToDisabled) welcome.push('欢迎残疾人朋友报名');
  if (f.acceptsTrainees) welcome.push('可接收高校毕业生就业见习');
  const benefits = rng.sample(BENEFITS, rng.int(2, 4)).join('、');
  return [
    `${f.employerName}因业务发展需要，招聘${f.occupationName}${f.headcount}名（${WORK_TYPE_TEXT[f.workType]}）。`,
    `岗位职责：负责${duties}等工作，${rng.pick(ROUTINE)}。`,
    `任职要求：${requirements.join('；')}。${welcome.join('，')}。`,
    `薪酬待遇：${PAY_TEXT[f.payBasis]}${f.wageMin}-${f.wageMax}元，${benefits}。`,
    `工作时间：${f.shifts}。`,
    ...(f.trainingOffered ? [`培训安排：${f.trainingOffered}。`] : []),
    `工作地点：${f.address}。`,
  ].join('\n');
}
