import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { liveShortageWithPlacesSql } from '@app/employer-demand';
import { countedPriorityGroups } from '@app/seeker-pool';
import { mediumGroupSql, SkillVocabulary } from '@app/taxonomy';
import { precisionCode, PRECISION_SLACK_KM } from './core/primitives';
import type { SeekerFacts, ShortageFacts } from './core';

/** A shard of a full re-match: the live shortages of one region and one occupation medium group ('4-10'). */
export interface MatchShard {
  regionCode: string;
  group: string;
}

export interface GeoBox {
  latMin: number;
  latMax: number;
  lngMin: number;
  lngMax: number;
}

const SHORTAGE_COLUMNS = `s.id, s.region_code, s.lat, s.lng, s.location_precision, s.occupation_code, s.required_skills, s.preferred_skills,
  s.required_certificates, s.min_skill_level, s.education, s.experience_years, s.wage_min, s.wage_max, s.work_type,
  to_char(s.start_date, 'YYYY-MM-DD') AS start_date, greatest(s.headcount - s.filled_headcount, 0) AS open_headcount,
  s.urgency, s.open_to_disabled`;

const SEEKER_COLUMNS = `p.id, p.region_code, p.lat, p.lng, p.location_precision, p.travel_radius_km, p.desired_occupations, p.skills, p.certificates,
  p.skill_level, p.education, p.experience, p.wage_expectation, to_char(p.available_from, 'YYYY-MM-DD') AS available_from,
  p.work_types, p.priority_groups, p.consent_sensitive_matching`;

/**
 * Reads what matching needs as plain facts, with SQL that uses the blocking indexes: shortages by status and
 * region, seekers by occupation medium group (`seeker_occupation_groups_idx`) and a bounding box.
 */
@Injectable()
export class MatchDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async liveShards(): Promise<MatchShard[]> {
    const rows: { region_code: string; grp: string }[] = await this.dataSource.query(
      `SELECT DISTINCT region_code, ${mediumGroupSql('occupation_code')} AS grp FROM shortage s
       WHERE ${liveShortageWithPlacesSql()} ORDER BY 1, 2`,
    );
    return rows.filter((row) => row.grp).map((row) => ({ regionCode: row.region_code, group: row.grp }));
  }

  async shortagesInShard(shard: MatchShard): Promise<ShortageFacts[]> {
    const rows = await this.dataSource.query(
      `SELECT ${SHORTAGE_COLUMNS} FROM shortage s
       WHERE ${liveShortageWithPlacesSql('s')} AND s.region_code = $1 AND ${mediumGroupSql('s.occupation_code')} = $2
       ORDER BY s.id`,
      [shard.regionCode, shard.group],
    );
    return rows.map(toShortageFacts);
  }

  /** The shortage if it is live with open positions; null otherwise. */
  async liveShortage(id: string, manager: EntityManager = this.dataSource.manager): Promise<ShortageFacts | null> {
    const [row] = await manager.query(
      `SELECT ${SHORTAGE_COLUMNS} FROM shortage s WHERE s.id = $1 AND ${liveShortageWithPlacesSql('s')}`,
      [id],
    );
    return row ? toShortageFacts(row) : null;
  }

  /**
   * Live shortages of these medium groups located inside the box, or (located or not) in a region within reach
   * by region of these codes (`regionScope`): a shortage without coordinates is never left out.
   */
  async liveShortagesNear(groups: string[], box: GeoBox | null, regionCodes: string[]): Promise<ShortageFacts[]> {
    if (groups.length === 0) return [];
    const scope = regionScope(regionCodes);
    const rows = await this.dataSource.query(
      `SELECT ${SHORTAGE_COLUMNS} FROM shortage s
       WHERE ${liveShortageWithPlacesSql('s')} AND ${mediumGroupSql('s.occupation_code')} = ANY($1)
         AND ((s.lat BETWEEN $2 AND $3 AND s.lng BETWEEN $4 AND $5) OR ${IN_SCOPE('s.region_code', '$6', '$7')})
       ORDER BY s.id`,
      [groups, ...boxParams(box), scope.codes, scope.cityPrefixes],
    );
    return rows.map(toShortageFacts);
  }

  async seeker(id: string): Promise<SeekerFacts | null> {
    const [row] = await this.dataSource.query(`SELECT ${SEEKER_COLUMNS} FROM seeker p WHERE p.id = $1`, [id]);
    return row ? toSeekerFacts(row) : null;
  }

  /**
   * Seekers of any of these medium groups (desired or past occupations) living inside the box, or (located or
   * not) in a region within reach by region of these codes: a seeker without coordinates is never left out, and a
   * shortage without coordinates still finds the seekers of its county.
   */
  async seekersNear(groups: string[], box: GeoBox | null, regionCodes: string[]): Promise<SeekerFacts[]> {
    if (groups.length === 0) return [];
    const scope = regionScope(regionCodes);
    const rows = await this.dataSource.query(
      `SELECT ${SEEKER_COLUMNS} FROM seeker p
       WHERE occupation_groups(p.desired_occupations, p.experience) && $1::text[]
         AND ((p.lat BETWEEN $2 AND $3 AND p.lng BETWEEN $4 AND $5) OR ${IN_SCOPE('p.region_code', '$6', '$7')})
       ORDER BY p.id`,
      [groups, ...boxParams(box), scope.codes, scope.cityPrefixes],
    );
    return rows.map(toSeekerFacts);
  }

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

