import { Dataset, generateDataset, Tier } from '@app/demo-data';
import { Taxonomy } from '@app/taxonomy';
import {
  allocateCompact,
  AllocationProblem,
  blockingEdgesCompact,
  buildCandidateIndex,
  candidatesForCompiled,
  CandidateIndex,
  clusterSeekers,
  CompactExplanation,
  compileSeekers,
  CompiledSeekers,
  CompiledShortages,
  compileShortages,
  DEFAULT_SEEKER_CAPACITY,
  FLAG_ELIGIBLE,
  FLAG_NEAR_FIT,
  localityOrder,
  reasonCount,
  renderExplanation,
  ScoringKernel,
  SeekerFacts,
  ShortageFacts,
  shortlistCapacity,
} from '../libs/matching/src/core';
import { explainMatch, mapIterable, seekerFactsFromDemo, shortageFactsFromDemo } from '@app/matching/testing';
import { elapsedMs, fromTimes, measure, report } from './measure';

/** At L, candidate generation runs for every SAMPLE_EVERY-th shortage only: the kernel's speed per evaluation is the figure. */
const SAMPLE_EVERY: Record<Tier, number> = { demo: 1, S: 1, M: 1, L: 10 };

interface Prepared {
  dataset: Dataset;
  seekers: CompiledSeekers;
  shortages: CompiledShortages;
  index: CandidateIndex;
  /** Compiled index → position in the dataset (clustering reorders seekers). */
  order: Int32Array;
}

function prepare(tier: Tier, seed: number): Prepared {
  const dataset = generateDataset({ seed, tier });
  const { seekers, order } = clusterSeekers(compileSeekers(mapIterable(dataset.seekers(), seekerFactsFromDemo)));
  const shortages = compileShortages(mapIterable(dataset.shortages(), shortageFactsFromDemo), seekers.vocabulary);
  return { dataset, seekers, shortages, index: buildCandidateIndex(seekers), order };
}

interface CandidateLists {
  shortages: number[];
  lists: Int32Array[];
  evaluations: number;
}

function candidateLists(p: Prepared, tier: Tier, seed: number): CandidateLists {
  const every = SAMPLE_EVERY[tier];
  const shortages: number[] = [];
  const lists: Int32Array[] = [];
  let evaluations = 0;
  const started = process.hrtime.bigint();
  // Sampled by position in the dataset, processed in locality order (as a province run processes its blocks).
  const order = localityOrder(p.shortages);
  for (const j of order) {
    if (j % every !== 0) continue;
    const list = candidatesForCompiled(p.index, p.shortages, j).seekers;
    shortages.push(j);
    lists.push(list);
    evaluations += list.length;
  }
  const ms = elapsedMs(started);
  report({ ...fromTimes('B9-CANDIDATES', tier, seed, shortages.length, 'shortages/s', [ms]), candidates_per_shortage: Math.round(evaluations / shortages.length) } as never);
  return { shortages, lists, evaluations };
}

/**
 * B9: the scoring kernel alone, every candidate of every (sampled, at L) shortage scored, 5 runs. Reports
 * evaluations per second on one core and the projected time for all shortages of the tier.
 */
export function benchScoringKernel(tier: Tier, seed: number): void {
  const p = prepare(tier, seed);
  const { shortages, lists, evaluations } = candidateLists(p, tier, seed);
  const kernel = new ScoringKernel(p.seekers, p.shortages);
  const scores = new Float64Array(1 << 16);
  let checksum = 0;
  const result = measure('B9', tier, seed, evaluations, 'evaluations/s', 5, () => {
    for (let k = 0; k < shortages.length; k++) {
      kernel.scoreBatch(shortages[k], lists[k], lists[k].length, scores);
      checksum += scores[0];
    }
  });
  const projected = ((evaluations * SAMPLE_EVERY[tier]) / result.throughput) * 1000;
  report({ ...result, shortages: shortages.length, sampled_every: SAMPLE_EVERY[tier], projected_full_tier_ms: Math.round(projected), checksum: Math.round(checksum) } as never);
}

/**
 * Allocation input from real candidates: each shortage keeps its best candidates (4× its shortlist, at least 20),
 * shortlist capacity ceil(headcount × 3), K = 5 per seeker.
 */
