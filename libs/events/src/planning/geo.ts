import * as sphere from '@app/geocoding/distance';

const { cos, PI, floor } = Math;

export interface Point {
  lat: number;
  lng: number;
}

const RAD = PI / 180;
const KM_PER_DEGREE_LAT = 111.32;

/** Great-circle distance in km: the one formula in libs/geocoding/src/distance.ts, bound here for the planner's loops. */
export const distanceKm: (a: Point, b: Point) => number = sphere.distanceKm;

/** Weighted mean position; fine at the scale of one province. */
export function centroid<T extends Point>(items: readonly T[], weight: (item: T) => number): Point {
  let lat = 0;
  let lng = 0;
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    lat += item.lat * w;
    lng += item.lng * w;
    total += w;
  }
  if (total === 0) return items.length ? { lat: items[0].lat, lng: items[0].lng } : { lat: 0, lng: 0 };
  return { lat: lat / total, lng: lng / total };
}

/**
 * Points bucketed in square cells of about `cellKm`: `near` returns every item within `radiusKm` of a point
 * (and some a little farther: callers filter by exact distance). Longitude cells are sized at `refLat`.
 */
export class GridIndex<T extends Point> {
  private readonly cells = new Map<string, T[]>();
  private readonly latStep: number;
  private readonly lngStep: number;

  constructor(cellKm: number, refLat = 19.2) {
    this.latStep = cellKm / KM_PER_DEGREE_LAT;
    this.lngStep = cellKm / (KM_PER_DEGREE_LAT * cos(refLat * RAD));
  }

  add(item: T): void {
    const key = `${floor(item.lat / this.latStep)}:${floor(item.lng / this.lngStep)}`;
    const cell = this.cells.get(key);
    if (cell) cell.push(item);
    else this.cells.set(key, [item]);
  }

  near(point: Point, radiusKm: number): T[] {
    // Cells are sized at refLat; the 1.1 margin covers Hainan's latitude span (18°–20.2°).
    const spanLat = Math.ceil((radiusKm * 1.1) / (this.latStep * KM_PER_DEGREE_LAT));
    const spanLng = Math.ceil((radiusKm * 1.1) / (this.lngStep * KM_PER_DEGREE_LAT * cos(point.lat * RAD)));
    const row = floor(point.lat / this.latStep);
    const col = floor(point.lng / this.lngStep);
    const out: T[] = [];
    for (let r = row - spanLat; r <= row + spanLat; r++) {
      for (let c = col - spanLng; c <= col + spanLng; c++) {
        const cell = this.cells.get(`${r}:${c}`);
        if (cell) for (const item of cell) out.push(item);
      }
    }
    return out;
  }
}