/** A box that holds nothing (lat BETWEEN 1 AND 0), for records reached by region only. */
const boxParams = (box: GeoBox | null) => (box ? [box.latMin, box.latMax, box.lngMin, box.lngMax] : [1, 0, 1, 0]);

/** SQL: the region column is one of `codes` or a 6-digit code under one of the city prefixes. */
const IN_SCOPE = (column: string, codes: string, prefixes: string) =>
  `(${column} = ANY(${codes}::text[]) OR (length(${column}) = 6 AND left(${column}, 4) = ANY(${prefixes}::text[])))`;

/**
 * The region codes within reach by region of these (core `regionRelation`): each code itself; for a district
 * (460105) its city's code (460100), whose records' county is unknown; for a city with districts (460100) every
 * 6-digit code under it. The province (460000) reaches nothing by region.
 */
export function regionScope(regionCodes: string[]): { codes: string[]; cityPrefixes: string[] } {
  const codes = new Set<string>();
  const cityPrefixes = new Set<string>();
  for (const code of regionCodes) {
    if (!code || code.endsWith('0000')) continue;
    codes.add(code);
    if (code.length !== 6) continue;
    if (code.endsWith('00')) cityPrefixes.add(code.slice(0, 4));
    else codes.add(`${code.slice(0, 4)}00`);
  }
  return { codes: [...codes], cityPrefixes: [...cityPrefixes] };
}

/** Skills reach matching with their canonical ids (`SkillVocabulary.withIds`): 炒菜 meets 热菜烹制. */
function toShortageFacts(row: Record<string, any>): ShortageFacts {
  const skills = SkillVocabulary.shared();
  return {
    id: row.id,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    locationPrecision: row.location_precision,
    occupationCode: row.occupation_code,
    requiredSkills: skills.withIds(row.required_skills),
    preferredSkills: skills.withIds(row.preferred_skills),
    requiredCertificates: row.required_certificates,
    minSkillLevel: row.min_skill_level,
    education: row.education,
    experienceYears: row.experience_years,
    wageMin: row.wage_min,
    wageMax: row.wage_max,
    workType: row.work_type,
    startDate: row.start_date,
    openHeadcount: Number(row.open_headcount),
    urgency: row.urgency,
    openToDisabled: row.open_to_disabled,
  };
}

/** Priority groups are sensitive: they reach matching only with the seeker's separate consent. */
function toSeekerFacts(row: Record<string, any>): SeekerFacts {
  return {
    id: row.id,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    locationPrecision: row.location_precision,
    travelRadiusKm: row.travel_radius_km,
    desiredOccupations: row.desired_occupations,
    skills: SkillVocabulary.shared().withIds(row.skills),
    certificates: (row.certificates as { code: string }[]).map((certificate) => certificate.code),
    skillLevel: row.skill_level,
    education: row.education,
    experience: row.experience,
    wageExpectation: row.wage_expectation,
    availableFrom: row.available_from,
    workTypes: row.work_types,
    priorityGroups: countedPriorityGroups({ priorityGroups: row.priority_groups, consentSensitiveMatching: row.consent_sensitive_matching }),
  };
}
