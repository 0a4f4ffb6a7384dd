/**
 * The compiled (struct-of-arrays) form of seekers and shortages the kernel reads: record layout, column types
 * and result flags. `compile.ts` writes it; `kernel.ts`, `explain.ts` and `locality.ts` read it.
 */
import { MatchVocabulary } from './vocabulary';

export interface GeoColumns {
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
  /** Skill keys (vocabulary.skills) and the names as written (vocabulary.skillNames, for reasons). */
  requiredId: Int32Array;
  requiredName: Int32Array;
  requiredLevel: Float64Array;
  preferredStart: Int32Array;
  preferredId: Int32Array;
  preferredName: Int32Array;
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
/** In reach and in a related occupation (occupation factor above 0): the pairs eligibility and near fit are judged among. */
export const FLAG_REACHABLE = 8;
