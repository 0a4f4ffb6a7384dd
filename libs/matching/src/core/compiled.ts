import { Growable } from './growable';
import {
  blockingGaps,
  availabilityValue,
  distanceValue,
  effectiveRadiusKm,
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
  precisionCode,
  PRECISION_POINT,
  PRECISION_SLACK_KM,
  reachH,
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
import { educationRank, R, REGION_SIDE_SEEKER, REGION_SIDE_SHORTAGE, storedWeights } from './reasons';
import { SeekerFacts, ShortageFacts } from './types';
import { MatchVocabulary } from './vocabulary';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights, totalWeight } from './weights';

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

/** Missing occupation levels: different sentinels on each side so that two missing levels never match. */
const SEEKER_NO_CODE = -1;
const SHORTAGE_NO_CODE = -2;

interface GeoColumns {
  /** The precision code (primitives: 0 no coordinates, 1 point, 2 township, 3 district, 4 city); non-zero = located. */
  hasLocation: Uint8Array;
  lat: Float64Array;
  lng: Float64Array;
  sinHalfLat: Float64Array;
  cosHalfLat: Float64Array;
  cosLat: Float64Array;
  sinHalfLng: Float64Array;
  cosHalfLng: Float64Array;
}

/**
 * Seeker record layout. Each seeker is one contiguous run of doubles in `data`, starting at `offset[i]`: a
 * header of ROW.* scalars, then (detail, minor, medium) ids per occupation (desired and experience,
 * deduplicated), (skill id, level) pairs (deduplicated, highest level kept), certificate ids, and
 * (minor-group id, years) pairs of experience. A seeker's whole record is a few adjacent cache lines, which the
 * hardware prefetches together: at a million seekers the kernel waits on memory, not arithmetic.
 */
export const HEADER = 18;
export const ROW = {
  sinHalfLat: 0,
  cosHalfLat: 1,
  cosLat: 2,
  sinHalfLng: 3,
  cosHalfLng: 4,
  /** Haversine h at REACH_FACTOR × radius plus the seeker's own location slack (PRECISION_SLACK_KM). */
  reachH: 5,
  radiusKm: 6,
  /** NaN when not given (also wage and availableDay). */
  overallLevel: 7,
  wageExpectation: 8,
  availableDay: 9,
  /** The precision code: 0 no coordinates, 1 point, 2-4 a centroid (township, district, city); see PRECISION_NAMES. */
  hasLocation: 10,
  region: 11,
  /** A bit per work type (MatchVocabulary.workTypeBit); 0 = none chosen. */
  workTypeMask: 12,
  /**
   * Bit 0: a priority group other than 'disabled'; bit 1: 'disabled'. For explanations only (scoring masks them
   * off): bits 8-15, how many of the record's occupations are wanted ones (the rest come from experience alone);
   * bits 16-23, the education id + 1 (0: not given).
   */
  priority: 13,
  occupationCount: 14,
  skillCount: 15,
  certificateCount: 16,
  experienceCount: 17,
} as const;

export interface CompiledSeekers {
  readonly count: number;
  readonly vocabulary: MatchVocabulary;
  ids: string[];
  data: Float64Array;
  /** Record of seeker i: data[offset[i] .. offset[i + 1]). */
  offset: Int32Array;
  /** For blocking: coordinates (NaN when unknown). */
  lat: Float64Array;
  lng: Float64Array;
}

/** Positions of one seeker's lists inside `data`. Skills and experiences are pairs (stride 2). */
export interface SeekerLists {
  occupations: number;
  occupationCount: number;
  skills: number;
  skillCount: number;
  certificates: number;
  certificateCount: number;
  experiences: number;
  experienceCount: number;
}

export function seekerLists(seekers: CompiledSeekers, i: number): SeekerLists {
  const r = seekers.offset[i];
  const { data } = seekers;
  const occupationCount = data[r + ROW.occupationCount];
  const skillCount = data[r + ROW.skillCount];
  const certificateCount = data[r + ROW.certificateCount];
  const occupations = r + HEADER;
  const skills = occupations + 3 * occupationCount;
  const certificates = skills + 2 * skillCount;
  return {
    occupations,
    occupationCount,
    skills,
    skillCount,
    certificates,
    certificateCount,
    experiences: certificates + certificateCount,
    experienceCount: data[r + ROW.experienceCount],
  };
}

