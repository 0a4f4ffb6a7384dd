/**
 * Capacity-aware allocation of recommendations: every shortage gets a shortlist of at most its capacity
 * (normally ceil(openHeadcount × 3)), every seeker at most K active recommendations (default 5). Many-to-many
 * seeker-proposing deferred acceptance over the match scores: the result is pairwise stable (no seeker and
 * shortage both prefer each other to what they got, free slots included) and the best stable result for seekers.
 */

const { ceil, max } = Math;

export const DEFAULT_SHORTLIST_FACTOR = 3;
export const DEFAULT_SEEKER_CAPACITY = 5;

/** Shortlist size of a shortage: ceil(openHeadcount × factor), never negative. */
export function shortlistCapacity(openHeadcount: number, factor = DEFAULT_SHORTLIST_FACTOR): number {
  return max(0, ceil(openHeadcount * factor));
}

export interface ShortageCandidates {
  shortageId: string;
  capacity: number;
  candidates: { seekerId: string; score: number }[];
}

export interface AllocationOptions {
  /** Most active recommendations per seeker (K); default 5. */
  seekerCapacity?: number;
}

/** shortageId → seekerIds, best first. Every input shortage has an entry (possibly empty). */
export type Allocation = Map<string, string[]>;

/**
 * The array form the algorithms run on. Edges are grouped by shortage (CSR): the edges of shortage j are
 * [edgeStart[j], edgeStart[j+1]); a seeker appears at most once per shortage. Ties are broken by id through
 * the ranks: seekers prefer the lower shortage rank, shortages the lower seeker rank.
 */
export interface AllocationProblem {
  shortageCount: number;
  seekerCount: number;
  capacity: Int32Array;
  seekerCapacity: number;
  edgeStart: Int32Array;
  edgeSeeker: Int32Array;
  edgeScore: Float64Array;
  /** Position of each id in ascending id order. */
  shortageRank: Int32Array;
  seekerRank: Int32Array;
}

/** Held edges per shortage (CSR like the problem), best first. */
export interface CompactAllocation {
  start: Int32Array;
  edge: Int32Array;
}

