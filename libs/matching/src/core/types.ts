/** Plain inputs of the matching core: no entities, no I/O. The caller maps its records into these. */
import type { LocationPrecision } from '@app/geocoding';

/**
 * A skill as written, with the canonical skill id it maps to when one fits (the caller maps it: see
 * `SkillVocabulary.withIds` in @app/taxonomy). Two skills are the same skill when their `skillKey` is.
 */
export interface SkillFact {
  name: string;
  level: number;
  skillId?: string;
}

/**
 * Locations: WGS-84 `lat`/`lng` (null when unknown) and how precisely they are known (`locationPrecision`; absent
 * or null with coordinates means a point). Without coordinates a record is matched by its region code.
 */

export interface SeekerFacts {
  id: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  locationPrecision?: LocationPrecision | null;
  travelRadiusKm: number;
  /** 2022 occupation codes, most wanted first (any level; detailed codes match best). */
  desiredOccupations: string[];
  skills: SkillFact[];
  /** Certificate codes held, e.g. 'SKL-4-10-01-05', 'SPO-1.2'. */
  certificates: string[];
  skillLevel: number | null;
  education: string | null;
  experience: { occupationCode: string; years: number }[];
  /** Monthly, yuan. */
  wageExpectation: number | null;
  /** ISO date (YYYY-MM-DD). */
  availableFrom: string | null;
  workTypes: string[];
  /** Only filled when the seeker consented to sensitive matching (or a legal basis applies); otherwise []. */
  priorityGroups: string[];
}

export interface ShortageFacts {
  id: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  locationPrecision?: LocationPrecision | null;
  /** 2022 occupation code, normally the detailed level. */
  occupationCode: string;
  requiredSkills: SkillFact[];
  preferredSkills: SkillFact[];
  requiredCertificates: string[];
  minSkillLevel: number | null;
  education: string | null;
  experienceYears: number | null;
  /** Monthly, yuan. */
  wageMin: number;
  wageMax: number;
  workType: string;
  /** ISO date (YYYY-MM-DD). */
  startDate: string;
  openHeadcount: number;
  urgency: string;
  openToDisabled: boolean;
}
