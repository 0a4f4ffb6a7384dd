import { Taxonomy } from '@app/taxonomy';
import { distanceKm, isOnHainanIsland, jitter } from './geo';
import { KEY_PARKS } from './places';
import { Rng } from './prng';

describe('geo', () => {
  const seats = Taxonomy.shared()
    .counties()
    .filter((c) => c.code !== '460300');

  it('puts every county seat and key park of the main island on the island', () => {
    for (const { center, name } of seats) expect([name, isOnHainanIsland(center!.lat, center!.lng)]).toEqual([name, true]);
    for (const park of KEY_PARKS) expect([park.name, isOnHainanIsland(park.center.lat, park.center.lng)]).toEqual([park.name, true]);
  });

  it('keeps the sea and the mainland off the island', () => {
    expect(isOnHainanIsland(20.3, 110.3)).toBe(false); // Qiongzhou Strait
    expect(isOnHainanIsland(21.2, 110.4)).toBe(false); // Zhanjiang
    expect(isOnHainanIsland(18.0, 109.5)).toBe(false); // south of Sanya
    expect(isOnHainanIsland(16.83, 112.34)).toBe(false); // Yongxing Island (Sansha)
  });

  it('jitters within the radius and onto land', () => {
    const rng = new Rng(5);
    for (const { center } of seats) {
      for (let i = 0; i < 50; i++) {
        const p = jitter(rng, center!, 10);
        expect(distanceKm(p, center!)).toBeLessThanOrEqual(10.01);
        expect(isOnHainanIsland(p.lat, p.lng)).toBe(true);
      }
    }
  });

  it('measures distances', () => {
    // 海口 to 三亚 seats: about 220 km as the crow flies.
    const haikou = seats.find((s) => s.code === '460100')!.center!;
    const sanya = seats.find((s) => s.code === '460200')!.center!;
    expect(distanceKm(haikou, sanya)).toBeGreaterThan(200);
    expect(distanceKm(haikou, sanya)).toBeLessThan(240);
  });
});
