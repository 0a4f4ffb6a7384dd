import { distanceKm, EARTH_RADIUS_KM, geoTrig, haversineH, hToKm, LatLng } from './distance';

const HAIKOU: LatLng = { lat: 20.044, lng: 110.199 };
const SANYA: LatLng = { lat: 18.253, lng: 109.512 };

function kernelKm(a: LatLng, b: LatLng): number {
  const p = geoTrig(a.lat, a.lng);
  const q = geoTrig(b.lat, b.lng);
  return hToKm(haversineH(p.sinHalfLat, p.cosHalfLat, p.cosLat, p.sinHalfLng, p.cosHalfLng, q.sinHalfLat, q.cosHalfLat, q.cosLat, q.sinHalfLng, q.cosHalfLng));
}

describe('great-circle distance', () => {
  it('is one degree of latitude per 2πR/360 km, and zero from a point to itself', () => {
    expect(distanceKm({ lat: 19, lng: 110 }, { lat: 20, lng: 110 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 360, 9);
    expect(distanceKm(HAIKOU, HAIKOU)).toBe(0);
  });

  it('gives the known Haikou–Sanya distance (about 209 km), the same both ways', () => {
    const km = distanceKm(HAIKOU, SANYA);
    expect(km).toBeGreaterThan(205);
    expect(km).toBeLessThan(212);
    expect(distanceKm(SANYA, HAIKOU)).toBeCloseTo(km, 9);
  });

  it('stays finite for antipodal points (h is clamped to 1)', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it("the kernel's per-point form agrees with the plain formula, short and long distances", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const a = { lat: 18 + 2.5 * next(), lng: 108.5 + 2.6 * next() };
      const b = i % 2 ? { lat: a.lat + 0.05 * next(), lng: a.lng + 0.05 * next() } : { lat: -60 + 120 * next(), lng: -180 + 360 * next() };
      const plain = distanceKm(a, b);
      expect(Math.abs(kernelKm(a, b) - plain)).toBeLessThan(1e-9 * Math.max(1, plain));
    }
  });
});
