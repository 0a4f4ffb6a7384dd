import {
  buildCandidateIndex, candidatesForCompiled, compileShortages, explainMatch, FLAG_ELIGIBLE, FLAG_NEAR_FIT, MatchWeights, ScoringKernel,
  SeekerFacts, ShortageFacts,
} from './core';
import type { MatchExplanationRecord } from './match-explanation-record';
import { pairKey } from './match-data.repository';

export interface ScoredPair {
  shortageId: string;
  seekerId: string;
  score: number;
  kind: 'eligible' | 'near_fit';
  explanation: MatchExplanationRecord;
}

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
  certificateName?: (code: string) => string | undefined;
}

/**
 * Scores one block of shortages against the seekers who can reach them: candidate generation, the compiled
 * kernel's score and fit flags for every candidate, then a full explanation only for the pairs worth keeping
 * (eligible or near fit). Keeps, per shortage, the best eligible pairs (enough for allocation to choose from)
 * and the best near-fits (training referrals).
 */
export function scoreBlock(shortages: ShortageFacts[], seekers: SeekerFacts[], options: BlockScoringOptions): ScoredPair[] {
  if (shortages.length === 0 || seekers.length === 0) return [];
  const index = buildCandidateIndex(seekers);
  const facts = index.facts!;
  const compiled = compileShortages(shortages, index.seekers.vocabulary);
  const kernel = new ScoringKernel(index.seekers, compiled, options.weights);
  const scores = new Float64Array(options.maxCandidates);
  const flags = new Uint8Array(options.maxCandidates);
  const pairs: ScoredPair[] = [];
  shortages.forEach((shortage, j) => {
    const { seekers: candidates } = candidatesForCompiled(index, compiled, j, { maxCandidates: options.maxCandidates });
    kernel.scoreBatch(j, candidates, candidates.length, scores, flags);
    const eligible: { i: number; score: number }[] = [];
    const nearFits: { i: number; score: number }[] = [];
    for (let c = 0; c < candidates.length; c++) {
      if (flags[c] & FLAG_ELIGIBLE) eligible.push({ i: candidates[c], score: scores[c] });
      else if (flags[c] & FLAG_NEAR_FIT) nearFits.push({ i: candidates[c], score: scores[c] });
    }
    const keep = Math.max(10, Math.ceil(shortage.openHeadcount * options.shortlistFactor * options.keepFactor));
    const explain = (kept: { i: number; score: number }[], count: number) => {
      const chosen: ScoredPair[] = [];
      for (const { i } of kept.sort((a, b) => b.score - a.score || (facts[a.i].id < facts[b.i].id ? -1 : 1))) {
        if (chosen.length === count) break;
        const seeker = facts[i];
        if (options.excluded.has(pairKey(shortage.id, seeker.id))) continue;
        const explained = explainMatch(seeker, shortage, options.weights, { certificate: options.certificateName });
        chosen.push({
          shortageId: shortage.id,
          seekerId: seeker.id,
          score: explained.score,
          kind: explained.eligible ? 'eligible' : 'near_fit',
          explanation: { factors: explained.factors, reasons: explained.reasons, gaps: explained.gaps, distanceKm: distanceOf(seeker, shortage) },
        });
      }
      return chosen;
    };
    pairs.push(...explain(eligible, keep), ...explain(nearFits, options.maxNearFits));
  });
  return pairs;
}

/** Best first; ties by seeker id, so results do not depend on load order. */
export function best(pairs: ScoredPair[], count: number): ScoredPair[] {
  return pairs.sort((a, b) => b.score - a.score || (a.seekerId < b.seekerId ? -1 : a.seekerId > b.seekerId ? 1 : 0)).slice(0, count);
}

function distanceOf(seeker: SeekerFacts, shortage: ShortageFacts): number | null {
  if (seeker.lat === null || seeker.lng === null || shortage.lat === null || shortage.lng === null) return null;
  const rad = Math.PI / 180;
  const dLat = (shortage.lat - seeker.lat) * rad;
  const dLng = (shortage.lng - seeker.lng) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(seeker.lat * rad) * Math.cos(shortage.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(a)) * 10) / 10;
}
