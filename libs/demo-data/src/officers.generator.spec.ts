import { Taxonomy } from '@app/taxonomy';
import { createContext } from './context';
import { generateDataset } from './dataset';
import { distanceKm } from './geo';
import { generateEmployer } from './employers.generator';
import { generatePairing, officerRegions, officersByCounty } from './officers.generator';
import { TIER_SIZES } from './tiers';

describe('officers and pairings', () => {
  const ds = generateDataset({ seed: 20250101, tier: 'demo' });
  const officers = [...ds.officers()];
  const pairings = [...ds.pairings()];

  it('number officers officer-001 … and place them where employers are', () => {
    expect(officers.map((o) => o.username).slice(0, 3)).toEqual(['officer-001', 'officer-002', 'officer-003']);
    for (const o of officers) expect(o.displayName).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    const haikou = officers.filter((o) => o.regionCode === '460100').length;
    expect(haikou).toBeGreaterThanOrEqual(2);
  });

  it('pair every employer exactly once with an officer of its own region', () => {
    expect(pairings).toHaveLength(200);
    expect(new Set(pairings.map((p) => p.employerKey)).size).toBe(200);
    expect(new Set(pairings.map((p) => p.key)).size).toBe(200);
    const officerRegion = new Map(officers.map((o) => [o.key, o.regionCode]));
    const employerRegion = new Map([...ds.employers()].map((e) => [e.key, e.regionCode]));
    for (const p of pairings) expect(officerRegion.get(p.officerKey)).toBe(employerRegion.get(p.employerKey));
  });

  it('fall back to the nearest region with officers when a region has none', () => {
    const ctx = createContext(3, '2025-07-01', { ...TIER_SIZES.demo, officers: 5 });
    const regions = officerRegions(ctx);
    expect(regions).toHaveLength(5);
    const byCounty = officersByCounty(ctx, regions);
    const taxonomy = Taxonomy.shared();
    const center = (code: string) => taxonomy.region(code)!.center!;
    for (let i = 0; i < 100; i++) {
      const employer = generateEmployer(ctx, i);
      const pairing = generatePairing(ctx, i, byCounty);
      const officerRegion = regions[Number(pairing.officerKey.slice(-3)) - 1];
      const nearest = [...new Set(regions)].sort((a, b) => distanceKm(center(a), center(employer.regionCode)) - distanceKm(center(b), center(employer.regionCode)))[0];
      expect(officerRegion).toBe(nearest);
    }
  });
});
