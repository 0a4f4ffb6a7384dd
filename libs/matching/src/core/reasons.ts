import { EDUCATION_LADDER, EDUCATION_NAMES_ZH, educationRank as rankOfEducation } from '@app/taxonomy/education';
import { DEFAULT_MATCH_WEIGHTS, FACTORS, MatchWeights } from './weights';

/**
 * Explanations in two forms. A run computes and stores the compact form for every kept pair: factor values and
 * reason codes with their parameters (numbers, names, codes), no text. The human text, in Chinese and English,
 * is rendered from it when a response is read (`renderExplanation`): a page of 20 candidates costs about a tenth of
 * a millisecond, whereas rendering every kept pair at scoring time cost more than the scoring itself (benchmark B12).
 */

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

/** A pair's full explanation, rendered: what the reference scorer (testing/scoring.ts) gives from facts. */
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

/** A gap as stored: a certificate by code only (its display name is looked up when rendered). */
export type CompactGap = { kind: 'skill'; name: string; requiredLevel: number; heldLevel: number } | { kind: 'certificate'; code: string };

/** Reason parameters: numbers, and names or codes as strings. */
export type ReasonParams = (number | string)[];

/**
 * The stored form of an explanation (format 2; format 1 was the rendered `MatchExplanationRecord`).
 * `r` is flat: a reason's numeric code (`R`) followed by its parameters (`REASONS[code].params`: for instance
 * `[7, 4.21]` is DISTANCE 4.21 km, `[13, '生活照料', 3]` SKILL_REQUIRED_MET at level 3; SKILL_PREFERRED_HELD gives
 * a count, then that many names).
 */
export interface CompactExplanation {
  v: 2;
  /** Factor values in FACTORS order, each in [0, 1]. */
  f: number[];
  r: ReasonParams;
  /**
   * Missing or below-level required skills and missing required certificates (`gapsOf(r)`), absent when none: for
   * SQL (training referrals, training needs), which reads them without decoding `r`.
   */
  g?: CompactGap[];
  /** Weights in FACTORS order, only when they were not DEFAULT_MATCH_WEIGHTS. */
  w?: number[];
}

/** What the API shows of an explanation (the rendered form). */
export interface MatchExplanationRecord {
  factors: FactorContribution[];
  reasons: MatchReason[];
  gaps: MatchGap[];
  distanceKm: number | null;
  /**
   * How the distance was judged: 'measured' between points, 'estimated' from a centroid (township, district or
   * city), 'region' by region codes when a side has no coordinates. Absent on explanations stored before.
   */
  distanceBasis?: 'measured' | 'estimated' | 'region';
}

export interface MatchNames {
  certificate?(code: string): string | undefined;
  /** A region's display name (海口市); the code is shown when absent. */
  region?(code: string): string | undefined;
}

/** Numeric reason codes of the compact form. Stored data refers to them: append only, never renumber. */
export const R = {
  OCCUPATION_EXACT: 0,
  OCCUPATION_SAME_MINOR: 1,
  OCCUPATION_SAME_MEDIUM: 2,
  OCCUPATION_RELATED_SKILLS: 3,
  OCCUPATION_UNRELATED: 4,
  DISTANCE_UNKNOWN_SAME_REGION: 5,
  DISTANCE_UNKNOWN_OTHER_REGION: 6,
  DISTANCE: 7,
  DISTANCE_BEYOND_RADIUS: 8,
  DISTANCE_OUT_OF_REACH: 9,
  WAGE_NO_EXPECTATION: 10,
  WAGE_MEETS: 11,
  WAGE_BELOW: 12,
  SKILL_REQUIRED_MET: 13,
  SKILL_BELOW_LEVEL: 14,
  MISSING_SKILL: 15,
  CERT_REQUIRED_HELD: 16,
  MISSING_CERT: 17,
  SKILL_PREFERRED_HELD: 18,
  SKILL_LEVEL_UNKNOWN: 19,
  SKILL_LEVEL_BELOW: 20,
  EXPERIENCE_IN_FAMILY: 21,
  EXPERIENCE_MISSING: 22,
  AVAILABLE_LATE: 23,
  AVAILABLE: 24,
  WORK_TYPE_MATCH: 25,
  WORK_TYPE_MISMATCH: 26,
  EDUCATION_BELOW_POSTING: 27,
  PRIORITY_GROUP: 28,
  /** A side has no coordinates: matched by region, same county. Parameter: which side lacks them (REGION_SIDE_*). */
  REGION_SAME_COUNTY: 29,
  /** A side has no coordinates: matched by region, the same city with one side's county unknown (side, the city's code). */
  REGION_SAME_CITY: 30,
  /** A side's location is a centroid: distance (km) estimated, and the coarser precision ('township' …). */
  DISTANCE_ESTIMATED: 31,
  DISTANCE_ESTIMATED_BEYOND_RADIUS: 32,
  DISTANCE_ESTIMATED_OUT_OF_REACH: 33,
} as const;

