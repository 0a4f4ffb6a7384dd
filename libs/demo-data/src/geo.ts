import * as sphere from '@app/geocoding/distance';
import { Rng } from './prng';

// Local aliases: inside Jest's vm sandbox every global lookup (Math, Date …) costs ~100x more.
const { sqrt, sin, cos, PI, round } = Math;

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * A coarse outline of Hainan Island (lng, lat, clockwise from 海口), drawn a little inside the coast,
 * so that jittered points land on the island and not in the sea. Not for anything but synthetic data.
 */
const ISLAND: readonly [number, number][] = [
  [110.15, 20.02], [110.3, 20.05], [110.4, 20.07], [110.5, 20.05], [110.68, 20.14], [110.95, 20.0], [111.03, 19.8],
  [111.0, 19.64], [110.83, 19.53], [110.66, 19.3], [110.57, 19.13], [110.48, 18.88], [110.4, 18.72], [110.22, 18.58],
  [110.05, 18.4], [109.85, 18.38], [109.68, 18.2], [109.52, 18.21], [109.47, 18.24], [109.35, 18.32], [109.15, 18.32],
  [108.95, 18.4], [108.7, 18.5], [108.62, 18.8], [108.6, 19.1], [108.72, 19.3], [108.95, 19.55], [109.15, 19.72],
  [109.3, 19.85], [109.55, 19.92], [109.7, 20.02], [109.9, 19.98], [110.05, 19.97],
];

/** Even-odd ray casting. */
export function isOnHainanIsland(lat: number, lng: number): boolean {
  let inside = false;
  for (let i = 0, j = ISLAND.length - 1; i < ISLAND.length; j = i++) {
    const [xi, yi] = ISLAND[i];
    const [xj, yj] = ISLAND[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const KM_PER_DEGREE_LAT = 111.32;

/** Great-circle distance in km: the one formula in libs/geocoding/src/distance.ts, bound here for the generators' loops. */
export const distanceKm: (a: LatLng, b: LatLng) => number = sphere.distanceKm;

/**
 * A point within `maxKm` of `center` (denser near it), rounded to 6 decimals (~0.1 m). On the main island
 * the point is kept on land; after a few misses (a seat right on the coast) the centre itself is used.
 */
export function jitter(rng: Rng, center: LatLng, maxKm: number): LatLng {
  const onIsland = isOnHainanIsland(center.lat, center.lng);
  for (let attempt = 0; attempt < 8; attempt++) {
    const r = maxKm * sqrt(rng.next()) * (0.3 + 0.7 * rng.next());
    const angle = rng.next() * 2 * PI;
    const lat = center.lat + (r * sin(angle)) / KM_PER_DEGREE_LAT;
    const lng = center.lng + (r * cos(angle)) / (KM_PER_DEGREE_LAT * cos((center.lat * PI) / 180));
    if (!onIsland || isOnHainanIsland(lat, lng)) return { lat: round6(lat), lng: round6(lng) };
  }
  return { lat: round6(center.lat), lng: round6(center.lng) };
}

function round6(x: number): number {
  return round(x * 1e6) / 1e6;
}
