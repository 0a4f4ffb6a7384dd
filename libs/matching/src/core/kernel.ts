/** The production scorer: one shortage against many compiled candidate seekers (and `explain` for kept pairs). */
import {
  blockingGaps,
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
  PRECISION_SLACK_KM,
  reachKm,
  skillCredit,
  skillLevelValue,
  skillMet,
  UNKNOWN_DISTANCE_VALUES,
  wageValue,
} from './primitives';
import { ExplanationLog } from './explanation-log';
import { educationRank, storedWeights } from './reasons';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights, totalWeight } from './weights';
import { checkShared } from './compile';
import { CompiledSeekers, CompiledShortages, FLAG_ELIGIBLE, FLAG_IN_REACH, FLAG_NEAR_FIT, FLAG_REACHABLE } from './compiled-layout';
import { explainPair, KernelTables } from './explain';

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

/**
 * The fast path: one shortage against many candidate seekers. The shortage's requirements are spread into
 * per-skill lookup tables once (stamped, so nothing is cleared between shortages), then each candidate costs a
 * scan of its own few skills and certificates.
 */
export class ScoringKernel implements KernelTables {
  // Members without `private` are the lookup tables explainPair (explain.ts) reads; nothing else should touch them.
  private readonly w: Float64Array;
  private readonly total: number;
  private stamp = 0;
  /** Per skill id: the stamp of the shortage it was last set for, and whether it is required (1) and/or preferred (2) there. */
  skillMark = new Int32Array(0);
  skillRole = new Uint8Array(0);
  private requiredLevel = new Float64Array(0);
  private preferredLevel = new Float64Array(0);
  certificateMark = new Int32Array(0);
  /** For `explain`: the shortage the tables were last set for, its stamp, and each requirement's position in its lists. */
  preparedShortage = -1;
  preparedStamp = 0;
  requiredIndex = new Int32Array(0);
  preferredIndex = new Int32Array(0);
  certificateIndex = new Int32Array(0);
  heldRequired = new Float64Array(16);
  heldPreferred = new Float64Array(16);
  heldCertificate = new Uint8Array(16);
  /** Work type id of the prepared shortage. */
  preparedWorkType = 0;
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

  prepare(j: number): number {
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
  educationRanks(): Int32Array {
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
    return explainPair(this, j, i, log);
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
          (reachable ? FLAG_REACHABLE : 0) |
          (reachable && blocking === 0 ? FLAG_ELIGIBLE : 0) |
          (reachable && blocking > 0 && skillsMissing + certificatesMissing <= 2 ? FLAG_NEAR_FIT : 0);
      }
    }
  }
}
