/** Plain inputs of the matching core: no entities, no I/O. The caller maps its records into these. */

export interface SeekerFacts {
  id: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  travelRadiusKm: number;
  /** 2022 occupation codes, most wanted first (any level; detailed codes match best). */
  desiredOccupations: string[];
  skills: { name: string; level: number }[];
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
  /** 2022 occupation code, normally the detailed level. */
  occupationCode: string;
  requiredSkills: { name: string; level: number }[];
  preferredSkills: { name: string; level: number }[];
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