export interface CompiledShortages extends GeoColumns {
  readonly count: number;
  readonly vocabulary: MatchVocabulary;
  ids: string[];
  occupationCodes: string[];
  region: Int32Array;
  occupationDetail: Int32Array;
  occupationMinor: Int32Array;
  occupationMedium: Int32Array;
  requiredStart: Int32Array;
  requiredId: Int32Array;
  requiredLevel: Float64Array;
  preferredStart: Int32Array;
  preferredId: Int32Array;
  preferredLevel: Float64Array;
  certificateStart: Int32Array;
  certificateId: Int32Array;
  minSkillLevel: Float64Array;
  experienceTarget: Float64Array;
  wageMax: Float64Array;
  startDay: Float64Array;
  workTypeBit: Int32Array;
  openToDisabled: Uint8Array;
  openHeadcount: Int32Array;
  /** For explanations only: the wage floor, the years of experience asked (NaN when none) and the education id (-1 when none). */
  wageMin: Float64Array;
  experienceYears: Float64Array;
  education: Int32Array;
}

/** Kernel output flags. */
export const FLAG_ELIGIBLE = 1;
export const FLAG_NEAR_FIT = 2;
export const FLAG_IN_REACH = 4;

class GeoBuilder {
  hasLocation = new Growable(Uint8Array);
  lat = new Growable(Float64Array);
  lng = new Growable(Float64Array);
  sinHalfLat = new Growable(Float64Array);
  cosHalfLat = new Growable(Float64Array);
  cosLat = new Growable(Float64Array);
  sinHalfLng = new Growable(Float64Array);
  cosHalfLng = new Growable(Float64Array);

  push(lat: number | null, lng: number | null, precision: string | null | undefined): void {
    const code = precisionCode(lat, lng, precision);
    const known = code !== 0;
    const t = known ? geoTrig(lat as number, lng as number) : null;
    this.hasLocation.push(code);
    this.lat.push(known ? (lat as number) : NaN);
    this.lng.push(known ? (lng as number) : NaN);
    this.sinHalfLat.push(t?.sinHalfLat ?? 0);
    this.cosHalfLat.push(t?.cosHalfLat ?? 0);
    this.cosLat.push(t?.cosLat ?? 0);
    this.sinHalfLng.push(t?.sinHalfLng ?? 0);
    this.cosHalfLng.push(t?.cosHalfLng ?? 0);
  }

  done(): GeoColumns {
    return {
      hasLocation: this.hasLocation.done(),
      lat: this.lat.done(),
      lng: this.lng.done(),
      sinHalfLat: this.sinHalfLat.done(),
      cosHalfLat: this.cosHalfLat.done(),
      cosLat: this.cosLat.done(),
      sinHalfLng: this.sinHalfLng.done(),
      cosHalfLng: this.cosHalfLng.done(),
    };
  }
}

function levelIds(vocabulary: MatchVocabulary, code: string, missing: number): [number, number, number] {
  const { detail, minor, medium } = occupationLevels(code);
  const ids = vocabulary.occupations;
  return [detail === null ? missing : ids.id(detail), minor === null ? missing : ids.id(minor), medium === null ? missing : ids.id(medium)];
}

/** Name → highest level, first-seen order (the order `evaluate` sums in). */
function levelsByName(list: readonly { name: string; level: number }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const { name, level } of list) {
    const known = map.get(name);
    if (known === undefined || level > known) map.set(name, level);
  }
  return map;
}