/** Which side of a pair has no coordinates (a bit each), the parameter of REGION_SAME_COUNTY and REGION_SAME_CITY. */
export const REGION_SIDE_SHORTAGE = 1;
export const REGION_SIDE_SEEKER = 2;

const SIDE_ZH = ['', '岗位未定位', '求职者未定位', '岗位和求职者均未定位'];
const SIDE_EN = ['', 'The job has no location', 'The seeker has no location', 'Neither has a location'];
const PRECISION_ZH: Record<string, string> = { township: '镇街', district: '区县', city: '市县' };
const PRECISION_EN: Record<string, string> = { township: 'township', district: 'county or district', city: 'city' };

/** The education ladder has one home, libs/taxonomy/src/education.ts. */
export const EDUCATION_ORDER: readonly string[] = EDUCATION_LADDER;
const EDUCATION_ZH: Readonly<Record<string, string>> = EDUCATION_NAMES_ZH;
const WORK_TYPE_ZH: Record<string, string> = { full_time: '全职', part_time: '兼职', seasonal: '季节性', gig: '零工' };
const WORK_TYPE_EN: Record<string, string> = { full_time: 'full-time', part_time: 'part-time', seasonal: 'seasonal', gig: 'gig' };

const km = (value: number) => (value < 10 ? value.toFixed(1) : String(Math.round(value)));
const source = (fromExperience: unknown) => (fromExperience ? { zh: '从业经历', en: 'past work' } : { zh: '求职意向', en: 'wanted occupation' });

type Text = (p: ReasonParams, certificate: (code: string) => string, region: (code: string) => string) => { zh: string; en: string };

/**
 * A reason's parameters, one letter each: n a number, s a skill name, c a certificate code, o an occupation code,
 * r a region code, w a work type, e an education level, p a location precision ('township', 'district', 'city');
 * '*s': a count, then that many skill names.
 */
export type ParamKinds = '' | 'n' | 'nn' | 'nnn' | 'r' | 'no' | 's' | 'sn' | 'snn' | 'c' | '*s' | 'w' | 'ee' | 'nr' | 'np' | 'nnp';

interface ReasonSpec {
  code: string;
  kind: MatchReason['kind'];
  params: ParamKinds;
  /** Parameters that follow the code; -1: a count, then that many. */
  arity: number;
  text: Text;
}

const spec = (code: keyof typeof R, kind: MatchReason['kind'], params: ParamKinds, text: Text): ReasonSpec => ({
  code,
  kind,
  params,
  arity: params.startsWith('*') ? -1 : params.length,
  text,
});

