import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Payee, RuleCode } from '../core';

/** Where a claim comes from: applied for online, opened by the platform from a recorded hire (免申即享), or filed by an officer for a walk-in. */
export const CLAIM_ORIGINS = ['applied', 'apply_free', 'officer'] as const;
export type ClaimOrigin = (typeof CLAIM_ORIGINS)[number];

/** The workflow's states (issue 19): the main path, then the exits. */
export const CLAIM_STATUSES = [
  'candidate', 'draft', 'submitted', 'auto_checked', 'county_review', 'city_review', 'notice', 'approved', 'paid',
  'refused', 'appealed', 'objected', 'payment_failed', 'recovered', 'withdrawn',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * A subsidy claim under one rule. `subjectKey` names what is paid for (for G1 the person's blind index; for I1/I2 the
 * household's credit code; for T2 the project): one live claim per rule and subject, so a person is not claimed twice.
 */
@Entity('subsidy_claim')
@Index('subsidy_claim_subject_key', ['rule', 'subjectKey'], { unique: true, where: `status NOT IN ('refused', 'withdrawn')` })
@Index('subsidy_claim_status_idx', ['status', 'rule'])
export class SubsidyClaim {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  rule: RuleCode;

  @Column({ type: 'text', default: 'draft' })
  status: ClaimStatus;

  @Column({ type: 'text' })
  origin: ClaimOrigin;

  /** Who receives the money: the employer, the person, the household, the institution or the host unit. */
  @Column({ type: 'text' })
  claimantKind: Payee;

  /** The claimant's record (an employer or a seeker), when the platform has one. */
  @Column({ type: 'uuid', nullable: true })
  claimantId: string | null;

  @Column({ type: 'text' })
  subjectKey: string;

  /** The record the claim arose from (the hire's application, the project), when there is one. */
  @Column({ type: 'text', nullable: true })
  sourceRef: string | null;

  /** The legally relevant date of the latest decision (hire, certificate, quarter end). */
  @Column({ type: 'date', nullable: true })
  relevantDate: string | null;

  /** The account that created the claim; null for claims the platform opened. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
