import { Catalog } from './catalog';
import { createContext, GeneratorContext } from './context';
import { epochDay } from './dates';
import { generateEmployer } from './employers.generator';
import { generateOfficer, generatePairing, officerRegions, officersByCounty } from './officers.generator';
import { generateSeeker } from './seekers.generator';
import { generateShortage } from './shortages.generator';
import { generateStations } from './stations.generator';
import { TIER_SIZES, TierSizes } from './tiers';
import { Employer, Officer, Pairing, Seeker, Shortage, Station, Tier } from './types';

export const DEFAULT_REFERENCE_DATE = '2025-07-01';

export interface DatasetOptions {
  seed: number;
  tier: Tier;
  /**
   * "Today" for ages, availability, start dates and deadlines. Default 2025-07-01 (fixed, for reproducible
   * benchmarks); the demo loader passes the day it loads, so deadlines fall weeks to months ahead of it.
   */
  referenceDate?: string;
}

export interface DatasetCounts extends TierSizes {
  /** One per employer. */
  pairings: number;
}

/**
 * One seeded synthetic data set. Every `xxxAt(i)` is computed from (seed, kind, i) alone, so any slice
 * can be generated on its own (in another worker, in any order); every `xxx(from, to)` streams a range.
 */
export interface Dataset {
  readonly seed: number;
  readonly tier: Tier;
  readonly referenceDate: string;
  readonly counts: Readonly<DatasetCounts>;
  stations(from?: number, to?: number): Generator<Station>;
  stationAt(index: number): Station;
  employers(from?: number, to?: number): Generator<Employer>;
  employerAt(index: number): Employer;
  officers(from?: number, to?: number): Generator<Officer>;
  officerAt(index: number): Officer;
  /** Pairing i belongs to employer i. */
  pairings(from?: number, to?: number): Generator<Pairing>;
  pairingAt(index: number): Pairing;
  seekers(from?: number, to?: number): Generator<Seeker>;
  seekerAt(index: number): Seeker;
  shortages(from?: number, to?: number): Generator<Shortage>;
  shortageAt(index: number): Shortage;
  /**
   * Shortages past the tier's count (index >= counts.shortages), drawn the same way: the demo refresh tops up
   * demand with them when generated shortages were filled, closed or expired.
   */
  extraShortageAt(index: number): Shortage;
}

function checkedAt<T>(kind: string, count: number, make: (index: number) => T): (index: number) => T {
  return (index) => {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`${kind} index ${index} is outside [0, ${count})`);
    return make(index);
  };
}

function range<T>(count: number, at: (index: number) => T): (from?: number, to?: number) => Generator<T> {
  return function* (from = 0, to = count) {
    for (let i = Math.max(0, from); i < Math.min(to, count); i++) yield at(i);
  };
}

export function generateDataset(options: DatasetOptions): Dataset {
  const { seed, tier } = options;
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  epochDay(referenceDate);
  const sizes = TIER_SIZES[tier];
  if (!sizes) throw new Error(`Unknown tier ${tier}; use demo, S, M or L`);
  const ctx: GeneratorContext = createContext(seed, referenceDate, sizes, Catalog.shared());

  let stationList: Station[] | undefined;
  const regions = officerRegions(ctx);
  let pairingTargets: ReturnType<typeof officersByCounty> | undefined;

  const stationAt = checkedAt('station', sizes.stations, (i) => (stationList ??= generateStations(ctx))[i]);
  const employerAt = checkedAt('employer', sizes.employers, (i) => generateEmployer(ctx, i));
  const officerAt = checkedAt('officer', sizes.officers, (i) => generateOfficer(ctx, i, regions));
  const pairingAt = checkedAt('pairing', sizes.employers, (i) => generatePairing(ctx, i, (pairingTargets ??= officersByCounty(ctx, regions))));
  const seekerAt = checkedAt('seeker', sizes.seekers, (i) => generateSeeker(ctx, i));
  const shortageAt = checkedAt('shortage', sizes.shortages, (i) => generateShortage(ctx, i));

  return {
    seed,
    tier,
    referenceDate,
    counts: Object.freeze({ ...sizes, pairings: sizes.employers }),
    stations: range(sizes.stations, stationAt),
    stationAt,
    employers: range(sizes.employers, employerAt),
    employerAt,
    officers: range(sizes.officers, officerAt),
    officerAt,
    pairings: range(sizes.employers, pairingAt),
    pairingAt,
    seekers: range(sizes.seekers, seekerAt),
    seekerAt,
    shortages: range(sizes.shortages, shortageAt),
    shortageAt,
    extraShortageAt: (index) => {
      if (!Number.isInteger(index) || index < sizes.shortages) throw new RangeError(`extra shortage index ${index} is below ${sizes.shortages}`);
      return generateShortage(ctx, index);
    },
  };
}
