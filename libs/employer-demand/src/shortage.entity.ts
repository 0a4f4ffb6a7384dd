import type { LocationPrecision } from '@app/geocoding';
import { POLICY_DIRECTION_SQL_LIST } from '@app/taxonomy';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Employer } from './employer.entity';

export const SHORTAGE_STATUSES = ['draft', 'screening', 'open', 'partially_filled', 'filled', 'closed', 'expired'] as const;
export type ShortageStatus = (typeof SHORTAGE_STATUSES)[number];
export const WORK_TYPES = ['full_time', 'part_time', 'seasonal', 'gig'] as const;
export type WorkType = (typeof WORK_TYPES)[number];
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface StoredScreenResult {
  verdict: 'PASS' | 'WARN' | 'REVIEW' | 'BLOCK';
  ruleSetVersion: string;
  screenedAt: string;
  findings: { ruleCode: string; verdict: string; field: string; matchedText: string; basis: string; reasonZh: string; reasonEn: string }[];
}

export interface SkillRequirement {
  name: string;
  /** 1 (五级/初级工) to 5 (一级/高级技师). */
  level: number;
}

/** 缺工需求: one demand for workers of one occupation at one place. */
@Entity('shortage')
@Check('shortage_policy_direction_check', `policy_direction IN (${POLICY_DIRECTION_SQL_LIST})`)
@Index('shortage_employer_idx', ['employerId'])
@Index('shortage_status_region_idx', ['status', 'regionCode'])
@Index('shortage_occupation_idx', ['occupationCode'])
// A full run's shard reads its occupation group's shortages: btree over mediumGroupSql(occupation_code) (see the migration).
@Index('shortage_medium_group_idx', { synchronize: false })
@Index('shortage_external_ref_key', ['employerId', 'externalRef'], { unique: true, where: 'external_ref IS NOT NULL' })
export class Shortage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'text' })
  title: string;

  /** 2022 occupation code, detailed level. */
  @Column({ type: 'text' })
  occupationCode: string;

  @Column({ type: 'text' })
  industryCode: string;

  @Column({ type: 'int' })
  headcount: number;

  /** Maintained from recorded hires only; never written from a request. */
  @Column({ type: 'int', default: 0 })
  filledHeadcount: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  requiredSkills: SkillRequirement[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  preferredSkills: SkillRequirement[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  requiredCertificates: string[];

  @Column({ type: 'int', nullable: true })
  minSkillLevel: number | null;

  @Column({ type: 'text', nullable: true })
  education: string | null;

  @Column({ type: 'int', nullable: true })
  experienceYears: number | null;

  @Column({ type: 'int' })
  wageMin: number;

  @Column({ type: 'int' })
  wageMax: number;

  @Column({ type: 'text', default: 'monthly' })
  payBasis: string;

  @Column({ type: 'text' })
  workType: WorkType;

  @Column({ type: 'text', nullable: true })
  shifts: string | null;

  @Column({ type: 'text' })
  regionCode: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  /** How precisely lat/lng are known (see LocationPrecision); null when there are no coordinates. */
  @Column({ type: 'text', nullable: true })
  locationPrecision: LocationPrecision | null;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'text', nullable: true })
  trainingOffered: string | null;

  @Column({ type: 'boolean', default: false })
  acceptsTrainees: boolean;

  @Column({ type: 'text', default: 'normal' })
  urgency: Urgency;

  @Column({ type: 'boolean', default: false })
  openToDisabled: boolean;

  /** One of the plan's seven directions of job development (the code list POLICY_DIRECTIONS of @app/taxonomy), or none. */
  @Column({ type: 'text', nullable: true })
  policyDirection: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', default: 'draft' })
  status: ShortageStatus;

  /** The employer's own reference (e.g. the row key of an imported workbook): re-imports update, never duplicate. */
  @Column({ type: 'text', nullable: true })
  externalRef: string | null;

  /** The latest posting-screen result (verdict, rule-set version, findings), kept with the shortage. */
  @Column({ type: 'jsonb', nullable: true })
  screenResult: StoredScreenResult | null;

  /** Why a WARN finding is acceptable, given by whoever published it. */
  @Column({ type: 'text', nullable: true })
  screenJustification: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** First response to the shortage (缺工响应): screened and published, candidates sent, or event proposed. */
  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
