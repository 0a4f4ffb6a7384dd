/**
 * What the search indexes hold: plain objects built from the seeker and shortage records (by the indexing
 * pipeline). They never carry ID numbers or phone numbers; the engines refuse a document that does.
 * Codes are also held as exact tags (every occupation level, region with its city), so filters never
 * depend on text matching.
 */

export interface SearchSkill {
  name: string;
  /** 1 (初级) … 5 (高级技师). */
  level: number;
}

interface SearchDocumentBase {
  id: string;
  /** Level-4 occupation codes (2022 classification), most relevant first. */
  occupationCodes: string[];
  /** Names of `occupationCodes`, same order: 养老护理员. */
  occupationNames: string[];
  /** Every level of every occupation code: '4', '4-10', '4-10-01', '4-10-01-05' (see `occupationCodeLevels`). */
  occupationTags: string[];
  /** Level-3 codes ('4-10-01'), for the occupationFamily facet. */
  occupationFamilies: string[];
  /** The county-level unit or district. */
  regionCode: string;
  /** `regionCode` and the city above it: '460106' → ['460106', '460100'] (see `regionCodeLevels`). */
  regionTags: string[];
  skills: SearchSkill[];
  /** `skills` names, as exact tags. */
  skillNames: string[];
  /** Taxonomy certificate codes: 'SKL-4-10-01-05', 'SPO-1.2'. */
  certificateCodes: string[];
  /** 1–5, or null when unknown. */
  skillLevel: number | null;
  /** full_time, part_time, seasonal, gig. */
  workTypes: string[];
  lat: number | null;
  lng: number | null;
  /** ISO 8601 timestamp of the source record's last change. */
  updatedAt: string;
  /**
   * Present when the indexing pipeline emptied fields of the record because they held an ID number or a phone
   * number (the index never carries these): their names, e.g. ['description']. The record in PostgreSQL keeps
   * the text; whoever edits it should take the number out. Absent when nothing was withheld.
   */
  redactedFields?: string[];
}

/** A job seeker, for service officers and station staff. No ID number, phone, address or birth date. */
export interface SeekerSearchDocument extends SearchDocumentBase {
  name: string;
  education: string | null;
  languages: string[];
  /** Monthly, yuan. */
  wageExpectation: number | null;
  travelRadiusKm: number;
  /** ISO date. */
  availableFrom: string | null;
  /** Priority-group codes, only when the seeker consented to sensitive matching; otherwise empty. */
  priorityGroups: string[];
}

/** An open shortage (job), for seekers. */
export interface ShortageSearchDocument extends SearchDocumentBase {
  title: string;
  employerName: string;
  description: string;
  trainingOffered: string | null;
  /** Monthly equivalents, yuan. */
  wageMin: number;
  wageMax: number;
  /** Places still open. */
  openings: number;
  /** ISO date. */
  deadline: string;
  urgency: string;
}

export type SearchDocument = SeekerSearchDocument | ShortageSearchDocument;
