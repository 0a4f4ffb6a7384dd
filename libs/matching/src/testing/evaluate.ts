import {
  blockingGaps,
  availabilityValue,
  distanceValue,
  epochDay,
  experienceTarget,
  experienceValue,
  geoTrig,
  haversineH,
  hToKm,
  OCC_EXACT,
  OCC_MEDIUM,
  OCC_MINOR,
  OCC_NONE,
  GeoTrig,
  OccupationLevels,
  occupationLevels,
  occupationValue,
  orNaN,
  precisionCode,
  PRECISION_SLACK_KM,
  reachH,
  reachKm,
  effectiveRadiusKm,
  regionRelation,
  skillCredit,
  skillKey,
  skillMet,
  skillLevelValue,
  UNKNOWN_DISTANCE_VALUES,
  wageValue,
} from '../core/primitives';
import { SeekerFacts, ShortageFacts, SkillFact } from '../core/types';
import { FACTORS, MatchWeights, totalWeight } from '../core/weights';

export interface SkillCheck {
  /** The shortage's name for the skill, as written (the first of its synonyms listed). */
  name: string;
  key: string;
  requiredLevel: number;
  /** 0 when not held. */
  heldLevel: number;
}

/** Everything one seeker–shortage comparison finds: factor values (in FACTORS order) and the facts behind them. */
export interface Evaluation {
  values: number[];
  occupationLevel: number;
  /** Which of the seeker's codes gave the best hierarchy fit, and whether it came from experience only. */
  occupationVia: { code: string; fromExperience: boolean } | null;
  requiredSkills: SkillCheck[];
  preferredSkills: SkillCheck[];
  certificatesHeld: string[];
  certificatesMissing: string[];
  /** null when either side has no coordinates (then `regionRelation` decides). */
  distanceKm: number | null;
  /** The coarser side's precision code (PRECISION_NAMES index): 1 a measured distance, 2-4 an estimate, 0 none. */
  precision: number;
  /** REGION_* relation of the two region codes, when the pair was judged by region (otherwise 0). */
  regionRelation: number;
  withinReach: boolean;
  experienceYears: number;
  priorityGroupApplies: boolean;
  /** Required skills below level or missing, plus required certificates missing. */
  missingCount: number;
  eligible: boolean;
  nearFit: boolean;
}

/** The seeker's level of a skill: the highest listed under that key, 0 when not held. Lists are short: a scan beats a Map. */
function heldLevel(skills: readonly SkillFact[], key: string): number {
  let level = 0;
  for (let k = 0; k < skills.length; k++) if (skills[k].level > level && skillKey(skills[k]) === key) level = skills[k].level;
  return level;
}

/**
 * One check per distinct required skill key, at the highest level given, in first-seen order. Levels below 1 mean
 * "any level" (1): the kernel cannot see requirements a seeker lacks entirely otherwise.
 */
function checkSkills(required: readonly SkillFact[], held: readonly SkillFact[]): SkillCheck[] {
  const checks: SkillCheck[] = [];
  for (let r = 0; r < required.length; r++) {
    const { name, level } = required[r];
    const key = skillKey(required[r]);
    let known: SkillCheck | undefined;
    for (let k = 0; k < checks.length; k++) if (checks[k].key === key) known = checks[k];
    if (known) known.requiredLevel = Math.max(known.requiredLevel, level, 1);
    else checks.push({ name, key, requiredLevel: Math.max(1, level), heldLevel: heldLevel(held, key) });
  }
  return checks;
}

function occupationLevelOf(own: OccupationLevels, target: OccupationLevels): number {
  if (own.detail !== null && own.detail === target.detail) return OCC_EXACT;
  if (own.minor !== null && own.minor === target.minor) return OCC_MINOR;
  if (own.medium !== null && own.medium === target.medium) return OCC_MEDIUM;
  return OCC_NONE;
}

/** Trigonometry of the last shortage location seen: `explainMatch` runs many seekers against one shortage in a row. */
let lastLat = NaN;
let lastLng = NaN;
let lastTrig: GeoTrig = geoTrig(0, 0);
function shortageTrig(lat: number, lng: number): GeoTrig {
  if (lat !== lastLat || lng !== lastLng) {
    lastTrig = geoTrig(lat, lng);
    lastLat = lat;
    lastLng = lng;
  }
  return lastTrig;
}

function distinct(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) if (!out.includes(value)) out.push(value);
  return out;
}

