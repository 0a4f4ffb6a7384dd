import { compileSeekers, compileShortages } from './compile';
import { CompiledSeekers, CompiledShortages, ROW, seekerLists } from './compiled-layout';
import { ScoringKernel } from './kernel';
import { haversineH, hToKm, PRECISION_SLACK_KM, REACH_FACTOR, reachKm } from './primitives';
import { SeekerFacts, ShortageFacts } from './types';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights } from './weights';

const { floor, max, min, cos, PI } = Math;
// Row offsets as module-local constants: read per posting, where a property load on ROW shows in profiles.
const { hasLocation: ROW_HAS_LOCATION, reachH: ROW_REACH_H, radiusKm: ROW_RADIUS_KM, region: ROW_REGION } = ROW;

/** The default bound on candidates per shortage. */
export const DEFAULT_MAX_CANDIDATES = 1000;
/** Grid cell edge in degrees (about 11 km north–south, 10.5 km east–west on Hainan). */
export const CELL_DEGREES = 0.1;
const KM_PER_DEGREE = 111.2;
/** Seekers are blocked by travel radius as well, so that a shortage looks 75 km out only for those willing to go that far. */
const RADIUS_CLASS_BOUNDS = [5, 10, 20, 30, 50, Infinity];
/**
 * A required skill held by more than this share of seekers (沟通协调, 办公软件 …) says little about the trade and
 * would pull in a large part of the province: it is left out of the skills block (it still counts in the score).
 */
const COMMON_SKILL_SHARE = 0.1;
const COMMON_SKILL_MIN = 500;

export interface CandidateOptions {
  /** At most this many seekers per shortage (default 1,000). When more pass blocking, the best by score are kept. */
  maxCandidates?: number;
  weights?: MatchWeights;
}

/**
 * Blocking index over compiled seekers. A seeker is posted under each occupation minor group and medium group it
 * wants or has worked in, and under each skill it holds; postings are grouped by travel-radius class and sorted by
 * grid cell, so a query reads, per key and class, only the cells that class can reach.
 */
export interface CandidateIndex {
  readonly seekers: CompiledSeekers;
  /** The facts the index was built from, when it was built from facts (`candidatesFor` returns these). */
  readonly facts: readonly SeekerFacts[] | null;
  /** Keys are occupation ids, then skill ids offset by `skillKeyBase`. */
  readonly skillKeyBase: number;
  readonly keyCount: number;
  /** Postings of (key, class) k are [segmentStart[k], segmentStart[k+1]) in postCell / postSeeker. */
  readonly segmentStart: Int32Array;
  readonly postCell: Int32Array;
  readonly postSeeker: Int32Array;
  /** Postings per key over all classes (document frequency). */
  readonly keyFrequency: Int32Array;
  readonly grid: { lat0: number; lng0: number; rows: number; cols: number };
  /** Scratch for queries. */
  readonly scratch: { stamp: Int32Array; count: Uint8Array; query: number };
}

const CLASSES = RADIUS_CLASS_BOUNDS.length;
/** The medium-group tier is read while the minor-group tier found fewer than this many times the bound. */
const MEDIUM_TIER_FACTOR = 3;

function radiusClass(radiusKm: number): number {
  let c = 0;
  while (radiusKm > RADIUS_CLASS_BOUNDS[c]) c++;
  return c;
}

/** The class of compiled seeker i: a coarse location's slack widens its reach, so it is posted as if its radius were larger. */
function seekerClass(seekers: CompiledSeekers, i: number): number {
  const r = seekers.offset[i];
  return radiusClass(seekers.data[r + ROW.radiusKm] + PRECISION_SLACK_KM[seekers.data[r + ROW.hasLocation]] / REACH_FACTOR);
}

