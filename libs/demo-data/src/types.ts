/** The records the demo-data generator produces: plain objects, ready to insert or index. */

import { EDUCATION_LADDER, EducationLevel } from '@app/taxonomy';

export type Tier = 'demo' | 'S' | 'M' | 'L';

export type StationType = 'employment_station' | 'gig_market' | 'hr_market';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export type Ownership = 'private' | 'soe' | 'public_institution' | 'individual_business' | 'social_organisation';
export type Gender = 'male' | 'female';
/** A rung of the education ladder (libs/taxonomy/src/education.ts). */
export type Education = EducationLevel;
export type WorkType = 'full_time' | 'part_time' | 'seasonal' | 'gig';
export type PayBasis = 'monthly' | 'hourly' | 'piece';
export type Urgency = 'normal' | 'urgent' | 'critical';
export type PriorityGroupCode =
  | 'college_graduate'
  | 'poverty_alleviated'
  | 'migrant_worker'
  | 'veteran'
  | 'registered_unemployed'
  | 'hard_to_employ'
  | 'disabled';
/** The plan's seven directions of job development (二(一)–(七)). */
export type PolicyDirection =
  | 'advanced_manufacturing'
  | 'consumption'
  | 'major_projects'
  | 'livelihood'
  | 'grassroots'
  | 'private_sme'
  | 'public_soe';
export type ParkKey = 'yangpu' | 'jiangdong' | 'yazhou_bay' | 'boao_lecheng' | 'wenchang_space';

export const EDUCATION_LEVELS: readonly Education[] = EDUCATION_LADDER;

export interface Station {
  key: string;
  name: string;
  type: StationType;
  /** County-level unit (one of Taxonomy.counties()). */
  regionCode: string;
  park: ParkKey | null;
  address: string;
  lat: number;
  lng: number;
  /** People at once. */
  capacity: number;
  booths: number;
  openingHours: string;
}

export interface Employer {
  key: string;
  name: string;
  creditCode: string;
  /** GB/T 4754-2017 class code. */
  industryCode: string;
  sizeClass: SizeClass;
  ownership: Ownership;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  park: ParkKey | null;
  contactName: string;
  contactPhone: string;
}

export interface Officer {
  key: string;
  username: string;
  displayName: string;
  regionCode: string;
}

export interface Pairing {
  key: string;
  officerKey: string;
  employerKey: string;
}

export interface Skill {
  name: string;
  /** 1 (初级) … 5 (高级技师). */
  level: number;
}

export interface HeldCertificate {
  /** Taxonomy certificate code, e.g. 'SKL-4-10-01-05' or 'SPO-1.2'. */
  code: string;
  number: string;
  issuedOn: string;
}

export interface Experience {
  occupationCode: string;
  years: number;
}

export interface PriorityGroup {
  group: PriorityGroupCode;
  evidence: string;
  /** College graduates only. */
  graduationDate?: string;
  school?: string;
}

export interface Seeker {
  key: string;
  name: string;
  residentId: string;
  phone: string;
  gender: Gender;
  birthDate: string;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  travelRadiusKm: number;
  /** Level-4 occupation codes, most wanted first. */
  desiredOccupations: string[];
  skills: Skill[];
  certificates: HeldCertificate[];
  skillLevel: number;
  education: Education;
  experience: Experience[];
  /** Monthly, yuan. */
  wageExpectation: number;
  availableFrom: string;
  workTypes: WorkType[];
  languages: string[];
  priorityGroups: PriorityGroup[];
  consentToSensitiveMatching: boolean;
}

export interface Shortage {
  key: string;
  employerKey: string;
  /** Level-4 occupation code. */
  occupationCode: string;
  industryCode: string;
  headcount: number;
  requiredSkills: Skill[];
  preferredSkills: Skill[];
  requiredCertificates: string[];
  minSkillLevel: number;
  education: Education;
  experienceYears: number;
  /** Monthly equivalents in yuan, whatever the pay basis. */
  wageMin: number;
  wageMax: number;
  payBasis: PayBasis;
  workType: WorkType;
  shifts: string;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  startDate: string;
  deadline: string;
  trainingOffered: string | null;
  acceptsTrainees: boolean;
  urgency: Urgency;
  openToDisabled: boolean;
  policyDirection: PolicyDirection;
  description: string;
}
