import { combine, evaluate, Evaluation } from './evaluate';
import { effectiveRadiusKm, epochDay, OCC_EXACT, OCC_MEDIUM, OCC_MINOR } from './primitives';
import { SeekerFacts, ShortageFacts } from './types';
import { DEFAULT_MATCH_WEIGHTS, FACTORS, MatchWeights } from './weights';

export interface FactorContribution {
  factor: keyof MatchWeights;
  value: number;
  weight: number;
  /** Points of the 0..100 score this factor gives. */
  contribution: number;
}

export interface MatchReason {
  code: string;
  zh: string;
  en: string;
  kind: 'fit' | 'gap' | 'info';
}

export interface MatchGap {
  kind: 'skill' | 'certificate';
  name: string;
  code?: string;
  requiredLevel?: number;
  heldLevel?: number;
}

export interface MatchExplanation {
  score: number;
  factors: FactorContribution[];
  reasons: MatchReason[];
  gaps: MatchGap[];
  /** Holds every required certificate and skill at level, within reach, in a related occupation. */
  eligible: boolean;
  /** Not eligible only because of 1 or 2 missing required skills or certificates: a training-referral candidate. */
  nearFit: boolean;
}

export interface MatchNames {
  certificate?(code: string): string | undefined;
}

/** 0..100; deterministic, and the same number `explainMatch` and the compiled kernel give. */
export function scoreMatch(seeker: SeekerFacts, shortage: ShortageFacts, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): number {
  return combine(evaluate(seeker, shortage).values, weights);
}

const EDUCATION_ORDER = ['primary', 'junior_high', 'senior_high', 'vocational', 'college', 'bachelor', 'master'];
const EDUCATION_ZH: Record<string, string> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  master: '硕士',
};
const WORK_TYPE_ZH: Record<string, string> = { full_time: '全职', part_time: '兼职', seasonal: '季节性', gig: '零工' };
const WORK_TYPE_EN: Record<string, string> = { full_time: 'full-time', part_time: 'part-time', seasonal: 'seasonal', gig: 'gig' };

const km = (value: number) => (value < 10 ? value.toFixed(1) : String(Math.round(value)));

function occupationReason(e: Evaluation, shortage: ShortageFacts): MatchReason {
  const via = e.occupationVia;
  const source = via?.fromExperience ? { zh: '从业经历', en: 'past work' } : { zh: '求职意向', en: 'wanted occupation' };
  switch (e.occupationLevel) {
    case OCC_EXACT:
      return { code: 'OCCUPATION_EXACT', kind: 'fit', zh: `${source.zh}与岗位职业一致（${shortage.occupationCode}）`, en: `${source.en} is this occupation (${shortage.occupationCode})` };
    case OCC_MINOR:
      return { code: 'OCCUPATION_SAME_MINOR', kind: 'fit', zh: `${source.zh}属同一职业小类（${via?.code}）`, en: `${source.en} is in the same minor group (${via?.code})` };
    case OCC_MEDIUM:
      return { code: 'OCCUPATION_SAME_MEDIUM', kind: 'fit', zh: `${source.zh}属同一职业中类（${via?.code}）`, en: `${source.en} is in the same medium group (${via?.code})` };
    default:
      return e.values[0] > 0
        ? { code: 'OCCUPATION_RELATED_SKILLS', kind: 'info', zh: '职业不同，但掌握该岗位部分必需技能', en: 'Different occupation, but holds some of the required skills' }
        : { code: 'OCCUPATION_UNRELATED', kind: 'gap', zh: '求职意向与经历均与该职业无关', en: 'Neither wanted occupations nor experience relate to this occupation' };
  }
}

