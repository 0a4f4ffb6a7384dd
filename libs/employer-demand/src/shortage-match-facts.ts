import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GeoBox, LocationPrecision, nearAreaSql } from '@app/geocoding';
import { mediumGroupSql, SkillVocabulary } from '@app/taxonomy';
import { liveShortageWithPlacesSql } from './shortage-lifecycle';

/**
 * A shard of a full re-match: the live shortages of one occupation medium group ('4-10') whose region code starts
 * with `regionCode` (a region prefix; a full run plans one shard per group for the whole province, `PROVINCE_SHARD`).
 */
export interface MatchShard {
  regionCode: string;
  group: string;
}

/**
 * The region prefix of a full run's shards: every region code of the province. A group's seekers are read once per
 * run (each region's box covers much of the island at the default reach, so per-region shards read most of them
 * again for every region, once per worker process), and the groups spread over the workers.
 */
export const PROVINCE_SHARD = '46';
/** A group is split by city only above this many live shortages (and its share of all: `liveShards`). */
const SPLIT_GROUP_MIN = 200;

/** What matching may know of a shortage, as plain facts (the shape of the matching core's ShortageFacts). */
export interface ShortageMatchProfile {
  id: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  locationPrecision: LocationPrecision | null;
  occupationCode: string;
  /** Skills with their canonical ids (`SkillVocabulary.withIds`): 热菜烹制 meets a seeker's 炒菜. */
  requiredSkills: { name: string; level: number; skillId?: string }[];
  preferredSkills: { name: string; level: number; skillId?: string }[];
  requiredCertificates: string[];
  minSkillLevel: number | null;
  education: string | null;
  experienceYears: number | null;
  wageMin: number;
  wageMax: number;
  workType: string;
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
  /** Positions still open (headcount less filled, never below 0). */
  openHeadcount: number;
  urgency: string;
  openToDisabled: boolean;
}

const COLUMNS = `s.id, s.region_code, s.lat, s.lng, s.location_precision, s.occupation_code, s.required_skills, s.preferred_skills,
  s.required_certificates, s.min_skill_level, s.education, s.experience_years, s.wage_min, s.wage_max, s.work_type,
  to_char(s.start_date, 'YYYY-MM-DD') AS start_date, greatest(s.headcount - s.filled_headcount, 0) AS open_headcount,
  s.urgency, s.open_to_disabled`;

/**
 * The employer-demand read port for matching: live shortages with open positions as match facts, read in sets
 * with SQL that uses the blocking indexes (status and region, occupation medium group, a bounding box). Outside
 * any transaction, like a run's reads.
 */
@Injectable()
export class ShortageMatchFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A shard per medium group that has a live shortage with open positions, largest first (so none is left for last).
   * A group holding more than 1/`slots` of all live shortages, `slots` being how many shards run at once (matcher
   * processes × jobs per process), would hold up the run: it is split by city (the region code's first four digits).
   * Only then: every process that takes one of a split group's shards reads and indexes the whole group, so a split
   * that is not needed only adds work. A group's shards follow each other, so a worker taking several of them reads
   * the group's seekers once.
   */
  async liveShards(slots: number): Promise<MatchShard[]> {
    const rows: { grp: string; city: string; n: number }[] = await this.dataSource.query(
      `SELECT ${mediumGroupSql('occupation_code')} AS grp, left(region_code, 4) AS city, count(*)::int AS n FROM shortage s
       WHERE ${liveShortageWithPlacesSql()} GROUP BY 1, 2`,
    );
    const groups = new Map<string, { total: number; cities: { city: string; n: number }[] }>();
    for (const row of rows.filter((r) => r.grp)) {
      const group = groups.get(row.grp) ?? { total: 0, cities: [] };
      group.total += row.n;
      group.cities.push({ city: row.city, n: row.n });
      groups.set(row.grp, group);
    }
    const all = [...groups.values()].reduce((sum, group) => sum + group.total, 0);
    const bySize = <T extends { n: number }>(a: T & { key: string }, b: T & { key: string }) => b.n - a.n || (a.key < b.key ? -1 : 1);
    return [...groups.entries()]
      .map(([group, { total, cities }]) => ({ key: group, n: total, group, cities }))
      .sort(bySize)
      .flatMap(({ group, n, cities }) =>
        n > Math.max(SPLIT_GROUP_MIN, all / slots)
          ? cities.map((c) => ({ key: c.city, n: c.n })).sort(bySize).map((c) => ({ regionCode: c.key, group }))
          : [{ regionCode: PROVINCE_SHARD, group }],
      );
  }

  /** The live shortages with open positions of one shard, ordered by id. */
  async inShard(shard: MatchShard): Promise<ShortageMatchProfile[]> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM shortage s
       WHERE ${liveShortageWithPlacesSql('s')} AND starts_with(s.region_code, $1) AND ${mediumGroupSql('s.occupation_code')} = $2
       ORDER BY s.id`,
      [shard.regionCode, shard.group],
    );
    return rows.map(toProfile);
  }

  /** The shortage if it is live with open positions; null otherwise. */
  async live(id: string): Promise<ShortageMatchProfile | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM shortage s WHERE s.id = $1 AND ${liveShortageWithPlacesSql('s')}`, [id]);
    return row ? toProfile(row) : null;
  }

  /**
   * Live shortages of these medium groups located inside the box, or (located or not) in a region within reach
   * by region of these codes (`regionScope`): a shortage without coordinates is never left out. Ordered by id.
   */
  async liveNear(groups: string[], box: GeoBox | null, regionCodes: string[]): Promise<ShortageMatchProfile[]> {
    if (groups.length === 0) return [];
    const area = nearAreaSql('s', 2, box, regionCodes);
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM shortage s
       WHERE ${liveShortageWithPlacesSql('s')} AND ${mediumGroupSql('s.occupation_code')} = ANY($1) AND ${area.sql}
       ORDER BY s.id`,
      [groups, ...area.params],
    );
    return rows.map(toProfile);
  }
}

function toProfile(row: Record<string, any>): ShortageMatchProfile {
  return {
    id: row.id,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    locationPrecision: row.location_precision,
    occupationCode: row.occupation_code,
    requiredSkills: SkillVocabulary.shared().withIds(row.required_skills),
    preferredSkills: SkillVocabulary.shared().withIds(row.preferred_skills),
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
