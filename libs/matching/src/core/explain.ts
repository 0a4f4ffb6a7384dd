/** The reasons of one kept pair, from compiled data: what `explainCompact` (testing) gives from facts. */
import {
  availabilityValue,
  distanceValue,
  experienceValue,
  haversineH,
  hToKm,
  OCC_EXACT,
  OCC_MEDIUM,
  OCC_MINOR,
  OCC_NONE,
  occupationValue,
  PRECISION_POINT,
  PRECISION_SLACK_KM,
  reachKm,
  REGION_SAME_CITY,
  REGION_SAME_COUNTY,
  skillCredit,
  skillLevelValue,
  skillMet,
  UNKNOWN_DISTANCE_VALUES,
  wageValue,
} from './primitives';
import { ExplanationLog, LOG_HEADER } from './explanation-log';
import { R, REGION_SIDE_SEEKER, REGION_SIDE_SHORTAGE } from './reasons';
import { CompiledSeekers, CompiledShortages } from './compiled-layout';

// Module-local aliases of the shared arithmetic: a call through another module's exports object can cost a
// property load (or a getter, under some transpilers) per call in the hot loop.
const credit = skillCredit;
const distanceFactor = distanceValue;
const kmOfH = hToKm;
const hOf = haversineH;
const occupationFactor = occupationValue;
const levelFactor = skillLevelValue;
const wageFactor = wageValue;
const availabilityFactor = availabilityValue;
const experienceFactor = experienceValue;
const LEVEL_NONE = OCC_NONE;
const LEVEL_MEDIUM = OCC_MEDIUM;
const LEVEL_MINOR = OCC_MINOR;
const LEVEL_EXACT = OCC_EXACT;
const byRegion = UNKNOWN_DISTANCE_VALUES;
const slackOf = PRECISION_SLACK_KM;
const reachOf = reachKm;
/** Precision code of a point: pairs of points get measured-distance reasons. */
const POINT = PRECISION_POINT;

// Reason codes and the log layout as module constants (not a property load through another module each).
const HEAD = LOG_HEADER;
const R_AVAILABLE = R.AVAILABLE;
const R_AVAILABLE_LATE = R.AVAILABLE_LATE;
const R_CERT_REQUIRED_HELD = R.CERT_REQUIRED_HELD;
const R_DISTANCE = R.DISTANCE;
const R_DISTANCE_BEYOND_RADIUS = R.DISTANCE_BEYOND_RADIUS;
const R_DISTANCE_OUT_OF_REACH = R.DISTANCE_OUT_OF_REACH;
const R_DISTANCE_UNKNOWN_OTHER_REGION = R.DISTANCE_UNKNOWN_OTHER_REGION;
const R_REGION_SAME_COUNTY = R.REGION_SAME_COUNTY;
const R_REGION_SAME_CITY = R.REGION_SAME_CITY;
const R_DISTANCE_ESTIMATED = R.DISTANCE_ESTIMATED;
const R_DISTANCE_ESTIMATED_BEYOND_RADIUS = R.DISTANCE_ESTIMATED_BEYOND_RADIUS;
const R_DISTANCE_ESTIMATED_OUT_OF_REACH = R.DISTANCE_ESTIMATED_OUT_OF_REACH;
const R_EDUCATION_BELOW_POSTING = R.EDUCATION_BELOW_POSTING;
const R_EXPERIENCE_IN_FAMILY = R.EXPERIENCE_IN_FAMILY;
const R_EXPERIENCE_MISSING = R.EXPERIENCE_MISSING;
const R_MISSING_CERT = R.MISSING_CERT;
const R_MISSING_SKILL = R.MISSING_SKILL;
const R_OCCUPATION_EXACT = R.OCCUPATION_EXACT;
const R_OCCUPATION_RELATED_SKILLS = R.OCCUPATION_RELATED_SKILLS;
const R_OCCUPATION_SAME_MEDIUM = R.OCCUPATION_SAME_MEDIUM;
const R_OCCUPATION_SAME_MINOR = R.OCCUPATION_SAME_MINOR;
const R_OCCUPATION_UNRELATED = R.OCCUPATION_UNRELATED;
const R_PRIORITY_GROUP = R.PRIORITY_GROUP;
const R_SKILL_BELOW_LEVEL = R.SKILL_BELOW_LEVEL;
const R_SKILL_LEVEL_BELOW = R.SKILL_LEVEL_BELOW;
const R_SKILL_LEVEL_UNKNOWN = R.SKILL_LEVEL_UNKNOWN;
const R_SKILL_PREFERRED_HELD = R.SKILL_PREFERRED_HELD;
const R_SKILL_REQUIRED_MET = R.SKILL_REQUIRED_MET;
const R_WAGE_BELOW = R.WAGE_BELOW;
const R_WAGE_MEETS = R.WAGE_MEETS;
const R_WAGE_NO_EXPECTATION = R.WAGE_NO_EXPECTATION;
const R_WORK_TYPE_MATCH = R.WORK_TYPE_MATCH;
const R_WORK_TYPE_MISMATCH = R.WORK_TYPE_MISMATCH;

