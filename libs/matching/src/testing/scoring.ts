import { educationBelow } from '@app/taxonomy';
import { combine, evaluate, Evaluation } from './evaluate';
import { effectiveRadiusKm, epochDay, OCC_EXACT, OCC_MEDIUM, OCC_MINOR, PRECISION_NAMES, PRECISION_POINT, REGION_SAME_CITY, REGION_SAME_COUNTY, skillMet } from '../core/primitives';
import {
  CompactExplanation,
  gapsOf,
  MatchExplanation,
  MatchNames,
  R,
  ReasonParams,
  REGION_SIDE_SEEKER,
  REGION_SIDE_SHORTAGE,
  renderFactors,
  renderGaps,
  renderReasons,
  storedWeights,
} from '../core/reasons';
import { SeekerFacts, ShortageFacts } from '../core/types';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights } from '../core/weights';

export type { FactorContribution, MatchExplanation, MatchGap, MatchNames, MatchReason } from '../core/reasons';

/** 0..100; deterministic, and the same number `explainMatch` and the compiled kernel give. */
export function scoreMatch(seeker: SeekerFacts, shortage: ShortageFacts, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): number {
  return combine(evaluate(seeker, shortage).values, weights);
}

/**
 * Reason codes with their parameters (the compact form, see reasons.ts) and the gaps, in the order the reasons
 * are shown: occupation, distance, wage, required skills, certificates held and missing, preferred skills, skill
 * level, experience, availability, work type, education, priority group. `ScoringKernel.explain` produces the
 * same from compiled data.
 */
