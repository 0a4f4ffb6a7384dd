import { BirthDateAllocator, MAX_SEEKER_AGE, MIN_SEEKER_AGE } from './birth-dates';

describe('BirthDateAllocator', () => {
  const allocator = new BirthDateAllocator(1, '2025-07-01');

  it('gives every index its own (birth date, serial) pair', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const slot = allocator.slot(i);
      seen.add(`${slot.compact}/${slot.serial}`);
    }
    expect(seen.size).toBe(200_000);
  });

  it('keeps ages in range, serials in 0-498 and has room for the L tier', () => {
    expect(allocator.capacity).toBeGreaterThan(1_000_000);
    for (let i = 0; i < 20_000; i++) {
      const slot = allocator.slot(i);
      expect(slot.age).toBeGreaterThanOrEqual(MIN_SEEKER_AGE);
      expect(slot.age).toBeLessThanOrEqual(MAX_SEEKER_AGE);
      expect(slot.serial).toBeLessThan(499);
      expect(slot.birthDate >= '1965-07-01' && slot.birthDate <= '2009-07-01').toBe(true);
    }
  });

  it('depends on the seed', () => {
    const other = new BirthDateAllocator(2, '2025-07-01');
    expect([0, 1, 2].map((i) => other.slot(i).birthDate)).not.toEqual([0, 1, 2].map((i) => allocator.slot(i).birthDate));
  });
});
