import type { FactorContribution, MatchGap, MatchReason } from './core';

/** What is stored of an explanation: the factor contributions, the reasons and the gaps. */
export interface MatchExplanationRecord {
  factors: FactorContribution[];
  reasons: MatchReason[];
  gaps: MatchGap[];
  distanceKm: number | null;
}