/** By numeric code: the string code, kind, parameter count and the bilingual text. */
export const REASONS: readonly ReasonSpec[] = [
  spec('OCCUPATION_EXACT', 'fit', 'no', ([fromExperience, code]) => ({
    zh: `${source(fromExperience).zh}与岗位职业一致（${code}）`,
    en: `${source(fromExperience).en} is this occupation (${code})`,
  })),
  spec('OCCUPATION_SAME_MINOR', 'fit', 'no', ([fromExperience, code]) => ({
    zh: `${source(fromExperience).zh}属同一职业小类（${code}）`,
    en: `${source(fromExperience).en} is in the same minor group (${code})`,
  })),
  spec('OCCUPATION_SAME_MEDIUM', 'fit', 'no', ([fromExperience, code]) => ({
    zh: `${source(fromExperience).zh}属同一职业中类（${code}）`,
    en: `${source(fromExperience).en} is in the same medium group (${code})`,
  })),
  spec('OCCUPATION_RELATED_SKILLS', 'info', '', () => ({ zh: '职业不同，但掌握该岗位部分必需技能', en: 'Different occupation, but holds some of the required skills' })),
  spec('OCCUPATION_UNRELATED', 'gap', '', () => ({ zh: '求职意向与经历均与该职业无关', en: 'Neither wanted occupations nor experience relate to this occupation' })),
  spec('DISTANCE_UNKNOWN_SAME_REGION', 'info', '', () => ({ zh: '同一区县，具体距离未知', en: 'Same county; exact distance unknown' })),
  spec('DISTANCE_UNKNOWN_OTHER_REGION', 'gap', 'r', ([region]) => ({ zh: `不在同一区县（${region}），具体距离未知`, en: `Another county (${region}); exact distance unknown` })),
  spec('DISTANCE', 'fit', 'n', ([d]) => ({ zh: `距离 ${km(d as number)} 公里`, en: `${km(d as number)} km away` })),
  spec('DISTANCE_BEYOND_RADIUS', 'gap', 'nn', ([d, radius]) => beyondRadius(d as number, radius as number)),
  spec('DISTANCE_OUT_OF_REACH', 'gap', 'nn', ([d, radius]) => beyondRadius(d as number, radius as number)),
  spec('WAGE_NO_EXPECTATION', 'info', 'nn', ([min, max]) => ({ zh: `月薪 ${min}-${max} 元（未填期望薪资）`, en: `Pays ${min}-${max} yuan a month (no expectation given)` })),
  spec('WAGE_MEETS', 'fit', 'nnn', ([min, max, expected]) => ({ zh: `月薪 ${min}-${max} 元，达到期望 ${expected} 元`, en: `Pays ${min}-${max} yuan, meets the expected ${expected}` })),
  spec('WAGE_BELOW', 'gap', 'nn', ([max, expected]) => ({ zh: `月薪最高 ${max} 元，低于期望 ${expected} 元`, en: `Pays at most ${max} yuan, below the expected ${expected}` })),
  spec('SKILL_REQUIRED_MET', 'fit', 'sn', ([name, held]) => ({ zh: `掌握必需技能：${name}（${held}级）`, en: `Has required skill ${name} (level ${held})` })),
  spec('SKILL_BELOW_LEVEL', 'gap', 'snn', ([name, required, held]) => ({ zh: `${name}需${required}级，现为${held}级`, en: `${name}: level ${required} needed, has ${held}` })),
  spec('MISSING_SKILL', 'gap', 'sn', ([name]) => ({ zh: `缺少必需技能：${name}`, en: `Missing required skill: ${name}` })),
  spec('CERT_REQUIRED_HELD', 'fit', 'c', ([code], certificate) => ({ zh: `持有${certificate(code as string)}（必需）`, en: `Holds ${certificate(code as string)} (required)` })),
  spec('MISSING_CERT', 'gap', 'c', ([code], certificate) => ({ zh: `缺少：${certificate(code as string)}`, en: `Missing: ${certificate(code as string)}` })),
  spec('SKILL_PREFERRED_HELD', 'fit', '*s', (names) => ({ zh: `具备优先技能：${names.join('、')}`, en: `Has preferred skills: ${names.join(', ')}` })),
  spec('SKILL_LEVEL_UNKNOWN', 'info', 'n', ([min]) => ({ zh: `岗位要求技能等级${min}级，未填技能等级`, en: `Skill level ${min} asked; none given` })),
  spec('SKILL_LEVEL_BELOW', 'gap', 'nn', ([min, level]) => ({ zh: `岗位要求技能等级${min}级，现为${level}级`, en: `Skill level ${min} asked; has ${level}` })),
  spec('EXPERIENCE_IN_FAMILY', 'fit', 'n', ([years]) => ({ zh: `同类工作经验 ${years} 年`, en: `${years} years in this line of work` })),
  spec('EXPERIENCE_MISSING', 'gap', 'n', ([years]) => ({ zh: `岗位要求 ${years} 年经验，无同类经验`, en: `${years} years asked; none in this line of work` })),
  spec('AVAILABLE_LATE', 'gap', 'n', ([days]) => ({ zh: `到岗时间比开工日期晚 ${days} 天`, en: `Available ${days} days after the start date` })),
  spec('AVAILABLE', 'fit', '', () => ({ zh: '开工日期前可到岗', en: 'Available by the start date' })),
  spec('WORK_TYPE_MATCH', 'fit', 'w', ([type]) => ({ zh: `接受${workZh(type as string)}工作`, en: `Accepts ${workEn(type as string)} work` })),
  spec('WORK_TYPE_MISMATCH', 'gap', 'w', ([type]) => ({ zh: `未选择${workZh(type as string)}工作`, en: `Did not choose ${workEn(type as string)} work` })),
  spec('EDUCATION_BELOW_POSTING', 'info', 'ee', ([asked, has]) => ({
    zh: `岗位写明学历${EDUCATION_ZH[asked as string] ?? asked}，现为${EDUCATION_ZH[has as string] ?? has}`,
    en: `Posting asks for ${asked}; has ${has}`,
  })),
  // The group itself is sensitive: the reason says that a policy priority applies, never which one.
  spec('PRIORITY_GROUP', 'info', '', () => ({ zh: '属于政策重点就业群体（本人已授权）', en: 'In a policy priority group (with consent)' })),
  spec('REGION_SAME_COUNTY', 'info', 'n', ([side]) => ({
    zh: `${SIDE_ZH[side as number] ?? SIDE_ZH[3]}，按所在区县匹配：同一区县（距离未知）`,
    en: `${SIDE_EN[side as number] ?? SIDE_EN[3]}: matched by county (same county; distance unknown)`,
  })),
  spec('REGION_SAME_CITY', 'info', 'nr', ([side, city], _certificate, region) => ({
    zh: `${SIDE_ZH[side as number] ?? SIDE_ZH[3]}，按所在区县匹配：同属${region(city as string)}（区县不详，距离未知）`,
    en: `${SIDE_EN[side as number] ?? SIDE_EN[3]}: matched by region (both in ${region(city as string)}, county not known; distance unknown)`,
  })),
  spec('DISTANCE_ESTIMATED', 'fit', 'np', ([d, precision]) => ({
    zh: `距离约 ${km(d as number)} 公里（${estimatedZh(precision as string)}）`,
    en: `About ${km(d as number)} km away (${estimatedEn(precision as string)})`,
  })),
  spec('DISTANCE_ESTIMATED_BEYOND_RADIUS', 'gap', 'nnp', ([d, radius, precision]) => beyondRadiusEstimated(d as number, radius as number, precision as string)),
  spec('DISTANCE_ESTIMATED_OUT_OF_REACH', 'gap', 'nnp', ([d, radius, precision]) => beyondRadiusEstimated(d as number, radius as number, precision as string)),
];

