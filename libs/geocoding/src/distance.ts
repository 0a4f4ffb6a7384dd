/**
 * Great-circle distance on the sphere (haversine): the one home of the formula and of the Earth radius, for code
 * (`distanceKm`), for the matching kernel (the same formula with per-point trigonometry computed once) and for SQL
 * (`distanceKmSql`). A pure module: no imports, so the algorithm cores may use it.
 */

// Local aliases: inside Jest's vm sandbox every global lookup (Math …) is far slower.
const { asin, sqrt, sin, cos, min, PI } = Math;

/** The mean Earth radius every distance in the platform uses. */
export const EARTH_RADIUS_KM = 6371;

const RAD = PI / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in km between two points (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = sin(dLat / 2) ** 2 + cos(a.lat * RAD) * cos(b.lat * RAD) * sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * asin(min(1, sqrt(h)));
}

/**
 * The same distance in SQL, for columns or bound parameters holding degrees (e.g. `distanceKmSql('lat', 'lng', '$1', '$2')`).
 * The arguments are written into the SQL as they are: pass column names or placeholders, never user text.
 */
export function distanceKmSql(latA: string, lngA: string, latB: string, lngB: string): string {
  return (
    `(${2 * EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(${latB} - ${latA}) / 2), 2)` +
    ` + cos(radians(${latA})) * cos(radians(${latB})) * power(sin(radians(${lngB} - ${lngA}) / 2), 2)))))`
  );
}

/** Per-point trigonometry, computed once per seeker or shortage: sin/cos of half angles make the haversine need no trig per pair. */
export interface GeoTrig {
  sinHalfLat: number;
  cosHalfLat: number;
  cosLat: number;
  sinHalfLng: number;
  cosHalfLng: number;
}

export function geoTrig(lat: number, lng: number): GeoTrig {
  return {
    sinHalfLat: sin((lat * RAD) / 2),
    cosHalfLat: cos((lat * RAD) / 2),
    cosLat: cos(lat * RAD),
    sinHalfLng: sin((lng * RAD) / 2),
    cosHalfLng: cos((lng * RAD) / 2),
  };
}

/**
 * The haversine term h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2), with sin(Δ/2) expanded by the angle-difference
 * identity; the distance is 2R·asin(√h) (`hToKm`).
 */
export function haversineH(
  aSinHalfLat: number,
  aCosHalfLat: number,
  aCosLat: number,
  aSinHalfLng: number,
  aCosHalfLng: number,
  bSinHalfLat: number,
  bCosHalfLat: number,
  bCosLat: number,
  bSinHalfLng: number,
  bCosHalfLng: number,
): number {
  const dLat = aSinHalfLat * bCosHalfLat - aCosHalfLat * bSinHalfLat;
  const dLng = aSinHalfLng * bCosHalfLng - aCosHalfLng * bSinHalfLng;
  return dLat * dLat + aCosLat * bCosLat * dLng * dLng;
}

/**
 * 2R·asin(√h). Below x = 0.01 (about 127 km) asin is its Taylor series to x⁵: the next term is under 1e-15 of the
 * value, and it spares the kernel a library call per pair.
 */
export function hToKm(h: number): number {
  const x = sqrt(min(1, h));
  if (x < 0.01) {
    const x2 = x * x;
    return 2 * EARTH_RADIUS_KM * (x + x * x2 * (1 / 6 + x2 * (3 / 40)));
  }
  return 2 * EARTH_RADIUS_KM * asin(x);
}
