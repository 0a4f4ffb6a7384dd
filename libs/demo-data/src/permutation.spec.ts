import { Permutation } from './permutation';

describe('Permutation', () => {
  it.each([2, 10, 1000, 4097, 100_000])('is a bijection on [0, %d)', (size) => {
    const p = new Permutation(size, 42);
    const seen = new Set<number>();
    for (let i = 0; i < size; i++) {
      const y = p.apply(i);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(size);
      seen.add(y);
    }
    expect(seen.size).toBe(size);
  });

  it('depends on the key and scatters neighbours', () => {
    const a = new Permutation(1e8, 1);
    const b = new Permutation(1e8, 2);
    expect([0, 1, 2].map((i) => a.apply(i))).not.toEqual([0, 1, 2].map((i) => b.apply(i)));
    expect(Math.abs(a.apply(1) - a.apply(0))).toBeGreaterThan(1000);
  });

  it('rejects inputs outside the domain', () => {
    expect(() => new Permutation(10, 1).apply(10)).toThrow();
  });
});