function realProblem(p: Prepared, lists: CandidateLists): AllocationProblem {
  const kernel = new ScoringKernel(p.seekers, p.shortages);
  const scores = new Float64Array(1 << 16);
  const edgeSeeker: number[] = [];
  const edgeScore: number[] = [];
  const capacity = new Int32Array(lists.shortages.length);
  const edgeStart = new Int32Array(lists.shortages.length + 1);
  lists.shortages.forEach((j, k) => {
    const list = lists.lists[k];
    kernel.scoreBatch(j, list, list.length, scores);
    capacity[k] = shortlistCapacity(p.shortages.openHeadcount[j]);
    const keep = Math.max(20, capacity[k] * 4);
    const order = Array.from(list.keys()).sort((a, b) => scores[b] - scores[a] || list[a] - list[b]);
    for (const q of order.slice(0, keep)) {
      edgeSeeker.push(list[q]);
      edgeScore.push(scores[q]);
    }
    edgeStart[k + 1] = edgeSeeker.length;
  });
  return {
    shortageCount: lists.shortages.length,
    seekerCount: p.seekers.count,
    capacity,
    seekerCapacity: DEFAULT_SEEKER_CAPACITY,
    edgeStart,
    edgeSeeker: Int32Array.from(edgeSeeker),
    edgeScore: Float64Array.from(edgeScore),
    // Demo keys are zero-padded ('seeker-0000001'), so dataset order is id order.
    shortageRank: Int32Array.from(lists.shortages.keys()),
    seekerRank: Int32Array.from(p.order),
  };
}

/** A seeded xorshift: the synthetic graph must not depend on Math.random. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/**
 * Allocation input at full L shape without candidate generation for all 60k shortages: the tier's shortages with
 * their generated headcounts (shortlist ceil(headcount × 3)), every seeker with 20 preferences drawn from a
 * popularity-skewed distribution, scores = shortage attractiveness + seeker–shortage noise on a 0.1 grid (ties occur).
 */
function syntheticProblem(dataset: Dataset, seed: number, preferences = 20): AllocationProblem {
  const S = dataset.counts.shortages;
  const N = dataset.counts.seekers;
  const random = xorshift(seed);
  const capacity = new Int32Array(S);
  const appeal = new Float64Array(S);
  let j = 0;
  for (const shortage of dataset.shortages()) {
    capacity[j] = shortlistCapacity(shortage.headcount);
    appeal[j++] = random() * 30;
  }
  const degree = new Int32Array(S);
  const pick = new Int32Array(N * preferences);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < preferences; k++) {
      // Popularity skew: squares favour low indices; a shuffle of indices would change nothing.
      const t = Math.floor(random() * random() * S);
      pick[i * preferences + k] = t;
      degree[t]++;
    }
  }
  const edgeStart = new Int32Array(S + 1);
  for (let t = 0; t < S; t++) edgeStart[t + 1] = edgeStart[t] + degree[t];
  const fill = edgeStart.slice(0, S);
  const edgeSeeker = new Int32Array(N * preferences);
  const edgeScore = new Float64Array(N * preferences);
  const seen = new Int32Array(S).fill(-1);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < preferences; k++) {
      const t = pick[i * preferences + k];
      if (seen[t] === i) continue;
      seen[t] = i;
      const e = fill[t]++;
      edgeSeeker[e] = i;
      edgeScore[e] = Math.round((appeal[t] + random() * 70) * 10) / 10;
    }
  }
  // Drop the slots of repeated picks: compact each shortage's edges.
  let write = 0;
  const start = new Int32Array(S + 1);
  for (let t = 0; t < S; t++) {
    start[t] = write;
    for (let e = edgeStart[t]; e < fill[t]; e++) {
      edgeSeeker[write] = edgeSeeker[e];
      edgeScore[write++] = edgeScore[e];
    }
  }
  start[S] = write;
  return {
    shortageCount: S,
    seekerCount: N,
    capacity,
    seekerCapacity: DEFAULT_SEEKER_CAPACITY,
    edgeStart: start,
    edgeSeeker: edgeSeeker.slice(0, write),
    edgeScore: edgeScore.slice(0, write),
    shortageRank: Int32Array.from({ length: S }, (_, t) => t),
    seekerRank: Int32Array.from({ length: N }, (_, i) => i),
  };
}

/**
 * B10: capacity-aware allocation (seeker-proposing deferred acceptance), 3 runs, result verified stable. S and M
 * allocate real candidate lists; L allocates the synthetic graph of full L shape (1M seekers × 20 preferences).
 */