/** Compiles seekers in one pass (any iterable: a generator of a million keeps no facts in memory). */
export function compileSeekers(seekers: Iterable<SeekerFacts>, vocabulary = new MatchVocabulary()): CompiledSeekers {
  const ids: string[] = [];
  const data = new Growable(Float64Array, 1 << 16);
  const offset = new Growable(Int32Array);
  const lat = new Growable(Float64Array);
  const lng = new Growable(Float64Array);

  for (const s of seekers) {
    ids.push(s.id);
    offset.push(data.length);
    const precision = precisionCode(s.lat, s.lng, s.locationPrecision);
    const known = precision !== 0;
    const t = known ? geoTrig(s.lat as number, s.lng as number) : null;
    lat.push(known ? (s.lat as number) : NaN);
    lng.push(known ? (s.lng as number) : NaN);
    // Wanted occupations first, then those of experience only (first-seen order, no repeats: the order `evaluate` reads them in).
    const occupations: string[] = [];
    for (const code of s.desiredOccupations) if (!occupations.includes(code)) occupations.push(code);
    const desired = occupations.length;
    for (const e of s.experience) if (!occupations.includes(e.occupationCode)) occupations.push(e.occupationCode);
    const education = s.education ? vocabulary.educations.id(s.education) + 1 : 0;
    if (desired > 255 || education > 255) throw new Error('A seeker record holds at most 255 wanted occupations and 255 education levels');
    const skills = levelsByName(s.skills);
    const certificates = [...new Set(s.certificates)];
    let mask = 0;
    for (const type of s.workTypes) mask |= vocabulary.workTypeBit(type);
    let groups = 0;
    for (const group of s.priorityGroups) groups |= group === 'disabled' ? 2 : 1;
    groups |= (desired << 8) | (education << 16);

    // Header, in ROW order.
    data.push(t?.sinHalfLat ?? 0);
    data.push(t?.cosHalfLat ?? 0);
    data.push(t?.cosLat ?? 0);
    data.push(t?.sinHalfLng ?? 0);
    data.push(t?.cosHalfLng ?? 0);
    data.push(reachH(s.travelRadiusKm, PRECISION_SLACK_KM[precision]));
    data.push(effectiveRadiusKm(s.travelRadiusKm));
    data.push(orNaN(s.skillLevel));
    data.push(orNaN(s.wageExpectation));
    data.push(epochDay(s.availableFrom));
    data.push(precision);
    data.push(vocabulary.regions.id(s.regionCode));
    data.push(mask);
    data.push(groups);
    data.push(occupations.length);
    data.push(skills.size);
    data.push(certificates.length);
    data.push(s.experience.length);

    for (const code of occupations) for (const id of levelIds(vocabulary, code, SEEKER_NO_CODE)) data.push(id);
    for (const [name, level] of skills) {
      data.push(vocabulary.skills.id(name));
      data.push(level);
    }
    for (const code of certificates) data.push(vocabulary.certificates.id(code));
    for (const e of s.experience) {
      data.push(levelIds(vocabulary, e.occupationCode, SEEKER_NO_CODE)[1]);
      data.push(e.years);
    }
  }
  offset.push(data.length);

  return {
    count: ids.length,
    vocabulary,
    ids,
    data: data.done(),
    offset: offset.done(),
    lat: lat.done(),
    lng: lng.done(),
  };
}

export function compileShortages(shortages: Iterable<ShortageFacts>, vocabulary: MatchVocabulary): CompiledShortages {
  const ids: string[] = [];
  const occupationCodes: string[] = [];
  const geo = new GeoBuilder();
  const region = new Growable(Int32Array);
  const occupationDetail = new Growable(Int32Array);
  const occupationMinor = new Growable(Int32Array);
  const occupationMedium = new Growable(Int32Array);
  const requiredStart = new Growable(Int32Array);
  const requiredId = new Growable(Int32Array);
  const requiredLevel = new Growable(Float64Array);
  const preferredStart = new Growable(Int32Array);
  const preferredId = new Growable(Int32Array);
  const preferredLevel = new Growable(Float64Array);
  const certificateStart = new Growable(Int32Array);
  const certificateId = new Growable(Int32Array);
  const minSkillLevel = new Growable(Float64Array);
  const experience = new Growable(Float64Array);
  const wageMax = new Growable(Float64Array);
  const startDay = new Growable(Float64Array);
  const workTypeBit = new Growable(Int32Array);
  const openToDisabled = new Growable(Uint8Array);
  const openHeadcount = new Growable(Int32Array);
  const wageMin = new Growable(Float64Array);
  const experienceYears = new Growable(Float64Array);
  const education = new Growable(Int32Array);

  for (const s of shortages) {
    ids.push(s.id);
    occupationCodes.push(s.occupationCode);
    geo.push(s.lat, s.lng, s.locationPrecision);
    region.push(vocabulary.regions.id(s.regionCode));
    const [detail, minor, medium] = levelIds(vocabulary, s.occupationCode, SHORTAGE_NO_CODE);
    occupationDetail.push(detail);
    occupationMinor.push(minor);
    occupationMedium.push(medium);
    requiredStart.push(requiredId.length);
    for (const [name, level] of levelsByName(s.requiredSkills)) {
      requiredId.push(vocabulary.skills.id(name));
      requiredLevel.push(Math.max(1, level));
    }
    preferredStart.push(preferredId.length);
    for (const [name, level] of levelsByName(s.preferredSkills)) {
      preferredId.push(vocabulary.skills.id(name));
      preferredLevel.push(Math.max(1, level));
    }
    certificateStart.push(certificateId.length);
    for (const code of new Set(s.requiredCertificates)) certificateId.push(vocabulary.certificates.id(code));
    minSkillLevel.push(orNaN(s.minSkillLevel));
    experience.push(experienceTarget(s.experienceYears));
    wageMax.push(s.wageMax);
    startDay.push(epochDay(s.startDate));
    workTypeBit.push(vocabulary.workTypeBit(s.workType));
    openToDisabled.push(s.openToDisabled ? 1 : 0);
    openHeadcount.push(s.openHeadcount);
    wageMin.push(s.wageMin);
    experienceYears.push(orNaN(s.experienceYears));
    education.push(s.education ? vocabulary.educations.id(s.education) : -1);
  }
  requiredStart.push(requiredId.length);
  preferredStart.push(preferredId.length);
  certificateStart.push(certificateId.length);

  return {
    count: ids.length,
    vocabulary,
    ids,
    occupationCodes,
    ...geo.done(),
    region: region.done(),
    occupationDetail: occupationDetail.done(),
    occupationMinor: occupationMinor.done(),
    occupationMedium: occupationMedium.done(),
    requiredStart: requiredStart.done(),
    requiredId: requiredId.done(),
    requiredLevel: requiredLevel.done(),
    preferredStart: preferredStart.done(),
    preferredId: preferredId.done(),
    preferredLevel: preferredLevel.done(),
    certificateStart: certificateStart.done(),
    certificateId: certificateId.done(),
    minSkillLevel: minSkillLevel.done(),
    experienceTarget: experience.done(),
    wageMax: wageMax.done(),
    startDay: startDay.done(),
    workTypeBit: workTypeBit.done(),
    openToDisabled: openToDisabled.done(),
    openHeadcount: openHeadcount.done(),
    wageMin: wageMin.done(),
    experienceYears: experienceYears.done(),
    education: education.done(),
  };
}

