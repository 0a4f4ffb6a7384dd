import {
  buildCandidateIndex, CandidateIndex, candidatesForCompiled, CompactGap, compileShortages, ExplanationLog, FLAG_ELIGIBLE, FLAG_NEAR_FIT, gapsOf, MatchWeights,
  ScoringKernel, SeekerFacts, ShortageFacts,
} from './core';
import { pairKey } from './match-data.repository';

// Module-local: read per candidate, and the core's index re-exports them through getters.
const ELIGIBLE = FLAG_ELIGIBLE;
const NEAR_FIT = FLAG_NEAR_FIT;

export interface ScoredPair {
  shortageId: string;
  seekerId: string;
  score: number;
  kind: 'eligible' | 'near_fit';
  /**
   * The pair's explanation, kept as numbers in its block's log until written: `explanationJson(pair)` is what is
   * stored (reason codes and parameters); the text is rendered when read (`renderExplanation`).
   */
  explanations: ExplanationLog;
  explanationAt: number;
}

/** The stored form of a pair's explanation, as JSON. */
export const explanationJson = (pair: ScoredPair): string => pair.explanations.json(pair.explanationAt);

/** A pair's gaps (missing or below-level required skills, missing certificates): what a training referral stores. */
export const gapsOfPair = (pair: ScoredPair): CompactGap[] => gapsOf(pair.explanations.reasons(pair.explanationAt));

export interface BlockScoringOptions {
  weights: MatchWeights;
  /** Pairs taken out of matching by a person's decision. */
  excluded: Set<string>;
  /** Candidates generated per shortage before scoring (the blocking bound). */
  maxCandidates: number;
  /** Eligible pairs kept per shortage for allocation: its shortlist size times this. */
  keepFactor: number;
  shortlistFactor: number;
  /** Near-fit pairs (training referrals) kept per shortage. */
  maxNearFits: number;
}

/**
 * Scores one block of shortages against the seekers who can reach them: candidate generation, the compiled
 * kernel's score and fit flags for every candidate, then an explanation (compact: reason codes and parameters)
 * only for the pairs worth keeping (eligible or near fit). Keeps, per shortage, the best eligible pairs (enough
 * for allocation to choose from) and the best near-fits (training referrals).
 */
export function scoreBlock(shortages: ShortageFacts[], seekers: SeekerFacts[], options: BlockScoringOptions): ScoredPair[] {
  if (shortages.length === 0 || seekers.length === 0) return [];
  return scoreBlockOn(shortages, buildCandidateIndex(seekers), options);
}

/**
 * `scoreBlock` on a candidate index built once from seeker facts: a full run scores every block of a shard (and every
 * shard of an occupation group) on one index instead of building it again per block.
 */
export function scoreBlockOn(shortages: ShortageFacts[], index: CandidateIndex, options: BlockScoringOptions): ScoredPair[] {
  if (shortages.length === 0 || index.seekers.count === 0) return [];
  const facts = index.facts!;
  const compiled = compileShortages(shortages, index.seekers.vocabulary);
  const kernel = new ScoringKernel(index.seekers, compiled, options.weights);
  const scores = new Float64Array(options.maxCandidates);
  const flags = new Uint8Array(options.maxCandidates);
  const pairs: ScoredPair[] = [];
  // Positions (into the shortage's candidates) of eligible and near-fit pairs: plain integers, no object per candidate.
  const eligible: number[] = [];
  const nearFits: number[] = [];
  shortages.forEach((shortage, j) => {
    const { seekers: candidates } = candidatesForCompiled(index, compiled, j, { maxCandidates: options.maxCandidates });
    kernel.scoreBatch(j, candidates, candidates.length, scores, flags);
    eligible.length = 0;
    nearFits.length = 0;
    for (let c = 0; c < candidates.length; c++) {
      if (flags[c] & ELIGIBLE) eligible.push(c);
      else if (flags[c] & NEAR_FIT) nearFits.push(c);
    }
    const keep = Math.max(10, Math.ceil(shortage.openHeadcount * options.shortlistFactor * options.keepFactor));
    const bestFirst = (a: number, b: number) => scores[b] - scores[a] || (facts[candidates[a]].id < facts[candidates[b]].id ? -1 : 1);
    const explain = (kept: number[], count: number, kind: ScoredPair['kind']) => {
      let chosen = 0;
      for (const c of kept.sort(bestFirst)) {
        if (chosen === count) break;
        const i = candidates[c];
        const seekerId = facts[i].id;
        if (options.excluded.has(pairKey(shortage.id, seekerId))) continue;
        pairs.push({ shortageId: shortage.id, seekerId, score: scores[c], kind, explanations: kernel.explanations, explanationAt: kernel.explain(j, i) });
        chosen++;
      }
    };
    explain(eligible, keep, 'eligible');
    explain(nearFits, options.maxNearFits, 'near_fit');
  });
  return pairs;
}

/** Best first; ties by seeker id, so results do not depend on load order. */
export function best(pairs: ScoredPair[], count: number): ScoredPair[] {
  return pairs.sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : a.seekerId > b.seekerId ? 1 : 0)).slice(0, count);
}