function distanceReason(e: Evaluation, seeker: SeekerFacts, shortage: ShortageFacts): MatchReason {
  const radius = effectiveRadiusKm(seeker.travelRadiusKm);
  if (e.distanceKm === null) {
    return e.withinReach
      ? { code: 'DISTANCE_UNKNOWN_SAME_REGION', kind: 'info', zh: '同一区县，具体距离未知', en: 'Same county; exact distance unknown' }
      : { code: 'DISTANCE_UNKNOWN_OTHER_REGION', kind: 'gap', zh: `不在同一区县（${shortage.regionCode}），具体距离未知`, en: `Another county (${shortage.regionCode}); exact distance unknown` };
  }
  const d = km(e.distanceKm);
  if (e.distanceKm <= radius) return { code: 'DISTANCE', kind: 'fit', zh: `距离 ${d} 公里`, en: `${d} km away` };
  return {
    code: e.withinReach ? 'DISTANCE_BEYOND_RADIUS' : 'DISTANCE_OUT_OF_REACH',
    kind: 'gap',
    zh: `距离 ${d} 公里，超出期望通勤范围 ${km(radius)} 公里`,
    en: `${d} km away, beyond the ${km(radius)} km travel radius`,
  };
}

function wageReason(seeker: SeekerFacts, shortage: ShortageFacts): MatchReason {
  const range = `${shortage.wageMin}-${shortage.wageMax}`;
  if (seeker.wageExpectation === null) return { code: 'WAGE_NO_EXPECTATION', kind: 'info', zh: `月薪 ${range} 元（未填期望薪资）`, en: `Pays ${range} yuan a month (no expectation given)` };
  return shortage.wageMax >= seeker.wageExpectation
    ? { code: 'WAGE_MEETS', kind: 'fit', zh: `月薪 ${range} 元，达到期望 ${seeker.wageExpectation} 元`, en: `Pays ${range} yuan, meets the expected ${seeker.wageExpectation}` }
    : { code: 'WAGE_BELOW', kind: 'gap', zh: `月薪最高 ${shortage.wageMax} 元，低于期望 ${seeker.wageExpectation} 元`, en: `Pays at most ${shortage.wageMax} yuan, below the expected ${seeker.wageExpectation}` };
}