if (REASONS.some((reason, n) => R[reason.code as keyof typeof R] !== n)) throw new Error('REASONS must list the reasons in R order');

function beyondRadius(d: number, radius: number) {
  return { zh: `距离 ${km(d)} 公里，超出期望通勤范围 ${km(radius)} 公里`, en: `${km(d)} km away, beyond the ${km(radius)} km travel radius` };
}
const estimatedZh = (precision: string) => `位置精确到${PRECISION_ZH[precision] ?? precision}，距离为估算`;
const estimatedEn = (precision: string) => `location known to the ${PRECISION_EN[precision] ?? precision} only; distance estimated`;
function beyondRadiusEstimated(d: number, radius: number, precision: string) {
  return {
    zh: `距离约 ${km(d)} 公里，超出期望通勤范围 ${km(radius)} 公里（${estimatedZh(precision)}）`,
    en: `About ${km(d)} km away, beyond the ${km(radius)} km travel radius (${estimatedEn(precision)})`,
  };
}
const workZh = (type: string) => WORK_TYPE_ZH[type] ?? type;
const workEn = (type: string) => WORK_TYPE_EN[type] ?? type;

/** Rank of an education level on the ladder (-1 when unknown): a posting that asks more is shown, not scored. */
export const educationRank: (education: string) => number = rankOfEducation;

/** The weights to store with an explanation: none for the defaults (the common case), else all of them in FACTORS order. */
export function storedWeights(weights: MatchWeights): number[] | undefined {
  let same = true;
  for (const factor of FACTORS) if (weights[factor] !== DEFAULT_MATCH_WEIGHTS[factor]) same = false;
  return same ? undefined : FACTORS.map((factor) => weights[factor]);
}

/** Each factor's value, weight and points (their sum is the score). */
export function renderFactors(values: readonly number[], weights: MatchWeights): FactorContribution[] {
  let total = 0;
  for (const factor of FACTORS) total += weights[factor];
  return FACTORS.map((factor, i) => ({ factor, value: values[i], weight: weights[factor], contribution: total > 0 ? (weights[factor] * values[i] * 100) / total : 0 }));
}

/** The bilingual reasons of a flat code list; certificates by display name (the code when unnamed). */
export function renderReasons(r: ReasonParams, names?: MatchNames): MatchReason[] {
  const certificate = (code: string) => names?.certificate?.(code) ?? code;
  const region = (code: string) => names?.region?.(code) ?? code;
  const reasons: MatchReason[] = [];
  for (let at = 0; at < r.length; ) {
    const reason = REASONS[r[at] as number];
    if (!reason) throw new Error(`Unknown reason code ${r[at]} in a stored explanation`);
    const count = reason.arity >= 0 ? reason.arity : (r[at + 1] as number);
    const from = reason.arity >= 0 ? at + 1 : at + 2;
    const params = r.slice(from, from + count);
    reasons.push({ code: reason.code, kind: reason.kind, ...reason.text(params, certificate, region) });
    at = from + count;
  }
  return reasons;
}