function checkShared(seekers: CompiledSeekers, shortages: CompiledShortages): void {
  if (seekers.vocabulary !== shortages.vocabulary) throw new Error('Seekers and shortages must be compiled with the same MatchVocabulary');
}

/**
 * Score of seeker i for shortage j, pair by pair: the same number as `scoreMatch` on the facts they were
 * compiled from (same arithmetic, same summation order).
 */
export function scoreCompiled(seekers: CompiledSeekers, shortages: CompiledShortages, i: number, j: number, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): number {
  checkShared(seekers, shortages);
  const { data } = seekers;
  const r = seekers.offset[i];
  const l = seekerLists(seekers, i);

  const detail = shortages.occupationDetail[j];
  const minor = shortages.occupationMinor[j];
  const medium = shortages.occupationMedium[j];
  let level = OCC_NONE;
  for (let k = 0; k < l.occupationCount; k++) {
    const o = l.occupations + 3 * k;
    const own = data[o] === detail ? OCC_EXACT : data[o + 1] === minor ? OCC_MINOR : data[o + 2] === medium ? OCC_MEDIUM : OCC_NONE;
    if (own > level) level = own;
  }

  const heldLevel = (id: number) => {
    for (let k = 0; k < l.skillCount; k++) if (data[l.skills + 2 * k] === id) return data[l.skills + 2 * k + 1];
    return 0;
  };
  let requiredSum = 0;
  let namesHeld = 0;
  const rFrom = shortages.requiredStart[j];
  const rTo = shortages.requiredStart[j + 1];
  for (let q = rFrom; q < rTo; q++) {
    const held = heldLevel(shortages.requiredId[q]);
    requiredSum += skillCredit(held, shortages.requiredLevel[q]);
    if (held > 0) namesHeld++;
  }
  let preferredSum = 0;
  const pFrom = shortages.preferredStart[j];
  const pTo = shortages.preferredStart[j + 1];
  for (let p = pFrom; p < pTo; p++) preferredSum += skillCredit(heldLevel(shortages.preferredId[p]), shortages.preferredLevel[p]);
  let certificatesHeld = 0;
  const cFrom = shortages.certificateStart[j];
  const cTo = shortages.certificateStart[j + 1];
  for (let c = cFrom; c < cTo; c++) {
    for (let k = 0; k < l.certificateCount; k++) {
      if (data[l.certificates + k] === shortages.certificateId[c]) {
        certificatesHeld++;
        break;
      }
    }
  }
  let years = 0;
  for (let k = 0; k < l.experienceCount; k++) if (data[l.experiences + 2 * k] === minor) years += data[l.experiences + 2 * k + 1];

  let distance: number;
  const seekerPrecision = data[r + ROW.hasLocation];
  const shortagePrecision = shortages.hasLocation[j];
  if (seekerPrecision !== 0 && shortagePrecision !== 0) {
    const h = haversineH(
      data[r + ROW.sinHalfLat],
      data[r + ROW.cosHalfLat],
      data[r + ROW.cosLat],
      data[r + ROW.sinHalfLng],
      data[r + ROW.cosHalfLng],
      shortages.sinHalfLat[j],
      shortages.cosHalfLat[j],
      shortages.cosLat[j],
      shortages.sinHalfLng[j],
      shortages.cosHalfLng[j],
    );
    const shortageSlack = PRECISION_SLACK_KM[shortagePrecision];
    const km = hToKm(h);
    const inReach = shortageSlack === 0 ? h <= data[r + ROW.reachH] : km <= reachKm(data[r + ROW.radiusKm], PRECISION_SLACK_KM[seekerPrecision], shortageSlack);
    distance = inReach ? distanceValue(km, data[r + ROW.radiusKm]) : 0;
  } else {
    distance = UNKNOWN_DISTANCE_VALUES[seekers.vocabulary.regionRelation(data[r + ROW.region], shortages.region[j])];
  }
  const mask = data[r + ROW.workTypeMask];
  const values = [
    occupationValue(level, namesHeld, rTo - rFrom),
    rTo > rFrom ? requiredSum / (rTo - rFrom) : 1,
    pTo > pFrom ? preferredSum / (pTo - pFrom) : 1,
    cTo > cFrom ? certificatesHeld / (cTo - cFrom) : 1,
    skillLevelValue(data[r + ROW.overallLevel], shortages.minSkillLevel[j]),
    distance,
    wageValue(shortages.wageMax[j], data[r + ROW.wageExpectation]),
    availabilityValue(data[r + ROW.availableDay], shortages.startDay[j]),
    mask === 0 ? 0.5 : (mask & shortages.workTypeBit[j]) !== 0 ? 1 : 0,
    experienceValue(years, shortages.experienceTarget[j]),
    (data[r + ROW.priority] & (shortages.openToDisabled[j] ? 3 : 1)) !== 0 ? 1 : 0,
  ];
  const w = weights;
  const sum =
    w.occupation * values[0] +
    w.requiredSkills * values[1] +
    w.preferredSkills * values[2] +
    w.certificates * values[3] +
    w.skillLevel * values[4] +
    w.distance * values[5] +
    w.wage * values[6] +
    w.availability * values[7] +
    w.workType * values[8] +
    w.experience * values[9] +
    w.priorityGroup * values[10];
  return (sum * 100) / totalWeight(w);
}