/** Position of each id in ascending (code unit) order. */
export function ranksOf(ids: readonly string[]): Int32Array {
  const order = Array.from(ids.keys()).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
  const rank = new Int32Array(ids.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}

interface Indexed {
  problem: AllocationProblem;
  shortageIds: string[];
  seekerIds: string[];
}

/** Object lists → arrays. A seeker listed twice for one shortage keeps the higher score. */
export function buildAllocationProblem(lists: readonly ShortageCandidates[], options: AllocationOptions = {}): Indexed {
  const seekerIndex = new Map<string, number>();
  const seekerIds: string[] = [];
  const shortageIds = lists.map((list) => list.shortageId);
  if (new Set(shortageIds).size !== shortageIds.length) throw new Error('allocate: duplicate shortageId');
  const edgeStart = new Int32Array(lists.length + 1);
  const seekers: number[] = [];
  const scores: number[] = [];
  lists.forEach((list, j) => {
    const best = new Map<number, number>();
    for (const { seekerId, score } of list.candidates) {
      if (!Number.isFinite(score)) throw new Error(`allocate: score of ${seekerId} for ${list.shortageId} is not finite`);
      let i = seekerIndex.get(seekerId);
      if (i === undefined) {
        i = seekerIds.length;
        seekerIndex.set(seekerId, i);
        seekerIds.push(seekerId);
      }
      const known = best.get(i);
      if (known === undefined || score > known) best.set(i, score);
    }
    for (const [i, score] of best) {
      seekers.push(i);
      scores.push(score);
    }
    edgeStart[j + 1] = seekers.length;
  });
  return {
    shortageIds,
    seekerIds,
    problem: {
      shortageCount: lists.length,
      seekerCount: seekerIds.length,
      capacity: Int32Array.from(lists, (list) => max(0, Math.floor(list.capacity))),
      seekerCapacity: max(0, Math.floor(options.seekerCapacity ?? DEFAULT_SEEKER_CAPACITY)),
      edgeStart,
      edgeSeeker: Int32Array.from(seekers),
      edgeScore: Float64Array.from(scores),
      shortageRank: ranksOf(shortageIds),
      seekerRank: ranksOf(seekerIds),
    },
  };
}

function edgeShortages(problem: AllocationProblem): Int32Array {
  const { edgeStart, shortageCount } = problem;
  const out = new Int32Array(edgeStart[shortageCount]);
  for (let j = 0; j < shortageCount; j++) out.fill(j, edgeStart[j], edgeStart[j + 1]);
  return out;
}

/**
 * Seeker-major preference lists, best first for the seeker (score desc, then shortage rank), with the shortage
 * and score copied next to each entry: proposals then read each seeker's list in sequence instead of chasing
 * edge ids across the whole problem (which at a million seekers is the difference between 1 s and 15 s).
 *
 * The transpose is a two-pass radix scatter. Pass 1 appends the edges, in shortage order, to one run per block
 * of 2^PREFERENCE_BLOCK_BITS seekers (a few hundred sequential write streams); pass 2 scatters each block's run
 * (about a megabyte) to its seekers' positions inside that same run and sorts those seekers' lists while they
 * are still in cache. A direct scatter to a million seekers misses the cache on nearly every one of its writes.
 * Within a seeker, edges arrive in shortage order, as with a direct scatter, so the sorted lists are the same.
 */
function seekerPreferences(problem: AllocationProblem): { start: Int32Array; edge: Int32Array; shortage: Int32Array; score: Float64Array } {
  const { seekerCount, shortageCount, edgeStart, edgeSeeker, edgeScore } = problem;
  const edgeCount = edgeSeeker.length;
  const start = new Int32Array(seekerCount + 1);
  for (let e = 0; e < edgeCount; e++) start[edgeSeeker[e] + 1]++;
  for (let i = 0; i < seekerCount; i++) start[i + 1] += start[i];
  const edge = new Int32Array(edgeCount);
  const shortage = new Int32Array(edgeCount);
  const score = new Float64Array(edgeCount);
  // Pass 1 keeps the seeker's offset inside its block in the high bits of `shortage`.
  const shortageBits = 32 - Math.clz32(max(1, shortageCount - 1));
  const blockBits = Math.min(PREFERENCE_BLOCK_BITS, 31 - shortageBits);
  if (blockBits < 4 || seekerCount <= 1 << blockBits || edgeCount < allocationTuning.blockedTransposeFromEdges) {
    const fill = start.slice(0, seekerCount);
    for (let j = 0; j < shortageCount; j++) {
      for (let e = edgeStart[j]; e < edgeStart[j + 1]; e++) {
        const p = fill[edgeSeeker[e]]++;
        edge[p] = e;
        shortage[p] = j;
        score[p] = edgeScore[e];
      }
    }
    sortPreferences(problem, start, 0, seekerCount, edge, shortage, score);
    return { start, edge, shortage, score };
  }
  const shortageMask = (1 << shortageBits) - 1;
  const localMask = (1 << blockBits) - 1;
  const blocks = ((seekerCount - 1) >> blockBits) + 1;
  const blockFill = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) blockFill[b] = start[b << blockBits];
  for (let j = 0; j < shortageCount; j++) {
    for (let e = edgeStart[j]; e < edgeStart[j + 1]; e++) {
      const i = edgeSeeker[e];
      const p = blockFill[i >> blockBits]++;
      edge[p] = e;
      shortage[p] = ((i & localMask) << shortageBits) | j;
      score[p] = edgeScore[e];
    }
  }
  const fill = start.slice(0, seekerCount);
  let largest = 0;
  for (let b = 0; b < blocks; b++) largest = max(largest, start[Math.min(seekerCount, (b + 1) << blockBits)] - start[b << blockBits]);
  const runEdge = new Int32Array(largest);
  const runShortage = new Int32Array(largest);
  const runScore = new Float64Array(largest);
  for (let b = 0; b < blocks; b++) {
    const first = b << blockBits;
    const last = Math.min(seekerCount, first + (1 << blockBits));
    const from = start[first];
    const to = start[last];
    runEdge.set(edge.subarray(from, to));
    runShortage.set(shortage.subarray(from, to));
    runScore.set(score.subarray(from, to));
    for (let k = 0; k < to - from; k++) {
      const packed = runShortage[k];
      const p = fill[first + (packed >>> shortageBits)]++;
      edge[p] = runEdge[k];
      shortage[p] = packed & shortageMask;
      score[p] = runScore[k];
    }
    sortPreferences(problem, start, first, last, edge, shortage, score);
  }
  return { start, edge, shortage, score };
}

/** Seekers per block of the two-pass transpose: 2^12 (about 80k edges, 1.3 MB, at 20 preferences). */
const PREFERENCE_BLOCK_BITS = 12;

