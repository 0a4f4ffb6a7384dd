import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GeoBox, LocationPrecision, nearAreaSql } from '@app/geocoding';
import { SkillVocabulary } from '@app/taxonomy';
import { countedPriorityGroups } from './priority-consent';

/** What matching may know of a seeker, as plain facts (the shape of the matching core's SeekerFacts). */
export interface SeekerMatchProfile {
  id: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  locationPrecision: LocationPrecision | null;
  travelRadiusKm: number;
  desiredOccupations: string[];
  /** With their canonical ids (`SkillVocabulary.withIds`): 炒菜 meets 热菜烹制. */
  skills: { name: string; level: number; skillId?: string }[];
  /** Certificate codes held. */
  certificates: string[];
  skillLevel: number | null;
  education: string | null;
  experience: { occupationCode: string; years: number }[];
  wageExpectation: number | null;
  /** ISO date (YYYY-MM-DD). */
  availableFrom: string | null;
  workTypes: string[];
  /** Only with the seeker's consent to sensitive matching (countedPriorityGroups); otherwise []. */
  priorityGroups: string[];
}

const COLUMNS = `p.id, p.region_code, p.lat, p.lng, p.location_precision, p.travel_radius_km, p.desired_occupations, p.skills, p.certificates,
  p.skill_level, p.education, p.experience, p.wage_expectation, to_char(p.available_from, 'YYYY-MM-DD') AS available_from,
  p.work_types, p.priority_groups, p.consent_sensitive_matching`;

/**
 * The seeker pool's read port for matching: seekers as match facts, read in sets with SQL that uses the blocking
 * index (`seeker_occupation_groups_idx`) and a bounding box. Outside any transaction, like a run's reads.
 */
@Injectable()
export class SeekerMatchFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One seeker's facts; null when there is no such seeker. */
  async ofSeeker(id: string): Promise<SeekerMatchProfile | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM seeker p WHERE p.id = $1`, [id]);
    return row ? toProfile(row) : null;
  }

  /**
   * Seekers of any of these occupation medium groups ('4-10', desired or past occupations) living inside the box,
   * or (located or not) in a region within reach by region of these codes: a seeker without coordinates is never
   * left out, and a shortage without coordinates still finds the seekers of its county. Ordered by id.
   */
  async near(groups: string[], box: GeoBox | null, regionCodes: string[]): Promise<SeekerMatchProfile[]> {
    if (groups.length === 0) return [];
    const area = nearAreaSql('p', 2, box, regionCodes);
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM seeker p
       WHERE occupation_groups(p.desired_occupations, p.experience) && $1::text[] AND ${area.sql}
       ORDER BY p.id`,
      [groups, ...area.params],
    );
    return rows.map(toProfile);
  }

  /**
   * Every seeker of any of these occupation medium groups, located or not, ordered by id: a full run reads a group
   * once for all its regions' shards (each region's box covers much of the province at the default reach).
   */
  async inGroups(groups: string[]): Promise<SeekerMatchProfile[]> {
    if (groups.length === 0) return [];
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM seeker p WHERE occupation_groups(p.desired_occupations, p.experience) && $1::text[] ORDER BY p.id`,
      [groups],
    );
    return rows.map(toProfile);
  }
}

/** Priority groups are sensitive: they reach matching only with the seeker's separate consent. */
function toProfile(row: Record<string, any>): SeekerMatchProfile {
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