/**
 * The fast path: one shortage against many candidate seekers. The shortage's requirements are spread into
 * per-skill lookup tables once (stamped, so nothing is cleared between shortages), then each candidate costs a
 * scan of its own few skills and certificates.
 */
export class ScoringKernel {
  private readonly w: Float64Array;
  private readonly total: number;
  private stamp = 0;
  /** Per skill id: the stamp of the shortage it was last set for, and whether it is required (1) and/or preferred (2) there. */
  private skillMark = new Int32Array(0);
  private skillRole = new Uint8Array(0);
  private requiredLevel = new Float64Array(0);
  private preferredLevel = new Float64Array(0);
  private certificateMark = new Int32Array(0);
  /** For `explain`: the shortage the tables were last set for, its stamp, and each requirement's position in its lists. */
  private preparedShortage = -1;
  private preparedStamp = 0;
  private requiredIndex = new Int32Array(0);
  private preferredIndex = new Int32Array(0);
  private certificateIndex = new Int32Array(0);
  private heldRequired = new Float64Array(16);
  private heldPreferred = new Float64Array(16);
  private heldCertificate = new Uint8Array(16);
  /** Work type id of the prepared shortage. */
  private preparedWorkType = 0;
  private ranks = new Int32Array(0);
  /** Where `explain` writes by default. */
  readonly explanations: ExplanationLog;

  constructor(
    readonly seekers: CompiledSeekers,
    readonly shortages: CompiledShortages,
    readonly weights: MatchWeights = DEFAULT_MATCH_WEIGHTS,
  ) {
    checkShared(seekers, shortages);
    const w = weights;
    this.w = Float64Array.of(w.occupation, w.requiredSkills, w.preferredSkills, w.certificates, w.skillLevel, w.distance, w.wage, w.availability, w.workType, w.experience, w.priorityGroup);
    this.total = totalWeight(weights);
    this.explanations = new ExplanationLog(seekers.vocabulary, storedWeights(weights));
  }

  score(i: number, j: number): number {
    return scoreCompiled(this.seekers, this.shortages, i, j, this.weights);
  }