export function benchAllocation(tier: Tier, seed: number): void {
  let problem: AllocationProblem;
  let source: string;
  if (tier === 'L') {
    problem = syntheticProblem(generateDataset({ seed, tier }), seed);
    source = 'synthetic L-shape graph';
  } else {
    const p = prepare(tier, seed);
    problem = realProblem(p, candidateLists(p, tier, seed));
    source = 'generated data, candidate index + kernel';
  }
  global.gc?.();
  let allocation = allocateCompact(problem);
  const result = measure('B10', tier, seed, problem.edgeSeeker.length, 'preferences/s', 3, () => {
    allocation = allocateCompact(problem);
  });
  const blocking = blockingEdgesCompact(problem, allocation).length;
  if (blocking) throw new Error(`B10: allocation has ${blocking} blocking pairs`);
  let slots = 0;
  for (let j = 0; j < problem.shortageCount; j++) slots += problem.capacity[j];
  report({ ...result, source, seekers: problem.seekerCount, shortlist_slots: slots, filled: allocation.edge.length, blocking_pairs: blocking } as never);
}

/**
 * B12: explanation overhead. The matching run without explanations = candidate generation + the kernel over
 * every candidate + choosing the pairs it keeps (the best eligible or near-fit ceil(headcount × 3) per shortage),
 * for every shortage; with explanations = the same plus `ScoringKernel.explain` for each kept pair: the compact
 * explanation (factor values, reason codes with parameters) that a run stores. Reports the extra time over that
 * run (medians, and fastest rounds), the share of it spent in the explanation loops alone, the extra over the kernel
 * alone and the fewest reasons any explanation had; for reference, in the same process, the former approach
 * (`explainMatch`: bilingual text for every kept pair), and per explanation what a run pays to encode it for
 * storage (JSON, at write time) and what a read pays to render its text.
 */
