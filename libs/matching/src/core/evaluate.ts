import {
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
  occupationLevels,
  occupationValue,
  orNaN,
  reachH,
  skillCredit,
  skillLevelValue,
  UNKNOWN_DISTANCE_SAME_REGION,
  wageValue,
} from './primitives';
import { SeekerFacts, ShortageFacts } from './types';
import { FACTORS, MatchWeights, totalWeight } from './weights';

export interface SkillCheck {
  name: string;
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
  /** null when either side has no coordinates. */
  distanceKm: number | null;
  withinReach: boolean;
  experienceYears: number;
  priorityGroupApplies: boolean;
  /** Required skills below level or missing, plus required certificates missing. */
  missingCount: number;
  eligible: boolean;
  nearFit: boolean;
}

/** Duplicate names count once, at the highest level given. */
function levelsByName(list: readonly { name: string; level: number }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const { name, level } of list) {
    const known = map.get(name);
    if (known === undefined || level > known) map.set(name, level);
  }
  return map;
}

function checkSkills(required: Map<string, number>, held: Map<string, number>): SkillCheck[] {
  const checks: SkillCheck[] = [];
  // Levels below 1 mean "any level" (1): the kernel cannot see requirements a seeker lacks entirely otherwise.
  for (const [name, level] of required) checks.push({ name, requiredLevel: Math.max(1, level), heldLevel: held.get(name) ?? 0 });
  return checks;
}

export function evaluate(seeker: SeekerFacts, shortage: ShortageFacts): Evaluation {
  const held = levelsByName(seeker.skills);
  const requiredSkills = checkSkills(levelsByName(shortage.requiredSkills), held);
  const preferredSkills = checkSkills(levelsByName(shortage.preferredSkills), held);

  // Occupation: best hierarchy level over desired occupations, then experience.
  const target = occupationLevels(shortage.occupationCode);
  let occupationLevel = OCC_NONE;
  let occupationVia: Evaluation['occupationVia'] = null;
  const consider = (code: string, fromExperience: boolean) => {
    const own = occupationLevels(code);
    const level =
      own.detail !== null && own.detail === target.detail
        ? OCC_EXACT
        : own.minor !== null && own.minor === target.minor
          ? OCC_MINOR
          : own.medium !== null && own.medium === target.medium
            ? OCC_MEDIUM
            : OCC_NONE;
    if (level > occupationLevel) {
      occupationLevel = level;
      occupationVia = { code, fromExperience };
    }
  };
  for (const code of seeker.desiredOccupations) consider(code, false);
  for (const { occupationCode } of seeker.experience) consider(occupationCode, true);

  let requiredSum = 0;
  let requiredNamesHeld = 0;
  let missingCount = 0;
  for (const check of requiredSkills) {
    requiredSum += skillCredit(check.heldLevel, check.requiredLevel);
    if (check.heldLevel > 0) requiredNamesHeld++;
    if (check.heldLevel < check.requiredLevel) missingCount++;
  }
  let preferredSum = 0;
  for (const check of preferredSkills) preferredSum += skillCredit(check.heldLevel, check.requiredLevel);

  const heldCertificates = new Set(seeker.certificates);
  const requiredCertificates = [...new Set(shortage.requiredCertificates)];
  const certificatesHeld = requiredCertificates.filter((code) => heldCertificates.has(code));
  const certificatesMissing = requiredCertificates.filter((code) => !heldCertificates.has(code));
  missingCount += certificatesMissing.length;

  let distanceKm: number | null = null;
  let distance: number;
  let withinReach: boolean;
  if (seeker.lat !== null && seeker.lng !== null && shortage.lat !== null && shortage.lng !== null) {
    const a = geoTrig(seeker.lat, seeker.lng);
    const b = geoTrig(shortage.lat, shortage.lng);
    const h = haversineH(a.sinHalfLat, a.cosHalfLat, a.cosLat, a.sinHalfLng, a.cosHalfLng, b.sinHalfLat, b.cosHalfLat, b.cosLat, b.sinHalfLng, b.cosHalfLng);
    distanceKm = hToKm(h);
    withinReach = h <= reachH(seeker.travelRadiusKm);
    distance = withinReach ? distanceValue(distanceKm, seeker.travelRadiusKm) : 0;
  } else {
    withinReach = seeker.regionCode === shortage.regionCode;
    distance = withinReach ? UNKNOWN_DISTANCE_SAME_REGION : 0;
  }

  let experienceYears = 0;
  if (target.minor !== null) {
    for (const { occupationCode, years } of seeker.experience) {
      if (occupationLevels(occupationCode).minor === target.minor) experienceYears += years;
    }
  }

  const priorityGroupApplies = seeker.priorityGroups.some((group) => group !== 'disabled' || shortage.openToDisabled);
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
  const eligible = reachable && missingCount === 0;
  return {
    values,
    occupationLevel,
    occupationVia,
    requiredSkills,
    preferredSkills,
    certificatesHeld,
    certificatesMissing,
    distanceKm,
    withinReach,
    experienceYears,
    priorityGroupApplies,
    missingCount,
    eligible,
    nearFit: reachable && (missingCount === 1 || missingCount === 2),
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
