import { Tier } from './types';

export interface TierSizes {
  stations: number;
  employers: number;
  officers: number;
  seekers: number;
  shortages: number;
}

/** S, M and L follow docs/benchmarks.md; officers are not in that table (about one per 50 employers). */
export const TIER_SIZES: Readonly<Record<Tier, Readonly<TierSizes>>> = {
  demo: { stations: 40, employers: 200, officers: 20, seekers: 2_000, shortages: 300 },
  S: { stations: 20, employers: 500, officers: 25, seekers: 10_000, shortages: 1_000 },
  M: { stations: 60, employers: 3_000, officers: 100, seekers: 100_000, shortages: 6_000 },
  L: { stations: 200, employers: 30_000, officers: 600, seekers: 1_000_000, shortages: 60_000 },
};