/**
 * Below this many edges the lists fit in cache well enough that the one-pass scatter is faster (tiers S and M
 * measured a few milliseconds slower with the blocked transpose). Mutable for tests only.
 */
export const allocationTuning = { blockedTransposeFromEdges: 1 << 21 };

/** Sorts the lists of seekers [first, last) in place: they are short (about 20), so insertion sort. */
function sortPreferences(problem: AllocationProblem, start: Int32Array, first: number, last: number, edge: Int32Array, shortage: Int32Array, score: Float64Array): void {
  const { shortageRank } = problem;
  for (let i = first; i < last; i++) {
    const from = start[i];
    for (let a = from + 1; a < start[i + 1]; a++) {
      const e = edge[a];
      const j = shortage[a];
      const sc = score[a];
      const rank = shortageRank[j];
      let b = a - 1;
      while (b >= from && (score[b] < sc || (score[b] === sc && shortageRank[shortage[b]] > rank))) {
        edge[b + 1] = edge[b];
        shortage[b + 1] = shortage[b];
        score[b + 1] = score[b];
        b--;
      }
      edge[b + 1] = e;
      shortage[b + 1] = j;
      score[b + 1] = sc;
    }
  }
}

/**
 * Deferred acceptance on the array form, O(E log C) for E edges and shortlist size C. Each shortage keeps its
 * held proposals in a min-heap (worst at the root) whose entries carry score and seeker rank, so comparisons
 * stay inside the shortage's own slots.
 */
export function allocateCompact(problem: AllocationProblem): CompactAllocation {
  const { shortageCount, seekerCount, capacity, seekerCapacity, seekerRank } = problem;
  const { start: prefStart, edge: prefEdge, shortage: prefShortage, score: prefScore } = seekerPreferences(problem);
  const heapStart = new Int32Array(shortageCount + 1);
  for (let j = 0; j < shortageCount; j++) heapStart[j + 1] = heapStart[j] + capacity[j];
  const slots = heapStart[shortageCount];
  const heapScore = new Float64Array(slots);
  const heapRank = new Int32Array(slots);
  const heapSeeker = new Int32Array(slots);
  const heapEdge = new Int32Array(slots);
  const heapSize = new Int32Array(shortageCount);
  const held = new Int32Array(seekerCount);
  const next = prefStart.slice(0, seekerCount);
  const queued = new Uint8Array(seekerCount);
  // Each seeker is in the queue at most once at a time: a ring of seekerCount slots is enough.
  const queue = new Int32Array(max(1, seekerCount));
  let head = 0;
  let size = 0;
  for (let i = 0; i < seekerCount; i++) {
    queue[size++] = i;
    queued[i] = 1;
  }

  while (size > 0) {
    const s = queue[head];
    head = head + 1 === queue.length ? 0 : head + 1;
    size--;
    queued[s] = 0;
    const end = prefStart[s + 1];
    const rank = seekerRank[s];
    let holds = held[s];
    let p = next[s];
    for (; holds < seekerCapacity && p < end; p++) {
      const j = prefShortage[p];
      const e = prefEdge[p];
      const score = prefScore[p];
      const base = heapStart[j];
      const n = heapSize[j];
      if (n < capacity[j]) {
        // Sift up: the worst held proposal (lowest score, then latest seeker id) stays at the root.
        let k = n;
        while (k > 0) {
          const parent = (k - 1) >> 1;
          const ps = heapScore[base + parent];
          if (!(score < ps || (score === ps && rank > heapRank[base + parent]))) break;
          heapScore[base + k] = ps;
          heapRank[base + k] = heapRank[base + parent];
          heapSeeker[base + k] = heapSeeker[base + parent];
          heapEdge[base + k] = heapEdge[base + parent];
          k = parent;
        }
        heapScore[base + k] = score;
        heapRank[base + k] = rank;
        heapSeeker[base + k] = s;
        heapEdge[base + k] = e;
        heapSize[j] = n + 1;
        holds++;
      } else if (n > 0 && (heapScore[base] < score || (heapScore[base] === score && heapRank[base] > rank))) {
        const bumped = heapSeeker[base];
        let k = 0;
        for (;;) {
          let child = 2 * k + 1;
          if (child >= n) break;
          const c1 = base + child + 1;
          if (child + 1 < n && (heapScore[c1] < heapScore[c1 - 1] || (heapScore[c1] === heapScore[c1 - 1] && heapRank[c1] > heapRank[c1 - 1]))) child++;
          const c = base + child;
          if (!(heapScore[c] < score || (heapScore[c] === score && heapRank[c] > rank))) break;
          heapScore[base + k] = heapScore[c];
          heapRank[base + k] = heapRank[c];
          heapSeeker[base + k] = heapSeeker[c];
          heapEdge[base + k] = heapEdge[c];
          k = child;
        }
        heapScore[base + k] = score;
        heapRank[base + k] = rank;
        heapSeeker[base + k] = s;
        heapEdge[base + k] = e;
        holds++;
        held[bumped]--;
        if (!queued[bumped]) {
          queued[bumped] = 1;
          let tail = head + size;
          if (tail >= queue.length) tail -= queue.length;
          queue[tail] = bumped;
          size++;
        }
      }
    }
    held[s] = holds;
    next[s] = p;
  }

  // Heaps → lists, best first (score desc, then seeker id).
  const start = new Int32Array(shortageCount + 1);
  for (let j = 0; j < shortageCount; j++) start[j + 1] = start[j] + heapSize[j];
  const edge = new Int32Array(start[shortageCount]);
  const order: number[] = [];
  for (let j = 0; j < shortageCount; j++) {
    const base = heapStart[j];
    order.length = 0;
    for (let k = 0; k < heapSize[j]; k++) order.push(base + k);
    order.sort((a, b) => heapScore[b] - heapScore[a] || heapRank[a] - heapRank[b]);
    for (let k = 0; k < order.length; k++) edge[start[j] + k] = heapEdge[order[k]];
  }
  return { start, edge };
}

