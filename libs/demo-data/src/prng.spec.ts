import { hash32, Rng, WeightedTable, zipfWeights } from './prng';

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(42)));
    const b = Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(42)));
    const c = Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(43)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
  });

  it('derives independent streams per (seed, kind, index)', () => {
    expect(Rng.for(1, 'seeker', 5).next()).toBe(Rng.for(1, 'seeker', 5).next());
    expect(Rng.for(1, 'seeker', 5).next()).not.toBe(Rng.for(1, 'seeker', 6).next());
    expect(Rng.for(1, 'seeker', 5).next()).not.toBe(Rng.for(1, 'employer', 5).next());
    expect(hash32('x', 2 ** 40)).not.toBe(hash32('x', 0));
  });

  it('draws integers in range, roughly uniformly', () => {
    const rng = new Rng(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.int(0, 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(9_000);
  });

  it('samples distinct items and never more than asked or available', () => {
    const rng = new Rng(3);
    const picked = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(rng.sample([1, 2], 5)).toHaveLength(2);
    expect(rng.sample([1, 2], -1)).toEqual([]);
  });
});

describe('WeightedTable', () => {
  it('picks in proportion to weight and never a zero-weight item', () => {
    const table = new WeightedTable(['a', 'b', 'c'], [1, 3, 0]);
    const rng = new Rng(11);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[table.pick(rng)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('rejects bad weights', () => {
    expect(() => new WeightedTable(['a'], [0])).toThrow();
    expect(() => new WeightedTable(['a'], [1, 2])).toThrow();
  });

  it('has Zipf weights falling with rank', () => {
    expect(zipfWeights(3)).toEqual([1, 1 / 2, 1 / 3]);
  });
});