export function benchExplanations(tier: Tier, seed: number): void {
  const p = prepare(tier, seed);
  const lists = candidateLists(p, tier, seed);
  const seekerFacts: SeekerFacts[] = [...mapIterable(p.dataset.seekers(), seekerFactsFromDemo)];
  const shortageFacts: ShortageFacts[] = [...mapIterable(p.dataset.shortages(), shortageFactsFromDemo)];
  const taxonomy = Taxonomy.shared();
  const names = { certificate: (code: string) => taxonomy.certificate(code)?.name };
  const kernel = new ScoringKernel(p.seekers, p.shortages);
  const scores = new Float64Array(1 << 16);
  const flags = new Uint8Array(1 << 16);
  let explained = 0;
  let nearFits = 0;
  let kept: number[] = [];

  /** Time spent in the explanation loops alone (a profiler's view of the same run). */
  let explaining = 0n;
  /**
   * `keepAll`: keep every explanation of the run (for the checks and the encode and render figures). Otherwise the
   * log starts over every 50 shortages, as in a run, where each block of 50 has its kernel and log (`scoreBlock`).
   */
  const run = (mode: 'kernel' | 'run' | 'explain' | 'text', keepAll = false) => () => {
    explained = 0;
    nearFits = 0;
    explaining = 0n;
    const out: number[] = [];
    kernel.explanations.clear();
    for (let k = 0; k < lists.shortages.length; k++) {
      const j = lists.shortages[k];
      if (!keepAll && k % 50 === 0) kernel.explanations.clear();
      const list = mode === 'kernel' ? lists.lists[k] : candidatesForCompiled(p.index, p.shortages, j).seekers;
      kernel.scoreBatch(j, list, list.length, scores, flags);
      if (mode === 'kernel') continue;
      const keep = shortlistCapacity(p.shortages.openHeadcount[j]);
      // Top `keep` by score with a partial selection (lists are at most 1,000 long).
      const chosen: number[] = [];
      for (let q = 0; q < list.length; q++) {
        if (!(flags[q] & (FLAG_ELIGIBLE | FLAG_NEAR_FIT))) continue;
        if (chosen.length < keep) chosen.push(q);
        else {
          let worst = 0;
          for (let w = 1; w < chosen.length; w++) if (scores[chosen[w]] < scores[chosen[worst]]) worst = w;
          if (scores[q] > scores[chosen[worst]]) chosen[worst] = q;
        }
      }
      const started = process.hrtime.bigint(); // in both modes, so that both pay for the clock
      if (mode !== 'run') {
        for (const q of chosen) {
          if (mode === 'explain') out.push(kernel.explain(j, list[q]));
          else if (explainMatch(seekerFacts[p.order[list[q]]], shortageFacts[j], undefined, names).reasons.length < 3) throw new Error('B12: fewer than 3 reasons');
          explained++;
          if (flags[q] & FLAG_NEAR_FIT) nearFits++;
        }
      }
      explaining += process.hrtime.bigint() - started;
    }
    if (keepAll) kept = out;
  };
  // Interleaved (kernel, score-only, with explanations): on a shared machine each sees the same load, and the
  // overhead is a ratio of medians taken side by side (and, less sensitive to other load, of the fastest rounds).
  // The text variant (the former approach) runs afterwards.
  const times = { kernel: [] as number[], run: [] as number[], explain: [] as number[] };
  const explainLoops: number[] = [];
  const rounds = tier === 'S' ? 21 : 7;
  for (let round = 0; round < rounds; round++) {
    for (const mode of ['kernel', 'run', 'explain'] as const) {
      const started = process.hrtime.bigint();
      run(mode)();
      times[mode].push(elapsedMs(started));
      if (mode === 'explain') explainLoops.push(Number(explaining) / 1e6);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const kernelOnly = fromTimes('B12-KERNEL-ONLY', tier, seed, lists.evaluations, 'evaluations/s', times.kernel);
  const scoreOnly = fromTimes('B12-SCORE-ONLY', tier, seed, lists.shortages.length, 'shortages/s', times.run);
  const withExplanations = fromTimes('B12', tier, seed, lists.shortages.length, 'shortages/s', times.explain);
  const withText = measure('B12-TEXT-AT-SCORING', tier, seed, lists.shortages.length, 'shortages/s', 3, run('text'));
  run('explain', true)();
  let fewestReasons = Infinity;
  const log = kernel.explanations;
  for (const at of kept) fewestReasons = Math.min(fewestReasons, reasonCount(log.reasons(at)));
  if (fewestReasons < 3) throw new Error(`B12: an explanation had only ${fewestReasons} reasons`);
  let bytes = 0;
  const encode = measure('B12-ENCODE', tier, seed, kept.length, 'explanations/s', 3, () => {
    bytes = 0;
    for (const at of kept) bytes += log.json(at).length;
  });
  const sample = kept.filter((_, n) => n % 10 === 0).map((at) => JSON.parse(log.json(at)) as CompactExplanation);
  const render = measure('B12-RENDER', tier, seed, sample.length, 'explanations/s', 3, () => {
    for (const explanation of sample) renderExplanation(explanation, names);
  });
  report(kernelOnly);
  report(scoreOnly);
  const extraMs = withExplanations.median_ms - scoreOnly.median_ms;
  const textExtraMs = withText.median_ms - scoreOnly.median_ms;
  const perExplanationUs = (ms: number) => Math.round((ms / Math.max(1, explained)) * 1000 * 100) / 100;
  report({
    ...withText,
    overhead_pct: Math.round((textExtraMs / scoreOnly.median_ms) * 1000) / 10,
    us_per_explanation: perExplanationUs(textExtraMs),
  } as never);
  report({ ...encode, us_per_explanation: Math.round((encode.median_ms / Math.max(1, kept.length)) * 1000 * 100) / 100, bytes_per_explanation: Math.round(bytes / Math.max(1, kept.length)) } as never);
  report({ ...render, us_per_explanation: Math.round((render.median_ms / Math.max(1, sample.length)) * 1000 * 100) / 100 } as never);
  report({
    ...withExplanations,
    explanations: explained,
    overhead_pct: Math.round((extraMs / scoreOnly.median_ms) * 1000) / 10,
    overhead_vs_kernel_only_pct: Math.round((extraMs / kernelOnly.median_ms) * 1000) / 10,
    overhead_fastest_pct: Math.round((Math.min(...times.explain) / Math.min(...times.run) - 1) * 1000) / 10,
    explain_loops_pct: Math.round((median(explainLoops) / scoreOnly.median_ms) * 1000) / 10,
    us_per_explanation: perExplanationUs(extraMs),
    fewest_reasons: fewestReasons,
    near_fit_share: Math.round((nearFits / Math.max(1, explained)) * 1000) / 1000,
  } as never);
}