/** Builds the blocking index over seekers given as facts (compiled here) or already compiled. */
export function buildCandidateIndex(input: readonly SeekerFacts[] | CompiledSeekers): CandidateIndex {
  const facts = Array.isArray(input) ? (input as readonly SeekerFacts[]) : null;
  const seekers = facts ? compileSeekers(facts) : (input as CompiledSeekers);
  const { count, data, offset, lat, lng, vocabulary } = seekers;
  const skillKeyBase = vocabulary.occupations.size;
  const keyCount = skillKeyBase + vocabulary.skills.size;

  let lat0 = Infinity, lat1 = -Infinity, lng0 = Infinity, lng1 = -Infinity; // prettier-ignore
  for (let i = 0; i < count; i++) {
    if (lat[i] !== lat[i]) continue;
    lat0 = min(lat0, lat[i]);
    lat1 = max(lat1, lat[i]);
    lng0 = min(lng0, lng[i]);
    lng1 = max(lng1, lng[i]);
  }
  if (lat0 === Infinity) lat0 = lat1 = lng0 = lng1 = 0;
  const rows = floor((lat1 - lat0) / CELL_DEGREES) + 1;
  const cols = floor((lng1 - lng0) / CELL_DEGREES) + 1;
  const cells = rows * cols;
  const cellOf = (i: number) =>
    data[offset[i] + ROW.hasLocation] !== 0 ? floor((lat[i] - lat0) / CELL_DEGREES) * cols + floor((lng[i] - lng0) / CELL_DEGREES) : cells + data[offset[i] + ROW.region];

  // The keys of seeker i, deduplicated (minor and medium groups repeat across its occupations).
  const keysOf = (i: number, out: number[]) => {
    out.length = 0;
    const l = seekerLists(seekers, i);
    for (let k = 0; k < l.occupationCount; k++) {
      const minor = data[l.occupations + 3 * k + 1];
      const medium = data[l.occupations + 3 * k + 2];
      if (minor >= 0 && !out.includes(minor)) out.push(minor);
      if (medium >= 0 && !out.includes(medium)) out.push(medium);
    }
    for (let k = 0; k < l.skillCount; k++) out.push(skillKeyBase + data[l.skills + 2 * k]);
  };

  const segmentCount = keyCount * CLASSES;
  const segmentStart = new Int32Array(segmentCount + 1);
  const keyFrequency = new Int32Array(keyCount);
  const keys: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = seekerClass(seekers, i);
    keysOf(i, keys);
    for (const key of keys) {
      segmentStart[key * CLASSES + c + 1]++;
      keyFrequency[key]++;
    }
  }
  for (let k = 0; k < segmentCount; k++) segmentStart[k + 1] += segmentStart[k];
  const total = segmentStart[segmentCount];
  // (cell, seeker) packed in one double, so each segment sorts by cell with a plain numeric sort.
  const packed = new Float64Array(total);
  const fill = segmentStart.slice(0, segmentCount);
  const SPAN = 2 ** 32;
  for (let i = 0; i < count; i++) {
    const c = seekerClass(seekers, i);
    const cell = cellOf(i);
    keysOf(i, keys);
    for (const key of keys) packed[fill[key * CLASSES + c]++] = cell * SPAN + i;
  }
  const postCell = new Int32Array(total);
  const postSeeker = new Int32Array(total);
  for (let k = 0; k < segmentCount; k++) {
    const from = segmentStart[k];
    const to = segmentStart[k + 1];
    if (to - from > 1) packed.subarray(from, to).sort();
  }
  for (let p = 0; p < total; p++) {
    const cell = floor(packed[p] / SPAN);
    postCell[p] = cell;
    postSeeker[p] = packed[p] - cell * SPAN;
  }
  return {
    seekers,
    facts,
    skillKeyBase,
    keyCount,
    segmentStart,
    postCell,
    postSeeker,
    keyFrequency,
    grid: { lat0, lng0, rows, cols },
    scratch: { stamp: new Int32Array(count), count: new Uint8Array(count), query: 0 },
  };
}

/** First posting in [from, to) whose cell is >= cell. */
function lowerBound(cells: Int32Array, from: number, to: number, cell: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (cells[mid] < cell) from = mid + 1;
    else to = mid;
  }
  return from;
}

