import { Taxonomy } from '@app/taxonomy';
import { generateDataset } from './dataset';
import { distanceKm, isOnHainanIsland } from './geo';
import { KEY_PARKS } from './places';
import { Station } from './types';

describe('stations', () => {
  const taxonomy = Taxonomy.shared();
  const stations: Station[] = [...generateDataset({ seed: 20250101, tier: 'demo' }).stations()];

  it('have a 就业驿站 in every county-level unit, 1-3 each by population (demo tier)', () => {
    const perCounty = (code: string) =>
      stations.filter((s) => s.regionCode === code && s.type === 'employment_station' && (s.park === null || s.park === 'yangpu')).length;
    for (const county of taxonomy.counties()) {
      expect([county.name, perCounty(county.code) >= 1 && perCounty(county.code) <= 3]).toEqual([county.name, true]);
    }
    expect(perCounty('460100')).toBe(3);
    expect(perCounty('469001')).toBe(1);
  });

  it('include the key parks, 零工市场 and 人力资源市场', () => {
    for (const park of KEY_PARKS) expect(stations.some((s) => s.park === park.key)).toBe(true);
    expect(stations.filter((s) => s.type === 'gig_market').length).toBeGreaterThanOrEqual(3);
    expect(stations.filter((s) => s.type === 'hr_market').length).toBeGreaterThanOrEqual(3);
  });

  it('have unique keys and names that read like real ones', () => {
    expect(new Set(stations.map((s) => s.key)).size).toBe(stations.length);
    expect(new Set(stations.map((s) => s.name)).size).toBe(stations.length);
    expect(stations[0].name).toMatch(/^海口市.+区.+(街道|镇)就业驿站$/);
    for (const s of stations) expect(s.name).toMatch(/(就业驿站|零工市场|人力资源市场)$/);
  });

  it('stand near their county seat, on land', () => {
    const sansha = taxonomy.region('460300')!.center!;
    for (const s of stations) {
      if (s.regionCode === '460300') expect(distanceKm(s, sansha)).toBeLessThan(2);
      else expect(isOnHainanIsland(s.lat, s.lng)).toBe(true);
      const seat = taxonomy.region(s.regionCode)!.center!;
      expect(distanceKm(s, seat)).toBeLessThan(60);
    }
  });

  it('have room, booths and opening hours', () => {
    for (const s of stations) {
      expect(s.capacity).toBeGreaterThanOrEqual(30);
      expect(s.booths).toBeGreaterThanOrEqual(4);
      expect(s.openingHours).toMatch(/\d\d:\d\d-\d\d:\d\d/);
    }
  });

  it('grow to 200 distinct stations for the L tier and shrink to 20 for S', () => {
    const large = [...generateDataset({ seed: 1, tier: 'L' }).stations()];
    expect(large).toHaveLength(200);
    expect(new Set(large.map((s) => s.name)).size).toBe(200);
    const small = [...generateDataset({ seed: 1, tier: 'S' }).stations()];
    expect(small).toHaveLength(20);
  });
});