function toAllocation(indexed: Indexed, result: CompactAllocation): Allocation {
  const { problem, shortageIds, seekerIds } = indexed;
  const allocation: Allocation = new Map();
  for (let j = 0; j < problem.shortageCount; j++) {
    allocation.set(shortageIds[j], Array.from(result.edge.subarray(result.start[j], result.start[j + 1]), (e) => seekerIds[problem.edgeSeeker[e]]));
  }
  return allocation;
}

/** Seeker-proposing deferred acceptance: shortageId → shortlisted seekerIds, best first. */
export function allocate(lists: readonly ShortageCandidates[], options: AllocationOptions = {}): Allocation {
  const indexed = buildAllocationProblem(lists, options);
  return toAllocation(indexed, allocateCompact(indexed.problem));
}

export interface BlockingPair {
  seekerId: string;
  shortageId: string;
  score: number;
}

/** Held edges per shortage → per-edge flag, with a check that the allocation only uses listed pairs and respects capacities. */
function heldEdges(indexed: Indexed, allocation: Allocation): Uint8Array {
  const { problem, shortageIds, seekerIds } = indexed;
  const seekerIndex = new Map(seekerIds.map((id, i) => [id, i]));
  const isHeld = new Uint8Array(problem.edgeSeeker.length);
  const perSeeker = new Int32Array(problem.seekerCount);
  shortageIds.forEach((id, j) => {
    const chosen = allocation.get(id) ?? [];
    if (chosen.length > problem.capacity[j]) throw new Error(`Shortage ${id} holds ${chosen.length} > capacity ${problem.capacity[j]}`);
    for (const seekerId of chosen) {
      const i = seekerIndex.get(seekerId);
      let found = -1;
      for (let e = problem.edgeStart[j]; e < problem.edgeStart[j + 1]; e++) if (problem.edgeSeeker[e] === i) found = e;
      if (found < 0 || i === undefined) throw new Error(`Shortage ${id} holds ${seekerId}, who is not among its candidates`);
      if (isHeld[found]) throw new Error(`Shortage ${id} holds ${seekerId} twice`);
      isHeld[found] = 1;
      if (++perSeeker[i] > problem.seekerCapacity) throw new Error(`Seeker ${seekerId} holds more than ${problem.seekerCapacity}`);
    }
  });
  return isHeld;
}

/**
 * Edges (seeker, shortage) not held although each side would take the other: the seeker has a free slot or
 * holds a worse shortage, and the shortage has a free slot or holds a worse seeker. Empty = stable.
 */
