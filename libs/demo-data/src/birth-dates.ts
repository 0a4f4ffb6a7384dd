import { addYears, ageOn, epochDay, isoDate } from './dates';
import { Permutation } from './permutation';
import { hash32 } from './prng';

export const MIN_SEEKER_AGE = 16;
export const MAX_SEEKER_AGE = 60;

/** Relative density of job seekers by age (more in their twenties and thirties). */
function ageWeight(age: number): number {
  if (age < 18) return 0.25;
  if (age <= 22) return 0.9;
  if (age <= 40) return 1;
  if (age <= 50) return 0.85;
  if (age <= 55) return 0.6;
  return 0.4;
}

/** Sequence slots per birth day at weight 1; at most 499 so that the 3-digit sequence stays within 001-998. */
const SLOTS_AT_FULL_WEIGHT = 400;

export interface BirthSlot {
  birthDate: string;
  /** YYYYMMDD, as written inside an ID number. */
  compact: string;
  age: number;
  /** 0-498, unique among seekers born on the same day. */
  serial: number;
}

/**
 * Hands seeker i a (birth date, serial) pair that no other seeker of the same seed gets: a keyed
 * permutation maps i into the set of all (day, serial) slots, where each day has as many slots as its
 * age is common. ID numbers built from these pairs are therefore unique without any lookup.
 */
export class BirthDateAllocator {
  private readonly days: { birthDate: string; compact: string; age: number }[] = [];
  private readonly cumulative: Uint32Array;
  private readonly permutation: Permutation;

  constructor(seed: number, referenceDate: string) {
    const first = epochDay(addYears(referenceDate, -MAX_SEEKER_AGE));
    const last = epochDay(addYears(referenceDate, -MIN_SEEKER_AGE));
    this.cumulative = new Uint32Array(last - first + 1);
    let total = 0;
    for (let day = first; day <= last; day++) {
      const birthDate = isoDate(day);
      const age = ageOn(birthDate, referenceDate);
      this.days.push({ birthDate, compact: birthDate.replace(/-/g, ''), age });
      total += Math.round(ageWeight(age) * SLOTS_AT_FULL_WEIGHT);
      this.cumulative[day - first] = total;
    }
    this.permutation = new Permutation(total, hash32('birth-date', seed));
  }

  get capacity(): number {
    return this.permutation.size;
  }

  slot(index: number): BirthSlot {
    if (index >= this.capacity) throw new Error(`At most ${this.capacity} seekers have unique ID numbers per seed`);
    const slot = this.permutation.apply(index);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > slot) hi = mid;
      else lo = mid + 1;
    }
    const day = this.days[lo];
    return { ...day, serial: slot - (lo === 0 ? 0 : this.cumulative[lo - 1]) };
  }
}