/** Score, factor contributions, bilingual reasons (at least distance, occupation and wage) and gaps. */
export function explainMatch(seeker: SeekerFacts, shortage: ShortageFacts, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS, names?: MatchNames): MatchExplanation {
  const e = evaluate(seeker, shortage);
  const score = combine(e.values, weights);
  let total = 0;
  for (const factor of FACTORS) total += weights[factor];
  const factors = FACTORS.map((factor, i) => ({ factor, value: e.values[i], weight: weights[factor], contribution: total > 0 ? (weights[factor] * e.values[i] * 100) / total : 0 }));

  const certificateName = (code: string) => names?.certificate?.(code) ?? code;
  const reasons: MatchReason[] = [occupationReason(e, shortage), distanceReason(e, seeker, shortage), wageReason(seeker, shortage)];
  const gaps: MatchGap[] = [];

  for (const check of e.requiredSkills) {
    if (check.heldLevel >= check.requiredLevel) {
      reasons.push({ code: 'SKILL_REQUIRED_MET', kind: 'fit', zh: `掌握必需技能：${check.name}（${check.heldLevel}级）`, en: `Has required skill ${check.name} (level ${check.heldLevel})` });
    } else if (check.heldLevel > 0) {
      reasons.push({ code: 'SKILL_BELOW_LEVEL', kind: 'gap', zh: `${check.name}需${check.requiredLevel}级，现为${check.heldLevel}级`, en: `${check.name}: level ${check.requiredLevel} needed, has ${check.heldLevel}` });
      gaps.push({ kind: 'skill', name: check.name, requiredLevel: check.requiredLevel, heldLevel: check.heldLevel });
    } else {
      reasons.push({ code: 'MISSING_SKILL', kind: 'gap', zh: `缺少必需技能：${check.name}`, en: `Missing required skill: ${check.name}` });
      gaps.push({ kind: 'skill', name: check.name, requiredLevel: check.requiredLevel, heldLevel: 0 });
    }
  }
  for (const code of e.certificatesHeld) {
    const name = certificateName(code);
    reasons.push({ code: 'CERT_REQUIRED_HELD', kind: 'fit', zh: `持有${name}（必需）`, en: `Holds ${name} (required)` });
  }
  for (const code of e.certificatesMissing) {
    const name = certificateName(code);
    reasons.push({ code: 'MISSING_CERT', kind: 'gap', zh: `缺少：${name}`, en: `Missing: ${name}` });
    gaps.push({ kind: 'certificate', name, code });
  }
  const preferredHeld = e.preferredSkills.filter((check) => check.heldLevel >= check.requiredLevel).map((check) => check.name);
  if (preferredHeld.length) {
    reasons.push({ code: 'SKILL_PREFERRED_HELD', kind: 'fit', zh: `具备优先技能：${preferredHeld.join('、')}`, en: `Has preferred skills: ${preferredHeld.join(', ')}` });
  }
  if (e.values[4] < 1 && shortage.minSkillLevel !== null) {
    reasons.push(
      seeker.skillLevel === null
        ? { code: 'SKILL_LEVEL_UNKNOWN', kind: 'info', zh: `岗位要求技能等级${shortage.minSkillLevel}级，未填技能等级`, en: `Skill level ${shortage.minSkillLevel} asked; none given` }
        : { code: 'SKILL_LEVEL_BELOW', kind: 'gap', zh: `岗位要求技能等级${shortage.minSkillLevel}级，现为${seeker.skillLevel}级`, en: `Skill level ${shortage.minSkillLevel} asked; has ${seeker.skillLevel}` },
    );
  }
  if (e.experienceYears > 0) {
    reasons.push({ code: 'EXPERIENCE_IN_FAMILY', kind: 'fit', zh: `同类工作经验 ${e.experienceYears} 年`, en: `${e.experienceYears} years in this line of work` });
  } else if ((shortage.experienceYears ?? 0) > 0) {
    reasons.push({ code: 'EXPERIENCE_MISSING', kind: 'gap', zh: `岗位要求 ${shortage.experienceYears} 年经验，无同类经验`, en: `${shortage.experienceYears} years asked; none in this line of work` });
  }
  const availableDay = epochDay(seeker.availableFrom);
  const delay = availableDay - epochDay(shortage.startDate);
  if (delay > 0) {
    reasons.push({ code: 'AVAILABLE_LATE', kind: 'gap', zh: `到岗时间比开工日期晚 ${delay} 天`, en: `Available ${delay} days after the start date` });
  } else if (availableDay === availableDay) {
    reasons.push({ code: 'AVAILABLE', kind: 'fit', zh: '开工日期前可到岗', en: 'Available by the start date' });
  }
  const workZh = WORK_TYPE_ZH[shortage.workType] ?? shortage.workType;
  const workEn = WORK_TYPE_EN[shortage.workType] ?? shortage.workType;
  if (e.values[8] === 1) reasons.push({ code: 'WORK_TYPE_MATCH', kind: 'fit', zh: `接受${workZh}工作`, en: `Accepts ${workEn} work` });
  else if (e.values[8] === 0) reasons.push({ code: 'WORK_TYPE_MISMATCH', kind: 'gap', zh: `未选择${workZh}工作`, en: `Did not choose ${workEn} work` });
  if (shortage.education && seeker.education) {
    const gap = EDUCATION_ORDER.indexOf(shortage.education) - EDUCATION_ORDER.indexOf(seeker.education);
    // Education is shown, not scored: postings over-ask for it, and it is no factor of MatchWeights.
    if (gap > 0) {
      reasons.push({
        code: 'EDUCATION_BELOW_POSTING',
        kind: 'info',
        zh: `岗位写明学历${EDUCATION_ZH[shortage.education] ?? shortage.education}，现为${EDUCATION_ZH[seeker.education] ?? seeker.education}`,
        en: `Posting asks for ${shortage.education}; has ${seeker.education}`,
      });
    }
  }
  // The group itself is sensitive: the reason says that a policy priority applies, never which one.
  if (e.priorityGroupApplies) reasons.push({ code: 'PRIORITY_GROUP', kind: 'info', zh: '属于政策重点就业群体（本人已授权）', en: 'In a policy priority group (with consent)' });

  return { score, factors, reasons, gaps, eligible: e.eligible, nearFit: e.nearFit };
}