  private prepare(j: number): number {
    const vocabulary = this.seekers.vocabulary;
    if (this.skillMark.length < vocabulary.skills.size) {
      const n = vocabulary.skills.size * 2;
      this.skillMark = new Int32Array(n);
      this.skillRole = new Uint8Array(n);
      this.requiredLevel = new Float64Array(n);
      this.preferredLevel = new Float64Array(n);
      this.requiredIndex = new Int32Array(n);
      this.preferredIndex = new Int32Array(n);
      this.stamp = 0;
    }
    if (this.certificateMark.length < vocabulary.certificates.size) {
      this.certificateMark = new Int32Array(vocabulary.certificates.size * 2);
      this.certificateIndex = new Int32Array(vocabulary.certificates.size * 2);
      this.stamp = 0;
    }
    if (this.stamp === 0) {
      this.skillMark.fill(0);
      this.certificateMark.fill(0);
    }
    const stamp = ++this.stamp;
    if (stamp === 0x7fffffff) this.stamp = 0;
    const s = this.shortages;
    const { skillMark, skillRole } = this;
    for (let r = s.requiredStart[j]; r < s.requiredStart[j + 1]; r++) {
      const id = s.requiredId[r];
      skillMark[id] = stamp;
      skillRole[id] = 1;
      this.requiredLevel[id] = s.requiredLevel[r];
      this.requiredIndex[id] = r - s.requiredStart[j];
    }
    for (let p = s.preferredStart[j]; p < s.preferredStart[j + 1]; p++) {
      const id = s.preferredId[p];
      skillRole[id] = skillMark[id] === stamp ? skillRole[id] | 2 : 2;
      skillMark[id] = stamp;
      this.preferredLevel[id] = s.preferredLevel[p];
      this.preferredIndex[id] = p - s.preferredStart[j];
    }
    for (let c = s.certificateStart[j]; c < s.certificateStart[j + 1]; c++) {
      this.certificateMark[s.certificateId[c]] = stamp;
      this.certificateIndex[s.certificateId[c]] = c - s.certificateStart[j];
    }
    this.preparedShortage = j;
    this.preparedStamp = stamp;
    this.preparedWorkType = 31 - Math.clz32(s.workTypeBit[j]);
    return stamp;
  }

  /** EDUCATION_ORDER rank by education id (-1: not a known level), refreshed when the vocabulary has grown. */
  private educationRanks(): Int32Array {
    const values = this.seekers.vocabulary.educations.values;
    if (this.ranks.length !== values.length) this.ranks = Int32Array.from(values, educationRank);
    return this.ranks;
  }