/** What `explainPair` reads of a ScoringKernel: its compiled data and the lookup tables `prepare` fills. */
export interface KernelTables {
  readonly seekers: CompiledSeekers;
  readonly shortages: CompiledShortages;
  preparedShortage: number;
  preparedStamp: number;
  preparedWorkType: number;
  skillMark: Int32Array;
  skillRole: Uint8Array;
  requiredIndex: Int32Array;
  preferredIndex: Int32Array;
  certificateMark: Int32Array;
  certificateIndex: Int32Array;
  heldRequired: Float64Array;
  heldPreferred: Float64Array;
  heldCertificate: Uint8Array;
  prepare(j: number): number;
  educationRanks(): Int32Array;
}

/**
 * Explains seeker i for shortage j into `log` (default: this kernel's `explanations`) and returns the record's
 * offset there: factor values and reason codes with their parameters, no text, no object. `log.compact(at)` is the
 * same as `explainCompact` on the facts they were compiled from (a test checks it), and this costs about one more
 * kernel evaluation: what a run pays for every pair it keeps. Cheapest right after `scoreBatch(j, …)`, whose lookup
 * tables it reuses.
 */
export function explainPair(k: KernelTables, j: number, i: number, log: ExplanationLog): number {
  if (log.vocabulary !== k.seekers.vocabulary) throw new Error('The explanation log must use the kernel’s MatchVocabulary');
  if (k.preparedShortage !== j) k.prepare(j);
  const stamp = k.preparedStamp;
  const seekers = k.seekers;
  const data = seekers.data;
  const sh = k.shortages;
  const { skillMark, skillRole, requiredIndex, preferredIndex, certificateMark, certificateIndex } = k;
  const rFrom = sh.requiredStart[j];
  const requiredCount = sh.requiredStart[j + 1] - rFrom;
  const pFrom = sh.preferredStart[j];
  const preferredCount = sh.preferredStart[j + 1] - pFrom;
  const cFrom = sh.certificateStart[j];
  const certificateCount = sh.certificateStart[j + 1] - cFrom;
  if (k.heldRequired.length < requiredCount) k.heldRequired = new Float64Array(requiredCount * 2);
  if (k.heldPreferred.length < preferredCount) k.heldPreferred = new Float64Array(preferredCount * 2);
  if (k.heldCertificate.length < certificateCount) k.heldCertificate = new Uint8Array(certificateCount * 2);
  const { heldRequired, heldPreferred, heldCertificate } = k;
  // Loops: for a handful of entries, TypedArray fill's call costs more than the stores.
  for (let q = 0; q < requiredCount; q++) heldRequired[q] = 0;
  for (let q = 0; q < preferredCount; q++) heldPreferred[q] = 0;
  for (let c = 0; c < certificateCount; c++) heldCertificate[c] = 0;

  const r0 = seekers.offset[i]; // header offsets below are ROW.* (literals: a property load each otherwise)
  const occupationCount = data[r0 + 14] | 0;
  const skillCount = data[r0 + 15] | 0;
  const certificateHeldCount = data[r0 + 16] | 0;
  const experienceCount = data[r0 + 17] | 0;
  let b = r0 + 18;

  // Occupation: the first code reaching the best level (the order the reference `evaluate` of @app/matching/testing reads them in).
  const detail = sh.occupationDetail[j];
  const minor = sh.occupationMinor[j];
  const medium = sh.occupationMedium[j];
  let level = LEVEL_NONE;
  let via = -1;
  for (let k = 0; k < occupationCount; k++, b += 3) {
    const own = data[b] === detail ? LEVEL_EXACT : data[b + 1] === minor ? LEVEL_MINOR : data[b + 2] === medium ? LEVEL_MEDIUM : LEVEL_NONE;
    if (own > level) {
      level = own;
      via = b;
    }
  }
  for (const end = b + 2 * skillCount; b < end; b += 2) {
    const id = data[b];
    if (skillMark[id] !== stamp) continue;
    const role = skillRole[id];
    if (role & 1) heldRequired[requiredIndex[id]] = data[b + 1];
    if (role & 2) heldPreferred[preferredIndex[id]] = data[b + 1];
  }
  for (const end = b + certificateHeldCount; b < end; b++) if (certificateMark[data[b]] === stamp) heldCertificate[certificateIndex[data[b]]] = 1;
  let years = 0;
  for (const end = b + 2 * experienceCount; b < end; b += 2) if (data[b] === minor) years += data[b + 1];

  // Factor values, with the arithmetic and summation order of the reference `evaluate` (@app/matching/testing).
  let requiredSum = 0;
  let namesHeld = 0;
  for (let q = 0; q < requiredCount; q++) {
    const held = heldRequired[q];
    requiredSum += credit(held, sh.requiredLevel[rFrom + q]);
    if (held > 0) namesHeld++;
  }
  let preferredSum = 0;
  let preferredHeld = 0;
  for (let q = 0; q < preferredCount; q++) {
    preferredSum += credit(heldPreferred[q], sh.preferredLevel[pFrom + q]);
    if (heldPreferred[q] >= sh.preferredLevel[pFrom + q]) preferredHeld++;
  }
  let certificatesHeld = 0;
  for (let c = 0; c < certificateCount; c++) certificatesHeld += heldCertificate[c];

  let km = NaN;
  let inReach: boolean;
  let distance: number;
  let relation = 0;
  const radius = data[r0 + 6];
  const seekerPrecision = data[r0 + 10];
  const shortagePrecision = sh.hasLocation[j];
  if (shortagePrecision !== 0 && seekerPrecision !== 0) {
    const h = hOf(data[r0], data[r0 + 1], data[r0 + 2], data[r0 + 3], data[r0 + 4], sh.sinHalfLat[j], sh.cosHalfLat[j], sh.cosLat[j], sh.sinHalfLng[j], sh.cosHalfLng[j]);
    km = kmOfH(h);
    const shortageSlack = slackOf[shortagePrecision];
    inReach = shortageSlack === 0 ? h <= data[r0 + 5] : km <= reachOf(radius, slackOf[seekerPrecision], shortageSlack);
    distance = inReach ? distanceFactor(km, radius) : 0;
  } else {
    relation = seekers.vocabulary.regionRelation(data[r0 + 11], sh.region[j]);
    inReach = relation !== 0;
    distance = byRegion[relation];
  }
  const mask = data[r0 + 12];
  const overallLevel = data[r0 + 7];
  const minLevel = sh.minSkillLevel[j];
  const expectation = data[r0 + 8];
  const wageMax = sh.wageMax[j];
  const availableDay = data[r0 + 9];
  const packed = data[r0 + 13];
  const priority = (packed & (sh.openToDisabled[j] ? 3 : 1)) !== 0;
  const occupation = occupationFactor(level, namesHeld, requiredCount);
  const skillLevel = levelFactor(overallLevel, minLevel);
  const workType = mask === 0 ? 0.5 : (mask & sh.workTypeBit[j]) !== 0 ? 1 : 0;

  // The record: reasons' length (filled in last), factor values, then reasons in the order of `explainCompact`.
  const at = log.length;
  const d = log.reserve(HEAD + 34 + 4 * requiredCount + 2 * certificateCount + preferredCount);
  d[at + 1] = occupation;
  d[at + 2] = requiredCount ? requiredSum / requiredCount : 1;
  d[at + 3] = preferredCount ? preferredSum / preferredCount : 1;
  d[at + 4] = certificateCount ? certificatesHeld / certificateCount : 1;
  d[at + 5] = skillLevel;
  d[at + 6] = distance;
  d[at + 7] = wageFactor(wageMax, expectation);
  d[at + 8] = availabilityFactor(availableDay, sh.startDay[j]);
  d[at + 9] = workType;
  d[at + 10] = experienceFactor(years, sh.experienceTarget[j]);
  d[at + 11] = priority ? 1 : 0;
  let n = at + HEAD;

  if (level === LEVEL_NONE) d[n++] = occupation > 0 ? R_OCCUPATION_RELATED_SKILLS : R_OCCUPATION_UNRELATED;
  else {
    d[n++] = level === LEVEL_EXACT ? R_OCCUPATION_EXACT : level === LEVEL_MINOR ? R_OCCUPATION_SAME_MINOR : R_OCCUPATION_SAME_MEDIUM;
    d[n++] = (via - r0 - 18) / 3 >= ((packed >> 8) & 255) ? 1 : 0;
    // The seeker's code as given: its deepest level (for an exact fit, the shortage's detailed code).
    d[n++] = data[via] >= 0 ? data[via] : data[via + 1] >= 0 ? data[via + 1] : data[via + 2];
  }

  if (km !== km) {
    const side = (shortagePrecision === 0 ? REGION_SIDE_SHORTAGE : 0) | (seekerPrecision === 0 ? REGION_SIDE_SEEKER : 0);
    if (relation === REGION_SAME_COUNTY) {
      d[n++] = R_REGION_SAME_COUNTY;
      d[n++] = side;
    } else if (relation === REGION_SAME_CITY) {
      d[n++] = R_REGION_SAME_CITY;
      d[n++] = side;
      // The city's own code (460100): whichever side has it.
      d[n++] = seekers.vocabulary.regions.values[sh.region[j]].endsWith('00') ? sh.region[j] : data[r0 + 11];
    } else {
      d[n++] = R_DISTANCE_UNKNOWN_OTHER_REGION;
      d[n++] = sh.region[j];
    }
  } else if (shortagePrecision <= POINT && seekerPrecision <= POINT) {
    if (km <= radius) {
      d[n++] = R_DISTANCE;
      d[n++] = km;
    } else {
      d[n++] = inReach ? R_DISTANCE_BEYOND_RADIUS : R_DISTANCE_OUT_OF_REACH;
      d[n++] = km;
      d[n++] = radius;
    }
  } else {
    const precision = shortagePrecision > seekerPrecision ? shortagePrecision : seekerPrecision;
    if (km <= radius) {
      d[n++] = R_DISTANCE_ESTIMATED;
      d[n++] = km;
    } else {
      d[n++] = inReach ? R_DISTANCE_ESTIMATED_BEYOND_RADIUS : R_DISTANCE_ESTIMATED_OUT_OF_REACH;
      d[n++] = km;
      d[n++] = radius;
    }
    d[n++] = precision;
  }

  if (expectation !== expectation) {
    d[n++] = R_WAGE_NO_EXPECTATION;
    d[n++] = sh.wageMin[j];
    d[n++] = wageMax;
  } else if (wageMax >= expectation) {
    d[n++] = R_WAGE_MEETS;
    d[n++] = sh.wageMin[j];
    d[n++] = wageMax;
    d[n++] = expectation;
  } else {
    d[n++] = R_WAGE_BELOW;
    d[n++] = wageMax;
    d[n++] = expectation;
  }

  for (let q = 0; q < requiredCount; q++) {
    const held = heldRequired[q];
    const need = sh.requiredLevel[rFrom + q];
    const id = sh.requiredName[rFrom + q];
    if (skillMet(held, need)) {
      d[n++] = R_SKILL_REQUIRED_MET;
      d[n++] = id;
      d[n++] = held;
    } else if (held > 0) {
      d[n++] = R_SKILL_BELOW_LEVEL;
      d[n++] = id;
      d[n++] = need;
      d[n++] = held;
    } else {
      d[n++] = R_MISSING_SKILL;
      d[n++] = id;
      d[n++] = need;
    }
  }
  for (let c = 0; c < certificateCount; c++) {
    if (!heldCertificate[c]) continue;
    d[n++] = R_CERT_REQUIRED_HELD;
    d[n++] = sh.certificateId[cFrom + c];
  }
  for (let c = 0; c < certificateCount; c++) {
    if (heldCertificate[c]) continue;
    d[n++] = R_MISSING_CERT;
    d[n++] = sh.certificateId[cFrom + c];
  }
  if (preferredHeld) {
    d[n++] = R_SKILL_PREFERRED_HELD;
    d[n++] = preferredHeld;
    for (let q = 0; q < preferredCount; q++) if (heldPreferred[q] >= sh.preferredLevel[pFrom + q]) d[n++] = sh.preferredName[pFrom + q];
  }
  if (skillLevel < 1 && minLevel === minLevel) {
    if (overallLevel !== overallLevel) {
      d[n++] = R_SKILL_LEVEL_UNKNOWN;
      d[n++] = minLevel;
    } else {
      d[n++] = R_SKILL_LEVEL_BELOW;
      d[n++] = minLevel;
      d[n++] = overallLevel;
    }
  }
  if (years > 0) {
    d[n++] = R_EXPERIENCE_IN_FAMILY;
    d[n++] = years;
  } else if (sh.experienceYears[j] > 0) {
    d[n++] = R_EXPERIENCE_MISSING;
    d[n++] = sh.experienceYears[j];
  }
  const delay = availableDay - sh.startDay[j];
  if (delay > 0) {
    d[n++] = R_AVAILABLE_LATE;
    d[n++] = delay;
  } else if (availableDay === availableDay) d[n++] = R_AVAILABLE;
  if (workType !== 0.5) {
    d[n++] = workType === 1 ? R_WORK_TYPE_MATCH : R_WORK_TYPE_MISMATCH;
    d[n++] = k.preparedWorkType;
  }
  const askedEducation = sh.education[j];
  if (askedEducation >= 0) {
    const heldEducation = ((packed >> 16) & 255) - 1;
    if (heldEducation >= 0) {
      const ranks = k.educationRanks();
      if (ranks[askedEducation] - ranks[heldEducation] > 0) {
        d[n++] = R_EDUCATION_BELOW_POSTING;
        d[n++] = askedEducation;
        d[n++] = heldEducation;
      }
    }
  }
  if (priority) d[n++] = R_PRIORITY_GROUP;

  d[at] = n - at - HEAD;
  log.length = n;
  return at;
}
