import type { LocationPrecision } from '@app/geocoding';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PRIORITY_GROUPS = [
  'college_graduate',
  'poverty_alleviated',
  'migrant_worker',
  'veteran',
  'registered_unemployed',
  'hard_to_employ',
  'disabled',
] as const;
export type PriorityGroupCode = (typeof PRIORITY_GROUPS)[number];

export interface SeekerSkill {
  name: string;
  level: number;
}
export interface SeekerCertificate {
  code: string;
  number: string;
  issuedOn: string;
}
export interface SeekerExperience {
  occupationCode: string;
  years: number;
}
/** One school or training stage of the seeker's education history (月份 as YYYY-MM). */
export interface SeekerEducationEntry {
  school: string;
  major?: string;
  /** One of EDUCATION_CHOICES (@app/taxonomy). */
  level: string;
  from: string;
  to?: string | null;
}
/** One job of the seeker's work history (months as YYYY-MM; no `to` while it lasts). */
export interface SeekerWorkEntry {
  employer: string;
  title: string;
  occupationCode?: string | null;
  from: string;
  to?: string | null;
  description?: string;
}
export const JOB_SEEKING_STATUSES = ['actively_looking', 'open_to_offers', 'employed_not_looking', 'not_looking'] as const;
export type JobSeekingStatus = (typeof JOB_SEEKING_STATUSES)[number];

/** 重点群体 membership with its evidence; `verifiedBy` is the user who checked the evidence. */
export interface PriorityGroupClaim {
  group: PriorityGroupCode;
  evidence: string;
  verifiedBy?: string | null;
  graduationDate?: string;
  school?: string;
}

/**
 * 求职者. The ID number and phone are stored only encrypted, with keyed hashes (blind indexes) for exact
 * lookup and de-duplication; they never enter search indexes, job payloads, Redis or logs.
 */
@Entity('seeker')
@Index('seeker_region_idx', ['regionCode'])
// Matching's blocking index: GIN over occupation_groups(desired_occupations, experience), an SQL function (see the migration).
@Index('seeker_occupation_groups_idx', { synchronize: false })
export class Seeker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  residentIdEncrypted: string;

  @Index('seeker_resident_id_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  residentIdHash: string;

  @Column({ type: 'text', nullable: true })
  phoneEncrypted: string | null;

  @Index('seeker_phone_hash_idx')
  @Column({ type: 'char', length: 64, nullable: true })
  phoneHash: string | null;

  /** Derived from the ID number. */
  @Column({ type: 'text' })
  gender: 'male' | 'female';

  /** Derived from the ID number. */
  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text', default: '' })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  /** How precisely lat/lng are known (see LocationPrecision); null when there are no coordinates. */
  @Column({ type: 'text', nullable: true })
  locationPrecision: LocationPrecision | null;

  @Column({ type: 'int', default: 10 })
  travelRadiusKm: number;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  desiredOccupations: string[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  skills: SeekerSkill[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  certificates: SeekerCertificate[];

  @Column({ type: 'int', nullable: true })
  skillLevel: number | null;

  @Column({ type: 'text', nullable: true })
  education: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  experience: SeekerExperience[];

  @Column({ type: 'int', nullable: true })
  wageExpectation: number | null;

  @Column({ type: 'date', nullable: true })
  availableFrom: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  workTypes: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  languages: string[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  priorityGroups: PriorityGroupClaim[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  educationHistory: SeekerEducationEntry[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  workHistory: SeekerWorkEntry[];

  /** 求职状态; null until she says. */
  @Column({ type: 'text', nullable: true })
  jobSeekingStatus: JobSeekingStatus | null;

  /** 自我介绍 (free text; never indexed for search). */
  @Column({ type: 'text', default: '' })
  selfIntroduction: string;

  /** Separate consent to use sensitive categories (priority groups, disability) in matching. */
  @Column({ type: 'boolean', default: false })
  consentSensitiveMatching: boolean;

  /** Station staff member who registered a walk-in (assisted registration); null when self-registered. */
  @Column({ type: 'uuid', nullable: true })
  registeredBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
