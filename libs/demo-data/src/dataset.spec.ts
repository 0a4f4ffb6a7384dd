import { generateDataset } from './dataset';

describe('generateDataset', () => {
  it('gives identical output for the same seed', () => {
    const a = generateDataset({ seed: 20250101, tier: 'demo' });
    const b = generateDataset({ seed: 20250101, tier: 'demo' });
    expect([...a.seekers(0, 200)]).toEqual([...b.seekers(0, 200)]);
    expect([...a.employers()]).toEqual([...b.employers()]);
    expect([...a.stations()]).toEqual([...b.stations()]);
    expect([...a.officers()]).toEqual([...b.officers()]);
    expect([...a.pairings()]).toEqual([...b.pairings()]);
    expect([...a.shortages(0, 100)]).toEqual([...b.shortages(0, 100)]);
  });

  it('gives different output for another seed', () => {
    const a = generateDataset({ seed: 1, tier: 'demo' });
    const b = generateDataset({ seed: 2, tier: 'demo' });
    expect(a.seekerAt(0)).not.toEqual(b.seekerAt(0));
    expect(a.employerAt(0)).not.toEqual(b.employerAt(0));
    const sameIds = [...a.seekers(0, 200)].filter((s, i) => s.residentId === b.seekerAt(i).residentId);
    expect(sameIds).toHaveLength(0);
  });

  it('generates entity i from (seed, kind, i) alone: any order, any tier', () => {
    const demo = generateDataset({ seed: 9, tier: 'demo' });
    const large = generateDataset({ seed: 9, tier: 'L' });
    const forward = [...demo.seekers(0, 50)];
    const backward = Array.from({ length: 50 }, (_, i) => demo.seekerAt(49 - i)).reverse();
    expect(backward).toEqual(forward);
    expect(large.seekerAt(17)).toEqual(demo.seekerAt(17));
    expect(large.employerAt(17)).toEqual(demo.employerAt(17));
    expect([...demo.seekers(10, 12)]).toEqual([demo.seekerAt(10), demo.seekerAt(11)]);
  });

  it('has the tier sizes of benchmarks.md', () => {
    expect(generateDataset({ seed: 1, tier: 'demo' }).counts).toEqual({
      stations: 40, employers: 200, officers: 20, seekers: 2_000, shortages: 300, pairings: 200,
    });
    expect(generateDataset({ seed: 1, tier: 'S' }).counts).toMatchObject({ seekers: 10_000, shortages: 1_000, employers: 500, stations: 20 });
    expect(generateDataset({ seed: 1, tier: 'M' }).counts).toMatchObject({ seekers: 100_000, shortages: 6_000, employers: 3_000, stations: 60 });
    expect(generateDataset({ seed: 1, tier: 'L' }).counts).toMatchObject({ seekers: 1_000_000, shortages: 60_000, employers: 30_000, stations: 200 });
  });

  it('streams exactly the counted records', () => {
    const ds = generateDataset({ seed: 1, tier: 'demo' });
    expect([...ds.stations()]).toHaveLength(40);
    expect([...ds.officers()]).toHaveLength(20);
    expect([...ds.shortages()]).toHaveLength(300);
  });

  it('rejects indexes outside the tier, unknown tiers and bad dates', () => {
    const ds = generateDataset({ seed: 1, tier: 'demo' });
    expect(() => ds.seekerAt(2_000)).toThrow(RangeError);
    expect(() => ds.employerAt(-1)).toThrow(RangeError);
    expect(() => generateDataset({ seed: 1, tier: 'XL' as never })).toThrow(/tier/);
    expect(() => generateDataset({ seed: 1, tier: 'demo', referenceDate: '2025-02-30' })).toThrow();
  });

  it('moves dates with the reference date, not with the clock', () => {
    const july = generateDataset({ seed: 4, tier: 'demo' }).shortageAt(0);
    const later = generateDataset({ seed: 4, tier: 'demo', referenceDate: '2026-01-01' }).shortageAt(0);
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(july.deadline, later.deadline)).toBe(days('2025-07-01', '2026-01-01'));
  });

  it('generates 100,000 seekers (speed printed, not asserted)', () => {
    const ds = generateDataset({ seed: 7, tier: 'M' });
    const started = process.hrtime.bigint();
    let count = 0;
    for (const seeker of ds.seekers(0, 100_000)) if (seeker.key) count++;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`demo-data: 100,000 seekers in ${ms.toFixed(0)} ms (${Math.round((100_000 / ms) * 1000)}/s, inside Jest's sandbox)`);
    expect(count).toBe(100_000);
  });
});