export function renderGaps(gaps: readonly (CompactGap | MatchGap)[] | undefined | null, names?: MatchNames): MatchGap[] {
  if (!gaps) return [];
  return gaps.map((gap) => {
    if (gap.kind === 'skill') return gap as MatchGap;
    const code = gap.code as string;
    return 'name' in gap && gap.name !== undefined ? (gap as MatchGap) : { kind: 'certificate', name: names?.certificate?.(code) ?? code, code };
  });
}

/** How many reasons a flat code list holds. */
export function reasonCount(r: ReasonParams): number {
  let n = 0;
  for (let at = 0; at < r.length; n++) at = nextReason(r, at);
  return n;
}

/** Where the reason after the one at `at` starts. */
function nextReason(r: ReasonParams, at: number): number {
  const arity = REASONS[r[at] as number]?.arity ?? 0;
  return arity >= 0 ? at + 1 + arity : at + 2 + (r[at + 1] as number);
}

/** The gaps of a flat code list, in reason order: skills missing or below level, then certificates missing. */
export function gapsOf(r: ReasonParams): CompactGap[] {
  const gaps: CompactGap[] = [];
  for (let at = 0; at < r.length; ) {
    const code = r[at] as number;
    if (code === R.SKILL_BELOW_LEVEL) gaps.push({ kind: 'skill', name: r[at + 1] as string, requiredLevel: r[at + 2] as number, heldLevel: r[at + 3] as number });
    else if (code === R.MISSING_SKILL) gaps.push({ kind: 'skill', name: r[at + 1] as string, requiredLevel: r[at + 2] as number, heldLevel: 0 });
    else if (code === R.MISSING_CERT) gaps.push({ kind: 'certificate', code: r[at + 1] as string });
    at = nextReason(r, at);
  }
  return gaps;
}

const MEASURED: readonly number[] = [R.DISTANCE, R.DISTANCE_BEYOND_RADIUS, R.DISTANCE_OUT_OF_REACH];
const ESTIMATED: readonly number[] = [R.DISTANCE_ESTIMATED, R.DISTANCE_ESTIMATED_BEYOND_RADIUS, R.DISTANCE_ESTIMATED_OUT_OF_REACH];
const BY_REGION: readonly number[] = [R.DISTANCE_UNKNOWN_SAME_REGION, R.DISTANCE_UNKNOWN_OTHER_REGION, R.REGION_SAME_COUNTY, R.REGION_SAME_CITY];

/** Distance in km to one decimal, from the distance reason (null when a side has no coordinates), and how it was judged. */
function distanceOf(r: ReasonParams): Pick<MatchExplanationRecord, 'distanceKm' | 'distanceBasis'> {
  for (let at = 0; at < r.length; ) {
    const code = r[at] as number;
    if (MEASURED.includes(code)) return { distanceKm: Math.round((r[at + 1] as number) * 10) / 10, distanceBasis: 'measured' };
    if (ESTIMATED.includes(code)) return { distanceKm: Math.round((r[at + 1] as number) * 10) / 10, distanceBasis: 'estimated' };
    if (BY_REGION.includes(code)) return { distanceKm: null, distanceBasis: 'region' };
    at = nextReason(r, at);
  }
  return { distanceKm: null };
}

export function isCompactExplanation(stored: unknown): stored is CompactExplanation {
  return typeof stored === 'object' && stored !== null && (stored as CompactExplanation).v === 2;
}

/**
 * The API form of a stored explanation. Records stored before the compact form (format 1, already rendered)
 * pass through unchanged.
 */
export function renderExplanation(stored: CompactExplanation | MatchExplanationRecord, names?: MatchNames): MatchExplanationRecord;
export function renderExplanation(stored: CompactExplanation | MatchExplanationRecord | null | undefined, names?: MatchNames): MatchExplanationRecord | null;
export function renderExplanation(stored: CompactExplanation | MatchExplanationRecord | null | undefined, names?: MatchNames): MatchExplanationRecord | null {
  if (!stored) return null;
  if (!isCompactExplanation(stored)) return stored;
  const weights = stored.w ? (Object.fromEntries(FACTORS.map((factor, i) => [factor, stored.w![i]])) as unknown as MatchWeights) : DEFAULT_MATCH_WEIGHTS;
  return {
    factors: renderFactors(stored.f, weights),
    reasons: renderReasons(stored.r, names),
    gaps: renderGaps(gapsOf(stored.r), names),
    ...distanceOf(stored.r),
  };
}