export function blockingEdges(problem: AllocationProblem, isHeld: Uint8Array): number[] {
  const { edgeSeeker, edgeScore, shortageRank, seekerRank, capacity, seekerCapacity, edgeStart } = problem;
  const edgeShortage = edgeShortages(problem);
  const NONE = -1;
  const seekerHeld = new Int32Array(problem.seekerCount);
  const seekerWorst = new Int32Array(problem.seekerCount).fill(NONE);
  const shortageHeld = new Int32Array(problem.shortageCount);
  const shortageWorst = new Int32Array(problem.shortageCount).fill(NONE);
  // Seeker view: a worse than b (lower score, or equal and later shortage id). Shortage view: by seeker id.
  const seekerWorse = (a: number, b: number) => edgeScore[a] < edgeScore[b] || (edgeScore[a] === edgeScore[b] && shortageRank[edgeShortage[a]] > shortageRank[edgeShortage[b]]);
  const shortageWorse = (a: number, b: number) => edgeScore[a] < edgeScore[b] || (edgeScore[a] === edgeScore[b] && seekerRank[edgeSeeker[a]] > seekerRank[edgeSeeker[b]]);
  for (let e = 0; e < edgeSeeker.length; e++) {
    if (!isHeld[e]) continue;
    const i = edgeSeeker[e];
    const j = edgeShortage[e];
    seekerHeld[i]++;
    shortageHeld[j]++;
    if (seekerWorst[i] === NONE || seekerWorse(e, seekerWorst[i])) seekerWorst[i] = e;
    if (shortageWorst[j] === NONE || shortageWorse(e, shortageWorst[j])) shortageWorst[j] = e;
  }
  const blocking: number[] = [];
  for (let j = 0; j < problem.shortageCount; j++) {
    for (let e = edgeStart[j]; e < edgeStart[j + 1]; e++) {
      if (isHeld[e]) continue;
      const i = edgeSeeker[e];
      const seekerWants = seekerHeld[i] < seekerCapacity || (seekerWorst[i] !== NONE && seekerWorse(seekerWorst[i], e));
      const shortageWants = shortageHeld[j] < capacity[j] || (shortageWorst[j] !== NONE && shortageWorse(shortageWorst[j], e));
      if (seekerWants && shortageWants) blocking.push(e);
    }
  }
  return blocking;
}

/** Stability check of a compact result (capacities included): blocking edge ids, or throws on a capacity breach. */
export function blockingEdgesCompact(problem: AllocationProblem, result: CompactAllocation): number[] {
  const isHeld = new Uint8Array(problem.edgeSeeker.length);
  const perSeeker = new Int32Array(problem.seekerCount);
  for (let j = 0; j < problem.shortageCount; j++) {
    if (result.start[j + 1] - result.start[j] > problem.capacity[j]) throw new Error(`Shortage ${j} is over capacity`);
    for (let k = result.start[j]; k < result.start[j + 1]; k++) {
      const e = result.edge[k];
      if (e < problem.edgeStart[j] || e >= problem.edgeStart[j + 1] || isHeld[e]) throw new Error(`Shortage ${j} holds a foreign or repeated edge`);
      isHeld[e] = 1;
      if (++perSeeker[problem.edgeSeeker[e]] > problem.seekerCapacity) throw new Error(`Seeker ${problem.edgeSeeker[e]} is over capacity`);
    }
  }
  return blockingEdges(problem, isHeld);
}

/**
 * Pairs (seeker, shortage) not matched to each other although each would take the other (see `blockingEdges`).
 * Empty = stable. Throws when the allocation breaks a capacity or uses a pair that is not listed.
 */
export function findBlockingPairs(lists: readonly ShortageCandidates[], allocation: Allocation, options: AllocationOptions = {}): BlockingPair[] {
  const indexed = buildAllocationProblem(lists, options);
  const { problem, shortageIds, seekerIds } = indexed;
  const edgeShortage = edgeShortages(problem);
  return blockingEdges(problem, heldEdges(indexed, allocation)).map((e) => ({
    seekerId: seekerIds[problem.edgeSeeker[e]],
    shortageId: shortageIds[edgeShortage[e]],
    score: problem.edgeScore[e],
  }));
}

/** Sum of the scores of the allocated pairs. */
export function totalScore(lists: readonly ShortageCandidates[], allocation: Allocation): number {
  let total = 0;
  for (const list of lists) {
    const chosen = new Set(allocation.get(list.shortageId) ?? []);
    const best = new Map<string, number>();
    for (const { seekerId, score } of list.candidates) if (chosen.has(seekerId)) best.set(seekerId, max(best.get(seekerId) ?? -Infinity, score));
    for (const score of best.values()) total += score;
  }
  return total;
}

export type { Indexed as IndexedAllocationProblem };