/** Calls visit(seeker) for every posting of `key` whose cell the seeker's radius class can reach from the shortage. */
function scanKey(index: CandidateIndex, shortages: CompiledShortages, j: number, key: number, visit: (seeker: number) => void): void {
  const { segmentStart, postCell, postSeeker, grid } = index;
  const regionCells = grid.rows * grid.cols;
  // Seekers without coordinates are reached by region: the shortage's county, and its city or the city's districts.
  const regions = index.seekers.vocabulary.relatedRegions(shortages.region[j]);
  const slack = PRECISION_SLACK_KM[shortages.hasLocation[j]];
  for (let c = 0; c < CLASSES; c++) {
    const from = segmentStart[key * CLASSES + c];
    const to = segmentStart[key * CLASSES + c + 1];
    if (from === to) continue;
    const reachKm = REACH_FACTOR * RADIUS_CLASS_BOUNDS[c] + slack;
    if (!shortages.hasLocation[j] || reachKm === Infinity) {
      for (let p = from; p < to; p++) visit(postSeeker[p]);
      continue;
    }
    const lat = shortages.lat[j];
    const lng = shortages.lng[j];
    const dLat = reachKm / KM_PER_DEGREE;
    const dLng = reachKm / (KM_PER_DEGREE * max(0.1, cos(((lat + (lat > 0 ? dLat : -dLat)) * PI) / 180)));
    const r0 = max(0, floor((lat - dLat - grid.lat0) / CELL_DEGREES));
    const r1 = min(grid.rows - 1, floor((lat + dLat - grid.lat0) / CELL_DEGREES));
    const c0 = max(0, floor((lng - dLng - grid.lng0) / CELL_DEGREES));
    const c1 = min(grid.cols - 1, floor((lng + dLng - grid.lng0) / CELL_DEGREES));
    for (let r = r0; r <= r1 && c0 <= c1; r++) {
      const first = r * grid.cols + c0;
      const last = r * grid.cols + c1;
      for (let p = lowerBound(postCell, from, to, first); p < to && postCell[p] <= last; p++) visit(postSeeker[p]);
    }
    // Seekers without coordinates sit in one pseudo-cell per region code.
    for (let k = 0; k < regions.length; k++) {
      const regionCell = regionCells + regions[k];
      for (let p = lowerBound(postCell, from, to, regionCell); p < to && postCell[p] === regionCell; p++) visit(postSeeker[p]);
    }
  }
}

/** The kernel's reach test (compiled.ts, `scoreBatch`): by distance when both sides have coordinates, else by region. */
function inReach(seekers: CompiledSeekers, shortages: CompiledShortages, i: number, j: number): boolean {
  const { data } = seekers;
  const r = seekers.offset[i];
  const seekerPrecision = data[r + ROW_HAS_LOCATION];
  const shortagePrecision = shortages.hasLocation[j];
  if (seekerPrecision !== 0 && shortagePrecision !== 0) {
    const h = haversineH(data[r], data[r + 1], data[r + 2], data[r + 3], data[r + 4], shortages.sinHalfLat[j], shortages.cosHalfLat[j], shortages.cosLat[j], shortages.sinHalfLng[j], shortages.cosHalfLng[j]);
    const shortageSlack = PRECISION_SLACK_KM[shortagePrecision];
    if (shortageSlack === 0) return h <= data[r + ROW_REACH_H];
    return hToKm(h) <= reachKm(data[r + ROW_RADIUS_KM], PRECISION_SLACK_KM[seekerPrecision], shortageSlack);
  }
  return seekers.vocabulary.regionRelation(data[r + ROW_REGION], shortages.region[j]) !== 0;
}

export interface CandidateResult {
  /** Seeker indices (into index.seekers), ascending. */
  seekers: Int32Array;
  /** Seekers that passed blocking and reach; more than `seekers.length` when the bound cut the set down by score. */
  poolSize: number;
}

const kernels = new WeakMap<CompiledShortages, WeakMap<MatchWeights, ScoringKernel>>();

function kernelFor(index: CandidateIndex, shortages: CompiledShortages, weights: MatchWeights): ScoringKernel {
  let byWeights = kernels.get(shortages);
  if (!byWeights) kernels.set(shortages, (byWeights = new WeakMap()));
  let kernel = byWeights.get(weights);
  if (!kernel) byWeights.set(weights, (kernel = new ScoringKernel(index.seekers, shortages, weights)));
  return kernel;
}

/**
 * Candidates for compiled shortage j, all within their own reach of the workplace: seekers posted under its
 * minor occupation group; then, while fewer than 3× the bound, its medium group; then, while fewer than the
 * bound, seekers holding enough of its (not too common) required skills to be at most two short. At most
 * `maxCandidates` (default 1,000): past that, the best by score (ties: lower index). Cost is linear in the
 * postings read, which the radius classes keep to the cells each seeker could travel from.
 */