function reasonCodes(e: Evaluation, seeker: SeekerFacts, shortage: ShortageFacts): ReasonParams {
  const r: ReasonParams = [];
  const via = e.occupationVia;
  const fromExperience = via?.fromExperience ? 1 : 0;
  if (e.occupationLevel === OCC_EXACT) r.push(R.OCCUPATION_EXACT, fromExperience, shortage.occupationCode);
  else if (e.occupationLevel === OCC_MINOR) r.push(R.OCCUPATION_SAME_MINOR, fromExperience, via!.code);
  else if (e.occupationLevel === OCC_MEDIUM) r.push(R.OCCUPATION_SAME_MEDIUM, fromExperience, via!.code);
  else r.push(e.values[0] > 0 ? R.OCCUPATION_RELATED_SKILLS : R.OCCUPATION_UNRELATED);

  const radius = effectiveRadiusKm(seeker.travelRadiusKm);
  if (e.distanceKm === null) {
    const side = (shortage.lat === null || shortage.lng === null ? REGION_SIDE_SHORTAGE : 0) | (seeker.lat === null || seeker.lng === null ? REGION_SIDE_SEEKER : 0);
    if (e.regionRelation === REGION_SAME_COUNTY) r.push(R.REGION_SAME_COUNTY, side);
    else if (e.regionRelation === REGION_SAME_CITY) r.push(R.REGION_SAME_CITY, side, shortage.regionCode.endsWith('00') ? shortage.regionCode : seeker.regionCode);
    else r.push(R.DISTANCE_UNKNOWN_OTHER_REGION, shortage.regionCode);
  } else if (e.precision <= PRECISION_POINT) {
    if (e.distanceKm <= radius) r.push(R.DISTANCE, e.distanceKm);
    else r.push(e.withinReach ? R.DISTANCE_BEYOND_RADIUS : R.DISTANCE_OUT_OF_REACH, e.distanceKm, radius);
  } else {
    const precision = PRECISION_NAMES[e.precision];
    if (e.distanceKm <= radius) r.push(R.DISTANCE_ESTIMATED, e.distanceKm, precision);
    else r.push(e.withinReach ? R.DISTANCE_ESTIMATED_BEYOND_RADIUS : R.DISTANCE_ESTIMATED_OUT_OF_REACH, e.distanceKm, radius, precision);
  }

  if (seeker.wageExpectation === null) r.push(R.WAGE_NO_EXPECTATION, shortage.wageMin, shortage.wageMax);
  else if (shortage.wageMax >= seeker.wageExpectation) r.push(R.WAGE_MEETS, shortage.wageMin, shortage.wageMax, seeker.wageExpectation);
  else r.push(R.WAGE_BELOW, shortage.wageMax, seeker.wageExpectation);

  for (const check of e.requiredSkills) {
    if (skillMet(check.heldLevel, check.requiredLevel)) r.push(R.SKILL_REQUIRED_MET, check.name, check.heldLevel);
    else if (check.heldLevel > 0) r.push(R.SKILL_BELOW_LEVEL, check.name, check.requiredLevel, check.heldLevel);
    else r.push(R.MISSING_SKILL, check.name, check.requiredLevel);
  }
  for (const code of e.certificatesHeld) r.push(R.CERT_REQUIRED_HELD, code);
  for (const code of e.certificatesMissing) r.push(R.MISSING_CERT, code);
  const preferredHeld = e.preferredSkills.filter((check) => skillMet(check.heldLevel, check.requiredLevel)).map((check) => check.name);
  if (preferredHeld.length) r.push(R.SKILL_PREFERRED_HELD, preferredHeld.length, ...preferredHeld);
  if (e.values[4] < 1 && shortage.minSkillLevel !== null) {
    if (seeker.skillLevel === null) r.push(R.SKILL_LEVEL_UNKNOWN, shortage.minSkillLevel);
    else r.push(R.SKILL_LEVEL_BELOW, shortage.minSkillLevel, seeker.skillLevel);
  }
  if (e.experienceYears > 0) r.push(R.EXPERIENCE_IN_FAMILY, e.experienceYears);
  else if ((shortage.experienceYears ?? 0) > 0) r.push(R.EXPERIENCE_MISSING, shortage.experienceYears as number);
  const availableDay = epochDay(seeker.availableFrom);
  const delay = availableDay - epochDay(shortage.startDate);
  if (delay > 0) r.push(R.AVAILABLE_LATE, delay);
  else if (availableDay === availableDay) r.push(R.AVAILABLE);
  if (e.values[8] === 1) r.push(R.WORK_TYPE_MATCH, shortage.workType);
  else if (e.values[8] === 0) r.push(R.WORK_TYPE_MISMATCH, shortage.workType);
  // Education is shown, not scored: postings over-ask for it, and it is no factor of MatchWeights.
  if (shortage.education && seeker.education && educationBelow(shortage.education, seeker.education)) {
    r.push(R.EDUCATION_BELOW_POSTING, shortage.education, seeker.education);
  }
  if (e.priorityGroupApplies) r.push(R.PRIORITY_GROUP);
  return r;
}

/** The stored (compact) explanation of one pair, from facts: what `ScoringKernel.explain` gives from compiled data. */
export function explainCompact(seeker: SeekerFacts, shortage: ShortageFacts, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): CompactExplanation {
  const e = evaluate(seeker, shortage);
  const r = reasonCodes(e, seeker, shortage);
  const compact: CompactExplanation = { v: 2, f: e.values, r };
  const g = gapsOf(r);
  if (g.length) compact.g = g;
  const w = storedWeights(weights);
  if (w) compact.w = w;
  return compact;
}

/** Score, factor contributions, bilingual reasons (at least distance, occupation and wage) and gaps. */
export function explainMatch(seeker: SeekerFacts, shortage: ShortageFacts, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS, names?: MatchNames): MatchExplanation {
  const e = evaluate(seeker, shortage);
  const r = reasonCodes(e, seeker, shortage);
  return {
    score: combine(e.values, weights),
    factors: renderFactors(e.values, weights),
    reasons: renderReasons(r, names),
    gaps: renderGaps(gapsOf(r), names),
    eligible: e.eligible,
    nearFit: e.nearFit,
  };
}
