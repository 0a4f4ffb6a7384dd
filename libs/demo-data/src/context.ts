import { BirthDateAllocator } from './birth-dates';
import { Catalog } from './catalog';
import { epochDay } from './dates';
import { Permutation } from './permutation';
import { hash32 } from './prng';
import { TierSizes } from './tiers';

/** 8-digit phone suffixes: seekers take [0, 50M), employer contacts [50M, 100M). */
export const EMPLOYER_PHONE_OFFSET = 50_000_000;
/** Six characters of the GB 32100 alphabet after the 'MA'/'MB'/'MJ' marker. */
export const ORG_CODE_SPACE = 31 ** 6;

/** What every generator of one data set shares: the catalog, the seed and the seed's unique-number permutations. */
export interface GeneratorContext {
  seed: number;
  referenceDate: string;
  referenceDay: number;
  sizes: TierSizes;
  catalog: Catalog;
  birthDates: BirthDateAllocator;
  phoneSuffixes: Permutation;
  orgCodes: Permutation;
}

export function createContext(seed: number, referenceDate: string, sizes: TierSizes, catalog = Catalog.shared()): GeneratorContext {
  if (!Number.isSafeInteger(seed)) throw new Error('seed must be a safe integer');
  if (sizes.seekers > EMPLOYER_PHONE_OFFSET || sizes.employers > EMPLOYER_PHONE_OFFSET) throw new Error('too many entities for unique phones');
  return {
    seed,
    referenceDate,
    referenceDay: epochDay(referenceDate),
    sizes,
    catalog,
    birthDates: new BirthDateAllocator(seed, referenceDate),
    phoneSuffixes: new Permutation(100_000_000, hash32('phone', seed)),
    orgCodes: new Permutation(ORG_CODE_SPACE, hash32('org-code', seed)),
  };
}