  /**
   * Explains seeker i for shortage j into `log` (default: this kernel's `explanations`) and returns the record's
   * offset there: factor values and reason codes with their parameters, no text, no object. `log.compact(at)` is the
   * same as `explainCompact` on the facts they were compiled from (a test checks it), and this costs about one more
   * kernel evaluation: what a run pays for every pair it keeps. Cheapest right after `scoreBatch(j, …)`, whose lookup
   * tables it reuses.
   */
  explain(j: number, i: number, log: ExplanationLog = this.explanations): number {
    if (log.vocabulary !== this.seekers.vocabulary) throw new Error('The explanation log must use the kernel’s MatchVocabulary');
    if (this.preparedShortage !== j) this.prepare(j);
    const stamp = this.preparedStamp;
    const seekers = this.seekers;
    const data = seekers.data;
    const sh = this.shortages;
    const { skillMark, skillRole, requiredIndex, preferredIndex, certificateMark, certificateIndex } = this;
    const rFrom = sh.requiredStart[j];
    const requiredCount = sh.requiredStart[j + 1] - rFrom;
    const pFrom = sh.preferredStart[j];
    const preferredCount = sh.preferredStart[j + 1] - pFrom;
    const cFrom = sh.certificateStart[j];
    const certificateCount = sh.certificateStart[j + 1] - cFrom;
    if (this.heldRequired.length < requiredCount) this.heldRequired = new Float64Array(requiredCount * 2);
    if (this.heldPreferred.length < preferredCount) this.heldPreferred = new Float64Array(preferredCount * 2);
    if (this.heldCertificate.length < certificateCount) this.heldCertificate = new Uint8Array(certificateCount * 2);
    const { heldRequired, heldPreferred, heldCertificate } = this;
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

    // Occupation: the first code reaching the best level (the order `evaluate` reads them in).
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

    // Factor values, with the arithmetic and summation order of `evaluate`.
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
      const id = sh.requiredId[rFrom + q];
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
      for (let q = 0; q < preferredCount; q++) if (heldPreferred[q] >= sh.preferredLevel[pFrom + q]) d[n++] = sh.preferredId[pFrom + q];
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
      d[n++] = this.preparedWorkType;
    }
    const askedEducation = sh.education[j];
    if (askedEducation >= 0) {
      const heldEducation = ((packed >> 16) & 255) - 1;
      if (heldEducation >= 0) {
        const ranks = this.educationRanks();
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

  /**
   * Scores seekers `candidates[0..count)` for shortage j into `scores` (and FLAG_* bits into `flags` when given).
   * Agrees with `scoreMatch` up to floating-point summation order (well under 1e-9). Candidates in ascending
   * index order read memory more nearly in sequence.
   */
  scoreBatch(j: number, candidates: Int32Array, count: number, scores: Float64Array, flags?: Uint8Array): void {
    const stamp = this.prepare(j);
    const { data, offset } = this.seekers;
    const sh = this.shortages;
    const { skillMark, skillRole, requiredLevel, preferredLevel, certificateMark } = this;
    const w = this.w;
    const w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6], w7 = w[7], w8 = w[8], w9 = w[9], w10 = w[10]; // prettier-ignore
    const total = this.total;

    const detail = sh.occupationDetail[j];
    const minor = sh.occupationMinor[j];
    const medium = sh.occupationMedium[j];
    const requiredCount = sh.requiredStart[j + 1] - sh.requiredStart[j];
    const preferredCount = sh.preferredStart[j + 1] - sh.preferredStart[j];
    const certificateCount = sh.certificateStart[j + 1] - sh.certificateStart[j];
    const minLevel = sh.minSkillLevel[j];
    const expTarget = sh.experienceTarget[j];
    const wageMax = sh.wageMax[j];
    const startDay = sh.startDay[j];
    const workBit = sh.workTypeBit[j];
    const priorityMask = sh.openToDisabled[j] ? 3 : 1;
    const located = sh.hasLocation[j] !== 0;
    const shortageSlack = slackOf[sh.hasLocation[j]];
    const vocabulary = this.seekers.vocabulary;
    const bSinHalfLat = sh.sinHalfLat[j], bCosHalfLat = sh.cosHalfLat[j], bCosLat = sh.cosLat[j], bSinHalfLng = sh.sinHalfLng[j], bCosHalfLng = sh.cosHalfLng[j]; // prettier-ignore
    const shortageRegion = sh.region[j];

    for (let c = 0; c < count; c++) {
      const r = offset[candidates[c]]; // header offsets below are ROW.*
      // Counts as int32 (`| 0`): the list offsets then stay integer arithmetic (about 5% of the kernel's time).
      const occupationCount = data[r + 14] | 0;
      const skillCount = data[r + 15] | 0;
      const certificateHeldCount = data[r + 16] | 0;
      const experienceCount = data[r + 17] | 0;
      let b = r + 18;

      let level = LEVEL_NONE;
      for (const end = b + 3 * occupationCount; b < end; b += 3) {
        if (data[b] === detail) level = LEVEL_EXACT;
        else if (data[b + 1] === minor) {
          if (level < LEVEL_MINOR) level = LEVEL_MINOR;
        } else if (level < LEVEL_MEDIUM && data[b + 2] === medium) level = LEVEL_MEDIUM;
      }

      let requiredSum = 0;
      let namesHeld = 0;
      let requiredMet = 0;
      let preferredSum = 0;
      for (const end = b + 2 * skillCount; b < end; b += 2) {
        const id = data[b];
        if (skillMark[id] !== stamp) continue;
        const held = data[b + 1];
        const role = skillRole[id];
        if (role & 1) {
          const need = requiredLevel[id];
          if (held > 0) namesHeld++;
          if (skillMet(held, need)) requiredMet++;
          requiredSum += credit(held, need);
        }
        if (role & 2) preferredSum += credit(held, preferredLevel[id]);
      }
      let certificatesHeld = 0;
      for (const end = b + certificateHeldCount; b < end; b++) if (certificateMark[data[b]] === stamp) certificatesHeld++;
      let years = 0;
      for (const end = b + 2 * experienceCount; b < end; b += 2) if (data[b] === minor) years += data[b + 1];

      let distance: number;
      let inReach: boolean;
      const seekerPrecision = data[r + 10];
      if (located && seekerPrecision !== 0) {
        const h = hOf(data[r], data[r + 1], data[r + 2], data[r + 3], data[r + 4], bSinHalfLat, bCosHalfLat, bCosLat, bSinHalfLng, bCosHalfLng);
        if (shortageSlack === 0) {
          // A point workplace (the common case): the seeker's own slack, if any, is inside reachH.
          inReach = h <= data[r + 5];
          distance = inReach ? distanceFactor(kmOfH(h), data[r + 6]) : 0;
        } else {
          const km = kmOfH(h);
          inReach = km <= reachOf(data[r + 6], slackOf[seekerPrecision], shortageSlack);
          distance = inReach ? distanceFactor(km, data[r + 6]) : 0;
        }
      } else {
        const relation = vocabulary.regionRelation(data[r + 11], shortageRegion);
        inReach = relation !== 0;
        distance = byRegion[relation];
      }

      const mask = data[r + 12];
      const occupation = occupationFactor(level, namesHeld, requiredCount);
      const sum =
        w0 * occupation +
        w1 * (requiredCount ? requiredSum / requiredCount : 1) +
        w2 * (preferredCount ? preferredSum / preferredCount : 1) +
        w3 * (certificateCount ? certificatesHeld / certificateCount : 1) +
        w4 * levelFactor(data[r + 7], minLevel) +
        w5 * distance +
        w6 * wageFactor(wageMax, data[r + 8]) +
        w7 * availabilityFactor(data[r + 9], startDay) +
        w8 * (mask === 0 ? 0.5 : (mask & workBit) !== 0 ? 1 : 0) +
        w9 * experienceFactor(years, expTarget) +
        w10 * ((data[r + 13] & priorityMask) !== 0 ? 1 : 0);
      scores[c] = (sum * 100) / total;

      if (flags) {
        const skillsMissing = requiredCount - requiredMet;
        const certificatesMissing = certificateCount - certificatesHeld;
        const blocking = blockingGaps(skillsMissing, requiredCount, certificatesMissing);
        const reachable = inReach && occupation > 0;
        flags[c] =
          (inReach ? FLAG_IN_REACH : 0) |
          (reachable && blocking === 0 ? FLAG_ELIGIBLE : 0) |
          (reachable && blocking > 0 && skillsMissing + certificatesMissing <= 2 ? FLAG_NEAR_FIT : 0);
      }
    }
  }
}

/**
 * The same seekers reordered so that those of one occupation minor group (their first occupation) and one
 * 0.1° cell are adjacent in memory: a shortage's candidates then come from a few runs of rows instead of
 * all over a province-size array, which at a million seekers is worth several times the kernel's speed.
 * `order[newIndex]` is the index the seeker had before.
 */
export function clusterSeekers(seekers: CompiledSeekers): { seekers: CompiledSeekers; order: Int32Array } {
  const { count, data, offset, lat, lng } = seekers;
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const l = seekerLists(seekers, i);
    const minor = l.occupationCount > 0 ? data[l.occupations + 1] : -1;
    const cell = lat[i] === lat[i] ? Math.floor((lat[i] + 90) * 10) * 4000 + Math.floor((lng[i] + 180) * 10) : 4000 * 4000;
    keys[i] = (minor + 2) * 2 ** 24 + cell;
  }
  const order = Int32Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const newData = new Float64Array(data.length);
  const newOffset = new Int32Array(count + 1);
  const ids: string[] = new Array(count);
  const newLat = new Float64Array(count);
  const newLng = new Float64Array(count);

