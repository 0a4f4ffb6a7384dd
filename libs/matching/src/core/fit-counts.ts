import { compileSeekers, compileShortages } from './compile';
import { FLAG_ELIGIBLE, FLAG_NEAR_FIT, FLAG_REACHABLE } from './compiled-layout';
import { ScoringKernel } from './kernel';
import { SeekerFacts, ShortageFacts } from './types';

export interface FitCounts {
  /** Pairs in reach and in a related occupation. */
  inReach: number;
  /** Of those, the eligible pairs and the near fits. */
  eligible: number;
  nearFit: number;
}

/**
 * Counts over every seeker–shortage pair (no candidate generation: all pairs are scored), with the production
 * kernel's fit flags. For the few records behind an empty list's reason, not for a run.
 */
export function fitCounts(seekers: readonly SeekerFacts[], shortages: readonly ShortageFacts[]): FitCounts {
  const counts: FitCounts = { inReach: 0, eligible: 0, nearFit: 0 };
  if (seekers.length === 0 || shortages.length === 0) return counts;
  const compiledSeekers = compileSeekers(seekers);
  const kernel = new ScoringKernel(compiledSeekers, compileShortages(shortages, compiledSeekers.vocabulary));
  const all = Int32Array.from(seekers.keys());
  const scores = new Float64Array(all.length);
  const flags = new Uint8Array(all.length);
  for (let j = 0; j < shortages.length; j++) {
    kernel.scoreBatch(j, all, all.length, scores, flags);
    for (let c = 0; c < all.length; c++) {
      if (!(flags[c] & FLAG_REACHABLE)) continue;
      counts.inReach++;
      if (flags[c] & FLAG_ELIGIBLE) counts.eligible++;
      else if (flags[c] & FLAG_NEAR_FIT) counts.nearFit++;
    }
  }
  return counts;
}
