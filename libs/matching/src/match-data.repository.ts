import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GeoBox } from '@app/geocoding';
import { precisionCode, PRECISION_SLACK_KM } from './core/primitives';

/**
 * Matching's own reads (the decisions people took) and the box a record's reach covers. Seekers and shortages
 * come through their libs' read ports (SeekerMatchFacts, ShortageMatchFacts).
 */
@Injectable()
export class MatchDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pairs a person took out of matching (dismissed by an officer, not interested for the seeker). */
  async excludedPairs(where: { shortageIds?: string[]; seekerId?: string }): Promise<Set<string>> {
    const rows: { shortage_id: string; seeker_id: string }[] = where.seekerId
      ? await this.dataSource.query(
          `SELECT shortage_id, seeker_id FROM match_decision WHERE seeker_id = $1 AND decision IN ('dismissed', 'not_interested')`,
          [where.seekerId],
        )
      : await this.dataSource.query(
          `SELECT shortage_id, seeker_id FROM match_decision WHERE shortage_id = ANY($1) AND decision IN ('dismissed', 'not_interested')`,
          [where.shortageIds ?? []],
        );
    return new Set(rows.map((row) => pairKey(row.shortage_id, row.seeker_id)));
  }
}

export const pairKey = (shortageId: string, seekerId: string) => `${shortageId}:${seekerId}`;

/** The largest slack of a coarse location (a city seat): the other side of a pair may be that coarse. */
const MAX_SLACK_KM = Math.max(...PRECISION_SLACK_KM);

type Located = { lat: number | null; lng: number | null; locationPrecision?: string | null };

/**
 * A box around points, `km` wide on every side (1 degree of latitude is about 111 km; Hainan is near 19°N), widened
 * by the location slack of the coarsest point and of the coarsest possible other side (see PRECISION_SLACK_KM);
 * null when no point has coordinates (those records are reached by region).
 */
export function boxAround(points: Located[], km: number): GeoBox | null {
  const located = points.filter((point): point is Located & { lat: number; lng: number } => point.lat !== null && point.lng !== null);
  if (located.length === 0) return null;
  const slack = Math.max(...located.map((p) => PRECISION_SLACK_KM[precisionCode(p.lat, p.lng, p.locationPrecision)]));
  const reach = km + slack + MAX_SLACK_KM;
  const dLat = reach / 111;
  const dLng = reach / (111 * Math.cos((19 * Math.PI) / 180));
  return {
    latMin: Math.min(...located.map((p) => p.lat)) - dLat,
    latMax: Math.max(...located.map((p) => p.lat)) + dLat,
    lngMin: Math.min(...located.map((p) => p.lng)) - dLng,
    lngMax: Math.max(...located.map((p) => p.lng)) + dLng,
  };
}