  let at = 0;
  for (let n = 0; n < count; n++) {
    const i = order[n];
    newOffset[n] = at;
    newData.set(data.subarray(offset[i], offset[i + 1]), at);
    at += offset[i + 1] - offset[i];
    ids[n] = seekers.ids[i];
    newLat[n] = lat[i];
    newLng[n] = lng[i];
  }
  newOffset[count] = at;
  return { seekers: { count, vocabulary: seekers.vocabulary, ids, data: newData, offset: newOffset, lat: newLat, lng: newLng }, order };
}

/**
 * A processing order for shortages that keeps the seekers they read warm in cache: by occupation minor group,
 * then 0.1° cell (the order `clusterSeekers` lays seekers out in). Scores do not depend on it.
 */
export function localityOrder(shortages: CompiledShortages): Int32Array {
  const keys = new Float64Array(shortages.count);
  for (let j = 0; j < shortages.count; j++) {
    const lat = shortages.lat[j];
    const lng = shortages.lng[j];
    const cell = lat === lat ? Math.floor((lat + 90) * 10) * 4000 + Math.floor((lng + 180) * 10) : 4000 * 4000;
    keys[j] = (shortages.occupationMinor[j] + 2) * 2 ** 24 + cell;
  }
  return Int32Array.from({ length: shortages.count }, (_, j) => j).sort((a, b) => keys[a] - keys[b] || a - b);
}
