/** Small, fast, seedable randomness. Every entity gets its own stream from (seed, kind, index). */

// Local aliases: inside Jest's vm sandbox every global lookup (Math, Date …) costs ~100x more.
const { imul, floor, sqrt, exp, pow, max, min } = Math;

/** 32-bit avalanche mix (the murmur3 finaliser). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of a few integers and a string tag, stable across platforms. */
export function hash32(tag: string, ...values: number[]): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < tag.length; i++) h = mix32(h ^ tag.charCodeAt(i));
  for (const v of values) {
    // Split so indexes and seeds above 2^32 still change the hash.
    h = mix32(h ^ (v >>> 0));
    h = mix32(h ^ floor(v / 0x100000000));
  }
  return h;
}

/** mulberry32: one 32-bit word of state, fine statistical quality for synthetic data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static for(seed: number, kind: string, index: number): Rng {
    return new Rng(hash32(kind, seed, index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)];
  }

  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const n = max(0, min(count, pool.length));
    for (let i = 0; i < n; i++) {
      const j = i + floor(this.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  }

  /** Roughly normal (Irwin-Hall of 4), mean 0, standard deviation 1. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * sqrt(3);
  }

  /** Log-normal around `median` with spread `sigma` (in log units). */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }
}

/** Weighted choice by binary search over cumulative weights. Build once, pick many times. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedTable: items and weights must match');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new Error('WeightedTable: weights must be non-negative');
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedTable: total weight must be positive');
    this.total = sum;
  }

  static of<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
    return new WeightedTable(
      entries.map(([item]) => item),
      entries.map(([, weight]) => weight),
    );
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** Zipf weights 1/(rank+1)^s for `n` ranks. */
export function zipfWeights(n: number, s = 1): number[] {
  return Array.from({ length: n }, (_, rank) => 1 / pow(rank + 1, s));
}