export function candidatesForCompiled(index: CandidateIndex, shortages: CompiledShortages, j: number, options: CandidateOptions = {}): CandidateResult {
  const maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
  const seekers = index.seekers;
  const { stamp, count } = index.scratch;
  const query = ++index.scratch.query;
  const pool: number[] = [];

  const family = (i: number) => {
    if (stamp[i] === query) return;
    stamp[i] = query;
    if (inReach(seekers, shortages, i, j)) pool.push(i);
  };
  // Tiers, closest first; a wider tier is read only while the closer ones leave the pool short, which keeps
  // popular trades at province scale from reading tens of thousands of postings per shortage.
  const minor = shortages.occupationMinor[j];
  const medium = shortages.occupationMedium[j];
  if (minor >= 0 && minor < index.skillKeyBase) scanKey(index, shortages, j, minor, family);
  if (medium >= 0 && medium < index.skillKeyBase && pool.length < MEDIUM_TIER_FACTOR * maxCandidates) scanKey(index, shortages, j, medium, family);

  const commonAt = max(COMMON_SKILL_MIN, seekers.count * COMMON_SKILL_SHARE);
  const skillKeys: number[] = [];
  for (let r = shortages.requiredStart[j]; r < shortages.requiredStart[j + 1]; r++) {
    const key = index.skillKeyBase + shortages.requiredId[r];
    if (key < index.keyCount && index.keyFrequency[key] <= commonAt) skillKeys.push(key);
  }
  if (skillKeys.length && pool.length < maxCandidates) {
    const needed = max(1, skillKeys.length - 2);
    const touched: number[] = [];
    // Skill postings use the stamp array with negative stamps, so family members (stamped +query) are skipped.
    const skill = (i: number) => {
      if (stamp[i] === query) return;
      if (stamp[i] !== -query) {
        stamp[i] = -query;
        count[i] = 0;
        touched.push(i);
      }
      count[i]++;
    };
    for (const key of skillKeys) scanKey(index, shortages, j, key, skill);
    for (const i of touched) if (count[i] >= needed && inReach(seekers, shortages, i, j)) pool.push(i);
  }

  const poolSize = pool.length;
  let chosen: Int32Array;
  if (poolSize <= maxCandidates) {
    chosen = Int32Array.from(pool);
  } else {
    const candidates = Int32Array.from(pool);
    const scores = new Float64Array(poolSize);
    kernelFor(index, shortages, options.weights ?? DEFAULT_MATCH_WEIGHTS).scoreBatch(j, candidates, poolSize, scores);
    chosen = topByScore(candidates, scores, maxCandidates);
  }
  chosen.sort();
  return { seekers: chosen, poolSize };
}

/** The k-th smallest value (0-based) of `values`, which it reorders: quickselect, O(n) expected. */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

/** The `keep` best candidates by score; among equal scores at the cut, the lower seeker indices (deterministic). */
function topByScore(candidates: Int32Array, scores: Float64Array, keep: number): Int32Array {
  const cut = kthSmallest(scores.slice(), scores.length - keep);
  let above = 0;
  for (let k = 0; k < scores.length; k++) if (scores[k] > cut) above++;
  let ties = keep - above;
  const chosen = new Int32Array(keep);
  let n = 0;
  // Candidates are in posting order, not index order: take tied ones by ascending index.
  const tied: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    if (scores[k] > cut) chosen[n++] = candidates[k];
    else if (scores[k] === cut) tied.push(candidates[k]);
  }
  tied.sort((a, b) => a - b);
  for (let k = 0; ties > 0; k++, ties--) chosen[n++] = tied[k];
  return chosen;
}

/**
 * The candidate seekers (as the facts the index was built from, in input order) for one shortage: at most
 * `maxCandidates` (default 1,000), chosen as in `candidatesForCompiled`.
 */
export function candidatesFor(shortage: ShortageFacts, index: CandidateIndex, options: CandidateOptions = {}): SeekerFacts[] {
  const facts = index.facts;
  if (!facts) throw new Error('candidatesFor needs an index built from SeekerFacts; use candidatesForCompiled');
  const compiled = compileShortages([shortage], index.seekers.vocabulary);
  return Array.from(candidatesForCompiled(index, compiled, 0, options).seekers, (i) => facts[i]);
}

/** Seeker ids of a candidate result. */
export function candidateIds(index: CandidateIndex, result: CandidateResult): string[] {
  return Array.from(result.seekers, (i) => index.seekers.ids[i]);
}