export function evaluate(seeker: SeekerFacts, shortage: ShortageFacts): Evaluation {
  const requiredSkills = checkSkills(shortage.requiredSkills, seeker.skills);
  const preferredSkills = checkSkills(shortage.preferredSkills, seeker.skills);

  // Occupation: best hierarchy level over desired occupations, then experience (first code wins a tie).
  const target = occupationLevels(shortage.occupationCode);
  let occupationLevel = OCC_NONE;
  let occupationVia: Evaluation['occupationVia'] = null;
  const desired = seeker.desiredOccupations;
  const experience = seeker.experience;
  for (let k = 0, n = desired.length + experience.length; k < n && occupationLevel < OCC_EXACT; k++) {
    const fromExperience = k >= desired.length;
    const code = fromExperience ? experience[k - desired.length].occupationCode : desired[k];
    const level = occupationLevelOf(occupationLevels(code), target);
    if (level > occupationLevel) {
      occupationLevel = level;
      occupationVia = { code, fromExperience };
    }
  }

  let requiredSum = 0;
  let requiredNamesHeld = 0;
  let skillsMissing = 0;
  for (const check of requiredSkills) {
    requiredSum += skillCredit(check.heldLevel, check.requiredLevel);
    if (check.heldLevel > 0) requiredNamesHeld++;
    if (!skillMet(check.heldLevel, check.requiredLevel)) skillsMissing++;
  }
  let preferredSum = 0;
  for (const check of preferredSkills) preferredSum += skillCredit(check.heldLevel, check.requiredLevel);

  const requiredCertificates = shortage.requiredCertificates.length > 1 ? distinct(shortage.requiredCertificates) : shortage.requiredCertificates;
  const certificatesHeld: string[] = [];
  const certificatesMissing: string[] = [];
  for (const code of requiredCertificates) (seeker.certificates.includes(code) ? certificatesHeld : certificatesMissing).push(code);
  const missingCount = skillsMissing + certificatesMissing.length;
  const gapsBlocking = blockingGaps(skillsMissing, requiredSkills.length, certificatesMissing.length);

  let distanceKm: number | null = null;
  let distance: number;
  let withinReach: boolean;
  let relation = 0;
  const seekerPrecision = precisionCode(seeker.lat, seeker.lng, seeker.locationPrecision);
  const shortagePrecision = precisionCode(shortage.lat, shortage.lng, shortage.locationPrecision);
  if (seekerPrecision !== 0 && shortagePrecision !== 0) {
    const a = geoTrig(seeker.lat as number, seeker.lng as number);
    const b = shortageTrig(shortage.lat as number, shortage.lng as number);
    const h = haversineH(a.sinHalfLat, a.cosHalfLat, a.cosLat, a.sinHalfLng, a.cosHalfLng, b.sinHalfLat, b.cosHalfLat, b.cosLat, b.sinHalfLng, b.cosHalfLng);
    distanceKm = hToKm(h);
    const shortageSlack = PRECISION_SLACK_KM[shortagePrecision];
    // A coarse seeker's slack is part of its reach (h); a coarse shortage adds its own per pair (the kernel does the same).
    withinReach =
      shortageSlack === 0
        ? h <= reachH(seeker.travelRadiusKm, PRECISION_SLACK_KM[seekerPrecision])
        : distanceKm <= reachKm(effectiveRadiusKm(seeker.travelRadiusKm), PRECISION_SLACK_KM[seekerPrecision], shortageSlack);
    distance = withinReach ? distanceValue(distanceKm, seeker.travelRadiusKm) : 0;
  } else {
    relation = regionRelation(seeker.regionCode, shortage.regionCode);
    withinReach = relation !== 0;
    distance = UNKNOWN_DISTANCE_VALUES[relation];
  }

  let experienceYears = 0;
  if (target.minor !== null) {
    for (const { occupationCode, years } of seeker.experience) {
      if (occupationLevels(occupationCode).minor === target.minor) experienceYears += years;
    }
  }

  let priorityGroupApplies = false;
  for (const group of seeker.priorityGroups) if (group !== 'disabled' || shortage.openToDisabled) priorityGroupApplies = true;
  const occupation = occupationValue(occupationLevel, requiredNamesHeld, requiredSkills.length);

  const values = [
    occupation,
    requiredSkills.length ? requiredSum / requiredSkills.length : 1,
    preferredSkills.length ? preferredSum / preferredSkills.length : 1,
    requiredCertificates.length ? certificatesHeld.length / requiredCertificates.length : 1,
    skillLevelValue(orNaN(seeker.skillLevel), orNaN(shortage.minSkillLevel)),
    distance,
    wageValue(shortage.wageMax, orNaN(seeker.wageExpectation)),
    availabilityValue(epochDay(seeker.availableFrom), epochDay(shortage.startDate)),
    seeker.workTypes.length === 0 ? 0.5 : seeker.workTypes.includes(shortage.workType) ? 1 : 0,
    experienceValue(experienceYears, experienceTarget(shortage.experienceYears)),
    priorityGroupApplies ? 1 : 0,
  ];
  const reachable = withinReach && occupation > 0;
  const eligible = reachable && gapsBlocking === 0;
  return {
    values,
    occupationLevel,
    occupationVia,
    requiredSkills,
    preferredSkills,
    certificatesHeld,
    certificatesMissing,
    distanceKm,
    precision: Math.max(seekerPrecision, shortagePrecision),
    regionRelation: relation,
    withinReach,
    experienceYears,
    priorityGroupApplies,
    missingCount,
    eligible,
    nearFit: reachable && gapsBlocking > 0 && missingCount <= 2,
  };
}

/** Weighted mean of the factor values, 0..100. The kernel repeats this expression term by term. */
export function combine(values: readonly number[], weights: MatchWeights): number {
  const sum =
    weights.occupation * values[0] +
    weights.requiredSkills * values[1] +
    weights.preferredSkills * values[2] +
    weights.certificates * values[3] +
    weights.skillLevel * values[4] +
    weights.distance * values[5] +
    weights.wage * values[6] +
    weights.availability * values[7] +
    weights.workType * values[8] +
    weights.experience * values[9] +
    weights.priorityGroup * values[10];
  return (sum * 100) / totalWeight(weights);
}

if (FACTORS.length !== 11) throw new Error('combine() and the kernel assume 11 factors in FACTORS order');
